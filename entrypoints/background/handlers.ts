// The background's answers to the message protocol. Each handler receives a
// payload already checked against its schema.

import type { z } from 'zod';
import { openNextSteps } from '../../storage/next-steps';
import { lookupPeople, mergePageFacts, refreshFromPage, trackPerson } from '../../storage/people';
import { logNote } from '../../storage/quick-note';
import type { Person } from '../../storage/schemas';
import { getSettings } from '../../storage/settings';
import { listTouches } from '../../storage/touches';
import { chosenMessages } from '../../utils/i18n';
import type { requestSchemas } from '../../utils/message-schemas';
import type { PanelData, ProtocolMap } from '../../utils/messaging';
import { type PersonView, toPersonView } from '../../utils/person-view';
import { DAY } from '../../utils/time';

type Req<K extends keyof typeof requestSchemas> = z.infer<(typeof requestSchemas)[K]>;

async function viewWithNextStep(person: Person, now: number): Promise<PersonView> {
  const [settings, steps] = await Promise.all([getSettings(), openNextSteps(person.slug)]);
  return toPersonView(person, settings, now, steps[0]);
}

export async function lookup(data: Req<'lookup'>, now = Date.now()): Promise<PersonView[]> {
  const [people, settings] = await Promise.all([lookupPeople(data.slugs, data.memberIds), getSettings()]);
  return people.map((p) => toPersonView(p, settings, now));
}

/** Badges speak the language chosen in settings, not only the browser's. */
const localeFiles = new Map<string, ReturnType<typeof chosenMessages>>();

export async function uiMessages(): ReturnType<typeof chosenMessages> {
  const { language } = await getSettings();
  if (!language) return null;
  let messages = localeFiles.get(language);
  if (!messages) {
    messages = chosenMessages(language);
    localeFiles.set(language, messages);
    messages.catch(() => localeFiles.delete(language));
  }
  return messages;
}

export async function profileView(data: Req<'profileView'>, now = Date.now()): Promise<PersonView | null> {
  const [person] = 'slug' in data ? await lookupPeople([data.slug]) : await lookupPeople([], [data.memberId]);
  return person ? viewWithNextStep(person, now) : null;
}

export async function visitProfile(data: Req<'visitProfile'>, now = Date.now()): Promise<PersonView | null> {
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

export async function track(data: Req<'track'>, now = Date.now()): Promise<PersonView> {
  return viewWithNextStep(await trackPerson(data, now), now);
}

export async function personPanel(data: Req<'personPanel'>, now = Date.now()): Promise<PanelData | null> {
  const [person] = await lookupPeople([data.slug]);
  if (!person) return null;
  const [view, touches, steps] = await Promise.all([
    viewWithNextStep(person, now),
    listTouches(person.slug, 3),
    openNextSteps(person.slug),
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
  return panel;
}

/** The badge panel's quick buttons log a quick note the same way the popup does: one transaction. */
export async function quickTouch(data: Req<'quickTouch'>, now = Date.now()): Promise<PersonView> {
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

export const handlers = {
  uiMessages,
  lookup,
  profileView,
  visitProfile,
  track,
  personPanel,
  quickTouch,
} satisfies Partial<{
  [K in keyof ProtocolMap]: (data: never) => Promise<unknown>;
}>;
