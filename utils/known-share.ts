// "You know N of your M connections": the honest size of the network, from what the user told Vínculo.
import type { Person } from '../storage/schemas';

export type KnownFacts = Pick<Person, 'source' | 'stage' | 'triagedAt' | 'connectedOn'>;

export interface KnownShare {
  /** N: connections the user has said they know. */
  known: number;
  /** M: the user's LinkedIn connections that Vínculo holds. */
  connections: number;
  /** N / M, 0 when there are no connections. */
  share: number;
}

/**
 * A connection is a person from LinkedIn's Connections.csv: imported by it, or tracked earlier from
 * a page and given a connected-on date by it. Every stage counts, archived too: removing the
 * connection happens on LinkedIn, where Vínculo cannot see it.
 */
export function isConnection(p: KnownFacts): boolean {
  return p.source === 'import' || p.connectedOn !== undefined;
}

/**
 * A connection is known when the user said so: an acquaintance or relationship (a real exchange has
 * started), or a contact kept in triage, where the alternative was "I don't know them". Contacts not
 * yet triaged and archived people are not counted: Vínculo claims no more than it was told.
 */
export function isKnown(p: KnownFacts): boolean {
  if (!isConnection(p)) return false;
  if (p.stage === 'acquaintance' || p.stage === 'relationship') return true;
  return p.stage === 'contact' && p.triagedAt !== undefined;
}

export function knownShare(people: Iterable<KnownFacts>): KnownShare {
  let known = 0;
  let connections = 0;
  for (const p of people) {
    if (!isConnection(p)) continue;
    connections++;
    if (isKnown(p)) known++;
  }
  return { known, connections, share: connections === 0 ? 0 : known / connections };
}
