// The daily digest's decisions, with an injected clock and time zone: when it
// is due, once a day across DST and time-zone changes, and what it says.
import { describe, expect, it } from 'vitest';
import type { ReminderState } from '../../storage/reminder-state';
import { defaultSettings, type Settings } from '../../storage/schemas';
import {
  COUNT_CAP,
  type Decision,
  type DuePerson,
  type DueStep,
  decideDigest,
  digestWindow,
  localTime,
} from '../../utils/digest';
import { DAY, HOUR, MINUTE } from '../../utils/time';
import type { Translate } from '../../utils/translate';
import { translator } from './translator';

const en = translator('en');
const es = translator('es');
const MADRID = 'Europe/Madrid';
const settings: Settings = { ...defaultSettings, reminderHour: 9 };

const person = (
  slug: string,
  name: string,
  daysOverdue: number,
  now: number,
  cadenceDays?: number,
): DuePerson => ({
  slug,
  name,
  stage: 'acquaintance',
  ...(cadenceDays === undefined ? {} : { cadenceDays }),
  dueAt: now - daysOverdue * DAY,
});

// A Madrid wall-clock time as an instant (Madrid is UTC+1 in winter, UTC+2 in summer).
const madrid = (iso: string, offsetHours: number): number => Date.parse(`${iso}Z`) - offsetHours * HOUR;

interface Run {
  state?: ReminderState;
  now: number;
  timeZone?: string;
  people?: DuePerson[];
  coldCount?: number;
  steps?: DueStep[];
  stepCount?: number;
  settings?: Settings;
  t?: Translate;
  locale?: string;
}

function decide(run: Run): Decision {
  return decideDigest({
    state: run.state ?? {},
    now: run.now,
    local: localTime(run.now, run.timeZone ?? MADRID),
    settings: run.settings ?? settings,
    people: run.people ?? [person('ana-garcia', 'Ana García', 10, run.now)],
    ...(run.coldCount === undefined ? {} : { coldCount: run.coldCount }),
    steps: run.steps ?? [],
    ...(run.stepCount === undefined ? {} : { stepCount: run.stepCount }),
    t: run.t ?? en,
    locale: run.locale ?? 'en',
  });
}

/** Runs the check every 30 minutes from `from` to `to`, recording each digest as shown; returns when they came. */
function simulate(
  from: number,
  to: number,
  options: { timeZoneAt?: (now: number) => string; settings?: Settings; every?: number } = {},
): { at: number; date: string }[] {
  let state: ReminderState = {};
  const shown: { at: number; date: string }[] = [];
  for (let now = from; now < to; now += options.every ?? 30 * MINUTE) {
    const timeZone = options.timeZoneAt?.(now) ?? MADRID;
    const d = decide({ state, now, timeZone, settings: options.settings ?? settings });
    if (d.kind === 'new') {
      state = { digest: { ...d.digest, phase: 'shown' } };
      shown.push({ at: now, date: d.digest.date });
    }
  }
  return shown;
}

describe('local time', () => {
  it('gives the local date, hour and weekday in a time zone, across the DST jumps', () => {
    // 2026-03-29 01:00Z is 03:00 in Madrid: 02:00 never happened that Sunday.
    expect(localTime(Date.UTC(2026, 2, 29, 1), MADRID)).toEqual({ date: '2026-03-29', hour: 3, weekday: 0 });
    expect(localTime(Date.UTC(2026, 2, 29, 0, 59), MADRID)).toEqual({
      date: '2026-03-29',
      hour: 1,
      weekday: 0,
    });
    // 2026-10-25: 02:00 happens twice.
    expect(localTime(Date.UTC(2026, 9, 25, 0, 30), MADRID).hour).toBe(2);
    expect(localTime(Date.UTC(2026, 9, 25, 1, 30), MADRID).hour).toBe(2);
    expect(localTime(Date.UTC(2026, 10, 26, 23, 30), MADRID)).toEqual({
      date: '2026-11-27',
      hour: 0,
      weekday: 5,
    });
  });

  it('uses the system time zone when none is given', () => {
    const before = process.env.TZ;
    process.env.TZ = MADRID;
    try {
      expect(localTime(Date.UTC(2026, 10, 26, 8, 0))).toEqual({ date: '2026-11-26', hour: 9, weekday: 4 });
      process.env.TZ = 'America/New_York';
      expect(localTime(Date.UTC(2026, 10, 26, 8, 0))).toEqual({ date: '2026-11-26', hour: 3, weekday: 4 });
    } finally {
      process.env.TZ = before;
    }
  });
});

describe('when the digest comes', () => {
  it('not before the reminder hour, and from the hour on', () => {
    expect(decide({ now: madrid('2026-11-26T08:59', 1) })).toEqual({ kind: 'none', reason: 'before-hour' });
    expect(decide({ now: madrid('2026-11-26T09:00', 1) }).kind).toBe('new');
  });

  it('not on quiet days, and again the day after', () => {
    const quiet = { ...settings, quietDays: [4] }; // 2026-11-26 is a Thursday
    expect(decide({ now: madrid('2026-11-26T10:00', 1), settings: quiet })).toEqual({
      kind: 'none',
      reason: 'quiet-day',
    });
    expect(decide({ now: madrid('2026-11-27T10:00', 1), settings: quiet }).kind).toBe('new');
  });

  it('never with notifications off', () => {
    const off = { ...settings, notifications: false };
    expect(decide({ now: madrid('2026-11-26T10:00', 1), settings: off })).toEqual({
      kind: 'none',
      reason: 'off',
    });
  });

  it('not when nothing is due', () => {
    expect(decide({ now: madrid('2026-11-26T10:00', 1), people: [] })).toEqual({
      kind: 'none',
      reason: 'nothing-due',
    });
  });

  it('once a day: a second check that day decides nothing, the next day decides again', () => {
    const first = decide({ now: madrid('2026-11-26T09:00', 1) });
    if (first.kind !== 'new') throw new Error('expected a digest');
    expect(first.state.digest).toMatchObject({ date: '2026-11-26', phase: 'decided' });
    const shown: ReminderState = { digest: { ...first.digest, phase: 'shown' } };
    for (const time of ['09:30', '15:00', '23:59']) {
      expect(decide({ state: shown, now: madrid(`2026-11-26T${time}`, 1) })).toEqual({
        kind: 'none',
        reason: 'done-today',
      });
    }
    expect(decide({ state: shown, now: madrid('2026-11-27T08:30', 1) }).kind).toBe('none');
    expect(decide({ state: shown, now: madrid('2026-11-27T09:00', 1) }).kind).toBe('new');
  });

  it('every 30 minutes for a week: exactly one digest per day, in the first check at or after the hour', () => {
    const shown = simulate(madrid('2026-11-23T00:00', 1), madrid('2026-11-30T00:00', 1));
    expect(shown.map((s) => s.date)).toEqual([
      '2026-11-23',
      '2026-11-24',
      '2026-11-25',
      '2026-11-26',
      '2026-11-27',
      '2026-11-28',
      '2026-11-29',
    ]);
    expect(shown.every((s) => localTime(s.at, MADRID).hour === 9)).toBe(true);
  });

  it('a browser closed at the hour gets the digest once when it starts later that day, not the next day', () => {
    // Closed from 08:00 to 15:10: the first check is the start-up one.
    const yesterday = decide({ now: madrid('2026-11-25T09:00', 1) });
    if (yesterday.kind !== 'new') throw new Error('expected a digest');
    let state: ReminderState = { digest: { ...yesterday.digest, phase: 'shown' } };
    const atStart = decide({ state, now: madrid('2026-11-26T15:10', 1) });
    expect(atStart.kind).toBe('new');
    if (atStart.kind !== 'new') return;
    state = { digest: { ...atStart.digest, phase: 'shown' } };
    expect(decide({ state, now: madrid('2026-11-26T15:40', 1) }).kind).toBe('none');

    // Closed from 08:00 one day to 07:00 the next: the missed digest is not shown late at 07:00.
    const nextMorning = decide({ state, now: madrid('2026-11-28T07:00', 1) });
    expect(nextMorning).toEqual({ kind: 'none', reason: 'before-hour' });
  });

  it('a digest recorded but never confirmed on screen is resumed the same day, and dropped the next', () => {
    const first = decide({ now: madrid('2026-11-26T09:00', 1) });
    if (first.kind !== 'new') throw new Error('expected a digest');
    const pending: ReminderState = first.state;
    expect(decide({ state: pending, now: madrid('2026-11-26T09:30', 1) })).toEqual({
      kind: 'resume',
      digest: first.digest,
    });
    const showing: ReminderState = { digest: { ...first.digest, phase: 'showing' } };
    expect(decide({ state: showing, now: madrid('2026-11-26T12:00', 1) }).kind).toBe('resume');
    const nextDay = decide({ state: showing, now: madrid('2026-11-27T09:00', 1) });
    expect(nextDay.kind).toBe('new');
  });
});

describe('daylight saving time and time-zone changes', () => {
  it('spring forward in Madrid (2026-03-29): one digest a day, even at an hour that does not exist', () => {
    const at2 = { ...settings, reminderHour: 2 };
    // From midnight on Saturday the 28th (23:00Z) to Tuesday the 31st at 14:00 (12:00Z).
    const [from, to] = [Date.UTC(2026, 2, 27, 23), Date.UTC(2026, 2, 31, 12)];
    const shown = simulate(from, to, { settings: at2 });
    expect(shown.map((s) => s.date)).toEqual(['2026-03-28', '2026-03-29', '2026-03-30', '2026-03-31']);
    // 02:00 was skipped on the 29th: the digest came at 03:00 local, not a day later.
    const sunday = shown.find((s) => s.date === '2026-03-29')!;
    expect(sunday.at).toBe(Date.UTC(2026, 2, 29, 1));

    const at9 = simulate(from, to);
    expect(at9.map((s) => s.at)).toEqual([
      Date.UTC(2026, 2, 28, 8), // 09:00 CET
      Date.UTC(2026, 2, 29, 7), // 09:00 CEST
      Date.UTC(2026, 2, 30, 7),
      Date.UTC(2026, 2, 31, 7),
    ]);
  });

  it('fall back in Madrid (2026-10-25): the hour that happens twice gives one digest', () => {
    const at2 = { ...settings, reminderHour: 2 };
    // From midnight on Saturday the 24th (22:00Z) to Monday the 26th at 13:00 (12:00Z).
    const shown = simulate(Date.UTC(2026, 9, 23, 22), Date.UTC(2026, 9, 26, 12), { settings: at2 });
    expect(shown.map((s) => s.date)).toEqual(['2026-10-24', '2026-10-25', '2026-10-26']);
    // The first 02:00 (CEST, 00:00Z); the second 02:00 (CET, 01:00Z) does not repeat it.
    expect(shown[1]!.at).toBe(Date.UTC(2026, 9, 25, 0));
  });

  it('checks every few minutes across both DST days still give one digest per date', () => {
    for (const [from, to] of [
      [Date.UTC(2026, 2, 28), Date.UTC(2026, 2, 30)],
      [Date.UTC(2026, 9, 24), Date.UTC(2026, 9, 26)],
    ] as const) {
      for (const hour of [0, 1, 2, 3, 23]) {
        const shown = simulate(from, to, {
          settings: { ...settings, reminderHour: hour },
          every: 7 * MINUTE,
        });
        const dates = shown.map((s) => s.date);
        expect(new Set(dates).size, `hour ${hour}`).toBe(dates.length);
      }
    }
  });

  it('flying east (Madrid → Tokyo) gives the new date its digest, at 09:00 Tokyo time', () => {
    // Digest at 09:00 in Madrid on the 26th, then in Tokyo from 12:00Z (21:00 JST) on.
    const landed = Date.UTC(2026, 10, 26, 12);
    const shown = simulate(Date.UTC(2026, 10, 26, 0), Date.UTC(2026, 10, 28, 0), {
      timeZoneAt: (now) => (now < landed ? MADRID : 'Asia/Tokyo'),
    });
    expect(shown.map((s) => s.date)).toEqual(['2026-11-26', '2026-11-27']);
    expect(localTime(shown[1]!.at, 'Asia/Tokyo').hour).toBe(9);
  });

  it('flying west (Madrid → New York) after the digest does not repeat it that date', () => {
    const landed = Date.UTC(2026, 10, 26, 17); // 12:00 in New York, still the 26th
    const shown = simulate(Date.UTC(2026, 10, 26, 0), Date.UTC(2026, 10, 28, 0), {
      timeZoneAt: (now) => (now < landed ? MADRID : 'America/New_York'),
    });
    expect(shown.map((s) => s.date)).toEqual(['2026-11-26', '2026-11-27']);
    expect(localTime(shown[1]!.at, 'America/New_York').hour).toBe(9);
  });

  it('crossing the date line westward re-lives a date without a second digest for it', () => {
    // Tokyo on the 27th (digest at 09:00 JST), then Honolulu, where it is the 26th again.
    const landed = Date.UTC(2026, 10, 27, 3);
    const shown = simulate(Date.UTC(2026, 10, 26, 15), Date.UTC(2026, 10, 29, 0), {
      timeZoneAt: (now) => (now < landed ? 'Asia/Tokyo' : 'Pacific/Honolulu'),
    });
    const dates = shown.map((s) => s.date);
    expect(dates[0]).toBe('2026-11-27');
    expect(new Set(dates).size).toBe(dates.length);
    expect(dates).not.toContain('2026-11-26');
  });

  it('a clock set back before the last digest is not silenced until that date comes round', () => {
    const wrong = decide({ now: madrid('2027-05-01T09:00', 2) });
    if (wrong.kind !== 'new') throw new Error('expected a digest');
    const state: ReminderState = { digest: { ...wrong.digest, phase: 'shown' } };
    expect(decide({ state, now: madrid('2026-11-26T09:00', 1) }).kind).toBe('new');
  });
});

describe('what the digest says', () => {
  const now = madrid('2026-11-26T09:00', 1);

  it('names the most overdue first, by time since the last touch over the cadence', () => {
    const people = [
      person('bo-li', 'Bo Li', 40, now, 60), // 100 days on 60: 1.67
      person('ana-garcia', 'Ana García', 60, now, 30), // 90 days on 30: 3
      person('carla-ruiz', 'Carla Ruiz', 15, now, 10), // 25 days on 10: 2.5
      person('dan-oh', 'Dan Oh', 1, now, 30), // 31 days on 30: 1.03
    ];
    const d = decide({ now, people });
    if (d.kind !== 'new') throw new Error('expected a digest');
    expect(d.digest.title).toBe('4 relationships going cold');
    expect(d.digest.message).toBe('Ana García, Carla Ruiz, Bo Li, and 1 more');
    expect(d.digest.cold).toBe(4);
    expect(d.digest.open).toEqual({ kind: 'dashboard' });
  });

  it('counts relationships going cold and steps due, with plurals, in English and Spanish', () => {
    const people = [person('ana-garcia', 'Ana García', 3, now)];
    const steps: DueStep[] = [
      { id: 's1', personId: 'bo-li', personName: 'Bo Li', text: 'Send the article', dueAt: now - DAY },
      { id: 's2', personId: 'ana-garcia', personName: 'Ana García', text: 'Coffee', dueAt: now - 2 * DAY },
    ];
    const d = decide({ now, people, steps });
    if (d.kind !== 'new') throw new Error('expected a digest');
    expect(d.digest.title).toBe('1 relationship going cold · 2 next steps due');
    expect(d.digest.message).toBe('Ana García\nDue: Coffee (Ana García) and Send the article (Bo Li)');

    const many = Array.from({ length: 1_000_000 }, (_, i) => ({ id: `s${i}`, personId: 'bo-li', text: 'x' }));
    const spanish = decide({ now, people, steps: many, t: es, locale: 'es' });
    if (spanish.kind !== 'new') throw new Error('expected a digest');
    expect(spanish.digest.title).toBe('1 relación enfriándose · 1.000.000 próximos pasos pendientes');
    expect(spanish.digest.message).toBe('Ana García\nPendiente: x, x y 999.998 más');
  });

  it('counts a very large number of people going cold as "99+", naming the most overdue candidates', () => {
    const people = [
      person('bo-li', 'Bo Li', 40, now, 60),
      person('ana-garcia', 'Ana García', 60, now, 30),
      person('carla-ruiz', 'Carla Ruiz', 15, now, 10),
    ];
    const d = decide({ now, people, coldCount: COUNT_CAP });
    if (d.kind !== 'new') throw new Error('expected a digest');
    expect(d.digest.title).toBe('99+ relationships going cold');
    expect(d.digest.message).toBe('Ana García, Carla Ruiz, Bo Li, and 97+ more');
    expect(d.digest.open).toEqual({ kind: 'dashboard' });
  });

  it('says only the part that applies', () => {
    const steps: DueStep[] = [{ id: 's1', personId: 'bo-li', personName: 'Bo Li', text: 'Call', dueAt: now }];
    const d = decide({ now, people: [], steps });
    if (d.kind !== 'new') throw new Error('expected a digest');
    expect(d.digest.title).toBe('1 next step due');
    expect(d.digest.cold).toBe(0);
  });

  it('opens the profile when the digest is about one person, the dashboard otherwise', () => {
    const ana = person('ana-garcia', 'Ana García', 3, now);
    const aboutAna = decide({
      now,
      people: [ana],
      steps: [{ id: 's1', personId: 'ana-garcia', text: 'Coffee', dueAt: now }],
    });
    expect(aboutAna.kind === 'new' && aboutAna.digest.open).toEqual({ kind: 'profile', slug: 'ana-garcia' });
    const two = decide({
      now,
      people: [ana],
      steps: [{ id: 's1', personId: 'bo-li', text: 'Call', dueAt: now }],
    });
    expect(two.kind === 'new' && two.digest.open).toEqual({ kind: 'dashboard' });
  });

  it('counts every due step but reads only the longest due; one person’s few steps do not open a profile', () => {
    const steps: DueStep[] = [
      { id: 's1', personId: 'bo-li', personName: 'Bo Li', text: 'Call', dueAt: now - 2 * DAY },
      { id: 's2', personId: 'bo-li', personName: 'Bo Li', text: 'Send the deck', dueAt: now - DAY },
    ];
    const d = decide({ now, people: [], steps, stepCount: 540 });
    if (d.kind !== 'new') throw new Error('expected a digest');
    expect(d.digest.title).toBe('540 next steps due');
    expect(d.digest.message).toContain('538 more');
    // The other 538 may be anyone's: "Open" goes to the dashboard.
    expect(d.digest.open).toEqual({ kind: 'dashboard' });
  });

  it('cuts long names and step texts to what a notification can show', () => {
    const long = person('ana-garcia', `Ana ${'García '.repeat(30)}`, 3, now);
    const d = decide({ now, people: [long] });
    if (d.kind !== 'new') throw new Error('expected a digest');
    expect(d.digest.message.length).toBeLessThanOrEqual(60);
    expect(d.digest.message.endsWith('…')).toBe(true);
  });

  it('nobody is named in two digests on the same day, even if more people go cold after it', () => {
    const morning = decide({ now, people: [person('ana-garcia', 'Ana García', 3, now)] });
    if (morning.kind !== 'new') throw new Error('expected a digest');
    const state: ReminderState = { digest: { ...morning.digest, phase: 'shown' } };
    const later = now + 6 * HOUR;
    const afternoon = decide({
      state,
      now: later,
      people: [person('ana-garcia', 'Ana García', 3, later), person('bo-li', 'Bo Li', 0, later)],
    });
    expect(afternoon).toEqual({ kind: 'none', reason: 'done-today' });
    expect(digestWindow(state, later, localTime(later, MADRID), settings).kind).toBe('closed');
  });
});
