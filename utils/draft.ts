// The popup's quick note: what the user typed (a draft that survives the popup
// closing), and how it becomes checked writes.
import { type initiators, LIMITS, type Stage, type TouchKind, type values } from '../storage/domain';
import type { Person } from '../storage/schemas';
import { DAY, startOfLocalDay, toDateInput } from './time';

/** What the user typed. Plain values (no Zod here): the popup renders it before anything else loads. */
export interface Draft {
  kind: TouchKind;
  /** Local date of the touch, yyyy-mm-dd. */
  date: string;
  initiator: (typeof initiators)[number];
  value: (typeof values)[number];
  note: string;
  nextStep: string;
  /** Local due date of the next step, yyyy-mm-dd, or ''. */
  nextStepDue: string;
  stage: Stage;
  /** Cadence override in days as typed, or '' for the stage default. */
  cadence: string;
}

/** yyyy-mm-dd → local noon of that day (noon keeps it on the same day across DST changes), or null. */
function fromDateInput(value: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(y, mo - 1, d, 12);
  return date.getFullYear() === y && date.getMonth() === mo - 1 && date.getDate() === d
    ? date.getTime()
    : null;
}

export function emptyDraft(person: Pick<Person, 'stage' | 'cadenceDays'>, now: number): Draft {
  return {
    kind: 'message',
    date: toDateInput(now),
    initiator: 'me',
    value: 'none',
    note: '',
    nextStep: '',
    nextStepDue: '',
    stage: person.stage,
    cadence: person.cadenceDays === undefined ? '' : String(person.cadenceDays),
  };
}

export const quickPicks = { '3d': 3, '1w': 7, '2w': 14, '1m': 30 } as const;
export type QuickPick = keyof typeof quickPicks;

export function dueFromPick(pick: QuickPick, now: number): string {
  return toDateInput(startOfLocalDay(now, quickPicks[pick]) + 12 * 3_600_000);
}

export type DraftField = 'date' | 'note' | 'nextStep' | 'nextStepDue' | 'cadence';
export type DraftError = {
  field: DraftField;
  code: 'invalidDate' | 'future' | 'tooLong' | 'invalidCadence' | 'dueWithoutStep';
};

export interface DraftWrites {
  touch: { at: number; kind: TouchKind; initiator: Draft['initiator']; value: Draft['value']; note: string };
  nextStep?: { text: string; dueAt?: number };
  patch?: { stage?: Stage; cadenceDays?: number | null };
}

/** Checks a draft and turns it into the writes it stands for; errors name the field. */
export function draftToWrites(
  draft: Draft,
  person: Pick<Person, 'stage' | 'cadenceDays'>,
  now: number,
): { ok: true; writes: DraftWrites } | { ok: false; errors: DraftError[] } {
  const errors: DraftError[] = [];
  const day = fromDateInput(draft.date);
  if (day === null) errors.push({ field: 'date', code: 'invalidDate' });
  else if (day > startOfLocalDay(now, 1)) errors.push({ field: 'date', code: 'future' });
  if (draft.note.length > LIMITS.note) errors.push({ field: 'note', code: 'tooLong' });
  const stepText = draft.nextStep.trim();
  if (stepText.length > LIMITS.stepText) errors.push({ field: 'nextStep', code: 'tooLong' });
  const due = draft.nextStepDue ? fromDateInput(draft.nextStepDue) : undefined;
  if (due === null) errors.push({ field: 'nextStepDue', code: 'invalidDate' });
  if (draft.nextStepDue && !stepText) errors.push({ field: 'nextStep', code: 'dueWithoutStep' });
  const cadenceText = draft.cadence.trim();
  const cadence = cadenceText === '' ? null : Number(cadenceText);
  if (cadence !== null && !(Number.isInteger(cadence) && cadence >= 1 && cadence <= 3650)) {
    errors.push({ field: 'cadence', code: 'invalidCadence' });
  }
  if (errors.length > 0 || day === null) return { ok: false, errors };

  // A touch logged for today keeps the current time, so several touches of one day stay in order.
  const at = toDateInput(now) === draft.date ? now : day;
  const writes: DraftWrites = {
    touch: { at, kind: draft.kind, initiator: draft.initiator, value: draft.value, note: draft.note },
  };
  if (stepText) writes.nextStep = due ? { text: stepText, dueAt: due } : { text: stepText };
  const patch: DraftWrites['patch'] = {};
  if (draft.stage !== person.stage) patch.stage = draft.stage;
  if (cadence !== (person.cadenceDays ?? null)) patch.cadenceDays = cadence;
  if (Object.keys(patch).length > 0) writes.patch = patch;
  return { ok: true, writes };
}

/** How long a draft nobody came back to is kept (in `storage.local`) before it is forgotten. */
const DRAFT_TTL = 14 * DAY;

export function isStaleDraft(savedAt: number | undefined, now: number): boolean {
  return savedAt !== undefined && now - savedAt > DRAFT_TTL;
}
