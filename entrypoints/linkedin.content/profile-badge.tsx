// Feature: the badge beside the name on a profile page (`/in/<slug>/…`).
// The person is identified by the URL first and the markup second; the badge
// waits until the page shows the profile the URL names.
import { render } from 'preact';
import { badgeCss } from '../../components/guest-styles';
import { ProfileBadge } from '../../components/profile-badge';
import type { ProfileFacts } from '../../storage/people';
import type { TouchKind } from '../../storage/schemas';
import { t } from '../../utils/i18n';
import { findBadgeAnchor, type ProfileSnapshot, readProfile } from '../../utils/linkedin/profile';
import { type PanelData, sendMessage } from '../../utils/messaging';
import { describeView, type PersonView } from '../../utils/person-view';
import { parseProfileUrl } from '../../utils/slug';
import { guard, watchDom } from './dom-watch';
import { createShadowHost, type ShadowHost } from './shadow-host';

/** How long LinkedIn gets to render the name heading before the badge floats in a corner instead. */
const ANCHOR_WAIT_MS = 3000;

export interface ProfileBadgeHandle {
  /** What was read of the profile on screen, once the page shows it. */
  facts(): ProfileFacts | null;
  /** Some people changed: refresh if this profile is one of them. */
  peopleChanged(slugs: string[]): void;
}

function toFacts(s: ProfileSnapshot, slug: string): ProfileFacts {
  const facts: ProfileFacts = { slug, name: s.name.slice(0, 200) };
  if (s.memberId) facts.memberId = s.memberId;
  if (s.headline) facts.headline = s.headline.slice(0, 400);
  if (s.company) facts.company = s.company.slice(0, 200);
  if (s.photoUrl?.startsWith('https://')) facts.photoUrl = s.photoUrl;
  return facts;
}

/** Badges the profile at `url` until `signal` aborts (the user navigated away). */
export function badgeProfile(url: string, signal: AbortSignal): ProfileBadgeHandle {
  const ref = parseProfileUrl(url);
  const startedAt = performance.now();
  let facts: ProfileFacts | null = null;
  let view: PersonView | null = null;
  let panel: PanelData | null | undefined;
  let open = false;
  let status = '';
  let shadow: ShadowHost | undefined;
  let painted = false;
  // Who the URL names, asked at once: by the time LinkedIn renders the top card the answer is here,
  // and the badge paints without waiting for the background.
  let early: { view: PersonView | null } | undefined;

  const place = (host: HTMLElement): void => {
    const heading = findBadgeAnchor(document);
    // The name is often wrapped in a link (2024: "about this profile"): sit beside the link, not in it.
    const anchor = heading?.closest('a') ?? heading;
    if (anchor) {
      // LinkedIn re-renders its top card: put the badge back beside the name whenever it does.
      if (host.previousElementSibling !== anchor) anchor.after(host);
      host.removeAttribute('data-floating');
    } else if (!host.isConnected) {
      host.setAttribute('data-floating', '');
      document.body.append(host);
    }
  };

  const paint = (): void => {
    if (!facts || signal.aborted) return;
    shadow ??= createShadowHost('vinculo-badge', badgeCss);
    const now = Date.now();
    shadow.host.setAttribute('role', 'group');
    shadow.host.setAttribute(
      'aria-label',
      view ? describeView(view, now, t).label : t('badge_trackLabel', facts.name),
    );
    render(
      <ProfileBadge
        name={facts.name}
        view={view}
        panel={panel}
        open={open}
        status={status}
        now={now}
        t={t}
        onTrack={guard('track', track)}
        onToggle={guard('panel', toggle)}
        onQuickTouch={guard('quick touch', quickTouch)}
      />,
      shadow.root,
    );
    place(shadow.host);
    // The bench reads this mark: the time from the top card appearing to the badge painted.
    if (!painted) performance.mark('vinculo:badge-painted');
    painted = true;
  };

  async function loadPanel(): Promise<void> {
    if (view) panel = await sendMessage('personPanel', { slug: view.slug });
  }

  async function refresh(): Promise<void> {
    if (!facts) return;
    const next = await sendMessage('visitProfile', facts);
    if (signal.aborted) return;
    view = next;
    if (open) await loadPanel();
    paint();
  }

  async function track(): Promise<void> {
    if (!facts) return;
    view = await sendMessage('track', facts);
    paint();
  }

  async function toggle(): Promise<void> {
    open = !open;
    status = '';
    paint();
    if (open) {
      await loadPanel();
      paint();
    }
  }

  async function quickTouch(kind: TouchKind): Promise<void> {
    if (!view) return;
    try {
      view = await sendMessage('quickTouch', { slug: view.slug, kind });
      status = t('panel_logged');
      await loadPanel();
    } catch (error) {
      console.error('[vinculo] quick touch', error);
      status = t('panel_error');
    }
    paint();
  }

  const onDom = (): void => {
    if (facts) {
      if (shadow) place(shadow.host);
      return;
    }
    const snapshot = readProfile(document, url);
    if (!snapshot) return;
    // Without the name heading, give LinkedIn time to render it before settling for a floating badge.
    if (!findBadgeAnchor(document) && performance.now() - startedAt < ANCHOR_WAIT_MS) return;
    const slug = snapshot.slug ?? (ref?.kind === 'slug' ? ref.slug : null);
    if (!slug) return;
    facts = toFacts(snapshot, slug);
    if (early) {
      view = early.view;
      paint();
    }
    guard('visit profile', refresh)();
  };

  if (ref) {
    sendMessage('profileView', ref.kind === 'slug' ? { slug: ref.slug } : { memberId: ref.memberId })
      .then((answer) => {
        early = { view: answer };
        // The top card came first: paint now unless the fuller answer already did.
        if (facts && !painted) {
          view = answer;
          paint();
        }
      })
      .catch((error) => console.error('[vinculo] profile view', error));
    watchDom(guard('read profile', onDom), signal);
    const late = setTimeout(guard('read profile', onDom), ANCHOR_WAIT_MS + 50);
    signal.addEventListener('abort', () => {
      clearTimeout(late);
      if (shadow) {
        render(null, shadow.root);
        shadow.host.remove();
      }
    });
    guard('read profile', onDom)();
  }

  return {
    facts: () => facts,
    peopleChanged(slugs) {
      if (facts && (slugs.includes(facts.slug) || (view && slugs.includes(view.slug)))) {
        guard('refresh', refresh)();
      }
    },
  };
}
