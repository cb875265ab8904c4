// The dashboard's frame: the navigation between its views, the view the address names, and the
// status line every view reports to. Only the home view's code loads with the page; every other
// view's arrives when it is first opened.
import { useState } from 'preact/hooks';
import { Toast, type ToastMessage } from '../../components/dashboard/toast';
import { lazy } from '../../components/lazy';
import type { FirstHome } from '../../storage/queries/home';
import type { Route } from '../../utils/dashboard-route';
import { type MessageKey, t } from '../../utils/translate';
import { HomeRoute } from './home-route';
import { useRoute } from './router';

const loading = () => <p class="muted">{t('dash_loading')}</p>;
const PeopleRoute = lazy(() => import('./people-route').then((m) => m.PeopleRoute), loading);
const PersonRoute = lazy(() => import('./person-route').then((m) => m.PersonRoute), loading);
const TriageRoute = lazy(() => import('./triage-route').then((m) => m.TriageRoute), loading);
const ImportView = lazy(() => import('./import-view').then((m) => m.ImportView), loading);
const BackupView = lazy(() => import('./backup-view').then((m) => m.BackupView), loading);
const SettingsView = lazy(() => import('./settings-view').then((m) => m.SettingsView), loading);

const NAV: [Route['name'], MessageKey][] = [
  ['home', 'dash_home'],
  ['going-cold', 'popup_goingCold'],
  ['people', 'dash_people'],
  ['triage', 'dash_triage'],
  ['import', 'dash_import'],
  ['backup', 'dash_backup'],
  ['settings', 'dash_settings'],
];

export function DashboardApp({ first }: { first?: FirstHome }) {
  const route = useRoute();
  const [toast, setToast] = useState<ToastMessage | null>(null);
  const current = route.name === 'person' ? 'people' : route.name;
  return (
    <div class="dashboard">
      <header class="top">
        <p class="brand">{t('extName')}</p>
        <nav aria-label={t('dash_nav')}>
          <ul>
            {NAV.map(([name, key]) => (
              <li key={name}>
                <a
                  href={`#/${name === 'home' ? '' : name}`}
                  aria-current={current === name ? 'page' : undefined}
                >
                  {t(key)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main>
        <h1 class="visually-hidden">{t('dash_title')}</h1>
        {(route.name === 'home' || route.name === 'going-cold') && (
          <HomeRoute view={route.name} first={first} setToast={setToast} />
        )}
        {route.name === 'people' && <PeopleRoute />}
        {route.name === 'person' && (
          <PersonRoute slug={route.slug} log={route.log === true} setToast={setToast} />
        )}
        {route.name === 'triage' && <TriageRoute />}
        {route.name === 'import' && <ImportView />}
        {route.name === 'backup' && <BackupView />}
        {route.name === 'settings' && <SettingsView />}
      </main>
      <Toast toast={toast} t={t} onDismiss={() => setToast(null)} />
    </div>
  );
}
