// What the popup reads and writes once it is on screen: live person data, the quick note and its
// undo, next steps. Everything goes through the repositories.
import { liveQuery } from 'dexie';
import { openNextSteps, setNextStepDone } from '../../storage/next-steps';
import { getPerson, trackPerson } from '../../storage/people';
import { logNote, undoNote } from '../../storage/quick-note';
import { getSettings } from '../../storage/settings';
import { listTouches } from '../../storage/touches';

async function readPerson(slug: string) {
  const [person, touches, steps, settings] = await Promise.all([
    getPerson(slug),
    listTouches(slug, 3),
    openNextSteps(slug),
    getSettings(),
  ]);
  return { person, touches, steps, settings };
}

export type PersonData = Awaited<ReturnType<typeof readPerson>>;

export const popupData = {
  /** Calls back with the person's data now and after every change to it; returns the unsubscribe. */
  watchPerson(slug: string, onData: (data: PersonData) => void): () => void {
    const subscription = liveQuery(() => readPerson(slug)).subscribe({
      next: onData,
      error: (error) => console.error('[vinculo] live query failed', error),
    });
    return () => subscription.unsubscribe();
  },
  getPerson,
  trackPerson,
  logNote,
  undoNote,
  setNextStepDone,
};

export type PopupData = typeof popupData;
