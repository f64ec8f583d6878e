import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isUserError } from '@mlgate/core';
import { FakeGitHub } from '@mlgate/testkit';
import {
  GitHubReleaseFiles,
  GitHubTagSource,
  GitRegistryStore,
  LocalReleaseFiles,
  RegistryBaselineResolver,
  createOctokit,
  memoryLogger,
  resolveBaseline,
  type BaselineResolution,
  type LocalArtifactStore,
} from '../src/index.js';

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection');
}

describe('registry baselines from a local git clone (real git)', () => {
  let repo: string;
  const git = (...args: string[]): string =>
    execFileSync('git', args, {
      cwd: repo,
      encoding: 'utf8',
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 'Ada',
        GIT_AUTHOR_EMAIL: 'ada@example.com',
        GIT_COMMITTER_NAME: 'Ada',
        GIT_COMMITTER_EMAIL: 'ada@example.com',
      },
    }).trim();
  const commit = (message: string): string => {
    git('commit', '--allow-empty', '-q', '-m', message);
    return git('rev-parse', 'HEAD');
  };
  const resolver = (logger = memoryLogger()) =>
    new RegistryBaselineResolver(
      new GitRegistryStore(repo),
      new LocalReleaseFiles(join(repo, '.mlgate', 'releases')),
      logger,
    );

  beforeAll(async () => {
    repo = await mkdtemp(join(tmpdir(), 'mlgate-registry-git-'));
    git('init', '-q');
    const first = commit('train v1');
    git('tag', '-a', 'churn@v1.0.0', '-m', '{"schema":"mlgate/registry-entry@1","note":"first"}');
    git('tag', '-a', 'churn#production#1', '-m', 'promote');
    commit('train v1.1');
    git('tag', '-a', 'churn@v1.1.0', '-m', 'second');
    git('tag', '-a', 'churn#staging#2', '-m', 'stage');
    // Another model with a prefix-sharing name, and a plain lightweight release tag: neither is churn's.
    git('tag', '-a', 'churn-v2@v9.0.0', '-m', 'other model');
    git('tag', '-a', 'churn-v2#production#1', '-m', 'other model');
    git('tag', 'v3.0.0');
    git('tag', 'churn#canary#3', first);
    await mkdir(join(repo, '.mlgate', 'releases', 'churn@v1.0.0'), { recursive: true });
    await writeFile(join(repo, '.mlgate', 'releases', 'churn@v1.0.0', 'metrics.json'), '{"auc": 0.91}\n');
  });
  afterAll(() => rm(repo, { recursive: true, force: true }));

  it("lists the model's annotated tags with commit, message and tagger, skipping lightweight tags as GTO does", async () => {
    const records = await new GitRegistryStore(repo).listTags('churn');
    const byName = new Map(records.map((r) => [r.name, r]));
    expect([...byName.keys()].sort()).toEqual([
      'churn#production#1',
      'churn#staging#2',
      'churn@v1.0.0',
      'churn@v1.1.0',
    ]);
    const first = git('rev-list', '-n', '1', 'churn@v1.0.0');
    expect(byName.get('churn@v1.0.0')).toEqual({
      name: 'churn@v1.0.0',
      commit: first,
      message: '{"schema":"mlgate/registry-entry@1","note":"first"}',
      tagger: {
        name: 'Ada',
        email: 'ada@example.com',
        date: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/),
      },
    });
  });

  it("resolves registry:churn#production to v1.0.0's release folder, labelled churn@v1.0.0", async () => {
    const logger = memoryLogger();
    const found = (await resolver(logger).resolve({ model: 'churn', stage: 'production' })) as BaselineResolution & {
      dir: string;
    };
    expect(found).toMatchObject({
      found: true,
      label: 'churn@v1.0.0',
      source: { kind: 'registry', model: 'churn', stage: 'production', version: 'v1.0.0' },
    });
    expect(await readFile(join(found.dir, 'metrics.json'), 'utf8')).toContain('0.91');
    expect(logger.lines().join('\n')).toContain(
      'Baseline: churn@v1.0.0 (stage production, assigned by churn#production#1).',
    );
  });

  it('is no baseline yet (found: false, with the reason) for a stage nothing was assigned to, or a model never registered', async () => {
    expect(await resolver().resolve({ model: 'churn', stage: 'shadow' })).toEqual({
      found: false,
      reason: 'no version of churn is in stage shadow',
    });
    expect(await resolver().resolve({ model: 'fraud', stage: 'production' })).toEqual({
      found: false,
      reason: 'fraud has no registered version yet',
    });
  });

  it('fails with one line naming the version and where its files were looked for when the release is missing', async () => {
    const error = await rejection(resolver().resolve({ model: 'churn', stage: 'staging' }));
    expect(isUserError(error)).toBe(true);
    expect(error.message).toBe(
      `baseline registry:churn#staging is churn@v1.1.0, but its files are missing: looked in the folder ${join(repo, '.mlgate', 'releases', 'churn@v1.1.0')}`,
    );
  });

  it('goes through resolveBaseline for a registry spec', async () => {
    const resolution = await resolveBaseline(
      { kind: 'registry', model: 'churn', stage: 'production' },
      {
        artifacts: {} as LocalArtifactStore,
        artifactName: 'unused',
        workflow: 'ci.yml',
        registry: resolver(),
        logger: memoryLogger(),
      },
    );
    expect(resolution).toMatchObject({ found: true, label: 'churn@v1.0.0' });
  });

  it('says plainly when the folder is not a git repository', async () => {
    const bare = await mkdtemp(join(tmpdir(), 'mlgate-registry-nogit-'));
    try {
      const error = await rejection(new GitRegistryStore(bare).listTags('churn'));
      expect(isUserError(error)).toBe(true);
      expect(error.message).toMatch(/^cannot read the registry's git tags in .*: fatal: not a git repository/);
    } finally {
      await rm(bare, { recursive: true, force: true });
    }
  });
});

describe('registry baselines through the GitHub API (FakeGitHub)', () => {
  let gh: FakeGitHub;
  let temp: string;
  const repo = { owner: 'acme', repo: 'churn' };

  beforeEach(async () => {
    gh = await FakeGitHub.start();
    temp = await mkdtemp(join(tmpdir(), 'mlgate-registry-gh-'));
  });
  afterEach(async () => {
    await gh.close();
    await rm(temp, { recursive: true, force: true });
  });

  function resolver(logger = memoryLogger(), maxAssetBytes?: number) {
    const octokit = createOctokit({ token: 'ghs_x', baseUrl: gh.url, logger: memoryLogger() });
    return new RegistryBaselineResolver(
      new GitHubTagSource(octokit, repo),
      new GitHubReleaseFiles(octokit, repo, { tempRoot: temp, logger, ...(maxAssetBytes && { maxAssetBytes }) }),
      logger,
    );
  }

  it("reads the stage's version from annotated tags and downloads its release assets", async () => {
    const v1 = gh.state.git.addCommit({ message: 'v1' }).sha;
    const v2 = gh.state.git.addCommit({ message: 'v2', parents: [v1] }).sha;
    gh.state.git.addAnnotatedTag({ tag: 'churn@v1.3.0', message: 'registered', object: v1 });
    gh.state.git.addAnnotatedTag({ tag: 'churn@v1.4.0', message: 'registered', object: v2 });
    gh.state.git.addAnnotatedTag({ tag: 'churn#production#1', message: 'promote', object: v1 });
    gh.state.git.addAnnotatedTag({ tag: 'churn#production#2', message: 'promote', object: v2 });
    gh.state.git.addAnnotatedTag({ tag: 'churn#production!#3', message: 'roll back', object: v2 });
    gh.state.git.addAnnotatedTag({ tag: 'churn#production#4', message: 'back to v1.3.0', object: v1 });
    gh.state.git.addAnnotatedTag({ tag: 'churn-v2@v1.0.0', message: 'other model', object: v2 });
    const release = gh.state.releases.create({ tag_name: 'churn@v1.3.0', name: 'churn v1.3.0' }, 'octocat');
    gh.state.releases.upload(
      release.id,
      'metrics.json',
      null,
      'application/json',
      Buffer.from('{"auc":0.9}'),
      'octocat',
    );
    gh.state.releases.upload(
      release.id,
      'predictions.csv',
      null,
      'text/csv',
      Buffer.from('id,label\n1,1\n'),
      'octocat',
    );

    const found = (await resolver().resolve({ model: 'churn', stage: 'production' })) as { dir: string; label: string };

    expect(found.label).toBe('churn@v1.3.0');
    expect((await readdir(found.dir)).sort()).toEqual(['metrics.json', 'predictions.csv']);
    expect(await readFile(join(found.dir, 'predictions.csv'), 'utf8')).toBe('id,label\n1,1\n');
    expect(gh.requests.map((r) => r.canonicalPath)).toContain('/repos/acme/churn/git/matching-refs/tags/churn');
  });

  it('skips release assets over the size cap (a model binary) with a notice and downloads the rest', async () => {
    const v1 = gh.state.git.addCommit({ message: 'v1' }).sha;
    gh.state.git.addAnnotatedTag({ tag: 'churn@v1.3.0', message: 'registered', object: v1 });
    gh.state.git.addAnnotatedTag({ tag: 'churn#production#1', message: 'promote', object: v1 });
    const release = gh.state.releases.create({ tag_name: 'churn@v1.3.0' }, 'octocat');
    gh.state.releases.upload(
      release.id,
      'metrics.json',
      null,
      'application/json',
      Buffer.from('{"auc":0.9}'),
      'octocat',
    );
    gh.state.releases.upload(release.id, 'model.bin', null, 'application/octet-stream', Buffer.alloc(4096), 'octocat');
    const logger = memoryLogger();

    const found = (await resolver(logger, 1024).resolve({ model: 'churn', stage: 'production' })) as { dir: string };

    expect(await readdir(found.dir)).toEqual(['metrics.json']);
    expect(logger.lines().join('\n')).toContain(
      'Release churn@v1.3.0: skipped model.bin (4096 bytes, over the 1024-byte cap).',
    );
    expect(gh.requestsMatching({ operationId: 'repos/get-release-asset' })).toHaveLength(1);
  });

  it('fails naming the GitHub release it looked for when the assigned version has none', async () => {
    const v1 = gh.state.git.addCommit({ message: 'v1' }).sha;
    gh.state.git.addAnnotatedTag({ tag: 'churn@v1.3.0', message: 'registered', object: v1 });
    gh.state.git.addAnnotatedTag({ tag: 'churn#production#1', message: 'promote', object: v1 });

    const error = await rejection(resolver().resolve({ model: 'churn', stage: 'production' }));

    expect(isUserError(error)).toBe(true);
    expect(error.message).toBe(
      'baseline registry:churn#production is churn@v1.3.0, but its files are missing: looked in the GitHub release of tag churn@v1.3.0 in acme/churn',
    );
  });
});
