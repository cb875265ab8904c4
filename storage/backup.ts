// Export and restore of the whole database in the backup format of DESIGN.md (utils/backup.ts).
import { type Backup, makeBackup, type ValidBackup } from '../utils/backup';
import { emitChanged } from './changes';
import { db } from './db';
import { withOpenDue } from './next-steps';
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

/**
 * Replaces people, touches, next steps and settings with the backup's, all or nothing: one transaction,
 * so a failure half-way leaves the database as it was. Only a backup parseBackup has checked is accepted.
 */
export async function restoreBackup(backup: ValidBackup): Promise<RestoreReport> {
  const changed = new Set<string>();
  await db.transaction('rw', db.people, db.touches, db.nextSteps, db.settings, async () => {
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
