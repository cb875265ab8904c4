// When the daily digest is due and what it says. Pure: the clock, the stored
// state, the settings and the due people and steps all come in as arguments.
//
// "Once a day" is counted in local calendar dates ('2026-03-29'), never in
// 24-hour spans, so a 23- or 25-hour DST day or a time-zone change neither
// repeats a digest nor skips one.
import { COUNT_SHOWN_MAX } from '../storage/domain';
import type { DigestRecord, ReminderState } from '../storage/reminder-state';
import type { NextStep, Person, Settings } from '../storage/schemas';
import { overdueRatio } from './cadence';
import type { Translate } from './translate';

export interface LocalTime {
  /** 'YYYY-MM-DD' in the user's time zone. */
  date: string;
  /** 0–23. */
  hour: number;
  /** 0 = Sunday, as in settings.quietDays. */
  weekday: number;
}

const zoned = new Map<string, Intl.DateTimeFormat>();
const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** The local date, hour and weekday of `now`, in `timeZone` or else the system's own. */
export function localTime(now: number, timeZone?: string): LocalTime {
  let y: number;
  let m: number;
  let d: number;
  let hour: number;
  if (timeZone === undefined) {
    const at = new Date(now);
    [y, m, d, hour] = [at.getFullYear(), at.getMonth() + 1, at.getDate(), at.getHours()];
  } else {
    let format = zoned.get(timeZone);
    if (!format) {
      format = new Intl.DateTimeFormat('en-US', {
        timeZone,
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        hourCycle: 'h23',
      });
      zoned.set(timeZone, format);
    }
    const part = Object.fromEntries(format.formatToParts(now).map((p) => [p.type, Number(p.value)]));
    [y, m, d, hour] = [part.year ?? 0, part.month ?? 0, part.day ?? 0, part.hour ?? 0];
  }
  return {
    date: `${pad(y, 4)}-${pad(m)}-${pad(d)}`,
    hour,
    weekday: new Date(Date.UTC(y, m - 1, d)).getUTCDay(),
  };
}

type DigestSettings = Pick<Settings, 'cadenceDays' | 'reminderHour' | 'quietDays' | 'notifications'>;

export type Closed = 'off' | 'done-today' | 'quiet-day' | 'before-hour';
export type DigestWindow =
  | { kind: 'closed'; reason: Closed }
  /** A digest decided today but never confirmed on screen (the worker died): show it, once. */
  | { kind: 'resume'; digest: DigestRecord }
  | { kind: 'open' };

/**
 * Whether a digest may be shown now, before looking at who is due (so that the
 * 47 checks a day that cannot notify cost only a count).
 */
export function digestWindow(
  state: ReminderState,
  now: number,
  local: LocalTime,
  settings: DigestSettings,
): DigestWindow {
  if (!settings.notifications) return { kind: 'closed', reason: 'off' };
  const last = state.digest;
  if (last?.date === local.date && last.phase !== 'shown') return { kind: 'resume', digest: last };
  // Dates only move forward: flying west re-lives a date that already had its
  // digest. A clock set back before the last decision voids that rule, or one
  // wrong clock would silence Vínculo until that date came round.
  if (last && last.date >= local.date && (last.date === local.date || now >= last.decidedAt)) {
    return { kind: 'closed', reason: 'done-today' };
  }
  if (settings.quietDays.includes(local.weekday)) return { kind: 'closed', reason: 'quiet-day' };
  // At or after the hour, not at it: a browser closed at 09:00 still gets the digest when it starts at 15:00.
  if (local.hour < settings.reminderHour) return { kind: 'closed', reason: 'before-hour' };
  return { kind: 'open' };
}

export type DuePerson = Pick<Person, 'slug' | 'name' | 'stage' | 'cadenceDays' | 'dueAt'>;
export type DueStep = Pick<NextStep, 'id' | 'personId' | 'text' | 'dueAt'> & { personName?: string };

export interface DigestInput {
  state: ReminderState;
  now: number;
  local: LocalTime;
  settings: DigestSettings;
  /** The candidates for the names, most overdue among them (see mostOverdueCandidates). */
  people: DuePerson[];
  /** How many people are due, up to COUNT_CAP; defaults to the candidates' number. */
  coldCount?: number;
  /** The longest-due steps (at least the ones the body names). */
  steps: DueStep[];
  /** How many steps are due in all; defaults to the steps given. */
  stepCount?: number;
  t: Translate;
  locale: string;
}

/** Counting everyone due reads every index entry: the digest counts up to here and says "99+". */
export const COUNT_CAP = COUNT_SHOWN_MAX + 1;

export type Decision =
  | { kind: 'none'; reason: Closed | 'nothing-due' }
  | { kind: 'resume'; digest: DigestRecord }
  | { kind: 'new'; digest: DigestRecord; state: ReminderState };

/** How many people and steps the body names; the title counts them all. */
export const NAMED_PEOPLE = 3;
export const NAMED_STEPS = 2;

/** Decides the digest and the state to record before it is shown. */
export function decideDigest(input: DigestInput): Decision {
  const { state, now, local, settings } = input;
  const window = digestWindow(state, now, local, settings);
  if (window.kind === 'closed') return { kind: 'none', reason: window.reason };
  if (window.kind === 'resume') return window;
  if (input.people.length === 0 && input.steps.length === 0 && !input.stepCount)
    return { kind: 'none', reason: 'nothing-due' };

  const cold = rankMostOverdue(input.people, settings, now);
  const coldTotal = Math.max(input.coldCount ?? cold.length, cold.length > 0 ? 1 : 0);
  const steps = orderSteps(input.steps);
  const stepTotal = Math.max(input.stepCount ?? steps.length, steps.length);
  const namedPeople = cold.slice(0, NAMED_PEOPLE);
  const namedSteps = steps.slice(0, NAMED_STEPS);
  const everyone = new Set([...cold.map((p) => p.slug), ...steps.map((s) => s.personId)]);
  const [only] = everyone;
  // "Open" goes to one profile only when everything due is known to be that person's.
  const single = everyone.size === 1 && only !== undefined && stepTotal === steps.length;

  const digest: DigestRecord = {
    date: local.date,
    decidedAt: now,
    phase: 'decided',
    title: digestTitle(coldTotal, stepTotal, input.t, input.locale),
    message: digestBody(namedPeople, coldTotal, namedSteps, stepTotal, input.t, input.locale),
    cold: coldTotal,
    open: single ? { kind: 'profile', slug: only } : { kind: 'dashboard' },
  };
  return { kind: 'new', digest, state: { ...state, digest } };
}

/** Due steps in the order the body names them: longest due first. */
export function orderSteps<S extends DueStep>(steps: S[]): S[] {
  return [...steps].sort((a, b) => (a.dueAt ?? 0) - (b.dueAt ?? 0) || byCodeUnits(a.id, b.id));
}

// Ties are broken the same way in every locale, so a digest never depends on the UI language.
const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Most overdue first: time since the last touch over the cadence, so 90 days on a 30-day cadence beats 100 on 60. */
export function rankMostOverdue(
  people: DuePerson[],
  settings: Pick<Settings, 'cadenceDays'>,
  now: number,
): DuePerson[] {
  return people
    .map((p) => ({ p, ratio: overdueRatio(p, settings, now) ?? Number.NEGATIVE_INFINITY }))
    .sort(
      (a, b) => b.ratio - a.ratio || (a.p.dueAt ?? 0) - (b.p.dueAt ?? 0) || byCodeUnits(a.p.slug, b.p.slug),
    )
    .map(({ p }) => p);
}

// Building a formatter costs far more than using one: each is made once per locale.
function cached<F>(made: Map<string, F>, locale: string, make: () => F): F {
  let format = made.get(locale);
  if (!format) {
    format = make();
    made.set(locale, format);
  }
  return format;
}

// Chrome's i18n has no plurals: each counted phrase has a _one and an _other
// message, chosen with the locale's plural rules (Spanish "many" reads as "other").
const plurals = new Map<string, Intl.PluralRules>();
const isOne = (n: number, locale: string): boolean =>
  cached(plurals, locale, () => new Intl.PluralRules(locale)).select(n) === 'one';

const numbers = new Map<string, Intl.NumberFormat>();
const lists = new Map<string, Intl.ListFormat>();
const count = (n: number, locale: string): string =>
  cached(numbers, locale, () => new Intl.NumberFormat(locale)).format(n);

function digestTitle(cold: number, steps: number, t: Translate, locale: string): string {
  const parts: string[] = [];
  if (cold > 0) {
    const n = cold >= COUNT_CAP ? `${count(COUNT_CAP - 1, locale)}+` : count(cold, locale);
    parts.push(isOne(cold, locale) ? t('reminder_titleCold_one', n) : t('reminder_titleCold_other', n));
  }
  if (steps > 0) {
    const n = count(steps, locale);
    parts.push(isOne(steps, locale) ? t('reminder_titleSteps_one', n) : t('reminder_titleSteps_other', n));
  }
  return parts.join(' · ');
}

function more(n: number, t: Translate, locale: string, atLeast = false): string {
  const shown = atLeast ? `${count(n, locale)}+` : count(n, locale);
  return isOne(n, locale) ? t('reminder_more_one', shown) : t('reminder_more_other', shown);
}

// A notification shows a few lines: long names and step texts are cut, not wrapped.
function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

function digestBody(
  people: DuePerson[],
  coldCount: number,
  steps: DueStep[],
  stepCount: number,
  t: Translate,
  locale: string,
): string {
  const list = cached(lists, locale, () => new Intl.ListFormat(locale, { type: 'conjunction' }));
  const lines: string[] = [];
  if (people.length > 0) {
    const names = people.map((p) => clip(p.name, 60));
    if (coldCount > people.length)
      names.push(more(coldCount - people.length, t, locale, coldCount >= COUNT_CAP));
    lines.push(list.format(names));
  }
  if (steps.length > 0) {
    const items = steps.map((s) =>
      s.personName ? t('reminder_stepOf', clip(s.text, 80), clip(s.personName, 60)) : clip(s.text, 80),
    );
    if (stepCount > steps.length) items.push(more(stepCount - steps.length, t, locale));
    lines.push(t('reminder_bodySteps', list.format(items)));
  }
  return lines.join('\n');
}
