// Writes the message runs messages.csv gave (utils/files/messages.ts) as touches of tracked people.
// One transaction (all of it or none of it), timelines read in bulk chunks, the changed people
// announced once at the end.
import type { MessageRun } from '../utils/files/message-runs';
import { mergeRuns, type PersonPlan } from '../utils/files/message-touches';
import type { MessageImportCounts } from '../utils/files/messages-report';
import { isMemberId } from '../utils/slug';
import { emitChanged } from './changes';
import { db } from './db';
import { IMPORT_CHUNK } from './import-connections';
import { withDueAt } from './people';
import type { Person, Settings, Touch } from './schemas';
import { getSettings } from './settings';

// People per batch of timeline reads: enough to keep IndexedDB busy, few enough to hold in memory.
const CHUNK_PEOPLE = 500;

/**
 * Writes message runs as touches of tracked people (found by slug, or by member id for links that only
 * name a member). A run an earlier import wrote is left as it is, with any edits the user made; one that
 * grew in a newer export replaces its shorter self and keeps those edits. Each person's lastTouchAt is
 * then their latest touch, and dueAt follows; nothing else a person holds changes.
 */
export async function importMessageRuns(
  runs: readonly MessageRun[],
  now = Date.now(),
): Promise<MessageImportCounts> {
  const report: MessageImportCounts = {
    added: 0,
    merged: 0,
    existing: 0,
    untracked: 0,
    people: 0,
    invalid: [],
  };
  const changed: string[] = [];

  await db.transaction('rw', db.people, db.touches, db.settings, async () => {
    const settings = await getSettings();
    const found = await findPeople(runs.map((r) => r.person));
    const byPerson = new Map<string, { person: Person; runs: MessageRun[] }>();
    for (const run of runs) {
      const person = found.get(run.person);
      if (!person) {
        report.untracked++;
        continue;
      }
      const entry = byPerson.get(person.slug);
      if (entry) entry.runs.push(run);
      else byPerson.set(person.slug, { person, runs: [run] });
    }

    const entries = [...byPerson.values()];
    for (let start = 0; start < entries.length; start += CHUNK_PEOPLE) {
      const chunk = entries.slice(start, start + CHUNK_PEOPLE);
      // Only the part of each timeline the runs can overlap, from their earliest message on: every touch
      // before it is older than anything written now, so lastTouchAt is known from this part too.
      const timelines = await Promise.all(
        chunk.map(({ person, runs }) =>
          db.touches
            .where('[personId+at]')
            .between(
              [person.slug, runs.reduce((min, r) => Math.min(min, r.first), Infinity)],
              [person.slug, Infinity],
            )
            .toArray(),
        ),
      );
      const puts: Touch[] = [];
      const deletes: string[] = [];
      const people: Person[] = [];
      chunk.forEach(({ person, runs }, i) => {
        const plan = mergeRuns(person.slug, runs, timelines[i] ?? [], now, report);
        if (!plan.puts.length) return;
        report.people++;
        changed.push(person.slug);
        puts.push(...plan.puts);
        deletes.push(...plan.deletes);
        const next = withLastTouch(person, plan, now, settings);
        if (next) people.push(next);
      });
      await db.touches.bulkDelete(deletes);
      await db.touches.bulkPut(puts);
      await db.people.bulkPut(people);
    }
  });
  emitChanged(changed);
  return report;
}

/** Tracked people by the keys runs name them with: slugs, and `id:<member id>`. */
async function findPeople(keys: readonly string[]): Promise<Map<string, Person>> {
  const unique = [...new Set(keys)];
  const isMember = (k: string) => k.startsWith('id:') && isMemberId(k.slice(3));
  const slugs = unique.filter((k) => !isMember(k));
  const memberIds = unique.filter(isMember).map((k) => k.slice(3));
  const found = new Map<string, Person>();
  for (let start = 0; start < slugs.length; start += IMPORT_CHUNK)
    for (const p of await db.people.bulkGet(slugs.slice(start, start + IMPORT_CHUNK)))
      if (p) found.set(p.slug, p);
  for (let start = 0; start < memberIds.length; start += IMPORT_CHUNK) {
    const chunk = memberIds.slice(start, start + IMPORT_CHUNK);
    for (const p of await db.people.where('memberId').anyOf(chunk).toArray())
      found.set(`id:${p.memberId}`, found.get(p.slug) ?? p);
  }
  return found;
}

/** The person with lastTouchAt (and so dueAt) moved to their latest touch; undefined when nothing moved. */
function withLastTouch(
  person: Person,
  plan: PersonPlan,
  now: number,
  settings: Settings,
): Person | undefined {
  const meets = plan.metInPerson && !person.metInPerson;
  if (plan.last === person.lastTouchAt && !meets) return undefined;
  const next: Person = { ...person, metInPerson: person.metInPerson || meets, updatedAt: now };
  if (plan.last === undefined) delete next.lastTouchAt;
  else next.lastTouchAt = plan.last;
  // A newer touch restarts the clock, as one logged by hand does: an earlier snooze no longer applies.
  if (plan.last !== undefined && (person.lastTouchAt === undefined || plan.last > person.lastTouchAt))
    delete next.snoozedUntil;
  return withDueAt(next, settings);
}
