// The coach's rules, one function per kind of suggestion: each says whether its habit applies to one
// person right now, with the numbers behind it, the instant its reason last became true (`since`, the
// order key) and the facts it stands on (`facts`, what a "Not relevant" is checked against). Pure: the
// clock, the person, the timeline and the settings are arguments. utils/coach.ts picks one per person.
import type { Person, Settings, Touch, TouchKind } from '../storage/schemas';
import { cadenceFor, temperatureOf } from './cadence';
import { DAY } from './time';

/** What the rules read of a person. */
export type CoachPerson = Pick<
  Person,
  | 'slug'
  | 'stage'
  | 'source'
  | 'cadenceDays'
  | 'dueAt'
  | 'metInPerson'
  | 'roleChanges'
  | 'triagedAt'
  | 'connectedOn'
>;
/** What the rules read of a touch. */
export type CoachTouch = Pick<Touch, 'id' | 'at' | 'kind' | 'value'>;

/** Move it offline: this many written touches at least… */
export const OFFLINE_MIN_WRITTEN = 5;
/** …spread over at least this many days, first to last. */
export const OFFLINE_MIN_DAYS = 60;
/** Give first: this many value-moving touches in a row, newest first, all "I received". */
export const GIVE_FIRST_MIN_RECEIVED = 3;
/** A moment that matters: a role change on day 0 to day 30 after it was recorded (24-hour days). */
export const MOMENT_DAYS = 30;

/** Written touches; a call, a video call or a meeting ends "written only" for good. */
const WRITTEN: ReadonlySet<TouchKind> = new Set(['message', 'comment', 'email']);
const SPOKEN: ReadonlySet<TouchKind> = new Set(['call', 'video']);
const isVoice = (kind: TouchKind): boolean => SPOKEN.has(kind) || kind === 'inPerson';
// An average month, as utils/relative-time.ts counts them.
const MONTH_DAYS = 30.44;

export interface MomentReason {
  /** When the role change was recorded. */
  at: number;
  /** Whole 24-hour days since then: 0 to 30. */
  days: number;
  /** The company and headline after the change (either may be missing). */
  company?: string;
  headline?: string;
  previousCompany?: string;
}

export interface GiveFirstReason {
  /** Value-moving touches in a row, newest first, all "I received" (3 or more). */
  received: number;
  /** The newest of them. */
  lastReceivedAt: number;
}

/** The first move a cooling relationship's history points to. */
export type FirstMove = 'write' | 'call' | 'meet';

export interface ColdReason {
  temperature: 'cooling' | 'cold';
  /** `meet` when they have met in person, else `call` after any call or video call, else `write`. */
  firstMove: FirstMove;
  /** The newest touch; absent when there has been none. */
  lastTouchAt?: number;
  cadenceDays: number;
  dueAt: number;
}

export interface OfflineReason {
  /** Written touches (messages, comments, emails): 5 or more. */
  written: number;
  /** Whole days from the first written touch to the last: 60 or more. */
  days: number;
  /** The same span in months, rounded, never below 2 (so the wording is always plural). */
  months: number;
}

export interface PruneReason {
  /** When the contact was archived in triage as "I don't know them". */
  triagedAt: number;
  connectedOn?: number;
}

/** A rule's finding, before it is named by a kind and a person. */
export interface Finding<R> {
  reason: R;
  since: number;
  facts: string;
}

/** The newest role change, if it was recorded on day 0 to day 30 before `now`. */
export function momentOf(person: CoachPerson, now: number): Finding<MomentReason> | null {
  let newest: Person['roleChanges'][number] | undefined;
  for (const change of person.roleChanges) if (!newest || change.at > newest.at) newest = change;
  if (!newest) return null;
  const days = Math.floor(Math.max(0, now - newest.at) / DAY);
  if (days > MOMENT_DAYS) return null;
  const reason: MomentReason = { at: newest.at, days };
  if (newest.company) reason.company = newest.company;
  if (newest.headline) reason.headline = newest.headline;
  if (newest.previousCompany) reason.previousCompany = newest.previousCompany;
  // Another role change is another moment.
  return { reason, since: newest.at, facts: String(newest.at) };
}

/**
 * The run of "I received", newest first. Touches that moved no value (most of a messages import)
 * neither count nor end the run: only "I gave" or "both" does. The run is named by its oldest touch,
 * so more of the same run stays dismissed, and a new run after a give is new facts.
 */
export function giveFirstOf(touches: readonly CoachTouch[]): Finding<GiveFirstReason> | null {
  let received = 0;
  let newest: CoachTouch | undefined;
  let oldest: CoachTouch | undefined;
  for (const touch of touches) {
    if (touch.value === 'none') continue;
    if (touch.value !== 'received') break;
    received++;
    newest ??= touch;
    oldest = touch;
  }
  if (received < GIVE_FIRST_MIN_RECEIVED || !newest || !oldest) return null;
  return { reason: { received, lastReceivedAt: newest.at }, since: newest.at, facts: oldest.id };
}

/** How a history says to reach out again: as they last met, if they ever did, else in writing. */
export function firstMoveOf(person: Pick<Person, 'metInPerson'>, touches: readonly CoachTouch[]): FirstMove {
  if (person.metInPerson || touches.some((t) => t.kind === 'inPerson')) return 'meet';
  return touches.some((t) => SPOKEN.has(t.kind)) ? 'call' : 'write';
}

/**
 * The existing cooling/cold signal (utils/cadence.ts). Its `since` is when the current temperature
 * began: cooling a quarter of the cadence before dueAt, cold at dueAt. Dismissed, it stays hidden
 * until the next touch.
 */
export function coldOf(
  person: CoachPerson,
  touches: readonly CoachTouch[],
  settings: Pick<Settings, 'cadenceDays'>,
  now: number,
): Finding<ColdReason> | null {
  const temperature = temperatureOf(person, settings, now);
  const cadenceDays = cadenceFor(person, settings);
  if ((temperature !== 'cooling' && temperature !== 'cold') || cadenceDays === null) return null;
  const dueAt = person.dueAt as number;
  const reason: ColdReason = {
    temperature,
    firstMove: firstMoveOf(person, touches),
    cadenceDays,
    dueAt,
  };
  const last = touches[0];
  if (last) reason.lastTouchAt = last.at;
  return { reason, since: coolingSince(dueAt, cadenceDays, temperature), facts: last?.id ?? '' };
}

/** When a person's current temperature began: a quarter of the cadence before dueAt for cooling. */
export function coolingSince(dueAt: number, cadenceDays: number, temperature: 'cooling' | 'cold'): number {
  return temperature === 'cold' ? dueAt : dueAt - (cadenceDays * DAY) / 4;
}

/**
 * An acquaintance or relationship kept in writing only: 5 or more written touches over 60 days or
 * more, never a call, a video call or a meeting (introductions and "other" neither count nor end it).
 * Its facts are the stage and the written count's doubling (5–7, 8–15, 16–31…): a "Not relevant"
 * holds until the relationship changes stage or the written history doubles, not at every message.
 */
export function offlineOf(
  person: CoachPerson,
  touches: readonly CoachTouch[],
): Finding<OfflineReason> | null {
  if (person.stage !== 'acquaintance' && person.stage !== 'relationship') return null;
  if (person.metInPerson) return null;
  let written = 0;
  let newest: CoachTouch | undefined;
  let oldest: CoachTouch | undefined;
  for (const touch of touches) {
    if (isVoice(touch.kind)) return null;
    if (!WRITTEN.has(touch.kind)) continue;
    written++;
    newest ??= touch;
    oldest = touch;
  }
  const latest = touches[0];
  if (written < OFFLINE_MIN_WRITTEN || !newest || !oldest || !latest) return null;
  const span = newest.at - oldest.at;
  if (span < OFFLINE_MIN_DAYS * DAY) return null;
  const days = Math.floor(span / DAY);
  const reason: OfflineReason = { written, days, months: Math.max(2, Math.round(days / MONTH_DAYS)) };
  return { reason, since: latest.at, facts: `${person.stage}:${Math.floor(Math.log2(written))}` };
}

/**
 * An imported contact archived in triage: "I don't know them" archives and stamps triagedAt. (One kept
 * in triage and archived later carries the same two facts; Vínculo cannot tell them apart, and either
 * way the user chose not to pursue an imported connection.)
 */
export function isPrunable(person: Pick<Person, 'source' | 'stage' | 'triagedAt'>): boolean {
  return person.source === 'import' && person.stage === 'archived' && person.triagedAt !== undefined;
}

export function pruneOf(person: CoachPerson): Finding<PruneReason> | null {
  if (!isPrunable(person) || person.triagedAt === undefined) return null;
  const reason: PruneReason = { triagedAt: person.triagedAt };
  if (person.connectedOn !== undefined) reason.connectedOn = person.connectedOn;
  return { reason, since: person.triagedAt, facts: String(person.triagedAt) };
}
