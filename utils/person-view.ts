// What a badge or dot needs to know about a person: small, computed in the
// background, formatted in the content script.
import type { NextStep, Person, Stage } from '../storage/schemas';
import { type Temperature, temperatureOf } from './cadence';
import { formatAgo, formatDue } from './relative-time';
import type { MessageKey, Translate } from './translate';

export interface PersonView {
  slug: string;
  memberId?: string;
  name: string;
  stage: Stage;
  createdAt: number;
  lastTouchAt?: number;
  temperature: Temperature | null;
  metInPerson: boolean;
  nextStep?: { text: string; dueAt?: number; due: boolean };
}

export function toPersonView(
  person: Person,
  settings: Parameters<typeof temperatureOf>[1],
  now: number,
  nextStep?: NextStep,
): PersonView {
  const view: PersonView = {
    slug: person.slug,
    name: person.name,
    stage: person.stage,
    createdAt: person.createdAt,
    temperature: temperatureOf(person, settings, now),
    metInPerson: person.metInPerson,
  };
  if (person.memberId) view.memberId = person.memberId;
  if (person.lastTouchAt !== undefined) view.lastTouchAt = person.lastTouchAt;
  if (nextStep) {
    view.nextStep = { text: nextStep.text, due: nextStep.dueAt !== undefined && nextStep.dueAt <= now };
    if (nextStep.dueAt !== undefined) view.nextStep.dueAt = nextStep.dueAt;
  }
  return view;
}

export interface ViewWords {
  stage: string;
  /** "last touch 12 days ago", or "tracked today" when there has been no touch. */
  when: string;
  temperature?: string;
  parts: string[];
  /** Everything in words, for the accessible name: stage · last touch · temperature · met · next step. */
  label: string;
}

/** The words a badge shows and says for a person. */
export function describeView(view: PersonView, now: number, t: Translate): ViewWords {
  const stage = t(`stage_${view.stage}` as MessageKey);
  const when =
    view.lastTouchAt !== undefined
      ? t('badge_lastTouch', formatAgo(view.lastTouchAt, now, t))
      : t('badge_tracked', formatAgo(view.createdAt, now, t));
  const temperature = view.temperature ? t(`temp_${view.temperature}` as MessageKey) : undefined;
  const parts = [stage, when];
  if (temperature) parts.push(temperature);
  const spoken = [stage];
  if (view.lastTouchAt === undefined) spoken.push(t('badge_noTouch'));
  spoken.push(when);
  if (temperature) spoken.push(temperature);
  if (view.metInPerson) spoken.push(t('badge_metInPerson'));
  if (view.nextStep?.due) {
    const due = view.nextStep.dueAt === undefined ? '' : ` (${formatDue(view.nextStep.dueAt, now, t)})`;
    spoken.push(t('badge_nextStepDue', view.nextStep.text + due));
  }
  return { stage, when, temperature, parts, label: spoken.join(' · ') };
}
