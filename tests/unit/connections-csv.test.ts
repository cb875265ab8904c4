// Connections.csv as LinkedIn writes it (and as spreadsheets rewrite it) maps to people; anything
// else is refused with a code the UI can put into words.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { slugSchema } from '../../storage/schemas';
import { parseConnectionsCsv } from '../../utils/files/connections';
import { parseConnectedOn, parseDateParts } from '../../utils/files/dates';
import {
  type FileProblem,
  importProblemMessage,
  notedRowMessage,
  type SkipReason,
  skippedRowMessage,
} from '../../utils/files/import-problems';

const PREAMBLE = [
  'Notes:',
  '"When exporting your connection data, you may notice that some of the email addresses are missing. You will only see email addresses for connections who have allowed their connections to see or download their email address using this setting https://www.linkedin.com/psettings/privacy/email. You can learn more here https://www.linkedin.com/help/linkedin/answer/261"',
  '',
];
const HEADER = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On';

/** A file as LinkedIn exports it: preamble, blank line, header, rows, trailing newline. */
const exportFile = (rows: string[]) => `${[...PREAMBLE, HEADER, ...rows].join('\n')}\n`;
const noon = (y: number, m: number, d: number) => new Date(y, m - 1, d, 12).getTime();

async function refused(input: Parameters<typeof parseConnectionsCsv>[0]): Promise<FileProblem> {
  const result = await parseConnectionsCsv(input);
  if (result.ok) throw new Error('the file was accepted');
  return result.problem;
}

describe('a real Connections.csv', () => {
  const file = exportFile([
    'Ana,García ,https://www.linkedin.com/in/ana-garcia,ana@example.com,Acme,"Head of Platform, EMEA",30 May 2024', // row 5
    '"James ""Tyler""",Smith,https://www.linkedin.com/in/jamestyler,,"Smith, Jones & Co","Partner",12 Jan 2021',
    ',,,,,,14 Feb 2019', // hidden details: only the date is left
    'José,Pérez,https://www.linkedin.com/in/jos%C3%A9-p%C3%A9rez-1a2b3c,,Café Ñu,Barista,01 Mar 2020',
    'Mia  ,  Wong,https://www.linkedin.com/in/ACoAAB1cD2eF3gH4iJ5kL6mN7oP8qR9sT0u,,Beta,CTO,3 Jun 2022',
    'Ana,García,https://es.linkedin.com/in/Ana-Garcia/,,Acme,Engineer,30 May 2024', // same slug as row 5
    'Lee,Park,https://www.example.com/in/lee,,,,2 Jun 2022',
    'Noor,Haddad,,,Gamma,Designer,4 Jul 2023',
    ',,https://www.linkedin.com/in/nameless,,,,4 Jul 2023',
    'Sam,Ortiz,https://www.linkedin.com/in/sam-ortiz,,,,someday',
  ]);

  it('maps each row to a person, from the header found by its column names', async () => {
    const result = await parseConnectionsCsv(file);
    if (!result.ok) throw new Error(result.problem.code);
    expect(result.rows).toStrictEqual([
      {
        row: 5,
        slug: 'ana-garcia',
        name: 'Ana García',
        headline: 'Head of Platform, EMEA',
        company: 'Acme',
        email: 'ana@example.com',
        connectedOn: noon(2024, 5, 30),
      },
      {
        row: 6,
        slug: 'jamestyler',
        name: 'James "Tyler" Smith',
        headline: 'Partner',
        company: 'Smith, Jones & Co',
        connectedOn: noon(2021, 1, 12),
      },
      {
        row: 8,
        slug: 'josé-pérez-1a2b3c',
        name: 'José Pérez',
        headline: 'Barista',
        company: 'Café Ñu',
        connectedOn: noon(2020, 3, 1),
      },
      { row: 14, slug: 'sam-ortiz', name: 'Sam Ortiz' },
    ]);
  });

  it('gives every skipped row its number and reason, and notes an unreadable date', async () => {
    const result = await parseConnectionsCsv(file);
    if (!result.ok) throw new Error(result.problem.code);
    expect(result.skipped).toStrictEqual([
      { row: 7, reason: { code: 'blankRow' } },
      { row: 9, reason: { code: 'memberIdUrl' } },
      { row: 10, reason: { code: 'duplicate', of: 5 } },
      { row: 11, reason: { code: 'notProfileUrl', url: 'https://www.example.com/in/lee' } },
      { row: 12, reason: { code: 'noUrl' } },
      { row: 13, reason: { code: 'noName' } },
    ]);
    expect(result.notes).toStrictEqual([{ row: 14, note: { code: 'unreadableDate', value: 'someday' } }]);
  });

  it('reads the same file from bytes and from a Blob, accents intact across chunk boundaries', async () => {
    // Enough rows to span several parse chunks, each with multi-byte names.
    const rows = Array.from(
      { length: 6_000 },
      (_, i) => `Zoë,Ñúñez ${i},https://www.linkedin.com/in/zoe-${i},,Ünïcode ✓ 日本,Größe,30 May 2024`,
    );
    const text = exportFile(rows);
    const bytes = new TextEncoder().encode(text);
    for (const input of [bytes, new Blob([bytes]), bytes.buffer]) {
      const result = await parseConnectionsCsv(input);
      if (!result.ok) throw new Error(result.problem.code);
      expect(result.rows).toHaveLength(6_000);
      expect(result.rows.every((r, i) => r.name === `Zoë Ñúñez ${i}` && r.company === 'Ünïcode ✓ 日本')).toBe(
        true,
      );
    }
  });

  it('reports progress from 0 to 1, never going back', async () => {
    const rows = Array.from(
      { length: 8_000 },
      (_, i) => `A,B${i},https://www.linkedin.com/in/ab-${i},,,,1 Jan 2020`,
    );
    const seen: number[] = [];
    const result = await parseConnectionsCsv(exportFile(rows), { onProgress: (f) => seen.push(f) });
    expect(result.ok).toBe(true);
    expect(seen.length).toBeGreaterThan(2);
    expect(seen[0]).toBe(0);
    expect(seen.at(-1)).toBe(1);
    expect(seen).toStrictEqual([...seen].sort((a, b) => a - b));
  });

  it('clips text longer than the database allows, and says so', async () => {
    const long = 'x'.repeat(500);
    const result = await parseConnectionsCsv(
      exportFile([
        `Ana,Gil,https://www.linkedin.com/in/ana-gil,${'e'.repeat(400)}@x.com,Acme,${long},1 Jan 2020`,
      ]),
    );
    if (!result.ok) throw new Error(result.problem.code);
    expect(result.rows[0]?.headline).toHaveLength(400);
    expect(result.rows[0]?.email).toBeUndefined();
    expect(result.notes).toStrictEqual([
      { row: 5, note: { code: 'truncated', column: 'Position' } },
      { row: 5, note: { code: 'leftOut', column: 'Email Address' } },
    ]);
  });
});

describe('older exports and files edited in a spreadsheet', () => {
  it('reads columns by name: reordered, with extra columns, without the preamble, CRLF', async () => {
    const file = [
      'URL,Connected On,Position,Tags,Last Name,First Name,Company',
      'https://www.linkedin.com/in/bo-li,23-Apr-23,Founder,vip,Li,Bo,Delta',
      'https://www.linkedin.com/in/cy-ng/,"1/8/18, 6:14 PM",,,Ng,Cy,',
      'https://linkedin.com/in/di-ro?trk=x,2023-04-23,,,Ro,Di,',
    ].join('\r\n');
    const result = await parseConnectionsCsv(file);
    if (!result.ok) throw new Error(result.problem.code);
    expect(result.rows).toStrictEqual([
      {
        row: 2,
        slug: 'bo-li',
        name: 'Bo Li',
        headline: 'Founder',
        company: 'Delta',
        connectedOn: noon(2023, 4, 23),
      },
      { row: 3, slug: 'cy-ng', name: 'Cy Ng', connectedOn: noon(2018, 1, 8) },
      { row: 4, slug: 'di-ro', name: 'Di Ro', connectedOn: noon(2023, 4, 23) },
    ]);
  });

  it('reads a semicolon-separated file, as spreadsheets in comma-decimal locales save it', async () => {
    const file = 'First Name;Last Name;URL;Company\nAna;Gil;https://www.linkedin.com/in/ana-gil;Acme, S.L.\n';
    const result = await parseConnectionsCsv(file);
    if (!result.ok) throw new Error(result.problem.code);
    expect(result.rows).toStrictEqual([{ row: 2, slug: 'ana-gil', name: 'Ana Gil', company: 'Acme, S.L.' }]);
  });

  it('refuses a file without a URL column, naming the column', async () => {
    const file =
      'First Name,Last Name,Email Address,Company,Position,Connected On\nAna,Gil,,Acme,CTO,1 Jan 2020\n';
    expect(await refused(file)).toStrictEqual({ code: 'missingColumn', column: 'URL' });
    expect(await refused(exportFile([]).replace(',URL,', ',Profile,'))).toStrictEqual({
      code: 'missingColumn',
      column: 'URL',
    });
  });
});

describe('slugs beyond letters, digits and hyphens', () => {
  it('reads apostrophes, symbols and emoji, raw or encoded, on any LinkedIn host', async () => {
    const result = await parseConnectionsCsv(
      exportFile([
        'Seán,O’Connor,https://www.linkedin.com/in/sean-o’connor-3b2a1c,,Acme,CTO,1 Jan 2020', // row 5
        'Seán,O’Connor,http://ie.linkedin.com/in/Sean-O%E2%80%99Connor-3b2a1c/,,,,1 Jan 2020',
        'María,Infinita,https://es.linkedin.com/in/%E2%99%BEmaria-infinita/,,,,',
        '"Rita ""Rocket""",Roe,"https://www.linkedin.com/in/🚀Rocket,Rita",,,,',
        "Kate,O'Brien,linkedin.com/in/O'Brien-Kate~(PM)?trk=x,,,,",
        'Ana,Bo,https://www.linkedin.com/in/ana%2Fbo,,,,',
      ]),
    );
    if (!result.ok) throw new Error(result.problem.code);
    expect(result.rows.map((r) => [r.row, r.slug])).toStrictEqual([
      [5, 'sean-o’connor-3b2a1c'],
      [7, '♾maria-infinita'],
      [8, '🚀rocket,rita'],
      [9, "o'brien-kate~(pm)"],
    ]);
    expect(result.rows.every((r) => slugSchema.safeParse(r.slug).success)).toBe(true);
    expect(result.skipped).toStrictEqual([
      { row: 6, reason: { code: 'duplicate', of: 5 } },
      { row: 10, reason: { code: 'notProfileUrl', url: 'https://www.linkedin.com/in/ana%2Fbo' } },
    ]);
  });
});

describe('dates', () => {
  it.each([
    ['30 May 2024', [2024, 5, 30]],
    ['23-Apr-23', [2023, 4, 23]],
    ['1/8/18, 6:14 PM', [2018, 1, 8]],
    ['2023-04-23', [2023, 4, 23]],
    ['25/12/2019', [2019, 12, 25]],
    ['24.12.2019', [2019, 12, 24]],
    ['May 30, 2024', [2024, 5, 30]],
    ['3 abr 2022', [2022, 4, 3]],
    ['07 Sept 2021', [2021, 9, 7]],
  ] as const)('reads %s as local noon of that day', (text, [y, m, d]) => {
    expect(parseConnectedOn(text)).toBe(noon(y, m, d));
  });

  it.each(['31 Apr 2024', '13/13/2020', '2023-02-29', 'someday', '30 Mark 2024', '', '1/8/18, 13:14 PM'])(
    'refuses %j',
    (text) => {
      expect(parseConnectedOn(text)).toBeNull();
    },
  );

  it('keeps the time and the zone of message dates', () => {
    expect(parseDateParts('2023-04-22 08:18:59 UTC')).toStrictEqual({
      year: 2023,
      month: 4,
      day: 22,
      hour: 8,
      minute: 18,
      second: 59,
      utc: true,
    });
    expect(parseDateParts('1/8/18, 12:05 AM')).toMatchObject({ hour: 0, minute: 5, utc: false });
  });
});

describe('bad files are refused with a clear code', () => {
  const random = (n: number, seed = 7) => {
    const bytes = new Uint8Array(n);
    let x = seed;
    for (let i = 0; i < n; i++) {
      x = (x * 1103515245 + 12345) & 0x7fffffff;
      bytes[i] = x >> 16;
    }
    return bytes;
  };

  it.each<[string, () => Parameters<typeof parseConnectionsCsv>[0], FileProblem]>([
    ['an empty string', () => '', { code: 'empty' }],
    ['only blank lines', () => '\n\n  \n', { code: 'empty' }],
    ['a 0-byte file', () => new Blob([]), { code: 'empty' }],
    ['binary junk', () => random(4096), { code: 'binary' }],
    [
      'a spreadsheet saved as .xlsx',
      () => new Uint8Array([0x50, 0x4b, 3, 4, 20, 0, 6, 0, 8, 0]),
      { code: 'binary' },
    ],
    [
      'Windows-1252 text',
      () => new Uint8Array([...new TextEncoder().encode(`${HEADER}\nJos`), 0xe9]),
      { code: 'notUtf8' },
    ],
    ['UTF-16 text', () => new Uint8Array([0xff, 0xfe, 0x46, 0, 0x69, 0]), { code: 'notUtf8' }],
    ['one enormous line', () => 'a'.repeat(5 * 2 ** 20), { code: 'lineTooLong', line: 1, maxKb: 64 }],
    [
      'wrong columns',
      () => 'Name,Phone,City\nAna,555,Madrid\n',
      { code: 'noHeader', expected: 'Connections.csv' },
    ],
    [
      'messages.csv instead',
      () => 'CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE\n',
      { code: 'wrongFile', expected: 'Connections.csv', found: 'messages.csv' },
    ],
    ['a header and no rows', () => exportFile([',,,,,,']), { code: 'noRows' }],
    [
      'quotes that never close',
      () => exportFile(['Ana,Gil,https://www.linkedin.com/in/ana-gil,,"Acme,CTO,1 Jan 2020', 'Bo,Li,x,,,,']),
      { code: 'unclosedQuote', row: 5 },
    ],
  ])('%s', async (_name, input, problem) => {
    expect(await refused(input())).toStrictEqual(problem);
  });

  it('refuses a file over the size cap before reading it', async () => {
    const huge = { size: 64 * 2 ** 20, arrayBuffer: () => Promise.reject(new Error('must not read')) };
    expect(await refused(huge as unknown as Blob)).toStrictEqual({ code: 'tooLarge', maxMb: 32 });
  });
});

describe('messages for the UI', () => {
  type Strings = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
  // The extension's own locale files: every message code the UI can show must have words there.
  const strings: { en: Strings; es: Strings } = {
    en: JSON.parse(readFileSync('public/_locales/en/messages.json', 'utf8')),
    es: JSON.parse(readFileSync('public/_locales/es/messages.json', 'utf8')),
  };

  const expectWords = ({ key, substitutions }: { key: string; substitutions: string[] }) => {
    for (const lang of ['en', 'es'] as const) {
      const entry = strings[lang][key];
      expect(entry, `${lang} ${key}`).toBeDefined();
      const contents = Object.values(entry?.placeholders ?? {}).map((p) => p.content);
      expect(contents.sort(), `${lang} ${key}`).toStrictEqual(substitutions.map((_, i) => `$${i + 1}`));
    }
  };

  it('has English and Spanish words for every problem, skip reason and note, with matching placeholders', () => {
    const problems: FileProblem[] = [
      { code: 'empty' },
      { code: 'unreadable' },
      { code: 'binary' },
      { code: 'notUtf8' },
      { code: 'tooLarge', maxMb: 32 },
      { code: 'lineTooLong', line: 1, maxKb: 64 },
      { code: 'noHeader', expected: 'Connections.csv' },
      { code: 'wrongFile', expected: 'Connections.csv', found: 'messages.csv' },
      { code: 'missingColumn', column: 'URL' },
      { code: 'missingColumn', column: 'DATE' },
      { code: 'unclosedQuote', row: 3 },
      { code: 'noRows' },
      { code: 'ownerUnknown' },
      { code: 'ownerNotFound' },
    ];
    const reasons: SkipReason[] = [
      { code: 'blankRow' },
      { code: 'noUrl' },
      { code: 'notProfileUrl', url: 'x' },
      { code: 'memberIdUrl' },
      { code: 'noName' },
      { code: 'duplicate', of: 2 },
      { code: 'malformedRow' },
      { code: 'invalidRecord', field: 'name' },
      { code: 'badDate', value: 'x' },
      { code: 'noConversation' },
    ];
    for (const p of problems) expectWords(importProblemMessage(p));
    for (const reason of reasons) expectWords(skippedRowMessage({ row: 4, reason }));
    expectWords(notedRowMessage({ row: 4, note: { code: 'unreadableDate', value: 'x' } }));
    expectWords(notedRowMessage({ row: 4, note: { code: 'truncated', column: 'Position' } }));
    expectWords(notedRowMessage({ row: 4, note: { code: 'leftOut', column: 'Email Address' } }));
    expect(importProblemMessage({ code: 'missingColumn', column: 'URL' }).key).toBe(
      'import_missingUrlColumn',
    );
    expect(skippedRowMessage({ row: 9, reason: { code: 'duplicate', of: 5 } }).substitutions).toStrictEqual([
      '9',
      '5',
    ]);
  });
});
