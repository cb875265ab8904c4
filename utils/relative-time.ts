// "today", "12 days ago", "3 months ago" — from Vínculo's own messages, in the
// user's language. Intl.RelativeTimeFormat would load ICU's locale data on
// first use (about 40 ms here), on every LinkedIn page the badge runs on.

import { calendarDaysBetween } from './time';
import type { Translate } from './translate';

/** How long ago `then` was, counted in local calendar days, then months, then years. */
export function formatAgo(then: number, now: number, t: Translate): string {
  const days = Math.max(0, calendarDaysBetween(then, now));
  if (days === 0) return t('time_today');
  if (days === 1) return t('time_yesterday');
  if (days < 45) return t('time_daysAgo', String(days));
  if (days < 365) {
    const months = Math.round(days / 30.44);
    return months === 1 ? t('time_monthAgo') : t('time_monthsAgo', String(months));
  }
  const years = Math.floor(days / 365.25);
  return years === 1 ? t('time_yearAgo') : t('time_yearsAgo', String(years));
}

/** When something is due, relative to now ("in 3 days", "today", "5 days ago"). */
export function formatDue(when: number, now: number, t: Translate): string {
  const days = calendarDaysBetween(now, when);
  if (days <= 0) return formatAgo(when, now, t);
  if (days === 1) return t('time_tomorrow');
  if (days < 45) return t('time_inDays', String(days));
  const months = Math.round(days / 30.44);
  return months === 1 ? t('time_inMonth') : t('time_inMonths', String(months));
}
