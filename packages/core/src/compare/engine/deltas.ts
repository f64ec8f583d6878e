import { UserError } from '../../errors.js';
import { bootstrapDeltas } from '../../significance/bootstrap.js';
import type { PairedStatistic } from '../../significance/paired-statistic.js';
import type { PredictionTask } from '../predictions-task.js';
import type { Examples } from './examples.js';
import { metricsFor } from './metric-set.js';

/**
 * One metric's bootstrap, described by values only (typed arrays and names) so that it can be
 * sent to a worker thread, which rebuilds the statistic from it.
 */
export interface DeltasJob {
  metric: string;
  task: PredictionTask;
  examples: Examples;
  seed: number;
  resamples: number;
}

/**
 * candidate − baseline on resamples [0, job.resamples) of `statistic` (the job's statistic, already
 * built here). Resample r depends only on (seed, r), so any split of the range over threads gives
 * the same deltas.
 */
export type DeltasRunner = (job: DeltasJob, statistic: PairedStatistic) => Float64Array;

export const deltasInThread: DeltasRunner = (job, statistic) => bootstrapDeltas(statistic, job.seed, 0, job.resamples);

/** Resamples [from, to) of a job, from the job alone: what a worker thread runs. */
export function jobDeltas(job: DeltasJob, from: number, to: number): Float64Array {
  const definition = metricsFor(job.task).find((d) => d.name === job.metric);
  const { truth, candidate, baseline } = job.examples;
  if (definition === undefined || baseline === null) {
    throw new UserError(`bootstrap job: no paired ${job.task} metric named "${job.metric}"`);
  }
  return bootstrapDeltas(definition.statistic(truth, candidate, baseline), job.seed, from, to);
}
