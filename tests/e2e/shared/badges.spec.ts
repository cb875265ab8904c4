// Badges and dots on LinkedIn, written once and run in Chromium and in Firefox.
import { expect, type FixtureEntry, fixture, personRecord, test } from './vinculo';

type ProfileFixture = FixtureEntry & { expected: { slug: string; name: string; headline: string } };
type ListFixture = FixtureEntry & { expectedPeople: { slug?: string; memberId?: string; name: string }[] };

const badgeLabel = (page: { attributes(s: string, a: string): Promise<(string | null)[]> }) =>
  page.attributes('vinculo-badge', 'aria-label');

// One profile of each era LinkedIn has shipped: Ember (2024, 2025) and the 2026 server-driven UI.
for (const file of ['profile-2024.html', 'profile-2025.html', 'profile-2026-sdui.html']) {
  test(`${file}: Track on an untracked person stores them, and the badge beside their name says so`, async ({
    vinculo,
  }) => {
    const profile = fixture(file) as ProfileFixture;
    const { name, slug, headline } = profile.expected;
    const page = await vinculo.openLinkedIn(file);
    await expect.poll(() => badgeLabel(page)).toEqual([`Not tracked in Vínculo. Track ${name}`]);

    await page.click({
      within: 'vinculo-badge',
      role: 'button',
      name: `Not tracked in Vínculo. Track ${name}`,
    });
    await expect.poll(() => badgeLabel(page)).toEqual(['Contact · no touch yet · tracked today']);
    expect(await vinculo.readAll('people')).toEqual([
      expect.objectContaining({ slug, name, headline, stage: 'contact', source: 'page' }),
    ]);

    await page.click({
      within: 'vinculo-badge',
      role: 'button',
      name: 'Vínculo: Contact · no touch yet · tracked today',
    });
    await expect
      .poll(() => page.isVisible({ within: 'vinculo-badge', role: 'dialog', name: `${name} in Vínculo` }))
      .toBe(true);

    // Still tracked after a reload: the badge reads the database, not the page's memory.
    await page.reload();
    await expect.poll(() => badgeLabel(page)).toEqual(['Contact · no touch yet · tracked today']);
  });
}

test('search results: a dot beside each tracked person, saying stage, last touch and temperature', async ({
  vinculo,
}) => {
  const list = fixture('search-2025.html') as ListFixture;
  // Every other person is tracked, some known by their profile slug and some only by LinkedIn's member id.
  const tracked = list.expectedPeople.filter((_, i) => i % 2 === 0);
  await vinculo.seed(
    'people',
    tracked.map((p, i) =>
      personRecord(p.slug ?? `tracked-by-id-${i}`, p.name, {
        stage: 'acquaintance',
        lastTouchDaysAgo: 12,
        ...(p.memberId ? { memberId: p.memberId } : {}),
      }),
    ),
  );
  const page = await vinculo.openLinkedIn(list.file);
  await expect
    .poll(async () => (await page.attributes('vinculo-dot', 'aria-label')).sort())
    .toEqual(tracked.map((p) => `${p.name} in Vínculo: Acquaintance · last touch 12 days ago · warm`).sort());
});
