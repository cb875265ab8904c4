// The badge beside a person's name on their profile, and its panel.
// Plain props in, events out: it never touches LinkedIn's page or the database.
import type { TouchKind } from '../storage/schemas';
import type { MessageKey, Translate } from '../utils/i18n';
import type { PanelData } from '../utils/messaging';
import type { PersonView } from '../utils/person-view';
import { describeView } from '../utils/person-view';
import { formatAgo, formatDue } from '../utils/relative-time';
import { Icon } from './temperature-icon';

export const QUICK_KINDS: TouchKind[] = ['message', 'call', 'inPerson'];

export interface ProfileBadgeProps {
  name: string;
  view: PersonView | null;
  panel: PanelData | null | undefined;
  open: boolean;
  status: string;
  now: number;
  t: Translate;
  onTrack(): void;
  onToggle(): void;
  onQuickTouch(kind: TouchKind): void;
}

export function ProfileBadge(props: ProfileBadgeProps) {
  const { view, t } = props;
  if (!view) {
    return (
      <button
        type="button"
        class="track"
        aria-label={t('badge_trackLabel', props.name)}
        onClick={props.onTrack}
      >
        <Icon name="plus" />
        {t('badge_track')}
      </button>
    );
  }
  const words = describeView(view, props.now, t);
  return (
    <>
      <button
        type="button"
        class={view.temperature ?? ''}
        aria-label={t('badge_open', words.label)}
        aria-expanded={props.open}
        onClick={props.onToggle}
      >
        <span>
          {words.stage} · {words.when}
        </span>
        {view.temperature && words.temperature && (
          <span class="temp">
            <Icon name={view.temperature} /> {words.temperature}
          </span>
        )}
        {view.metInPerson && (
          <span aria-hidden="true" title={t('badge_metInPerson')}>
            <Icon name="met" />
          </span>
        )}
        {view.nextStep?.due && (
          <span class="due" aria-hidden="true">
            !
          </span>
        )}
      </button>
      {props.open && <Panel {...props} view={view} />}
    </>
  );
}

// Panels that already took focus once (no hooks: they would cost the content script 1 KB).
const focused = new WeakSet<Element>();
const focusOnOpen = (panel: HTMLDivElement | null): void => {
  if (!panel || focused.has(panel)) return;
  focused.add(panel);
  panel.querySelector('button')?.focus();
};

function Panel(props: ProfileBadgeProps & { view: PersonView }) {
  const { t, panel, now } = props;
  return (
    <div
      class="panel"
      role="dialog"
      aria-label={t('panel_title', props.view.name)}
      ref={focusOnOpen}
      onKeyDown={(e) => {
        if (e.key === 'Escape') props.onToggle();
      }}
    >
      <h2>{t('panel_title', props.view.name)}</h2>
      {panel?.roleChange && (
        <p>
          {t(
            'panel_roleChange',
            formatAgo(panel.roleChange.at, now, t),
            [panel.roleChange.headline, panel.roleChange.company].filter(Boolean).join(' · '),
          )}
        </p>
      )}
      {panel?.nextStep && (
        <>
          <h3>{t('panel_next')}</h3>
          <p class={props.view.nextStep?.due ? 'due' : ''}>
            {panel.nextStep.text}
            {panel.nextStep.dueAt !== undefined && ` (${formatDue(panel.nextStep.dueAt, now, t)})`}
          </p>
        </>
      )}
      <h3>{t('panel_recent')}</h3>
      {panel && panel.touches.length > 0 ? (
        <ul>
          {panel.touches.map((touch) => (
            <li key={touch.id}>
              {t(`kind_${touch.kind}` as MessageKey)} · {formatAgo(touch.at, now, t)}
              {touch.note && <span class="muted"> — {touch.note}</span>}
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">{t('panel_none')}</p>
      )}
      <fieldset class="actions">
        <legend>{t('panel_log')}</legend>
        {QUICK_KINDS.map((kind) => (
          <button type="button" key={kind} onClick={() => props.onQuickTouch(kind)}>
            {t(`kind_${kind}` as MessageKey)}
          </button>
        ))}
        <button type="button" onClick={props.onToggle}>
          {t('panel_close')}
        </button>
      </fieldset>
      <p class="status" role="status">
        {props.status}
      </p>
    </div>
  );
}
