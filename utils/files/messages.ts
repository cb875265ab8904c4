// messages.csv of LinkedIn's data export as runs of messages, so last-touch dates are real from day
// one (README, "Importing LinkedIn's export"). Rows become messages here; whose mailbox it is comes
// from message-owner.ts, the runs from message-runs.ts. Spam and drafts are not touches. Nothing here
// trusts the file's row order.
import { canonicalSlug, parseProfileUrl } from '../slug';
import { type CsvInput, type CsvSpec, type ParseOptions, readCsv } from './csv';
import { parseMessageDate } from './dates';
import type { FileProblem, SkippedRow } from './import-problems';
import { aliasesOf, findOwner, involves } from './message-owner';
import { allRuns, type Message, type MessageExclusions, type MessageRun } from './message-runs';

export interface MessagesOptions extends ParseOptions {
  /** The user's own profile URL or slug; found from the file when absent. */
  me?: string;
  /** Keep the text of each run as the touch note (off by default: bodies are private). */
  keepBodies?: boolean;
}

export type MessagesParse =
  | {
      ok: true;
      /** Oldest first. */
      runs: MessageRun[];
      /** Who the user is in this file: a slug, or `id:<member id>`; '' when no message counts. */
      me: string;
      conversations: number;
      messages: number;
      excluded: MessageExclusions;
      /** Rows that could not be read, with why. */
      skipped: SkippedRow[];
    }
  | { ok: false; problem: FileProblem };

type MessageField =
  | 'conversation'
  | 'from'
  | 'sender'
  | 'to'
  | 'recipients'
  | 'date'
  | 'content'
  | 'folder'
  | 'draft';

const messagesSpec: CsvSpec<MessageField> = {
  file: 'messages.csv',
  columns: {
    conversation: { label: 'CONVERSATION ID', names: ['conversation id'] },
    from: { label: 'FROM', names: ['from'] },
    sender: { label: 'SENDER PROFILE URL', names: ['sender profile url'] },
    to: { label: 'TO', names: ['to'] },
    recipients: { label: 'RECIPIENT PROFILE URLS', names: ['recipient profile urls'] },
    date: { label: 'DATE', names: ['date'] },
    content: { label: 'CONTENT', names: ['content'] },
    folder: { label: 'FOLDER', names: ['folder'] },
    draft: { label: 'IS MESSAGE DRAFT', names: ['is message draft'] },
  },
  required: [['conversation'], ['sender'], ['recipients'], ['date']],
  maxBytes: 256 * 2 ** 20,
  maxLineChars: 1024 * 1024,
};

// Recipient URLs are separated by commas (spaces or semicolons after a spreadsheet), but a slug may have
// `,` or `;` of its own: a separator counts only where another URL (or the cell) begins or ends. The
// lookbehind starts a match only at the head of a run, which keeps a long run of separators linear.
const RECIPIENT_SEPARATOR = /(?<![\s,;])[\s,;]+(?=(?:https?:)?\/\/|(?:[a-z0-9-]+\.)*linkedin\.com|$)/i;

/** A participant as a key: the canonical slug, or `id:` + member id for links that only name a member. */
function participant(url: string): string | undefined {
  const ref = parseProfileUrl(url);
  if (!ref) return undefined;
  return ref.kind === 'slug' ? ref.slug : `id:${ref.memberId}`;
}

const normalName = (name: string): string => name.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();

/** Parses messages.csv into runs between the user and each other person, with what it left out. */
export async function parseMessagesCsv(
  input: CsvInput,
  options: MessagesOptions = {},
): Promise<MessagesParse> {
  const messages: Message[] = [];
  const skipped: SkippedRow[] = [];
  const excluded: MessageExclusions = {
    spam: 0,
    drafts: 0,
    groupConversations: 0,
    groupMessages: 0,
    noPerson: 0,
  };
  const result = await readCsv(
    input,
    messagesSpec,
    ({ row, get, malformed }) => {
      if (malformed) return skipped.push({ row, reason: { code: 'malformedRow' } });
      const conversation = get('conversation').trim();
      if (!conversation) return skipped.push({ row, reason: { code: 'noConversation' } });
      const folder = get('folder').trim();
      if (/^(yes|true)$/i.test(get('draft').trim()) || /^drafts?$/i.test(folder)) return excluded.drafts++;
      if (/^spam$/i.test(folder)) return excluded.spam++;
      const date = get('date').trim();
      const at = parseMessageDate(date);
      if (at === null) return skipped.push({ row, reason: { code: 'badDate', value: date.slice(0, 100) } });
      const sender = participant(get('sender'));
      const urls = get('recipients')
        .split(RECIPIENT_SEPARATOR)
        .filter((u) => u.trim() !== '');
      const recipients = urls.map(participant);
      const names: [string, string][] = [];
      const from = normalName(get('from'));
      if (sender && from) names.push([sender, from]);
      // TO lists names in the order of the URLs; a name with a comma of its own breaks the pairing.
      const to = get('to').split(',').map(normalName);
      if (to.length === urls.length)
        recipients.forEach((key, i) => {
          if (key && to[i]) names.push([key, to[i]]);
        });
      messages.push({
        row,
        conversation,
        at,
        sender,
        recipients: recipients.filter((r): r is string => r !== undefined),
        names,
        content: options.keepBodies ? get('content') : '',
      });
    },
    options.onProgress,
  );
  if (!result.ok) return result;

  const conversations = groupByConversation(messages);
  // A file of nothing but spam and drafts has no touches and needs no owner.
  let me = '';
  if (conversations.length > 0 && options.me !== undefined) {
    me = participant(options.me) ?? canonicalSlug(options.me.trim()) ?? '';
    if (!me || !conversations.some((c) => c.some((m) => involves(m, me))))
      return { ok: false, problem: { code: 'ownerNotFound' } };
  } else if (conversations.length > 0) {
    me = findOwner(conversations) ?? '';
    if (!me) return { ok: false, problem: { code: 'ownerUnknown' } };
  }
  const mine = new Set([me, ...aliasesOf(me, conversations)]);
  return {
    ok: true,
    runs: allRuns(conversations, mine, excluded, options.keepBodies === true),
    me,
    conversations: conversations.length,
    messages: messages.length,
    excluded,
    skipped,
  };
}

function groupByConversation(messages: Message[]): Message[][] {
  const byId = new Map<string, Message[]>();
  for (const m of messages) {
    const list = byId.get(m.conversation);
    if (list) list.push(m);
    else byId.set(m.conversation, [m]);
  }
  return [...byId.values()];
}
