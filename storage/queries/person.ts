// What a person's page in the dashboard and the popup's person view read, kept live.
import { liveQuery } from 'dexie';
import { currentSuggestion } from '../../utils/coach';
import { db } from '../db';
import { openNextSteps } from '../next-steps';
import { getPerson } from '../people';
import type { NextStep } from '../schemas';
import { getSettings } from '../settings';
import { listTouches } from '../touches';

/** All of a person's next steps, done ones included, in no particular order. */
function nextStepsOf(slug: string): Promise<NextStep[]> {
  return db.nextSteps.where('personId').equals(slug).toArray();
}

/** The dashboard's person page: the person, every touch newest first, every step, the settings. */
export async function readPersonPage(slug: string) {
  const [person, touches, steps, settings] = await Promise.all([
    getPerson(slug),
    listTouches(slug, Number.POSITIVE_INFINITY),
    nextStepsOf(slug),
    getSettings(),
  ]);
  return { person, touches, steps, settings };
}

/**
 * The popup's person view: the person, their last three touches, their open steps, the settings, and
 * their current coach suggestion (judged on the whole timeline, read once).
 */
async function readPopupPerson(slug: string) {
  const [person, timeline, steps, settings] = await Promise.all([
    getPerson(slug),
    listTouches(slug, Number.POSITIVE_INFINITY),
    openNextSteps(slug),
    getSettings(),
  ]);
  const suggestion = person
    ? (currentSuggestion({ person, touches: timeline, settings, now: Date.now() }) ?? undefined)
    : undefined;
  return { person, touches: timeline.slice(0, 3), steps, settings, suggestion };
}

export type PopupPerson = Awaited<ReturnType<typeof readPopupPerson>>;

/** Calls back with the popup's person data now and after every change to it; returns the unsubscribe. */
export function watchPopupPerson(slug: string, onData: (data: PopupPerson) => void): () => void {
  const subscription = liveQuery(() => readPopupPerson(slug)).subscribe({
    next: onData,
    error: (error) => console.error('[vinculo] live query failed', error),
  });
  return () => subscription.unsubscribe();
}
