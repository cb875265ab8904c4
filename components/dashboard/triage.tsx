// The triage queue: one imported contact at a time, decided with one key.
import { useEffect } from 'preact/hooks';
import type { Person } from '../../storage/schemas';
import type { Translate } from '../../utils/translate';

export type TriageDecision = 'archive' | 'keep' | 'nurture' | 'skip' | 'undo';

const KEYS: Record<string, TriageDecision> = {
  '1': 'archive',
  '2': 'keep',
  '3': 'nurture',
  s: 'skip',
  u: 'undo',
};

export interface TriageProps {
  person: Person | null;
  done: number;
  total: number;
  canUndo: boolean;
  status: string;
  t: Translate;
  onDecide(decision: TriageDecision): void;
}

export function Triage({ person, done, total, canUndo, status, t, onDecide }: TriageProps) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.target instanceof HTMLElement && e.target.closest('input, textarea, select')) return;
      const decision = KEYS[e.key.toLowerCase()];
      if (decision) {
        e.preventDefault();
        onDecide(decision);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onDecide]);

  const buttons: [TriageDecision, string, string][] = [
    ['archive', '1', t('triage_archive')],
    ['keep', '2', t('triage_keep')],
    ['nurture', '3', t('triage_nurture')],
    ['skip', 'S', t('triage_skip')],
    ['undo', 'U', t('triage_undo')],
  ];
  return (
    <section aria-labelledby="triage-heading" class="triage">
      <h2 id="triage-heading">{t('dash_triage')}</h2>
      <p class="muted">{t('triage_help')}</p>
      <label class="field">
        <span>{t('triage_progress', done.toLocaleString(), total.toLocaleString())}</span>
        <progress max={Math.max(total, 1)} value={done} />
      </label>
      {person ? (
        <div class="triage-card" aria-live="polite">
          <h3>{person.name}</h3>
          {person.headline && <p>{person.headline}</p>}
          {person.company && <p class="muted">{person.company}</p>}
          {person.connectedOn !== undefined && (
            <p class="muted small">
              {t('triage_connected', new Date(person.connectedOn).toLocaleDateString())}
            </p>
          )}
        </div>
      ) : (
        <p>{t('triage_empty')}</p>
      )}
      <div class="actions">
        {buttons.map(([decision, key, label]) => (
          <button
            type="button"
            key={decision}
            disabled={decision === 'undo' ? !canUndo : !person}
            aria-keyshortcuts={key}
            onClick={() => onDecide(decision)}
          >
            <kbd>{key}</kbd> {label}
          </button>
        ))}
      </div>
      <p role="status">{status}</p>
    </section>
  );
}
