// The backup file (docs/architecture.md, "The backup file"): its format, and the check of a whole
// file record by record with the database's own schemas. A backup is read whole before anything is
// written, so a file that is wrong anywhere changes nothing.
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
} from '../../storage/schemas';
import { toDateInput } from '../time';
import type { BackupProblem, BackupTable } from './backup-problems';

const BACKUP_FORMAT = 'vinculo-backup';
/**
 * 2: people may carry `dismissals` (the coach suggestions they dismissed). Version 1 files have none
 * and restore as they are: every version up to this one is read with today's schemas.
 */
const BACKUP_VERSION = 2;

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
  return `vinculo-backup-${toDateInput(now)}.json`;
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
