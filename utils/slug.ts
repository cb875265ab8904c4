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
// A slug character is anything a path segment carries once decoded (real slugs have `’`, `'`, `~`, `.`,
// `♾`, `☁`, emoji…), except what ends a segment or a URL (`/ ? #`), whitespace (`\s`: Unicode
// White_Space, whose U+0085 is also a C1 control, plus U+FEFF, which trim() eats) and controls (C0, C1,
// and lone surrogates, which NFC and UTF-8 cannot carry). Two more are refused so that a key is one fixed value:
// `%` (canonicalSlug decodes what it is given, so a decoded `%` would be read as an escape next time)
// and U+FFFD (what a lost byte or a lone surrogate decodes to; nobody's name has it).
const SLUG = /^[^\s\p{Cc}\uD800-\uDFFF/?#%\uFFFD]+$/u;
// At least one letter or digit: custom URLs must have them, and slugs LinkedIn makes from names keep
// the name's letters or add a digit suffix, so every real slug has one. A slug of symbols alone
// (`---`, `...`, `♾♾♾`) names nobody: it is a placeholder or a fragment of some other path.
const HAS_ALNUM = /[\p{L}\p{N}]/u;
// Member ids are base64url after `AC`; the length floor and the lower-case letter keep a shouted vanity
// slug such as `/in/ACME-CONSULTING/` from being taken for one.
const MEMBER_ID = /^AC[A-Za-z0-9_-]{28,58}$/;
const LOWER = /[a-z]/;
const ASCII = /^[ -~]*$/; // printable ASCII
const ASCII_SLUG = /^[^ #%/?]{3,100}$/; // SLUG and the length limits, for printable ASCII
const ASCII_ALNUM = /[a-z0-9]/;
const LINKEDIN_ORIGIN = 'https://www.linkedin.com/';
// `/in/<slug>` on LinkedIn's own origin (or relative to it), then only plain path segments and any
// query or fragment: nothing a URL parser would rewrite (no escapes, backslashes, spaces or dot-segments).
// The slug may also have the marks that encodeURIComponent, and so profileUrl(), leaves unescaped.
const PLAIN_PROFILE =
  /^(https:\/\/www\.linkedin\.com)?\/in\/(?!\.\.?(?:[/?#]|$))([\w.~!*'()-]+)(?:\/[\w-]*)*(?:[?#].*)?$/s;
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
  // Lower-casing before composing gives a form that both steps leave as it is, which slugSchema checks
  // (`canonicalSlug(s) === s`); the other order leaves some Greek and `ẗ` forms unstable.
  const lower = decoded.toLowerCase();
  // Most slugs are ASCII: their own NFC form, checked without the Unicode tables that the normalizer
  // and \p{…} classes build on first use (milliseconds on the first list a page shows).
  if (ASCII.test(lower)) return ASCII_SLUG.test(lower) && ASCII_ALNUM.test(lower) ? lower : null;
  // Composing can shorten or lengthen a slug, so its length is checked after (past a cap on the work).
  // Lengths count UTF-16 units; slugSchema asks canonicalSlug itself, so every slug given is storable.
  const slug = lower.length <= 400 ? lower.normalize('NFC') : '';
  return slug.length >= 3 && slug.length <= 100 && SLUG.test(slug) && HAS_ALNUM.test(slug) ? slug : null;
}
