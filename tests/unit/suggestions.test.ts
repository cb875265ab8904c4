// The Suggestions section's data, read from index-driven candidates, gives exactly the answer of
// judging every person on every touch, and finds what the real write paths record.
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../storage/db';
import { refreshFromPage, setStage, trackPerson, updatePerson } from '../../storage/people';
import { defaultSettings, type Person, type Settings } from '../../storage/schemas';
import { saveSettings } from '../../storage/settings';
import {
  type CoachReadOptions,
  dismissSuggestion,
  readPersonSuggestion,
  readPruneList,
  readSuggestions,
  restoreDismissals,
} from '../../storage/suggestions';
import { addTouch } from '../../storage/touches';
import { notRelevant } from '../../utils/coach';
import { DAY } from '../../utils/time';
import { makeCoachData } from '../bench/coach-data';
import { coachFullScan, pruneKey, sectionKey } from '../bench/coach-full-scan';

const NOW = Date.UTC(2026, 2, 16, 12);

beforeEach(async () => {
  await db.delete();
  await db.open();
});

async function store(options: Parameters<typeof makeCoachData>[0]) {
  const data = makeCoachData(options);
  await db.people.bulkPut(data.people);
  await db.touches.bulkPut(data.touches);
  return data;
}

type Options = Omit<CoachReadOptions, 'trace' | 'limit'> & { limit?: number; pruneLimit?: number };

async function same(now: number, options: Options) {
  const trace = { people: 0, timelines: 0 };
  const { pruneLimit, ...rest } = options;
  const suggestions = await readSuggestions(now, { ...rest, trace });
  const prune = await readPruneList(now, { ...rest, limit: pruneLimit });
  const slow = await coachFullScan(now, options);
  expect(sectionKey(suggestions)).toBe(sectionKey(slow.suggestions));
  expect(pruneKey(prune)).toBe(pruneKey(slow.prune));
  return { fast: { ...suggestions, prune }, trace };
}

describe('candidates against the full scan', () => {
  it('agree on a seeded network, at several sizes of the section, with dismissals', async () => {
    const data = await store({ people: 1500, touches: 15_000, now: NOW, seed: 7 });
    for (const limit of [1, 5, 20, 100]) {
      const { fast, trace } = await same(NOW, { limit, pruneLimit: 10 });
      expect(fast.items).toHaveLength(limit);
      expect(fast.more).toBe(true);
      if (limit === 20) expect(trace.timelines).toBeLessThan(300);
    }
    const { fast } = await same(NOW, { limit: 5000 });
    const kinds = new Set(fast.items.map((i) => i.suggestion.kind));
    expect([...kinds].sort()).toEqual(['cold', 'giveFirst', 'moment', 'offline']);
    expect(fast.more).toBe(false);
    expect(fast.prune.count).toBeGreaterThan(50);
    // Dismissals did hide something, and the next kind showed instead.
    expect(data.dismissals.size).toBeGreaterThan(50);
  });

  it('agree at other moments, after an import, and with other cadences', async () => {
    const settings: Settings = {
      ...defaultSettings,
      cadenceDays: { contact: 180, acquaintance: null, relationship: 21, archived: null },
    };
    await saveSettings(settings);
    await store({ people: 800, touches: 8000, now: NOW, seed: 3, justImported: true, settings });
    for (const now of [NOW, NOW + 10 * DAY, NOW - 40 * DAY, NOW + 400 * DAY]) await same(now, { limit: 20 });
  });

  it('agree when few touches moved value, so that those received are read to skip who cannot be owed', async () => {
    const _data = await store({ people: 1000, touches: 10_000, now: NOW, seed: 11, valued: 0.08 });
    expect(await db.touches.where('value').equals('received').count()).toBeLessThan(500);
    for (const limit of [3, 20, 200]) await same(NOW, { limit });
  });

  it('agree on a role change on its 30th day, for a contact found by nothing else', async () => {
    await store({ people: 300, touches: 3000, now: NOW, seed: 5 });
    const at = NOW - 30 * DAY - DAY / 2;
    const [quiet] = makeCoachData({ people: 1, touches: 0, now: NOW, seed: 2 }).people;
    await db.people.put({
      ...quiet!,
      slug: 'quiet-contact',
      stage: 'contact',
      roleChanges: [{ at, company: 'Globex' }],
      updatedAt: at,
    });
    const { fast } = await same(NOW, { limit: 5000 });
    expect(fast.items.find((i) => i.person.slug === 'quiet-contact')?.suggestion.kind).toBe('moment');
  });

  it('agree on an empty database and on one with only contacts', async () => {
    await same(NOW, {});
    await store({ people: 50, touches: 0, now: NOW, seed: 1 });
    await same(NOW, { limit: 3 });
  });
});

describe('what the write paths record', () => {
  const ana = { slug: 'ana-garcia', name: 'Ana García', headline: 'Engineer at Acme', company: 'Acme' };
  const received = { kind: 'call', initiator: 'them', value: 'received', note: '' } as const;

  it('finds a role change seen on the profile, and gives first after three received', async () => {
    const T = NOW - 40 * DAY;
    await trackPerson(ana, T);
    await setStage(ana.slug, 'acquaintance', T);
    await trackPerson({ ...ana, slug: 'bo-li', name: 'Bo Li' }, T);
    for (const days of [3, 2, 1])
      await addTouch({ ...received, personId: 'bo-li', at: NOW - days * DAY }, NOW - days * DAY);
    await refreshFromPage({ ...ana, headline: 'CTO at Globex', company: 'Globex' }, NOW - 2 * DAY);

    const { items } = await readSuggestions(NOW);
    expect(items.map((i) => [i.person.slug, i.suggestion.kind])).toEqual([
      ['bo-li', 'giveFirst'],
      ['ana-garcia', 'moment'],
    ]);
    expect(items[1]?.suggestion.reason).toMatchObject({
      company: 'Globex',
      previousCompany: 'Acme',
      days: 2,
    });

    // The person page and the badge panel ask for one person.
    expect((await readPersonSuggestion('bo-li', NOW))?.suggestion.kind).toBe('giveFirst');
    const before = await dismissSuggestion('bo-li', notRelevant(items[0]!.suggestion, NOW));
    expect(before).toEqual([]);
    expect(await readPersonSuggestion('bo-li', NOW)).toBeNull();
    // Undo: the dismissals as they were, and the suggestion back.
    await restoreDismissals('bo-li', before!, NOW);
    expect((await db.people.get('bo-li'))?.dismissals).toBeUndefined();
    expect((await readPersonSuggestion('bo-li', NOW))?.suggestion.kind).toBe('giveFirst');
    expect(await readPersonSuggestion('nobody-here', NOW)).toBeNull();
    expect(await dismissSuggestion('nobody-here', notRelevant(items[0]!.suggestion, NOW))).toBeNull();
  });

  it('lists imported contacts archived in triage apart, newest decision first, without the dismissed', async () => {
    const people = ['a', 'b', 'c'].map(
      (x, i): Person => ({
        slug: `contact-${x}`,
        name: x,
        stage: 'contact',
        tags: [],
        about: '',
        source: 'import',
        createdAt: NOW - 100 * DAY,
        updatedAt: NOW - 100 * DAY,
        metInPerson: false,
        roleChanges: [],
        connectedOn: NOW - 1000 * DAY + i,
      }),
    );
    await db.people.bulkPut(people);
    for (const [i, slug] of ['contact-a', 'contact-b', 'contact-c'].entries()) {
      await updatePerson(slug, { stage: 'archived', triagedAt: NOW - (10 - i) * DAY }, NOW - (10 - i) * DAY);
    }
    expect((await readSuggestions(NOW)).items).toEqual([]);
    const first = await readPruneList(NOW);
    expect(first.count).toBe(3);
    expect(first.people.map((p) => p.person.slug)).toEqual(['contact-c', 'contact-b', 'contact-a']);

    const dismissed = notRelevant(first.people[0]!.suggestion, NOW);
    await dismissSuggestion('contact-c', dismissed);
    const after = await readPruneList(NOW, { limit: 1 });
    expect(after).toMatchObject({ count: 2, people: [{ person: { slug: 'contact-b' } }] });
  });
});
