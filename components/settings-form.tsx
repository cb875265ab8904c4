// The reminder settings: cadence per stage, reminder hour, quiet days and
// notifications. Plain props in, onSave out; checked with the same Zod schema
// as the database, and nothing is saved while anything is invalid.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { type Settings, type Stage, settingsSchema, stages } from '../storage/schemas';
import { type MessageKey, type Translate, uiLocale } from '../utils/translate';

export type SaveOutcome = { ok: true } | { ok: false; error: string };

export interface SettingsFormProps {
  settings: Settings;
  onSave(settings: Settings): Promise<SaveOutcome>;
  t: Translate;
  /** For weekday names; defaults to the browser's UI language. */
  locale?: string;
}

const stageKey = {
  contact: 'stage_contact',
  acquaintance: 'stage_acquaintance',
  relationship: 'stage_relationship',
  archived: 'stage_archived',
} as const satisfies Record<Stage, MessageKey>;

type Field = Stage | 'reminderHour';

interface Draft {
  cadence: Record<Stage, string>;
  hour: string;
  quiet: number[];
  notifications: boolean;
}

// A number input holding something that is not a number reports an empty value;
// this marker keeps that from reading as "no cadence".
const NOT_A_NUMBER = 'NaN';

function toDraft(settings: Settings): Draft {
  const cadence = {} as Record<Stage, string>;
  for (const stage of stages) cadence[stage] = String(settings.cadenceDays[stage] ?? '');
  return {
    cadence,
    hour: String(settings.reminderHour),
    quiet: [...settings.quietDays],
    notifications: settings.notifications,
  };
}

const asNumber = (raw: string): number => (raw.trim() === '' ? Number.NaN : Number(raw));

/** The settings the draft stands for, or the fields that are wrong. */
function check(
  base: Settings,
  draft: Draft,
): { ok: true; settings: Settings } | { ok: false; fields: Field[] } {
  const cadenceDays = {} as Record<Stage, number | null>;
  for (const stage of stages) {
    const raw = draft.cadence[stage];
    cadenceDays[stage] = raw.trim() === '' ? null : asNumber(raw);
  }
  const parsed = settingsSchema.safeParse({
    ...base,
    cadenceDays,
    reminderHour: asNumber(draft.hour),
    quietDays: [...draft.quiet].sort((a, b) => a - b),
    notifications: draft.notifications,
  });
  if (parsed.success) return { ok: true, settings: parsed.data };
  const fields = new Set<Field>();
  for (const issue of parsed.error.issues) {
    const [first, second] = issue.path;
    if (first === 'reminderHour') fields.add('reminderHour');
    else if (first === 'cadenceDays' && stages.includes(second as Stage)) fields.add(second as Stage);
  }
  return { ok: false, fields: [...fields] };
}

/** Sunday-based weekday numbers in the locale's order, with their names. */
function weekdays(locale: string): { day: number; name: string }[] {
  const name = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' });
  let first = 1;
  try {
    // weekInfo.firstDay counts 1 = Monday … 7 = Sunday; older engines lack it, and Monday is the common case.
    const info = (new Intl.Locale(locale) as Intl.Locale & { weekInfo?: { firstDay: number } }).weekInfo;
    if (info) first = info.firstDay % 7;
  } catch {
    // An unknown locale tag: keep Monday.
  }
  // 2026-01-04 was a Sunday.
  return Array.from({ length: 7 }, (_, i) => {
    const day = (first + i) % 7;
    return { day, name: name.format(Date.UTC(2026, 0, 4 + day)) };
  });
}

export function SettingsForm({ settings, onSave, t, locale }: SettingsFormProps) {
  const [draft, setDraft] = useState(() => toDraft(settings));
  const [dirty, setDirty] = useState(false);
  const [touched, setTouched] = useState<Set<Field>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [saving, setSaving] = useState(false);
  const [status, setStatus] = useState<{ kind: 'saved' | 'error'; text: string } | null>(null);
  const days = useMemo(() => weekdays(locale ?? uiLocale()), [locale]);

  // New settings from the caller (after a save, or from another tab) replace the form unless the user is
  // editing it; the form's own save alone changes nothing, so what was just saved stays on screen.
  const shown = useRef(settings);
  useEffect(() => {
    if (shown.current === settings) return;
    shown.current = settings;
    if (!dirty) setDraft(toDraft(settings));
  }, [settings, dirty]);

  const result = check(settings, draft);
  const wrong = (field: Field): boolean =>
    !result.ok && result.fields.includes(field) && (submitted || touched.has(field));

  const edit = (field: Field | null, patch: Partial<Draft>): void => {
    setDraft((d) => ({ ...d, ...patch }));
    setDirty(true);
    setStatus(null);
    if (field) setTouched((s) => new Set(s).add(field));
  };

  const numberValue = (e: Event & { currentTarget: HTMLInputElement }): string =>
    e.currentTarget.validity?.badInput ? NOT_A_NUMBER : e.currentTarget.value;

  const errorText = (field: Field): string =>
    field === 'reminderHour' ? t('settings_invalidHour') : t('settings_invalidCadence', t(stageKey[field]));

  const invalidProps = (field: Field) =>
    wrong(field) ? { 'aria-invalid': true, 'aria-describedby': `settings-${field}-error` } : {};
  const message = (field: Field) =>
    wrong(field) ? (
      <p id={`settings-${field}-error`} class="error">
        {errorText(field)}
      </p>
    ) : null;

  const submit = async (): Promise<void> => {
    setSubmitted(true);
    if (!result.ok) {
      setStatus({ kind: 'error', text: t('settings_invalid') });
      return;
    }
    setSaving(true);
    try {
      const saved = await onSave(result.settings);
      if (saved.ok) {
        setDirty(false);
        setSubmitted(false);
        setTouched(new Set());
        setStatus({ kind: 'saved', text: t('settings_saved') });
      } else {
        setStatus({ kind: 'error', text: t('settings_saveFailed', saved.error) });
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      class="settings-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h2>{t('settings_title')}</h2>
      <fieldset>
        <legend>{t('settings_cadence')}</legend>
        <p class="muted hint">{t('settings_cadenceHint')}</p>
        <div class="row">
          {stages.map((stage) => (
            <div key={stage}>
              <label class="field">
                <span>{t('settings_cadenceFor', t(stageKey[stage]))}</span>
                <input
                  type="number"
                  min={1}
                  max={3650}
                  step={1}
                  inputMode="numeric"
                  value={draft.cadence[stage] === NOT_A_NUMBER ? '' : draft.cadence[stage]}
                  onInput={(e) => edit(stage, { cadence: { ...draft.cadence, [stage]: numberValue(e) } })}
                  {...invalidProps(stage)}
                />
              </label>
              {message(stage)}
            </div>
          ))}
        </div>
      </fieldset>
      <label class="field">
        <span>{t('settings_reminderHour')}</span>
        <input
          type="number"
          min={0}
          max={23}
          step={1}
          inputMode="numeric"
          value={draft.hour === NOT_A_NUMBER ? '' : draft.hour}
          onInput={(e) => edit('reminderHour', { hour: numberValue(e) })}
          {...invalidProps('reminderHour')}
        />
      </label>
      {message('reminderHour')}
      <fieldset class="plain">
        <legend>{t('settings_quietDays')}</legend>
        {days.map(({ day, name }) => (
          <label key={day} class="inline">
            <input
              type="checkbox"
              checked={draft.quiet.includes(day)}
              onChange={(e) =>
                edit(null, {
                  quiet: e.currentTarget.checked
                    ? [...draft.quiet.filter((d) => d !== day), day]
                    : draft.quiet.filter((d) => d !== day),
                })
              }
            />{' '}
            {name}
          </label>
        ))}
      </fieldset>
      <label class="inline">
        <input
          type="checkbox"
          checked={draft.notifications}
          onChange={(e) => edit(null, { notifications: e.currentTarget.checked })}
        />{' '}
        {t('settings_notifications')}
      </label>
      <div class="actions">
        <button type="submit" class="primary" disabled={saving}>
          {t('settings_save')}
        </button>
        {/* Two live regions, always present, so that a message is announced the moment it appears. */}
        <p role="status" class="muted">
          {status?.kind === 'saved' ? status.text : ''}
        </p>
        <p role="alert" class="error">
          {status?.kind === 'error' ? status.text : ''}
        </p>
      </div>
    </form>
  );
}
