// Every UI string goes through here. Keys are typed from the English
// messages file (a type-only import: nothing is bundled).
import { browser } from 'wxt/browser';
import type en from '../public/_locales/en/messages.json';

export type MessageKey = keyof typeof en;
export type Translate = (key: MessageKey, ...substitutions: string[]) => string;

export const t: Translate = (key, ...substitutions) =>
  browser.i18n.getMessage(key, substitutions.length ? substitutions : undefined) || key;

/** The UI language Chromium/Firefox chose for the extension (used for dates and plurals). */
export function uiLocale(): string {
  try {
    return browser.i18n.getUILanguage() || 'en';
  } catch {
    return 'en';
  }
}
