// The dates LinkedIn's exports have used, and what a spreadsheet turns them into: connection days of
// Connections.csv and message times of messages.csv, as epoch ms within the schema's bounds.
import { epochSchema } from '../../storage/schemas';

export interface DateParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** True when the text said UTC (or Z); otherwise the time is local. */
  utc: boolean;
}

const MONTH_NAMES = [
  ['january', 'enero'],
  ['february', 'febrero'],
  ['march', 'marzo'],
  ['april', 'abril'],
  ['may', 'mayo'],
  ['june', 'junio'],
  ['july', 'julio'],
  ['august', 'agosto'],
  ['september', 'septiembre', 'setiembre'],
  ['october', 'octubre'],
  ['november', 'noviembre'],
  ['december', 'diciembre'],
];

function monthOf(word: string): number | undefined {
  const w = word.toLowerCase().replace(/\.$/, '');
  if (w.length < 3) return undefined;
  const index = MONTH_NAMES.findIndex((names) => names.some((n) => n.startsWith(w)));
  return index === -1 ? undefined : index + 1;
}

const SHORT_MONTHS = new Map(MONTH_NAMES.map((names, i) => [names[0]!.slice(0, 3), i + 1]));
const EXPORT_DATE = /^(\d{1,2}) ([A-Za-z]{3}) (\d{4})$/;
const TIME = String.raw`(?:[,\sT]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(?:([AaPp])\.?\s*[Mm]\.?)?)?\s*(UTC|GMT|Z)?`;
const ISO = new RegExp(String.raw`^(\d{4})-(\d{1,2})-(\d{1,2})${TIME}$`, 'i');
const DAY_MONTH_YEAR = new RegExp(String.raw`^(\d{1,2})[\s-]+(\p{L}+\.?)[\s,-]+(\d{4}|\d{2})${TIME}$`, 'iu');
const MONTH_DAY_YEAR = new RegExp(String.raw`^(\p{L}+\.?)\s+(\d{1,2}),?\s+(\d{4})${TIME}$`, 'iu');
const NUMERIC = new RegExp(String.raw`^(\d{1,2})([/.])(\d{1,2})\2(\d{4}|\d{2})${TIME}$`, 'i');

/**
 * Reads the dates LinkedIn's exports have used, and what a spreadsheet turns them into: `30 May 2024`,
 * `23-Apr-23`, `1/8/18, 6:14 PM`, `2023-04-23`, `2023-04-22 08:18:59 UTC`. Slashes are month first, as
 * LinkedIn wrote them, unless the first number cannot be a month; dots are day first.
 */
export function parseDateParts(value: string): DateParts | null {
  const f = dateFields(value.trim().replace(/\s+/g, ' '));
  if (!f) return null;
  const { y, mo, d } = f;
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  const [hh, mm, ss, ampm, zone] = f.time;
  let hour = hh === undefined ? 0 : Number(hh);
  if (ampm) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (ampm.toLowerCase() === 'p' ? 12 : 0);
  }
  const minute = mm === undefined ? 0 : Number(mm);
  const second = ss === undefined ? 0 : Number(ss);
  if (hour > 23 || minute > 59 || second > 59) return null;
  // Day 31 of a 30-day month would roll over into the next month: refuse it instead.
  const check = new Date(Date.UTC(y, mo - 1, d));
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null;
  return { year: y, month: mo, day: d, hour, minute, second, utc: zone !== undefined };
}

type TimeGroups = (string | undefined)[];

function dateFields(s: string): { y: number; mo: number; d: number; time: TimeGroups } | null {
  // Today's exports all look like `30 May 2024`: a plain pattern first, the general ones after.
  let m = EXPORT_DATE.exec(s);
  const month = m && SHORT_MONTHS.get(m[2]!.toLowerCase());
  if (m && month) return { y: Number(m[3]), mo: month, d: Number(m[1]), time: [] };
  m = ISO.exec(s);
  if (m) return { y: Number(m[1]), mo: Number(m[2]), d: Number(m[3]), time: m.slice(4) };
  m = DAY_MONTH_YEAR.exec(s);
  if (m) return withMonth(monthOf(m[2]!), Number(m[1]), year(m[3]!), m.slice(4));
  m = MONTH_DAY_YEAR.exec(s);
  if (m) return withMonth(monthOf(m[1]!), Number(m[2]), year(m[3]!), m.slice(4));
  m = NUMERIC.exec(s);
  if (!m) return null;
  const [a, b] = [Number(m[1]), Number(m[3])];
  const dayFirst = m[2] === '.' || (a > 12 && b <= 12);
  return { y: year(m[4]!), mo: dayFirst ? b : a, d: dayFirst ? a : b, time: m.slice(5) };
}

function withMonth(mo: number | undefined, d: number, y: number, time: TimeGroups) {
  return mo === undefined ? null : { y, mo, d, time };
}

function year(text: string): number {
  const n = Number(text);
  // LinkedIn began in 2003; two-digit years are this century's, save for the odd spreadsheet from the 70s on.
  return text.length === 2 ? (n < 70 ? 2000 + n : 1900 + n) : n;
}

// The schema's bounds, read once: a Zod parse per row would cost more than the rest of the row.
const EPOCH_MIN = epochSchema.minValue ?? Number.NEGATIVE_INFINITY;
const EPOCH_MAX = epochSchema.maxValue ?? Number.POSITIVE_INFINITY;
const inBounds = (at: number): number | null => (at >= EPOCH_MIN && at <= EPOCH_MAX ? at : null);

/** A connection date as epoch ms at local noon of that day (noon survives any time-zone shift), or null. */
export function parseConnectedOn(value: string): number | null {
  const p = parseDateParts(value);
  if (!p) return null;
  return inBounds(new Date(p.year, p.month - 1, p.day, 12).getTime());
}

// A numeric offset after a time (`14:22:10 +0100`, `14:22:10-05:00`), which spreadsheets sometimes write.
const OFFSET = /(?<=\d:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*(?:UTC|GMT)?\s*([+-])(\d{2}):?(\d{2})$/i;

/** A message time as epoch ms: `2024-03-05 14:22:10 UTC` and the other forms parseDateParts reads. */
export function parseMessageDate(value: string): number | null {
  let text = value.trim();
  let offset = 0;
  const zone = OFFSET.exec(text);
  if (zone) {
    offset = (zone[1] === '-' ? -1 : 1) * (Number(zone[2]) * 60 + Number(zone[3])) * 60_000;
    text = text.slice(0, zone.index);
  }
  const p = parseDateParts(text);
  if (!p) return null;
  // LinkedIn writes message times in UTC; a zone-less time (a spreadsheet dropped the zone) is read the
  // same way, never in the browser's zone, so a re-import elsewhere gives the same ids.
  return inBounds(Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - offset);
}
