// Vínculo on LinkedIn: decides what page this is and starts the features. Runs on all of linkedin.com,
// because people reach profiles from the feed, search and messaging without a page load, and from
// `document_start`, so that a badge appears in the frame its name does. Until the page is parsed it
// only sets up observers and asks the background, in parallel, for the chosen language and the person.

import { defineContentScript } from 'wxt/utils/define-content-script';
import { adoptMessages, t } from '../../utils/i18n';
import { parseProfileUrl } from '../../utils/slug';
import { guard } from './dom-watch';
import { annotateLists, type ListDotsHandle } from './list-dots';
import { onMessage, sendMessage } from './messages';
import { badgeProfile, type ProfileBadgeHandle } from './profile-badge';

// Content scripts hear only their own extension (web pages cannot reach runtime.onMessage), so a
// shape check stands in for Zod here: it keeps the script inside its size budget.
const isSlugList = (data: unknown): data is { slugs: string[] } =>
  Array.isArray((data as { slugs?: unknown } | null)?.slugs) &&
  (data as { slugs: unknown[] }).slugs.every((s) => typeof s === 'string');

export default defineContentScript({
  matches: ['*://*.linkedin.com/*'],
  runAt: 'document_start',
  main(ctx) {
    let page: AbortController | undefined;
    let badge: ProfileBadgeHandle | undefined;
    let dots: ListDotsHandle | undefined;
    let url = location.href;
    // Badges speak the language chosen in Vínculo's settings; until the answer comes, nothing is shown.
    const chooseLanguage = (): Promise<void> =>
      sendMessage('uiMessages', undefined)
        .then(adoptMessages)
        .catch((error) => console.error('[vinculo] language', error));
    let language = chooseLanguage();

    const start = (next: string, fresh: boolean): void => {
      url = next;
      page?.abort();
      page = new AbortController();
      const signal = AbortSignal.any([page.signal, ctx.signal]);
      badge = parseProfileUrl(next) ? badgeProfile(next, signal, language, fresh) : undefined;
      dots = annotateLists(signal, () => badge?.facts()?.slug ?? null, language);
    };
    ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => {
      if (newUrl.href !== url) start(newUrl.href, false);
    });
    start(url, document.readyState === 'loading');
    // The browser hands a content script its messages on first use (a few ms): take them while idle,
    // not when a list of people arrives.
    ctx.requestIdleCallback(guard('messages', () => t('dot_label', '', '')));

    const stops = [
      onMessage('refreshBadges', ({ data }) => {
        if (!isSlugList(data)) return;
        badge?.peopleChanged(data.slugs);
        dots?.refresh();
      }),
      onMessage('readProfile', () => badge?.facts() ?? null),
      // The user chose another language: everything repaints in it.
      onMessage('languageChanged', () => {
        language = chooseLanguage();
        language.then(() => {
          if (!ctx.isInvalid) start(location.href, false);
        });
      }),
    ];
    ctx.onInvalidated(() => {
      for (const stop of stops) stop();
    });
  },
});
