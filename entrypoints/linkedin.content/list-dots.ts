// Feature: a compact `vinculo-dot` beside each tracked person wherever people
// are listed (search, My Network, feed, messaging, profile sidebars). One
// batched lookup per change; untracked people get nothing.
import { dotCss } from '../../components/guest-styles';
import { t } from '../../utils/i18n';
import { findPersonLinks } from '../../utils/linkedin/person-links';
import { findViewerSlug } from '../../utils/linkedin/viewer';
import { sendMessage } from '../../utils/messaging';
import { describeView, type PersonView } from '../../utils/person-view';
import { isMemberId, type ProfileRef } from '../../utils/slug';
import { guard, watchDom } from './dom-watch';
import { createShadowHost } from './shadow-host';

/** Lazily loaded lists arrive in bursts: annotate once the burst settles. */
const SETTLE_MS = 120;

const keyOf = (ref: ProfileRef): string => (ref.kind === 'slug' ? ref.slug : ref.memberId);

/** A person link on screen: who it names (slug or member id) and its dot, once they are known to be tracked. */
interface Entry {
  key: string;
  dot?: HTMLElement;
}

export interface ListDotsHandle {
  /** Re-asks about every person on screen (after people changed). */
  refresh(): void;
}

/** Annotates person links until `signal` aborts; `skipSlug` is the profile the badge already covers. */
export function annotateLists(signal: AbortSignal, skipSlug: () => string | null): ListDotsHandle {
  const links = new Map<HTMLAnchorElement, Entry>();
  let viewer: string | null | undefined;

  const paintDot = (link: HTMLAnchorElement, entry: Entry, view?: PersonView): void => {
    if (!view) {
      entry.dot?.remove();
      delete entry.dot;
      return;
    }
    const words = describeView(view, Date.now(), t);
    if (!entry.dot) {
      const { host, root } = createShadowHost('vinculo-dot', dotCss);
      root.append(document.createElement('span'));
      host.setAttribute('role', 'img');
      entry.dot = host;
    }
    const mark = entry.dot.shadowRoot?.lastChild as HTMLSpanElement; // after any fallback <style>
    mark.className = view.temperature ?? '';
    // The stage's initial (Acquaintance and Archived share one: archived people get a dash).
    mark.textContent = view.stage === 'archived' ? '–' : words.stage.charAt(0);
    entry.dot.setAttribute('aria-label', t('dot_label', view.name, words.label));
    entry.dot.title = words.label;
    if (entry.dot.previousElementSibling !== link) link.after(entry.dot);
  };

  const annotate = async (entries: [HTMLAnchorElement, Entry][]): Promise<void> => {
    if (entries.length === 0) return;
    const slugs = new Set<string>();
    const memberIds = new Set<string>();
    for (const [, { key }] of entries) (isMemberId(key) ? memberIds : slugs).add(key);
    // The bench reads these marks: one lookup per change, and the main-thread time around it.
    performance.mark('vinculo:lookup');
    const views = await sendMessage('lookup', { slugs: [...slugs], memberIds: [...memberIds] });
    if (signal.aborted) return;
    const paintStart = performance.now();
    const byKey = new Map<string, PersonView>();
    for (const view of views) {
      byKey.set(view.slug, view);
      if (view.memberId) byKey.set(view.memberId, view);
    }
    for (const [link, entry] of entries) paintDot(link, entry, byKey.get(entry.key));
    performance.measure('vinculo:dots-paint', { start: paintStart, detail: entries.length });
  };

  const scan = (): void => {
    const scanStart = performance.now();
    viewer ??= findViewerSlug(document);
    const skip = skipSlug();
    const fresh: [HTMLAnchorElement, Entry][] = [];
    for (const link of links.keys()) if (!link.isConnected) links.delete(link);
    for (const { element, ref } of findPersonLinks(document, viewer)) {
      if (links.has(element)) continue;
      const key = keyOf(ref);
      if (key === skip) continue;
      const entry = { key };
      links.set(element, entry);
      fresh.push([element, entry]);
    }
    performance.measure('vinculo:dots-scan', { start: scanStart, detail: fresh.length });
    if (fresh.length === 0) return;
    guard('annotate', annotate)(fresh);
  };

  watchDom(guard('scan lists', scan), signal, SETTLE_MS);
  guard('scan lists', scan)();
  signal.addEventListener('abort', () => {
    for (const entry of links.values()) entry.dot?.remove();
    links.clear();
  });

  return { refresh: guard('refresh dots', () => annotate([...links.entries()])) };
}
