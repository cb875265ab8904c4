import { describe, expect, it } from 'vitest';
import { canonicalSlug, isMemberId, type ProfileRef, parseProfileUrl, profileUrl } from '../../utils/slug';

const FEED = 'https://www.linkedin.com/feed/';
const MEMBER_ID = 'ACoAAB1cD2eF3gH4iJ5kL6mN7oP8qR9sT0u';
const slug = (s: string): ProfileRef => ({ kind: 'slug', slug: s });
const member = (id: string): ProfileRef => ({ kind: 'memberId', memberId: id });

// Each row names the URL form it protects: if a row fails, that form of link stops (or starts) matching.
type Row = [form: string, url: string, expected: ProfileRef | null, base?: string];

const accepted: Row[] = [
  ['canonical www URL with trailing slash', 'https://www.linkedin.com/in/john-doe/', slug('john-doe')],
  ['no trailing slash', 'https://www.linkedin.com/in/john-doe', slug('john-doe')],
  ['no www', 'https://linkedin.com/in/john-doe/', slug('john-doe')],
  ['es. country subdomain', 'https://es.linkedin.com/in/john-doe/', slug('john-doe')],
  ['uk. country subdomain', 'https://uk.linkedin.com/in/john-doe/', slug('john-doe')],
  ['fr. country subdomain', 'https://fr.linkedin.com/in/john-doe', slug('john-doe')],
  ['m. mobile subdomain', 'https://m.linkedin.com/in/john-doe/', slug('john-doe')],
  ['http scheme', 'http://www.linkedin.com/in/john-doe/', slug('john-doe')],
  ['no scheme, bare domain', 'linkedin.com/in/john-doe', slug('john-doe')],
  ['no scheme, www', 'www.linkedin.com/in/john-doe/', slug('john-doe')],
  ['no scheme, country subdomain', 'es.linkedin.com/in/john-doe', slug('john-doe')],
  ['protocol-relative', '//www.linkedin.com/in/john-doe/', slug('john-doe')],
  ['explicit default port', 'https://www.linkedin.com:443/in/john-doe/', slug('john-doe')],
  ['percent-encoded accents', 'https://www.linkedin.com/in/jos%C3%A9-garc%C3%ADa/', slug('josé-garcía')],
  ['lower-case percent hex', 'https://www.linkedin.com/in/jos%c3%a9-garc%c3%ada', slug('josé-garcía')],
  ['raw (unencoded) accents', 'https://www.linkedin.com/in/josé-garcía/', slug('josé-garcía')],
  ['NFD input, raw', 'https://www.linkedin.com/in/jose\u0301-garci\u0301a/', slug('josé-garcía')],
  ['NFD input, encoded', 'https://www.linkedin.com/in/jose%CC%81-garci%CC%81a/', slug('josé-garcía')],
  ['upper-case slug', 'https://www.linkedin.com/in/John-DOE/', slug('john-doe')],
  ['upper-case accented slug', 'https://www.linkedin.com/in/JOS%C3%89-GARC%C3%8DA', slug('josé-garcía')],
  ['upper-case everything', 'HTTPS://WWW.LINKEDIN.COM/IN/JOHN-DOE/', slug('john-doe')],
  ['contact-info overlay', 'https://www.linkedin.com/in/john-doe/overlay/contact-info/', slug('john-doe')],
  ['recent activity', 'https://www.linkedin.com/in/john-doe/recent-activity/all/', slug('john-doe')],
  ['details sub-page', 'https://www.linkedin.com/in/john-doe/details/experience/', slug('john-doe')],
  ['old detail sub-page', 'https://www.linkedin.com/in/john-doe/detail/recent-activity/', slug('john-doe')],
  ['edit sub-page', 'https://www.linkedin.com/in/john-doe/edit/intro/', slug('john-doe')],
  ['originalSubdomain query', 'https://www.linkedin.com/in/john-doe?originalSubdomain=es', slug('john-doe')],
  [
    'miniProfileUrn query',
    `https://www.linkedin.com/in/john-doe/?miniProfileUrn=urn%3Ali%3Afs_miniProfile%3A${MEMBER_ID}`,
    slug('john-doe'),
  ],
  ['fragment', 'https://www.linkedin.com/in/john-doe/#experience', slug('john-doe')],
  ['query and fragment, no slash', 'https://www.linkedin.com/in/john-doe?trk=x#top', slug('john-doe')],
  ['relative link with feed base', '/in/john-doe/', slug('john-doe'), FEED],
  ['relative link with query', '/in/john-doe?trk=feed', slug('john-doe'), FEED],
  [
    'relative link on a country subdomain page',
    '/in/john-doe/',
    slug('john-doe'),
    'https://es.linkedin.com/',
  ],
  ['doubled slashes', 'https://www.linkedin.com//in//john-doe//', slug('john-doe')],
  ['whitespace around the URL', '  \n\thttps://www.linkedin.com/in/john-doe/ \n', slug('john-doe')],
  ['generated slug with digits', 'https://www.linkedin.com/in/john-doe-4a1b2c3d/', slug('john-doe-4a1b2c3d')],
  ['underscore', 'https://www.linkedin.com/in/john_doe/', slug('john_doe')],
  ['CJK slug', 'https://www.linkedin.com/in/%E7%8E%8B%E5%B0%8F%E6%98%8E/', slug('王小明')],
  [
    'Devanagari slug with combining marks',
    `https://www.linkedin.com/in/${encodeURIComponent('प्रिया-शर्मा')}/`,
    slug('प्रिया-शर्मा'),
  ],
  [
    'Persian slug with a zero-width non-joiner',
    `https://www.linkedin.com/in/${encodeURIComponent('محمد\u200Cرضا')}/`,
    slug('محمد\u200Cرضا'),
  ],
  ['shortest slug (3 chars)', 'https://www.linkedin.com/in/abc/', slug('abc')],
  ['longest slug (100 chars)', `https://www.linkedin.com/in/${'a'.repeat(100)}/`, slug('a'.repeat(100))],
  ['member id URL keeps its case', `https://www.linkedin.com/in/${MEMBER_ID}/`, member(MEMBER_ID)],
  [
    'member id with sub-page and query',
    `https://www.linkedin.com/in/${MEMBER_ID}/overlay/contact-info/?trk=x`,
    member(MEMBER_ID),
  ],
  ['member id on a relative link', `/in/${MEMBER_ID}`, member(MEMBER_ID), FEED],
  [
    'upper-case vanity slug starting with AC is not a member id',
    'https://www.linkedin.com/in/ACME-CONSULTING/',
    slug('acme-consulting'),
  ],
];

const rejected: Row[] = [
  ['other host', 'https://example.com/in/john-doe/', null],
  ['look-alike host with linkedin.com prefix', 'https://linkedin.com.evil.example/in/john-doe/', null],
  ['look-alike host ending in linkedin.com', 'https://notlinkedin.com/in/john-doe/', null],
  ['look-alike host, no scheme', 'linkedin.com.evil.example/in/john-doe', null],
  ['LinkedIn as userinfo before another host', 'https://www.linkedin.com@evil.example/in/john-doe/', null],
  ['look-alike userinfo, no scheme', 'linkedin.com:@evil.example/in/john-doe', null],
  ['look-alike userinfo, no scheme, with a base', 'linkedin.com@evil.example/in/john-doe', null, FEED],
  ['relative link on a non-LinkedIn page', '/in/john-doe/', null, 'https://evil.example/feed/'],
  ['relative link without a base', '/in/john-doe/', null],
  ['non-default port', 'https://www.linkedin.com:8080/in/john-doe/', null],
  ['company page', 'https://www.linkedin.com/company/acme/', null],
  ['school page', 'https://www.linkedin.com/school/some-university/', null],
  ['feed', 'https://www.linkedin.com/feed/', null],
  ['people search', 'https://www.linkedin.com/search/results/people/?keywords=john', null],
  ['/in/ with nothing after', 'https://www.linkedin.com/in/', null],
  ['/in with no slash', 'https://www.linkedin.com/in', null],
  ['old-style /pub/ URL', 'https://www.linkedin.com/pub/john-doe/1a/2b/3c', null],
  ['my network', 'https://www.linkedin.com/mynetwork/', null],
  ['/in/ below another section', 'https://www.linkedin.com/feed/in/john-doe/', null],
  ['javascript: URL', 'javascript:alert(1)//https://www.linkedin.com/in/john-doe/', null],
  ['javascript: URL with a base', 'JavaScript:location="/in/john-doe/"', null, FEED],
  ['data: URL', 'data:text/html,<a href="https://www.linkedin.com/in/john-doe/">x</a>', null],
  ['ftp: URL', 'ftp://www.linkedin.com/in/john-doe/', null],
  ['malformed percent-encoding', 'https://www.linkedin.com/in/%E0%A4%A/', null],
  ['truncated percent escape', 'https://www.linkedin.com/in/john-doe%', null],
  ['slug shorter than 3 characters', 'https://www.linkedin.com/in/ab/', null],
  ['slug longer than 100 characters', `https://www.linkedin.com/in/${'a'.repeat(101)}/`, null],
  ['encoded space in slug', 'https://www.linkedin.com/in/john%20doe/', null],
  ['raw space in slug', 'https://www.linkedin.com/in/john doe/', null],
  ['angle brackets in slug', 'https://www.linkedin.com/in/%3Cscript%3E/', null],
  ['raw angle bracket in slug', 'https://www.linkedin.com/in/john>doe/', null],
  ['double quote in slug', 'https://www.linkedin.com/in/john%22doe/', null],
  ['single quote in slug', "https://www.linkedin.com/in/john'doe/", null],
  ['encoded slash in slug', 'https://www.linkedin.com/in/john%2Fdoe/', null],
  ['hyphens only', 'https://www.linkedin.com/in/---/', null],
  ['empty string', '', null],
  ['whitespace only', '  \n ', null, FEED],
  ['invalid base', '/in/john-doe/', null, 'not a url'],
];

describe('parseProfileUrl', () => {
  it.each(accepted)('accepts %s', (_form, url, expected, base) => {
    expect(parseProfileUrl(url, base)).toEqual(expected);
  });

  it.each(rejected)('rejects %s', (_form, url, expected, base) => {
    expect(parseProfileUrl(url, base)).toEqual(expected);
  });

  it('ignores an invalid base when the URL is absolute', () => {
    expect(parseProfileUrl('https://www.linkedin.com/in/john-doe/', 'not a url')).toEqual(slug('john-doe'));
  });

  it('never throws, whatever it is given', () => {
    const hostile: unknown[] = [
      undefined,
      null,
      42,
      {},
      '\uD800',
      'https://www.linkedin.com/in/\uD800abc/',
      'https://www.linkedin.com/in/%D8%00/',
      'https://[::1/in/john-doe',
      'http://',
      '%',
      `https://www.linkedin.com/in/${'%'.repeat(5000)}`,
      `data:text/plain,${'x'.repeat(200_000)}`,
    ];
    for (const input of hostile) {
      expect(() => parseProfileUrl(input as string)).not.toThrow();
      expect(() => parseProfileUrl(input as string, FEED)).not.toThrow();
      expect(() => parseProfileUrl('/in/john-doe', input as string)).not.toThrow();
      expect(() => canonicalSlug(input as string)).not.toThrow();
      expect(() => isMemberId(input as string)).not.toThrow();
      expect(() => profileUrl(input as string)).not.toThrow();
    }
  });

  it('is cheap enough to run on every link of a page', () => {
    const links = [...accepted, ...rejected].map(([, url, , base]) => [url, base] as const);
    const start = performance.now();
    for (let i = 0; i < 50; i++) for (const [url, base] of links) parseProfileUrl(url, base);
    // ~4,000 links; a generous ceiling so a slow CI box cannot flake, yet a regex blow-up would show.
    expect(performance.now() - start).toBeLessThan(1_000);
  });
});

describe('canonicalSlug', () => {
  it.each([
    ['already canonical', 'john-doe', 'john-doe'],
    ['upper case', 'John-DOE', 'john-doe'],
    ['percent-encoded', 'jos%C3%A9-garc%C3%ADa', 'josé-garcía'],
    ['NFD', 'jose\u0301-garci\u0301a', 'josé-garcía'],
    ['decoded once only', 'john%2541', null],
    ['member id is not a slug', MEMBER_ID, null],
    ['too short', 'ab', null],
    ['too long', 'a'.repeat(101), null],
    ['space', 'john doe', null],
    ['trailing slash', 'john-doe/', null],
    ['malformed encoding', '%E0%A4%A', null],
    ['empty', '', null],
  ] as const)('%s', (_form, raw, expected) => {
    expect(canonicalSlug(raw)).toBe(expected);
  });

  it.each(['John-DOE', 'JOS%C3%89', 'İstanbul-dev', 'ΆΙ\u0345-name', 'STRAẞE-müller', 'T\u0308-test'])(
    'gives %s a form that is stable and passes storage’s canonical-slug check',
    (raw) => {
      const once = canonicalSlug(raw);
      expect(once).not.toBeNull();
      const value = once!;
      expect(canonicalSlug(value)).toBe(value);
      // Mirrors slugSchema's refine in storage/schemas.ts.
      expect(value).toBe(value.normalize('NFC').toLowerCase());
    },
  );
});

describe('profileUrl', () => {
  it('builds the canonical URL, percent-encoding non-ASCII', () => {
    expect(profileUrl('john-doe')).toBe('https://www.linkedin.com/in/john-doe/');
    expect(profileUrl('josé-garcía')).toBe('https://www.linkedin.com/in/jos%C3%A9-garc%C3%ADa/');
  });

  it('canonicalizes the slug it is given', () => {
    expect(profileUrl('José-García')).toBe(profileUrl('josé-garcía'));
    expect(profileUrl('jose\u0301-garci\u0301a')).toBe(profileUrl('josé-garcía'));
  });

  it('keeps a member id verbatim', () => {
    expect(profileUrl(MEMBER_ID)).toBe(`https://www.linkedin.com/in/${MEMBER_ID}/`);
  });

  it('encodes what is not a slug instead of letting it change the URL', () => {
    const url = new URL(profileUrl('x?y=1#z/../../evil'));
    expect(url.origin).toBe('https://www.linkedin.com');
    expect(url.search).toBe('');
    expect(url.hash).toBe('');
  });

  it.each(['john-doe', 'josé-garcía', '王小明', 'प्रिया-शर्मा', 'john_doe', 'a'.repeat(100)])(
    'round-trips %s through parseProfileUrl',
    (s) => {
      expect(parseProfileUrl(profileUrl(s))).toEqual(slug(s));
    },
  );

  it('round-trips a member id through parseProfileUrl', () => {
    expect(parseProfileUrl(profileUrl(MEMBER_ID))).toEqual(member(MEMBER_ID));
  });
});

describe('isMemberId', () => {
  it.each([
    ['the documented example', MEMBER_ID, true],
    ['a typical 39-character id', 'ACoAAAB2c3dEf4GhIjK5LmNoP6qRsT7uVwXyZ8a', true],
    ['a Sales Navigator id with - and _', 'ACwAAAB2c3dEf4Gh-jK5LmNo_6qRsT7uVwXyZ8a', true],
    ['a lower-cased id', MEMBER_ID.toLowerCase(), false],
    ['an upper-cased id', MEMBER_ID.toUpperCase(), false],
    ['a vanity slug starting with AC', 'ACME-CONSULTING', false],
    ['too short', 'ACoAAB1cD2', false],
    ['too long', `ACoAA${'b'.repeat(60)}`, false],
    ['characters outside base64url', 'ACoAAB1cD2eF3gH4iJ5kL6mN7oP8qR9sT0u=', false],
    ['surrounding whitespace', ` ${MEMBER_ID} `, false],
    ['a slug', 'john-doe', false],
    ['empty', '', false],
  ] as const)('%s', (_form, value, expected) => {
    expect(isMemberId(value)).toBe(expected);
  });
});

describe('the shortcut for plain /in/ links agrees with full URL parsing', () => {
  // An upper-case host takes the full path through `new URL`; the same link in LinkedIn's usual
  // spelling takes the shortcut. Both must read the same person, or refuse the same link.
  const slugs = ['john-doe', 'John-DOE', 'ab', 'abc', '---', 'a_b-c1', 'ACME-CONSULTING', 'x'.repeat(101)];
  const memberId = 'ACoAAB1cD2eF3gH4iJ5kL6mN7oP8qR9sT0u';
  const tails = [
    '',
    '/',
    '/en/',
    '/overlay/contact-info/',
    '/details/experience',
    '?mini=true',
    '/#top',
    '//',
  ];
  const cases = [...slugs, memberId].flatMap((slug) => tails.map((tail) => `/in/${slug}${tail}`));

  it.each(cases)('%s', (path) => {
    const full = parseProfileUrl(`https://WWW.linkedin.com${path}`);
    expect(parseProfileUrl(`https://www.linkedin.com${path}`)).toEqual(full);
    expect(parseProfileUrl(path, 'https://www.linkedin.com/feed/')).toEqual(full);
  });

  it('takes no shortcut for links a URL parser would rewrite, or relative to another site', () => {
    expect(parseProfileUrl('https://www.linkedin.com/in/ana/../bo-li/')).toEqual({
      kind: 'slug',
      slug: 'bo-li',
    });
    expect(parseProfileUrl('/in/ana/', 'https://example.com/')).toBeNull();
    expect(parseProfileUrl('/in/ana/')).toBeNull();
  });
});
