// What an import, merge or restore did: one summary line (or the error that stopped it) and, folded
// away when long, one line per row worth telling. Plain props in.
import type { Translate } from '../../utils/translate';

export interface Report {
  summary: string;
  lines: string[];
  error?: string;
}

export function ReportView({ report, t }: { report: Report; t: Translate }) {
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
