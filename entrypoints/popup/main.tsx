// The toolbar popup: on a LinkedIn profile it opens on that person (tracking
// them if needed); anywhere else it shows today's agenda.
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { setChangeListener } from '../../storage/changes';
import { getPerson, trackPerson } from '../../storage/people';
import type { Person } from '../../storage/schemas';
import { getSettings } from '../../storage/settings';
import { chooseLanguage, uiLocale } from '../../utils/i18n';
import { sendMessage } from '../../utils/messaging';
import { parseProfileUrl } from '../../utils/slug';
import { AgendaPopup, loadDraft, PersonPopup } from './popup-app';
import '../../components/ui.css';

async function targetTab() {
  // Tests (and the dashboard) may name the tab; the real popup uses the active one.
  const named = Number(new URLSearchParams(location.search).get('tab'));
  if (named) return browser.tabs.get(named);
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  return active;
}

/** The person whose profile is in the tab, tracking them from what the page shows if needed. */
async function personInTab(): Promise<Person | null> {
  const tab = await targetTab();
  const ref = tab?.url ? parseProfileUrl(tab.url) : null;
  if (!tab?.id || !ref) return null;
  const onScreen = sendMessage('readProfile', undefined, tab.id).catch(() => null);
  // Someone already tracked opens at once; only a new person waits for what the page shows.
  const known = ref.kind === 'slug' ? await getPerson(ref.slug) : undefined;
  if (known) return known;
  const facts = await onScreen;
  const slug = facts?.slug ?? (ref.kind === 'slug' ? ref.slug : null);
  if (!slug) return null;
  const existing = await getPerson(slug);
  if (existing) return existing;
  const name =
    facts?.name ??
    tab.title
      ?.replace(/^\(\d+\+?\)\s*/, '')
      .split(' | ')[0]
      ?.trim();
  return name ? trackPerson(facts ?? { slug, name }) : null;
}

async function main(): Promise<void> {
  // Writes made here reach LinkedIn tabs through the background.
  setChangeListener((slugs) => {
    sendMessage('peopleChanged', { slugs }).catch((error) => console.error('[vinculo] live update', error));
  });
  const [person, settings] = await Promise.all([
    personInTab().catch((error) => {
      console.error('[vinculo] popup target', error);
      return null;
    }),
    getSettings(),
  ]);
  if (settings.language) await chooseLanguage(settings.language).catch(() => undefined);
  document.documentElement.lang = uiLocale();
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && !e.defaultPrevented) window.close();
  });
  const app = document.getElementById('app')!;
  if (!person) {
    render(<AgendaPopup />, app);
    return;
  }
  const draft = await loadDraft(person);
  render(<PersonPopup slug={person.slug} initial={{ person, draft }} />, app);
}

main();
