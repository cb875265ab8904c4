// Live everywhere: after every write — here, in the popup or in the dashboard — the badges and dots on
// open LinkedIn tabs and the count on the toolbar icon follow, without a reload; so does a new language.
import { browser } from 'wxt/browser';
import { sendMessage } from '../../storage/messaging';
import { updateIconCount } from './icon-count';

const LINKEDIN_TABS = ['*://linkedin.com/*', '*://*.linkedin.com/*'];

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

/** These people changed: their badges and dots repaint, and the icon recounts. */
export function peopleChanged(slugs: string[]): void {
  toLinkedInTabs((tabId) => sendMessage('refreshBadges', { slugs }, tabId)).catch((error) =>
    console.error('[vinculo] live update failed', error),
  );
  updateIconCount().catch((error) => console.error('[vinculo] icon count failed', error));
}

/** The language chosen in settings changed: badges and dots repaint in it. */
export function languageChanged(): void {
  toLinkedInTabs((tabId) => sendMessage('languageChanged', undefined, tabId)).catch((error) =>
    console.error('[vinculo] language update failed', error),
  );
}
