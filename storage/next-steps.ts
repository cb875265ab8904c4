// Every read and write of next steps.
import type { z } from 'zod';
import { emitChanged } from './changes';
import { db } from './db';
import { withOpenDue } from './domain';
import { type NextStep, nextStepSchema } from './schemas';

export const nextStepInputSchema = nextStepSchema.pick({ personId: true, text: true, dueAt: true }).strict();
export type NextStepInput = z.infer<typeof nextStepInputSchema>;
export type NextStepResult = { ok: true; step: NextStep } | { ok: false; error: string };

export async function addNextStep(input: NextStepInput, now = Date.now()): Promise<NextStepResult> {
  const parsed = nextStepInputSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message ?? 'invalid next step' };
  const step = withOpenDue<NextStep>({ ...parsed.data, id: crypto.randomUUID(), createdAt: now });
  await db.nextSteps.add(step);
  emitChanged([step.personId]);
  return { ok: true, step };
}

/** Marks a step done (or open again with `done: false`). */
export async function setNextStepDone(
  id: string,
  done: boolean,
  now = Date.now(),
): Promise<NextStep | undefined> {
  const step = await db.nextSteps.get(id);
  if (!step) return undefined;
  const changed = { ...step };
  if (done) changed.doneAt = now;
  else delete changed.doneAt;
  const next = withOpenDue(changed);
  await db.nextSteps.put(next);
  emitChanged([step.personId]);
  return next;
}

export async function deleteNextStep(id: string): Promise<NextStep | undefined> {
  const step = await db.nextSteps.get(id);
  if (!step) return undefined;
  await db.nextSteps.delete(id);
  emitChanged([step.personId]);
  return step;
}

/** A person's open steps, soonest due first (undated last). */
export async function openNextSteps(slug: string): Promise<NextStep[]> {
  const steps = await db.nextSteps.where('personId').equals(slug).toArray();
  return steps
    .filter((s) => s.doneAt === undefined)
    .sort((a, b) => (a.dueAt ?? Infinity) - (b.dueAt ?? Infinity) || a.createdAt - b.createdAt);
}

/** Open steps due by `now`, longest due first: an index range on openDueAt (done steps are not in it). */
export function dueNextSteps(now: number, limit = Infinity): Promise<NextStep[]> {
  const due = db.nextSteps.where('openDueAt').belowOrEqual(now);
  return (limit === Infinity ? due : due.limit(limit)).toArray();
}

/** How many open steps are due by `now`, counted in the index without reading a step. */
export function countDueNextSteps(now: number): Promise<number> {
  return db.nextSteps.where('openDueAt').belowOrEqual(now).count();
}
