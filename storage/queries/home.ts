// What the dashboard's home and going-cold views read: the network's health, who is going cold,
// the steps due, and the people touched last.
import { goingCold, stepsDue } from '../agenda';
import { db } from '../db';
import type { Person } from '../schemas';
import { networkHealth } from '../stats';
import { readPruneList, readSuggestions } from '../suggestions';

export type HomeView = 'home' | 'going-cold';

// The counts are kept by every write: reading them is a few rows and short index ranges, never a recount.
export const readHealth = (view: HomeView, now: number) =>
  view === 'home' ? networkHealth(now) : Promise.resolve(null);

/** The people touched most recently, latest first. */
function recentlyTouched(limit: number): Promise<Person[]> {
  return db.people.orderBy('lastTouchAt').reverse().limit(limit).toArray();
}

export async function readLists(view: HomeView, now: number) {
  const [cold, steps, recent] = await Promise.all([
    goingCold(now, view === 'home' ? 20 : 100),
    stepsDue(now),
    view === 'home' ? recentlyTouched(10) : [],
  ]);
  return { cold, steps, recent };
}

/** What the home and going-cold views show first, read while the page is still starting. */
export async function readHome(view: HomeView, now = Date.now()) {
  const [health, lists] = await Promise.all([readHealth(view, now), readLists(view, now)]);
  return { view, health, lists };
}
export type FirstHome = Awaited<ReturnType<typeof readHome>>;

/** The coach on the home: the most timely suggestions and the prune list, with the dismissals kept. */
export async function readCoach(now: number) {
  const [suggestions, prune] = await Promise.all([
    readSuggestions(now, { limit: 10 }),
    readPruneList(now, { limit: 10 }),
  ]);
  return { suggestions, prune };
}
