import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DeltasJob, type DeltasRunner, jobDeltas } from '../../src/compare/engine/deltas.js';
import { comparePredictions, type PredictionComparison } from '../../src/compare/engine/index.js';
import { pairedAveragePrecision } from '../../src/compare/engine/average-precision.js';
import { readPredictions, type Predictions } from '../../src/compare/predictions.js';
import { UserError } from '../../src/errors.js';
import { accuracy, precisionRecallF1 } from '../../src/metrics/classification.js';
import { brierScore, logLoss } from '../../src/metrics/probabilistic.js';
import { averagePrecision, rocAuc } from '../../src/metrics/ranking.js';
import { meanAbsoluteError, r2Score, rootMeanSquaredError } from '../../src/metrics/regression.js';
import { deLong } from '../../src/significance/delong.js';
import { mcnemar } from '../../src/significance/mcnemar.js';
import type { MetricComparison } from '../../src/report/types.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mlgate-engine-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const write = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

/** Macro and weighted precision, recall and F1 of both models, as sklearn's averages. */
function averaged(y: Int32Array, c: Int32Array, b: Int32Array): Record<string, [number, number]> {
  const out: Record<string, [number, number]> = {};
  for (const average of ['macro', 'weighted'] as const) {
    const [pc, pb] = [precisionRecallF1(y, c, { average }), precisionRecallF1(y, b, { average })];
    for (const part of ['precision', 'recall', 'f1'] as const) out[`${part}_${average}`] = [pc[part], pb[part]];
  }
  return out;
}

/** A small deterministic generator (LCG) so the data are the same on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

interface Row {
  id: string;
  label: number;
  prediction: number;
  score: number;
  region: string;
}

const toCsv = (rows: readonly Row[]): string =>
  `id,label,prediction,score,region\n${rows.map((r) => `${r.id},${r.label},${r.prediction},${r.score},${r.region}`).join('\n')}\n`;

/**
 * 400 binary examples in regions north/east/south plus a 5-row region "tiny". Scores are rounded
 * to two decimals, so ties occur. `quality` shifts the score toward the true label; in `worse`
 * regions the scores are flipped, so the model is much worse there.
 */
function binaryRows(seed: number, quality: number, worse: readonly string[] = []): Row[] {
  const next = random(seed);
  const truth = random(7);
  const regions = ['north', 'east', 'south'];
  return Array.from({ length: 405 }, (_, i) => {
    const label = truth() < 0.4 ? 1 : 0;
    const region = i >= 400 ? 'tiny' : (regions[i % 3] as string);
    const raw = Math.min(1, Math.max(0, 0.5 + (label === 1 ? quality : -quality) + (next() - 0.5) * 0.8));
    const score = Math.round((worse.includes(region) ? 1 - raw : raw) * 100) / 100;
    return { id: `e${i}`, label, prediction: score >= 0.5 ? 1 : 0, score, region };
  });
}

const byName = (metrics: readonly MetricComparison[], name: string): MetricComparison => {
  const metric = metrics.find((m) => m.name === name);
  if (!metric) throw new Error(`no metric ${name} in ${metrics.map((m) => m.name).join(', ')}`);
  return metric;
};

describe('comparePredictions on binary predictions', () => {
  let candidate: Predictions;
  let baseline: Predictions;
  let candidateRows: Row[];
  let baselineRows: Row[];
  let result: PredictionComparison;

  beforeAll(async () => {
    candidateRows = binaryRows(1, 0.15, ['south']);
    // The baseline lacks e0..e2 and has two ids the candidate does not.
    baselineRows = [
      ...binaryRows(2, 0.1).slice(3),
      { id: 'old1', label: 1, prediction: 1, score: 0.9, region: 'north' },
      { id: 'old2', label: 0, prediction: 0, score: 0.1, region: 'north' },
    ];
    candidate = await readPredictions(write('cand.csv', toCsv(candidateRows)), { slices: ['region'] });
    baseline = await readPredictions(write('base.csv', toCsv(baselineRows)), { slices: ['region'] });
    result = comparePredictions({
      candidate,
      baseline,
      confidence: 0.95,
      resamples: 300,
      seed: 11,
      sliceColumns: ['region'],
      minSliceSize: 30,
    });
  });

  /** The joined examples computed independently of the engine: candidate order, shared ids. */
  function joined() {
    const base = new Map(baselineRows.map((r) => [r.id, r]));
    const pairs = candidateRows.flatMap((c) => {
      const b = base.get(c.id);
      return b ? [[c, b] as const] : [];
    });
    return {
      y: Int32Array.from(pairs, ([c]) => c.label),
      cPred: Int32Array.from(pairs, ([c]) => c.prediction),
      bPred: Int32Array.from(pairs, ([, b]) => b.prediction),
      cScore: Float64Array.from(pairs, ([c]) => c.score),
      bScore: Float64Array.from(pairs, ([, b]) => b.score),
    };
  }

  it('reports the join: matched examples and the ids found on one side only', () => {
    expect(result.semantics.task).toEqual({
      task: 'binary',
      source: 'detected',
      why: 'integer labels and predictions with 2 distinct values',
    });
    expect(result.semantics.positive).toEqual({ name: '1', source: 'default' });
    expect(result.join).toEqual({
      candidateRows: 405,
      baselineRows: 404,
      matched: 402,
      onlyCandidate: { count: 3, examples: ['e0', 'e1', 'e2'] },
      onlyBaseline: { count: 2, examples: ['old1', 'old2'] },
    });
  });

  it('computes every metric on the joined data exactly as the metric functions do', () => {
    const { y, cPred, bPred, cScore, bScore } = joined();
    const expected: Record<string, [number, number]> = {
      accuracy: [accuracy(y, cPred), accuracy(y, bPred)],
      precision: [precisionRecallF1(y, cPred).precision, precisionRecallF1(y, bPred).precision],
      recall: [precisionRecallF1(y, cPred).recall, precisionRecallF1(y, bPred).recall],
      f1: [precisionRecallF1(y, cPred).f1, precisionRecallF1(y, bPred).f1],
      ...averaged(y, cPred, bPred),
      roc_auc: [rocAuc(y, cScore), rocAuc(y, bScore)],
      pr_auc: [averagePrecision(y, cScore), averagePrecision(y, bScore)],
      log_loss: [logLoss(y, cScore), logLoss(y, bScore)],
      brier: [brierScore(y, cScore), brierScore(y, bScore)],
    };
    expect(result.metrics.map((m) => m.name)).toEqual(Object.keys(expected));
    for (const [name, [c, b]] of Object.entries(expected)) {
      const metric = byName(result.metrics, name);
      expect(metric.candidate).toBeCloseTo(c, 12);
      expect(metric.baseline).toBeCloseTo(b, 12);
      expect(metric.delta).toBeCloseTo(c - b, 12);
    }
  });

  it('puts a bootstrap interval on every delta and labels it in the metric direction', () => {
    for (const metric of result.metrics) {
      const { ci, delta } = metric;
      expect(ci?.low).toBeLessThanOrEqual(ci?.high as number);
      expect(ci?.method).toMatch(/^paired bootstrap/);
      const [low, high] = [ci?.low as number, ci?.high as number];
      const good = metric.direction === 'higher' ? low > 0 : high < 0;
      const bad = metric.direction === 'higher' ? high < 0 : low > 0;
      expect(metric.label).toBe(good ? 'improved' : bad ? 'regressed' : 'within-noise');
      expect(Number.isFinite(delta)).toBe(true);
    }
    expect(byName(result.metrics, 'log_loss').direction).toBe('lower');
    expect(byName(result.metrics, 'brier').direction).toBe('lower');
  });

  it('gives McNemar p on accuracy and DeLong p on ROC AUC, and names them in the method', () => {
    const { y, cPred, bPred, cScore, bScore } = joined();
    const acc = byName(result.metrics, 'accuracy');
    expect(acc.pValue).toBe(mcnemar(y, cPred, bPred).pValue);
    expect(acc.ci?.method).toBe('paired bootstrap; p: McNemar');
    const auc = byName(result.metrics, 'roc_auc');
    expect(auc.pValue).toBe(deLong(y, cScore, bScore).pValue);
    expect(auc.ci?.method).toBe('paired bootstrap; p: DeLong');
    expect(byName(result.metrics, 'f1').pValue).toBeUndefined();
  });

  it('reproduces every interval with the same seed and changes them with another', () => {
    const options = { candidate, baseline, resamples: 300, sliceColumns: ['region'] };
    const again = comparePredictions({ ...options, seed: 11 });
    expect(again.metrics).toEqual(result.metrics);
    expect(again.slices).toEqual(result.slices);
    const other = comparePredictions({ ...options, seed: 12 });
    expect(other.metrics.map((m) => m.ci)).not.toEqual(result.metrics.map((m) => m.ci));
  });

  it('sends every bootstrap through a given runner as a job a worker can split and rebuild on its own', () => {
    const options = { candidate, baseline, resamples: 300, seed: 11, sliceColumns: ['region'] };
    const jobs: DeltasJob[] = [];
    // What a pool of three workers does: each rebuilds the statistic from the job and runs a range.
    const threeWorkers: DeltasRunner = (job) => {
      jobs.push(job);
      const cuts = [0, 100, 200, job.resamples];
      const deltas = new Float64Array(job.resamples);
      for (let w = 0; w < 3; w++) deltas.set(jobDeltas(job, cuts[w] as number, cuts[w + 1] as number), cuts[w]);
      return deltas;
    };
    const split = comparePredictions({ ...options, deltas: threeWorkers });
    expect(split.metrics).toEqual(result.metrics);
    expect(split.slices).toEqual(result.slices);
    // One job per metric of the whole set and per metric of each of the three slices (400 resamples cap).
    const perSet = result.metrics.length;
    expect(jobs.filter((job) => job.examples.size === split.join?.matched)).toHaveLength(perSet);
    expect(jobs.every((job) => job.seed === 11 && job.task === 'binary')).toBe(true);
    expect(new Set(jobs.map((job) => job.metric))).toEqual(new Set(result.metrics.map((m) => m.name)));
  });

  it('puts the slice with the worst regression first and leaves out slices below the minimum size', () => {
    expect(result.slices.map((s) => s.value)).not.toContain('tiny');
    expect(result.slices[0]?.value).toBe('south');
    expect(byName(result.slices[0]?.metrics ?? [], 'roc_auc').label).toBe('regressed');
    expect(result.slices.map((s) => s.value).sort()).toEqual(['east', 'north', 'south']);
    const south = result.slices[0];
    expect(south?.size).toBe(candidateRows.filter((r) => r.region === 'south' && r.id !== 'e2').length);
  });

  it('computes slice metrics on the slice alone', () => {
    const { y, cScore, bScore } = joined();
    const ids = candidateRows.filter((r) => r.id !== 'e0' && r.id !== 'e1' && r.id !== 'e2');
    const keep = ids.map((r, i) => (r.region === 'north' ? i : -1)).filter((i) => i >= 0);
    const pick = <T extends Int32Array | Float64Array>(a: T): T => a.filter((_, i) => keep.includes(i)) as T;
    const north = result.slices.find((s) => s.value === 'north');
    const auc = byName(north?.metrics ?? [], 'roc_auc');
    expect(auc.candidate).toBeCloseTo(rocAuc(pick(y), pick(cScore)), 12);
    expect(auc.baseline).toBeCloseTo(rocAuc(pick(y), pick(bScore)), 12);
  });
});

describe('comparePredictions edge cases', () => {
  const binaryFile = async (name: string, rows: readonly Row[]) =>
    readPredictions(write(name, toCsv(rows)), { slices: ['region'] });

  it('labels every metric new without a baseline and computes it on the candidate alone', async () => {
    const rows = binaryRows(3, 0.2);
    const result = comparePredictions({ candidate: await binaryFile('first.csv', rows), baseline: null });
    const y = Int32Array.from(rows, (r) => r.label);
    const score = Float64Array.from(rows, (r) => r.score);
    expect(result.join).toBeNull();
    expect(result.metrics.every((m) => m.label === 'new' && m.baseline === null && m.ci === undefined)).toBe(true);
    expect(byName(result.metrics, 'roc_auc').candidate).toBeCloseTo(rocAuc(y, score), 12);
    expect(byName(result.metrics, 'log_loss').candidate).toBeCloseTo(logLoss(y, score), 12);
  });

  it('reads ROC AUC in a slice with a single class as undefined, with the reason, and keeps the rest', async () => {
    const rows = binaryRows(4, 0.2).map((r) => (r.region === 'east' ? { ...r, label: 0 } : r));
    const base = binaryRows(5, 0.1).map((r) => (r.region === 'east' ? { ...r, label: 0 } : r));
    const result = comparePredictions({
      candidate: await binaryFile('one-class-c.csv', rows),
      baseline: await binaryFile('one-class-b.csv', base),
      resamples: 100,
      sliceColumns: ['region'],
    });
    const east = result.slices.find((s) => s.value === 'east');
    const auc = east?.metrics.find((m) => m.name === 'roc_auc');
    expect(auc).toMatchObject({ label: 'undefined', candidate: null, baseline: null, note: 'no example is "1"' });
    expect(east?.metrics.find((m) => m.name === 'recall')).toMatchObject({
      label: 'undefined',
      note: 'no example is "1"',
    });
    expect(east?.metrics.find((m) => m.name === 'accuracy')?.label).not.toBe('undefined');
    expect(east?.metrics.find((m) => m.name === 'log_loss')?.label).not.toBe('undefined');
    for (const slice of result.slices) {
      for (const metric of slice.metrics) {
        if (metric.label !== 'undefined') expect(Number.isFinite(metric.candidate)).toBe(true);
      }
    }
  });

  it('leaves out a slice value whose examples are all unmatched (an empty slice)', async () => {
    const rows = binaryRows(6, 0.2).map((r, i) => (i < 40 ? { ...r, region: 'gone' } : r));
    const base = binaryRows(7, 0.2).slice(40);
    const result = comparePredictions({
      candidate: await binaryFile('empty-c.csv', rows),
      baseline: await binaryFile('empty-b.csv', base),
      resamples: 50,
      sliceColumns: ['region'],
      minSliceSize: 0,
    });
    expect(result.slices.map((s) => s.value)).not.toContain('gone');
    expect(result.slices.every((s) => s.size > 0)).toBe(true);
  });

  it('handles all predictions and scores equal: AUC 0.5, unchanged against an identical baseline', async () => {
    const rows = binaryRows(8, 0.2).map((r) => ({ ...r, score: 0.3, prediction: 0 }));
    const file = await binaryFile('flat.csv', rows);
    const result = comparePredictions({ candidate: file, baseline: file, resamples: 100 });
    expect(byName(result.metrics, 'roc_auc').candidate).toBe(0.5);
    // Nothing is predicted positive, so precision is undefined (never 0); the rest is unchanged.
    expect(byName(result.metrics, 'precision')).toMatchObject({
      label: 'undefined',
      candidate: null,
      note: 'no example is predicted "1"',
    });
    expect(result.metrics.every((m) => m.label === 'unchanged' || m.name === 'precision')).toBe(true);
    expect(byName(result.metrics, 'roc_auc').pValue).toBe(1);
  });

  it('counts tied scores one half in ROC AUC and as one threshold in PR AUC, like the metric functions', async () => {
    const labels = [1, 0, 1, 0, 1, 0, 0, 1, 1, 0];
    const scores = [0.8, 0.8, 0.5, 0.5, 0.5, 0.2, 0.2, 0.9, 0.2, 0.9];
    const rows = labels.map((label, i) => ({
      id: `t${i}`,
      label,
      prediction: 1,
      score: scores[i] as number,
      region: 'all',
    }));
    const result = comparePredictions({ candidate: await binaryFile('ties.csv', rows), baseline: null });
    const y = Int32Array.from(labels);
    const s = Float64Array.from(scores);
    expect(byName(result.metrics, 'roc_auc').candidate).toBeCloseTo(rocAuc(y, s), 15);
    expect(byName(result.metrics, 'pr_auc').candidate).toBeCloseTo(averagePrecision(y, s), 15);
    // Counted by hand: 14 of 25 positive/negative pairs ordered right (ties ½), and the step-wise PR
    // sum 0.2·½ + 0.2·½ + 0.4·4/7 + 0.2·½ = 37/70 over the four distinct thresholds.
    expect(byName(result.metrics, 'roc_auc').candidate).toBeCloseTo(14 / 25, 15);
    expect(byName(result.metrics, 'pr_auc').candidate).toBeCloseTo(37 / 70, 15);
  });

  it('derives binary predictions from the score at 0.5 when a file has no prediction column', async () => {
    const path = write('score-only.csv', 'id,label,score\na,1,0.7\nb,0,0.5\nc,1,0.2\nd,0,0.1\n');
    const result = comparePredictions({ candidate: await readPredictions(path), baseline: null });
    // predictions 1,1,0,0 against labels 1,0,1,0.
    expect(byName(result.metrics, 'accuracy').candidate).toBe(0.5);
    expect(byName(result.metrics, 'precision').candidate).toBe(0.5);
  });

  it('fails when the files share no id', async () => {
    const a = await readPredictions(write('disjoint-a.csv', 'id,label,score\na,1,0.5\n'));
    const b = await readPredictions(write('disjoint-b.csv', 'id,label,score\nb,1,0.5\n'));
    expect(() => comparePredictions({ candidate: a, baseline: b })).toThrow(UserError);
    expect(() => comparePredictions({ candidate: a, baseline: b })).toThrow(/no example id is in both/);
  });

  it('fails on a slice column that was not read', async () => {
    const a = await readPredictions(write('noslice.csv', 'id,label,score\na,1,0.5\n'));
    expect(() => comparePredictions({ candidate: a, baseline: null, sliceColumns: ['region'] })).toThrow(
      /slice column 'region' was not read/,
    );
  });
});

describe('comparePredictions on multiclass and regression predictions', () => {
  it('computes accuracy and macro/weighted precision, recall and F1 with class ids shared by both files', async () => {
    const labels = ['cat', 'dog', 'bird', 'cat', 'dog', 'bird', 'cat', 'cat', 'dog', 'bird'];
    const cand = ['cat', 'dog', 'cat', 'cat', 'bird', 'bird', 'cat', 'dog', 'dog', 'bird'];
    const base = ['dog', 'dog', 'bird', 'cat', 'dog', 'cat', 'cat', 'cat', 'bird', 'bird'];
    const file = (name: string, predicted: string[]) =>
      readPredictions(
        write(name, `id,label,prediction\n${labels.map((l, i) => `${i},${l},${predicted[i]}`).join('\n')}\n`),
      );
    const result = comparePredictions({
      candidate: await file('mc-c.csv', cand),
      baseline: await file('mc-b.csv', base),
      resamples: 200,
    });
    expect(result.semantics.task.task).toBe('multiclass');
    expect(result.semantics.classes.names).toEqual(['bird', 'cat', 'dog']);
    const ids = (values: string[]) => Int32Array.from(values, (v) => ['bird', 'cat', 'dog'].indexOf(v));
    const [y, c, b] = [ids(labels), ids(cand), ids(base)];
    const expected = { accuracy: [accuracy(y, c), accuracy(y, b)], ...averaged(y, c, b) };
    expect(result.metrics.map((m) => m.name)).toEqual(Object.keys(expected));
    for (const [name, [candidate, baseline]] of Object.entries(expected)) {
      expect(byName(result.metrics, name).candidate).toBeCloseTo(candidate as number, 12);
      expect(byName(result.metrics, name).baseline).toBeCloseTo(baseline as number, 12);
    }
    expect(byName(result.metrics, 'accuracy').pValue).toBe(mcnemar(y, c, b).pValue);
  });

  it('computes MAE, RMSE and R² with lower-is-better errors', async () => {
    const next = random(3);
    const y = Float64Array.from({ length: 120 }, () => Math.round(next() * 1000) / 10);
    const c = y.map((v) => v + (next() - 0.5) * 4);
    const b = y.map((v) => v + (next() - 0.5) * 12);
    const file = (name: string, predicted: Float64Array) =>
      readPredictions(
        write(name, `id,label,prediction\n${[...y].map((v, i) => `${i},${v},${predicted[i]}`).join('\n')}\n`),
      );
    const result = comparePredictions({
      candidate: await file('reg-c.csv', c),
      baseline: await file('reg-b.csv', b),
      resamples: 200,
      seed: 1,
    });
    expect(result.semantics.task.task).toBe('regression');
    expect(byName(result.metrics, 'mae').candidate).toBeCloseTo(meanAbsoluteError(y, c), 12);
    expect(byName(result.metrics, 'rmse').baseline).toBeCloseTo(rootMeanSquaredError(y, b), 12);
    expect(byName(result.metrics, 'r2').candidate).toBeCloseTo(r2Score(y, c), 12);
    expect(byName(result.metrics, 'mae').direction).toBe('lower');
    // Errors of ±2 against ±6: the candidate is clearly better on every metric.
    expect(result.metrics.map((m) => m.label)).toEqual(['improved', 'improved', 'improved']);
  });
});

describe('pairedAveragePrecision', () => {
  it('equals averagePrecision with the same resample counts, ties and zero weights included', () => {
    const next = random(9);
    const n = 200;
    const y = Int32Array.from({ length: n }, () => (next() < 0.3 ? 1 : 0));
    const c = Float64Array.from({ length: n }, () => Math.round(next() * 20) / 20);
    const b = Float64Array.from({ length: n }, () => Math.round(next() * 10) / 10);
    const statistic = pairedAveragePrecision(y, c, b);
    for (let trial = 0; trial < 5; trial++) {
      const counts = Uint8Array.from({ length: n }, () => Math.floor(next() * 3));
      const value = statistic.evaluate(counts);
      expect(value.candidate).toBeCloseTo(averagePrecision(y, c, {}, counts), 12);
      expect(value.baseline).toBeCloseTo(averagePrecision(y, b, {}, counts), 12);
    }
    expect(statistic.evaluate().candidate).toBeCloseTo(averagePrecision(y, c), 12);
  });

  it('gives the bootstrap the same values by draw position, in byte counts (the kernel) and wide ones', () => {
    const next = random(10);
    const n = 301;
    // Candidate scores in long tie runs, baseline scores mostly distinct; a run of zero weight too.
    const y = Int32Array.from({ length: n }, () => (next() < 0.4 ? 1 : 0));
    const c = Float64Array.from({ length: n }, () => Math.round(next() * 8) / 8);
    const b = Float64Array.from({ length: n }, () => next());
    const statistic = pairedAveragePrecision(y, c, b);
    const order = statistic.drawOrder as Int32Array;
    for (let trial = 0; trial < 5; trial++) {
      const drawn = Uint8Array.from({ length: n }, (_, k) => (trial === 0 && k < 40 ? 0 : Math.floor(next() * 3)));
      const counts = new Uint8Array(n);
      drawn.forEach((count, k) => (counts[order[k] as number] = count));
      const expected = { candidate: averagePrecision(y, c, {}, counts), baseline: averagePrecision(y, b, {}, counts) };
      for (const values of [drawn, Uint32Array.from(drawn)]) {
        const value = statistic.evaluateDrawn?.(values);
        expect(value?.candidate).toBeCloseTo(expected.candidate, 12);
        expect(value?.baseline).toBeCloseTo(expected.baseline, 12);
      }
    }
    // No positive at all: precision at an unmeasurable recall is undefined (sklearn 1.2 returns 0 with a warning).
    const none = pairedAveragePrecision(new Int32Array(n), c, b);
    expect(none.evaluate()).toEqual({ candidate: NaN, baseline: NaN });
    expect(none.evaluateDrawn?.(new Uint8Array(n).fill(1))).toEqual({ candidate: NaN, baseline: NaN });
    // A resample that draws no positive is undefined too, where the full sample is not.
    const onePositive = Int32Array.from({ length: n }, (_, i) => (i === 0 ? 1 : 0));
    const skipped = Uint8Array.from({ length: n }, (_, i) => (i === 0 ? 0 : 1));
    expect(pairedAveragePrecision(onePositive, c, b).evaluate(skipped)).toEqual({ candidate: NaN, baseline: NaN });
  });
});
