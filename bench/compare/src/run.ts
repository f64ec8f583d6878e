/**
 * Paired-bootstrap benchmark: 1,000,000 paired predictions (seeded), 1,000 resamples of the
 * candidate − baseline difference in accuracy and in ROC AUC, single-threaded (the core engine as
 * is) and split across worker threads by resample range (same seed → identical interval).
 */
import { performance } from 'node:perf_hooks';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import {
  accuracyFromCounts,
  bootstrapDeltas,
  pairedBootstrap,
  pairedLabelMetric,
  pairedRocAuc,
  percentileInterval,
  Xoshiro128,
  type PairedStatistic,
} from '../../../packages/core/src/significance/index.js';

const N = 1_000_000;
const RESAMPLES = 1000;
const SEED = 20261101;
type MetricName = 'accuracy' | 'roc_auc';

interface Shared {
  y: SharedArrayBuffer;
  candidate: SharedArrayBuffer;
  baseline: SharedArrayBuffer;
}

function generate(n: number): Shared {
  const shared = {
    y: new SharedArrayBuffer(n),
    candidate: new SharedArrayBuffer(n * 8),
    baseline: new SharedArrayBuffer(n * 8),
  };
  const y = new Uint8Array(shared.y);
  const candidate = new Float64Array(shared.candidate);
  const baseline = new Float64Array(shared.baseline);
  const rng = new Xoshiro128(SEED);
  for (let i = 0; i < n; i++) {
    const label = rng.nextFloat() < 0.3 ? 1 : 0;
    y[i] = label;
    const common = rng.nextFloat();
    candidate[i] = 0.3 * label + 0.5 * common + 0.3 * rng.nextFloat();
    baseline[i] = 0.28 * label + 0.5 * common + 0.3 * rng.nextFloat();
  }
  return shared;
}

function statistic(shared: Shared, metric: MetricName): PairedStatistic {
  const y = new Uint8Array(shared.y);
  const candidate = new Float64Array(shared.candidate);
  const baseline = new Float64Array(shared.baseline);
  if (metric === 'roc_auc') return pairedRocAuc(y, candidate, baseline);
  const predict = (scores: Float64Array): Uint8Array => {
    // A plain loop: Uint8Array.from with a map function costs ~150 ms per million here.
    const labels = new Uint8Array(scores.length);
    for (let i = 0; i < scores.length; i++) labels[i] = (scores[i] as number) >= 0.55 ? 1 : 0;
    return labels;
  };
  return pairedLabelMetric(y, predict(candidate), predict(baseline), accuracyFromCounts);
}

interface Job {
  shared: Shared;
  metric: MetricName;
  from: number;
  to: number;
}

function inWorkers(shared: Shared, metric: MetricName, workers: number): Promise<Float64Array> {
  const url = new URL(import.meta.url);
  const slices = Array.from({ length: workers }, (_, w) => {
    const job: Job = {
      shared,
      metric,
      from: Math.floor((w * RESAMPLES) / workers),
      to: Math.floor(((w + 1) * RESAMPLES) / workers),
    };
    return new Promise<Float64Array>((resolve, reject) => {
      const worker = new Worker(url, { workerData: job });
      worker.once('message', (deltas: Float64Array) => resolve(deltas));
      worker.once('error', reject);
    });
  });
  return Promise.all(slices).then((parts) => {
    const all = new Float64Array(RESAMPLES);
    let offset = 0;
    for (const part of parts) {
      all.set(part, offset);
      offset += part.length;
    }
    return all;
  });
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
  const shared = generate(N);
  console.log(`generated ${N.toLocaleString('en')} paired predictions in ${seconds(performance.now() - started)} s`);
  const workers = Math.max(2, Math.min(availableParallelism(), 4));
  const rows: string[][] = [];
  for (const metric of ['accuracy', 'roc_auc'] as const) {
    let t = performance.now();
    let cpu = process.cpuUsage();
    const stat = statistic(shared, metric);
    const prepared = performance.now() - t;
    const preparedCpu = cpuSeconds(cpu);
    t = performance.now();
    cpu = process.cpuUsage();
    const serial = pairedBootstrap(stat, { resamples: RESAMPLES, seed: SEED });
    const serialMs = performance.now() - t;
    const serialCpu = cpuSeconds(cpu);
    rows.push([
      metric,
      '1 thread',
      `${seconds(prepared)} (cpu ${preparedCpu})`,
      seconds(serialMs),
      serialCpu,
      seconds(prepared + serialMs),
      serial.delta.toFixed(5),
      interval(serial.ci),
    ]);
    t = performance.now();
    cpu = process.cpuUsage();
    const parallel = percentileInterval(await inWorkers(shared, metric, workers), 0.95);
    const parallelMs = performance.now() - t;
    const same = parallel[0] === serial.ci[0] && parallel[1] === serial.ci[1] ? '' : ' (DIFFERS!)';
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

if (isMainThread) {
  await main();
} else {
  const job = workerData as Job;
  const deltas = bootstrapDeltas(statistic(job.shared, job.metric), SEED, job.from, job.to);
  parentPort?.postMessage(deltas);
}
