// Importing LinkedIn's export merges without overwriting what the user set, writes nothing for a
// refused file, and adds nothing twice; messages.csv gives each person the date of their latest message.
import { beforeEach, describe, expect, it } from 'vitest';
import { setChangeListener } from '../../storage/changes';
import { db } from '../../storage/db';
import { importConnections } from '../../storage/import-connections';
import { importMessageRuns } from '../../storage/import-messages';
import { getPerson, setStage, snoozePerson, trackPerson, updatePerson } from '../../storage/people';
import type { Touch } from '../../storage/schemas';
import { getSettings } from '../../storage/settings';
import { addTouch, updateTouch } from '../../storage/touches';
import { computeDueAt } from '../../utils/cadence';
import { type ConnectionRow, parseConnectionsCsv } from '../../utils/files/connections';
import type { CsvInput } from '../../utils/files/csv';
import type { MessageRun } from '../../utils/files/message-runs';
import { type MessagesOptions, parseMessagesCsv } from '../../utils/files/messages';
import { DAY } from '../../utils/time';
import { conversationId, type ExportMessage, messagesCsv, random, type Who, who } from './messages-export';

const T0 = Date.UTC(2026, 0, 10, 12);
const HEADER = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On';
const connectionsFile = (rows: string[]) =>
  `Notes:\n"When exporting your connection data, you may notice that some of the email addresses are missing."\n\n${[HEADER, ...rows].join('\n')}\n`;
const noon = (y: number, m: number, d: number) => new Date(y, m - 1, d, 12).getTime();

let changed: string[][] = [];
beforeEach(async () => {
  await db.delete();
  await db.open();
  changed = [];
  setChangeListener((slugs) => changed.push(slugs));
});

const counts = async () => ({
  people: await db.people.count(),
  touches: await db.touches.count(),
  nextSteps: await db.nextSteps.count(),
});

/** What the dashboard does: parse, and write only if the file was accepted. */
async function importConnectionsFile(input: CsvInput, now = T0) {
  const parsed = await parseConnectionsCsv(input);
  if (!parsed.ok) return parsed;
  return { ok: true as const, parsed, report: await importConnections(parsed.rows, now) };
}

describe('importing Connections.csv', () => {
  const file = connectionsFile([
    'Ana,García,https://www.linkedin.com/in/ana-garcia,,Acme,"Head of Platform, EMEA",30 May 2024',
    'Bo,Li,https://www.linkedin.com/in/bo-li,bo@example.com,Delta,Founder,12 Jan 2021',
    ',,,,,,14 Feb 2019',
    'Bo,Li,https://www.linkedin.com/in/bo-li/,,,,12 Jan 2021',
  ]);

  it('tracks new people as imported contacts with their connection date and no due date', async () => {
    const result = await importConnectionsFile(file);
    if (!result.ok) throw new Error(result.problem.code);
    expect(result.report).toStrictEqual({ imported: 2, updated: 0, unchanged: 0, skipped: [] });
    expect(result.parsed.skipped.map((s) => s.reason.code)).toStrictEqual(['blankRow', 'duplicate']);
    expect(await getPerson('ana-garcia')).toStrictEqual({
      slug: 'ana-garcia',
      name: 'Ana García',
      headline: 'Head of Platform, EMEA',
      company: 'Acme',
      connectedOn: noon(2024, 5, 30),
      stage: 'contact',
      tags: [],
      about: '',
      source: 'import',
      createdAt: T0,
      updatedAt: T0,
      metInPerson: false,
      roleChanges: [],
    });
    expect((await getPerson('bo-li'))?.email).toBe('bo@example.com');
    expect(changed).toStrictEqual([['ana-garcia', 'bo-li']]);
  });

  it('keeps what the user set on a tracked person, who only gains the facts they lacked', async () => {
    await trackPerson({ slug: 'ana-garcia', name: 'Ana G.', headline: 'Engineer' }, T0 - 30 * DAY);
    await setStage('ana-garcia', 'acquaintance', T0 - 30 * DAY);
    await updatePerson(
      'ana-garcia',
      { tags: ['mentor'], about: 'Met at JSConf', cadenceDays: 21 },
      T0 - 30 * DAY,
    );
    const before = await getPerson('ana-garcia');
    const result = await importConnectionsFile(file, T0);
    if (!result.ok) throw new Error(result.problem.code);
    expect(result.report).toMatchObject({ imported: 1, updated: 1, unchanged: 0 });
    expect(await getPerson('ana-garcia')).toStrictEqual({
      ...before,
      company: 'Acme',
      connectedOn: noon(2024, 5, 30),
      updatedAt: T0,
    });
    expect(before?.dueAt).toBe(T0 - 30 * DAY + 21 * DAY);
  });

  it('leaves everyone unchanged on a second import of the same file', async () => {
    await importConnectionsFile(file, T0);
    const first = await db.people.toArray();
    changed = [];
    const again = await importConnectionsFile(file, T0 + DAY);
    if (!again.ok) throw new Error(again.problem.code);
    expect(again.report).toStrictEqual({ imported: 0, updated: 0, unchanged: 2, skipped: [] });
    expect(await db.people.toArray()).toStrictEqual(first);
    expect(changed).toStrictEqual([]);
  });

  it('reports a row the database refuses instead of failing the import', async () => {
    const rows: ConnectionRow[] = [
      { row: 5, slug: 'ana-garcia', name: 'Ana' },
      { row: 6, slug: 'bo-li', name: 'Bo', connectedOn: Number.NaN },
      { row: 7, slug: 'ana-garcia', name: 'Ana again' },
    ];
    expect(await importConnections(rows, T0)).toStrictEqual({
      imported: 1,
      updated: 0,
      unchanged: 0,
      skipped: [
        { row: 6, reason: { code: 'invalidRecord', field: 'connectedOn' } },
        { row: 7, reason: { code: 'duplicate', of: 5 } },
      ],
    });
  });

  it.each<[string, CsvInput]>([
    ['no URL column', 'First Name,Last Name,Company\nAna,Gil,Acme\n'],
    ['wrong columns', 'Name,Phone\nAna,555\n'],
    ['binary junk', new Uint8Array(Array.from({ length: 2048 }, (_, i) => (i * 7919) % 256))],
    ['an empty string', ''],
    ['0 bytes', new Blob([])],
    ['one enormous line', 'x'.repeat(5 * 2 ** 20)],
    ['text that is not UTF-8', new Uint8Array([...new TextEncoder().encode(`${HEADER}\nJos`), 0xe9, 0x0a])],
  ])('writes nothing for a refused file: %s', async (_name, input) => {
    await trackPerson({ slug: 'zoe-ray', name: 'Zoë Ray' }, T0);
    const before = await counts();
    changed = [];
    const result = await importConnectionsFile(input);
    expect(result.ok).toBe(false);
    expect(await counts()).toStrictEqual(before);
    expect(changed).toStrictEqual([]);
  });

  it('imports 30,000 rows in one go, with the right counts and one change notice', async () => {
    const rows = Array.from(
      { length: 30_000 },
      (_, i) =>
        `Zoë,"Núñez, ${i}",https://www.linkedin.com/in/zoe-nunez-${i},,"Acme, Inc",Engineer,${(i % 28) + 1} May 2024`,
    );
    await trackPerson({ slug: 'zoe-nunez-7', name: 'Zoë N.' }, T0);
    const text = connectionsFile([...rows, rows[0]!]);
    const started = performance.now();
    const parsed = await parseConnectionsCsv(new Blob([text]));
    const parsedAt = performance.now();
    if (!parsed.ok) throw new Error(parsed.problem.code);
    changed = [];
    const report = await importConnections(parsed.rows, T0);
    const done = performance.now();
    console.info(
      `30,000 rows: parse+map ${(parsedAt - started).toFixed(0)} ms, fake-indexeddb write ${(done - parsedAt).toFixed(0)} ms`,
    );
    expect(report).toStrictEqual({ imported: 29_999, updated: 1, unchanged: 0, skipped: [] });
    expect(parsed.skipped).toStrictEqual([{ row: 30_005, reason: { code: 'duplicate', of: 5 } }]);
    expect(await db.people.count()).toBe(30_000);
    expect(changed).toHaveLength(1);
    expect(changed[0]).toHaveLength(30_000);
    // A loose guard against an accidental per-row transaction, not a benchmark.
    expect(done - started).toBeLessThan(30_000);
  }, 60_000);
});

// ---------------------------------------------------------------------------------------------------
// messages.csv: a realistic export with the failure classes a real one showed (people dated at the
// start of a burst, or months before their latest message), then re-imports and overlapping exports.

const d = (text: string) => Date.parse(`${text.replace(' ', 'T')}:00Z`);
const ME = who('maria-lopez-8a1b2c', 'María López');
// The same user under the vanity URL she had before renaming it: LinkedIn keeps it in old conversations.
const ME_BEFORE = who('mlopez', 'María López');
const ana = who('ana-garcia-3f2e1d', 'Ana García');
const bo = who('bo-li', 'Bo Li');
const cy = who('cy-ng', 'Cy Ng');
const dee = who('dee-okafor', 'Dee Okafor');
const eva = who('eva-novak', 'Eva Novák');
const fin = who('fin-walsh', 'Fin Walsh');
const gil = who('gil-mor', 'Gil Mor');
const hana = who('hana-sato', 'Hana Sato');
const lea = who('lea-roux', 'Léa Roux');
const max = who('max-brandt', 'Max Brandt');
const crowd = ['ivan-petrov', 'jo-king', 'kim-park', 'lu-chen'].map((s) => who(s));
const c = {
  ana: conversationId('ana'),
  bo: conversationId('bo'),
  cyOld: conversationId('cy-2024'),
  cyNew: conversationId('cy-2025'),
  dee: conversationId('dee'),
  eva: conversationId('eva'),
  evaSpam: conversationId('eva-spam'),
  fin: conversationId('fin'),
  gil: conversationId('gil'),
  group: conversationId('meetup'),
  intro: conversationId('intro'),
  hana: conversationId('hana'),
};
const m = (conversation: string, from: Who, to: Who[], at: string, extra: Partial<ExportMessage> = {}) => ({
  conversation,
  from,
  to,
  at: d(at),
  content: `${from.name} at ${at}`,
  ...extra,
});

const everyone = [ana, bo, cy, dee, eva, fin, gil, hana, lea, max, ...crowd];
const exportMessages: ExportMessage[] = [
  // A burst from Ana is dated at its last message; the gaps are under 24 hours, the span is not.
  m(c.ana, ME, [ana], '2025-03-01 09:00'),
  m(c.ana, ana, [ME], '2025-03-01 10:00'),
  m(c.ana, ana, [ME], '2025-03-01 13:30'),
  m(c.ana, ana, [ME], '2025-03-02 08:00'),
  m(c.ana, ME, [ana], '2025-03-05 10:00'),
  m(c.ana, ana, [ME], '2025-03-05 11:00'),
  m(c.ana, ana, [ME], '2025-03-06 09:00'),
  m(c.ana, ana, [ME], '2025-03-07 08:00'),
  // My follow-up to Bo three months after an unanswered message is a touch of its own.
  m(c.bo, ME, [bo], '2025-01-10 10:00'),
  m(c.bo, ME, [bo], '2025-04-20 10:00'),
  // Two conversations with Cy; in the newer one LinkedIn left the recipient cell empty.
  m(c.cyOld, cy, [ME], '2024-11-05 18:00'),
  m(c.cyOld, ME, [cy], '2024-11-06 08:00'),
  m(c.cyNew, ME, [cy], '2025-06-01 09:00'),
  m(c.cyNew, cy, [], '2025-06-01 12:00'),
  // With Dee, the user still appears under her previous vanity URL.
  m(c.dee, dee, [ME_BEFORE], '2025-07-15 09:00'),
  m(c.dee, ME_BEFORE, [dee], '2025-07-16 10:00'),
  // Eva's real conversation, and a later one that LinkedIn filed as spam.
  m(c.eva, eva, [ME], '2025-05-01 16:00'),
  m(c.evaSpam, eva, [ME], '2025-09-01 16:00', { folder: 'SPAM' }),
  // A draft to Fin was never sent.
  m(c.fin, fin, [ME], '2025-08-01 07:00'),
  m(c.fin, ME, [fin], '2025-08-03 07:00', { draft: true }),
  // Gil one to one, and a six-person thread where Gil and Hana also speak.
  m(c.gil, gil, [ME], '2025-02-01 12:00'),
  m(c.group, gil, [ME, hana, ...crowd], '2025-10-01 09:00', { title: 'Meetup organisers' }),
  m(c.group, ME, [gil, hana, ...crowd], '2025-10-01 10:00', { title: 'Meetup organisers' }),
  m(c.group, hana, [ME, gil, ...crowd], '2025-10-02 10:00', { title: 'Meetup organisers' }),
  // Léa introduces Max in a three-person thread: a touch with each of them.
  m(c.intro, lea, [ME, max], '2025-09-10 09:00'),
  m(c.intro, ME, [lea, max], '2025-09-10 15:00'),
  m(c.intro, max, [ME, lea], '2025-09-11 09:00'),
  // Sponsored mail comes from no person.
  m(conversationId('premium'), { name: 'LinkedIn Premium', url: '' }, [ME], '2025-04-01 10:00'),
];

/** Every person's expected last touch: the latest message with them that is a touch. */
const expectedLast: Record<string, number | undefined> = {
  [slugOf(ana)]: d('2025-03-07 08:00'),
  [slugOf(bo)]: d('2025-04-20 10:00'),
  [slugOf(cy)]: d('2025-06-01 12:00'),
  [slugOf(dee)]: d('2025-07-16 10:00'),
  [slugOf(eva)]: d('2025-05-01 16:00'),
  [slugOf(fin)]: d('2025-08-01 07:00'),
  [slugOf(gil)]: d('2025-02-01 12:00'),
  [slugOf(hana)]: undefined,
  [slugOf(lea)]: d('2025-09-10 15:00'),
  [slugOf(max)]: d('2025-09-11 09:00'),
};

function slugOf(p: Who): string {
  return p.url.split('/in/')[1]!;
}

async function trackEveryone(people: Who[] = everyone, stage: 'acquaintance' | 'contact' = 'acquaintance') {
  for (const p of people) {
    await trackPerson({ slug: slugOf(p), name: p.name }, T0 - 400 * DAY);
    if (stage !== 'contact') await setStage(slugOf(p), stage, T0 - 400 * DAY);
  }
}

/** What the dashboard does with messages.csv: parse, and write only if the file was accepted. */
async function importMessagesFile(text: string, now = T0, options: MessagesOptions = {}) {
  const parsed = await parseMessagesCsv(text, options);
  if (!parsed.ok) throw new Error(parsed.problem.code);
  return { parsed, report: await importMessageRuns(parsed.runs, now) };
}

const lastTouches = async () =>
  Object.fromEntries((await db.people.toArray()).map((p) => [p.slug, p.lastTouchAt]));
const touchesWithout = async (key: 'createdAt') =>
  (await db.touches.toArray())
    .map(({ [key]: _drop, ...rest }) => rest)
    .sort((a, b) => (a.id < b.id ? -1 : 1));

describe('last-touch dates from a real-shaped messages.csv', () => {
  beforeEach(() => trackEveryone());

  it.each([
    ['a burst is dated at its latest message, not its first', ana],
    ['a follow-up months after an unanswered message is a touch of its own', bo],
    ['the latest of several conversations counts, even when LinkedIn left out the recipient', cy],
    ['messages under the user’s previous profile URL are still the user’s', dee],
    ['a conversation in the Spam folder is not a touch', eva],
    ['a draft that was never sent is not a touch', fin],
    ['a six-person thread touches nobody, one to one still counts', gil],
    ['a group thread alone leaves a person untouched', hana],
    ['an introduction thread of three counts with the one who introduces', lea],
    ['an introduction thread of three counts with the one introduced', max],
  ])('%s', async (_behaviour, person) => {
    await importMessagesFile(messagesCsv(exportMessages));
    const slug = slugOf(person);
    const stored = await getPerson(slug);
    expect(stored?.lastTouchAt).toBe(expectedLast[slug]);
    const settings = await getSettings();
    expect(stored?.dueAt).toBe(computeDueAt(stored!, settings));
    if (stored?.lastTouchAt !== undefined) expect(stored.dueAt).toBe(stored.lastTouchAt + 30 * DAY);
  });

  it('makes one touch per run of one side, and reports what it left out and why', async () => {
    const { parsed, report } = await importMessagesFile(messagesCsv(exportMessages));
    const touches = await db.touches.toArray();
    const per = (p: Who) =>
      touches
        .filter((t) => t.personId === slugOf(p))
        .sort((a, b) => a.at - b.at)
        .map((t) => [new Date(t.at).toISOString().slice(0, 16), t.initiator]);
    expect(per(ana)).toStrictEqual([
      ['2025-03-01T09:00', 'me'],
      ['2025-03-02T08:00', 'them'],
      ['2025-03-05T10:00', 'me'],
      ['2025-03-07T08:00', 'them'],
    ]);
    expect(per(bo)).toStrictEqual([
      ['2025-01-10T10:00', 'me'],
      ['2025-04-20T10:00', 'me'],
    ]);
    expect(per(dee)).toStrictEqual([
      ['2025-07-15T09:00', 'them'],
      ['2025-07-16T10:00', 'me'],
    ]);
    expect(per(hana)).toStrictEqual([]);
    expect(report).toStrictEqual({
      added: 19,
      merged: 0,
      existing: 0,
      untracked: 0,
      people: 9,
      invalid: [],
    });
    expect(parsed.me).toBe(slugOf(ME));
    expect(parsed.excluded).toStrictEqual({
      spam: 1,
      drafts: 1,
      groupConversations: 1,
      groupMessages: 3,
      noPerson: 1,
    });
    expect(parsed.skipped).toStrictEqual([]);
  });

  it('reads the same touches whatever the row order, and from the older header', async () => {
    await importMessagesFile(messagesCsv(exportMessages));
    const newestFirst = await touchesWithout('createdAt');
    await db.touches.clear();
    const plain = exportMessages.filter((x) => !x.draft);
    const shuffled = [...plain].sort((a, b) => (a.content! < b.content! ? 1 : -1));
    const older = await parseMessagesCsv(messagesCsv(shuffled, { order: 'asGiven', newer: false }));
    const newer = await parseMessagesCsv(messagesCsv(plain));
    if (!older.ok || !newer.ok) throw new Error('refused');
    const withoutRows = (runs: MessageRun[]) => runs.map(({ row: _row, ...run }) => run);
    expect(withoutRows(older.runs)).toStrictEqual(withoutRows(newer.runs));
    await importMessageRuns(older.runs, T0);
    expect(await touchesWithout('createdAt')).toStrictEqual(newestFirst);
  });

  it('adds nothing and changes no date when the same file is imported again', async () => {
    const text = messagesCsv(exportMessages);
    await importMessagesFile(text, T0);
    const before = { people: await db.people.toArray(), touches: await db.touches.toArray() };
    changed = [];
    const { report } = await importMessagesFile(text, T0 + DAY);
    expect(report).toStrictEqual({ added: 0, merged: 0, existing: 19, untracked: 0, people: 0, invalid: [] });
    expect(await db.people.toArray()).toStrictEqual(before.people);
    expect(await db.touches.toArray()).toStrictEqual(before.touches);
    expect(changed).toStrictEqual([]);
  });

  it('merges an overlapping newer export: a run that grew replaces its shorter self', async () => {
    const cut = d('2025-03-06 12:00');
    const later = [
      ...exportMessages,
      // Ana's burst goes on past the first export; Bo finally answers; Hana writes one to one.
      m(c.ana, ana, [ME], '2025-03-07 20:00'),
      m(c.bo, bo, [ME], '2025-11-03 08:00'),
      m(c.hana, hana, [ME], '2025-11-04 08:00'),
    ];
    const first = await importMessagesFile(messagesCsv(exportMessages.filter((x) => x.at <= cut)), T0);
    expect(first.report.added).toBe(8);
    expect((await getPerson(slugOf(ana)))?.lastTouchAt).toBe(d('2025-03-06 09:00'));
    const shorter = await db.touches
      .where('[personId+at]')
      .equals([slugOf(ana), d('2025-03-06 09:00')])
      .first();
    await updateTouch(shorter!.id, { value: 'received', note: 'Sent me her deck' }, T0);
    const second = await importMessagesFile(messagesCsv(later), T0 + DAY);
    expect(second.report).toStrictEqual({
      added: 13,
      merged: 1,
      existing: 7,
      untracked: 0,
      people: 9,
      invalid: [],
    });
    const merged = await db.touches.where('personId').equals(slugOf(ana)).toArray();
    expect(merged.map((t) => t.at).sort()).toStrictEqual(
      ['2025-03-01 09:00', '2025-03-02 08:00', '2025-03-05 10:00', '2025-03-07 20:00'].map(d),
    );
    // The user's words on the shorter run stay with the run it grew into.
    expect(merged.find((t) => t.at === d('2025-03-07 20:00'))).toMatchObject({
      value: 'received',
      note: 'Sent me her deck',
      createdAt: T0,
    });
    expect(await lastTouches()).toMatchObject({
      ...expectedLast,
      [slugOf(ana)]: d('2025-03-07 20:00'),
      [slugOf(bo)]: d('2025-11-03 08:00'),
      [slugOf(hana)]: d('2025-11-04 08:00'),
    });

    // The same touches as importing only the newer export into an empty profile.
    const both = await touchesWithout('createdAt');
    await db.touches.clear();
    await importMessagesFile(messagesCsv(later), T0);
    const alone = await touchesWithout('createdAt');
    expect(both.map(({ id, at, personId }) => ({ id, at, personId }))).toStrictEqual(
      alone.map(({ id, at, personId }) => ({ id, at, personId })),
    );
  });

  it('adds nothing when an older export arrives after a newer one', async () => {
    const cut = d('2025-03-06 12:00');
    await importMessagesFile(messagesCsv(exportMessages), T0);
    const before = { people: await db.people.toArray(), touches: await db.touches.toArray() };
    const { report } = await importMessagesFile(messagesCsv(exportMessages.filter((x) => x.at <= cut)), T0);
    expect(report).toMatchObject({ added: 0, merged: 0, existing: 8 });
    expect(await db.people.toArray()).toStrictEqual(before.people);
    expect(await db.touches.toArray()).toStrictEqual(before.touches);
  });

  it('replaces the touches an earlier version of the import dated at the start of each turn', async () => {
    // Vínculo 0.1 stored `msg:<conversation>:<turn start>:<me|them>:<slug>`, dated at the turn's start.
    const legacy = {
      id: `msg:${c.ana}:${d('2025-03-05 11:00')}:them:${slugOf(ana)}`,
      personId: slugOf(ana),
      at: d('2025-03-05 11:00'),
      kind: 'message' as const,
      initiator: 'them' as const,
      value: 'gave' as const,
      note: '',
    };
    await storeLegacyTouch(legacy);
    const { report } = await importMessagesFile(messagesCsv(exportMessages), T0 + DAY);
    expect(report).toMatchObject({ added: 18, merged: 1 });
    const anas = await db.touches.where('personId').equals(slugOf(ana)).toArray();
    expect(anas.map((t) => t.at).sort()).toStrictEqual(
      ['2025-03-01 09:00', '2025-03-02 08:00', '2025-03-05 10:00', '2025-03-07 08:00'].map(d),
    );
    expect(anas.find((t) => t.at === d('2025-03-07 08:00'))?.value).toBe('gave');
  });

  it('never moves the last touch back, and ends a snooze only when a newer touch arrives', async () => {
    await addTouch(
      { personId: slugOf(ana), at: T0 - DAY, kind: 'call', initiator: 'me', value: 'none', note: '' },
      T0 - DAY,
    );
    await snoozePerson(slugOf(bo), T0 + 10 * DAY, T0);
    await importMessagesFile(messagesCsv(exportMessages), T0);
    expect((await getPerson(slugOf(ana)))?.lastTouchAt).toBe(T0 - DAY);
    const b = await getPerson(slugOf(bo));
    expect(b?.lastTouchAt).toBe(d('2025-04-20 10:00'));
    expect(b?.snoozedUntil).toBeUndefined();
  });

  it('counts touches with people who are not tracked, and finds people by member id', async () => {
    await db.delete();
    await db.open();
    await trackEveryone([ana]);
    await db.people.update(slugOf(ana), { memberId: 'ACoAAB1cD2eF3gH4iJ5kL6mN7oP8qR9sT0u' });
    const byId = who('ACoAAB1cD2eF3gH4iJ5kL6mN7oP8qR9sT0u', 'Ana García');
    const text = messagesCsv([
      ...exportMessages.filter((x) => x.conversation !== c.ana),
      m(conversationId('ana-by-id'), byId, [ME], '2025-12-24 10:00'),
    ]);
    const { report } = await importMessagesFile(text, T0);
    expect(report).toMatchObject({ added: 1, untracked: 15, people: 1 });
    expect((await getPerson(slugOf(ana)))?.lastTouchAt).toBe(d('2025-12-24 10:00'));
  });
});

describe('message runs the database refuses', () => {
  it('are reported by the row of their latest message, and the rest is written', async () => {
    await trackEveryone([ana]);
    const good: MessageRun = {
      conversation: c.ana,
      person: slugOf(ana),
      initiator: 'them',
      first: d('2025-03-01 10:00'),
      at: d('2025-03-01 11:00'),
      note: '',
      row: 7,
    };
    const report = await importMessageRuns([{ ...good, first: 12, at: 12, row: 9 }, good], T0);
    expect(report).toStrictEqual({
      added: 1,
      merged: 0,
      existing: 0,
      untracked: 0,
      people: 1,
      invalid: [{ row: 9, reason: { code: 'invalidRecord', field: 'at' } }],
    });
    expect((await getPerson(slugOf(ana)))?.lastTouchAt).toBe(good.at);
  });
});

/** A touch written by the previous import, as it sits in a profile that used it. */
async function storeLegacyTouch(touch: Omit<Touch, 'createdAt'>) {
  await db.touches.add({ ...touch, createdAt: T0 - 100 * DAY });
  await db.people.update(touch.personId, { lastTouchAt: touch.at });
}

// ---------------------------------------------------------------------------------------------------
// Any export: random conversations (one to one, threes, groups, spam, drafts, the user's old URL, gaps
// on both sides of 24 hours, rows in any order) checked against the rule written out plainly.

interface Generated {
  messages: ExportMessage[];
  tracked: Who[];
}

const MINUTE = 60_000;
const GAPS = [MINUTE, 17 * MINUTE, 5 * 60 * MINUTE, DAY - MINUTE, DAY, DAY + MINUTE, 3 * DAY, 70 * DAY];

function generateExport(seed: number): Generated {
  const rnd = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const people = Array.from({ length: 9 }, (_, i) => who(`person-${seed}-${i}`, `Person ${i}`));
  const messages: ExportMessage[] = [];
  const conversations = 6 + Math.floor(rnd() * 8);
  for (let k = 0; k < conversations; k++) {
    const roll = rnd();
    const size = roll < 0.6 ? 1 : roll < 0.8 ? 2 : 3 + Math.floor(rnd() * 5);
    const others = [...people].sort(() => rnd() - 0.5).slice(0, size);
    // At most one conversation shows the user under her previous URL, as after a rename.
    const me = k === 0 && rnd() < 0.5 ? ME_BEFORE : ME;
    const members = [me, ...others];
    const spam = rnd() < 0.1;
    const id = conversationId(`${seed}-${k}`);
    let at = d('2024-01-01 00:00') + Math.floor(rnd() * 600) * DAY + Math.floor(rnd() * 86_400) * 1000;
    const count = 1 + Math.floor(rnd() * 14);
    for (let n = 0; n < count; n++) {
      const from = pick(members);
      messages.push({
        conversation: id,
        from,
        to: members.filter((x) => x !== from),
        at,
        content: `m${n}`,
        folder: spam || rnd() < 0.03 ? 'SPAM' : pick(['INBOX', 'INBOX', 'ARCHIVED']),
        draft: from === me && rnd() < 0.08,
      });
      at += pick(GAPS);
    }
  }
  // Two of the nine are not tracked.
  return { messages, tracked: people.slice(2) };
}

const isMe = (x: Who) => x === ME || x === ME_BEFORE;
const counted = (x: ExportMessage) => x.folder !== 'SPAM' && !x.draft;

/** The messages that are touches with `p`, by the rule: not spam, not drafts, threads of at most three. */
function messagesWith(all: readonly ExportMessage[], p: Who): ExportMessage[] {
  const members = new Map<string, Set<Who>>();
  for (const x of all.filter(counted)) {
    const set = members.get(x.conversation) ?? new Set();
    for (const y of [x.from, ...x.to]) if (!isMe(y)) set.add(y);
    members.set(x.conversation, set);
  }
  return all.filter(
    (x) =>
      counted(x) &&
      members.get(x.conversation)!.size <= 2 &&
      (x.from === p || (isMe(x.from) && x.to.includes(p))),
  );
}

/** Runs with `p`: per conversation, a new one when the side changes or after a gap of 24 hours or more. */
function runCount(all: readonly ExportMessage[], p: Who): number {
  const byConversation = new Map<string, ExportMessage[]>();
  for (const x of messagesWith(all, p))
    byConversation.set(x.conversation, [...(byConversation.get(x.conversation) ?? []), x]);
  let runs = 0;
  for (const list of byConversation.values()) {
    list.sort((a, b) => a.at - b.at);
    list.forEach((x, i) => {
      const prev = list[i - 1];
      if (!prev || isMe(prev.from) !== isMe(x.from) || x.at - prev.at >= DAY) runs++;
    });
  }
  return runs;
}

/** A moment right after a message that the same sender follows within 24 hours, if there is one. */
function cutInsideRun(messages: readonly ExportMessage[], seed: number): number {
  const inside = messages.filter(
    (x) =>
      counted(x) &&
      messages.some(
        (y) => y.conversation === x.conversation && y.from === x.from && y.at > x.at && y.at - x.at < DAY,
      ),
  );
  const times = (inside.length ? inside : messages).map((x) => x.at).sort((a, b) => a - b);
  return times[Math.floor(random(seed)() * times.length)]!;
}

const shuffle = (list: readonly ExportMessage[], seed: number) => {
  const rnd = random(seed * 7 + 1);
  return [...list]
    .map((x) => [rnd(), x] as const)
    .sort((a, b) => a[0] - b[0])
    .map(([, x]) => x);
};

describe('any messages.csv (property)', () => {
  const seeds = Array.from({ length: 30 }, (_, i) => i + 1);

  it.each(seeds)(
    'seed %i: last touch = latest counted message; twice = once; overlap = newest alone',
    async (seed) => {
      const { messages, tracked } = generateExport(seed);
      const text = messagesCsv(shuffle(messages, seed), { order: 'asGiven' });
      await trackEveryone(tracked);
      const settings = await getSettings();
      const first = await importMessagesFile(text, T0);

      for (const p of tracked) {
        const mine = messagesWith(messages, p);
        const stored = (await getPerson(slugOf(p)))!;
        const expected = mine.length ? Math.max(...mine.map((x) => x.at)) : undefined;
        expect(stored.lastTouchAt, `${seed} ${slugOf(p)}`).toBe(expected);
        expect(stored.dueAt).toBe(computeDueAt(stored, settings));
        expect(await db.touches.where('personId').equals(slugOf(p)).count()).toBe(runCount(messages, p));
      }
      expect(first.report.added).toBe(await db.touches.count());

      // Importing twice is importing once.
      const once = { people: await db.people.toArray(), touches: await db.touches.toArray() };
      const again = await importMessagesFile(text, T0 + DAY);
      expect(again.report).toMatchObject({ added: 0, merged: 0, existing: first.report.added });
      expect(await db.people.toArray()).toStrictEqual(once.people);
      expect(await db.touches.toArray()).toStrictEqual(once.touches);

      // An earlier export (everything up to some moment, where it can, inside a run that goes on) and then
      // this one give what this one alone gives; the earlier one again afterwards changes nothing.
      const cut = cutInsideRun(messages, seed);
      const before = messages.filter((x) => x.at <= cut);
      const earlier = messagesCsv(before);
      // A short export may not show who the user is: she says so, as the dashboard asks her to.
      const me = { me: (before.some((x) => x.from === ME || x.to.includes(ME)) ? ME : ME_BEFORE).url };
      await db.delete();
      await db.open();
      await trackEveryone(tracked);
      await importMessagesFile(earlier, T0, me);
      await importMessagesFile(text, T0 + DAY);
      const ids = async () =>
        (await db.touches.toArray()).map(({ id, at, personId }) => ({ id, at, personId }));
      expect(await ids()).toStrictEqual(once.touches.map(({ id, at, personId }) => ({ id, at, personId })));
      const people = (await db.people.toArray()).map(({ updatedAt: _u, ...p }) => p);
      expect(people).toStrictEqual(once.people.map(({ updatedAt: _u, ...p }) => p));
      const settled = await db.touches.toArray();
      expect((await importMessagesFile(earlier, T0 + 2 * DAY, me)).report).toMatchObject({
        added: 0,
        merged: 0,
      });
      expect(await db.touches.toArray()).toStrictEqual(settled);
    },
  );
});
