// A person's page: their details to edit, their timeline with each touch editable and deletable (with Undo),
// their next steps, a quick note to log a touch, archive and delete (with Undo).
import { useEffect, useState } from 'preact/hooks';
import { PersonPage } from '../../components/dashboard/person-page';
import type { SetToast } from '../../components/dashboard/toast';
import { QuickNoteForm } from '../../components/popup/quick-note-form';
import { setNextStepDone } from '../../storage/next-steps';
import { type DeletedPerson, deletePerson, restorePerson, updatePerson } from '../../storage/people';
import { readPersonPage } from '../../storage/queries/person';
import { logNote, undoNote } from '../../storage/quick-note';
import type { Person } from '../../storage/schemas';
import { deleteTouch, restoreTouch, updateTouch } from '../../storage/touches';
import { useLiveQuery } from '../../storage/use-live-query';
import { temperatureOf } from '../../utils/cadence';
import { currentSuggestion } from '../../utils/coach';
import { suggestionWords } from '../../utils/coach-words';
import { type Draft, type DraftError, draftToWrites, dueFromPick, emptyDraft } from '../../utils/draft';
import { editToPatch } from '../../utils/person-edit';
import { profileUrl } from '../../utils/slug';
import { toDateInput } from '../../utils/time';
import { touchEditToPatch } from '../../utils/touch-edit';
import { t, uiLocale } from '../../utils/translate';
import { dismissWithUndo } from './dismiss-suggestion';
import { go } from './router';

export function PersonRoute({ slug, log, setToast }: { slug: string; log: boolean; setToast: SetToast }) {
  const now = Date.now();
  const data = useLiveQuery(() => readPersonPage(slug), [slug]);
  const [error, setError] = useState('');
  const [draft, setDraft] = useState<Draft | null>(null);
  const [draftErrors, setDraftErrors] = useState<DraftError[]>([]);
  useEffect(() => {
    if (data?.person && !draft) setDraft(emptyDraft(data.person, Date.now()));
  }, [data?.person, draft]);
  if (!data) return <p class="muted">{t('dash_loading')}</p>;
  if (!data.person) return <p>{t('popup_notTracked')}</p>;
  const person: Person = data.person;
  // The person's suggestion, judged on the whole timeline the page already reads (newest first).
  const suggestion = currentSuggestion({ person, touches: data.touches, settings: data.settings, now });

  const logTouch = async () => {
    if (!draft) return;
    const result = draftToWrites(draft, person, Date.now());
    if (!result.ok) {
      setDraftErrors(result.errors);
      return;
    }
    const logged = await logNote(person, result.writes);
    setDraft(
      emptyDraft(
        { ...person, ...(result.writes.patch?.stage ? { stage: result.writes.patch.stage } : {}) },
        Date.now(),
      ),
    );
    setToast({ text: t('popup_saved'), undo: () => void undoNote(logged) });
  };

  return (
    <PersonPage
      key={slug}
      person={person}
      temperature={temperatureOf(person, data.settings, now)}
      touches={data.touches}
      steps={data.steps.sort((a, b) => Number(a.doneAt !== undefined) - Number(b.doneAt !== undefined))}
      profileUrl={profileUrl(slug)}
      now={now}
      locale={uiLocale()}
      t={t}
      error={error}
      suggestion={suggestion ? suggestionWords(suggestion, now, t, uiLocale()) : undefined}
      onSnoozeSuggestion={() => suggestion && dismissWithUndo(person, suggestion, 'snooze', setToast)}
      onDismissSuggestion={() => suggestion && dismissWithUndo(person, suggestion, 'notRelevant', setToast)}
      onSave={(edit) =>
        void updatePerson(slug, editToPatch(edit)).then((result) => {
          setError(result.ok ? '' : t('dash_invalid', result.error));
          if (result.ok) setToast({ text: t('dash_savedDetails') });
        })
      }
      onArchive={(archived) => void updatePerson(slug, { stage: archived ? 'archived' : 'contact' })}
      onDelete={() => {
        void deletePerson(slug).then((removed?: DeletedPerson) => {
          go('people');
          if (removed)
            setToast({ text: t('dash_deleted', person.name), undo: () => void restorePerson(removed) });
        });
      }}
      onDeleteTouch={(id) => {
        void deleteTouch(id).then((touch) => {
          if (touch) setToast({ text: t('dash_touchDeleted'), undo: () => void restoreTouch(touch) });
        });
      }}
      onSaveTouch={async (touch, edit) => {
        const checked = touchEditToPatch(edit, touch, Date.now());
        if (!checked.ok) return checked.errors;
        const saved = await updateTouch(touch.id, checked.patch);
        setError(saved.ok ? '' : t('dash_invalid', saved.error));
        const { at, kind, initiator, value, note } = touch;
        if (saved.ok)
          setToast({
            text: t('dash_touchSaved'),
            undo: () => void updateTouch(touch.id, { at, kind, initiator, value, note }),
          });
        return [];
      }}
      onStepDone={(id, done) => void setNextStepDone(id, done)}
      logForm={
        draft && (
          <QuickNoteForm
            draft={draft}
            errors={draftErrors}
            saving={false}
            autoFocus={log}
            hint={t('dash_saveHint')}
            maxDate={toDateInput(now)}
            t={t}
            onChange={(patch) => {
              setDraft({ ...draft, ...patch });
              setDraftErrors([]);
            }}
            onPick={(pick) => setDraft({ ...draft, nextStepDue: dueFromPick(pick, Date.now()) })}
            onSave={() => void logTouch()}
          />
        )
      }
    />
  );
}
