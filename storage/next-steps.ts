// Every read and write of next steps.
import type { z } from 'zod';
import { emitChanged } from './changes';
import { db } from './db';
import { type NextStep, nextStepSchema } from './schemas';

export const nextStepInputSchema = nextStepSchema.pick({ personId: true, text: true, dueAt: true }).strict();
export type NextStepInput = z.infer<typeof nextStepInputSchema>;
export type NextStepResult = { ok: true; step: NextStep } | { ok: false; error: string };

export async function addNextStep(input: NextStepInput, now = Date.now()): Promise<NextStepResult> {
  const parsed = nextStepInputSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message ?? 'invalid next step' };
  const step: NextStep = { ...parsed.data, id: crypto.randomUUID(), createdAt: now };
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
  const next = { ...step };
  if (done) next.doneAt = now;
  else delete next.doneAt;
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

/** Open steps due by `now`: an index range on dueAt. */
export async function dueNextSteps(now: number): Promise<NextStep[]> {
  const steps = await db.nextSteps.where('dueAt').belowOrEqual(now).toArray();
  return steps.filter((s) => s.doneAt === undefined);
}
