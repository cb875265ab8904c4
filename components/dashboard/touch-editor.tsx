// Editing one touch of a person's timeline in place: its note, how, when, who started it and what
// value moved. Enter with Ctrl or ⌘ saves, Escape cancels; errors are said beside their field.
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { initiators, touchKinds, values } from '../../storage/domain';
import type { DraftError } from '../../utils/draft';
import type { TouchEdit } from '../../utils/touch-edit';
import type { MessageKey, Translate } from '../../utils/translate';
import { fieldErrors } from '../field-errors';

export interface TouchEditorProps {
  initial: TouchEdit;
  maxDate: string;
  t: Translate;
  /** Resolves to the errors of the edit; none means it was saved. */
  onSave(edit: TouchEdit): Promise<DraftError[]>;
  onClose(): void;
}

function Choice<V extends string>(props: {
  label: string;
  options: readonly V[];
  value: V;
  text(v: V): string;
  onChange(v: V): void;
}) {
  return (
    <label class="field">
      <span>{props.label}</span>
      <select value={props.value} onChange={(e) => props.onChange(e.currentTarget.value as V)}>
        {props.options.map((o) => (
          <option key={o} value={o}>
            {props.text(o)}
          </option>
        ))}
      </select>
    </label>
  );
}

export function TouchEditor({ initial, maxDate, t, onSave, onClose }: TouchEditorProps) {
  const [edit, setEdit] = useState(initial);
  const [errors, setErrors] = useState<DraftError[]>([]);
  const [saving, setSaving] = useState(false);
  const note = useRef<HTMLTextAreaElement>(null);
  useLayoutEffect(() => note.current?.focus(), []);
  const change = (patch: Partial<TouchEdit>) => setEdit((e) => ({ ...e, ...patch }));
  const { described, message } = fieldErrors(errors, t, 'touch-');
  const save = async () => {
    setSaving(true);
    const problems = await onSave(edit);
    setSaving(false);
    setErrors(problems);
    if (problems.length === 0) onClose();
  };

  return (
    <form
      class="touch-editor"
      aria-label={t('dash_editTouchForm')}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onClose();
        } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          void save();
        }
      }}
    >
      <label class="field">
        <span>{t('popup_note')}</span>
        <textarea
          ref={note}
          rows={3}
          value={edit.note}
          onInput={(e) => change({ note: e.currentTarget.value })}
          {...described('note')}
        />
      </label>
      {message('note')}
      <div class="row">
        <Choice
          label={t('popup_kind')}
          options={touchKinds}
          value={edit.kind}
          text={(k) => t(`kind_${k}` as MessageKey)}
          onChange={(kind) => change({ kind })}
        />
        <label class="field">
          <span>{t('popup_date')}</span>
          <input
            type="date"
            value={edit.date}
            max={maxDate}
            onInput={(e) => change({ date: e.currentTarget.value })}
            {...described('date')}
          />
        </label>
      </div>
      {message('date')}
      <div class="row">
        <Choice
          label={t('popup_initiator')}
          options={initiators}
          value={edit.initiator}
          text={(v) => t(`initiator_${v}` as MessageKey)}
          onChange={(initiator) => change({ initiator })}
        />
        <Choice
          label={t('popup_value')}
          options={values}
          value={edit.value}
          text={(v) => t(`value_${v}` as MessageKey)}
          onChange={(value) => change({ value })}
        />
      </div>
      <div class="actions">
        <button type="submit" class="primary" disabled={saving}>
          {t('dash_saveTouch')}
        </button>
        <button type="button" onClick={onClose}>
          {t('dash_cancel')}
        </button>
      </div>
    </form>
  );
}
