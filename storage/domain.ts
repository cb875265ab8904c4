// Vínculo's vocabulary as plain values, without Zod: what the popup needs for its first paint.
// schemas.ts builds the checks on these.
import type { ProfileFacts } from './people';
import type { Person } from './schemas';
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

/** A person first seen on their LinkedIn profile, as Vínculo starts tracking them (before any cadence). */
export function pagePerson(facts: ProfileFacts, now: number): Omit<Person, 'dueAt'> {
  return {
    ...facts,
    stage: 'contact',
    tags: [],
    about: '',
    source: 'page',
    createdAt: now,
    updatedAt: now,
    metInPerson: false,
    roleChanges: [],
  };
}
