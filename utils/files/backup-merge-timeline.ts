// The timeline side of the backup merge (backup-merge.ts tells the rules): touches and next steps
// united by id, the version kept when both sides hold one, and what the united timeline says of
// each person.
import { LIMITS, withOpenDue } from '../../storage/domain';
import type { NextStep, Touch } from '../../storage/schemas';
import type { MergeCounts } from './backup-merge';
import { joinText } from './backup-merge-people';
import { compact, compareKeys, type Key, minDefined, sameRecord } from './records';

/** Which side's version of a person's shared record wins: > 0 here, < 0 the backup, 0 no preference. */
export type SideOrder = (personId: string) => number;

/** The records of both sides by id; `merge` decides for an id both hold with different content. */
export function unite<T extends { id: string }>(
  here: readonly T[],
  incoming: readonly T[],
  merge: (here: T, incoming: T) => T,
): { merged: T[]; changed: T[]; counts: MergeCounts } {
  const all = new Map(here.map((r) => [r.id, r]));
  const changed: T[] = [];
  const counts = { added: 0, updated: 0, unchanged: 0 };
  for (const record of incoming) {
    const mine = all.get(record.id);
    // The same record on both sides (the usual case) merges into itself.
    const next = mine === undefined ? record : sameRecord(mine, record) ? mine : merge(mine, record);
    if (!mine) counts.added++;
    else if (next === mine || sameRecord(mine, next)) {
      counts.unchanged++;
      continue;
    } else counts.updated++;
    all.set(record.id, next);
    changed.push(next);
  }
  return { merged: [...all.values()], changed, counts };
}

/** The newer side's touch, its note joined with the other's and the earlier `createdAt`. */
export function mergeTouch(a: Touch, b: Touch, sideOrder: SideOrder, notesNotJoined: Set<string>): Touch {
  const order = (a.personId === b.personId && sideOrder(a.personId)) || compareKeys(touchKey(a), touchKey(b));
  const [newer, older] = order >= 0 ? [a, b] : [b, a];
  const note = joinText(newer.note, older.note, LIMITS.note);
  if (note === undefined) notesNotJoined.add(newer.personId);
  return { ...newer, note: note ?? newer.note, createdAt: Math.min(a.createdAt, b.createdAt) };
}

/** The newer side's step, done if done on either side (at the earlier date). */
export function mergeStep(a: NextStep, b: NextStep, sideOrder: SideOrder): NextStep {
  const order = (a.personId === b.personId && sideOrder(a.personId)) || compareKeys(stepKey(a), stepKey(b));
  const newer = order >= 0 ? a : b;
  const doneAt = minDefined(a.doneAt, b.doneAt);
  return withOpenDue(compact({ ...newer, doneAt, createdAt: Math.min(a.createdAt, b.createdAt) }));
}

/** For each affected person, their latest touch and whether any touch was in person. */
export function timelinesOf(
  touches: readonly Touch[],
  affected: ReadonlySet<string>,
): Map<string, { last: number; met: boolean }> {
  const timelines = new Map<string, { last: number; met: boolean }>();
  for (const t of touches) {
    if (!affected.has(t.personId)) continue;
    const line = timelines.get(t.personId) ?? { last: t.at, met: false };
    timelines.set(t.personId, { last: Math.max(line.last, t.at), met: line.met || t.kind === 'inPerson' });
  }
  return timelines;
}

// A merged touch or step keeps the newer's fields, a note at least as long and an earlier creation.
const touchKey = (t: Touch): Key => [
  t.at,
  t.kind,
  t.initiator,
  t.value,
  t.personId,
  t.note.length,
  t.note,
  -t.createdAt,
];
const stepKey = (s: NextStep): Key => [
  s.personId,
  s.text,
  s.dueAt,
  s.doneAt === undefined ? undefined : -s.doneAt,
  -s.createdAt,
];
