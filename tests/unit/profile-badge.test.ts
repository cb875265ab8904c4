// @vitest-environment happy-dom
// The badge as a person meets it: words from their records shown as text (never HTML), the panel
// taking focus when it opens, and focus kept on the control that had it when the badge repaints.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type ProfileBadgeProps, renderBadge } from '../../components/profile-badge';
import type { PersonView } from '../../utils/person-view';
import { DAY } from '../../utils/time';
import { translator } from './translator';

const now = new Date(2026, 10, 26, 15).getTime();
const view: PersonView = {
  slug: 'ana-garcia',
  name: 'Ana <img src=x onerror=alert(1)> García',
  stage: 'acquaintance',
  createdAt: now - 100 * DAY,
  lastTouchAt: now - 3 * DAY,
  temperature: 'warm',
  metInPerson: true,
};

function mount(overrides: Partial<ProfileBadgeProps> = {}) {
  const host = document.createElement('vinculo-badge');
  document.body.append(host);
  const root = host.attachShadow({ mode: 'open' });
  const props: ProfileBadgeProps = {
    name: view.name,
    view,
    panel: {
      person: view,
      touches: [{ id: 't1', at: now - 3 * DAY, kind: 'call', note: '<b>not bold</b>' }],
      nextStep: { text: 'Send the <script>deck</script>', dueAt: now + 2 * DAY },
    },
    open: false,
    status: '',
    now,
    t: translator('en'),
    onTrack: vi.fn(),
    onToggle: vi.fn(),
    onQuickTouch: vi.fn(),
    ...overrides,
  };
  renderBadge(root, props);
  return {
    root,
    props,
    repaint: (next: Partial<ProfileBadgeProps>) => renderBadge(root, { ...props, ...next }),
  };
}

afterEach(() => {
  (document.activeElement as HTMLElement | null)?.blur();
  document.body.replaceChildren();
});

describe('the badge', () => {
  it('offers Track, by name, for someone untracked', () => {
    const { root, props } = mount({ view: null });
    const track = root.querySelector('button');
    expect(track?.getAttribute('aria-label')).toBe(`Not tracked in Vínculo. Track ${view.name}`);
    track?.click();
    expect(props.onTrack).toHaveBeenCalledOnce();
  });

  it('says stage, last touch and temperature, and draws its marks as SVG, not emoji', () => {
    const { root } = mount();
    const badge = root.querySelector('button');
    expect(badge?.getAttribute('aria-label')).toBe(
      'Vínculo: Acquaintance · last touch 3 days ago · warm · met in person',
    );
    expect(badge?.getAttribute('aria-expanded')).toBe('false');
    expect(badge?.querySelectorAll('svg')).toHaveLength(2);
    expect(badge?.textContent).not.toMatch(/\p{Extended_Pictographic}/u);
  });

  it('shows page and user text as text, never as HTML', () => {
    const { root } = mount({ open: true });
    expect(root.querySelector('img, script, b')).toBeNull();
    expect(root.querySelector('[role="dialog"]')?.textContent).toContain('Send the <script>deck</script>');
    expect(root.querySelector('li')?.textContent).toContain('<b>not bold</b>');
  });

  it('focuses the first quick touch when the panel opens, keeps focus across repaints, closes on Escape', () => {
    const { root, props, repaint } = mount();
    repaint({ open: true });
    expect((root.activeElement as HTMLElement | null)?.textContent).toBe('Message');
    (root.querySelectorAll('fieldset button')[1] as HTMLElement).focus();
    repaint({ open: true, status: 'Touch logged.' });
    expect((root.activeElement as HTMLElement | null)?.textContent).toBe('Call');
    expect(root.querySelector('[role="status"]')?.textContent).toBe('Touch logged.');
    root.querySelector('[role="dialog"]')?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    expect(props.onToggle).toHaveBeenCalledOnce();
  });

  it('leaves the badge alone when a repaint would say the same (a click in progress is not cut short)', () => {
    const { root, repaint } = mount();
    const badge = root.querySelector('button');
    repaint({});
    expect(root.querySelector('button')).toBe(badge);
    repaint({ view: { ...view, stage: 'relationship' } });
    expect(root.querySelector('button')).not.toBe(badge);
  });

  it('keeps one status element, so what it says next is announced', () => {
    const { root, repaint } = mount({ open: true });
    const status = root.querySelector('[role="status"]');
    repaint({ open: true, status: 'Touch logged.' });
    expect(root.querySelector('[role="status"]')).toBe(status);
  });
});
