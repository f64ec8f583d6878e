/**
 * Paired-bootstrap benchmark: 1,000,000 paired predictions (seeded), 1,000 resamples of the
 * candidate − baseline difference in accuracy and in ROC AUC, in one thread (the core engine as is)
 * and through the BootstrapPool that `mlgate compare` and the compare action use (the job sent to
 * worker threads, which rebuild the statistic and split the resamples; same seed → identical interval).
 */
import { performance } from 'node:perf_hooks';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { Xoshiro128, percentileInterval } from '../../../packages/core/src/significance/index.js';
import { deltasInThread, type DeltasJob } from '../../../packages/core/src/compare/engine/deltas.js';
import { metricsFor } from '../../../packages/core/src/compare/engine/metric-set.js';
import type { Examples } from '../../../packages/core/src/compare/engine/examples.js';
import { BootstrapPool } from '../../../packages/engine/src/parallel/bootstrap-pool.js';
import { serveWorker } from '../../../packages/engine/src/parallel/serve-worker.js';

const N = 1_000_000;
const RESAMPLES = 1000;
const SEED = 20261101;
const METRICS = ['accuracy', 'roc_auc'] as const;

function generate(n: number): Examples {
  const y = new Int32Array(n);
  const candidate = new Float64Array(n);
  const baseline = new Float64Array(n);
  const rng = new Xoshiro128(SEED);
  for (let i = 0; i < n; i++) {
    const label = rng.nextFloat() < 0.3 ? 1 : 0;
    y[i] = label;
    const common = rng.nextFloat();
    candidate[i] = 0.3 * label + 0.5 * common + 0.3 * rng.nextFloat();
    baseline[i] = 0.28 * label + 0.5 * common + 0.3 * rng.nextFloat();
  }
  // A plain loop: Int32Array.from with a map function costs ~150 ms per million here.
  const predict = (scores: Float64Array): Int32Array => {
    const labels = new Int32Array(scores.length);
    for (let i = 0; i < scores.length; i++) labels[i] = (scores[i] as number) >= 0.55 ? 1 : 0;
    return labels;
  };
  return {
    size: n,
    truth: { classes: y },
    candidate: { classes: predict(candidate), score: candidate },
    baseline: { classes: predict(baseline), score: baseline },
  };
}

const seconds = (ms: number): string => (ms / 1000).toFixed(2);
/** User + system CPU of the whole process (every thread) since `start`. */
const cpuSeconds = (start: NodeJS.CpuUsage): string => {
  const used = process.cpuUsage(start);
  return ((used.user + used.system) / 1e6).toFixed(2);
};
const interval = (ci: readonly number[]): string => `[${ci.map((v) => v.toFixed(5)).join(', ')}]`;

async function main(): Promise<void> {
  const started = performance.now();
  const examples = generate(N);
  console.log(`generated ${N.toLocaleString('en')} paired predictions in ${seconds(performance.now() - started)} s`);
  const workers = Math.max(2, Math.min(availableParallelism(), 4));
  const pool = new BootstrapPool(new URL(import.meta.url), workers);
  const rows: string[][] = [];
  for (const metric of METRICS) {
    const definition = metricsFor('binary').find((d) => d.name === metric);
    if (!definition || !examples.baseline) throw new Error(`no metric ${metric}`);
    const job: DeltasJob = { metric, task: 'binary', examples, seed: SEED, resamples: RESAMPLES };
    let t = performance.now();
    let cpu = process.cpuUsage();
    const statistic = definition.statistic(examples.truth, examples.candidate, examples.baseline);
    const point = statistic.evaluate();
    const prepared = performance.now() - t;
    const preparedCpu = cpuSeconds(cpu);
    t = performance.now();
    cpu = process.cpuUsage();
    const serial = percentileInterval(deltasInThread(job, statistic), 0.95);
    const serialMs = performance.now() - t;
    rows.push([
      metric,
      '1 thread',
      `${seconds(prepared)} (cpu ${preparedCpu})`,
      seconds(serialMs),
      cpuSeconds(cpu),
      seconds(prepared + serialMs),
      (point.candidate - point.baseline).toFixed(5),
      interval(serial),
    ]);
    t = performance.now();
    cpu = process.cpuUsage();
    const parallel = percentileInterval(pool.deltas(job, statistic), 0.95);
    const parallelMs = performance.now() - t;
    const same = parallel[0] === serial[0] && parallel[1] === serial[1] ? '' : ' (DIFFERS!)';
    rows.push([
      metric,
      `${workers} workers`,
      '(in workers)',
      seconds(parallelMs),
      cpuSeconds(cpu),
      seconds(parallelMs),
      '',
      interval(parallel) + same,
    ]);
  }
  await pool.close();
  const header = [
    'metric',
    'mode',
    'prepare s',
    `${RESAMPLES} resamples wall s`,
    'cpu s (all threads)',
    'total wall s',
    'delta',
    '95% CI',
  ];
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  for (const row of [header, widths.map((w) => '-'.repeat(w)), ...rows]) {
    console.log(`| ${row.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join(' | ')} |`);
  }
  // Wall time is inflated when other processes share the cores; CPU time is not.
  console.log(
    `load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} on ${cpus().length} cores`,
  );
  console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB (process, incl. worker threads)`);
}

if (!serveWorker()) await main();
