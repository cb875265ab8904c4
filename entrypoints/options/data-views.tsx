// The dashboard's data pages: import LinkedIn's export, backup and restore, settings.
import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { RestoreChoice } from '../../components/dashboard/restore-choice';
import { SettingsForm } from '../../components/settings-form';
import { exportBackup, mergeBackup, restoreBackup } from '../../storage/backup';
import { db } from '../../storage/db';
import { importConnections, importMessageRuns } from '../../storage/import';
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
import { isStorageFull } from '../../utils/errors';
import { type MessageKey, t, uiLocale } from '../../utils/i18n';
import { messagesReportMessages, parseMessagesCsv } from '../../utils/messages-csv';
import { sendMessage } from '../../utils/messaging';
import { useLiveQuery } from '../../utils/use-live-query';
import {
  forgetUnfinishedImport,
  type ImportMarker,
  markImportRunning,
  unfinishedImport,
} from './import-marker';

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
  // An import a closed tab left unfinished: none of it was kept, and the user is told so.
  const [interrupted, setInterrupted] = useState<ImportMarker | null>(null);
  const importing = useRef(false);
  useEffect(() => {
    const stop = new AbortController();
    unfinishedImport(stop.signal)
      .then((marker) => {
        if (!marker || importing.current) return;
        setInterrupted(marker);
        void forgetUnfinishedImport();
      })
      .catch((error) => console.error('[vinculo] import marker', error));
    return () => stop.abort();
  }, []);

  const importConnectionsFile = async (file: File) => {
    setConnections(null);
    setProgress(0);
    const parsed = await parseConnectionsCsv(file, { onProgress: (f) => setProgress(f * 0.5) });
    if (!parsed.ok) {
      setProgress(null);
      setConnections({ summary: '', lines: [], error: say(importProblemMessage(parsed.problem)) });
      return;
    }
    importing.current = true;
    const done = markImportRunning(file.name, parsed.rows.length);
    setInterrupted(null);
    let report: Awaited<ReturnType<typeof importConnections>>;
    try {
      report = await importConnections(parsed.rows);
    } catch (error) {
      // One transaction: a failed write left nothing behind, so the same file can simply be imported again.
      setConnections({
        summary: '',
        lines: [],
        error: t(isStorageFull(error) ? 'error_storageFull' : 'panel_error'),
      });
      return;
    } finally {
      await done();
      setProgress(null);
    }
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
    importing.current = true;
    const done = markImportRunning(file.name, parsed.runs.length);
    setInterrupted(null);
    try {
      const { summary, lines } = messagesReportMessages(parsed, await importMessageRuns(parsed.runs));
      setMessages({ summary: say(summary), lines: lines.map(say) });
    } catch (error) {
      // One transaction: a failed write left nothing behind, so the same file can simply be imported again.
      const reason = isStorageFull(error) ? t('error_storageFull') : t('panel_error');
      setMessages({ summary: '', lines: [], error: reason });
    } finally {
      await done();
      setProgress(null);
    }
  };

  return (
    <section aria-labelledby="import-heading">
      <h2 id="import-heading">{t('dash_import')}</h2>
      {interrupted && (
        <p role="alert" class="error">
          {t(
            'import_interrupted',
            interrupted.file,
            interrupted.rows.toLocaleString(uiLocale()),
            new Date(interrupted.startedAt).toLocaleString(uiLocale()),
          )}
        </p>
      )}
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
      <p>{t('import_messagesRule')}</p>
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
  const [busy, setBusy] = useState(false);
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

  // Either way one transaction: if anything stops it, the database is as it was, and the report says so.
  const run = async (write: (backup: ValidBackup) => Promise<Report>) => {
    if (!pending || busy) return;
    setBusy(true);
    try {
      setReport(await write(pending));
      setPending(null);
    } catch (error) {
      const reason = isStorageFull(error) ? t('backup_failedFull') : t('backup_failed', String(error));
      setReport({ summary: '', lines: [], error: reason });
    } finally {
      setBusy(false);
    }
  };

  const merge = (backup: ValidBackup) =>
    mergeBackup(backup).then(
      (r): Report => ({
        summary: t(
          'backup_merged',
          ...[r.people, r.touches, r.nextSteps].flatMap((c) => [String(c.added), String(c.updated)]),
        ),
        lines: r.notesNotJoined.map((p) => t('backup_notesNotJoined', p.name)),
      }),
    );

  const replace = (backup: ValidBackup) =>
    restoreBackup(backup).then(
      (r): Report => ({
        summary: t('backup_restored', String(r.people), String(r.touches), String(r.nextSteps)),
        lines: [],
      }),
    );

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
        <RestoreChoice
          backup={{
            exportedAt: pending.exportedAt,
            people: pending.people.length,
            touches: pending.touches.length,
            nextSteps: pending.nextSteps.length,
          }}
          here={counts ?? { people: 0, touches: 0 }}
          busy={busy}
          locale={uiLocale()}
          t={t}
          onMerge={() => void run(merge)}
          onReplace={() => void run(replace)}
          onExport={() => void exportAll()}
          onCancel={() => setPending(null)}
        />
      )}
      {report && <ReportView report={report} />}
    </section>
  );
}

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
