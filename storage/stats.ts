// The network's health, counted through indexes so the dashboard's first
// render stays fast with tens of thousands of people.
import { temperatureOf } from '../utils/cadence';
import { DAY } from '../utils/time';
import { db } from './db';
import { type Stage, stages } from './schemas';
import { getSettings } from './settings';

export interface NetworkHealth {
  byStage: Record<Stage, number>;
  imported: Record<Stage, number>;
  tracked: number;
  temperature: { warm: number; cooling: number; cold: number };
  /** Touches per week, oldest first, the last entry being the current week. */
  weekly: number[];
  balance: { gave: number; received: number; both: number; none: number };
}

const WEEKS = 26;

async function countStages(source?: 'import'): Promise<Record<Stage, number>> {
  const counts = await Promise.all(
    stages.map((stage) =>
      source
        ? db.people.where('[source+stage]').equals([source, stage]).count()
        : db.people.where('stage').equals(stage).count(),
    ),
  );
  return Object.fromEntries(stages.map((s, i) => [s, counts[i] ?? 0])) as Record<Stage, number>;
}

export async function networkHealth(now: number): Promise<NetworkHealth> {
  const settings = await getSettings();
  const longest = Math.max(365, ...Object.values(settings.cadenceDays).map((d) => d ?? 0));
  const since = now - WEEKS * 7 * DAY;
  const [byStage, imported, withCadence, cold, nearlyDue, touchTimes, gave, received, both, none] =
    await Promise.all([
      countStages(),
      countStages('import'),
      db.people.where('dueAt').aboveOrEqual(0).count(),
      db.people.where('dueAt').belowOrEqual(now).count(),
      // Only people due within a quarter of the longest cadence can be cooling.
      db.people
        .where('dueAt')
        .between(now, now + Math.ceil(longest * 0.25) * DAY, false, true)
        .toArray(),
      db.touches.where('at').between(since, now, true, true).keys(),
      ...(['gave', 'received', 'both', 'none'] as const).map((v) =>
        db.touches.where('value').equals(v).count(),
      ),
    ]);
  const cooling = nearlyDue.filter((p) => temperatureOf(p, settings, now) === 'cooling').length;
  const weekly = new Array<number>(WEEKS).fill(0);
  for (const at of touchTimes as number[]) {
    const week = WEEKS - 1 - Math.floor((now - at) / (7 * DAY));
    if (week >= 0) weekly[week]! += 1;
  }
  const tracked = stages.reduce((sum, s) => sum + byStage[s], 0);
  return {
    byStage,
    imported,
    tracked,
    temperature: { warm: withCadence - cold - cooling, cooling, cold },
    weekly,
    balance: { gave: gave ?? 0, received: received ?? 0, both: both ?? 0, none: none ?? 0 },
  };
}

const HEALTH_KEY = 'health';

export interface CachedHealth {
  computedAt: number;
  health: NetworkHealth;
}

/**
 * The last network health computed. Counting a large network reads every
 * index entry, which takes seconds: the dashboard shows this at once and
 * refreshes it behind.
 */
export async function cachedHealth(): Promise<CachedHealth | null> {
  const row = await db.settings.get(HEALTH_KEY);
  const value = row?.value as Partial<CachedHealth> | undefined;
  return value && typeof value.computedAt === 'number' && value.health ? (value as CachedHealth) : null;
}

/** Counts the network afresh and keeps the result for the next visit. */
export async function refreshHealth(now: number): Promise<NetworkHealth> {
  const health = await networkHealth(now);
  await db.settings.put({ key: HEALTH_KEY, value: { computedAt: now, health } satisfies CachedHealth });
  return health;
}
