// The layout of an export CSV before its rows are read: which line break it uses, whether a line is
// too long, which line is the header (and of which export file), and where each column is.
import type { CsvSpec } from './csv';
import type { FileProblem } from './import-problems';

/** A refused file, as the readers return it. */
export type CsvFailure = { ok: false; problem: FileProblem };
export const fail = (problem: FileProblem): CsvFailure => ({ ok: false, problem });

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

const HEADER_SCAN_LINES = 50;
const DELIMITERS = [',', ';', '\t'] as const;

// The first line break decides: LinkedIn writes \n, Windows spreadsheets \r\n, old Mac Excel \r.
// Papa would guess from the first chunk and keep that guess for the whole file (mholt/PapaParse#1132).
export type Newline = '\n' | '\r\n' | '\r';

export function detectNewline(text: string): Newline {
  const lf = text.indexOf('\n');
  if (lf === -1) return text.includes('\r') ? '\r' : '\n';
  return text[lf - 1] === '\r' ? '\r\n' : '\n';
}

/** The 1-based number of the first physical line longer than `max`, if any. */
export function findLongLine(text: string, newline: string, max: number): number | undefined {
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

function normalizeHeader(cell: string): string {
  return cell
    .replace(/^\uFEFF/, '')
    .trim()
    .replace(/^"(.*)"$/, '$1')
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

/** The export file whose columns a header line names, if any. */
export function signatureOf(cells: readonly string[]): string | undefined {
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
export function scanHeader(
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

/** Where each column of the spec is in the header, or the first required column it lacks. */
export function columnIndexes<F extends string>(
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
