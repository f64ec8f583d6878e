/**
 * The two registry backends write the same registry: one history of registry commands run against real local git
 * (GitRegistryStore, what the CLI uses) and against the GitHub API (GitHubRegistryStore on FakeGitHub, what the
 * action uses) gives the same tags, the same events in their messages, and the same state read back.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getOctokit } from '@actions/github';
import { readTagMessage, registryState } from '@mlgate/core';
import { GitHubRegistryStore, GitRegistryStore, type RegistryStore } from '@mlgate/github';
import { FakeGitHub } from '@mlgate/testkit';
import { assignStage, deprecateModel, deregisterVersion, registerVersion, unassignStage } from '../src/index.js';

const details = { actor: 'ada', reason: 'parity' };

/**
 * Re-assignment, a second stage and its unassignment, deregistration of the version production holds (production
 * falls back to the one before) and deprecation. Both backends write the tagger time of the moment, so the order of
 * events within one second is not compared here (dated histories: packages/cli/test/registry.test.ts).
 */
async function history(store: RegistryStore, commits: [string, string]) {
  const deps = { store };
  const model = 'churn';
  await registerVersion({ model, rev: commits[0], version: 'v1.0.0', details }, deps);
  await assignStage({ model, version: 'v1.0.0', stage: 'production', details }, deps);
  await registerVersion({ model, rev: commits[1], bump: 'minor', details }, deps);
  await assignStage({ model, version: 'v1.1.0', stage: 'production', details }, deps);
  await assignStage({ model, version: 'v1.1.0', stage: 'staging', details }, deps);
  await unassignStage({ model, stage: 'staging', details }, deps);
  await deregisterVersion({ model, version: 'v1.1.0', details }, deps);
  await deprecateModel({ model, details }, deps);

  const tags = await store.listTags(model);
  const state = registryState(model, tags);
  return {
    tags: tags
      .map((t) => {
        const message = readTagMessage(t.message);
        return [t.name, message.kind === 'event' ? message.event : message] as const;
      })
      .sort(([a], [b]) => a.localeCompare(b)),
    versions: state.versions.map((v) => v.version),
    stages: Object.fromEntries([...state.stages].map(([stage, held]) => [stage, held.version.version])),
    deprecated: state.deprecated,
  };
}

describe('the local-git and the GitHub registry backends write the same registry', () => {
  let gh: FakeGitHub;
  let dir: string;

  beforeEach(async () => {
    gh = await FakeGitHub.start();
    dir = await mkdtemp(join(tmpdir(), 'mlgate-registry-parity-'));
  });
  afterEach(async () => {
    await gh.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('the same commands give the same tags, events and state', async () => {
    const git = (...args: string[]) =>
      execFileSync('git', args, {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, GIT_COMMITTER_NAME: 'Ada', GIT_COMMITTER_EMAIL: 'ada@example.com' },
      }).trim();
    git('init', '-q');
    const local = ['one', 'two'].map((message) => {
      git('-c', 'user.name=Ada', '-c', 'user.email=ada@example.com', 'commit', '--allow-empty', '-q', '-m', message);
      return git('rev-parse', 'HEAD');
    }) as [string, string];
    const fromGit = await history(new GitRegistryStore(dir), local);

    const first = gh.state.git.addCommit({ parents: [gh.state.headSha], message: 'one' }).sha;
    const second = gh.state.git.addCommit({ parents: [first], message: 'two' }).sha;
    const store = new GitHubRegistryStore(getOctokit('ghs_x', { baseUrl: gh.url }), { owner: 'acme', repo: 'churn' });
    const fromGitHub = await history(store, [first, second]);

    expect(fromGitHub).toEqual(fromGit);
    expect(fromGit).toMatchObject({
      versions: ['v1.0.0'],
      stages: { production: 'v1.0.0' },
      deprecated: true,
    });
    expect(fromGit.tags.map(([name]) => name)).toEqual([
      'churn@deprecated#5',
      'churn@v1.0.0',
      'churn@v1.1.0',
      'churn@v1.1.0!',
      'churn#production#1',
      'churn#production#2',
      'churn#staging!#4',
      'churn#staging#3',
    ]);
  });
});
