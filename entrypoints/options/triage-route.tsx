// Triage of imported connections, one person at a time, as fast as the user types: archive, keep,
// nurture, skip, or undo the last decision.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { Triage, type TriageDecision } from '../../components/dashboard/triage';
import { updatePerson } from '../../storage/people';
import { importedPeople } from '../../storage/queries/people';
import type { Person } from '../../storage/schemas';
import { type MessageKey, t } from '../../utils/translate';
import {
  afterDecision,
  afterSkip,
  afterUndo,
  startTriage,
  type TriageQueue,
  takeUndo,
  triagePatch,
} from '../../utils/triage-queue';

export function TriageRoute() {
  // Decisions come as fast as the user types: each one runs after the previous has been written,
  // against the queue as that write left it (state in a ref, not in a render's closure).
  const state = useRef<TriageQueue>(startTriage([]));
  const chain = useRef<Promise<void>>(Promise.resolve());
  const [view, setView] = useState<{
    person: Person | null;
    done: number;
    total: number;
    canUndo: boolean;
  } | null>(null);
  const [status, setStatus] = useState('');
  const show = () => {
    const s = state.current;
    setView({ person: s.queue[0] ?? null, done: s.done, total: s.total, canUndo: s.history.length > 0 });
  };
  useEffect(() => {
    void importedPeople().then((imported) => {
      state.current = startTriage(imported);
      show();
    });
  }, []);

  const decide = async (decision: TriageDecision): Promise<void> => {
    if (decision === 'undo') {
      const taken = takeUndo(state.current);
      if (!taken) return;
      const { previous } = taken;
      state.current = taken.rest;
      await updatePerson(previous.slug, {
        stage: previous.stage,
        triagedAt: previous.triagedAt ?? null,
        cadenceDays: previous.cadenceDays ?? null,
      });
      state.current = afterUndo(state.current, previous);
      setStatus(t('triage_undone', previous.name));
      return;
    }
    const person = state.current.queue[0];
    if (!person) return;
    if (decision === 'skip') {
      state.current = afterSkip(state.current);
      setStatus(t('triage_skipped', person.name));
      return;
    }
    const result = await updatePerson(person.slug, triagePatch(decision, Date.now()));
    if (!result.ok) {
      setStatus(t('dash_invalid', result.error));
      return;
    }
    state.current = afterDecision(state.current, person);
    setStatus(t(`triage_did_${decision}` as MessageKey, person.name));
  };

  const onDecide = useCallback((decision: TriageDecision) => {
    chain.current = chain.current
      .then(() => decide(decision))
      .catch((error) => console.error('[vinculo] triage', error))
      .then(show);
  }, []);

  if (!view) return <p class="muted">{t('dash_loading')}</p>;
  return (
    <Triage
      person={view.person}
      done={view.done}
      total={view.total}
      canUndo={view.canUndo}
      status={status}
      t={t}
      onDecide={onDecide}
    />
  );
}
