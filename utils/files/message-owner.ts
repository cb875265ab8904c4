// Whose mailbox a messages.csv is: the user takes part in (nearly) every conversation, possibly under
// an old vanity URL in old ones. The runs are then counted from the user's side.
import type { Message } from './message-runs';

export function involves(m: Message, key: string): boolean {
  return m.sender === key || m.recipients.includes(key);
}

/**
 * The user is whoever takes part in (nearly) every conversation: the export is their mailbox. With
 * a single correspondent the two tie, and guessing could attach every touch to the user: ask instead.
 */
export function findOwner(conversations: Message[][]): string | undefined {
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
export function aliasesOf(me: string, conversations: Message[][]): string[] {
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
