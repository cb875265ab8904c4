// A quick note is several writes (the touch, maybe a next step, maybe a stage or
// cadence change); the popup and the dashboard log it, and take it back, the same way.
import type { DraftWrites } from '../utils/draft';
import { addNextStep, deleteNextStep } from './next-steps';
import { updatePerson } from './people';
import type { Person } from './schemas';
import { addTouch, deleteTouch } from './touches';

/** What a logged note wrote, so that Undo can take all of it back. */
export interface LoggedNote {
  slug: string;
  touchId: string;
  stepId?: string;
  before?: { stage: Person['stage']; cadenceDays: number | null };
}

export async function logNote(person: Person, writes: DraftWrites, now = Date.now()): Promise<LoggedNote> {
  const touch = await addTouch({ personId: person.slug, ...writes.touch }, now);
  if (!touch.ok) throw new Error(touch.error);
  const logged: LoggedNote = { slug: person.slug, touchId: touch.touch.id };
  if (writes.nextStep) {
    const step = await addNextStep({ personId: person.slug, ...writes.nextStep }, now);
    if (step.ok) logged.stepId = step.step.id;
  }
  if (writes.patch) {
    logged.before = { stage: person.stage, cadenceDays: person.cadenceDays ?? null };
    await updatePerson(person.slug, writes.patch, now);
  }
  return logged;
}

export async function undoNote(logged: LoggedNote): Promise<void> {
  await deleteTouch(logged.touchId);
  if (logged.stepId) await deleteNextStep(logged.stepId);
  if (logged.before) await updatePerson(logged.slug, logged.before);
}
