// What the rest of Vínculo tells a LinkedIn tab: people changed (badges and dots refresh), the popup asks
// which profile is on screen, and the language changed (everything repaints in it).
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { ProfileFacts } from '../../storage/people';
import { onMessage } from './messages';

interface TabFeatures {
  peopleChanged(slugs: string[]): void;
  facts(): ProfileFacts | null;
  languageChanged(): void;
}

// Content scripts hear only their own extension (web pages cannot reach runtime.onMessage), so a
// shape check stands in for Zod here: it keeps the script inside its size budget.
const isSlugList = (data: unknown): data is { slugs: string[] } =>
  Array.isArray((data as { slugs?: unknown } | null)?.slugs) &&
  (data as { slugs: unknown[] }).slugs.every((s) => typeof s === 'string');

/** Answers TabProtocol until the extension reloads. */
export function answerTabMessages(ctx: ContentScriptContext, features: TabFeatures): void {
  const stops = [
    onMessage('refreshBadges', ({ data }) => {
      if (isSlugList(data)) features.peopleChanged(data.slugs);
    }),
    onMessage('readProfile', () => features.facts()),
    onMessage('languageChanged', () => features.languageChanged()),
  ];
  ctx.onInvalidated(() => {
    for (const stop of stops) stop();
  });
}
