// Badges and dots on LinkedIn, as a user meets them.
import type { Page } from '@playwright/test';
import { defaultSettings } from '../../storage/schemas';
import {
  expect,
  type FixtureEntry,
  fixture,
  fixtureHtml,
  fixtures,
  type Harness,
  personRecord,
  readAll,
  seed,
  tabIdOf,
  test,
  touchRecord,
} from './harness';

type ProfileFixture = FixtureEntry & {
  expected: { slug: string; name: string; headline: string; memberId: string | null };
};
type ListFixture = FixtureEntry & { expectedPeople: { slug?: string; memberId?: string; name: string }[] };

/** The 2025 profile of an acquaintance last touched 26 days ago (cooling), open in a LinkedIn tab. */
async function openCoolingAcquaintance(vinculo: Harness) {
  const profile = fixture('profile-2025.html') as ProfileFixture;
  await seed(vinculo, 'people', [
    personRecord(profile.expected.slug, profile.expected.name, {
      stage: 'acquaintance',
      lastTouchDaysAgo: 26,
    }),
  ]);
  return vinculo.openLinkedIn(profile.file);
}

/** LinkedIn's own controls: none of them may hold Vínculo's badge or dots, nor hear their clicks. */
const CONTROLS = 'a, button, [role="button"], [role="link"], [onclick], [aria-haspopup]';

/** Counts clicks that reach any of LinkedIn's controls on the page. */
async function countLinkedInClicks(page: Page): Promise<() => Promise<number>> {
  await page.evaluate((controls) => {
    const w = window as unknown as { linkedinClicks: number };
    w.linkedinClicks = 0;
    for (const control of document.querySelectorAll(controls))
      control.addEventListener('click', () => w.linkedinClicks++);
  }, CONTROLS);
  return () => page.evaluate(() => (window as unknown as { linkedinClicks: number }).linkedinClicks);
}

/** Pages with no heading to sit beside: the badge floats. */
const FLOATING = new Set(['profile-no-anchor.html', 'profile-unknown-bare.html']);

/** Every page a profile URL can show: known top cards, sub-pages, layouts no selector knows. */
const badged = fixtures.filter((f) =>
  ['profile', 'profile-subpage', 'profile-unknown'].includes(f.kind),
) as ProfileFixture[];

for (const profile of badged) {
  test(`${profile.file}: an untracked person gets Track, outside LinkedIn’s controls, then a badge beside their name`, async ({
    vinculo,
  }) => {
    const page = await vinculo.openLinkedIn(profile.file);
    const badge = page.locator('vinculo-badge');
    // Layouts no selector knows wait for the top card first.
    await expect(badge).toHaveCount(1, { timeout: 6000 });
    await expect(badge).toHaveAttribute(
      'aria-label',
      `Not tracked in Vínculo. Track ${profile.expected.name}`,
    );
    expect(
      await badge.evaluate(
        (el, controls) => el.parentElement?.closest(controls)?.outerHTML ?? null,
        CONTROLS,
      ),
    ).toBeNull();
    const clicks = await countLinkedInClicks(page);
    await badge
      .getByRole('button', { name: `Not tracked in Vínculo. Track ${profile.expected.name}` })
      .click();
    await expect(badge).toHaveAttribute('aria-label', /^Contact · no touch yet · tracked today/);
    expect(await clicks(), 'Track must not click LinkedIn’s own control').toBe(0);
    const people = await readAll(vinculo, 'people');
    expect(people).toEqual([
      expect.objectContaining({ slug: profile.expected.slug, name: profile.expected.name }),
    ]);
    // A top card gives the headline (never the pronouns, degree or location); other pages only the name.
    const headline = profile.kind === 'profile' ? profile.expected.headline : null;
    if (headline) expect(people[0]).toHaveProperty('headline', headline);
    else expect(people[0]).not.toHaveProperty('headline');
    await badge.getByRole('button', { name: /^Vínculo: Contact/ }).click();
    await expect(badge.getByRole('dialog')).toBeVisible();
    expect(await clicks(), 'the badge must not click LinkedIn’s own control').toBe(0);
    if (!FLOATING.has(profile.file)) await expect(badge).not.toHaveAttribute('data-floating');
  });
}

test('a tracked acquaintance shows stage, last touch, temperature in words, and a panel with quick touches', async ({
  vinculo,
}) => {
  const page = await openCoolingAcquaintance(vinculo);
  const badge = page.locator('vinculo-badge');
  await expect(badge).toHaveAttribute('aria-label', 'Acquaintance · last touch 26 days ago · cooling');
  await expect(badge).toContainText('cooling');

  await badge.getByRole('button', { name: /Acquaintance/ }).click();
  const panel = badge.getByRole('dialog');
  await expect(panel).toBeVisible();
  await panel.getByRole('button', { name: 'Met in person' }).click();
  await expect(panel.getByRole('status')).toHaveText('Touch logged.');
  await expect(badge).toHaveAttribute('aria-label', 'Acquaintance · last touch today · warm · met in person');
  await expect(panel.getByRole('listitem')).toHaveText([/Met in person · today/]);
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
});

test('badges speak the language chosen in Vínculo’s settings, whatever the browser’s', async ({
  vinculo,
}) => {
  await seed(vinculo, 'settings', [{ key: 'settings', value: { ...defaultSettings, language: 'es' } }]);
  const page = await openCoolingAcquaintance(vinculo);
  await expect(page.locator('vinculo-badge')).toHaveAttribute(
    'aria-label',
    'Conocido · último contacto hace 26 días · enfriándose',
  );
});

test('choosing another language in the dashboard repaints open badges in it, without a reload', async ({
  vinculo,
}) => {
  const page = await openCoolingAcquaintance(vinculo);
  const badge = page.locator('vinculo-badge');
  await expect(badge).toHaveAttribute('aria-label', 'Acquaintance · last touch 26 days ago · cooling');
  const dashboard = await vinculo.openExtensionPage('options.html#/settings');
  await dashboard.getByLabel('Language').selectOption('es');
  await expect(badge).toHaveAttribute('aria-label', 'Conocido · último contacto hace 26 días · enfriándose');
});

test('the floating badge shows when the name heading is missing', async ({ vinculo }) => {
  const page = await vinculo.openLinkedIn('profile-no-anchor.html');
  const badge = page.locator('vinculo-badge');
  await expect(badge).toHaveAttribute('data-floating', '', { timeout: 8000 });
  await expect(badge.getByRole('button', { name: /track/i })).toBeVisible();
  expect(await badge.evaluate((el) => getComputedStyle(el).position)).toBe('fixed');
});

test('in-page navigation: the second profile never shows the first one’s badge', async ({ vinculo }) => {
  const first = fixture('profile-2026-sdui.html') as ProfileFixture;
  const second = fixture('profile-2026-second.html') as ProfileFixture;
  await seed(vinculo, 'people', [
    personRecord(first.expected.slug, first.expected.name, { stage: 'relationship', lastTouchDaysAgo: 3 }),
  ]);
  const page = await vinculo.openLinkedIn(first.file);
  const badge = page.locator('vinculo-badge');
  await expect(badge).toHaveAttribute('aria-label', /^Relationship · last touch 3 days ago/);

  // LinkedIn changes the URL first and swaps the content a moment later.
  const secondBody = fixtureHtml(second.file).replace(/^[\s\S]*?<body[^>]*>|<\/body>[\s\S]*$/g, '');
  const secondTitle = /<title>([^<]*)<\/title>/.exec(fixtureHtml(second.file))?.[1] ?? '';
  await page.evaluate((url) => history.pushState({}, '', url), second.url);
  await page.waitForTimeout(300);
  const during = await page
    .locator('vinculo-badge')
    .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
  expect(during.filter((label) => label?.startsWith('Relationship'))).toEqual([]);
  await page.evaluate(
    ({ html, title }) => {
      document.body.innerHTML = html;
      document.title = title;
    },
    { html: secondBody, title: secondTitle },
  );
  await expect(page.locator('vinculo-badge')).toHaveCount(1);
  await expect(page.locator('vinculo-badge')).toHaveAttribute(
    'aria-label',
    new RegExp(`Not tracked.*${second.expected.name}`),
  );
});

const LISTS = [
  'search-2025.html',
  'search-2025-symbol-slugs.html',
  'connections-2025.html',
  'feed-2025.html',
  'feed-2026-sdui.html',
];

for (const file of LISTS) {
  test(`${file}: dots beside tracked people only, outside LinkedIn’s controls`, async ({ vinculo }) => {
    const list = fixture(file) as ListFixture;
    const keyOf = (p: { slug?: string; memberId?: string }) => p.slug ?? p.memberId;
    // Every other person is tracked; someone listed twice (an author of two posts) is marked twice.
    const trackedKeys = new Set([...new Set(list.expectedPeople.map(keyOf))].filter((_, i) => i % 2 === 0));
    const tracked = list.expectedPeople.filter((p) => trackedKeys.has(keyOf(p)));
    const unique = [...new Map(tracked.map((p) => [keyOf(p), p])).values()];
    await seed(
      vinculo,
      'people',
      unique.map((p, i) =>
        personRecord(p.slug ?? `tracked-by-id-${i}`, p.name, {
          stage: 'acquaintance',
          lastTouchDaysAgo: 12,
          ...(p.memberId ? { memberId: p.memberId } : {}),
        }),
      ),
    );
    const page = await vinculo.openLinkedIn(file);
    const dots = page.locator('vinculo-dot');
    await expect(dots).toHaveCount(tracked.length);
    const labels = await dots.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
    expect(labels.sort()).toEqual(
      tracked.map((p) => `${p.name} in Vínculo: Acquaintance · last touch 12 days ago · warm`).sort(),
    );
    const inside = await dots.evaluateAll(
      (els, controls) =>
        els.filter((el) => el.parentElement?.closest(controls)).map((el) => el.getAttribute('aria-label')),
      CONTROLS,
    );
    expect(inside, 'dots sit beside names, never inside LinkedIn’s controls').toEqual([]);
  });
}

test('live: a touch logged in the popup updates the badge on the LinkedIn tab without a reload', async ({
  vinculo,
}) => {
  const profile = fixture('profile-2025.html') as ProfileFixture;
  await seed(vinculo, 'people', [
    personRecord(profile.expected.slug, profile.expected.name, {
      stage: 'acquaintance',
      lastTouchDaysAgo: 40,
    }),
  ]);
  const page = await vinculo.openLinkedIn(profile.file);
  const badge = page.locator('vinculo-badge');
  await expect(badge).toHaveAttribute('aria-label', /last touch 40 days ago · cold/);

  const tabId = await tabIdOf(vinculo, page.url());
  const popup = await vinculo.openExtensionPage(`popup.html?tab=${tabId}`);
  await expect(popup.getByLabel('Note')).toBeFocused();
  await popup.getByLabel('Note').fill('Caught up about the new role.');
  await popup.keyboard.press('Control+Enter');
  await expect(popup.getByRole('status')).toContainText('Touch saved.');

  await expect(badge).toHaveAttribute('aria-label', /last touch today · warm/, { timeout: 1000 });
});

test('a changed headline on a revisit is recorded as a role change and shown in the panel', async ({
  vinculo,
}) => {
  const profile = fixture('profile-2024.html') as ProfileFixture;
  await seed(vinculo, 'people', [
    personRecord(profile.expected.slug, profile.expected.name, {
      stage: 'acquaintance',
      lastTouchDaysAgo: 3,
      headline: 'Intern at Old Company',
    }),
  ]);
  const page = await vinculo.openLinkedIn(profile.file);
  const badge = page.locator('vinculo-badge');
  await badge.getByRole('button', { name: /Acquaintance/ }).click();
  await expect(badge.getByRole('dialog')).toContainText(`Changed role today: ${profile.expected.headline}`);
  const [stored] = await readAll(vinculo, 'people');
  expect(stored).toMatchObject({
    headline: profile.expected.headline,
    roleChanges: [expect.objectContaining({ previousHeadline: 'Intern at Old Company' })],
  });
});

test('a good guest: page styles do not reach the badge, and the badge’s styles do not reach the page', async ({
  vinculo,
}) => {
  const page = await vinculo.openLinkedIn('profile-2025.html');
  await page.addStyleTag({
    content:
      'button, span { color: rgb(255, 0, 0) !important; font-size: 40px !important; border-color: red !important }',
  });
  await page.evaluate(() => {
    const own = document.createElement('button');
    own.className = 'track cold panel';
    own.id = 'page-own-button';
    own.textContent = 'LinkedIn’s own';
    document.body.append(own);
  });
  const track = page.locator('vinculo-badge').getByRole('button', { name: /track/i });
  await expect(track).toBeVisible();
  const inside = await track.evaluate((el) => getComputedStyle(el));
  expect(inside.color).not.toBe('rgb(255, 0, 0)');
  expect(inside.fontSize).toBe('13px');
  const outside = await page.locator('#page-own-button').evaluate((el) => getComputedStyle(el));
  expect(outside.backgroundColor).not.toBe('rgb(238, 245, 252)');
  expect(outside.borderTopLeftRadius).not.toBe('999px');
});

test('the service worker stopped between a write and the badge refresh: the badge is right after the next navigation', async ({
  vinculo,
}) => {
  const profile = fixture('profile-2025.html') as ProfileFixture;
  await seed(vinculo, 'people', [
    personRecord(profile.expected.slug, profile.expected.name, {
      stage: 'acquaintance',
      lastTouchDaysAgo: 40,
    }),
  ]);
  const page = await vinculo.openLinkedIn(profile.file);
  const badge = page.locator('vinculo-badge');
  await expect(badge).toHaveAttribute('aria-label', /last touch 40 days ago · cold/);
  // A touch is written (as the popup would) but the worker stops before it tells LinkedIn tabs.
  const [person] = await readAll(vinculo, 'people');
  const now = Date.now();
  await seed(vinculo, 'touches', [touchRecord('touch-late', profile.expected.slug, now, { kind: 'call' })]);
  await seed(vinculo, 'people', [
    { ...person, lastTouchAt: now, dueAt: now + 30 * 86_400_000, updatedAt: now },
  ]);
  const cdp = await vinculo.context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await expect(badge).toHaveAttribute('aria-label', /last touch 40 days ago · cold/);
  await page.reload();
  await expect(page.locator('vinculo-badge')).toHaveAttribute('aria-label', /last touch today · warm/);
});
