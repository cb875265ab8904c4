// The dashboard (the options page, opened in a tab).
import { render } from 'preact';
import { setChangeListener } from '../../storage/changes';
import { getSettings } from '../../storage/settings';
import { chooseLanguage, uiLocale } from '../../utils/i18n';
import { sendMessage } from '../../utils/messaging';
import { DashboardApp, parseRoute, readHome } from './dashboard-app';
import '../../components/ui.css';
import './dashboard.css';

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
