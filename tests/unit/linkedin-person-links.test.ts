// @vitest-environment happy-dom
// Finding the people listed on a page: exactly each card's main person, in page order, beside the name,
// never a mutual connection, a company, or the viewer; and fast enough for long lists.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findPersonLinks, type PersonLink } from '../../utils/linkedin/person-links';
import { findViewerSlug } from '../../utils/linkedin/viewer';

type ExpectedPerson = { slug: string; name: string } | { memberId: string; name: string };

interface ListFixture {
  file: string;
  url: string;
  kind: 'profile' | 'search' | 'connections' | 'feed' | 'messaging';
  expected?: { slug: string; memberId: string | null };
  expectedPeople: ExpectedPerson[];
  viewerSlug: string | null;
}

// Node's own path helpers: under happy-dom the global URL is the DOM's, which fs does not accept.
const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/linkedin');
const fixtures: ListFixture[] = JSON.parse(readFileSync(join(FIXTURES, 'fixtures.json'), 'utf8'));
const lists = fixtures.filter((f) => f.expectedPeople !== undefined);

function load(file: string): Document {
  return new DOMParser().parseFromString(readFileSync(join(FIXTURES, file), 'utf8'), 'text/html');
}

const keyOf = (link: PersonLink): string => (link.ref.kind === 'slug' ? link.ref.slug : link.ref.memberId);
const expectedKey = (person: ExpectedPerson): string => ('slug' in person ? person.slug : person.memberId);

/** On a profile page the content script skips the profile's own person (the badge covers it). */
function others(fixture: ListFixture, links: PersonLink[]): PersonLink[] {
  const own = [fixture.expected?.slug, fixture.expected?.memberId].filter(Boolean);
  return links.filter((link) => !own.includes(keyOf(link)));
}

describe.each(lists.map((f) => [f.file, f] as const))('findPersonLinks on %s', (_, fixture) => {
  const found = (): PersonLink[] => others(fixture, findPersonLinks(load(fixture.file), fixture.viewerSlug));

  it('finds each card’s main person once, in page order', () => {
    expect(found().map(keyOf)).toEqual(fixture.expectedPeople.map(expectedKey));
  });

  it('returns the name link, so the dot sits beside the name', () => {
    const links = found();
    fixture.expectedPeople.forEach((person, i) => {
      const link = links[i];
      expect(link?.element.getAttribute('aria-hidden')).not.toBe('true');
      expect(link?.element.textContent?.replace(/\s+/g, ' ')).toContain(person.name);
    });
  });

  it('returns each element once, and only /in/ links', () => {
    const links = found();
    expect(new Set(links.map((l) => l.element)).size).toBe(links.length);
    for (const link of links) expect(link.element.getAttribute('href')).toContain('/in/');
  });

  it('never returns the viewer', () => {
    const viewer = findViewerSlug(load(fixture.file));
    expect(viewer).toBe(fixture.viewerSlug);
    const all = findPersonLinks(load(fixture.file), viewer);
    expect(all.map(keyOf)).not.toContain('marta-quintana-rios');
  });
});

describe('findPersonLinks exclusions', () => {
  it('ignores mutual connections and insight links inside search results', () => {
    const keys = findPersonLinks(load('search-2025.html'), 'marta-quintana-rios').map(keyOf);
    // Mutual connections named only inside other people's cards.
    expect(keys).not.toContain('ACoAAM1nO2pQ3rS4tU5vW6xY7zA8bC9dE0fG1hI');
    expect(keys).not.toContain('ACoAAM2oP3qR4sT5uV6wX7yZ8aB9cD0eF1gH2iJ');
    // "Provides services" links Beatriz again, by member id: still one person.
    expect(keys).not.toContain('ACoAAK1aB2cD3eF4gH5iJ6kL7mN8oP9qR0sT1uV');
    // Inês is a main result and, later, someone else's mutual connection: counted once.
    expect(keys.filter((k) => k === 'ines-carvalho-moura')).toHaveLength(1);
  });

  it('ignores feed headers, mentions, comments and company posts', () => {
    const keys = findPersonLinks(load('feed-2025.html'), 'marta-quintana-rios').map(keyOf);
    for (const notAuthor of [
      'nerea-gil-soler',
      'oriol-puig-batlle',
      'hector-lozano-beltran-4b2a91',
      'ACoAAM1nO2pQ3rS4tU5vW6xY7zA8bC9dE0fG1hI',
    ]) {
      expect(keys).not.toContain(notAuthor);
    }
  });

  it('drops the viewer’s own post only because of viewerSlug', () => {
    const keys = findPersonLinks(load('feed-2025.html'), null).map(keyOf);
    expect(keys).toContain('marta-quintana-rios');
    expect(keys).not.toContain('oriol-puig-batlle');
  });

  it('ignores the message list in messaging (its sender links include the viewer by member id)', () => {
    const keys = findPersonLinks(load('messaging-2025.html'), 'marta-quintana-rios').map(keyOf);
    expect(keys).not.toContain('ACoAAP1vW2xY3zA4bC5dE6fG7hI8jK9lM0nO1pQ');
    expect(keys).not.toContain('oriol-puig-batlle');
  });

  it('works on a subtree as well as on the whole document', () => {
    const doc = load('search-2025.html');
    const list = doc.querySelector('ul[role="list"]') as Element;
    const first = list.querySelector('li') as Element;
    expect(findPersonLinks(first).map(keyOf)).toEqual(['beatriz-ochoa-lima']);
  });

  it('takes a photo linked by member id and a name linked by slug as one person', () => {
    document.body.innerHTML = `<ul><li>
      <a href="https://www.linkedin.com/in/ACoAAB1cD2eF3gH4iJ5kL6mN7oP8qR9sT0uVwXy"><img alt=""></a>
      <a href="/in/lucia-fernandez-ortega/">Lucía Fernández Ortega</a>
      <a href="/in/ACoAAZ9yX8wV7uT6sR5qP4oN3mL2kJ1iH0gF9eD">Someone she mentions</a>
    </li></ul>`;
    const [only, ...rest] = findPersonLinks(document);
    expect(rest).toEqual([]);
    expect(only?.ref).toEqual({ kind: 'slug', slug: 'lucia-fernandez-ortega' });
    expect(only?.element.textContent).toBe('Lucía Fernández Ortega');
  });

  it('ignores links to sub-pages and non-person pages', () => {
    document.body.innerHTML = `<ul>
      <li><a href="/in/ana-lopez/recent-activity/all/">Activity</a></li>
      <li><a href="https://www.linkedin.com/company/acme/">Acme</a> <a href="/in/ana-lopez/">Ana López</a></li>
      <li><a href="https://www.linkedin.com/school/uni/?x=/in/nobody">Uni</a></li>
      <li><a href="https://es.linkedin.com/in/leon-zalosny/en/">León Zalosny</a></li>
    </ul>`;
    expect(findPersonLinks(document).map(keyOf)).toEqual(['ana-lopez', 'leon-zalosny']);
  });
});

describe('findPersonLinks on the 2026 server-driven feed', () => {
  // Loaded directly until fixtures.json lists it (its viewerSlug is null: no address there names the viewer).
  const FEED = 'feed-2026-sdui.html';
  const AUTHORS = [
    { slug: 'aitana-berrocal-vidal-2b7c41', name: 'Aitana Berrocal Vidal' },
    { slug: 'dalia-okonjo-ferrer-5a91b3', name: 'Dalia Okonjo Ferrer' },
    { slug: 'germán-nsue-obiang', name: 'Germán Nsue Obiang' },
    // The plain repost: its author again, under "Bruno Caldeira Sá reposted this".
    { slug: 'aitana-berrocal-vidal-2b7c41', name: 'Aitana Berrocal Vidal' },
    // The repost with words: the resharer, whose post it is.
    { slug: 'selma-haddou-prieto', name: 'Selma Haddou Prieto' },
  ];
  const posts = (doc: Document): Element[] => [...doc.querySelectorAll('[role="listitem"]')];
  const postOf = (link: PersonLink): Element | null => link.element.closest('[role="listitem"]');

  it('yields each post’s author once, in page order, at the name link', () => {
    const links = findPersonLinks(load(FEED), null);
    expect(links.map(keyOf)).toEqual(AUTHORS.map((a) => a.slug));
    links.forEach((link, i) => {
      expect(link.element.getAttribute('aria-hidden')).not.toBe('true');
      expect(link.element.textContent).toContain(AUTHORS[i]?.name);
    });
    expect(new Set(links.map(postOf)).size).toBe(links.length);
  });

  it('never takes a social line’s person, a commenter or a mention for the author', () => {
    const keys = findPersonLinks(load(FEED), null).map(keyOf);
    for (const notAuthor of [
      // "commented on this" (and a comment of his), "likes this", "reposted this", "… follow Cooperativa Alba".
      'joaquin-esparza-luna',
      'tomas-ribeiro-paiva',
      'bruno-caldeira-sa',
      'paula-deus-lago',
      'iker-zubiri-etxe',
      // Commenters, and people mentioned in posts and comments.
      'ines-albarran-soto',
      'leire-mugica-sanz',
      'rocio-amat-perez',
      // The original author inside Selma's repost with words, also mentioned in her text.
      'orlando-vives-quiroga-8c3d',
    ]) {
      expect(keys).not.toContain(notAuthor);
    }
  });

  it('marks an author in each post of theirs, not where they only comment or are mentioned', () => {
    const doc = load(FEED);
    const all = posts(doc);
    const postsOf = (slug: string): number[] =>
      findPersonLinks(doc, null)
        .filter((link) => keyOf(link) === slug)
        .map((link) => all.indexOf(postOf(link) as Element));
    // Aitana: her own post and her post that Bruno reposted; only mentioned in Germán's.
    expect(postsOf('aitana-berrocal-vidal-2b7c41')).toEqual([0, 3]);
    // Dalia: her post; only a commenter under Talleres Bolaño's.
    expect(postsOf('dalia-okonjo-ferrer-5a91b3')).toEqual([1]);
  });

  it('yields nobody for a post by a company, whoever its social line, text and comments name', () => {
    const [promoted, companyPost] = posts(load(FEED)).slice(5);
    expect(findPersonLinks(promoted as Element, null)).toEqual([]);
    expect(findPersonLinks(companyPost as Element, null)).toEqual([]);
  });

  it('leaves out the viewer’s left rail, share box and comment without being told who the viewer is', () => {
    const doc = load(FEED);
    expect(findViewerSlug(doc)).toBeNull();
    expect(findPersonLinks(doc, null).map(keyOf)).not.toContain('marta-quintana-rios');
  });

  it('reads a post added on its own (a subtree root) as it reads the whole feed', () => {
    const doc = load(FEED);
    const [, commented] = posts(doc);
    expect(findPersonLinks(commented as Element, null).map(keyOf)).toEqual(['dalia-okonjo-ferrer-5a91b3']);
    const comments = doc.querySelector('[componentkey^="commentsSectionContainer"]') as Element;
    expect(findPersonLinks(comments, null)).toEqual([]);
    const shareBox = doc.querySelector('[data-testid="mainFeed"] > div') as Element;
    expect(shareBox.querySelector('a[href*="/in/marta-quintana-rios/"]')).not.toBeNull();
    expect(findPersonLinks(shareBox, null)).toEqual([]);
  });

  it('knows a post by its FeedType key on the card or only on its wrapper (later 2026 builds)', () => {
    const doc = load(FEED);
    for (const post of posts(doc)) {
      const key = post.getAttribute('componentkey') ?? '';
      post.removeAttribute('componentkey');
      post.parentElement?.setAttribute('componentkey', key.replace(/^expanded/, 'update-card-focus'));
    }
    expect(findPersonLinks(doc, null).map(keyOf)).toEqual(AUTHORS.map((a) => a.slug));
  });

  it('still takes a name inside a paragraph outside a post', () => {
    document.body.innerHTML = `<div role="list"><div role="listitem">
      <a href="/in/nora-pizarro-gil/"><figure><img alt=""></figure></a>
      <p><a href="/in/nora-pizarro-gil/">Nora Pizarro Gil</a></p>
    </div></div>`;
    const [only, ...rest] = findPersonLinks(document);
    expect(rest).toEqual([]);
    expect(only?.element.textContent).toBe('Nora Pizarro Gil');
  });
});

describe('findPersonLinks performance', () => {
  function syntheticList(cards: number): Document {
    const items: string[] = [];
    for (let i = 0; i < cards; i++) {
      const href = `https://www.linkedin.com/in/person-${i}?miniProfileUrn=urn%3Ali%3Afs_miniProfile%3Ax`;
      items.push(`<li><div data-view-name="search-entity-result-universal-template">
        <a aria-hidden="true" tabindex="-1" href="${href}"><img alt=""><span class="visually-hidden">Status is offline</span></a>
        <div><span><a href="${href}"><span aria-hidden="true">Person ${i}</span><span class="visually-hidden">View</span></a></span></div>
        <div class="entity-result__insights"><a href="/in/ACoAAmutualAAAAAAAAAAAAAAAAAAAAAAAAA${i % 10}">Mutual</a>
        <a href="/search/results/people/?facetConnectionOf=x">12 other mutual connections</a></div>
      </div></li>`);
    }
    const doc = document.implementation.createHTMLDocument('Search | LinkedIn');
    doc.body.innerHTML = `<main><ul role="list">${items.join('')}</ul></main>`;
    return doc;
  }

  it('finds 100 cards’ people in well under 5 ms on average', () => {
    const doc = syntheticList(100);
    // Warm up first: the guard is about steady-state cost, not the JIT's first pass.
    for (let i = 0; i < 3; i++) expect(findPersonLinks(doc)).toHaveLength(100);
    const times: number[] = [];
    for (let i = 0; i < 40; i++) {
      const start = performance.now();
      findPersonLinks(doc);
      times.push(performance.now() - start);
    }
    // The slowest fifth are garbage-collection pauses of the test process, not this code's cost.
    const kept = times.sort((a, b) => a - b).slice(0, 32);
    const average = kept.reduce((sum, t) => sum + t, 0) / kept.length;
    expect(average).toBeLessThan(5);
  });
});
