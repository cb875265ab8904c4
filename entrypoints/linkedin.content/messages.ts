// The content script's side of Vínculo's protocol, speaking the wire format of @webext-core/messaging that
// the background and extension pages use ({ id, type, data, timestamp } out, { res } or { err } back): it
// asks the background (BackgroundProtocol) and answers what a LinkedIn tab is asked (TabProtocol). The
// library itself would take more than a kilobyte of the content script's 15 KB gzipped budget.
import type { GetDataType, GetReturnType } from '@webext-core/messaging';
import { browser } from 'wxt/browser';
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

// Chrome stops an idle service worker at will, and a message that arrives while it is stopping is
// lost: "Receiving end does not exist" (never delivered) or a channel closed before the answer (maybe
// delivered). The first is always asked again; the second only for what may safely happen twice.
const RETRY_MS = [100, 400];
const notDelivered = (error: unknown) =>
  /Receiving end does not exist|Could not establish connection/i.test(String(error));
// Each of these writes something new every time it is handled.
const once = new Set<keyof BackgroundProtocol>(['quickTouch']);

/** Asks the background; rejects with the background's error message. */
export async function sendMessage<K extends keyof BackgroundProtocol>(
  type: K,
  data: Data<BackgroundProtocol, K>,
): Promise<Answer<BackgroundProtocol, K>> {
  for (let attempt = 0; ; attempt++) {
    let response: { res?: Answer<BackgroundProtocol, K>; err?: { message?: string } } | undefined;
    let lost: unknown;
    try {
      response = await browser.runtime.sendMessage({ id: nextId++, type, data, timestamp: Date.now() });
      if (!response) lost = new Error('No response');
    } catch (error) {
      lost = error;
    }
    if (lost === undefined) {
      if (response?.err) throw new Error(response.err.message);
      return response?.res as Answer<BackgroundProtocol, K>;
    }
    const wait = RETRY_MS[attempt];
    if (wait === undefined || (once.has(type) && !notDelivered(lost))) throw lost;
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
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
