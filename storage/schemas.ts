// The one source of Vínculo's types: the database, the messages and the backup
// file all check records against these schemas.
import { z } from 'zod';
import { canonicalSlug } from '../utils/slug';
import { initiators, LIMITS, stages, suggestionKinds, touchKinds, values } from './domain';

export { LIMITS, type Stage, stages, type TouchKind, touchKinds } from './domain';

export const stageSchema = z.enum(stages);
export const touchKindSchema = z.enum(touchKinds);

export const initiatorSchema = z.enum(initiators);
export const valueSchema = z.enum(values);
export const sourceSchema = z.enum(['page', 'import', 'manual']);

/** Epoch milliseconds; a real instant between 1990 and 2200. */
export const epochSchema = z.number().int().min(631_152_000_000).max(7_258_118_400_000);

/**
 * A canonical profile slug: what `/in/<slug>/` names, decoded, NFC, lower case, 3 to 100 UTF-16 units.
 * Exactly the slugs utils/slug.ts gives (a pure module), checked by its own rule rather than a copy that
 * could drift; no min/max here, as Zod counts code points and would refuse `𠀀𠀁`, which it gives.
 */
export const slugSchema = z.string().refine((s) => canonicalSlug(s) === s, 'not a canonical slug');

/** LinkedIn's member id, as it appears in `/in/ACoAA…` links. */
export const memberIdSchema = z.string().regex(/^AC[A-Za-z0-9_-]{10,150}$/);

const text = (max: number) => z.string().max(max);
const optionalText = (max: number) => z.string().trim().max(max).optional();

export const roleChangeSchema = z.object({
  at: epochSchema,
  headline: optionalText(LIMITS.headline),
  company: optionalText(LIMITS.company),
  previousHeadline: optionalText(LIMITS.headline),
  previousCompany: optionalText(LIMITS.company),
});

/** A coach suggestion the user dismissed: "Not relevant" (with `facts`) or snoozed (with `until`). */
export const dismissalSchema = z
  .object({
    kind: z.enum(suggestionKinds),
    at: epochSchema,
    facts: z.string().max(200).optional(),
    until: epochSchema.optional(),
  })
  .strict();

export const personSchema = z.object({
  slug: slugSchema,
  memberId: memberIdSchema.optional(),
  name: z.string().trim().min(1).max(LIMITS.name),
  headline: optionalText(LIMITS.headline),
  company: optionalText(LIMITS.company),
  photoUrl: z
    .url({ protocol: /^https$/ })
    .max(LIMITS.url)
    .optional(),
  email: z.string().max(320).optional(),
  stage: stageSchema,
  /** Per-person cadence in days; absent means the stage's default. */
  cadenceDays: z.number().int().min(1).max(3650).optional(),
  tags: z.array(z.string().trim().min(1).max(LIMITS.tag)).max(LIMITS.tags),
  about: text(LIMITS.about),
  connectedOn: epochSchema.optional(),
  source: sourceSchema,
  createdAt: epochSchema,
  updatedAt: epochSchema,
  lastTouchAt: epochSchema.optional(),
  /** When the person is next due; absent when they have no cadence. */
  dueAt: epochSchema.optional(),
  snoozedUntil: epochSchema.optional(),
  metInPerson: z.boolean(),
  roleChanges: z.array(roleChangeSchema).max(100),
  /** When the newest role change was recorded, absent without one: the index the coach's moment range reads. */
  roleChangedAt: epochSchema.optional(),
  /** Set once the user has decided about an imported contact in the triage queue. */
  triagedAt: epochSchema.optional(),
  /** Coach suggestions dismissed for this person: at most one per kind (utils/coach.ts). */
  dismissals: dismissalSchema.array().max(5).optional(),
});
export type Person = z.infer<typeof personSchema>;

export const touchSchema = z.object({
  id: z.string().min(1).max(200),
  personId: slugSchema,
  at: epochSchema,
  kind: touchKindSchema,
  initiator: initiatorSchema,
  value: valueSchema,
  note: text(LIMITS.note),
  createdAt: epochSchema,
});
export type Touch = z.infer<typeof touchSchema>;

export const nextStepSchema = z.object({
  id: z.string().min(1).max(200),
  personId: slugSchema,
  text: z.string().trim().min(1).max(LIMITS.stepText),
  dueAt: epochSchema.optional(),
  doneAt: epochSchema.optional(),
  createdAt: epochSchema,
  /** `dueAt` while the step is open, absent once done: the index "which steps are due" reads. */
  openDueAt: epochSchema.optional(),
});
export type NextStep = z.infer<typeof nextStepSchema>;

const cadenceDays = z.number().int().min(1).max(3650).nullable();

export const settingsSchema = z.object({
  cadenceDays: z.object({
    contact: cadenceDays,
    acquaintance: cadenceDays,
    relationship: cadenceDays,
    archived: cadenceDays,
  }),
  /** Local hour (0–23) at which the daily digest may be shown. */
  reminderHour: z.number().int().min(0).max(23),
  /** Days of the week (0 = Sunday) on which no digest is shown. */
  quietDays: z.array(z.number().int().min(0).max(6)).max(7),
  notifications: z.boolean(),
  /** UI language; absent follows the browser. */
  language: z.enum(['en', 'es']).optional(),
});
export type Settings = z.infer<typeof settingsSchema>;

export const defaultSettings: Settings = {
  cadenceDays: { contact: null, acquaintance: 30, relationship: 60, archived: null },
  reminderHour: 9,
  quietDays: [],
  notifications: true,
};
