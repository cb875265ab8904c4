// The person-field rules of the backup merge (backup-merge.ts tells them all): which version of a
// person is the newer, and what each field of the merged person takes from either side.
import { LIMITS, withRoleChangedAt } from '../../storage/domain';
import type { Person, Settings } from '../../storage/schemas';
import { computeDueAt } from '../cadence';
import {
  compact,
  compareKeys,
  compareStrings,
  type Key,
  lacks,
  maxDefined,
  stableStringify,
} from './records';

const choices = ['name', 'stage', 'cadenceDays', 'snoozedUntil'] as const;
const facts = ['memberId', 'headline', 'company', 'photoUrl', 'email', 'connectedOn', 'triagedAt'] as const;

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

/** One person from the two versions of them; adds their slug to `notesNotJoined` when notes did not fit. */
export function mergePerson(a: Person, b: Person, notesNotJoined: Set<string>): Person {
  const [newer, older] = comparePeople(a, b) >= 0 ? [a, b] : [b, a];
  const next: Record<string, unknown> = { ...newer };
  for (const key of facts) if (lacks(newer[key]) && !lacks(older[key])) next[key] = older[key];
  const about = joinText(newer.about, older.about, LIMITS.about);
  if (about === undefined) notesNotJoined.add(newer.slug);
  const first = older.createdAt < newer.createdAt ? older : newer;
  const dismissals = uniteDismissals(newer.dismissals, older.dismissals);
  return withRoleChangedAt(
    compact({
      ...(next as Person),
      about: about ?? newer.about,
      tags: [...new Set([...newer.tags, ...older.tags])].slice(0, LIMITS.tags),
      roleChanges: uniteRoleChanges(newer.roleChanges, older.roleChanges),
      dismissals: dismissals.length ? dismissals : undefined,
      createdAt: first.createdAt,
      source: first.source,
      updatedAt: Math.max(a.updatedAt, b.updatedAt),
      // What the records say, for someone without touches; derivePerson() replaces it from the timeline.
      lastTouchAt: maxDefined(a.lastTouchAt, b.lastTouchAt),
      metInPerson: a.metInPerson || b.metInPerson,
    }),
  );
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

/**
 * The coach suggestions dismissed on either side, one per kind: the newer person's, and the older's
 * where the newer has none of that kind or decided before it (a snooze on one browser and a later
 * "Not relevant" on the other keep the "Not relevant").
 */
function uniteDismissals(newer: Person['dismissals'] = [], older: Person['dismissals'] = []) {
  const united = [...newer];
  for (const d of older) {
    const i = united.findIndex((kept) => kept.kind === d.kind);
    if (i === -1) united.push(d);
    else if (d.at > united[i]!.at) united[i] = d;
  }
  return united;
}

/** The person with last touch and met-in-person from their united timeline, and dueAt computed again. */
export function derivePerson(
  person: Person,
  timeline: { last: number; met: boolean } | undefined,
  settings: Settings,
): Person {
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
export function comparePrecedence(a: Person, b: Person): number {
  return compareKeys(precedenceKey(a), precedenceKey(b));
}

function comparePeople(a: Person, b: Person): number {
  return comparePrecedence(a, b) || compareStrings(stableStringify(a), stableStringify(b));
}

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
