import { browser } from 'wxt/browser';
import type { z } from 'zod';
import { isTrustedSender, type SenderInfo } from '../../utils/message-schemas';

/**
 * Wraps a handler so that it runs only for Vínculo's own pages and LinkedIn
 * tabs, and only with a payload that passes its schema. Refusals are errors
 * the sender sees; nothing is read or written.
 */
export function guarded<S extends z.ZodType, R>(
  schema: S,
  handler: (data: z.infer<S>) => Promise<R>,
): (message: { data: unknown; sender: SenderInfo }) => Promise<R> {
  return async ({ data, sender }) => {
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
