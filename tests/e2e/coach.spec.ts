// The coach, as a user meets it: after a backup is restored, the dashboard's Suggestions name exactly
// the people the records call for, "Not relevant" sticks across a reload, the person's page and the
// badge panel show a person's suggestion, in English and in Spanish, and every view stays accessible.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { defaultSettings, type Settings } from '../../storage/schemas';
import {
  expect,
  type FixtureEntry,
  fixture,
  type Harness,
  personRecord,
  readAll,
  seed,
  tabIdOf,
  test,
} from './harness';
import { network, networkBackup, touch } from './shared/coach-network';

async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/**
 * The network as a backup file, restored through the dashboard (Backup → Replace everything), as a
 * user moving to this browser would; its settings come with it.
 */
async function restoreNetwork(vinculo: Harness, settings: Settings = defaultSettings): Promise<Page> {
  const { people, touches } = network();
  const page = await vinculo.openExtensionPage('options.html#/backup');
  await page.getByLabel('Backup file (.json)').setInputFiles({
    name: 'vinculo-backup.json',
    mimeType: 'application/json',
    buffer: Buffer.from(networkBackup(settings)),
  });
  await page.getByRole('button', { name: 'Replace everything', exact: true }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Yes, replace everything' }).click();
  // A backup in another language reloads the dashboard in it, which says there what was restored.
  const restored =
    settings.language === 'es'
      ? `Se restauraron ${people.length} personas, ${touches.length} contactos`
      : `Restored ${people.length} people, ${touches.length} touches`;
  await expect(page.getByText(restored)).toBeVisible();
  await page.close();
  return vinculo.openExtensionPage('options.html');
}

/** The aria-labels of the Suggestions' items, in the order shown. */
const itemsOf = (page: Page) =>
  page
    .getByRole('region', { name: 'Suggestions' })
    .getByRole('listitem')
    .evaluateAll((items) => items.map((li) => li.getAttribute('aria-label')));

test('the Suggestions name exactly the right people, most timely first; Not relevant sticks after a reload', async ({
  vinculo,
}) => {
  const page = await restoreNetwork(vinculo);
  const section = page.getByRole('region', { name: 'Suggestions' });
  await expect(section.getByRole('listitem')).toHaveCount(4);
  expect(await itemsOf(page)).toEqual([
    'Gil Give: Give first',
    'Olga Offline: Move it offline',
    'Mona Moment: A moment that matters',
    'Carl Cold: Going cold',
  ]);
  await expect(section).toContainText('Give something next — you have received the last 3 times.');
  await expect(section).toContainText('Congratulate them on the new role at Nimbus.');
  await expect(section).toContainText(
    /Propose a call or a coffee — 5 messages in \d+ months, never a call\./,
  );
  await expect(section).toContainText('Write to them — last touch');
  await expect(section).not.toContainText('Bea Balanced');
  // The health view, honestly: of two imported connections, one is known.
  await expect(page.getByText('You know 1 of your 2 connections.')).toBeVisible();
  // The prune list links to the profile, for the user to act on LinkedIn.
  const prune = page.getByRole('region', { name: 'Contacts to prune' });
  await expect(prune.getByRole('link', { name: 'Pat Prune' })).toHaveAttribute(
    'href',
    'https://www.linkedin.com/in/pat-prune/',
  );
  await expectAccessible(page);

  await section
    .getByRole('listitem', { name: 'Olga Offline: Move it offline' })
    .getByRole('button', { name: 'Not relevant' })
    .click();
  await expect(section.getByRole('listitem')).toHaveCount(3);
  await expect(section).not.toContainText('Olga Offline');
  await expect(page.locator('.toast')).toContainText(
    'The suggestion for Olga Offline is hidden until something changes.',
  );
  const olga = (await readAll(vinculo, 'people')).find((p) => p.slug === 'olga-offline');
  expect(olga?.dismissals).toEqual([{ kind: 'offline', at: expect.any(Number), facts: expect.any(String) }]);

  await page.reload();
  await expect(section.getByRole('listitem')).toHaveCount(3);
  await expect(section).not.toContainText('Olga Offline');

  // Snooze hides it for a week; Log a touch opens the person's page, which shows the suggestion too.
  await section
    .getByRole('listitem', { name: 'Carl Cold: Going cold' })
    .getByRole('button', { name: 'Snooze a week' })
    .click();
  await expect(section.getByRole('listitem')).toHaveCount(2);
  // Undo puts the suggestion back, and the person's dismissals as they were.
  const toast = page.locator('.toast');
  await expect(toast).toContainText('The suggestion for Carl Cold is snoozed for a week.');
  await toast.getByRole('button', { name: 'Undo' }).click();
  await expect(section.getByRole('listitem', { name: 'Carl Cold: Going cold' })).toBeVisible();
  expect((await readAll(vinculo, 'people')).find((p) => p.slug === 'carl-cold')).not.toHaveProperty(
    'dismissals',
  );
  await section
    .getByRole('listitem', { name: 'Carl Cold: Going cold' })
    .getByRole('button', { name: 'Snooze a week' })
    .click();
  await expect(section.getByRole('listitem')).toHaveCount(2);
  await section
    .getByRole('listitem', { name: 'Gil Give: Give first' })
    .getByRole('button', { name: 'Log a touch' })
    .click();
  // The person's page opens ready to log: the cursor is in the note.
  await expect(page).toHaveURL(/#\/person\/gil-give\/log$/);
  await expect(page.getByLabel('Note', { exact: true })).toBeFocused();
  const own = page.getByRole('region', { name: 'Suggestions' });
  await expect(own).toContainText('Give something next — you have received the last 3 times.');
  await expectAccessible(page);
  // Dismissed from the person's page too, with the same Undo.
  await own.getByRole('button', { name: 'Not relevant' }).click();
  await expect(own).toHaveCount(0);
  await expect(page.locator('.toast')).toContainText(
    'The suggestion for Gil Give is hidden until something changes.',
  );
  await page.locator('.toast').getByRole('button', { name: 'Undo' }).click();
  await expect(own).toContainText('Give something next');
});

/** The 2025 profile, of a relationship who gave the last three times, open in a LinkedIn tab. */
async function openGiver(vinculo: Harness) {
  const profile = fixture('profile-2025.html') as FixtureEntry & { expected: { slug: string; name: string } };
  const { slug, name } = profile.expected;
  await seed(vinculo, 'people', [personRecord(slug, name, { stage: 'relationship', lastTouchDaysAgo: 2 })]);
  await seed(
    vinculo,
    'touches',
    [2, 6, 9].map((d, i) => touch(slug, i, d, 'call', 'received')),
  );
  const page = await vinculo.openLinkedIn(profile.file);
  const badge = page.locator('vinculo-badge');
  await badge.getByRole('button', { name: /Relationship|Relación/ }).click();
  return badge.getByRole('dialog');
}

test('the badge panel shows the person’s suggestion', async ({ vinculo }) => {
  const panel = await openGiver(vinculo);
  await expect(panel.getByRole('heading', { name: 'Give first' })).toBeVisible();
  await expect(panel).toContainText('Give something next — you have received the last 3 times.');
});

test('the popup shows the suggestion while the user logs, and giving makes it go', async ({ vinculo }) => {
  await openGiver(vinculo);
  const [tab] = vinculo.context.pages().filter((p) => p.url().startsWith('https://www.linkedin.com/'));
  const popup = await vinculo.openExtensionPage(`popup.html?tab=${await tabIdOf(vinculo, tab!.url())}`);
  const suggestion = popup.locator('.suggestion-line');
  await expect(suggestion).toHaveText(
    'Give first — Give something next — you have received the last 3 times.',
  );
  await expect(popup.getByLabel('Note')).toBeFocused();
  await popup.keyboard.type('Sent her the intro she asked for');
  await popup.getByRole('radio', { name: 'I gave' }).check();
  await popup.getByRole('button', { name: 'Save' }).click();
  await expect(popup.getByRole('status')).toContainText('Touch saved.');
  await expect(suggestion).toHaveCount(0);
  await expectAccessible(popup);
});

test('in Spanish: the Suggestions, the known share and the badge panel', async ({ vinculo }) => {
  const page = await restoreNetwork(vinculo, { ...defaultSettings, language: 'es' });
  const section = page.getByRole('region', { name: 'Sugerencias' });
  await expect(section.getByRole('listitem')).toHaveCount(4);
  await expect(section.getByRole('listitem', { name: 'Gil Give: Da primero' })).toContainText(
    'Da algo la próxima vez — las últimas 3 veces has recibido tú.',
  );
  await expect(page.getByText('Conoces a 1 de tus 2 conexiones.')).toBeVisible();
  await expectAccessible(page);

  const panel = await openGiver(vinculo);
  await expect(panel.getByRole('heading', { name: 'Da primero' })).toBeVisible();
  await expect(panel).toContainText('Da algo la próxima vez — las últimas 3 veces has recibido tú.');
});
