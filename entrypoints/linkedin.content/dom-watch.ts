// Observe, don't poll: one MutationObserver per feature, stopped by its AbortSignal.

/**
 * Calls `callback` after the DOM changes. With `delayMs`, bursts of changes settle first (one call per
 * burst); without it, the call comes as soon as the change is made, before the browser renders it.
 */
export function watchDom(callback: () => void, signal: AbortSignal, delayMs?: number): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const observer = new MutationObserver((records) => {
    if (signal.aborted || records.every(isVinculos)) return;
    if (delayMs === undefined) return callback();
    if (timer !== undefined) return;
    timer = setTimeout(() => {
      timer = undefined;
      if (!signal.aborted) callback();
    }, delayMs);
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
  signal.addEventListener('abort', () => {
    observer.disconnect();
    clearTimeout(timer);
  });
}

/** Vínculo adding its own badge or dots is not news about LinkedIn's page. */
const isVinculos = (record: MutationRecord): boolean =>
  record.removedNodes.length === 0 &&
  [...record.addedNodes].every((node) => node.nodeName.startsWith('VINCULO-'));

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
