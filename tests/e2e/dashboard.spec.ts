// The dashboard: import LinkedIn's export, triage the network, back it up.
import AxeBuilder from '@axe-core/playwright';
import { expect, personRecord, readAll, seed, test, touchRecord } from './harness';
import { connectionsCsv } from './shared/connections-csv';

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
  expect(JSON.parse(json)).toMatchObject({ format: 'vinculo-backup', version: 2 });

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
  // Replacing asks again, and offers the way back first.
  await page.getByRole('button', { name: 'Replace everything', exact: true }).click();
  const confirm = page.getByRole('alertdialog');
  await expect(confirm).toContainText('Replace everything?');
  const exportFirst = page.waitForEvent('download');
  await confirm.getByRole('button', { name: 'Export current data first' }).click();
  expect((await exportFirst).suggestedFilename()).toMatch(/^vinculo-backup-\d{4}-\d{2}-\d{2}\.json$/);
  await confirm.getByRole('button', { name: 'Yes, replace everything' }).click();
  await expect(page.getByText('Restored 2 people, 1 touches and 1 next steps.')).toBeVisible();
  expect(await readAll(vinculo, 'people')).toEqual(before.people);
  expect(await readAll(vinculo, 'touches')).toEqual(before.touches);
  expect(await readAll(vinculo, 'nextSteps')).toEqual(before.nextSteps);
});

test('backup: merging a file from another browser unites it with what is here; merging it again changes nothing', async ({
  vinculo,
}) => {
  const DAY = 86_400_000;
  const now = Date.now();
  await seed(vinculo, 'people', [
    personRecord('ana-ortega', 'Ana Ortega', { stage: 'relationship', lastTouchDaysAgo: 5 }),
    personRecord('bruno-diaz', 'Bruno Díaz'),
  ]);
  await seed(vinculo, 'touches', [
    touchRecord('t1', 'ana-ortega', now - 5 * DAY, {
      kind: 'inPerson',
      initiator: 'them',
      value: 'both',
      note: 'Coffee in Madrid',
    }),
  ]);
  await seed(vinculo, 'nextSteps', [
    { id: 's1', personId: 'bruno-diaz', text: 'Send Bruno the deck', createdAt: now },
  ]);
  const page = await vinculo.openExtensionPage('options.html#/backup');
  const downloaded = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export backup (JSON)' }).click();
  const { readFileSync } = await import('node:fs');
  const json = readFileSync(await (await downloaded).path(), 'utf8');

  // Meanwhile, in this browser: Bruno is deleted, Carla tracked, a call with Ana logged.
  const nav = page.getByRole('navigation');
  await nav.getByRole('link', { name: 'People' }).click();
  await page.getByRole('table').getByRole('button', { name: 'Bruno Díaz' }).click();
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await page.getByRole('button', { name: 'Yes, delete' }).click();
  await expect(page.getByText('Showing 1 of 1 people')).toBeVisible();
  await seed(vinculo, 'people', [personRecord('carla-ibarra', 'Carla Ibarra')]);
  await seed(vinculo, 'touches', [
    touchRecord('t2', 'ana-ortega', now - DAY, { kind: 'call', value: 'gave', note: 'Call about the role' }),
  ]);

  const mergeFile = async () => {
    await nav.getByRole('link', { name: 'Backup' }).click();
    await page
      .getByLabel('Backup file (.json)')
      .setInputFiles({ name: 'other-browser.json', mimeType: 'application/json', buffer: Buffer.from(json) });
    await expect(page.getByRole('region', { name: 'What should this backup do?' })).toContainText(
      'holds 2 people, 1 touches and 1 next steps',
    );
    await page.getByRole('button', { name: 'Merge into what is here' }).click();
  };
  await mergeFile();
  await expect(page.getByRole('status').filter({ hasText: 'Merged into what is here' })).toContainText(
    '1 people added and 1 updated, 0 touches added and 0 updated, 1 next steps added and 0 updated',
  );

  // The union, as the dashboard shows it: everyone from both sides, both of Ana's touches, Bruno's step.
  await nav.getByRole('link', { name: 'People' }).click();
  await expect(page.getByText('Showing 3 of 3 people')).toBeVisible();
  const table = page.getByRole('table');
  for (const name of ['Ana Ortega', 'Bruno Díaz', 'Carla Ibarra'])
    await expect(table.getByRole('button', { name })).toBeVisible();
  await table.getByRole('button', { name: 'Ana Ortega' }).click();
  const timeline = page.getByRole('region', { name: 'Timeline' });
  await expect(timeline.getByRole('listitem')).toHaveCount(2);
  await expect(timeline).toContainText('Call about the role');
  await expect(timeline).toContainText('Coffee in Madrid');
  await nav.getByRole('link', { name: 'People' }).click();
  await table.getByRole('button', { name: 'Bruno Díaz' }).click();
  await expect(page.getByRole('region', { name: 'Open next steps' })).toContainText('Send Bruno the deck');

  const after = {
    people: await readAll(vinculo, 'people'),
    touches: await readAll(vinculo, 'touches'),
    nextSteps: await readAll(vinculo, 'nextSteps'),
  };
  await mergeFile();
  await expect(page.getByRole('status').filter({ hasText: 'Merged into what is here' })).toContainText(
    '0 people added and 0 updated, 0 touches added and 0 updated, 0 next steps added and 0 updated',
  );
  expect({
    people: await readAll(vinculo, 'people'),
    touches: await readAll(vinculo, 'touches'),
    nextSteps: await readAll(vinculo, 'nextSteps'),
  }).toEqual(after);
});

test('every Undo on a person’s page puts back exactly what was taken: a deleted touch, then the person', async ({
  vinculo,
}) => {
  const DAY = 86_400_000;
  const now = Date.now();
  await seed(vinculo, 'people', [
    personRecord('carla-ibarra', 'Carla Ibarra', { stage: 'acquaintance', lastTouchDaysAgo: 2 }),
  ]);
  const touches = [
    touchRecord('touch-old', 'carla-ibarra', now - 20 * DAY, {
      kind: 'call',
      initiator: 'them',
      value: 'gave',
      note: 'Long call',
    }),
    touchRecord('touch-new', 'carla-ibarra', now - 2 * DAY, { note: 'Quick hello' }),
  ];
  await seed(vinculo, 'touches', touches);
  const before = (await readAll(vinculo, 'people'))[0];
  const page = await vinculo.openExtensionPage('options.html#/person/carla-ibarra');
  const toast = page.locator('.toast');

  await page.getByRole('button', { name: 'Delete the touch from 2 days ago' }).click();
  await expect(toast).toContainText('Touch deleted.');
  await expect.poll(async () => (await readAll(vinculo, 'touches')).map((t) => t.id)).toEqual(['touch-old']);
  await expect.poll(async () => (await readAll(vinculo, 'people'))[0]?.lastTouchAt).toBe(now - 20 * DAY);
  await toast.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(async () => readAll(vinculo, 'touches')).toEqual([...touches].reverse());
  await expect
    .poll(async () => {
      const [p] = await readAll(vinculo, 'people');
      return [p?.lastTouchAt, p?.dueAt];
    })
    .toEqual([before?.lastTouchAt, before?.dueAt]);

  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await page.getByRole('button', { name: 'Yes, delete' }).click();
  await expect(toast).toContainText('Carla Ibarra deleted.');
  await expect.poll(async () => (await readAll(vinculo, 'people')).length).toBe(0);
  await toast.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(async () => readAll(vinculo, 'touches')).toEqual([...touches].reverse());
  await expect.poll(async () => (await readAll(vinculo, 'people'))[0]?.slug).toBe('carla-ibarra');
  const [after] = await readAll(vinculo, 'people');
  expect([after?.lastTouchAt, after?.dueAt, after?.stage]).toEqual([
    before?.lastTouchAt,
    before?.dueAt,
    'acquaintance',
  ]);
});

test('a touch edited in the timeline, from the keyboard: the change shows and is stored, a future date is refused, Undo puts it back', async ({
  vinculo,
}) => {
  const DAY = 86_400_000;
  const now = Date.now();
  await seed(vinculo, 'people', [
    personRecord('carla-ibarra', 'Carla Ibarra', { stage: 'acquaintance', lastTouchDaysAgo: 2 }),
  ]);
  const original = touchRecord('touch-new', 'carla-ibarra', now - 2 * DAY, { note: 'Quick hello' });
  await seed(vinculo, 'touches', [original]);
  const page = await vinculo.openExtensionPage('options.html#/person/carla-ibarra');
  const timeline = page.getByRole('region', { name: 'Timeline' });
  const edit = page.getByRole('button', { name: 'Edit the touch from 2 days ago' });

  await edit.click();
  const form = page.getByRole('form', { name: 'Edit touch' });
  const note = form.getByLabel('Note');
  await expect(note).toBeFocused();
  await expect(note).toHaveValue('Quick hello');
  const axe = await new AxeBuilder({ page }).include('.touch-editor').analyze();
  expect(
    axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id),
  ).toEqual([]);

  // A date in the future is refused beside its field, and nothing is written.
  await form.getByLabel('Date').fill(new Date(now + 3 * DAY).toLocaleDateString('sv'));
  await form.getByRole('button', { name: 'Save touch' }).click();
  await expect(form.getByText('A touch cannot be in the future.')).toBeVisible();
  await expect(form.getByLabel('Date')).toHaveAttribute('aria-invalid', 'true');
  expect(await readAll(vinculo, 'touches')).toEqual([original]);
  await page.keyboard.press('Escape');
  await expect(form).toHaveCount(0);
  await expect(edit).toBeFocused();

  await edit.press('Enter');
  await note.fill('Quick hello, and she sent me her deck');
  await form.getByLabel('What value moved').selectOption({ label: 'I received' });
  await form.getByLabel('How you were in touch').selectOption({ label: 'Call' });
  await note.press('Control+Enter');
  await expect(form).toHaveCount(0);
  await expect(page.locator('.toast')).toContainText('Touch saved.');
  await expect(timeline).toContainText('Quick hello, and she sent me her deck');
  await expect(timeline).toContainText('Call · I started it · I received');
  // The same day keeps the touch's own time.
  await expect
    .poll(async () => readAll(vinculo, 'touches'))
    .toEqual([
      { ...original, kind: 'call', value: 'received', note: 'Quick hello, and she sent me her deck' },
    ]);
  await expect(edit).toBeFocused();

  await page.locator('.toast').getByRole('button', { name: 'Undo' }).click();
  await expect.poll(async () => readAll(vinculo, 'touches')).toEqual([original]);
  await expect(timeline).toContainText('Quick hello');
  await expect(timeline).not.toContainText('her deck');

  // Moved to another day: the touch and the person's last touch move with it, and stay after a reload.
  await edit.click();
  await form.getByLabel('Date').fill(new Date(now - 9 * DAY).toLocaleDateString('sv'));
  await form.getByRole('button', { name: 'Save touch' }).click();
  await expect(form).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('button', { name: 'Edit the touch from 9 days ago' })).toBeVisible();
  const [person] = await readAll(vinculo, 'people');
  const [touch] = await readAll(vinculo, 'touches');
  expect(person?.lastTouchAt).toBe(touch?.at);
  expect(new Date(touch?.at as number).getHours()).toBe(12);
});

test('Settings says whether the browser may clear Vínculo’s data', async ({ vinculo }) => {
  const page = await vinculo.openExtensionPage('options.html#/settings');
  await expect(
    page.getByText("Persistent: the browser will not clear Vínculo's data to free space."),
  ).toBeVisible();
});

test('the dashboard closed in the middle of a 30,000-row import: reopening says none of it was kept, and the same import completes it with nothing twice', async ({
  vinculo,
}) => {
  await seed(vinculo, 'people', [personRecord('ana-ortega', 'Ana Ortega', { stage: 'relationship' })]);
  const file = { name: 'Connections.csv', mimeType: 'text/csv', buffer: Buffer.from(connectionsCsv(30_000)) };
  let page = await vinculo.openExtensionPage('options.html#/import');
  await page.getByLabel('Connections.csv').setInputFiles(file);
  // The rows are parsed, the write has started: the user closes the tab.
  await expect
    .poll(
      () =>
        vinculo.worker.evaluate(async () =>
          Boolean((await chrome.storage.local.get('import:running'))['import:running']),
        ),
      { timeout: 15_000 },
    )
    .toBe(true);
  await page.close();
  expect(await readAll(vinculo, 'people')).toHaveLength(1);

  page = await vinculo.openExtensionPage('options.html#/import');
  await expect(page.getByRole('alert')).toContainText('The import of Connections.csv (30,000 rows', {
    timeout: 10_000,
  });
  await expect(page.getByRole('alert')).toContainText('None of its rows were kept');
  await page.getByLabel('Connections.csv').setInputFiles(file);
  await expect(page.getByRole('status').filter({ hasText: 'Imported: 30000' })).toBeVisible({
    timeout: 60_000,
  });
  const people = await readAll(vinculo, 'people');
  expect(people).toHaveLength(30_001);
  expect(new Set(people.map((p) => p.slug)).size).toBe(30_001);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Import' })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
});
