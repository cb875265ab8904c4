// The repository keeps lastTouchAt and dueAt right on every write.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { profileView } from '../../entrypoints/background/messages/people';
import { goingCold } from '../../storage/agenda';
import { setChangeListener } from '../../storage/changes';
import { db } from '../../storage/db';
import { newPerson } from '../../storage/domain';
import {
  addNextStep,
  countDueNextSteps,
  dueNextSteps,
  openNextSteps,
  setNextStepDone,
} from '../../storage/next-steps';
import {
  countDuePeopleUpTo,
  deletePerson,
  duePeople,
  getPerson,
  lookupPeople,
  mostOverdueCandidates,
  type PersonPatch,
  refreshFromPage,
  restorePerson,
  setStage,
  snoozePerson,
  trackPerson,
  updatePerson,
} from '../../storage/people';
import { logNote, undoNote } from '../../storage/quick-note';
import { defaultSettings } from '../../storage/schemas';
import { getSettings, saveSettings } from '../../storage/settings';
import { addTouch, deleteTouch, listTouches, restoreTouch, updateTouch } from '../../storage/touches';
import { overdueRatio } from '../../utils/cadence';
import { rankMostOverdue } from '../../utils/digest';
import { isStorageFull } from '../../utils/errors';
import { DAY } from '../../utils/time';

const T0 = Date.UTC(2026, 0, 10, 12);
const ana = { slug: 'ana-garcia', name: 'Ana García', headline: 'Engineer at Acme', company: 'Acme' };

async function trackAcquaintance(slug = ana.slug) {
  await trackPerson({ ...ana, slug }, T0);
  const result = await setStage(slug, 'acquaintance', T0);
  if (!result.ok) throw new Error(result.error);
  return result.person;
}

const touch = (at: number, kind: 'message' | 'inPerson' = 'message') => ({
  personId: ana.slug,
  at,
  kind,
  initiator: 'me' as const,
  value: 'none' as const,
  note: '',
});

let changed: string[][] = [];
beforeEach(async () => {
  await db.delete();
  await db.open();
  changed = [];
  setChangeListener((slugs) => changed.push(slugs));
});

describe('tracking', () => {
  it('stores a person seen on a page as a contact without a cadence or due date', async () => {
    const p = await trackPerson(ana, T0);
    expect(p).toMatchObject({ slug: 'ana-garcia', stage: 'contact', source: 'page', createdAt: T0 });
    expect(p.dueAt).toBeUndefined();
    expect(await getPerson('ana-garcia')).toEqual(p);
    expect(changed).toEqual([['ana-garcia']]);
  });

  it('keeps an already tracked person as they are', async () => {
    await trackAcquaintance();
    const again = await trackPerson({ ...ana, name: 'Someone Else' }, T0 + DAY);
    expect(again.stage).toBe('acquaintance');
    expect(again.name).toBe('Ana García');
  });

  it('finds people by slug and by member id in one call', async () => {
    await trackPerson({ ...ana, memberId: 'ACoAAB1cD2eF3gH4iJ5kL6mN7oP8qR9sT0u' }, T0);
    await trackPerson({ slug: 'bo-li', name: 'Bo Li' }, T0);
    const found = await lookupPeople(['bo-li', 'nobody-here'], ['ACoAAB1cD2eF3gH4iJ5kL6mN7oP8qR9sT0u']);
    expect(found.map((p) => p.slug).sort()).toEqual(['ana-garcia', 'bo-li']);
  });
});

describe('the person a profile URL names, asked before the page shows them', () => {
  const memberId = 'ACoAAB1cD2eF3gH4iJ5kL6mN7oP8qR9sT0u';

  it('answers by slug or by member id, with the next step, and null for someone untracked', async () => {
    await trackPerson({ ...ana, memberId }, T0);
    await addNextStep({ personId: ana.slug, text: 'Send the deck', dueAt: T0 - DAY }, T0);
    const bySlug = await profileView({ slug: ana.slug }, T0);
    expect(bySlug).toMatchObject({ slug: ana.slug, name: 'Ana García', stage: 'contact' });
    expect(bySlug?.nextStep).toMatchObject({ text: 'Send the deck', due: true });
    expect(await profileView({ memberId }, T0)).toEqual(bySlug);
    expect(await profileView({ slug: 'nobody-here' }, T0)).toBeNull();
  });

  it('writes nothing', async () => {
    await trackPerson(ana, T0);
    changed = [];
    await profileView({ slug: ana.slug }, T0 + DAY);
    expect(changed).toEqual([]);
    expect((await getPerson(ana.slug))?.updatedAt).toBe(T0);
  });
});

describe('touches move lastTouchAt and dueAt', () => {
  it('adding a touch sets lastTouchAt and dueAt = touch + cadence', async () => {
    await trackAcquaintance();
    expect((await getPerson(ana.slug))?.dueAt).toBe(T0 + 30 * DAY);
    await addTouch(touch(T0 + 5 * DAY), T0 + 5 * DAY);
    const p = await getPerson(ana.slug);
    expect(p?.lastTouchAt).toBe(T0 + 5 * DAY);
    expect(p?.dueAt).toBe(T0 + 35 * DAY);
  });

  it('a back-dated touch older than the latest does not move the clock back', async () => {
    await trackAcquaintance();
    await addTouch(touch(T0 + 10 * DAY));
    await addTouch(touch(T0 + 2 * DAY));
    expect((await getPerson(ana.slug))?.lastTouchAt).toBe(T0 + 10 * DAY);
  });

  it('editing the latest touch date moves lastTouchAt and dueAt', async () => {
    await trackAcquaintance();
    const added = await addTouch(touch(T0 + 10 * DAY));
    if (!added.ok) throw new Error(added.error);
    await updateTouch(added.touch.id, { at: T0 + 20 * DAY });
    const p = await getPerson(ana.slug);
    expect(p?.lastTouchAt).toBe(T0 + 20 * DAY);
    expect(p?.dueAt).toBe(T0 + 50 * DAY);
  });

  it('deleting the latest touch falls back to the one before, then to tracking start', async () => {
    await trackAcquaintance();
    await addTouch(touch(T0 + 3 * DAY));
    const latest = await addTouch(touch(T0 + 9 * DAY));
    if (!latest.ok) throw new Error(latest.error);
    const removed = await deleteTouch(latest.touch.id);
    expect((await getPerson(ana.slug))?.lastTouchAt).toBe(T0 + 3 * DAY);
    const [only] = await listTouches(ana.slug);
    await deleteTouch(only!.id);
    const p = await getPerson(ana.slug);
    expect(p?.lastTouchAt).toBeUndefined();
    expect(p?.dueAt).toBe(T0 + 30 * DAY);
    await restoreTouch(removed!);
    expect((await getPerson(ana.slug))?.lastTouchAt).toBe(T0 + 9 * DAY);
  });

  it('marks people met in person from their touches, and unmarks them when that touch goes', async () => {
    await trackAcquaintance();
    const met = await addTouch(touch(T0 + DAY, 'inPerson'));
    expect((await getPerson(ana.slug))?.metInPerson).toBe(true);
    if (!met.ok) throw new Error(met.error);
    await deleteTouch(met.touch.id);
    expect((await getPerson(ana.slug))?.metInPerson).toBe(false);
  });

  it('lists a timeline newest first through the [personId+at] index', async () => {
    await trackAcquaintance();
    for (const d of [4, 1, 9]) await addTouch(touch(T0 + d * DAY));
    expect((await listTouches(ana.slug)).map((t) => t.at)).toEqual([9, 4, 1].map((d) => T0 + d * DAY));
  });

  it('refuses a touch for someone not tracked, or with a bad date, and writes nothing', async () => {
    expect((await addTouch(touch(T0))).ok).toBe(false);
    await trackAcquaintance();
    expect((await addTouch({ ...touch(T0), at: Number.NaN })).ok).toBe(false);
    expect(await db.touches.count()).toBe(0);
  });
});

describe('stage, cadence, snooze and archive move dueAt', () => {
  it('a stage change applies the new stage default', async () => {
    await trackAcquaintance();
    await setStage(ana.slug, 'relationship', T0);
    expect((await getPerson(ana.slug))?.dueAt).toBe(T0 + 60 * DAY);
  });

  it('archiving removes the due date; a cadence override brings one back', async () => {
    await trackAcquaintance();
    await setStage(ana.slug, 'archived', T0);
    expect((await getPerson(ana.slug))?.dueAt).toBeUndefined();
    await updatePerson(ana.slug, { cadenceDays: 10 }, T0);
    expect((await getPerson(ana.slug))?.dueAt).toBe(T0 + 10 * DAY);
    await updatePerson(ana.slug, { cadenceDays: null }, T0);
    expect((await getPerson(ana.slug))?.dueAt).toBeUndefined();
  });

  it('snoozing moves dueAt without inventing a touch; the next touch ends the snooze', async () => {
    await trackAcquaintance();
    await snoozePerson(ana.slug, T0 + 45 * DAY, T0 + 31 * DAY);
    let p = await getPerson(ana.slug);
    expect(p?.dueAt).toBe(T0 + 45 * DAY);
    expect(p?.lastTouchAt).toBeUndefined();
    expect(await db.touches.count()).toBe(0);
    await addTouch(touch(T0 + 32 * DAY));
    p = await getPerson(ana.slug);
    expect(p?.snoozedUntil).toBeUndefined();
    expect(p?.dueAt).toBe(T0 + 62 * DAY);
  });

  it('a changed cadence in settings moves everyone it applies to', async () => {
    await trackAcquaintance();
    const settings = await getSettings();
    await saveSettings({ ...settings, cadenceDays: { ...settings.cadenceDays, acquaintance: 14 } });
    expect((await getPerson(ana.slug))?.dueAt).toBe(T0 + 14 * DAY);
  });

  it('refuses invalid settings and changes nothing', async () => {
    const result = await saveSettings({ ...defaultSettings, reminderHour: 25 });
    expect(result.ok).toBe(false);
    expect(await getSettings()).toEqual(defaultSettings);
  });

  it('finds who is due with a range on dueAt', async () => {
    await trackAcquaintance('ana-garcia');
    await trackAcquaintance('bo-li');
    await addTouch({ ...touch(T0 + 20 * DAY), personId: 'bo-li' });
    expect((await duePeople(T0 + 31 * DAY)).map((p) => p.slug)).toEqual(['ana-garcia']);
  });
});

describe('role changes and page facts', () => {
  it('records a changed headline as a role change and fills missing facts', async () => {
    await trackPerson({ slug: ana.slug, name: ana.name, headline: 'Engineer at Acme' }, T0);
    const p = await refreshFromPage(
      { ...ana, headline: 'CTO at Beta', company: 'Beta', memberId: 'ACoAAB1cD2eF3gH4iJ5kL6mN7oP8qR9sT0u' },
      T0 + DAY,
    );
    expect(p?.headline).toBe('CTO at Beta');
    expect(p?.memberId).toBe('ACoAAB1cD2eF3gH4iJ5kL6mN7oP8qR9sT0u');
    expect(p?.roleChanges).toEqual([
      { at: T0 + DAY, headline: 'CTO at Beta', company: 'Beta', previousHeadline: 'Engineer at Acme' },
    ]);
  });

  it('a person tracked from a page without a top card gets the facts a known layout shows later, with no role change', async () => {
    await trackPerson({ slug: ana.slug, name: 'Ana Garcia' }, T0);
    const p = await refreshFromPage(
      { ...ana, photoUrl: 'https://media.licdn.com/dms/image/v2/x/profile-displayphoto-shrink_800_800/0/1' },
      T0 + DAY,
    );
    expect(p).toMatchObject({
      name: ana.name,
      headline: ana.headline,
      company: ana.company,
      roleChanges: [],
    });
    expect(p?.photoUrl).toMatch(/profile-displayphoto/);
  });

  it('ignores people who are not tracked', async () => {
    expect(await refreshFromPage(ana, T0)).toBeUndefined();
    expect(await db.people.count()).toBe(0);
  });
});

describe('next steps and deletion', () => {
  it('lists open steps soonest first and finds due ones by index', async () => {
    await trackAcquaintance();
    await addNextStep({ personId: ana.slug, text: 'Send the article', dueAt: T0 + 3 * DAY });
    const later = await addNextStep({ personId: ana.slug, text: 'Coffee', dueAt: T0 + 9 * DAY });
    expect((await openNextSteps(ana.slug)).map((s) => s.text)).toEqual(['Send the article', 'Coffee']);
    expect((await dueNextSteps(T0 + 4 * DAY)).map((s) => s.text)).toEqual(['Send the article']);
    if (!later.ok) throw new Error(later.error);
    await setNextStepDone(later.step.id, true);
    expect((await openNextSteps(ana.slug)).map((s) => s.text)).toEqual(['Send the article']);
  });

  it('keeps done and undated steps out of the due index, and counts the due ones without reading them', async () => {
    await trackAcquaintance();
    const done = await addNextStep({ personId: ana.slug, text: 'Call', dueAt: T0 + DAY });
    await addNextStep({ personId: ana.slug, text: 'Send the deck', dueAt: T0 + 2 * DAY });
    await addNextStep({ personId: ana.slug, text: 'Someday' });
    if (!done.ok) throw new Error(done.error);
    expect(await countDueNextSteps(T0 + 3 * DAY)).toBe(2);
    await setNextStepDone(done.step.id, true);
    expect(await countDueNextSteps(T0 + 3 * DAY)).toBe(1);
    expect((await dueNextSteps(T0 + 3 * DAY)).map((s) => s.text)).toEqual(['Send the deck']);
    await setNextStepDone(done.step.id, false);
    expect((await dueNextSteps(T0 + 3 * DAY, 1)).map((s) => s.text)).toEqual(['Call']);
    // A restored person's steps are indexed as they were.
    const removed = await deletePerson(ana.slug);
    expect(await countDueNextSteps(T0 + 3 * DAY)).toBe(0);
    await restorePerson(removed!);
    expect(await countDueNextSteps(T0 + 3 * DAY)).toBe(2);
  });

  it('deletes a person with their timeline, and restores all of it', async () => {
    await trackAcquaintance();
    await addTouch(touch(T0 + DAY));
    await addNextStep({ personId: ana.slug, text: 'Call back' });
    const removed = await deletePerson(ana.slug);
    expect(await db.touches.count()).toBe(0);
    expect(await db.nextSteps.count()).toBe(0);
    await restorePerson(removed!);
    expect(await listTouches(ana.slug)).toHaveLength(1);
    expect(await openNextSteps(ana.slug)).toHaveLength(1);
  });
});

describe('the most overdue, without reading everyone due', () => {
  it('finds the same top names as ranking every due person, with stage cadences and personal ones', async () => {
    const now = T0 + 400 * DAY;
    const stagesCycle = ['acquaintance', 'relationship', 'contact', 'archived'] as const;
    for (let i = 0; i < 120; i++) {
      const slug = `person-${i}`;
      await trackPerson({ slug, name: `Person ${i}` }, T0 + (i % 50) * DAY);
      const patch: PersonPatch = { stage: stagesCycle[i % 4] };
      if (i % 7 === 0) patch.cadenceDays = 5 + (i % 40);
      await updatePerson(slug, patch, T0);
      if (i % 3 === 0) await addTouch({ ...touch(T0 + (i % 90) * DAY), personId: slug });
    }
    const settings = await getSettings();
    const everyone = await duePeople(now);
    const [candidates, counted] = await Promise.all([
      mostOverdueCandidates(now, 3),
      countDuePeopleUpTo(now, 50),
    ]);
    const top = (people: typeof everyone) =>
      rankMostOverdue(people, settings, now)
        .slice(0, 3)
        .map((p) => p.slug);
    expect(everyone.length).toBeGreaterThan(50);
    expect(candidates.length).toBeLessThan(everyone.length);
    expect(top(candidates)).toEqual(top(everyone));
    expect(counted).toBe(50);

    // The dashboard's going-cold list: the same people, in the same order, as ranking everyone.
    const brute = everyone
      .map((person) => ({ person, ratio: overdueRatio(person, settings, now) ?? 0 }))
      .sort((a, b) => b.ratio - a.ratio)
      .slice(0, 10)
      .map(({ person }) => person.slug);
    expect((await goingCold(now, 10)).map(({ person }) => person.slug)).toEqual(brute);
  });
});

describe('a quick note and its undo', () => {
  it('logs the touch, the next step and the stage change, and Undo takes all three back', async () => {
    const person = await trackAcquaintance();
    const logged = await logNote(
      person,
      {
        touch: { at: T0 + DAY, kind: 'call', initiator: 'me', value: 'gave', note: 'Intro call' },
        nextStep: { text: 'Send the deck', dueAt: T0 + 8 * DAY },
        patch: { stage: 'relationship' },
      },
      T0 + DAY,
    );
    expect(await getPerson(ana.slug)).toMatchObject({ stage: 'relationship', lastTouchAt: T0 + DAY });
    expect(await openNextSteps(ana.slug)).toHaveLength(1);
    await undoNote(logged);
    const after = await getPerson(ana.slug);
    expect(after?.stage).toBe('acquaintance');
    expect(after?.lastTouchAt).toBeUndefined();
    expect(await db.touches.count()).toBe(0);
    expect(await openNextSteps(ana.slug)).toEqual([]);
  });

  it('is one transaction: when any write fails (a full disk), nothing of the note is kept', async () => {
    const person = await trackAcquaintance();
    const before = await getPerson(ana.slug);
    const full = Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' });
    const add = vi.spyOn(db.nextSteps, 'add').mockRejectedValueOnce(full);
    await expect(
      logNote(
        person,
        {
          touch: { at: T0 + DAY, kind: 'call', initiator: 'me', value: 'gave', note: 'Intro call' },
          nextStep: { text: 'Send the deck', dueAt: T0 + 8 * DAY },
          patch: { stage: 'relationship' },
        },
        T0 + DAY,
      ),
    ).rejects.toSatisfy(isStorageFull);
    add.mockRestore();
    expect(await db.touches.count()).toBe(0);
    expect(await db.nextSteps.count()).toBe(0);
    expect(await getPerson(ana.slug)).toEqual(before);
  });

  it('stores someone not tracked yet in the same transaction, and Undo stops tracking them again', async () => {
    const facts = { slug: 'bea-luna', name: 'Bea Luna', headline: 'Designer' };
    const logged = await logNote(
      newPerson(facts, 'page', T0),
      { touch: { at: T0, kind: 'message', initiator: 'them', value: 'none', note: '' } },
      T0,
      facts,
    );
    expect(await getPerson('bea-luna')).toMatchObject({
      name: 'Bea Luna',
      headline: 'Designer',
      lastTouchAt: T0,
    });
    await undoNote(logged);
    expect(await getPerson('bea-luna')).toBeUndefined();
    expect(await db.touches.count()).toBe(0);
  });

  it('refuses a note for someone not tracked when nothing says who they are, writing nothing', async () => {
    await expect(
      logNote(newPerson({ slug: 'nadie-aqui', name: 'Nadie' }, 'page', T0), {
        touch: { at: T0, kind: 'message', initiator: 'me', value: 'none', note: '' },
      }),
    ).rejects.toThrow('not tracked');
    expect(await db.people.count()).toBe(0);
  });

  it('a deleted touch comes back with the same id and dates, and the person’s clock with it', async () => {
    await trackAcquaintance();
    const first = await addTouch(
      { personId: ana.slug, at: T0 + DAY, kind: 'call', initiator: 'me', value: 'none', note: 'a' },
      T0 + DAY,
    );
    const second = await addTouch(
      {
        personId: ana.slug,
        at: T0 + 5 * DAY,
        kind: 'email',
        initiator: 'them',
        value: 'received',
        note: 'b',
      },
      T0 + 5 * DAY,
    );
    if (!first.ok || !second.ok) throw new Error('touches refused');
    const before = await getPerson(ana.slug);
    const removed = await deleteTouch(second.touch.id, T0 + 6 * DAY);
    expect((await getPerson(ana.slug))?.lastTouchAt).toBe(T0 + DAY);
    await restoreTouch(removed!, T0 + 6 * DAY);
    expect(await db.touches.get(second.touch.id)).toEqual(second.touch);
    const after = await getPerson(ana.slug);
    expect([after?.lastTouchAt, after?.dueAt]).toEqual([before?.lastTouchAt, before?.dueAt]);
  });
});
