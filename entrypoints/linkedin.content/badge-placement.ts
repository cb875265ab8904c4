// Where the profile badge sits: beside the name heading, put back beside it whenever LinkedIn re-renders
// its top card, never inside one of LinkedIn's controls around the name; floating, and looking again now
// and then, while no heading shows.
import { fallbackAnchor } from '../../utils/linkedin/page-name';
import { afterControls, findBadgeAnchor, findTopCard } from '../../utils/linkedin/profile';
import { MAIN_LANDMARK } from '../../utils/linkedin/selectors';
import type { ProfileReading } from './profile-reading';

/** While floating, how often the badge looks again for a heading to sit beside. */
const REPLACE_MS = 250;

/** Returns the function that (re)places the badge's host for what `reading` says the page shows. */
export function badgePlacement(reading: ProfileReading): (host: HTMLElement) => void {
  let target: Element | null = null;
  let lastLook = 0;

  const findTarget = (): Element | null => {
    if (reading.fromTopCard) {
      const card = findTopCard(document);
      const heading = card && findBadgeAnchor(document);
      return heading ? afterControls(heading, card) : null;
    }
    const heading = reading.facts && fallbackAnchor(document, reading.facts.name);
    return heading ? afterControls(heading, heading.closest(MAIN_LANDMARK)) : null;
  };

  return (host) => {
    const floating = host.hasAttribute('data-floating');
    if (
      !target?.isConnected ||
      !host.isConnected ||
      (floating && performance.now() - lastLook > REPLACE_MS)
    ) {
      lastLook = performance.now();
      target = findTarget();
    }
    if (target) {
      // LinkedIn re-renders its top card: put the badge back beside the name whenever it does.
      if (host.previousElementSibling !== target) target.after(host);
      host.removeAttribute('data-floating');
    } else if (!host.isConnected) {
      host.setAttribute('data-floating', '');
      (document.body ?? document.documentElement).append(host);
    }
  };
}
