// Merging a backup into what this browser holds: how a user moves between two browsers. Pure; the
// database side is mergeBackup in storage/backup.ts. The rules, chosen so that nothing is lost on
// either side, merging A into B gives what B into A gives (settings aside), and a second merge of the
// same file changes nothing:
//
// - People are matched by slug; on one side only: kept as they are. On both sides, the record with the
//   later `updatedAt` is the newer one (a tie goes to the one that knows more, then a fixed order).
//   - name, stage, own cadence, snooze: the newer's, absence included (it is a choice: "stage default",
//     "not snoozed");
//   - facts (member id, headline, company, photo, email, connected-on) and the triage decision: the
//     newer's, or the older's where the newer lacks one;
//   - notes ("about"): one text that holds both — the same, or one inside the other: the longer;
//     otherwise the newer, a blank line, the older (kept as the newer alone if too long to join);
//   - tags and role changes: united without duplicates (tags in the newer's order, then the older's,
//     up to the 50 a person can have; role changes by date, the latest 100, and the newest one's
//     time as `roleChangedAt`);
//   - coach dismissals: one per kind, the newer's, or the older's where it was decided later or is of
//     a kind the newer has not dismissed;
//   - tracked since: the earlier, with where it came from; `updatedAt`: the later.
//   - last touch and met-in-person: derived from the united timeline (kept from the records for
//     someone with no touches); `dueAt` computed again with the settings here.
//   (backup-merge-people.ts)
// - Touches and next steps are united by id. The same id on both sides with different content (they
//   carry no `updatedAt`; every touch edit updates its person) keeps the version from the side whose
//   person is newer, its note joined as a person's notes are, and the earlier `createdAt`; a next
//   step done on either side is done (at the earlier date). (backup-merge-timeline.ts)
// - A merge never deletes: what was deleted on one side since the backup comes back from the other.
// - Settings: the ones here stay; the backup's are not used.
import type { NextStep, Person, Settings, Touch } from '../../storage/schemas';
import { comparePrecedence, derivePerson, mergePerson } from './backup-merge-people';
import { mergeStep, mergeTouch, timelinesOf, unite } from './backup-merge-timeline';
import { sameRecord } from './records';

export interface BackupData {
  people: readonly Person[];
  touches: readonly Touch[];
  nextSteps: readonly NextStep[];
}

export interface MergeCounts {
  /** Records the backup brought that were not here. */
  added: number;
  /** Records here that the merge changed. */
  updated: number;
  /** Records of the backup that were here already, exactly so. */
  unchanged: number;
}

export interface MergePlan {
  /** Everything there is after the merge. */
  merged: { people: Person[]; touches: Touch[]; nextSteps: NextStep[] };
  /** What to write: the merged records that are new or differ from what is here. */
  writes: { people: Person[]; touches: Touch[]; nextSteps: NextStep[] };
  counts: { people: MergeCounts; touches: MergeCounts; nextSteps: MergeCounts };
  /** People whose two versions of a note were too long to join: the newer was kept. */
  notesNotJoined: string[];
}

/** The merge of `incoming` (a backup) into `here` (the database), with the settings here. */
export function mergeBackupData(here: BackupData, incoming: BackupData, settings: Settings): MergePlan {
  const notesNotJoined = new Set<string>();
  const herePeople = bySlug(here.people);
  const filePeople = bySlug(incoming.people);
  const people = new Map(herePeople);
  for (const p of incoming.people) {
    const mine = herePeople.get(p.slug);
    people.set(p.slug, mine ? mergePerson(mine, p, notesNotJoined) : p);
  }
  // Which side's version of a shared touch or step wins follows its person (see the rules above).
  const orders = new Map<string, number>();
  const sideOrder = (personId: string): number => {
    let order = orders.get(personId);
    if (order === undefined) {
      const a = herePeople.get(personId);
      const b = filePeople.get(personId);
      order = a && b ? comparePrecedence(a, b) : 0;
      orders.set(personId, order);
    }
    return order;
  };
  // A touch that names another person on each side (only a hand-edited file does that) moves one.
  const moved = new Set<string>();
  const touches = unite(here.touches, incoming.touches, (a, b) => {
    if (a.personId !== b.personId) moved.add(a.personId).add(b.personId);
    return mergeTouch(a, b, sideOrder, notesNotJoined);
  });
  const nextSteps = unite(here.nextSteps, incoming.nextSteps, (a, b) => mergeStep(a, b, sideOrder));

  // Everyone the backup names, and whoever a changed touch belongs to, is derived again.
  const affected = new Set([...filePeople.keys(), ...moved]);
  for (const t of touches.changed) affected.add(t.personId);
  const timelines = timelinesOf(touches.merged, affected);
  const counts = { added: 0, updated: 0, unchanged: 0 };
  const writes: Person[] = [];
  for (const slug of affected) {
    const person = people.get(slug);
    if (!person) continue;
    const next = derivePerson(person, timelines.get(slug), settings);
    people.set(slug, next);
    const mine = herePeople.get(slug);
    if (!mine) counts.added++;
    else if (sameRecord(mine, next)) {
      counts.unchanged++;
      continue;
    } else counts.updated++;
    writes.push(next);
  }
  return {
    merged: { people: [...people.values()], touches: touches.merged, nextSteps: nextSteps.merged },
    writes: { people: writes, touches: touches.changed, nextSteps: nextSteps.changed },
    counts: { people: counts, touches: touches.counts, nextSteps: nextSteps.counts },
    notesNotJoined: [...notesNotJoined],
  };
}

function bySlug(people: readonly Person[]): Map<string, Person> {
  return new Map(people.map((p) => [p.slug, p]));
}
