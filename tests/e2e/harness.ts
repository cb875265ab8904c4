// The end-to-end harness: real Chromium with the built extension, LinkedIn
// served from the project's fixtures, every other outside request aborted and
// recorded. A test fails if Vínculo itself asked for anything outside.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  type BrowserContext,
  test as base,
  chromium,
  expect,
  type Page,
  type Worker,
} from '@playwright/test';
import { databaseOp, withDerivedKept } from './shared/database';

export const EXTENSION_DIR = resolve(process.env.VINCULO_EXTENSION_DIR ?? '.output/chrome-mv3');
const FIXTURES_DIR = resolve('tests/fixtures/linkedin');

export interface FixtureEntry {
  file: string;
  url: string;
  kind: string;
}

export const fixtures: FixtureEntry[] = JSON.parse(readFileSync(join(FIXTURES_DIR, 'fixtures.json'), 'utf8'));

export function fixture(file: string): FixtureEntry {
  const entry = fixtures.find((f) => f.file === file);
  if (!entry) throw new Error(`no fixture ${file}`);
  return entry;
}

export function fixtureHtml(file: string): string {
  return readFileSync(join(FIXTURES_DIR, file), 'utf8');
}

interface OutsideRequest {
  url: string;
  from: 'extension-worker' | 'extension-page' | 'page';
}

export interface Harness {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  /** Serves a fixture file, or literal HTML, at a LinkedIn URL (in addition to fixtures.json's own URLs). */
  serve(url: string, source: string | { html: string }): void;
  /** Opens a LinkedIn URL served from fixtures. */
  openLinkedIn(fileOrUrl: string): Promise<Page>;
  /** Opens one of Vínculo's own pages, e.g. 'options.html'. */
  openExtensionPage(path: string): Promise<Page>;
  outside: OutsideRequest[];
}

const norm = (url: string): string => url.replace(/[?#].*$/, '').replace(/\/?$/, '/');
/** A URL without its fragment: two fixtures may share a path and differ by query (two eras of /feed/). */
const exact = (url: string): string => url.replace(/#.*$/, '');

/** The browser every test runs: its executable and flags other than the extension's (the bench reuses them). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--lang=en-US',
];

export async function launch(): Promise<Harness & { close(): Promise<void> }> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'vinculo-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    locale: 'en-US',
    args: [
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      ...CHROMIUM_FLAGS,
    ],
  });
  const routes = new Map<string, string | { html: string }>();
  for (const f of fixtures) {
    routes.set(exact(f.url), f.file);
    if (!routes.has(norm(f.url))) routes.set(norm(f.url), f.file);
  }
  const pageAssets = new Set<string>();
  const outside: OutsideRequest[] = [];

  await context.route('**/*', async (route) => {
    const request = route.request();
    const url = request.url();
    // Vínculo's own files (chrome-extension://, data:, blob:) never leave the browser.
    if (!/^(https?|wss?|ftp):/i.test(url)) {
      await route.continue();
      return;
    }
    const source = routes.get(exact(url)) ?? routes.get(norm(url));
    if (source && request.resourceType() === 'document') {
      const html = typeof source === 'string' ? fixtureHtml(source) : source.html;
      // What the saved page itself references (photos) is the page's business, not Vínculo's.
      for (const m of html.matchAll(/(?:src|href)="(https?:[^"]+)"/g))
        pageAssets.add(m[1]!.replaceAll('&amp;', '&'));
      await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
      return;
    }
    const frameUrl = request.serviceWorker() ? '' : safeFrameUrl(request);
    const from: OutsideRequest['from'] = request.serviceWorker()
      ? 'extension-worker'
      : frameUrl.startsWith('chrome-extension://')
        ? 'extension-page'
        : 'page';
    if (from !== 'page' || !pageAssets.has(url)) outside.push({ url, from });
    await route.abort('blockedbyclient');
  });

  let worker = context.serviceWorkers()[0];
  worker ??= await context.waitForEvent('serviceworker');
  const extensionId = new URL(worker.url()).host;

  const harness: Harness & { close(): Promise<void> } = {
    context,
    worker,
    extensionId,
    outside,
    serve(url, source) {
      routes.set(exact(url), source);
      routes.set(norm(url), source);
    },
    async openLinkedIn(fileOrUrl) {
      const url = fileOrUrl.startsWith('https://') ? fileOrUrl : fixture(fileOrUrl).url;
      const page = await context.newPage();
      await page.goto(url);
      return page;
    },
    async openExtensionPage(path) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    },
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
  return harness;
}

function isLinkedInOwn(url: string): boolean {
  const host = new URL(url).hostname;
  return /(^|\.)(linkedin|licdn)\.com$/.test(host);
}

function safeFrameUrl(request: import('@playwright/test').Request): string {
  try {
    return request.frame().url();
  } catch {
    return '';
  }
}

/** A Playwright test with `vinculo` (the harness) and the no-outside-request check after every test. */
export const test = base.extend<{ vinculo: Harness }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies by destructuring
  vinculo: async ({}, use) => {
    const harness = await launch();
    await use(harness);
    // The saved LinkedIn page may ask LinkedIn for its own things (favicon, photos): that is the page, not Vínculo.
    const leaks = harness.outside.filter((r) => r.from !== 'page' || !isLinkedInOwn(r.url));
    await harness.close();
    expect(leaks, 'Vínculo must not make any request outside the browser').toEqual([]);
  },
});

export { expect };

// ——— Reading and seeding the extension's database from the service worker ———

const DAY = 86_400_000;

/** A valid stored person; dueAt follows the default cadence of its stage. */
export function personRecord(
  slug: string,
  name: string,
  options: {
    stage?: string;
    lastTouchDaysAgo?: number;
    trackedDaysAgo?: number;
    headline?: string;
    memberId?: string;
  } = {},
): Record<string, unknown> {
  const now = Date.now();
  const stage = options.stage ?? 'contact';
  const createdAt = now - (options.trackedDaysAgo ?? 100) * DAY;
  const lastTouchAt =
    options.lastTouchDaysAgo === undefined ? undefined : now - options.lastTouchDaysAgo * DAY;
  const cadence = stage === 'acquaintance' ? 30 : stage === 'relationship' ? 60 : undefined;
  return {
    slug,
    name,
    ...(options.headline ? { headline: options.headline } : {}),
    ...(options.memberId ? { memberId: options.memberId } : {}),
    stage,
    tags: [],
    about: '',
    source: 'page',
    createdAt,
    updatedAt: createdAt,
    metInPerson: false,
    roleChanges: [],
    ...(lastTouchAt === undefined ? {} : { lastTouchAt }),
    ...(cadence ? { dueAt: (lastTouchAt ?? createdAt) + cadence * DAY } : {}),
  };
}

/** A touch as Vínculo stores it: a message I started that moved nothing, unless `patch` says otherwise. */
export function touchRecord(
  id: string,
  personId: string,
  at: number,
  patch: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    id,
    personId,
    at,
    kind: 'message',
    initiator: 'me',
    value: 'none',
    note: '',
    createdAt: at,
    ...patch,
  };
}

/**
 * Runs one raw IndexedDB operation in the service worker, once Vínculo has
 * created its database (never creating an empty one itself). The same operation
 * serves the Firefox harness (shared/database.ts).
 */
async function workerDb<T>(
  harness: Harness,
  op: 'put' | 'getAll' | 'clear',
  store: string,
  records: unknown[] = [],
) {
  const database = withDerivedKept((o) => harness.worker.evaluate(databaseOp, o));
  return database({ op, store, records }) as Promise<T>;
}

/** Puts records straight into a store. */
export async function seed(
  harness: Harness,
  store: string,
  records: Record<string, unknown>[],
): Promise<void> {
  await workerDb(harness, 'put', store, records);
}

/** Reads every record of a store, in key order. */
export function readAll(harness: Harness, store: string): Promise<Record<string, unknown>[]> {
  return workerDb(harness, 'getAll', store);
}

/** The id of the tab showing `url` (for opening the popup on it). */
export async function tabIdOf(harness: Harness, url: string): Promise<number> {
  return harness.worker.evaluate(async (url) => {
    const tabs = await chrome.tabs.query({});
    const tab = tabs.find((t) => t.url === url);
    if (tab?.id === undefined) throw new Error(`no tab at ${url}`);
    return tab.id;
  }, url);
}
