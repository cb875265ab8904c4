// Vínculo's vocabulary as plain values, without Zod: what the popup needs for its first paint.
// schemas.ts builds the checks on these.
import type { NextStep, Person } from './schemas';

export const DB_NAME = 'vinculo';
/** The settings table's one row. */
export const SETTINGS_KEY = 'settings';

export const LIMITS = {
  name: 200,
  headline: 400,
  company: 200,
  url: 2048,
  note: 20_000,
  about: 20_000,
  tag: 60,
  tags: 50,
  stepText: 1_000,
} as const;

export const stages = ['contact', 'acquaintance', 'relationship', 'archived'] as const;
export type Stage = (typeof stages)[number];

export const touchKinds = [
  'message',
  'comment',
  'email',
  'call',
  'video',
  'inPerson',
  'introduction',
  'other',
] as const;
export type TouchKind = (typeof touchKinds)[number];

export const initiators = ['me', 'them'] as const;
export const values = ['gave', 'received', 'both', 'none'] as const;

/** Every kind of coach suggestion, in the one-at-a-time order (utils/coach.ts). */
export const suggestionKinds = ['moment', 'giveFirst', 'cold', 'offline', 'prune'] as const;
export type SuggestionKind = (typeof suggestionKinds)[number];

/** How many days a Snooze (dashboard, notification) pushes a person's due date. */
export const SNOOZE_DAYS = 7;

/** Counts shown to the user (toolbar icon, daily digest) stop here and read "99+" beyond it. */
export const COUNT_SHOWN_MAX = 99;

/**
 * The share of a cadence before dueAt during which a person is cooling: warm while elapsed time is
 * under 0.75 of the cadence, cooling until it is all gone, then cold (docs/architecture.md).
 */
export const COOLING_SHARE = 0.25;

/** What a person starts with besides their facts. */
type PersonFacts = Pick<Person, 'slug' | 'name'> &
  Partial<Pick<Person, 'memberId' | 'headline' | 'company' | 'photoUrl' | 'email' | 'connectedOn'>>;

/**
 * A person as Vínculo starts tracking them (before any cadence): a `contact` with the facts a page or
 * an import row gave, no tags, no notes.
 */
export function newPerson(facts: PersonFacts, source: Person['source'], now: number): Omit<Person, 'dueAt'> {
  return {
    ...facts,
    stage: 'contact',
    tags: [],
    about: '',
    source,
    createdAt: now,
    updatedAt: now,
    metInPerson: false,
    roleChanges: [],
  };
}

/** The step with `openDueAt` set from its due and done dates: every write of a step goes through here. */
export function withOpenDue<S extends NextStep>(step: S): S {
  const { openDueAt: _stale, ...rest } = step;
  return (
    step.dueAt !== undefined && step.doneAt === undefined ? { ...rest, openDueAt: step.dueAt } : rest
  ) as S;
}

/**
 * The person with `roleChangedAt` set from their role changes. Every write of a person goes through
 * here by itself (role-changed-at-middleware.ts).
 */
export function withRoleChangedAt<P extends Pick<Person, 'roleChanges' | 'roleChangedAt'>>(person: P): P {
  const { roleChangedAt: _stale, ...rest } = person;
  // Rows older than version 2 may have no role changes yet.
  let newest = Number.NEGATIVE_INFINITY;
  for (const change of person.roleChanges ?? []) if (change.at > newest) newest = change.at;
  return (newest === Number.NEGATIVE_INFINITY ? rest : { ...rest, roleChangedAt: newest }) as P;
}
