// Messages to a service worker Chrome may be stopping (utils/redeliver.ts), from the content script
// (entrypoints/linkedin.content/messages.ts) and from Vínculo's pages (storage/messaging.ts): what was
// never delivered is asked again; what may have been is asked again only when doing it twice is
// harmless, so a quick touch is never logged twice.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { sendMessage } from '../../entrypoints/linkedin.content/messages';
import { sendMessage as sendFromPage } from '../../storage/messaging';

const notDelivered = () => new Error('Could not establish connection. Receiving end does not exist.');
const closed = () =>
  new Error(
    'A listener indicated an asynchronous response by returning true, but the message channel closed before a response was received',
  );
const view = { slug: 'ana', name: 'Ana', stage: 'acquaintance' };

function background(...replies: (Error | object | undefined)[]) {
  const asked: unknown[] = [];
  const answer = async (message: unknown) => {
    asked.push(message);
    const reply = replies.shift();
    if (reply instanceof Error) throw reply;
    return reply;
  };
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(
    answer as typeof fakeBrowser.runtime.sendMessage,
  );
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(answer as typeof fakeBrowser.tabs.sendMessage);
  return asked;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('a message to a service worker that is stopping', () => {
  it('is asked again when it was never delivered, and gets its answer', async () => {
    const asked = background(notDelivered(), notDelivered(), { res: view });
    await expect(sendMessage('profileView', { slug: 'ana' })).resolves.toEqual(view);
    expect(asked).toHaveLength(3);
    expect(asked.map((m) => (m as { type: string }).type)).toEqual([
      'profileView',
      'profileView',
      'profileView',
    ]);
  });

  it('gives up after three tries, with the browser’s error', async () => {
    const asked = background(notDelivered(), notDelivered(), notDelivered(), { res: view });
    await expect(sendMessage('lookup', { slugs: ['ana'], memberIds: [] })).rejects.toThrow(
      'Receiving end does not exist',
    );
    expect(asked).toHaveLength(3);
  });

  it('is asked again after a lost answer when doing it twice is harmless', async () => {
    const asked = background(closed(), undefined, { res: view });
    await expect(sendMessage('track', { slug: 'ana', name: 'Ana' })).resolves.toEqual(view);
    expect(asked).toHaveLength(3);
  });

  it('never logs a quick touch twice: a lost answer is an error, an undelivered one is asked again', async () => {
    const lost = background(closed(), { res: view });
    await expect(sendMessage('quickTouch', { slug: 'ana', kind: 'call' })).rejects.toThrow('channel closed');
    expect(lost).toHaveLength(1);
    vi.restoreAllMocks();
    const undelivered = background(notDelivered(), { res: view });
    await expect(sendMessage('quickTouch', { slug: 'ana', kind: 'call' })).resolves.toEqual(view);
    expect(undelivered).toHaveLength(2);
  });

  it('never asks again what the background answered with an error', async () => {
    const asked = background({ err: { message: 'invalid slug' } }, { res: view });
    await expect(sendMessage('profileView', { slug: 'ana' })).rejects.toThrow('invalid slug');
    expect(asked).toHaveLength(1);
  });
});

/** Chrome's callback API, as @webext-core/messaging uses it on Vínculo's pages: the replies in turn. */
function chromeAnswering(...replies: (Error | object)[]) {
  const asked: unknown[] = [];
  const runtime = {
    lastError: undefined as { message: string } | undefined,
    sendMessage(message: unknown, callback: (response: unknown) => void) {
      asked.push(message);
      const reply = replies.shift();
      if (reply instanceof Error) runtime.lastError = { message: reply.message };
      callback(reply instanceof Error ? undefined : reply);
      runtime.lastError = undefined;
    },
  };
  const tabs = {
    sendMessage(_tab: number, message: unknown, _options: unknown, callback: (response: unknown) => void) {
      asked.push(message);
      const reply = replies.shift();
      callback(reply instanceof Error ? undefined : reply);
    },
  };
  vi.stubGlobal('chrome', { runtime, tabs });
  return asked;
}

describe('a message from Vínculo’s pages', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('to the background is sent again when a stopping worker never got it', async () => {
    const asked = chromeAnswering(notDelivered(), { res: undefined });
    await expect(sendFromPage('peopleChanged', { slugs: ['ana'] })).resolves.toBeUndefined();
    expect(asked).toHaveLength(2);
  });

  it('to a LinkedIn tab is asked once: a tab without the content script will not grow one', async () => {
    const asked = chromeAnswering(notDelivered(), { res: null });
    await sendFromPage('readProfile', undefined, 7).catch(() => undefined);
    expect(asked).toHaveLength(1);
  });
});
