// The toolbar popup: on a LinkedIn profile it opens on that person (someone not
// tracked yet as the page describes them: opening writes nothing); anywhere
// else it shows today's agenda. A tracked person's
// quick note paints from a glance at the database (storage/peek.ts); the
// repositories load behind it.
import { render } from 'preact';
import { type Browser, browser } from 'wxt/browser';
import ui from '../../components/ui.css?inline';
import { setChangeListener } from '../../storage/changes';
import { pagePerson } from '../../storage/domain';
import { type Peek, peek } from '../../storage/peek';
import type { ProfileFacts } from '../../storage/people';
import type { Person } from '../../storage/schemas';
import { chooseLanguage, uiLocale } from '../../utils/i18n';
import { sendMessage } from '../../utils/messaging';
import { type ProfileRef, parseProfileUrl } from '../../utils/slug';
import popup from './popup.css?inline';
import { loadDraft, PersonPopup, pruneDrafts, readDraft } from './popup-app';

// The styles come with the script rather than as stylesheets to fetch: every request an extension
// page makes delays its first paint.
const sheet = new CSSStyleSheet();
sheet.replaceSync(ui + popup);
document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];

async function targetTab() {
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
async function personInTab(
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
  return { person: pagePerson(onPage, Date.now()), facts: onPage };
}

async function main(): Promise<void> {
  // Writes made here reach LinkedIn tabs through the background.
  setChangeListener((slugs) => {
    sendMessage('peopleChanged', { slugs }).catch((error) => console.error('[vinculo] live update', error));
  });
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && !e.defaultPrevented) window.close();
  });
  const tab = await targetTab().catch(() => undefined);
  const ref = tab?.url ? parseProfileUrl(tab.url) : null;
  const slug = ref?.kind === 'slug' ? ref.slug : undefined;
  // The draft is read alongside the person: both are needed for the first paint.
  const kept = slug ? readDraft(slug).catch(() => undefined) : undefined;
  const seen = await peek(slug).catch((): Peek => ({}));
  if (seen.language) await chooseLanguage(seen.language).catch(() => undefined);
  document.documentElement.lang = uiLocale();
  const app = document.getElementById('app')!;

  const target = await personInTab(tab, ref, seen.person).catch((error) => {
    console.error('[vinculo] popup target', error);
    return null;
  });
  if (!target) {
    const { AgendaPopup } = await import('./agenda-popup');
    render(<AgendaPopup />, app);
    return;
  }
  const { person, facts } = target;
  const draft = await loadDraft(person, person.slug === slug ? kept : undefined);
  render(<PersonPopup slug={person.slug} initial={{ person, draft, facts }} />, app);
  // Drafts nobody came back to are forgotten after a while.
  pruneDrafts().catch((error) => console.error('[vinculo] drafts', error));
}

main();
