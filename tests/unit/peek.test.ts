// The popup's first paint reads the person and the language without Dexie: it must agree with what
// the repositories stored, and never create or change the database.
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../storage/db';
import { DB_NAME } from '../../storage/domain';
import { peek } from '../../storage/peek';
import { trackPerson } from '../../storage/people';
import { defaultSettings } from '../../storage/schemas';
import { saveSettings } from '../../storage/settings';

const T0 = Date.UTC(2026, 0, 10, 12);

beforeEach(async () => {
  db.close();
  await db.delete();
});

describe('a glance at the database for the popup', () => {
  it('finds nothing, and creates nothing, when Vínculo has never stored anything', async () => {
    expect(await peek('ana-garcia')).toEqual({});
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(DB_NAME);
    // Dexie still opens its schema afterwards.
    await db.open();
    expect(db.tables.map((t) => t.name).sort()).toEqual([
      'healthCounts',
      'nextSteps',
      'people',
      'settings',
      'touches',
    ]);
  });

  it('reads the person exactly as the repositories stored them, and the chosen language', async () => {
    await db.open();
    const ana = await trackPerson({ slug: 'ana-garcia', name: 'Ana García', headline: 'Engineer' }, T0);
    expect(await peek('ana-garcia')).toEqual({ person: ana });
    expect((await saveSettings({ ...defaultSettings, language: 'es' })).ok).toBe(true);
    expect(await peek('ana-garcia')).toEqual({ person: ana, language: 'es' });
    expect(await peek('someone-else')).toEqual({ language: 'es' });
    expect(await peek()).toEqual({ language: 'es' });
  });

  it('leaves the database open for Dexie (no version change, no lock held)', async () => {
    await db.open();
    await trackPerson({ slug: 'ana-garcia', name: 'Ana García' }, T0);
    const before = db.verno;
    await peek('ana-garcia');
    expect(db.verno).toBe(before);
    expect(await db.people.count()).toBe(1);
  });
});
