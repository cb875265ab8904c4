// Synthetic but valid Vínculo data for benchmarks: the same shapes the
// database holds, from a fixed seed so every run stores the same rows.
import { type NextStep, type Person, type Touch, touchKinds } from '../../storage/schemas';

const DAY = 86_400_000;
const FIRST = [
  'ana',
  'bo',
  'carla',
  'diego',
  'elena',
  'farid',
  'greta',
  'hugo',
  'ines',
  'jon',
  'kemal',
  'lucia',
];
const LAST = [
  'garcia',
  'li',
  'novak',
  'okafor',
  'perez',
  'quinn',
  'rossi',
  'sato',
  'tanaka',
  'ueda',
  'vidal',
];
/** Stages in the proportions a real network has them: contacts most, relationships few. */
export const STAGES = [
  'contact',
  'contact',
  'contact',
  'acquaintance',
  'acquaintance',
  'relationship',
  'archived',
] as const;

export function slugAt(i: number): string {
  return `${FIRST[i % FIRST.length]}-${LAST[(i >> 3) % LAST.length]}-${i.toString(36)}`;
}

/** n people; about half have a cadence, spread so that some are due at `now`. */
export function makePeople(n: number, now: number): Person[] {
  const people: Person[] = [];
  for (let i = 0; i < n; i++) {
    const stage = STAGES[i % STAGES.length]!;
    const createdAt = now - 400 * DAY + (i % 300) * DAY;
    const lastTouchAt = i % 4 === 0 ? undefined : now - ((i * 7919) % 120) * DAY;
    const cadence = stage === 'acquaintance' ? 30 : stage === 'relationship' ? 60 : undefined;
    const person: Person = {
      slug: slugAt(i),
      name: `${FIRST[i % FIRST.length]} ${LAST[(i >> 3) % LAST.length]} ${i}`,
      headline: `Role ${i % 97} at Company ${i % 503}`,
      company: `Company ${i % 503}`,
      stage,
      tags: i % 5 === 0 ? ['conference'] : [],
      about: '',
      source: 'import',
      createdAt,
      updatedAt: createdAt,
      metInPerson: i % 11 === 0,
      roleChanges: [],
    };
    if (lastTouchAt !== undefined) person.lastTouchAt = lastTouchAt;
    if (cadence) person.dueAt = (lastTouchAt ?? createdAt) + cadence * DAY;
    people.push(person);
  }
  return people;
}

/** `perPerson` touches for each person numbered from `from` to `to` (exclusive). */
export function makeTouches(from: number, to: number, perPerson: number, now: number): Touch[] {
  const touches: Touch[] = [];
  for (let i = from; i < to; i++) {
    const slug = slugAt(i);
    for (let j = 0; j < perPerson; j++) {
      const at = now - ((i + j * 13) % 700) * DAY - j * 1000;
      touches.push({
        id: `t-${i}-${j}`,
        personId: slug,
        at,
        kind: touchKinds[(i + j) % touchKinds.length]!,
        initiator: j % 2 ? 'me' : 'them',
        value: 'none',
        note: j % 3 ? '' : 'Talked about the next conference.',
        createdAt: at,
      });
    }
  }
  return touches;
}

export function makeNextSteps(n: number, now: number): NextStep[] {
  return Array.from({ length: n }, (_, i) => {
    const dueAt = now + ((i % 20) - 10) * DAY;
    // Every tenth step is done: the check must not count or read those.
    const done = i % 10 === 0 ? { doneAt: now - DAY } : { openDueAt: dueAt };
    return {
      id: `s-${i}`,
      personId: slugAt(i * 7),
      text: `Send the article ${i}`,
      dueAt,
      createdAt: now - 30 * DAY,
      ...done,
    };
  });
}

/** mulberry32: a small seeded generator, the same sequence on every machine, so a failing seed can be replayed. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
