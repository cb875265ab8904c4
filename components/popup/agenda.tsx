// Off a profile: today's agenda and a search over tracked people.
import type { Temperature } from '../../utils/cadence';
import { formatDue } from '../../utils/relative-time';
import type { Translate } from '../../utils/translate';
import { lastTouchWords, TemperatureChip } from '../temperature-chip';

export interface AgendaPerson {
  slug: string;
  name: string;
  headline?: string;
  lastTouchAt?: number;
  temperature: Temperature | null;
}

export interface AgendaStep {
  id: string;
  slug: string;
  name: string;
  text: string;
  dueAt: number;
}

export interface AgendaProps {
  people: AgendaPerson[];
  steps: AgendaStep[];
  query: string;
  results: AgendaPerson[] | null;
  now: number;
  t: Translate;
  onQuery(query: string): void;
  onLog(slug: string): void;
  onOpen(slug: string): void;
}

function PersonRow({
  person,
  now,
  t,
  onLog,
  onOpen,
}: { person: AgendaPerson } & Pick<AgendaProps, 'now' | 't' | 'onLog' | 'onOpen'>) {
  return (
    <li class="agenda-row">
      <div>
        <strong>{person.name}</strong>
        <TemperatureChip temperature={person.temperature} t={t} />
        <div class="muted small">{lastTouchWords(person.lastTouchAt, now, t)}</div>
      </div>
      <div class="row-actions">
        <button type="button" onClick={() => onLog(person.slug)} aria-label={t('popup_logFor', person.name)}>
          {t('popup_log')}
        </button>
        <button
          type="button"
          onClick={() => onOpen(person.slug)}
          aria-label={t('popup_openFor', person.name)}
        >
          {t('popup_open')}
        </button>
      </div>
    </li>
  );
}

export function Agenda(props: AgendaProps) {
  const { t, now } = props;
  return (
    <main class="agenda">
      <h1>{t('popup_agenda')}</h1>
      <label class="field">
        <span>{t('popup_search')}</span>
        <input type="search" value={props.query} onInput={(e) => props.onQuery(e.currentTarget.value)} />
      </label>
      {props.results ? (
        <section aria-label={t('popup_results')}>
          {props.results.length === 0 ? (
            <p class="muted">{t('popup_noResults')}</p>
          ) : (
            <ul class="plain-list">
              {props.results.map((p) => (
                <PersonRow key={p.slug} person={p} {...props} />
              ))}
            </ul>
          )}
        </section>
      ) : (
        <>
          <section aria-labelledby="cold-heading">
            <h2 id="cold-heading">{t('popup_goingCold')}</h2>
            {props.people.length === 0 ? (
              <p class="muted">{t('popup_allWarm')}</p>
            ) : (
              <ul class="plain-list">
                {props.people.map((p) => (
                  <PersonRow key={p.slug} person={p} {...props} />
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="steps-heading">
            <h2 id="steps-heading">{t('popup_stepsDue')}</h2>
            {props.steps.length === 0 ? (
              <p class="muted">{t('popup_noSteps')}</p>
            ) : (
              <ul class="plain-list">
                {props.steps.map((s) => (
                  <li key={s.id} class="agenda-row">
                    <div>
                      <strong>{s.name}</strong>: {s.text}
                      <div class="muted small">{formatDue(s.dueAt, now, t)}</div>
                    </div>
                    <div class="row-actions">
                      <button
                        type="button"
                        onClick={() => props.onLog(s.slug)}
                        aria-label={t('popup_logFor', s.name)}
                      >
                        {t('popup_log')}
                      </button>
                    </div>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </main>
  );
}
