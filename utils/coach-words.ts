// A suggestion in words, in the user's language, from the numbers in its reason. The rules never
// produce text: what they found is data, and this is the one place it becomes a sentence.
import type { Suggestion, SuggestionKind } from './coach';
import type { KnownShare } from './known-share';
import { formatAgo } from './relative-time';
import type { MessageKey, Translate } from './translate';

export interface SuggestionWords {
  /** The kind, as a short title: "Give first". */
  title: string;
  /** What to do and why: "Give something next — you have received the last 4 times." */
  text: string;
  /** Ideas for the move, when the kind has them. */
  ideas?: string;
}

const TITLES: Record<SuggestionKind, MessageKey> = {
  moment: 'coach_kind_moment',
  giveFirst: 'coach_kind_giveFirst',
  cold: 'coach_kind_cold',
  offline: 'coach_kind_offline',
  prune: 'coach_kind_prune',
};

const COLD: Record<'write' | 'call' | 'meet', MessageKey> = {
  write: 'coach_cold_write',
  call: 'coach_cold_call',
  meet: 'coach_cold_meet',
};

const numbers = new Map<string, Intl.NumberFormat>();
function count(n: number, locale: string): string {
  let format = numbers.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale);
    numbers.set(locale, format);
  }
  return format.format(n);
}

function text(s: Suggestion, now: number, t: Translate, locale: string): string {
  switch (s.kind) {
    case 'moment':
      return s.reason.company ? t('coach_moment', s.reason.company) : t('coach_momentRole');
    case 'giveFirst':
      // 3 or more: plural in both languages.
      return t('coach_giveFirst', count(s.reason.received, locale));
    case 'cold':
      return s.reason.lastTouchAt === undefined
        ? t('coach_cold_first')
        : t(COLD[s.reason.firstMove], formatAgo(s.reason.lastTouchAt, now, t));
    case 'offline':
      // 5 or more touches in 2 or more months: plural in both languages.
      return t('coach_offline', count(s.reason.written, locale), count(s.reason.months, locale));
    case 'prune':
      return t('coach_prune');
  }
}

export function suggestionWords(s: Suggestion, now: number, t: Translate, locale: string): SuggestionWords {
  const words: SuggestionWords = { title: t(TITLES[s.kind]), text: text(s, now, t, locale) };
  if (s.kind === 'giveFirst') words.ideas = t('coach_giveFirstIdeas');
  return words;
}

const plurals = new Map<string, Intl.PluralRules>();
function isOne(n: number, locale: string): boolean {
  let rules = plurals.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    plurals.set(locale, rules);
  }
  return rules.select(n) === 'one';
}

/** "You know 120 of your 3,400 connections." */
export function knownShareWords(share: KnownShare, t: Translate, locale: string): string {
  const key = isOne(share.connections, locale) ? 'coach_known_one' : 'coach_known_other';
  return t(key, count(share.known, locale), count(share.connections, locale));
}
