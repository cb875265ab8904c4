// The dashboard's import and backup, written once and run in Chromium and in Firefox.
import { connectionsCsv } from './connections-csv';
import { expect, personRecord, test } from './vinculo';

test('Connections.csv chosen in the dashboard: a report of what was imported and skipped, then everyone is there', async ({
  vinculo,
}) => {
  const page = await vinculo.openExtensionPage('options.html#/import');
  await page.chooseFile('Connections.csv', {
    name: 'Connections.csv',
    mimeType: 'text/csv',
    content: connectionsCsv(25),
  });
  await expect
    .poll(() => page.texts({ role: 'status' }))
    .toContainEqual(expect.stringMatching(/^Imported: 25 · .*skipped: 1/));
  const people = await vinculo.readAll('people');
  expect(people).toHaveLength(25);
  expect(people.find((p) => p.slug === 'imported-person-7')).toMatchObject({
    name: 'Person7 Surname 7, Jr',
    headline: 'Engineer, "Platform"',
    company: 'Company 7',
    stage: 'contact',
    source: 'import',
  });

  await page.click({ role: 'link', name: 'Overview' });
  await expect
    .poll(() => page.texts({ role: 'paragraph' }))
    .toContainEqual('Of your imported network, 0% are relationships (25 imported).');
});

test('backup: exported, the profile emptied, restored from the file: the same data comes back', async ({
  vinculo,
}) => {
  const now = Date.now();
  await vinculo.seed('people', [
    personRecord('ana-ortega', 'Ana Ortega', {
      stage: 'relationship',
      lastTouchDaysAgo: 5,
      headline: 'CTO 🚀',
    }),
    { ...personRecord('bruno-diaz', 'Bruno Díaz'), tags: ['madrid'], about: '<b>not html</b>' },
  ]);
  await vinculo.seed('touches', [
    {
      id: 't1',
      personId: 'ana-ortega',
      at: now - 5 * 86_400_000,
      kind: 'call',
      initiator: 'them',
      value: 'both',
      note: 'مرحبا',
      createdAt: now,
    },
  ]);
  await vinculo.seed('nextSteps', [
    { id: 's1', personId: 'ana-ortega', text: 'Intro to Bruno', createdAt: now },
  ]);
  const stores = ['people', 'touches', 'nextSteps'];
  const read = async () =>
    Object.fromEntries(await Promise.all(stores.map(async (s) => [s, await vinculo.readAll(s)])));
  const before = await read();

  const page = await vinculo.openExtensionPage('options.html#/backup');
  const backup = await page.download({ role: 'button', name: 'Export backup (JSON)' });
  expect(backup.name).toMatch(/^vinculo-backup-.*\.json$/);
  expect(JSON.parse(backup.content)).toMatchObject({ format: 'vinculo-backup', people: before.people });

  for (const store of stores) await vinculo.clear(store);
  expect(await vinculo.readAll('people')).toEqual([]);
  await page.chooseFile('Backup file (.json)', {
    name: backup.name,
    mimeType: 'application/json',
    content: backup.content,
  });
  await page.click({ role: 'button', name: 'Replace everything' });
  await page.click({ role: 'button', name: 'Yes, replace everything' });
  await expect
    .poll(() => page.texts({ role: 'status' }))
    .toContainEqual(expect.stringContaining('Restored 2 people, 1 touches and 1 next steps.'));
  expect(await read()).toEqual(before);
});
