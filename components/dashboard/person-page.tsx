// One person: every field editable, the timeline of touches and role changes (person-timeline.tsx),
// next steps.
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { type NextStep, type Person, stages, type Touch } from '../../storage/schemas';
import type { Temperature } from '../../utils/cadence';
import type { SuggestionWords } from '../../utils/coach-words';
import type { DraftError } from '../../utils/draft';
import type { PersonEdit } from '../../utils/person-edit';
import { formatDue } from '../../utils/relative-time';
import type { TouchEdit } from '../../utils/touch-edit';
import type { MessageKey, Translate } from '../../utils/translate';
import { Initials } from '../initials';
import { TemperatureChip } from '../temperature-chip';
import { PersonTimeline } from './person-timeline';

export interface PersonPageProps {
  person: Person;
  temperature: Temperature | null;
  touches: Touch[];
  steps: NextStep[];
  profileUrl: string;
  now: number;
  locale: string;
  t: Translate;
  error: string;
  /** The person's current coach suggestion, in words. */
  suggestion?: SuggestionWords;
  onSnoozeSuggestion(): void;
  onDismissSuggestion(): void;
  logForm: ComponentChildren;
  onSave(edit: PersonEdit): void;
  onArchive(archived: boolean): void;
  onDelete(): void;
  onDeleteTouch(id: string): void;
  /** Resolves to the errors of the edit; none means it was saved. */
  onSaveTouch(touch: Touch, edit: TouchEdit): Promise<DraftError[]>;
  onStepDone(id: string, done: boolean): void;
}

export const toEdit = (p: Person): PersonEdit => ({
  name: p.name,
  headline: p.headline ?? '',
  company: p.company ?? '',
  stage: p.stage,
  cadence: p.cadenceDays === undefined ? '' : String(p.cadenceDays),
  tags: p.tags.join(', '),
  about: p.about,
});

export function PersonPage(props: PersonPageProps) {
  const { person, t, now, locale } = props;
  const [edit, setEdit] = useState<PersonEdit>(() => toEdit(person));
  const [confirming, setConfirming] = useState(false);
  const field = (key: keyof PersonEdit, label: string, multiline = false) => (
    // biome-ignore lint/a11y/noLabelWithoutControl: the control is one of the two branches below
    <label class="field">
      <span>{label}</span>
      {multiline ? (
        <textarea
          rows={4}
          value={edit[key]}
          onInput={(e) => setEdit({ ...edit, [key]: e.currentTarget.value })}
        />
      ) : (
        <input
          type="text"
          value={edit[key]}
          onInput={(e) => setEdit({ ...edit, [key]: e.currentTarget.value })}
        />
      )}
    </label>
  );
  return (
    <article aria-labelledby="person-heading" class="person-page">
      <header class="person-head">
        <Initials name={person.name} large />
        <div>
          <h2 id="person-heading">{person.name}</h2>
          <p class="muted">{person.headline}</p>
          <p>
            <span class="chip">{t(`stage_${person.stage}` as MessageKey)}</span>
            <TemperatureChip temperature={props.temperature} t={t} />
            <a href={props.profileUrl} target="_blank" rel="noreferrer">
              {t('popup_openProfile')}
            </a>
          </p>
          {props.suggestion && (
            <section aria-label={t('coach_heading')} class="suggestion">
              <strong>{props.suggestion.title}</strong>
              <p>{props.suggestion.text}</p>
              {props.suggestion.ideas && <p class="muted">{props.suggestion.ideas}</p>}
              <div class="row-actions">
                <button type="button" onClick={props.onSnoozeSuggestion}>
                  {t('coach_snooze')}
                </button>
                <button type="button" onClick={props.onDismissSuggestion}>
                  {t('coach_notRelevant')}
                </button>
              </div>
            </section>
          )}
        </div>
      </header>
      <div class="columns">
        <section aria-labelledby="edit-heading">
          <h3 id="edit-heading">{t('dash_details')}</h3>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              props.onSave(edit);
            }}
          >
            {field('name', t('dash_name'))}
            {field('headline', t('dash_headline'))}
            {field('company', t('dash_company'))}
            <div class="row">
              <label class="field">
                <span>{t('popup_stage')}</span>
                <select
                  value={edit.stage}
                  onChange={(e) => setEdit({ ...edit, stage: e.currentTarget.value as Person['stage'] })}
                >
                  {stages.map((s) => (
                    <option key={s} value={s}>
                      {t(`stage_${s}` as MessageKey)}
                    </option>
                  ))}
                </select>
              </label>
              <label class="field">
                <span>{t('popup_cadence')}</span>
                <input
                  type="number"
                  min={1}
                  max={3650}
                  placeholder={t('popup_cadenceDefault')}
                  value={edit.cadence}
                  onInput={(e) => setEdit({ ...edit, cadence: e.currentTarget.value })}
                />
              </label>
            </div>
            {field('tags', t('dash_tags'))}
            {field('about', t('dash_about'), true)}
            {props.error && (
              <p class="error" role="alert">
                {props.error}
              </p>
            )}
            <div class="actions">
              <button type="submit" class="primary">
                {t('dash_saveDetails')}
              </button>
              <button type="button" onClick={() => props.onArchive(person.stage !== 'archived')}>
                {person.stage === 'archived' ? t('dash_unarchive') : t('dash_archive')}
              </button>
              {confirming ? (
                <span role="alert" class="confirm">
                  {t('dash_deleteConfirm', person.name)}{' '}
                  <button type="button" class="danger" onClick={props.onDelete}>
                    {t('dash_deleteYes')}
                  </button>{' '}
                  <button type="button" onClick={() => setConfirming(false)}>
                    {t('dash_cancel')}
                  </button>
                </span>
              ) : (
                <button type="button" onClick={() => setConfirming(true)}>
                  {t('dash_delete')}
                </button>
              )}
            </div>
          </form>
        </section>
        <section aria-labelledby="log-heading">
          <h3 id="log-heading">{t('panel_log')}</h3>
          {props.logForm}
        </section>
      </div>
      <section aria-labelledby="steps-heading">
        <h3 id="steps-heading">{t('popup_openSteps')}</h3>
        {props.steps.length === 0 ? (
          <p class="muted">{t('popup_noSteps')}</p>
        ) : (
          <ul class="plain-list">
            {props.steps.map((step) => (
              <li key={step.id}>
                <label>
                  <input
                    type="checkbox"
                    checked={step.doneAt !== undefined}
                    onChange={(e) => props.onStepDone(step.id, e.currentTarget.checked)}
                  />{' '}
                  {step.text}
                  {step.dueAt !== undefined && <span class="muted"> ({formatDue(step.dueAt, now, t)})</span>}
                </label>
              </li>
            ))}
          </ul>
        )}
      </section>
      <PersonTimeline
        person={person}
        touches={props.touches}
        now={now}
        locale={locale}
        t={t}
        onDeleteTouch={props.onDeleteTouch}
        onSaveTouch={props.onSaveTouch}
      />
    </article>
  );
}
