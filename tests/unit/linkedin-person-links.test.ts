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
