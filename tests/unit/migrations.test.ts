// Each schema upgrade: open the previous version with data, upgrade, check every row.
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { openDb, schemaV1 } from '../../storage/db';

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
    v2.close();
  });
});
