// The shared harness in Chromium: ../harness.ts's browser (the MV3 build, its service worker, the
// outside-request recording) behind the VinculoBrowser interface, driven by Playwright.
import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { launch } from '../harness';
import { type DatabaseOp, databaseOp, withDerivedKept } from './database';
import type { Control, OutsideRequest, UserPage, VinculoBrowser } from './vinculo';

type Role = Parameters<Page['getByRole']>[0];

function locate(page: Page, control: Control): Locator {
  const root = control.within ? page.locator(control.within).first() : page;
  return root.getByRole(
    control.role as Role,
    control.name === undefined ? {} : { name: control.name, exact: true },
  );
}

function userPage(page: Page): UserPage {
  const field = (label: string): Locator => page.getByLabel(label, { exact: true });
  return {
    url: async () => page.url(),
    attributes: (selector, attribute) =>
      page.evaluate(
        ([selector, attribute]) =>
          [...document.querySelectorAll(selector)].map((element) => element.getAttribute(attribute)),
        [selector, attribute] as const,
      ),
    texts: (control) => locate(page, control).allTextContents(),
    isVisible: (control) => locate(page, control).first().isVisible(),
    click: (control) => locate(page, control).first().click(),
    fill: (label, value) => field(label).fill(value),
    valueOf: (label) => field(label).inputValue(),
    select: async (label, value) => {
      await field(label).selectOption(value);
    },
    isFocused: (label) => field(label).evaluate((element) => element === document.activeElement),
    press: (keys) => page.keyboard.press(keys),
    chooseFile: (label, file) =>
      field(label).setInputFiles({
        name: file.name,
        mimeType: file.mimeType,
        buffer: Buffer.from(file.content),
      }),
    async download(control) {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        locate(page, control).first().click(),
      ]);
      return { name: download.suggestedFilename(), content: readFileSync(await download.path(), 'utf8') };
    },
    reload: async () => {
      await page.reload();
    },
    close: () => page.close(),
  };
}

const FROM: Record<string, OutsideRequest['from']> = {
  'extension-worker': 'extension',
  'extension-page': 'extension-page',
  page: 'page',
};

export async function launchChromium(): Promise<VinculoBrowser> {
  const harness = await launch();
  const database = withDerivedKept(
    (op: DatabaseOp): Promise<unknown> => harness.worker.evaluate(databaseOp, op),
  );
  const vinculo: VinculoBrowser = {
    name: 'chromium',
    outside: [],
    serve: (url, source) => harness.serve(url, source),
    openLinkedIn: async (fileOrUrl) => userPage(await harness.openLinkedIn(fileOrUrl)),
    openExtensionPage: async (path) => userPage(await harness.openExtensionPage(path)),
    seed: async (store, records) => {
      await database({ op: 'put', store, records });
    },
    readAll: (store) => database({ op: 'getAll', store }) as Promise<Record<string, unknown>[]>,
    clear: async (store) => {
      await database({ op: 'clear', store });
    },
    async tabIdOf(page) {
      const url = await page.url();
      const id = await vinculo.inBackground(
        async (_, url) => (await chrome.tabs.query({})).find((tab) => tab.url === url)?.id ?? null,
        url,
      );
      if (id === null) throw new Error(`no tab at ${url}`);
      return id;
    },
    inBackground: (fn, arg) =>
      harness.worker.evaluate(
        `(${fn.toString()})(globalThis, ${arg === undefined ? 'undefined' : JSON.stringify(arg)})`,
      ),
    close: () => harness.close(),
  };
  // The Chromium harness records as it goes; the shared view reads the same list.
  Object.defineProperty(vinculo, 'outside', {
    get: () => harness.outside.map((r) => ({ url: r.url, from: FROM[r.from] ?? 'extension' })),
  });
  return vinculo;
}
