// Writes what the LinkedIn export parsers found: people from Connections.csv and message touches from
// messages.csv. Each import is one transaction (all of it or none of it), reads and writes in bulk
// chunks, and announces the changed people once at the end: 30,000 rows must take seconds, not minutes.
import type { ConnectionRow, SkippedRow } from '../utils/connections-csv';
import type { MessageTouch } from '../utils/messages-csv';
import { emitChanged } from './changes';
import { db } from './db';
import { withDueAt } from './people';
import { type Person, personSchema, type Touch, touchSchema } from './schemas';
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
        puts.push(checked.data);
        changed.push(row.slug);
        if (before) report.updated++;
        else report.imported++;
      });
      // The database writes this chunk while the next one is checked.
      writes.push(db.people.bulkPut(puts));
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

export interface MessagesReport {
  /** Touches written now. */
  added: number;
  /** Touches an earlier import already wrote (kept as they are, with any edits the user made). */
  existing: number;
  /** Touches with people who are not tracked, left out. */
  untracked: number;
  /** Tracked people who gained touches. */
  people: number;
  /** Touches the database refused, by their index in the input. */
  invalid: { index: number; field: string }[];
}

/**
 * Adds message touches for tracked people. Ids are deterministic, so a touch already there is left
 * alone: re-importing the same file adds nothing. Each person's lastTouchAt and dueAt follow.
 */
export async function importMessageTouches(
  touches: readonly MessageTouch[],
  now = Date.now(),
): Promise<MessagesReport> {
  const report: MessagesReport = { added: 0, existing: 0, untracked: 0, people: 0, invalid: [] };
  const valid: Touch[] = [];
  touches.forEach((input, index) => {
    const parsed = touchSchema.safeParse({ ...input, createdAt: now });
    if (parsed.success) valid.push(parsed.data);
    else report.invalid.push({ index, field: String(parsed.error.issues[0]?.path[0] ?? '') });
  });
  const changed: string[] = [];

  await db.transaction('rw', db.people, db.touches, db.settings, async () => {
    const settings = await getSettings();
    const slugs = [...new Set(valid.map((t) => t.personId))];
    const people = new Map<string, Person>();
    for (let start = 0; start < slugs.length; start += CHUNK) {
      for (const p of await db.people.bulkGet(slugs.slice(start, start + CHUNK)))
        if (p) people.set(p.slug, p);
    }
    const tracked = valid.filter((t) => people.has(t.personId));
    report.untracked = valid.length - tracked.length;

    // The newest new touch per person: lastTouchAt is the latest touch, so only a later one moves it.
    // (Cheaper than re-reading 30,000 timelines, and equal to it while that invariant holds.)
    const latest = new Map<string, number>();
    const met = new Set<string>();
    for (let start = 0; start < tracked.length; start += CHUNK) {
      const chunk = tracked.slice(start, start + CHUNK);
      const there = await db.touches.bulkGet(chunk.map((t) => t.id));
      const fresh = chunk.filter((_, i) => there[i] === undefined);
      report.existing += chunk.length - fresh.length;
      // The same id twice in one input (a doubled file) is written once.
      const byId = new Map(fresh.map((t) => [t.id, t]));
      await db.touches.bulkAdd([...byId.values()]);
      report.added += byId.size;
      for (const t of byId.values()) {
        latest.set(t.personId, Math.max(latest.get(t.personId) ?? 0, t.at));
        if (t.kind === 'inPerson') met.add(t.personId);
      }
    }
    report.people = latest.size;

    const puts: Person[] = [];
    for (const [slug, at] of latest) {
      changed.push(slug);
      const person = people.get(slug)!;
      const newer = person.lastTouchAt === undefined || at > person.lastTouchAt;
      const meets = met.has(slug) && !person.metInPerson;
      if (!newer && !meets) continue;
      const next: Person = { ...person, metInPerson: person.metInPerson || meets, updatedAt: now };
      if (newer) {
        next.lastTouchAt = at;
        // A newer touch restarts the clock, as one logged by hand does: an earlier snooze no longer applies.
        delete next.snoozedUntil;
      }
      puts.push(withDueAt(next, settings));
    }
    for (let start = 0; start < puts.length; start += CHUNK)
      await db.people.bulkPut(puts.slice(start, start + CHUNK));
  });
  emitChanged(changed);
  return report;
}
