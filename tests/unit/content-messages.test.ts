// The content script's messages to a service worker Chrome may be stopping (entrypoints/linkedin.content/
// messages.ts): what was never delivered is asked again; what may have been is asked again only when
// doing it twice is harmless, so a quick touch is never logged twice.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { sendMessage } from '../../entrypoints/linkedin.content/messages';

const notDelivered = () => new Error('Could not establish connection. Receiving end does not exist.');
const closed = () =>
  new Error(
    'A listener indicated an asynchronous response by returning true, but the message channel closed before a response was received',
  );
const view = { slug: 'ana', name: 'Ana', stage: 'acquaintance' };

function background(...replies: (Error | object | undefined)[]) {
  const asked: unknown[] = [];
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: unknown) => {
    asked.push(message);
    const reply = replies.shift();
    if (reply instanceof Error) throw reply;
    return reply;
  }) as typeof fakeBrowser.runtime.sendMessage);
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
