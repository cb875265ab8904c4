// Each schema upgrade: open the previous version with data, upgrade, check every row.
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import {
  DB_NAME,
  db,
  openDb,
  schemaV1,
  schemaV2,
  schemaV3,
  schemaV4,
  schemaV5,
  schemaV6,
} from '../../storage/db';
import { networkHealth } from '../../storage/stats';
import { addTouch } from '../../storage/touches';
import { DAY } from '../../utils/time';
import { keptRows, recountHealth, recountRows } from './health-recount';

describe('version 1 → 2', () => {
  it('keeps every person, touch, step and setting, and derives the new fields', async () => {
    const name = `vinculo-migration-${crypto.randomUUID()}`;
    const v1 = new Dexie(name);
    v1.version(1).stores(schemaV1);
    const people = Array.from({ length: 50 }, (_, i) => ({
      slug: `person-${i}`,
      name: `Person ${i}`,
      stage: 'acquaintance',
      tags: [],
      about: '',
      source: 'import',
      createdAt: 1_700_000_000_000,
      updatedAt: 1_700_000_000_000,
      dueAt: 1_700_000_000_000 + i,
    }));
    await v1.table('people').bulkAdd(people);
    await v1.table('touches').bulkAdd([
      {
        id: 't1',
        personId: 'person-3',
        at: 1_700_000_000_001,
        kind: 'inPerson',
        initiator: 'me',
        value: 'both',
        note: 'x',
      },
      {
        id: 't2',
        personId: 'person-4',
        at: 1_700_000_000_002,
        kind: 'message',
        initiator: 'them',
        value: 'none',
        note: '',
      },
    ]);
    await v1
      .table('nextSteps')
      .add({ id: 's1', personId: 'person-4', text: 'Coffee', createdAt: 1_700_000_000_000 });
    await v1.table('settings').add({ key: 'settings', value: { reminderHour: 8 } });
    v1.close();

    const v2 = openDb(name);
    const upgraded = await v2.people.orderBy('slug').toArray();
    expect(upgraded).toHaveLength(50);
    for (const p of upgraded) {
      const before = people.find((q) => q.slug === p.slug)!;
      expect(p).toEqual({ ...before, roleChanges: [], metInPerson: p.slug === 'person-3' });
    }
    expect(await v2.touches.count()).toBe(2);
    expect(await v2.nextSteps.get('s1')).toMatchObject({ text: 'Coffee' });
    expect(await v2.settings.get('settings')).toEqual({ key: 'settings', value: { reminderHour: 8 } });
    expect(await v2.people.where('memberId').equals('x').count()).toBe(0);
    // Upgrading on to the latest version counts them, though version 2 rewrote them before the counts existed.
    expect(await v2.healthCounts.get('people/stage/acquaintance')).toEqual({
      key: 'people/stage/acquaintance',
      n: 50,
    });
    v2.close();
  });
});

describe('version 2 → 3', () => {
  it('keeps every row and builds the digest indexes from them', async () => {
    const name = `vinculo-migration-${crypto.randomUUID()}`;
    const v2 = new Dexie(name);
    v2.version(1).stores(schemaV1);
    v2.version(2).stores(schemaV2);
    const base = {
      tags: [],
      about: '',
      source: 'page',
      createdAt: 1,
      updatedAt: 1,
      metInPerson: false,
      roleChanges: [],
    };
    const people = [
      { ...base, slug: 'ana-garcia', name: 'Ana', stage: 'acquaintance', dueAt: 100 },
      { ...base, slug: 'bo-li', name: 'Bo', stage: 'acquaintance', dueAt: 50, cadenceDays: 7 },
      { ...base, slug: 'carla-ruiz', name: 'Carla', stage: 'contact' },
    ];
    await v2.table('people').bulkAdd(people);
    v2.close();

    const v3 = openDb(name);
    expect(await v3.people.orderBy('slug').toArray()).toEqual(people);
    const due = await v3.people
      .where('[stage+dueAt]')
      .between(['acquaintance', 0], ['acquaintance', 1000])
      .toArray();
    expect(due.map((p) => p.slug)).toEqual(['bo-li', 'ana-garcia']);
    expect(await v3.people.where('cadenceDays').above(0).primaryKeys()).toEqual(['bo-li']);
    v3.close();
  });
});

describe('version 3 → 4', () => {
  it('keeps every step and indexes only the open ones with a due date', async () => {
    const name = `vinculo-migration-${crypto.randomUUID()}`;
    const v3 = new Dexie(name);
    v3.version(1).stores(schemaV1);
    v3.version(2).stores(schemaV2);
    v3.version(3).stores(schemaV3);
    const steps = [
      { id: 's-open', personId: 'ana-garcia', text: 'Send the deck', dueAt: 100, createdAt: 1 },
      { id: 's-done', personId: 'ana-garcia', text: 'Call', dueAt: 50, doneAt: 60, createdAt: 1 },
      { id: 's-undated', personId: 'bo-li', text: 'Say hello', createdAt: 1 },
    ];
    await v3.table('nextSteps').bulkAdd(steps);
    v3.close();

    const v4 = openDb(name);
    const stored = await v4.nextSteps.orderBy('id').toArray();
    expect(stored).toEqual([steps[1], { ...steps[0], openDueAt: 100 }, steps[2]]);
    expect(await v4.nextSteps.where('openDueAt').belowOrEqual(1000).primaryKeys()).toEqual(['s-open']);
    v4.close();
  });
});

describe('version 4 → 5', () => {
  it('keeps every row, starts the health counts from them, and drops the cached health', async () => {
    const now = Date.UTC(2026, 0, 10, 12);
    db.close();
    await Dexie.delete(DB_NAME);
    const v4 = new Dexie(DB_NAME);
    v4.version(1).stores(schemaV1);
    v4.version(2).stores(schemaV2);
    v4.version(3).stores(schemaV3);
    v4.version(4).stores(schemaV4);
    const stages = ['contact', 'acquaintance', 'relationship', 'archived'] as const;
    const people = Array.from({ length: 40 }, (_, i) => {
      const stage = stages[i % 4]!;
      const lastTouchAt = now - (i % 9) * 7 * DAY;
      const cadence =
        i % 10 === 0 ? 20 : stage === 'acquaintance' ? 30 : stage === 'relationship' ? 60 : null;
      return {
        slug: `person-${i}`,
        name: `Person ${i}`,
        stage,
        tags: [],
        about: '',
        source: i % 3 ? 'import' : 'page',
        createdAt: now - 400 * DAY,
        updatedAt: now - DAY,
        lastTouchAt,
        metInPerson: false,
        roleChanges: [],
        ...(i % 10 === 0 && { cadenceDays: 20 }),
        ...(cadence !== null && { dueAt: lastTouchAt + cadence * DAY }),
      };
    });
    const values = ['gave', 'received', 'both', 'none'] as const;
    const touches = Array.from({ length: 120 }, (_, i) => ({
      id: `t-${i}`,
      personId: `person-${i % 40}`,
      at: now - i * 3 * DAY - i * 1000,
      kind: 'message',
      initiator: i % 2 ? 'me' : 'them',
      value: values[i % 4]!,
      note: '',
      createdAt: now - i * DAY,
    }));
    const steps = [
      { id: 's1', personId: 'person-1', text: 'Coffee', dueAt: now, openDueAt: now, createdAt: now },
    ];
    const settings = [
      {
        key: 'settings',
        value: { cadenceDays: { contact: null, acquaintance: 30, relationship: 60, archived: null } },
      },
      { key: 'reminders', value: {} },
    ];
    await v4.table('people').bulkAdd(people);
    await v4.table('touches').bulkAdd(touches);
    await v4.table('nextSteps').bulkAdd(steps);
    await v4
      .table('settings')
      .bulkAdd([...settings, { key: 'health', value: { computedAt: now, health: {} } }]);
    v4.close();

    await db.open();
    expect(db.verno).toBe(7);
    expect(await db.people.orderBy('slug').toArray()).toEqual(
      [...people].sort((a, b) => a.slug.localeCompare(b.slug)),
    );
    expect(await db.touches.orderBy('id').toArray()).toEqual(
      [...touches].sort((a, b) => a.id.localeCompare(b.id)),
    );
    expect(await db.nextSteps.toArray()).toEqual(steps);
    expect(await db.settings.orderBy('key').toArray()).toEqual([settings[1], settings[0]]);
    expect(await keptRows()).toEqual(await recountRows());
    const health = await networkHealth(now);
    expect(health).toEqual(await recountHealth(now));
    expect(health.tracked).toBe(40);
    expect(health.temperature.cold + health.temperature.cooling).toBeGreaterThan(0);

    // From here on the writes keep the counts.
    await addTouch(
      { personId: 'person-2', at: now, kind: 'call', initiator: 'me', value: 'gave', note: '' },
      now,
    );
    expect(await networkHealth(now)).toEqual(await recountHealth(now));
  });
});

describe('version 5 → 6', () => {
  it('keeps every person and starts the connection counts from them', async () => {
    const now = Date.UTC(2026, 2, 1, 12);
    await db.delete();
    const v5 = new Dexie(DB_NAME);
    v5.version(5).stores(schemaV5);
    const stages = ['contact', 'acquaintance', 'relationship', 'archived'] as const;
    const people = Array.from({ length: 24 }, (_, i) => ({
      slug: `person-${i}`,
      name: `Person ${i}`,
      stage: stages[i % 4]!,
      tags: [],
      about: '',
      source: i % 3 ? 'import' : 'page',
      createdAt: now - 100 * DAY,
      updatedAt: now - DAY,
      metInPerson: false,
      roleChanges: [],
      ...(i % 5 === 0 && { connectedOn: now - 300 * DAY }),
      ...(i % 2 === 0 && { triagedAt: now - 2 * DAY }),
    }));
    await v5.table('people').bulkAdd(people);
    // Version 5 kept only the stage counts.
    await v5.table('healthCounts').bulkAdd([{ key: 'people/stage/contact', n: 6 }]);
    v5.close();

    await db.open();
    expect(db.verno).toBe(7);
    expect(await db.people.orderBy('slug').toArray()).toEqual(
      [...people].sort((a, b) => a.slug.localeCompare(b.slug)),
    );
    expect(await keptRows()).toEqual(await recountRows());
    const { known } = await networkHealth(now);
    expect(known).toEqual((await recountHealth(now)).known);
    expect(known.connections).toBeGreaterThan(known.known);
    expect(known.known).toBeGreaterThan(0);
  });
});

describe('version 6 → 7', () => {
  it('keeps every person and indexes each one by their newest role change', async () => {
    const now = Date.UTC(2026, 5, 1, 12);
    await db.delete();
    const v6 = new Dexie(DB_NAME);
    v6.version(6).stores(schemaV6);
    const change = (daysAgo: number, company: string) => ({ at: now - daysAgo * DAY, company });
    const people = Array.from({ length: 12 }, (_, i) => ({
      slug: `person-${i}`,
      name: `Person ${i}`,
      stage: 'acquaintance',
      tags: [],
      about: '',
      source: 'page',
      createdAt: now - 400 * DAY,
      // Visited or imported lately, whatever their role changes say.
      updatedAt: now - DAY,
      metInPerson: false,
      // Newest first or last: the index takes the newest, not the last in the list.
      roleChanges:
        i % 3 === 0
          ? []
          : i % 3 === 1
            ? [change(i, 'Acme'), change(200, 'Old')]
            : [change(300, 'Old'), change(i * 10, 'Acme')],
    }));
    await v6.table('people').bulkAdd(people);
    v6.close();

    await db.open();
    expect(db.verno).toBe(7);
    const newest = (p: (typeof people)[number]) =>
      p.roleChanges.length ? Math.max(...p.roleChanges.map((r) => r.at)) : undefined;
    const stored = await db.people.orderBy('slug').toArray();
    expect(stored).toEqual(
      [...people]
        .sort((a, b) => a.slug.localeCompare(b.slug))
        .map((p) => (newest(p) === undefined ? p : { ...p, roleChangedAt: newest(p) })),
    );
    // The coach's range: changes of the last 31 days, newest first; people without one are not in it.
    const recent = await db.people
      .where('roleChangedAt')
      .above(now - 31 * DAY)
      .reverse()
      .primaryKeys();
    const expected = people
      .filter((p) => (newest(p) ?? Number.NEGATIVE_INFINITY) > now - 31 * DAY)
      .sort((a, b) => newest(b)! - newest(a)!)
      .map((p) => p.slug);
    expect(recent).toEqual(expected);
    expect(expected.length).toBeGreaterThan(3);
  });

  it('keeps the index right through every later write of a person', async () => {
    await db.delete();
    await db.open();
    const now = Date.UTC(2026, 5, 1, 12);
    const person = {
      slug: 'ada',
      name: 'Ada',
      stage: 'acquaintance' as const,
      tags: [],
      about: '',
      source: 'page' as const,
      createdAt: now,
      updatedAt: now,
      metInPerson: false,
      roleChanges: [],
    };
    await db.people.add(person);
    expect((await db.people.get('ada'))?.roleChangedAt).toBeUndefined();
    await db.people.update('ada', { roleChanges: [{ at: now - DAY, company: 'Acme' }] });
    expect((await db.people.get('ada'))?.roleChangedAt).toBe(now - DAY);
    // A stale or forged value is never kept.
    await db.people.put({
      ...person,
      roleChangedAt: now + 99 * DAY,
      roleChanges: [{ at: now, company: 'B' }],
    });
    expect((await db.people.get('ada'))?.roleChangedAt).toBe(now);
    await db.people.toCollection().modify((p) => {
      p.roleChanges = [];
    });
    expect((await db.people.get('ada'))?.roleChangedAt).toBeUndefined();
    expect(await db.people.where('roleChangedAt').above(0).count()).toBe(0);
  });
});
