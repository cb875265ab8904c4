// Backup and restore: export everything as JSON (or the people as CSV), and bring a backup back by
// merging it into what is here or replacing everything, in one transaction either way.
import { useState } from 'preact/hooks';
import { FileField } from '../../components/dashboard/file-field';
import { type Report, ReportView } from '../../components/dashboard/report-view';
import { RestoreChoice } from '../../components/dashboard/restore-choice';
import { exportBackup, mergeBackup, type RestoreReport, restoreBackup } from '../../storage/backup';
import { sendMessage } from '../../storage/messaging';
import { allPeople, countPeopleAndTouches } from '../../storage/queries/people';
import { getSettings } from '../../storage/settings';
import { useLiveQuery } from '../../storage/use-live-query';
import { isStorageFull } from '../../utils/errors';
import { backupFileName, parseBackup, type ValidBackup } from '../../utils/files/backup';
import { backupProblemMessage } from '../../utils/files/backup-problems';
import { peopleToCsv } from '../../utils/files/people-csv';
import { t, uiLocale } from '../../utils/translate';
import { download, say } from './files';

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

const restoredReport = (r: RestoreReport): Report => ({
  summary: t('backup_restored', String(r.people), String(r.touches), String(r.nextSteps)),
  lines: [],
});

// A restore that changes the language reloads the dashboard in it, and says there what was restored.
const RESTORED_KEY = 'vinculo:restored';

function restoredBeforeReload(): Report | null {
  const saved = sessionStorage.getItem(RESTORED_KEY);
  sessionStorage.removeItem(RESTORED_KEY);
  return saved ? restoredReport(JSON.parse(saved) as RestoreReport) : null;
}

const replace = async (backup: ValidBackup): Promise<Report> => {
  const { language } = await getSettings();
  const restored = await restoreBackup(backup);
  // The backup's settings replace these, the language with them: LinkedIn tabs repaint their badges.
  await sendMessage('languageChanged', undefined).catch(() => undefined);
  if (backup.settings.language !== language) {
    sessionStorage.setItem(RESTORED_KEY, JSON.stringify(restored));
    location.reload();
  }
  return restoredReport(restored);
};

const exportAll = async () => {
  const now = Date.now();
  download(backupFileName(now), JSON.stringify(await exportBackup(now), null, 1), 'application/json');
};

export function BackupView() {
  const [pending, setPending] = useState<ValidBackup | null>(null);
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<Report | null>(restoredBeforeReload);
  const counts = useLiveQuery(countPeopleAndTouches, []);

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
            void allPeople().then((people) => download('vinculo-people.csv', peopleToCsv(people), 'text/csv'))
          }
        >
          {t('backup_exportCsv')}
        </button>
      </div>
      <h3>{t('backup_restoreHeading')}</h3>
      <FileField label={t('backup_restoreLabel')} accept=".json,application/json" onFile={readFile} />
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
      {report && <ReportView report={report} t={t} />}
    </section>
  );
}
