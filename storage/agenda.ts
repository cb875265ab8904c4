// What needs attention now: the popup's agenda and the dashboard's lists.
import { overdueRatio, type Temperature, temperatureOf } from '../utils/cadence';
import { DAY } from '../utils/time';
import { db } from './db';
import { COOLING_SHARE } from './domain';
import { dueNextSteps } from './next-steps';
import { mostOverdueCandidates } from './people';
import type { NextStep, Person } from './schemas';
import { getSettings } from './settings';

export interface AttentionPerson {
  person: Person;
  temperature: Temperature;
  ratio: number;
}

/**
 * People cooling or cold, most overdue first. Cooling starts a quarter of the
 * cadence before dueAt, so everyone due up to a quarter of the longest cadence
 * ahead (per-person cadences up to a year) is a candidate; only the few who
 * can rank among the first `limit` are read.
 */
export async function goingCold(now: number, limit = 50): Promise<AttentionPerson[]> {
  const settings = await getSettings();
  const longest = Math.max(365, ...Object.values(settings.cadenceDays).map((d) => d ?? 0));
  const horizon = now + Math.ceil(longest * COOLING_SHARE) * DAY;
  const candidates = await mostOverdueCandidates(horizon, limit);
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

/** The `limit` longest-due open next steps, with their people. */
export async function stepsDue(now: number, limit = 50): Promise<DueStep[]> {
  const steps = await dueNextSteps(now, limit);
  const people = await db.people.bulkGet(steps.map((s) => s.personId));
  return steps
    .map((step, i) => ({ step, person: people[i] }))
    .filter((x): x is DueStep => x.person !== undefined)
    .sort((a, b) => (a.step.dueAt ?? 0) - (b.step.dueAt ?? 0));
}
