// The reminder check: who has gone cold and which next steps are due (by index range), the count on
// the icon, and at most one digest a day. The decisions live in utils/digest.ts; what was decided lives
// in storage/reminder-state.ts, because Chrome may stop this worker between any two lines below.
import { countDueNextSteps, dueNextSteps } from '../../storage/next-steps';
import { countDuePeopleUpTo, lookupPeople, mostOverdueCandidates } from '../../storage/people';
import { getReminderState, updateReminderState } from '../../storage/reminder-state';
import { getSettings } from '../../storage/settings';
import {
  COUNT_CAP,
  type Decision,
  type DueStep,
  decideDigest,
  digestWindow,
  localTime,
  NAMED_PEOPLE,
  NAMED_STEPS,
  orderSteps,
} from '../../utils/digest';
import { type Translate, t as translate, uiLocale } from '../../utils/translate';
import { showDigest } from './digest-notification';
import { countDue, setIconCount } from './icon-count';
import { ensureAlarm } from './reminder-alarm';

/** The user-timing entry each check leaves in the worker's performance timeline (read by the bench). */
export const CHECK_MEASURE = 'vinculo-reminder-check';
/**
 * The longest-due steps the check reads: enough to name NAMED_STEPS and, when they are all one
 * person's, to open that profile. The rest are only counted.
 */
const STEPS_READ = 20;

// One check at a time in this worker: start-up, install and the alarm can fire
// together, and two checks must never show two digests. (Across workers the
// state transactions do the same job.)
let queue: Promise<unknown> = Promise.resolve();
function serialized<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task);
  queue = run.catch(() => undefined);
  return run;
}

interface CheckOutcome {
  /** Cold people + due steps: exact when a digest was decided, otherwise counted only up to what the icon shows. */
  count: number;
  /** What was decided about the digest. */
  decision: Decision['kind'] | 'none';
  /** True when this check put a notification on screen. */
  notified: boolean;
}

interface CheckOptions {
  now?: number;
  /** For tests; the worker uses the system time zone. */
  timeZone?: string;
  t?: Translate;
  locale?: string;
}

/** The reminder check: due people and steps by index range, the icon count, and at most one digest a day. */
export function runReminderCheck(options: CheckOptions = {}): Promise<CheckOutcome> {
  return serialized(() => check(options));
}

async function check({
  now = Date.now(),
  timeZone,
  t = translate,
  locale = uiLocale(),
}: CheckOptions): Promise<CheckOutcome> {
  const started = performance.now();
  const [settings, state] = await Promise.all([getSettings(), getReminderState()]);
  const local = localTime(now, timeZone);
  const window = digestWindow(state, now, local, settings);

  let decision: Decision;
  let count: number;
  let icon: Promise<void>;
  if (window.kind === 'open') {
    // The names come from a handful of candidates and the count stops at COUNT_CAP: reading everyone due
    // would take a second with tens of thousands of people.
    const [people, coldCount, stepCount, named] = await Promise.all([
      mostOverdueCandidates(now, NAMED_PEOPLE),
      countDuePeopleUpTo(now, COUNT_CAP),
      countDueNextSteps(now),
      dueNextSteps(now, STEPS_READ).then(withPersonNames),
    ]);
    count = coldCount + stepCount;
    icon = setIconCount(count);
    // Decided and recorded in one transaction: a second check racing this one finds it done.
    const made: { decision: Decision } = { decision: { kind: 'none', reason: 'nothing-due' } };
    await updateReminderState((current) => {
      made.decision = decideDigest({
        state: current,
        now,
        local,
        settings,
        people,
        coldCount,
        steps: named,
        stepCount,
        t,
        locale,
      });
      return made.decision.kind === 'new' ? made.decision.state : undefined;
    });
    decision = made.decision;
  } else {
    count = await countDue(now);
    icon = setIconCount(count);
    decision = window.kind === 'resume' ? window : { kind: 'none', reason: window.reason };
  }

  // The icon and the alarm are independent of the digest: they go out alongside it.
  const [notified] = await Promise.all([
    decision.kind === 'new' || decision.kind === 'resume' ? showDigest(decision.digest, t) : false,
    icon,
    ensureAlarm(),
  ]);
  performance.clearMeasures(CHECK_MEASURE);
  performance.measure(CHECK_MEASURE, { start: started, end: performance.now() });
  return { count, decision: decision.kind, notified };
}

/** The steps the body will name get their person's name, in one read by primary key. */
async function withPersonNames(steps: DueStep[]): Promise<DueStep[]> {
  const named = orderSteps(steps).slice(0, NAMED_STEPS);
  if (named.length === 0) return steps;
  const people = await lookupPeople([...new Set(named.map((s) => s.personId))]);
  const names = new Map(people.map((p) => [p.slug, p.name]));
  return steps.map((s) => {
    const personName = names.get(s.personId);
    return personName === undefined ? s : { ...s, personName };
  });
}
