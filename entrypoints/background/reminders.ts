// Wiring for the reminders: the alarm, the daily digest notification and its
// buttons, and the count on the toolbar icon. The decisions live in
// utils/digest.ts; what was decided lives in storage/reminder-state.ts, because
// Chrome may stop this worker between any two lines below.
import { browser } from 'wxt/browser';
import { countDueNextSteps, dueNextSteps } from '../../storage/next-steps';
import {
  countDuePeopleUpTo,
  duePeople,
  lookupPeople,
  mostOverdueCandidates,
  snoozePerson,
} from '../../storage/people';
import {
  advanceDigest,
  type DigestRecord,
  getReminderState,
  updateReminderState,
} from '../../storage/reminder-state';
import { getSettings } from '../../storage/settings';
import { snoozeUntil } from '../../utils/cadence';
import {
  COUNT_CAP,
  type Decision,
  type DueStep,
  decideDigest,
  digestWindow,
  localTime,
  NAMED_PEOPLE,
  NAMED_STEPS,
  orderSteps,
} from '../../utils/digest';
import { type Translate, t as translate, uiLocale } from '../../utils/i18n';
import { profileUrl } from '../../utils/slug';

export const REMINDER_ALARM = 'reminders';
export const DIGEST_NOTIFICATION = 'vinculo-digest';
export const CHECK_PERIOD_MINUTES = 30;
export const SNOOZE_DAYS = 7;
/** The toolbar icon says "99+" beyond this, as mail and chat badges do. */
export const ICON_MAX = 99;
/** The user-timing entry each check leaves in the worker's performance timeline (read by the bench). */
export const CHECK_MEASURE = 'vinculo-reminder-check';
const DASHBOARD_GOING_COLD = '/options.html#/going-cold';

// One check at a time in this worker: start-up, install and the alarm can fire
// together, and two checks must never show two digests. (Across workers the
// state transactions do the same job.)
let queue: Promise<unknown> = Promise.resolve();
function serialized<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task);
  queue = run.catch(() => undefined);
  return run;
}

const log =
  (what: string) =>
  (error: unknown): void =>
    console.error(`[vinculo] ${what} failed`, error);

/**
 * Installs every reminder listener. Call synchronously at the top of the background's main (MV3).
 * Listeners return their work's promise: browsers ignore it, tests await it.
 */
export function registerReminders(): void {
  const check = (): Promise<unknown> => runReminderCheck().catch(log('reminder check'));
  browser.alarms.onAlarm.addListener((alarm) => (alarm.name === REMINDER_ALARM ? check() : undefined));
  browser.runtime.onStartup.addListener(check);
  browser.runtime.onInstalled.addListener(check);
  browser.notifications.onClicked.addListener((id) =>
    id === DIGEST_NOTIFICATION ? openDigest().catch(log('opening the digest')) : undefined,
  );
  browser.notifications.onButtonClicked.addListener((id, index) => {
    if (id !== DIGEST_NOTIFICATION) return undefined;
    return (index === 0 ? openDigest() : snoozeDigest()).catch(log('digest button'));
  });
  browser.notifications.onClosed.addListener((id, byUser) =>
    id === DIGEST_NOTIFICATION && byUser ? confirmShown().catch(log('closing the digest')) : undefined,
  );
  ensureAlarm().catch(log('alarm set-up'));
}

/** Creates the periodic alarm unless it is already there: re-creating it on every wake-up would keep postponing it. */
export async function ensureAlarm(): Promise<void> {
  const alarm = await browser.alarms.get(REMINDER_ALARM);
  if (alarm?.periodInMinutes === CHECK_PERIOD_MINUTES) return;
  await browser.alarms.create(REMINDER_ALARM, {
    delayInMinutes: CHECK_PERIOD_MINUTES,
    periodInMinutes: CHECK_PERIOD_MINUTES,
  });
}

export interface CheckOutcome {
  /** Cold people + due steps: exact when a digest was decided, otherwise counted only up to what the icon shows. */
  count: number;
  /** What was decided about the digest. */
  decision: Decision['kind'] | 'none';
  /** True when this check put a notification on screen. */
  notified: boolean;
}

export interface CheckOptions {
  now?: number;
  /** For tests; the worker uses the system time zone. */
  timeZone?: string;
  t?: Translate;
  locale?: string;
}

/** The reminder check: due people and steps by index range, the icon count, and at most one digest a day. */
export function runReminderCheck(options: CheckOptions = {}): Promise<CheckOutcome> {
  return serialized(() => check(options));
}

async function check({
  now = Date.now(),
  timeZone,
  t = translate,
  locale = uiLocale(),
}: CheckOptions): Promise<CheckOutcome> {
  const started = performance.now();
  const [settings, state] = await Promise.all([getSettings(), getReminderState()]);
  const local = localTime(now, timeZone);
  const window = digestWindow(state, now, local, settings);

  let decision: Decision;
  let count: number;
  let icon: Promise<void>;
  if (window.kind === 'open') {
    // The names come from a handful of candidates and the count stops at COUNT_CAP: reading everyone due
    // would take a second with tens of thousands of people.
    const [people, coldCount, stepCount, named] = await Promise.all([
      mostOverdueCandidates(now, NAMED_PEOPLE),
      countDuePeopleUpTo(now, COUNT_CAP),
      countDueNextSteps(now),
      dueNextSteps(now, STEPS_READ).then(withPersonNames),
    ]);
    count = coldCount + stepCount;
    icon = setIconCount(count);
    // Decided and recorded in one transaction: a second check racing this one finds it done.
    const made: { decision: Decision } = { decision: { kind: 'none', reason: 'nothing-due' } };
    await updateReminderState((current) => {
      made.decision = decideDigest({
        state: current,
        now,
        local,
        settings,
        people,
        coldCount,
        steps: named,
        stepCount,
        t,
        locale,
      });
      return made.decision.kind === 'new' ? made.decision.state : undefined;
    });
    decision = made.decision;
  } else {
    count = await countDue(now);
    icon = setIconCount(count);
    decision = window.kind === 'resume' ? window : { kind: 'none', reason: window.reason };
  }

  // The icon and the alarm are independent of the digest: they go out alongside it.
  const [notified] = await Promise.all([
    decision.kind === 'new' || decision.kind === 'resume' ? show(decision.digest, t) : false,
    icon,
    ensureAlarm(),
  ]);
  performance.clearMeasures(CHECK_MEASURE);
  performance.measure(CHECK_MEASURE, { start: started, end: performance.now() });
  return { count, decision: decision.kind, notified };
}

/**
 * The longest-due steps the check reads: enough to name NAMED_STEPS and, when they are all one
 * person's, to open that profile. The rest are only counted.
 */
const STEPS_READ = 20;

/** The steps the body will name get their person's name, in one read by primary key. */
async function withPersonNames(steps: DueStep[]): Promise<DueStep[]> {
  const named = orderSteps(steps).slice(0, NAMED_STEPS);
  if (named.length === 0) return steps;
  const people = await lookupPeople([...new Set(named.map((s) => s.personId))]);
  const names = new Map(people.map((p) => [p.slug, p.name]));
  return steps.map((s) => {
    const personName = names.get(s.personId);
    return personName === undefined ? s : { ...s, personName };
  });
}

/**
 * Puts a recorded digest on screen exactly once, resuming from whichever phase
 * a killed worker left it in. Returns true if it created the notification.
 */
async function show(digest: DigestRecord, t: Translate): Promise<boolean> {
  if (digest.phase === 'decided') {
    // Yesterday's digest goes first, so that while 'showing' any digest on screen is this one.
    await browser.notifications.clear(DIGEST_NOTIFICATION);
    if (!(await advanceDigest(digest.date, 'decided', 'showing'))) return false;
  } else if (digest.phase === 'showing') {
    const onScreen = await browser.notifications.getAll();
    if (DIGEST_NOTIFICATION in onScreen) {
      await advanceDigest(digest.date, 'showing', 'shown');
      return false;
    }
  } else {
    return false;
  }
  await createNotification(digest, t);
  await advanceDigest(digest.date, 'showing', 'shown');
  return true;
}

async function createNotification(digest: DigestRecord, t: Translate): Promise<void> {
  const buttons = [{ title: t('reminder_open') }];
  if (digest.cold > 0) buttons.push({ title: t('reminder_snooze') });
  const options = {
    type: 'basic' as const,
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: digest.title,
    message: digest.message,
    priority: 0,
  };
  try {
    await browser.notifications.create(DIGEST_NOTIFICATION, { ...options, buttons });
  } catch {
    // Firefox has no notification buttons and refuses the option: the body click still opens.
    await browser.notifications.create(DIGEST_NOTIFICATION, options);
  }
}

/** A user acting on the notification proves it was shown, even if the worker died before recording it. */
async function confirmShown(): Promise<void> {
  const { digest } = await getReminderState();
  if (digest?.phase === 'showing') await advanceDigest(digest.date, 'showing', 'shown');
}

/** "Open" and a click on the body: the one person's profile, or the dashboard's going-cold view. */
export async function openDigest(): Promise<void> {
  await confirmShown();
  const { digest } = await getReminderState();
  const url =
    digest?.open.kind === 'profile'
      ? profileUrl(digest.open.slug)
      : browser.runtime.getURL(DASHBOARD_GOING_COLD);
  await browser.tabs.create({ url });
  await browser.notifications.clear(DIGEST_NOTIFICATION);
}

/**
 * "Snooze a week" for everyone the digest counted as going cold: the people
 * still due at the moment it was decided. Anyone touched or snoozed since has
 * a later due date and is left alone.
 */
export async function snoozeDigest(now = Date.now()): Promise<void> {
  await confirmShown();
  const { digest } = await getReminderState();
  if (digest && digest.cold > 0) {
    for (const person of await duePeople(digest.decidedAt)) {
      await snoozePerson(person.slug, snoozeUntil(now, SNOOZE_DAYS, person.dueAt), now);
    }
  }
  await browser.notifications.clear(DIGEST_NOTIFICATION);
  await updateIconCount();
}

/**
 * Cold people + due steps, read only as far as the icon can show: one past
 * ICON_MAX people by index range, however many are due. (Counting a large due
 * range entry by entry would cost as much as reading it.)
 */
async function countDue(now: number): Promise<number> {
  const [people, steps] = await Promise.all([duePeople(now, ICON_MAX + 1), countDueNextSteps(now)]);
  return people.length + steps;
}

async function setIconCount(count: number): Promise<void> {
  // Firefox builds are MV2, where the toolbar button is browserAction.
  const action = browser.action ?? browser.browserAction;
  await action.setBadgeText({
    text: count === 0 ? '' : count > ICON_MAX ? `${ICON_MAX}+` : String(count),
  });
}

// Writes come in bursts (a snooze of twenty people is twenty writes): calls
// made while a count is waiting to start share it, and the count starts after
// the last of them, so it always sees them.
let queuedCount: Promise<void> | undefined;
let countTail: Promise<void> = Promise.resolve();

/** Recounts cold people + due steps onto the toolbar icon; call after every write. */
export function updateIconCount(): Promise<void> {
  if (queuedCount) return queuedCount;
  const next = countTail.then(async () => {
    queuedCount = undefined;
    await setIconCount(await countDue(Date.now()));
  });
  queuedCount = next;
  countTail = next.catch(() => undefined);
  return next;
}
