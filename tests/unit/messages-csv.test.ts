// messages.csv becomes one touch per conversation turn between the user and someone else.
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../storage/schemas';
import { type MessageTouch, parseMessagesCsv, touchId } from '../../utils/messages-csv';

const HEADER =
  'CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER';
const url = (slug: string) => `https://www.linkedin.com/in/${slug}`;
const ME = url('me-myself');
const at = (hh: number, mm = 0) => Date.UTC(2023, 3, 22, hh, mm);
const date = (hh: number, mm = 0) =>
  `2023-04-22 ${String(hh).padStart(2, '0')}:${String(mm).padStart(2, '0')}:00 UTC`;

interface Msg {
  conv: string;
  from: string;
  to: string[];
  hh: number;
  mm?: number;
  text?: string;
  folder?: string;
}

const row = (m: Msg) =>
  [
    m.conv,
    '',
    'Someone',
    m.from,
    'Someone Else',
    `"${m.to.join(',')}"`,
    date(m.hh, m.mm),
    '',
    `"${m.text ?? ''}"`,
    m.folder ?? 'INBOX',
  ].join(',');

/** LinkedIn lists the newest message first. */
const messagesFile = (messages: Msg[]) => `${[HEADER, ...messages.map(row).reverse()].join('\n')}\n`;

const conversations: Msg[] = [
  // 1:1 with Ana: my two messages are one turn, then hers, then mine.
  { conv: 'c1', from: ME, to: [url('ana-garcia')], hh: 10, text: 'Hi Ana, how are you?' },
  { conv: 'c1', from: ME, to: [url('ana-garcia')], hh: 10, mm: 5, text: 'Coffee, ""soon""?' },
  { conv: 'c1', from: url('ana-garcia'), to: [ME], hh: 11, text: 'Yes!' },
  { conv: 'c1', from: ME, to: [url('ana-garcia')], hh: 12, text: 'Great' },
  // Bo wrote and nobody answered.
  { conv: 'c2', from: url('bo-li'), to: [ME], hh: 9, text: 'Hello' },
  // A group: Cy speaks, then I answer both.
  { conv: 'c3', from: url('cy-ng'), to: [ME, url('ana-garcia')], hh: 8, text: 'Team?' },
  { conv: 'c3', from: ME, to: [url('cy-ng'), url('ana-garcia')], hh: 8, mm: 30, text: 'In' },
  // Sponsored mail has no person behind it; a member-id link keys nobody.
  { conv: 'c4', from: '', to: [ME], hh: 7, text: 'Offer' },
  { conv: 'c5', from: url('ACoAAB1cD2eF3gH4iJ5kL6mN7oP8qR9sT0u'), to: [ME], hh: 7, text: 'Hi' },
  // Never sent.
  { conv: 'c2', from: ME, to: [url('bo-li')], hh: 13, text: 'Draft', folder: 'DRAFT' },
];

const touch = (
  conv: string,
  time: number,
  initiator: 'me' | 'them',
  personId: string,
  note = '',
): MessageTouch => ({
  id: `msg:${conv}:${time}:${initiator}:${personId}`,
  personId,
  at: time,
  kind: 'message',
  initiator,
  value: 'none',
  note,
});

describe('message turns', () => {
  it('makes one touch per turn with a person, from the user found in every conversation', async () => {
    const result = await parseMessagesCsv(messagesFile(conversations));
    if (!result.ok) throw new Error(result.problem.code);
    expect(result.me).toBe('me-myself');
    expect(result.conversations).toBe(5);
    expect(result.messages).toBe(9);
    expect(result.touches).toStrictEqual([
      touch('c3', at(8), 'them', 'cy-ng'),
      touch('c3', at(8, 30), 'me', 'ana-garcia'),
      touch('c3', at(8, 30), 'me', 'cy-ng'),
      touch('c2', at(9), 'them', 'bo-li'),
      touch('c1', at(10), 'me', 'ana-garcia'),
      touch('c1', at(11), 'them', 'ana-garcia'),
      touch('c1', at(12), 'me', 'ana-garcia'),
    ]);
    // LinkedIn lists newest first: the draft is the file's second row.
    expect(result.skipped).toStrictEqual([{ row: 2, reason: { code: 'draft' } }]);
  });

  it('gives the same ids on every parse, so a re-import adds nothing', async () => {
    const first = await parseMessagesCsv(messagesFile(conversations));
    const again = await parseMessagesCsv(messagesFile(conversations));
    if (!first.ok || !again.ok) throw new Error('refused');
    expect(again.touches.map((t) => t.id)).toStrictEqual(first.touches.map((t) => t.id));
  });

  it('stores no message text unless asked, and then the turn text within the note limit', async () => {
    const kept = await parseMessagesCsv(messagesFile(conversations), { keepBodies: true });
    if (!kept.ok) throw new Error(kept.problem.code);
    expect(kept.touches.find((t) => t.at === at(10))?.note).toBe('Hi Ana, how are you?\n\nCoffee, "soon"?');
    const long = 'x'.repeat(LIMITS.note + 500);
    const huge = await parseMessagesCsv(
      messagesFile([
        { conv: 'a', from: ME, to: [url('ana-garcia')], hh: 1, text: long },
        { conv: 'b', from: url('bo-li'), to: [ME], hh: 2 },
      ]),
      { keepBodies: true },
    );
    if (!huge.ok) throw new Error(huge.problem.code);
    expect(huge.touches[0]?.note).toHaveLength(LIMITS.note);
  });

  it('reads columns by name in a newer export with more columns in another order', async () => {
    const file = [
      'CONVERSATION ID,DATE,FROM,TO,SENDER PROFILE URL,RECIPIENT PROFILE URLS,IS MESSAGE DRAFT,CONTENT,ATTACHMENTS,FOLDER',
      `c1,${date(9)},Ana,Me,${url('ana-garcia')},${ME},No,Hi,,INBOX`,
      `c1,${date(10)},Me,Ana,${ME},${url('ana-garcia')},Yes,Unsent,,INBOX`,
      `c2,${date(11)},Bo,Me,${url('bo-li')},${ME},No,Hey,,INBOX`,
      `c2,not a date,Bo,Me,${url('bo-li')},${ME},No,Hey,,INBOX`,
    ].join('\n');
    const result = await parseMessagesCsv(file);
    if (!result.ok) throw new Error(result.problem.code);
    expect(result.touches).toStrictEqual([
      touch('c1', at(9), 'them', 'ana-garcia'),
      touch('c2', at(11), 'them', 'bo-li'),
    ]);
    expect(result.skipped).toStrictEqual([
      { row: 3, reason: { code: 'draft' } },
      { row: 5, reason: { code: 'badDate', value: 'not a date' } },
    ]);
  });
});

describe('who the user is', () => {
  const single = messagesFile([
    { conv: 'c1', from: ME, to: [url('ana-garcia')], hh: 10 },
    { conv: 'c1', from: url('ana-garcia'), to: [ME], hh: 11 },
  ]);

  it('asks when one conversation cannot tell the two people apart', async () => {
    expect(await parseMessagesCsv(single)).toStrictEqual({ ok: false, problem: { code: 'ownerUnknown' } });
  });

  it('takes the user from an option, as a profile URL or a slug', async () => {
    for (const me of [`${ME}/`, 'Me-Myself']) {
      const result = await parseMessagesCsv(single, { me });
      if (!result.ok) throw new Error(result.problem.code);
      expect(result.touches.map((t) => [t.personId, t.initiator])).toStrictEqual([
        ['ana-garcia', 'me'],
        ['ana-garcia', 'them'],
      ]);
    }
  });

  it('refuses a user who is in no conversation', async () => {
    expect(await parseMessagesCsv(single, { me: 'someone-else' })).toStrictEqual({
      ok: false,
      problem: { code: 'ownerNotFound' },
    });
  });
});

describe('slugs beyond letters, digits and hyphens', () => {
  it('keys people by slugs with apostrophes, symbols and commas, raw or encoded', async () => {
    const sean = 'sean-o’connor-3b2a1c';
    const maria = 'https://es.linkedin.com/in/%E2%99%BEMaria,Infinita/';
    const kate = " http://linkedin.com/in/O'Brien-Kate~(PM)";
    const file = messagesFile([
      { conv: 'g1', from: url(sean), to: [ME, maria, kate], hh: 8 },
      // The same people, spelled otherwise; a list may end in a separator.
      {
        conv: 'g1',
        from: ME,
        to: [
          url('Sean-O%E2%80%99Connor-3b2a1c/'),
          'linkedin.com/in/♾maria,infinita ',
          "www.linkedin.com/in/o'brien-kate~(pm)",
        ],
        hh: 9,
      },
      { conv: 'g2', from: ME, to: [url('%F0%9F%9A%80rocket-rita'), ''], hh: 10 },
    ]);
    const result = await parseMessagesCsv(file, { me: ME });
    if (!result.ok) throw new Error(result.problem.code);
    expect(result.touches).toStrictEqual([
      touch('g1', at(8), 'them', sean),
      touch('g1', at(9), 'me', "o'brien-kate~(pm)"),
      touch('g1', at(9), 'me', sean),
      touch('g1', at(9), 'me', '♾maria,infinita'),
      touch('g2', at(10), 'me', '🚀rocket-rita'),
    ]);
  });
});

describe('bad messages files', () => {
  it('names a missing column', async () => {
    const file =
      'CONVERSATION ID,FROM,TO,RECIPIENT PROFILE URLS,DATE,CONTENT\nc1,a,b,x,2023-04-22 08:18:59 UTC,hi\n';
    expect(await parseMessagesCsv(file)).toStrictEqual({
      ok: false,
      problem: { code: 'missingColumn', column: 'SENDER PROFILE URL' },
    });
  });

  it('says so when given Connections.csv', async () => {
    const file = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On\n';
    expect(await parseMessagesCsv(file)).toStrictEqual({
      ok: false,
      problem: { code: 'wrongFile', expected: 'messages.csv', found: 'Connections.csv' },
    });
  });

  it('refuses empty and binary input', async () => {
    expect(await parseMessagesCsv(new Blob([]))).toStrictEqual({ ok: false, problem: { code: 'empty' } });
    expect(await parseMessagesCsv(new Uint8Array([0, 1, 2, 3, 0xff]))).toStrictEqual({
      ok: false,
      problem: { code: 'binary' },
    });
  });
});

describe('touch ids', () => {
  it('stay within the schema limit and stay deterministic for long conversation ids', () => {
    const conv = `2-${'Q'.repeat(180)}==`;
    const id = touchId(conv, at(1), 'me', 'ana-garcia');
    expect(id).toMatch(/^msg:h[0-9a-f]{16}$/);
    expect(touchId(conv, at(1), 'me', 'ana-garcia')).toBe(id);
    expect(touchId(conv, at(1), 'them', 'ana-garcia')).not.toBe(id);
  });
});
