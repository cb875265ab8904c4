// @vitest-environment happy-dom
// The shape of the code, as a test (docs/architecture.md): who may import what, how big files and
// entrypoints grow, that every LinkedIn selector still matches a saved page, and that every message
// key the code uses exists in both languages.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as selectors from '../../utils/linkedin/selectors';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const SOURCE_DIRS = ['entrypoints', 'components', 'storage', 'utils'];

function files(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) return files(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

const sources = SOURCE_DIRS.flatMap(files);
const text = (path: string): string => readFileSync(join(ROOT, path), 'utf8');
/** Value imports (type-only imports are erased from the build and cross no layer at run time). */
const valueImports = (path: string): string[] =>
  [...text(path).matchAll(/^import\s+(?!type\s)[^'"]*?from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1] as string);
const resolves = (from: string, spec: string): string =>
  spec.startsWith('.') ? relative(ROOT, join(ROOT, dirname(from), spec)) : spec;
const lines = (path: string): number => text(path).split('\n').length;

/** storage/'s side-effect-free vocabulary, the one part of it utils/ and components/ may import. */
const VOCABULARY = /^storage\/(schemas|domain)$/;
// The bench page is built only by `npm run bench`, to seed and time the database directly.
const BENCH_ONLY = /^entrypoints\/bench\//;

describe('layers', () => {
  it('only storage/ imports Dexie or the database instance', () => {
    const outside = sources.filter(
      (f) =>
        !f.startsWith('storage/') &&
        !BENCH_ONLY.test(f) &&
        valueImports(f).some((spec) => spec === 'dexie' || resolves(f, spec) === 'storage/db'),
    );
    expect(outside).toEqual([]);
  });

  it('utils/ is pure: no browser, no network, no Dexie, and of storage/ only its vocabulary', () => {
    const impure = sources
      .filter((f) => f.startsWith('utils/'))
      .flatMap((f) => {
        const problems: string[] = [];
        for (const spec of valueImports(f)) {
          const target = resolves(f, spec);
          if (spec === 'dexie' || spec.startsWith('wxt') || spec.startsWith('@webext-core'))
            problems.push(`${f} imports ${spec}`);
          if (target.startsWith('storage/') && !/^storage\/(schemas|domain)$/.test(target))
            problems.push(`${f} imports ${target}`);
        }
        if (
          /\b(browser|chrome)\.(runtime|storage|tabs|i18n|alarms|notifications|action)\b|\bfetch\(/.test(
            text(f),
          )
        )
          problems.push(`${f} touches the browser`);
        return problems;
      });
    expect(impure).toEqual([]);
  });

  it('storage/schemas.ts and storage/domain.ts have no side effects: no database, no browser', () => {
    for (const f of ['storage/schemas.ts', 'storage/domain.ts']) {
      const imports = valueImports(f).map((spec) => resolves(f, spec));
      expect(
        imports.filter((spec) => !/^(zod|utils\/[\w-]+|storage\/(schemas|domain))$/.test(spec)),
        f,
      ).toEqual([]);
    }
  });

  it('components/ receive plain data: they never open the database or call the browser', () => {
    const offenders = sources
      .filter((f) => f.startsWith('components/'))
      .filter((f) =>
        valueImports(f).some((spec) => {
          const target = resolves(f, spec);
          // The vocabulary (stages, kinds, schemas) is data, not the database.
          const data = target.startsWith('storage/') && !VOCABULARY.test(target);
          return spec === 'dexie' || spec.startsWith('wxt') || data;
        }),
      );
    expect(offenders).toEqual([]);
  });

  it('the content script never loads storage/ (the database belongs to the extension’s origin)', () => {
    const offenders = sources
      .filter((f) => f.startsWith('entrypoints/linkedin.content/'))
      .filter((f) =>
        valueImports(f).some((spec) => resolves(f, spec).startsWith('storage/') || spec === 'zod'),
      );
    expect(offenders).toEqual([]);
  });
});

describe('sizes', () => {
  it('no source file is over 300 lines', () => {
    expect(sources.filter((f) => lines(f) > 300).map((f) => `${f}: ${lines(f)}`)).toEqual([]);
  });

  it('each entrypoint’s wiring is at most 60 lines', () => {
    const wiring = sources.filter(
      (f) => /^entrypoints\/[^/]+\/(index\.ts|main\.tsx?)$/.test(f) && !BENCH_ONLY.test(f),
    );
    expect(wiring.length).toBeGreaterThanOrEqual(4);
    expect(wiring.filter((f) => lines(f) > 60).map((f) => `${f}: ${lines(f)}`)).toEqual([]);
  });

  it('each feature of an entrypoint is one file of at most 150 lines that opens by saying what it does', () => {
    const features = sources.filter(
      (f) => f.startsWith('entrypoints/') && !BENCH_ONLY.test(f) && !/\/(index\.ts|main\.tsx?)$/.test(f),
    );
    expect(features.filter((f) => lines(f) > 150).map((f) => `${f}: ${lines(f)}`)).toEqual([]);
    expect(features.filter((f) => !text(f).startsWith('//'))).toEqual([]);
  });
});

describe('selectors', () => {
  const fixtureDir = 'tests/fixtures/linkedin';
  const pages = readdirSync(join(ROOT, fixtureDir))
    .filter((f) => f.endsWith('.html'))
    .map((f) => new DOMParser().parseFromString(text(join(fixtureDir, f)), 'text/html'));
  const matchesSomePage = (selector: string): boolean =>
    pages.some((doc) => doc.querySelector(selector) !== null);

  /** Every selector of utils/linkedin/selectors.ts as CSS, with the data that is not CSS turned into it. */
  function allSelectors(): [string, string][] {
    const found: [string, string][] = [];
    const add = (name: string, value: unknown): void => {
      if (typeof value === 'string') found.push([name, value]);
      else if (Array.isArray(value)) for (const v of value) add(name, v);
    };
    const { NOT_MAIN_PERSON, CARD, CURRENT_COMPANY, EDUCATION, ...plain } = selectors;
    for (const [name, value] of Object.entries(plain)) add(name, value);
    for (const [key, value] of Object.entries({ ...CURRENT_COMPANY, ...EDUCATION })) add(key, value);
    for (const tag of [...NOT_MAIN_PERSON.tags, ...NOT_MAIN_PERSON.postTextTags, ...CARD.tags])
      add('tags', tag.toLowerCase());
    // Class tokens match whole, or with a BEM modifier ("inline-show-more-text--is-collapsed").
    for (const cls of NOT_MAIN_PERSON.classes) add('NOT_MAIN_PERSON.classes', `.${cls}, [class*="${cls}--"]`);
    for (const attribute of NOT_MAIN_PERSON.sectionAttributes)
      add('sectionAttributes', `section[${attribute}]`);
    add('componentKeySuffix', `section[componentkey$="${NOT_MAIN_PERSON.componentKeySuffix}"]`);
    for (const key of NOT_MAIN_PERSON.componentKeys) add('componentKeys', `[componentkey*="${key}"]`);
    for (const screen of NOT_MAIN_PERSON.viewerScreens)
      add('viewerScreens', `[data-sdui-screen="${screen}"]`);
    for (const role of CARD.roles) add('CARD.roles', `[role="${role}"]`);
    for (const view of CARD.viewNames) add('CARD.viewNames', `[data-view-name="${view}"]`);
    add('listViewNameSuffix', `[data-view-name$="${CARD.listViewNameSuffix}"]`);
    add('postComponentKey', `[componentkey*="${CARD.postComponentKey}"]`);
    return found;
  }

  it.each(allSelectors())('%s: %s matches at least one saved page', (_, selector) => {
    expect(matchesSomePage(selector)).toBe(true);
  });
});

describe('locale keys', () => {
  const en = JSON.parse(text('public/_locales/en/messages.json')) as Record<string, unknown>;
  const es = JSON.parse(text('public/_locales/es/messages.json')) as Record<string, unknown>;

  it('English and Spanish have the same keys', () => {
    expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
  });

  it('every key the code uses exists, including the prefixes of keys built from a value', () => {
    const missing: string[] = [];
    for (const f of sources) {
      for (const m of text(f).matchAll(/\bt\(\s*['"`]([a-z][A-Za-z0-9]*_[A-Za-z0-9_]*)(\$\{)?/g)) {
        const [, key, built] = m as unknown as [string, string, string | undefined];
        const known = built ? Object.keys(en).some((k) => k.startsWith(key)) : key in en;
        if (!known) missing.push(`${f}: ${key}${built ? '…' : ''}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
