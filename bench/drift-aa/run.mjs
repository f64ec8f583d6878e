// A/A drift benchmark: pairs of independent samples of one distribution (the validate benchmark's generator with
// different seeds), each tested for drift the way `mlgate validate --reference` tests it. With no drift, the share
// of column tests with p < 0.05 should be near 5% (at most 5% where p is bounded past the exact cap) and no column
// should be called drifted.
//   node bench/drift-aa/run.mjs [--rows 200k] [--pairs 10]     (from the repository root, after `pnpm build`)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: { rows: { type: 'string', default: '200k' }, pairs: { type: 'string', default: '10' } },
});
const pairs = Number(values.pairs);
const dir = join('bench', 'drift-aa', 'data');
mkdirSync(dir, { recursive: true });
const cli = join('packages', 'cli', 'dist', 'index.js');
const generator = join('bench', 'validate', '.build', 'generate', 'index.js');
if (!existsSync(generator))
  execFileSync('npm', ['run', 'generate', '--', '--rows', '1', '--out', join(dir, 'warmup.csv')], {
    cwd: join('bench', 'validate'),
    stdio: 'ignore',
  });

const tests = [];
for (let pair = 0; pair < pairs; pair++) {
  const files = [0, 1].map((side) => {
    const seed = 1000 + 2 * pair + side;
    const file = join(dir, `rows-${values.rows}-seed${seed}.csv`);
    if (!existsSync(file))
      execFileSync('node', [generator, '--rows', values.rows, '--out', file, '--seed', String(seed)], {
        stdio: 'ignore',
      });
    return file;
  });
  const reference = files[1].replace(/\.csv$/, '.profile.json');
  if (!existsSync(reference)) execFileSync('node', [cli, 'profile', files[1], '-o', reference], { stdio: 'ignore' });
  const out = join(dir, `report-${values.rows}-${pair}.json`);
  try {
    execFileSync('node', [cli, 'validate', files[0], '--reference', reference, '-o', out], { stdio: 'ignore' });
  } catch {
    // exit 1 is a failing verdict: the report is still written.
  }
  const report = JSON.parse(readFileSync(out, 'utf8'));
  for (const column of report.validations[0].drift.columns) tests.push({ pair, ...column });
}

const tested = tests.filter((t) => typeof t.pValue === 'number');
const small = tested.filter((t) => t.pValue < 0.05);
const drifted = tests.filter((t) => t.drifted);
const bounded = tested.filter((t) => t.bounds !== undefined);
console.log(
  `${values.rows} rows, ${pairs} A/A pairs: ${tested.length} column tests (${bounded.length} bounded past the exact cap)`,
);
console.log(`p < 0.05: ${small.length} of ${tested.length} (${((100 * small.length) / tested.length).toFixed(1)}%)`);
console.log(`columns called drifted: ${drifted.length}`);
const byColumn = new Map();
for (const t of tested)
  byColumn.set(`${t.column} (${t.test})`, [...(byColumn.get(`${t.column} (${t.test})`) ?? []), t.pValue]);
for (const [column, ps] of byColumn) console.log(`  ${column.padEnd(22)} p: ${ps.map((p) => p.toFixed(3)).join(' ')}`);
