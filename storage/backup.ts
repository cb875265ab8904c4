// Export, restore and merge of the whole database in the backup format (utils/files/backup.ts).
// Restore and merge are each one transaction over every table, so an interruption at any point — the
// tab closed, a write refused — leaves the database exactly as it was.
import { type Backup, makeBackup, type ValidBackup } from '../utils/files/backup';
import { type MergeCounts, mergeBackupData } from '../utils/files/backup-merge';
import { emitChanged } from './changes';
import { db } from './db';
import { withOpenDue } from './domain';
import { nextStepSchema, personSchema, touchSchema } from './schemas';
import { getSettings, SETTINGS_KEY } from './settings';

/** Everything the database holds, read in one transaction so the tables agree with each other. */
export async function exportBackup(now = Date.now()): Promise<Backup> {
  const data = await db.transaction('r', db.people, db.touches, db.nextSteps, db.settings, async () => ({
    people: await db.people.toArray(),
    touches: await db.touches.toArray(),
    nextSteps: await db.nextSteps.toArray(),
    settings: await getSettings(),
  }));
  return makeBackup(data, now);
}

export interface RestoreReport {
  people: number;
  touches: number;
  nextSteps: number;
}

// Every table, not only the four the file holds: whatever a write of these tables keeps up to date
// elsewhere in the database (counts, caches) is then part of the same all-or-nothing transaction.
const everyTable = () => db.tables;

/**
 * Replaces people, touches, next steps and settings with the backup's, all or nothing: one transaction,
 * so a failure half-way leaves the database as it was. Only a backup parseBackup has checked is accepted.
 */
export async function restoreBackup(backup: ValidBackup): Promise<RestoreReport> {
  const changed = new Set<string>();
  await db.transaction('rw', everyTable(), async () => {
    for (const slug of await db.people.toCollection().primaryKeys()) changed.add(slug);
    await Promise.all([db.people.clear(), db.touches.clear(), db.nextSteps.clear()]);
    await db.people.bulkAdd(backup.people);
    await db.touches.bulkAdd(backup.touches);
    await db.nextSteps.bulkAdd(backup.nextSteps.map(withOpenDue));
    await db.settings.put({ key: SETTINGS_KEY, value: backup.settings });
  });
  for (const p of backup.people) changed.add(p.slug);
  // Everyone who was there before or is there now: their badges must show the restored state.
  emitChanged(changed);
  return { people: backup.people.length, touches: backup.touches.length, nextSteps: backup.nextSteps.length };
}

export interface MergeReport {
  people: MergeCounts;
  touches: MergeCounts;
  nextSteps: MergeCounts;
  /** People whose two versions of a note were too long to join into one: the newer was kept. */
  notesNotJoined: { slug: string; name: string }[];
}

/**
 * Merges the backup into what the database holds, by the rules of utils/files/backup-merge.ts: nothing here
 * is deleted, the settings here stay, and merging the same file again writes nothing. One transaction.
 */
export async function mergeBackup(backup: ValidBackup): Promise<MergeReport> {
  const plan = await db.transaction('rw', everyTable(), async () => {
    const [people, touches, nextSteps, settings] = await Promise.all([
      db.people.toArray(),
      db.touches.toArray(),
      db.nextSteps.toArray(),
      getSettings(),
    ]);
    const merged = mergeBackupData({ people, touches, nextSteps }, backup, settings);
    // Checked as every write is, before the first one: a record the merge got wrong stores nothing.
    const writes = {
      people: merged.writes.people.map((p) => personSchema.parse(p)),
      touches: merged.writes.touches.map((t) => touchSchema.parse(t)),
      nextSteps: merged.writes.nextSteps.map((s) => withOpenDue(nextStepSchema.parse(s))),
    };
    await db.people.bulkPut(writes.people);
    await db.touches.bulkPut(writes.touches);
    await db.nextSteps.bulkPut(writes.nextSteps);
    return merged;
  });
  const { writes } = plan;
  emitChanged([
    ...writes.people.map((p) => p.slug),
    ...writes.touches.map((t) => t.personId),
    ...writes.nextSteps.map((s) => s.personId),
  ]);
  const names = new Map(plan.merged.people.map((p) => [p.slug, p.name]));
  return {
    ...plan.counts,
    notesNotJoined: plan.notesNotJoined.map((slug) => ({ slug, name: names.get(slug) ?? slug })),
  };
}
