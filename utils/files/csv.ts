// Reads a CSV file of LinkedIn's data export: decodes it as strict UTF-8, refuses what is not such an
// export (csv-header.ts finds the header), and streams the rows through papaparse with progress.
//
// The bytes are decoded here, in one piece, rather than by Papa.parse(File): papaparse decodes each
// chunk of a file on its own, which turns an accented name split across a chunk boundary into U+FFFD
// (mholt/PapaParse#751), and it cannot tell a non-UTF-8 file from a good one. The decoded text is then
// parsed in chunks, yielding between them so a progress bar can paint.
import Papa from 'papaparse';
import {
  type CsvFailure,
  columnIndexes,
  detectNewline,
  fail,
  findLongLine,
  type Newline,
  scanHeader,
  signatureOf,
} from './csv-header';
import type { FileProblem } from './import-problems';

export type CsvInput = string | Blob | ArrayBuffer | Uint8Array;

export interface ParseOptions {
  /** Called after each chunk with the share of the file parsed so far (0..1). */
  onProgress?: (fraction: number) => void;
}

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

export type CsvReadResult = { ok: true } | CsvFailure;

const CHUNK_CHARS = 256 * 1024;
const SNIFF_BYTES = 8 * 1024;

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
