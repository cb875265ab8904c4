// The content script's side of Vínculo's protocol, speaking the wire format of @webext-core/messaging that
// the background and extension pages use ({ id, type, data, timestamp } out, { res } or { err } back): it
// asks the background (BackgroundProtocol) and answers what a LinkedIn tab is asked (TabProtocol). The
// library itself would take more than a kilobyte of the content script's 15 KB gzipped budget.
import type { GetDataType, GetReturnType } from '@webext-core/messaging';
import { browser } from 'wxt/browser';
import { sendUntilAnswered } from '../../utils/redeliver';
import type { BackgroundProtocol } from '../background/protocol';
import type { TabProtocol } from './protocol';

type Data<P, K extends keyof P> = GetDataType<P[K]>;
type Answer<P, K extends keyof P> = GetReturnType<P[K]>;
interface Wire {
  id?: number;
  type?: unknown;
  data?: unknown;
  timestamp?: unknown;
}

let nextId = Math.floor(Math.random() * 1e4);

// Each of these writes something new every time it is handled: sent again only if never delivered.
const once = new Set<keyof BackgroundProtocol>(['quickTouch']);

/** Asks the background; rejects with the background's error message. */
export function sendMessage<K extends keyof BackgroundProtocol>(
  type: K,
  data: Data<BackgroundProtocol, K>,
): Promise<Answer<BackgroundProtocol, K>> {
  const ask = async () => {
    const response = (await browser.runtime.sendMessage({
      id: nextId++,
      type,
      data,
      timestamp: Date.now(),
    })) as { res?: Answer<BackgroundProtocol, K>; err?: { message?: string } } | undefined;
    if (!response) throw new Error('No response');
    return response;
  };
  return sendUntilAnswered(ask, !once.has(type)).then((response) => {
    if (response.err) throw new Error(response.err.message);
    return response.res as Answer<BackgroundProtocol, K>;
  });
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

/** Answers one message sent to this tab; returns the function that stops answering it. */
export function onMessage<K extends keyof TabProtocol>(
  type: K,
  handler: (message: {
    data: Data<TabProtocol, K>;
  }) => Answer<TabProtocol, K> | Promise<Answer<TabProtocol, K>>,
): () => void {
  if (handlers.size === 0) browser.runtime.onMessage.addListener(listener);
  handlers.set(type, handler as (message: { data: unknown }) => unknown);
  return () => {
    handlers.delete(type);
    if (handlers.size === 0) browser.runtime.onMessage.removeListener(listener);
  };
}
