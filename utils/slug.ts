// Vínculo keys every person by the slug of their /in/<slug>/ URL, so two spellings of the same profile
// link (country subdomain, encoded accents, a sub-page, tracking parameters) must collapse to one key,
// and anything that is not a person's profile must be refused rather than guessed at.
// This runs on every link of a LinkedIn page, hence one `new URL` and a few anchored regexes per call.

export type ProfileRef = { kind: 'slug'; slug: string } | { kind: 'memberId'; memberId: string };

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const WEB_SCHEME = /^https?:$/i;
// Only a LinkedIn host is taken as a host when the scheme is missing; `example.com/in/x` stays a
// relative path, as a browser would read it in an href.
const BARE_LINKEDIN_HOST = /^(?:[a-z0-9-]+\.)*linkedin\.com(?:[:/?#]|$)/i;
// LinkedIn custom URLs are letters and digits; generated ones add hyphens, names in any script (hence
// marks, for scripts whose vowels never compose) and the joiners Persian and Indic names need.
const SLUG = /^(?:[\p{L}\p{M}\p{N}_-]|\u200C|\u200D)+$/u;
const HAS_ALNUM = /[\p{L}\p{N}]/u;
// Member ids are base64url after `AC`; the length floor and the lower-case letter keep a shouted vanity
// slug such as `/in/ACME-CONSULTING/` from being taken for one.
const MEMBER_ID = /^AC[A-Za-z0-9_-]{28,58}$/;
const LOWER = /[a-z]/;
const ASCII = /^[ -~]*$/; // printable ASCII
const ASCII_SLUG = /^[a-z0-9_-]+$/;
const ASCII_ALNUM = /[a-z0-9]/;
const LINKEDIN_ORIGIN = 'https://www.linkedin.com/';
// `/in/<slug>` on LinkedIn's own origin (or relative to it), then only plain path segments and any
// query or fragment: nothing a URL parser would rewrite (no dots, escapes, backslashes or spaces).
const PLAIN_PROFILE =
  /^(https:\/\/www\.linkedin\.com)?\/in\/([A-Za-z0-9_-]+)(?:\/[A-Za-z0-9_-]*)*(?:[?#].*)?$/s;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Parses any LinkedIn profile URL into a canonical ref; null for anything that is not a person's profile. */
export function parseProfileUrl(url: string, base?: string): ProfileRef | null {
  if (typeof url !== 'string') return null;
  const trimmed = url.trim();
  // Most links on LinkedIn are plain `/in/<ascii-slug>/…`: read those without building a URL.
  const plain = PLAIN_PROFILE.exec(trimmed);
  if (plain && (plain[1] || (typeof base === 'string' && base.startsWith(LINKEDIN_ORIGIN))))
    return refOfPlain(plain[2] as string);
  const parsed = toUrl(trimmed, base);
  if (parsed === null) return null;
  if (!WEB_SCHEME.test(parsed.protocol) || parsed.port !== '' || !isLinkedInHost(parsed.hostname))
    return null;

  // Empty segments come from doubled or trailing slashes; everything after the slug is a sub-page
  // (contact info, activity, details, edit) of the same person.
  const segments = parsed.pathname.split('/').filter((s) => s !== '');
  if (segments[0]?.toLowerCase() !== 'in' || segments[1] === undefined) return null;

  const decoded = decode(segments[1]);
  if (decoded === null) return null;
  if (isMemberId(decoded)) return { kind: 'memberId', memberId: decoded };
  const slug = canonicalDecoded(decoded);
  return slug === null ? null : { kind: 'slug', slug };
}

function refOfPlain(segment: string): ProfileRef | null {
  if (isMemberId(segment)) return { kind: 'memberId', memberId: segment };
  const slug = canonicalDecoded(segment);
  return slug === null ? null : { kind: 'slug', slug };
}

/** Canonical form of a raw slug (decoded, NFC, lower case), or null if it is not a valid slug. */
export function canonicalSlug(raw: string): string | null {
  if (typeof raw !== 'string') return null;
  const decoded = decode(raw);
  // A member id is not a slug: lower-casing it would mint a key that matches nobody.
  if (decoded === null || isMemberId(decoded)) return null;
  return canonicalDecoded(decoded);
}

/** The canonical https://www.linkedin.com/in/<slug>/ URL for a slug (percent-encoded where needed). */
export function profileUrl(slug: string): string {
  const value = String(slug);
  // Member ids are case-sensitive, so they go out verbatim. Anything that is not a valid slug is still
  // encoded rather than interpolated, so it cannot smuggle in a query, fragment or another host.
  const segment = isMemberId(value)
    ? value
    : (canonicalSlug(value) ?? value.replace(LONE_SURROGATE, '\uFFFD'));
  return `https://www.linkedin.com/in/${encodeURIComponent(segment)}/`;
}

/** True for a LinkedIn member id such as ACoAAB1cD2eF3gH4iJ5kL6mN7oP8qR9sT0u. */
export function isMemberId(value: string): boolean {
  return typeof value === 'string' && MEMBER_ID.test(value) && LOWER.test(value);
}

function toUrl(input: string, base: string | undefined): URL | null {
  let href = input;
  let relativeTo: string | undefined;
  if (BARE_LINKEDIN_HOST.test(input)) {
    href = `https://${input}`;
  } else {
    const scheme = SCHEME.exec(input);
    // Refusing other schemes before parsing spares us copying multi-kilobyte data: URLs.
    if (scheme !== null) {
      if (!WEB_SCHEME.test(scheme[0])) return null;
    } else if (base !== undefined) {
      relativeTo = base;
    } else if (input.startsWith('//')) {
      href = `https:${input}`;
    } else {
      // A relative link without the page it came from could be on any host.
      return null;
    }
  }
  try {
    return new URL(href, relativeTo);
  } catch {
    return null;
  }
}

function isLinkedInHost(hostname: string): boolean {
  return hostname === 'linkedin.com' || hostname.endsWith('.linkedin.com');
}

function decode(raw: string): string | null {
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

function canonicalDecoded(decoded: string): string | null {
  // Lower-casing before composing is the order whose result is already fixed under slugSchema's
  // `normalize('NFC').toLowerCase()`; the other order leaves some Greek and `ẗ` forms unstable.
  const lower = decoded.toLowerCase();
  // Lengths count UTF-16 units, as slugSchema's min/max do, so every slug accepted here is storable.
  if (lower.length < 3 || lower.length > 100) return null;
  // Most slugs are ASCII: their own NFC form, checked without the Unicode tables that the normalizer
  // and \p{…} classes build on first use (milliseconds on the first list a page shows).
  if (ASCII.test(lower)) return ASCII_SLUG.test(lower) && ASCII_ALNUM.test(lower) ? lower : null;
  const slug = lower.normalize('NFC');
  return slug.length >= 3 && slug.length <= 100 && SLUG.test(slug) && HAS_ALNUM.test(slug) ? slug : null;
}
