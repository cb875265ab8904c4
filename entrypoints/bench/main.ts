// Benchmark page, built only by `npm run bench`: exposes timed operations to
// the Playwright bench runner, in the extension's origin and real Chromium.
import { db } from '../../storage/db';
import { countRows, recountInto, type Tally, tallyRecords } from '../../storage/health-counts';
import { importConnections } from '../../storage/import-connections';
import { sendMessage } from '../../storage/messaging';
import { networkHealth } from '../../storage/stats';
import { readPruneList, readSuggestions } from '../../storage/suggestions';
import { makeCoachData } from '../../tests/bench/coach-data';
import { coachFullScan, pruneKey, sectionKey } from '../../tests/bench/coach-full-scan';
import { makeNextSteps, makePeople, makeTouches, slugAt } from '../../tests/bench/generate';
import { parseConnectionsCsv } from '../../utils/files/connections';

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
  /**
   * Seeds people (+ touches per person for the first `touchPeople`) quickly through raw IndexedDB.
   * Raw writes pass by the middleware that keeps the health counts, so the seed counts what it writes
   * the way the v5 upgrade does (health-counts.ts) and stores the counts itself.
   */
  async seed(people: number, touchPeople = 0, perPerson = 0, steps = 0): Promise<number> {
    await db.open();
    await clearAll();
    return timed(async () => {
      const all = makePeople(people, NOW);
      const tally: Tally = tallyRecords('people', all);
      for (let i = 0; i < all.length; i += 20_000) await rawPut('people', all.slice(i, i + 20_000));
      const batch = 5000;
      for (let start = 0; start < touchPeople; start += batch) {
        const count = Math.min(batch, touchPeople - start);
        const touches = makeTouches(start, start + count, perPerson, NOW);
        tallyRecords('touches', touches, tally);
        await rawPut('touches', touches);
      }
      await db.healthCounts.bulkPut(countRows(tally));
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
  /** The network health as the dashboard reads it: the kept counts and the dueAt ranges. */
  readHealth(): Promise<number> {
    return timed(() => networkHealth(Date.now()));
  },
  /** For comparison: the health counts recounted from every person and touch (the v5 upgrade). */
  recountHealth(): Promise<number> {
    return timed(() =>
      db.transaction('rw', db.people, db.touches, db.healthCounts, () =>
        recountInto({ people: db.people, touches: db.touches, counts: db.healthCounts }),
      ),
    );
  },
  /** Makes sure one named person is tracked (an acquaintance touched 12 days ago). */
  async seedPerson(slug: string, name: string): Promise<void> {
    const [person] = makePeople(1, NOW);
    await db.people.put({
      ...person!,
      slug,
      name,
      stage: 'acquaintance',
      lastTouchAt: NOW - 12 * 86_400_000,
    });
  },
  /** A LinkedIn-format Connections.csv of n rows, parsed and merged into an empty database. */
  async importCsv(n: number): Promise<{ ms: number; imported: number }> {
    await db.open();
    await clearAll();
    const csv = connectionsCsv(n);
    let imported = 0;
    const ms = await timed(async () => {
      const parsed = await parseConnectionsCsv(csv);
      if (!parsed.ok) throw new Error(parsed.problem.code);
      imported = (await importConnections(parsed.rows)).imported;
    });
    return { ms, imported };
  },
  /** The same n people written straight to IndexedDB in one transaction: the floor for the import. */
  async rawImportWrite(n: number): Promise<number> {
    await db.open();
    await clearAll();
    const people = makePeople(n, NOW).map((p) => ({ ...p, stage: 'contact', source: 'import' }));
    return timed(() => rawPut('people', people));
  },
  /**
   * The coach's network (tests/bench/coach-data.ts): `people` people, exactly `touches` touches, one
   * person in twelve with a dismissal; `justImported` makes everyone updated two days ago.
   */
  async seedCoach(people: number, touches: number, justImported = false): Promise<number> {
    await db.open();
    await clearAll();
    return timed(async () => {
      const data = makeCoachData({ people, touches, now: NOW, justImported });
      const tally: Tally = tallyRecords('people', data.people);
      tallyRecords('touches', data.touches, tally);
      for (let i = 0; i < data.people.length; i += 20_000)
        await rawPut('people', data.people.slice(i, i + 20_000));
      for (let i = 0; i < data.touches.length; i += 20_000)
        await rawPut('touches', data.touches.slice(i, i + 20_000));
      await db.healthCounts.bulkPut(countRows(tally));
    });
  },
  /** The Suggestions section's data as the dashboard reads it (storage/suggestions.ts). */
  async suggestions(): Promise<{ ms: number; answer: string; people: number; timelines: number }> {
    const trace = { people: 0, timelines: 0 };
    let answer = '';
    const ms = await timed(async () => {
      answer = sectionKey(await readSuggestions(NOW, { trace }));
    });
    return { ms, answer, ...trace };
  },
  /** The prune list: its count and first 20. */
  async pruneList(): Promise<{ ms: number; answer: string; people: number }> {
    const trace = { people: 0, timelines: 0 };
    let answer = '';
    const ms = await timed(async () => {
      answer = pruneKey(await readPruneList(NOW, { trace }));
    });
    return { ms, answer, people: trace.people };
  },
  /** Both answers from every person and every touch. */
  async suggestionsFullScan(): Promise<{ ms: number; answer: string; prune: string }> {
    let answer = '';
    let prune = '';
    const ms = await timed(async () => {
      const full = await coachFullScan(NOW);
      answer = sectionKey(full.suggestions);
      prune = pruneKey(full.prune);
    });
    return { ms, answer, prune };
  },
  slugAt,
};

function connectionsCsv(n: number): string {
  const lines = [
    'Notes:',
    '"When exporting your connection data, you may notice that some of the email addresses are missing."',
    '',
    'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
  ];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  for (let i = 0; i < n; i++) {
    lines.push(
      `First${i},"Last ${i}, Jr",https://www.linkedin.com/in/${slugAt(i)},,Company ${i % 503},"Engineer, ""Platform"" ${i % 97}",${(i % 28) + 1} ${months[i % 12]} ${2015 + (i % 10)}`,
    );
  }
  return lines.join('\n');
}

Object.assign(globalThis, { vinculoBench: bench });
export type VinculoBench = typeof bench;
