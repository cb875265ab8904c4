// The dashboard (the options page, opened in a tab).
import { render } from 'preact';
import { setChangeListener } from '../../storage/changes';
import { browserMessages, chooseLanguage } from '../../storage/locale';
import { sendMessage } from '../../storage/messaging';
import { readHome } from '../../storage/queries/home';
import { getSettings } from '../../storage/settings';
import { parseRoute } from '../../utils/dashboard-route';
import { setMessageSource, uiLocale } from '../../utils/translate';
import { DashboardApp } from './dashboard-app';
import '../../components/ui.css';
import './dashboard.css';

// Vínculo's words come from the browser's catalogue (or the language chosen in settings).
setMessageSource(browserMessages);

// Writes made here reach LinkedIn tabs (and the toolbar count) through the background.
setChangeListener((slugs) => {
  sendMessage('peopleChanged', { slugs }).catch((error) => console.error('[vinculo] live update', error));
});
// The home view's numbers and lists are read alongside the settings, so its first render has them.
const route = parseRoute(location.hash);
const first =
  route.name === 'home' || route.name === 'going-cold'
    ? readHome(route.name).catch((error) => {
        console.error('[vinculo] dashboard', error);
        return undefined;
      })
    : undefined;
getSettings()
  .then((settings) => chooseLanguage(settings.language))
  .catch((error) => console.error('[vinculo] language', error))
  .then(() => first)
  .then((home) => {
    document.documentElement.lang = uiLocale();
    render(<DashboardApp first={home} />, document.getElementById('app')!);
  });
