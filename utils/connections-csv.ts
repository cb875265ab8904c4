// Maps Connections.csv from LinkedIn's data export to people, and holds the CSV reading that
// messages-csv.ts shares: decoding, refusing files that are not a LinkedIn export, finding the header
// by its column names, and streaming rows through papaparse.
//
// The bytes are decoded here, in one piece, rather than by Papa.parse(File): papaparse decodes each
// chunk of a file on its own, which turns an accented name split across a chunk boundary into U+FFFD
// (mholt/PapaParse#751), and it cannot tell a non-UTF-8 file from a good one. The decoded text is then
// parsed in chunks, yielding between them so a progress bar can paint.
import Papa from 'papaparse';
import { epochSchema, LIMITS } from '../storage/schemas';
import { parseProfileUrl } from './slug';

export type CsvInput = string | Blob | ArrayBuffer | Uint8Array;

/** Why a whole file is refused. The UI turns these into words with importMessage(). */
export type FileProblem =
  | { code: 'empty' }
  | { code: 'unreadable' }
  | { code: 'binary' }
  | { code: 'notUtf8' }
  | { code: 'tooLarge'; maxMb: number }
  | { code: 'lineTooLong'; line: number; maxKb: number }
  | { code: 'noHeader'; expected: string }
  | { code: 'wrongFile'; expected: string; found: string }
  | { code: 'missingColumn'; column: string }
  | { code: 'unclosedQuote'; row: number }
  | { code: 'noRows' }
  | { code: 'ownerUnknown' }
  | { code: 'ownerNotFound' };

/** Why one row was left out. */
export type SkipReason =
  | { code: 'blankRow' }
  | { code: 'noUrl' }
  | { code: 'notProfileUrl'; url: string }
  | { code: 'memberIdUrl' }
  | { code: 'noName' }
  | { code: 'duplicate'; of: number }
  | { code: 'malformedRow' }
  | { code: 'invalidRecord'; field: string }
  | { code: 'badDate'; value: string }
  | { code: 'noConversation' }
  | { code: 'draft' };
export interface SkippedRow {
  row: number;
  reason: SkipReason;
}

/** Something about a row that was imported anyway. */
export type RowNote =
  | { code: 'unreadableDate'; value: string }
  | { code: 'truncated'; column: string }
  | { code: 'leftOut'; column: string };
export interface NotedRow {
  row: number;
  note: RowNote;
}

/** A person as Connections.csv describes them; `row` is the row number a spreadsheet shows. */
export interface ConnectionRow {
  row: number;
  slug: string;
  name: string;
  headline?: string;
  company?: string;
  email?: string;
  connectedOn?: number;
}

export type ConnectionsParse =
  | { ok: true; rows: ConnectionRow[]; skipped: SkippedRow[]; notes: NotedRow[] }
  | { ok: false; problem: FileProblem };

export interface ParseOptions {
  /** Called after each chunk with the share of the file parsed so far (0..1). */
  onProgress?: (fraction: number) => void;
}

/** A message key of tests/unit/import-strings.json and its substitutions, in placeholder order ($1, $2…). */
export interface LocalizedMessage {
  key: string;
  substitutions: string[];
}

export function importProblemMessage(problem: FileProblem): LocalizedMessage {
  const message = (key: string, ...substitutions: (string | number)[]) => ({
    key: `import_${key}`,
    substitutions: substitutions.map(String),
  });
  switch (problem.code) {
    case 'tooLarge':
      return message(problem.code, problem.maxMb);
    case 'lineTooLong':
      return message(problem.code, problem.line, problem.maxKb);
    case 'noHeader':
      return message(problem.code, problem.expected);
    case 'wrongFile':
      return message(problem.code, problem.expected, problem.found);
    case 'missingColumn':
      // A missing URL column gets its own words: it makes the file useless, not just incomplete.
      return message(
        problem.column === connectionsSpec.columns.url.label ? 'missingUrlColumn' : problem.code,
        problem.column,
      );
    case 'unclosedQuote':
      return message(problem.code, problem.row);
    default:
      return message(problem.code);
  }
}

export function skippedRowMessage({ row, reason }: SkippedRow): LocalizedMessage {
  const key = `import_skip_${reason.code}`;
  const values =
    reason.code === 'notProfileUrl'
      ? [reason.url]
      : reason.code === 'duplicate'
        ? [String(reason.of)]
        : reason.code === 'invalidRecord'
          ? [reason.field]
          : reason.code === 'badDate'
            ? [reason.value]
            : [];
  return { key, substitutions: [String(row), ...values] };
}

export function notedRowMessage({ row, note }: NotedRow): LocalizedMessage {
  const value = note.code === 'unreadableDate' ? note.value : note.column;
  return { key: `import_note_${note.code}`, substitutions: [String(row), value] };
}

// ---------------------------------------------------------------------------------------------------
// Reading any LinkedIn export CSV

export interface CsvColumn {
  /** The header as LinkedIn writes it, named in messages. */
  label: string;
  /** Accepted header spellings, lower case. */
  names: readonly string[];
}

export interface CsvSpec<F extends string> {
  file: string;
  columns: Record<F, CsvColumn>;
  /** Each group needs one of its columns; the first column of a missing group is reported. */
  required: readonly (readonly F[])[];
  maxBytes: number;
  maxLineChars: number;
}

export interface CsvRow<F extends string> {
  row: number;
  /** The raw cell of a column; '' when the file has no such column. */
  get: (field: F) => string;
  /** Papa reported broken quoting in this row. */
  malformed: boolean;
}

export type CsvReadResult = { ok: true } | { ok: false; problem: FileProblem };

// Columns that give each export file away, so picking the wrong one gets a precise message.
const SIGNATURES = [
  {
    file: 'Connections.csv',
    names: ['first name', 'last name', 'connected on', 'email address', 'position'],
  },
  {
    file: 'messages.csv',
    names: ['conversation id', 'sender profile url', 'recipient profile urls', 'folder'],
  },
] as const;

const CHUNK_CHARS = 256 * 1024;
const SNIFF_BYTES = 8 * 1024;
const HEADER_SCAN_LINES = 50;
const DELIMITERS = [',', ';', '\t'] as const;

/** Decodes, checks and streams a CSV file, calling onRow for each row after the header. */
export async function readCsv<F extends string>(
  input: CsvInput,
  spec: CsvSpec<F>,
  onRow: (row: CsvRow<F>) => void,
  onProgress?: (fraction: number) => void,
): Promise<CsvReadResult> {
  const decoded = await decode(input, spec.maxBytes);
  if (!decoded.ok) return decoded;
  const { text } = decoded;
  if (text.trim() === '') return fail({ code: 'empty' });
  if (text.slice(0, SNIFF_BYTES).includes('\u0000')) return fail({ code: 'binary' });
  const newline = detectNewline(text);
  const long = findLongLine(text, newline, spec.maxLineChars);
  if (long !== undefined) return fail({ code: 'lineTooLong', line: long, maxKb: spec.maxLineChars / 1024 });
  const head = scanHeader(text, newline, spec.file);
  if (!head.ok) return head;
  onProgress?.(0);
  return streamRows(text, newline, head.delimiter, spec, onRow, onProgress);
}

async function decode(input: CsvInput, maxBytes: number): Promise<{ ok: true; text: string } | CsvFailure> {
  if (typeof input === 'string') {
    if (input.length > maxBytes) return fail({ code: 'tooLarge', maxMb: maxBytes / 2 ** 20 });
    return { ok: true, text: input.charCodeAt(0) === 0xfeff ? input.slice(1) : input };
  }
  let bytes: Uint8Array;
  if (input instanceof Uint8Array) bytes = input;
  else if (input instanceof ArrayBuffer) bytes = new Uint8Array(input);
  else {
    if (input.size > maxBytes) return fail({ code: 'tooLarge', maxMb: maxBytes / 2 ** 20 });
    try {
      bytes = new Uint8Array(await input.arrayBuffer());
    } catch {
      return fail({ code: 'unreadable' });
    }
  }
  if (bytes.length === 0) return fail({ code: 'empty' });
  if (bytes.length > maxBytes) return fail({ code: 'tooLarge', maxMb: maxBytes / 2 ** 20 });
  // A UTF-16 file (a spreadsheet's "Unicode text") is full of zero bytes: call it an encoding problem.
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    return fail({ code: 'notUtf8' });
  if (bytes.subarray(0, SNIFF_BYTES).includes(0)) return fail({ code: 'binary' });
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return fail({ code: 'notUtf8' });
  }
}

type CsvFailure = { ok: false; problem: FileProblem };
const fail = (problem: FileProblem): CsvFailure => ({ ok: false, problem });

// The first line break decides: LinkedIn writes \n, Windows spreadsheets \r\n, old Mac Excel \r.
// Papa would guess from the first chunk and keep that guess for the whole file (mholt/PapaParse#1132).
type Newline = '\n' | '\r\n' | '\r';

function detectNewline(text: string): Newline {
  const lf = text.indexOf('\n');
  if (lf === -1) return text.includes('\r') ? '\r' : '\n';
  return text[lf - 1] === '\r' ? '\r\n' : '\n';
}

/** The 1-based number of the first physical line longer than `max`, if any. */
function findLongLine(text: string, newline: string, max: number): number | undefined {
  let start = 0;
  for (let line = 1; start <= text.length; line++) {
    const end = text.indexOf(newline, start);
    const stop = end === -1 ? text.length : end;
    if (stop - start > max) return line;
    if (end === -1) return undefined;
    start = end + newline.length;
  }
  return undefined;
}

export function normalizeHeader(cell: string): string {
  return cell
    .replace(/^\uFEFF/, '')
    .trim()
    .replace(/^"(.*)"$/, '$1')
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

function signatureOf(cells: readonly string[]): string | undefined {
  const names = new Set(cells.map(normalizeHeader));
  let best: { file: string; score: number } | undefined;
  for (const sig of SIGNATURES) {
    const score = sig.names.filter((n) => names.has(n)).length;
    if (score >= 2 && (!best || score > best.score)) best = { file: sig.file, score };
  }
  return best?.file;
}

// A header may sit below a preamble (LinkedIn's `Notes:` paragraph) and a spreadsheet in a comma-decimal
// locale saves with semicolons: look at the first lines for the one that names an export's columns.
function scanHeader(
  text: string,
  newline: string,
  expected: string,
): { ok: true; delimiter: string } | CsvFailure {
  const lines = text.slice(0, 256 * 1024).split(newline, HEADER_SCAN_LINES);
  for (const line of lines) {
    for (const delimiter of DELIMITERS) {
      const found = signatureOf(line.split(delimiter));
      if (found === expected) return { ok: true, delimiter };
      if (found) return fail({ code: 'wrongFile', expected, found });
    }
  }
  return fail({ code: 'noHeader', expected });
}

function columnIndexes<F extends string>(
  cells: readonly string[],
  spec: CsvSpec<F>,
): Map<F, number> | FileProblem {
  const names = cells.map(normalizeHeader);
  const indexes = new Map<F, number>();
  for (const field of Object.keys(spec.columns) as F[]) {
    const index = names.findIndex((n) => spec.columns[field].names.includes(n));
    if (index !== -1) indexes.set(field, index);
  }
  for (const group of spec.required) {
    const [first] = group;
    if (first !== undefined && !group.some((f) => indexes.has(f)))
      return { code: 'missingColumn', column: spec.columns[first].label };
  }
  return indexes;
}

function streamRows<F extends string>(
  text: string,
  newline: Newline,
  delimiter: string,
  spec: CsvSpec<F>,
  onRow: (row: CsvRow<F>) => void,
  onProgress: ((fraction: number) => void) | undefined,
): Promise<CsvReadResult> {
  return new Promise((resolve) => {
    let rowNumber = 0;
    let dataRows = 0;
    let columns: Map<F, number> | undefined;
    let problem: FileProblem | undefined;
    let settled = false;
    const finish = () => {
      if (settled) return;
      settled = true;
      if (!problem && !columns) problem = { code: 'noHeader', expected: spec.file };
      if (!problem && dataRows === 0) problem = { code: 'noRows' };
      if (!problem) onProgress?.(1);
      resolve(problem ? { ok: false, problem } : { ok: true });
    };
    Papa.parse<string[]>(text, {
      delimiter,
      newline,
      chunkSize: CHUNK_CHARS,
      chunk(results: Papa.ParseResult<string[]>, parser: Papa.Parser) {
        // Papa also reports errors of the incomplete last row it carries to the next chunk: those have
        // row === data.length and are judged again with the rest of that row.
        const broken = new Set<number>();
        for (const e of results.errors) {
          if (e.row === undefined || e.row >= results.data.length) continue;
          if (e.code === 'MissingQuotes') problem ??= { code: 'unclosedQuote', row: rowNumber + e.row + 1 };
          broken.add(e.row);
        }
        for (let i = 0; i < results.data.length && !problem; i++) {
          rowNumber++;
          const cells = results.data[i] ?? [];
          if (!columns) {
            if (signatureOf(cells) !== spec.file) continue;
            const found = columnIndexes(cells, spec);
            if (found instanceof Map) columns = found;
            else problem = found;
            continue;
          }
          if (cells.every((c: string) => c.trim() === '')) continue;
          dataRows++;
          const indexes = columns;
          onRow({
            row: rowNumber,
            get: (field) => {
              const index = indexes.get(field);
              return index === undefined ? '' : (cells[index] ?? '');
            },
            malformed: broken.has(i),
          });
        }
        if (problem) {
          parser.abort();
          return;
        }
        onProgress?.(Math.min(1, results.meta.cursor / text.length));
        parser.pause();
        setTimeout(() => parser.resume(), 0);
      },
      complete: finish,
    });
  });
}

// ---------------------------------------------------------------------------------------------------
// Dates

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

/** A connection date as epoch ms at local noon of that day (noon survives any time-zone shift), or null. */
export function parseConnectedOn(value: string): number | null {
  const p = parseDateParts(value);
  if (!p) return null;
  const at = new Date(p.year, p.month - 1, p.day, 12).getTime();
  return at >= EPOCH_MIN && at <= EPOCH_MAX ? at : null;
}

// The schema's bounds, read once: a Zod parse per row would cost more than the rest of the row.
const EPOCH_MIN = epochSchema.minValue ?? Number.NEGATIVE_INFINITY;
const EPOCH_MAX = epochSchema.maxValue ?? Number.POSITIVE_INFINITY;

// ---------------------------------------------------------------------------------------------------
// Connections.csv

type ConnectionField = 'firstName' | 'lastName' | 'url' | 'email' | 'company' | 'position' | 'connectedOn';

export const connectionsSpec: CsvSpec<ConnectionField> = {
  file: 'Connections.csv',
  columns: {
    firstName: { label: 'First Name', names: ['first name'] },
    lastName: { label: 'Last Name', names: ['last name'] },
    url: { label: 'URL', names: ['url', 'profile url'] },
    email: { label: 'Email Address', names: ['email address', 'email'] },
    company: { label: 'Company', names: ['company'] },
    position: { label: 'Position', names: ['position'] },
    connectedOn: { label: 'Connected On', names: ['connected on'] },
  },
  // Without the URL nothing in a row can key a person (names are not unique).
  required: [['url'], ['firstName', 'lastName']],
  // 30,000 connections (LinkedIn's cap) make about 4 MB.
  maxBytes: 32 * 2 ** 20,
  maxLineChars: 64 * 1024,
};

const EMAIL_MAX = 320;

/** Parses Connections.csv into people to merge, with every skipped row and why. */
export async function parseConnectionsCsv(
  input: CsvInput,
  options: ParseOptions = {},
): Promise<ConnectionsParse> {
  const rows: ConnectionRow[] = [];
  const skipped: SkippedRow[] = [];
  const notes: NotedRow[] = [];
  const firstRowOf = new Map<string, number>();
  const columns = connectionsSpec.columns;
  const clip = (row: number, value: string, max: number, column: string): string => {
    if (value.length <= max) return value;
    notes.push({ row, note: { code: 'truncated', column } });
    return value.slice(0, /[\uD800-\uDBFF]/.test(value[max - 1] ?? '') ? max - 1 : max).trimEnd();
  };

  const result = await readCsv(
    input,
    connectionsSpec,
    ({ row, get, malformed }) => {
      const skip = (reason: SkipReason) => skipped.push({ row, reason });
      if (malformed) return skip({ code: 'malformedRow' });
      const first = clean(get('firstName'));
      const last = clean(get('lastName'));
      const url = get('url').trim();
      // LinkedIn writes these for connections who hide their details: only the date is left.
      if (!url && !first && !last) return skip({ code: 'blankRow' });
      if (!url) return skip({ code: 'noUrl' });
      const ref = parseProfileUrl(url);
      if (!ref) return skip({ code: 'notProfileUrl', url: url.slice(0, 200) });
      if (ref.kind === 'memberId') return skip({ code: 'memberIdUrl' });
      const name = [first, last].filter(Boolean).join(' ');
      if (!name) return skip({ code: 'noName' });
      const of = firstRowOf.get(ref.slug);
      if (of !== undefined) return skip({ code: 'duplicate', of });
      firstRowOf.set(ref.slug, row);

      const person: ConnectionRow = {
        row,
        slug: ref.slug,
        name: clip(row, name, LIMITS.name, columns.firstName.label),
      };
      const headline = clean(get('position'));
      if (headline) person.headline = clip(row, headline, LIMITS.headline, columns.position.label);
      const company = clean(get('company'));
      if (company) person.company = clip(row, company, LIMITS.company, columns.company.label);
      const email = get('email').trim();
      if (email.length > EMAIL_MAX)
        notes.push({ row, note: { code: 'leftOut', column: columns.email.label } });
      else if (email) person.email = email;
      const date = get('connectedOn').trim();
      if (date) {
        const at = parseConnectedOn(date);
        if (at === null) notes.push({ row, note: { code: 'unreadableDate', value: date.slice(0, 100) } });
        else person.connectedOn = at;
      }
      rows.push(person);
    },
    options.onProgress,
  );
  return result.ok ? { ok: true, rows, skipped, notes } : result;
}

function clean(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}
