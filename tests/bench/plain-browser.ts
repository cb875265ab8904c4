// The same Chromium as the harness's, with the same flags, but without Vínculo: the baseline for
// "Vínculo's extra main-thread time". Pages are served the same way (context.route: HTML for the
// served URLs, every other outside request aborted), so the two browsers differ only by the extension.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from '@playwright/test';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../e2e/harness';

export interface PlainBrowser {
  context: BrowserContext;
  /** Serves literal HTML at a URL (query and fragment ignored, as the harness does). */
  serve(url: string, html: string): void;
  close(): Promise<void>;
}

const norm = (url: string): string => url.replace(/[?#].*$/, '').replace(/\/?$/, '/');

export async function launchWithoutExtension(): Promise<PlainBrowser> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'vinculo-bench-plain-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    locale: 'en-US',
    args: CHROMIUM_FLAGS,
  });
  const routes = new Map<string, string>();
  await context.route('**/*', async (route) => {
    const request = route.request();
    const url = request.url();
    if (!/^(https?|wss?|ftp):/i.test(url)) {
      await route.continue();
      return;
    }
    const html = routes.get(norm(url));
    if (html !== undefined && request.resourceType() === 'document') {
      await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
      return;
    }
    await route.abort('blockedbyclient');
  });
  return {
    context,
    serve(url, html) {
      routes.set(norm(url), html);
    },
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
