// Who the profile on screen shows, read as LinkedIn delivers it: the URL names the person first; the top
// card is read in the microtask LinkedIn adds it, once it names the URL's person. Where no top card we
// know shows (activity and details pages, a layout nobody here has seen), after a wait the person the URL
// names is taken as the page states them.
import type { ProfileFacts } from '../../storage/people';
import { isProfileSubPage, statedName } from '../../utils/linkedin/page-name';
import { findBadgeAnchor, findTopCard, readProfile } from '../../utils/linkedin/profile';
import { CONTACT_INFO_LINK, TOP_CARD } from '../../utils/linkedin/selectors';
import type { ProfileRef } from '../../utils/slug';
import { addedElements, guard, watchDom } from './dom-watch';

/** How long LinkedIn gets to render a profile's top card before the badge settles for what the page states. */
const TOP_CARD_WAIT_MS = 3000;
/** Sub-pages have no top card: after an in-page navigation, LinkedIn gets this long to swap the content. */
const SUB_PAGE_WAIT_MS = 800;
const CARD_OR_LINK = [...TOP_CARD, CONTACT_INFO_LINK].join(',');

export interface ProfileReading {
  /** What was read of the person, once the page shows them. */
  facts: ProfileFacts | null;
  /** Facts read from a top card are the page's word; those of a page without one only name the person. */
  fromTopCard: boolean;
}

interface ReadingHooks {
  /** The page shows the person (`reading.facts` is set): paint now. */
  shown(): void;
  /** The top card has settled and was read again: tell the background. */
  settled(): void;
  /** LinkedIn changed the page after the person was shown. */
  changed(): void;
  /** The person the background named for this URL, if it answered (names a member-id URL's person). */
  known(): { slug: string; name: string } | null | undefined;
}

function toFacts(s: NonNullable<ReturnType<typeof readProfile>>, slug: string): ProfileFacts {
  const facts: ProfileFacts = { slug, name: s.name.slice(0, 200) };
  if (s.memberId) facts.memberId = s.memberId;
  if (s.headline) facts.headline = s.headline.slice(0, 400);
  if (s.company) facts.company = s.company.slice(0, 200);
  if (s.photoUrl?.startsWith('https://')) facts.photoUrl = s.photoUrl;
  return facts;
}

/** Reads the top card into `reading`; true once it shows the URL's person. */
export function reread(reading: ProfileReading, url: string, ref: ProfileRef): boolean {
  const snapshot = readProfile(document, url);
  const slug = snapshot?.slug ?? (ref.kind === 'slug' ? ref.slug : null);
  if (!snapshot || !slug) return false;
  reading.facts = toFacts(snapshot, slug);
  reading.fromTopCard = true;
  return true;
}

/**
 * Watches the page at `url` until `signal` aborts, filling `reading` as it learns who is shown.
 * `fresh` says the page was loaded for this URL (not reached in-page).
 */
export function watchProfile(
  reading: ProfileReading,
  url: string,
  ref: ProfileRef,
  fresh: boolean,
  signal: AbortSignal,
  hooks: ReadingHooks,
): void {
  const titleAtStart = document.title;
  let card: Element | null = null;

  /** The top card showed the person: paint now, and tell the background once the card has settled. */
  const found = (): void => {
    hooks.shown();
    const settle = (): void => {
      if (signal.aborted) return;
      reread(reading, url, ref);
      hooks.settled();
    };
    if (document.readyState === 'loading')
      document.addEventListener('DOMContentLoaded', settle, { once: true });
    else requestIdleCallback(settle, { timeout: 500 });
  };

  /** No top card we know: the person the URL names, as the page states them. */
  const fallBack = (): void => {
    if (reading.facts || signal.aborted) return;
    const view = hooks.known();
    const slug = ref.kind === 'slug' ? ref.slug : view?.slug;
    if (!slug) return; // a member-id URL of someone untracked: nothing to key a person by
    // Just after an in-page navigation the head may still describe the previous page.
    const trustHead = fresh || document.title !== titleAtStart;
    reading.facts = { slug, name: (view?.name ?? statedName(document, slug, trustHead)).slice(0, 200) };
    hooks.shown();
  };

  const onDom = (records: MutationRecord[]): void => {
    if (reading.facts) {
      hooks.changed();
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
    if (card && findBadgeAnchor(document) && reread(reading, url, ref)) found();
  };

  watchDom(guard('read profile', onDom), signal);
  const wait = isProfileSubPage(url) ? (fresh ? 0 : SUB_PAGE_WAIT_MS) : TOP_CARD_WAIT_MS;
  const late = (): void => {
    // A sub-page loaded fresh is read once its markup is in; a top card that came meanwhile wins.
    if (document.readyState === 'loading') {
      document.addEventListener('DOMContentLoaded', late, { once: true });
      return;
    }
    if (reading.facts) return;
    // A top card without a name heading still says who it shows: its facts, and a floating badge.
    if (reread(reading, url, ref)) found();
    else fallBack();
  };
  const timer = setTimeout(guard('read profile', late), wait);
  signal.addEventListener('abort', () => {
    clearTimeout(timer);
    document.removeEventListener('DOMContentLoaded', late);
  });
  // Reached in-page or injected late: the top card may be here already.
  if (findBadgeAnchor(document) && reread(reading, url, ref)) found();
}
