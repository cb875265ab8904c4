// The popup on a profile tab, written once and run in Chromium and in Firefox.
import { expect, type FixtureEntry, fixture, personRecord, test } from './vinculo';

type ProfileFixture = FixtureEntry & { expected: { slug: string; name: string } };

test('a quick note from the popup on a profile tab is saved, and the badge there follows without a reload', async ({
  vinculo,
}) => {
  const profile = fixture('profile-2025.html') as ProfileFixture;
  await vinculo.seed('people', [
    personRecord(profile.expected.slug, profile.expected.name, {
      stage: 'acquaintance',
      lastTouchDaysAgo: 40,
    }),
  ]);
  const page = await vinculo.openLinkedIn(profile.file);
  await expect
    .poll(() => page.attributes('vinculo-badge', 'aria-label'))
    .toEqual(['Acquaintance · last touch 40 days ago · cold']);

  const popup = await vinculo.openExtensionPage(`popup.html?tab=${await vinculo.tabIdOf(page)}`);
  await expect.poll(() => popup.isVisible({ role: 'heading', name: profile.expected.name })).toBe(true);
  await expect.poll(() => popup.isFocused('Note')).toBe(true);
  await popup.fill('Note', 'Caught up about the new role.');
  await popup.press('Control+Enter');
  await expect
    .poll(() => popup.texts({ role: 'status' }))
    .toContainEqual(expect.stringContaining('Touch saved.'));

  expect(await vinculo.readAll('touches')).toEqual([
    expect.objectContaining({ personId: profile.expected.slug, note: 'Caught up about the new role.' }),
  ]);
  await expect
    .poll(() => page.attributes('vinculo-badge', 'aria-label'), { timeout: 2_000 })
    .toEqual(['Acquaintance · last touch today · warm']);
});
