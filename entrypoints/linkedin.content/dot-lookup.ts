// Asking the background about the people in lists: one batched lookup for everyone newly on screen,
// remembered until people change, so that a person seen before gets their dot with no message at all.
import type { PersonView } from '../../utils/person-view';
import { isMemberId } from '../../utils/slug';
import { type Entry, paintDot } from './dot-paint';
import { sendMessage } from './messages';

/** What the background said about each person asked about (null: not tracked), until people change. */
export const known = new Map<string, PersonView | null>();

/**
 * Asks about the entries' people in one message, and paints what the answer says once `ready` (the
 * dots' language) has settled; nothing is painted after `signal` aborts.
 */
export async function lookUpAndPaint(
  entries: [HTMLAnchorElement, Entry][],
  ready: Promise<unknown>,
  signal: AbortSignal,
): Promise<void> {
  if (entries.length === 0) return;
  const slugs = new Set<string>();
  const memberIds = new Set<string>();
  for (const [, { key }] of entries) (isMemberId(key) ? memberIds : slugs).add(key);
  // The bench reads these marks: one lookup per batch, and the main-thread time around it.
  performance.mark('vinculo:lookup');
  const [views] = await Promise.all([
    sendMessage('lookup', { slugs: [...slugs], memberIds: [...memberIds] }),
    ready,
  ]);
  if (signal.aborted) return;
  const paintStart = performance.now();
  for (const key of [...slugs, ...memberIds]) known.set(key, null);
  for (const view of views) {
    known.set(view.slug, view);
    if (view.memberId) known.set(view.memberId, view);
  }
  for (const [link, entry] of entries)
    if (link.isConnected) paintDot(link, entry, known.get(entry.key) ?? undefined);
  performance.measure('vinculo:dots-paint', { start: paintStart, detail: entries.length });
}
