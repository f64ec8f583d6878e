/**
 * Child process for the runner: `node .build/duckdb/index.js <file.csv> [threads]` runs DuckDB's
 * SUMMARIZE over the CSV and prints one JSON line with the query time, DuckDB's thread count, the
 * per-column row counts it saw and this process's peak RSS, so the parent measures DuckDB alone.
 */
import { performance } from 'node:perf_hooks';
import { DuckDBInstance } from '@duckdb/node-api';

const [file, threads] = process.argv.slice(2);
if (!file) throw new Error('usage: duckdb-summarize <file.csv> [threads]');

const instance = await DuckDBInstance.create(':memory:', threads ? { threads } : {});
const connection = await instance.connect();
const setting = await connection.runAndReadAll("SELECT current_setting('threads') AS threads, version() AS version");
const [info] = setting.getRowObjectsJson();
const started = performance.now();
const literal = `'${file.replaceAll("'", "''")}'`;
const summary = await connection.runAndReadAll(`SUMMARIZE SELECT * FROM read_csv(${literal})`);
const querySeconds = (performance.now() - started) / 1000;
const columns = summary.getRowObjectsJson().map((row) => ({
  name: String(row['column_name']),
  type: String(row['column_type']),
  count: Number(row['count']),
  nullPercentage: Number(row['null_percentage']),
  approxUnique: Number(row['approx_unique']),
  avg: row['avg'] === null ? null : String(row['avg']),
}));
connection.closeSync();
instance.closeSync();
console.log(
  JSON.stringify({
    engine: 'duckdb',
    version: info?.['version'],
    threads: Number(info?.['threads']),
    querySeconds,
    maxRssKb: process.resourceUsage().maxRSS,
    columns,
  }),
);
