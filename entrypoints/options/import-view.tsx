// Import LinkedIn's export: Connections.csv brings people in, messages.csv gives them their real
// last-touch dates; each file is one transaction, with a report of what was kept and skipped, and
// an import a closed tab left unfinished is told about.
import { useEffect, useRef, useState } from 'preact/hooks';
import { FileField } from '../../components/dashboard/file-field';
import { MessagesOptions } from '../../components/dashboard/messages-options';
import { type Report, ReportView } from '../../components/dashboard/report-view';
import { importConnections } from '../../storage/import-connections';
import { importMessageRuns } from '../../storage/import-messages';
import { isStorageFull } from '../../utils/errors';
import { parseConnectionsCsv } from '../../utils/files/connections';
import { importProblemMessage, notedRowMessage, skippedRowMessage } from '../../utils/files/import-problems';
import { parseMessagesCsv } from '../../utils/files/messages';
import { messagesReportMessages } from '../../utils/files/messages-report';
import { t, uiLocale } from '../../utils/translate';
import { say } from './files';
import {
  forgetUnfinishedImport,
  type ImportMarker,
  markImportRunning,
  unfinishedImport,
} from './import-marker';

const failed = (error: unknown): Report => ({
  summary: '',
  lines: [],
  error: t(isStorageFull(error) ? 'error_storageFull' : 'panel_error'),
});

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
      setConnections(failed(error));
      return;
    } finally {
      await done();
      setProgress(null);
    }
    const skipped = [...parsed.skipped, ...report.skipped];
    const counts = [report.imported, report.updated, report.unchanged, skipped.length].map(String);
    setConnections({
      summary: t('import_connectionsReport', ...counts),
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
      setMessages(failed(error));
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
      <FileField label={t('import_connectionsLabel')} accept=".csv,text/csv" onFile={importConnectionsFile} />
      {progress !== null && (
        <label class="field">
          <span>{t('import_progress')}</span>
          <progress max={1} value={progress} />
        </label>
      )}
      {connections && <ReportView report={connections} t={t} />}
      <MessagesOptions keepBodies={keepBodies} me={me} t={t} onKeepBodies={setKeepBodies} onMe={setMe} />
      <FileField label={t('import_messagesLabel')} accept=".csv,text/csv" onFile={importMessagesFile} />
      {messages && <ReportView report={messages} t={t} />}
    </section>
  );
}
