// The popup's quick note as the user works it: typing (kept as a draft), saving in one transaction
// with an Undo for a few seconds, and Track for someone not stored yet. The repositories load on
// the first save (load-data.ts), so none of this delays the first paint.
import { useRef, useState } from 'preact/hooks';
import type { ProfileFacts } from '../../storage/people';
import type { LoggedNote } from '../../storage/quick-note';
import type { Person } from '../../storage/schemas';
import { type Draft, type DraftError, draftToWrites, emptyDraft } from '../../utils/draft';
import { isStorageFull } from '../../utils/errors';
import { t } from '../../utils/translate';
import { forgetDraft, keepDraft } from './draft-store';
import { loadPopupData } from './load-data';

const UNDO_MS = 8000;

const failure = (error: unknown) => t(isStorageFull(error) ? 'error_storageFull' : 'panel_error');

export function useQuickNote(slug: string, initialDraft: Draft | null) {
  const [draft, setDraft] = useState<Draft | null>(initialDraft);
  const [errors, setErrors] = useState<DraftError[]>([]);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<LoggedNote | null>(null);
  const [status, setStatus] = useState('');
  const undoTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const change = (patch: Partial<Draft>) => {
    if (!draft) return;
    const next = { ...draft, ...patch };
    setDraft(next);
    setErrors([]);
    keepDraft(slug, next);
  };

  /** Saves the note for `person`; `untracked` (the page's facts) is stored with it when they are new. */
  const save = async (person: Person, untracked: ProfileFacts | undefined) => {
    if (saving || !draft) return;
    const result = draftToWrites(draft, person, Date.now());
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setSaving(true);
    try {
      const { writes } = result;
      const record = await (await loadPopupData()).logNote(person, writes, Date.now(), untracked);
      await forgetDraft(slug);
      setDraft(
        emptyDraft(
          { stage: writes.patch?.stage ?? person.stage, cadenceDays: person.cadenceDays },
          Date.now(),
        ),
      );
      setSaved(record);
      setStatus(t('popup_saved'));
      clearTimeout(undoTimer.current);
      undoTimer.current = setTimeout(() => setSaved(null), UNDO_MS);
    } catch (error) {
      // Nothing of the note was written; the draft stays for another try.
      console.error('[vinculo] save', error);
      setStatus(failure(error));
    } finally {
      setSaving(false);
    }
  };

  const track = async (person: Person, untracked: ProfileFacts | undefined) => {
    if (!untracked) return;
    try {
      await (await loadPopupData()).trackPerson(untracked);
      setStatus(t('popup_trackedNow', person.name));
    } catch (error) {
      console.error('[vinculo] track', error);
      setStatus(failure(error));
    }
  };

  const undo = async () => {
    if (!saved) return;
    clearTimeout(undoTimer.current);
    await (await loadPopupData()).undoNote(saved);
    setSaved(null);
    setStatus(t('popup_undone'));
  };

  return { draft, setDraft, errors, saving, saved, status, change, save, track, undo };
}
