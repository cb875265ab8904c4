// Snooze and Not relevant on a coach suggestion, wherever the dashboard shows one: stored with the
// person, said in the status line with an Undo that puts the person's dismissals back.
import type { SetToast } from '../../components/dashboard/toast';
import type { Person } from '../../storage/schemas';
import { dismissSuggestion, restoreDismissals } from '../../storage/suggestions';
import { notRelevant, type Suggestion, snoozed } from '../../utils/coach';
import { t } from '../../utils/translate';

export function dismissWithUndo(
  person: Person,
  suggestion: Suggestion,
  how: 'snooze' | 'notRelevant',
  setToast: SetToast,
): void {
  const now = Date.now();
  const dismissal = how === 'snooze' ? snoozed(suggestion, now) : notRelevant(suggestion, now);
  void dismissSuggestion(person.slug, dismissal).then((before) => {
    if (!before) return;
    setToast({
      text: t(how === 'snooze' ? 'coach_snoozed' : 'coach_dismissed', person.name),
      undo: () => void restoreDismissals(person.slug, before),
    });
  });
}
