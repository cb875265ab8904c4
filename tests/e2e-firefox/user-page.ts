// A Firefox tab behind the shared UserPage interface: controls found by role and accessible name
// through Firefox's accessibility tree (puppeteer's `::-p-aria`), fields by their label text.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ElementHandle, KeyInput, Page } from 'puppeteer-core';
import type { Control, UserPage } from '../e2e/shared/vinculo';

/** How long a control may take to appear before a click or a fill gives up (Playwright's actions wait too). */
const ACTION_TIMEOUT = 5_000;

/** Polls `find` until it gives something, or fails saying what never appeared. */
export async function until<T>(
  what: string,
  find: () => Promise<T | null | undefined>,
  timeout = ACTION_TIMEOUT,
): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const found = await find().catch(() => null);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`Firefox: ${what} did not appear within ${timeout} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** `::-p-aria(...)` for a control; Firefox's accessibility locator matches names exactly. */
function ariaSelector({ role, name }: Control): string {
  const quote = name?.includes('"') ? "'" : '"';
  return `::-p-aria([role="${role}"]${name === undefined ? '' : `[name=${quote}${name}${quote}]`})`;
}

/** The locator does not descend into shadow roots: a control `within` a host is looked for from its root. */
async function controls(page: Page, control: Control): Promise<ElementHandle[]> {
  if (!control.within) return page.$$(ariaSelector(control));
  const host = await page.$(control.within);
  const root = (await host?.evaluateHandle((h) => h.shadowRoot))?.asElement() as ElementHandle | null;
  return root ? root.$$(ariaSelector(control)) : [];
}

/**
 * The form field whose label element, aria-label or aria-labelledby reads `label`, as Playwright's
 * getByLabel finds it. (Firefox's accessibility tree names a file input by its button, not its label.)
 */
function field(page: Page, label: string): Promise<ElementHandle> {
  return until(`the field labelled “${label}”`, async () => {
    const handle = await page.evaluateHandle((label) => {
      const words = (node: Node | null | undefined): string => {
        if (!node) return '';
        const copy = node.cloneNode(true) as Element;
        for (const inner of copy.querySelectorAll?.('input, select, textarea, button') ?? []) inner.remove();
        return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
      };
      for (const element of document.querySelectorAll<HTMLElement>(
        'input, select, textarea, [role="textbox"]',
      )) {
        const names = [
          element.getAttribute('aria-label') ?? '',
          (element.getAttribute('aria-labelledby') ?? '')
            .split(/\s+/)
            .map((id) => words(document.getElementById(id)))
            .join(' '),
          ...[...((element as HTMLInputElement).labels ?? [])].map(words),
        ];
        if (names.some((name) => name.replace(/\s+/g, ' ').trim() === label)) return element;
      }
      return null;
    }, label);
    return handle.asElement() as ElementHandle | null;
  });
}

/** Keys as Playwright writes them: 'Escape', 'Control+Enter'. */
async function pressKeys(page: Page, keys: string): Promise<void> {
  const [key, ...modifiers] = keys.split('+').reverse() as KeyInput[];
  for (const modifier of [...modifiers].reverse()) await page.keyboard.down(modifier);
  await page.keyboard.press(key as KeyInput);
  for (const modifier of modifiers) await page.keyboard.up(modifier);
}

/** Firefox never reports that a navigation to an extension page completed: wait for the page itself. */
export async function painted(page: Page, url?: string): Promise<void> {
  await page.waitForFunction(
    (url) =>
      (url === null || location.href === url) &&
      !(window as unknown as { beforeReload?: boolean }).beforeReload &&
      document.readyState === 'complete' &&
      (document.body?.childElementCount ?? 0) > 0,
    { polling: 50, timeout: 10_000 },
    url ?? null,
  );
}

/** `folder` holds the files the page downloads (`downloads/`) and the ones chosen for it (`files/`). */
export function userPage(page: Page, folder: string): UserPage {
  const downloads = join(folder, 'downloads');
  const find = (control: Control) =>
    until(`${control.role} “${control.name ?? ''}”`, async () => (await controls(page, control))[0]);
  const self: UserPage = {
    url: () => page.evaluate(() => location.href),
    attributes: (selector, attribute) =>
      page.$$eval(
        selector,
        (elements, attribute) => elements.map((e) => e.getAttribute(attribute)),
        attribute,
      ),
    texts: async (control) =>
      Promise.all((await controls(page, control)).map((h) => h.evaluate((e) => e.textContent ?? ''))),
    isVisible: async (control) => {
      const [first] = await controls(page, control);
      return first ? first.isVisible() : false;
    },
    click: async (control) => (await find(control)).click(),
    fill: async (label, value) => (await field(page, label)).asLocator().fill(value),
    valueOf: async (label) => (await field(page, label)).evaluate((e) => (e as HTMLInputElement).value),
    select: async (label, value) => {
      await (await field(page, label)).select(value);
    },
    isFocused: async (label) => (await field(page, label)).evaluate((e) => e === document.activeElement),
    press: (keys) => pressKeys(page, keys),
    async chooseFile(label, file) {
      // WebDriver hands the browser real files: the chosen one is written out first, under its own name.
      const path = join(folder, 'files', file.name);
      writeFileSync(path, file.content);
      await ((await field(page, label)) as ElementHandle<HTMLInputElement>).uploadFile(path);
    },
    async download(control) {
      const before = new Set(readdirSync(downloads));
      await self.click(control);
      const name = await until(
        'the download',
        async () => {
          const files = readdirSync(downloads).filter((f) => !before.has(f));
          // Firefox writes `<name>.part` and renames it when the download is complete.
          return files.length > 0 && !files.some((f) => f.endsWith('.part')) ? files[0] : null;
        },
        10_000,
      );
      return { name, content: readFileSync(join(downloads, name), 'utf8') };
    },
    async reload() {
      if (!(await self.url()).startsWith('moz-extension:')) {
        await page.reload();
        return;
      }
      await page.evaluate(() => {
        (window as unknown as { beforeReload: boolean }).beforeReload = true;
        location.reload();
      });
      await painted(page);
    },
    close: () => page.close(),
  };
  return self;
}
