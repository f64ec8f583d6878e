import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { getOctokit } from '@actions/github';
import { rejected } from './fixtures/octokit-failure.js';
import { FakeGitHub } from '../src/fake-github/index.js';
import { OperationRouter } from '../src/fake-github/openapi/router.js';
import { loadGitHubSubset } from '../src/fake-github/openapi/spec.js';
import { OpenApiValidator } from '../src/fake-github/openapi/validator.js';
import { handlers } from '../src/fake-github/resources/index.js';

type Octokit = ReturnType<typeof getOctokit>;
const repo = { owner: 'acme', repo: 'churn' };

/** Calls every operation FakeGitHub implements at least once, each answering 2xx/3xx. */
async function tour(gh: FakeGitHub, octokit: Octokit): Promise<void> {
  const head = gh.state.git.addCommit({ parents: [gh.state.headSha], message: 'feature' });
  const pr = gh.state.issues.addPull({ head: { ref: 'feature', sha: head.sha }, title: 'Improve churn model' });
  gh.state.issues.addPull({ head: { ref: 'patch-1', sha: 'f'.repeat(40), repo: 'contributor/churn' } });
  gh.state.issues.addIssue({ title: 'An issue' });

  await octokit.rest.issues.get({ ...repo, issue_number: pr.number });
  await octokit.rest.issues.listForRepo({ ...repo, state: 'all' });
  const comment = await octokit.rest.issues.createComment({ ...repo, issue_number: pr.number, body: 'report' });
  await octokit.rest.issues.listComments({ ...repo, issue_number: pr.number });
  await octokit.rest.issues.getComment({ ...repo, comment_id: comment.data.id });
  await octokit.rest.issues.updateComment({ ...repo, comment_id: comment.data.id, body: 'report v2' });
  await octokit.rest.reactions.createForIssueComment({ ...repo, comment_id: comment.data.id, content: 'eyes' });
  await octokit.rest.issues.deleteComment({ ...repo, comment_id: comment.data.id });
  await octokit.rest.issues.createLabel({ ...repo, name: 'mlgate', color: '0e8a16' });

  await octokit.rest.pulls.get({ ...repo, pull_number: pr.number });
  await octokit.rest.pulls.list({ ...repo, state: 'all' });

  const check = await octokit.rest.checks.create({
    ...repo,
    name: 'mlgate',
    head_sha: head.sha,
    status: 'in_progress',
  });
  await octokit.rest.checks.update({
    ...repo,
    check_run_id: check.data.id,
    conclusion: 'success',
    output: { title: 'Gate passed', summary: 'All metrics within tolerance' },
  });
  await octokit.rest.checks.get({ ...repo, check_run_id: check.data.id });
  await octokit.rest.checks.listForRef({ ...repo, ref: head.sha });
  await octokit.rest.repos.createCommitStatus({ ...repo, sha: head.sha, state: 'success', context: 'mlgate/gate' });
  await octokit.rest.repos.listCommitStatusesForRef({ ...repo, ref: head.sha });
  await octokit.rest.repos.getCombinedStatusForRef({ ...repo, ref: head.sha });

  const tag = await octokit.rest.git.createTag({
    ...repo,
    tag: 'churn@v1.0.0',
    message: '{"schema":"mlgate/registry@1"}',
    object: head.sha,
    type: 'commit',
    tagger: { name: 'mlgate', email: 'mlgate@example.com', date: '2026-01-01T00:00:00Z' },
  });
  await octokit.rest.git.getTag({ ...repo, tag_sha: tag.data.sha });
  await octokit.rest.git.createRef({ ...repo, ref: 'refs/tags/churn@v1.0.0', sha: tag.data.sha });
  await octokit.rest.git.createRef({ ...repo, ref: 'refs/heads/scratch', sha: gh.state.headSha });
  await octokit.rest.git.getRef({ ...repo, ref: 'heads/scratch' });
  await octokit.rest.git.updateRef({ ...repo, ref: 'heads/scratch', sha: head.sha });
  await octokit.rest.git.listMatchingRefs({ ...repo, ref: 'tags/churn@' });
  await octokit.rest.git.deleteRef({ ...repo, ref: 'heads/scratch' });
  await octokit.rest.git.getCommit({ ...repo, commit_sha: head.sha });

  const release = await octokit.rest.repos.createRelease({ ...repo, tag_name: 'churn@v1.0.0', draft: true });
  const asset = await octokit.rest.repos.uploadReleaseAsset({
    ...repo,
    release_id: release.data.id,
    name: 'model-card.md',
    data: '# Model card' as unknown as string,
    headers: { 'content-type': 'text/markdown' },
    baseUrl: gh.uploadsUrl,
  });
  await octokit.rest.repos.updateRelease({ ...repo, release_id: release.data.id, draft: false });
  await octokit.rest.repos.getRelease({ ...repo, release_id: release.data.id });
  await octokit.rest.repos.getReleaseByTag({ ...repo, tag: 'churn@v1.0.0' });
  await octokit.rest.repos.listReleases(repo);
  await octokit.rest.repos.listReleaseAssets({ ...repo, release_id: release.data.id });
  await octokit.rest.repos.getReleaseAsset({ ...repo, asset_id: asset.data.id });
  await octokit.rest.repos.updateReleaseAsset({ ...repo, asset_id: asset.data.id, label: 'Model card' });
  await octokit.rest.repos.deleteReleaseAsset({ ...repo, asset_id: asset.data.id });
  const scratch = await octokit.rest.repos.createRelease({ ...repo, tag_name: 'scratch', draft: true });
  await octokit.rest.repos.deleteRelease({ ...repo, release_id: scratch.data.id });

  const deployment = await octokit.rest.repos.createDeployment({
    ...repo,
    ref: 'churn@v1.0.0',
    environment: 'production',
    required_contexts: [],
  });
  const deploymentId = (deployment.data as { id: number }).id;
  await octokit.rest.repos.getDeployment({ ...repo, deployment_id: deploymentId });
  await octokit.rest.repos.listDeployments({ ...repo, environment: 'production' });
  await octokit.rest.repos.createDeploymentStatus({ ...repo, deployment_id: deploymentId, state: 'success' });
  await octokit.rest.repos.listDeploymentStatuses({ ...repo, deployment_id: deploymentId });

  gh.addUser('alice');
  gh.state.setPermission('alice', 'maintain');
  await octokit.rest.repos.getCollaboratorPermissionLevel({ ...repo, username: 'alice' });
  await octokit.rest.repos.get(repo);

  const run = gh.state.actions.addRun({
    workflow: 'pr.yml',
    event: 'pull_request',
    headBranch: 'feature',
    headSha: head.sha,
  });
  const artifact = gh.state.actions.addArtifact(run.id, { name: 'mlgate-report', data: Buffer.from('PK\u0005\u0006') });
  await octokit.rest.actions.listWorkflowRuns({ ...repo, workflow_id: 'pr.yml', branch: 'feature' });
  await octokit.rest.actions.listWorkflowRunsForRepo({ ...repo, event: 'pull_request' });
  await octokit.rest.actions.getWorkflowRun({ ...repo, run_id: run.id });
  await octokit.rest.actions.listWorkflowRunArtifacts({ ...repo, run_id: run.id, name: 'mlgate-report' });
  await octokit.rest.actions.getArtifact({ ...repo, artifact_id: artifact.id });
  await octokit.rest.actions.downloadArtifact({ ...repo, artifact_id: artifact.id, archive_format: 'zip' });

  await octokit.rest.rateLimit.get();
  const user = getOctokit('user-token', { baseUrl: gh.url });
  gh.addToken('user-token', 'alice');
  await user.rest.users.getAuthenticated();
}

describe('FakeGitHub against GitHub OpenAPI description', () => {
  let gh: FakeGitHub;
  beforeEach(async () => {
    gh = await FakeGitHub.start();
  });
  afterEach(async () => {
    await gh.close();
  });

  it('implements exactly the operations extracted into the committed subset', () => {
    const subset = loadGitHubSubset();
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(subset.operations).sort());
    for (const id of Object.keys(subset.operations)) expect(Object.values(subset.index)).toContain(id);
  });

  it('answers every implemented operation with bodies that validate against GitHub response schemas', async () => {
    await tour(gh, getOctokit('ghs_token', { baseUrl: gh.url }));

    expect(gh.violations).toEqual([]);
    const answered = new Set(gh.requests.filter((r) => r.status < 400).map((r) => r.operationId));
    expect([...answered].filter(Boolean).sort()).toEqual(Object.keys(handlers).sort());
  });

  it('detects a response body that drifts from the schema', () => {
    const validator = new OpenApiValidator(loadGitHubSubset());
    const problems = validator.validateResponse('issues/get-comment', 200, {
      id: '1',
      node_id: 'IC_x',
      url: 'https://api.github.com/repos/acme/churn/issues/comments/1',
      html_url: 'https://github.com/acme/churn/issues/1#issuecomment-1',
      issue_url: 'https://api.github.com/repos/acme/churn/issues/1',
      created_at: 'yesterday',
      updated_at: '2026-01-01T00:00:00Z',
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        'response/id must be integer',
        "response must have required property 'user'",
        'response/created_at must match format "date-time"',
      ]),
    );
  });

  it('fails the client call and records a violation for a path GitHub does not have', async () => {
    const octokit = getOctokit('ghs_token', { baseUrl: gh.url });

    const error = await octokit
      .request('POST /repos/{owner}/{repo}/issues/{issue_number}/commentz', { ...repo, issue_number: 1, body: 'x' })
      .then(...rejected);

    expect(error).toMatchObject({ status: 404 });
    expect(error.message).toContain("not in GitHub's OpenAPI description");
    expect(gh.takeViolations()).toEqual([
      expect.objectContaining({ kind: 'unknown-route', method: 'POST', path: '/repos/acme/churn/issues/1/commentz' }),
    ]);
  });

  it('fails the client call when a request body breaks the operation schema', async () => {
    const octokit = getOctokit('ghs_token', { baseUrl: gh.url });

    const missing = await octokit
      .request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
        ...repo,
        issue_number: 1,
        text: 'hi',
      } as never)
      .then(...rejected);
    const wrongEnum = await octokit.rest.checks
      .create({ ...repo, name: 'gate', head_sha: gh.state.headSha, conclusion: 'passed' as 'success' })
      .then(...rejected);

    expect(missing.status).toBe(422);
    expect(missing.message).toContain("must have required property 'body'");
    expect(missing.message).toContain('body property "text" is not in issues/create-comment\'s request schema');
    expect(wrongEnum.status).toBe(422);
    expect(wrongEnum.message).toContain('body/conclusion must be equal to one of the allowed values');
    expect(gh.takeViolations().map((v) => v.kind)).toEqual(['request-schema', 'request-schema']);
    expect(gh.state.issues.comments.size).toBe(0);
  });

  it('rejects query parameters an operation does not define and path parameters of the wrong type', async () => {
    const octokit = getOctokit('ghs_token', { baseUrl: gh.url });

    const unknownQuery = await octokit
      .request('GET /repos/{owner}/{repo}/pulls', { ...repo, status: 'open' })
      .then(...rejected);
    const badPath = await octokit
      .request('GET /repos/{owner}/{repo}/issues/comments/{comment_id}', { ...repo, comment_id: 'latest' } as never)
      .then(...rejected);

    expect(unknownQuery.message).toContain('query parameter "status" is not a parameter of pulls/list');
    expect(badPath.message).toContain('path/comment_id must be integer');
    expect(gh.takeViolations()).toHaveLength(2);
  });

  it('reports a GitHub operation the fake does not implement as unimplemented, not as unknown', async () => {
    const octokit = getOctokit('ghs_token', { baseUrl: gh.url });

    const error = await octokit.rest.issues.lock({ ...repo, issue_number: 1 }).then(...rejected);

    expect(error.message).toContain('FakeGitHub does not implement issues/lock');
    expect(gh.takeViolations()).toEqual([
      expect.objectContaining({ kind: 'unimplemented', operationId: 'issues/lock' }),
    ]);
  });

  it('makes close() reject while violations are left untaken, so swallowed errors still fail the test', async () => {
    const other = await FakeGitHub.start();
    await fetch(`${other.url}/repos/acme/churn/nonsense`);

    await expect(other.close()).rejects.toThrow(
      /1 violation\(s\):\n {2}1\. \[unknown-route\] FakeGitHub: GET \/repos\/acme\/churn\/nonsense/,
    );
  });
});

describe('OperationRouter', () => {
  const router = new OperationRouter(loadGitHubSubset().index);

  it('prefers literal segments over parameters', () => {
    expect(router.match('GET', '/repos/acme/churn/releases/assets/5')?.operationId).toBe('repos/get-release-asset');
    expect(router.match('GET', '/repos/acme/churn/releases/5/assets')?.operationId).toBe('repos/list-release-assets');
    expect(router.match('GET', '/repos/acme/churn/releases/tags/v1')?.operationId).toBe('repos/get-release-by-tag');
  });

  it('accepts refs and tags with literal or encoded slashes', () => {
    expect(router.match('PATCH', '/repos/acme/churn/git/refs/heads/feature/x')?.params.ref).toBe('heads/feature/x');
    expect(router.match('GET', '/repos/acme/churn/git/ref/tags%2Fchurn%40v1.0.0')?.params.ref).toBe(
      'tags/churn@v1.0.0',
    );
    expect(router.match('GET', '/repos/acme/churn/releases/tags/churn%23production%233')?.params.tag).toBe(
      'churn#production#3',
    );
  });

  it('lists the methods a known path accepts', () => {
    expect(router.match('PUT', '/repos/acme/churn/issues/comments/1')).toBeUndefined();
    expect(router.methodsFor('/repos/acme/churn/issues/comments/1').sort()).toEqual(['DELETE', 'GET', 'PATCH']);
  });
});
