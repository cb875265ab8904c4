// Who the popup opens on: the person whose LinkedIn profile is in the tab, tracked or not, or
// nobody (and the popup shows the agenda).
import { type Browser, browser } from 'wxt/browser';
import { newPerson } from '../../storage/domain';
import { sendMessage } from '../../storage/messaging';
import { peek } from '../../storage/peek';
import type { ProfileFacts } from '../../storage/people';
import type { Person } from '../../storage/schemas';
import type { ProfileRef } from '../../utils/slug';

export async function targetTab() {
  // Tests (and the dashboard) may name the tab; the real popup uses the active one.
  const named = Number(new URLSearchParams(location.search).get('tab'));
  if (named) return browser.tabs.get(named);
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  return active;
}

/**
 * The person whose profile is in the tab. Someone not tracked yet is shown at once as the contact the
 * page describes (`facts`): they are stored only when the user saves a touch or presses Track.
 */
export async function personInTab(
  tab: Browser.tabs.Tab | undefined,
  ref: ProfileRef | null,
  known: Person | undefined,
): Promise<{ person: Person; facts?: ProfileFacts } | null> {
  if (known) return { person: known };
  if (!tab?.id || !ref) return null;
  const facts = await sendMessage('readProfile', undefined, tab.id).catch(() => null);
  const slug = facts?.slug ?? (ref.kind === 'slug' ? ref.slug : null);
  if (!slug) return null;
  // A profile reached by member id is named by its slug only once the page shows it.
  if (ref.kind !== 'slug' || ref.slug !== slug) {
    const again = await peek(slug);
    if (again.person) return { person: again.person };
  }
  const name =
    facts?.name ??
    tab.title
      ?.replace(/^\(\d+\+?\)\s*/, '')
      .split(' | ')[0]
      ?.trim();
  if (!name) return null;
  const onPage = facts ?? { slug, name };
  return { person: newPerson(onPage, 'page', Date.now()), facts: onPage };
}
