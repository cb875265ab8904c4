// The Suggestions section's data: the most timely suggestions (utils/coach.ts), read from the few
// people who can have them, never from every touch.
//
// Who can have which suggestion, and the index range that finds them, in order of a bound on `since`:
// - moment: the newest role change is `roleChangedAt`, kept on every write of a person
//   (role-changed-at-middleware.ts): role changes of the last 31 days, newest first.
// - giveFirst (3+ touches valued "I received") and offline (acquaintances and relationships not met
//   in person): their `since` is at most the last touch: `lastTouchAt`, newest first. While few
//   touches are valued "I received" they are read to skip everyone who cannot be owed a give.
// - cold: per stage, `[stage+dueAt]` in two ranges, cold (due by now) and cooling (due within a
//   quarter of the stage's cadence), newest onset first; people with a cadence of their own are
//   read apart (`cadenceDays`), as the digest does.
// The ranges are read a page at a time, always from the one whose next person could rank highest,
// and only while that bound can still beat the last place of the answer; each person read is judged
// on their whole timeline by the same pure function as everywhere else (currentSuggestion).
// Prune is a list of its own (readPruneList), so a triage session does not fill the section.
import { Dexie } from 'dexie';
import {
  compareSuggestions,
  currentSuggestion,
  type Dismissal,
  isPrunable,
  type Suggestion,
  withDismissal,
} from '../utils/coach';
import { emitChanged } from './changes';
import { db } from './db';
import { type Person, personSchema, type Touch } from './schemas';
import { getSettings } from './settings';
import { type Candidates, NEVER, receivedCounts, streams } from './suggestion-streams';

export interface PersonSuggestion {
  person: Person;
  suggestion: Suggestion;
}

export interface SuggestionsData {
  /** The `limit` most timely suggestions, most timely first (compareSuggestions); no prune. */
  items: PersonSuggestion[];
  /** Whether there are more than `limit`. */
  more: boolean;
}

export interface PruneList {
  /** Every imported contact archived in triage and not dismissed. */
  count: number;
  /** The first `limit` of them, newest decision first. */
  people: PersonSuggestion[];
}

export interface CoachReadOptions {
  limit?: number;
  /** Counts what was read, for the bench and the tests. */
  trace?: { people: number; timelines: number };
}

/** A person's whole timeline, newest first. */
export function timelineOf(slug: string): Promise<Touch[]> {
  return db.touches
    .where('[personId+at]')
    .between([slug, Dexie.minKey], [slug, Dexie.maxKey])
    .reverse()
    .toArray();
}

// People judged together: their timelines are read in parallel.
const BATCH = 16;

/** The Suggestions section's data, in one read transaction. */
export function readSuggestions(now = Date.now(), options: CoachReadOptions = {}): Promise<SuggestionsData> {
  const { limit = 20, trace } = options;
  return db.transaction('r', db.people, db.touches, db.settings, async () => {
    const [settings, received, own] = await Promise.all([
      getSettings(),
      receivedCounts(),
      db.people.where('cadenceDays').above(0).toArray(),
    ]);
    if (trace) trace.people += own.length;
    const sources = streams(settings, now, received, own, trace);
    // The best `limit + 1` so far: the last one says whether there are more.
    const best: PersonSuggestion[] = [];
    const lastPlace = () => (best.length > limit ? (best[limit]?.suggestion.since ?? NEVER) : NEVER);
    const judged = new Set<string>();
    for (;;) {
      const batch: Person[] = [];
      while (batch.length < BATCH) {
        const spent = sources.filter((s) => s.empty);
        if (spent.length > 0) await Promise.all(spent.map((s) => s.page()));
        let top: Candidates | undefined;
        let bound = NEVER;
        for (const s of sources) {
          if (s.head() > bound) [top, bound] = [s, s.head()];
        }
        // A tie with the last place can still take it (on kind, then slug).
        if (!top || bound < lastPlace()) break;
        const p = top.take();
        if (p && !judged.has(p.slug)) {
          judged.add(p.slug);
          batch.push(p);
        }
      }
      if (batch.length === 0) break;
      const timelines = await Promise.all(batch.map((p) => timelineOf(p.slug)));
      if (trace) trace.timelines += batch.length;
      batch.forEach((person, i) => {
        const touches = timelines[i] ?? [];
        const suggestion = currentSuggestion({ person, touches, settings, now });
        if (!suggestion || suggestion.kind === 'prune') return;
        best.push({ person, suggestion });
        best.sort((a, b) => compareSuggestions(a.suggestion, b.suggestion));
        best.length = Math.min(best.length, limit + 1);
      });
    }
    return { items: best.slice(0, limit), more: best.length > limit };
  });
}

/** The prune list: imported contacts archived in triage, not dismissed, newest decision first. */
export function readPruneList(now = Date.now(), options: CoachReadOptions = {}): Promise<PruneList> {
  const { limit = 20, trace } = options;
  return db.transaction('r', db.people, db.settings, async () => {
    const [settings, archived] = await Promise.all([
      getSettings(),
      db.people.where('[source+stage]').equals(['import', 'archived']).toArray(),
    ]);
    if (trace) trace.people += archived.length;
    const list: PersonSuggestion[] = [];
    for (const person of archived) {
      if (!isPrunable(person)) continue;
      // Archived people are only asked about pruning, which needs no timeline.
      const suggestion = currentSuggestion({ person, touches: [], settings, now });
      if (suggestion) list.push({ person, suggestion });
    }
    list.sort((a, b) => compareSuggestions(a.suggestion, b.suggestion));
    return { count: list.length, people: list.slice(0, limit) };
  });
}

/**
 * One person's current suggestion, for the badge panel: their record and whole timeline. (The person's
 * page and the popup judge the timeline they already read.)
 */
export function readPersonSuggestion(slug: string, now = Date.now()): Promise<PersonSuggestion | null> {
  return db.transaction('r', db.people, db.touches, db.settings, async () => {
    const [person, touches, settings] = await Promise.all([
      db.people.get(slug),
      timelineOf(slug),
      getSettings(),
    ]);
    if (!person) return null;
    const suggestion = currentSuggestion({ person, touches, settings, now });
    return suggestion ? { person, suggestion } : null;
  });
}

/**
 * Stores a "Not relevant" or a snooze with the person (one per kind, replacing an earlier one), in one
 * transaction through the usual write path. Resolves to the dismissals the person had before (for
 * Undo, with restoreDismissals), or null when the person is not tracked.
 */
export async function dismissSuggestion(
  slug: string,
  dismissal: Dismissal,
  now = dismissal.at,
): Promise<Dismissal[] | null> {
  return writeDismissals(slug, (before) => withDismissal(before, dismissal), now);
}

/** Undo of dismissSuggestion: the person's dismissals as they were. */
export function restoreDismissals(slug: string, before: Dismissal[], now = Date.now()): Promise<unknown> {
  return writeDismissals(slug, () => before, now);
}

async function writeDismissals(
  slug: string,
  next: (before: Dismissal[]) => Dismissal[],
  now: number,
): Promise<Dismissal[] | null> {
  const before = await db.transaction('rw', db.people, async () => {
    const person = await db.people.get(slug);
    if (!person) return null;
    const previous = person.dismissals ?? [];
    const { dismissals: _old, ...rest } = person;
    const dismissals = next(previous);
    await db.people.put(
      personSchema.parse({
        ...rest,
        ...(dismissals.length ? { dismissals } : {}),
        updatedAt: Math.max(now, person.updatedAt),
      }),
    );
    return previous;
  });
  if (before) emitChanged([slug]);
  return before;
}
