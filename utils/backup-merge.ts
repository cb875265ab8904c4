// Merging a backup into what this browser holds: how a user moves between two browsers. Pure; the
// database side is mergeBackup in storage/backup.ts. The rules, chosen so that nothing is lost on
// either side, merging A into B gives what B into A gives (settings aside), and a second merge of the
// same file changes nothing:
//
// - People are matched by slug; on one side only: kept as they are. On both sides, the record with the
//   later `updatedAt` is the newer one (a tie goes to the one that knows more, then a fixed order).
//   - name, stage, own cadence, snooze: the newer's, absence included (it is a choice: "stage default",
//     "not snoozed");
//   - facts (member id, headline, company, photo, email, connected-on) and the triage decision: the
//     newer's, or the older's where the newer lacks one;
//   - notes ("about"): one text that holds both — the same, or one inside the other: the longer;
//     otherwise the newer, a blank line, the older (kept as the newer alone if too long to join);
//   - tags and role changes: united without duplicates (tags in the newer's order, then the older's,
//     up to the 50 a person can have; role changes by date, the latest 100);
//   - tracked since: the earlier, with where it came from; `updatedAt`: the later.
//   - last touch and met-in-person: derived from the united timeline (kept from the records for
//     someone with no touches); `dueAt` computed again with the settings here.
// - Touches and next steps are united by id. The same id on both sides with different content (they
//   carry no `updatedAt`; every touch edit updates its person) keeps the version from the side whose
//   person is newer, its note joined as a person's notes are, and the earlier `createdAt`; a next
//   step done on either side is done (at the earlier date).
// - A merge never deletes: what was deleted on one side since the backup comes back from the other.
// - Settings: the ones here stay; the backup's are not used.
import { LIMITS } from '../storage/domain';
import type { NextStep, Person, Settings, Touch } from '../storage/schemas';
import { computeDueAt } from './cadence';

export interface BackupData {
  people: readonly Person[];
  touches: readonly Touch[];
  nextSteps: readonly NextStep[];
}

export interface MergeCounts {
  /** Records the backup brought that were not here. */
  added: number;
  /** Records here that the merge changed. */
  updated: number;
  /** Records of the backup that were here already, exactly so. */
  unchanged: number;
}

export interface MergePlan {
  /** Everything there is after the merge. */
  merged: { people: Person[]; touches: Touch[]; nextSteps: NextStep[] };
  /** What to write: the merged records that are new or differ from what is here. */
  writes: { people: Person[]; touches: Touch[]; nextSteps: NextStep[] };
  counts: { people: MergeCounts; touches: MergeCounts; nextSteps: MergeCounts };
  /** People whose two versions of a note were too long to join: the newer was kept. */
  notesNotJoined: string[];
}

/** The merge of `incoming` (a backup) into `here` (the database), with the settings here. */
export function mergeBackupData(here: BackupData, incoming: BackupData, settings: Settings): MergePlan {
  const notesNotJoined = new Set<string>();
  const herePeople = bySlug(here.people);
  const filePeople = bySlug(incoming.people);
  const people = new Map(herePeople);
  for (const p of incoming.people) {
    const mine = herePeople.get(p.slug);
    people.set(p.slug, mine ? mergePerson(mine, p, notesNotJoined) : p);
  }
  // Which side's version of a shared touch or step wins follows its person (see the rules above).
  const orders = new Map<string, number>();
  const sideOrder = (personId: string): number => {
    let order = orders.get(personId);
    if (order === undefined) {
      const a = herePeople.get(personId);
      const b = filePeople.get(personId);
      order = a && b ? comparePrecedence(a, b) : 0;
      orders.set(personId, order);
    }
    return order;
  };
  // A touch that names another person on each side (only a hand-edited file does that) moves one.
  const moved = new Set<string>();
  const touches = unite(here.touches, incoming.touches, (a, b) => {
    if (a.personId !== b.personId) moved.add(a.personId).add(b.personId);
    const order =
      (a.personId === b.personId && sideOrder(a.personId)) || compareKeys(touchKey(a), touchKey(b));
    const [newer, older] = order >= 0 ? [a, b] : [b, a];
    const note = joinText(newer.note, older.note, LIMITS.note);
    if (note === undefined) notesNotJoined.add(newer.personId);
    return { ...newer, note: note ?? newer.note, createdAt: Math.min(a.createdAt, b.createdAt) };
  });
  const nextSteps = unite(here.nextSteps, incoming.nextSteps, (a, b) => {
    const order = (a.personId === b.personId && sideOrder(a.personId)) || compareKeys(stepKey(a), stepKey(b));
    const newer = order >= 0 ? a : b;
    const doneAt = minDefined(a.doneAt, b.doneAt);
    return withOpenDue(compact({ ...newer, doneAt, createdAt: Math.min(a.createdAt, b.createdAt) }));
  });

  // Everyone the backup names, and whoever a changed touch belongs to, is derived again.
  const affected = new Set([...filePeople.keys(), ...moved]);
  for (const t of touches.changed) affected.add(t.personId);
  const timelines = new Map<string, { last: number; met: boolean }>();
  for (const t of touches.merged) {
    if (!affected.has(t.personId)) continue;
    const line = timelines.get(t.personId) ?? { last: t.at, met: false };
    timelines.set(t.personId, { last: Math.max(line.last, t.at), met: line.met || t.kind === 'inPerson' });
  }
  const counts = { added: 0, updated: 0, unchanged: 0 };
  const writes: Person[] = [];
  for (const slug of affected) {
    const person = people.get(slug);
    if (!person) continue;
    const next = derive(person, timelines.get(slug), settings);
    people.set(slug, next);
    const mine = herePeople.get(slug);
    if (!mine) counts.added++;
    else if (sameRecord(mine, next)) {
      counts.unchanged++;
      continue;
    } else counts.updated++;
    writes.push(next);
  }
  return {
    merged: { people: [...people.values()], touches: touches.merged, nextSteps: nextSteps.merged },
    writes: { people: writes, touches: touches.changed, nextSteps: nextSteps.changed },
    counts: { people: counts, touches: touches.counts, nextSteps: nextSteps.counts },
    notesNotJoined: [...notesNotJoined],
  };
}

/**
 * Two versions of a text as one that holds both: the same, or one inside the other, gives the longer;
 * otherwise the newer, a blank line, the older. Undefined when that would be longer than `max`.
 */
export function joinText(newer: string, older: string, max: number): string | undefined {
  if (newer.includes(older)) return newer;
  if (older.includes(newer)) return older;
  const joined = `${newer}\n\n${older}`;
  return joined.length <= max ? joined : undefined;
}

// ——— People ———

const choices = ['name', 'stage', 'cadenceDays', 'snoozedUntil'] as const;
const facts = ['memberId', 'headline', 'company', 'photoUrl', 'email', 'connectedOn', 'triagedAt'] as const;

function mergePerson(a: Person, b: Person, notesNotJoined: Set<string>): Person {
  const [newer, older] = comparePeople(a, b) >= 0 ? [a, b] : [b, a];
  const next: Record<string, unknown> = { ...newer };
  for (const key of facts) if (lacks(newer[key]) && !lacks(older[key])) next[key] = older[key];
  const about = joinText(newer.about, older.about, LIMITS.about);
  if (about === undefined) notesNotJoined.add(newer.slug);
  const first = older.createdAt < newer.createdAt ? older : newer;
  return compact({
    ...(next as Person),
    about: about ?? newer.about,
    tags: [...new Set([...newer.tags, ...older.tags])].slice(0, LIMITS.tags),
    roleChanges: uniteRoleChanges(newer.roleChanges, older.roleChanges),
    createdAt: first.createdAt,
    source: first.source,
    updatedAt: Math.max(a.updatedAt, b.updatedAt),
    // What the records say, for someone without touches; derive() replaces it from the timeline.
    lastTouchAt: maxDefined(a.lastTouchAt, b.lastTouchAt),
    metInPerson: a.metInPerson || b.metInPerson,
  });
}

function uniteRoleChanges(newer: Person['roleChanges'], older: Person['roleChanges']) {
  const key = (r: Person['roleChanges'][number]) => stableStringify(r);
  const seen = new Set(newer.map(key));
  const extra = older.filter((r) => !seen.has(key(r)));
  if (extra.length === 0) return newer;
  // Sorted by date; like a profile visit, only the latest 100 are kept (the schema's limit).
  return [...newer, ...extra]
    .sort((x, y) => x.at - y.at || compareStrings(key(x), key(y)))
    .filter((r, i, all) => i === 0 || key(r) !== key(all[i - 1]!))
    .slice(-100);
}

function derive(person: Person, timeline: { last: number; met: boolean } | undefined, settings: Settings) {
  const next: Person = timeline
    ? { ...person, lastTouchAt: timeline.last, metInPerson: timeline.met }
    : person;
  // As storage/people.ts withDueAt: the same rule, from utils/cadence.ts.
  const dueAt = computeDueAt(next, settings);
  return compact({ ...next, dueAt });
}

/**
 * Which version of a person is the newer: later `updatedAt`, then (a tie) the one that knows more, so
 * that a merged record always ranks at least as high as both it came from and a second merge keeps it.
 */
function comparePrecedence(a: Person, b: Person): number {
  return compareKeys(precedenceKey(a), precedenceKey(b));
}

function comparePeople(a: Person, b: Person): number {
  return comparePrecedence(a, b) || compareStrings(stableStringify(a), stableStringify(b));
}

type Key = (string | number | undefined)[];

function precedenceKey(p: Person): Key {
  return [
    p.updatedAt,
    ...choices.map((k) => p[k]),
    ...facts.map((k) => (lacks(p[k]) ? undefined : p[k])),
    p.about.length,
    p.about,
    // Last, so that more tags with the same beginning rank higher.
    ...p.tags,
  ];
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

/** Lexicographic; absent ranks lowest; a key that is another's beginning ranks lower. */
function compareKeys(a: Key, b: Key): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    return typeof x === 'number' && typeof y === 'number'
      ? Math.sign(x - y)
      : compareStrings(String(x), String(y));
  }
  return 0;
}

// ——— Touches and next steps ———

function unite<T extends { id: string }>(
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

/** As storage/next-steps.ts withOpenDue: an open step with a due date carries it as `openDueAt`. */
function withOpenDue(step: NextStep): NextStep {
  const { openDueAt: _stale, ...rest } = step;
  return step.dueAt !== undefined && step.doneAt === undefined ? { ...rest, openDueAt: step.dueAt } : rest;
}

// ——— Records ———

function bySlug(people: readonly Person[]): Map<string, Person> {
  return new Map(people.map((p) => [p.slug, p]));
}

const lacks = (value: unknown): boolean => value === undefined || value === '';
const minDefined = (a?: number, b?: number) => (a === undefined ? b : b === undefined ? a : Math.min(a, b));
const maxDefined = (a?: number, b?: number) => (a === undefined ? b : b === undefined ? a : Math.max(a, b));

/** The record without keys whose value is undefined: an optional field is absent, never `undefined`. */
function compact<T extends object>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as T;
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** JSON with keys in order and undefined values left out: the same record always gives the same text. */
function stableStringify(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => compareStrings(x, y)))
      : v,
  );
}

/** Deep equality of stored records, an absent key and an undefined one being the same. */
export function sameRecord(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((x, i) => sameRecord(x, b[i]));
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  for (const key in x) if (!sameRecord(x[key], y[key])) return false;
  for (const key in y) if (!(key in x) && y[key] !== undefined) return false;
  return true;
}
