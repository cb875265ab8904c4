// Benchmark page, built only by `npm run bench`: exposes timed operations to
// the Playwright bench runner, in the extension's origin and real Chromium.
import { db } from '../../storage/db';
import { makeNextSteps, makePeople, makeTouches, slugAt } from '../../tests/bench/generate';
import { sendMessage } from '../../utils/messaging';

const NOW = Date.now();

async function clearAll(): Promise<void> {
  await db.transaction('rw', db.people, db.touches, db.nextSteps, async () => {
    await Promise.all([db.people.clear(), db.touches.clear(), db.nextSteps.clear()]);
  });
}

/** Raw IndexedDB: every record put in one readwrite transaction. */
function rawPut(store: 'people' | 'touches', records: object[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const tx = db.backendDB().transaction(store, 'readwrite');
    const os = tx.objectStore(store);
    for (const r of records) os.put(r);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

const bench = {
  async clear(): Promise<void> {
    await db.open();
    await clearAll();
  },
  /** Seeds people (+ touches per person for the first `touchPeople`) quickly through raw IndexedDB. */
  async seed(people: number, touchPeople = 0, perPerson = 0, steps = 0): Promise<number> {
    await db.open();
    await clearAll();
    return timed(async () => {
      const all = makePeople(people, NOW);
      for (let i = 0; i < all.length; i += 20_000) await rawPut('people', all.slice(i, i + 20_000));
      const batch = 5000;
      for (let start = 0; start < touchPeople; start += batch) {
        const count = Math.min(batch, touchPeople - start);
        await rawPut('touches', makeTouches(start, start + count, perPerson, NOW));
      }
      if (steps) await db.nextSteps.bulkPut(makeNextSteps(steps, NOW));
    });
  },
  async dexieBulkPut(n: number): Promise<number> {
    await db.open();
    await db.people.clear();
    const people = makePeople(n, NOW);
    return timed(() => db.people.bulkPut(people));
  },
  async rawBulkPut(n: number): Promise<number> {
    await db.open();
    await db.people.clear();
    const people = makePeople(n, NOW);
    return timed(() => rawPut('people', people));
  },
  /** One batched lookup of `n` slugs (half tracked) through the message protocol. */
  async lookup(n: number, total: number): Promise<number> {
    const slugs = Array.from({ length: n }, (_, i) =>
      i % 2 ? slugAt((i * 37) % total) : `untracked-person-${i}`,
    );
    return timed(() => sendMessage('lookup', { slugs, memberIds: [] }));
  },
  slugAt,
};

Object.assign(globalThis, { vinculoBench: bench });
export type VinculoBench = typeof bench;
