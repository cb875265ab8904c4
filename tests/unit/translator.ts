// The extension's real messages, for tests that check wording in both languages.
import { readFileSync } from 'node:fs';
import { formatEntry, type Translate } from '../../utils/translate';

export function translator(language: 'en' | 'es'): Translate {
  const messages = JSON.parse(readFileSync(`public/_locales/${language}/messages.json`, 'utf8'));
  return (key, ...substitutions) => (messages[key] ? formatEntry(messages[key], substitutions) : key);
}
