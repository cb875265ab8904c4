// The person the popup is on: stage, temperature, last touch, their coach suggestion, open next
// steps, last touches.
import type { NextStep, Person, Touch } from '../../storage/schemas';
import type { Temperature } from '../../utils/cadence';
import type { SuggestionWords } from '../../utils/coach-words';
import { formatAgo, formatDue } from '../../utils/relative-time';
import type { MessageKey, Translate } from '../../utils/translate';
import { Initials } from '../initials';
import { lastTouchWords, TemperatureChip } from '../temperature-chip';

export interface PersonSummaryProps {
  person: Person;
  temperature: Temperature | null;
  steps: NextStep[];
  touches: Touch[];
  /** The person's current coach suggestion, once the popup's data has loaded. */
  suggestion?: SuggestionWords;
  now: number;
  t: Translate;
  onStepDone(id: string, done: boolean): void;
}

export function PersonSummary({
  person,
  temperature,
  steps,
  touches,
  suggestion,
  now,
  t,
  onStepDone,
}: PersonSummaryProps) {
  return (
    <section aria-labelledby="person-name" class="summary">
      <header class="person-head">
        <Initials name={person.name} />
        <div>
          <h1 id="person-name">{person.name}</h1>
          {person.headline && <p class="muted clamp">{person.headline}</p>}
        </div>
      </header>
      <p class="facts">
        <span class="chip">{t(`stage_${person.stage}` as MessageKey)}</span>
        <TemperatureChip temperature={temperature} t={t} />
        <span>{lastTouchWords(person.lastTouchAt, now, t)}</span>
        {person.metInPerson && <span>· {t('badge_metInPerson')}</span>}
      </p>
      {suggestion && (
        <p class="suggestion-line">
          <strong>{suggestion.title}</strong> — {suggestion.text}
        </p>
      )}
      {steps.length > 0 && (
        <fieldset class="steps">
          <legend>{t('popup_openSteps')}</legend>
          {steps.map((step) => (
            <label key={step.id} class={step.dueAt !== undefined && step.dueAt <= now ? 'due' : ''}>
              <input type="checkbox" checked={false} onChange={() => onStepDone(step.id, true)} /> {step.text}
              {step.dueAt !== undefined && <span class="muted"> ({formatDue(step.dueAt, now, t)})</span>}
            </label>
          ))}
        </fieldset>
      )}
      {touches.length > 0 && (
        <>
          <h2 class="small-heading">{t('panel_recent')}</h2>
          <ul class="touches">
            {touches.map((touch) => (
              <li key={touch.id}>
                {t(`kind_${touch.kind}` as MessageKey)} · {formatAgo(touch.at, now, t)}
                {touch.note && <span class="muted note"> — {touch.note}</span>}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
