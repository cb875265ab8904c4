// "today", "12 days ago", "3 months ago" — in the user's language.
import { calendarDaysBetween } from './time';

const formatters = new Map<string, Intl.RelativeTimeFormat[]>();

function formattersFor(locale: string): Intl.RelativeTimeFormat[] {
  let pair = formatters.get(locale);
  if (!pair) {
    // "auto" gives "today"/"yesterday"; larger units stay numeric ("1 month ago", not "last month").
    pair = [
      new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }),
      new Intl.RelativeTimeFormat(locale, { numeric: 'always' }),
    ];
    formatters.set(locale, pair);
  }
  return pair;
}

/** How long ago `then` was, counted in local calendar days, then months, then years. */
export function formatAgo(then: number, now: number, locale: string): string {
  const [auto, always] = formattersFor(locale) as [Intl.RelativeTimeFormat, Intl.RelativeTimeFormat];
  const days = Math.max(0, calendarDaysBetween(then, now));
  if (days < 2) return auto.format(-days, 'day');
  if (days < 45) return always.format(-days, 'day');
  if (days < 365) return always.format(-Math.round(days / 30.44), 'month');
  return always.format(-Math.floor(days / 365.25), 'year');
}

/** When something is due, relative to now ("in 3 days", "today", "5 days ago"). */
export function formatDue(when: number, now: number, locale: string): string {
  const [auto, always] = formattersFor(locale) as [Intl.RelativeTimeFormat, Intl.RelativeTimeFormat];
  const days = calendarDaysBetween(now, when);
  if (Math.abs(days) < 2) return auto.format(days, 'day');
  if (Math.abs(days) < 45) return always.format(days, 'day');
  return always.format(Math.round(days / 30.44), 'month');
}
