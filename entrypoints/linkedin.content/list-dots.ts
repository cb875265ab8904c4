// Feature: a compact `vinculo-dot` beside each tracked person wherever people are listed (search, My
// Network, feed, messaging, profile sidebars). Only what LinkedIn added is read, as it is added: people
// Vínculo already asked about get their dot before the browser renders the new cards (no second layout
// of a long feed); the others are asked about in one batched lookup in idle time. Links seen before
// cost nothing, links LinkedIn removed are forgotten; untracked people get nothing.
import { findPersonLinks } from '../../utils/linkedin/person-links';
import { findViewerSlug } from '../../utils/linkedin/viewer';
import type { ProfileRef } from '../../utils/slug';
import { addedElements, guard, watchDom } from './dom-watch';
import { known, lookUpAndPaint } from './dot-lookup';
import { type Entry, paintDot } from './dot-paint';

/** Lookups (and scans while the page is still being parsed) wait for an idle moment, but never longer. */
const SETTLE_MS = 120;
/** A scan yields after this long and goes on in idle time, so no frame waits on Vínculo. */
const SLICE_MS = 5;

const keyOf = (ref: ProfileRef): string => (ref.kind === 'slug' ? ref.slug : ref.memberId);

export interface ListDotsHandle {
  /** Re-asks about every person on screen (after people changed). */
  refresh(): void;
}

/** The added elements not inside another one (the parser adds each element of a page on its own). */
function outermost(added: Element[]): Element[] {
  const set = new Set(added);
  return added.filter((element) => {
    if (!element.isConnected) return false;
    for (let node = element.parentElement; node; node = node.parentElement) if (set.has(node)) return false;
    return true;
  });
}

/**
 * Annotates person links until `signal` aborts; `skipSlug` is the profile the badge already covers,
 * `ready` settles once the dots' language is known.
 */
export function annotateLists(
  signal: AbortSignal,
  skipSlug: () => string | null,
  ready: Promise<unknown>,
): ListDotsHandle {
  const links = new Map<HTMLAnchorElement, Entry>();
  const byCard = new WeakMap<Element, HTMLAnchorElement>();
  let pending: Element[] = [];
  let removals = false;
  let viewer: string | null = null;

  let asking: [HTMLAnchorElement, Entry][] = [];
  const ask = (): void => {
    const entries = asking;
    asking = [];
    guard('annotate', lookUpAndPaint)(entries, ready, signal);
  };

  const scan = (): void => {
    scanScheduled = false;
    const scanStart = performance.now();
    const roots = outermost(pending);
    pending = [];
    if (removals) for (const link of links.keys()) if (!link.isConnected) links.delete(link);
    removals = false;
    const skip = skipSlug();
    let fresh = 0;
    // A slice that ran long hands what is left (the rest of a root too) to idle time.
    const yielded = (i: number): boolean => {
      if (performance.now() - scanStart <= SLICE_MS) return false;
      pending.push(...roots.slice(i));
      later();
      return true;
    };
    scanning: for (const [i, root] of roots.entries()) {
      if (yielded(i)) break;
      viewer ??= findViewerSlug(root);
      for (const { element, ref, card } of findPersonLinks(root, viewer)) {
        if (yielded(i)) break scanning;
        const key = keyOf(ref);
        if (key === skip || links.get(element)?.key === key) continue;
        const held = card ? byCard.get(card) : undefined;
        if (held?.isConnected) {
          // The card has its person: only the same person's name link, after their photo, moves the dot.
          const entry = links.get(held);
          if (entry?.key !== key || !element.textContent?.trim()) continue;
          entry.dot?.remove();
          links.delete(held);
        }
        const entry: Entry = { key, card };
        if (card) byCard.set(card, element);
        links.set(element, entry);
        fresh++;
        const view = known.get(key);
        if (view !== undefined) {
          if (view) paintDot(element, entry, view);
        } else if (asking.push([element, entry]) === 1) {
          requestIdleCallback(guard('annotate', ask), { timeout: SETTLE_MS });
        }
      }
    }
    performance.measure('vinculo:dots-scan', { start: scanStart, detail: fresh });
  };

  let scanScheduled = false;
  const later = (): void => {
    if (scanScheduled) return;
    scanScheduled = true;
    requestIdleCallback(guard('scan lists', scan), { timeout: SETTLE_MS });
  };
  const onDom = (records: MutationRecord[]): void => {
    for (const record of records) if (record.removedNodes.length > 0) removals = true;
    pending.push(...addedElements(records));
    if (pending.length === 0) return;
    // While the page is parsed, its elements arrive one by one: read them in idle time. Afterwards what
    // LinkedIn adds comes in cards, read at once so known people's dots render with them.
    if (document.readyState !== 'loading') scan();
    else later();
  };
  watchDom(guard('scan lists', onDom), signal);
  // Reached in-page or injected late: what is on screen already is news too.
  if (document.body) {
    pending.push(document.body);
    guard('scan lists', scan)();
  }
  signal.addEventListener('abort', () => {
    for (const entry of links.values()) entry.dot?.remove();
    links.clear();
  });

  return {
    refresh: guard('refresh dots', () => {
      known.clear();
      return lookUpAndPaint([...links.entries()], ready, signal);
    }),
  };
}
