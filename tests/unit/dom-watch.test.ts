// @vitest-environment happy-dom
// The content script follows LinkedIn's DOM, not its own: adding a badge or dots does not wake the
// features again, and a profile's top card is read as soon as it arrives.
import { afterEach, describe, expect, it } from 'vitest';
import { addedElements, watchDom } from '../../entrypoints/linkedin.content/dom-watch';

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

  it('hands over what LinkedIn added, outermost elements only, and stops when aborted', async () => {
    const own = new AbortController();
    const seen: Element[][] = [];
    watchDom((records) => seen.push(addedElements(records)), own.signal);
    const card = document.createElement('li');
    card.append(document.createElement('a'));
    document.body.append(card, 'text', document.createElement('vinculo-dot'));
    await flush();
    expect(seen).toEqual([[card]]);
    own.abort();
    document.body.append(document.createElement('div'));
    await flush();
    expect(seen).toHaveLength(1);
  });
});
