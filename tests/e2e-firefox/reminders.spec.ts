// The reminders in Firefox, where they take other paths than in Chromium: the `reminders` alarm wakes an
// MV2 background page (not a service worker), the count goes on the browserAction button (there is no
// `action`), and Firefox refuses notification buttons — the digest shows only because Vínculo asks
// again without them, and a click on its text is how the user acts on it.
import { defaultSettings } from '../../storage/schemas';
import { expect, personRecord } from '../e2e/shared/vinculo';
import { type FirefoxVinculo, test } from './harness';

const DIGEST = 'vinculo-digest';

/** When the last reminder check finished, in the background page's clock (0 if none ran yet). */
const lastCheck = (vinculo: FirefoxVinculo): Promise<number> =>
  vinculo.inBackground((background) => {
    const [entry] = background.performance.getEntriesByName('vinculo-reminder-check');
    return entry ? entry.startTime + entry.duration : 0;
  }, undefined);

/** Fires the `reminders` alarm now, as Firefox does every 30 minutes, and waits for its check to finish. */
async function fireAlarm(vinculo: FirefoxVinculo): Promise<void> {
  const before = await lastCheck(vinculo);
  await vinculo.inBackground(
    (background) =>
      (background as unknown as { browser: typeof chrome }).browser.alarms.create('reminders', {
        when: Date.now(),
      }),
    undefined,
  );
  await expect.poll(() => lastCheck(vinculo), { timeout: 10_000 }).toBeGreaterThan(before);
}

/** The count on the toolbar button, and whether the MV3 `action` exists at all. */
const toolbar = (vinculo: FirefoxVinculo) =>
  vinculo.inBackground(async (background) => {
    // Firefox's browserAction answers with a promise (Chrome's MV2 typings know only the callback).
    const api = (
      background as unknown as {
        browser: { browserAction: { getBadgeText(details: object): Promise<string> }; action?: unknown };
      }
    ).browser;
    return { count: await api.browserAction.getBadgeText({}), action: typeof api.action };
  }, undefined);

const digestsKnown = (vinculo: FirefoxVinculo): Promise<string[]> =>
  vinculo.inBackground(
    async (background) =>
      Object.keys(await (background as unknown as { browser: typeof chrome }).browser.notifications.getAll()),
    undefined,
  );

test('two relationships gone cold: one notification naming them, the count on the button, and a click that opens them', async ({
  vinculo,
}) => {
  // The install-time check runs on an empty database; let it finish before seeding.
  await expect.poll(() => lastCheck(vinculo), { timeout: 10_000 }).toBeGreaterThan(0);
  // Reminder hour 0 and no quiet days: the digest is due whatever the wall clock says.
  await vinculo.seed('settings', [
    { key: 'settings', value: { ...defaultSettings, reminderHour: 0, quietDays: [], notifications: true } },
  ]);
  await vinculo.seed('people', [
    personRecord('ana-garcia', 'Ana García', { stage: 'acquaintance', lastTouchDaysAgo: 40 }),
    personRecord('bo-li', 'Bo Li', { stage: 'relationship', lastTouchDaysAgo: 70 }),
  ]);

  await fireAlarm(vinculo);
  await expect
    .poll(() => vinculo.notifications())
    .toEqual([{ title: '2 relationships going cold', text: 'Ana García and Bo Li' }]);
  expect(await digestsKnown(vinculo)).toEqual([DIGEST]);
  expect(await toolbar(vinculo)).toEqual({ count: '2', action: 'undefined' });

  // Again the same day: still the one notification.
  await fireAlarm(vinculo);
  expect(await vinculo.notifications()).toHaveLength(1);
  expect(await digestsKnown(vinculo)).toEqual([DIGEST]);

  // Firefox has no "Snooze" button on the notification: its text opens the going-cold list, snooze is there.
  await vinculo.clickNotification('2 relationships going cold');
  const list = await vinculo.tabWhere((url) => url === `${vinculo.origin}/options.html#/going-cold`);
  await expect.poll(() => vinculo.notifications()).toEqual([]);
  await expect
    .poll(() => list.isVisible({ role: 'button', name: 'Snooze a week for Ana García' }))
    .toBe(true);
  await list.click({ role: 'button', name: 'Snooze a week for Ana García' });
  await expect.poll(async () => (await toolbar(vinculo)).count).toBe('1');
  const ana = (await vinculo.readAll('people')).find((p) => p.slug === 'ana-garcia');
  expect(ana?.dueAt).toBeGreaterThan(Date.now() + 6 * 86_400_000);
});
