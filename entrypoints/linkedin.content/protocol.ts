// The messages a LinkedIn tab answers (declared once, as a type: the content script checks their shape
// itself, without Zod). The background and the popup send them with a tab id.
import type { ProfileFacts } from '../../storage/people';

export interface TabProtocol {
  /** Background → LinkedIn tabs: these people changed; refresh their badges. */
  refreshBadges(data: { slugs: string[] }): void;
  /** Popup → LinkedIn tab: the profile you are showing, as read from the page. */
  readProfile(): ProfileFacts | null;
  /** Background → LinkedIn tabs: the language chosen in settings changed. */
  languageChanged(): void;
}
