// Editing a logged touch (utils/touch-edit.ts): the form starts from the touch, and gives back a
// checked patch by the quick note's own rules.
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../storage/domain';
import type { Touch } from '../../storage/schemas';
import { toDateInput } from '../../utils/time';
import { touchEditOf, touchEditToPatch } from '../../utils/touch-edit';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
// Local times: the editor works in the user's own calendar.
const now = new Date(2026, 2, 20, 18, 30).getTime();
const touch: Touch = {
  id: 't1',
  personId: 'ana',
  at: new Date(2026, 2, 12, 9, 15).getTime(),
  kind: 'message',
  initiator: 'them',
  value: 'received',
  note: 'Sent me her deck',
  createdAt: now - 8 * DAY,
};

describe('editing a touch', () => {
  it('starts from the touch, its date in the local calendar', () => {
    expect(touchEditOf(touch)).toStrictEqual({
      kind: 'message',
      date: '2026-03-12',
      initiator: 'them',
      value: 'received',
      note: 'Sent me her deck',
    });
  });

  it('keeps the exact time when the day is the same, so the order within the day stays', () => {
    const result = touchEditToPatch(
      { ...touchEditOf(touch), value: 'both', note: 'Swapped decks' },
      touch,
      now,
    );
    expect(result).toStrictEqual({
      ok: true,
      patch: { at: touch.at, kind: 'message', initiator: 'them', value: 'both', note: 'Swapped decks' },
    });
  });

  it('moves the touch to local noon of another day, and to now for today', () => {
    const other = touchEditToPatch({ ...touchEditOf(touch), date: '2026-03-02' }, touch, now);
    expect(other.ok && other.patch.at).toBe(new Date(2026, 2, 2, 12).getTime());
    const today = touchEditToPatch({ ...touchEditOf(touch), date: toDateInput(now) }, touch, now);
    expect(today.ok && today.patch.at).toBe(now);
  });

  it('refuses a day after today, a date that does not exist and a note over the limit, by field', () => {
    const edit = touchEditOf(touch);
    expect(touchEditToPatch({ ...edit, date: '2026-03-21' }, touch, now)).toStrictEqual({
      ok: false,
      errors: [{ field: 'date', code: 'future' }],
    });
    expect(touchEditToPatch({ ...edit, date: '2026-02-30' }, touch, now)).toStrictEqual({
      ok: false,
      errors: [{ field: 'date', code: 'invalidDate' }],
    });
    expect(touchEditToPatch({ ...edit, note: 'x'.repeat(LIMITS.note + 1) }, touch, now)).toStrictEqual({
      ok: false,
      errors: [{ field: 'note', code: 'tooLong' }],
    });
    expect(touchEditToPatch({ ...edit, note: 'x'.repeat(LIMITS.note) }, touch, now).ok).toBe(true);
  });
});
