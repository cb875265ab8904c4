// People as a CSV file for a spreadsheet (the dashboard's "Export CSV"), not meant to be read back:
// the backup (backup.ts) is the file that restores.
import Papa from 'papaparse';
import type { Person } from '../../storage/schemas';
import { profileUrl } from '../slug';
import { toDateInput } from '../time';

const peopleCsvColumns = [
  'name',
  'profileUrl',
  'headline',
  'company',
  'email',
  'stage',
  'tags',
  'about',
  'connectedOn',
  'lastTouchAt',
  'dueAt',
  'metInPerson',
  'source',
  'createdAt',
] as const;
type PeopleCsvColumn = (typeof peopleCsvColumns)[number];

const defaultHeaders: Record<PeopleCsvColumn, string> = {
  name: 'Name',
  profileUrl: 'Profile URL',
  headline: 'Headline',
  company: 'Company',
  email: 'Email',
  stage: 'Stage',
  tags: 'Tags',
  about: 'Notes',
  connectedOn: 'Connected on',
  lastTouchAt: 'Last touch',
  dueAt: 'Due',
  metInPerson: 'Met in person',
  source: 'Source',
  createdAt: 'Tracked since',
};

// A cell a spreadsheet would run as a formula (OWASP's list). Papa's own escapeFormulae pattern is
// anchored at both ends without the `s` flag, so `=HYPERLINK(…)` followed by a line break slips through.
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * People as CSV for a spreadsheet: a UTF-8 byte-order mark (so Excel reads accents right), CRLF line
 * ends, dates as local YYYY-MM-DD, and every cell that would start a formula prefixed with a quote.
 * Pass translated column headers to override the English ones.
 */
export function peopleToCsv(
  people: readonly Person[],
  headers: Partial<Record<PeopleCsvColumn, string>> = {},
): string {
  const date = (at: number | undefined) => (at === undefined ? '' : toDateInput(at));
  const data = people.map((p) => [
    p.name,
    profileUrl(p.slug),
    p.headline ?? '',
    p.company ?? '',
    p.email ?? '',
    p.stage,
    p.tags.join('; '),
    p.about,
    date(p.connectedOn),
    date(p.lastTouchAt),
    date(p.dueAt),
    p.metInPerson ? 'yes' : 'no',
    p.source,
    date(p.createdAt),
  ]);
  const fields = peopleCsvColumns.map((c) => headers[c] ?? defaultHeaders[c]);
  return `\uFEFF${Papa.unparse({ fields, data }, { escapeFormulae: FORMULA_START, newline: '\r\n' })}`;
}
