// Wiring only: the background owns the database and answers the protocol.
import { defineBackground } from 'wxt/utils/define-background';
import { setChangeListener } from '../../storage/changes';
import { tellLinkedInTabs, tellLinkedInTabsLanguage } from '../../utils/live';
import { requestSchemas } from '../../utils/message-schemas';
import { onMessage } from '../../utils/messaging';
import { guarded } from './guard';
import { handlers } from './handlers';
import { registerReminders, updateIconCount } from './reminders';

export default defineBackground(() => {
  // After every write, here or in the popup and dashboard: badges on LinkedIn tabs and the icon count follow.
  const peopleChanged = (slugs: string[]): void => {
    tellLinkedInTabs(slugs).catch((error) => console.error('[vinculo] live update failed', error));
    updateIconCount().catch((error) => console.error('[vinculo] icon count failed', error));
  };
  setChangeListener(peopleChanged);
  registerReminders();

  for (const [type, handler] of Object.entries(handlers) as [
    keyof typeof handlers,
    (d: unknown) => Promise<unknown>,
  ][]) {
    // biome-ignore lint/suspicious/noExplicitAny: one loop registers every typed handler
    onMessage(type, guarded(requestSchemas[type], handler) as any);
  }
  onMessage(
    'languageChanged',
    guarded(requestSchemas.languageChanged, async () => {
      tellLinkedInTabsLanguage().catch((error) => console.error('[vinculo] language update failed', error));
    }),
  );
  onMessage(
    'peopleChanged',
    guarded(requestSchemas.peopleChanged, async ({ slugs }) => peopleChanged(slugs)),
  );
});
