// How extension pages and the background speak Vínculo's protocol (@webext-core/messaging). Each message
// is declared once where it is answered: the background's in entrypoints/background/protocol.ts, a
// LinkedIn tab's in entrypoints/linkedin.content/protocol.ts. Only their types come here, so no schema
// or handler is bundled into the pages that send. (The content script has its own small adapter for the
// same wire format: entrypoints/linkedin.content/messages.ts.)
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { BackgroundProtocol } from '../entrypoints/background/protocol';
import type { TabProtocol } from '../entrypoints/linkedin.content/protocol';
import { sendUntilAnswered } from '../utils/redeliver';

const messaging = defineExtensionMessaging<BackgroundProtocol & TabProtocol>();

/**
 * To the background, or, with a tab id, to the content script in that LinkedIn tab. What a stopping
 * service worker lost is sent again (utils/redeliver.ts): every message a page sends the background
 * may be handled twice without harm (it tells, or reads). A tab is asked once: a tab without
 * Vínculo's content script will not grow one.
 */
export const sendMessage = ((...args: Parameters<typeof messaging.sendMessage>) =>
  args[2] === undefined
    ? sendUntilAnswered(() => messaging.sendMessage(...args), true)
    : messaging.sendMessage(...args)) as typeof messaging.sendMessage;
