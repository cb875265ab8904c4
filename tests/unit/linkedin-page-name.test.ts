// @vitest-environment happy-dom
// Pages without a top card we know still name their person: the page's own statements first (title,
// og:title, JSON-LD), then its main heading, last the slug made readable.
import { describe, expect, it } from 'vitest';
import {
  fallbackAnchor,
  isProfileSubPage,
  mainHeading,
  nameFromSlug,
  nameFromTitle,
  statedName,
} from '../../utils/linkedin/page-name';
import { afterControls } from '../../utils/linkedin/profile';

function page(head: string, body: string): Document {
  return new DOMParser().parseFromString(
    `<html><head>${head}</head><body>${body}</body></html>`,
    'text/html',
  );
}

const SLUG = 'marina-oyarzun-12ab34';
const TITLE = '<title>(3) Activity | Marina Oyarzún Díaz | LinkedIn</title>';
const OG = '<meta property="og:title" content="Marina O. Díaz - Ferrovial | LinkedIn">';
const LD =
  '<script type="application/ld+json">{"@context":"http://schema.org","@graph":[{"@type":"WebPage"},{"@type":"Person","name":"Marina (LD) Oyarzún"}]}</script>';
const MAIN = '<main><h2>All activity</h2><h1>Marina Heading</h1></main>';

describe('the name a page states, in order of trust', () => {
  it('takes the title first', () => {
    expect(statedName(page(TITLE + OG + LD, MAIN), SLUG)).toBe('Marina Oyarzún Díaz');
  });
  it('then og:title', () => {
    expect(statedName(page(OG + LD, MAIN), SLUG)).toBe('Marina O. Díaz');
  });
  it('then the JSON-LD Person', () => {
    expect(statedName(page(`<title>LinkedIn</title>${LD}`, MAIN), SLUG)).toBe('Marina (LD) Oyarzún');
  });
  it('then the main landmark’s first h1 (before any h2)', () => {
    expect(statedName(page('<title>LinkedIn</title>', MAIN), SLUG)).toBe('Marina Heading');
    expect(statedName(page('', '<div role="main"><h2> Only h2 · 2nd </h2></div>'), SLUG)).toBe('Only h2');
  });
  it('last the slug, made readable without LinkedIn’s suffix', () => {
    expect(statedName(page('<title>LinkedIn</title>', '<main><p>nothing</p></main>'), SLUG)).toBe(
      'Marina Oyarzun',
    );
  });
  it('skips the head’s statements just after an in-page navigation', () => {
    expect(statedName(page(TITLE + OG + LD, MAIN), SLUG, false)).toBe('Marina Heading');
  });
  it('survives broken JSON-LD', () => {
    const doc = page('<script type="application/ld+json">{not json</script>', '');
    expect(statedName(doc, 'ana-ruiz')).toBe('Ana Ruiz');
  });
});

describe('titles', () => {
  it.each([
    ['(3) Activity | Rafael Ortiz Campos | LinkedIn', 'Rafael Ortiz Campos'],
    ['(99+) Rafael Ortiz Campos | LinkedIn', 'Rafael Ortiz Campos'],
    ['Rafael Ortiz Campos | LinkedIn', 'Rafael Ortiz Campos'],
    ['Rafael Ortiz Campos - Lumen Legal | LinkedIn', 'Rafael Ortiz Campos'],
    ['Rafael Ortiz-Campos - Abogado - Lumen Legal | LinkedIn', 'Rafael Ortiz-Campos'],
    ['Experience | Rafael Ortiz Campos | LinkedIn', 'Rafael Ortiz Campos'],
  ])('%j names %j', (title, name) => {
    expect(nameFromTitle(title)).toBe(name);
  });
  it('a title without the site’s bar names nobody', () => {
    expect(nameFromTitle('LinkedIn')).toBeNull();
    expect(nameFromTitle('Rafael Ortiz')).toBeNull();
  });
  it('og:title may come without the bar', () => {
    expect(nameFromTitle('Rafael Ortiz', true)).toBe('Rafael Ortiz');
  });
});

describe('readable slugs', () => {
  it.each([
    ['marina-oyarzun-12ab34', 'Marina Oyarzun'],
    ['anshulgoel87', 'Anshulgoel87'],
    ['josé-maría-núñez', 'José María Núñez'],
    ['ana_ruiz', 'Ana Ruiz'],
  ])('%s → %s', (slug, name) => {
    expect(nameFromSlug(slug)).toBe(name);
  });
});

describe('sub-pages', () => {
  it.each([
    ['https://www.linkedin.com/in/ana-ruiz/recent-activity/all/', true],
    ['https://www.linkedin.com/in/ana-ruiz/details/experience/', true],
    ['https://www.linkedin.com/in/ana-ruiz/overlay/contact-info/', true],
    ['https://www.linkedin.com/in/ana-ruiz/', false],
    ['https://www.linkedin.com/in/ana-ruiz', false],
    ['https://www.linkedin.com/in/ana-ruiz/en/', false],
    ['https://www.linkedin.com/in/ana-ruiz/?miniProfileUrn=x', false],
  ])('%s → %s', (url, sub) => {
    expect(isProfileSubPage(url)).toBe(sub);
  });
});

describe('where the badge goes without a top card', () => {
  it('beside a heading in main that is the person’s name, before the main heading', () => {
    const doc = page('', '<main><h2>All activity</h2><aside><h3>Marina Oyarzún</h3></aside></main>');
    expect(fallbackAnchor(doc, 'marina oyarzún')?.tagName).toBe('H3');
    expect(fallbackAnchor(doc, 'Somebody Else')?.textContent).toBe('All activity');
    expect(mainHeading(page('', '<h1>Outside main</h1>'))).toBeNull();
  });

  it('after the outermost of LinkedIn’s controls around the name, never inside one', () => {
    const doc = page(
      '',
      '<main><div role="button" tabindex="0"><a href="/x"><h1 id="n">Ana</h1></a></div><button><h2 id="m">Bea</h2></button></main>',
    );
    const main = doc.querySelector('main');
    expect(afterControls(doc.getElementById('n') as Element, main).getAttribute('role')).toBe('button');
    expect(afterControls(doc.getElementById('m') as Element, main).tagName).toBe('BUTTON');
    const plain = page('', '<main><section><h1 id="p">Cris</h1></section></main>');
    expect(afterControls(plain.getElementById('p') as Element, null).id).toBe('p');
  });
});
