// A backup restores exactly what was exported; a damaged one is refused whole, naming the first
// problem and where it is, and changes nothing.
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { beforeEach, describe, expect, it } from 'vitest';
import { exportBackup, restoreBackup } from '../../storage/backup';
import { setChangeListener } from '../../storage/changes';
import { db } from '../../storage/db';
import { importConnections } from '../../storage/import';
import { addNextStep, setNextStepDone } from '../../storage/next-steps';
import { refreshFromPage, setStage, snoozePerson, trackPerson, updatePerson } from '../../storage/people';
import { defaultSettings, type Person } from '../../storage/schemas';
import { getSettings, saveSettings } from '../../storage/settings';
import { addTouch } from '../../storage/touches';
import {
  type Backup,
  type BackupProblem,
  backupFileName,
  backupProblemMessage,
  parseBackup,
  peopleToCsv,
  type ValidBackup,
} from '../../utils/backup';
import { DAY } from '../../utils/time';

const T0 = Date.UTC(2026, 0, 10, 12);

let changed: string[][] = [];
beforeEach(async () => {
  await db.delete();
  await db.open();
  changed = [];
  setChangeListener((slugs) => changed.push(slugs));
});

const snapshot = async () => ({
  people: await db.people.toArray(),
  touches: await db.touches.toArray(),
  nextSteps: await db.nextSteps.toArray(),
  settings: await getSettings(),
});

/** What the dashboard does with a chosen backup file: check it whole, then restore. */
async function restoreFile(text: string) {
  const parsed = parseBackup(text);
  if (parsed.ok) await restoreBackup(parsed.backup);
  return parsed;
}

async function fillProfile(): Promise<void> {
  await saveSettings({
    ...defaultSettings,
    cadenceDays: { ...defaultSettings.cadenceDays, relationship: 45 },
    quietDays: [0, 6],
    language: 'es',
  });
  await trackPerson(
    {
      slug: 'ana-garcia',
      name: 'Ana García',
      headline: 'Engineer at Acme',
      company: 'Acme',
      memberId: 'ACoAAB1cD2eF3gH4iJ5kL6mN7oP8qR9sT0u',
      photoUrl: 'https://media.licdn.com/ana.jpg',
    },
    T0,
  );
  await setStage('ana-garcia', 'relationship', T0);
  await updatePerson(
    'ana-garcia',
    { tags: ['mentor', 'madrid'], about: 'Met at JSConf', cadenceDays: 20 },
    T0,
  );
  await refreshFromPage(
    { slug: 'ana-garcia', name: 'Ana García', headline: 'CTO at Beta', company: 'Beta' },
    T0 + DAY,
  );
  await addTouch(
    {
      personId: 'ana-garcia',
      at: T0 + 2 * DAY,
      kind: 'inPerson',
      initiator: 'them',
      value: 'both',
      note: 'Lunch',
    },
    T0 + 2 * DAY,
  );
  const step = await addNextStep(
    { personId: 'ana-garcia', text: 'Send the article', dueAt: T0 + 5 * DAY },
    T0,
  );
  if (step.ok) await setNextStepDone(step.step.id, true, T0 + 3 * DAY);
  await addNextStep({ personId: 'ana-garcia', text: 'Intro to Bo' }, T0);
  // A person with every optional field absent.
  await trackPerson({ slug: 'bo-li', name: 'Bo Li' }, T0);
  await setStage('bo-li', 'acquaintance', T0);
  await snoozePerson('bo-li', T0 + 40 * DAY, T0 + DAY);
  await importConnections(
    [{ row: 5, slug: 'cy-ng', name: 'Cy Ng', email: 'cy@example.com', connectedOn: T0 - 400 * DAY }],
    T0,
  );
}

describe('backup round trip', () => {
  it('export, then import into an empty profile, gives back identical data', async () => {
    await fillProfile();
    const before = await snapshot();
    expect(before.people.find((p) => p.slug === 'bo-li')).not.toHaveProperty('headline');
    const text = JSON.stringify(await exportBackup(T0 + 10 * DAY));

    await db.delete();
    await db.open();
    const parsed = await restoreFile(text);
    expect(parsed.ok).toBe(true);
    // toStrictEqual: an optional field must come back absent, not as `undefined`.
    expect(await snapshot()).toStrictEqual(before);
  });

  it('writes the format of DESIGN.md', async () => {
    await fillProfile();
    const backup = await exportBackup(T0);
    expect(Object.keys(backup)).toStrictEqual([
      'format',
      'version',
      'exportedAt',
      'people',
      'touches',
      'nextSteps',
      'settings',
    ]);
    expect(backup).toMatchObject({
      format: 'vinculo-backup',
      version: 1,
      exportedAt: '2026-01-10T12:00:00.000Z',
    });
    expect(backupFileName(T0)).toBe('vinculo-backup-2026-01-10.json');
  });

  it('replaces what the profile held, and tells everyone who changed', async () => {
    await fillProfile();
    const text = JSON.stringify(await exportBackup(T0));
    await db.delete();
    await db.open();
    await trackPerson({ slug: 'zoe-ray', name: 'Zoë Ray' }, T0);
    changed = [];
    await restoreFile(text);
    expect((await db.people.toArray()).map((p) => p.slug)).toStrictEqual(['ana-garcia', 'bo-li', 'cy-ng']);
    expect([...(changed[0] ?? [])].sort()).toStrictEqual(['ana-garcia', 'bo-li', 'cy-ng', 'zoe-ray']);
  });

  it('is all or nothing: a restore that fails half-way leaves the profile as it was', async () => {
    await fillProfile();
    const before = await snapshot();
    const backup = await exportBackup(T0);
    const [touch] = backup.touches;
    // Only a bug could hand restoreBackup an unchecked file; it must still not leave half a profile.
    const broken = { ...backup, touches: [touch, touch] } as ValidBackup;
    await expect(restoreBackup(broken)).rejects.toThrow();
    expect(await snapshot()).toStrictEqual(before);
  });
});

describe('damaged backups are refused whole and change nothing', () => {
  const person = (i: number): Person => ({
    slug: `person-${i}`,
    name: `Person ${i}`,
    stage: 'contact',
    tags: [],
    about: '',
    source: 'import',
    createdAt: T0,
    updatedAt: T0,
    metInPerson: false,
    roleChanges: [],
  });
  const valid = (): Backup => ({
    format: 'vinculo-backup',
    version: 1,
    exportedAt: new Date(T0).toISOString(),
    people: Array.from({ length: 50 }, (_, i) => person(i)),
    touches: [
      {
        id: 't1',
        personId: 'person-1',
        at: T0,
        kind: 'call',
        initiator: 'me',
        value: 'gave',
        note: '',
        createdAt: T0,
      },
    ],
    nextSteps: [{ id: 's1', personId: 'person-2', text: 'Write', createdAt: T0 }],
    settings: defaultSettings,
  });
  const edit = (change: (b: Record<string, unknown> & Backup) => void) => {
    const b = valid() as Record<string, unknown> & Backup;
    change(b);
    return JSON.stringify(b);
  };

  it.each<[string, () => string, BackupProblem]>([
    ['an empty file', () => '', { code: 'empty' }],
    ['not JSON', () => '{"format": "vinculo-backup", ', { code: 'notJson', message: expect.any(String) }],
    ['another JSON file', () => '{"name": "package"}', { code: 'notBackup' }],
    ['a list', () => '[1, 2]', { code: 'notBackup' }],
    [
      'a newer format',
      () => edit((b) => Object.assign(b, { version: 2 })),
      { code: 'unsupportedVersion', version: 2 },
    ],
    [
      'no export date',
      () => edit((b) => Object.assign(b, { exportedAt: 'yesterday' })),
      { code: 'invalidField', path: 'exportedAt' },
    ],
    [
      'no touches table',
      () => edit((b) => delete (b as Partial<Backup>).touches),
      { code: 'invalidField', path: 'touches' },
    ],
    [
      'one invalid record',
      () => edit((b) => Object.assign(b.people[41]!, { stage: 'friend' })),
      { code: 'invalidRecord', table: 'people', index: 41, path: 'stage', message: expect.any(String) },
    ],
    [
      'a record that is not an object',
      () => edit((b) => (b.nextSteps as unknown[]).push(null)),
      { code: 'invalidRecord', table: 'nextSteps', index: 1, path: '', message: expect.any(String) },
    ],
    [
      'a touch pointing at nobody',
      () => edit((b) => Object.assign(b.touches[0]!, { personId: 'nobody-here' })),
      { code: 'unknownPerson', table: 'touches', index: 0, personId: 'nobody-here' },
    ],
    [
      'a next step pointing at nobody',
      () => edit((b) => Object.assign(b.nextSteps[0]!, { personId: 'nobody-here' })),
      { code: 'unknownPerson', table: 'nextSteps', index: 0, personId: 'nobody-here' },
    ],
    [
      'a person twice',
      () => edit((b) => b.people.push(person(7))),
      { code: 'duplicateId', table: 'people', index: 50, id: 'person-7' },
    ],
    [
      'invalid settings',
      () => edit((b) => Object.assign(b, { settings: { ...defaultSettings, reminderHour: 25 } })),
      { code: 'invalidSettings', path: 'reminderHour', message: expect.any(String) },
    ],
  ])('%s', async (_name, file, problem) => {
    await fillProfile();
    const before = await snapshot();
    changed = [];
    expect(await restoreFile(file())).toStrictEqual({ ok: false, problem });
    expect(await snapshot()).toStrictEqual(before);
    expect(changed).toStrictEqual([]);
  });

  it('accepts the same file undamaged', () => {
    expect(parseBackup(JSON.stringify(valid())).ok).toBe(true);
  });
});

describe('people as CSV', () => {
  const person: Person = {
    slug: 'josé-pérez',
    name: '=HYPERLINK("https://evil.example","click")',
    headline: '@SUM(A1:A9)',
    company: '-2+3',
    stage: 'acquaintance',
    tags: ['mentor', '+vip'],
    about: '=1+1\nsecond line, with a comma',
    source: 'import',
    connectedOn: new Date(2024, 4, 30, 12).getTime(),
    createdAt: new Date(2026, 0, 10, 12).getTime(),
    updatedAt: T0,
    metInPerson: true,
    roleChanges: [],
  };

  it('prefixes every cell a spreadsheet would run as a formula, line breaks included', () => {
    const csv = peopleToCsv([person]);
    expect(csv.startsWith('\uFEFFName,Profile URL,')).toBe(true);
    const [header, row] = Papa.parse<string[]>(csv.slice(1), { newline: '\r\n' }).data;
    const cell = (name: string) => row?.[header?.indexOf(name) ?? -1];
    expect(cell('Name')).toBe(`'${person.name}`);
    expect(cell('Headline')).toBe("'@SUM(A1:A9)");
    expect(cell('Company')).toBe("'-2+3");
    expect(cell('Notes')).toBe("'=1+1\nsecond line, with a comma");
    expect(cell('Tags')).toBe('mentor; +vip');
    expect(cell('Profile URL')).toBe('https://www.linkedin.com/in/jos%C3%A9-p%C3%A9rez/');
    expect(cell('Connected on')).toBe('2024-05-30');
    expect(cell('Last touch')).toBe('');
    expect(cell('Met in person')).toBe('yes');
  });

  it('takes translated headers', () => {
    expect(peopleToCsv([], { name: 'Nombre' }).startsWith('\uFEFFNombre,Profile URL')).toBe(true);
  });
});

describe('backup messages for the UI', () => {
  type Strings = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
  // The extension's own locale files: every message code the UI can show must have words there.
  const strings: { en: Strings; es: Strings } = {
    en: JSON.parse(readFileSync('public/_locales/en/messages.json', 'utf8')),
    es: JSON.parse(readFileSync('public/_locales/es/messages.json', 'utf8')),
  };

  it('has English and Spanish words for every problem, with matching placeholders', () => {
    const problems: BackupProblem[] = [
      { code: 'empty' },
      { code: 'notJson', message: 'x' },
      { code: 'notBackup' },
      { code: 'unsupportedVersion', version: 2 },
      { code: 'invalidField', path: 'touches' },
      { code: 'invalidRecord', table: 'people', index: 41, path: 'stage', message: 'x' },
      { code: 'invalidRecord', table: 'people', index: 41, path: '', message: 'x' },
      { code: 'invalidSettings', path: 'reminderHour', message: 'x' },
      { code: 'duplicateId', table: 'touches', index: 3, id: 't1' },
      { code: 'unknownPerson', table: 'touches', index: 3, personId: 'nobody' },
    ];
    for (const problem of problems) {
      const { key, substitutions } = backupProblemMessage(problem);
      for (const lang of ['en', 'es'] as const) {
        const contents = Object.values(strings[lang][key]?.placeholders ?? {}).map((p) => p.content);
        expect(strings[lang][key], `${lang} ${key}`).toBeDefined();
        expect(contents.sort(), key).toStrictEqual(substitutions.map((_, i) => `$${i + 1}`));
      }
    }
    expect(
      backupProblemMessage({ code: 'invalidRecord', table: 'people', index: 41, path: 'stage', message: '' }),
    ).toStrictEqual({ key: 'backup_invalidRecord', substitutions: ['people', '42', 'stage'] });
  });
});
