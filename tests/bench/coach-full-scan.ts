// The coach's answers the slow way: every person and every touch read, every person judged. The oracle
// storage/suggestions.ts is checked against (unit test and bench), never product code.
import { db } from '../../storage/db';
import type { Person, Touch } from '../../storage/schemas';
import { getSettings } from '../../storage/settings';
import type {
  CoachReadOptions,
  PersonSuggestion,
  PruneList,
  SuggestionsData,
} from '../../storage/suggestions';
import { compareSuggestions, currentSuggestion } from '../../utils/coach';

// A timeline as the [personId+at] index gives it reversed: newest first, equal instants by id, last first.
const newestFirst = (a: Touch, b: Touch): number => b.at - a.at || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

export interface CoachAnswer {
  suggestions: SuggestionsData;
  prune: PruneList;
}

/** The Suggestions section's data and the prune list, both with `limit` and `pruneLimit` as the reads take them. */
export function coachFullScan(
  now: number,
  options: Omit<CoachReadOptions, 'trace'> & { pruneLimit?: number } = {},
): Promise<CoachAnswer> {
  const { limit = 20, pruneLimit = 20 } = options;
  return db.transaction('r', db.people, db.touches, db.settings, async () => {
    const [settings, people, touches] = await Promise.all([
      getSettings(),
      db.people.toArray(),
      db.touches.toArray(),
    ]);
    const timelines = new Map<string, Touch[]>();
    for (const t of touches) {
      const list = timelines.get(t.personId);
      if (list) list.push(t);
      else timelines.set(t.personId, [t]);
    }
    const items: PersonSuggestion[] = [];
    const prune: PersonSuggestion[] = [];
    for (const person of people as Person[]) {
      const timeline = (timelines.get(person.slug) ?? []).sort(newestFirst);
      const suggestion = currentSuggestion({ person, touches: timeline, settings, now });
      if (suggestion) (suggestion.kind === 'prune' ? prune : items).push({ person, suggestion });
    }
    const order = (a: PersonSuggestion, b: PersonSuggestion) =>
      compareSuggestions(a.suggestion, b.suggestion);
    items.sort(order);
    prune.sort(order);
    return {
      suggestions: { items: items.slice(0, limit), more: items.length > limit },
      prune: { count: prune.length, people: prune.slice(0, pruneLimit) },
    };
  });
}

const row = ({ person, suggestion }: PersonSuggestion) => ({ person: person.slug, ...suggestion });

/** What two answers must agree on, as one string: who, which suggestion and why, in order. */
export function sectionKey(data: SuggestionsData): string {
  return JSON.stringify({ items: data.items.map(row), more: data.more });
}

export function pruneKey(list: PruneList): string {
  return JSON.stringify({ count: list.count, people: list.people.map(row) });
}
