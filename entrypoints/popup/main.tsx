// The toolbar popup: on a LinkedIn profile it opens on that person (tracking
// them if needed); anywhere else it shows today's agenda.
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { setChangeListener } from '../../storage/changes';
import { getPerson, trackPerson } from '../../storage/people';
import { getSettings } from '../../storage/settings';
import { chooseLanguage, uiLocale } from '../../utils/i18n';
import { sendMessage } from '../../utils/messaging';
import { parseProfileUrl } from '../../utils/slug';
import { AgendaPopup, PersonPopup } from './popup-app';
import '../../components/ui.css';

async function targetTab() {
  // Tests (and the dashboard) may name the tab; the real popup uses the active one.
  const named = Number(new URLSearchParams(location.search).get('tab'));
  if (named) return browser.tabs.get(named);
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  return active;
}

/** The tracked slug of the profile in the tab, tracking the person from what the page shows. */
async function personInTab(): Promise<string | null> {
  const tab = await targetTab();
  const ref = tab?.url ? parseProfileUrl(tab.url) : null;
  if (!tab?.id || !ref) return null;
  const onScreen = await sendMessage('readProfile', undefined, tab.id).catch(() => null);
  const slug = onScreen?.slug ?? (ref.kind === 'slug' ? ref.slug : null);
  if (!slug) return null;
  if (await getPerson(slug)) return slug;
  const name =
    onScreen?.name ??
    tab.title
      ?.replace(/^\(\d+\+?\)\s*/, '')
      .split(' | ')[0]
      ?.trim();
  if (!name) return null;
  await trackPerson(onScreen ?? { slug, name });
  return slug;
}

async function main(): Promise<void> {
  // Writes made here reach LinkedIn tabs through the background.
  setChangeListener((slugs) => {
    sendMessage('peopleChanged', { slugs }).catch((error) => console.error('[vinculo] live update', error));
  });
  const [slug, settings] = await Promise.all([
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
  render(slug ? <PersonPopup slug={slug} /> : <AgendaPopup />, app);
}

main();
