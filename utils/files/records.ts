// Comparing and normalising stored records, for the backup merge: the same record always compares
// and prints the same, an absent key and an undefined one being the same.

/** A sort key: compared element by element. */
export type Key = (string | number | undefined)[];

/** Lexicographic; absent ranks lowest; a key that is another's beginning ranks lower. */
export function compareKeys(a: Key, b: Key): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    return typeof x === 'number' && typeof y === 'number'
      ? Math.sign(x - y)
      : compareStrings(String(x), String(y));
  }
  return 0;
}

export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** JSON with keys in order and undefined values left out: the same record always gives the same text. */
export function stableStringify(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => compareStrings(x, y)))
      : v,
  );
}

/** Deep equality of stored records, an absent key and an undefined one being the same. */
export function sameRecord(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((x, i) => sameRecord(x, b[i]));
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  for (const key in x) if (!sameRecord(x[key], y[key])) return false;
  for (const key in y) if (!(key in x) && y[key] !== undefined) return false;
  return true;
}

/** The record without keys whose value is undefined: an optional field is absent, never `undefined`. */
export function compact<T extends object>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as T;
}

/** A field with nothing in it: absent or the empty string. */
export const lacks = (value: unknown): boolean => value === undefined || value === '';
export const minDefined = (a?: number, b?: number) =>
  a === undefined ? b : b === undefined ? a : Math.min(a, b);
export const maxDefined = (a?: number, b?: number) =>
  a === undefined ? b : b === undefined ? a : Math.max(a, b);
