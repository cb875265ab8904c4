// Badges and dots speak the language chosen in Vínculo's settings, or else the browser's. The browser's
// catalogue is this script's own message source (it never loads storage/); a chosen language's messages
// come from the background, since a content script cannot read the extension's locale files.

import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { adoptMessages, setMessageSource, t } from '../../utils/translate';
import { guard } from './dom-watch';
import { sendMessage } from './messages';

/** Makes the browser's catalogue this page's message source, read key by key on first use. */
export function useBrowserMessages(): void {
  setMessageSource({
    getMessage: (key, substitutions) => browser.i18n.getMessage(key, substitutions),
    getUILanguage: () => browser.i18n.getUILanguage(),
  });
}

/**
 * The browser hands a content script its messages on first use (a few ms): take them while idle, not
 * when a list of people arrives.
 */
export function warmMessages(ctx: ContentScriptContext): void {
  ctx.requestIdleCallback(guard('messages', () => t('dot_label', '', '')));
}

/** Asks which language the user chose; settles (never rejects) once the answer is adopted. */
export function adoptChosenLanguage(): Promise<void> {
  return sendMessage('uiMessages', undefined)
    .then(adoptMessages)
    .catch((error) => console.error('[vinculo] language', error));
}
