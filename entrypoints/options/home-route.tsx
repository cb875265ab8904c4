// The weekly review (home) and the going-cold list: the network's health, who needs attention, the
// steps due; snoozing, archiving with Undo, and ticking a step off right from the list. Below them the
// coach's suggestions (Snooze and Not relevant with Undo) and prune list, read right after the first
// render so it stays fast.
import { useEffect } from 'preact/hooks';
import { Home } from '../../components/dashboard/home';
import { PruneList, Suggestions } from '../../components/dashboard/suggestions';
import type { SetToast } from '../../components/dashboard/toast';
import { setNextStepDone } from '../../storage/next-steps';
import { snoozePerson, updatePerson } from '../../storage/people';
import { type FirstHome, type HomeView, readCoach, readHealth, readLists } from '../../storage/queries/home';
import { useLiveQuery } from '../../storage/use-live-query';
import { snoozeUntil } from '../../utils/cadence';
import { profileUrl } from '../../utils/slug';
import { t, uiLocale } from '../../utils/translate';
import { dismissWithUndo } from './dismiss-suggestion';
import { logFor, openPerson } from './router';

export function HomeRoute({
  view,
  first,
  setToast,
}: {
  view: HomeView;
  first?: FirstHome;
  setToast: SetToast;
}) {
  const now = Date.now();
  const ahead = first?.view === view ? first : undefined;
  const health = useLiveQuery(() => readHealth(view, now), [view], ahead?.health);
  const data = useLiveQuery(() => readLists(view, now), [view], ahead?.lists);
  // Not part of the first render: the suggestions follow it; 'vinculo:dashboard-rendered' does not wait.
  const coach = useLiveQuery(() => (view === 'home' ? readCoach(now) : Promise.resolve(null)), [view]);
  const ready = data !== undefined && health !== undefined;
  useEffect(() => {
    if (ready) performance.mark('vinculo:dashboard-rendered');
  }, [ready, view]);
  if (!data || health === undefined) return <p class="muted">{t('dash_loading')}</p>;
  return (
    <>
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
        onLog={logFor}
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
      {coach && (
        <>
          <Suggestions
            items={coach.suggestions.items}
            now={now}
            locale={uiLocale()}
            t={t}
            profileUrl={profileUrl}
            onLog={logFor}
            onSnooze={({ person, suggestion }) => dismissWithUndo(person, suggestion, 'snooze', setToast)}
            onDismiss={({ person, suggestion }) =>
              dismissWithUndo(person, suggestion, 'notRelevant', setToast)
            }
          />
          <PruneList
            count={coach.prune.count}
            people={coach.prune.people.map((p) => p.person)}
            t={t}
            profileUrl={profileUrl}
          />
        </>
      )}
    </>
  );
}
