// A person's timeline: touches and role changes, newest first. Each touch can be edited in place
// (touch-editor.tsx) or deleted; focus comes back to the touch's Edit button when the editor closes.
import { useState } from 'preact/hooks';
import type { Person, Touch } from '../../storage/schemas';
import type { DraftError } from '../../utils/draft';
import { formatAgo } from '../../utils/relative-time';
import { toDateInput } from '../../utils/time';
import { type TouchEdit, touchEditOf } from '../../utils/touch-edit';
import type { MessageKey, Translate } from '../../utils/translate';
import { TouchEditor } from './touch-editor';

export interface PersonTimelineProps {
  person: Person;
  touches: Touch[];
  now: number;
  locale: string;
  t: Translate;
  onDeleteTouch(id: string): void;
  /** Resolves to the errors of the edit; none means it was saved. */
  onSaveTouch(touch: Touch, edit: TouchEdit): Promise<DraftError[]>;
}

type TimelineItem = { at: number; key: string; touch?: Touch; role?: Person['roleChanges'][number] };

const editButtonId = (touch: Touch) => `edit-touch-${touch.id}`;

export function PersonTimeline({ person, touches, now, locale, t, ...on }: PersonTimelineProps) {
  const [editing, setEditing] = useState<string | null>(null);
  const timeline: TimelineItem[] = [
    ...touches.map((touch) => ({ at: touch.at, key: touch.id, touch })),
    ...person.roleChanges.map((role) => ({ at: role.at, key: `role-${role.at}`, role })),
  ].sort((a, b) => b.at - a.at);
  const close = (touch: Touch) => {
    setEditing(null);
    requestAnimationFrame(() => document.getElementById(editButtonId(touch))?.focus());
  };

  const touchLine = (touch: Touch, at: number) => (
    <>
      <strong>{t(`kind_${touch.kind}` as MessageKey)}</strong> · {t(`timeline_by_${touch.initiator}`)}
      {touch.value !== 'none' && ` · ${t(`timeline_value_${touch.value}`)}`}
      {touch.note && <p class="note">{touch.note}</p>}
      <button
        type="button"
        id={editButtonId(touch)}
        class="link small"
        onClick={() => setEditing(touch.id)}
        aria-label={t('dash_editTouch', formatAgo(at, now, t))}
      >
        {t('dash_edit')}
      </button>{' '}
      <button
        type="button"
        class="link small"
        onClick={() => on.onDeleteTouch(touch.id)}
        aria-label={t('dash_deleteTouch', formatAgo(at, now, t))}
      >
        {t('dash_delete')}
      </button>
    </>
  );

  return (
    <section aria-labelledby="timeline-heading">
      <h3 id="timeline-heading">{t('dash_timeline')}</h3>
      {timeline.length === 0 ? (
        <p class="muted">{t('panel_none')}</p>
      ) : (
        <ol class="timeline">
          {timeline.map(({ key, at, touch, role }) => (
            <li key={key}>
              <time dateTime={new Date(at).toISOString()}>{new Date(at).toLocaleDateString(locale)}</time>{' '}
              {touch && editing === touch.id ? (
                <TouchEditor
                  initial={touchEditOf(touch)}
                  maxDate={toDateInput(now)}
                  t={t}
                  onSave={(edit) => on.onSaveTouch(touch, edit)}
                  onClose={() => close(touch)}
                />
              ) : touch ? (
                touchLine(touch, at)
              ) : (
                <span>
                  {t(
                    'panel_roleChange',
                    formatAgo(at, now, t),
                    [role?.headline, role?.company].filter(Boolean).join(' · '),
                  )}
                </span>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
