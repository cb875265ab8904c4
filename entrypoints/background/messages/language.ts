// Messages about the language the user chose in settings: LinkedIn tabs ask for its messages (a content
// script cannot read the extension's locale files), and the dashboard says when it changed.
import { z } from 'zod';
import { chosenMessages } from '../../../storage/locale';
import { getSettings } from '../../../storage/settings';
import { formatEntry, type Translate, t, uiLocale } from '../../../utils/translate';
import { defineMessage } from '../define-message';
import { languageChanged } from '../live-updates';

const nothing = z.union([z.undefined(), z.null()]);

/** Each language's file is read once per worker. */
const localeFiles = new Map<string, ReturnType<typeof chosenMessages>>();

/** Badges speak the language chosen in settings, not only the browser's. */
async function uiMessages(): ReturnType<typeof chosenMessages> {
  const { language } = await getSettings();
  if (!language) return null;
  let messages = localeFiles.get(language);
  if (!messages) {
    messages = chosenMessages(language);
    localeFiles.set(language, messages);
    messages.catch(() => localeFiles.delete(language));
  }
  return messages;
}

/** Words in the language chosen in settings (the browser's otherwise), for what the background words. */
export async function chosenTranslator(): Promise<{ t: Translate; locale: string }> {
  const chosen = await uiMessages().catch(() => null);
  if (!chosen) return { t, locale: uiLocale() };
  const translate: Translate = (key, ...substitutions) => {
    const entry = chosen.messages[key];
    return entry ? formatEntry(entry, substitutions) : t(key, ...substitutions);
  };
  return { t: translate, locale: chosen.language };
}

export const languageMessages = {
  /** Content script → background: the language the user chose in settings, if any, with its messages. */
  uiMessages: defineMessage(nothing, uiMessages),
  /** Dashboard → background → LinkedIn tabs: the language chosen in settings changed. */
  languageChanged: defineMessage(nothing, async () => languageChanged()),
};
