// The popup's person view: the live data, saving with undo, the draft. It paints from what main.tsx
// read and loads the repositories (Dexie, Zod) behind the first paint: see popup-data.ts.

import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { PersonSummary } from '../../components/popup/person-summary';
import { QuickNoteForm } from '../../components/popup/quick-note-form';
import type { ProfileFacts } from '../../storage/people';
import type { LoggedNote } from '../../storage/quick-note';
import type { Person } from '../../storage/schemas';
import { temperatureOf } from '../../utils/cadence';
import {
  type Draft,
  type DraftError,
  draftToWrites,
  dueFromPick,
  emptyDraft,
  isStaleDraft,
  toDateInput,
} from '../../utils/draft';
import { isStorageFull } from '../../utils/errors';
import { t } from '../../utils/i18n';
import { profileUrl } from '../../utils/slug';
import { loadPopupData, type PersonData } from './load-data';

const UNDO_MS = 8000;
const draftKey = (slug: string) => `draft:${slug}`;

type StoredDraft = Partial<Draft> & { savedAt?: number };

/** What was typed for the person before the popup last closed, unless it has been forgotten. */
export async function readDraft(slug: string): Promise<Partial<Draft> | undefined> {
  const stored = (await browser.storage.local.get(draftKey(slug)))[draftKey(slug)] as StoredDraft | undefined;
  if (!stored || isStaleDraft(stored.savedAt, Date.now())) return undefined;
  const { savedAt: _, ...draft } = stored;
  return draft;
}

/** Forgets drafts not touched for DRAFT_TTL; a draft from before drafts were dated starts its clock now. */
export async function pruneDrafts(now = Date.now()): Promise<void> {
  const all = (await browser.storage.local.get(null)) as Record<string, StoredDraft>;
  const stale: string[] = [];
  const dated: Record<string, StoredDraft> = {};
  for (const [key, draft] of Object.entries(all)) {
    if (!key.startsWith('draft:')) continue;
    if (draft.savedAt === undefined) dated[key] = { ...draft, savedAt: now };
    else if (isStaleDraft(draft.savedAt, now)) stale.push(key);
  }
  if (stale.length > 0) await browser.storage.local.remove(stale);
  if (Object.keys(dated).length > 0) await browser.storage.local.set(dated);
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

  // Someone not tracked yet is shown as the page describes them until a save or Track stores them.
  const untracked = data?.person ? undefined : initial?.facts;
  const person = data?.person ?? (data && !untracked ? undefined : initial?.person);
  if (!person) return data ? <p class="muted">{t('popup_notTracked')}</p> : null;
  if (!draft) return null;

  const change = (patch: Partial<Draft>) => {
    const next = { ...draft, ...patch };
    setDraft(next);
    setErrors([]);
    browser.storage.local
      .set({ [draftKey(slug)]: { ...next, savedAt: Date.now() } })
      .catch((e) => console.error('[vinculo] draft', e));
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
      const record = await (await loadPopupData()).logNote(person, writes, Date.now(), untracked);
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
      // Nothing of the note was written; the draft stays for another try.
      console.error('[vinculo] save', error);
      setStatus(t(isStorageFull(error) ? 'error_storageFull' : 'panel_error'));
    } finally {
      setSaving(false);
    }
  };

  const track = async () => {
    if (!untracked) return;
    try {
      await (await loadPopupData()).trackPerson(untracked);
      setStatus(t('popup_trackedNow', person.name));
    } catch (error) {
      console.error('[vinculo] track', error);
      setStatus(t(isStorageFull(error) ? 'error_storageFull' : 'panel_error'));
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
      {untracked && (
        <button
          type="button"
          class="track"
          aria-label={t('badge_trackLabel', person.name)}
          onClick={() => void track()}
        >
          {t('badge_track')}
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
