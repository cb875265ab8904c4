// Maps messages.csv from LinkedIn's data export to message touches, so last-touch dates are real from
// day one. One touch per conversation turn (consecutive messages by the same sender): a burst of five
// messages is one exchange, not five. Ids are derived from the turn, so importing the same file (or a
// later export that repeats it) adds nothing twice.
import { LIMITS, type Touch } from '../storage/schemas';
import {
  type CsvInput,
  type CsvSpec,
  type FileProblem,
  type ParseOptions,
  parseDateParts,
  readCsv,
  type SkippedRow,
} from './connections-csv';
import { canonicalSlug, parseProfileUrl } from './slug';

/** A touch as the file describes it; the import adds createdAt. */
export type MessageTouch = Omit<Touch, 'createdAt'>;

export interface MessagesOptions extends ParseOptions {
  /** The user's own profile URL or slug; found from the file when absent. */
  me?: string;
  /** Keep the text of each turn as the touch note (off by default: bodies are private). */
  keepBodies?: boolean;
}

export type MessagesParse =
  | {
      ok: true;
      touches: MessageTouch[];
      /** Who the user is in this file: a slug, or `id:<member id>`. */
      me: string;
      conversations: number;
      messages: number;
      skipped: SkippedRow[];
    }
  | { ok: false; problem: FileProblem };

type MessageField = 'conversation' | 'sender' | 'recipients' | 'date' | 'content' | 'folder' | 'draft';

export const messagesSpec: CsvSpec<MessageField> = {
  file: 'messages.csv',
  columns: {
    conversation: { label: 'CONVERSATION ID', names: ['conversation id'] },
    sender: { label: 'SENDER PROFILE URL', names: ['sender profile url'] },
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

interface Message {
  conversation: string;
  at: number;
  /** Participant key (slug or `id:<member id>`), or undefined for senders that are not people. */
  sender: string | undefined;
  recipients: string[];
  content: string;
}

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

export function parseMessageDate(value: string): number | null {
  const p = parseDateParts(value);
  if (!p) return null;
  // LinkedIn writes message times in UTC; a zone-less time is read the same way.
  const at = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Number.isFinite(at) ? at : null;
}

/** Parses messages.csv into one touch per turn between the user and another person. */
export async function parseMessagesCsv(
  input: CsvInput,
  options: MessagesOptions = {},
): Promise<MessagesParse> {
  const messages: Message[] = [];
  const skipped: SkippedRow[] = [];
  const result = await readCsv(
    input,
    messagesSpec,
    ({ row, get, malformed }) => {
      if (malformed) return skipped.push({ row, reason: { code: 'malformedRow' } });
      const conversation = get('conversation').trim();
      if (!conversation) return skipped.push({ row, reason: { code: 'noConversation' } });
      if (/^(yes|true)$/i.test(get('draft').trim()) || /^drafts?$/i.test(get('folder').trim()))
        return skipped.push({ row, reason: { code: 'draft' } });
      const date = get('date').trim();
      const at = parseMessageDate(date);
      if (at === null) return skipped.push({ row, reason: { code: 'badDate', value: date.slice(0, 100) } });
      const recipients = get('recipients')
        .split(RECIPIENT_SEPARATOR)
        .map(participant)
        .filter((r): r is string => r !== undefined);
      messages.push({
        conversation,
        at,
        sender: participant(get('sender')),
        recipients,
        content: options.keepBodies ? get('content') : '',
      });
    },
    options.onProgress,
  );
  if (!result.ok) return result;

  const conversations = groupByConversation(messages);
  let me: string | undefined;
  if (options.me !== undefined) {
    me = participant(options.me) ?? canonicalSlug(options.me.trim()) ?? undefined;
    if (!me || !conversations.some((c) => c.some((m) => involves(m, me!))))
      return { ok: false, problem: { code: 'ownerNotFound' } };
  } else {
    me = findOwner(conversations);
    if (!me) return { ok: false, problem: { code: 'ownerUnknown' } };
  }
  const touches = conversations
    .flatMap((c) => turnsToTouches(c, me, options.keepBodies === true))
    .sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { ok: true, touches, me, conversations: conversations.length, messages: messages.length, skipped };
}

function involves(m: Message, key: string): boolean {
  return m.sender === key || m.recipients.includes(key);
}

/** Each conversation's messages, oldest first (LinkedIn lists them newest first). */
function groupByConversation(messages: Message[]): Message[][] {
  const byId = new Map<string, Message[]>();
  for (const m of messages) {
    const list = byId.get(m.conversation);
    if (list) list.push(m);
    else byId.set(m.conversation, [m]);
  }
  // Array.prototype.sort is stable: messages with the same second keep the file's order.
  return [...byId.values()].map((list) => list.sort((a, b) => a.at - b.at));
}

/**
 * The user is whoever takes part in (nearly) every conversation: the export is their mailbox. With
 * a single correspondent the two tie, and guessing could attach every touch to the user: ask instead.
 */
function findOwner(conversations: Message[][]): string | undefined {
  const counts = new Map<string, number>();
  for (const c of conversations) {
    const seen = new Set<string>();
    for (const m of c) {
      if (m.sender) seen.add(m.sender);
      for (const r of m.recipients) seen.add(r);
    }
    for (const key of seen) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const ranked = [...counts].sort((a, b) => b[1] - a[1]);
  const [top, second] = ranked;
  if (!top || (second && second[1] === top[1]) || top[1] * 2 < conversations.length) return undefined;
  return top[0];
}

function turnsToTouches(conversation: Message[], me: string, keepBodies: boolean): MessageTouch[] {
  const touches: MessageTouch[] = [];
  let i = 0;
  while (i < conversation.length) {
    const start = conversation[i]!;
    let end = i + 1;
    while (end < conversation.length && conversation[end]!.sender === start.sender) end++;
    const turn = conversation.slice(i, end);
    i = end;
    const mine = start.sender === me;
    // A turn by someone else counts only if it reached the user; a turn by the user counts for each
    // person it went to. Senders that are not people (sponsored mail, member-id links) key nobody.
    const people = mine
      ? [...new Set(turn.flatMap((m) => m.recipients))].filter((k) => k !== me)
      : start.sender !== undefined && turn.some((m) => m.recipients.includes(me))
        ? [start.sender]
        : [];
    const note = keepBodies ? clip(turn.map((m) => m.content.trim()).join('\n\n')) : '';
    for (const personId of people) {
      if (personId.startsWith('id:')) continue;
      touches.push({
        id: touchId(start.conversation, start.at, mine ? 'me' : 'them', personId),
        personId,
        at: start.at,
        kind: 'message',
        initiator: mine ? 'me' : 'them',
        value: 'none',
        note,
      });
    }
  }
  return touches;
}

function clip(text: string): string {
  if (text.length <= LIMITS.note) return text;
  const cut = /[\uD800-\uDBFF]/.test(text[LIMITS.note - 1] ?? '') ? LIMITS.note - 1 : LIMITS.note;
  return text.slice(0, cut);
}

const ID_MAX = 200;

/** `msg:<conversation>:<turn start>:<me|them>:<person>`, hashed when a long conversation id overflows. */
export function touchId(
  conversation: string,
  at: number,
  initiator: 'me' | 'them',
  personId: string,
): string {
  const id = `msg:${conversation}:${at}:${initiator}:${personId}`;
  return id.length <= ID_MAX ? id : `msg:h${hash(id)}`;
}

// cyrb53's mixing, both 32-bit halves kept: 64 bits, so collisions stay out of reach.
function hash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h2 >>> 0).toString(16).padStart(8, '0') + (h1 >>> 0).toString(16).padStart(8, '0');
}
