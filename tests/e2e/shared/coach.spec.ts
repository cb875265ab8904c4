// The coach in both browsers: a backup restored through the dashboard brings its Suggestions, naming
// exactly the people its records call for; "Not relevant" takes one away for good.
import { defaultSettings } from '../../../storage/schemas';
import { networkBackup } from './coach-network';
import { expect, test } from './vinculo';

const suggested = [
  'Gil Give: Give first',
  'Olga Offline: Move it offline',
  'Mona Moment: A moment that matters',
  'Carl Cold: Going cold',
];

test('a restored backup brings its Suggestions; Not relevant takes one away for good', async ({
  vinculo,
}) => {
  const backup = await vinculo.openExtensionPage('options.html#/backup');
  await backup.chooseFile('Backup file (.json)', {
    name: 'vinculo-backup.json',
    mimeType: 'application/json',
    content: networkBackup(defaultSettings),
  });
  await backup.click({ role: 'button', name: 'Replace everything' });
  await backup.click({ role: 'button', name: 'Yes, replace everything' });
  await expect
    .poll(() => backup.texts({ role: 'status' }))
    .toContainEqual(expect.stringContaining('Restored 6 people, 13 touches'));
  await backup.close();

  const page = await vinculo.openExtensionPage('options.html');
  const shown = async () => {
    const items = await Promise.all(suggested.map((name) => page.isVisible({ role: 'listitem', name })));
    return suggested.filter((_, i) => items[i]);
  };
  await expect.poll(shown).toEqual(suggested);
  expect(await page.isVisible({ role: 'listitem', name: 'Bea Balanced: Going cold' })).toBe(false);
  expect(await page.texts({ role: 'region', name: 'Suggestions' })).toEqual([
    expect.not.stringContaining('Bea Balanced'),
  ]);

  // The first suggestion's Not relevant: Gil Give's.
  await page.click({ role: 'button', name: 'Not relevant' });
  await expect.poll(shown).toEqual(suggested.slice(1));
  await page.reload();
  await expect.poll(shown).toEqual(suggested.slice(1));
  const gil = (await vinculo.readAll('people')).find((p) => p.slug === 'gil-give');
  expect(gil?.dismissals).toEqual([{ kind: 'giveFirst', at: expect.any(Number), facts: expect.any(String) }]);
});
