// The coach's rules at their thresholds, the one-at-a-time order, dismissals and the network's
// known share, with an injected clock: what each suggestion says and when it stops saying it.
import { describe, expect, it } from 'vitest';
import { defaultSettings, type Person, type Touch } from '../../storage/schemas';
import { computeDueAt } from '../../utils/cadence';
import {
  applicableSuggestions,
  type CoachInput,
  compareSuggestions,
  currentSuggestion,
  type Dismissals,
  isDismissed,
  isPrunable,
  notRelevant,
  type Suggestion,
  snoozed,
  withDismissal,
} from '../../utils/coach';
import { knownShareWords, suggestionWords } from '../../utils/coach-words';
import { knownShare } from '../../utils/known-share';
import { DAY, HOUR } from '../../utils/time';
import { translator } from './translator';

const en = translator('en');
const es = translator('es');
const NOW = Date.UTC(2026, 2, 16, 12);

type Spec = [daysAgo: number, kind?: Touch['kind'], value?: Touch['value']];
let ids = 0;
/** A timeline, newest first, from [days ago, kind, value] (message, no value by default). */
function timeline(...specs: Spec[]): Touch[] {
  return specs
    .map(([days, kind = 'message', value = 'none']): Touch => {
      const at = NOW - days * DAY;
      return {
        id: `t${++ids}`,
        personId: 'ana-garcia',
        at,
        kind,
        initiator: 'me',
        value,
        note: '',
        createdAt: at,
      };
    })
    .sort((a, b) => b.at - a.at);
}
/** `n` messages spread evenly from `spanDays` ago to `lastDaysAgo` ago. */
const written = (n: number, spanDays: number, lastDaysAgo = 1): Spec[] =>
  Array.from({ length: n }, (_, i) => [lastDaysAgo + (spanDays * i) / (n - 1)] as Spec);

/** A person as the repository keeps them: lastTouchAt, metInPerson and dueAt follow the timeline. */
function person(touches: Touch[], over: Partial<Person> = {}): Person {
  const p: Person = {
    slug: 'ana-garcia',
    name: 'Ana García',
    stage: 'acquaintance',
    tags: [],
    about: '',
    source: 'page',
    createdAt: NOW - 400 * DAY,
    updatedAt: NOW - DAY,
    metInPerson: touches.some((t) => t.kind === 'inPerson'),
    roleChanges: [],
    ...over,
  };
  if (touches[0]) p.lastTouchAt = touches[0].at;
  const dueAt = computeDueAt(p, defaultSettings);
  if (dueAt !== undefined) p.dueAt = dueAt;
  return p;
}

/** `rest` may name the person's dismissals, which are kept with the person. */
type Rest = Partial<CoachInput> & { dismissals?: Dismissals };

function input(touches: Touch[], over: Partial<Person> = {}, { dismissals, ...rest }: Rest = {}): CoachInput {
  const who = { ...person(touches, over), ...(dismissals && { dismissals }) };
  return { person: who, touches, settings: defaultSettings, now: NOW, ...rest };
}
const current = (touches: Touch[], over: Partial<Person> = {}, rest: Rest = {}) =>
  currentSuggestion(input(touches, over, rest));
const kinds = (i: CoachInput) => applicableSuggestions(i).map((s) => s.kind);
const words = (s: Suggestion | null, t = en, locale = 'en') =>
  s ? suggestionWords(s, NOW, t, locale) : null;

describe('move it offline', () => {
  it('comes at 5 written touches, not 4', () => {
    expect(current(timeline(...written(4, 90)))).toBeNull();
    expect(current(timeline(...written(5, 90)))).toMatchObject({
      kind: 'offline',
      reason: { written: 5, days: 90, months: 3 },
    });
  });

  it('comes when the written touches span 60 days, not 59', () => {
    const almost = timeline(...written(5, 60, 1)).map((t, i, all) =>
      i === all.length - 1 ? { ...t, at: t.at + 1 } : t,
    );
    expect(current(almost)).toBeNull();
    expect(current(timeline(...written(5, 60, 1)))).toMatchObject({
      kind: 'offline',
      reason: { days: 60, months: 2 },
    });
  });

  it('is for written-only relationships: one call, video call or meeting ends it', () => {
    const messages = written(8, 200);
    expect(current(timeline(...messages))?.kind).toBe('offline');
    for (const kind of ['call', 'video', 'inPerson'] as const) {
      expect(current(timeline(...messages, [300, kind])), kind).toBeNull();
    }
    expect(current(timeline(...messages), { metInPerson: true })).toBeNull();
  });

  it('counts messages, comments and emails; introductions and "other" neither count nor end it', () => {
    const mixed = timeline(
      [1],
      [20, 'comment'],
      [40, 'email'],
      [50, 'introduction'],
      [60, 'other'],
      [61],
      [70],
    );
    expect(current(mixed)).toMatchObject({ kind: 'offline', reason: { written: 5, days: 69 } });
  });

  it('is for acquaintances and relationships only', () => {
    const messages = timeline(...written(6, 100));
    expect(current(messages, { stage: 'relationship' })?.kind).toBe('offline');
    expect(current(messages, { stage: 'contact' })).toBeNull();
  });

  it('says how many messages in how many months, in English and Spanish', () => {
    const s = current(timeline(...written(12, 243)));
    expect(words(s)?.text).toBe('Propose a call or a coffee — 12 messages in 8 months, never a call.');
    expect(words(s, es, 'es')?.text).toBe(
      'Propón una llamada o un café — 12 mensajes en 8 meses, nunca una llamada.',
    );
  });
});

describe('give first', () => {
  it('comes after 3 received in a row, not 2', () => {
    expect(
      current(timeline([1, 'call', 'received'], [5, 'call', 'received'], [9, 'call', 'gave'])),
    ).toBeNull();
    const three = timeline([1, 'call', 'received'], [5, 'call', 'received'], [9, 'call', 'received']);
    expect(current(three)).toMatchObject({
      kind: 'giveFirst',
      reason: { received: 3, lastReceivedAt: NOW - DAY },
    });
  });

  it('skips touches that moved no value; a give or a both ends the run', () => {
    const run = timeline(
      [1, 'call', 'received'],
      [2],
      [3, 'call', 'received'],
      [4, 'call', 'none'],
      [5, 'call', 'received'],
    );
    expect(current(run)).toMatchObject({ kind: 'giveFirst', reason: { received: 3 } });
    for (const value of ['gave', 'both'] as const) {
      const broken = timeline(
        [1, 'call', 'received'],
        [3, 'call', 'received'],
        [4, 'call', value],
        [5, 'call', 'received'],
      );
      expect(current(broken), value).toBeNull();
    }
  });

  it('says how many times, with ideas, in English and Spanish', () => {
    const s = current(timeline(...([1, 2, 3, 4] as const).map((d): Spec => [d, 'call', 'received'])));
    expect(words(s)).toEqual({
      title: 'Give first',
      text: 'Give something next — you have received the last 4 times.',
      ideas: 'Ideas: an introduction, something useful to share, a recommendation.',
    });
    expect(words(s, es, 'es')?.text).toBe('Da algo la próxima vez — las últimas 4 veces has recibido tú.');
  });
});

describe('a moment that matters', () => {
  // Contacts, so that nothing else applies once the moment has passed.
  const change = (daysAgo: number, company?: string) => ({
    stage: 'contact' as const,
    roleChanges: [{ at: NOW - daysAgo, ...(company ? { company } : {}), previousCompany: 'Acme' }],
  });

  it('lasts from day 0 to day 30 of the role change, not day 31', () => {
    expect(current([], change(0, 'Globex'))?.kind).toBe('moment');
    expect(current([], change(30 * DAY, 'Globex'))).toMatchObject({ kind: 'moment', reason: { days: 30 } });
    expect(current([], change(31 * DAY - 1, 'Globex'))).toMatchObject({
      kind: 'moment',
      reason: { days: 30 },
    });
    expect(current([], change(31 * DAY, 'Globex'))).toBeNull();
  });

  it('is about the newest role change', () => {
    const older = { at: NOW - 5 * DAY, company: 'Initech' };
    const newest = { at: NOW - 2 * DAY, company: 'Globex' };
    const s = current([], { stage: 'contact', roleChanges: [newest, older] });
    expect(s).toMatchObject({ kind: 'moment', since: newest.at, reason: { company: 'Globex', days: 2 } });
  });

  it('names the new company, or just the new role', () => {
    expect(words(current([], change(DAY, 'Globex')))?.text).toBe(
      'Congratulate them on the new role at Globex.',
    );
    expect(words(current([], change(DAY, 'Globex')), es, 'es')?.text).toBe(
      'Dale la enhorabuena por su nuevo puesto en Globex.',
    );
    expect(words(current([], change(DAY)))?.text).toBe('Congratulate them on the new role.');
  });
});

describe('going cold, with the right first move', () => {
  // An acquaintance (30 days) last touched 50 days ago: cold since day 30.
  const coldSince = (days: number) => NOW - days * DAY;

  it('follows the temperature: nothing while warm, cooling from three quarters of the cadence', () => {
    expect(current(timeline([22]))).toBeNull();
    expect(current(timeline([23]))).toMatchObject({
      kind: 'cold',
      reason: { temperature: 'cooling' },
      since: NOW - 23 * DAY + 22.5 * DAY,
    });
    expect(current(timeline([50]))).toMatchObject({
      kind: 'cold',
      reason: { temperature: 'cold' },
      since: coldSince(20),
    });
  });

  it('says "write" to a relationship only ever written to, "meet again" to one that met in person', () => {
    const writtenOnly = current(timeline([50], [80, 'email'], [90, 'comment']), { stage: 'relationship' });
    expect(writtenOnly).toMatchObject({ reason: { firstMove: 'write' } });
    expect(words(writtenOnly)?.text).toBe('Write to them — last touch 2 months ago.');
    expect(words(writtenOnly, es, 'es')?.text).toBe('Escríbele — último contacto hace 2 meses.');

    const met = current(timeline([70], [200, 'inPerson']), { stage: 'relationship' });
    expect(met).toMatchObject({ reason: { firstMove: 'meet' } });
    expect(words(met)?.text).toBe('Suggest meeting again — last touch 2 months ago.');
    expect(words(met, es, 'es')?.text).toBe('Propón volver a veros — último contacto hace 2 meses.');
  });

  it('suggests another call after calls, and a first message when there was no touch', () => {
    expect(words(current(timeline([40], [60, 'video'])))?.text).toBe(
      'Suggest another call — last touch 40 days ago.',
    );
    expect(words(current([]))?.text).toBe('Write a first message — no touch yet.');
  });

  it('is held back by a snooze, as the rest of Vínculo is', () => {
    const touches = timeline([50]);
    expect(current(touches, { snoozedUntil: NOW + 20 * DAY })).toBeNull();
  });
});

describe('one at a time', () => {
  // Fits every rule: a role change, three received, cold, and written only for months.
  const touches = timeline(
    [40, 'message', 'received'],
    [45, 'email', 'received'],
    [50, 'message', 'received'],
    [100],
    [200],
  );
  const all = input(touches, { roleChanges: [{ at: NOW - 3 * DAY, company: 'Globex' }] });

  it('orders the kinds moment > give first > going cold > move offline', () => {
    expect(kinds(all)).toEqual(['moment', 'giveFirst', 'cold', 'offline']);
    expect(currentSuggestion(all)?.kind).toBe('moment');
  });

  it('shows the next kind when the first is dismissed', () => {
    let dismissals: Dismissals = [];
    const seen: string[] = [];
    for (
      let s = currentSuggestion(all);
      s;
      s = currentSuggestion({ ...all, person: { ...all.person, dismissals } })
    ) {
      seen.push(s.kind);
      dismissals = withDismissal(dismissals, notRelevant(s, NOW));
    }
    expect(seen).toEqual(['moment', 'giveFirst', 'cold', 'offline']);
  });

  it('gives archived people nothing but pruning', () => {
    expect(kinds({ ...all, person: { ...all.person, stage: 'archived' } })).toEqual([]);
    const triaged = { ...all.person, stage: 'archived', source: 'import', triagedAt: NOW - DAY } as const;
    expect(kinds({ ...all, person: triaged })).toEqual(['prune']);
    expect(currentSuggestion({ ...all, person: triaged })).toMatchObject({ kind: 'prune', since: NOW - DAY });
    expect(words(currentSuggestion({ ...all, person: triaged }))?.title).toBe('Prune');
  });

  it('orders people most timely first: newest reason, then the order of kinds, then slug', () => {
    const s = (kind: Suggestion['kind'], since: number, slug: string) => ({ kind, since, slug });
    const list = [
      s('offline', NOW - DAY, 'b'),
      s('moment', NOW - 2 * DAY, 'a'),
      s('cold', NOW - DAY, 'c'),
      s('cold', NOW - DAY, 'a'),
      s('giveFirst', NOW, 'z'),
    ].sort(compareSuggestions);
    expect(list.map((x) => `${x.kind}:${x.slug}`)).toEqual([
      'giveFirst:z',
      'cold:a',
      'cold:c',
      'offline:b',
      'moment:a',
    ]);
  });
});

describe('dismissals', () => {
  it('"Not relevant" on move it offline holds through more messages; after a call it never comes back', () => {
    const before = timeline(...written(6, 100, 3));
    const s = current(before);
    expect(s?.kind).toBe('offline');
    const dismissals = [notRelevant(s!, NOW)];
    expect(current(timeline([1], ...written(6, 100, 3)), {}, { dismissals })).toBeNull();
    const afterCall = timeline([1], [2, 'call'], ...written(6, 100, 3));
    expect(kinds(input(afterCall, {}, { dismissals }))).not.toContain('offline');
    expect(kinds(input(timeline(...written(20, 60), [100, 'call']), {}, { dismissals }))).not.toContain(
      'offline',
    );
  });

  it('"Not relevant" on move it offline lifts when the stage changes or the written history doubles', () => {
    const dismissals = [notRelevant(current(timeline(...written(6, 100, 3)))!, NOW)];
    expect(current(timeline(...written(6, 100, 3)), { stage: 'relationship' }, { dismissals })?.kind).toBe(
      'offline',
    );
    expect(current(timeline(...written(8, 100, 1)), {}, { dismissals })?.kind).toBe('offline');
  });

  it('"Not relevant" on give first holds for the same run; a new run of only-received brings it back', () => {
    const run = (...days: number[]) => days.map((d): Spec => [d, 'call', 'received']);
    const first = timeline(...run(10, 12, 14));
    const dismissals = [notRelevant(current(first)!, NOW)];
    expect(current(first, {}, { dismissals })).toBeNull();
    expect(current([...timeline(...run(2)), ...first], {}, { dismissals })).toBeNull();

    const gave = [...timeline([8, 'call', 'gave']), ...first];
    expect(current(gave, {}, { dismissals })).toBeNull();
    const again = [...timeline(...run(1, 3, 5)), ...gave];
    expect(current(again, {}, { dismissals })).toMatchObject({ kind: 'giveFirst', reason: { received: 3 } });
  });

  it('"Not relevant" on a moment lifts with the next role change; on going cold, with the next touch', () => {
    const roleChanges = [{ at: NOW - 5 * DAY, company: 'Globex' }];
    const moment = current([], { roleChanges });
    const dismissals = [notRelevant(moment!, NOW)];
    expect(current([], { roleChanges, stage: 'contact' }, { dismissals })).toBeNull();
    expect(
      current([], { roleChanges: [...roleChanges, { at: NOW - DAY, company: 'Initech' }] }, { dismissals })
        ?.kind,
    ).toBe('moment');

    const quiet = timeline([25], [60]);
    const cold = [notRelevant(current(quiet)!, NOW)];
    expect(current(quiet, {}, { dismissals: cold, now: NOW + 20 * DAY })).toBeNull(); // cooling, then cold
    const touchedAgain = [...timeline([1]), ...quiet];
    expect(current(touchedAgain, {}, { dismissals: cold, now: NOW + 25 * DAY })?.kind).toBe('cold');
  });

  it('a snooze hides the suggestion until its date, then it shows again', () => {
    const touches = timeline([1, 'call', 'received'], [2, 'call', 'received'], [3, 'call', 'received']);
    const s = current(touches)!;
    const dismissals = [snoozed(s, NOW)];
    expect(dismissals[0]?.until).toBe(NOW + 7 * DAY);
    expect(isDismissed(s, dismissals, NOW + 7 * DAY - 1)).toBe(true);
    expect(isDismissed(s, dismissals, NOW + 7 * DAY)).toBe(false);
    expect(current(touches, {}, { dismissals, now: NOW + 7 * DAY - HOUR })).toBeNull();
    expect(current(touches, {}, { dismissals, now: NOW + 7 * DAY })?.kind).toBe('giveFirst');
  });

  it('keeps one dismissal per kind, the latest', () => {
    const s = current(timeline(...written(6, 100)))!;
    const twice = withDismissal([snoozed(s, NOW)], notRelevant(s, NOW + DAY));
    expect(twice).toEqual([{ kind: 'offline', at: NOW + DAY, facts: s.facts }]);
    expect(isDismissed({ kind: 'giveFirst', facts: s.facts }, twice, NOW)).toBe(false);
  });
});

describe('prune and the share of the network the user knows', () => {
  const p = (over: Partial<Person>) => person([], { stage: 'contact', source: 'import', ...over });

  it('lists imported contacts archived in triage, and nobody else', () => {
    expect(isPrunable(p({ stage: 'archived', triagedAt: NOW }))).toBe(true);
    expect(isPrunable(p({ stage: 'archived' }))).toBe(false);
    expect(isPrunable(p({ stage: 'archived', triagedAt: NOW, source: 'page' }))).toBe(false);
    expect(isPrunable(p({ triagedAt: NOW }))).toBe(false);
  });

  it('counts as known the acquaintances, relationships and kept contacts among the connections', () => {
    const share = knownShare([
      p({ stage: 'acquaintance' }),
      p({ stage: 'relationship' }),
      p({ triagedAt: NOW }), // kept in triage
      p({}), // not triaged yet
      p({ stage: 'archived', triagedAt: NOW }), // "I don't know them"
      p({ stage: 'archived' }),
      p({ source: 'page', connectedOn: NOW - 900 * DAY, stage: 'relationship' }), // tracked first, then imported
      p({ source: 'page', stage: 'relationship' }), // not a connection
    ]);
    expect(share).toEqual({ known: 4, connections: 7, share: 4 / 7 });
    expect(knownShare([])).toEqual({ known: 0, connections: 0, share: 0 });
  });

  it('says it in words, one or many', () => {
    expect(knownShareWords({ known: 120, connections: 3400, share: 0 }, en, 'en')).toBe(
      'You know 120 of your 3,400 connections.',
    );
    expect(knownShareWords({ known: 1, connections: 1, share: 1 }, en, 'en')).toBe(
      'You know 1 of your 1 connection.',
    );
    expect(knownShareWords({ known: 120, connections: 3400, share: 0 }, es, 'es')).toBe(
      'Conoces a 120 de tus 3400 conexiones.',
    );
  });
});
