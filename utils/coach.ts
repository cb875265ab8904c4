// The coach: the habits behind Vínculo turned into one concrete suggestion per person, computed
// only from what the user recorded. Pure: person, timeline, settings, dismissals and clock come in.
//
// One at a time. A person's suggestion is the first kind, in this order, that applies and has not
// been dismissed (the rules are in coach-rules.ts):
//   1. moment    a role change recorded in the last 30 days: congratulate them.
//   2. giveFirst the last 3+ value-moving touches were all "I received": give something next.
//   3. cold      cooling or cold: reach out, by the first move their history points to.
//   4. offline   5+ written touches over 60+ days, never a call or a meeting: propose a call.
// Archived people get none of these; an imported contact archived in triage gets only
//   5. prune     remove the connection on LinkedIn yourself (Vínculo never acts there).
// Why this order: a moment lasts 30 days and then is gone, while the others wait, and
// congratulating is itself a small gift, so it comes first. Giving comes before "going cold"
// because after a run of receiving, the way back into a cooling relationship should be a give, not
// one more ask. Going cold comes before moving offline because a relationship that has gone quiet
// needs a touch before it can take a bigger step; offline comes back once it is warm again.
//
// Most timely first. Across people, suggestions are ordered by `since`, the instant their reason
// last became true, newest first: the role change, the last thing received, the moment the person
// turned cooling (a quarter of the cadence before due) or cold (at due), the last touch of a written
// relationship, the triage decision. Ties go by the order above, then by slug.
//
// Dismissals. "Not relevant" records the suggestion's `facts` (coach-rules.ts says what each kind's
// facts are) and hides that kind for that person while the facts are the same; "Snooze" hides it
// until a date. Either way the person's next kind in the order may show instead.
import { type SuggestionKind, suggestionKinds } from '../storage/domain';
import type { Settings } from '../storage/schemas';
import {
  type CoachPerson,
  type CoachTouch,
  type ColdReason,
  coldOf,
  type Finding,
  type GiveFirstReason,
  giveFirstOf,
  type MomentReason,
  momentOf,
  type OfflineReason,
  offlineOf,
  type PruneReason,
  pruneOf,
} from './coach-rules';
import { DAY } from './time';

export type { CoachPerson, CoachTouch, FirstMove } from './coach-rules';
export { isPrunable } from './coach-rules';

/** Every kind, in the one-at-a-time order (kept in storage/domain.ts, where the person schema reads it). */
export { type SuggestionKind, suggestionKinds };

export interface SuggestionReasons {
  moment: MomentReason;
  giveFirst: GiveFirstReason;
  cold: ColdReason;
  offline: OfflineReason;
  prune: PruneReason;
}

/** One person's suggestion: its kind, the numbers the UI words it from, its order key and its facts. */
export type Suggestion = {
  [K in SuggestionKind]: {
    kind: K;
    slug: string;
    reason: SuggestionReasons[K];
    /** When the reason last became true (epoch ms): the order key, newest first. */
    since: number;
    /** What the suggestion stands on; a "Not relevant" holds while this is unchanged. */
    facts: string;
  };
}[SuggestionKind];

/** One dismissal of one kind for one person: "Not relevant" (with `facts`) or a snooze (with `until`). */
export interface Dismissal {
  kind: SuggestionKind;
  /** When the user dismissed it. */
  at: number;
  /** "Not relevant": the suggestion's facts at that moment. */
  facts?: string;
  /** Snooze: hidden until this instant. */
  until?: number;
}

/** A person's dismissals: at most one per kind (see withDismissal). */
export type Dismissals = readonly Dismissal[];

export interface CoachInput {
  /** With the suggestions the user dismissed, which are kept with the person. */
  person: CoachPerson & { dismissals?: Dismissals };
  /** The person's whole timeline, newest first. */
  touches: readonly CoachTouch[];
  settings: Pick<Settings, 'cadenceDays'>;
  now: number;
}

export const SNOOZE_DAYS = 7;

const named = <K extends SuggestionKind>(
  kind: K,
  slug: string,
  found: Finding<SuggestionReasons[K]> | null,
): Suggestion | null => (found ? ({ kind, slug, ...found } as Suggestion) : null);

/** Each kind's rule, in the one-at-a-time order (prune is asked of archived people only). */
const rules: readonly ((input: CoachInput) => Suggestion | null)[] = [
  ({ person, now }) => named('moment', person.slug, momentOf(person, now)),
  ({ person, touches }) => named('giveFirst', person.slug, giveFirstOf(touches)),
  ({ person, touches, settings, now }) => named('cold', person.slug, coldOf(person, touches, settings, now)),
  ({ person, touches }) => named('offline', person.slug, offlineOf(person, touches)),
];

/** Every suggestion that applies to the person, dismissed or not, in the one-at-a-time order. */
export function applicableSuggestions(input: CoachInput): Suggestion[] {
  if (input.person.stage === 'archived') {
    const prune = named('prune', input.person.slug, pruneOf(input.person));
    return prune ? [prune] : [];
  }
  return rules.map((rule) => rule(input)).filter((s): s is Suggestion => s !== null);
}

/** The person's one current suggestion: the first that applies and is not dismissed, or null. */
export function currentSuggestion(input: CoachInput): Suggestion | null {
  if (input.person.stage === 'archived') {
    const prune = named('prune', input.person.slug, pruneOf(input.person));
    return prune && !isDismissed(prune, input.person.dismissals, input.now) ? prune : null;
  }
  for (const rule of rules) {
    const suggestion = rule(input);
    if (suggestion && !isDismissed(suggestion, input.person.dismissals, input.now)) return suggestion;
  }
  return null;
}

/** Whether the user has hidden this suggestion: snoozed until after `now`, or "Not relevant" on the same facts. */
export function isDismissed(
  suggestion: Pick<Suggestion, 'kind' | 'facts'>,
  dismissals: Dismissals | undefined,
  now: number,
): boolean {
  const dismissal = dismissals?.find((d) => d.kind === suggestion.kind);
  if (!dismissal) return false;
  if (dismissal.until !== undefined && now < dismissal.until) return true;
  return dismissal.facts !== undefined && dismissal.facts === suggestion.facts;
}

/** The dismissals with `dismissal` in place of any earlier one of its kind (so at most one per kind). */
export function withDismissal(dismissals: Dismissals | undefined, dismissal: Dismissal): Dismissal[] {
  return [...(dismissals ?? []).filter((d) => d.kind !== dismissal.kind), dismissal];
}

/** "Not relevant": hides this kind for this person until its facts change. */
export function notRelevant(suggestion: Pick<Suggestion, 'kind' | 'facts'>, now: number): Dismissal {
  return { kind: suggestion.kind, at: now, facts: suggestion.facts };
}

/** "Snooze": hides this kind for this person until `now` + `days`. */
export function snoozed(suggestion: Pick<Suggestion, 'kind'>, now: number, days = SNOOZE_DAYS): Dismissal {
  return { kind: suggestion.kind, at: now, until: now + days * DAY };
}

const rank = (kind: SuggestionKind): number => suggestionKinds.indexOf(kind);
// Ties are broken the same way in every locale, as in utils/digest.ts.
const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Most timely first: newest `since`, then the one-at-a-time order, then slug. */
export function compareSuggestions(
  a: Pick<Suggestion, 'kind' | 'since' | 'slug'>,
  b: Pick<Suggestion, 'kind' | 'since' | 'slug'>,
): number {
  return b.since - a.since || rank(a.kind) - rank(b.kind) || byCodeUnits(a.slug, b.slug);
}
