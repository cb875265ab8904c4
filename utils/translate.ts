// Every UI string goes through here. Keys are typed from the English messages file (a type-only import:
// nothing is bundled). The lookup is pure: each entrypoint hands it the browser's catalogue
// (`setMessageSource`), and a page may follow the language the user chose in settings instead.

import type en from '../public/_locales/en/messages.json';

export type MessageKey = keyof typeof en;
export type Translate = (key: MessageKey, ...substitutions: string[]) => string;

interface LocaleEntry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

type LocaleMessages = Record<string, LocaleEntry>;

/** One of Vínculo's languages with its messages.json, as read from the extension's locale files. */
export interface ChosenMessages {
  language: 'en' | 'es';
  messages: LocaleMessages;
}

/** The browser's own catalogue (its i18n API, or a fake in tests). */
export interface MessageSource {
  /** The message with its $1…$9 filled from `substitutions`; '' when there is none. */
  getMessage(key: MessageKey, substitutions: string[]): string;
  getUILanguage(): string;
}

let source: MessageSource | undefined;
let chosen: ChosenMessages | null = null;

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

/** Where this page reads the browser's messages from; call before the first `t`. */
export function setMessageSource(next: MessageSource): void {
  source = next;
  templates.clear();
}

export const t: Translate = (key, ...substitutions) => {
  const entry = chosen?.messages[key];
  if (entry) return formatEntry(entry, substitutions);
  let template = templates.get(key);
  if (template === undefined) {
    template = source?.getMessage(key, MARKERS) || key;
    templates.set(key, template);
  }
  return template.replace(MARKER, (m) => substitutions[m.charCodeAt(0) - 0xe000] ?? '');
};

/** The language dates and plurals follow: the user's choice, or the browser's UI language. */
export function uiLocale(): string {
  if (chosen) return chosen.language;
  try {
    return source?.getUILanguage() || 'en';
  } catch {
    return 'en';
  }
}

/** Switches this page to one of Vínculo's languages, read by whoever can; null follows the browser. */
export function adoptMessages(messages: ChosenMessages | null): void {
  chosen = messages;
}
