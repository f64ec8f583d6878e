import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RowChecker, evaluateChecks } from '../../src/checks/index.js';
import type { Check, ColumnStats } from '../../src/checks/index.js';
import { CsvReader, openDataSource } from '../../src/data/index.js';
import type { CheckResult } from '../../src/report/types.js';

/**
 * Writes `csv` to a temporary file, streams it through the CsvReader in small batches (so checks
 * see several), and evaluates `checks` with exact column statistics computed here from the text.
 */
export async function runChecks(csv: string, checks: readonly Check[]): Promise<CheckResult[]> {
  const dir = await mkdtemp(join(tmpdir(), 'mlgate-checks-'));
  try {
    const file = join(dir, 'data.csv');
    await writeFile(file, csv);
    const reader = new CsvReader({ file, batchSize: 2 });
    const rowChecker = new RowChecker(checks, { maxExamples: 3 });
    const values = new Map<string, (string | null)[]>();
    for await (const batch of reader.batches(openDataSource(file))) {
      rowChecker.consume(batch);
      batch.columns.forEach((name, col) => {
        const list = values.get(name) ?? [];
        for (let row = 0; row < batch.rowCount; row++)
          list.push(batch.isNull(row, col) ? null : batch.string(row, col));
        values.set(name, list);
      });
    }
    const columns = reader.columns;
    const rows = values.get(columns[0] ?? '')?.length ?? 0;
    const stats = new Map([...values].map(([name, list]) => [name, exactStats(list)]));
    return evaluateChecks(checks, { rows: rowChecker.finish(), table: { rows, columns }, stats });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Exact statistics of the numeric values (linear-interpolated quantiles, sample stdev, as pandas). */
export function exactStats(values: readonly (string | null)[]): ColumnStats {
  const numbers = values
    .filter((v): v is string => v !== null && v.trim() !== '' && !Number.isNaN(Number(v)))
    .map(Number);
  numbers.sort((a, b) => a - b);
  const n = numbers.length;
  const stats: ColumnStats = { count: values.length, nulls: values.filter((v) => v === null).length };
  if (n === 0) return stats;
  const mean = numbers.reduce((s, x) => s + x, 0) / n;
  return {
    ...stats,
    min: numbers[0],
    max: numbers[n - 1],
    mean,
    ...(n > 1 ? { stdev: Math.sqrt(numbers.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1)) } : {}),
    quantile: (q) => {
      const h = (n - 1) * q;
      const lo = numbers[Math.floor(h)]!;
      const hi = numbers[Math.ceil(h)]!;
      return lo + (h - Math.floor(h)) * (hi - lo);
    },
  };
}

export function byName(results: readonly CheckResult[], check: string, column?: string): CheckResult {
  const found = results.find((r) => r.check === check && (column === undefined || r.column === column));
  if (!found) throw new Error(`no ${check} result${column ? ` for ${column}` : ''} in ${JSON.stringify(results)}`);
  return found;
}
