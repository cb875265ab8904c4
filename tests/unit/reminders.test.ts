// The reminders as the background runs them, against the fake browser: the
// alarm, one digest a day, its buttons, the icon count, and a worker killed
// halfway through showing a digest.
import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DIGEST_NOTIFICATION } from '../../entrypoints/background/digest-notification';
import { REMINDER_ALARM } from '../../entrypoints/background/reminder-alarm';
import { CHECK_MEASURE } from '../../entrypoints/background/reminder-check';
import { parseReminderState, reminderStateSchema } from '../../storage/reminder-state';
import { DAY, HOUR } from '../../utils/time';

// The worker runs in the system time zone; these tests live in Madrid.
const tzBefore = process.env.TZ;
process.env.TZ = 'Europe/Madrid';
afterAll(() => {
  process.env.TZ = tzBefore;
});

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const messages: Messages = JSON.parse(readFileSync('public/_locales/en/messages.json', 'utf8'));
/** chrome.i18n.getMessage's substitution rules. */
function getMessage(key: string, subs?: string | string[]): string {
  const list = typeof subs === 'string' ? [subs] : (subs ?? []);
  const entry = messages[key];
  if (!entry) return '';
  return entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (_, name: string) =>
    (entry.placeholders?.[name.toLowerCase()]?.content ?? '').replace(
      /\$(\d)/g,
      (__, i) => list[Number(i) - 1] ?? '',
    ),
  );
}

/** Thursday 2026-11-26, 10:00 in Madrid: after the default 09:00 reminder hour. */
const T = Date.UTC(2026, 10, 26, 9);
const ANA = { slug: 'ana-garcia', name: 'Ana García' };
const BO = { slug: 'bo-li', name: 'Bo Li' };
const ANA_PROFILE = 'https://www.linkedin.com/in/ana-garcia/';

/**
 * A fresh worker: new module instances (nothing in memory survives), the real
 * background main, and the storage functions as that worker sees them, so that
 * writes reach its change listener.
 */
async function startWorker() {
  vi.resetModules();
  const background = await import('../../entrypoints/background/index');
  background.default.main?.();
  return {
    reminders: {
      ...(await import('../../entrypoints/background/reminder-check')),
      ...(await import('../../entrypoints/background/icon-count')),
    },
    db: (await import('../../storage/db')).db,
    ...(await import('../../storage/people')),
    ...(await import('../../storage/next-steps')),
    ...(await import('../../storage/touches')),
    ...(await import('../../storage/settings')),
    ...(await import('../../storage/reminder-state')),
  };
}
let w: Awaited<ReturnType<typeof startWorker>>;

/** An acquaintance (30-day cadence) tracked `daysAgo` days ago, never touched. */
async function acquaintance(who: { slug: string; name: string }, daysAgo: number): Promise<void> {
  await w.trackPerson(who, T - daysAgo * DAY);
  const result = await w.setStage(who.slug, 'acquaintance', T - daysAgo * DAY);
  if (!result.ok) throw new Error(result.error);
}

const created = () => fakeBrowser.notifications.getAllCreateOptions();
const badge = () => fakeBrowser.action.getBadgeText({});
const alarm = () =>
  fakeBrowser.alarms.onAlarm.trigger({
    name: REMINDER_ALARM,
    scheduledTime: Date.now(),
    persistAcrossSessions: true,
  });
const never = <T>(): Promise<T> => new Promise<T>(() => undefined);

/** What a killed worker leaves behind: no listeners, no memory, but the notifications on screen and the database. */
async function restartWorker(): Promise<void> {
  for (const event of [
    fakeBrowser.alarms.onAlarm,
    fakeBrowser.runtime.onStartup,
    fakeBrowser.runtime.onInstalled,
    fakeBrowser.runtime.onMessage,
    fakeBrowser.notifications.onClicked,
    fakeBrowser.notifications.onButtonClicked,
    fakeBrowser.notifications.onClosed,
  ]) {
    event.removeAllListeners();
  }
  w.db.close();
  w = await startWorker();
}

const realCreate = fakeBrowser.notifications.create.bind(fakeBrowser.notifications);
let create: ReturnType<typeof vi.spyOn>;

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'], now: T });
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(
    getMessage as typeof fakeBrowser.i18n.getMessage,
  );
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en');
  create = vi.spyOn(fakeBrowser.notifications, 'create');
  w = await startWorker();
  await w.db.delete();
  await w.db.open();
});

afterEach(() => {
  w.db.close();
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('the reminders alarm', () => {
  it('is created every 30 minutes on start, and not postponed by later wake-ups', async () => {
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.get(REMINDER_ALARM)).toBeDefined());
    const first = await fakeBrowser.alarms.get(REMINDER_ALARM);
    expect(first?.periodInMinutes).toBe(30);
    vi.setSystemTime(T + HOUR);
    await restartWorker();
    await alarm();
    expect((await fakeBrowser.alarms.get(REMINDER_ALARM))?.scheduledTime).toBe(first?.scheduledTime);
  });

  it('shows one digest naming the person gone cold, with Open and Snooze buttons', async () => {
    await acquaintance(ANA, 40);
    await alarm();
    expect(create).toHaveBeenCalledTimes(1);
    expect(created()[DIGEST_NOTIFICATION]).toMatchObject({
      type: 'basic',
      title: '1 relationship going cold',
      message: 'Ana García',
      buttons: [{ title: 'Open' }, { title: 'Snooze a week' }],
    });
    expect(await badge()).toBe('1');
  });

  it('notifies once however many times the check runs that day', async () => {
    await acquaintance(ANA, 40);
    await Promise.all([alarm(), fakeBrowser.runtime.onStartup.trigger(), alarm()]);
    vi.setSystemTime(T + 5 * HOUR);
    await alarm();
    await acquaintance(BO, 45);
    await alarm();
    expect(create).toHaveBeenCalledTimes(1);
    expect(Object.keys(created())).toEqual([DIGEST_NOTIFICATION]);
    expect(await badge()).toBe('2');
  });

  it('waits for the reminder hour, skips quiet days, and stays silent with notifications off', async () => {
    await acquaintance(ANA, 40);
    vi.setSystemTime(Date.UTC(2026, 10, 26, 7, 30)); // 08:30 in Madrid
    await alarm();
    expect(create).not.toHaveBeenCalled();
    expect(await badge()).toBe('1');

    await w.saveSettings({ ...(await w.getSettings()), quietDays: [4] }); // Thursdays
    vi.setSystemTime(T);
    await alarm();
    expect(create).not.toHaveBeenCalled();

    await w.saveSettings({ ...(await w.getSettings()), quietDays: [], notifications: false });
    await alarm();
    expect(create).not.toHaveBeenCalled();
    expect(await badge()).toBe('1');
  });

  it('a browser closed at the hour gets the digest once at start-up that day, not the next morning', async () => {
    await acquaintance(ANA, 40);
    vi.setSystemTime(Date.UTC(2026, 10, 26, 14)); // 15:00
    await fakeBrowser.runtime.onStartup.trigger();
    expect(create).toHaveBeenCalledTimes(1);
    vi.setSystemTime(Date.UTC(2026, 10, 27, 6)); // 07:00 the next day
    await fakeBrowser.runtime.onStartup.trigger();
    expect(create).toHaveBeenCalledTimes(1);
    vi.setSystemTime(Date.UTC(2026, 10, 27, 8)); // 09:00
    await alarm();
    expect(create).toHaveBeenCalledTimes(2);
  });

  it('also runs when the extension is installed', async () => {
    await acquaintance(ANA, 40);
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' });
    expect(create).toHaveBeenCalledTimes(1);
  });

  it('finds who is due with the dueAt index, never by walking the table', async () => {
    await acquaintance(ANA, 40);
    const where = vi.spyOn(w.db.Table.prototype, 'where');
    const scans = [
      vi.spyOn(w.db.Table.prototype, 'toArray'),
      vi.spyOn(w.db.Table.prototype, 'toCollection'),
      vi.spyOn(w.db.Table.prototype, 'each'),
      vi.spyOn(w.db.Table.prototype, 'filter'),
    ];
    const outcome = await w.reminders.runReminderCheck();
    expect(outcome).toMatchObject({ count: 1, decision: 'new', notified: true });
    expect(where.mock.calls.map(([index]) => index)).toEqual(expect.arrayContaining(['dueAt']));
    for (const scan of scans) expect(scan).not.toHaveBeenCalled();
    expect(performance.getEntriesByName(CHECK_MEASURE)).toHaveLength(1);
  });
});

describe('the digest buttons', () => {
  it('Open goes to the profile when the digest is about one person', async () => {
    await acquaintance(ANA, 40);
    await alarm();
    const open = vi.spyOn(fakeBrowser.tabs, 'create');
    await fakeBrowser.notifications.onButtonClicked.trigger(DIGEST_NOTIFICATION, 0);
    expect(open).toHaveBeenCalledWith({ url: ANA_PROFILE });
    expect(created()[DIGEST_NOTIFICATION]).toBeUndefined();
  });

  it('Open, or a click on the body, goes to the going-cold view when it names several', async () => {
    await acquaintance(ANA, 40);
    await acquaintance(BO, 35);
    await alarm();
    expect(created()[DIGEST_NOTIFICATION]?.message).toBe('Ana García and Bo Li');
    const open = vi.spyOn(fakeBrowser.tabs, 'create');
    await fakeBrowser.notifications.onClicked.trigger(DIGEST_NOTIFICATION);
    expect(open).toHaveBeenCalledWith({
      url: 'chrome-extension://test-extension-id/options.html#/going-cold',
    });
  });

  it('Snooze a week moves everyone in the digest a week on, clears the count, and keeps them out of the next digest', async () => {
    await acquaintance(ANA, 40);
    await acquaintance(BO, 35);
    await alarm();
    await fakeBrowser.notifications.onButtonClicked.trigger(DIGEST_NOTIFICATION, 1);
    for (const slug of [ANA.slug, BO.slug]) {
      const p = await w.getPerson(slug);
      expect(p?.dueAt).toBe(T + 7 * DAY);
      expect(p?.lastTouchAt).toBeUndefined();
    }
    expect(created()[DIGEST_NOTIFICATION]).toBeUndefined();
    expect(await badge()).toBe('');

    // The next day Carla goes cold: the digest names her alone.
    await acquaintance({ slug: 'carla-ruiz', name: 'Carla Ruiz' }, 31);
    vi.setSystemTime(T + DAY);
    await alarm();
    expect(created()[DIGEST_NOTIFICATION]?.message).toBe('Carla Ruiz');
    expect(await badge()).toBe('1');
  });

  it('Snooze leaves alone someone touched since the digest', async () => {
    await acquaintance(ANA, 40);
    await alarm();
    await w.addTouch({
      personId: ANA.slug,
      at: T,
      kind: 'message',
      initiator: 'me',
      value: 'none',
      note: '',
    });
    await fakeBrowser.notifications.onButtonClicked.trigger(DIGEST_NOTIFICATION, 1);
    expect((await w.getPerson(ANA.slug))?.dueAt).toBe(T + 30 * DAY);
  });
});

describe('the icon count', () => {
  it('counts cold people and due steps, updated after writes, empty when nothing is due', async () => {
    await w.reminders.runReminderCheck();
    expect(await badge()).toBe('');
    await acquaintance(ANA, 40);
    await vi.waitFor(async () => expect(await badge()).toBe('1'));
    await w.addNextStep({ personId: ANA.slug, text: 'Send the article', dueAt: T - HOUR });
    await vi.waitFor(async () => expect(await badge()).toBe('2'));
    await w.addTouch({ personId: ANA.slug, at: T, kind: 'call', initiator: 'me', value: 'none', note: '' });
    await vi.waitFor(async () => expect(await badge()).toBe('1'));
  });

  it('says 99+ beyond 99, on the icon and in the digest, reading no more of a long due list than that', async () => {
    const people = Array.from({ length: 150 }, (_, i) => ({
      slug: `person-${i}`,
      name: `Person ${i}`,
      stage: 'acquaintance' as const,
      tags: [],
      about: '',
      source: 'manual' as const,
      createdAt: T - 40 * DAY,
      updatedAt: T - 40 * DAY,
      metInPerson: false,
      roleChanges: [],
      dueAt: T - 10 * DAY + i,
    }));
    await w.db.people.bulkPut(people);
    await w.reminders.updateIconCount();
    expect(await badge()).toBe('99+');
    await alarm();
    expect(created()[DIGEST_NOTIFICATION]?.title).toBe('99+ relationships going cold');
    expect(await badge()).toBe('99+');
  });

  it('a digest with only steps due has no Snooze button', async () => {
    await w.trackPerson(ANA, T - DAY);
    await w.addNextStep({ personId: ANA.slug, text: 'Send the article', dueAt: T - HOUR });
    await alarm();
    expect(created()[DIGEST_NOTIFICATION]).toMatchObject({
      title: '1 next step due',
      message: 'Due: Send the article (Ana García)',
      buttons: [{ title: 'Open' }],
    });
  });
});

describe('a worker killed between deciding and recording', () => {
  it('killed after recording the decision, before showing: the restart shows it once', async () => {
    await acquaintance(ANA, 40);
    vi.spyOn(fakeBrowser.notifications, 'clear').mockImplementationOnce(never);
    void alarm();
    await vi.waitFor(async () => expect((await w.getReminderState()).digest?.phase).toBe('decided'));
    expect(create).not.toHaveBeenCalled();

    await restartWorker();
    vi.setSystemTime(T + HOUR);
    await fakeBrowser.runtime.onStartup.trigger();
    await alarm();
    expect(create).toHaveBeenCalledTimes(1);
    expect(created()[DIGEST_NOTIFICATION]?.message).toBe('Ana García');
    expect((await w.getReminderState()).digest?.phase).toBe('shown');
  });

  it('killed while creating the notification: the restart creates it, once', async () => {
    await acquaintance(ANA, 40);
    create.mockImplementationOnce(never);
    void alarm();
    await vi.waitFor(async () => expect((await w.getReminderState()).digest?.phase).toBe('showing'));

    await restartWorker();
    await alarm();
    await alarm();
    expect(create).toHaveBeenCalledTimes(2); // the lost call and the one that showed it
    expect(Object.keys(created())).toEqual([DIGEST_NOTIFICATION]);
    expect((await w.getReminderState()).digest?.phase).toBe('shown');
  });

  it('killed after showing, before recording it as shown: the restart does not show it again', async () => {
    await acquaintance(ANA, 40);
    create.mockImplementationOnce(async (...args: Parameters<typeof realCreate>) => {
      await realCreate(...args);
      return never<string>();
    });
    void alarm();
    await vi.waitFor(() => expect(created()[DIGEST_NOTIFICATION]).toBeDefined());

    await restartWorker();
    await alarm();
    await fakeBrowser.runtime.onStartup.trigger();
    expect(create).toHaveBeenCalledTimes(1);
    expect((await w.getReminderState()).digest?.phase).toBe('shown');
  });

  it('a digest dismissed before it was recorded as shown is not shown again', async () => {
    await acquaintance(ANA, 40);
    create.mockImplementationOnce(never);
    void alarm();
    await vi.waitFor(async () => expect((await w.getReminderState()).digest?.phase).toBe('showing'));
    // Chrome showed it (the call just never returned before the worker died), and the user closed it.
    await restartWorker();
    await fakeBrowser.notifications.onClosed.trigger(DIGEST_NOTIFICATION, true);
    await alarm();
    expect(create).toHaveBeenCalledTimes(1);
  });
});

describe('the stored reminder state', () => {
  it('a damaged row neither repeats today’s digest nor silences Vínculo', async () => {
    await acquaintance(ANA, 40);
    await w.db.settings.put({
      key: 'reminders',
      value: { digest: { date: '2026-11-26', decidedAt: T, phase: 42 } },
    });
    await alarm();
    expect(create).not.toHaveBeenCalled();

    await w.db.settings.put({ key: 'reminders', value: 'garbage' });
    await alarm();
    expect(create).toHaveBeenCalledTimes(1);
    expect(parseReminderState({ digest: { date: 'yesterday' } })).toEqual({});
    const salvaged = parseReminderState({ digest: { date: '2026-11-26', decidedAt: T, title: 7 } });
    expect(salvaged.digest?.date).toBe('2026-11-26');
    expect(reminderStateSchema.safeParse(salvaged).success).toBe(true);
  });
});
