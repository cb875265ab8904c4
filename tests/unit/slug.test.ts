import { describe, expect, it } from 'vitest';
import { slugSchema } from '../../storage/schemas';
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
  // Any character but / ? #, %, whitespace and controls is a slug character: even these.
  ['encoded angle brackets', 'https://www.linkedin.com/in/%3Cscript%3E/', slug('<script>')],
  ['raw angle bracket', 'https://www.linkedin.com/in/john>doe/', slug('john>doe')],
  ['encoded double quote', 'https://www.linkedin.com/in/john%22doe/', slug('john"doe')],
  ['raw single quote', "https://www.linkedin.com/in/john'doe/", slug("john'doe")],
  [
    'a dot-segment before the slug stays in /in/',
    'https://www.linkedin.com/in/./john-doe/',
    slug('john-doe'),
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
  ['encoded slash in slug', 'https://www.linkedin.com/in/john%2Fdoe/', null],
  ['lower-case encoded slash in slug', 'https://www.linkedin.com/in/john%2fdoe/', null],
  ['hyphens only', 'https://www.linkedin.com/in/---/', null],
  ['a dot-segment before the slug goes up a level', 'https://www.linkedin.com/in/../john-doe/', null],
  ['an encoded dot-segment before the slug', 'https://www.linkedin.com/in/%2E%2E/john-doe/', null],
  ['a dot-segment after the slug leaves /in/', 'https://www.linkedin.com/in/john-doe/..', null],
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
    ['apostrophe', 'Sean-O’Connor', 'sean-o’connor'],
    ['symbols', '♛Queen-Bee♛', '♛queen-bee♛'],
    ['encoded slash', 'john%2Fdoe', null],
    // U+0958 is excluded from composition: NFC spells it as two units, making a 3-unit slug.
    ['a slug that NFC lengthens to 3 units', '\u0958a', '\u0915\u093Ca'],
  ] as const)('%s', (_form, raw, expected) => {
    expect(canonicalSlug(raw)).toBe(expected);
  });

  it.each([
    'John-DOE',
    'JOS%C3%89',
    'İstanbul-dev',
    'ΆΙ\u0345-name',
    'STRAẞE-müller',
    'T\u0308-test',
    'ΟΔΥΣΣΕΑΣ',
    'ǅemal-Ǆ',
    'Ｆｕｌｌ-ＷＩＤＴＨ',
    '🚀ROCKET',
    'K\u212A-kelvin',
  ])('gives %s a form that is stable and passes storage’s canonical-slug check', (raw) => {
    const once = canonicalSlug(raw);
    expect(once).not.toBeNull();
    const value = once!;
    expect(canonicalSlug(value)).toBe(value);
    expect(value).toBe(value.normalize('NFC').toLowerCase());
    expect(slugSchema.safeParse(value).success).toBe(true);
  });
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
  // What encodeURIComponent and URL parsers leave unescaped in a path, dot-segments among them.
  const marked = [
    "O'Brien",
    '~jdoe~',
    'j.r.r.tolkien',
    'yes!-ana*(dev)',
    '.',
    '..',
    '...',
    '.abc',
    'abc.',
    "'''",
  ];
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
  const markedCases = marked.flatMap((slug) =>
    [...tails, '/..', '/../', '/./', '/./x', '/.x'].map((tail) => `/in/${slug}${tail}`),
  );

  it.each([...cases, ...markedCases])('%s', (path) => {
    const full = parseProfileUrl(`https://WWW.linkedin.com${path}`);
    expect(parseProfileUrl(`https://www.linkedin.com${path}`)).toEqual(full);
    expect(parseProfileUrl(path, 'https://www.linkedin.com/feed/')).toEqual(full);
  });

  it('reads the marked forms as their slugs, and dot-segments as a URL parser does', () => {
    const base = 'https://www.linkedin.com/feed/';
    expect(parseProfileUrl("/in/O'Brien/", base)).toEqual(slug("o'brien"));
    expect(parseProfileUrl('/in/yes!-ana*(dev)?trk=x', base)).toEqual(slug('yes!-ana*(dev)'));
    expect(parseProfileUrl('/in/./abc/', base)).toEqual(slug('abc'));
    expect(parseProfileUrl('/in/../abc/', base)).toBeNull();
    expect(parseProfileUrl('/in/abc./', base)).toEqual(slug('abc.'));
    expect(parseProfileUrl('/in/.../', base)).toBeNull();
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

describe('every real slug', () => {
  // Real exports and pages have slugs with apostrophes, symbols, emoji and every script: each form
  // must give one key, agree with canonicalSlug and the storage schema, and survive profileUrl().
  const forms: [form: string, url: string, canonical: string][] = [
    [
      'typographic apostrophe, raw',
      'https://www.linkedin.com/in/sean-o’connor-3b2a1c/',
      'sean-o’connor-3b2a1c',
    ],
    [
      'typographic apostrophe, encoded, with a sub-page',
      'https://www.linkedin.com/in/Sean-O%E2%80%99Connor-3b2a1c/overlay/contact-info/',
      'sean-o’connor-3b2a1c',
    ],
    ['ASCII apostrophe, upper case', "https://www.linkedin.com/in/O'Brien-Kate/", "o'brien-kate"],
    ['ASCII apostrophe, encoded', 'https://ie.linkedin.com/in/o%27brien-kate', "o'brien-kate"],
    ['infinity sign, encoded', 'https://www.linkedin.com/in/%E2%99%BEmaria-infinite', '♾maria-infinite'],
    [
      'cloud, on a country subdomain',
      'https://es.linkedin.com/in/cloud-%E2%98%81-architect/',
      'cloud-☁-architect',
    ],
    ['chess queen, raw, at both ends', 'http://www.linkedin.com/in/♛Queen-Bee♛/', '♛queen-bee♛'],
    ['tildes', 'https://www.linkedin.com/in/~jdoe~/', '~jdoe~'],
    ['dots', 'https://www.linkedin.com/in/j.r.r.tolkien/', 'j.r.r.tolkien'],
    ['! * and parentheses', 'https://www.linkedin.com/in/yes!-ana*(dev)?trk=x', 'yes!-ana*(dev)'],
    ['& + , : ; = @ $ raw', 'https://www.linkedin.com/in/r&d+ops,lead:a;b=c@d$e', 'r&d+ops,lead:a;b=c@d$e'],
    ['[ ] | ^ raw', 'https://www.linkedin.com/in/[dev]|^ops/', '[dev]|^ops'],
    ['quotes, backslash and braces, encoded', 'https://www.linkedin.com/in/%22q%22%5C%7Bx%7D', '"q"\\{x}'],
    [
      'rocket emoji (astral plane), encoded',
      'https://www.linkedin.com/in/%F0%9F%9A%80Rocket-Rita',
      '🚀rocket-rita',
    ],
    ['emoji ZWJ sequence, raw', 'https://www.linkedin.com/in/ada-👩‍💻/', 'ada-👩‍💻'],
    [
      'combining marks, decomposed and upper case',
      'https://www.linkedin.com/in/ZOE\u0308-Mu\u0308ller',
      'zoë-müller',
    ],
    [
      'Greek capitals, final sigma',
      `https://gr.linkedin.com/in/${encodeURIComponent('ΟΔΥΣΣΕΑΣ-ΠΑΠΑΣ')}/`,
      'οδυσσεας-παπας',
    ],
    ['Turkish dotted capital I', 'https://tr.linkedin.com/in/%C4%B0LKER-YILMAZ', 'i\u0307lker-yilmaz'],
    ['Arabic, encoded', `https://ae.linkedin.com/in/${encodeURIComponent('محمد-علي-٣')}`, 'محمد-علي-٣'],
    ['CJK with a middle dot, raw', 'https://www.linkedin.com/in/李明·beijing/', '李明·beijing'],
    [
      'Hangul, decomposed',
      `https://kr.linkedin.com/in/${encodeURIComponent('김민준'.normalize('NFD'))}`,
      '김민준',
    ],
    ['full-width letters', 'https://www.linkedin.com/in/ＡＢＣ-ｓｔｕｄｉｏ', 'ａｂｃ-ｓｔｕｄｉｏ'],
    ['lower-case hex escapes', 'https://www.linkedin.com/in/jos%c3%a9-%e2%99%be', 'josé-♾'],
    ['upper-case everything, with symbols', 'HTTPS://WWW.LINKEDIN.COM/IN/MARY-JANE~(MJ)', 'mary-jane~(mj)'],
    ['no scheme, no trailing slash', 'linkedin.com/in/o’neill-☁', 'o’neill-☁'],
  ];

  it.each(forms)('%s', (_form, url, canonical) => {
    expect(parseProfileUrl(url)).toEqual(slug(canonical));
    const segment = /\/in\/([^/?#]+)/i.exec(url)![1]!;
    expect(canonicalSlug(segment)).toBe(canonical);
    expect(canonicalSlug(canonical)).toBe(canonical);
    expect(slugSchema.safeParse(canonical).success).toBe(true);
    const canonicalUrl = profileUrl(canonical);
    expect(profileUrl(segment)).toBe(canonicalUrl);
    expect(parseProfileUrl(canonicalUrl)).toEqual(slug(canonical));
    expect(parseProfileUrl(new URL(canonicalUrl).pathname, FEED)).toEqual(slug(canonical));
  });

  const refused: [form: string, segment: string][] = [
    ['encoded slash', 'ana%2Fbo'],
    ['encoded question mark', 'ana%3Fbo'],
    ['encoded hash', 'ana%23bo'],
    ['encoded percent sign (it would decode again)', 'ana%25bo'],
    ['encoded space', 'ana%20bo'],
    ['encoded tab', 'ana%09bo'],
    ['no-break space', 'ana%C2%A0bo'],
    ['ideographic space', 'ana%E3%80%80bo'],
    ['line separator', 'ana%E2%80%A8bo'],
    ['byte order mark', 'ana%EF%BB%BFbo'],
    ['NUL', 'ana%00bo'],
    ['unit separator', 'ana%1Fbo'],
    ['DEL', 'ana%7Fbo'],
    ['next line (C1)', 'ana%C2%85bo'],
    ['application program command (C1)', 'ana%C2%9Fbo'],
    ['lone high surrogate escape', 'ana%ED%A0%80bo'],
    ['lone low surrogate escape', 'ana%ED%B0%80bo'],
    ['replacement character', 'ana%EF%BF%BDbo'],
    ['symbols only', '%E2%99%BE%E2%99%BE%E2%99%BE'],
    ['marks only', '~~~'],
    ['dots only', '...'],
  ];

  it.each(refused)('refuses %s', (_form, segment) => {
    expect(parseProfileUrl(`https://www.linkedin.com/in/${segment}/`)).toBeNull();
    expect(parseProfileUrl(`/in/${segment}`, FEED)).toBeNull();
    expect(canonicalSlug(segment)).toBeNull();
    const decoded = decodeURIComponentOrNull(segment);
    if (decoded !== null) {
      expect(slugSchema.safeParse(decoded).success).toBe(false);
      expect(canonicalSlug(decoded)).toBeNull();
    }
  });

  it('refuses raw lone surrogates, whitespace and controls given as slugs', () => {
    for (const raw of [
      'ana\uD800bo',
      'ana\uDC00bo',
      'ana\u00A0bo',
      'ana\u3000bo',
      'ana\u0085bo',
      'ana\u0000bo',
    ])
      expect(canonicalSlug(raw)).toBeNull();
    // A URL parser turns a lone surrogate into U+FFFD, which is no one's slug either.
    expect(parseProfileUrl('https://www.linkedin.com/in/\uD800abc/')).toBeNull();
  });

  it('stores exactly the slugs canonicalSlug gives', () => {
    for (const bad of [
      'John-Doe',
      'jose\u0301',
      'ana%41bo',
      '---',
      'john doe',
      'a/b',
      MEMBER_ID,
      'ab',
      'a'.repeat(101),
    ])
      expect(slugSchema.safeParse(bad).success).toBe(false);
    // Lengths are UTF-16 units: two astral letters are four, a slug; 101 units are too many.
    expect(slugSchema.safeParse('𠀀𠀁').success).toBe(true);
    expect(slugSchema.safeParse(`${'a'.repeat(99)}𠀀`).success).toBe(false);
    // Strings drawn from characters that test every rule: each canonical form is a fixed point the
    // schema takes and profileUrl() round-trips; whatever canonicalSlug refuses, the schema refuses.
    const pool = [
      ...'aZ09-_.~!*\'()&+,:;=@$[]|^"<>{}\\`%/?# ',
      ...'’♾☁♛🚀\u200D\u0301\u0307\u0345İIΣΆẞǅＡ\u212A\u0958ᄀ\u1161\u00A0\u0085\u0000\u007F\uFFFD\uFEFF𠀀',
      '\uD800',
      '\uDC00',
    ];
    let seed = 7;
    const next = () => {
      seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
      return seed >>> 8;
    };
    let accepted = 0;
    for (let i = 0; i < 3000; i++) {
      const raw = Array.from({ length: 2 + (next() % 8) }, () => pool[next() % pool.length]).join('');
      const canonical = canonicalSlug(raw);
      expect(slugSchema.safeParse(raw).success).toBe(canonical === raw);
      if (canonical === null) continue;
      accepted++;
      expect(canonicalSlug(canonical)).toBe(canonical);
      expect(slugSchema.safeParse(canonical).success).toBe(true);
      expect(parseProfileUrl(profileUrl(canonical))).toEqual(slug(canonical));
    }
    expect(accepted).toBeGreaterThan(300);
  });
});

function decodeURIComponentOrNull(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}
