import { describe, expect, it } from 'vitest';
import { formatAgo, formatDue } from '../../utils/relative-time';
import { DAY, HOUR } from '../../utils/time';
import { translator } from './translator';

const en = translator('en');
const es = translator('es');

const now = new Date(2026, 10, 26, 15, 0).getTime();

describe('relative wording', () => {
  it.each([
    [0, 'en', 'today'],
    [HOUR * 10, 'en', 'today'],
    [DAY, 'en', 'yesterday'],
    [12 * DAY, 'en', '12 days ago'],
    [35 * DAY, 'en', '35 days ago'],
    [50 * DAY, 'en', '2 months ago'],
    [91 * DAY, 'en', '3 months ago'],
    [400 * DAY, 'en', '1 year ago'],
    [800 * DAY, 'en', '2 years ago'],
    [0, 'es', 'hoy'],
    [DAY, 'es', 'ayer'],
    [12 * DAY, 'es', 'hace 12 días'],
    [91 * DAY, 'es', 'hace 3 meses'],
    [400 * DAY, 'es', 'hace 1 año'],
  ] as const)('%d ms ago in %s reads "%s"', (ago, language, words) => {
    expect(formatAgo(now - ago, now, language === 'en' ? en : es)).toBe(words);
  });

  it('counts calendar days: late last night is yesterday, not today', () => {
    const lastNight = new Date(2026, 10, 25, 23, 30).getTime();
    expect(formatAgo(lastNight, new Date(2026, 10, 26, 0, 15).getTime(), en)).toBe('yesterday');
  });

  it('never says "in the future" for a clock that drifted', () => {
    expect(formatAgo(now + 3 * DAY, now, en)).toBe('today');
  });

  it('words due dates both ways', () => {
    expect(formatDue(now + 3 * DAY, now, en)).toBe('in 3 days');
    expect(formatDue(now + DAY, now, es)).toBe('mañana');
    expect(formatDue(now + 60 * DAY, now, en)).toBe('in 2 months');
    expect(formatDue(now, now, en)).toBe('today');
    expect(formatDue(now - 5 * DAY, now, es)).toBe('hace 5 días');
  });
});
