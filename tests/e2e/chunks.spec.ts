// What the built extension loads, asserted on the output rather than trusted to file names: the popup
// paints from its entry and one shared chunk without Dexie or Zod; the content script carries neither
// and stays inside its budget; every dashboard view other than the overview is a chunk of its own,
// loaded when first opened.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { test as base, expect } from '@playwright/test';
import { EXTENSION_DIR } from './harness';

const read = (file: string): string => readFileSync(join(EXTENSION_DIR, file), 'utf8');
const chunks = readdirSync(join(EXTENSION_DIR, 'chunks')).filter((f) => f.endsWith('.js'));
const DATA_LIBRARIES = /\bDexie\b|ZodError|\$ZodType/;

/** The chunks a script imports statically (its `import … from "./x.js"` lines, not `import()`). */
function staticImports(file: string): string[] {
  const code = read(file);
  return [...code.matchAll(/(?:^|[;\n}])\s*import\s*(?:[\w$*{}\s,]+from\s*)?["']\.\/([\w.-]+\.js)["']/g)].map(
    (m) => `chunks/${m[1]}`,
  );
}

/** The chunk whose code holds a message key (each view's own words live in its own code). */
function chunkSaying(key: string): string[] {
  const quoted = new RegExp(`["'\`]${key}["'\`]`);
  return chunks.filter((f) => quoted.test(read(`chunks/${f}`)));
}

base('the popup paints from its entry and one shared chunk, with no Dexie or Zod in either', () => {
  const html = read('popup.html');
  const scripts = [...html.matchAll(/<script[^>]*src="\/([^"]+)"/g)].map((m) => m[1] as string);
  expect(scripts).toHaveLength(1);
  const [entry] = scripts as [string];
  const firstPaint = [entry, ...staticImports(entry)];
  expect(firstPaint).toHaveLength(2);
  for (const file of firstPaint) expect(read(file), file).not.toMatch(DATA_LIBRARIES);
});

base('the content script has no Dexie or Zod and stays within 15 KB gzipped', () => {
  const manifest = JSON.parse(read('manifest.json'));
  const files: string[] = manifest.content_scripts.flatMap((c: { js: string[] }) => c.js);
  for (const file of files) expect(read(file), file).not.toMatch(DATA_LIBRARIES);
  const gzipped = files.reduce(
    (sum, f) => sum + gzipSync(readFileSync(join(EXTENSION_DIR, f)), { level: 9 }).length,
    0,
  );
  expect(gzipped).toBeLessThanOrEqual(15 * 1024);
});

base('every dashboard view but the overview is its own chunk, loaded when first opened', () => {
  const entry = [...read('options.html').matchAll(/<script[^>]*src="\/([^"]+)"/g)].map((m) => m[1] as string);
  const loadedAtOnce = new Set(
    [...entry, ...entry.flatMap(staticImports)].map((f) => f.replace(/^chunks\//, '')),
  );
  const views = {
    people: 'dash_searchPeople',
    person: 'dash_timeline',
    triage: 'triage_keep',
    import: 'import_connectionsLabel',
    backup: 'backup_export',
    settings: 'settings_language',
  };
  const homes = Object.entries(views).map(([view, key]) => {
    const found = chunkSaying(key);
    expect(found, `${view} view (${key})`).toHaveLength(1);
    expect(loadedAtOnce.has(found[0] as string), `${view} view loads with the overview`).toBe(false);
    return found[0];
  });
  expect(new Set(homes).size, 'one chunk per view').toBe(homes.length);
});
