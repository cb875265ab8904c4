import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../storage/schemas';
import { cadenceFor, computeDueAt, overdueRatio, snoozeUntil, temperatureOf } from '../../utils/cadence';
import { DAY } from '../../utils/time';

const T0 = Date.UTC(2026, 0, 10, 12);
const base = { stage: 'acquaintance' as const, createdAt: T0 };

describe('cadence per stage', () => {
  it('uses the stage defaults: acquaintance 30, relationship 60, none for contact and archived', () => {
    expect(cadenceFor({ stage: 'acquaintance' }, defaultSettings)).toBe(30);
    expect(cadenceFor({ stage: 'relationship' }, defaultSettings)).toBe(60);
    expect(cadenceFor({ stage: 'contact' }, defaultSettings)).toBeNull();
    expect(cadenceFor({ stage: 'archived' }, defaultSettings)).toBeNull();
  });

  it('lets a person override their stage default, even a contact', () => {
    expect(cadenceFor({ stage: 'contact', cadenceDays: 14 }, defaultSettings)).toBe(14);
    expect(cadenceFor({ stage: 'relationship', cadenceDays: 7 }, defaultSettings)).toBe(7);
  });
});

describe('dueAt', () => {
  it('counts from the last touch', () => {
    expect(computeDueAt({ ...base, lastTouchAt: T0 + 5 * DAY }, defaultSettings)).toBe(T0 + 35 * DAY);
  });

  it('counts from when tracking started when there is no touch yet', () => {
    expect(computeDueAt(base, defaultSettings)).toBe(T0 + 30 * DAY);
  });

  it('is absent without a cadence', () => {
    expect(computeDueAt({ ...base, stage: 'contact' }, defaultSettings)).toBeUndefined();
  });

  it('moves to a later snooze, and ignores a snooze that ended before the due date', () => {
    expect(computeDueAt({ ...base, snoozedUntil: T0 + 40 * DAY }, defaultSettings)).toBe(T0 + 40 * DAY);
    expect(computeDueAt({ ...base, snoozedUntil: T0 + 10 * DAY }, defaultSettings)).toBe(T0 + 30 * DAY);
  });
});

describe('temperature, exactly at the boundaries', () => {
  const person = { stage: 'acquaintance' as const, dueAt: T0 + 30 * DAY };
  const at = (days: number, ms = 0) => temperatureOf(person, defaultSettings, T0 + days * DAY + ms);

  it('is warm until 0.75 of the cadence has elapsed', () => {
    expect(at(0)).toBe('warm');
    expect(at(22.5, -1)).toBe('warm');
  });

  it('is cooling from 0.75 of the cadence until the cadence has elapsed', () => {
    expect(at(22.5)).toBe('cooling');
    expect(at(30, -1)).toBe('cooling');
  });

  it('is cold once the whole cadence has elapsed', () => {
    expect(at(30)).toBe('cold');
    expect(at(400)).toBe('cold');
  });

  it('does not exist without a cadence', () => {
    expect(temperatureOf({ stage: 'contact' }, defaultSettings, T0)).toBeNull();
  });

  it('gives back the snoozed time: a snooze warms the relationship without a touch', () => {
    const snoozed = { ...person, dueAt: T0 + 60 * DAY };
    expect(temperatureOf(snoozed, defaultSettings, T0 + 31 * DAY)).toBe('warm');
  });
});

describe('overdue ratio and snooze', () => {
  it('is elapsed time over cadence', () => {
    const person = { stage: 'acquaintance' as const, dueAt: T0 + 30 * DAY };
    expect(overdueRatio(person, defaultSettings, T0 + 45 * DAY)).toBe(1.5);
  });

  it('snoozes from now when already overdue, and from the due date when it is still ahead', () => {
    expect(snoozeUntil(T0, 7, T0 - 3 * DAY)).toBe(T0 + 7 * DAY);
    expect(snoozeUntil(T0, 7, T0 + 3 * DAY)).toBe(T0 + 10 * DAY);
  });
});
