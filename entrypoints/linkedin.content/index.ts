// Vínculo on LinkedIn: decides what page this is and starts the features.
// Runs on all of linkedin.com because people reach profiles from the feed,
// search and messaging without a page load.

import { defineContentScript } from 'wxt/utils/define-content-script';
import { adoptMessages, t } from '../../utils/i18n';
import { onMessage, sendMessage } from '../../utils/messaging';
import { parseProfileUrl } from '../../utils/slug';
import { guard } from './dom-watch';
import { annotateLists } from './list-dots';
import { badgeProfile, type ProfileBadgeHandle } from './profile-badge';

// Content scripts hear only their own extension (web pages cannot reach runtime.onMessage), so a
// shape check stands in for Zod here: it keeps the script inside its size budget.
const isSlugList = (data: unknown): data is { slugs: string[] } =>
  typeof data === 'object' &&
  data !== null &&
  Array.isArray((data as { slugs?: unknown }).slugs) &&
  (data as { slugs: unknown[] }).slugs.every((s) => typeof s === 'string');

export default defineContentScript({
  matches: ['*://*.linkedin.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    let page: AbortController | undefined;
    let badge: ProfileBadgeHandle | undefined;

    const start = (url: string): void => {
      page?.abort();
      page = new AbortController();
      const signal = AbortSignal.any([page.signal, ctx.signal]);
      badge = parseProfileUrl(url) ? badgeProfile(url, signal) : undefined;
      dots = annotateLists(signal, () => badge?.facts()?.slug ?? null);
    };
    let dots: ReturnType<typeof annotateLists> | undefined;

    // The browser hands a content script its messages on first use (a few ms): take them while idle,
    // not when a list of people arrives.
    ctx.requestIdleCallback(guard('messages', () => t('dot_label', '', '')));
    // Badges speak the language chosen in Vínculo's settings; until the answer comes, nothing is shown.
    const chooseLanguage = () =>
      sendMessage('uiMessages', undefined)
        .then(adoptMessages)
        .catch((error) => console.error('[vinculo] language', error));
    chooseLanguage().then(() => {
      if (ctx.isInvalid) return;
      ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => start(newUrl.href));
      start(location.href);
    });

    const stops = [
      onMessage('refreshBadges', ({ data }) => {
        if (!isSlugList(data)) return;
        badge?.peopleChanged(data.slugs);
        dots?.refresh();
      }),
      onMessage('readProfile', () => badge?.facts() ?? null),
      // The user chose another language: everything repaints in it.
      onMessage('languageChanged', () => {
        chooseLanguage().then(() => {
          if (!ctx.isInvalid) start(location.href);
        });
      }),
    ];
    ctx.onInvalidated(() => {
      for (const stop of stops) stop();
    });
  },
});
