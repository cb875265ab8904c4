// Off a profile, the popup shows today's agenda and a search over tracked people. Loaded on demand:
// it needs the repositories anyway.
import { useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { Agenda, type AgendaPerson } from '../../components/popup/agenda';
import { goingCold, stepsDue } from '../../storage/agenda';
import { allPeople } from '../../storage/queries/people';
import type { Person } from '../../storage/schemas';
import { getSettings } from '../../storage/settings';
import { useLiveQuery } from '../../storage/use-live-query';
import { temperatureOf } from '../../utils/cadence';
import { matcher, searchText } from '../../utils/search';
import { profileUrl } from '../../utils/slug';
import { t } from '../../utils/translate';
import { PersonPopup } from './person-popup';

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
  const everyone = useLiveQuery(() => (query ? allPeople() : Promise.resolve(null)), [query !== '']);
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
