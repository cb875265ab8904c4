// Errors a person can act on, told apart from the rest so the message can say what to do.

/** A write refused because the browser's storage is full (IndexedDB or storage.local; Dexie wraps it). */
export function isStorageFull(error: unknown): boolean {
  for (let e = error as { name?: unknown; inner?: unknown } | null | undefined; e; e = e.inner as typeof e) {
    if (e.name === 'QuotaExceededError') return true;
  }
  return false;
}
