// Everyone tracked, as a table to search and filter by stage, temperature and tag.
import { useMemo, useState } from 'preact/hooks';
import { PeopleTable } from '../../components/dashboard/people-table';
import { allPeople } from '../../storage/queries/people';
import { getSettings } from '../../storage/settings';
import { useLiveQuery } from '../../storage/use-live-query';
import { temperatureOf } from '../../utils/cadence';
import { allTags, emptyQuery, filterPeople, type PeopleQuery } from '../../utils/people-filter';
import { searchText } from '../../utils/search';
import { t, uiLocale } from '../../utils/translate';
import { openPerson } from './router';

export function PeopleRoute() {
  const now = Date.now();
  const [query, setQuery] = useState<PeopleQuery>(emptyQuery);
  const data = useLiveQuery(async () => {
    const [people, settings] = await Promise.all([allPeople(), getSettings()]);
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
