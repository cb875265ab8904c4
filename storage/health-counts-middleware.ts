// Keeps the health counts (health-counts.ts) inside the very transaction of every write to people or
// touches, whichever repository function, bulk operation, modify(), delete() or clear() makes it: the
// counts cannot drift from the rows, and a write that aborts takes its count changes with it.
//
// A DBCore middleware rather than table hooks: hooks turn clear() into reading and deleting every row
// one by one (a backup restore clears 300,000 touches) and can only write to tables the caller's
// transaction names. Here every read-write transaction that names people or touches is opened with the
// counts table added to its scope, so no caller has to remember it.
import type {
  DBCore,
  DBCoreMutateRequest,
  DBCoreMutateResponse,
  DBCoreTable,
  DBCoreTransaction,
  Middleware,
} from 'dexie';
import { COUNTS_TABLE, type CountRow, isCounted, type Tally, tallyRecord } from './health-counts';

/** DBCoreRangeType.Any (a const enum, unavailable to isolated modules): what Table.clear() deletes. */
const ANY_RANGE = 3;

/**
 * Each transaction's count updates run one after another: two bulkPuts left in flight together
 * (the import does that) must not both read the same count and each write its own sum.
 */
const queues = new WeakMap<DBCoreTransaction, PromiseLike<unknown>>();

function inTurn<T>(trans: DBCoreTransaction, work: () => PromiseLike<T>): PromiseLike<T> {
  const previous = queues.get(trans);
  const run = previous ? previous.then(work) : work();
  const settled = run.then(
    () => undefined,
    () => undefined,
  );
  queues.set(trans, settled);
  return run;
}

/** A write whose effect is unknown (it threw half-way) or a count that could not be written: abort. */
function abort(trans: DBCoreTransaction): void {
  try {
    trans.abort();
  } catch {
    // Already finished or aborted: nothing of it will be kept.
  }
}

function checked(trans: DBCoreTransaction, res: DBCoreMutateResponse): void {
  if (res.numFailures === 0) return;
  abort(trans);
  throw Object.values(res.failures)[0];
}

/** Adds the tally to the stored counts; rows that reach zero are removed. */
function apply(counts: DBCoreTable, trans: DBCoreTransaction, tally: Tally): PromiseLike<void> | undefined {
  const keys = [...tally].filter(([, d]) => d !== 0).map(([key]) => key);
  if (keys.length === 0) return undefined;
  return counts.getMany({ trans, keys }).then((rows: (CountRow | undefined)[]) => {
    const puts: CountRow[] = [];
    const gone: string[] = [];
    keys.forEach((key, i) => {
      const n = (rows[i]?.n ?? 0) + tally.get(key)!;
      if (n === 0) gone.push(key);
      else puts.push({ key, n });
    });
    const writes = [
      puts.length && counts.mutate({ trans, type: 'put', values: puts }),
      gone.length && counts.mutate({ trans, type: 'delete', keys: gone }),
    ];
    return Promise.all(writes).then((results) => {
      for (const res of results) if (res) checked(trans, res);
    });
  });
}

/**
 * The count changes of a mutation that succeeded (`res`), request by request: a failed request changes
 * nothing, and a key written twice in one bulk counts its latest value.
 */
function tallyOf(
  table: string,
  keys: readonly unknown[],
  before: readonly unknown[],
  after: readonly unknown[] | null,
  res: DBCoreMutateResponse,
): Tally {
  const tally: Tally = new Map();
  const current = new Map<unknown, unknown>();
  keys.forEach((key, i) => {
    if (res.failures[i]) return;
    const previous = current.has(key) ? current.get(key) : before[i];
    const next = after?.[i];
    if (previous !== undefined) tallyRecord(tally, table, previous, -1);
    if (next !== undefined) tallyRecord(tally, table, next, 1);
    current.set(key, next);
  });
  return tally;
}

/** A request whose outcome is looked at later, in its turn: a failure is not an unhandled one meanwhile. */
function handled<T>(promise: PromiseLike<T>): PromiseLike<T> {
  promise.then(undefined, () => undefined);
  return promise;
}

/**
 * Sends the mutation down at once, with whatever it needs read before it (the rows it replaces or
 * deletes) requested just ahead of it: IndexedDB runs a transaction's requests in the order they were
 * made, so those reads see exactly what the mutation changes, and bulk writes left in flight together
 * stay in flight together. Their count updates then run in that same order, one at a time (inTurn).
 */
function keepCounts(
  table: DBCoreTable,
  counts: DBCoreTable,
  req: DBCoreMutateRequest,
): PromiseLike<DBCoreMutateResponse> {
  const { trans } = req;
  const name = table.name;
  const primaryKey = table.schema.primaryKey;
  const update = (res: DBCoreMutateResponse, tally: Tally) =>
    apply(counts, trans, tally)?.then(() => res) ?? res;
  let counted: () => PromiseLike<DBCoreMutateResponse>;

  if (req.type === 'deleteRange' && req.range.type === ANY_RANGE) {
    // clear(): the table contributes nothing any more.
    const own = { type: 2, lower: `${name}/`, upper: `${name}/\uffff`, lowerOpen: false, upperOpen: false };
    const mutated = handled(table.mutate(req));
    counted = () =>
      mutated.then((res) =>
        res.numFailures
          ? res
          : counts.mutate({ trans, type: 'deleteRange', range: own }).then((done) => {
              checked(trans, done);
              return res;
            }),
      );
  } else if (req.type === 'deleteRange') {
    const removed = handled(
      table.query({ trans, values: true, query: { index: primaryKey, range: req.range } }),
    );
    const mutated = handled(table.mutate(req));
    counted = () =>
      removed.then(({ result }) =>
        mutated.then((res) => {
          const keys = result.map((value) => primaryKey.extractKey!(value));
          return update(res, res.numFailures ? new Map() : tallyOf(name, keys, result, null, res));
        }),
      );
  } else {
    const keys =
      req.type === 'delete' ? req.keys : (req.keys ?? req.values.map((v) => primaryKey.extractKey!(v)));
    const after = req.type === 'delete' ? null : req.values;
    // An add only succeeds where nothing was: there is nothing to read first.
    const replaced = req.type === 'add' ? null : handled(table.getMany({ trans, keys }));
    const mutated = handled(table.mutate(req));
    counted = () =>
      mutated.then((res) =>
        replaced
          ? replaced.then((before) => update(res, tallyOf(name, keys, before, after, res)))
          : update(res, tallyOf(name, keys, [], after, res)),
      );
  }
  return inTurn(trans, () =>
    counted().then(undefined, (error) => {
      abort(trans);
      throw error;
    }),
  );
}

export const healthCountsMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'HealthCounts',
  create(down) {
    // Upgrades from before version 5 run without the table: the v5 upgrade counts from scratch.
    if (!down.schema.tables.some((t) => t.name === COUNTS_TABLE)) return {};
    const counts = down.table(COUNTS_TABLE);
    return {
      transaction(stores, mode, options) {
        const widen = mode === 'readwrite' && !stores.includes(COUNTS_TABLE) && stores.some(isCounted);
        return down.transaction(widen ? [...stores, COUNTS_TABLE] : stores, mode, options);
      },
      table(name) {
        const table = down.table(name);
        if (!isCounted(name)) return table;
        return {
          ...table,
          mutate: (req) => keepCounts(table, counts, req) as Promise<DBCoreMutateResponse>,
        };
      },
    };
  },
};
