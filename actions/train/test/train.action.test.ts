/**
 * actions/train run as the runner runs it (the committed bundle), against FakeGitHub and the local Actions runtime:
 * the real @actions/cache and @actions/artifact clients inside the bundle talk to Twirp services on Azurite.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseManifest } from '@mlgate/core';
import type { Manifest } from '@mlgate/core';
import { extractZip, DEFAULT_EXTRACT_LIMITS } from '@mlgate/github';
import { FakeGitHub, LocalActionsRuntime, fastRetryClockEnv, runActionBundle } from '@mlgate/testkit';
import type { ActionRun } from '@mlgate/testkit';
import { stillRunning, sha256, trainingProject, trainingRuns } from '../../../packages/engine/test/train-fixtures.js';

const TOKEN = 'ghs_train_action_token';
const INPUTS = {
  model: 'churn',
  run: 'node train.js',
  deps: 'data/\ntrain.js',
  params: 'params.json:train.lr,train.epochs',
  outs: 'model',
  metrics: 'metrics.json',
};

let gh: FakeGitHub;
let runtime: LocalActionsRuntime;
let workspace: string;

beforeAll(async () => {
  gh = await FakeGitHub.start();
  gh.addToken(TOKEN, 'github-actions[bot]', { type: 'Bot' });
  runtime = await LocalActionsRuntime.start({ github: gh });
}, 60_000);
afterAll(async () => {
  await runtime?.close();
  await gh?.close();
});
/** Cache entries of earlier tests: the runtime is shared, and each test asserts on what it added. */
let earlierEntries: Set<number>;
const newEntries = () => runtime.cacheEntries.filter((e) => !earlierEntries.has(e.id));

beforeEach(async () => {
  earlierEntries = new Set(runtime.cacheEntries.map((e) => e.id));
  workspace = await mkdtemp(join(tmpdir(), 'mlgate-train-action-'));
  await trainingProject(workspace);
});
afterEach(async () => {
  runtime.clearFaults();
  await runtime.serviceUp();
  await rm(workspace, { recursive: true, force: true });
});

/** One job of a workflow run: a new FakeGitHub run, the runtime bound to it, the shared workspace. */
async function train(inputs: Record<string, string> = {}, env: Record<string, string> = {}): Promise<ActionRun> {
  const run = gh.state.actions.addRun({ headSha: gh.state.headSha });
  return runActionBundle({
    action: 'train',
    inputs: { ...INPUTS, ...inputs },
    env: { ...gh.env(TOKEN), ...runtime.env({ runId: run.id }), ...env },
    cwd: workspace,
    timeoutMs: 60_000,
  });
}

const warnings = (run: ActionRun) => run.annotations.filter((a) => a.level === 'warning').map((a) => a.message);
const errors = (run: ActionRun) => run.annotations.filter((a) => a.level === 'error').map((a) => a.message);

/** The uploaded artifact unpacked, and its manifest validated. */
async function uploaded(run: ActionRun): Promise<{ dir: string; manifest: Manifest }> {
  const id = Number(run.outputs['artifact-id']);
  const dir = await mkdtemp(join(tmpdir(), 'mlgate-train-artifact-'));
  await extractZip(await runtime.artifactZip(id), dir, DEFAULT_EXTRACT_LIMITS);
  const file = join(dir, 'mlgate.manifest.json');
  return { dir, manifest: parseManifest(JSON.parse(await readFile(file, 'utf8')), file) };
}

describe('actions/train', () => {
  it('trains and uploads; the same inputs are a cache hit that restores byte-identical outs; a changed dep byte or param value trains again', async () => {
    const first = await train();
    expect(first.conclusion).toBe('success');
    expect(await trainingRuns(workspace)).toBe(1);
    expect(first.outputs['cache-hit']).toBe('false');
    expect(first.stdout).toContain('trained on 17 bytes');

    const listed = runtime.artifacts.find((a) => a.id === Number(first.outputs['artifact-id']));
    expect(listed).toMatchObject({ name: 'mlgate-train-churn', digest: first.outputs['artifact-digest'] });
    expect(listed!.digest).toBe(`sha256:${sha256(await runtime.artifactZip(listed!.id))}`);
    expect(runtime.cacheEntries.map((e) => e.key)).toContain(`mlgate-train-churn-${first.outputs.fingerprint}`);

    const { dir, manifest } = await uploaded(first);
    expect(manifest.fingerprint).toBe(first.outputs.fingerprint);
    expect(JSON.parse(first.outputs.metrics!)).toEqual(manifest.metrics);
    for (const file of [...manifest.outs, ...manifest.metricsFiles]) {
      expect(sha256(await readFile(join(dir, file.path)))).toBe(file.sha256);
    }
    expect(manifest.run).toMatchObject({ id: String(listed!.runId), attempt: '1' });
    await rm(dir, { recursive: true });
    const weights = await readFile(join(workspace, 'model/weights.bin'));

    // The next run checks out the same commit: no outputs on disk.
    await rm(join(workspace, 'model'), { recursive: true });
    await rm(join(workspace, 'metrics.json'));
    const second = await train();
    expect(second.conclusion).toBe('success');
    expect(second.outputs['cache-hit']).toBe('true');
    expect(await trainingRuns(workspace)).toBe(1);
    expect(second.outputs.fingerprint).toBe(first.outputs.fingerprint);
    expect(sha256(await readFile(join(workspace, 'model/weights.bin')))).toBe(sha256(weights));
    const restored = await uploaded(second);
    expect(restored.manifest.cache).toMatchObject({ hit: true, restoredFrom: { fingerprint: manifest.fingerprint } });
    await rm(restored.dir, { recursive: true });

    await writeFile(join(workspace, 'params.json'), JSON.stringify({ train: { lr: 0.1, epochs: 6 }, seed: 1 }));
    const param = await train();
    expect(param.outputs['cache-hit']).toBe('false');
    expect(await trainingRuns(workspace)).toBe(2);

    await writeFile(join(workspace, 'data/train.csv'), 'id,label\n1,0\n2,0\n');
    const dep = await train();
    expect(dep.outputs['cache-hit']).toBe('false');
    expect(await trainingRuns(workspace)).toBe(3);
    expect(new Set([first, param, dep].map((r) => r.outputs.fingerprint)).size).toBe(3);
  }, 120_000);

  it('cache service answering 5xx: training runs, the step succeeds with warnings and no error annotation', async () => {
    runtime.fail({ service: 'CacheService', status: 503, times: Infinity });
    const run = await train({}, fastRetryClockEnv());
    expect(run.conclusion).toBe('success');
    expect(await trainingRuns(workspace)).toBe(1);
    expect(errors(run)).toEqual([]);
    expect(warnings(run)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/run cache is unavailable.*503/),
        expect.stringMatching(/did not save this run/),
      ]),
    );
    expect(newEntries()).toEqual([]);
    expect(run.outputs['artifact-id']).not.toBe('');
  }, 60_000);

  it('cache service down (connections dropped): training runs and the step succeeds with a warning', async () => {
    runtime.fail({ service: 'CacheService', drop: true, times: Infinity });
    const run = await train();
    expect(run.conclusion).toBe('success');
    expect(await trainingRuns(workspace)).toBe(1);
    expect(errors(run)).toEqual([]);
    expect(warnings(run).some((w) => /run cache is unavailable/.test(w))).toBe(true);
  }, 60_000);

  it('a command that exits 1 fails the step with a clear message and leaves no cache entry and no artifact', async () => {
    const before = runtime.artifacts.length;
    const run = await train({ run: 'node train.js && exit 1' });
    expect(run.conclusion).toBe('failure');
    expect(errors(run)).toEqual(['the training command failed with exit code 1; nothing was cached']);
    expect(newEntries()).toEqual([]);
    expect(runtime.artifacts.length).toBe(before);
  }, 60_000);

  it('a command that times out is stopped with its children, fails the step and leaves no cache entry', async () => {
    const run = await train({ run: 'node stubborn.js & node train.js && wait', 'timeout-minutes': '0.02' });
    expect(run.conclusion).toBe('failure');
    expect(errors(run)).toEqual([
      'the training command timed out after 0.02 minutes and was stopped; nothing was cached',
    ]);
    expect(await stillRunning(Number(await readFile(join(workspace, 'child.pid'), 'utf8')))).toBe(false);
    expect(newEntries()).toEqual([]);
  }, 60_000);

  it('a secret given through env is masked and never in the manifest', async () => {
    const run = await train({
      env: 'WANDB_API_KEY=wandb-secret-1234',
      run: 'node train.js && echo key=$WANDB_API_KEY',
    });
    expect(run.conclusion).toBe('success');
    expect(run.masked).toContain('wandb-secret-1234');
    const { dir, manifest } = await uploaded(run);
    expect(manifest.env).toEqual(['WANDB_API_KEY']);
    expect(await readFile(join(dir, 'mlgate.manifest.json'), 'utf8')).not.toContain('wandb-secret-1234');
    await rm(dir, { recursive: true });
    expect(await readdir(workspace)).toContain('mlgate.manifest.json');
  }, 60_000);
});
