// The popup's wiring: which person, the live data, saving with undo, the draft.

import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { Agenda, type AgendaPerson } from '../../components/popup/agenda';
import { PersonSummary } from '../../components/popup/person-summary';
import { QuickNoteForm } from '../../components/popup/quick-note-form';
import { goingCold, stepsDue } from '../../storage/agenda';
import { db } from '../../storage/db';
import { openNextSteps, setNextStepDone } from '../../storage/next-steps';
import { getPerson } from '../../storage/people';
import { type LoggedNote, logNote, undoNote } from '../../storage/quick-note';
import type { Person } from '../../storage/schemas';
import { getSettings } from '../../storage/settings';
import { listTouches } from '../../storage/touches';
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
import { matcher, searchText } from '../../utils/search';
import { profileUrl } from '../../utils/slug';
import { useLiveQuery } from '../../utils/use-live-query';

const UNDO_MS = 8000;
const draftKey = (slug: string) => `draft:${slug}`;

/** The person's saved draft, if the popup closed before a save. */
export async function loadDraft(person: Person): Promise<Draft> {
  const stored = await browser.storage.local.get(draftKey(person.slug));
  const kept = stored[draftKey(person.slug)] as Partial<Draft> | undefined;
  return { ...emptyDraft(person, Date.now()), ...kept };
}

export function PersonPopup({
  slug,
  initial,
  onBack,
}: {
  slug: string;
  /** What the popup already read before its first render, so the note takes focus at once. */
  initial?: { person: Person; draft: Draft };
  onBack?: () => void;
}) {
  const now = Date.now();
  const data = useLiveQuery(async () => {
    const [person, touches, steps, settings] = await Promise.all([
      getPerson(slug),
      listTouches(slug, 3),
      openNextSteps(slug),
      getSettings(),
    ]);
    return { person, touches, steps, settings };
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
      const record = await logNote(person, writes);
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
    await undoNote(saved);
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
        onStepDone={(id, done) => void setNextStepDone(id, done)}
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

const toAgendaPerson = (person: Person, temperature: AgendaPerson['temperature']): AgendaPerson => ({
  slug: person.slug,
  name: person.name,
  headline: person.headline,
  lastTouchAt: person.lastTouchAt,
  temperature,
});

export function AgendaPopup() {
  const now = Date.now();
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState<string | null>(null);
  const agenda = useLiveQuery(async () => {
    const [cold, steps, settings] = await Promise.all([goingCold(now, 30), stepsDue(now), getSettings()]);
    return { cold, steps, settings };
  }, []);
  const everyone = useLiveQuery(() => (query ? db.people.toArray() : Promise.resolve(null)), [query !== '']);
  const index = useMemo(() => everyone?.map((p) => [p, searchText(p)] as const) ?? null, [everyone]);
  const results = useMemo(() => {
    if (!query.trim() || !index || !agenda) return null;
    const test = matcher(query);
    return index
      .filter(([, text]) => test(text))
      .slice(0, 30)
      .map(([p]) => toAgendaPerson(p, temperatureOf(p, agenda.settings, now)));
  }, [query, index, agenda, now]);

  if (selected) return <PersonPopup slug={selected} onBack={() => setSelected(null)} />;
  if (!agenda) return null;
  return (
    <Agenda
      people={agenda.cold.map((c) => toAgendaPerson(c.person, c.temperature))}
      steps={agenda.steps.map(({ step, person }) => ({
        id: step.id,
        slug: person.slug,
        name: person.name,
        text: step.text,
        dueAt: step.dueAt ?? now,
      }))}
      query={query}
      results={results}
      now={now}
      t={t}
      onQuery={setQuery}
      onLog={setSelected}
      onOpen={(slug) => void browser.tabs.create({ url: profileUrl(slug) })}
    />
  );
}
