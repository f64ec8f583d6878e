import type { DeltasRunner, PredictionsFormat, Report, Subject } from '@mlgate/core';
import type { ArtifactStore, Logger, RegistryBaselines } from '@mlgate/github';

/** When the step (or the command) fails: on a `fail` verdict, on a `warn` or `fail` one, or never. */
export const FAIL_ON = ['fail', 'warn', 'never'] as const;
export type FailOn = (typeof FAIL_ON)[number];

export interface CompareOptions {
  /** The candidate: a metrics file, a predictions file or an `mlgate.manifest.json`. Default: the model's files in the config. */
  candidate?: string;
  /** Treat `candidate` as a predictions file whatever its name or columns. */
  predictions?: boolean;
  /** `registry:<model>#<stage>`, `branch:<name>` or a path; absent means no baseline (a first run). */
  baseline?: string;
  /** `mlgate.yml` path. Absent: `mlgate.yml` in `cwd` when it exists, else the defaults. */
  config?: string;
  /** Model name in the config, and the name of the report's comparison section. */
  model?: string;
  /**
   * Task, positive class, score type and column names, over the model's settings in the config
   * (CLI flags, action inputs).
   */
  format?: PredictionsFormat;
  /** How the caller names those overrides in messages, e.g. `--positive-class`. */
  formatOverrides?: { positiveClass: string; scoreType: string };
  /** A validate report whose verdict `gate.require: [data_validation]` consumes. */
  validationReport?: string;
  failOn: FailOn;
  /** Base of every relative path. */
  cwd: string;
  /** The commit and run the report is about. */
  subject?: Subject;
}

export interface CompareDeps {
  /** Where `branch:` baselines are looked up: the Actions API in a workflow, `.mlgate/artifacts` locally. */
  artifacts: ArtifactStore;
  /** The artifact a `branch:` baseline is read from. */
  artifactName: string;
  /** This workflow's file name; only `branch:` baselines need it. */
  workflow?: string;
  /** Where `registry:` baselines are looked up: the repository's tags and releases, or the local clone's. */
  registry?: RegistryBaselines;
  logger: Logger;
  /** The report's `createdAt`. */
  now: () => Date;
  /** Runs the bootstrap's resamples (e.g. over worker threads, see `BootstrapPool`); default in this thread. */
  deltas?: DeltasRunner;
}

export interface CompareResult {
  report: Report;
  /** 0 when the verdict passes under `fail-on`, 1 when it does not. */
  exitCode: 0 | 1;
}
