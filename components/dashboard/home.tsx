// The weekly review: the network's health and who needs attention.
import type { Person, Stage } from '../../storage/schemas';
import type { NetworkHealth } from '../../storage/stats';
import type { Temperature } from '../../utils/cadence';
import { knownShareWords } from '../../utils/coach-words';
import { formatAgo, formatDue } from '../../utils/relative-time';
import type { MessageKey, Translate } from '../../utils/translate';
import { lastTouchWords, TemperatureChip } from '../temperature-chip';
import { Icon } from '../temperature-icon';
import { BarChart, WeeklyChart } from './bar-chart';

export interface HomeProps {
  /** The network's health, right as of `now`; null on the going-cold view, which does not show it. */
  health: NetworkHealth | null;
  cold: { person: Person; temperature: Temperature }[];
  steps: { id: string; text: string; dueAt: number; person: Person }[];
  recent: Person[];
  now: number;
  locale: string;
  t: Translate;
  view: 'home' | 'going-cold';
  onSnooze(slug: string): void;
  onArchive(slug: string): void;
  onOpen(slug: string): void;
  /** The person's page, ready to log a touch. */
  onLog(slug: string): void;
  onStepDone(id: string): void;
}

const funnel: Stage[] = ['contact', 'acquaintance', 'relationship'];

function percent(part: number, whole: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(
    whole ? part / whole : 0,
  );
}

export function Home(props: HomeProps) {
  return (
    <>
      {props.view === 'home' && props.health && <Health {...props} health={props.health} />}
      <Lists {...props} />
    </>
  );
}

function Health(props: HomeProps & { health: NetworkHealth }) {
  const { health, t, locale } = props;
  const active = funnel.reduce((s, st) => s + health.byStage[st], 0);
  const importedTotal = Object.values(health.imported).reduce((a, b) => a + b, 0);
  const last = health.weekly.at(-1) ?? 0;
  const total = health.weekly.reduce((a, b) => a + b, 0);
  return (
    <section aria-labelledby="health-heading">
      <h2 id="health-heading">{t('dash_health')}</h2>
      <p class="headline-number">
        {t(
          'dash_share',
          percent(health.byStage.relationship, active, locale),
          String(health.byStage.relationship),
          String(active),
        )}
      </p>
      {importedTotal > 0 && (
        <p>
          {t(
            'dash_importedShare',
            percent(health.imported.relationship, importedTotal, locale),
            String(importedTotal),
          )}
        </p>
      )}
      {health.known.connections > 0 && (
        <p>
          {knownShareWords(
            { ...health.known, share: health.known.known / health.known.connections },
            t,
            locale,
          )}
        </p>
      )}
      <div class="charts">
        <BarChart
          title={t('dash_funnel')}
          bars={[
            ...funnel.map((s) => ({
              label: t(`stage_${s}` as MessageKey),
              value: health.byStage[s],
              tone: s,
            })),
            { label: t('stage_archived'), value: health.byStage.archived, tone: 'archived' },
          ]}
        />
        <BarChart
          title={t('dash_temperature')}
          bars={(['warm', 'cooling', 'cold'] as const).map((k) => ({
            label: t(`temp_${k}` as MessageKey),
            icon: <Icon name={k} />,
            value: health.temperature[k],
            tone: k,
          }))}
        />
        <WeeklyChart
          title={t('dash_weekly')}
          weeks={health.weekly}
          summary={t('dash_weeklySummary', String(total), String(last))}
        />
        <BarChart
          title={t('dash_balance')}
          bars={(['gave', 'received', 'both', 'none'] as const).map((k) => ({
            label: t(`value_${k}` as MessageKey),
            value: health.balance[k],
          }))}
        />
      </div>
    </section>
  );
}

function Lists(props: HomeProps) {
  const { t, now } = props;
  return (
    <>
      <section aria-labelledby="cold-heading">
        <h2 id="cold-heading">{t('popup_goingCold')}</h2>
        {props.cold.length === 0 ? (
          <p class="muted">{t('popup_allWarm')}</p>
        ) : (
          <ul class="plain-list">
            {props.cold.map(({ person, temperature }) => (
              <li key={person.slug} class="agenda-row">
                <div>
                  <button type="button" class="link" onClick={() => props.onOpen(person.slug)}>
                    {person.name}
                  </button>{' '}
                  <TemperatureChip temperature={temperature} t={t} />
                  <div class="muted small">{lastTouchWords(person.lastTouchAt, now, t)}</div>
                </div>
                <div class="row-actions">
                  <button
                    type="button"
                    onClick={() => props.onSnooze(person.slug)}
                    aria-label={t('dash_snoozeFor', person.name)}
                  >
                    {t('dash_snooze')}
                  </button>
                  <button
                    type="button"
                    onClick={() => props.onLog(person.slug)}
                    aria-label={t('popup_logFor', person.name)}
                  >
                    {t('popup_log')}
                  </button>
                  <button
                    type="button"
                    onClick={() => props.onArchive(person.slug)}
                    aria-label={t('dash_archiveFor', person.name)}
                  >
                    {t('dash_archive')}
                  </button>
                </div>
              </li>
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
                  <button type="button" class="link" onClick={() => props.onOpen(s.person.slug)}>
                    {s.person.name}
                  </button>
                  : {s.text} <span class="muted small">({formatDue(s.dueAt, now, t)})</span>
                </div>
                <button
                  type="button"
                  onClick={() => props.onStepDone(s.id)}
                  aria-label={t('dash_doneFor', s.text)}
                >
                  {t('dash_done')}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      {props.view === 'home' && (
        <section aria-labelledby="recent-heading">
          <h2 id="recent-heading">{t('dash_recent')}</h2>
          <ul class="plain-list">
            {props.recent.map((p) => (
              <li key={p.slug} class="agenda-row">
                <button type="button" class="link" onClick={() => props.onOpen(p.slug)}>
                  {p.name}
                </button>
                <span class="muted small">
                  {p.lastTouchAt !== undefined && formatAgo(p.lastTouchAt, now, t)}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
