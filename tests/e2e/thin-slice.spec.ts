// The first slice of Vínculo, end to end: Track a person from their profile.
import { expect, fixture, readAll, test } from './harness';

test('Track on a profile stores the person and the badge says so, live and after a reload', async ({
  vinculo,
}) => {
  const profile = fixture('profile-2024.html') as ReturnType<typeof fixture> & {
    expected: { slug: string; name: string; headline: string };
  };
  const page = await vinculo.openLinkedIn(profile.file);
  const badge = page.locator('vinculo-badge');

  await expect(badge).toHaveAttribute('aria-label', new RegExp(`Not tracked.*${profile.expected.name}`));
  await badge.getByRole('button', { name: /track/i }).click();

  await expect(badge).toContainText('Contact · tracked today');
  await expect(badge).toHaveAttribute('aria-label', 'Contact · no touch yet · tracked today');

  const [stored] = await readAll(vinculo, 'people');
  expect(stored).toMatchObject({
    slug: profile.expected.slug,
    name: profile.expected.name,
    headline: profile.expected.headline,
    stage: 'contact',
    source: 'page',
  });

  await page.reload();
  await expect(page.locator('vinculo-badge')).toContainText('Contact · tracked today');
});
