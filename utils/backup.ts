// The backup file of DESIGN.md, checked record by record with the database's own schemas, and a CSV
// export of people for spreadsheets. A backup is read whole before anything is written, so a file
// that is wrong anywhere changes nothing.
import Papa from 'papaparse';
import { z } from 'zod';
import {
  type NextStep,
  nextStepSchema,
  type Person,
  personSchema,
  type Settings,
  settingsSchema,
  type Touch,
  touchSchema,
} from '../storage/schemas';
import type { LocalizedMessage } from './connections-csv';
import { profileUrl } from './slug';

export const BACKUP_FORMAT = 'vinculo-backup';
export const BACKUP_VERSION = 1;

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  exportedAt: string;
  people: Person[];
  touches: Touch[];
  nextSteps: NextStep[];
  settings: Settings;
}

declare const checked: unique symbol;
/** A backup that parseBackup has checked whole; only such a backup can be restored. */
export type ValidBackup = Backup & { readonly [checked]: true };

export type BackupTable = 'people' | 'touches' | 'nextSteps';

/** The first thing wrong with a backup file, and where. The UI turns it into words with backupMessage(). */
export type BackupProblem =
  | { code: 'empty' }
  | { code: 'notJson'; message: string }
  | { code: 'notBackup' }
  | { code: 'unsupportedVersion'; version: number }
  | { code: 'invalidField'; path: string }
  | { code: 'invalidRecord'; table: BackupTable; index: number; path: string; message: string }
  | { code: 'invalidSettings'; path: string; message: string }
  | { code: 'duplicateId'; table: BackupTable; index: number; id: string }
  | { code: 'unknownPerson'; table: 'touches' | 'nextSteps'; index: number; personId: string };

export type BackupParse = { ok: true; backup: ValidBackup } | { ok: false; problem: BackupProblem };

/** The backup object for what the database holds. */
export function makeBackup(
  data: { people: Person[]; touches: Touch[]; nextSteps: NextStep[]; settings: Settings },
  now: number,
): Backup {
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: new Date(now).toISOString(),
    people: data.people,
    touches: data.touches,
    nextSteps: data.nextSteps,
    settings: data.settings,
  };
}

/** A file name that sorts by date: vinculo-backup-2026-01-10.json. */
export function backupFileName(now: number): string {
  return `vinculo-backup-${localDate(now)}.json`;
}

const exportedAtSchema = z.iso.datetime({ offset: true });

/** Checks a whole backup file: shape, every record, unique ids, and that every record's person is in it. */
export function parseBackup(text: string): BackupParse {
  const fail = (problem: BackupProblem): BackupParse => ({ ok: false, problem });
  if (text.trim() === '') return fail({ code: 'empty' });
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return fail({ code: 'notJson', message: error instanceof Error ? error.message : String(error) });
  }
  if (!isObject(raw) || raw.format !== BACKUP_FORMAT) return fail({ code: 'notBackup' });
  if (typeof raw.version !== 'number' || !Number.isInteger(raw.version) || raw.version < 1)
    return fail({ code: 'invalidField', path: 'version' });
  if (raw.version > BACKUP_VERSION) return fail({ code: 'unsupportedVersion', version: raw.version });
  if (!exportedAtSchema.safeParse(raw.exportedAt).success)
    return fail({ code: 'invalidField', path: 'exportedAt' });
  for (const table of ['people', 'touches', 'nextSteps'] as const)
    if (!Array.isArray(raw[table])) return fail({ code: 'invalidField', path: table });

  const people = checkTable(raw.people as unknown[], 'people', personSchema, (p) => p.slug);
  if (!people.ok) return fail(people.problem);
  const slugs = new Set(people.records.map((p) => p.slug));
  const touches = checkTable(raw.touches as unknown[], 'touches', touchSchema, (t) => t.id, {
    people: slugs,
    of: (t) => t.personId,
  });
  if (!touches.ok) return fail(touches.problem);
  const nextSteps = checkTable(raw.nextSteps as unknown[], 'nextSteps', nextStepSchema, (s) => s.id, {
    people: slugs,
    of: (s) => s.personId,
  });
  if (!nextSteps.ok) return fail(nextSteps.problem);
  const settings = settingsSchema.safeParse(raw.settings);
  if (!settings.success) {
    const issue = settings.error.issues[0];
    return fail({ code: 'invalidSettings', path: pathOf(issue?.path ?? []), message: issue?.message ?? '' });
  }
  const backup: Backup = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: raw.exportedAt as string,
    people: people.records,
    touches: touches.records,
    nextSteps: nextSteps.records,
    settings: settings.data,
  };
  return { ok: true, backup: backup as ValidBackup };
}

/** The words for a backup problem: a key of the locale files (messages.json) and its substitutions. */
export function backupProblemMessage(problem: BackupProblem): LocalizedMessage {
  const message = (key: string, ...substitutions: (string | number)[]) => ({
    key: `backup_${key}`,
    substitutions: substitutions.map(String),
  });
  // Records are numbered from 1 for people; the problem keeps the array index.
  switch (problem.code) {
    case 'unsupportedVersion':
      return message(problem.code, problem.version);
    case 'invalidField':
      return message(problem.code, problem.path);
    case 'invalidRecord':
      return problem.path === ''
        ? message('invalidRecordWhole', problem.table, problem.index + 1)
        : message(problem.code, problem.table, problem.index + 1, problem.path);
    case 'invalidSettings':
      return message(problem.code, problem.path || 'settings');
    case 'duplicateId':
      return message(problem.code, problem.table, problem.index + 1, problem.id);
    case 'unknownPerson':
      return message(problem.code, problem.table, problem.index + 1, problem.personId);
    default:
      return message(problem.code);
  }
}

function checkTable<T>(
  rows: unknown[],
  table: BackupTable,
  schema: z.ZodType<T>,
  idOf: (record: T) => string,
  owner?: { people: ReadonlySet<string>; of: (record: T) => string },
): { ok: true; records: T[] } | { ok: false; problem: BackupProblem } {
  const records: T[] = [];
  const ids = new Set<string>();
  for (let index = 0; index < rows.length; index++) {
    const parsed = schema.safeParse(rows[index]);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const path = pathOf(issue?.path ?? []);
      return {
        ok: false,
        problem: { code: 'invalidRecord', table, index, path, message: issue?.message ?? '' },
      };
    }
    const record = parsed.data;
    const id = idOf(record);
    if (ids.has(id)) return { ok: false, problem: { code: 'duplicateId', table, index, id } };
    ids.add(id);
    const personId = owner?.of(record);
    if (owner && personId !== undefined && table !== 'people' && !owner.people.has(personId))
      return { ok: false, problem: { code: 'unknownPerson', table, index, personId } };
    records.push(record);
  }
  return { ok: true, records };
}

function pathOf(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// ---------------------------------------------------------------------------------------------------
// CSV export of people

export const peopleCsvColumns = [
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
export type PeopleCsvColumn = (typeof peopleCsvColumns)[number];

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
  const date = (at: number | undefined) => (at === undefined ? '' : localDate(at));
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

function localDate(at: number): string {
  const d = new Date(at);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
