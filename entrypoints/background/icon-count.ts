// The count on the toolbar icon: how many people have gone cold plus how many next steps are due,
// kept current after every write.
import { browser } from 'wxt/browser';
import { countDueNextSteps } from '../../storage/next-steps';
import { duePeople } from '../../storage/people';

/** The toolbar icon says "99+" beyond this, as mail and chat badges do. */
const ICON_MAX = 99;

/**
 * Cold people + due steps, read only as far as the icon can show: one past
 * ICON_MAX people by index range, however many are due. (Counting a large due
 * range entry by entry would cost as much as reading it.)
 */
export async function countDue(now: number): Promise<number> {
  const [people, steps] = await Promise.all([duePeople(now, ICON_MAX + 1), countDueNextSteps(now)]);
  return people.length + steps;
}

export async function setIconCount(count: number): Promise<void> {
  // Firefox builds are MV2, where the toolbar button is browserAction.
  const action = browser.action ?? browser.browserAction;
  await action.setBadgeText({
    text: count === 0 ? '' : count > ICON_MAX ? `${ICON_MAX}+` : String(count),
  });
}

// Writes come in bursts (a snooze of twenty people is twenty writes): calls
// made while a count is waiting to start share it, and the count starts after
// the last of them, so it always sees them.
let queuedCount: Promise<void> | undefined;
let countTail: Promise<void> = Promise.resolve();

/** Recounts cold people + due steps onto the toolbar icon; call after every write. */
export function updateIconCount(): Promise<void> {
  if (queuedCount) return queuedCount;
  const next = countTail.then(async () => {
    queuedCount = undefined;
    await setIconCount(await countDue(Date.now()));
  });
  queuedCount = next;
  countTail = next.catch(() => undefined);
  return next;
}
