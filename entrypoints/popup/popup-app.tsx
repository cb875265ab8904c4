// The popup's person view: the live data, saving with undo, the draft. It paints from what main.tsx
// read and loads the repositories (Dexie, Zod) behind the first paint: see popup-data.ts.

import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { PersonSummary } from '../../components/popup/person-summary';
import { QuickNoteForm } from '../../components/popup/quick-note-form';
import type { LoggedNote } from '../../storage/quick-note';
import type { Person } from '../../storage/schemas';
import { temperatureOf } from '../../utils/cadence';
import {
  type Draft,
  type DraftError,
  draftToWrites,
  dueFromPick,
  emptyDraft,
  toDateInput,
} from '../../utils/draft';
import { t } from '../../utils/i18n';
import { profileUrl } from '../../utils/slug';
import { loadPopupData, type PersonData } from './load-data';

const UNDO_MS = 8000;
const draftKey = (slug: string) => `draft:${slug}`;

/** What was typed for the person before the popup last closed, if anything. */
export async function readDraft(slug: string): Promise<Partial<Draft> | undefined> {
  const stored = await browser.storage.local.get(draftKey(slug));
  return stored[draftKey(slug)] as Partial<Draft> | undefined;
}

/** The person's saved draft over an empty one (`kept` may already be on its way). */
export async function loadDraft(person: Person, kept = readDraft(person.slug)): Promise<Draft> {
  return { ...emptyDraft(person, Date.now()), ...(await kept) };
}

export function PersonPopup({
  slug,
  initial,
  onBack,
}: {
  slug: string;
  /**
   * What the popup already read before its first render, so the note takes focus at once. `tracked`
   * is the write that starts tracking someone new: live data and saving wait for it.
   */
  initial?: { person: Person; draft: Draft; tracked?: Promise<unknown> };
  onBack?: () => void;
}) {
  const now = Date.now();
  const [data, setData] = useState<PersonData>();
  useEffect(() => {
    let stop: (() => void) | undefined;
    let gone = false;
    Promise.all([loadPopupData(), initial?.tracked])
      .then(([api]) => {
        if (!gone) stop = api.watchPerson(slug, setData);
      })
      .catch((error) => console.error('[vinculo] popup data', error));
    return () => {
      gone = true;
      stop?.();
    };
  }, [slug]);
  const [draft, setDraft] = useState<Draft | null>(initial?.draft ?? null);
  const [errors, setErrors] = useState<DraftError[]>([]);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<LoggedNote | null>(null);
  const [status, setStatus] = useState('');
  const undoTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  // The draft: restored when the popup reopens on the same person, kept on every keystroke.
  useEffect(() => {
    if (data?.person && !draft) loadDraft(data.person).then(setDraft);
  }, [data?.person, draft]);

  const person = data?.person ?? (data ? undefined : initial?.person);
  if (!person) return data ? <p class="muted">{t('popup_notTracked')}</p> : null;
  if (!draft) return null;

  const change = (patch: Partial<Draft>) => {
    const next = { ...draft, ...patch };
    setDraft(next);
    setErrors([]);
    browser.storage.local.set({ [draftKey(slug)]: next }).catch((e) => console.error('[vinculo] draft', e));
  };

  const save = async () => {
    if (saving) return;
    const result = draftToWrites(draft, person, Date.now());
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setSaving(true);
    try {
      const { writes } = result;
      await initial?.tracked;
      const record = await (await loadPopupData()).logNote(person, writes);
      await browser.storage.local.remove(draftKey(slug));
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
      console.error('[vinculo] save', error);
      setStatus(t('panel_error'));
    } finally {
      setSaving(false);
    }
  };

  const undo = async () => {
    if (!saved) return;
    clearTimeout(undoTimer.current);
    await (await loadPopupData()).undoNote(saved);
    setSaved(null);
    setStatus(t('popup_undone'));
  };

  return (
    <main class="person-popup">
      {onBack && (
        <button type="button" class="link" onClick={onBack}>
          ← {t('popup_agenda')}
        </button>
      )}
      <PersonSummary
        person={person}
        temperature={data ? temperatureOf(person, data.settings, now) : null}
        steps={data?.steps ?? []}
        touches={data?.touches ?? []}
        now={now}
        t={t}
        onStepDone={(id, done) => void loadPopupData().then((api) => api.setNextStepDone(id, done))}
      />
      <QuickNoteForm
        draft={draft}
        errors={errors}
        saving={saving}
        maxDate={toDateInput(now)}
        t={t}
        onChange={change}
        onPick={(pick) => change({ nextStepDue: dueFromPick(pick, Date.now()) })}
        onSave={() => void save()}
      />
      <div class="toast" role="status" aria-live="polite">
        {status}
        {saved && (
          <button type="button" onClick={() => void undo()}>
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
