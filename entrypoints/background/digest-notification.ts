// The daily digest on screen: one notification naming who has gone cold and which next steps are due,
// with Open (the person, or the dashboard's going-cold view) and Snooze a week. What was shown is
// recorded in storage/reminder-state.ts, because Chrome may stop this worker between any two lines.
import { browser } from 'wxt/browser';
import { duePeople, snoozePerson } from '../../storage/people';
import { advanceDigest, type DigestRecord, getReminderState } from '../../storage/reminder-state';
import { snoozeUntil } from '../../utils/cadence';
import { profileUrl } from '../../utils/slug';
import type { Translate } from '../../utils/translate';
import { updateIconCount } from './icon-count';

export const DIGEST_NOTIFICATION = 'vinculo-digest';
const SNOOZE_DAYS = 7;
const DASHBOARD_GOING_COLD = '/options.html#/going-cold';

/**
 * Puts a recorded digest on screen exactly once, resuming from whichever phase
 * a killed worker left it in. Returns true if it created the notification.
 */
export async function showDigest(digest: DigestRecord, t: Translate): Promise<boolean> {
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
export async function confirmShown(): Promise<void> {
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
