// Dexie liveQuery for Preact: the value re-renders whenever the rows it read change,
// in this page or any other extension page.
import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';

/** `initial`, when the page already read it, is shown until the query's own first answer. */
export function useLiveQuery<T>(query: () => Promise<T>, deps: unknown[], initial?: T): T | undefined {
  const [value, setValue] = useState<T | undefined>(initial);
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({
      next: setValue,
      error: (error) => console.error('[vinculo] live query failed', error),
    });
    return () => subscription.unsubscribe();
  }, deps);
  return value;
}
