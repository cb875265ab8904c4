// What to do with a backup file the user chose: merge it into what is here, or replace everything —
// the destructive one asks again and offers to export the current data first (nothing is deleted
// without a way back). Plain props in, events out.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Translate } from '../../utils/translate';

export interface RestoreChoiceProps {
  /** What the file holds. */
  backup: { exportedAt: string; people: number; touches: number; nextSteps: number };
  /** What Vínculo holds now. */
  here: { people: number; touches: number };
  /** A merge or replace is running: the buttons wait. */
  busy: boolean;
  locale: string;
  t: Translate;
  onMerge(): void;
  /** Only after the user confirmed. */
  onReplace(): void;
  onExport(): void;
  onCancel(): void;
}

export function RestoreChoice(props: RestoreChoiceProps) {
  const { backup, here, busy, t } = props;
  const [confirming, setConfirming] = useState(false);
  const exportFirst = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) exportFirst.current?.focus();
  }, [confirming]);
  const n = (count: number) => count.toLocaleString(props.locale);
  const exported = new Date(backup.exportedAt).toLocaleString(props.locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
  });

  return (
    <section aria-labelledby="restore-choice" class="triage-card">
      <h4 id="restore-choice">{t('backup_chooseHeading')}</h4>
      <p>
        {t('backup_holds', exported, n(backup.people), n(backup.touches), n(backup.nextSteps))}{' '}
        {t('backup_holdsHere', n(here.people), n(here.touches))}
      </p>
      {confirming ? (
        <div role="alertdialog" aria-labelledby="replace-confirm">
          <p id="replace-confirm">{t('backup_confirm', n(here.people), n(here.touches))}</p>
          <div class="actions">
            <button type="button" ref={exportFirst} onClick={props.onExport}>
              {t('backup_exportFirst')}
            </button>
            <button type="button" class="danger" disabled={busy} onClick={props.onReplace}>
              {t('backup_replace')}
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              {t('dash_cancel')}
            </button>
          </div>
        </div>
      ) : (
        <>
          <p>
            <button
              type="button"
              class="primary"
              disabled={busy}
              aria-describedby="merge-help"
              onClick={props.onMerge}
            >
              {t('backup_merge')}
            </button>{' '}
            <span id="merge-help" class="muted small">
              {t('backup_mergeHelp')}
            </span>
          </p>
          <p>
            <button
              type="button"
              disabled={busy}
              aria-describedby="replace-help"
              onClick={() => setConfirming(true)}
            >
              {t('backup_replaceAll')}
            </button>{' '}
            <span id="replace-help" class="muted small">
              {t('backup_replaceHelp')}
            </span>
          </p>
          <div class="actions">
            <button type="button" onClick={props.onCancel}>
              {t('dash_cancel')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
