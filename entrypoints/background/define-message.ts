// One message of the background's protocol, declared once: its payload's schema and its handler. The
// protocol type the senders use is derived from these declarations (ProtocolOf), so the name, the
// payload and the answer cannot drift apart.
import type { z } from 'zod';

export interface MessageDefinition<S extends z.ZodType = z.ZodType, R = unknown> {
  schema: S;
  /** Receives the payload only once it has passed `schema`. */
  handler(data: z.output<S>): Promise<R>;
}

export function defineMessage<S extends z.ZodType, R>(
  schema: S,
  handler: (data: z.output<S>) => Promise<R>,
): MessageDefinition<S, R> {
  return { schema, handler };
}

export type MessageGroup = Record<string, MessageDefinition>;

/** What senders see: each message's payload as its schema accepts it, and the handler's answer. */
export type ProtocolOf<M extends MessageGroup> = {
  [K in keyof M]: (data: z.input<M[K]['schema']>) => Awaited<ReturnType<M[K]['handler']>>;
};
