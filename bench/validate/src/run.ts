/**
 * Validate benchmark: generates a seeded CSV (12M rows ≈ 800 MB by default) if missing, then times
 * DuckDB's SUMMARIZE and mlgate on it, each in its own child process, best of --runs, and prints
 * wall time, throughput and peak RSS as a markdown table.
 *
 *   node .build/run/index.js [--rows 12M] [--runs 2] [--duckdb-threads N]
 *     [--mlgate "node packages/cli/dist/index.js profile {file} -o {out}"]
 *
 * The mlgate command runs from the repository root; {file} is the CSV, {reference} the shifted
 * copy (generated only when the command uses it), {out} a scratch output path. Two placeholders are
 * made beforehand, with the same mlgate entry, as a release pipeline would have them:
 * {schema} is `mlgate schema infer {file}` (kept in the data folder), {reference-profile} is
 * `mlgate profile {reference}` (made and timed on every run, reported on its own line).
 */
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parseCount } from './args.js';
import { generateCsv } from './generate-csv.js';
import { measure, type Measurement } from './measure.js';
import { resultTable, type EngineResult } from './table.js';

// The bundle runs from .build/run/; a `new URL('../..', import.meta.url)` would be rewritten by ncc as an asset.
const PACKAGE_DIR = join(dirname(fileURLToPath(import.meta.url)), '../..');
const REPO_ROOT = join(PACKAGE_DIR, '../..');
const DEFAULT_MLGATE = 'node packages/cli/dist/index.js profile {file} -o {out}';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '12000000' },
    runs: { type: 'string', default: '2' },
    seed: { type: 'string', default: '1' },
    'duckdb-threads': { type: 'string' },
    mlgate: { type: 'string', default: DEFAULT_MLGATE },
    'data-dir': { type: 'string', default: join(PACKAGE_DIR, 'data') },
    'skip-duckdb': { type: 'boolean', default: false },
  },
});
const rows = parseCount(values.rows, '--rows');
const runs = Math.max(1, parseCount(values.runs, '--runs'));
const seed = parseCount(values.seed, '--seed');

function ensureCsv(name: string, shift: boolean, fileSeed: number): string {
  const file = join(values['data-dir'], `${name}-${rows}.csv`);
  if (!existsSync(file)) {
    const result = generateCsv({ rows, out: file, seed: fileSeed, shift });
    const mb = result.bytes / 1e6;
    console.log(
      `generated ${file}: ${mb.toFixed(1)} MB in ${result.seconds.toFixed(1)} s (${(mb / result.seconds).toFixed(0)} MB/s)`,
    );
  }
  return file;
}

async function best(label: string, argv: string[], cwd: string): Promise<Measurement[]> {
  const all: Measurement[] = [];
  for (let i = 0; i < runs; i++) {
    const m = await measure(argv, cwd);
    all.push(m);
    const rss = m.peakRssMb === null ? 'n/a' : `${m.peakRssMb.toFixed(0)} MB`;
    console.log(`${label} run ${i + 1}/${runs}: exit ${m.exitCode}, ${m.wallSeconds.toFixed(2)} s, peak RSS ${rss}`);
    if (m.exitCode !== 0) break;
  }
  return all.sort((a, b) => a.wallSeconds - b.wallSeconds);
}

const file = ensureCsv('rows', false, seed);
const reference = /\{reference(-profile)?\}/.test(values.mlgate) ? ensureCsv('rows-shifted', true, seed + 1) : '';
const bytes = statSync(file).size;
console.log(
  `machine: ${availableParallelism()} cores (${cpus()[0]?.model ?? 'unknown'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ` +
    `load ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}, node ${process.version}`,
);
console.log(`input: ${file}, ${rows.toLocaleString('en-US')} rows, ${(bytes / 1e6).toFixed(1)} MB`);

const results: EngineResult[] = [];
if (!values['skip-duckdb']) await runDuckdb();

async function runDuckdb(): Promise<void> {
  const duckdbArgv = ['node', join(PACKAGE_DIR, '.build/duckdb/index.js'), file];
  if (values['duckdb-threads']) duckdbArgv.push(values['duckdb-threads']);
  const [duck] = await best('duckdb', duckdbArgv, PACKAGE_DIR);
  if (duck && duck.exitCode === 0) {
    const report = JSON.parse(duck.stdout) as {
      version: string;
      threads: number;
      querySeconds: number;
      columns: Array<{ name: string; count: number; nullPercentage: number }>;
    };
    const short = report.columns.filter((c) => c.count !== rows).map((c) => `${c.name}=${c.count}`);
    console.log(
      `duckdb ${report.version}, ${report.threads} threads, SUMMARIZE query ${report.querySeconds.toFixed(2)} s; ` +
        (short.length
          ? `ROW COUNT MISMATCH: ${short.join(', ')}`
          : `all ${report.columns.length} columns read ${rows} rows`),
    );
    console.log(`duckdb null %: ${report.columns.map((c) => `${c.name} ${c.nullPercentage}`).join(', ')}`);
    results.push({ engine: `DuckDB ${report.version} SUMMARIZE (${report.threads} threads)`, ...duck });
  } else {
    console.log(`duckdb: failed\n${duck?.stderr.slice(-2000) ?? ''}`);
  }
}

const scratch = mkdtempSync(join(tmpdir(), 'mlgate-bench-out-'));
const words = values.mlgate.trim().split(/\s+/);
// `node <entry>`: the same CLI makes the schema and the reference profile.
const cli = words.slice(0, words.findIndex((part) => part.endsWith('.js')) + 1);
const schema = values.mlgate.includes('{schema}') ? await ensureSchema() : '';
const referenceProfile = values.mlgate.includes('{reference-profile}') ? await profileReference() : '';
const mlgateArgv = words.map((part) =>
  part
    .replaceAll('{file}', file)
    .replaceAll('{reference-profile}', referenceProfile)
    .replaceAll('{reference}', reference)
    .replaceAll('{schema}', schema)
    .replaceAll('{out}', join(scratch, 'out.json')),
);

async function ensureSchema(): Promise<string> {
  const out = file.replace(/\.csv$/, '.schema.yml');
  if (existsSync(out)) return out;
  const m = await measure([...cli, 'schema', 'infer', file, '-o', out], REPO_ROOT);
  if (m.exitCode !== 0) throw new Error(`mlgate schema infer failed:\n${m.stderr}`);
  console.log(`schema: ${out} (mlgate schema infer, ${m.wallSeconds.toFixed(2)} s)`);
  return out;
}

async function profileReference(): Promise<string> {
  const out = reference.replace(/\.csv$/, '.profile.json');
  const m = await measure([...cli, 'profile', reference, '-o', out], REPO_ROOT);
  if (m.exitCode !== 0) throw new Error(`mlgate profile of the reference failed:\n${m.stderr}`);
  const rss = m.peakRssMb === null ? 'n/a' : `${m.peakRssMb.toFixed(0)} MB`;
  console.log(
    `reference profile (one-off): mlgate profile ${reference}: ${m.wallSeconds.toFixed(2)} s, peak RSS ${rss}`,
  );
  return out;
}
const [mlgate] = await best('mlgate', mlgateArgv, REPO_ROOT);
rmSync(scratch, { recursive: true, force: true });
if (mlgate && mlgate.exitCode === 0) {
  const entry = mlgateArgv.findIndex((part) => part.endsWith('.js'));
  results.push({ engine: `mlgate ${entry >= 0 ? (mlgateArgv[entry + 1] ?? '') : values.mlgate}`, ...mlgate });
} else {
  console.log(`mlgate: not available (${mlgateArgv.join(' ')} → exit ${mlgate?.exitCode})`);
  const tail = mlgate?.stderr.trim().split('\n').slice(-3).join('\n');
  if (tail) console.log(tail);
}

console.log(`\nbest of ${runs} run(s), ${rows.toLocaleString('en-US')} rows, ${(bytes / 1e6).toFixed(1)} MB:\n`);
console.log(resultTable(results, bytes, rows));
