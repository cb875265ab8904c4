// Reads over everyone tracked: the dashboard's people list and backup counts, the popup's search.
import { db } from '../db';
import type { Person } from '../schemas';

/** Every person tracked, in slug order. */
export function allPeople(): Promise<Person[]> {
  return db.people.toArray();
}

/** How many people and touches are stored (what a restore would replace). */
export async function countPeopleAndTouches(): Promise<{ people: number; touches: number }> {
  return { people: await db.people.count(), touches: await db.touches.count() };
}

/** Everyone an import brought in, whatever their stage: the triage queue is drawn from them. */
export function importedPeople(): Promise<Person[]> {
  return db.people.where('[source+stage]').between(['import', ''], ['import', '\uffff']).toArray();
}
