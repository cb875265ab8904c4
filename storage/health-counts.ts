// The network's health as kept counts: one row per thing counted (people per stage, imported people
// per stage, people with a due date and per UTC day they fall due, connections and known ones, touches per value and per UTC day).
// Each row a person or a touch contributes to is named by `contributions`; the middleware in
// health-counts-middleware.ts adds and takes away those contributions inside every write, so the
// dashboard reads a few hundred small rows instead of counting the network.
import type { Table } from 'dexie';
import { isConnection, isKnown } from '../utils/known-share';
import { DAY } from '../utils/time';
import type { Person, Stage, Touch } from './schemas';

export const COUNTS_TABLE = 'healthCounts';

export interface CountRow {
  /** `<table>/<what>`: each counted table owns the rows under its own prefix. */
  key: string;
  n: number;
}

/** UTC day numbers are padded so that the rows of a span of days are one key range. */
const dayKey = (day: number): string => String(day).padStart(6, '0');

export const countKey = {
  stage: (stage: Stage): string => `people/stage/${stage}`,
  imported: (stage: Stage): string => `people/imported/${stage}`,
  due: 'people/due',
  /** LinkedIn connections, and those the user said they know (utils/known-share.ts). */
  connection: 'people/connection',
  known: 'people/known',
  dueDay: (day: number): string => `people/dueDay/${dayKey(day)}`,
  dueDayPrefix: 'people/dueDay/',
  value: (value: Touch['value']): string => `touches/value/${value}`,
  day: (day: number): string => `touches/day/${dayKey(day)}`,
  dayPrefix: 'touches/day/',
} as const;

/** The UTC day a time falls in: the unit touches per week are kept in. */
export const utcDay = (at: number): number => Math.floor(at / DAY);

/** The rows one stored record counts in, for each counted table. */
const contributions: Readonly<Record<string, (row: never) => string[]>> = {
  people: (p: Person): string[] => {
    const keys = [countKey.stage(p.stage)];
    if (p.source === 'import') keys.push(countKey.imported(p.stage));
    if (p.dueAt !== undefined) keys.push(countKey.due, countKey.dueDay(utcDay(p.dueAt)));
    if (isConnection(p)) keys.push(countKey.connection);
    if (isKnown(p)) keys.push(countKey.known);
    return keys;
  },
  touches: (t: Touch): string[] => [countKey.value(t.value), countKey.day(utcDay(t.at))],
};

export const isCounted = (table: string): boolean => Object.hasOwn(contributions, table);

/** Count changes by row key. */
export type Tally = Map<string, number>;

/** Adds `sign` × the contribution of `record` (a row of `table`) to the tally. */
export function tallyRecord(tally: Tally, table: string, record: unknown, sign: 1 | -1): void {
  const contribute = contributions[table] as ((row: unknown) => string[]) | undefined;
  if (!contribute) return;
  for (const key of contribute(record)) tally.set(key, (tally.get(key) ?? 0) + sign);
}

export function tallyRecords(table: string, records: Iterable<unknown>, into: Tally = new Map()): Tally {
  for (const record of records) tallyRecord(into, table, record, 1);
  return into;
}

/** The rows a tally of whole tables stores (zero counts are no row). */
export function countRows(tally: Tally): CountRow[] {
  return [...tally].filter(([, n]) => n !== 0).map(([key, n]) => ({ key, n }));
}

const PAGE = 5_000;

/** Tallies every row of `table`, a page at a time in primary-key order: pages read far faster than a cursor. */
async function tallyTable(table: Table, tally: Tally): Promise<void> {
  const keyPath = table.schema.primKey.keyPath as string;
  for (let page = await table.orderBy(':id').limit(PAGE).toArray(); page.length > 0; ) {
    for (const row of page) tallyRecord(tally, table.name, row, 1);
    if (page.length < PAGE) break;
    page = await table.where(':id').above(page.at(-1)[keyPath]).limit(PAGE).toArray();
  }
}

/**
 * Counts every person and touch afresh and stores the result: the v5 upgrade starts the kept counts
 * from here (and the bench compares it with reading them). Call inside a transaction on the three tables.
 */
export async function recountInto(tables: { people: Table; touches: Table; counts: Table }): Promise<void> {
  const tally: Tally = new Map();
  await tallyTable(tables.people, tally);
  await tallyTable(tables.touches, tally);
  await tables.counts.clear();
  await tables.counts.bulkPut(countRows(tally));
}
