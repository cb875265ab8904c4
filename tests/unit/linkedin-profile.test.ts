// @vitest-environment happy-dom
// Reading a profile page: every era's fixture gives the right person, and a page that shows someone else
// (LinkedIn's in-page navigation swaps content after the URL) gives nothing.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findBadgeAnchor, readProfile } from '../../utils/linkedin/profile';
import { findViewerSlug } from '../../utils/linkedin/viewer';

interface ProfileFixture {
  file: string;
  url: string;
  kind: 'profile';
  era: string;
  expected: {
    slug: string;
    name: string;
    headline: string | null;
    company: string | null;
    photo: boolean;
    memberId: string | null;
  };
  viewerSlug: string | null;
}

// Node's own path helpers: under happy-dom the global URL is the DOM's, which fs does not accept.
const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/linkedin');
const all: { kind: string }[] = JSON.parse(readFileSync(join(FIXTURES, 'fixtures.json'), 'utf8'));
const profiles = all.filter((f): f is ProfileFixture => f.kind === 'profile');
const byFile = (file: string): ProfileFixture => {
  const fixture = profiles.find((f) => f.file === file);
  if (!fixture) throw new Error(`no fixture ${file}`);
  return fixture;
};

function load(file: string): Document {
  const html = readFileSync(join(FIXTURES, file), 'utf8');
  return new DOMParser().parseFromString(html, 'text/html');
}

/** What a sighted reader sees of an element (screen-reader-only spans removed). */
function seen(element: Element): string {
  const copy = element.cloneNode(true) as Element;
  for (const hidden of copy.querySelectorAll('.visually-hidden, .a11y-text')) hidden.remove();
  return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
}

describe('fixtures', () => {
  it.each(profiles.map((f) => [f.file, f] as const))(
    '%s has a readable title and LinkedIn-shaped URL',
    (_, f) => {
      const doc = load(f.file);
      expect(doc.title).toMatch(/\| LinkedIn$/);
      expect(f.url).toBe(`https://www.linkedin.com/in/${f.expected.slug}/`);
    },
  );
});

describe.each(profiles.map((f) => [f.file, f] as const))('readProfile on %s', (_, fixture) => {
  const { expected } = fixture;

  it('reads the slug, name, headline, company and member id', () => {
    const snapshot = readProfile(load(fixture.file), fixture.url);
    expect(snapshot).not.toBeNull();
    expect(snapshot?.slug).toBe(expected.slug);
    expect(snapshot?.name).toBe(expected.name);
    expect(snapshot?.headline ?? null).toBe(expected.headline);
    expect(snapshot?.company ?? null).toBe(expected.company);
    expect(snapshot?.memberId ?? null).toBe(expected.memberId);
  });

  it(
    expected.photo ? 'reads the profile photo, not the viewer’s nor a face pile’s' : 'reports no photo',
    () => {
      const photoUrl = readProfile(load(fixture.file), fixture.url)?.photoUrl;
      if (!expected.photo) {
        expect(photoUrl).toBeUndefined();
        return;
      }
      expect(photoUrl).toMatch(/^https:\/\/media\.licdn\.com\/dms\/image\/.*profile-displayphoto/);
      expect(photoUrl).not.toMatch(/VIEWER|FACEPILE/);
    },
  );

  it('never returns the viewer’s name', () => {
    const snapshot = readProfile(load(fixture.file), fixture.url);
    expect(snapshot?.name).not.toContain('Marta Quintana');
  });

  it(
    fixture.file === 'profile-no-anchor.html'
      ? 'finds no badge anchor once the name heading is gone'
      : 'finds the name heading as the badge anchor',
    () => {
      const anchor = findBadgeAnchor(load(fixture.file));
      if (fixture.file === 'profile-no-anchor.html') {
        expect(anchor).toBeNull();
        return;
      }
      expect(anchor?.tagName).toMatch(/^H[12]$/);
      expect(seen(anchor as Element)).toBe(expected.name);
    },
  );

  it('returns null when the URL names someone the page does not show', () => {
    const doc = load(fixture.file);
    expect(readProfile(doc, 'https://www.linkedin.com/in/someone-else-entirely/')).toBeNull();
  });

  it('accepts the same person under any spelling of the URL', () => {
    const doc = load(fixture.file);
    const slug = encodeURIComponent(expected.slug);
    for (const url of [
      `https://es.linkedin.com/in/${slug}`,
      `https://www.linkedin.com/in/${slug.toUpperCase()}/?originalSubdomain=es`,
      `https://www.linkedin.com/in/${slug}/overlay/contact-info/`,
    ]) {
      expect(readProfile(doc, url)?.name, url).toBe(expected.name);
    }
  });

  it('finds the viewer’s own slug from the nav or the page’s structure', () => {
    expect(findViewerSlug(load(fixture.file))).toBe(fixture.viewerSlug);
  });
});

describe('readProfile and in-page navigation', () => {
  const first = byFile('profile-2026-sdui.html');
  const second = byFile('profile-2026-second.html');

  it('returns null while the page still shows the previous person', () => {
    expect(readProfile(load(first.file), second.url)).toBeNull();
    expect(readProfile(load(second.file), first.url)).toBeNull();
  });

  it('reads the new person once the content has swapped, even if the title still names the old one', () => {
    const doc = load(second.file);
    doc.title = load(first.file).title;
    expect(readProfile(doc, second.url)?.name).toBe(second.expected.name);
  });

  it('returns null when the top card is not there yet', () => {
    const doc = load(first.file);
    for (const card of doc.querySelectorAll('[componentkey$="Topcard"]')) card.remove();
    expect(readProfile(doc, first.url)).toBeNull();
  });

  it('returns null for a URL that is not a profile', () => {
    expect(readProfile(load(first.file), 'https://www.linkedin.com/feed/')).toBeNull();
    expect(readProfile(load(first.file), 'https://www.linkedin.com/company/fjordlight/')).toBeNull();
  });
});

describe('readProfile with a member-id URL', () => {
  it('accepts the top card and reports the slug the page shows', () => {
    const fixture = byFile('profile-2026-sdui.html');
    const id = fixture.expected.memberId as string;
    const snapshot = readProfile(load(fixture.file), `https://www.linkedin.com/in/${id}/`);
    expect(snapshot).toMatchObject({
      slug: fixture.expected.slug,
      memberId: id,
      name: fixture.expected.name,
    });
  });

  it('accepts a page whose top card carries no member id', () => {
    const fixture = byFile('profile-public.html');
    const id = 'ACoAAZ9yX8wV7uT6sR5qP4oN3mL2kJ1iH0gF9eD';
    expect(readProfile(load(fixture.file), `https://www.linkedin.com/in/${id}`)).toMatchObject({
      memberId: id,
      name: fixture.expected.name,
    });
  });

  it('refuses a top card that carries a different member id', () => {
    const fixture = byFile('profile-2025.html');
    const other = 'ACoAAZ9yX8wV7uT6sR5qP4oN3mL2kJ1iH0gF9eD';
    expect(readProfile(load(fixture.file), `https://www.linkedin.com/in/${other}/`)).toBeNull();
  });
});

describe('readProfile name fallbacks', () => {
  const fixture = byFile('profile-no-anchor.html');

  it.each([
    ['(3) Rafael Ortiz Campos | LinkedIn'],
    ['(99+) Rafael Ortiz Campos | LinkedIn'],
    ['Rafael Ortiz Campos | LinkedIn'],
    ['Rafael Ortiz Campos - Lumen Legal | LinkedIn'],
  ])('takes the name from the title %j', (title) => {
    const doc = load(fixture.file);
    doc.title = title;
    expect(readProfile(doc, fixture.url)?.name).toBe('Rafael Ortiz Campos');
  });

  it('keeps hyphens that belong to the name', () => {
    const doc = load(fixture.file);
    doc.title = '(3) Rafael Ortiz-Campos | LinkedIn';
    expect(readProfile(doc, fixture.url)?.name).toBe('Rafael Ortiz-Campos');
  });

  it('strips visually hidden text and degree markers inside the heading', () => {
    const f = byFile('profile-2025.html');
    const doc = load(f.file);
    const h1 = doc.querySelector('section[data-member-id] h1') as Element;
    h1.insertAdjacentHTML('beforeend', ' <span class="visually-hidden">Status is offline</span> · 2nd ');
    expect(readProfile(doc, f.url)?.name).toBe(f.expected.name);
  });

  it('falls back to the photo’s name when the heading is empty', () => {
    const f = byFile('profile-2024.html');
    const doc = load(f.file);
    (doc.querySelector('section[data-member-id] h1') as Element).textContent = '';
    doc.title = 'LinkedIn';
    expect(readProfile(doc, f.url)?.name).toBe(f.expected.name);
  });
});

describe('readProfile company', () => {
  it('does not report the school as the company when it is the only entry', () => {
    const f = byFile('profile-2024.html');
    const doc = load(f.file);
    const [company] = doc.querySelectorAll('section[data-member-id] li > button');
    company?.closest('li')?.remove();
    const snapshot = readProfile(doc, f.url);
    expect(snapshot?.name).toBe(f.expected.name);
    expect(snapshot?.company).toBeUndefined();
  });
});
