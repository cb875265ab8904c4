// @vitest-environment happy-dom
// The content script follows LinkedIn's DOM, not its own: adding a badge or dots does not wake the
// features again, and a profile's top card is read as soon as it arrives.
import { afterEach, describe, expect, it } from 'vitest';
import { watchDom } from '../../entrypoints/linkedin.content/dom-watch';

const flush = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms));
let stop = new AbortController();
afterEach(() => {
  stop.abort();
  stop = new AbortController();
  document.body.replaceChildren();
});

describe('watching LinkedIn’s DOM', () => {
  it('calls back as soon as LinkedIn changes the page, before any timer runs', async () => {
    let calls = 0;
    watchDom(() => calls++, stop.signal);
    document.body.append(document.createElement('section'));
    await Promise.resolve();
    expect(calls).toBe(1);
  });

  it('ignores Vínculo adding its own badge and dots', async () => {
    let calls = 0;
    watchDom(() => calls++, stop.signal);
    const card = document.createElement('li');
    document.body.append(card);
    await flush();
    card.append(document.createElement('vinculo-dot'), document.createElement('vinculo-dot'));
    document.body.append(document.createElement('vinculo-badge'));
    await flush();
    expect(calls).toBe(1);
    // Something removed alongside (LinkedIn re-rendering a card) is news again.
    card.replaceChildren(document.createElement('vinculo-dot'));
    await flush();
    expect(calls).toBe(2);
  });

  it('settles a burst into one call when given a delay, and stops when aborted', async () => {
    const own = new AbortController();
    let calls = 0;
    watchDom(() => calls++, own.signal, 20);
    for (let i = 0; i < 5; i++) document.body.append(document.createElement('div'));
    await flush(40);
    expect(calls).toBe(1);
    own.abort();
    document.body.append(document.createElement('div'));
    await flush(40);
    expect(calls).toBe(1);
  });
});
