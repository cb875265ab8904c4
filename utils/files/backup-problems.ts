// What can be wrong with a backup file, and where; and the words for it, a key of the locale files
// (public/_locales/*/messages.json) with its substitutions, which the UI translates.
import type { LocalizedMessage } from './import-problems';

export type BackupTable = 'people' | 'touches' | 'nextSteps';

/** The first thing wrong with a backup file, and where. The UI turns it into words with backupProblemMessage(). */
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
