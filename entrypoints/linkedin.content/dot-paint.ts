// Painting one list dot: the stage's initial coloured by temperature, with an accessible name in words,
// placed beside the person's name and never inside one of LinkedIn's controls wrapping it.
import { dotCss } from '../../components/guest-styles';
import { afterControls } from '../../utils/linkedin/profile';
import { describeView, type PersonView } from '../../utils/person-view';
import { t } from '../../utils/translate';
import { createShadowHost } from './shadow-host';

/** A person link on screen: who it names (slug or member id), its card, and its dot once tracked. */
export interface Entry {
  key: string;
  card: Element | null;
  dot?: HTMLElement;
}

/** Paints (or, for someone not tracked, removes) the dot of `link`. */
export function paintDot(link: HTMLAnchorElement, entry: Entry, view?: PersonView): void {
  if (!view) {
    entry.dot?.remove();
    delete entry.dot;
    return;
  }
  const words = describeView(view, Date.now(), t);
  if (!entry.dot) {
    const { host, root } = createShadowHost('vinculo-dot', dotCss);
    root.append(document.createElement('span'));
    host.setAttribute('role', 'img');
    entry.dot = host;
  }
  const mark = entry.dot.shadowRoot?.lastChild as HTMLSpanElement; // after any fallback <style>
  mark.className = view.temperature ?? '';
  // The stage's initial (Acquaintance and Archived share one: archived people get a dash).
  mark.textContent = view.stage === 'archived' ? '–' : words.stage.charAt(0);
  entry.dot.setAttribute('aria-label', t('dot_label', view.name, words.label));
  entry.dot.title = words.label;
  const after = afterControls(link, entry.card);
  if (entry.dot.previousElementSibling !== after) after.after(entry.dot);
}
