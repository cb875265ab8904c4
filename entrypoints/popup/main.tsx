// The toolbar popup: on a LinkedIn profile it opens on that person (someone not tracked yet as the
// page describes them: opening writes nothing); anywhere else it shows today's agenda. A tracked
// person's quick note paints from a glance at the database (storage/peek.ts); the repositories
// load behind it.
import { render } from 'preact';
import ui from '../../components/ui.css?inline';
import { setChangeListener } from '../../storage/changes';
import { browserMessages, chooseLanguage } from '../../storage/locale';
import { sendMessage } from '../../storage/messaging';
import { type Peek, peek } from '../../storage/peek';
import { parseProfileUrl } from '../../utils/slug';
import { setMessageSource, uiLocale } from '../../utils/translate';
import { loadDraft, pruneDrafts, readDraft } from './draft-store';
import { personInTab, targetTab } from './person-in-tab';
import { PersonPopup } from './person-popup';
import popup from './popup.css?inline';

// Words from the browser's catalogue (or the chosen language); styles with the script, not fetched.
setMessageSource(browserMessages);
const sheet = new CSSStyleSheet();
sheet.replaceSync(ui + popup);
document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];

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
