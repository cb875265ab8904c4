// The dashboard's wiring: routes, live data, and the writes behind each action.

import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { Home } from '../../components/dashboard/home';
import type { PersonEdit } from '../../components/dashboard/person-page';
import type { TriageDecision } from '../../components/dashboard/triage';
import { lazy } from '../../components/lazy';
import { QuickNoteForm } from '../../components/popup/quick-note-form';
import { goingCold, stepsDue } from '../../storage/agenda';
import { db } from '../../storage/db';
import { setNextStepDone } from '../../storage/next-steps';
import {
  type DeletedPerson,
  deletePerson,
  restorePerson,
  snoozePerson,
  updatePerson,
} from '../../storage/people';
import { logNote, undoNote } from '../../storage/quick-note';
import type { Person } from '../../storage/schemas';
import { getSettings } from '../../storage/settings';
import { networkHealth } from '../../storage/stats';
import { deleteTouch, restoreTouch } from '../../storage/touches';
import { snoozeUntil, temperatureOf } from '../../utils/cadence';
import {
  type Draft,
  type DraftError,
  draftToWrites,
  dueFromPick,
  emptyDraft,
  toDateInput,
} from '../../utils/draft';
import { type MessageKey, t, uiLocale } from '../../utils/i18n';
import { allTags, emptyQuery, filterPeople, type PeopleQuery } from '../../utils/people-filter';
import { searchText } from '../../utils/search';
import { profileUrl } from '../../utils/slug';
import { useLiveQuery } from '../../utils/use-live-query';

// Only the home view's code loads with the page; every other view's arrives when it is first opened.
const loading = () => <p class="muted">{t('dash_loading')}</p>;
const PeopleTable = lazy(
  () => import('../../components/dashboard/people-table').then((m) => m.PeopleTable),
  loading,
);
const PersonPage = lazy(
  () => import('../../components/dashboard/person-page').then((m) => m.PersonPage),
  loading,
);
const Triage = lazy(() => import('../../components/dashboard/triage').then((m) => m.Triage), loading);
const ImportView = lazy(() => import('./data-views').then((m) => m.ImportView), loading);
const BackupView = lazy(() => import('./data-views').then((m) => m.BackupView), loading);
const SettingsView = lazy(() => import('./data-views').then((m) => m.SettingsView), loading);

export type Route =
  | { name: 'home' | 'going-cold' | 'people' | 'triage' | 'import' | 'backup' | 'settings' }
  | { name: 'person'; slug: string };

export function parseRoute(hash: string): Route {
  const [, name = '', slug] = hash.replace(/^#/, '').split('/');
  if (name === 'person' && slug) return { name: 'person', slug: decodeURIComponent(slug) };
  const known = ['going-cold', 'people', 'triage', 'import', 'backup', 'settings'] as const;
  return { name: (known as readonly string[]).includes(name) ? (name as (typeof known)[number]) : 'home' };
}

const go = (path: string) => {
  location.hash = `#/${path}`;
};
const openPerson = (slug: string) => go(`person/${encodeURIComponent(slug)}`);

const NAV: [Route['name'], MessageKey][] = [
  ['home', 'dash_home'],
  ['going-cold', 'popup_goingCold'],
  ['people', 'dash_people'],
  ['triage', 'dash_triage'],
  ['import', 'dash_import'],
  ['backup', 'dash_backup'],
  ['settings', 'dash_settings'],
];

export function DashboardApp({ first }: { first?: FirstHome }) {
  const [route, setRoute] = useState<Route>(() => parseRoute(location.hash));
  const [toast, setToast] = useState<{ text: string; undo?: () => void } | null>(null);
  useEffect(() => {
    const onHash = () => setRoute(parseRoute(location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const current = route.name === 'person' ? 'people' : route.name;
  return (
    <div class="dashboard">
      <header class="top">
        <p class="brand">{t('extName')}</p>
        <nav aria-label={t('dash_nav')}>
          <ul>
            {NAV.map(([name, key]) => (
              <li key={name}>
                <a
                  href={`#/${name === 'home' ? '' : name}`}
                  aria-current={current === name ? 'page' : undefined}
                >
                  {t(key)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main>
        <h1 class="visually-hidden">{t('dash_title')}</h1>
        {(route.name === 'home' || route.name === 'going-cold') && (
          <HomeRoute view={route.name} first={first} setToast={setToast} />
        )}
        {route.name === 'people' && <PeopleRoute />}
        {route.name === 'person' && <PersonRoute slug={route.slug} setToast={setToast} />}
        {route.name === 'triage' && <TriageRoute />}
        {route.name === 'import' && <ImportView />}
        {route.name === 'backup' && <BackupView />}
        {route.name === 'settings' && <SettingsView />}
      </main>
      <div class="toast floating" role="status" aria-live="polite">
        {toast?.text}
        {toast?.undo && (
          <button
            type="button"
            onClick={() => {
              toast.undo?.();
              setToast(null);
            }}
          >
            {t('popup_undo')}
          </button>
        )}
      </div>
    </div>
  );
}

type SetToast = (toast: { text: string; undo?: () => void } | null) => void;

type HomeView = 'home' | 'going-cold';

// The counts are kept by every write: reading them is a few rows and short index ranges, never a recount.
const readHealth = (view: HomeView, now: number) =>
  view === 'home' ? networkHealth(now) : Promise.resolve(null);

async function readLists(view: HomeView, now: number) {
  const [cold, steps, recent] = await Promise.all([
    goingCold(now, view === 'home' ? 20 : 100),
    stepsDue(now),
    view === 'home' ? db.people.orderBy('lastTouchAt').reverse().limit(10).toArray() : [],
  ]);
  return { cold, steps, recent };
}

/** What the home and going-cold views show first, read while the page is still starting. */
export async function readHome(view: HomeView, now = Date.now()) {
  const [health, lists] = await Promise.all([readHealth(view, now), readLists(view, now)]);
  return { view, health, lists };
}
export type FirstHome = Awaited<ReturnType<typeof readHome>>;

function HomeRoute({ view, first, setToast }: { view: HomeView; first?: FirstHome; setToast: SetToast }) {
  const now = Date.now();
  const ahead = first?.view === view ? first : undefined;
  const health = useLiveQuery(() => readHealth(view, now), [view], ahead?.health);
  const data = useLiveQuery(() => readLists(view, now), [view], ahead?.lists);
  const ready = data !== undefined && health !== undefined;
  useEffect(() => {
    if (ready) performance.mark('vinculo:dashboard-rendered');
  }, [ready, view]);
  if (!data || health === undefined) return <p class="muted">{t('dash_loading')}</p>;
  return (
    <Home
      view={view}
      health={health}
      cold={data.cold}
      steps={data.steps.map(({ step, person }) => ({
        id: step.id,
        text: step.text,
        dueAt: step.dueAt ?? now,
        person,
      }))}
      recent={data.recent}
      now={now}
      locale={uiLocale()}
      t={t}
      onOpen={openPerson}
      onStepDone={(id) => void setNextStepDone(id, true)}
      onSnooze={(slug) => {
        const person = data.cold.find((c) => c.person.slug === slug)?.person;
        void snoozePerson(slug, snoozeUntil(Date.now(), 7, person?.dueAt)).then(() =>
          setToast({ text: t('dash_snoozed', person?.name ?? slug) }),
        );
      }}
      onArchive={(slug) => {
        const person = data.cold.find((c) => c.person.slug === slug)?.person;
        void updatePerson(slug, { stage: 'archived' }).then(() =>
          setToast({
            text: t('dash_archived', person?.name ?? slug),
            undo: person ? () => void updatePerson(slug, { stage: person.stage }) : undefined,
          }),
        );
      }}
    />
  );
}

function PeopleRoute() {
  const now = Date.now();
  const [query, setQuery] = useState<PeopleQuery>(emptyQuery);
  const data = useLiveQuery(async () => {
    const [people, settings] = await Promise.all([db.people.toArray(), getSettings()]);
    return people.map((person) => ({
      person,
      temperature: temperatureOf(person, settings, now),
      text: searchText(person),
    }));
  }, []);
  const rows = useMemo(() => (data ? filterPeople(data, query) : []), [data, query]);
  const tags = useMemo(() => (data ? allTags(data) : []), [data]);
  if (!data) return <p class="muted">{t('dash_loading')}</p>;
  return (
    <PeopleTable
      rows={rows}
      total={data.length}
      tags={tags}
      query={query}
      now={now}
      locale={uiLocale()}
      t={t}
      onQuery={(patch) => setQuery({ ...query, ...patch })}
      onOpen={openPerson}
    />
  );
}

function PersonRoute({ slug, setToast }: { slug: string; setToast: SetToast }) {
  const now = Date.now();
  const data = useLiveQuery(async () => {
    const [person, touches, steps, settings] = await Promise.all([
      db.people.get(slug),
      db.touches.where('[personId+at]').between([slug, -Infinity], [slug, Infinity]).reverse().toArray(),
      db.nextSteps.where('personId').equals(slug).toArray(),
      getSettings(),
    ]);
    return { person, touches, steps, settings };
  }, [slug]);
  const [error, setError] = useState('');
  const [draft, setDraft] = useState<Draft | null>(null);
  const [draftErrors, setDraftErrors] = useState<DraftError[]>([]);
  useEffect(() => {
    if (data?.person && !draft) setDraft(emptyDraft(data.person, Date.now()));
  }, [data?.person, draft]);
  if (!data) return <p class="muted">{t('dash_loading')}</p>;
  if (!data.person) return <p>{t('popup_notTracked')}</p>;
  const person: Person = data.person;

  const save = async (edit: PersonEdit) => {
    const cadence = edit.cadence.trim() === '' ? null : Number(edit.cadence);
    const result = await updatePerson(slug, {
      name: edit.name.trim(),
      headline: edit.headline.trim() || undefined,
      company: edit.company.trim() || undefined,
      stage: edit.stage,
      cadenceDays: cadence,
      tags: [
        ...new Set(
          edit.tags
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean),
        ),
      ],
      about: edit.about,
    });
    setError(result.ok ? '' : t('dash_invalid', result.error));
    if (result.ok) setToast({ text: t('dash_savedDetails') });
  };

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
      onSave={(edit) => void save(edit)}
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
      onStepDone={(id, done) => void setNextStepDone(id, done)}
      logForm={
        draft && (
          <QuickNoteForm
            draft={draft}
            errors={draftErrors}
            saving={false}
            autoFocus={false}
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

function TriageRoute() {
  // Decisions come as fast as the user types: each one runs after the previous has been written,
  // against the queue as that write left it (state in a ref, not in a render's closure).
  const state = useRef({ queue: [] as Person[], history: [] as Person[], done: 0, total: 0 });
  const chain = useRef<Promise<void>>(Promise.resolve());
  const [view, setView] = useState<{
    person: Person | null;
    done: number;
    total: number;
    canUndo: boolean;
  } | null>(null);
  const [status, setStatus] = useState('');
  const show = () => {
    const s = state.current;
    setView({ person: s.queue[0] ?? null, done: s.done, total: s.total, canUndo: s.history.length > 0 });
  };
  useEffect(() => {
    void (async () => {
      const imported = await db.people
        .where('[source+stage]')
        .between(['import', ''], ['import', '\uffff'])
        .toArray();
      const open = imported.filter((p) => p.stage === 'contact' && p.triagedAt === undefined);
      state.current = {
        queue: open.sort((a, b) => (b.connectedOn ?? 0) - (a.connectedOn ?? 0)),
        history: [],
        total: imported.length,
        done: imported.length - open.length,
      };
      show();
    })();
  }, []);

  const decide = async (decision: TriageDecision): Promise<void> => {
    const s = state.current;
    if (decision === 'undo') {
      const previous = s.history.pop();
      if (!previous) return;
      await updatePerson(previous.slug, {
        stage: previous.stage,
        triagedAt: previous.triagedAt ?? null,
        cadenceDays: previous.cadenceDays ?? null,
      });
      s.queue = [previous, ...s.queue.filter((p) => p.slug !== previous.slug)];
      s.done -= 1;
      setStatus(t('triage_undone', previous.name));
      return;
    }
    const person = s.queue[0];
    if (!person) return;
    if (decision === 'skip') {
      s.queue = [...s.queue.slice(1), person];
      setStatus(t('triage_skipped', person.name));
      return;
    }
    const now = Date.now();
    const patch =
      decision === 'archive'
        ? ({ stage: 'archived', triagedAt: now } as const)
        : decision === 'nurture'
          ? ({ stage: 'acquaintance', triagedAt: now } as const)
          : ({ triagedAt: now } as const);
    const result = await updatePerson(person.slug, patch);
    if (!result.ok) {
      setStatus(t('dash_invalid', result.error));
      return;
    }
    s.history.push(person);
    s.queue = s.queue.slice(1);
    s.done += 1;
    setStatus(t(`triage_did_${decision}` as MessageKey, person.name));
  };

  const onDecide = useCallback((decision: TriageDecision) => {
    chain.current = chain.current
      .then(() => decide(decision))
      .catch((error) => console.error('[vinculo] triage', error))
      .then(show);
  }, []);

  if (!view) return <p class="muted">{t('dash_loading')}</p>;
  return (
    <Triage
      person={view.person}
      done={view.done}
      total={view.total}
      canUndo={view.canUndo}
      status={status}
      t={t}
      onDecide={onDecide}
    />
  );
}
