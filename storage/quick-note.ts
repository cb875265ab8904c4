// A quick note is several writes (maybe tracking the person, the touch, maybe a next step, maybe a
// stage or cadence change). The popup, the dashboard and the badge panel all log it here, as one
// transaction: all of it is written or none of it. Undo takes all of it back, also in one.
import type { DraftWrites } from '../utils/draft';
import { db } from './db';
import { addNextStep, deleteNextStep } from './next-steps';
import { type ProfileFacts, trackPerson, updatePerson } from './people';
import type { Person } from './schemas';
import { addTouch, deleteTouch } from './touches';

/** What a logged note wrote, so that Undo can take all of it back. */
export interface LoggedNote {
  slug: string;
  touchId: string;
  stepId?: string;
  before?: { stage: Person['stage']; cadenceDays: number | null };
  /** The note started tracking the person: Undo stops tracking them again. */
  tracked?: boolean;
}

const scope = () => [db.people, db.touches, db.nextSteps, db.settings];

/** Thrown inside the transaction so that nothing of the note is kept. */
class NoteRefused extends Error {}

/**
 * Logs a quick note for `person`. `track` is what the page shows of someone not tracked yet: they are
 * stored in the same transaction (opening the popup wrote nothing). Rejects, having written nothing,
 * if any part is refused or the write fails (a full disk: `QuotaExceededError`).
 */
export async function logNote(
  person: Person,
  writes: DraftWrites,
  now = Date.now(),
  track?: ProfileFacts,
): Promise<LoggedNote> {
  return db.transaction('rw', scope(), async () => {
    const logged: LoggedNote = { slug: person.slug, touchId: '' };
    let current = await db.people.get(person.slug);
    if (!current && track) {
      current = await trackPerson(track, now);
      logged.tracked = true;
    }
    if (!current) throw new NoteRefused('not tracked');
    const touch = await addTouch({ personId: person.slug, ...writes.touch }, now);
    if (!touch.ok) throw new NoteRefused(touch.error);
    logged.touchId = touch.touch.id;
    if (writes.nextStep) {
      const step = await addNextStep({ personId: person.slug, ...writes.nextStep }, now);
      if (!step.ok) throw new NoteRefused(step.error);
      logged.stepId = step.step.id;
    }
    if (writes.patch) {
      logged.before = { stage: current.stage, cadenceDays: current.cadenceDays ?? null };
      const patched = await updatePerson(person.slug, writes.patch, now);
      if (!patched.ok) throw new NoteRefused(patched.error);
    }
    return logged;
  });
}

export async function undoNote(logged: LoggedNote): Promise<void> {
  await db.transaction('rw', scope(), async () => {
    await deleteTouch(logged.touchId);
    if (logged.stepId) await deleteNextStep(logged.stepId);
    if (logged.tracked) await db.people.delete(logged.slug);
    else if (logged.before) await updatePerson(logged.slug, logged.before);
  });
}
