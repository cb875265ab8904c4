// Vínculo's one message protocol. The background owns the database; the
// content script, popup and dashboard ask it through these messages. Payloads
// are checked with Zod where they arrive (see message-schemas.ts).
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { ProfileFacts } from '../storage/people';
import type { Touch, TouchKind } from '../storage/schemas';
import type { LocaleMessages } from './i18n';
import type { PersonView } from './person-view';

export interface LookupRequest {
  slugs: string[];
  memberIds: string[];
}

export interface PanelData {
  person: PersonView;
  touches: Pick<Touch, 'id' | 'at' | 'kind' | 'note'>[];
  nextStep?: { text: string; dueAt?: number };
  /** A role change seen in the last 30 days. */
  roleChange?: { at: number; headline?: string; company?: string };
}

/** What the content script read of the profile on screen (sent to the popup). */
export interface ProfileOnScreen extends ProfileFacts {}

export interface ProtocolMap {
  /** Content script → background: which of these people are tracked? One message for a whole screen. */
  lookup(data: LookupRequest): PersonView[];
  /** Content script → background: the language the user chose in settings, if any, with its messages. */
  uiMessages(): { language: 'en' | 'es'; messages: LocaleMessages } | null;
  /** Content script → background: the person a profile URL names, read only (asked before the page shows them). */
  profileView(data: { slug: string } | { memberId: string }): PersonView | null;
  /** Content script → background: the profile on screen; refreshes a tracked person's facts. */
  visitProfile(data: ProfileFacts): PersonView | null;
  /** Content script → background: start tracking the person on screen. */
  track(data: ProfileFacts): PersonView;
  /** Content script → background: the badge panel's contents. */
  personPanel(data: { slug: string }): PanelData | null;
  /** Content script → background: a quick touch from the badge panel. */
  quickTouch(data: { slug: string; kind: TouchKind }): PersonView;
  /** Extension pages → background: these people changed; tell LinkedIn tabs. */
  peopleChanged(data: { slugs: string[] }): void;
  /** Dashboard → background → LinkedIn tabs: the language chosen in settings changed. */
  languageChanged(): void;
  /** Background → LinkedIn tabs: these people changed; refresh their badges. */
  refreshBadges(data: { slugs: string[] }): void;
  /** Popup → LinkedIn tab: the profile you are showing, as read from the page. */
  readProfile(): ProfileOnScreen | null;
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();
