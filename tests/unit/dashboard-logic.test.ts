import { describe, expect, it } from 'vitest';
import type { Person } from '../../storage/schemas';
import { parseRoute, personPath, routeHash } from '../../utils/dashboard-route';
import { editToPatch } from '../../utils/person-edit';
import {
  afterDecision,
  afterSkip,
  afterUndo,
  startTriage,
  takeUndo,
  triagePatch,
} from '../../utils/triage-queue';

const T0 = Date.UTC(2026, 0, 10, 12);
const person = (slug: string, extra: Partial<Person> = {}): Person => ({
  slug,
  name: slug,
  stage: 'contact',
  tags: [],
  about: '',
  source: 'import',
  createdAt: T0,
  updatedAt: T0,
  metInPerson: false,
  roleChanges: [],
  ...extra,
});

describe('dashboard routes', () => {
  it('names each view by its hash, and anything unknown is home', () => {
    expect(parseRoute('')).toEqual({ name: 'home' });
    expect(parseRoute('#/')).toEqual({ name: 'home' });
    expect(parseRoute('#/people')).toEqual({ name: 'people' });
    expect(parseRoute('#/going-cold')).toEqual({ name: 'going-cold' });
    expect(parseRoute('#/nowhere')).toEqual({ name: 'home' });
    expect(parseRoute('#/person')).toEqual({ name: 'home' });
  });

  it('round-trips a person’s slug through the hash', () => {
    const slug = 'josé-garcía-42';
    expect(parseRoute(routeHash(personPath(slug)))).toEqual({ name: 'person', slug });
    // Opened to log a touch.
    expect(parseRoute(routeHash(personPath(slug, true)))).toEqual({ name: 'person', slug, log: true });
    expect(parseRoute(`#/person/${slug}/elsewhere`)).toEqual({ name: 'person', slug });
  });
});

describe('triage queue', () => {
  const imported = [
    person('old', { connectedOn: T0 - 10 }),
    person('new', { connectedOn: T0 }),
    person('kept', { triagedAt: T0 }),
    person('friend', { stage: 'acquaintance' }),
  ];

  it('queues open contacts not triaged yet, most recently connected first', () => {
    const q = startTriage(imported);
    expect(q.queue.map((p) => p.slug)).toEqual(['new', 'old']);
    expect(q).toMatchObject({ done: 2, total: 4, history: [] });
  });

  it('decides, skips and undoes', () => {
    let q = startTriage(imported);
    q = afterSkip(q);
    expect(q.queue.map((p) => p.slug)).toEqual(['old', 'new']);
    const first = q.queue[0]!;
    q = afterDecision(q, first);
    expect(q).toMatchObject({ done: 3, history: [first] });
    expect(q.queue.map((p) => p.slug)).toEqual(['new']);
    const taken = takeUndo(q)!;
    expect(taken.previous).toBe(first);
    expect(taken.rest.history).toEqual([]);
    q = afterUndo(taken.rest, taken.previous);
    expect(q.queue.map((p) => p.slug)).toEqual(['old', 'new']);
    expect(q.done).toBe(2);
    expect(takeUndo(q)).toBeNull();
    expect(afterSkip(startTriage([]))).toEqual(startTriage([]));
  });

  it('writes the stage each decision means, and when it was made', () => {
    expect(triagePatch('archive', T0)).toEqual({ stage: 'archived', triagedAt: T0 });
    expect(triagePatch('nurture', T0)).toEqual({ stage: 'acquaintance', triagedAt: T0 });
    expect(triagePatch('keep', T0)).toEqual({ triagedAt: T0 });
  });
});

describe('person details edit', () => {
  it('trims, drops empty optional fields, reads an empty cadence as the default, splits tags once each', () => {
    const edit = {
      name: ' Ada ',
      headline: '  ',
      company: ' ACME ',
      stage: 'relationship' as const,
      cadence: '',
      tags: 'math, , math ,engines',
      about: ' notes ',
    };
    expect(editToPatch(edit)).toEqual({
      name: 'Ada',
      headline: undefined,
      company: 'ACME',
      stage: 'relationship',
      cadenceDays: null,
      tags: ['math', 'engines'],
      about: ' notes ',
    });
    expect(editToPatch({ ...edit, cadence: ' 14 ' }).cadenceDays).toBe(14);
  });
});
