// The words of a badge: its accessible name is a contract (DESIGN.md).
import { describe, expect, it } from 'vitest';
import { describeView, type PersonView } from '../../utils/person-view';
import { DAY } from '../../utils/time';
import { translator } from './translator';

const now = new Date(2026, 10, 26, 15).getTime();
const base: PersonView = {
  slug: 'ana-garcia',
  name: 'Ana García',
  stage: 'acquaintance',
  createdAt: now - 100 * DAY,
  temperature: 'cooling',
  metInPerson: false,
};

describe('badge words', () => {
  it('says stage, last touch and temperature, in that order', () => {
    const words = describeView({ ...base, lastTouchAt: now - 12 * DAY }, now, translator('en'));
    expect(words.label).toBe('Acquaintance · last touch 12 days ago · cooling');
    expect(words.parts).toEqual(['Acquaintance', 'last touch 12 days ago', 'cooling']);
  });

  it('says when nobody was touched yet, and since when the person is tracked', () => {
    const words = describeView(
      { ...base, stage: 'contact', temperature: null, createdAt: now },
      now,
      translator('en'),
    );
    expect(words.label).toBe('Contact · no touch yet · tracked today');
    expect(words.parts).toEqual(['Contact', 'tracked today']);
  });

  it('adds the met-in-person mark and a due next step', () => {
    const view: PersonView = {
      ...base,
      lastTouchAt: now - DAY,
      temperature: 'warm',
      metInPerson: true,
      nextStep: { text: 'Send the deck', dueAt: now - 2 * DAY, due: true },
    };
    expect(describeView(view, now, translator('en')).label).toBe(
      'Acquaintance · last touch yesterday · warm · met in person · next step due: Send the deck (2 days ago)',
    );
  });

  it('speaks Spanish', () => {
    const words = describeView(
      { ...base, lastTouchAt: now - 40 * DAY, temperature: 'cold' },
      now,
      translator('es'),
    );
    expect(words.label).toBe('Conocido · último contacto hace 40 días · fría');
  });
});
