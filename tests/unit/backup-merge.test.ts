// Merging a backup into what is here (utils/files/backup-merge.ts): field by field, the newer person wins
// and nothing on either side is lost; A into B equals B into A, and a second merge changes nothing.

import { describe, expect, it } from 'vitest';
import { withRoleChangedAt } from '../../storage/domain';
import {
  defaultSettings,
  type NextStep,
  type Person,
  type Settings,
  type Touch,
} from '../../storage/schemas';
import { computeDueAt } from '../../utils/cadence';
import { type BackupData, mergeBackupData } from '../../utils/files/backup-merge';
import { joinText } from '../../utils/files/backup-merge-people';
import { sameRecord } from '../../utils/files/records';
import { DAY } from '../../utils/time';
import { seeded } from '../bench/generate';

const T0 = Date.UTC(2026, 0, 10, 12);

// As stored: roleChangedAt follows the role changes (storage/role-changed-at-middleware.ts).
const person = (slug: string, patch: Partial<Person> = {}): Person =>
  withRoleChangedAt({
    slug,
    name: slug,
    stage: 'contact',
    tags: [],
    about: '',
    source: 'page',
    createdAt: T0,
    updatedAt: T0,
    metInPerson: false,
    roleChanges: [],
    ...patch,
  });
const touch = (id: string, personId: string, patch: Partial<Touch> = {}): Touch => ({
  id,
  personId,
  at: T0,
  kind: 'message',
  initiator: 'me',
  value: 'none',
  note: '',
  createdAt: T0,
  ...patch,
});
const step = (id: string, personId: string, patch: Partial<NextStep> = {}): NextStep => ({
  id,
  personId,
  text: 'Write',
  createdAt: T0,
  ...patch,
});
const data = (d: Partial<BackupData>): BackupData => ({ people: [], touches: [], nextSteps: [], ...d });

/** A merge result in a fixed order, so two results can be compared whole. */
const sorted = (m: ReturnType<typeof mergeBackupData>['merged']) => ({
  people: [...m.people].sort((a, b) => a.slug.localeCompare(b.slug)),
  touches: [...m.touches].sort((a, b) => a.id.localeCompare(b.id)),
  nextSteps: [...m.nextSteps].sort((a, b) => a.id.localeCompare(b.id)),
});
const asData = (m: ReturnType<typeof mergeBackupData>['merged']): BackupData => m;

describe('merging a person on both sides', () => {
  const older = person('ana', {
    name: 'Ana',
    stage: 'acquaintance',
    cadenceDays: 20,
    headline: 'Engineer at Acme',
    company: 'Acme',
    email: 'ana@example.com',
    triagedAt: T0 + DAY,
    about: 'Met at JSConf',
    tags: ['mentor', 'madrid'],
    roleChanges: [{ at: T0 + DAY, headline: 'Engineer at Acme', previousHeadline: 'Student' }],
    source: 'import',
    createdAt: T0 - 100 * DAY,
    updatedAt: T0 + 2 * DAY,
  });
  const newer = person('ana', {
    name: 'Ana García',
    stage: 'relationship',
    headline: 'CTO at Beta',
    about: 'Met at JSConf. Likes climbing.',
    tags: ['climbing', 'mentor'],
    roleChanges: [{ at: T0 + 5 * DAY, headline: 'CTO at Beta', previousHeadline: 'Engineer at Acme' }],
    createdAt: T0,
    updatedAt: T0 + 9 * DAY,
  });
  const merged = (here: Person, file: Person) =>
    mergeBackupData(data({ people: [here] }), data({ people: [file] }), defaultSettings).merged.people[0];

  it('takes the newer’s choices, absence included, and the older’s facts where the newer lacks them', () => {
    const p = merged(older, newer)!;
    expect(p).toMatchObject({
      name: 'Ana García',
      stage: 'relationship',
      headline: 'CTO at Beta',
      company: 'Acme',
      email: 'ana@example.com',
      triagedAt: T0 + DAY,
      updatedAt: T0 + 9 * DAY,
    });
    // The newer follows the stage's cadence: that is a choice, not a gap to fill.
    expect(p).not.toHaveProperty('cadenceDays');
  });

  it('keeps both notes, both sets of tags and both role changes; tracked since the earlier date', () => {
    const p = merged(older, newer)!;
    expect(p.about).toBe('Met at JSConf. Likes climbing.');
    expect(p.tags).toStrictEqual(['climbing', 'mentor', 'madrid']);
    expect(p.roleChanges.map((r) => r.at)).toStrictEqual([T0 + DAY, T0 + 5 * DAY]);
    expect(p.roleChangedAt).toBe(T0 + 5 * DAY);
    // The newest role change may be the older record's: the coach's index follows it.
    const later = { at: T0 + 7 * DAY, company: 'Gamma', previousCompany: 'Acme' };
    expect(merged(person('ana', { ...older, roleChanges: [later] }), newer)?.roleChangedAt).toBe(later.at);
    expect([p.createdAt, p.source]).toStrictEqual([T0 - 100 * DAY, 'import']);
    const apart = merged({ ...older, about: 'Knows Bo' }, newer)!;
    expect(apart.about).toBe('Met at JSConf. Likes climbing.\n\nKnows Bo');
  });

  it('keeps the dismissals of both sides, one per kind, the later decision where both dismissed a kind', () => {
    const here = person('ana', {
      ...older,
      dismissals: [
        { kind: 'giveFirst', at: T0 + 3 * DAY, facts: String(T0) },
        { kind: 'offline', at: T0 + 8 * DAY, facts: '5' },
      ],
    });
    const file = person('ana', {
      ...newer,
      dismissals: [
        { kind: 'offline', at: T0 + 4 * DAY, until: T0 + 11 * DAY },
        { kind: 'moment', at: T0 + 6 * DAY, facts: String(T0 + 5 * DAY) },
      ],
    });
    const p = merged(here, file)!;
    expect(p.dismissals).toStrictEqual([
      { kind: 'offline', at: T0 + 8 * DAY, facts: '5' },
      { kind: 'moment', at: T0 + 6 * DAY, facts: String(T0 + 5 * DAY) },
      { kind: 'giveFirst', at: T0 + 3 * DAY, facts: String(T0) },
    ]);
    expect(merged(file, here)).toStrictEqual(p);
    expect(merged(older, newer)).not.toHaveProperty('dismissals');
  });

  it('is the same whichever side is here', () => {
    expect(merged(newer, older)).toStrictEqual(merged(older, newer));
  });

  it('keeps the newer note alone, and says so, when both would be too long together', () => {
    const long = (c: string) => c.repeat(15_000);
    const plan = mergeBackupData(
      data({ people: [{ ...older, about: long('a') }] }),
      data({ people: [{ ...newer, about: long('b') }] }),
      defaultSettings,
    );
    expect(plan.merged.people[0]?.about).toBe(long('b'));
    expect(plan.notesNotJoined).toStrictEqual(['ana']);
  });
});

describe('joining two versions of a text', () => {
  it.each([
    ['same', 'same', 'same'],
    ['grown', 'grown up', 'grown up'],
    ['', 'only one side', 'only one side'],
    ['newer', 'older', 'newer\n\nolder'],
  ])('%j and %j give %j', (newer, older, joined) => {
    expect(joinText(newer, older, 100)).toBe(joined);
  });
});

describe('merging timelines', () => {
  const ana = (patch: Partial<Person> = {}) => person('ana', { stage: 'acquaintance', ...patch });

  it('unites touches and next steps by id, and derives the last touch, met-in-person and due date', () => {
    const here = data({
      people: [ana({ updatedAt: T0 + DAY, lastTouchAt: T0 + DAY })],
      touches: [touch('t1', 'ana', { at: T0 + DAY })],
      nextSteps: [step('s1', 'ana', { dueAt: T0 + 3 * DAY })],
    });
    const file = data({
      people: [ana({ updatedAt: T0 + 5 * DAY, lastTouchAt: T0 + 5 * DAY })],
      touches: [
        touch('t1', 'ana', { at: T0 + DAY }),
        touch('t2', 'ana', { at: T0 + 5 * DAY, kind: 'inPerson' }),
      ],
      nextSteps: [step('s1', 'ana', { dueAt: T0 + 3 * DAY, doneAt: T0 + 4 * DAY }), step('s2', 'ana')],
    });
    const settings: Settings = {
      ...defaultSettings,
      cadenceDays: { ...defaultSettings.cadenceDays, acquaintance: 10 },
    };
    const plan = mergeBackupData(here, file, settings);
    expect(sorted(plan.merged).touches.map((t) => t.id)).toStrictEqual(['t1', 't2']);
    expect(plan.merged.people[0]).toMatchObject({
      lastTouchAt: T0 + 5 * DAY,
      metInPerson: true,
      dueAt: T0 + 15 * DAY,
    });
    // Done on either side is done; a done step is no longer in the due index.
    const s1 = plan.merged.nextSteps.find((s) => s.id === 's1');
    expect(s1).toStrictEqual({
      id: 's1',
      personId: 'ana',
      text: 'Write',
      dueAt: T0 + 3 * DAY,
      doneAt: T0 + 4 * DAY,
      createdAt: T0,
    });
    expect(plan.counts).toStrictEqual({
      people: { added: 0, updated: 1, unchanged: 0 },
      touches: { added: 1, updated: 0, unchanged: 1 },
      nextSteps: { added: 1, updated: 1, unchanged: 0 },
    });
  });

  it('a touch changed on one side keeps the version whose person is newer, with both notes', () => {
    const here = data({
      people: [ana({ updatedAt: T0 + 9 * DAY })],
      touches: [touch('t1', 'ana', { kind: 'call', note: 'Talked about the job', createdAt: T0 + DAY })],
    });
    const file = data({
      people: [ana({ updatedAt: T0 + DAY })],
      touches: [touch('t1', 'ana', { kind: 'message', note: 'Hello' })],
    });
    for (const [a, b] of [
      [here, file],
      [file, here],
    ] as const) {
      expect(mergeBackupData(a, b, defaultSettings).merged.touches).toStrictEqual([
        touch('t1', 'ana', { kind: 'call', note: 'Talked about the job\n\nHello', createdAt: T0 }),
      ]);
    }
  });

  it('keeps the message text one browser imported and the other did not', () => {
    const plain = touch('m1', 'ana', { note: '', createdAt: T0 + DAY });
    const withText = touch('m1', 'ana', { note: 'Congrats on the new role!' });
    const plan = mergeBackupData(
      data({ people: [ana({ updatedAt: T0 + 2 * DAY })], touches: [plain] }),
      data({ people: [ana()], touches: [withText] }),
      defaultSettings,
    );
    expect(plan.merged.touches[0]?.note).toBe('Congrats on the new role!');
  });

  it('never changes someone the backup does not name', () => {
    const bo = person('bo', { lastTouchAt: T0 + DAY, dueAt: 1 });
    const plan = mergeBackupData(data({ people: [bo] }), data({ people: [ana()] }), defaultSettings);
    expect(plan.writes.people.map((p) => p.slug)).toStrictEqual(['ana']);
    expect(plan.merged.people).toContainEqual(bo);
  });
});

// ——— Properties over many random pairs of browsers that started from one backup and drifted ———

function drift(base: BackupData, rnd: () => number, side: string): BackupData {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const people = new Map(base.people.map((p) => [p.slug, { ...p }]));
  const touches = new Map(base.touches.map((t) => [t.id, { ...t }]));
  const steps = new Map(base.nextSteps.map((s) => [s.id, { ...s }]));
  for (let i = 0; i < 12; i++) {
    const slugs = [...people.keys()];
    const at = T0 + Math.floor(rnd() * 40) * DAY;
    const p = people.get(pick(slugs))!;
    const bump = () => {
      p.updatedAt = Math.max(p.updatedAt, at);
    };
    switch (Math.floor(rnd() * 11)) {
      case 10: {
        const kind = pick(['moment', 'giveFirst', 'cold', 'offline'] as const);
        const d = rnd() < 0.5 ? { kind, at, facts: `${side}${i}` } : { kind, at, until: at + 7 * DAY };
        p.dismissals = [...(p.dismissals ?? []).filter((x) => x.kind !== kind), d];
        bump();
        break;
      }
      case 0:
        people.set(`${side}-${i}`, person(`${side}-${i}`, { createdAt: at, updatedAt: at }));
        break;
      case 1:
        Object.assign(p, { stage: pick(['contact', 'acquaintance', 'relationship', 'archived'] as const) });
        bump();
        break;
      case 2:
        if (rnd() < 0.5) p.cadenceDays = 1 + Math.floor(rnd() * 60);
        else delete p.cadenceDays;
        bump();
        break;
      case 3:
        p.tags = [...new Set([...p.tags, pick(['a', 'b', 'c', 'd'])])];
        p.about = rnd() < 0.5 ? `${p.about} ${side}${i}`.trim() : `note ${side}${i}`;
        bump();
        break;
      case 4:
        if (rnd() < 0.5) p.headline = `Role ${side}${i}`;
        else p.company = `Company ${side}${i}`;
        p.roleChanges = [...p.roleChanges, { at, headline: `Role ${side}${i}` }];
        bump();
        break;
      case 5:
      case 6: {
        const t = touch(`${side}-t${i}`, p.slug, {
          at,
          kind: pick(['message', 'call', 'inPerson'] as const),
        });
        touches.set(t.id, t);
        bump();
        break;
      }
      case 7: {
        const t = touches.size ? touches.get(pick([...touches.keys()])) : undefined;
        if (!t) break;
        Object.assign(t, { value: pick(['gave', 'received'] as const), note: `${t.note}+${side}` });
        const owner = people.get(t.personId)!;
        owner.updatedAt = Math.max(owner.updatedAt, at);
        break;
      }
      case 8:
        steps.set(`${side}-s${i}`, step(`${side}-s${i}`, p.slug, { dueAt: at }));
        break;
      default: {
        const s = steps.size ? steps.get(pick([...steps.keys()])) : undefined;
        if (s) s.doneAt = at;
      }
    }
  }
  // Each side keeps its derived fields right, as the repositories do.
  for (const [slug, stored] of people) {
    const p = withRoleChangedAt(stored);
    people.set(slug, p);
    const own = [...touches.values()].filter((t) => t.personId === p.slug);
    if (own.length) {
      p.lastTouchAt = Math.max(...own.map((t) => t.at));
      p.metInPerson = own.some((t) => t.kind === 'inPerson');
    }
    const dueAt = computeDueAt(p, defaultSettings);
    if (dueAt === undefined) delete p.dueAt;
    else p.dueAt = dueAt;
  }
  for (const s of steps.values()) {
    if (s.dueAt !== undefined && s.doneAt === undefined) s.openDueAt = s.dueAt;
    else delete s.openDueAt;
  }
  return { people: [...people.values()], touches: [...touches.values()], nextSteps: [...steps.values()] };
}

function base(rnd: () => number): BackupData {
  const people = Array.from({ length: 4 }, (_, i) =>
    person(`p${i}`, { stage: i % 2 ? 'acquaintance' : 'relationship', tags: i ? ['a'] : [] }),
  );
  const touches = people.map((p, i) => touch(`t${i}`, p.slug, { at: T0 - Math.floor(rnd() * 9) * DAY }));
  return drift({ people, touches, nextSteps: [step('s0', 'p0', { dueAt: T0 + DAY })] }, rnd, 'base');
}

describe('over 300 random pairs of drifted browsers', () => {
  const pairs = Array.from({ length: 300 }, (_, seed) => {
    const rnd = seeded(seed + 1);
    const start = base(rnd);
    return { seed, a: drift(start, rnd, 'a'), b: drift(start, rnd, 'b') };
  });

  it('merging A into B gives what merging B into A gives', () => {
    for (const { seed, a, b } of pairs) {
      const ab = mergeBackupData(b, a, defaultSettings).merged;
      const ba = mergeBackupData(a, b, defaultSettings).merged;
      expect(sorted(ab), `seed ${seed}`).toStrictEqual(sorted(ba));
    }
  });

  it('merging the same file twice changes nothing the second time, from either side', () => {
    for (const { seed, a, b } of pairs) {
      const once = mergeBackupData(b, a, defaultSettings);
      for (const again of [a, b]) {
        const twice = mergeBackupData(asData(once.merged), again, defaultSettings);
        expect(twice.writes, `seed ${seed}`).toStrictEqual({ people: [], touches: [], nextSteps: [] });
        expect(sorted(twice.merged)).toStrictEqual(sorted(once.merged));
      }
    }
  });

  it('loses nothing from either side', () => {
    for (const { seed, a, b } of pairs) {
      const { merged } = mergeBackupData(b, a, defaultSettings);
      const people = new Map(merged.people.map((p) => [p.slug, p]));
      const touches = new Map(merged.touches.map((t) => [t.id, t]));
      const steps = new Map(merged.nextSteps.map((s) => [s.id, s]));
      for (const side of [a, b]) {
        for (const p of side.people) {
          const m = people.get(p.slug);
          expect(m, `seed ${seed} ${p.slug}`).toBeDefined();
          expect(m!.about).toContain(p.about);
          for (const tag of p.tags) expect(m!.tags).toContain(tag);
          for (const r of p.roleChanges) expect(m!.roleChanges).toContainEqual(r);
          expect(m!.roleChangedAt).toBe(withRoleChangedAt(m!).roleChangedAt);
          for (const d of p.dismissals ?? []) {
            const kept = m!.dismissals?.find((x) => x.kind === d.kind);
            expect(kept?.at, `seed ${seed} ${p.slug} ${d.kind}`).toBeGreaterThanOrEqual(d.at);
          }
          for (const k of ['headline', 'company'] as const) if (p[k]) expect(m![k]).toBeDefined();
        }
        for (const t of side.touches) expect(touches.get(t.id)?.note, `seed ${seed}`).toContain(t.note);
        for (const s of side.nextSteps) {
          expect(steps.has(s.id)).toBe(true);
          if (s.doneAt !== undefined) expect(steps.get(s.id)?.doneAt).toBeLessThanOrEqual(s.doneAt);
        }
      }
      for (const p of merged.people) {
        const own = merged.touches.filter((t) => t.personId === p.slug);
        if (own.length) expect(p.lastTouchAt).toBe(Math.max(...own.map((t) => t.at)));
        expect(p.dueAt).toBe(computeDueAt(p, defaultSettings));
      }
    }
  });

  it('writes exactly the records that differ from what is here', () => {
    for (const { a, b } of pairs) {
      const plan = mergeBackupData(b, a, defaultSettings);
      const here = new Map(b.touches.map((t) => [t.id, t]));
      const differ = plan.merged.touches.filter((t) => !sameRecord(here.get(t.id), t));
      expect(plan.writes.touches.map((t) => t.id).sort()).toStrictEqual(differ.map((t) => t.id).sort());
    }
  });
});
