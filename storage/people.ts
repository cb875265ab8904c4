// Every read and write of people. Writes keep dueAt right and announce the change.

import { z } from 'zod';
import { computeDueAt } from '../utils/cadence';
import { emitChanged } from './changes';
import { db } from './db';
import { newPerson, withOpenDue } from './domain';
import {
  type NextStep,
  type Person,
  personSchema,
  type Settings,
  type Stage,
  stageSchema,
  stages,
  type Touch,
} from './schemas';
import { getSettings } from './settings';

/** What a LinkedIn page (or an import row) tells us about a person. */
export const profileFactsSchema = personSchema
  .pick({ slug: true, memberId: true, name: true, headline: true, company: true, photoUrl: true })
  .strict();
export type ProfileFacts = z.infer<typeof profileFactsSchema>;

/** What the user can change about a person. `cadenceDays: null` returns to the stage default. */
export const personPatchSchema = z
  .object({
    name: personSchema.shape.name,
    headline: personSchema.shape.headline,
    company: personSchema.shape.company,
    stage: stageSchema,
    cadenceDays: personSchema.shape.cadenceDays.unwrap().nullable(),
    tags: personSchema.shape.tags,
    about: personSchema.shape.about,
    /** null clears the triage decision (undo in the triage queue). */
    triagedAt: personSchema.shape.triagedAt.unwrap().nullable(),
  })
  .partial()
  .strict();
export type PersonPatch = z.infer<typeof personPatchSchema>;

export function withDueAt(person: Person, settings: Settings): Person {
  const dueAt = computeDueAt(person, settings);
  const { dueAt: _old, ...rest } = person;
  return dueAt === undefined ? rest : { ...rest, dueAt };
}

export function getPerson(slug: string): Promise<Person | undefined> {
  return db.people.get(slug);
}

/** People by slug and by member id, in one read each. */
export async function lookupPeople(slugs: string[], memberIds: string[] = []): Promise<Person[]> {
  const [bySlug, byMember] = await Promise.all([
    slugs.length ? db.people.bulkGet(slugs) : [],
    memberIds.length ? db.people.where('memberId').anyOf(memberIds).toArray() : [],
  ]);
  const found = new Map<string, Person>();
  for (const p of [...bySlug, ...byMember]) if (p) found.set(p.slug, p);
  return [...found.values()];
}

/** Starts tracking a person seen on LinkedIn as a `contact`; an already tracked person is returned as is. */
export async function trackPerson(facts: ProfileFacts, now = Date.now()): Promise<Person> {
  const person = await db.transaction('rw', db.people, db.settings, async () => {
    const existing = await db.people.get(facts.slug);
    if (existing) return existing;
    const settings = await getSettings();
    const fresh = withDueAt(personSchema.parse(newPerson(facts, 'page', now)), settings);
    await db.people.add(fresh);
    return fresh;
  });
  emitChanged([person.slug]);
  return person;
}

/**
 * What a tracked person's record becomes after a visit to their profile: missing
 * facts filled, a changed headline or company recorded as a role change.
 * Returns null when the page tells nothing new.
 */
export function mergePageFacts(p: Person, facts: ProfileFacts, now: number): Person | null {
  const next: Person = { ...p };
  const roleMoved =
    (facts.headline && p.headline && facts.headline !== p.headline) ||
    (facts.company && p.company && facts.company !== p.company);
  if (roleMoved) {
    next.roleChanges = [
      ...p.roleChanges.slice(-99),
      {
        at: now,
        headline: facts.headline,
        company: facts.company,
        previousHeadline: p.headline,
        previousCompany: p.company,
      },
    ];
  }
  let changed = Boolean(roleMoved);
  for (const key of ['name', 'headline', 'company', 'photoUrl', 'memberId'] as const) {
    const value = facts[key];
    if (value && value !== p[key]) {
      next[key] = value;
      changed = true;
    }
  }
  if (!changed) return null;
  next.updatedAt = now;
  return next;
}

/**
 * Brings a tracked person up to date with what their profile shows (see
 * mergePageFacts). Returns undefined for people who are not tracked.
 */
export async function refreshFromPage(facts: ProfileFacts, now = Date.now()): Promise<Person | undefined> {
  let changed = false;
  const person = await db.transaction('rw', db.people, async () => {
    const p = await db.people.get(facts.slug);
    if (!p) return undefined;
    const next = mergePageFacts(p, facts, now);
    if (!next) return p;
    await db.people.put(personSchema.parse(next));
    changed = true;
    return next;
  });
  if (changed && person) emitChanged([person.slug]);
  return person;
}

export type PatchResult = { ok: true; person: Person } | { ok: false; error: string };

/** Edits a person; stage and cadence changes move dueAt. */
export async function updatePerson(slug: string, patch: PersonPatch, now = Date.now()): Promise<PatchResult> {
  const parsed = personPatchSchema.safeParse(patch);
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message ?? 'invalid change' };
  const result = await db.transaction('rw', db.people, db.settings, async (): Promise<PatchResult> => {
    const p = await db.people.get(slug);
    if (!p) return { ok: false, error: 'not tracked' };
    const { cadenceDays, triagedAt, ...rest } = parsed.data;
    const next: Person = { ...p, ...rest, updatedAt: now };
    if (cadenceDays === null) delete next.cadenceDays;
    else if (cadenceDays !== undefined) next.cadenceDays = cadenceDays;
    if (triagedAt === null) delete next.triagedAt;
    else if (triagedAt !== undefined) next.triagedAt = triagedAt;
    const checked = personSchema.safeParse(withDueAt(next, await getSettings()));
    if (!checked.success) return { ok: false, error: checked.error.issues[0]?.message ?? 'invalid change' };
    await db.people.put(checked.data);
    return { ok: true, person: checked.data };
  });
  if (result.ok) emitChanged([slug]);
  return result;
}

export function setStage(slug: string, stage: Stage, now = Date.now()): Promise<PatchResult> {
  return updatePerson(slug, { stage }, now);
}

/** Moves a person's due date to `until` without inventing a touch. */
export async function snoozePerson(slug: string, until: number, now = Date.now()): Promise<PatchResult> {
  const result = await db.transaction('rw', db.people, db.settings, async (): Promise<PatchResult> => {
    const p = await db.people.get(slug);
    if (!p) return { ok: false, error: 'not tracked' };
    const next = withDueAt({ ...p, snoozedUntil: until, updatedAt: now }, await getSettings());
    await db.people.put(next);
    return { ok: true, person: next };
  });
  if (result.ok) emitChanged([slug]);
  return result;
}

/** People whose due date has passed: an index range, never a scan. */
export function duePeople(now: number, limit = Number.POSITIVE_INFINITY): Promise<Person[]> {
  const range = db.people.where('dueAt').belowOrEqual(now);
  return Number.isFinite(limit) ? range.limit(limit).toArray() : range.toArray();
}

/** How many people are due, counting no further than `cap` (counting reads every index entry). */
export async function countDuePeopleUpTo(now: number, cap: number): Promise<number> {
  return (await db.people.where('dueAt').belowOrEqual(now).limit(cap).primaryKeys()).length;
}

/**
 * Everyone due by `upTo` who can be among the `n` most overdue people, without
 * reading everyone due: people on their stage's cadence rank within the stage
 * by dueAt, so the first few of each stage, plus everyone with a cadence of
 * their own.
 */
export async function mostOverdueCandidates(upTo: number, n: number): Promise<Person[]> {
  const own = (await db.people.where('cadenceDays').above(0).toArray()).filter(
    (p) => p.dueAt !== undefined && p.dueAt <= upTo,
  );
  const perStage = await Promise.all(
    stages.map((stage) =>
      db.people
        .where('[stage+dueAt]')
        .between([stage, -Infinity], [stage, upTo], true, true)
        .limit(n + own.length)
        .toArray(),
    ),
  );
  const bySlug = new Map<string, Person>();
  for (const p of [...own, ...perStage.flat()]) bySlug.set(p.slug, p);
  return [...bySlug.values()];
}

export interface DeletedPerson {
  person: Person;
  touches: Touch[];
  nextSteps: NextStep[];
}

/** Deletes a person with their timeline; returns everything removed so it can be restored. */
export async function deletePerson(slug: string): Promise<DeletedPerson | undefined> {
  const removed = await db.transaction('rw', db.people, db.touches, db.nextSteps, async () => {
    const person = await db.people.get(slug);
    if (!person) return undefined;
    const touches = await db.touches
      .where('[personId+at]')
      .between([slug, -Infinity], [slug, Infinity])
      .toArray();
    const nextSteps = await db.nextSteps.where('personId').equals(slug).toArray();
    await db.touches.bulkDelete(touches.map((t) => t.id));
    await db.nextSteps.bulkDelete(nextSteps.map((s) => s.id));
    await db.people.delete(slug);
    return { person, touches, nextSteps };
  });
  if (removed) emitChanged([slug]);
  return removed;
}

export async function restorePerson(removed: DeletedPerson): Promise<void> {
  await db.transaction('rw', db.people, db.touches, db.nextSteps, async () => {
    await db.people.put(removed.person);
    await db.touches.bulkPut(removed.touches);
    await db.nextSteps.bulkPut(removed.nextSteps.map(withOpenDue));
  });
  emitChanged([removed.person.slug]);
}
