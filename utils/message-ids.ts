// The ids of imported message touches: what makes a re-import of messages.csv add nothing twice, and
// lets an overlapping export's run that grew replace the shorter touch an earlier import wrote.
import type { Touch } from '../storage/schemas';

const ID_MAX = 200;
const SPAN = /^(\d+)-(\d+)$/;

/**
 * `msg:<conversation>:<me|them>:<person>:<first>-<latest>`: the same run always gets the same id, and a
 * stored touch tells which messages it stands for, so a run that grew in a newer export (or shrank in
 * an older one) is recognised. The conversation, side and person are hashed when the id would be long.
 */
export function touchId(
  conversation: string,
  initiator: Touch['initiator'],
  personId: string,
  first: number,
  at: number,
): string {
  const lineage = `${conversation}:${initiator}:${personId}`;
  const id = `msg:${lineage}:${first}-${at}`;
  return id.length <= ID_MAX ? id : `msg:h${hash(lineage)}:${first}-${at}`;
}

/** The id the first version of the import gave a turn (dated at its first message), for replacing it. */
export function legacyTouchId(
  conversation: string,
  at: number,
  initiator: Touch['initiator'],
  personId: string,
): string {
  const id = `msg:${conversation}:${at}:${initiator}:${personId}`;
  return id.length <= ID_MAX ? id : `msg:h${hash(id)}`;
}

/** One conversation's side with one person: the touches a run may replace belong to it. */
export interface Lineage {
  conversation: string;
  initiator: Touch['initiator'];
  personId: string;
  prefixes: [string, string];
}

export function lineageOf(conversation: string, initiator: Touch['initiator'], personId: string): Lineage {
  const key = `${conversation}:${initiator}:${personId}`;
  return { conversation, initiator, personId, prefixes: [`msg:${key}:`, `msg:h${hash(key)}:`] };
}

/**
 * The messages (first to latest) that a stored touch stands for, if an import wrote it for this
 * lineage; undefined for any other touch (one logged by hand, another conversation, the other side).
 */
export function importedSpan(
  touch: Pick<Touch, 'id' | 'at'>,
  lineage: Lineage,
): { first: number; last: number } | undefined {
  for (const prefix of lineage.prefixes) {
    if (!touch.id.startsWith(prefix)) continue;
    const span = SPAN.exec(touch.id.slice(prefix.length));
    if (span) return { first: Number(span[1]), last: Number(span[2]) };
  }
  // The first version dated a turn at its first message: it stands for the run that starts there.
  const { conversation, initiator, personId } = lineage;
  if (touch.id === legacyTouchId(conversation, touch.at, initiator, personId))
    return { first: touch.at, last: touch.at };
  return undefined;
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
