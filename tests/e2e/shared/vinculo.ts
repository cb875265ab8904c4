// One interface for the end-to-end helpers, with two implementations: Chromium through Playwright
// (./chromium.ts, on top of ../harness.ts) and Firefox through puppeteer-core over WebDriver BiDi
// (tests/e2e-firefox/harness.ts). A test written against it runs in both browsers: the specs in this
// folder run in Chromium with `npm run test:e2e` and in Firefox with `npm run test:e2e:firefox`.
// Controls are found as a person finds them: by role and accessible name, or by a field's label.
import { test as base, expect } from '@playwright/test';

export type BrowserName = 'chromium' | 'firefox';

/** A control by role and accessible name (exact), optionally inside the shadow root of one of Vínculo's hosts. */
export interface Control {
  role: string;
  name?: string;
  /** The shadow host to look inside, e.g. 'vinculo-badge' (its first match on the page). */
  within?: string;
}

export interface FileToChoose {
  name: string;
  mimeType: string;
  content: string;
}

/** A tab the test drives: a LinkedIn page served from fixtures, or one of Vínculo's own pages. */
export interface UserPage {
  url(): Promise<string>;
  /** One attribute of every element matching a CSS selector in the page (not inside shadow roots). */
  attributes(selector: string, attribute: string): Promise<(string | null)[]>;
  /** The text of every control with this role (and name), in document order; none yet is `[]`. */
  texts(control: Control): Promise<string[]>;
  isVisible(control: Control): Promise<boolean>;
  click(control: Control): Promise<void>;
  /** Types into the form field with this label, replacing what it held. */
  fill(label: string, value: string): Promise<void>;
  valueOf(label: string): Promise<string>;
  select(label: string, value: string): Promise<void>;
  isFocused(label: string): Promise<boolean>;
  /** Keys as a person presses them: 'Escape', 'Control+Enter'. */
  press(keys: string): Promise<void>;
  chooseFile(label: string, file: FileToChoose): Promise<void>;
  /** Clicks the control and returns the file the browser saved. */
  download(control: Control): Promise<{ name: string; content: string }>;
  reload(): Promise<void>;
  close(): Promise<void>;
}

export interface OutsideRequest {
  url: string;
  /** 'extension': Vínculo's background, or a tab it opened; 'extension-page': one of its pages; 'page': a LinkedIn tab. */
  from: 'extension' | 'extension-page' | 'page';
}

export interface VinculoBrowser {
  readonly name: BrowserName;
  /** Serves a fixture file, or literal HTML, at a LinkedIn URL (in addition to fixtures.json's own URLs). */
  serve(url: string, source: string | { html: string }): void;
  /** Opens a LinkedIn URL (or a fixture file at its URL) served from fixtures. */
  openLinkedIn(fileOrUrl: string): Promise<UserPage>;
  /** Opens one of Vínculo's own pages, e.g. 'options.html#/import', once it has painted. */
  openExtensionPage(path: string): Promise<UserPage>;
  /** Puts records straight into a store of Vínculo's database. */
  seed(store: string, records: Record<string, unknown>[]): Promise<void>;
  /** Every record of a store, in key order. */
  readAll(store: string): Promise<Record<string, unknown>[]>;
  clear(store: string): Promise<void>;
  /** The browser's id of the tab showing this page (for `popup.html?tab=<id>`). */
  tabIdOf(page: UserPage): Promise<number>;
  /**
   * Runs `fn` in Vínculo's background — Chromium's MV3 service worker, Firefox's MV2 background page —
   * with that global as its first argument. `fn` is sent as source: it closes over nothing.
   */
  inBackground<A, R>(fn: (background: typeof globalThis, arg: A) => R | Promise<R>, arg: A): Promise<R>;
  /** Everything that tried to leave the browser (aborted or refused). */
  outside: OutsideRequest[];
  close(): Promise<void>;
}

/** The saved LinkedIn page may ask LinkedIn for its own things (favicon, photos): that is the page, not Vínculo. */
export function leaksOf(outside: OutsideRequest[]): OutsideRequest[] {
  return outside.filter(
    (r) => r.from !== 'page' || !/(^|\.)(linkedin|licdn)\.com$/.test(new URL(r.url).hostname),
  );
}

/** Starts the harness for a browser; the modules load only in the run that needs them. */
async function launchFor(name: BrowserName): Promise<VinculoBrowser> {
  if (name === 'firefox') return (await import('../../e2e-firefox/harness')).launchFirefox();
  return (await import('./chromium')).launchChromium();
}

/**
 * A Playwright test with `vinculo`, started by `launch` for the run's browser (Playwright's
 * `browserName` option: Chromium unless the config says firefox), and the no-outside-request check
 * after every test.
 */
export function withVinculo<V extends VinculoBrowser>(launch: (name: BrowserName) => Promise<V>) {
  return base.extend<{ vinculo: V }>({
    vinculo: async ({ browserName }, use) => {
      const vinculo = await launch(browserName === 'firefox' ? 'firefox' : 'chromium');
      let leaks: OutsideRequest[] = [];
      try {
        await use(vinculo);
        leaks = leaksOf(vinculo.outside);
      } finally {
        await vinculo.close();
      }
      expect(leaks, 'Vínculo must not make any request outside the browser').toEqual([]);
    },
  });
}

/** The test the shared specs use: the same steps in Chromium and in Firefox. */
export const test = withVinculo(launchFor);

export { type FixtureEntry, fixture, fixtureHtml, fixtures, personRecord } from '../harness';
export { expect };
