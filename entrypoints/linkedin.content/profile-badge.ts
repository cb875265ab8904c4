// Feature: the badge beside the name on a profile page (`/in/<slug>/…`), painted in the frame the name
// appears. The person is identified by the URL first and the markup second; the badge waits until the
// page shows the profile the URL names. Where no top card we know shows (activity and details pages, a
// layout nobody here has seen), the badge still shows for the person the URL names, named from what the
// page states about itself, beside the page's main heading or floating.
import { badgeCss } from '../../components/guest-styles';
import { renderBadge } from '../../components/profile-badge';
import type { ProfileFacts } from '../../storage/people';
import type { TouchKind } from '../../storage/schemas';
import { t } from '../../utils/i18n';
import { fallbackAnchor, isProfileSubPage, statedName } from '../../utils/linkedin/page-name';
import { afterControls, findBadgeAnchor, findTopCard, readProfile } from '../../utils/linkedin/profile';
import { CONTACT_INFO_LINK, MAIN_LANDMARK, TOP_CARD } from '../../utils/linkedin/selectors';
import type { PanelData } from '../../utils/messaging';
import { describeView, type PersonView } from '../../utils/person-view';
import { parseProfileUrl } from '../../utils/slug';
import { addedElements, guard, watchDom } from './dom-watch';
import { sendMessage } from './messages';
import { createShadowHost, type ShadowHost } from './shadow-host';

/** How long LinkedIn gets to render a profile's top card before the badge settles for what the page states. */
const TOP_CARD_WAIT_MS = 3000;
/** Sub-pages have no top card: after an in-page navigation, LinkedIn gets this long to swap the content. */
const SUB_PAGE_WAIT_MS = 800;
/** While floating, how often the badge looks again for a heading to sit beside. */
const REPLACE_MS = 250;
const CARD_OR_LINK = [...TOP_CARD, CONTACT_INFO_LINK].join(',');

export interface ProfileBadgeHandle {
  /** What was read of the profile on screen, once the page shows it. */
  facts(): ProfileFacts | null;
  /** Some people changed: refresh if this profile is one of them. */
  peopleChanged(slugs: string[]): void;
}

function toFacts(s: NonNullable<ReturnType<typeof readProfile>>, slug: string): ProfileFacts {
  const facts: ProfileFacts = { slug, name: s.name.slice(0, 200) };
  if (s.memberId) facts.memberId = s.memberId;
  if (s.headline) facts.headline = s.headline.slice(0, 400);
  if (s.company) facts.company = s.company.slice(0, 200);
  if (s.photoUrl?.startsWith('https://')) facts.photoUrl = s.photoUrl;
  return facts;
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
  const titleAtStart = document.title;
  let facts: ProfileFacts | null = null;
  // Facts read from a top card are the page's word; those of a page without one only name the person.
  let fromTopCard = false;
  let view: PersonView | null | undefined; // undefined: not answered yet
  let panel: PanelData | null | undefined;
  let open = false;
  let status = '';
  let shadow: ShadowHost | undefined;
  let card: Element | null = null;
  let target: Element | null = null;
  let lastLook = 0;

  const findTarget = (): Element | null => {
    if (fromTopCard) {
      card = findTopCard(document);
      const heading = card && findBadgeAnchor(document);
      return heading ? afterControls(heading, card) : null;
    }
    const heading = facts && fallbackAnchor(document, facts.name);
    return heading ? afterControls(heading, heading.closest(MAIN_LANDMARK)) : null;
  };

  const place = (): void => {
    const host = shadow?.host;
    if (!host) return;
    const floating = host.hasAttribute('data-floating');
    if (
      !target?.isConnected ||
      !host.isConnected ||
      (floating && performance.now() - lastLook > REPLACE_MS)
    ) {
      lastLook = performance.now();
      target = findTarget();
    }
    if (target) {
      // LinkedIn re-renders its top card: put the badge back beside the name whenever it does.
      if (host.previousElementSibling !== target) target.after(host);
      host.removeAttribute('data-floating');
    } else if (!host.isConnected) {
      host.setAttribute('data-floating', '');
      (document.body ?? document.documentElement).append(host);
    }
  };

  const paint = (): void => {
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
    place();
  };

  async function loadPanel(): Promise<void> {
    if (view) panel = await sendMessage('personPanel', { slug: view.slug });
  }

  /** Tells the background what the page shows (a tracked person's facts are brought up to date). */
  async function visit(): Promise<void> {
    if (!facts) return;
    await ready;
    const next = fromTopCard
      ? await sendMessage('visitProfile', facts)
      : await sendMessage('profileView', { slug: facts.slug });
    if (signal.aborted) return;
    view = next;
    if (open) await loadPanel();
    paint();
  }

  async function track(): Promise<void> {
    if (!facts) return;
    // The rest of the top card (headline, company, photo) may have arrived after the name.
    if (fromTopCard) reread();
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

  /** Reads the top card; true once it shows the URL's person. */
  const reread = (): boolean => {
    const snapshot = readProfile(document, url);
    const slug = snapshot?.slug ?? (ref?.kind === 'slug' ? ref.slug : null);
    if (!snapshot || !slug) return false;
    facts = toFacts(snapshot, slug);
    fromTopCard = true;
    return true;
  };

  /** The top card showed the person: paint now, and tell the background once the card has settled. */
  const found = (): void => {
    paint();
    const settle = (): void => {
      if (signal.aborted) return;
      reread();
      guard('visit profile', visit)();
    };
    if (document.readyState === 'loading')
      document.addEventListener('DOMContentLoaded', settle, { once: true });
    else requestIdleCallback(settle, { timeout: 500 });
  };

  /** No top card we know: the person the URL names, as the page states them. */
  const fallBack = (): void => {
    if (facts || signal.aborted) return;
    const slug = ref?.kind === 'slug' ? ref.slug : view?.slug;
    if (!slug) return; // a member-id URL of someone untracked: nothing to key a person by
    // Just after an in-page navigation the head may still describe the previous page.
    const trustHead = fresh || document.title !== titleAtStart;
    facts = { slug, name: (view?.name ?? statedName(document, slug, trustHead)).slice(0, 200) };
    paint();
  };

  const onDom = (records: MutationRecord[]): void => {
    if (facts) {
      place();
      return;
    }
    // Only what LinkedIn added can bring the top card; inside it, any change may complete the name.
    if (!card?.isConnected) {
      card = null;
      for (const element of addedElements(records)) {
        if (element.matches(CARD_OR_LINK) || element.querySelector(CARD_OR_LINK)) {
          card = findTopCard(document);
          break;
        }
      }
    }
    if (card && findBadgeAnchor(document) && reread()) found();
  };

  if (ref) {
    sendMessage('profileView', ref.kind === 'slug' ? { slug: ref.slug } : { memberId: ref.memberId })
      .then(async (answer) => {
        await ready;
        // A fuller answer (visitProfile) may have come first.
        if (view === undefined) view = answer;
        paint();
      })
      .catch((error) => console.error('[vinculo] profile view', error));
    watchDom(guard('read profile', onDom), signal);
    const wait = isProfileSubPage(url) ? (fresh ? 0 : SUB_PAGE_WAIT_MS) : TOP_CARD_WAIT_MS;
    const late = (): void => {
      // A sub-page loaded fresh is read once its markup is in; a top card that came meanwhile wins.
      if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', late, { once: true });
        return;
      }
      if (facts) return;
      // A top card without a name heading still says who it shows: its facts, and a floating badge.
      if (reread()) found();
      else fallBack();
    };
    const timer = setTimeout(guard('read profile', late), wait);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      document.removeEventListener('DOMContentLoaded', late);
      shadow?.host.remove();
    });
    // Reached in-page or injected late: the top card may be here already.
    if (findBadgeAnchor(document) && reread()) found();
  }

  return {
    facts: () => facts,
    peopleChanged(slugs) {
      if (facts && (slugs.includes(facts.slug) || (view && slugs.includes(view.slug)))) {
        guard('refresh', visit)();
      }
    },
  };
}
