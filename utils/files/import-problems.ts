// What an import of LinkedIn's export can refuse, leave out or remark on, and the words for each: a
// key of the locale files (public/_locales/*/messages.json) with its substitutions, which the UI
// translates. The parsers (csv.ts, connections.ts, messages.ts) produce these values.
import { connectionsSpec } from './connections';

/** Why a whole file is refused. The UI turns these into words with importProblemMessage(). */
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
  | { code: 'noConversation' };
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

/** A message key of the locale files and its substitutions, in placeholder order ($1, $2…). */
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
