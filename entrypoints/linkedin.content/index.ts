// Vínculo on LinkedIn: decides what page this is and starts the features. Runs on all of linkedin.com,
// because people reach profiles from the feed, search and messaging without a page load, and from
// `document_start`, so that a badge appears in the frame its name does. Until the page is parsed it
// only sets up observers and asks the background, in parallel, for the chosen language and the person.

import { defineContentScript } from 'wxt/utils/define-content-script';
import { parseProfileUrl } from '../../utils/slug';
import { adoptChosenLanguage, useBrowserMessages, warmMessages } from './language';
import { annotateLists, type ListDotsHandle } from './list-dots';
import { badgeProfile, type ProfileBadgeHandle } from './profile-badge';
import { answerTabMessages } from './tab-messages';

export default defineContentScript({
  matches: ['*://*.linkedin.com/*'],
  runAt: 'document_start',
  main(ctx) {
    let page: AbortController | undefined;
    let badge: ProfileBadgeHandle | undefined;
    let dots: ListDotsHandle | undefined;
    let url = location.href;
    useBrowserMessages();
    // Badges speak the language chosen in Vínculo's settings; until the answer comes, nothing is shown.
    let language = adoptChosenLanguage();

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
    warmMessages(ctx);

    answerTabMessages(ctx, {
      peopleChanged(slugs) {
        badge?.peopleChanged(slugs);
        dots?.refresh();
      },
      facts: () => badge?.facts() ?? null,
      languageChanged() {
        language = adoptChosenLanguage();
        language.then(() => {
          if (!ctx.isInvalid) start(location.href, false);
        });
      },
    });
  },
});
