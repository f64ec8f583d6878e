import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { getOctokit } from '@actions/github';
import { registryState } from '@mlgate/core';
import { GitHubRegistryStore, isTagExistsError } from '@mlgate/github';
import { FakeGitHub } from '@mlgate/testkit';
import { assignStage, registerVersion } from '../src/index.js';

const repo = { owner: 'acme', repo: 'churn' };
const VERSIONS = ['v1.0.0', 'v1.1.0', 'v1.2.0', 'v1.3.0', 'v1.4.0'];

describe('the registry on GitHub (GitHubRegistryStore against FakeGitHub)', () => {
  let gh: FakeGitHub;
  // Without octokit's throttling, so the writers really run at the same time.
  const store = () => new GitHubRegistryStore(getOctokit('ghs_x', { baseUrl: gh.url }), repo);
  const details = { actor: 'ada' };

  beforeEach(async () => {
    gh = await FakeGitHub.start();
    let parent = gh.state.headSha;
    for (const version of VERSIONS) {
      parent = gh.state.git.addCommit({ parents: [parent], message: `train ${version}` }).sha;
      await registerVersion({ model: 'churn', rev: parent, version, details }, { store: store() });
    }
  });
  afterEach(() => gh.close());

  it('writes annotated tags (tag object with tagger, then a create-only ref) that the read side gives back', async () => {
    const records = await store().listTags('churn');
    expect(records.map((r) => r.name).sort()).toEqual(VERSIONS.map((v) => `churn@${v}`));
    expect(records[0]!.tagger).toMatchObject({ name: 'github-actions[bot]' });
    expect(JSON.parse(records[0]!.message)).toMatchObject({ schema: 'mlgate/registry-event@1', actor: 'ada' });
    const ref = gh.state.git.refs.get('refs/tags/churn@v1.0.0')!;
    expect(gh.state.git.objectType(ref)).toBe('tag');
  });

  it('5 concurrent promotions of different versions to production: 5 distinct tags, distinct N, one current version', async () => {
    // Every writer plans on the same read, so all but one lose the race for each N and must re-read.
    gh.barrier({ operationId: 'git/create-ref', parties: 5 });
    const results = await Promise.all(
      VERSIONS.map((version) =>
        assignStage({ model: 'churn', version, stage: 'production', details }, { store: store() }),
      ),
    );

    expect(results.every((r) => r.created)).toBe(true);
    const tags = results.map((r) => r.tag);
    expect(new Set(tags).size).toBe(5);
    const numbers = tags.map((t) => Number(t.split('#')[2]));
    expect(new Set(numbers).size).toBe(5);
    expect(tags.every((t) => /^churn#production#\d+$/.test(t))).toBe(true);

    const state = registryState('churn', await store().listTags('churn'));
    const newest = results.reduce((a, b) => (Number(a.tag.split('#')[2]) > Number(b.tag.split('#')[2]) ? a : b));
    expect(state.stages.get('production')?.version.version).toBe(newest.version);
    expect(state.stages.get('production')?.tag).toBe(newest.tag);

    // Nothing was ever moved or deleted: every ref write was a create.
    expect(
      gh.requests.filter((r) => /\/git\/refs/.test(r.canonicalPath) && r.method !== 'POST' && r.method !== 'GET'),
    ).toEqual([]);
    expect(gh.requestsMatching({ operationId: 'git/update-ref' })).toEqual([]);
    expect(gh.requestsMatching({ operationId: 'git/delete-ref' })).toEqual([]);
    expect(
      gh.requestsMatching({ operationId: 'git/create-ref' }).filter((r) => r.status === 422).length,
    ).toBeGreaterThan(0);
  });

  it('re-running a promotion creates nothing and reports the existing tag', async () => {
    const first = await assignStage(
      { model: 'churn', version: 'v1.2.0', stage: 'production', details },
      { store: store() },
    );
    const writes = gh.requests.filter((r) => r.method === 'POST').length;
    const again = await assignStage(
      { model: 'churn', version: 'v1.2.0', stage: 'production', details },
      { store: store() },
    );

    expect(again).toMatchObject({ created: false, tag: first.tag, version: 'v1.2.0' });
    expect(gh.requests.filter((r) => r.method === 'POST').length).toBe(writes);
  });

  it('a rollback is a recorded promotion that says what the stage held before', async () => {
    await assignStage({ model: 'churn', version: 'v1.4.0', stage: 'production', details }, { store: store() });
    const back = await assignStage(
      { model: 'churn', version: 'v1.3.0', stage: 'production', details },
      { store: store() },
    );
    expect(back.previous).toMatchObject({ version: 'v1.4.0' });
    expect(registryState('churn', await store().listTags('churn')).stages.get('production')?.version.version).toBe(
      'v1.3.0',
    );
  });

  it('maps 422 "Reference already exists" to TagExistsError and resolves branches, tags and SHAs to commits', async () => {
    const s = store();
    const commit = gh.state.headSha;
    const error = await s.createTag({ name: 'churn@v1.0.0', commit, message: 'x' }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isTagExistsError(error)).toBe(true);
    expect(await s.resolveCommit('main')).toBe(commit);
    expect(await s.resolveCommit(commit)).toBe(commit);
    const v1 = gh.state.git.peel(gh.state.git.refs.get('refs/tags/churn@v1.0.0')!);
    expect(await s.resolveCommit('churn@v1.0.0')).toBe(v1);
    await expect(s.resolveCommit('no-such-branch')).rejects.toThrow(
      'no-such-branch names no commit in acme/churn on GitHub',
    );
  });
});
