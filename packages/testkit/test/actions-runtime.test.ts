/**
 * The local Actions runtime, proven with the REAL clients: @actions/artifact 6 and @actions/cache 6 upload to and
 * download from Azurite through the runtime's Twirp services exactly as they do on GitHub, and the faults a test can
 * inject reach the clients the way GitHub's outages do.
 */
import { describe, it, expect, beforeAll, afterAll, afterEach } from '@jest/globals';
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import type * as ArtifactTypes from '@actions/artifact';
import type * as CacheTypes from '@actions/cache';
import path from 'node:path';
import { FakeGitHub } from '../src/fake-github/index.js';
import { LocalActionsRuntime, withFastRetryClock } from '../src/actions-runtime/index.js';

type ArtifactModule = typeof ArtifactTypes;
type CacheModule = typeof CacheTypes;

let gh: FakeGitHub;
let runtime: LocalActionsRuntime;
let workspace: string;
let artifact: ArtifactModule;
let cache: CacheModule;
let runId: number;
const savedEnv = { ...process.env };
const savedCwd = process.cwd();
const realWrite = process.stdout.write.bind(process.stdout);

/** The clients print ::debug:: lines on stdout whatever the log level; keep them, but out of the test output. */
const clientOutput: string[] = [];

beforeAll(async () => {
  gh = await FakeGitHub.start();
  runtime = await LocalActionsRuntime.start({ github: gh });
  workspace = await mkdtemp(path.join(os.tmpdir(), 'runtime-test-'));
  runId = gh.state.actions.addRun({ headSha: gh.state.headSha }).id;
  // @actions/github reads GITHUB_API_URL when it is imported: the environment comes first.
  Object.assign(process.env, runtime.env({ runId }), gh.env('ghs_runtime'), {
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_WORKSPACE: workspace,
    RUNNER_TEMP: path.join(workspace, '_temp'),
  });
  await mkdir(path.join(workspace, '_temp'), { recursive: true });
  process.chdir(workspace);
  process.stdout.write = ((chunk: string | Uint8Array) => {
    clientOutput.push(String(chunk));
    return true;
  }) as typeof process.stdout.write;
  artifact = await import('@actions/artifact');
  cache = await import('@actions/cache');
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
});

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

async function writeFiles(dir: string, files: Record<string, Buffer>): Promise<string[]> {
  const paths: string[] = [];
  for (const [name, bytes] of Object.entries(files)) {
    const file = path.join(dir, name);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, bytes);
    paths.push(file);
  }
  return paths;
}

describe('artifacts through the real @actions/artifact', () => {
  // 9 MiB of noise does not compress, so the zip is staged as two 8 MiB blocks.
  const files = { 'model.bin': randomBytes(9 * 1024 * 1024), 'metrics/metrics.json': Buffer.from('{"auc":0.91}\n') };

  it('uploads, lists with the right digest, and downloads byte-identical files in the same run and from another run', async () => {
    const dir = path.join(workspace, 'upload');
    const paths = await writeFiles(dir, files);
    const client = new artifact.DefaultArtifactClient();
    const uploaded = await client.uploadArtifact('model-churn', paths, dir);

    const listed = runtime.artifacts.find((a) => a.id === uploaded.id);
    expect(listed).toMatchObject({ name: 'model-churn', runId, size: uploaded.size });
    const zip = await runtime.artifactZip(uploaded.id!);
    expect(listed!.digest).toBe(`sha256:${sha256(zip)}`);
    expect(listed!.digest).toBe(`sha256:${uploaded.digest}`);
    // The REST API knows it too, as on GitHub, with the same id and digest.
    expect(gh.state.actions.artifact(uploaded.id!).digest).toBe(listed!.digest);

    const found = await client.getArtifact('model-churn');
    expect(found.artifact).toMatchObject({ id: uploaded.id, name: 'model-churn', digest: `sha256:${uploaded.digest}` });

    const here = path.join(workspace, 'download-same-run');
    await client.downloadArtifact(uploaded.id!, { path: here });
    for (const [name, bytes] of Object.entries(files))
      expect(sha256(await readFile(path.join(here, name)))).toBe(sha256(bytes));

    const elsewhere = path.join(workspace, 'download-other-run');
    const other = await client.downloadArtifact(uploaded.id!, {
      path: elsewhere,
      expectedHash: `sha256:${uploaded.digest}`,
      findBy: { token: 'ghs_runtime', workflowRunId: runId, repositoryOwner: gh.owner, repositoryName: gh.repo },
    });
    expect(other.digestMismatch).toBe(false);
    for (const [name, bytes] of Object.entries(files)) {
      expect(sha256(await readFile(path.join(elsewhere, name)))).toBe(sha256(bytes));
    }
    expect(gh.requestsMatching({ operationId: 'actions/download-artifact' })[0]?.status).toBe(302);
  }, 60_000);

  it('refuses a second artifact of the same name in a run (409 from the service)', async () => {
    const dir = path.join(workspace, 'twice');
    const paths = await writeFiles(dir, { 'a.txt': Buffer.from('a') });
    const client = new artifact.DefaultArtifactClient();
    await client.uploadArtifact('twice', paths, dir);
    await expect(client.uploadArtifact('twice', paths, dir)).rejects.toThrow(/409/);
  });

  it('retries a 429 from the service and then uploads', async () => {
    const dir = path.join(workspace, 'rate-limited');
    const paths = await writeFiles(dir, { 'a.txt': Buffer.from('rate limited') });
    runtime.fail({ service: 'ArtifactService', method: 'CreateArtifact', status: 429, times: 2 });
    const before = runtime.calls.length;
    const uploaded = await withFastRetryClock(() =>
      new artifact.DefaultArtifactClient().uploadArtifact('rate-limited', paths, dir),
    );
    expect(uploaded.id).toBeDefined();
    const creates = runtime.calls.slice(before).filter((c) => c.method === 'CreateArtifact');
    expect(creates.map((c) => c.status)).toEqual([429, 429, 200]);
  });

  it('fails fast when the service refuses connections', async () => {
    const dir = path.join(workspace, 'refused');
    const paths = await writeFiles(dir, { 'a.txt': Buffer.from('x') });
    await runtime.serviceDown();
    await expect(new artifact.DefaultArtifactClient().uploadArtifact('refused', paths, dir)).rejects.toThrow(
      /ECONNREFUSED|connect/,
    );
  });

  it('an upload cut short every time fails and leaves no artifact; cut short once, the retry uploads intact bytes', async () => {
    const dir = path.join(workspace, 'cut');
    const paths = await writeFiles(dir, { 'big.bin': randomBytes(256 * 1024) });
    runtime.failBlob({ operation: 'upload', cutAfterBytes: 1000, times: Infinity });
    await expect(
      withFastRetryClock(() => new artifact.DefaultArtifactClient().uploadArtifact('cut-always', paths, dir)),
    ).rejects.toThrow();
    expect(runtime.artifacts.some((a) => a.name === 'cut-always')).toBe(false);

    runtime.clearFaults();
    runtime.failBlob({ operation: 'upload', cutAfterBytes: 1000, times: 1 });
    const uploaded = await withFastRetryClock(() =>
      new artifact.DefaultArtifactClient().uploadArtifact('cut-once', paths, dir),
    );
    expect(runtime.blob.requests.some((r) => r.fault?.startsWith('cut'))).toBe(true);
    expect(`sha256:${sha256(await runtime.artifactZip(uploaded.id!))}`).toBe(`sha256:${uploaded.digest}`);
  }, 60_000);
});

describe('cache through the real @actions/cache (service v2)', () => {
  const key = 'mlgate-train-churn-abc';

  it('saves, then restores byte-identical files by exact key and by restore-key prefix', async () => {
    const bytes = randomBytes(100_000);
    await writeFiles(workspace, { 'out/model.bin': bytes });
    const id = await cache.saveCache(['out'], key);
    expect(id).toBeGreaterThan(0);
    expect(runtime.cacheEntries.find((e) => e.id === id)).toMatchObject({ key });

    await rm(path.join(workspace, 'out'), { recursive: true });
    expect(await cache.restoreCache(['out'], key)).toBe(key);
    expect(sha256(await readFile(path.join(workspace, 'out/model.bin')))).toBe(sha256(bytes));

    expect(await cache.restoreCache(['out'], 'mlgate-train-churn-zzz', ['mlgate-train-churn-'])).toBe(key);
    // The version hashes the paths: the same key for other paths is another entry.
    expect(await cache.restoreCache(['elsewhere'], key)).toBeUndefined();
  });

  it('a 5xx service is retried five times, then restore is a miss and save gives up with -1', async () => {
    await writeFiles(workspace, { 'out5/a.txt': Buffer.from('a') });
    runtime.fail({ service: 'CacheService', status: 500, times: Infinity });
    const before = runtime.calls.length;
    expect(await withFastRetryClock(() => cache.restoreCache(['out5'], 'k5'))).toBeUndefined();
    expect(await withFastRetryClock(() => cache.saveCache(['out5'], 'k5'))).toBe(-1);
    const calls = runtime.calls.slice(before);
    expect(calls.filter((c) => c.method === 'GetCacheEntryDownloadURL')).toHaveLength(5);
    expect(calls.filter((c) => c.method === 'CreateCacheEntry')).toHaveLength(5);
  });

  it('a 429 is not retried and a refused connection is not either', async () => {
    await writeFiles(workspace, { 'out429/a.txt': Buffer.from('a') });
    runtime.fail({ service: 'CacheService', status: 429, retryAfter: 60, times: Infinity });
    const before = runtime.calls.length;
    expect(await cache.restoreCache(['out429'], 'k429')).toBeUndefined();
    expect(await cache.saveCache(['out429'], 'k429')).toBe(-1);
    expect(runtime.calls.length - before).toBe(2);

    runtime.clearFaults();
    await runtime.serviceDown();
    expect(await cache.saveCache(['out429'], 'k-refused')).toBe(-1);
    expect(await cache.restoreCache(['out429'], 'k-refused')).toBeUndefined();
  });

  it('blob storage down: save gives up without an entry', async () => {
    await writeFiles(workspace, { 'outblob/a.txt': Buffer.from('a') });
    await runtime.blobDown();
    expect(await withFastRetryClock(() => cache.saveCache(['outblob'], 'k-blob'))).toBe(-1);
    expect(runtime.cacheEntries.some((e) => e.key === 'k-blob')).toBe(false);
  }, 60_000);
});
