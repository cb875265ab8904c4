// The one Dexie database, in the extension's origin. Versions are kept forever:
// each upgrade is a named function with a test that opens the previous version
// with data, upgrades it and checks every row survived.
import { Dexie, type EntityTable, type Transaction } from 'dexie';
import { DB_NAME, withRoleChangedAt } from './domain';
import { COUNTS_TABLE, type CountRow, recountInto } from './health-counts';
import { healthCountsMiddleware } from './health-counts-middleware';
import { roleChangedAtMiddleware } from './role-changed-at-middleware';
import type { NextStep, Person, Touch } from './schemas';

export { DB_NAME } from './domain';

export interface SettingsRow {
  key: string;
  value: unknown;
}

/** Version 1: the first schema. "Who is due" is a range on dueAt; a timeline is [personId+at]. */
export const schemaV1 = {
  people: 'slug, dueAt, stage, lastTouchAt',
  touches: 'id, [personId+at], at',
  nextSteps: 'id, personId, dueAt',
  settings: 'key',
} as const;

/**
 * Version 2: people can be found by LinkedIn member id, and carry role changes
 * and the met-in-person mark; the dashboard counts stages per source and the
 * give/receive balance through indexes instead of reading every row.
 */
export const schemaV2 = {
  ...schemaV1,
  people: 'slug, dueAt, stage, lastTouchAt, memberId, updatedAt, [source+stage]',
  touches: 'id, [personId+at], at, value',
} as const;

/**
 * Version 3: the daily digest ranks who is most overdue without reading
 * everyone due. Within a stage, people on the stage's cadence rank by dueAt
 * ([stage+dueAt]); the few with their own cadence are indexed apart.
 */
export const schemaV3 = {
  ...schemaV2,
  people: `${schemaV2.people}, [stage+dueAt], cadenceDays`,
} as const;

/**
 * Version 4: due next steps are an index range without the done ones. Open steps carry their due date
 * again as `openDueAt`; done steps have none, so years of finished steps never slow the check down.
 */
export const schemaV4 = {
  ...schemaV3,
  nextSteps: `${schemaV3.nextSteps}, openDueAt`,
} as const;

export async function upgradeToV4(tx: Transaction): Promise<void> {
  await tx
    .table('nextSteps')
    .toCollection()
    .modify((step: NextStep) => {
      if (step.dueAt !== undefined && step.doneAt === undefined) step.openDueAt = step.dueAt;
      else delete step.openDueAt;
    });
}

/**
 * Version 5: the network's health is kept, not counted. `healthCounts` holds the counts the dashboard
 * shows (health-counts.ts), updated inside every write to people or touches by the middleware.
 */
export const schemaV5 = {
  ...schemaV4,
  healthCounts: 'key',
} as const;

/** The counts start from every row there is; the health the dashboard used to cache is dropped. */
export async function upgradeToV5(tx: Transaction): Promise<void> {
  await recountInto({
    people: tx.table('people'),
    touches: tx.table('touches'),
    counts: tx.table(COUNTS_TABLE),
  });
  await tx.table('settings').delete('health');
}

/**
 * Version 6: the counts also keep the user's LinkedIn connections and how many of them they know
 * ("you know N of your M connections"): no new index, the counts start again from every row.
 */
export const schemaV6 = schemaV5;

export async function upgradeToV6(tx: Transaction): Promise<void> {
  await recountInto({
    people: tx.table('people'),
    touches: tx.table('touches'),
    counts: tx.table(COUNTS_TABLE),
  });
}

/**
 * Version 7: the coach finds recent role changes by `roleChangedAt`, the newest one's time, kept by
 * role-changed-at-middleware.ts; updatedAt, which it read before, moves on every import and visit.
 */
export const schemaV7 = {
  ...schemaV6,
  people: `${schemaV6.people}, roleChangedAt`,
} as const;

export async function upgradeToV7(tx: Transaction): Promise<void> {
  await tx
    .table('people')
    .toCollection()
    .modify((p: Person, row: { value: Person }) => {
      row.value = withRoleChangedAt(p);
    });
}

export async function upgradeToV2(tx: Transaction): Promise<void> {
  const inPerson = new Set<string>();
  await tx
    .table('touches')
    .filter((t: Touch) => t.kind === 'inPerson')
    .each((t: Touch) => {
      inPerson.add(t.personId);
    });
  await tx
    .table('people')
    .toCollection()
    .modify((p: Partial<Person> & { slug: string }) => {
      p.roleChanges ??= [];
      p.metInPerson = inPerson.has(p.slug);
    });
}

export type VinculoDb = Dexie & {
  people: EntityTable<Person, 'slug'>;
  touches: EntityTable<Touch, 'id'>;
  nextSteps: EntityTable<NextStep, 'id'>;
  settings: EntityTable<SettingsRow, 'key'>;
  healthCounts: EntityTable<CountRow, 'key'>;
};

export function openDb(name = DB_NAME): VinculoDb {
  const db = new Dexie(name) as VinculoDb;
  db.version(1).stores(schemaV1);
  db.version(2).stores(schemaV2).upgrade(upgradeToV2);
  // Only new indexes: IndexedDB fills them from the rows already there.
  db.version(3).stores(schemaV3);
  db.version(4).stores(schemaV4).upgrade(upgradeToV4);
  db.version(5).stores(schemaV5).upgrade(upgradeToV5);
  db.version(6).stores(schemaV6).upgrade(upgradeToV6);
  db.version(7).stores(schemaV7).upgrade(upgradeToV7);
  db.use(healthCountsMiddleware);
  db.use(roleChangedAtMiddleware);
  return db;
}

/** The database every repository function uses. */
export const db: VinculoDb = openDb();
