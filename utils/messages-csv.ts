// Maps messages.csv from LinkedIn's data export to runs of messages, so last-touch dates are real from
// day one. The rule (README, "Importing LinkedIn's export"): in one conversation, consecutive messages
// from the same side less than 24 hours apart are one touch, dated at the latest of them; a longer gap
// starts a new touch even from the same side. Spam, drafts and conversations of more than three people
// are not touches. Nothing here trusts the file's row order.
import { epochSchema, LIMITS, type Touch } from '../storage/schemas';
import {
  type CsvInput,
  type CsvSpec,
  type FileProblem,
  type LocalizedMessage,
  type ParseOptions,
  parseDateParts,
  readCsv,
  type SkippedRow,
  skippedRowMessage,
} from './connections-csv';
import { canonicalSlug, parseProfileUrl } from './slug';
import { DAY } from './time';

/**
 * One touch as the file describes it: a run of messages from one side of a conversation, with one
 * person. The import keys it by the tracked person's slug (message-ids.ts).
 */
export interface MessageRun {
  conversation: string;
  /** Who the run is with: a canonical slug, or `id:<member id>` for links that only name a member. */
  person: string;
  initiator: Touch['initiator'];
  /** The run's first message; the touch is dated at its latest, `at`. */
  first: number;
  at: number;
  note: string;
  /** The file row of the run's latest message, for the report. */
  row: number;
}

/** Messages that are not touches, by reason. */
export interface MessageExclusions {
  spam: number;
  drafts: number;
  /** Conversations of more than GROUP_MAX_PEOPLE people, and the messages in them. */
  groupConversations: number;
  groupMessages: number;
  /** Messages from or to no one who has a profile (LinkedIn's own, sponsored, deleted accounts). */
  noPerson: number;
}

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

/**
 * The largest conversation that counts: the user and two others, which is how introductions happen.
 * A message in a bigger thread is not a conversation with each member, and forty people warmed by one
 * "thanks, all" would make every badge lie.
 */
export const GROUP_MAX_PEOPLE = 3;

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

export const messagesSpec: CsvSpec<MessageField> = {
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

interface Message {
  row: number;
  conversation: string;
  at: number;
  /** Participant key (slug or `id:<member id>`), or undefined for senders that are not people. */
  sender: string | undefined;
  recipients: string[];
  /** Normalised display names by participant key, as FROM and TO give them. */
  names: [string, string][];
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

const EPOCH_MIN = epochSchema.minValue ?? Number.NEGATIVE_INFINITY;
const EPOCH_MAX = epochSchema.maxValue ?? Number.POSITIVE_INFINITY;
// A numeric offset after a time (`14:22:10 +0100`, `14:22:10-05:00`), which spreadsheets sometimes write.
const OFFSET = /(?<=\d:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*(?:UTC|GMT)?\s*([+-])(\d{2}):?(\d{2})$/i;

/** A message time as epoch ms: `2024-03-05 14:22:10 UTC` and the other forms parseDateParts reads. */
export function parseMessageDate(value: string): number | null {
  let text = value.trim();
  let offset = 0;
  const zone = OFFSET.exec(text);
  if (zone) {
    offset = (zone[1] === '-' ? -1 : 1) * (Number(zone[2]) * 60 + Number(zone[3])) * 60_000;
    text = text.slice(0, zone.index);
  }
  const p = parseDateParts(text);
  if (!p) return null;
  // LinkedIn writes message times in UTC; a zone-less time (a spreadsheet dropped the zone) is read the
  // same way, never in the browser's zone, so a re-import elsewhere gives the same ids.
  const at = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - offset;
  return at >= EPOCH_MIN && at <= EPOCH_MAX ? at : null;
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
  const runs = conversations
    .flatMap((c) => conversationRuns(c, mine, excluded, options.keepBodies === true))
    .sort(
      (a, b) =>
        a.at - b.at ||
        compare(a.conversation, b.conversation) ||
        compare(a.person, b.person) ||
        compare(a.initiator, b.initiator),
    );
  return {
    ok: true,
    runs,
    me,
    conversations: conversations.length,
    messages: messages.length,
    excluded,
    skipped,
  };
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function involves(m: Message, key: string): boolean {
  return m.sender === key || m.recipients.includes(key);
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

/**
 * Other keys the user had: after a change of vanity URL, old conversations keep the old one. Such a key
 * carries the user's name and is never in a conversation with the user (the mailbox has no chat with
 * oneself), which tells it from a namesake.
 */
function aliasesOf(me: string, conversations: Message[][]): string[] {
  const withMe = new Set<string>();
  const withoutMe: Message[][] = [];
  for (const c of conversations) {
    if (!c.some((m) => involves(m, me))) {
      withoutMe.push(c);
      continue;
    }
    for (const m of c) {
      if (m.sender) withMe.add(m.sender);
      for (const r of m.recipients) withMe.add(r);
    }
  }
  // The usual export: the user is in every conversation under one key.
  if (!withoutMe.length) return [];
  const myNames = new Set(
    conversations.flatMap((c) => c.flatMap((m) => m.names.filter(([key]) => key === me).map(([, n]) => n))),
  );
  const aliases = new Set<string>();
  for (const c of withoutMe)
    for (const m of c)
      for (const [key, name] of m.names) if (!withMe.has(key) && myNames.has(name)) aliases.add(key);
  return [...aliases];
}

interface Said {
  at: number;
  initiator: Touch['initiator'];
  row: number;
  content: string;
}

/** A conversation's runs with each person in it, or none when it is a group of more than three. */
function conversationRuns(
  conversation: Message[],
  mine: ReadonlySet<string>,
  excluded: MessageExclusions,
  keepBodies: boolean,
): MessageRun[] {
  const isMine = (key: string | undefined) => key !== undefined && mine.has(key);
  const others = new Set<string>();
  for (const m of conversation)
    for (const key of [m.sender, ...m.recipients]) if (key !== undefined && !isMine(key)) others.add(key);
  if (others.size > GROUP_MAX_PEOPLE - 1) {
    excluded.groupConversations++;
    excluded.groupMessages += conversation.length;
    return [];
  }
  const withPerson = new Map<string, Said[]>();
  const say = (person: string, said: Said) => {
    const list = withPerson.get(person);
    if (list) list.push(said);
    else withPerson.set(person, [said]);
  };
  for (const m of conversation) {
    const said = { at: m.at, row: m.row, content: m.content };
    if (isMine(m.sender)) {
      // LinkedIn sometimes leaves the recipient cell empty: the user then wrote to the conversation.
      const to = m.recipients.filter((r) => !isMine(r));
      const people = to.length ? to : [...others];
      if (!people.length) excluded.noPerson++;
      for (const p of people) say(p, { ...said, initiator: 'me' });
    } else if (m.sender !== undefined) {
      // Anything someone else wrote in the user's own mailbox reached the user, listed or not.
      say(m.sender, { ...said, initiator: 'them' });
    } else {
      excluded.noPerson++;
    }
  }
  const conversationId = conversation[0]!.conversation;
  return [...withPerson].flatMap(([person, said]) => runsOf(conversationId, person, said, keepBodies));
}

/** Splits one person's messages into runs: a new one when the side changes or after 24 hours or more. */
function runsOf(conversation: string, person: string, said: Said[], keepBodies: boolean): MessageRun[] {
  // Time first, then at the same second the user's side first: runs split alike whatever the file's
  // order. The row (older first, as rows are newest first) only orders the text of such messages.
  said.sort((a, b) => a.at - b.at || compare(a.initiator, b.initiator) || b.row - a.row);
  const runs: MessageRun[] = [];
  let current: Said[] = [];
  const close = () => {
    const last = current[current.length - 1];
    if (!last) return;
    const note = keepBodies ? clip(current.map((s) => s.content.trim()).join('\n\n')) : '';
    runs.push({
      conversation,
      person,
      initiator: last.initiator,
      first: current[0]!.at,
      at: last.at,
      note,
      row: last.row,
    });
  };
  for (const s of said) {
    const prev = current[current.length - 1];
    if (prev && (prev.initiator !== s.initiator || s.at - prev.at >= DAY)) {
      close();
      current = [];
    }
    current.push(s);
  }
  close();
  return runs;
}

export function clip(text: string): string {
  if (text.length <= LIMITS.note) return text;
  const cut = /[\uD800-\uDBFF]/.test(text[LIMITS.note - 1] ?? '') ? LIMITS.note - 1 : LIMITS.note;
  return text.slice(0, cut);
}

// ---------------------------------------------------------------------------------------------------
// The report

/** What the import did with the runs (storage/import.ts fills it in). */
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
