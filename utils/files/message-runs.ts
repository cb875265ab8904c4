// The touches inside one conversation of messages.csv: in one conversation, consecutive messages
// from the same side less than 24 hours apart are one touch, dated at the latest of them; a longer gap
// starts a new touch even from the same side. A conversation of more than three people is no touch.
import { LIMITS, type Touch } from '../../storage/schemas';
import { DAY } from '../time';

/** A row of messages.csv as the runs need it. */
export interface Message {
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

/**
 * One touch as the file describes it: a run of messages from one side of a conversation, with one
 * person. The import keys it by the tracked person's slug (utils/message-ids.ts).
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

/**
 * The largest conversation that counts: the user and two others, which is how introductions happen.
 * A message in a bigger thread is not a conversation with each member, and forty people warmed by one
 * "thanks, all" would make every badge lie.
 */
export const GROUP_MAX_PEOPLE = 3;

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Every conversation's runs, oldest first (then by conversation, person and side: never file order). */
export function allRuns(
  conversations: readonly Message[][],
  mine: ReadonlySet<string>,
  excluded: MessageExclusions,
  keepBodies: boolean,
): MessageRun[] {
  return conversations
    .flatMap((c) => conversationRuns(c, mine, excluded, keepBodies))
    .sort(
      (a, b) =>
        a.at - b.at ||
        compare(a.conversation, b.conversation) ||
        compare(a.person, b.person) ||
        compare(a.initiator, b.initiator),
    );
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
    const note = keepBodies ? clipNote(current.map((s) => s.content.trim()).join('\n\n')) : '';
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

/** A touch note cut to the schema's limit, never inside a surrogate pair. */
export function clipNote(text: string): string {
  if (text.length <= LIMITS.note) return text;
  const cut = /[\uD800-\uDBFF]/.test(text[LIMITS.note - 1] ?? '') ? LIMITS.note - 1 : LIMITS.note;
  return text.slice(0, cut);
}
