// What the popup reads and writes once it is on screen: live person data (with their suggestion in
// words), the quick note and its undo, next steps. Everything goes through the repositories;
// load-data.ts loads this on demand.
import { setNextStepDone } from '../../storage/next-steps';
import { trackPerson } from '../../storage/people';
import { type PopupPerson, watchPopupPerson } from '../../storage/queries/person';
import { logNote, undoNote } from '../../storage/quick-note';
import { type SuggestionWords, suggestionWords } from '../../utils/coach-words';
import { t, uiLocale } from '../../utils/translate';

export type PersonData = Omit<PopupPerson, 'suggestion'> & { suggestion?: SuggestionWords };

/** Calls back with the person's data now and after every change to it; returns the unsubscribe. */
function watchPerson(slug: string, onData: (data: PersonData) => void): () => void {
  return watchPopupPerson(slug, ({ suggestion, ...data }) =>
    onData({ ...data, suggestion: suggestion && suggestionWords(suggestion, Date.now(), t, uiLocale()) }),
  );
}

export const popupData = {
  watchPerson,
  trackPerson,
  logNote,
  undoNote,
  setNextStepDone,
};

export type PopupData = typeof popupData;
