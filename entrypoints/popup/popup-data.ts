// What the popup reads and writes once it is on screen: live person data, the quick note and its
// undo, next steps. Everything goes through the repositories; load-data.ts loads this on demand.
import { setNextStepDone } from '../../storage/next-steps';
import { trackPerson } from '../../storage/people';
import { watchPopupPerson } from '../../storage/queries/person';
import { logNote, undoNote } from '../../storage/quick-note';

export type { PopupPerson as PersonData } from '../../storage/queries/person';

export const popupData = {
  /** Calls back with the person's data now and after every change to it; returns the unsubscribe. */
  watchPerson: watchPopupPerson,
  trackPerson,
  logNote,
  undoNote,
  setNextStepDone,
};

export type PopupData = typeof popupData;
