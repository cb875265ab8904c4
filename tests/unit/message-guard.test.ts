import { describe, expect, it } from 'vitest';
import { backgroundMessages } from '../../entrypoints/background/protocol';
import { isTrustedSender } from '../../utils/trusted-sender';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}`;

describe('who the background answers', () => {
  it.each([
    [
      'a LinkedIn tab',
      { id: ID, url: 'https://www.linkedin.com/in/ana/', tab: { url: 'https://www.linkedin.com/in/ana/' } },
      true,
    ],
    ['a country LinkedIn tab', { id: ID, url: 'https://es.linkedin.com/feed/', tab: {} }, true],
    ['the popup', { id: ID, url: `${ORIGIN}/popup.html` }, true],
    [
      'the dashboard in a tab',
      { id: ID, url: `${ORIGIN}/options.html`, tab: { url: `${ORIGIN}/options.html` } },
      true,
    ],
    ['another extension', { id: 'other', url: 'https://www.linkedin.com/in/ana/', tab: {} }, false],
    ['a look-alike host', { id: ID, url: 'https://linkedin.com.evil.example/in/ana', tab: {} }, false],
    ['plain http LinkedIn', { id: ID, url: 'http://www.linkedin.com/in/ana/', tab: {} }, false],
    ['another site', { id: ID, url: 'https://example.com/', tab: {} }, false],
    ['no sender id', { url: `${ORIGIN}/popup.html` }, false],
  ])('%s → %s', (_name, sender, trusted) => {
    expect(isTrustedSender(sender, ID, ORIGIN)).toBe(trusted);
  });
});

describe('message payloads', () => {
  it('accept a batched lookup and refuse anything malformed', () => {
    expect(backgroundMessages.lookup.schema.safeParse({ slugs: ['ana-garcia'], memberIds: [] }).success).toBe(
      true,
    );
    expect(backgroundMessages.lookup.schema.safeParse({ slugs: ['Not A Slug'], memberIds: [] }).success).toBe(
      false,
    );
    expect(
      backgroundMessages.lookup.schema.safeParse({ slugs: Array(1001).fill('ana-garcia'), memberIds: [] })
        .success,
    ).toBe(false);
    expect(backgroundMessages.profileView.schema.safeParse({ slug: 'ana-garcia' }).success).toBe(true);
    expect(
      backgroundMessages.profileView.schema.safeParse({ memberId: 'ACoAAB1cD2eF3gH4iJ5kL6mN7oP8qR9sT0u' })
        .success,
    ).toBe(true);
    expect(backgroundMessages.profileView.schema.safeParse({ slug: 'Ana Garcia' }).success).toBe(false);
    expect(
      backgroundMessages.profileView.schema.safeParse({ slug: 'ana-garcia', memberId: 'x' }).success,
    ).toBe(false);
    expect(backgroundMessages.track.schema.safeParse({ slug: 'ana-garcia', name: '' }).success).toBe(false);
    expect(
      backgroundMessages.track.schema.safeParse({ slug: 'ana-garcia', name: 'Ana', extra: 1 }).success,
    ).toBe(false);
    expect(
      backgroundMessages.quickTouch.schema.safeParse({ slug: 'ana-garcia', kind: 'telepathy' }).success,
    ).toBe(false);
  });
});
