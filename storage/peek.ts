// A read-only glance at the database without loading Dexie or Zod: what the popup needs to paint
// the quick note at once (the person and the language). Everything else — and every write — goes
// through the repositories once they have loaded.
import { DB_NAME, SETTINGS_KEY } from './domain';
import type { Person } from './schemas';

/** Opens the database as it is; null when it does not exist yet (nothing is created here). */
function openExisting(): Promise<IDBDatabase | null> {
  return new Promise((resolve) => {
    const request = indexedDB.open(DB_NAME);
    // Only a missing database upgrades from nothing: leave creating it to Dexie's schema.
    request.onupgradeneeded = () => request.transaction?.abort();
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => resolve(null);
    request.onblocked = () => resolve(null);
  });
}

function get<T>(db: IDBDatabase, store: string, key: string): Promise<T | undefined> {
  return new Promise((resolve) => {
    if (!db.objectStoreNames.contains(store)) return resolve(undefined);
    const request = db.transaction(store, 'readonly').objectStore(store).get(key);
    request.onsuccess = () => resolve(request.result as T | undefined);
    request.onerror = () => resolve(undefined);
  });
}

export interface Peek {
  person?: Person;
  language?: 'en' | 'es';
}

/** The person stored under `slug` and the language the user chose, as stored; nothing when unreadable. */
export async function peek(slug?: string): Promise<Peek> {
  const db = await openExisting();
  if (!db) return {};
  try {
    const [person, settings] = await Promise.all([
      slug ? get<Person>(db, 'people', slug) : undefined,
      get<{ value?: { language?: unknown } }>(db, 'settings', SETTINGS_KEY),
    ]);
    const language = settings?.value?.language;
    return {
      person: person && person.slug === slug && typeof person.name === 'string' ? person : undefined,
      language: language === 'en' || language === 'es' ? language : undefined,
    };
  } finally {
    db.close();
  }
}
