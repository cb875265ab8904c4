// Who a profile page says it is about, when no top card we know shows it: activity and details pages,
// overlays without their profile behind, and layouts no selector knows yet. Read, in order of trust,
// from what the page states about itself (title, og:title, JSON-LD), then from its main heading, and
// last from the URL's slug made readable — so the badge is never missing for want of markup.

import { JSON_LD, MAIN_LANDMARK, OG_TITLE } from './selectors';
import { cleanName, cleanText, visibleText } from './text';

// "(99+) " notification counts in front of the title.
const TITLE_COUNT = /^\(\d+\+?\)\s*/;
// Public profiles title themselves "Name - Company | LinkedIn": the name is before a spaced dash.
const TITLE_DASH = /\s+[-–—]\s+/;
const BAR = ' | ';

/**
 * "(3) Activity | Name | LinkedIn", "Name | LinkedIn", "Name - Title - Company | LinkedIn" → "Name".
 * The site's name comes last after a bar in every locale; a sub-page's own name comes first. Without a
 * bar the text is not a page title of a person (`og:title` may omit it: pass `bare`).
 */
export function nameFromTitle(title: string, bare = false): string | null {
  const parts = cleanText(title).replace(TITLE_COUNT, '').split(BAR);
  if (parts.length < 2 && !bare) return null;
  if (parts.length >= 2) parts.pop();
  const person = parts.at(-1) ?? '';
  return cleanName(person.split(TITLE_DASH)[0] ?? '');
}

/** The name in the page's JSON-LD `Person` (public profiles), if any. */
export function nameFromJsonLd(doc: Document): string | null {
  for (const script of doc.querySelectorAll(JSON_LD)) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue;
    }
    const name = personName(data, 0);
    if (name) return name;
  }
  return null;
}

function personName(node: unknown, depth: number): string | null {
  if (depth > 4 || typeof node !== 'object' || node === null) return null;
  if (Array.isArray(node)) {
    for (const item of node) {
      const name = personName(item, depth + 1);
      if (name) return name;
    }
    return null;
  }
  const record = node as Record<string, unknown>;
  if (record['@type'] === 'Person' && typeof record.name === 'string') return cleanName(record.name);
  return personName(record['@graph'], depth + 1);
}

/** The page's main heading: the main landmark's first h1 with text, else its first h2. */
export function mainHeading(doc: Document): Element | null {
  const main = doc.querySelector(MAIN_LANDMARK);
  if (!main) return null;
  for (const tag of ['h1', 'h2']) {
    for (const heading of main.querySelectorAll(tag)) if (cleanName(visibleText(heading))) return heading;
  }
  return null;
}

const NAME_HEADINGS = 'h1, h2, h3';
// /in/<slug>/<anything but a locale>: activity, details, overlays.
const SUB_PAGE = /^\/in\/[^/]+\/(?![a-z]{2}(?:[-_][a-z]{2})?\/?$)[^/]+/i;

/** Whether a profile URL is one of the person's sub-pages (activity, details, an overlay). */
export function isProfileSubPage(url: string): boolean {
  try {
    return SUB_PAGE.test(new URL(url).pathname);
  } catch {
    return false;
  }
}

/**
 * Where the badge goes on a page without a top card we know: a heading in the main landmark that is the
 * person's name (the activity page's left rail), else the page's main heading; null to float.
 */
export function fallbackAnchor(doc: Document, name: string): Element | null {
  const main = doc.querySelector(MAIN_LANDMARK);
  const wanted = name.toLocaleLowerCase();
  for (const heading of main?.querySelectorAll(NAME_HEADINGS) ?? []) {
    if (cleanName(visibleText(heading))?.toLocaleLowerCase() === wanted) return heading;
  }
  return mainHeading(doc);
}

/** "marina-oyarzun-12ab34" → "Marina Oyarzun": the words of the slug, without LinkedIn's suffix. */
export function nameFromSlug(slug: string): string {
  const words = slug.split(/[-_]+/).filter(Boolean);
  // Generated slugs end in a hex or digit suffix ("-12ab34", "-7a1b2c3d", "-4b2a91").
  if (words.length > 1 && /\d/.test(words.at(-1) ?? '') && /^[0-9a-f]+$/.test(words.at(-1) ?? ''))
    words.pop();
  return words.map((word) => word.charAt(0).toLocaleUpperCase() + word.slice(1)).join(' ');
}

/**
 * The person's name as the page states it, trusted in this order: title, og:title, JSON-LD Person,
 * the main heading, the slug. `statements: false` skips the head's statements (just after an in-page
 * navigation, when the title may still be the previous page's).
 */
export function statedName(doc: Document, slug: string, statements = true): string {
  const fromHead = statements
    ? nameFromTitle(doc.title) ||
      nameFromTitle(doc.querySelector(OG_TITLE)?.getAttribute('content') ?? '', true) ||
      nameFromJsonLd(doc)
    : null;
  if (fromHead) return fromHead;
  const heading = mainHeading(doc);
  return (heading && cleanName(visibleText(heading))) || nameFromSlug(slug);
}
