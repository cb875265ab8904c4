// Settings: cadences and reminders, whether the browser may clear Vínculo's data, and the language
// of every Vínculo page and badge.
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { SettingsForm } from '../../components/settings-form';
import { sendMessage } from '../../storage/messaging';
import { getSettings, saveSettings } from '../../storage/settings';
import { useLiveQuery } from '../../storage/use-live-query';
import { t, uiLocale } from '../../utils/translate';

/**
 * Whether the browser may clear Vínculo's database under storage pressure. Extensions holding
 * `unlimitedStorage` are exempt from eviction (Chrome documents it; Firefox grants such extensions
 * persistent storage); otherwise it is what `navigator.storage.persist()` answers.
 */
function StorageStatus() {
  const [persistent, setPersistent] = useState<boolean | null>(null);
  useEffect(() => {
    const unlimited = browser.permissions.contains({ permissions: ['unlimitedStorage'] }).catch(() => false);
    const persisted = navigator.storage?.persist?.().catch(() => false) ?? Promise.resolve(false);
    Promise.all([unlimited, persisted]).then(([a, b]) => setPersistent(a || b));
  }, []);
  if (persistent === null) return null;
  return (
    <p class="field narrow" role="status">
      <strong>{t('settings_storage')}: </strong>
      {t(persistent ? 'settings_storagePersistent' : 'settings_storageBestEffort')}
    </p>
  );
}

export function SettingsView() {
  const settings = useLiveQuery(() => getSettings(), []);
  if (!settings) return <p class="muted">{t('dash_loading')}</p>;
  return (
    <section aria-labelledby="settings-heading">
      <h2 id="settings-heading">{t('dash_settings')}</h2>
      <SettingsForm settings={settings} locale={uiLocale()} t={t} onSave={(next) => saveSettings(next)} />
      <StorageStatus />
      <label class="field narrow">
        <span>{t('settings_language')}</span>
        <select
          value={settings.language ?? ''}
          onChange={async (e) => {
            const value = e.currentTarget.value;
            const { language: _old, ...rest } = settings;
            await saveSettings(value === 'en' || value === 'es' ? { ...rest, language: value } : rest);
            await sendMessage('languageChanged', undefined).catch(() => undefined);
            location.reload();
          }}
        >
          <option value="">{t('settings_languageBrowser')}</option>
          <option value="en">English</option>
          <option value="es">Español</option>
        </select>
      </label>
    </section>
  );
}
