// The dashboard's network health is kept by every write instead of recounted: after any sequence of
// writes, imports, deletions and restores, what it reads equals a count of every row.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { liveQuery } from 'dexie';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { exportBackup, mergeBackup, restoreBackup } from '../../storage/backup';
import { db } from '../../storage/db';
import { values } from '../../storage/domain';
import { importConnections } from '../../storage/import-connections';
import {
  type DeletedPerson,
  deletePerson,
  refreshFromPage,
  restorePerson,
  setStage,
  snoozePerson,
  trackPerson,
  updatePerson,
} from '../../storage/people';
import { type LoggedNote, logNote, undoNote } from '../../storage/quick-note';
import { defaultSettings, type Person, stages, type Touch, touchKinds } from '../../storage/schemas';
import { saveSettings } from '../../storage/settings';
import { networkHealth } from '../../storage/stats';
import { addTouch, deleteTouch, restoreTouch, updateTouch } from '../../storage/touches';
import { parseBackup, type ValidBackup } from '../../utils/files/backup';
import { DAY } from '../../utils/time';
import { seeded } from '../bench/generate';
import { keptRows, recountHealth, recountRows } from './health-recount';

const T0 = Date.UTC(2026, 0, 10, 12);

beforeEach(async () => {
  await db.delete();
  await db.open();
});

async function expectKeptEqualsRecount(now: number, context: string): Promise<void> {
  expect(await networkHealth(now), context).toEqual(await recountHealth(now));
  expect(await keptRows(), context).toEqual(await recountRows());
}

interface World {
  now: number;
  rand: () => number;
  pick<T>(xs: readonly T[]): T;
  slug(): string;
  person(): Promise<Person | undefined>;
  touch(): Promise<Touch | undefined>;
  deletedPeople: DeletedPerson[];
  deletedTouches: Touch[];
  notes: LoggedNote[];
  backups: ValidBackup[];
}

// Mostly within the 26 weeks the chart shows, some older.
const touchAt = (w: World) => w.now - Math.floor(w.rand() * 250 * DAY);
const randomTouch = (w: World) => ({
  at: touchAt(w),
  kind: w.pick(touchKinds),
  initiator: w.pick(['me', 'them'] as const),
  value: w.pick(values),
  note: '',
});

/** Every way the data changes: the repositories, and Dexie used directly as later code might. */
const steps: Record<string, (w: World) => Promise<unknown>> = {
  async track(w) {
    const person = await trackPerson({ slug: w.slug(), name: 'Someone' }, w.now);
    if (w.rand() < 0.6) await setStage(person.slug, w.pick(['acquaintance', 'relationship'] as const), w.now);
  },
  refreshFromPage: (w) =>
    refreshFromPage({ slug: w.slug(), name: 'Someone', headline: `Role ${w.rand()}` }, w.now),
  async quickNote(w) {
    const person = await w.person();
    if (!person) return;
    const patch = w.rand() < 0.5 ? { stage: w.pick(stages), cadenceDays: w.pick([null, 20, 90]) } : undefined;
    const nextStep = w.rand() < 0.5 ? { text: 'Send the deck', dueAt: w.now + 3 * DAY } : undefined;
    w.notes.push(await logNote(person, { touch: randomTouch(w), nextStep, patch }, w.now));
  },
  undoNote: async (w) => {
    const note = w.notes.pop();
    if (note) await undoNote(note);
  },
  async addTouch(w) {
    const person = await w.person();
    if (person) await addTouch({ personId: person.slug, ...randomTouch(w) }, w.now);
  },
  async updateTouch(w) {
    const touch = await w.touch();
    if (touch) await updateTouch(touch.id, { value: w.pick(values), at: touchAt(w) }, w.now);
  },
  async deleteTouch(w) {
    const touch = await w.touch();
    const removed = touch && (await deleteTouch(touch.id, w.now));
    if (removed) w.deletedTouches.push(removed);
  },
  restoreTouch: async (w) => {
    const touch = w.deletedTouches.pop();
    if (touch) await restoreTouch(touch, w.now);
  },
  setStage: (w) => setStage(w.slug(), w.pick(stages), w.now),
  archive: (w) => updatePerson(w.slug(), { stage: 'archived' }, w.now),
  ownCadence: (w) => updatePerson(w.slug(), { cadenceDays: w.pick([null, 8, 45, 200]) }, w.now),
  snooze: (w) => snoozePerson(w.slug(), w.now + Math.floor(w.rand() * 40 * DAY), w.now),
  async deletePerson(w) {
    const removed = await deletePerson(w.slug());
    if (removed) w.deletedPeople.push(removed);
  },
  restorePerson: async (w) => {
    const removed = w.deletedPeople.pop();
    if (removed) await restorePerson(removed);
  },
  importConnections: (w) =>
    importConnections(
      Array.from({ length: 1 + Math.floor(w.rand() * 5) }, (_, i) => ({
        row: i + 5,
        slug: w.slug(),
        name: `Imported ${i}`,
        company: w.rand() < 0.5 ? 'Acme' : undefined,
        connectedOn: T0 - 100 * DAY,
      })),
      w.now,
    ),
  async exportBackup(w) {
    // Raw deletes below can leave touches without their person; such a file is refused, as it should be.
    const parsed = parseBackup(JSON.stringify(await exportBackup(w.now)));
    if (parsed.ok) w.backups.push(parsed.backup);
  },
  restoreBackup: async (w) => {
    if (w.backups.length) await restoreBackup(w.pick(w.backups));
  },
  mergeBackup: async (w) => {
    if (w.backups.length) await mergeBackup(w.pick(w.backups));
  },
  saveSettings: (w) =>
    saveSettings({
      ...defaultSettings,
      cadenceDays: {
        contact: null,
        acquaintance: w.pick([30, 12]),
        relationship: w.pick([60, 150]),
        archived: null,
      },
    }),
  // Dexie used directly: each shape of write a future repository function could make.
  modifyEveryone: () =>
    db.people.toCollection().modify((p) => {
      p.source = p.source === 'import' ? 'manual' : 'import';
    }),
  deleteByIndex: (w) => db.touches.where('value').equals(w.pick(values)).delete(),
  deleteKeyRange: () => db.touches.where(':id').below('2').delete(),
  async samePutTwice(w) {
    const touch = await w.touch();
    if (touch)
      await db.touches.bulkPut([
        { ...touch, value: 'gave' },
        { ...touch, value: w.pick(values), at: touchAt(w) },
      ]);
  },
  async partlyFailingAdd(w) {
    const touch = await w.touch();
    if (!touch) return;
    const fresh = { ...touch, id: crypto.randomUUID(), value: w.pick(values) };
    // A transaction that names only the touches; the caught failure leaves the rest of it standing.
    await db.transaction('rw', db.touches, () => db.touches.bulkAdd([touch, fresh]).catch(() => undefined));
  },
  async abortedWrite(w) {
    const person = await w.person();
    await db
      .transaction('rw', db.people, db.touches, async () => {
        await db.touches.clear();
        if (person) await db.people.put({ ...person, stage: 'relationship', source: 'import' });
        throw new Error('refused half-way');
      })
      .catch(() => undefined);
  },
  bulkDeletePeople: (w) => db.people.bulkDelete([w.slug(), w.slug()]),
};

/** Writes that make people and touches are drawn more often than those that take them away. */
const weights: Record<string, number> = {
  track: 4,
  quickNote: 4,
  addTouch: 6,
  importConnections: 2,
  setStage: 2,
  ownCadence: 2,
};
const deck = Object.keys(steps).flatMap((name) => new Array<string>(weights[name] ?? 1).fill(name));

async function runSequence(seed: number, length: number): Promise<void> {
  const rand = seeded(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const pool = Array.from({ length: 14 }, (_, i) => `person-${i}`);
  const w: World = {
    now: T0,
    rand,
    pick,
    slug: () => pick(pool),
    person: async () => {
      const people = await db.people.toArray();
      return people.length ? pick(people) : undefined;
    },
    touch: async () => {
      const touches = await db.touches.orderBy('id').toArray();
      return touches.length ? pick(touches) : undefined;
    },
    deletedPeople: [],
    deletedTouches: [],
    notes: [],
    backups: [],
  };
  const done: string[] = [];
  for (let i = 0; i < length; i++) {
    w.now += Math.floor(rand() * 3 * DAY);
    const name = pick(deck);
    done.push(name);
    await steps[name]!(w);
    const context = `seed ${seed}, after: ${done.slice(-6).join(' → ')}`;
    await expectKeptEqualsRecount(w.now, context);
    // Seen again some days later, without a write: the clock alone moves people to cooling and cold.
    await expectKeptEqualsRecount(w.now + Math.floor(rand() * 60 * DAY), `${context}, later`);
  }
}

describe('the kept network health', () => {
  for (const seed of [1, 7, 42, 2026]) {
    it(`equals a full recount after every step of a random sequence of writes (seed ${seed})`, async () => {
      await runSequence(seed, 150);
    });
  }

  it('is right at once on an empty database, and after the last person and touch are gone', async () => {
    await expectKeptEqualsRecount(T0, 'empty');
    await trackPerson({ slug: 'ana-garcia', name: 'Ana' }, T0);
    await addTouch({ personId: 'ana-garcia', ...randomTouchAt(T0 - DAY) }, T0);
    expect((await networkHealth(T0)).tracked).toBe(1);
    await deletePerson('ana-garcia');
    expect(await db.healthCounts.count()).toBe(0);
    await expectKeptEqualsRecount(T0, 'emptied');
  });

  it('reaches a live query on the dashboard as soon as a write commits', async () => {
    const seen: number[] = [];
    const subscription = liveQuery(() => networkHealth(T0)).subscribe((h) =>
      seen.push(h.byStage.relationship),
    );
    await vi.waitFor(() => expect(seen).toEqual([0]));
    await trackPerson({ slug: 'ana-garcia', name: 'Ana' }, T0);
    await setStage('ana-garcia', 'relationship', T0);
    await vi.waitFor(() => expect(seen.at(-1)).toBe(1));
    subscription.unsubscribe();
  });

  it('counts a write whose transaction names only the table it writes', async () => {
    await db.transaction('rw', db.people, () =>
      db.people.add({ ...personAt(T0), slug: 'bo-li', stage: 'relationship', source: 'import' }),
    );
    const health = await networkHealth(T0);
    expect(health.byStage.relationship).toBe(1);
    expect(health.imported.relationship).toBe(1);
  });

  it('adds up writes left in flight together in one transaction', async () => {
    const people = (from: number) =>
      [0, 1, 2].map((i) => ({ ...personAt(T0), slug: `p-${from + i}`, source: 'import' as const }));
    await db.transaction('rw', db.people, () =>
      Promise.all([
        db.people.bulkPut(people(0)),
        db.people.bulkPut(people(10)),
        db.people.add(people(20)[0]!),
      ]),
    );
    expect((await networkHealth(T0)).imported.contact).toBe(7);
    await expectKeptEqualsRecount(T0, 'in flight');
    // A clear between them counts in the order IndexedDB ran them.
    await db.transaction('rw', db.people, () =>
      Promise.all([db.people.bulkPut(people(30)), db.people.clear(), db.people.bulkPut(people(40))]),
    );
    expect((await networkHealth(T0)).imported.contact).toBe(3);
    await expectKeptEqualsRecount(T0, 'cleared in flight');
  });

  it('drops the counts of a transaction that aborts with them', async () => {
    await trackPerson({ slug: 'ana-garcia', name: 'Ana' }, T0);
    const before = await keptRows();
    await expect(
      db.transaction('rw', db.people, async () => {
        await db.people.bulkPut([1, 2, 3].map((i) => ({ ...personAt(T0), slug: `p-${i}` })));
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(await keptRows()).toEqual(before);
  });
});

describe('no write passes by the kept counts', () => {
  const sources = ['storage', 'entrypoints', 'components', 'utils'].flatMap((dir) => listSources(dir));

  it('only Dexie writes the database: nothing opens IndexedDB for writing on its own', () => {
    // The bench page is the exception: it seeds through raw IndexedDB and stores the counts itself.
    const raw = sources.filter((file) => {
      const text = readFileSync(file, 'utf8');
      return (
        !file.startsWith('entrypoints/bench/') &&
        /backendDB\(|indexedDB\.open\(|\.objectStore\(/.test(text) &&
        /['"]readwrite['"]/.test(text)
      );
    });
    expect(raw).toEqual([]);
  });

  it('only the counts modules write the counts table', () => {
    const writers = sources.filter(
      (file) =>
        !file.startsWith('entrypoints/bench/') &&
        !file.startsWith('storage/health-counts') &&
        /healthCounts\s*\.\s*(put|add|bulk|delete|clear|update|upsert|toCollection|where)\w*\(/.test(
          readFileSync(file, 'utf8').replace(/db\.healthCounts\s*\.\s*(bulkGet|where\('key'\))/g, ''),
        ),
    );
    expect(writers).toEqual([]);
  });
});

function personAt(now: number): Person {
  return {
    slug: 'x-person',
    name: 'X',
    stage: 'contact',
    tags: [],
    about: '',
    source: 'page',
    createdAt: now,
    updatedAt: now,
    metInPerson: false,
    roleChanges: [],
  };
}

function randomTouchAt(at: number) {
  return { at, kind: 'call' as const, initiator: 'me' as const, value: 'gave' as const, note: '' };
}

function listSources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return listSources(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}
