// The index ranges that hold everyone who can have a suggestion, each read in order of an upper
// bound on `since`. Why each range is enough, and how they are merged: storage/suggestions.ts.
import { cmp, Dexie, type IndexableType } from 'dexie';
import { temperatureOf } from '../utils/cadence';
import { coolingSince, GIVE_FIRST_MIN_RECEIVED, MOMENT_DAYS } from '../utils/coach-rules';
import { DAY } from '../utils/time';
import { db } from './db';
import { type Person, type Settings, stages } from './schemas';

/** An index range read from its top: people in non-increasing order of `bound`. */
interface Source {
  index: string;
  lower: IndexableType;
  upper: IndexableType;
  includeLower: boolean;
  includeUpper: boolean;
  key(p: Person): IndexableType;
  bound(p: Person): number;
  /** Whether the person can have a suggestion this source bounds. */
  keep(p: Person): boolean;
}

export const NEVER = Number.NEGATIVE_INFINITY;

/** People in non-increasing order of a bound on the `since` of the suggestions they can have. */
export interface Candidates {
  /** Whether the next person is still to be read (then `page` reads them). */
  readonly empty: boolean;
  page(): Promise<void>;
  /** The next person's bound; -Infinity once there is nobody left. */
  head(): number;
  /** Takes the next person, or undefined when they cannot have a suggestion from here. */
  take(): Person | undefined;
}

/**
 * A source read a page at a time (one getAll each, never a cursor walk), each page four times the
 * last. The next page starts at the last key read, past the entries with that key already read:
 * entries with one key come in a fixed order (by primary key), so they are the page's first ones.
 */
class Stream implements Candidates {
  private rows: Person[] = [];
  private next = 0;
  private size = 32;
  private done = false;
  /** How many entries with key `skipKey` have been read: the next page starts past them. */
  private skip = 0;
  private skipKey: IndexableType | undefined;
  constructor(
    private readonly source: Source,
    private readonly trace?: { people: number },
  ) {}

  /** Whether the next person is still to be read. */
  get empty(): boolean {
    return this.next === this.rows.length && !this.done;
  }

  /** The next person's bound (read them first, when `empty`); -Infinity once the source is spent. */
  head(): number {
    const p = this.rows[this.next];
    return p ? this.source.bound(p) : NEVER;
  }

  /** Takes the next person, or undefined when this source does not keep them. */
  take(): Person | undefined {
    const p = this.rows[this.next++];
    return p && this.source.keep(p) ? p : undefined;
  }

  async page(): Promise<void> {
    const s = this.source;
    const last = this.rows.at(-1);
    const lastKey = last === undefined ? undefined : s.key(last);
    if (lastKey !== undefined) {
      // Everyone read so far with the last key: this page's, and the earlier pages' if they ended on it.
      const here = this.rows.filter((p) => cmp(s.key(p), lastKey) === 0).length;
      this.skip =
        here === this.rows.length && this.skipKey !== undefined && cmp(this.skipKey, lastKey) === 0
          ? this.skip + here
          : here;
      this.skipKey = lastKey;
    }
    const want = this.size + this.skip;
    const rows = await db.people
      .where(s.index)
      .between(s.lower, lastKey ?? s.upper, s.includeLower, lastKey === undefined ? s.includeUpper : true)
      .reverse()
      .limit(want)
      .toArray();
    if (this.trace) this.trace.people += rows.length;
    this.done = rows.length < want;
    this.rows = rows.slice(this.skip);
    this.next = 0;
    this.size = Math.min(this.size * 4, 4096);
  }
}

/** An already ordered list as a source. */
class ListStream implements Candidates {
  private next = 0;
  readonly empty = false;
  constructor(private readonly list: { p: Person; bound: number }[]) {}
  async page(): Promise<void> {}
  head(): number {
    return this.list[this.next]?.bound ?? NEVER;
  }
  take(): Person | undefined {
    return this.list[this.next++]?.p;
  }
}

// Touches valued "I received" are read only while they are this few (reading, or even counting, index
// entries costs by the entry); beyond that, everyone touched late enough to rank is judged instead.
const RECEIVED_READ = 500;

/**
 * Every range that can hold a suggestion: role changes by roleChangedAt, the last touch for give first and
 * offline, per stage the cold and the cooling range of [stage+dueAt], and the people with a cadence of
 * their own (`own`, read whole) by when they turned cooling or cold.
 */
export function streams(
  settings: Settings,
  now: number,
  received: Map<string, number> | null,
  own: Person[],
  trace?: { people: number },
): Candidates[] {
  const live = (p: Person) => p.stage !== 'archived';
  const momentFrom = now - (MOMENT_DAYS + 1) * DAY;
  const sources: Source[] = [
    {
      index: 'roleChangedAt',
      lower: momentFrom,
      upper: Dexie.maxKey,
      includeLower: false,
      includeUpper: true,
      key: (p) => p.roleChangedAt ?? NEVER,
      bound: (p) => p.roleChangedAt ?? NEVER,
      keep: live,
    },
    {
      index: 'lastTouchAt',
      lower: Dexie.minKey,
      upper: Dexie.maxKey,
      includeLower: true,
      includeUpper: true,
      key: (p) => p.lastTouchAt ?? NEVER,
      bound: (p) => p.lastTouchAt ?? NEVER,
      keep: (p) =>
        live(p) &&
        (received === null ||
          (received.get(p.slug) ?? 0) >= GIVE_FIRST_MIN_RECEIVED ||
          ((p.stage === 'acquaintance' || p.stage === 'relationship') && !p.metInPerson)),
    },
  ];
  for (const stage of stages) {
    const days = settings.cadenceDays[stage];
    if (days === null || stage === 'archived') continue;
    const quarter = (days * DAY) / 4;
    // People with a cadence of their own are in these ranges at the wrong place: they come from `own`.
    const range = {
      index: '[stage+dueAt]',
      key: (p: Person) => [stage, p.dueAt ?? NEVER],
      includeUpper: true,
    };
    const onStageCadence = (p: Person) => p.cadenceDays === undefined;
    sources.push(
      {
        ...range,
        lower: [stage, Dexie.minKey],
        upper: [stage, now],
        includeLower: true,
        bound: (p) => p.dueAt ?? NEVER,
        keep: onStageCadence,
      },
      {
        ...range,
        lower: [stage, now],
        upper: [stage, now + quarter],
        includeLower: false,
        bound: (p) => (p.dueAt ?? NEVER) - quarter,
        keep: onStageCadence,
      },
    );
  }
  const cooling = own
    .flatMap((p) => {
      const temperature = p.stage === 'archived' ? null : temperatureOf(p, settings, now);
      if (temperature !== 'cooling' && temperature !== 'cold') return [];
      return [{ p, bound: coolingSince(p.dueAt as number, p.cadenceDays as number, temperature) }];
    })
    .sort((a, b) => b.bound - a.bound);
  return [...sources.map((s) => new Stream(s, trace)), new ListStream(cooling)];
}

/**
 * How many touches valued "I received" each person has, or null when there are more than
 * RECEIVED_READ of them (then only this many were read).
 */
export async function receivedCounts(): Promise<Map<string, number> | null> {
  const valued = await db.touches
    .where('value')
    .equals('received')
    .limit(RECEIVED_READ + 1)
    .toArray();
  if (valued.length > RECEIVED_READ) return null;
  const counts = new Map<string, number>();
  for (const t of valued) counts.set(t.personId, (counts.get(t.personId) ?? 0) + 1);
  return counts;
}
