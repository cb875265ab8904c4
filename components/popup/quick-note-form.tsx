// The quick note: everything a touch records, reachable from the keyboard.
// Controlled: the draft lives with the caller so it can outlive the popup.
import { useLayoutEffect, useRef } from 'preact/hooks';
import { stages, touchKinds } from '../../storage/domain';
import type { Draft, DraftError, QuickPick } from '../../utils/draft';
import { quickPicks } from '../../utils/draft';
import type { MessageKey, Translate } from '../../utils/translate';
import { fieldErrors } from '../field-errors';

export interface QuickNoteFormProps {
  draft: Draft;
  errors: DraftError[];
  saving: boolean;
  /** Starts in the note: the popup always, the dashboard when opened to log a touch. */
  autoFocus?: boolean;
  /** What the keyboard does, beside Save; the popup's own (Esc closes it) by default. */
  hint?: string;
  maxDate: string;
  t: Translate;
  onChange(patch: Partial<Draft>): void;
  onPick(pick: QuickPick): void;
  onSave(): void;
}

function Radios<V extends string>(props: {
  name: string;
  legend: string;
  options: readonly V[];
  value: V;
  label(v: V): string;
  onChange(v: V): void;
}) {
  return (
    <fieldset class="radios">
      <legend>{props.legend}</legend>
      {props.options.map((option) => (
        <label key={option} class="radio">
          <input
            type="radio"
            name={props.name}
            value={option}
            checked={props.value === option}
            onChange={() => props.onChange(option)}
          />
          <span>{props.label(option)}</span>
        </label>
      ))}
    </fieldset>
  );
}

export function QuickNoteForm(props: QuickNoteFormProps) {
  const { draft, errors, saving, maxDate, t, onChange, onPick, onSave, autoFocus = true, hint } = props;
  const note = useRef<HTMLTextAreaElement>(null);
  // Focused before the first paint: the user can type the moment the popup shows.
  useLayoutEffect(() => {
    if (!autoFocus || !note.current) return;
    note.current.focus();
    // The bench reads this mark: the popup is interactive once the note has focus.
    performance.mark('vinculo:note-focused');
  }, [autoFocus]);
  const { described, message } = fieldErrors(errors, t);

  return (
    <form
      class="quick-note"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onSave();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          onSave();
        }
      }}
    >
      <label class="field">
        <span>{t('popup_note')}</span>
        <textarea
          ref={note}
          rows={4}
          value={draft.note}
          onInput={(e) => onChange({ note: e.currentTarget.value })}
          {...described('note')}
        />
      </label>
      {message('note')}
      <Radios
        name="kind"
        legend={t('popup_kind')}
        options={touchKinds}
        value={draft.kind}
        label={(k) => t(`kind_${k}` as MessageKey)}
        onChange={(kind) => onChange({ kind })}
      />
      <div class="row">
        <label class="field">
          <span>{t('popup_date')}</span>
          <input
            type="date"
            value={draft.date}
            max={maxDate}
            onInput={(e) => onChange({ date: e.currentTarget.value })}
            {...described('date')}
          />
        </label>
        <Radios
          name="initiator"
          legend={t('popup_initiator')}
          options={['me', 'them'] as const}
          value={draft.initiator}
          label={(v) => t(`initiator_${v}` as MessageKey)}
          onChange={(initiator) => onChange({ initiator })}
        />
      </div>
      {message('date')}
      <Radios
        name="value"
        legend={t('popup_value')}
        options={['gave', 'received', 'both', 'none'] as const}
        value={draft.value}
        label={(v) => t(`value_${v}` as MessageKey)}
        onChange={(value) => onChange({ value })}
      />
      <label class="field">
        <span>{t('popup_nextStep')}</span>
        <input
          type="text"
          value={draft.nextStep}
          onInput={(e) => onChange({ nextStep: e.currentTarget.value })}
          {...described('nextStep')}
        />
      </label>
      {message('nextStep')}
      <div class="row picks">
        <fieldset class="plain">
          <legend>{t('popup_nextStepDue')}</legend>
          {(Object.keys(quickPicks) as QuickPick[]).map((pick) => (
            <button type="button" key={pick} class="pick" onClick={() => onPick(pick)}>
              {t(`pick_${pick}` as MessageKey)}
            </button>
          ))}
          <label class="inline">
            <span class="visually-hidden">{t('popup_nextStepDate')}</span>
            <input
              type="date"
              value={draft.nextStepDue}
              onInput={(e) => onChange({ nextStepDue: e.currentTarget.value })}
              {...described('nextStepDue')}
            />
          </label>
        </fieldset>
      </div>
      {message('nextStepDue')}
      <div class="row">
        <label class="field">
          <span>{t('popup_stage')}</span>
          <select
            value={draft.stage}
            onChange={(e) => onChange({ stage: e.currentTarget.value as Draft['stage'] })}
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
            inputMode="numeric"
            placeholder={t('popup_cadenceDefault')}
            value={draft.cadence}
            onInput={(e) => onChange({ cadence: e.currentTarget.value })}
            {...described('cadence')}
          />
        </label>
      </div>
      {message('cadence')}
      <div class="actions">
        <button type="submit" class="primary" disabled={saving}>
          {t('popup_save')}
        </button>
        <span class="muted hint">{hint ?? t('popup_saveHint')}</span>
      </div>
    </form>
  );
}
