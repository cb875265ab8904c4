// Every read and write of touches. Each write recomputes the person's
// lastTouchAt, met-in-person mark and dueAt in the same transaction.
import type { z } from 'zod';
import { emitChanged } from './changes';
import { db } from './db';
import { withDueAt } from './people';
import { type Touch, touchSchema } from './schemas';
import { getSettings } from './settings';

export const touchInputSchema = touchSchema.omit({ id: true, createdAt: true }).strict();
export type TouchInput = z.infer<typeof touchInputSchema>;
export const touchPatchSchema = touchInputSchema.omit({ personId: true }).partial().strict();
export type TouchPatch = z.infer<typeof touchPatchSchema>;

export type TouchResult = { ok: true; touch: Touch } | { ok: false; error: string };

function timeline(slug: string) {
  return db.touches.where('[personId+at]').between([slug, -Infinity], [slug, Infinity]);
}

/** A person's touches, newest first. */
export function listTouches(slug: string, limit = 50): Promise<Touch[]> {
  return timeline(slug).reverse().limit(limit).toArray();
}

/** Re-derives lastTouchAt, metInPerson and dueAt from the person's timeline. Call inside a transaction. */
async function refreshPerson(slug: string, now: number, touched: boolean): Promise<void> {
  const person = await db.people.get(slug);
  if (!person) return;
  const last = await timeline(slug).last();
  const metInPerson =
    (await timeline(slug)
      .filter((t) => t.kind === 'inPerson')
      .count()) > 0;
  const next = { ...person, metInPerson, updatedAt: now };
  if (last) next.lastTouchAt = last.at;
  else delete next.lastTouchAt;
  // A new touch restarts the clock: an earlier snooze no longer applies.
  if (touched) delete next.snoozedUntil;
  await db.people.put(withDueAt(next, await getSettings()));
}

const scope = () => [db.people, db.touches, db.settings] as const;

export async function addTouch(input: TouchInput, now = Date.now()): Promise<TouchResult> {
  const parsed = touchInputSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message ?? 'invalid touch' };
  const result = await db.transaction('rw', scope(), async (): Promise<TouchResult> => {
    if (!(await db.people.get(parsed.data.personId))) return { ok: false, error: 'not tracked' };
    const touch: Touch = { ...parsed.data, id: crypto.randomUUID(), createdAt: now };
    await db.touches.add(touch);
    await refreshPerson(touch.personId, now, true);
    return { ok: true, touch };
  });
  if (result.ok) emitChanged([result.touch.personId]);
  return result;
}

export async function updateTouch(id: string, patch: TouchPatch, now = Date.now()): Promise<TouchResult> {
  const parsed = touchPatchSchema.safeParse(patch);
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message ?? 'invalid touch' };
  const result = await db.transaction('rw', scope(), async (): Promise<TouchResult> => {
    const old = await db.touches.get(id);
    if (!old) return { ok: false, error: 'no such touch' };
    const touch = touchSchema.parse({ ...old, ...parsed.data });
    await db.touches.put(touch);
    await refreshPerson(touch.personId, now, false);
    return { ok: true, touch };
  });
  if (result.ok) emitChanged([result.touch.personId]);
  return result;
}

export async function deleteTouch(id: string, now = Date.now()): Promise<Touch | undefined> {
  const removed = await db.transaction('rw', scope(), async () => {
    const old = await db.touches.get(id);
    if (!old) return undefined;
    await db.touches.delete(id);
    await refreshPerson(old.personId, now, false);
    return old;
  });
  if (removed) emitChanged([removed.personId]);
  return removed;
}

/** Puts back a touch removed by deleteTouch (undo). */
export async function restoreTouch(touch: Touch, now = Date.now()): Promise<void> {
  await db.transaction('rw', scope(), async () => {
    await db.touches.put(touchSchema.parse(touch));
    await refreshPerson(touch.personId, now, false);
  });
  emitChanged([touch.personId]);
}
