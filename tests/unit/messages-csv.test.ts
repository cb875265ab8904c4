// messages.csv becomes runs: consecutive messages from one side of a conversation, less than 24 hours
// apart, are one touch dated at the latest; spam, drafts and threads of more than three are not touches.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { LIMITS } from '../../storage/schemas';
import { parseMessageDate } from '../../utils/files/dates';
import type { MessageRun } from '../../utils/files/message-runs';
import { parseMessagesCsv } from '../../utils/files/messages';
import { messagesReportMessages } from '../../utils/files/messages-report';
import { importedSpan, legacyTouchId, lineageOf, touchId } from '../../utils/message-ids';
import { DAY } from '../../utils/time';
import { messagesCsv, who } from './messages-export';

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
  // 1:1 with Ana: my two messages are one run, then hers, then mine.
  { conv: 'c1', from: ME, to: [url('ana-garcia')], hh: 10, text: 'Hi Ana, how are you?' },
  { conv: 'c1', from: ME, to: [url('ana-garcia')], hh: 10, mm: 5, text: 'Coffee, ""soon""?' },
  { conv: 'c1', from: url('ana-garcia'), to: [ME], hh: 11, text: 'Yes!' },
  { conv: 'c1', from: ME, to: [url('ana-garcia')], hh: 12, text: 'Great' },
  // Bo wrote and nobody answered.
  { conv: 'c2', from: url('bo-li'), to: [ME], hh: 9, text: 'Hello' },
  // A thread of three: Cy speaks, then I answer both.
  { conv: 'c3', from: url('cy-ng'), to: [ME, url('ana-garcia')], hh: 8, text: 'Team?' },
  { conv: 'c3', from: ME, to: [url('cy-ng'), url('ana-garcia')], hh: 8, mm: 30, text: 'In' },
  // Sponsored mail has no person behind it; a member-id link names one the import may know by id.
  { conv: 'c4', from: '', to: [ME], hh: 7, text: 'Offer' },
  { conv: 'c5', from: url('ACoAAB1cD2eF3gH4iJ5kL6mN7oP8qR9sT0u'), to: [ME], hh: 7, text: 'Hi' },
  // Never sent.
  { conv: 'c2', from: ME, to: [url('bo-li')], hh: 13, text: 'Draft', folder: 'DRAFT' },
];

const run = (
  conversation: string,
  time: number,
  initiator: 'me' | 'them',
  person: string,
  row: number,
  first = time,
  note = '',
): MessageRun => ({ conversation, person, initiator, first, at: time, note, row });

describe('message runs', () => {
  it('makes one run per side and person, from the user found in every conversation', async () => {
    const result = await parseMessagesCsv(messagesFile(conversations));
    if (!result.ok) throw new Error(result.problem.code);
    expect(result.me).toBe('me-myself');
    expect(result.conversations).toBe(5);
    expect(result.messages).toBe(9);
    // The file lists the conversations above in reverse: the draft is row 2, Ana's first message row 11.
    expect(result.runs).toStrictEqual([
      run('c5', at(7), 'them', 'id:ACoAAB1cD2eF3gH4iJ5kL6mN7oP8qR9sT0u', 3),
      run('c3', at(8), 'them', 'cy-ng', 6),
      run('c3', at(8, 30), 'me', 'ana-garcia', 5),
      run('c3', at(8, 30), 'me', 'cy-ng', 5),
      run('c2', at(9), 'them', 'bo-li', 7),
      run('c1', at(10, 5), 'me', 'ana-garcia', 10, at(10)),
      run('c1', at(11), 'them', 'ana-garcia', 9),
      run('c1', at(12), 'me', 'ana-garcia', 8),
    ]);
    expect(result.excluded).toStrictEqual({
      spam: 0,
      drafts: 1,
      groupConversations: 0,
      groupMessages: 0,
      noPerson: 1,
    });
    expect(result.skipped).toStrictEqual([]);
  });

  it('gives the same runs on every parse', async () => {
    const first = await parseMessagesCsv(messagesFile(conversations));
    const again = await parseMessagesCsv(messagesFile(conversations));
    if (!first.ok || !again.ok) throw new Error('refused');
    expect(again.runs).toStrictEqual(first.runs);
  });

  it('stores no message text unless asked, and then the run text within the note limit', async () => {
    const kept = await parseMessagesCsv(messagesFile(conversations), { keepBodies: true });
    if (!kept.ok) throw new Error(kept.problem.code);
    expect(kept.runs.find((t) => t.at === at(10, 5))?.note).toBe('Hi Ana, how are you?\n\nCoffee, "soon"?');
    const long = 'x'.repeat(LIMITS.note + 500);
    const huge = await parseMessagesCsv(
      messagesFile([
        { conv: 'a', from: ME, to: [url('ana-garcia')], hh: 1, text: long },
        { conv: 'b', from: url('bo-li'), to: [ME], hh: 2 },
      ]),
      { keepBodies: true },
    );
    if (!huge.ok) throw new Error(huge.problem.code);
    expect(huge.runs[0]?.note).toHaveLength(LIMITS.note);
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
    expect(result.runs).toStrictEqual([
      run('c1', at(9), 'them', 'ana-garcia', 2),
      run('c2', at(11), 'them', 'bo-li', 4),
    ]);
    expect(result.excluded.drafts).toBe(1);
    expect(result.skipped).toStrictEqual([{ row: 5, reason: { code: 'badDate', value: 'not a date' } }]);
  });
});

describe('the 24-hour rule', () => {
  const ana = who('ana-garcia');
  const me = who('me-myself', 'Me');
  const t0 = Date.UTC(2024, 2, 5, 14, 22, 10);
  const file = (gaps: number[], from = ana) => {
    let time = t0;
    const list = gaps.map((gap) => {
      time += gap;
      return { conversation: 'c1', from, to: [from === ana ? me : ana], at: time };
    });
    // A second conversation so the user can be told apart from Ana.
    return messagesCsv([
      { conversation: 'c0', from: ana, to: [me], at: t0 },
      ...list,
      { conversation: 'c9', from: who('bo-li'), to: [me], at: t0 },
    ]);
  };
  const spans = async (text: string) => {
    const result = await parseMessagesCsv(text);
    if (!result.ok) throw new Error(result.problem.code);
    return result.runs.filter((r) => r.conversation === 'c1').map((r) => [r.first - t0, r.at - t0]);
  };

  it('joins messages under 24 hours apart, however long the run gets, and dates it at the latest', async () => {
    expect(await spans(file([0, DAY - 1000, DAY - 1000]))).toStrictEqual([[0, 2 * DAY - 2000]]);
  });

  it('starts a new touch after 24 hours or more, from either side', async () => {
    expect(await spans(file([0, DAY, DAY + 1000]))).toStrictEqual([
      [0, 0],
      [DAY, DAY],
      [2 * DAY + 1000, 2 * DAY + 1000],
    ]);
    expect(await spans(file([0, 5000, 40 * DAY], me))).toStrictEqual([
      [0, 5000],
      [40 * DAY + 5000, 40 * DAY + 5000],
    ]);
  });

  it('orders messages of the same second by side, not by the file, so every export splits alike', async () => {
    const same = [
      { conversation: 'c1', from: ana, to: [me], at: t0 },
      { conversation: 'c1', from: me, to: [ana], at: t0 },
      { conversation: 'c1', from: ana, to: [me], at: t0 + 60_000 },
      { conversation: 'c0', from: ana, to: [me], at: t0 },
      { conversation: 'c9', from: who('bo-li'), to: [me], at: t0 },
    ];
    const a = await parseMessagesCsv(messagesCsv(same, { order: 'asGiven' }));
    const b = await parseMessagesCsv(messagesCsv([...same].reverse(), { order: 'asGiven' }));
    if (!a.ok || !b.ok) throw new Error('refused');
    const shape = (runs: MessageRun[]) => runs.map(({ row: _row, ...r }) => r);
    expect(shape(a.runs)).toStrictEqual(shape(b.runs));
    expect(
      a.runs.filter((r) => r.conversation === 'c1').map((r) => [r.initiator, r.first - t0, r.at - t0]),
    ).toStrictEqual([
      ['me', 0, 0],
      ['them', 0, 60_000],
    ]);
  });
});

describe('message dates', () => {
  const tz = process.env.TZ;
  afterEach(() => {
    process.env.TZ = tz;
  });

  it('reads the export’s UTC dates, and a zone-less time as UTC too, in any time zone', () => {
    for (const zone of ['UTC', 'America/Los_Angeles', 'Asia/Kolkata', 'Pacific/Chatham']) {
      process.env.TZ = zone;
      expect(parseMessageDate('2024-03-05 14:22:10 UTC'), zone).toBe(Date.UTC(2024, 2, 5, 14, 22, 10));
      expect(parseMessageDate('2024-03-05 14:22:10'), zone).toBe(Date.UTC(2024, 2, 5, 14, 22, 10));
      expect(parseMessageDate('2024-03-05T14:22:10.000Z'), zone).toBe(Date.UTC(2024, 2, 5, 14, 22, 10));
      expect(parseMessageDate('3/5/2024, 2:22 PM'), zone).toBe(Date.UTC(2024, 2, 5, 14, 22));
    }
  });

  it('applies a numeric offset, and refuses what is not a real moment', () => {
    expect(parseMessageDate('2024-03-05 15:22:10 +01:00')).toBe(Date.UTC(2024, 2, 5, 14, 22, 10));
    expect(parseMessageDate('2024-03-05 09:22:10 -0500')).toBe(Date.UTC(2024, 2, 5, 14, 22, 10));
    expect(parseMessageDate('2024-02-30 10:00:00 UTC')).toBeNull();
    expect(parseMessageDate('1970-01-01 00:00:00 UTC')).toBeNull();
    expect(parseMessageDate('')).toBeNull();
  });
});

describe('what is not a touch', () => {
  const me = who('me-myself', 'Me');
  const people = ['ana-garcia', 'bo-li', 'cy-ng', 'dee-okafor'].map((s) => who(s));
  const [ana, bo, cy] = people as [ReturnType<typeof who>, ReturnType<typeof who>, ReturnType<typeof who>];
  const t0 = Date.UTC(2025, 0, 1);
  const thread = (conversation: string, members: ReturnType<typeof who>[], extra = {}) =>
    [me, ...members].map((from, i) => ({
      conversation,
      from,
      to: [me, ...members].filter((x) => x !== from),
      at: t0 + i * 60_000,
      ...extra,
    }));

  it('counts a thread of three for each of the two others, and leaves a bigger one out', async () => {
    const result = await parseMessagesCsv(
      messagesCsv([...thread('one', [ana]), ...thread('three', [ana, bo]), ...thread('four', [ana, bo, cy])]),
      { me: me.url },
    );
    if (!result.ok) throw new Error(result.problem.code);
    expect(result.runs.map((r) => [r.conversation, r.person, r.initiator])).toStrictEqual([
      ['one', 'ana-garcia', 'me'],
      ['three', 'ana-garcia', 'me'],
      ['three', 'bo-li', 'me'],
      ['one', 'ana-garcia', 'them'],
      ['three', 'ana-garcia', 'them'],
      ['three', 'bo-li', 'them'],
    ]);
    expect(result.excluded).toMatchObject({ groupConversations: 1, groupMessages: 4 });
  });

  it('leaves out the Spam folder and drafts, in either header, without a row line for each', async () => {
    const result = await parseMessagesCsv(
      messagesCsv([
        ...thread('one', [ana]),
        ...thread('spam', [bo], { folder: 'Spam' }),
        { conversation: 'one', from: me, to: [ana], at: t0 + DAY, draft: true },
        { conversation: 'one', from: me, to: [ana], at: t0 + 2 * DAY, folder: 'DRAFTS' },
      ]),
      { me: me.url },
    );
    if (!result.ok) throw new Error(result.problem.code);
    expect(result.runs.map((r) => r.person)).toStrictEqual(['ana-garcia', 'ana-garcia']);
    expect(result.excluded).toMatchObject({ spam: 2, drafts: 2 });
    expect(result.skipped).toStrictEqual([]);
  });

  it('does not take a namesake of the user for the user', async () => {
    const namesake = who('me-myself-2', 'Me');
    const result = await parseMessagesCsv(
      messagesCsv([...thread('one', [ana]), ...thread('two', [namesake]), ...thread('three', [bo])]),
    );
    if (!result.ok) throw new Error(result.problem.code);
    expect(
      result.runs.filter((r) => r.conversation === 'two').map((r) => [r.person, r.initiator]),
    ).toStrictEqual([
      ['me-myself-2', 'me'],
      ['me-myself-2', 'them'],
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
      expect(result.runs.map((t) => [t.person, t.initiator])).toStrictEqual([
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
      { conv: 'g1', from: url(sean), to: [ME, maria], hh: 8 },
      { conv: 'g3', from: kate, to: [ME], hh: 8 },
      // The same people, spelled otherwise; a list may end in a separator.
      {
        conv: 'g1',
        from: ME,
        to: [url('Sean-O%E2%80%99Connor-3b2a1c/'), 'linkedin.com/in/♾maria,infinita '],
        hh: 9,
      },
      { conv: 'g3', from: ME, to: ["www.linkedin.com/in/o'brien-kate~(pm)"], hh: 9 },
      { conv: 'g2', from: ME, to: [url('%F0%9F%9A%80rocket-rita'), ''], hh: 10 },
    ]);
    const result = await parseMessagesCsv(file, { me: ME });
    if (!result.ok) throw new Error(result.problem.code);
    expect(result.runs.map((r) => [r.conversation, r.at, r.initiator, r.person])).toStrictEqual([
      ['g1', at(8), 'them', sean],
      ['g3', at(8), 'them', "o'brien-kate~(pm)"],
      ['g1', at(9), 'me', sean],
      ['g1', at(9), 'me', '♾maria,infinita'],
      ['g3', at(9), 'me', "o'brien-kate~(pm)"],
      ['g2', at(10), 'me', '🚀rocket-rita'],
    ]);
    expect(result.excluded.groupConversations).toBe(0);
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
  const first = at(1);
  const last = at(3);

  it('name the conversation, side, person and messages of the run', () => {
    expect(touchId('c1', 'me', 'ana-garcia', first, last)).toBe(`msg:c1:me:ana-garcia:${first}-${last}`);
  });

  it('stay within the schema limit and stay deterministic for long conversation ids', () => {
    const conv = `2-${'Q'.repeat(180)}==`;
    const id = touchId(conv, 'me', 'ana-garcia', first, last);
    expect(id).toMatch(/^msg:h[0-9a-f]{16}:\d+-\d+$/);
    expect(touchId(conv, 'me', 'ana-garcia', first, last)).toBe(id);
    expect(touchId(conv, 'them', 'ana-garcia', first, last)).not.toBe(id);
  });

  it('tell which messages a stored touch stands for, for its own lineage only', () => {
    for (const conv of ['c1', `2-${'Q'.repeat(180)}==`]) {
      const lineage = lineageOf(conv, 'me', 'ana-garcia');
      const id = touchId(conv, 'me', 'ana-garcia', first, last);
      expect(importedSpan({ id, at: last }, lineage)).toStrictEqual({ first, last });
      expect(importedSpan({ id, at: last }, lineageOf(conv, 'them', 'ana-garcia'))).toBeUndefined();
      expect(importedSpan({ id, at: last }, lineageOf('c2', 'me', 'ana-garcia'))).toBeUndefined();
      // What the first version of the import wrote: a turn dated at its first message.
      const legacy = legacyTouchId(conv, first, 'me', 'ana-garcia');
      expect(importedSpan({ id: legacy, at: first }, lineage)).toStrictEqual({ first, last: first });
      expect(importedSpan({ id: 'a-uuid', at: first }, lineage)).toBeUndefined();
    }
  });
});

describe('the import report', () => {
  type Strings = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
  const strings: Record<'en' | 'es', Strings> = {
    en: JSON.parse(readFileSync('public/_locales/en/messages.json', 'utf8')),
    es: JSON.parse(readFileSync('public/_locales/es/messages.json', 'utf8')),
  };

  it('states added, merged and skipped, each reason with its count, and every unreadable row', () => {
    const report = messagesReportMessages(
      {
        excluded: { spam: 4, drafts: 2, groupConversations: 1, groupMessages: 40, noPerson: 3 },
        skipped: [{ row: 9, reason: { code: 'badDate', value: 'soon' } }],
      },
      {
        added: 10,
        merged: 2,
        existing: 5,
        untracked: 7,
        people: 6,
        invalid: [{ row: 4, reason: { code: 'invalidRecord', field: 'at' } }],
      },
    );
    expect(report.summary).toStrictEqual({
      key: 'import_messagesReport',
      substitutions: ['10', '2', '13', '6'],
    });
    expect(report.lines).toStrictEqual([
      { key: 'import_msgExisting', substitutions: ['5'] },
      { key: 'import_msgUntracked', substitutions: ['7'] },
      { key: 'import_msgSpam', substitutions: ['4'] },
      { key: 'import_msgDrafts', substitutions: ['2'] },
      { key: 'import_msgGroups', substitutions: ['1', '40', '3'] },
      { key: 'import_msgNoPerson', substitutions: ['3'] },
      { key: 'import_skip_invalidRecord', substitutions: ['4', 'at'] },
      { key: 'import_skip_badDate', substitutions: ['9', 'soon'] },
    ]);
    for (const { key, substitutions } of [report.summary, ...report.lines])
      for (const lang of ['en', 'es'] as const) {
        const entry = strings[lang][key];
        expect(entry, `${lang} ${key}`).toBeDefined();
        const contents = Object.values(entry?.placeholders ?? {}).map((p) => p.content);
        expect(contents.sort(), `${lang} ${key}`).toStrictEqual(substitutions.map((_, i) => `$${i + 1}`));
      }
  });

  it('says nothing about reasons that did not occur', () => {
    const none = { spam: 0, drafts: 0, groupConversations: 0, groupMessages: 0, noPerson: 0 };
    const counts = { added: 1, merged: 0, existing: 0, untracked: 0, people: 1, invalid: [] };
    expect(messagesReportMessages({ excluded: none, skipped: [] }, counts).lines).toStrictEqual([]);
  });
});
