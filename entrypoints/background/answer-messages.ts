// The background answers every declared message, and only Vínculo's own pages and LinkedIn tabs, with a
// payload that passes its schema. Refusals are errors the sender sees; nothing is read or written.
import { defineExtensionMessaging } from '@webext-core/messaging';
import { browser } from 'wxt/browser';
import { isTrustedSender } from '../../utils/trusted-sender';
import type { MessageDefinition, MessageGroup } from './define-message';

// Until its schema has checked it, a payload that arrives is only `unknown`: the receiving side is typed
// as such, and each definition's schema turns it into its handler's input.
const { onMessage } = defineExtensionMessaging<Record<string, (data: unknown) => unknown>>();

function guarded({ schema, handler }: MessageDefinition) {
  return async ({ data, sender }: { data: unknown; sender: Parameters<typeof isTrustedSender>[0] }) => {
    const origin = new URL(browser.runtime.getURL('/')).origin;
    if (!isTrustedSender(sender, browser.runtime.id, origin)) {
      throw new Error('Vínculo refused a message from an unknown sender');
    }
    const parsed = schema.safeParse(data);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(
        `Vínculo refused a malformed message: ${issue?.path.join('.') || 'data'}: ${issue?.message}`,
      );
    }
    return handler(parsed.data);
  };
}

/** Registers every message of the protocol. Call synchronously at the top of the background's main (MV3). */
export function answerMessages(messages: MessageGroup): void {
  for (const [type, definition] of Object.entries(messages)) onMessage(type, guarded(definition));
}
