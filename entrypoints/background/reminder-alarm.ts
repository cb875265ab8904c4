// The alarm that wakes the background every half hour to check who is going cold. Chrome may stop this
// worker between any two lines, so the alarm, not a timer, drives the reminders.
import { browser } from 'wxt/browser';

export const REMINDER_ALARM = 'reminders';
const CHECK_PERIOD_MINUTES = 30;

/** Creates the periodic alarm unless it is already there: re-creating it on every wake-up would keep postponing it. */
export async function ensureAlarm(): Promise<void> {
  const alarm = await browser.alarms.get(REMINDER_ALARM);
  if (alarm?.periodInMinutes === CHECK_PERIOD_MINUTES) return;
  await browser.alarms.create(REMINDER_ALARM, {
    delayInMinutes: CHECK_PERIOD_MINUTES,
    periodInMinutes: CHECK_PERIOD_MINUTES,
  });
}
