// Finds the people listed on a LinkedIn page (search results, My Network, feed authors, messaging,
// "People also viewed") so the content script can put a dot beside each. This runs on every DOM burst of
// long, lazily growing lists, so it makes one querySelectorAll and then only reads attributes while
// walking up from each link, remembering what it learnt about every ancestor.
import { canonicalSlug, type ProfileRef, parseProfileUrl } from '../slug';
import { CARD, NOT_MAIN_PERSON, PERSON_LINK } from './selectors';

export interface PersonLink {
  element: HTMLAnchorElement;
  ref: ProfileRef;
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

/** What walking up from a link has learnt about an element: inside an excluded zone? which card? */
interface Zone {
  skip: boolean;
  card: Element | null;
  viewName: string | null;
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
 * Links outside any card stand alone, except that a photo link directly followed by the same person's
 * name link counts once. A card whose main person is the viewer yields nothing.
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
    if (zone.skip) {
      loose = null;
      continue;
    }
    const held = zone.card ? cards.get(zone.card) : undefined;
    // A card already settled on its named person (or on the viewer) needs no more addresses parsed.
    if (zone.card && (held === null || held?.labelled)) {
      loose = null;
      continue;
    }
    const ref = refOf(href);
    if (!ref) continue;
    const key = ref.kind === 'slug' ? ref.slug : ref.memberId;
    const isViewer = key === viewer;

    if (zone.card) {
      loose = null;
      if (held === undefined) {
        const entry = isViewer ? null : { element: link, ref, key, labelled: isLabelled(link) };
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
    loose = isViewer ? null : { element: link, ref, key };
    if (loose) found.push(loose);
  }
  return found.map(({ element, ref }) => ({ element, ref }));
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
  let inherited: Zone = { skip: false, card: null, viewName: null };
  for (let node: Element | null = link; node; node = node.parentElement) {
    const known = zones.get(node);
    if (known) {
      inherited = known;
      break;
    }
    path.push(node);
  }
  // Attribute reads dominate the cost, so each element is read once and only for what can matter.
  for (let i = path.length - 1; i >= 0; i--) {
    const node = path[i] as Element;
    const inline = INLINE_TAGS.has(node.tagName);
    const viewName = inline ? null : node.getAttribute('data-view-name');
    const zone: Zone = {
      skip: inherited.skip || isExcluded(node),
      card: !inline && isCard(node, viewName, inherited.viewName) ? node : inherited.card,
      viewName,
    };
    zones.set(node, zone);
    inherited = zone;
  }
  return inherited;
}

function isExcluded(node: Element): boolean {
  const tag = node.tagName;
  if (SKIP_TAGS.has(tag)) return true;
  if (tag === 'SECTION') {
    for (const attribute of NOT_MAIN_PERSON.sectionAttributes) if (node.hasAttribute(attribute)) return true;
    if (node.getAttribute('componentkey')?.endsWith(NOT_MAIN_PERSON.componentKeySuffix)) return true;
  }
  const classes = node.getAttribute('class');
  return classes !== null && SKIP_CLASS.test(classes);
}

function isCard(node: Element, viewName: string | null, parentViewName: string | null): boolean {
  if (CARD_TAGS.has(node.tagName)) return true;
  if (viewName && CARD_VIEW_NAMES.has(viewName)) return true;
  if (parentViewName?.endsWith(CARD.listViewNameSuffix)) return true;
  const role = node.getAttribute('role');
  return role !== null && CARD_ROLES.has(role);
}
