// What LinkedIn tabs ask about the people they show: which of a screenful are tracked (one message for
// the whole screen), the person a profile names, tracking them, and the badge panel with its quick touch.
import { z } from 'zod';
import { openNextSteps } from '../../../storage/next-steps';
import {
  lookupPeople,
  mergePageFacts,
  profileFactsSchema,
  refreshFromPage,
  trackPerson,
} from '../../../storage/people';
import { logNote } from '../../../storage/quick-note';
import { memberIdSchema, type Person, slugSchema, touchKindSchema } from '../../../storage/schemas';
import { getSettings } from '../../../storage/settings';
import { readPersonSuggestion } from '../../../storage/suggestions';
import { listTouches } from '../../../storage/touches';
import { suggestionWords } from '../../../utils/coach-words';
import type { PanelData } from '../../../utils/panel-data';
import { type PersonView, toPersonView } from '../../../utils/person-view';
import { DAY } from '../../../utils/time';
import { defineMessage } from '../define-message';
import { chosenTranslator } from './language';

const MAX_BATCH = 1000;

const lookupSchema = z
  .object({ slugs: z.array(slugSchema).max(MAX_BATCH), memberIds: z.array(memberIdSchema).max(MAX_BATCH) })
  .strict();
const profileRefSchema = z.union([
  z.object({ slug: slugSchema }).strict(),
  z.object({ memberId: memberIdSchema }).strict(),
]);
const slugOnlySchema = z.object({ slug: slugSchema }).strict();
const quickTouchSchema = z.object({ slug: slugSchema, kind: touchKindSchema }).strict();

async function viewWithNextStep(person: Person, now: number): Promise<PersonView> {
  const [settings, steps] = await Promise.all([getSettings(), openNextSteps(person.slug)]);
  return toPersonView(person, settings, now, steps[0]);
}

async function lookup(data: z.output<typeof lookupSchema>, now = Date.now()): Promise<PersonView[]> {
  const [people, settings] = await Promise.all([lookupPeople(data.slugs, data.memberIds), getSettings()]);
  return people.map((p) => toPersonView(p, settings, now));
}

export async function profileView(
  data: z.output<typeof profileRefSchema>,
  now = Date.now(),
): Promise<PersonView | null> {
  const [person] = 'slug' in data ? await lookupPeople([data.slug]) : await lookupPeople([], [data.memberId]);
  return person ? viewWithNextStep(person, now) : null;
}

async function visitProfile(
  data: z.output<typeof profileFactsSchema>,
  now = Date.now(),
): Promise<PersonView | null> {
  // A profile may be reached by member id: the person that id belongs to counts too.
  const people = await lookupPeople([data.slug], data.memberId ? [data.memberId] : []);
  const person = people.find((p) => p.slug === data.slug) ?? people[0];
  if (!person) return null;
  const merged = person.slug === data.slug ? mergePageFacts(person, data, now) : null;
  // The badge needn't wait for the write: answer from the merged record, store it meanwhile.
  if (merged)
    refreshFromPage(data, now).catch((error) => console.error('[vinculo] refresh from page', error));
  return viewWithNextStep(merged ?? person, now);
}

async function track(data: z.output<typeof profileFactsSchema>, now = Date.now()): Promise<PersonView> {
  return viewWithNextStep(await trackPerson(data, now), now);
}

async function personPanel(
  data: z.output<typeof slugOnlySchema>,
  now = Date.now(),
): Promise<PanelData | null> {
  const [person] = await lookupPeople([data.slug]);
  if (!person) return null;
  const [view, touches, steps, coach, words] = await Promise.all([
    viewWithNextStep(person, now),
    listTouches(person.slug, 3),
    openNextSteps(person.slug),
    readPersonSuggestion(person.slug, now),
    chosenTranslator(),
  ]);
  const panel: PanelData = {
    person: view,
    touches: touches.map(({ id, at, kind, note }) => ({ id, at, kind, note: note.slice(0, 280) })),
  };
  const step = steps[0];
  if (step)
    panel.nextStep = step.dueAt === undefined ? { text: step.text } : { text: step.text, dueAt: step.dueAt };
  const change = person.roleChanges.at(-1);
  if (change && now - change.at <= 30 * DAY) {
    panel.roleChange = { at: change.at, headline: change.headline, company: change.company };
  }
  if (coach) {
    // Plain words: the content script carries no coach rules and no Zod.
    const { title, text } = suggestionWords(coach.suggestion, now, words.t, words.locale);
    panel.suggestion = { title, text };
  }
  return panel;
}

/** The badge panel's quick buttons log a quick note the same way the popup does: one transaction. */
async function quickTouch(data: z.output<typeof quickTouchSchema>, now = Date.now()): Promise<PersonView> {
  const [person] = await lookupPeople([data.slug]);
  if (!person) throw new Error('not tracked');
  await logNote(
    person,
    { touch: { at: now, kind: data.kind, initiator: 'me', value: 'none', note: '' } },
    now,
  );
  const [after] = await lookupPeople([data.slug]);
  return viewWithNextStep(after ?? person, now);
}

export const peopleMessages = {
  /** Which of these people are tracked? One message for a whole screen. */
  lookup: defineMessage(lookupSchema, lookup),
  /** The person a profile URL names, read only (asked before the page shows them). */
  profileView: defineMessage(profileRefSchema, profileView),
  /** The profile on screen; refreshes a tracked person's facts. */
  visitProfile: defineMessage(profileFactsSchema, visitProfile),
  /** Start tracking the person on screen. */
  track: defineMessage(profileFactsSchema, track),
  /** The badge panel's contents. */
  personPanel: defineMessage(slugOnlySchema, personPanel),
  /** A quick touch from the badge panel. */
  quickTouch: defineMessage(quickTouchSchema, quickTouch),
};
