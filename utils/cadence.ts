// Cadence, due dates and temperature: the heart of the domain (docs/architecture.md, "Due and temperature").
import { COOLING_SHARE } from '../storage/domain';
import type { Person, Settings, Stage } from '../storage/schemas';
import { DAY } from './time';

export type Temperature = 'warm' | 'cooling' | 'cold';

type CadenceSettings = Pick<Settings, 'cadenceDays'>;
type DueFacts = Pick<Person, 'stage' | 'cadenceDays' | 'lastTouchAt' | 'createdAt' | 'snoozedUntil'>;

/** Days between touches for this person, or null when they have no cadence. */
export function cadenceFor(
  person: { stage: Stage; cadenceDays?: number },
  settings: CadenceSettings,
): number | null {
  return person.cadenceDays ?? settings.cadenceDays[person.stage];
}

/** dueAt = (lastTouchAt ?? trackedSince) + cadence, pushed later by a snooze; undefined without a cadence. */
export function computeDueAt(person: DueFacts, settings: CadenceSettings): number | undefined {
  const cadence = cadenceFor(person, settings);
  if (cadence === null) return undefined;
  const due = (person.lastTouchAt ?? person.createdAt) + cadence * DAY;
  return person.snoozedUntil !== undefined && person.snoozedUntil > due ? person.snoozedUntil : due;
}

/**
 * Share of the cadence that has elapsed, measured against dueAt so a snooze
 * counts as time given back. 1 means due now; above 1 is overdue.
 */
export function overdueRatio(
  person: Pick<Person, 'stage' | 'cadenceDays' | 'dueAt'>,
  settings: CadenceSettings,
  now: number,
): number | null {
  const cadence = cadenceFor(person, settings);
  if (cadence === null || person.dueAt === undefined) return null;
  const cadenceMs = cadence * DAY;
  return (now - (person.dueAt - cadenceMs)) / cadenceMs;
}

/**
 * Warm while elapsed < (1 − COOLING_SHARE)·cadence, cooling until elapsed ≥ cadence, then cold. Exact at
 * the boundaries: a whole number of milliseconds times 0.75 is a float with no rounding.
 */
export function temperatureOf(
  person: Pick<Person, 'stage' | 'cadenceDays' | 'dueAt'>,
  settings: CadenceSettings,
  now: number,
): Temperature | null {
  const cadence = cadenceFor(person, settings);
  if (cadence === null || person.dueAt === undefined) return null;
  const cadenceMs = cadence * DAY;
  const elapsed = now - (person.dueAt - cadenceMs);
  if (elapsed >= cadenceMs) return 'cold';
  return elapsed >= cadenceMs * (1 - COOLING_SHARE) ? 'cooling' : 'warm';
}

/** The dueAt a snooze of `days` gives: from now, or from the current due date if that is later. */
export function snoozeUntil(now: number, days: number, currentDueAt?: number): number {
  return Math.max(now, currentDueAt ?? now) + days * DAY;
}
