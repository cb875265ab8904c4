// A network for the coach, from a fixed seed: every rule has people it fits and people it just
// misses, and the records keep the invariants the repository keeps (lastTouchAt is the newest touch,
// metInPerson follows the touches, dueAt follows the cadence, roleChangedAt is the newest role
// change, updatedAt is at or after it). By default about a third of the touches carry no value, as a messages import leaves them.

import { withRoleChangedAt } from '../../storage/domain';
import {
  defaultSettings,
  type Person,
  type Settings,
  type Touch,
  type TouchKind,
} from '../../storage/schemas';
import { computeDueAt } from '../../utils/cadence';
import {
  applicableSuggestions,
  type Dismissal,
  type Dismissals,
  notRelevant,
  snoozed,
} from '../../utils/coach';
import { STAGES, seeded, slugAt } from './generate';

const DAY = 86_400_000;

export interface CoachData {
  people: Person[];
  touches: Touch[];
  /** Dismissals by slug, for the people who have some. */
  dismissals: Map<string, Dismissals>;
}

export interface CoachDataOptions {
  people: number;
  touches: number;
  now: number;
  seed?: number;
  /** Everyone imported two days ago: every person updated in the last 30 days. */
  justImported?: boolean;
  /** The share of touches that moved value (the rest moved none, as a messages import leaves them). */
  valued?: number;
  settings?: Settings;
}

type Style = 'written' | 'calls' | 'meets';
const WRITTEN: TouchKind[] = ['message', 'message', 'message', 'message', 'comment', 'email'];

export function makeCoachData(options: CoachDataOptions): CoachData {
  const { now, settings = defaultSettings } = options;
  const random = seeded(options.seed ?? 14);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const chance = (p: number) => random() < p;
  const daysAgo = (max: number, min = 0) => now - Math.floor((min + random() * (max - min)) * DAY);

  // Touch counts: a third of the people untouched, the rest skewed, summing to exactly `touches`.
  const counts = Array.from({ length: options.people }, () =>
    chance(0.35) ? 0 : 1 + Math.floor(-Math.log(1 - random()) * 14),
  );
  let total = counts.reduce((a, b) => a + b, 0);
  while (total !== options.touches) {
    const i = Math.floor(random() * counts.length);
    if (total < options.touches) counts[i]! += 1;
    else if (counts[i]! > 0) counts[i]! -= 1;
    else continue;
    total += total < options.touches ? 1 : -1;
  }

  const people: Person[] = [];
  const touches: Touch[] = [];
  for (let i = 0; i < options.people; i++) {
    const slug = slugAt(i);
    const stage = pick(STAGES);
    const source = chance(0.85) ? 'import' : pick(['page', 'manual'] as const);
    const createdAt = options.justImported ? now - 2 * DAY : daysAgo(900, 20);
    const style: Style = pick(['written', 'written', 'calls', 'meets']);
    const timeline: Touch[] = [];
    const first = daysAgo(720, 10);
    const last = Math.min(now, first + Math.floor(random() * (now - first)));
    for (let j = 0; j < counts[i]!; j++) {
      const previous = timeline[j - 1];
      // Now and then two touches share an instant: ties are ordered the same way everywhere.
      const at = previous && chance(0.02) ? previous.at : first + Math.floor(random() * (last - first + 1));
      let kind: TouchKind = pick(WRITTEN);
      if (style === 'calls' && chance(0.12)) kind = pick(['call', 'video'] as const);
      if (style === 'meets' && chance(0.1)) kind = pick(['inPerson', 'call'] as const);
      if (chance(0.02)) kind = pick(['introduction', 'other'] as const);
      const value = !chance(options.valued ?? 0.65)
        ? 'none'
        : pick(['received', 'received', 'gave', 'both'] as const);
      timeline.push({
        id: `c-${i}-${j}`,
        personId: slug,
        at,
        kind,
        initiator: chance(0.5) ? 'me' : 'them',
        value,
        note: '',
        createdAt: at,
      });
    }
    timeline.sort((a, b) => a.at - b.at);
    touches.push(...timeline);
    const person: Person = {
      slug,
      name: `Person ${i}`,
      company: `Company ${i % 503}`,
      stage,
      tags: [],
      about: '',
      source,
      createdAt,
      updatedAt: createdAt,
      metInPerson: timeline.some((t) => t.kind === 'inPerson'),
      roleChanges: [],
    };
    if (source === 'import') person.connectedOn = createdAt - Math.floor(random() * 3000) * DAY;
    if (source === 'import' && chance(stage === 'archived' ? 0.8 : 0.4)) {
      person.triagedAt = Math.min(now, createdAt + Math.floor(random() * 20 * DAY));
    }
    if (chance(0.04)) person.cadenceDays = pick([7, 14, 30, 90, 180]);
    const lastTouch = timeline.at(-1);
    if (lastTouch) person.lastTouchAt = lastTouch.at;
    if (chance(0.05)) {
      const at = daysAgo(45);
      person.roleChanges.push({ at, company: `Company ${(i * 7) % 503}`, previousCompany: person.company });
    }
    if (chance(0.02)) person.snoozedUntil = now + Math.floor(random() * 20 * DAY);
    person.updatedAt = Math.max(
      createdAt,
      person.lastTouchAt ?? 0,
      person.triagedAt ?? 0,
      ...person.roleChanges.map((r) => r.at),
    );
    const dueAt = computeDueAt(person, settings);
    if (dueAt !== undefined) person.dueAt = dueAt;
    people.push(withRoleChangedAt(person));
  }
  const dismissals = dismissalsFor(people, touches, settings, now, random);
  // Stored with the person, as dismissSuggestion keeps them.
  for (const person of people) {
    const own = dismissals.get(person.slug);
    if (own) person.dismissals = [...own];
  }
  return { people, touches, dismissals };
}

/** One person in twelve dismissed something that applies to them: "Not relevant" or a snooze. */
function dismissalsFor(
  people: Person[],
  touches: Touch[],
  settings: Settings,
  now: number,
  random: () => number,
): Map<string, Dismissals> {
  const timelines = new Map<string, Touch[]>();
  for (const t of touches) timelines.set(t.personId, [t, ...(timelines.get(t.personId) ?? [])]);
  const out = new Map<string, Dismissals>();
  for (const person of people) {
    if (random() >= 1 / 12) continue;
    const touchesOf = timelines.get(person.slug) ?? [];
    const applicable = applicableSuggestions({ person, touches: touchesOf, settings, now });
    const chosen = applicable[Math.floor(random() * applicable.length)];
    if (!chosen) continue;
    const r = random();
    let dismissal: Dismissal = notRelevant(chosen, now - DAY);
    if (r >= 0.5) dismissal = snoozed(chosen, now - 3 * DAY);
    if (r >= 0.7) dismissal = snoozed(chosen, now - 10 * DAY); // over three days ago
    if (r >= 0.85)
      dismissal = { kind: chosen.kind, at: now - 30 * DAY, facts: 'facts that have changed since' };
    out.set(person.slug, [dismissal]);
  }
  return out;
}
