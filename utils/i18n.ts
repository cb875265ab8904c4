// Every UI string goes through here. Keys are typed from the English
// messages file (a type-only import: nothing is bundled). By default the
// browser's language is used; Vínculo's own pages can follow the language the
// user chose in settings instead.
import { browser } from 'wxt/browser';
import type en from '../public/_locales/en/messages.json';

export type MessageKey = keyof typeof en;
export type Translate = (key: MessageKey, ...substitutions: string[]) => string;

interface LocaleEntry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

let chosen: { language: string; messages: Record<string, LocaleEntry> } | null = null;

/** Fills a messages.json entry the way the browser does: $NAME$ → its placeholder's $1…$9. */
export function formatEntry(entry: LocaleEntry, substitutions: string[]): string {
  const positional = (text: string) =>
    text.replace(/\$(\d)/g, (_, n: string) => substitutions[Number(n) - 1] ?? '');
  return entry.message
    .replace(/\$([A-Za-z0-9_@]+)\$/g, (match, name: string) => {
      const placeholder = entry.placeholders?.[name.toLowerCase()];
      return placeholder ? positional(placeholder.content) : match;
    })
    .replace(/\$\$/g, '$');
}

// The browser's getMessage costs far more than string work (a badge label takes several), so each
// message is asked for once, with markers in place of its substitutions, and filled in here.
const MARKERS = Array.from({ length: 9 }, (_, i) => String.fromCharCode(0xe000 + i));
const MARKER = /[\ue000-\ue008]/g;
const templates = new Map<string, string>();

export const t: Translate = (key, ...substitutions) => {
  const entry = chosen?.messages[key];
  if (entry) return formatEntry(entry, substitutions);
  let template = templates.get(key);
  if (template === undefined) {
    template = browser.i18n.getMessage(key, MARKERS) || key;
    templates.set(key, template);
  }
  return template.replace(MARKER, (m) => substitutions[m.charCodeAt(0) - 0xe000] ?? '');
};

/** The language dates and plurals follow: the user's choice, or the browser's UI language. */
export function uiLocale(): string {
  if (chosen) return chosen.language;
  try {
    return browser.i18n.getUILanguage() || 'en';
  } catch {
    return 'en';
  }
}

/** Switches this page to one of Vínculo's languages (undefined follows the browser). */
export async function chooseLanguage(language: 'en' | 'es' | undefined): Promise<void> {
  chosen = await chosenMessages(language);
}

export type LocaleMessages = Record<string, LocaleEntry>;

/** Switches this page to messages read elsewhere (a content script cannot read the locale files); null follows the browser. */
export function adoptMessages(messages: { language: 'en' | 'es'; messages: LocaleMessages } | null): void {
  chosen = messages;
}

/** The messages of the language the user chose, for a page that cannot read them itself. */
export async function chosenMessages(
  language: 'en' | 'es' | undefined,
): Promise<{ language: 'en' | 'es'; messages: LocaleMessages } | null> {
  if (!language) return null;
  // The locale files ship inside the extension: this reads a packaged file, nothing leaves the browser.
  const response = await fetch(browser.runtime.getURL(`/_locales/${language}/messages.json`));
  return { language, messages: (await response.json()) as LocaleMessages };
}
