// Raw IndexedDB on Vínculo's database, run inside the extension's origin (Chromium's service worker,
// a Firefox extension page): both browsers' harnesses send this same function as source.
import { withRoleChangedAt } from '../../../storage/domain';
import { COUNTS_TABLE, countRows, isCounted, tallyRecords } from '../../../storage/health-counts';
import type { Person } from '../../../storage/schemas';

export interface DatabaseOp {
  op: 'put' | 'getAll' | 'clear';
  store: string;
  records?: unknown[];
}

/**
 * Runs one operation once Vínculo has created its database (never creating an empty one itself).
 * Self-contained: it is serialised and evaluated in the browser, so it may use nothing from outside.
 */
export async function databaseOp({ op, store, records = [] }: DatabaseOp): Promise<unknown> {
  const open = (): Promise<IDBDatabase | null> =>
    new Promise((resolve, reject) => {
      const request = indexedDB.open('vinculo');
      request.onupgradeneeded = () => request.transaction?.abort();
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => (request.error?.name === 'AbortError' ? resolve(null) : reject(request.error));
    });
  let db = await open();
  for (let i = 0; !db?.objectStoreNames.contains(store) && i < 100; i++) {
    db?.close();
    await new Promise((r) => setTimeout(r, 50));
    db = await open();
  }
  if (!db) throw new Error('Vínculo never created its database');
  const opened = db;
  const result = await new Promise<unknown>((resolve, reject) => {
    const tx = opened.transaction(store, op === 'getAll' ? 'readonly' : 'readwrite');
    const os = tx.objectStore(store);
    let value: unknown;
    if (op === 'getAll') {
      const request = os.getAll();
      request.onsuccess = () => {
        value = request.result;
      };
    } else if (op === 'clear') os.clear();
    else for (const r of records) os.put(r);
    tx.oncomplete = () => resolve(value);
    tx.onerror = () => reject(tx.error);
  });
  opened.close();
  return result;
}

type Database = (op: DatabaseOp) => Promise<unknown>;

/**
 * `database` with what Vínculo derives in every write kept: raw writes pass by the middlewares that
 * keep it (storage/health-counts-middleware.ts, storage/role-changed-at-middleware.ts), so people are
 * put with their `roleChangedAt`, and after a raw put or clear of people or touches the health counts
 * are counted again from every row, by the app's own rules, as the v5 upgrade does.
 */
export function withDerivedKept(database: Database): Database {
  return async (given) => {
    const op =
      given.op === 'put' && given.store === 'people'
        ? { ...given, records: (given.records as Person[] | undefined)?.map(withRoleChangedAt) }
        : given;
    const result = await database(op);
    if (op.op === 'getAll' || !isCounted(op.store)) return result;
    const [people, touches] = await Promise.all([
      database({ op: 'getAll', store: 'people' }),
      database({ op: 'getAll', store: 'touches' }),
    ]);
    const tally = tallyRecords('touches', touches as unknown[], tallyRecords('people', people as unknown[]));
    await database({ op: 'clear', store: COUNTS_TABLE });
    await database({ op: 'put', store: COUNTS_TABLE, records: countRows(tally) });
    return result;
  };
}
