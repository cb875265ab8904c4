// What one tracked person's message runs do to their timeline: which touches to write and which an
// earlier import wrote that a grown run replaces, keeping the user's edits. Pure: the import
// (storage/import-messages.ts) reads the timeline and writes the plan.
import { type Touch, touchSchema } from '../../storage/schemas';
import { importedSpan, type Lineage, lineageOf, touchId } from '../message-ids';
import { clipNote, type MessageRun } from './message-runs';
import type { MessageImportCounts } from './messages-report';

export interface PersonPlan {
  puts: Touch[];
  deletes: string[];
  /** The person's latest touch once the plan is written. */
  last: number | undefined;
  metInPerson: boolean;
}

/** What one person's runs do to the part of their timeline they can overlap. Counts into `report`. */
export function mergeRuns(
  slug: string,
  runs: readonly MessageRun[],
  timeline: readonly Touch[],
  now: number,
  report: MessageImportCounts,
): PersonPlan {
  const live = new Map(timeline.map((t) => [t.id, t]));
  const puts = new Map<string, Touch>();
  const deletes = new Set<string>();
  const byLineage = new Map<string, { lineage: Lineage; runs: MessageRun[] }>();
  for (const run of runs) {
    const key = `${run.conversation}\u0000${run.initiator}`;
    const entry = byLineage.get(key);
    if (entry) entry.runs.push(run);
    else byLineage.set(key, { lineage: lineageOf(run.conversation, run.initiator, slug), runs: [run] });
  }

  for (const { lineage, runs: list } of byLineage.values()) {
    // What earlier imports wrote for this conversation's side, and which messages each stands for.
    const stored = timeline.flatMap((touch) => {
      const span = importedSpan(touch, lineage);
      return span ? [{ touch, ...span }] : [];
    });
    for (const run of [...list].sort((a, b) => a.at - b.at)) {
      const over = stored.filter((s) => s.first <= run.at && s.last >= run.first);
      // Already there, or an older export's shorter view of a run a newer one wrote: nothing to do.
      if (over.some((s) => s.first <= run.first && s.last >= run.at)) {
        report.existing++;
        continue;
      }
      const first = Math.min(run.first, ...over.map((s) => s.first));
      const last = Math.max(run.at, ...over.map((s) => s.last));
      const checked = touchSchema.safeParse({
        id: touchId(lineage.conversation, lineage.initiator, slug, first, last),
        personId: slug,
        at: last,
        kind: 'message',
        initiator: run.initiator,
        value: 'none',
        note: run.note,
        createdAt: now,
        ...keptEdits(
          over.map((s) => s.touch),
          run.note,
        ),
      });
      if (!checked.success) {
        const field = String(checked.error.issues[0]?.path[0] ?? '');
        report.invalid.push({ row: run.row, reason: { code: 'invalidRecord', field } });
        continue;
      }
      for (const s of over) {
        live.delete(s.touch.id);
        puts.delete(s.touch.id);
        deletes.add(s.touch.id);
        stored.splice(stored.indexOf(s), 1);
      }
      const touch = checked.data;
      live.set(touch.id, touch);
      puts.set(touch.id, touch);
      stored.push({ touch, first, last });
      if (over.length) report.merged++;
      else report.added++;
    }
  }
  let last: number | undefined;
  for (const t of live.values()) if (last === undefined || t.at > last) last = t.at;
  const written = [...puts.values()];
  return {
    puts: written,
    deletes: [...deletes],
    last,
    metInPerson: written.some((t) => t.kind === 'inPerson'),
  };
}

/**
 * What the user set on the touches a grown run replaces: kind, side, value, note (unless it is only the
 * message text the run now holds in full) and the time the first of them was written.
 */
function keptEdits(replaced: readonly Touch[], note: string): Partial<Touch> {
  const latest = replaced.reduce<Touch | undefined>((a, t) => (!a || t.at > a.at ? t : a), undefined);
  if (!latest) return {};
  const notes = replaced.map((t) => t.note).filter((n) => n !== '');
  return {
    kind: latest.kind,
    initiator: latest.initiator,
    value: replaced.find((t) => t.value !== 'none')?.value ?? 'none',
    note: notes.every((n) => note.includes(n)) ? note : clipNote(notes.join('\n\n')),
    createdAt: Math.min(...replaced.map((t) => t.createdAt)),
  };
}
