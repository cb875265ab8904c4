// Tells every open LinkedIn tab which people changed, so badges and dots
// update without a reload.
import { browser } from 'wxt/browser';
import { sendMessage } from './messaging';

export const LINKEDIN_TABS = ['*://linkedin.com/*', '*://*.linkedin.com/*'];

export async function tellLinkedInTabs(slugs: string[]): Promise<void> {
  const tabs = await browser.tabs.query({ url: LINKEDIN_TABS });
  await Promise.all(
    tabs.map((tab) =>
      tab.id === undefined
        ? undefined
        : // A tab without Vínculo's content script (still loading, or opened before install) just misses it.
          sendMessage('refreshBadges', { slugs }, tab.id).catch(() => undefined),
    ),
  );
}
