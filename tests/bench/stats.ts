// Bench bookkeeping: repeat a case, keep median and min–max, print a table, write bench-results.json.
import { writeFileSync } from 'node:fs';

export interface BenchRow {
  case: string;
  unit: string;
  runs: number;
  median: number;
  min: number;
  max: number;
  budget?: string;
  note?: string;
}

const rows: BenchRow[] = [];

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export async function repeat(runs: number, fn: () => Promise<number>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) out.push(await fn());
  return out;
}

export function record(name: string, values: number[], extra: Partial<BenchRow> = {}): BenchRow {
  const row: BenchRow = {
    case: name,
    unit: 'ms',
    runs: values.length,
    median: round(median(values)),
    min: round(Math.min(...values)),
    max: round(Math.max(...values)),
    ...extra,
  };
  rows.push(row);
  return row;
}

const round = (n: number): number => Math.round(n * 100) / 100;

export function report(meta: Record<string, string>): void {
  const header = ['case', 'median', 'min–max', 'runs', 'budget', 'note'];
  const lines = rows.map((r) => [
    r.case,
    `${r.median} ${r.unit}`,
    `${r.min}–${r.max}`,
    String(r.runs),
    r.budget ?? '',
    r.note ?? '',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const fmt = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ');
  console.log(
    `\nVínculo bench — ${Object.entries(meta)
      .map(([k, v]) => `${k}: ${v}`)
      .join(', ')}`,
  );
  console.log(fmt(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const l of lines) console.log(fmt(l));
  writeFileSync('bench-results.json', `${JSON.stringify({ ...meta, rows }, null, 2)}\n`);
}
