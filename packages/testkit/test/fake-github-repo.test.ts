import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { getOctokit } from '@actions/github';
import { rejected } from './fixtures/octokit-failure.js';
import { FakeGitHub } from '../src/fake-github/index.js';

const repo = { owner: 'acme', repo: 'churn' };

let gh: FakeGitHub;
let octokit: ReturnType<typeof getOctokit>;

beforeEach(async () => {
  gh = await FakeGitHub.start();
  octokit = getOctokit('ghs_token', { baseUrl: gh.url });
});
afterEach(async () => {
  await gh.close();
});

describe('FakeGitHub check runs and statuses', () => {
  it('completes a check run when a conclusion is given and keeps only the latest run per name by default', async () => {
    const sha = gh.state.headSha;
    const first = await octokit.rest.checks.create({ ...repo, name: 'mlgate', head_sha: sha, status: 'in_progress' });
    const done = await octokit.rest.checks.update({
      ...repo,
      check_run_id: first.data.id,
      conclusion: 'failure',
      output: { title: 'Gate failed', summary: 'auc dropped' },
    });
    await octokit.rest.checks.create({ ...repo, name: 'mlgate', head_sha: sha, conclusion: 'success' });

    const latest = await octokit.rest.checks.listForRef({ ...repo, ref: 'main' });
    const all = await octokit.rest.checks.listForRef({ ...repo, ref: sha, filter: 'all' });

    expect(done.data).toMatchObject({ status: 'completed', conclusion: 'failure', output: { title: 'Gate failed' } });
    expect(done.data.completed_at).not.toBeNull();
    expect(latest.data.total_count).toBe(1);
    expect(latest.data.check_runs[0]?.conclusion).toBe('success');
    expect(all.data.total_count).toBe(2);
  });

  it('refuses completed without conclusion, unknown commits, and user tokens', async () => {
    gh.addToken('pat', 'alice');
    const user = getOctokit('pat', { baseUrl: gh.url });

    const noConclusion = await octokit.rest.checks
      .create({ ...repo, name: 'x', head_sha: gh.state.headSha, status: 'completed' })
      .then(...rejected);
    const unknownSha = await octokit.rest.checks
      .create({ ...repo, name: 'x', head_sha: 'c'.repeat(40) })
      .then(...rejected);
    const asUser = await user.rest.checks.create({ ...repo, name: 'x', head_sha: gh.state.headSha }).then(...rejected);

    expect(noConclusion.status).toBe(422);
    expect(unknownSha.status).toBe(422);
    expect(unknownSha.message).toContain('No commit found for SHA');
    expect(asUser.status).toBe(403);
  });

  it('links check runs to same-repository pull requests only, never to fork PRs', async () => {
    const ownHead = gh.state.git.addCommit({ parents: [gh.state.headSha] }).sha;
    const own = gh.state.issues.addPull({ head: { ref: 'feature', sha: ownHead } });
    gh.state.issues.addPull({ head: { ref: 'patch', sha: 'd'.repeat(40), repo: 'contributor/churn' } });

    const onOwn = await octokit.rest.checks.create({ ...repo, name: 'gate', head_sha: ownHead, conclusion: 'success' });
    const onFork = await octokit.rest.checks.create({
      ...repo,
      name: 'gate',
      head_sha: 'd'.repeat(40),
      conclusion: 'success',
    });

    expect(onOwn.data.pull_requests.map((p) => p.number)).toEqual([own.number]);
    expect(onFork.data.pull_requests).toEqual([]);
  });

  it('combines the latest status of each context: failure wins, then pending, else success', async () => {
    const sha = gh.state.headSha;
    const status = (state: 'success' | 'failure' | 'pending', context: string) =>
      octokit.rest.repos.createCommitStatus({ ...repo, sha, state, context });

    await status('failure', 'mlgate/gate');
    await status('success', 'ci/test');
    const whileFailing = await octokit.rest.repos.getCombinedStatusForRef({ ...repo, ref: sha });
    await status('pending', 'mlgate/gate');
    const whilePending = await octokit.rest.repos.getCombinedStatusForRef({ ...repo, ref: sha });
    await status('success', 'mlgate/gate');
    const passing = await octokit.rest.repos.getCombinedStatusForRef({ ...repo, ref: 'main' });
    const history = await octokit.rest.repos.listCommitStatusesForRef({ ...repo, ref: sha });

    expect([whileFailing.data.state, whilePending.data.state, passing.data.state]).toEqual([
      'failure',
      'pending',
      'success',
    ]);
    expect(passing.data.total_count).toBe(2);
    expect(history.data.map((s) => `${s.context}:${s.state}`)).toEqual([
      'mlgate/gate:success',
      'mlgate/gate:pending',
      'ci/test:success',
      'mlgate/gate:failure',
    ]);
  });
});

describe('FakeGitHub deployments', () => {
  it('answers 409 when a required context on the commit failed, and 201 once it passes', async () => {
    const sha = gh.state.headSha;
    await octokit.rest.repos.createCommitStatus({ ...repo, sha, state: 'failure', context: 'mlgate/gate' });

    const blocked = await octokit.rest.repos
      .createDeployment({ ...repo, ref: 'main', environment: 'production' })
      .then(...rejected);
    await octokit.rest.repos.createCommitStatus({ ...repo, sha, state: 'success', context: 'mlgate/gate' });
    const created = await octokit.rest.repos.createDeployment({ ...repo, ref: 'main', environment: 'production' });

    expect(blocked.status).toBe(409);
    expect(blocked.response?.data).toMatchObject({
      message: 'Conflict: Commit status checks failed for main.',
      errors: [{ contexts: [{ context: 'mlgate/gate', state: 'failure' }], field: 'required_contexts' }],
    });
    expect(created.status).toBe(201);
    expect(created.data).toMatchObject({ sha, ref: 'main', environment: 'production', production_environment: true });
  });

  it('answers 202 and merges the default branch into a branch that is behind it', async () => {
    const base = gh.state.headSha;
    const topic = gh.state.git.addCommit({ parents: [base], message: 'topic' }).sha;
    gh.state.git.setBranch('topic', topic);
    gh.state.git.setBranch('main', gh.state.git.addCommit({ parents: [base], message: 'main moved' }).sha);

    const merged = await octokit.rest.repos.createDeployment({ ...repo, ref: 'topic', required_contexts: [] });

    expect(merged.status).toBe(202);
    expect(merged.data).toEqual({ message: 'Auto-merged main into topic on deployment.' });
    expect(gh.state.git.isAncestor(gh.state.headSha, gh.state.git.resolveCommitish('topic') as string)).toBe(true);
    expect(gh.state.deployments.deployments.size).toBe(0);
  });

  it('marks the previous successful deployment of an environment inactive when a new one succeeds', async () => {
    const deploy = async () => {
      const d = await octokit.rest.repos.createDeployment({
        ...repo,
        ref: 'main',
        environment: 'production',
        required_contexts: [],
      });
      const id = (d.data as { id: number }).id;
      await octokit.rest.repos.createDeploymentStatus({ ...repo, deployment_id: id, state: 'success' });
      return id;
    };
    const older = await deploy();
    await deploy();

    const statuses = await octokit.rest.repos.listDeploymentStatuses({ ...repo, deployment_id: older });
    const production = await octokit.rest.repos.listDeployments({ ...repo, environment: 'production' });

    expect(statuses.data.map((s) => s.state)).toEqual(['inactive', 'success']);
    expect(production.data).toHaveLength(2);
  });
});

describe('FakeGitHub collaborator permissions, users and pulls', () => {
  it('reports permission levels the way GitHub folds roles', async () => {
    const roles = ['admin', 'maintain', 'write', 'triage', 'read'] as const;
    for (const role of roles) gh.state.setPermission(`${role}-user`, role);
    gh.addUser('stranger');

    const levels = await Promise.all(
      [...roles.map((r) => `${r}-user`), 'stranger', 'acme'].map(async (username) => {
        const { data } = await octokit.rest.repos.getCollaboratorPermissionLevel({ ...repo, username });
        return `${username}:${data.permission}/${data.role_name}`;
      }),
    );
    const ghost = await octokit.rest.repos
      .getCollaboratorPermissionLevel({ ...repo, username: 'ghost-404' })
      .then(...rejected);

    expect(levels).toEqual([
      'admin-user:admin/admin',
      'maintain-user:write/maintain',
      'write-user:write/write',
      'triage-user:read/triage',
      'read-user:read/read',
      'stranger:read/read',
      'acme:admin/admin',
    ]);
    expect(ghost.status).toBe(404);
  });

  it('answers GET /user with 403 for the workflow token and with the user for a personal token', async () => {
    gh.addToken('pat', 'alice');

    const asBot = await octokit.rest.users.getAuthenticated().then(...rejected);
    const asUser = await getOctokit('pat', { baseUrl: gh.url }).rest.users.getAuthenticated();

    expect(asBot.status).toBe(403);
    expect(asBot.message).toContain('Resource not accessible by integration');
    expect(asUser.data).toMatchObject({ login: 'alice', type: 'User' });
  });

  it('filters pulls by owner:branch and, like GitHub, ignores a bare branch name', async () => {
    const a = gh.state.issues.addPull({ head: { ref: 'feature', sha: 'a'.repeat(40) } });
    gh.state.issues.addPull({ head: { ref: 'feature', sha: 'b'.repeat(40), repo: 'contributor/churn' } });
    gh.state.issues.addPull({ head: { ref: 'other', sha: 'c'.repeat(40) } });

    const exact = await octokit.rest.pulls.list({ ...repo, head: 'acme:feature' });
    const bare = await octokit.rest.pulls.list({ ...repo, head: 'feature' });
    const single = await octokit.rest.pulls.get({ ...repo, pull_number: a.number });

    expect(exact.data.map((p) => p.number)).toEqual([a.number]);
    expect(bare.data).toHaveLength(3);
    expect(single.data.head).toMatchObject({ ref: 'feature', sha: 'a'.repeat(40), label: 'acme:feature' });
    expect(single.data.base).toMatchObject({ ref: 'main', sha: gh.state.headSha });
  });
});

describe('FakeGitHub workflow runs and artifacts', () => {
  it('filters runs by workflow file, branch, event and conclusion, newest first', async () => {
    const sha = gh.state.headSha;
    gh.state.actions.addRun({ workflow: 'main.yml', headSha: sha, headBranch: 'main', conclusion: 'failure' });
    const good = gh.state.actions.addRun({ workflow: 'main.yml', headSha: sha, headBranch: 'main' });
    gh.state.actions.addRun({ workflow: 'main.yml', headSha: sha, headBranch: 'dev' });
    gh.state.actions.addRun({ workflow: 'pr.yml', headSha: sha, event: 'pull_request' });

    const { data } = await octokit.rest.actions.listWorkflowRuns({
      ...repo,
      workflow_id: 'main.yml',
      branch: 'main',
      status: 'success',
    });
    const unknown = await octokit.rest.actions.listWorkflowRuns({ ...repo, workflow_id: 'nope.yml' }).then(...rejected);

    expect(data.total_count).toBe(1);
    expect(data.workflow_runs[0]).toMatchObject({
      id: good.id,
      conclusion: 'success',
      path: '.github/workflows/main.yml',
      run_number: 2,
    });
    expect(unknown.status).toBe(404);
  });

  it('leaves pull_requests empty on runs from forks, as GitHub does', async () => {
    const sha = 'e'.repeat(40);
    gh.state.issues.addPull({ head: { ref: 'patch', sha, repo: 'contributor/churn' } });
    const run = gh.state.actions.addRun({
      event: 'pull_request',
      headSha: sha,
      headBranch: 'patch',
      headRepo: 'contributor/churn',
    });

    const { data } = await octokit.rest.actions.getWorkflowRun({ ...repo, run_id: run.id });

    expect(data.pull_requests).toEqual([]);
    expect(data.head_repository.full_name).toBe('contributor/churn');
    expect(data.head_sha).toBe(sha);
  });

  it('lists a run’s artifacts by name and downloads the zip bytes; an expired one is 410', async () => {
    const run = gh.state.actions.addRun({ headSha: gh.state.headSha });
    const zip = Buffer.from('PK\u0003\u0004 report');
    const report = gh.state.actions.addArtifact(run.id, { name: 'mlgate-report', data: zip });
    const old = gh.state.actions.addArtifact(run.id, { name: 'old', data: zip, expired: true });

    const listed = await octokit.rest.actions.listWorkflowRunArtifacts({
      ...repo,
      run_id: run.id,
      name: 'mlgate-report',
    });
    const download = await octokit.rest.actions.downloadArtifact({
      ...repo,
      artifact_id: report.id,
      archive_format: 'zip',
    });
    const expired = await octokit.rest.actions
      .downloadArtifact({ ...repo, artifact_id: old.id, archive_format: 'zip' })
      .then(...rejected);

    expect(listed.data.artifacts.map((a) => a.id)).toEqual([report.id]);
    expect(Buffer.from(download.data as ArrayBuffer)).toEqual(zip);
    expect(download.url).toContain('/_fakegithub/storage/artifact/');
    expect(expired.status).toBe(410);
  });
});
