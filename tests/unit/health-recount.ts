// The network's health counted the slow, obvious way, from every stored row: what the kept counts
// must always equal. Written apart from storage/health-counts.ts so a mistake there cannot hide here.
import { db } from '../../storage/db';
import { type Person, type Stage, stages, type Touch } from '../../storage/schemas';
import { getSettings } from '../../storage/settings';
import type { NetworkHealth } from '../../storage/stats';
import { temperatureOf } from '../../utils/cadence';
import { isConnection, isKnown } from '../../utils/known-share';
import { DAY } from '../../utils/time';

const perStage = (): Record<Stage, number> =>
  Object.fromEntries(stages.map((s) => [s, 0])) as Record<Stage, number>;

export async function recountHealth(now: number): Promise<NetworkHealth> {
  const [people, touches, settings] = await Promise.all([
    db.people.toArray(),
    db.touches.toArray(),
    getSettings(),
  ]);
  const byStage = perStage();
  const imported = perStage();
  const temperature = { warm: 0, cooling: 0, cold: 0 };
  for (const p of people) {
    byStage[p.stage]++;
    if (p.source === 'import') imported[p.stage]++;
    const t = temperatureOf(p, settings, now);
    if (t) temperature[t]++;
  }
  const weekly = new Array<number>(26).fill(0);
  const balance = { gave: 0, received: 0, both: 0, none: 0 };
  const today = Math.floor(now / DAY);
  for (const t of touches) {
    balance[t.value]++;
    const daysAgo = today - Math.floor(t.at / DAY);
    if (daysAgo >= 0 && daysAgo < 26 * 7) weekly[25 - Math.floor(daysAgo / 7)]!++;
  }
  const known = {
    known: people.filter((p) => isKnown(p)).length,
    connections: people.filter((p) => isConnection(p)).length,
  };
  return { byStage, imported, tracked: people.length, temperature, weekly, balance, known };
}

/** Every count row there should be, by key, counted from the rows (days outside the chart included). */
export async function recountRows(): Promise<Record<string, number>> {
  const rows: Record<string, number> = {};
  const bump = (key: string) => {
    rows[key] = (rows[key] ?? 0) + 1;
  };
  for (const p of (await db.people.toArray()) as Person[]) {
    bump(`people/stage/${p.stage}`);
    if (p.source === 'import') bump(`people/imported/${p.stage}`);
    if (p.dueAt !== undefined) {
      bump('people/due');
      bump(`people/dueDay/${String(Math.floor(p.dueAt / DAY)).padStart(6, '0')}`);
    }
    if (isConnection(p)) bump('people/connection');
    if (isKnown(p)) bump('people/known');
  }
  for (const t of (await db.touches.toArray()) as Touch[]) {
    bump(`touches/value/${t.value}`);
    bump(`touches/day/${String(Math.floor(t.at / DAY)).padStart(6, '0')}`);
  }
  return rows;
}

export async function keptRows(): Promise<Record<string, number>> {
  return Object.fromEntries((await db.healthCounts.toArray()).map((r) => [r.key, r.n]));
}
