// The dashboard (the options page, opened in a tab).
import { render } from 'preact';
import { setChangeListener } from '../../storage/changes';
import { getSettings } from '../../storage/settings';
import { chooseLanguage, uiLocale } from '../../utils/i18n';
import { sendMessage } from '../../utils/messaging';
import { DashboardApp } from './dashboard-app';
import '../../components/ui.css';
import './dashboard.css';

// Writes made here reach LinkedIn tabs (and the toolbar count) through the background.
setChangeListener((slugs) => {
  sendMessage('peopleChanged', { slugs }).catch((error) => console.error('[vinculo] live update', error));
});
getSettings()
  .then((settings) => chooseLanguage(settings.language))
  .catch((error) => console.error('[vinculo] language', error))
  .finally(() => {
    document.documentElement.lang = uiLocale();
    render(<DashboardApp />, document.getElementById('app')!);
  });
