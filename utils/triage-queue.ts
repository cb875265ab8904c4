// Triage of imported connections as a queue: who is shown next, what a decision writes, and how
// skip and undo move people back. Pure: the dashboard's triage view writes what these return.
import type { Person } from '../storage/schemas';

export interface TriageQueue {
  /** Still to decide, the one on screen first. */
  queue: Person[];
  /** The people decided, as they were before the decision, latest last (what Undo restores). */
  history: Person[];
  done: number;
  total: number;
}

/** Everyone imported: open contacts not triaged yet are queued, most recently connected first. */
export function startTriage(imported: Person[]): TriageQueue {
  const open = imported.filter((p) => p.stage === 'contact' && p.triagedAt === undefined);
  return {
    queue: open.sort((a, b) => (b.connectedOn ?? 0) - (a.connectedOn ?? 0)),
    history: [],
    total: imported.length,
    done: imported.length - open.length,
  };
}

type TriageChoice = 'archive' | 'keep' | 'nurture';

/** What deciding on a person writes to them. */
export function triagePatch(choice: TriageChoice, now: number) {
  return choice === 'archive'
    ? ({ stage: 'archived', triagedAt: now } as const)
    : choice === 'nurture'
      ? ({ stage: 'acquaintance', triagedAt: now } as const)
      : ({ triagedAt: now } as const);
}

/** The person first in the queue was decided on. */
export function afterDecision(q: TriageQueue, person: Person): TriageQueue {
  return { ...q, history: [...q.history, person], queue: q.queue.slice(1), done: q.done + 1 };
}

/** The person first in the queue goes to its end. */
export function afterSkip(q: TriageQueue): TriageQueue {
  const [person, ...rest] = q.queue;
  return person ? { ...q, queue: [...rest, person] } : q;
}

/** The last decision to undo, and the queue without it in its history; null when there is none. */
export function takeUndo(q: TriageQueue): { previous: Person; rest: TriageQueue } | null {
  const previous = q.history.at(-1);
  return previous ? { previous, rest: { ...q, history: q.history.slice(0, -1) } } : null;
}

/** The person whose decision was undone is shown again, first. */
export function afterUndo(q: TriageQueue, previous: Person): TriageQueue {
  return { ...q, queue: [previous, ...q.queue.filter((p) => p.slug !== previous.slug)], done: q.done - 1 };
}
