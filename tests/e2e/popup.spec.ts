// The toolbar popup: log a conversation in seconds.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, type FixtureEntry, fixture, personRecord, readAll, seed, tabIdOf, test } from './harness';

type ProfileFixture = FixtureEntry & { expected: { slug: string; name: string; headline: string } };

async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('on a profile: opens on the person as the page shows them, writing nothing until a touch is saved; the badge follows', async ({
  vinculo,
}) => {
  const profile = fixture('profile-2024.html') as ProfileFixture;
  const page = await vinculo.openLinkedIn(profile.file);
  await expect(page.locator('vinculo-badge')).toHaveCount(1);
  const url = `popup.html?tab=${await tabIdOf(vinculo, page.url())}`;
  // Opening and closing the popup leaves the database as it was.
  const glance = await vinculo.openExtensionPage(url);
  await expect(glance.getByRole('heading', { name: profile.expected.name })).toBeVisible();
  await glance.getByLabel('Note').fill('Just looking');
  await glance.close();
  expect(await readAll(vinculo, 'people')).toEqual([]);

  const popup = await vinculo.openExtensionPage(url);
  await expect(popup.getByRole('heading', { name: profile.expected.name })).toBeVisible();
  await expect(
    popup.getByRole('button', { name: `Not tracked in Vínculo. Track ${profile.expected.name}` }),
  ).toBeVisible();
  await expect(popup.getByLabel('Note')).toBeFocused();
  // The popup's own styles apply (they come with its script).
  expect(await popup.evaluate(() => getComputedStyle(document.body).width)).toBe('380px');
  await expectAccessible(popup);

  await popup.getByLabel('Note').fill('');
  await popup.keyboard.type('Talked about her move to Lisbon.');
  await popup.getByRole('radio', { name: 'Call', exact: true }).check();
  await popup.getByRole('radio', { name: 'I gave' }).check();
  await popup.getByLabel('Next step', { exact: true }).fill('Send the Lisbon meetup list');
  await popup.getByRole('button', { name: '1 week' }).click();
  await popup.getByLabel('Stage').selectOption('acquaintance');
  await popup.getByRole('button', { name: 'Save' }).click();
  await expect(popup.getByRole('status')).toContainText('Touch saved.');

  expect(await readAll(vinculo, 'people')).toEqual([
    expect.objectContaining({
      slug: profile.expected.slug,
      stage: 'acquaintance',
      headline: profile.expected.headline,
    }),
  ]);
  const [touch] = await readAll(vinculo, 'touches');
  expect(touch).toMatchObject({
    kind: 'call',
    value: 'gave',
    initiator: 'me',
    note: 'Talked about her move to Lisbon.',
  });
  const [step] = await readAll(vinculo, 'nextSteps');
  expect(step).toMatchObject({ text: 'Send the Lisbon meetup list', personId: profile.expected.slug });
  expect((step?.dueAt as number) - Date.now()).toBeGreaterThan(6 * 86_400_000);

  await expect(page.locator('vinculo-badge')).toHaveAttribute(
    'aria-label',
    /^Acquaintance · last touch today · warm/,
  );
  await expect(popup.getByRole('group', { name: 'Open next steps' })).toContainText(
    'Send the Lisbon meetup list',
  );
});

test('the draft survives the popup closing, and Undo takes a saved touch back', async ({ vinculo }) => {
  const profile = fixture('profile-2025.html') as ProfileFixture;
  await seed(vinculo, 'people', [
    personRecord(profile.expected.slug, profile.expected.name, { stage: 'acquaintance' }),
  ]);
  const page = await vinculo.openLinkedIn(profile.file);
  const url = `popup.html?tab=${await tabIdOf(vinculo, page.url())}`;

  let popup = await vinculo.openExtensionPage(url);
  await popup.getByLabel('Note').fill('Half-written thought');
  await popup.getByRole('radio', { name: 'Email' }).check();
  await popup.close();

  popup = await vinculo.openExtensionPage(url);
  await expect(popup.getByLabel('Note')).toHaveValue('Half-written thought');
  await expect(popup.getByRole('radio', { name: 'Email' })).toBeChecked();

  await popup.keyboard.press('Control+Enter');
  await expect(popup.getByRole('status')).toContainText('Touch saved.');
  expect(await readAll(vinculo, 'touches')).toHaveLength(1);
  await popup.getByRole('button', { name: 'Undo' }).click();
  await expect(popup.getByRole('status')).toContainText('Undone');
  expect(await readAll(vinculo, 'touches')).toHaveLength(0);
  await expect(popup.getByLabel('Note')).toHaveValue('');
});

test('Track in the popup stores someone new; Undo after their first note stops tracking them again', async ({
  vinculo,
}) => {
  const profile = fixture('profile-2026-sdui.html') as ProfileFixture;
  const page = await vinculo.openLinkedIn(profile.file);
  await expect(page.locator('vinculo-badge')).toHaveCount(1);
  const url = `popup.html?tab=${await tabIdOf(vinculo, page.url())}`;
  let popup = await vinculo.openExtensionPage(url);
  await popup.getByLabel('Note').fill('First coffee');
  await popup.keyboard.press('Control+Enter');
  await expect(popup.getByRole('status')).toContainText('Touch saved.');
  expect(await readAll(vinculo, 'people')).toHaveLength(1);
  await popup.getByRole('button', { name: 'Undo' }).click();
  await expect(popup.getByRole('status')).toContainText('Undone');
  expect(await readAll(vinculo, 'people')).toEqual([]);
  expect(await readAll(vinculo, 'touches')).toEqual([]);
  await popup.close();

  popup = await vinculo.openExtensionPage(url);
  await popup.getByRole('button', { name: `Not tracked in Vínculo. Track ${profile.expected.name}` }).click();
  await expect(popup.getByRole('status')).toContainText(`Now tracking ${profile.expected.name}.`);
  expect(await readAll(vinculo, 'people')).toEqual([
    expect.objectContaining({ slug: profile.expected.slug, stage: 'contact' }),
  ]);
  await expect(page.locator('vinculo-badge')).toHaveAttribute('aria-label', /^Contact · no touch yet/);
});

test('a full disk: saving says so, writes nothing of the note, and keeps the draft', async ({ vinculo }) => {
  const profile = fixture('profile-2025.html') as ProfileFixture;
  await seed(vinculo, 'people', [
    personRecord(profile.expected.slug, profile.expected.name, {
      stage: 'acquaintance',
      lastTouchDaysAgo: 9,
    }),
  ]);
  const page = await vinculo.openLinkedIn(profile.file);
  const url = `popup.html?tab=${await tabIdOf(vinculo, page.url())}`;
  const popup = await vinculo.context.newPage();
  // The browser refuses the note's second write (the next step) as over quota: nothing may be kept.
  await popup.addInitScript(() => {
    const add = IDBObjectStore.prototype.add;
    IDBObjectStore.prototype.add = function (this: IDBObjectStore, ...args: Parameters<typeof add>) {
      if (this.name === 'nextSteps')
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return add.apply(this, args);
    };
  });
  await popup.goto(`chrome-extension://${vinculo.extensionId}/${url}`);
  await popup.getByLabel('Note').fill('Promised an intro to Marta');
  await popup.getByLabel('Next step', { exact: true }).fill('Introduce her to Marta');
  await popup.keyboard.press('Control+Enter');
  await expect(popup.getByRole('status')).toContainText(
    "Your browser's storage is full, so nothing was saved.",
  );
  expect(await readAll(vinculo, 'touches')).toEqual([]);
  expect(await readAll(vinculo, 'nextSteps')).toEqual([]);
  const [person] = await readAll(vinculo, 'people');
  expect(person?.lastTouchAt).toBeLessThan(Date.now() - 8 * 86_400_000);
  await popup.reload();
  await expect(popup.getByLabel('Note')).toHaveValue('Promised an intro to Marta');
  await expect(popup.getByLabel('Next step', { exact: true })).toHaveValue('Introduce her to Marta');
});

test('a note with HTML, emoji and right-to-left text is saved and shown as text', async ({ vinculo }) => {
  const profile = fixture('profile-2025.html') as ProfileFixture;
  await seed(vinculo, 'people', [
    personRecord(profile.expected.slug, profile.expected.name, { stage: 'acquaintance' }),
  ]);
  const page = await vinculo.openLinkedIn(profile.file);
  const popup = await vinculo.openExtensionPage(`popup.html?tab=${await tabIdOf(vinculo, page.url())}`);
  const note = '<img src=x onerror="document.title=1"> <b>bold</b> 👋🏽 مرحبا José';
  await popup.getByLabel('Note').fill(note);
  await popup.keyboard.press('Control+Enter');
  await expect(popup.getByRole('status')).toContainText('Touch saved.');
  await expect(popup.getByRole('listitem').filter({ hasText: 'مرحبا' })).toContainText(note);
  expect(await popup.locator('main img[src="x"], main b').count()).toBe(0);
  const [touch] = await readAll(vinculo, 'touches');
  expect(touch?.note).toBe(note);
});

test('a 10,000-character note is saved whole; a future date is refused with a message and nothing written', async ({
  vinculo,
}) => {
  const profile = fixture('profile-2025.html') as ProfileFixture;
  await seed(vinculo, 'people', [personRecord(profile.expected.slug, profile.expected.name)]);
  const page = await vinculo.openLinkedIn(profile.file);
  const popup = await vinculo.openExtensionPage(`popup.html?tab=${await tabIdOf(vinculo, page.url())}`);
  await popup.getByLabel('Date', { exact: true }).fill('2099-01-01');
  await popup.getByLabel('Note').fill('x'.repeat(10_000));
  await popup.keyboard.press('Control+Enter');
  await expect(popup.getByText('A touch cannot be in the future.')).toBeVisible();
  expect(await readAll(vinculo, 'touches')).toHaveLength(0);
  await popup.getByLabel('Date', { exact: true }).fill(new Date().toISOString().slice(0, 10));
  await popup.keyboard.press('Control+Enter');
  await expect(popup.getByRole('status')).toContainText('Touch saved.');
  const [touch] = await readAll(vinculo, 'touches');
  expect(String(touch?.note).length).toBe(10_000);
});

test('off LinkedIn: the agenda lists who is going cold, most overdue first, and search finds people', async ({
  vinculo,
}) => {
  await seed(vinculo, 'people', [
    personRecord('ana-ortega', 'Ana Ortega', { stage: 'acquaintance', lastTouchDaysAgo: 35 }),
    personRecord('bruno-diaz', 'Bruno Díaz', { stage: 'acquaintance', lastTouchDaysAgo: 90 }),
    personRecord('carla-vidal', 'Carla Vidal', {
      stage: 'relationship',
      lastTouchDaysAgo: 5,
      headline: 'Designer at Norte',
    }),
  ]);
  const popup = await vinculo.openExtensionPage('popup.html');
  const cold = popup.getByRole('region', { name: 'Going cold' });
  await expect(cold.getByRole('listitem')).toHaveCount(2);
  await expect(cold.getByRole('listitem').first()).toContainText('Bruno Díaz');
  await expectAccessible(popup);

  await popup.getByLabel('Search tracked people').fill('norte');
  const results = popup.getByRole('region', { name: 'Search results' });
  await expect(results.getByRole('listitem')).toHaveCount(1);
  await results.getByRole('button', { name: 'Log a touch with Carla Vidal' }).click();
  await expect(popup.getByRole('heading', { name: 'Carla Vidal' })).toBeVisible();
  await popup.getByLabel('Note').fill('Coffee');
  await popup.keyboard.press('Control+Enter');
  await expect(popup.getByRole('status')).toContainText('Touch saved.');
  expect(await readAll(vinculo, 'touches')).toEqual([expect.objectContaining({ personId: 'carla-vidal' })]);
});
