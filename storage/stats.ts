// The network's health, read from the counts every write keeps (health-counts.ts). What the clock
// changes (warm, cooling, cold) comes from the people due per day before today plus short index
// ranges on dueAt: right the moment the dashboard opens, with tens of thousands of people, and nothing
// is recounted.
import { temperatureOf } from '../utils/cadence';
import { DAY } from '../utils/time';
import { db } from './db';
import { COOLING_SHARE, values } from './domain';
import { countKey, utcDay } from './health-counts';
import { type Person, type Settings, type Stage, stages } from './schemas';
import { getSettings } from './settings';

export interface NetworkHealth {
  byStage: Record<Stage, number>;
  imported: Record<Stage, number>;
  tracked: number;
  temperature: { warm: number; cooling: number; cold: number };
  /**
   * Touches per week, oldest first: 26 runs of seven UTC days, the last one ending today (UTC), so
   * the last entry is the past seven days.
   */
  weekly: number[];
  balance: { gave: number; received: number; both: number; none: number };
  /** "You know N of your M connections" (utils/known-share.ts). */
  known: { known: number; connections: number };
}

const WEEKS = 26;

const fixedKeys = [
  ...stages.map(countKey.stage),
  ...stages.map(countKey.imported),
  ...values.map(countKey.value),
  countKey.due,
  countKey.connection,
  countKey.known,
];

/**
 * People cooling at `now`: due within a quarter of their cadence. Per stage that is one short range
 * of [stage+dueAt]; the few people with a cadence of their own are read and counted by it instead.
 */
async function countCooling(settings: Settings, now: number, own: Person[]): Promise<number> {
  const quarter = (days: number) => days * DAY * COOLING_SHARE;
  const perStage = await Promise.all(
    stages.map((stage) => {
      const days = settings.cadenceDays[stage];
      return days === null
        ? 0
        : db.people
            .where('[stage+dueAt]')
            .between([stage, now], [stage, now + quarter(days)], false, true)
            .count();
    }),
  );
  let cooling = perStage.reduce((a, b) => a + b, 0);
  for (const p of own) {
    const stageDays = settings.cadenceDays[p.stage];
    const inStageRange =
      stageDays !== null && p.dueAt !== undefined && p.dueAt > now && p.dueAt <= now + quarter(stageDays);
    if (inStageRange) cooling--;
    if (temperatureOf(p, settings, now) === 'cooling') cooling++;
  }
  return cooling;
}

export function networkHealth(now: number): Promise<NetworkHealth> {
  // One read transaction: the kept counts and the index ranges describe the same moment.
  return db.transaction('r', db.people, db.healthCounts, db.settings, async () => {
    const today = utcDay(now);
    const [settings, rows, days, dueBefore, dueToday, own] = await Promise.all([
      getSettings(),
      db.healthCounts.bulkGet(fixedKeys),
      db.healthCounts
        .where('key')
        .between(countKey.day(today - WEEKS * 7 + 1), countKey.day(today), true, true)
        .toArray(),
      // Cold: due before today (whole days, kept), and due today by now (an index range of one day).
      db.healthCounts
        .where('key')
        .between(countKey.dueDayPrefix, countKey.dueDay(today), true, false)
        .toArray(),
      db.people
        .where('dueAt')
        .between(today * DAY, now, true, true)
        .count(),
      db.people.where('cadenceDays').above(0).toArray(),
    ]);
    const cold = dueBefore.reduce((sum, row) => sum + row.n, dueToday);
    const count = new Map(rows.flatMap((row) => (row ? [[row.key, row.n] as const] : [])));
    const n = (key: string) => count.get(key) ?? 0;
    const perStage = (key: (s: Stage) => string) =>
      Object.fromEntries(stages.map((s) => [s, n(key(s))])) as Record<Stage, number>;

    const weekly = new Array<number>(WEEKS).fill(0);
    for (const row of days) {
      const day = Number(row.key.slice(countKey.dayPrefix.length));
      weekly[WEEKS - 1 - Math.floor((today - day) / 7)]! += row.n;
    }
    const byStage = perStage(countKey.stage);
    const cooling = await countCooling(settings, now, own);
    return {
      byStage,
      imported: perStage(countKey.imported),
      tracked: stages.reduce((sum, s) => sum + byStage[s], 0),
      temperature: { warm: n(countKey.due) - cold - cooling, cooling, cold },
      weekly,
      balance: {
        gave: n(countKey.value('gave')),
        received: n(countKey.value('received')),
        both: n(countKey.value('both')),
        none: n(countKey.value('none')),
      },
      known: { known: n(countKey.known), connections: n(countKey.connection) },
    };
  });
}
