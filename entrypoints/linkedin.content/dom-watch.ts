// Observe, don't poll: one MutationObserver per feature, stopped by its AbortSignal. Features are told
// what LinkedIn changed (the mutation records), so they look at what was added, never at the whole page.

/**
 * Calls `callback` with LinkedIn's changes as soon as they are made, in the microtask after them: before
 * the browser renders, so what Vínculo adds appears in the frame LinkedIn's content does. Observes the
 * document itself, so it works from `document_start`, before there is a root element.
 */
export function watchDom(callback: (records: MutationRecord[]) => void, signal: AbortSignal): void {
  const observer = new MutationObserver((records) => {
    if (signal.aborted) return;
    const news = records.filter((record) => !isVinculos(record));
    if (news.length > 0) callback(news);
  });
  observer.observe(document, { childList: true, subtree: true });
  signal.addEventListener('abort', () => observer.disconnect());
}

/** Vínculo adding its own badge or dots is not news about LinkedIn's page. */
const isVinculos = (record: MutationRecord): boolean =>
  record.removedNodes.length === 0 &&
  [...record.addedNodes].every((node) => node.nodeName.startsWith('VINCULO-'));

/** Elements LinkedIn added, outermost only as the records list them (children of added nodes are inside). */
export function addedElements(records: MutationRecord[]): Element[] {
  const added: Element[] = [];
  for (const record of records) {
    for (const node of record.addedNodes) {
      if (node.nodeType === 1 && !node.nodeName.startsWith('VINCULO-')) added.push(node as Element);
    }
  }
  return added;
}

/** Runs a callback, logging instead of throwing into LinkedIn's page. */
export function guard<A extends unknown[]>(what: string, fn: (...args: A) => unknown): (...args: A) => void {
  return (...args) => {
    try {
      const result = fn(...args);
      if (result instanceof Promise) result.catch((error) => console.error(`[vinculo] ${what}`, error));
    } catch (error) {
      console.error(`[vinculo] ${what}`, error);
    }
  };
}
