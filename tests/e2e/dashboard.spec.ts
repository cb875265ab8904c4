// The dashboard: import LinkedIn's export, triage the network, back it up.
import AxeBuilder from '@axe-core/playwright';
import { expect, personRecord, readAll, seed, test } from './harness';

const connectionsCsv = (count: number): string => {
  const rows = Array.from(
    { length: count },
    (_, i) =>
      `Person${i},"Surname ${i}, Jr",https://www.linkedin.com/in/imported-person-${i},,Company ${i},"Engineer, ""Platform""",${(i % 28) + 1} May 2024`,
  );
  return [
    'Notes:',
    '"When exporting your connection data, you may notice that some of the email addresses are missing. You will only see email addresses for connections who have allowed their connections to see or download their email address using this setting https://www.linkedin.com/psettings/privacy/email. You can learn more here: https://www.linkedin.com/help/linkedin/answer/261"',
    '',
    'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
    ...rows,
    ',,,,,,12 Jan 2023',
  ].join('\n');
};

test('import Connections.csv through the file input: a report, then the funnel counts them', async ({
  vinculo,
}) => {
  await seed(vinculo, 'people', [
    personRecord('ana-ortega', 'Ana Ortega', { stage: 'relationship', lastTouchDaysAgo: 5 }),
  ]);
  const page = await vinculo.openExtensionPage('options.html#/import');
  await page.getByLabel('Connections.csv').setInputFiles({
    name: 'Connections.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(connectionsCsv(40)),
  });
  await expect(page.getByRole('status').filter({ hasText: 'Imported: 40' })).toContainText('skipped: 1');

  const people = await readAll(vinculo, 'people');
  expect(people).toHaveLength(41);
  expect(people.find((p) => p.slug === 'imported-person-7')).toMatchObject({
    name: 'Person7 Surname 7, Jr',
    headline: 'Engineer, "Platform"',
    company: 'Company 7',
    stage: 'contact',
    source: 'import',
  });

  await page.getByRole('link', { name: 'Overview' }).click();
  const funnel = page.getByRole('figure', { name: 'Stages' });
  await expect(funnel.getByRole('definition').first()).toHaveText('40');
  await expect(
    page.getByText('2.4% of the people you track are real relationships (1 of 41).'),
  ).toBeVisible();
  const axe = await new AxeBuilder({ page }).analyze();
  expect(
    axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id),
  ).toEqual([]);
});

test('triage five imported contacts by keyboard, with undo', async ({ vinculo }) => {
  await seed(
    vinculo,
    'people',
    Array.from({ length: 6 }, (_, i) => ({
      ...personRecord(`triage-person-${i}`, `Triage Person ${i}`),
      source: 'import',
      connectedOn: Date.UTC(2024, 0, 10 - i),
    })),
  );
  const page = await vinculo.openExtensionPage('options.html#/triage');
  await expect(page.getByRole('heading', { name: 'Triage Person 0' })).toBeVisible();
  for (const key of ['1', '2', '3', 's', '2']) await page.keyboard.press(key);
  await expect(page.getByText('4 of 6 imported contacts sorted')).toBeVisible();
  await page.keyboard.press('u');
  await expect(page.getByText('3 of 6 imported contacts sorted')).toBeVisible();
  await page.keyboard.press('1');

  const bySlug = Object.fromEntries((await readAll(vinculo, 'people')).map((p) => [p.slug, p]));
  expect(bySlug['triage-person-0']).toMatchObject({ stage: 'archived' });
  expect(bySlug['triage-person-1']).toMatchObject({ stage: 'contact', triagedAt: expect.any(Number) });
  expect(bySlug['triage-person-2']).toMatchObject({ stage: 'acquaintance', dueAt: expect.any(Number) });
  expect(bySlug['triage-person-3']?.triagedAt).toBeUndefined();
  expect(bySlug['triage-person-4']).toMatchObject({ stage: 'archived' });

  // Resumable: a new visit starts where the user left off.
  await page.reload();
  await expect(page.getByText('4 of 6 imported contacts sorted')).toBeVisible();
});

test('backup: export then import into an empty profile gives identical data; a corrupt backup changes nothing', async ({
  vinculo,
}) => {
  await seed(vinculo, 'people', [
    personRecord('ana-ortega', 'Ana Ortega', {
      stage: 'relationship',
      lastTouchDaysAgo: 5,
      headline: 'CTO 🚀',
    }),
    { ...personRecord('bruno-diaz', 'Bruno Díaz'), tags: ['madrid'], about: '<b>not html</b>' },
  ]);
  await seed(vinculo, 'touches', [
    {
      id: 't1',
      personId: 'ana-ortega',
      at: Date.now() - 5 * 86_400_000,
      kind: 'call',
      initiator: 'them',
      value: 'both',
      note: 'مرحبا',
      createdAt: Date.now(),
    },
  ]);
  await seed(vinculo, 'nextSteps', [
    { id: 's1', personId: 'ana-ortega', text: 'Intro to Bruno', createdAt: Date.now() },
  ]);
  const before = {
    people: await readAll(vinculo, 'people'),
    touches: await readAll(vinculo, 'touches'),
    nextSteps: await readAll(vinculo, 'nextSteps'),
  };

  const page = await vinculo.openExtensionPage('options.html#/backup');
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export backup (JSON)' }).click();
  const download = await downloadPromise;
  const file = await download.path();
  const { readFileSync } = await import('node:fs');
  const json = readFileSync(file, 'utf8');
  expect(JSON.parse(json)).toMatchObject({ format: 'vinculo-backup', version: 1 });

  // A corrupt copy: one invalid record. Refused, and nothing changes.
  const corrupt = JSON.parse(json);
  corrupt.people[1].stage = 'best-friend';
  await page.getByLabel('Backup file (.json)').setInputFiles({
    name: 'bad.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(corrupt)),
  });
  await expect(page.getByRole('alert')).toContainText('people');
  expect(await readAll(vinculo, 'people')).toEqual(before.people);

  // Empty the profile, then restore the good file.
  for (const store of ['people', 'touches', 'nextSteps']) {
    await vinculo.worker.evaluate(
      (store) =>
        new Promise<void>((resolve) => {
          const open = indexedDB.open('vinculo');
          open.onsuccess = () => {
            const tx = open.result.transaction(store, 'readwrite');
            tx.objectStore(store).clear();
            tx.oncomplete = () => {
              open.result.close();
              resolve();
            };
          };
        }),
      store,
    );
  }
  expect(await readAll(vinculo, 'people')).toEqual([]);
  await page
    .getByLabel('Backup file (.json)')
    .setInputFiles({ name: 'good.json', mimeType: 'application/json', buffer: Buffer.from(json) });
  await page.getByRole('button', { name: 'Replace my data with this backup' }).click();
  await expect(page.getByText('Restored 2 people, 1 touches and 1 next steps.')).toBeVisible();
  expect(await readAll(vinculo, 'people')).toEqual(before.people);
  expect(await readAll(vinculo, 'touches')).toEqual(before.touches);
  expect(await readAll(vinculo, 'nextSteps')).toEqual(before.nextSteps);
});
