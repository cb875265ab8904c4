// Connections.csv of LinkedIn's data export, row by row, as the people facts an import merges: one
// person per profile URL, every row left out with why, every cut or unreadable value noted.
import { LIMITS } from '../../storage/schemas';
import { parseProfileUrl } from '../slug';
import { type CsvInput, type CsvSpec, type ParseOptions, readCsv } from './csv';
import { parseConnectedOn } from './dates';
import type { FileProblem, NotedRow, SkippedRow, SkipReason } from './import-problems';

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
