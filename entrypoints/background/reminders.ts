// Reminders that survive the service worker: the alarm, start-up and install each run the check, and
// the digest notification's click and buttons act on it. Listeners return their work's promise:
// browsers ignore it, tests await it.
import { browser } from 'wxt/browser';
import { confirmShown, DIGEST_NOTIFICATION, openDigest, snoozeDigest } from './digest-notification';
import { ensureAlarm, REMINDER_ALARM } from './reminder-alarm';
import { runReminderCheck } from './reminder-check';

const log =
  (what: string) =>
  (error: unknown): void =>
    console.error(`[vinculo] ${what} failed`, error);

/** Installs every reminder listener. Call synchronously at the top of the background's main (MV3). */
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
