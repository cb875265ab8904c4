// Reads the person a LinkedIn profile page shows, for the badge and for what Vínculo stores about them.
// LinkedIn swaps the page's content after in-page navigation, often after the URL has changed, so the
// first job is to refuse a page that does not (yet) show the person the URL names.
import { isMemberId, type ProfileRef, parseProfileUrl } from '../slug';
import { nameFromTitle } from './page-name';
import {
  CANONICAL_URL,
  CONTACT_INFO_LINK,
  CURRENT_COMPANY,
  EDUCATION,
  FACE_PILE,
  HEADLINE,
  INTERACTIVE,
  MEMBER_ID_LINK,
  NAME_HEADING,
  PHOTO,
  PROFILE_URN_LINK,
  SELF_OVERLAY_LINK,
  TOP_CARD,
} from './selectors';
import { cleanName, cleanText, visibleText } from './text';

export interface ProfileSnapshot {
  slug: string | null;
  memberId?: string;
  name: string;
  headline?: string;
  company?: string;
  photoUrl?: string;
}

/** Relative links on LinkedIn resolve against LinkedIn; which host does not matter for a slug. */
const BASE = 'https://www.linkedin.com/';
const MEMBER_ID_IN_TEXT = /ACo[A-Za-z0-9_-]{20,60}/g;
const TOPCARD_KEY = /ref(AC[A-Za-z0-9_-]+?)Topcard$/;
// LinkedIn serves every real profile photo under this path; ghosts, logos and backgrounds are elsewhere.
const PROFILE_PHOTO = /^https:\/\/[a-z0-9.-]*licdn\.com\/.*profile-displayphoto/i;

/**
 * Reads the profile the URL names. Returns null while the page does not yet show that profile (LinkedIn
 * swaps content after in-page navigation): e.g. the top card is missing or belongs to someone else.
 *
 * The page shows the URL's person when:
 * - the URL is /in/<slug>: the top card's own overlay links (/in/<slug>/overlay/contact-info/, …/about-
 *   this-profile/, …/background-photo/) or, lacking those, the page's canonical URL name that slug; a
 *   different slug there means stale content. With no such evidence at all, the top card must show a
 *   name heading that agrees with the page title.
 * - the URL is /in/<member id>: LinkedIn shows such profiles without the slug in the URL, so the top card
 *   is accepted unless the member id it carries is a different one.
 */
export function readProfile(doc: Document, url: string): ProfileSnapshot | null {
  const wanted = parseProfileUrl(url, BASE);
  if (!wanted) return null;
  const card = findTopCard(doc);
  if (!card) return null;

  const shownSlugs = slugsShown(doc, card);
  const shownIds = memberIdsShown(card);
  const heading = findNameHeading(card);
  const headingName = heading ? cleanName(visibleText(heading)) : null;
  const titleName = nameFromTitle(doc.title);
  if (!showsWanted(wanted, shownSlugs, shownIds, headingName, titleName)) return null;

  const name = headingName || photoName(card) || titleName;
  if (!name) return null;
  const slug = wanted.kind === 'slug' ? wanted.slug : (shownSlugs[0] ?? null);
  const memberId =
    wanted.kind === 'memberId'
      ? wanted.memberId
      : (shownIds[0] ?? (slug ? memberIdFromSelfLinks(doc, slug) : null));

  const snapshot: ProfileSnapshot = { slug, name };
  if (memberId) snapshot.memberId = memberId;
  const headline = readHeadline(card, heading);
  if (headline) snapshot.headline = headline;
  const company = readCompany(doc, card);
  if (company) snapshot.company = company;
  const photoUrl = readPhoto(card);
  if (photoUrl) snapshot.photoUrl = photoUrl;
  return snapshot;
}

/** The name heading of the profile's top card, or null if the page shows none (yet). */
export function findBadgeAnchor(doc: Document): Element | null {
  const card = findTopCard(doc);
  return card ? findNameHeading(card) : null;
}

/**
 * Where Vínculo's mark goes for a name: after the outermost LinkedIn control wrapping it (a link, a
 * button, a pop-up trigger), searched up to `stop` (the top card, the card, the main landmark), never
 * inside one.
 */
export function afterControls(name: Element, stop: Element | null): Element {
  let outer = name;
  for (
    let node = name.parentElement;
    node && node !== stop && node.tagName !== 'BODY';
    node = node.parentElement
  )
    if (node.matches(INTERACTIVE)) outer = node;
  return outer;
}

/** The profile's top card, by the first era whose selector matches. */
export function findTopCard(doc: Document): Element | null {
  for (const selector of TOP_CARD) {
    const card = doc.querySelector(selector);
    if (card) return card;
  }
  // An era we do not know yet: the contact-info link still sits in the top card.
  return doc.querySelector(CONTACT_INFO_LINK)?.closest('section') ?? null;
}

function findNameHeading(card: Element): Element | null {
  for (const selector of NAME_HEADING) {
    for (const heading of card.querySelectorAll(selector)) {
      if (cleanName(visibleText(heading))) return heading;
    }
  }
  return null;
}

function slugsShown(doc: Document, card: Element): string[] {
  const slugs: string[] = [];
  const add = (href: string | null): void => {
    const ref = href ? parseProfileUrl(href, BASE) : null;
    if (ref?.kind === 'slug' && !slugs.includes(ref.slug)) slugs.push(ref.slug);
  };
  // The contact-info link first: it is the one every logged-in era has.
  for (const link of card.querySelectorAll(CONTACT_INFO_LINK)) add(link.getAttribute('href'));
  for (const link of card.querySelectorAll(SELF_OVERLAY_LINK)) add(link.getAttribute('href'));
  if (slugs.length === 0) {
    for (const selector of CANONICAL_URL) {
      const element = doc.querySelector(selector);
      add(element?.getAttribute('href') ?? element?.getAttribute('content') ?? null);
    }
  }
  return slugs;
}

function memberIdsShown(card: Element): string[] {
  const ids: string[] = [];
  const add = (id: string | undefined): void => {
    if (id && isMemberId(id) && !ids.includes(id)) ids.push(id);
  };
  // SDUI: the top card's componentkey embeds the member id.
  add(TOPCARD_KEY.exec(card.getAttribute('componentkey') ?? '')?.[1]);
  // 2025: "500+ connections" and mutual-connection searches (connectionOf=<id>); SDUI: the Message
  // link (profileUrn=…<id>). Both name the shown person only.
  for (const link of card.querySelectorAll(MEMBER_ID_LINK)) {
    for (const match of safeDecode(link.getAttribute('href') ?? '').matchAll(MEMBER_ID_IN_TEXT))
      add(match[0]);
  }
  return ids;
}

/** 2024: the top card has no id, but the profile's own "Show all …" links carry profileUrn=<id>. */
function memberIdFromSelfLinks(doc: Document, slug: string): string | null {
  for (const link of doc.querySelectorAll(PROFILE_URN_LINK)) {
    const href = link.getAttribute('href') ?? '';
    const ref = parseProfileUrl(href, BASE);
    if (ref?.kind !== 'slug' || ref.slug !== slug) continue;
    const urn = new URL(href, BASE).searchParams.get('profileUrn') ?? '';
    const id = urn.slice(urn.lastIndexOf(':') + 1);
    if (isMemberId(id)) return id;
  }
  return null;
}

function showsWanted(
  wanted: ProfileRef,
  slugs: string[],
  ids: string[],
  headingName: string | null,
  titleName: string | null,
): boolean {
  if (wanted.kind === 'memberId') {
    if (ids.length > 0) return ids.includes(wanted.memberId);
    return Boolean(headingName || slugs.length > 0 || titleName);
  }
  if (slugs.length > 0) return slugs.includes(wanted.slug);
  // No structural evidence: only a rendered, self-consistent top card is trusted.
  return headingName !== null && (titleName === null || sameName(titleName, headingName));
}

/** 2024 and 2025 name the photo after the person; SDUI leaves alt empty. */
function photoName(card: Element): string | null {
  const img = findPhotoElement(card);
  return img ? cleanName(img.getAttribute('title') ?? img.getAttribute('alt') ?? '') : null;
}

function readHeadline(card: Element, heading: Element | null): string | undefined {
  for (const selector of HEADLINE) {
    const element = card.querySelector(selector);
    const text = element ? cleanText(visibleText(element)) : '';
    if (text) return text;
  }
  return heading ? headlineAfter(heading, card) : undefined;
}

/**
 * SDUI: the headline is the first line (<p>) after the block that holds the name. The name's own row
 * holds lines too — the connection degree ("· 3rd") and, for some people, their pronouns — so the row
 * is told apart from the block by structure, never by words: in every logged-in era the contact-info
 * link sits in the location line, a later line of the block and never part of the name's row. So the
 * headline is a line at the first level, walking up from the name, whose parent also holds that link,
 * and it comes before the location line. Without the link, the row is the level whose lines include the
 * degree marker.
 */
function headlineAfter(heading: Element, card: Element): string | undefined {
  const contact = card.querySelector(CONTACT_INFO_LINK);
  for (let node: Element | null = heading; node && node !== card; node = node.parentElement) {
    const parent = node.parentElement;
    if (contact ? !parent?.contains(contact) : holdsDegree(parent)) continue;
    for (let sibling = node.nextElementSibling; sibling; sibling = sibling.nextElementSibling) {
      if (contact && sibling.contains(contact)) return undefined;
      if (sibling.tagName !== 'P') continue;
      const text = cleanText(visibleText(sibling));
      if (text && cleanName(text)) return text;
    }
  }
  return undefined;
}

/** Whether a block's own lines include a bare connection degree ("· 3rd"), the mark of the name's row. */
function holdsDegree(block: Element | null): boolean {
  for (const line of block?.children ?? []) {
    if (line.tagName === 'P' && cleanText(line.textContent ?? '') && !cleanName(line.textContent ?? ''))
      return true;
  }
  return false;
}

function readCompany(doc: Document, card: Element): string | undefined {
  const publicSection = card.querySelector(CURRENT_COMPANY.publicSection);
  if (publicSection) return cleanText(visibleText(publicSection)) || undefined;

  const icon = card.querySelector(CURRENT_COMPANY.sduiCompanyIcon);
  const sduiItem = icon?.closest(CURRENT_COMPANY.sduiItem);
  if (sduiItem) return cleanText(visibleText(sduiItem)) || undefined;

  // Ember lists the current company before the school; with one entry only, it may be the school.
  const schools = new Set(educationNames(doc));
  for (const item of card.querySelectorAll(CURRENT_COMPANY.emberItems)) {
    const text = cleanText(visibleText(item));
    if (text && !schools.has(text)) return text;
  }
  return undefined;
}

function educationNames(doc: Document): string[] {
  const section = doc.querySelector(EDUCATION.anchor)?.closest('section');
  if (!section) return [];
  return [...section.querySelectorAll(EDUCATION.entityTitle)].map((span) => cleanText(visibleText(span)));
}

function readPhoto(card: Element): string | undefined {
  const img = findPhotoElement(card);
  return img ? photoUrlOf(img) : undefined;
}

function findPhotoElement(card: Element): Element | null {
  for (const selector of PHOTO) {
    const img = card.querySelector(selector);
    if (img) return img;
  }
  // SDUI and unknown eras: the first real profile photo that is not in a face pile.
  for (const img of card.querySelectorAll('img')) {
    const inFacePile = FACE_PILE.some((selector) => {
      const pile = img.closest(selector);
      return pile !== null && card.contains(pile);
    });
    if (inFacePile) continue;
    if (photoUrlOf(img)) return img;
  }
  return null;
}

function photoUrlOf(img: Element): string | undefined {
  // The public profile lazy-loads: the real address waits in data-delayed-url until scrolled into view.
  const src = img.getAttribute('src') || img.getAttribute('data-delayed-url') || '';
  return PROFILE_PHOTO.test(src) && !img.classList.contains('ghost-person') ? src : undefined;
}

function sameName(a: string, b: string): boolean {
  return a.normalize('NFC').toLocaleLowerCase() === b.normalize('NFC').toLocaleLowerCase();
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
