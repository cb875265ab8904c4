// Finds the people listed on a LinkedIn page (search results, My Network, feed authors, messaging,
// "People also viewed") so the content script can put a dot beside each. This runs on every DOM burst of
// long, lazily growing lists, so it makes one querySelectorAll and then only reads attributes while
// walking up from each link, remembering what it learnt about every ancestor.
import { canonicalSlug, type ProfileRef, parseProfileUrl } from '../slug';
import { CARD, NOT_MAIN_PERSON, PERSON_LINK } from './selectors';

export interface PersonLink {
  element: HTMLAnchorElement;
  ref: ProfileRef;
  /** The card whose person this is (its post, result, row), or null for a link outside any card. */
  card: Element | null;
}

/** Relative links on LinkedIn resolve against LinkedIn; which host does not matter for a slug. */
const BASE = 'https://www.linkedin.com/';
// A link to the person, not to one of their sub-pages (activity, overlays, details): /in/<id>, maybe
// followed by a locale ("/in/x/en/"), then nothing but a query or fragment.
const PROFILE_ROOT = /\/in\/[^/?#]+\/?(?:[a-z]{2}(?:[-_][a-z]{2})?\/?)?(?:[?#]|$)/i;
// Whole class tokens, with or without a BEM modifier ("update-components-header--with-image").
const SKIP_CLASS = new RegExp(`(?:^|\\s)(?:${NOT_MAIN_PERSON.classes.join('|')})(?:--[\\w-]+)?(?=\\s|$)`);
const CARD_TAGS = new Set<string>(CARD.tags);
const CARD_ROLES = new Set<string>(CARD.roles);
// Phrasing elements never delimit a card on LinkedIn: only their classes are read.
const INLINE_TAGS = new Set(['A', 'SPAN', 'STRONG', 'EM', 'B', 'I', 'SMALL', 'TIME', 'IMG', 'BR']);
const CARD_VIEW_NAMES = new Set<string>(CARD.viewNames);
const SKIP_TAGS = new Set<string>(NOT_MAIN_PERSON.tags);
const POST_TEXT_TAGS = new Set<string>(NOT_MAIN_PERSON.postTextTags);

/** What walking up from a link has learnt about an element: inside an excluded zone? which card? */
interface Zone {
  skip: boolean;
  card: Element | null;
  viewName: string | null;
  /** Inside a feed post, whose author is its first link with a visible name. */
  post: boolean;
  /** On a screen where links outside every card are the viewer's own. */
  viewerScreen: boolean;
}

interface Found extends PersonLink {
  key: string;
  /** Whether `element` shows the name (see isLabelled). */
  labelled?: boolean;
}

/**
 * The main person link of each card/row under root (search results, My Network connections, feed post
 * authors, messaging list + thread header, "People also viewed"), de-duplicated by element, excluding
 * mutual-connection face piles/links, company links, and the viewer's own profile (viewerSlug).
 *
 * A card's main person is the first person it links outside the excluded zones (nav, top card, feed
 * headers and comments, search insights, message lists); later links to someone else in the same card
 * (mutual connections, mentions) are ignored, and of the card's links to its person the one with
 * visible text (the name, not the photo) is returned, so a dot placed after it sits beside the name.
 * In a feed post, where header lines and comments show faces of their own, only a link with a visible
 * name can be that person, and links in running text never are: a post by a company yields nobody.
 * Links outside any card stand alone, except that a photo link directly followed by the same person's
 * name link counts once, and on screens where such links are the viewer's (the feed's left rail)
 * they are ignored. A card whose main person is the viewer yields nothing.
 */
export function findPersonLinks(root: ParentNode, viewerSlug?: string | null): PersonLink[] {
  const viewer = viewerSlug ? canonicalSlug(viewerSlug) : null;
  const zones = new Map<Element, Zone>();
  const cards = new Map<Element, Found | null>();
  const found: Found[] = [];
  let loose: Found | null = null;

  for (const link of root.querySelectorAll<HTMLAnchorElement>(PERSON_LINK)) {
    const href = link.getAttribute('href');
    if (!href || !PROFILE_ROOT.test(href)) continue;
    const zone = zoneOf(link, zones);
    if (zone.skip || (zone.viewerScreen && !zone.card)) {
      loose = null;
      continue;
    }
    const held = zone.card ? cards.get(zone.card) : undefined;
    // A card already settled on its named person (or on the viewer) needs no more addresses parsed.
    if (zone.card && (held === null || held?.labelled)) {
      loose = null;
      continue;
    }
    // In a post, a face without a name is never taken: the social line's face ("X likes this") comes
    // first and looks like the author's, whose name link follows their own photo.
    if (zone.post && !isLabelled(link)) continue;
    const ref = refOf(href);
    if (!ref) continue;
    const key = ref.kind === 'slug' ? ref.slug : ref.memberId;
    const isViewer = key === viewer;

    if (zone.card) {
      loose = null;
      if (held === undefined) {
        const entry = isViewer
          ? null
          : { element: link, ref, card: zone.card, key, labelled: isLabelled(link) };
        cards.set(zone.card, entry);
        if (entry) found.push(entry);
      } else if (held && isLabelled(link)) {
        // The name link after the photo link. LinkedIn sometimes links the photo by member id and the
        // name by slug: while the card has shown no name yet, that is still its one person.
        if (held.key !== key && held.ref.kind === ref.kind) continue;
        if (isViewer) {
          cards.set(zone.card, null);
          found.splice(found.indexOf(held), 1);
        } else Object.assign(held, { element: link, ref, key, labelled: true });
      }
      continue;
    }

    if (loose && loose.key === key) {
      if (!isLabelled(loose.element) && isLabelled(link)) loose.element = link;
      continue;
    }
    loose = isViewer ? null : { element: link, ref, card: null, key };
    if (loose) found.push(loose);
  }
  return found.map(({ element, ref, card }) => ({ element, ref, card }));
}

/**
 * Parsing an address is the costliest step, and the same addresses come back on every re-scan of a
 * growing list (and twice per card: photo and name), so results are kept, frozen, up to a bound.
 */
const refs = new Map<string, ProfileRef | null>();
const MAX_REFS = 5000;

function refOf(href: string): ProfileRef | null {
  let ref = refs.get(href);
  if (ref === undefined) {
    const parsed = parseProfileUrl(href, BASE);
    ref = parsed && Object.freeze(parsed);
    if (refs.size >= MAX_REFS) refs.clear();
    refs.set(href, ref);
  }
  return ref;
}

/** The link a reader sees as the name: not hidden from assistive tech, and with text. */
function isLabelled(link: HTMLAnchorElement): boolean {
  return link.getAttribute('aria-hidden') !== 'true' && (link.textContent ?? '').trim() !== '';
}

/** Walks up until an ancestor already seen, then records every element on the way down. */
function zoneOf(link: Element, zones: Map<Element, Zone>): Zone {
  const path: Element[] = [];
  let inherited: Zone = { skip: false, card: null, viewName: null, post: false, viewerScreen: false };
  for (let node: Element | null = link; node; node = node.parentElement) {
    const known = zones.get(node);
    if (known) {
      inherited = known;
      break;
    }
    path.push(node);
  }
  // Attribute reads dominate the cost, so each element is read once and only for what can matter: nothing
  // inside an excluded zone, and only the classes of phrasing elements.
  for (let i = path.length - 1; i >= 0; i--) {
    const node = path[i] as Element;
    if (!inherited.skip) {
      inherited = INLINE_TAGS.has(node.tagName) ? inlineZone(node, inherited) : blockZone(node, inherited);
    }
    zones.set(node, inherited);
  }
  return inherited;
}

const SKIPPED: Zone = { skip: true, card: null, viewName: null, post: false, viewerScreen: false };

function inlineZone(node: Element, parent: Zone): Zone {
  if (isExcludedClass(node)) return SKIPPED;
  return parent.viewName === null ? parent : { ...parent, viewName: null };
}

function blockZone(node: Element, parent: Zone): Zone {
  const key = node.getAttribute('componentkey');
  if ((parent.post && POST_TEXT_TAGS.has(node.tagName)) || isExcluded(node, key) || isExcludedClass(node)) {
    return SKIPPED;
  }
  const viewName = node.getAttribute('data-view-name');
  const role = node.getAttribute('role');
  return {
    skip: false,
    card: isCard(node, viewName, parent.viewName, role) ? node : parent.card,
    viewName,
    post: parent.post || (key?.includes(CARD.postComponentKey) ?? false),
    viewerScreen: parent.viewerScreen || (role === 'main' && isViewerScreen(node)),
  };
}

function isExcluded(node: Element, key: string | null): boolean {
  const tag = node.tagName;
  if (SKIP_TAGS.has(tag)) return true;
  if (tag === 'SECTION') {
    for (const attribute of NOT_MAIN_PERSON.sectionAttributes) if (node.hasAttribute(attribute)) return true;
    if (key?.endsWith(NOT_MAIN_PERSON.componentKeySuffix)) return true;
  }
  if (key !== null) for (const part of NOT_MAIN_PERSON.componentKeys) if (key.includes(part)) return true;
  return false;
}

function isExcludedClass(node: Element): boolean {
  const classes = node.getAttribute('class');
  return classes !== null && SKIP_CLASS.test(classes);
}

function isCard(
  node: Element,
  viewName: string | null,
  parentViewName: string | null,
  role: string | null,
): boolean {
  if (CARD_TAGS.has(node.tagName)) return true;
  if (viewName && CARD_VIEW_NAMES.has(viewName)) return true;
  if (parentViewName?.endsWith(CARD.listViewNameSuffix)) return true;
  return role !== null && CARD_ROLES.has(role);
}

function isViewerScreen(node: Element): boolean {
  const screen = node.getAttribute('data-sdui-screen');
  return screen !== null && (NOT_MAIN_PERSON.viewerScreens as readonly string[]).includes(screen);
}
