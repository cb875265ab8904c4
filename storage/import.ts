// Writes what the LinkedIn export parsers found: people from Connections.csv and message touches from
// messages.csv. Each import is one transaction (all of it or none of it), reads and writes in bulk
// chunks, and announces the changed people once at the end: 30,000 rows must take seconds, not minutes.
import type { ConnectionRow, SkippedRow } from '../utils/connections-csv';
import { importedSpan, type Lineage, lineageOf, touchId } from '../utils/message-ids';
import { clip, type MessageImportCounts, type MessageRun } from '../utils/messages-csv';
import { isMemberId } from '../utils/slug';
import { emitChanged } from './changes';
import { db } from './db';
import { withDueAt } from './people';
import { type Person, personSchema, type Settings, type Touch, touchSchema } from './schemas';
import { getSettings } from './settings';

const CHUNK = 2_000;

export interface ConnectionsReport {
  /** New people, tracked as contacts. */
  imported: number;
  /** People already tracked who gained a missing fact (headline, company, email, connection date). */
  updated: number;
  unchanged: number;
  /** Rows the database refused; the parser's own skipped rows come on top of these. */
  skipped: SkippedRow[];
}

/**
 * Merges Connections.csv rows by slug. New people become contacts from the import; people already
 * tracked keep everything the user set and only gain facts they lack: nothing is ever overwritten.
 */
export async function importConnections(
  rows: readonly ConnectionRow[],
  now = Date.now(),
): Promise<ConnectionsReport> {
  const report: ConnectionsReport = { imported: 0, updated: 0, unchanged: 0, skipped: [] };
  const changed: string[] = [];
  const seen = new Map<string, number>();
  const unique = rows.filter((r) => {
    const of = seen.get(r.slug);
    if (of !== undefined) report.skipped.push({ row: r.row, reason: { code: 'duplicate', of } });
    else seen.set(r.slug, r.row);
    return of === undefined;
  });

  await db.transaction('rw', db.people, db.settings, async () => {
    const [settings, stored] = await Promise.all([getSettings(), db.people.toCollection().primaryKeys()]);
    // One request lists who is already tracked; only they are read back (none on a first import).
    const tracked = new Set<string>(stored);
    const writes: Promise<unknown>[] = [];
    for (let start = 0; start < unique.length; start += CHUNK) {
      const chunk = unique.slice(start, start + CHUNK);
      const known = chunk.filter((r) => tracked.has(r.slug));
      const found = known.length ? await db.people.bulkGet(known.map((r) => r.slug)) : [];
      const bySlug = new Map(found.flatMap((p) => (p ? [[p.slug, p] as const] : [])));
      const adds: Person[] = [];
      const puts: Person[] = [];
      chunk.forEach((row) => {
        const before = bySlug.get(row.slug);
        const next = before ? mergeFacts(before, row, now) : newContact(row, now);
        if (next === before) {
          report.unchanged++;
          return;
        }
        const checked = personSchema.safeParse(withDueAt(next, settings));
        if (!checked.success) {
          const field = String(checked.error.issues[0]?.path[0] ?? '');
          report.skipped.push({ row: row.row, reason: { code: 'invalidRecord', field } });
          return;
        }
        (before ? puts : adds).push(checked.data);
        changed.push(row.slug);
        if (before) report.updated++;
        else report.imported++;
      });
      // The database writes this chunk while the next one is checked. New people are added: with
      // nothing there to replace, keeping the health counts reads nothing back (storage/health-counts.ts).
      writes.push(db.people.bulkAdd(adds), db.people.bulkPut(puts));
    }
    await Promise.all(writes);
  });
  report.skipped.sort((a, b) => a.row - b.row);
  emitChanged(changed);
  return report;
}

function newContact(row: ConnectionRow, now: number): Person {
  const { row: _row, ...facts } = row;
  return {
    ...facts,
    stage: 'contact',
    tags: [],
    about: '',
    source: 'import',
    createdAt: now,
    updatedAt: now,
    metInPerson: false,
    roleChanges: [],
  };
}

/** The person with the facts they lack filled in from the row; the same object when there is nothing new. */
function mergeFacts(person: Person, row: ConnectionRow, now: number): Person {
  const lacks = (value: string | number | undefined) => value === undefined || value === '';
  const next: Person = { ...person };
  if (lacks(person.headline) && row.headline) next.headline = row.headline;
  if (lacks(person.company) && row.company) next.company = row.company;
  if (lacks(person.email) && row.email) next.email = row.email;
  if (lacks(person.connectedOn) && row.connectedOn !== undefined) next.connectedOn = row.connectedOn;
  const gained = (['headline', 'company', 'email', 'connectedOn'] as const).some(
    (k) => next[k] !== person[k],
  );
  return gained ? { ...next, updatedAt: now } : person;
}

export type MessagesReport = MessageImportCounts;

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
): Promise<MessagesReport> {
  const report: MessagesReport = { added: 0, merged: 0, existing: 0, untracked: 0, people: 0, invalid: [] };
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
  for (let start = 0; start < slugs.length; start += CHUNK)
    for (const p of await db.people.bulkGet(slugs.slice(start, start + CHUNK))) if (p) found.set(p.slug, p);
  for (let start = 0; start < memberIds.length; start += CHUNK) {
    const chunk = memberIds.slice(start, start + CHUNK);
    for (const p of await db.people.where('memberId').anyOf(chunk).toArray())
      found.set(`id:${p.memberId}`, found.get(p.slug) ?? p);
  }
  return found;
}

interface PersonPlan {
  puts: Touch[];
  deletes: string[];
  /** The person's latest touch once the plan is written. */
  last: number | undefined;
  metInPerson: boolean;
}

/** What one person's runs do to the part of their timeline they can overlap. Counts into `report`. */
function mergeRuns(
  slug: string,
  runs: readonly MessageRun[],
  timeline: readonly Touch[],
  now: number,
  report: MessagesReport,
): PersonPlan {
  const live = new Map(timeline.map((t) => [t.id, t]));
  const puts = new Map<string, Touch>();
  const deletes = new Set<string>();
  const byLineage = new Map<string, { lineage: Lineage; runs: MessageRun[] }>();
  for (const run of runs) {
    const key = `${run.conversation}\u0000${run.initiator}`;
    const entry = byLineage.get(key);
    if (entry) entry.runs.push(run);
    else byLineage.set(key, { lineage: lineageOf(run.conversation, run.initiator, slug), runs: [run] });
  }

  for (const { lineage, runs: list } of byLineage.values()) {
    // What earlier imports wrote for this conversation's side, and which messages each stands for.
    const stored = timeline.flatMap((touch) => {
      const span = importedSpan(touch, lineage);
      return span ? [{ touch, ...span }] : [];
    });
    for (const run of [...list].sort((a, b) => a.at - b.at)) {
      const over = stored.filter((s) => s.first <= run.at && s.last >= run.first);
      // Already there, or an older export's shorter view of a run a newer one wrote: nothing to do.
      if (over.some((s) => s.first <= run.first && s.last >= run.at)) {
        report.existing++;
        continue;
      }
      const first = Math.min(run.first, ...over.map((s) => s.first));
      const last = Math.max(run.at, ...over.map((s) => s.last));
      const checked = touchSchema.safeParse({
        id: touchId(lineage.conversation, lineage.initiator, slug, first, last),
        personId: slug,
        at: last,
        kind: 'message',
        initiator: run.initiator,
        value: 'none',
        note: run.note,
        createdAt: now,
        ...keptEdits(
          over.map((s) => s.touch),
          run.note,
        ),
      });
      if (!checked.success) {
        const field = String(checked.error.issues[0]?.path[0] ?? '');
        report.invalid.push({ row: run.row, reason: { code: 'invalidRecord', field } });
        continue;
      }
      for (const s of over) {
        live.delete(s.touch.id);
        puts.delete(s.touch.id);
        deletes.add(s.touch.id);
        stored.splice(stored.indexOf(s), 1);
      }
      const touch = checked.data;
      live.set(touch.id, touch);
      puts.set(touch.id, touch);
      stored.push({ touch, first, last });
      if (over.length) report.merged++;
      else report.added++;
    }
  }
  let last: number | undefined;
  for (const t of live.values()) if (last === undefined || t.at > last) last = t.at;
  const written = [...puts.values()];
  return {
    puts: written,
    deletes: [...deletes],
    last,
    metInPerson: written.some((t) => t.kind === 'inPerson'),
  };
}

/**
 * What the user set on the touches a grown run replaces: kind, side, value, note (unless it is only the
 * message text the run now holds in full) and the time the first of them was written.
 */
function keptEdits(replaced: readonly Touch[], note: string): Partial<Touch> {
  const latest = replaced.reduce<Touch | undefined>((a, t) => (!a || t.at > a.at ? t : a), undefined);
  if (!latest) return {};
  const notes = replaced.map((t) => t.note).filter((n) => n !== '');
  return {
    kind: latest.kind,
    initiator: latest.initiator,
    value: replaced.find((t) => t.value !== 'none')?.value ?? 'none',
    note: notes.every((n) => note.includes(n)) ? note : clip(notes.join('\n\n')),
    createdAt: Math.min(...replaced.map((t) => t.createdAt)),
  };
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
