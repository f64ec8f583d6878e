import { readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import {
  MANIFEST_SCHEMA_ID,
  UserError,
  parseManifest,
  readMetricsFile,
  trainCacheKey,
  trainFingerprint,
  writeFileAtomic,
} from '@mlgate/core';
import type { Manifest, ManifestFile, ParamValue } from '@mlgate/core';
import type { ArtifactStore, CacheStore, Logger, UploadedArtifact } from '@mlgate/github';
import { readAs, userPath } from '../compare/paths.js';
import { runCommand } from './execute.js';
import type { CommandOutcome, OutputSink } from './execute.js';
import { digestAll, expandDeps, insideRoot, outputFiles } from './files.js';
import { readParams } from './params.js';
import type { ParamsSpec } from './params.js';
import { actionsRun, gitState, runtimes } from './provenance.js';

export const DEFAULT_MANIFEST = 'mlgate.manifest.json';

export interface TrainOptions {
  model: string;
  /** The training command, run by the shell in `workingDirectory`. */
  command: string;
  deps: string[];
  params: ParamsSpec[];
  outs: string[];
  metrics: string[];
  predictions?: string;
  /** Use the run cache (default true). */
  cache?: boolean;
  timeoutMinutes?: number;
  /** Absolute; every path above is relative to it. */
  workingDirectory: string;
  /** The repository root, for the manifest's `workingDirectory` (default: the working directory). */
  repoRoot?: string;
  /** Extra variables for the command. Their values never reach the manifest or the log. */
  env?: Record<string, string>;
  /** Where the manifest is written, relative to the working directory (default mlgate.manifest.json). */
  manifest?: string;
  /** The artifact name when `deps.artifacts` is given (default `mlgate-train-<model>`). */
  artifactName?: string;
}

export interface TrainDeps {
  logger: Logger;
  /** A cache rooted at the working directory. */
  cache: CacheStore;
  /** When given, outs, metrics, predictions and the manifest are uploaded as this run's artifact. */
  artifacts?: ArtifactStore;
  /** Where the command's output streams. */
  stdout: OutputSink;
  stderr: OutputSink;
  signal?: AbortSignal;
  /** SIGTERM → SIGKILL grace period for a timed-out or cancelled command (default 10 s). */
  graceMs?: number;
  /** The environment the command inherits and the run is read from (default process.env). */
  env?: NodeJS.ProcessEnv;
}

export interface TrainResult {
  manifest: Manifest;
  /** Absolute. */
  manifestPath: string;
  artifact?: UploadedArtifact;
}

/** The command failed, timed out or was cancelled: nothing was cached, no manifest was written. */
export class TrainCommandError extends UserError {
  constructor(readonly outcome: Exclude<CommandOutcome, { kind: 'exited'; code: 0 }>) {
    super(describeFailure(outcome));
    this.name = 'TrainCommandError';
  }
}

/**
 * Trains a model reproducibly: fingerprints the inputs, restores the outputs from the run cache when the same
 * inputs trained before (digests checked against the cached manifest), else runs the command and caches what it
 * produced; writes the manifest and uploads the artifact.
 */
export async function runTrain(options: TrainOptions, deps: TrainDeps): Promise<TrainResult> {
  const { logger } = deps;
  const root = options.workingDirectory;
  const env = deps.env ?? process.env;
  const startedAt = new Date();
  const declared = declaredOutputs(options);
  const manifestRel = insideRoot(root, options.manifest ?? DEFAULT_MANIFEST, 'manifest');

  const depFiles = await expandDeps(options.deps, root);
  const depDigests = await digestAll(depFiles, root);
  const params = await readParams(options.params, root);
  const fingerprint = trainFingerprint({ command: options.command, deps: depDigests, params, outs: declared.all });
  const cacheKey = trainCacheKey(options.model, fingerprint);
  logger.info(
    `Fingerprint ${fingerprint} (${depDigests.length} dep files, ${Object.keys(params).length} params files)`,
  );
  logger.info(`Run cache key ${cacheKey}`);

  const useCache = options.cache ?? true;
  const cachePaths = [...declared.paths, manifestRel];
  const git = await gitState(root, env);
  const restored = useCache
    ? await restore(deps, cacheKey, cachePaths, root, manifestRel, fingerprint, declared)
    : undefined;

  if (!restored) {
    const outcome = await logger.group(`Training ${options.model}: ${options.command}`, () =>
      runCommand({
        command: options.command,
        cwd: root,
        env: { ...env, ...options.env },
        stdout: deps.stdout,
        stderr: deps.stderr,
        ...(options.timeoutMinutes === undefined ? {} : { timeoutMs: options.timeoutMinutes * 60_000 }),
        ...(deps.graceMs === undefined ? {} : { graceMs: deps.graceMs }),
        ...(deps.signal ? { signal: deps.signal } : {}),
      }),
    );
    if (outcome.kind !== 'exited' || outcome.code !== 0)
      throw new TrainCommandError(outcome as TrainCommandError['outcome']);
  }

  const outputs = await produced(declared, root);
  const finishedAt = new Date();
  const manifest: Manifest = {
    schema: MANIFEST_SCHEMA_ID,
    model: options.model,
    fingerprint,
    cacheKey,
    command: options.command,
    workingDirectory:
      relative(options.repoRoot ?? root, root)
        .split(sep)
        .join('/') || '.',
    ...(options.env && Object.keys(options.env).length > 0 ? { env: Object.keys(options.env).sort() } : {}),
    params,
    deps: depDigests,
    outs: outputs.outs,
    metrics: await metricValues(outputs.metricsFiles, root),
    metricsFiles: outputs.metricsFiles,
    ...(outputs.predictions ? { predictions: outputs.predictions } : {}),
    git,
    run: actionsRun(env),
    runtimes: await runtimes(root, env),
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    durationMs: finishedAt.getTime() - startedAt.getTime(),
    cache: {
      enabled: useCache,
      hit: restored !== undefined,
      ...(restored
        ? {
            restoredFrom: {
              fingerprint: restored.fingerprint,
              startedAt: restored.startedAt,
              git: restored.git,
              run: restored.run,
            },
          }
        : {}),
    },
  };
  const manifestPath = join(root, manifestRel);
  await writeFileAtomic(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`, manifestRel);
  logger.info(`Manifest ${manifestRel} (${restored ? 'restored from the run cache' : 'trained'})`);

  if (useCache && !restored) {
    const saved = await deps.cache.save(cacheKey, cachePaths);
    if (saved.saved) logger.info(`Saved to the run cache as ${cacheKey}`);
    else
      logger.warning(
        `The run cache did not save this run (${saved.reason}); the next run with these inputs trains again.`,
      );
  }

  if (!deps.artifacts) return { manifest, manifestPath };
  const files = [...manifest.outs, ...manifest.metricsFiles, ...(manifest.predictions ? [manifest.predictions] : [])];
  const name = options.artifactName ?? `mlgate-train-${options.model.replace(/\//g, '-')}`;
  const artifact = await deps.artifacts.upload(name, [...files.map((f) => f.path), manifestRel], root);
  logger.info(`Uploaded artifact ${name} (id ${artifact.id}, ${artifact.digest})`);
  return { manifest, manifestPath, artifact };
}

interface Declared {
  /** Every declared output path, in the roles' order: what the fingerprint covers. */
  all: string[];
  /** The same paths, normalised, as the cache stores them. */
  paths: string[];
  outs: string[];
  metrics: string[];
  predictions?: string;
}

function declaredOutputs(options: TrainOptions): Declared {
  const root = options.workingDirectory;
  const outs = options.outs.map((out) => insideRoot(root, out, 'outs'));
  const metrics = options.metrics.map((file) => insideRoot(root, file, 'metrics'));
  const predictions =
    options.predictions === undefined ? undefined : insideRoot(root, options.predictions, 'predictions');
  if (outs.length === 0 && metrics.length === 0) throw new UserError('train needs at least one of outs or metrics');
  const paths = [...new Set([...outs, ...metrics, ...(predictions ? [predictions] : [])])];
  const all = [
    ...outs.map((p) => `outs:${p}`),
    ...metrics.map((p) => `metrics:${p}`),
    ...(predictions ? [`predictions:${predictions}`] : []),
  ];
  return { all, paths, outs, metrics, ...(predictions ? { predictions } : {}) };
}

interface Outputs {
  outs: ManifestFile[];
  metricsFiles: ManifestFile[];
  predictions?: ManifestFile;
}

/** Digests of every declared output; one that is missing after the command succeeded is the command's fault. */
async function produced(declared: Declared, root: string): Promise<Outputs> {
  const files = async (path: string, role: string) => {
    const found = await outputFiles(path, root);
    if (!found)
      throw new UserError(`${role} "${path}" is missing after the command succeeded: the command must write it`);
    return digestAll(found, root);
  };
  const outs: ManifestFile[] = [];
  for (const out of declared.outs) outs.push(...(await files(out, 'outs')));
  const metricsFiles: ManifestFile[] = [];
  for (const file of declared.metrics) metricsFiles.push(...(await files(file, 'metrics file')));
  const predictions = declared.predictions ? (await files(declared.predictions, 'predictions file'))[0] : undefined;
  return { outs, metricsFiles, ...(predictions ? { predictions } : {}) };
}

async function metricValues(files: readonly ManifestFile[], root: string): Promise<Record<string, ParamValue>> {
  const values: Record<string, ParamValue> = {};
  for (const file of files) {
    for (const [key, value] of await readAs(userPath(file.path, root), readMetricsFile)) values[key] = value;
  }
  return values;
}

/**
 * The cached run, when the cache holds this fingerprint and what it restored matches the manifest it was saved
 * with, byte for byte. Anything else (a miss, cache trouble, a corrupt entry) means training runs: a warning for
 * trouble, never a silent skip.
 */
async function restore(
  deps: TrainDeps,
  key: string,
  paths: string[],
  root: string,
  manifestRel: string,
  fingerprint: string,
  declared: Declared,
): Promise<Manifest | undefined> {
  const { logger } = deps;
  const result = await deps.cache.restore(key, paths);
  if (!result.hit) {
    if (result.trouble) logger.warning(`The run cache is unavailable (${result.trouble}); training runs.`);
    else logger.info('Run cache miss: training runs.');
    return undefined;
  }
  try {
    const cached = parseManifest(JSON.parse(await readFile(join(root, manifestRel), 'utf8')), manifestRel);
    if (cached.fingerprint !== fingerprint) throw new UserError(`it is for fingerprint ${cached.fingerprint}`);
    const now = await produced(declared, root);
    const expected = [...cached.outs, ...cached.metricsFiles, ...(cached.predictions ? [cached.predictions] : [])];
    const actual = [...now.outs, ...now.metricsFiles, ...(now.predictions ? [now.predictions] : [])];
    const same = JSON.stringify(expected.map(digestKey).sort()) === JSON.stringify(actual.map(digestKey).sort());
    if (!same) throw new UserError('the restored files do not match the digests in its manifest');
    logger.info(`Run cache hit: restored the outputs of the run of ${cached.startedAt}; the command does not run.`);
    return cached;
  } catch (error) {
    logger.warning(`The run cache entry ${key} is not usable (${(error as Error).message}); training runs.`);
    return undefined;
  }
}

function digestKey(file: ManifestFile): string {
  return `${file.path}\0${file.sha256}\0${file.size}`;
}

function describeFailure(outcome: CommandOutcome): string {
  switch (outcome.kind) {
    case 'exited':
      return `the training command failed with exit code ${outcome.code}; nothing was cached`;
    case 'signalled':
      return `the training command was killed by ${outcome.signal}; nothing was cached`;
    case 'timed-out':
      return `the training command timed out after ${outcome.afterMs / 60_000} minutes and was stopped; nothing was cached`;
    case 'cancelled':
      return 'the training command was cancelled; nothing was cached';
  }
}
