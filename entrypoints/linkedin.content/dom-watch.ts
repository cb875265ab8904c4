// Observe, don't poll: one debounced MutationObserver per feature, stopped by
// its AbortSignal.
export function watchDom(callback: () => void, signal: AbortSignal, delayMs = 0): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const observer = new MutationObserver(() => {
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
