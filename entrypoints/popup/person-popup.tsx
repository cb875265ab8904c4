// The popup's person view: who they are, how warm, their last touches and open steps, and the
// quick note. It paints from what main.tsx read and loads the repositories (Dexie, Zod) behind the
// first paint: see load-data.ts.
import { useEffect, useState } from 'preact/hooks';
import { PersonSummary } from '../../components/popup/person-summary';
import { QuickNoteForm } from '../../components/popup/quick-note-form';
import type { ProfileFacts } from '../../storage/people';
import type { Person } from '../../storage/schemas';
import { temperatureOf } from '../../utils/cadence';
import { type Draft, dueFromPick } from '../../utils/draft';
import { profileUrl } from '../../utils/slug';
import { toDateInput } from '../../utils/time';
import { t } from '../../utils/translate';
import { loadDraft } from './draft-store';
import { loadPopupData, type PersonData } from './load-data';
import { useQuickNote } from './use-quick-note';

export function PersonPopup({
  slug,
  initial,
  onBack,
}: {
  slug: string;
  /**
   * What the popup already read before its first render, so the note takes focus at once. `facts` is
   * what the page shows of someone not tracked yet: saving a touch or Track stores them.
   */
  initial?: { person: Person; draft: Draft; facts?: ProfileFacts };
  onBack?: () => void;
}) {
  const now = Date.now();
  const [data, setData] = useState<PersonData>();
  useEffect(() => {
    let stop: (() => void) | undefined;
    let gone = false;
    loadPopupData()
      .then((api) => {
        if (!gone) stop = api.watchPerson(slug, setData);
      })
      .catch((error) => console.error('[vinculo] popup data', error));
    return () => {
      gone = true;
      stop?.();
    };
  }, [slug]);
  const note = useQuickNote(slug, initial?.draft ?? null);
  const { draft, setDraft } = note;

  // The draft: restored when the popup reopens on the same person, kept on every keystroke.
  useEffect(() => {
    if (data?.person && !draft) loadDraft(data.person).then(setDraft);
  }, [data?.person, draft]);

  // Someone not tracked yet is shown as the page describes them until a save or Track stores them.
  const untracked = data?.person ? undefined : initial?.facts;
  const person = data?.person ?? (data && !untracked ? undefined : initial?.person);
  if (!person) return data ? <p class="muted">{t('popup_notTracked')}</p> : null;
  if (!draft) return null;

  return (
    <main class="person-popup">
      {onBack && (
        <button type="button" class="link" onClick={onBack}>
          ← {t('popup_agenda')}
        </button>
      )}
      {untracked && (
        <button
          type="button"
          class="track"
          aria-label={t('badge_trackLabel', person.name)}
          onClick={() => void note.track(person, untracked)}
        >
          {t('badge_track')}
        </button>
      )}
      <PersonSummary
        person={person}
        temperature={data ? temperatureOf(person, data.settings, now) : null}
        steps={data?.steps ?? []}
        touches={data?.touches ?? []}
        suggestion={data?.suggestion}
        now={now}
        t={t}
        onStepDone={(id, done) => void loadPopupData().then((api) => api.setNextStepDone(id, done))}
      />
      <QuickNoteForm
        draft={draft}
        errors={note.errors}
        saving={note.saving}
        maxDate={toDateInput(now)}
        t={t}
        onChange={note.change}
        onPick={(pick) => note.change({ nextStepDue: dueFromPick(pick, Date.now()) })}
        onSave={() => void note.save(person, untracked)}
      />
      <div class="toast" role="status" aria-live="polite">
        {note.status}
        {note.saved && (
          <button type="button" onClick={() => void note.undo()}>
            {t('popup_undo')}
          </button>
        )}
      </div>
      <p class="footer">
        <a href={profileUrl(slug)} target="_blank" rel="noreferrer">
          {t('popup_openProfile')}
        </a>
      </p>
    </main>
  );
}
