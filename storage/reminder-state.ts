// What the reminders have decided and shown, kept in the `settings` table so
// that a service worker killed at any moment picks up exactly where it was.
import { z } from 'zod';
import { db } from './db';
import { epochSchema, slugSchema } from './schemas';

const KEY = 'reminders';

/** A local calendar date, 'YYYY-MM-DD': the unit "once a day" is counted in. */
export const localDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const digestRecordSchema = z.object({
  /** The local date the digest belongs to; there is at most one per date. */
  date: localDateSchema,
  decidedAt: epochSchema,
  /**
   * decided: recorded, not yet on screen; showing: about to be (or just) created;
   * shown: on screen or dealt with. The steps let a restart resume without a repeat.
   */
  phase: z.enum(['decided', 'showing', 'shown']),
  title: z.string().max(1_000),
  message: z.string().max(4_000),
  /**
   * How many people it counted as going cold. Who they are is not stored: they
   * are the people still due at `decidedAt` (an index range), which also leaves
   * out anyone touched or snoozed since — and keeps this row small however many
   * people are due.
   */
  cold: z.number().int().min(0),
  /** Where "Open" leads: the one person's profile, or the dashboard. */
  open: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('profile'), slug: slugSchema }),
    z.object({ kind: z.literal('dashboard') }),
  ]),
});
export type DigestRecord = z.infer<typeof digestRecordSchema>;
export type DigestPhase = DigestRecord['phase'];

export const reminderStateSchema = z.object({ digest: digestRecordSchema.optional() });
export type ReminderState = z.infer<typeof reminderStateSchema>;

// If the row is damaged, keep at least which day was already notified: losing
// that would repeat today's digest, while losing the rest only disables the
// old notification's buttons.
const salvageSchema = z.object({ digest: z.object({ date: localDateSchema, decidedAt: epochSchema }) });

/** Reads a stored value; anything damaged falls back to the safest state it can prove. */
export function parseReminderState(value: unknown): ReminderState {
  const parsed = reminderStateSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const salvaged = salvageSchema.safeParse(value);
  if (!salvaged.success) return {};
  const { date, decidedAt } = salvaged.data.digest;
  return {
    digest: {
      date,
      decidedAt,
      phase: 'shown',
      title: '',
      message: '',
      cold: 0,
      open: { kind: 'dashboard' },
    },
  };
}

export async function getReminderState(): Promise<ReminderState> {
  const row = await db.settings.get(KEY);
  return row ? parseReminderState(row.value) : {};
}

/**
 * Reads, changes and writes the state in one transaction, so two checks racing
 * cannot both decide (or both claim) the same digest. `change` returns the new
 * state, or undefined to leave it as it is; the result says whether it wrote.
 */
export async function updateReminderState(
  change: (state: ReminderState) => ReminderState | undefined,
): Promise<ReminderState | undefined> {
  return db.transaction('rw', db.settings, async () => {
    const row = await db.settings.get(KEY);
    const next = change(row ? parseReminderState(row.value) : {});
    if (next === undefined) return undefined;
    // An invalid state here is a bug in the caller, not bad input: let it throw.
    const checked = reminderStateSchema.parse(next);
    await db.settings.put({ key: KEY, value: checked });
    return checked;
  });
}

/** Moves the digest of `date` from one phase to the next; false when it is no longer in `from`. */
export async function advanceDigest(date: string, from: DigestPhase, to: DigestPhase): Promise<boolean> {
  const written = await updateReminderState((state) =>
    state.digest?.date === date && state.digest.phase === from
      ? { ...state, digest: { ...state.digest, phase: to } }
      : undefined,
  );
  return written !== undefined;
}
