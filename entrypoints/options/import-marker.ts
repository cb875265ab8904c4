// Imports are one transaction each: a tab closed halfway keeps none of the file. So that the user
// learns it when they come back, a running import leaves a marker in storage.local with a heartbeat;
// a marker whose heartbeat stopped is an import that did not finish.
import { browser } from 'wxt/browser';

const KEY = 'import:running';
const BEAT_MS = 1000;
/** A marker older than this with no heartbeat belongs to a tab that is gone. */
const STALE_MS = 5000;

export interface ImportMarker {
  file: string;
  rows: number;
  startedAt: number;
  beat: number;
}

/** Marks an import as running until the returned function is called (it finished, or failed on screen). */
export function markImportRunning(file: string, rows: number): () => Promise<void> {
  const marker: ImportMarker = { file, rows, startedAt: Date.now(), beat: Date.now() };
  const write = () => browser.storage.local.set({ [KEY]: { ...marker, beat: Date.now() } });
  write().catch((error) => console.error('[vinculo] import marker', error));
  const timer = setInterval(() => void write().catch(() => undefined), BEAT_MS);
  return async () => {
    clearInterval(timer);
    await browser.storage.local.remove(KEY);
  };
}

/**
 * The import a closed tab left unfinished, once its heartbeat has stopped; null if there is none. An
 * import still beating (another dashboard tab, or one closed a moment ago) is looked at again later.
 */
export async function unfinishedImport(signal: AbortSignal): Promise<ImportMarker | null> {
  for (;;) {
    const marker = (await browser.storage.local.get(KEY))[KEY] as ImportMarker | undefined;
    if (!marker || signal.aborted) return null;
    const age = Date.now() - marker.beat;
    if (age > STALE_MS) return marker;
    await new Promise((resolve) => setTimeout(resolve, STALE_MS - age + 100));
  }
}

export function forgetUnfinishedImport(): Promise<void> {
  return browser.storage.local.remove(KEY);
}
