// What only Firefox's build has: the toolbar shortcut under its MV2 name, and the harness's own promise
// that nothing leaves Firefox unseen.
import { test as plain } from '@playwright/test';
import { expect, type FixtureEntry, fixture, leaksOf } from '../e2e/shared/vinculo';
import { launchFirefox, test } from './harness';

type ProfileFixture = FixtureEntry & { expected: { name: string } };

test('Alt+Shift+V on a profile opens the toolbar popup on that person', async ({ vinculo }) => {
  const profile = fixture('profile-2026-sdui.html') as ProfileFixture;
  const page = await vinculo.openLinkedIn(profile.file);
  await expect.poll(() => page.attributes('vinculo-badge', 'aria-label')).toHaveLength(1);
  expect(await vinculo.popup()).toBeNull();

  await vinculo.pressInBrowserWindow('Alt+Shift+V');
  await expect.poll(async () => (await vinculo.popup())?.headings).toContain(profile.expected.name);
  expect((await vinculo.popup())?.url).toBe(`${vinculo.origin}/popup.html`);
});

plain('the harness records what leaves Firefox: from Vínculo’s background, and from a page', async () => {
  const vinculo = await launchFirefox();
  try {
    const page = await vinculo.openLinkedIn('profile-2025.html');
    // A tab the background opens loads outside the pages the test guards: it reaches the sink.
    await vinculo.inBackground(
      (background) =>
        (background as unknown as { browser: typeof chrome }).browser.tabs.create({
          url: 'https://example.com/from-the-background',
        }),
      undefined,
    );
    await page.reload();
    await expect
      .poll(() => leaksOf(vinculo.outside))
      .toContainEqual({ url: 'https://example.com:443', from: 'extension' });
    // The saved page's own requests to LinkedIn are its business; anything else from a LinkedIn tab (where
    // Vínculo's content script runs) is not.
    expect(leaksOf(vinculo.outside).filter((r) => r.from === 'page')).toEqual([]);
    vinculo.serve('https://www.linkedin.com/in/leaky/', {
      html: "<h1>Leaky</h1><script>fetch('https://tracker.example/beacon').catch(() => {})</script>",
    });
    await vinculo.openLinkedIn('https://www.linkedin.com/in/leaky/');
    await expect
      .poll(() => leaksOf(vinculo.outside).filter((r) => r.from === 'page'))
      .toEqual([{ url: 'https://tracker.example/beacon', from: 'page' }]);
  } finally {
    await vinculo.close();
  }
});
