// The content script's side of Vínculo's one message protocol (`ProtocolMap` in utils/messaging.ts),
// speaking the wire format of @webext-core/messaging that the background and extension pages use
// ({ id, type, data, timestamp } out, { res } or { err } back). The library itself would take more than
// a kilobyte of the content script's 15 KB gzipped budget; tests/unit/content-messages.test.ts checks
// that both sides understand each other.
import type { GetDataType, GetReturnType } from '@webext-core/messaging';
import { browser } from 'wxt/browser';
import type { ProtocolMap } from '../../utils/messaging';

type Name = keyof ProtocolMap;
type Data<K extends Name> = GetDataType<ProtocolMap[K]>;
type Answer<K extends Name> = GetReturnType<ProtocolMap[K]>;
interface Wire {
  id?: number;
  type?: unknown;
  data?: unknown;
  timestamp?: unknown;
}

let nextId = Math.floor(Math.random() * 1e4);

/** Asks the background; rejects with the background's error message. */
export async function sendMessage<K extends Name>(type: K, data: Data<K>): Promise<Answer<K>> {
  const response = (await browser.runtime.sendMessage({ id: nextId++, type, data, timestamp: Date.now() })) as
    | { res?: Answer<K>; err?: { message?: string } }
    | undefined;
  if (!response) throw new Error('No response');
  if (response.err) throw new Error(response.err.message);
  return response.res as Answer<K>;
}

const handlers = new Map<string, (message: { data: unknown }) => unknown>();

function listener(message: Wire, _sender: unknown, sendResponse: (response: unknown) => void): boolean {
  const handler =
    typeof message?.type === 'string' && typeof message.timestamp === 'number'
      ? handlers.get(message.type)
      : undefined;
  if (!handler) return false;
  Promise.resolve({ data: message.data })
    .then(handler)
    .then(
      (res) => sendResponse({ res }),
      (error: Error) =>
        sendResponse({ err: { name: 'Error', message: String(error?.message ?? error), stack: '' } }),
    );
  return true;
}

/** Answers one message from the background; returns the function that stops answering it. */
export function onMessage<K extends Name>(
  type: K,
  handler: (message: { data: Data<K> }) => Answer<K> | Promise<Answer<K>>,
): () => void {
  if (handlers.size === 0) browser.runtime.onMessage.addListener(listener);
  handlers.set(type, handler as (message: { data: unknown }) => unknown);
  return () => {
    handlers.delete(type);
    if (handlers.size === 0) browser.runtime.onMessage.removeListener(listener);
  };
}
