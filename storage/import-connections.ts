// Writes the people Connections.csv gave (utils/files/connections.ts). One transaction (all of it or
// none of it), reads and writes in bulk chunks, and announces the changed people once at the end:
// 30,000 rows must take seconds, not minutes.
import type { ConnectionRow } from '../utils/files/connections';
import type { SkippedRow } from '../utils/files/import-problems';
import { emitChanged } from './changes';
import { db } from './db';
import { newPerson } from './domain';
import { withDueAt } from './people';
import { type Person, personSchema } from './schemas';
import { getSettings } from './settings';

/** Rows per bulk read or write of an import. */
export const IMPORT_CHUNK = 2_000;

interface ConnectionsReport {
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
    for (let start = 0; start < unique.length; start += IMPORT_CHUNK) {
      const chunk = unique.slice(start, start + IMPORT_CHUNK);
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

function newContact({ row: _row, ...facts }: ConnectionRow, now: number): Person {
  return newPerson(facts, 'import', now);
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
