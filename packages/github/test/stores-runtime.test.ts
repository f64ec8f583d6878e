/**
 * The run cache and artifact upload stores against the local Actions runtime (Twirp services + Azurite), with the
 * real @actions/cache and @actions/artifact clients inside them; and the local folder cache of the CLI.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash, randomBytes } from 'node:crypto';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UserError } from '@mlgate/core';
import { FakeGitHub, LocalActionsRuntime, withFastRetryClock } from '@mlgate/testkit';
import {
  GitHubCacheStore,
  GitHubRunArtifactStore,
  LocalCacheStore,
  createOctokit,
  memoryLogger,
} from '../src/index.js';
import type { CacheStore } from '../src/index.js';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

let gh: FakeGitHub;
let runtime: LocalActionsRuntime;
let workspace: string;
const savedEnv = { ...process.env };
const savedCwd = process.cwd();
const realWrite = process.stdout.write;
/** What the clients printed on stdout (they print ::debug:: whatever the level); kept out of the test output. */
let stdout: string[] = [];

beforeAll(async () => {
  gh = await FakeGitHub.start();
  runtime = await LocalActionsRuntime.start({ github: gh });
  workspace = await mkdtemp(join(tmpdir(), 'mlgate-stores-'));
  await mkdir(join(workspace, '_temp'));
  const run = gh.state.actions.addRun({ headSha: gh.state.headSha });
  Object.assign(process.env, runtime.env({ runId: run.id }), gh.env('ghs_stores'), {
    GITHUB_WORKSPACE: workspace,
    RUNNER_TEMP: join(workspace, '_temp'),
  });
  process.chdir(workspace);
  process.stdout.write = ((chunk: string | Uint8Array) => {
    stdout.push(String(chunk));
    return true;
  }) as typeof process.stdout.write;
}, 60_000);

afterAll(async () => {
  process.stdout.write = realWrite;
  process.env = savedEnv;
  process.chdir(savedCwd);
  await runtime?.close();
  await gh?.close();
  await rm(workspace, { recursive: true, force: true });
});

afterEach(async () => {
  runtime.clearFaults();
  await runtime.serviceUp();
  await runtime.blobUp();
  stdout = [];
});

async function put(root: string, files: Record<string, Buffer>): Promise<void> {
  for (const [name, bytes] of Object.entries(files)) {
    await mkdir(join(root, name, '..'), { recursive: true });
    await writeFile(join(root, name), bytes);
  }
}

/** The same contract for both stores: exact keys, same paths, byte-identical restores. */
async function roundTrip(store: CacheStore, root: string, key: string) {
  const model = randomBytes(50_000);
  await put(root, { 'out/model.bin': model, 'metrics.json': Buffer.from('{"auc":0.9}') });
  expect(await store.restore(key, ['out', 'metrics.json'])).toEqual({ hit: false });
  expect(await store.save(key, ['out', 'metrics.json'])).toEqual({ saved: true });
  await rm(join(root, 'out'), { recursive: true });
  await writeFile(join(root, 'metrics.json'), 'overwritten');
  expect(await store.restore(key, ['out', 'metrics.json'])).toEqual({ hit: true });
  expect(sha256(await readFile(join(root, 'out/model.bin')))).toBe(sha256(model));
  expect(await readFile(join(root, 'metrics.json'), 'utf8')).toBe('{"auc":0.9}');
  // A longer key that starts with this one is another entry, and so are other paths under the same key.
  expect(await store.restore(`${key}0`, ['out', 'metrics.json'])).toEqual({ hit: false });
  expect(await store.restore(key, ['out'])).toEqual({ hit: false });
}

describe('GitHubCacheStore (real @actions/cache against the local runtime)', () => {
  it('saves and restores byte-identical files under the exact key only', async () => {
    const root = join(workspace, 'project');
    await roundTrip(new GitHubCacheStore(root, memoryLogger()), root, 'mlgate-train-churn-aaa');
    expect(runtime.cacheEntries.map((e) => e.key)).toContain('mlgate-train-churn-aaa');
  });

  it('a 5xx service is a warning and a miss, and the client’s ::error:: annotation does not reach the log', async () => {
    const logger = memoryLogger();
    const store = new GitHubCacheStore(workspace, logger);
    await put(workspace, { 'five/a.txt': Buffer.from('a') });
    runtime.fail({ service: 'CacheService', status: 503, times: Infinity });
    const restored = await withFastRetryClock(() => store.restore('k-503', ['five']));
    const saved = await withFastRetryClock(() => store.save('k-503', ['five']));
    expect(restored).toEqual({ hit: false, trouble: expect.stringMatching(/503/) });
    expect(saved).toEqual({ saved: false, reason: expect.stringMatching(/503/) });
    expect(logger.entries.filter((e) => e.level === 'warning').map((e) => e.message)).toEqual([
      expect.stringMatching(/^cache: Failed to restore: .*503/),
      expect.stringMatching(/^cache: Failed to save: .*503/),
    ]);
    expect(stdout.join('')).not.toMatch(/^::error/m);
    expect(runtime.cacheEntries.some((e) => e.key === 'k-503')).toBe(false);
  });

  it('quota (429), a refused connection, blob storage down and a missing path are each a reason, never a throw', async () => {
    const store = new GitHubCacheStore(workspace, memoryLogger());
    await put(workspace, { 'q/a.txt': Buffer.from('a') });
    runtime.fail({ service: 'CacheService', method: 'CreateCacheEntry', status: 429, retryAfter: 30 });
    expect(await store.save('k-429', ['q'])).toEqual({
      saved: false,
      reason: expect.stringMatching(/429|rate limit/i),
    });

    await runtime.serviceDown();
    expect(await store.restore('k-down', ['q'])).toEqual({
      hit: false,
      trouble: expect.stringMatching(/ECONNREFUSED/),
    });
    expect(await store.save('k-down', ['q'])).toEqual({ saved: false, reason: expect.stringMatching(/ECONNREFUSED/) });
    await runtime.serviceUp();

    await runtime.blobDown();
    expect(await withFastRetryClock(() => store.save('k-blob', ['q']))).toEqual({
      saved: false,
      reason: expect.any(String),
    });
    await runtime.blobUp();

    expect(await store.save('k-missing', ['does-not-exist'])).toEqual({
      saved: false,
      reason: expect.stringMatching(/Path Validation Error/),
    });
    expect(runtime.cacheEntries.map((e) => e.key)).not.toEqual(expect.arrayContaining(['k-429', 'k-down', 'k-blob']));
  }, 60_000);
});

describe('LocalCacheStore (.mlgate/cache)', () => {
  it('saves and restores byte-identical files under the exact key only', async () => {
    const root = await mkdtemp(join(tmpdir(), 'mlgate-local-cache-'));
    await roundTrip(new LocalCacheStore(join(root, '.mlgate/cache'), root), root, 'mlgate-train-churn-bbb');
    await rm(root, { recursive: true, force: true });
  });

  it('an unwritable cache folder is a reason, not a throw, and leaves no entry', async () => {
    const root = await mkdtemp(join(tmpdir(), 'mlgate-local-cache-'));
    await put(root, { 'a.txt': Buffer.from('a') });
    await mkdir(join(root, 'cache'));
    await chmod(join(root, 'cache'), 0o500);
    const store = new LocalCacheStore(join(root, 'cache'), root);
    const saved = await store.save('k', ['a.txt']);
    await chmod(join(root, 'cache'), 0o700);
    // root ignores permissions: then the save simply works, which is the other half of the contract.
    if (process.getuid?.() === 0) expect(saved).toEqual({ saved: true });
    else expect(saved).toEqual({ saved: false, reason: expect.stringMatching(/EACCES/) });
    expect(await store.save('../escape', ['a.txt'])).toEqual({
      saved: false,
      reason: expect.stringMatching(/not a safe/),
    });
    await rm(root, { recursive: true, force: true });
  });
});

describe('GitHubRunArtifactStore.upload (real @actions/artifact against the local runtime)', () => {
  const store = () =>
    new GitHubRunArtifactStore(
      createOctokit({ token: 'ghs_stores', baseUrl: gh.url, logger: memoryLogger(), maxRetries: 0 }),
      { owner: gh.owner, repo: gh.repo },
      { tempRoot: join(workspace, '_temp') },
    );

  it('uploads files under a root; the runtime lists it with the digest; another run downloads byte-identical files', async () => {
    const root = join(workspace, 'train-out');
    const model = randomBytes(20_000);
    await put(root, { 'model.pkl': model, 'reports/metrics.json': Buffer.from('{"auc":0.93}') });
    const uploaded = await store().upload('mlgate-train-churn', ['model.pkl', 'reports/metrics.json'], root);

    const listed = runtime.artifacts.find((a) => a.id === uploaded.id);
    expect(listed).toMatchObject({ name: 'mlgate-train-churn', digest: uploaded.digest, size: uploaded.size });
    expect(uploaded.digest).toBe(`sha256:${sha256(await runtime.artifactZip(uploaded.id))}`);

    const runId = listed!.runId;
    const folder = await store().download('mlgate-train-churn', runId);
    expect(sha256(await readFile(join(folder, 'model.pkl')))).toBe(sha256(model));
    expect(await readFile(join(folder, 'reports/metrics.json'), 'utf8')).toBe('{"auc":0.93}');
  });

  it('a refused service is a UserError naming the artifact', async () => {
    const root = join(workspace, 'train-out');
    await runtime.serviceDown();
    await expect(store().upload('refused', ['model.pkl'], root)).rejects.toThrow(UserError);
    await expect(store().upload('refused', ['model.pkl'], root)).rejects.toThrow(
      /artifact "refused" could not be uploaded/,
    );
  });
});
