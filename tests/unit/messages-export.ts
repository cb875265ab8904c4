// Builds messages.csv text the way LinkedIn's data export writes it, for tests: the real header (the
// newer one adds IS MESSAGE DRAFT and ATTACHMENTS), dates as `2024-03-05 14:22:10 UTC`, conversation ids
// like LinkedIn's, names in FROM/TO beside the profile URLs, and the newest message first.

export interface Who {
  name: string;
  url: string;
}

export interface ExportMessage {
  conversation: string;
  title?: string;
  from: Who;
  to: Who[];
  /** Epoch ms. */
  at: number;
  content?: string;
  folder?: string;
  draft?: boolean;
}

export const who = (slug: string, name = slug): Who => ({
  name,
  url: `https://www.linkedin.com/in/${slug}`,
});

/** A conversation id in LinkedIn's shape (`2-` and base64), different for every seed. */
export const conversationId = (seed: string): string =>
  `2-${Buffer.from(`conv-${seed}-00`).toString('base64')}`;

/** `2024-03-05 14:22:10 UTC`, as the export writes every date. */
export function exportDate(at: number): string {
  return `${new Date(at).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

const cell = (value: string): string => (/[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

const OLD_HEADER = [
  'CONVERSATION ID',
  'CONVERSATION TITLE',
  'FROM',
  'SENDER PROFILE URL',
  'TO',
  'RECIPIENT PROFILE URLS',
  'DATE',
  'SUBJECT',
  'CONTENT',
  'FOLDER',
];
const NEW_HEADER = [...OLD_HEADER, 'ATTACHMENTS', 'IS MESSAGE DRAFT'];

export interface ExportOptions {
  /** The 2024+ header with IS MESSAGE DRAFT and ATTACHMENTS (default true). */
  newer?: boolean;
  /** Row order: LinkedIn's newest first (default), or as given. */
  order?: 'newestFirst' | 'asGiven';
}

export function messagesCsv(messages: readonly ExportMessage[], options: ExportOptions = {}): string {
  const newer = options.newer ?? true;
  const rows = options.order === 'asGiven' ? [...messages] : [...messages].sort((a, b) => b.at - a.at);
  const lines = rows.map((m) => {
    const cells = [
      m.conversation,
      m.title ?? '',
      m.from.name,
      m.from.url,
      m.to.map((t) => t.name).join(', '),
      m.to.map((t) => t.url).join(','),
      exportDate(m.at),
      '',
      m.content ?? '',
      m.folder ?? 'INBOX',
    ];
    if (newer) cells.push('', m.draft ? 'Yes' : 'No');
    return cells.map(cell).join(',');
  });
  return `${[(newer ? NEW_HEADER : OLD_HEADER).join(','), ...lines].join('\n')}\n`;
}

export { seeded as random } from '../bench/generate';
