// Importing LinkedIn's export merges without overwriting what the user set, writes nothing for a
// refused file, and adds nothing twice.
import { beforeEach, describe, expect, it } from 'vitest';
import { setChangeListener } from '../../storage/changes';
import { db } from '../../storage/db';
import { importConnections, importMessageTouches } from '../../storage/import';
import { getPerson, setStage, snoozePerson, trackPerson, updatePerson } from '../../storage/people';
import { addTouch, updateTouch } from '../../storage/touches';
import { type ConnectionRow, type CsvInput, parseConnectionsCsv } from '../../utils/connections-csv';
import { type MessageTouch, parseMessagesCsv } from '../../utils/messages-csv';
import { DAY } from '../../utils/time';

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

describe('importing message touches', () => {
  const ME = 'https://www.linkedin.com/in/me-myself';
  const messages = [
    'CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER',
    `c1,,Ana,https://www.linkedin.com/in/ana-garcia,Me,${ME},2025-12-20 09:00:00 UTC,,Thanks!,INBOX`,
    `c1,,Me,${ME},Ana,https://www.linkedin.com/in/ana-garcia,2025-12-20 08:00:00 UTC,,"Here is the deck, as promised",INBOX`,
    `c2,,Bo,https://www.linkedin.com/in/bo-li,Me,${ME},2025-11-02 10:00:00 UTC,,Hi,INBOX`,
    `c3,,Cy,https://www.linkedin.com/in/cy-ng,Me,${ME},2025-10-01 10:00:00 UTC,,Hello,INBOX`,
  ].join('\n');

  async function touchesOf(text: string): Promise<MessageTouch[]> {
    const parsed = await parseMessagesCsv(text);
    if (!parsed.ok) throw new Error(parsed.problem.code);
    return parsed.touches;
  }

  beforeEach(async () => {
    await trackPerson({ slug: 'ana-garcia', name: 'Ana García' }, T0 - 60 * DAY);
    await setStage('ana-garcia', 'acquaintance', T0 - 60 * DAY);
    await trackPerson({ slug: 'bo-li', name: 'Bo Li' }, T0 - 60 * DAY);
    changed = [];
  });

  it('adds touches only for tracked people and moves their last touch and due date', async () => {
    const report = await importMessageTouches(await touchesOf(messages), T0);
    expect(report).toStrictEqual({ added: 3, existing: 0, untracked: 1, people: 2, invalid: [] });
    const ana = await getPerson('ana-garcia');
    expect(ana?.lastTouchAt).toBe(Date.UTC(2025, 11, 20, 9));
    expect(ana?.dueAt).toBe(Date.UTC(2025, 11, 20, 9) + 30 * DAY);
    expect((await getPerson('bo-li'))?.dueAt).toBeUndefined();
    expect(await db.touches.filter((t) => t.personId === 'cy-ng').count()).toBe(0);
    expect(await db.touches.get(`msg:c1:${Date.UTC(2025, 11, 20, 8)}:me:ana-garcia`)).toMatchObject({
      initiator: 'me',
      note: '',
      createdAt: T0,
    });
    expect(changed.map((slugs) => [...slugs].sort())).toStrictEqual([['ana-garcia', 'bo-li']]);
  });

  it('adds nothing the second time, and keeps what the user edited on an imported touch', async () => {
    const touches = await touchesOf(messages);
    await importMessageTouches(touches, T0);
    const id = `msg:c1:${Date.UTC(2025, 11, 20, 8)}:me:ana-garcia`;
    await updateTouch(id, { value: 'gave', note: 'Sent the deck' });
    const before = {
      counts: await counts(),
      people: await db.people.toArray(),
      touches: await db.touches.toArray(),
    };
    const again = await importMessageTouches(await touchesOf(messages), T0 + DAY);
    expect(again).toStrictEqual({ added: 0, existing: 3, untracked: 1, people: 0, invalid: [] });
    expect(await counts()).toStrictEqual(before.counts);
    expect(await db.people.toArray()).toStrictEqual(before.people);
    expect(await db.touches.toArray()).toStrictEqual(before.touches);
  });

  it('never moves the last touch back, and ends a snooze only when a newer touch arrives', async () => {
    await addTouch(
      { personId: 'ana-garcia', at: T0 - DAY, kind: 'call', initiator: 'me', value: 'none', note: '' },
      T0 - DAY,
    );
    await snoozePerson('bo-li', T0 + 10 * DAY, T0);
    await importMessageTouches(await touchesOf(messages), T0);
    expect((await getPerson('ana-garcia'))?.lastTouchAt).toBe(T0 - DAY);
    const bo = await getPerson('bo-li');
    expect(bo?.lastTouchAt).toBe(Date.UTC(2025, 10, 2, 10));
    expect(bo?.snoozedUntil).toBeUndefined();
  });

  it('marks someone met in person when an imported touch says so, even an older one', async () => {
    await addTouch(
      { personId: 'bo-li', at: T0 - DAY, kind: 'call', initiator: 'me', value: 'none', note: '' },
      T0 - DAY,
    );
    const met: MessageTouch = {
      id: 'meetup:1',
      personId: 'bo-li',
      at: T0 - 9 * DAY,
      kind: 'inPerson',
      initiator: 'them',
      value: 'none',
      note: '',
    };
    await importMessageTouches([met], T0);
    expect(await getPerson('bo-li')).toMatchObject({ metInPerson: true, lastTouchAt: T0 - DAY });
  });

  it('refuses invalid touches by index and writes the rest', async () => {
    const good = (await touchesOf(messages)).find((t) => t.personId === 'ana-garcia');
    const report = await importMessageTouches([{ ...good!, at: 12 }, good!], T0);
    expect(report.invalid).toStrictEqual([{ index: 0, field: 'at' }]);
    expect(report.added).toBe(1);
  });
});
