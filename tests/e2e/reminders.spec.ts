// The reminders in real Chromium: a person whose last touch is older than
// their cadence, the `reminders` alarm, one digest naming them, the icon count,
// and a snooze that takes them out of the next digest and the count.
import type { Worker } from '@playwright/test';
import { expect, personRecord, readAll, seed, test, touchRecord } from './harness';

const DAY = 86_400_000;
const DIGEST = 'vinculo-digest';
const CHECK_MEASURE = 'vinculo-reminder-check';

interface Created {
  id: string;
  title: string;
  message: string;
  buttons: string[];
}

/** Records every notification the extension creates (the API cannot read one back). */
async function recordNotifications(worker: Worker): Promise<void> {
  await worker.evaluate(() => {
    const record = globalThis as unknown as { created: unknown[] };
    record.created = [];
    for (const api of new Set([
      chrome.notifications,
      (globalThis as { browser?: typeof chrome }).browser?.notifications,
    ])) {
      if (!api) continue;
      const original = api.create.bind(api) as (
        id: string,
        o: chrome.notifications.NotificationOptions,
      ) => Promise<string>;
      (api as { create: unknown }).create = (
        id: string,
        options: chrome.notifications.NotificationOptions,
      ) => {
        record.created.push({
          id,
          title: options.title,
          message: options.message,
          buttons: (options.buttons ?? []).map((b) => b.title),
        });
        return original(id, options);
      };
    }
  });
}

const created = (worker: Worker): Promise<Created[]> =>
  worker.evaluate(() => (globalThis as unknown as { created: Created[] }).created);

/** When the last reminder check finished, in the worker's clock (0 if none ran yet). */
const lastCheck = (worker: Worker): Promise<number> =>
  worker.evaluate((name) => {
    const [entry] = performance.getEntriesByName(name);
    return entry ? entry.startTime + entry.duration : 0;
  }, CHECK_MEASURE);

/** Fires the `reminders` alarm now, the way Chrome does every 30 minutes, and waits for its check to finish. */
async function fireAlarm(worker: Worker): Promise<void> {
  const before = await lastCheck(worker);
  await worker.evaluate(() => chrome.alarms.create('reminders', { when: Date.now() }));
  await expect.poll(() => lastCheck(worker), { timeout: 10_000 }).toBeGreaterThan(before);
}

const onScreen = (worker: Worker): Promise<string[]> =>
  worker.evaluate(async () => Object.keys(await chrome.notifications.getAll()));
const iconCount = (worker: Worker): Promise<string> => worker.evaluate(() => chrome.action.getBadgeText({}));

test('a cold relationship: one digest naming them, the icon count, and snooze', async ({ vinculo }) => {
  const { worker } = vinculo;
  // The install-time check runs on an empty database; let it finish before seeding.
  await expect.poll(() => lastCheck(worker), { timeout: 10_000 }).toBeGreaterThan(0);
  await recordNotifications(worker);

  // Reminder hour 0 and no quiet days: the digest is due whatever the wall clock says.
  await seed(vinculo, 'settings', [
    {
      key: 'settings',
      value: {
        cadenceDays: { contact: null, acquaintance: 30, relationship: 60, archived: null },
        reminderHour: 0,
        quietDays: [],
        notifications: true,
      },
    },
  ]);
  const ana = personRecord('ana-garcia', 'Ana García', { stage: 'acquaintance', lastTouchDaysAgo: 40 });
  await seed(vinculo, 'people', [ana]);
  await seed(vinculo, 'touches', [touchRecord('t-ana-1', 'ana-garcia', ana.lastTouchAt as number)]);

  await fireAlarm(worker);
  expect(await onScreen(worker)).toEqual([DIGEST]);
  expect(await created(worker)).toEqual([
    {
      id: DIGEST,
      title: '1 relationship going cold',
      message: 'Ana García',
      buttons: ['Open', 'Snooze a week'],
    },
  ]);
  expect(await iconCount(worker)).toBe('1');

  // Again the same day: still the one notification.
  await fireAlarm(worker);
  expect(await onScreen(worker)).toEqual([DIGEST]);
  expect(await created(worker)).toHaveLength(1);

  // "Snooze a week", as Chrome reports the button click to the extension.
  await worker.evaluate(
    (id) =>
      (chrome.notifications.onButtonClicked as unknown as { dispatch(...a: unknown[]): void }).dispatch(
        id,
        1,
      ),
    DIGEST,
  );
  await expect.poll(() => iconCount(worker)).toBe('');
  await expect.poll(() => onScreen(worker)).toEqual([]);
  const [snoozed] = (await readAll(vinculo, 'people')) as { dueAt: number; lastTouchAt: number }[];
  expect(snoozed?.dueAt).toBeGreaterThan(Date.now() + 6 * DAY);
  expect(snoozed?.lastTouchAt).toBe(ana.lastTouchAt);

  // The next day (the stored digest moved back a day), with Bo now cold too: the digest names Bo alone.
  const [state] = (await readAll(vinculo, 'settings')).filter((row) => row.key === 'reminders') as {
    key: string;
    value: { digest: { date: string; decidedAt: number } };
  }[];
  const digest = state!.value.digest;
  const yesterday = new Date(`${digest.date}T12:00:00Z`);
  yesterday.setUTCDate(yesterday.getUTCDate() - 1);
  await seed(vinculo, 'settings', [
    {
      key: 'reminders',
      value: {
        digest: { ...digest, date: yesterday.toISOString().slice(0, 10), decidedAt: digest.decidedAt - DAY },
      },
    },
  ]);
  await seed(vinculo, 'people', [
    personRecord('bo-li', 'Bo Li', { stage: 'acquaintance', lastTouchDaysAgo: 35 }),
  ]);
  await fireAlarm(worker);
  expect(await onScreen(worker)).toEqual([DIGEST]);
  expect((await created(worker)).map((c) => c.message)).toEqual(['Ana García', 'Bo Li']);
  expect(await iconCount(worker)).toBe('1');
});
