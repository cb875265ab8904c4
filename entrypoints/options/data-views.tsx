// The dashboard's data pages: import LinkedIn's export, backup and restore, settings.
import { useState } from 'preact/hooks';
import { SettingsForm } from '../../components/settings-form';
import { exportBackup, restoreBackup } from '../../storage/backup';
import { db } from '../../storage/db';
import { importConnections, importMessageTouches } from '../../storage/import';
import { getSettings, saveSettings } from '../../storage/settings';
import {
  backupFileName,
  backupProblemMessage,
  parseBackup,
  peopleToCsv,
  type ValidBackup,
} from '../../utils/backup';
import {
  importProblemMessage,
  type LocalizedMessage,
  notedRowMessage,
  parseConnectionsCsv,
  skippedRowMessage,
} from '../../utils/connections-csv';
import { type MessageKey, t, uiLocale } from '../../utils/i18n';
import { parseMessagesCsv } from '../../utils/messages-csv';
import { sendMessage } from '../../utils/messaging';
import { useLiveQuery } from '../../utils/use-live-query';

const say = (m: LocalizedMessage): string => t(m.key as MessageKey, ...m.substitutions);

function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

interface Report {
  summary: string;
  lines: string[];
  error?: string;
}

function ReportView({ report }: { report: Report }) {
  return (
    <div class="report" role="status">
      {report.error ? (
        <p class="error" role="alert">
          {report.error}
        </p>
      ) : (
        <p>{report.summary}</p>
      )}
      {report.lines.length > 0 && (
        <details open={report.lines.length <= 20}>
          <summary>{t('import_details', String(report.lines.length))}</summary>
          <ul>
            {report.lines.slice(0, 500).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}

export function ImportView() {
  const [progress, setProgress] = useState<number | null>(null);
  const [connections, setConnections] = useState<Report | null>(null);
  const [messages, setMessages] = useState<Report | null>(null);
  const [keepBodies, setKeepBodies] = useState(false);
  const [me, setMe] = useState('');

  const importConnectionsFile = async (file: File) => {
    setConnections(null);
    setProgress(0);
    const parsed = await parseConnectionsCsv(file, { onProgress: (f) => setProgress(f * 0.5) });
    if (!parsed.ok) {
      setProgress(null);
      setConnections({ summary: '', lines: [], error: say(importProblemMessage(parsed.problem)) });
      return;
    }
    const report = await importConnections(parsed.rows);
    setProgress(null);
    const skipped = [...parsed.skipped, ...report.skipped];
    setConnections({
      summary: t(
        'import_connectionsReport',
        String(report.imported),
        String(report.updated),
        String(report.unchanged),
        String(skipped.length),
      ),
      lines: [
        ...skipped.map((s) => say(skippedRowMessage(s))),
        ...parsed.notes.map((n) => say(notedRowMessage(n))),
      ],
    });
  };

  const importMessagesFile = async (file: File) => {
    setMessages(null);
    setProgress(0);
    const parsed = await parseMessagesCsv(file, {
      keepBodies,
      ...(me.trim() ? { me: me.trim() } : {}),
      onProgress: (f) => setProgress(f * 0.5),
    });
    if (!parsed.ok) {
      setProgress(null);
      setMessages({ summary: '', lines: [], error: say(importProblemMessage(parsed.problem)) });
      return;
    }
    const report = await importMessageTouches(parsed.touches);
    setProgress(null);
    setMessages({
      summary: t(
        'import_messagesReport',
        String(report.added),
        String(report.people),
        String(report.existing),
        String(report.untracked),
      ),
      lines: parsed.skipped.map((s) => say(skippedRowMessage(s))),
    });
  };

  return (
    <section aria-labelledby="import-heading">
      <h2 id="import-heading">{t('dash_import')}</h2>
      <p>{t('import_help')}</p>
      <label class="field">
        <span>{t('import_connectionsLabel')}</span>
        <input
          type="file"
          accept=".csv,text/csv"
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            if (file) void importConnectionsFile(file);
            e.currentTarget.value = '';
          }}
        />
      </label>
      {progress !== null && (
        <label class="field">
          <span>{t('import_progress')}</span>
          <progress max={1} value={progress} />
        </label>
      )}
      {connections && <ReportView report={connections} />}
      <h3>{t('import_messagesHeading')}</h3>
      <label>
        <input
          type="checkbox"
          checked={keepBodies}
          onChange={(e) => setKeepBodies(e.currentTarget.checked)}
        />{' '}
        {t('import_keepBodies')}
      </label>
      <label class="field">
        <span>{t('import_meLabel')}</span>
        <input
          type="url"
          value={me}
          placeholder="https://www.linkedin.com/in/…"
          onInput={(e) => setMe(e.currentTarget.value)}
        />
      </label>
      <label class="field">
        <span>{t('import_messagesLabel')}</span>
        <input
          type="file"
          accept=".csv,text/csv"
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            if (file) void importMessagesFile(file);
            e.currentTarget.value = '';
          }}
        />
      </label>
      {messages && <ReportView report={messages} />}
    </section>
  );
}

export function BackupView() {
  const [pending, setPending] = useState<ValidBackup | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const counts = useLiveQuery(
    async () => ({ people: await db.people.count(), touches: await db.touches.count() }),
    [],
  );

  const exportAll = async () => {
    const now = Date.now();
    download(backupFileName(now), JSON.stringify(await exportBackup(now), null, 1), 'application/json');
  };

  const readFile = async (file: File) => {
    setPending(null);
    const parsed = parseBackup(await file.text());
    if (!parsed.ok) {
      setReport({ summary: '', lines: [], error: say(backupProblemMessage(parsed.problem)) });
      return;
    }
    setReport(null);
    setPending(parsed.backup);
  };

  const restore = async () => {
    if (!pending) return;
    const result = await restoreBackup(pending);
    setPending(null);
    setReport({
      summary: t('backup_restored', String(result.people), String(result.touches), String(result.nextSteps)),
      lines: [],
    });
  };

  return (
    <section aria-labelledby="backup-heading">
      <h2 id="backup-heading">{t('dash_backup')}</h2>
      <p>{t('backup_help')}</p>
      <div class="actions">
        <button type="button" class="primary" onClick={() => void exportAll()}>
          {t('backup_export')}
        </button>
        <button
          type="button"
          onClick={() =>
            void db.people
              .toArray()
              .then((people) => download('vinculo-people.csv', peopleToCsv(people), 'text/csv'))
          }
        >
          {t('backup_exportCsv')}
        </button>
      </div>
      <h3>{t('backup_restoreHeading')}</h3>
      <label class="field">
        <span>{t('backup_restoreLabel')}</span>
        <input
          type="file"
          accept=".json,application/json"
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            if (file) void readFile(file);
            e.currentTarget.value = '';
          }}
        />
      </label>
      {pending && (
        <div role="alertdialog" aria-labelledby="restore-confirm" class="triage-card">
          <p id="restore-confirm">
            {t(
              'backup_confirm',
              String(pending.people.length),
              String(pending.touches.length),
              String(counts?.people ?? 0),
              String(counts?.touches ?? 0),
            )}
          </p>
          <div class="actions">
            <button type="button" onClick={() => void exportAll()}>
              {t('backup_exportFirst')}
            </button>
            <button type="button" class="danger" onClick={() => void restore()}>
              {t('backup_replace')}
            </button>
            <button type="button" onClick={() => setPending(null)}>
              {t('dash_cancel')}
            </button>
          </div>
        </div>
      )}
      {report && <ReportView report={report} />}
    </section>
  );
}

export function SettingsView() {
  const settings = useLiveQuery(() => getSettings(), []);
  if (!settings) return <p class="muted">{t('dash_loading')}</p>;
  return (
    <section aria-labelledby="settings-heading">
      <h2 id="settings-heading">{t('dash_settings')}</h2>
      <SettingsForm settings={settings} locale={uiLocale()} t={t} onSave={(next) => saveSettings(next)} />
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
