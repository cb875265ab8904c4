// The shared end-to-end harness in Firefox: Debian's Firefox ESR driven over WebDriver BiDi by
// puppeteer-core, Vínculo's MV2 build installed as a temporary add-on, LinkedIn served from the
// fixtures by request interception, and everything else that tries to leave — from a page, from
// the background page, from a tab Vínculo opens — aborted or refused and recorded.
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { type DatabaseOp, databaseOp, withDerivedKept } from '../e2e/shared/database';
import {
  fixture,
  fixtureHtml,
  fixtures,
  type OutsideRequest,
  type UserPage,
  type VinculoBrowser,
  withVinculo,
} from '../e2e/shared/vinculo';
import {
  type BidiConnection,
  clickAlert,
  notificationsOnScreen,
  type OnScreenNotification,
  pressInBrowserWindow,
} from './browser-window';
import { firefoxPrefs } from './firefox-prefs';
import { startOutsideSink } from './outside-sink';
import { painted, until, userPage } from './user-page';

export const FIREFOX_PATH = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
export const FIREFOX_EXTENSION_DIR = resolve(
  process.env.VINCULO_FIREFOX_EXTENSION_DIR ?? '.output/firefox-mv2',
);

export interface FirefoxVinculo extends VinculoBrowser {
  browser: Browser;
  /** The moz-extension:// origin of Vínculo's pages, e.g. 'moz-extension://<uuid>'. */
  origin: string;
  /** Notifications on screen now, oldest first. */
  notifications(): Promise<OnScreenNotification[]>;
  /** Clicks the notification with this title, as a person clicks its text. */
  clickNotification(title: string): Promise<void>;
  /** Presses keys (e.g. 'Alt+Shift+V') in Firefox's window, where the add-ons' shortcuts listen. */
  pressInBrowserWindow(keys: string): Promise<void>;
  /** The toolbar popup, if it is open: its URL and headings. */
  popup(): Promise<{ url: string; headings: string[] } | null>;
  /** A tab the browser opened (not the test), once its URL satisfies `test`. */
  tabWhere(test: (url: string) => boolean): Promise<UserPage>;
}

const norm = (url: string): string => url.replace(/[?#].*$/, '').replace(/\/?$/, '/');
const exact = (url: string): string => url.replace(/#.*$/, '');
/** A request still pending when its page or the browser closes cannot be answered any more: nothing to do. */
const closed = (): void => undefined;

/** The background page's global, seen from one of Vínculo's pages. */
type WithBrowser = { browser: typeof chrome };

export async function launchFirefox(): Promise<FirefoxVinculo> {
  const manifest = JSON.parse(readFileSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'), 'utf8'));
  const uuid = randomUUID();
  const origin = `moz-extension://${uuid}`;
  const folder = mkdtempSync(join(tmpdir(), 'vinculo-ff-'));
  for (const sub of ['downloads', 'files']) mkdirSync(join(folder, sub));
  const sink = await startOutsideSink();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    // Firefox 153 refuses WebDriver navigation to moz-extension:// pages without it; it also opens the
    // browser's own windows (notifications, shortcuts) to the harness.
    args: ['--remote-allow-system-access'],
    // Lets the profile point Firefox's Remote Settings at nothing (see firefox-prefs.ts).
    env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
    extraPrefsFirefox: firefoxPrefs({
      sinkPort: sink.port,
      downloads: join(folder, 'downloads'),
      addonId: manifest.browser_specific_settings.gecko.id,
      uuid,
    }),
  });
  const bidi = (browser as unknown as { connection: BidiConnection }).connection;

  const routes = new Map<string, string | { html: string }>();
  for (const f of fixtures) {
    routes.set(exact(f.url), f.file);
    if (!routes.has(norm(f.url))) routes.set(norm(f.url), f.file);
  }
  const pageAssets = new Set<string>();
  const recorded: OutsideRequest[] = [];

  /** Serves fixtures to a page and aborts (and records) anything else it asks for outside. */
  async function guard(page: Page, from: OutsideRequest['from']): Promise<void> {
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      if (request.isInterceptResolutionHandled()) return;
      const url = request.url();
      if (!/^(https?|wss?|ftp):/i.test(url)) {
        request.continue().catch(closed);
        return;
      }
      const source = routes.get(exact(url)) ?? routes.get(norm(url));
      if (source && request.isNavigationRequest()) {
        const html = typeof source === 'string' ? fixtureHtml(source) : source.html;
        // What the saved page itself references (photos) is the page's business, not Vínculo's.
        for (const m of html.matchAll(/(?:src|href)="(https?:[^"]+)"/g))
          pageAssets.add(m[1]!.replaceAll('&amp;', '&'));
        request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: html }).catch(closed);
        return;
      }
      if (from !== 'page' || !pageAssets.has(url)) recorded.push({ url, from });
      request.abort('blockedbyclient').catch(closed);
    });
  }

  async function openExtensionTab(path: string, background = false): Promise<Page> {
    const page = await browser.newPage({ background });
    await guard(page, 'extension-page');
    const url = `${origin}/${path}`;
    void page.goto(url).catch(closed);
    await painted(page, url);
    return page;
  }

  await browser.installExtension(FIREFOX_EXTENSION_DIR);

  // One of Vínculo's pages, kept open in a background tab, is where the harness reaches the database
  // (the extension's origin) and the background page (`runtime.getBackgroundPage()`).
  let probe: Promise<Page> | undefined;
  const probePage = (): Promise<Page> => {
    probe ??= openExtensionTab('options.html', true).then(async (page) => {
      await page.waitForFunction(
        async () =>
          (await (globalThis as unknown as WithBrowser).browser.runtime.getBackgroundPage())?.document
            .readyState === 'complete',
        { polling: 50, timeout: 10_000 },
      );
      return page;
    });
    return probe;
  };
  const database = withDerivedKept(
    async (op: DatabaseOp): Promise<unknown> => (await probePage()).evaluate(databaseOp, op),
  );

  const vinculo: FirefoxVinculo = {
    name: 'firefox',
    browser,
    origin,
    get outside() {
      return [...recorded, ...sink.requests.map((url) => ({ url, from: 'extension' as const }))];
    },
    serve(url, source) {
      routes.set(exact(url), source);
      routes.set(norm(url), source);
    },
    async openLinkedIn(fileOrUrl) {
      const url = fileOrUrl.startsWith('https://') ? fileOrUrl : fixture(fileOrUrl).url;
      const page = await browser.newPage();
      await guard(page, 'page');
      await page.goto(url);
      return userPage(page, folder);
    },
    openExtensionPage: async (path) => userPage(await openExtensionTab(path), folder),
    async seed(store, records) {
      await database({ op: 'put', store, records });
    },
    readAll: (store) => database({ op: 'getAll', store }) as Promise<Record<string, unknown>[]>,
    async clear(store) {
      await database({ op: 'clear', store });
    },
    async tabIdOf(page) {
      const url = await page.url();
      const id = await vinculo.inBackground(
        async (background, url) =>
          (await (background as unknown as WithBrowser).browser.tabs.query({})).find((t) => t.url === url)
            ?.id ?? null,
        url,
      );
      if (id === null) throw new Error(`no tab at ${url}`);
      return id;
    },
    async inBackground<A, R>(fn: (background: typeof globalThis, arg: A) => R | Promise<R>, arg: A) {
      const json = arg === undefined ? 'undefined' : JSON.stringify(arg);
      return (await probePage()).evaluate(
        `(async () => (${fn.toString()})(await browser.runtime.getBackgroundPage(), ${json}))()`,
      ) as Promise<R>;
    },
    notifications: async () =>
      (await notificationsOnScreen(bidi)).map(({ title, text }) => ({ title, text })),
    async clickNotification(title) {
      const shown = await until(`the notification “${title}”`, async () =>
        (await notificationsOnScreen(bidi)).find((n) => n.title === title),
      );
      await clickAlert(bidi, shown.context);
    },
    pressInBrowserWindow: (keys) => pressInBrowserWindow(bidi, keys),
    popup: () =>
      vinculo.inBackground((background) => {
        const [view] = (background as unknown as WithBrowser).browser.extension.getViews({ type: 'popup' });
        if (view?.document.readyState !== 'complete') return null;
        const headings = [...view.document.querySelectorAll('h1, h2, h3')].map((h) => h.textContent ?? '');
        return { url: view.location.href, headings };
      }, undefined),
    async tabWhere(test) {
      const page = await until('the tab', async () => {
        for (const page of await browser.pages()) {
          const url = await page.evaluate(() => location.href).catch(() => '');
          if (test(url)) return page;
        }
        return null;
      });
      await painted(page);
      return userPage(page, folder);
    },
    async close() {
      await browser.close().catch(closed);
      await sink.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
  return vinculo;
}

/** The test Firefox's own specs use: `vinculo` is the Firefox harness, with what only Firefox offers. */
export const test = withVinculo(() => launchFirefox());
