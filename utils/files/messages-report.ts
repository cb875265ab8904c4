// The words of the report after a messages.csv import: a summary of what was written, a line per
// kind of message left out, then every unreadable row.
import { type LocalizedMessage, type SkippedRow, skippedRowMessage } from './import-problems';
import { GROUP_MAX_PEOPLE, type MessageExclusions } from './message-runs';

/** What the import did with the runs (storage/import-messages.ts fills it in). */
export interface MessageImportCounts {
  added: number;
  /** Runs that grew (or were dated the old way) and replaced what an earlier import wrote. */
  merged: number;
  /** Runs an earlier import already wrote. */
  existing: number;
  /** Runs with people who are not tracked. */
  untracked: number;
  /** Tracked people whose touches changed. */
  people: number;
  /** Runs the database refused, by the row of their latest message. */
  invalid: SkippedRow[];
}

/** The report's summary and lines: counts of each kind of skip, then every unreadable row. */
export function messagesReportMessages(
  parse: { excluded: MessageExclusions; skipped: readonly SkippedRow[] },
  counts: MessageImportCounts,
): { summary: LocalizedMessage; lines: LocalizedMessage[] } {
  const message = (key: string, ...values: number[]): LocalizedMessage => ({
    key: `import_${key}`,
    substitutions: values.map(String),
  });
  const { excluded } = parse;
  const skipped = counts.existing + counts.untracked + counts.invalid.length;
  const lines = [
    counts.existing && message('msgExisting', counts.existing),
    counts.untracked && message('msgUntracked', counts.untracked),
    excluded.spam && message('msgSpam', excluded.spam),
    excluded.drafts && message('msgDrafts', excluded.drafts),
    excluded.groupConversations &&
      message('msgGroups', excluded.groupConversations, excluded.groupMessages, GROUP_MAX_PEOPLE),
    excluded.noPerson && message('msgNoPerson', excluded.noPerson),
  ].filter((m): m is LocalizedMessage => Boolean(m));
  const rows = [...parse.skipped, ...counts.invalid].sort((a, b) => a.row - b.row);
  return {
    summary: message('messagesReport', counts.added, counts.merged, skipped, counts.people),
    lines: [...lines, ...rows.map(skippedRowMessage)],
  };
}
