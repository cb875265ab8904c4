// Feature: the badge beside the name on a profile page (`/in/<slug>/…`), painted in the frame the name
// appears: the person's stage, last touch and temperature, a one-click Track for someone not tracked,
// and a panel with the latest touches and quick-touch buttons. Who is shown is read in
// profile-reading.ts; where the badge sits, in badge-placement.ts.
import { badgeCss } from '../../components/guest-styles';
import { renderBadge } from '../../components/profile-badge';
import type { ProfileFacts } from '../../storage/people';
import type { TouchKind } from '../../storage/schemas';
import type { PanelData } from '../../utils/panel-data';
import { describeView, type PersonView } from '../../utils/person-view';
import { parseProfileUrl } from '../../utils/slug';
import { t } from '../../utils/translate';
import { badgePlacement } from './badge-placement';
import { guard } from './dom-watch';
import { sendMessage } from './messages';
import { type ProfileReading, reread, watchProfile } from './profile-reading';
import { createShadowHost, type ShadowHost } from './shadow-host';

export interface ProfileBadgeHandle {
  /** What was read of the profile on screen, once the page shows it. */
  facts(): ProfileFacts | null;
  /** Some people changed: refresh if this profile is one of them. */
  peopleChanged(slugs: string[]): void;
}

/**
 * Badges the profile at `url` until `signal` aborts (the user navigated away). `ready` settles once the
 * badge's language is known; `fresh` says the page was loaded for this URL (not reached in-page).
 */
export function badgeProfile(
  url: string,
  signal: AbortSignal,
  ready: Promise<unknown>,
  fresh: boolean,
): ProfileBadgeHandle {
  const ref = parseProfileUrl(url);
  const reading: ProfileReading = { facts: null, fromTopCard: false };
  const place = badgePlacement(reading);
  let view: PersonView | null | undefined; // undefined: not answered yet
  let panel: PanelData | null | undefined;
  let open = false;
  let status = '';
  let shadow: ShadowHost | undefined;

  const paint = (): void => {
    const { facts } = reading;
    if (!facts || view === undefined || signal.aborted) return;
    shadow ??= createShadowHost('vinculo-badge', badgeCss);
    const now = Date.now();
    shadow.host.setAttribute('role', 'group');
    shadow.host.setAttribute(
      'aria-label',
      view ? describeView(view, now, t).label : t('badge_trackLabel', facts.name),
    );
    renderBadge(shadow.root, {
      name: facts.name,
      view,
      panel,
      open,
      status,
      now,
      t,
      onTrack: guard('track', track),
      onToggle: guard('panel', toggle),
      onQuickTouch: guard('quick touch', quickTouch),
    });
    place(shadow.host);
  };

  async function loadPanel(): Promise<void> {
    if (view) panel = await sendMessage('personPanel', { slug: view.slug });
  }

  /** Tells the background what the page shows (a tracked person's facts are brought up to date). */
  async function visit(): Promise<void> {
    const { facts } = reading;
    if (!facts) return;
    await ready;
    const next = reading.fromTopCard
      ? await sendMessage('visitProfile', facts)
      : await sendMessage('profileView', { slug: facts.slug });
    if (signal.aborted) return;
    view = next;
    if (open) await loadPanel();
    paint();
  }

  async function track(): Promise<void> {
    if (!reading.facts) return;
    // The rest of the top card (headline, company, photo) may have arrived after the name.
    if (reading.fromTopCard && ref) reread(reading, url, ref);
    view = await sendMessage('track', reading.facts);
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

  if (ref) {
    sendMessage('profileView', ref.kind === 'slug' ? { slug: ref.slug } : { memberId: ref.memberId })
      .then(async (answer) => {
        await ready;
        // A fuller answer (visitProfile) may have come first.
        if (view === undefined) view = answer;
        paint();
      })
      .catch((error) => console.error('[vinculo] profile view', error));
    signal.addEventListener('abort', () => shadow?.host.remove());
    watchProfile(reading, url, ref, fresh, signal, {
      shown: paint,
      settled: guard('visit profile', visit),
      changed: () => {
        if (shadow) place(shadow.host);
      },
      known: () => view,
    });
  }

  return {
    facts: () => reading.facts,
    peopleChanged(slugs) {
      const { facts } = reading;
      if (facts && (slugs.includes(facts.slug) || (view && slugs.includes(view.slug)))) {
        guard('refresh', visit)();
      }
    },
  };
}
