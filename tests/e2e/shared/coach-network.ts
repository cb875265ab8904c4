// The coach's network, built to trigger each rule, plus one balanced relationship that triggers none
// and one contact to prune: what the coach's tests in both browsers restore from a backup file.
import { personRecord, touchRecord } from '../harness';

const DAY = 86_400_000;

type Value = 'gave' | 'received' | 'both' | 'none';

/** One touch `daysAgo` days back. */
export function touch(personId: string, i: number, daysAgo: number, kind: string, value: Value) {
  return touchRecord(`${personId}-${i}`, personId, Date.now() - daysAgo * DAY, { kind, value });
}

/** People built to trigger each rule, one balanced relationship that triggers none, and one to prune. */
export function network() {
  const now = Date.now();
  const people = [
    // Move it offline: an acquaintance, 5 written touches over 75 days, never a call.
    personRecord('olga-offline', 'Olga Offline', { stage: 'acquaintance', lastTouchDaysAgo: 5 }),
    // Give first: the last 3 touches were "I received".
    personRecord('gil-give', 'Gil Give', { stage: 'relationship', lastTouchDaysAgo: 3 }),
    // A moment: a role change 10 days ago. Met in person and warm, so only her role change can
    // bring her up.
    {
      ...personRecord('mona-moment', 'Mona Moment', { stage: 'relationship', lastTouchDaysAgo: 5 }),
      company: 'Nimbus',
      updatedAt: now - 5 * DAY,
      metInPerson: true,
      roleChanges: [{ at: now - 10 * DAY, company: 'Nimbus', previousCompany: 'Acme' }],
    },
    // Going cold: a relationship last touched 100 days ago (cadence 60).
    personRecord('carl-cold', 'Carl Cold', { stage: 'relationship', lastTouchDaysAgo: 100 }),
    // Balanced: recent, calls and meetings, giving and receiving. No suggestion.
    {
      ...personRecord('bea-balanced', 'Bea Balanced', { stage: 'relationship', lastTouchDaysAgo: 10 }),
      source: 'import',
      connectedOn: now - 400 * DAY,
      metInPerson: true,
    },
    // Prune: an imported contact archived in triage as "I don't know them".
    {
      ...personRecord('pat-prune', 'Pat Prune', { stage: 'archived' }),
      source: 'import',
      connectedOn: now - 300 * DAY,
      triagedAt: now - DAY,
    },
  ];
  const touches = [
    ...[5, 20, 40, 60, 80].map((d, i) => touch('olga-offline', i, d, 'message', 'none')),
    ...[3, 8, 12].map((d, i) => touch('gil-give', i, d, 'call', 'received')),
    touch('mona-moment', 0, 5, 'inPerson', 'gave'),
    touch('carl-cold', 0, 100, 'email', 'gave'),
    touch('bea-balanced', 0, 10, 'call', 'gave'),
    touch('bea-balanced', 1, 20, 'message', 'both'),
    touch('bea-balanced', 2, 40, 'inPerson', 'received'),
  ];
  return { people, touches };
}

/** The network as the backup file a user would restore, with the given settings. */
export function networkBackup(settings: unknown): string {
  const { people, touches } = network();
  return JSON.stringify({
    format: 'vinculo-backup',
    version: 2,
    exportedAt: new Date().toISOString(),
    people,
    touches,
    nextSteps: [],
    settings,
  });
}
