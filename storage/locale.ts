// The browser side of utils/translate.ts for the extension's own pages and the background: the browser's
// catalogue, and the locale files Vínculo ships for a language chosen in settings. (The content script
// has its own source: it never loads storage/, and it gets the chosen language's messages by message.)
import { browser } from 'wxt/browser';
import { adoptMessages, type ChosenMessages, type MessageSource } from '../utils/translate';

/** Read key by key on first use: nothing is asked of the browser before a string is needed. */
export const browserMessages: MessageSource = {
  getMessage: (key, substitutions) => browser.i18n.getMessage(key, substitutions),
  getUILanguage: () => browser.i18n.getUILanguage(),
};

/** The messages of the language the user chose, for a page that cannot read them itself. */
export async function chosenMessages(language: 'en' | 'es' | undefined): Promise<ChosenMessages | null> {
  if (!language) return null;
  // The locale files ship inside the extension: this reads a packaged file, nothing leaves the browser.
  const response = await fetch(browser.runtime.getURL(`/_locales/${language}/messages.json`));
  return { language, messages: (await response.json()) as ChosenMessages['messages'] };
}

/** Switches this page to one of Vínculo's languages (undefined follows the browser). */
export async function chooseLanguage(language: 'en' | 'es' | undefined): Promise<void> {
  adoptMessages(await chosenMessages(language));
}
