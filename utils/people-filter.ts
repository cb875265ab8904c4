// The dashboard's people table: search, filters and sort as pure functions.
import type { Person, Stage } from '../storage/schemas';
import type { Temperature } from './cadence';
import { matcher } from './search';

export interface PeopleQuery {
  text: string;
  stage: Stage | '';
  temperature: Temperature | 'none' | '';
  tag: string;
  source: Person['source'] | '';
  sort: 'name' | 'lastTouch' | 'due' | 'stage';
}

export const emptyQuery: PeopleQuery = {
  text: '',
  stage: '',
  temperature: '',
  tag: '',
  source: '',
  sort: 'name',
};

export interface PersonRow {
  person: Person;
  temperature: Temperature | null;
  /** Folded name, headline, company, tags and notes, built once per load. */
  text: string;
}

const stageOrder: Record<Stage, number> = { relationship: 0, acquaintance: 1, contact: 2, archived: 3 };

export function filterPeople(rows: PersonRow[], q: PeopleQuery): PersonRow[] {
  const test = q.text.trim() ? matcher(q.text) : null;
  const out = rows.filter(
    (r) =>
      (!q.stage || r.person.stage === q.stage) &&
      (!q.source || r.person.source === q.source) &&
      (!q.tag || r.person.tags.includes(q.tag)) &&
      (!q.temperature ||
        (q.temperature === 'none' ? r.temperature === null : r.temperature === q.temperature)) &&
      (!test || test(r.text)),
  );
  const by: Record<PeopleQuery['sort'], (a: PersonRow, b: PersonRow) => number> = {
    name: (a, b) => a.person.name.localeCompare(b.person.name),
    lastTouch: (a, b) => (b.person.lastTouchAt ?? 0) - (a.person.lastTouchAt ?? 0),
    due: (a, b) => (a.person.dueAt ?? Infinity) - (b.person.dueAt ?? Infinity),
    stage: (a, b) =>
      stageOrder[a.person.stage] - stageOrder[b.person.stage] || a.person.name.localeCompare(b.person.name),
  };
  return out.sort(by[q.sort]);
}

export function allTags(rows: PersonRow[]): string[] {
  const tags = new Set<string>();
  for (const r of rows) for (const tag of r.person.tags) tags.add(tag);
  return [...tags].sort();
}
