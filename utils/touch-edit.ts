// Changing a touch already logged, from the person's timeline: what the form starts from, and the
// checked patch it becomes. The same rules as the quick note (utils/draft.ts), so a date in the
// future or a note too long is refused the same way in both places.
import type { Touch } from '../storage/schemas';
import { type Draft, type DraftError, draftToWrites } from './draft';
import { toDateInput } from './time';

/** What the editor shows: the touch's own fields, its date as a local yyyy-mm-dd. */
export type TouchEdit = Pick<Draft, 'kind' | 'date' | 'initiator' | 'value' | 'note'>;

export type TouchEditPatch = Pick<Touch, 'at' | 'kind' | 'initiator' | 'value' | 'note'>;

export function touchEditOf(touch: Touch): TouchEdit {
  const { kind, initiator, value, note } = touch;
  return { kind, date: toDateInput(touch.at), initiator, value, note };
}

/** The edit as a patch of the touch, or the errors by field. */
export function touchEditToPatch(
  edit: TouchEdit,
  touch: Pick<Touch, 'at'>,
  now: number,
): { ok: true; patch: TouchEditPatch } | { ok: false; errors: DraftError[] } {
  const checked = draftToWrites(
    { ...edit, nextStep: '', nextStepDue: '', stage: 'contact', cadence: '' },
    { stage: 'contact' },
    now,
  );
  if (!checked.ok) return checked;
  const { at, ...rest } = checked.writes.touch;
  // The same day keeps the touch's own time, so its place among the touches of that day stays.
  return { ok: true, patch: { ...rest, at: edit.date === toDateInput(touch.at) ? touch.at : at } };
}
