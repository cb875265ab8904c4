// A backup restores exactly what was exported, or merges into what is here losing nothing; a damaged
// one is refused whole, naming the first problem and where it is, and changes nothing; a restore or
// merge interrupted half-way leaves every table as it was.
import { readFileSync } from 'node:fs';
import type { DBCore, DBCoreMutateRequest, Middleware } from 'dexie';
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportBackup, mergeBackup, restoreBackup } from '../../storage/backup';
import { setChangeListener } from '../../storage/changes';
import { db } from '../../storage/db';
import { importConnections } from '../../storage/import-connections';
import { addNextStep, setNextStepDone } from '../../storage/next-steps';
import {
  deletePerson,
  refreshFromPage,
  setStage,
  snoozePerson,
  trackPerson,
  updatePerson,
} from '../../storage/people';
import { defaultSettings, type NextStep, type Person, type Touch } from '../../storage/schemas';
import { getSettings, saveSettings } from '../../storage/settings';
import { dismissSuggestion } from '../../storage/suggestions';
import { addTouch } from '../../storage/touches';
import { type Backup, backupFileName, parseBackup, type ValidBackup } from '../../utils/files/backup';
import { type BackupProblem, backupProblemMessage } from '../../utils/files/backup-problems';
import { peopleToCsv } from '../../utils/files/people-csv';
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

/** Every row of every table, as stored: what "exactly as before" is compared on. */
const everything = async () =>
  Object.fromEntries(await Promise.all(db.tables.map(async (t) => [t.name, await t.toArray()] as const)));

/** What the dashboard does with a chosen backup file: check it whole, then restore or merge it. */
async function restoreFile(text: string, how: 'replace' | 'merge' = 'replace') {
  const parsed = parseBackup(text);
  if (parsed.ok) await (how === 'replace' ? restoreBackup(parsed.backup) : mergeBackup(parsed.backup));
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
  // Coach dismissals, stored with the person: a "Not relevant" and a snooze.
  await dismissSuggestion('ana-garcia', { kind: 'moment', at: T0 + 2 * DAY, facts: String(T0 + DAY) });
  await dismissSuggestion('ana-garcia', { kind: 'cold', at: T0 + 2 * DAY, until: T0 + 9 * DAY });
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
      version: 2,
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

describe('backup versions', () => {
  it('restores a version 1 file (before dismissals) as it was written', async () => {
    await fillProfile();
    const current = await exportBackup(T0 + 10 * DAY);
    // What version 1 wrote: the same records, without the coach's dismissals.
    const v1 = {
      ...current,
      version: 1,
      people: current.people.map(({ dismissals: _none, ...p }) => p),
    };
    await db.delete();
    await db.open();
    const parsed = await restoreFile(JSON.stringify(v1));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problem));
    expect(parsed.backup.version).toBe(2);
    expect(await db.people.toArray()).toStrictEqual(v1.people);
    expect((await db.people.toArray()).every((p) => p.dismissals === undefined)).toBe(true);
    expect(await db.touches.count()).toBe(current.touches.length);
  });

  it('round-trips the dismissals stored with a person, checked by the person schema', async () => {
    await fillProfile();
    const backup = await exportBackup(T0 + 10 * DAY);
    const ana = backup.people.find((p) => p.slug === 'ana-garcia');
    expect(ana?.dismissals).toStrictEqual([
      { kind: 'moment', at: T0 + 2 * DAY, facts: String(T0 + DAY) },
      { kind: 'cold', at: T0 + 2 * DAY, until: T0 + 9 * DAY },
    ]);
    await db.delete();
    await db.open();
    expect((await restoreFile(JSON.stringify(backup))).ok).toBe(true);
    expect((await db.people.get('ana-garcia'))?.dismissals).toStrictEqual(ana?.dismissals);

    const damaged = structuredClone(backup);
    const index = damaged.people.findIndex((p) => p.slug === 'ana-garcia');
    Object.assign(damaged.people[index]!, { dismissals: [{ kind: 'nagging', at: T0 }] });
    const refused = parseBackup(JSON.stringify(damaged));
    expect(refused).toMatchObject({
      ok: false,
      problem: { code: 'invalidRecord', table: 'people', index, path: 'dismissals.0.kind' },
    });
  });
});

describe('merging a backup into what is here', () => {
  it('unites a backup from another browser with what changed here since, and a second merge changes nothing', async () => {
    await fillProfile();
    const settingsHere = await getSettings();
    const file = JSON.stringify(await exportBackup(T0 + 3 * DAY));
    // Since the export, this browser deleted Bo, started tracking Zoë, tagged Ana and logged a call.
    await deletePerson('bo-li');
    await trackPerson({ slug: 'zoe-ray', name: 'Zoë Ray' }, T0 + 4 * DAY);
    await updatePerson('ana-garcia', { tags: ['mentor', 'cto'] }, T0 + 4 * DAY);
    await addTouch(
      {
        personId: 'ana-garcia',
        at: T0 + 5 * DAY,
        kind: 'call',
        initiator: 'me',
        value: 'gave',
        note: 'Call',
      },
      T0 + 5 * DAY,
    );
    const deleted = JSON.parse(file).people.find((p: Person) => p.slug === 'bo-li');
    changed = [];

    const parsed = parseBackup(file);
    if (!parsed.ok) throw new Error('the export must parse');
    const report = await mergeBackup(parsed.backup);
    expect(report).toStrictEqual({
      people: { added: 1, updated: 1, unchanged: 1 },
      touches: { added: 0, updated: 0, unchanged: 1 },
      nextSteps: { added: 0, updated: 0, unchanged: 2 },
      notesNotJoined: [],
    });
    expect((await db.people.toArray()).map((p) => p.slug).sort()).toStrictEqual([
      'ana-garcia',
      'bo-li',
      'cy-ng',
      'zoe-ray',
    ]);
    expect(await db.people.get('bo-li')).toStrictEqual(deleted);
    const ana = await db.people.get('ana-garcia');
    // Tags are united: the newer's first, then what only the backup had.
    expect(ana).toMatchObject({
      tags: ['mentor', 'cto', 'madrid'],
      lastTouchAt: T0 + 5 * DAY,
      metInPerson: true,
      updatedAt: T0 + 5 * DAY,
    });
    expect((await db.touches.toArray()).map((t) => t.note).sort()).toStrictEqual(['Call', 'Lunch']);
    expect(await getSettings()).toStrictEqual(settingsHere);
    expect(changed).toStrictEqual([['ana-garcia', 'bo-li']]);

    const after = await everything();
    changed = [];
    const again = await mergeBackup(parsed.backup);
    expect(again.people).toStrictEqual({ added: 0, updated: 0, unchanged: 3 });
    expect(await everything()).toStrictEqual(after);
    expect(changed).toStrictEqual([]);
  });

  it('into an empty profile gives back the exported people, touches and next steps; the settings here stay', async () => {
    await fillProfile();
    const before = await snapshot();
    const text = JSON.stringify(await exportBackup(T0 + 10 * DAY));
    await db.delete();
    await db.open();
    expect((await restoreFile(text, 'merge')).ok).toBe(true);
    expect(await snapshot()).toStrictEqual({ ...before, settings: defaultSettings });
  });

  it('brings the newer version of a person back into an older one, field by field', async () => {
    await fillProfile();
    const old = JSON.stringify(await exportBackup(T0));
    await updatePerson(
      'ana-garcia',
      { about: 'Met at JSConf. Now CTO.', stage: 'acquaintance' },
      T0 + 20 * DAY,
    );
    const newer = JSON.stringify(await exportBackup(T0 + 20 * DAY));
    await restoreFile(old);
    await restoreFile(newer, 'merge');
    expect(await db.people.get('ana-garcia')).toMatchObject({
      about: 'Met at JSConf. Now CTO.',
      stage: 'acquaintance',
      updatedAt: T0 + 20 * DAY,
    });
  });
});

// ——— Faults: a write refused half-way, or the tab closed in the middle ———

/**
 * A DBCore middleware that lets the first `after` records of the next add or put on `table` through
 * and then fails it: with a QuotaExceededError, or by aborting the transaction as closing the tab does.
 */
function faultAfter(table: string, after: number, how: 'quota' | 'abort') {
  const state = { written: 0 };
  const middleware: Middleware<DBCore> = {
    stack: 'dbcore',
    name: 'fault',
    create: (down) => ({
      ...down,
      table: (name) => {
        const inner = down.table(name);
        if (name !== table) return inner;
        return {
          ...inner,
          mutate: async (req: DBCoreMutateRequest) => {
            if (req.type !== 'add' && req.type !== 'put') return inner.mutate(req);
            const part = {
              ...req,
              values: req.values.slice(0, after),
              ...(req.keys ? { keys: req.keys.slice(0, after) } : {}),
            };
            const result = await inner.mutate(part);
            state.written += part.values.length - result.numFailures;
            if (how === 'abort') (req.trans as unknown as IDBTransaction).abort();
            throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
          },
        };
      },
    }),
  };
  return { middleware, state };
}

/** A checked backup of `n` people, each with a touch and a next step, none of them in fillProfile(). */
function bigBackup(n: number): ValidBackup {
  const people: Person[] = Array.from({ length: n }, (_, i) => ({
    slug: `someone-${i}`,
    name: `Someone ${i}`,
    stage: 'acquaintance',
    tags: ['moved'],
    about: '',
    source: 'import',
    createdAt: T0,
    updatedAt: T0 + 30 * DAY,
    metInPerson: false,
    roleChanges: [],
    lastTouchAt: T0 + DAY,
    dueAt: T0 + 31 * DAY,
  }));
  const touches: Touch[] = people.map((p, i) => ({
    id: `touch-${i}`,
    personId: p.slug,
    at: T0 + DAY,
    kind: 'message',
    initiator: 'me',
    value: 'none',
    note: '',
    createdAt: T0 + DAY,
  }));
  const nextSteps: NextStep[] = people.map((p, i) => ({
    id: `step-${i}`,
    personId: p.slug,
    text: 'Follow up',
    createdAt: T0,
  }));
  // Ana is in it too, newer than here, so the merge also rewrites someone already here.
  const ana: Person = { ...people[0]!, slug: 'ana-garcia', name: 'Ana García', updatedAt: T0 + 40 * DAY };
  const parsed = parseBackup(
    JSON.stringify({
      format: 'vinculo-backup',
      version: 1,
      exportedAt: new Date(T0).toISOString(),
      people: [ana, ...people],
      touches,
      nextSteps,
      settings: { ...defaultSettings, reminderHour: 7 },
    }),
  );
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problem));
  return parsed.backup;
}

describe('a restore or merge interrupted half-way leaves every table exactly as it was', () => {
  afterEach(() => {
    db.unuse({ stack: 'dbcore', name: 'fault' });
    db.close();
  });

  it.each([
    ['replace', 'people', 'quota'],
    ['replace', 'touches', 'quota'],
    ['replace', 'nextSteps', 'abort'],
    ['merge', 'people', 'quota'],
    ['merge', 'touches', 'abort'],
    ['merge', 'nextSteps', 'quota'],
  ] as const)('%s: %s refused after part of them were written (%s)', async (how, table, fault) => {
    await fillProfile();
    const before = await everything();
    const beforeText = JSON.stringify(before);
    const backup = bigBackup(500);
    const { middleware, state } = faultAfter(table, 200, fault);
    db.close();
    db.use(middleware);
    await db.open();
    changed = [];

    await expect(how === 'replace' ? restoreBackup(backup) : mergeBackup(backup)).rejects.toThrow();
    // The fault did strike in the middle: part of the records had been written when it came.
    expect(state.written).toBe(200);
    db.unuse({ stack: 'dbcore', name: 'fault' });
    db.close();
    await db.open();
    expect(await everything()).toStrictEqual(before);
    expect(JSON.stringify(await everything())).toBe(beforeText);
    expect(changed).toStrictEqual([]);

    // And the same file goes through once nothing is in the way.
    await (how === 'replace' ? restoreBackup(backup) : mergeBackup(backup));
    expect(await db.people.count()).toBe(how === 'replace' ? 501 : 503);
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
    version: 2,
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
      () => edit((b) => Object.assign(b, { version: 3 })),
      { code: 'unsupportedVersion', version: 3 },
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
    const before = await everything();
    changed = [];
    for (const how of ['replace', 'merge'] as const) {
      expect(await restoreFile(file(), how)).toStrictEqual({ ok: false, problem });
      expect(await everything()).toStrictEqual(before);
    }
    expect(changed).toStrictEqual([]);
  });

  it('a file wrong only at its 9,999th record writes nothing, whether replacing or merging', async () => {
    await fillProfile();
    const before = await everything();
    changed = [];
    const text = edit((b) => {
      b.people = Array.from({ length: 10_000 }, (_, i) => person(i));
      Object.assign(b.people[9_998]!, { createdAt: 'yesterday' });
    });
    for (const how of ['replace', 'merge'] as const) {
      const parsed = await restoreFile(text, how);
      expect(parsed.ok || backupProblemMessage(parsed.problem)).toStrictEqual({
        key: 'backup_invalidRecord',
        substitutions: ['people', '9999', 'createdAt'],
      });
      expect(await everything()).toStrictEqual(before);
    }
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
