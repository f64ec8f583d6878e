import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UserError } from '@mlgate/core';
import { FakeGitHub } from '@mlgate/testkit';
import { GitHubRunArtifactStore, createOctokit, memoryLogger } from '../src/index.js';
import type { GitHubRunArtifactStoreOptions } from '../src/index.js';
import { buildZip } from '@mlgate/testkit';

const NAME = 'mlgate-baseline';
const sha = (c: string) => c.repeat(40);
const metricsZip = (auc: number) => buildZip([{ name: 'metrics.json', data: JSON.stringify({ auc }) }]);

describe('GitHubRunArtifactStore against FakeGitHub', () => {
  let gh: FakeGitHub;
  let temp: string;

  beforeEach(async () => {
    gh = await FakeGitHub.start();
    temp = await mkdtemp(join(tmpdir(), 'mlgate-store-test-'));
  });
  afterEach(async () => {
    await rm(temp, { recursive: true, force: true });
    await gh.close();
  });

  const store = (options: GitHubRunArtifactStoreOptions = {}) =>
    new GitHubRunArtifactStore(
      createOctokit({ token: 'ghs_x', baseUrl: gh.url, logger: memoryLogger(), maxRetries: 0 }),
      { owner: 'acme', repo: 'churn' },
      { tempRoot: temp, ...options },
    );

  /** A completed run with the baseline artifact holding `auc`. */
  const runWithArtifact = (seed: Parameters<FakeGitHub['state']['actions']['addRun']>[0], auc: number) => {
    const run = gh.state.actions.addRun(seed);
    gh.state.actions.addArtifact(run.id, { name: NAME, data: metricsZip(auc) });
    return run;
  };

  it('picks the latest successful push run of the same workflow on the branch and unpacks its artifact', async () => {
    runWithArtifact({ workflow: 'ci.yml', headSha: sha('1'), headBranch: 'main' }, 0.7);
    const wanted = runWithArtifact({ workflow: 'ci.yml', headSha: sha('2'), headBranch: 'main' }, 0.8);
    runWithArtifact({ workflow: 'ci.yml', headSha: sha('3'), headBranch: 'main', conclusion: 'failure' }, 0.1);
    runWithArtifact({ workflow: 'ci.yml', headSha: sha('4'), headBranch: 'main', status: 'in_progress' }, 0.2);
    runWithArtifact({ workflow: 'ci.yml', headSha: sha('5'), headBranch: 'feature' }, 0.3);
    runWithArtifact({ workflow: 'nightly.yml', headSha: sha('6'), headBranch: 'main' }, 0.4);
    gh.addRepo({ owner: 'mallory', repo: 'churn', forkOf: 'acme/churn' });
    runWithArtifact(
      { workflow: 'ci.yml', headSha: sha('7'), headBranch: 'main', event: 'pull_request', headRepo: 'mallory/churn' },
      0.99,
    );
    const artifacts = store();

    const latest = await artifacts.findLatest({ workflow: 'ci.yml', branch: 'main', name: NAME });

    expect(latest).toEqual({
      found: true,
      run: {
        id: wanted.id,
        headSha: sha('2'),
        branch: 'main',
        event: 'push',
        url: `https://github.com/acme/churn/actions/runs/${wanted.id}`,
      },
    });
    const dir = await artifacts.download(NAME, wanted.id);
    expect(JSON.parse(await readFile(join(dir, 'metrics.json'), 'utf8'))).toEqual({ auc: 0.8 });
    expect(dir.startsWith(temp)).toBe(true);
    const download = gh.requestsMatching({ operationId: 'actions/download-artifact' });
    expect(download.map((r) => r.status)).toEqual([302]);
  });

  it('prefers an older push over a newer manual dispatch', async () => {
    const push = runWithArtifact({ workflow: 'ci.yml', headSha: sha('1'), headBranch: 'main' }, 0.7);
    runWithArtifact({ workflow: 'ci.yml', headSha: sha('2'), headBranch: 'main', event: 'workflow_dispatch' }, 0.8);

    const latest = await store().findLatest({ workflow: 'ci.yml', branch: 'main', name: NAME });

    expect(latest.found && latest.run.id).toBe(push.id);
  });

  it('uses a dispatch run when no push run on the branch has the artifact', async () => {
    const dispatch = runWithArtifact(
      { workflow: 'ci.yml', headSha: sha('2'), headBranch: 'main', event: 'workflow_dispatch' },
      0.8,
    );

    const latest = await store().findLatest({ workflow: 'ci.yml', branch: 'main', name: NAME });

    expect(latest.found && latest.run.id).toBe(dispatch.id);
  });

  it('skips a run whose artifact expired or is missing and takes the next one', async () => {
    const older = runWithArtifact({ workflow: 'ci.yml', headSha: sha('1'), headBranch: 'main' }, 0.7);
    gh.state.actions.addRun({ workflow: 'ci.yml', headSha: sha('2'), headBranch: 'main' });
    const expired = gh.state.actions.addRun({ workflow: 'ci.yml', headSha: sha('3'), headBranch: 'main' });
    gh.state.actions.addArtifact(expired.id, { name: NAME, data: metricsZip(0.9), expired: true });
    const logger = memoryLogger();

    const latest = await store({ logger }).findLatest({ workflow: 'ci.yml', branch: 'main', name: NAME });

    expect(latest.found && latest.run.id).toBe(older.id);
    expect(logger.lines().join('\n')).toContain(`Run ${expired.id} on main has no usable artifact "${NAME}" (expired)`);
  });

  it('gives up after the bounded number of runs, listing why each was skipped', async () => {
    runWithArtifact({ workflow: 'ci.yml', headSha: sha('1'), headBranch: 'main' }, 0.7);
    const missing = gh.state.actions.addRun({ workflow: 'ci.yml', headSha: sha('2'), headBranch: 'main' });
    const expired = gh.state.actions.addRun({ workflow: 'ci.yml', headSha: sha('3'), headBranch: 'main' });
    gh.state.actions.addArtifact(expired.id, { name: NAME, data: metricsZip(0.9), expired: true });

    const latest = await store({ maxRuns: 2 }).findLatest({ workflow: 'ci.yml', branch: 'main', name: NAME });

    expect(latest).toEqual({
      found: false,
      reason:
        `none of the 2 latest successful runs of ci.yml on branch main holds a usable artifact "${NAME}": ` +
        `run ${expired.id} (expired), run ${missing.id} (missing)`,
    });
    expect(gh.requestsMatching({ operationId: 'actions/list-workflow-run-artifacts' })).toHaveLength(2);
  });

  it('reports a first run (no successful run on the branch yet) as not found', async () => {
    gh.state.actions.addRun({ workflow: 'ci.yml', headSha: sha('1'), headBranch: 'main', conclusion: 'failure' });

    const latest = await store().findLatest({ workflow: 'ci.yml', branch: 'main', name: NAME });

    expect(latest).toEqual({ found: false, reason: 'no successful run of ci.yml on branch main yet' });
  });

  it('reports a workflow GitHub does not know yet as not found, hinting at the name', async () => {
    const latest = await store().findLatest({ workflow: 'cl.yml', branch: 'main', name: NAME });

    expect(latest).toEqual({
      found: false,
      reason: 'workflow cl.yml has no runs in acme/churn yet (if it has run before, check its name)',
    });
  });

  it('turns a corrupt archive into a UserError and leaves no extraction folder behind', async () => {
    const run = gh.state.actions.addRun({ workflow: 'ci.yml', headSha: sha('1'), headBranch: 'main' });
    gh.state.actions.addArtifact(run.id, { name: NAME, data: Buffer.from('PK\u0003\u0004 truncated') });

    const error = await store()
      .download(NAME, run.id)
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toMatch(
      new RegExp(`^artifact "${NAME}" of run ${run.id} cannot be unpacked: not a readable zip archive`),
    );
    expect(await readdir(temp)).toEqual([]);
  });

  it('refuses an artifact with a zip-slip entry', async () => {
    const run = gh.state.actions.addRun({ workflow: 'ci.yml', headSha: sha('1'), headBranch: 'main' });
    gh.state.actions.addArtifact(run.id, { name: NAME, data: buildZip([{ name: '../../evil.sh', data: 'x' }]) });

    await expect(store().download(NAME, run.id)).rejects.toThrow(
      `artifact "${NAME}" of run ${run.id} cannot be unpacked: invalid relative path: ../../evil.sh`,
    );
    expect(await readdir(temp)).toEqual([]);
  });

  it('refuses to download an archive larger than allowed', async () => {
    const run = runWithArtifact({ workflow: 'ci.yml', headSha: sha('1'), headBranch: 'main' }, 0.7);

    await expect(store({ maxArchiveBytes: 10 }).download(NAME, run.id)).rejects.toThrow(
      new RegExp(`^artifact "${NAME}" of run ${run.id} is \\d+ bytes, more than the 10 allowed$`),
    );
    expect(gh.requestsMatching({ operationId: 'actions/download-artifact' })).toHaveLength(0);
  });

  it('reports a failed download as a UserError naming the artifact', async () => {
    const run = runWithArtifact({ workflow: 'ci.yml', headSha: sha('1'), headBranch: 'main' }, 0.7);
    gh.fail({ operationId: 'actions/download-artifact', status: 502, body: { message: 'Bad Gateway' } });

    const error = await store()
      .download(NAME, run.id)
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toMatch(
      new RegExp(`^artifact "${NAME}" of run ${run.id} could not be downloaded: `),
    );
  });

  it('refuses to download an artifact that has expired', async () => {
    const run = gh.state.actions.addRun({ workflow: 'ci.yml', headSha: sha('1'), headBranch: 'main' });
    gh.state.actions.addArtifact(run.id, { name: NAME, data: metricsZip(0.5), expired: true });

    await expect(store().download(NAME, run.id)).rejects.toThrow(
      `artifact "${NAME}" of run ${run.id} cannot be downloaded: it is expired`,
    );
  });
});
