// What needs attention now: the popup's agenda and the dashboard's lists.
import { overdueRatio, type Temperature, temperatureOf } from '../utils/cadence';
import { DAY } from '../utils/time';
import { db } from './db';
import { dueNextSteps } from './next-steps';
import type { NextStep, Person } from './schemas';
import { getSettings } from './settings';

export interface AttentionPerson {
  person: Person;
  temperature: Temperature;
  ratio: number;
}

/**
 * People cooling or cold, most overdue first. Cooling starts a quarter of the
 * cadence before dueAt, so an index range on dueAt up to a quarter of the
 * longest cadence ahead finds them (per-person cadences up to a year). Only the
 * earliest-due candidates are read and ranked by how overdue they are: a list
 * of the top `limit` never needs the whole network.
 */
export async function goingCold(now: number, limit = 50): Promise<AttentionPerson[]> {
  const settings = await getSettings();
  const longest = Math.max(365, ...Object.values(settings.cadenceDays).map((d) => d ?? 0));
  const horizon = now + Math.ceil(longest * 0.25) * DAY;
  const candidates = await db.people
    .where('dueAt')
    .belowOrEqual(horizon)
    .limit(Math.max(limit * 10, 500))
    .toArray();
  const out: AttentionPerson[] = [];
  for (const person of candidates) {
    const temperature = temperatureOf(person, settings, now);
    const ratio = overdueRatio(person, settings, now);
    if ((temperature === 'cold' || temperature === 'cooling') && ratio !== null)
      out.push({ person, temperature, ratio });
  }
  return out.sort((a, b) => b.ratio - a.ratio).slice(0, limit);
}

export interface DueStep {
  step: NextStep;
  person: Person;
}

/** Open next steps due by now, with their people, soonest first. */
export async function stepsDue(now: number): Promise<DueStep[]> {
  const steps = await dueNextSteps(now);
  const people = await db.people.bulkGet(steps.map((s) => s.personId));
  return steps
    .map((step, i) => ({ step, person: people[i] }))
    .filter((x): x is DueStep => x.person !== undefined)
    .sort((a, b) => (a.step.dueAt ?? 0) - (b.step.dueAt ?? 0));
}
