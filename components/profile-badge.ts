// The badge beside a person's name on their profile, and its panel. Plain props in, events out: it
// never touches LinkedIn's page or the database. Drawn with plain DOM rather than Preact, because it
// ships in the content script, whose whole budget is 15 KB gzipped; every string goes in as text.
import type { TouchKind } from '../storage/schemas';
import type { PanelData } from '../utils/panel-data';
import type { PersonView } from '../utils/person-view';
import { describeView } from '../utils/person-view';
import { formatAgo, formatDue } from '../utils/relative-time';
import type { MessageKey, Translate } from '../utils/translate';
import { type IconName, markElement } from './marks';

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

type Child = Node | string | false | null | undefined;
type Attributes = Record<string, string | ((event: KeyboardEvent) => void) | undefined>;

/** An element with attributes (`on…` ones are listeners) and children; strings become text nodes. */
function h(tag: string, attributes: Attributes | null, ...children: Child[]): HTMLElement {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes ?? {})) {
    if (typeof value === 'function') element.addEventListener(key.slice(2), value as EventListener);
    else if (value !== undefined) element.setAttribute(key, value);
  }
  for (const child of children) if (child) element.append(child);
  return element;
}

const button = (key: string, onclick: () => void, attributes: Attributes, ...children: Child[]) =>
  h('button', { type: 'button', 'data-k': key, onclick, ...attributes }, ...children);

const mark = (name: IconName, attributes: Attributes = { 'aria-hidden': 'true' }): HTMLElement =>
  h('span', attributes, markElement(name));

/** What each shadow root showed last: what it said, whether the panel was open, its status line. */
const shown = new WeakMap<ShadowRoot, { said: string; open: boolean; status: HTMLElement }>();

/**
 * Draws the badge into `root`, keeping keyboard focus on the control that had it. A repaint that would
 * say the same leaves the badge alone, so a click or hover in progress is never cut short.
 */
export function renderBadge(root: ShadowRoot, props: ProfileBadgeProps): void {
  const last = shown.get(root);
  const { name, view, panel, open, status: words, now, t } = props;
  const said = JSON.stringify([name, view, panel, open, words, view && describeView(view, now, t).label]);
  if (last?.said === said) return;
  const focusedKey = (root.activeElement as HTMLElement | null)?.dataset.k;
  // The status line stays the same element, so screen readers announce what it says next.
  const status = last?.status ?? h('p', { class: 'status', role: 'status' });
  status.textContent = props.status;
  const nodes = badge(props, status);
  for (const child of [...root.childNodes]) if (child.nodeName !== 'STYLE') child.remove();
  root.append(...nodes);
  shown.set(root, { said, open: props.open, status });
  const focus = (key: string) => root.querySelector<HTMLElement>(`[data-k="${key}"]`)?.focus();
  if (props.open && !last?.open) focus(QUICK_KINDS[0] as string);
  else if (focusedKey) focus(focusedKey);
}

function badge(props: ProfileBadgeProps, status: HTMLElement): HTMLElement[] {
  const { view, t } = props;
  if (!view) {
    return [
      button(
        'track',
        props.onTrack,
        { class: 'track', 'aria-label': t('badge_trackLabel', props.name) },
        mark('plus'),
        t('badge_track'),
      ),
    ];
  }
  const words = describeView(view, props.now, t);
  const toggle = button(
    'badge',
    props.onToggle,
    {
      class: view.temperature ?? '',
      'aria-label': t('badge_open', words.label),
      'aria-expanded': String(props.open),
    },
    h('span', null, `${words.stage} · ${words.when}`),
    view.temperature &&
      words.temperature &&
      h('span', { class: 'temp' }, mark(view.temperature), ` ${words.temperature}`),
    view.metInPerson && mark('met', { 'aria-hidden': 'true', title: t('badge_metInPerson') }),
    view.nextStep?.due && h('span', { class: 'due', 'aria-hidden': 'true' }, '!'),
  );
  return props.open ? [toggle, panelOf(props, view, status)] : [toggle];
}

function panelOf(props: ProfileBadgeProps, view: PersonView, status: HTMLElement): HTMLElement {
  const { t, panel, now } = props;
  const title = t('panel_title', view.name);
  const change = panel?.roleChange;
  const step = panel?.nextStep;
  const touches = panel?.touches ?? [];
  return h(
    'div',
    {
      class: 'panel',
      role: 'dialog',
      'aria-label': title,
      onkeydown: (event) => {
        if (event.key === 'Escape') props.onToggle();
      },
    },
    h('h2', null, title),
    change &&
      h(
        'p',
        null,
        t(
          'panel_roleChange',
          formatAgo(change.at, now, t),
          [change.headline, change.company].filter(Boolean).join(' · '),
        ),
      ),
    panel?.suggestion && h('h3', null, panel.suggestion.title),
    panel?.suggestion && h('p', { class: 'suggestion' }, panel.suggestion.text),
    step && h('h3', null, t('panel_next')),
    step &&
      h(
        'p',
        { class: view.nextStep?.due ? 'due' : undefined },
        step.text,
        step.dueAt !== undefined && ` (${formatDue(step.dueAt, now, t)})`,
      ),
    h('h3', null, t('panel_recent')),
    touches.length > 0
      ? h(
          'ul',
          null,
          ...touches.map((touch) =>
            h(
              'li',
              null,
              `${t(`kind_${touch.kind}` as MessageKey)} · ${formatAgo(touch.at, now, t)}`,
              touch.note && h('span', { class: 'muted' }, ` — ${touch.note}`),
            ),
          ),
        )
      : h('p', { class: 'muted' }, t('panel_none')),
    h(
      'fieldset',
      { class: 'actions' },
      h('legend', null, t('panel_log')),
      ...QUICK_KINDS.map((kind) =>
        button(kind, () => props.onQuickTouch(kind), {}, t(`kind_${kind}` as MessageKey)),
      ),
      button('close', props.onToggle, {}, t('panel_close')),
    ),
    status,
  );
}
