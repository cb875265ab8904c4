// Tells every open LinkedIn tab which people changed (or that the language did),
// so badges and dots update without a reload.
import { browser } from 'wxt/browser';
import { sendMessage } from './messaging';

export const LINKEDIN_TABS = ['*://linkedin.com/*', '*://*.linkedin.com/*'];

export function tellLinkedInTabs(slugs: string[]): Promise<void> {
  return toLinkedInTabs((tabId) => sendMessage('refreshBadges', { slugs }, tabId));
}

/** The language chosen in settings changed: badges and dots repaint in it. */
export function tellLinkedInTabsLanguage(): Promise<void> {
  return toLinkedInTabs((tabId) => sendMessage('languageChanged', undefined, tabId));
}

async function toLinkedInTabs(send: (tabId: number) => Promise<unknown>): Promise<void> {
  const tabs = await browser.tabs.query({ url: LINKEDIN_TABS });
  await Promise.all(
    tabs.map((tab) =>
      tab.id === undefined
        ? undefined
        : // A tab without Vínculo's content script (still loading, or opened before install) just misses it.
          send(tab.id).catch(() => undefined),
    ),
  );
}
