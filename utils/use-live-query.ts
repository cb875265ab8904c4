// Dexie liveQuery for Preact: the value re-renders whenever the rows it read change,
// in this page or any other extension page.
import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';

export function useLiveQuery<T>(query: () => Promise<T>, deps: unknown[]): T | undefined {
  const [value, setValue] = useState<T>();
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({
      next: setValue,
      error: (error) => console.error('[vinculo] live query failed', error),
    });
    return () => subscription.unsubscribe();
  }, deps);
  return value;
}
