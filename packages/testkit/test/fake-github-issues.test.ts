import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { getOctokit } from '@actions/github';
import { rejected } from './fixtures/octokit-failure.js';
import { FakeGitHub, MAX_BODY_CHARACTERS } from '../src/fake-github/index.js';

const repo = { owner: 'acme', repo: 'churn' };

describe('FakeGitHub issue comments', () => {
  let gh: FakeGitHub;
  let octokit: ReturnType<typeof getOctokit>;
  let pr: number;

  beforeEach(async () => {
    gh = await FakeGitHub.start();
    octokit = getOctokit('ghs_workflow_token', { baseUrl: gh.url });
    pr = gh.state.issues.addPull({ head: { ref: 'feature', sha: 'a'.repeat(40) } }).number;
  });
  afterEach(async () => {
    await gh.close();
  });

  it('walks every page with octokit.paginate, oldest comment first', async () => {
    for (let i = 0; i < 250; i++) gh.state.issues.createComment(pr, `comment ${i}`, 'octocat');

    const all = await octokit.paginate(octokit.rest.issues.listComments, { ...repo, issue_number: pr, per_page: 100 });

    expect(all.map((c) => c.body)).toEqual(Array.from({ length: 250 }, (_, i) => `comment ${i}`));
    expect(gh.requestsMatching({ operationId: 'issues/list-comments' }).map((r) => r.status)).toEqual([200, 200, 200]);
  });

  it('answers with Link headers in GitHub format: prev, next, last, first on /repositories/{id} URLs', async () => {
    for (let i = 0; i < 7; i++) gh.state.issues.createComment(pr, `c${i}`, 'octocat');
    const base = `${gh.url}/repositories/${gh.state.id}/issues/${pr}/comments`;

    const first = await octokit.rest.issues.listComments({ ...repo, issue_number: pr, per_page: 3 });
    const middle = await octokit.request(`GET ${base}?per_page=3&page=2`);
    const last = await octokit.request(`GET ${base}?per_page=3&page=3`);

    expect(first.headers.link).toBe(`<${base}?per_page=3&page=2>; rel="next", <${base}?per_page=3&page=3>; rel="last"`);
    expect(middle.headers.link).toBe(
      `<${base}?per_page=3&page=1>; rel="prev", <${base}?per_page=3&page=3>; rel="next", ` +
        `<${base}?per_page=3&page=3>; rel="last", <${base}?per_page=3&page=1>; rel="first"`,
    );
    expect(last.headers.link).toBe(`<${base}?per_page=3&page=2>; rel="prev", <${base}?per_page=3&page=1>; rel="first"`);
    expect((last.data as unknown[]).length).toBe(1);
  });

  it('serves 30 comments per page by default and at most 100 whatever per_page asks', async () => {
    for (let i = 0; i < 120; i++) gh.state.issues.createComment(pr, `c${i}`, 'octocat');

    const byDefault = await octokit.rest.issues.listComments({ ...repo, issue_number: pr });
    const capped = await octokit.rest.issues.listComments({ ...repo, issue_number: pr, per_page: 500 });

    expect(byDefault.data).toHaveLength(30);
    expect(capped.data).toHaveLength(100);
  });

  it('rejects a body over 65,536 characters with GitHub 422 and accepts one at the limit', async () => {
    const tooLong = await octokit.rest.issues
      .createComment({ ...repo, issue_number: pr, body: 'x'.repeat(MAX_BODY_CHARACTERS + 1) })
      .then(...rejected);
    const atLimit = await octokit.rest.issues.createComment({
      ...repo,
      issue_number: pr,
      body: 'x'.repeat(MAX_BODY_CHARACTERS),
    });

    expect(tooLong.status).toBe(422);
    expect(tooLong.response?.data).toMatchObject({
      message: 'Validation Failed',
      errors: [
        {
          resource: 'IssueComment',
          code: 'custom',
          field: 'body',
          message: 'body is too long (maximum is 65536 characters)',
        },
      ],
    });
    expect(atLimit.status).toBe(201);
    expect(gh.state.issues.commentsOn(pr)).toHaveLength(1);
  });

  it('attributes comments to the identity of the token, so another user can post a look-alike', async () => {
    gh.addToken('mallory-token', 'mallory');
    const mallory = getOctokit('mallory-token', { baseUrl: gh.url });

    const ours = await octokit.rest.issues.createComment({ ...repo, issue_number: pr, body: '<!-- mlgate -->' });
    const theirs = await mallory.rest.issues.createComment({ ...repo, issue_number: pr, body: '<!-- mlgate -->' });

    expect(ours.data.user).toMatchObject({ login: 'github-actions[bot]', type: 'Bot', id: 41898282 });
    expect(theirs.data.user).toMatchObject({ login: 'mallory', type: 'User' });
    expect(ours.data.id).not.toBe(theirs.data.id);
  });

  it('updates, reads back and deletes a comment', async () => {
    const created = await octokit.rest.issues.createComment({ ...repo, issue_number: pr, body: 'v1' });

    const updated = await octokit.rest.issues.updateComment({ ...repo, comment_id: created.data.id, body: 'v2' });
    const deleted = await octokit.rest.issues.deleteComment({ ...repo, comment_id: created.data.id });
    const gone = await octokit.rest.issues.getComment({ ...repo, comment_id: created.data.id }).then(...rejected);

    expect(created.headers.location).toBe(`${gh.url}/repos/acme/churn/issues/comments/${created.data.id}`);
    expect(updated.data.body).toBe('v2');
    expect(Date.parse(updated.data.updated_at)).toBeGreaterThanOrEqual(Date.parse(created.data.created_at));
    expect(deleted.status).toBe(204);
    expect(gone.status).toBe(404);
  });

  it('gives comment ids and issue numbers different ranges so mixing them up is a 404', async () => {
    const comment = await octokit.rest.issues.createComment({ ...repo, issue_number: pr, body: 'x' });

    const mixedUp = await octokit.rest.issues.getComment({ ...repo, comment_id: pr }).then(...rejected);

    expect(comment.data.id).toBeGreaterThan(1_000_000);
    expect(mixedUp.status).toBe(404);
  });

  it('denies writes to a read-only token (a fork PR GITHUB_TOKEN) but serves its reads', async () => {
    gh.addToken('fork-token', 'github-actions[bot]', { permission: 'read' });
    const readOnly = getOctokit('fork-token', { baseUrl: gh.url });

    const write = await readOnly.rest.issues.createComment({ ...repo, issue_number: pr, body: 'x' }).then(...rejected);
    const read = await readOnly.rest.issues.listComments({ ...repo, issue_number: pr });

    expect(write.status).toBe(403);
    expect(write.message).toContain('Resource not accessible by integration');
    expect(read.status).toBe(200);
  });

  it('records requests with the credential redacted', async () => {
    await octokit.rest.issues.createComment({ ...repo, issue_number: pr, body: 'hello' });

    const [request] = gh.requestsMatching({
      method: 'POST',
      path: '/repos/{owner}/{repo}/issues/{issue_number}/comments',
    });

    expect(request).toMatchObject({
      operationId: 'issues/create-comment',
      body: { body: 'hello' },
      login: 'github-actions[bot]',
      status: 201,
      headers: expect.objectContaining({ authorization: 'token [redacted]' }),
    });
    expect(JSON.stringify(gh.requests)).not.toContain('ghs_workflow_token');
  });
});

describe('FakeGitHub fault injection', () => {
  let gh: FakeGitHub;
  let octokit: ReturnType<typeof getOctokit>;
  let pr: number;

  beforeEach(async () => {
    gh = await FakeGitHub.start();
    octokit = getOctokit('ghs_workflow_token', { baseUrl: gh.url });
    pr = gh.state.issues.addPull({ head: { ref: 'feature', sha: 'b'.repeat(40) } }).number;
  });
  afterEach(async () => {
    await gh.close();
  });

  it('fails the given number of matching requests with the given status, then recovers', async () => {
    const fault = gh.fail({
      method: 'POST',
      path: '/repos/{owner}/{repo}/issues/{issue_number}/comments',
      status: 502,
    });

    const first = await octokit.rest.issues.createComment({ ...repo, issue_number: pr, body: 'x' }).then(...rejected);
    const second = await octokit.rest.issues.createComment({ ...repo, issue_number: pr, body: 'x' });

    expect(first.status).toBe(502);
    expect(second.status).toBe(201);
    expect(fault.hits).toBe(1);
    expect(gh.state.issues.commentsOn(pr)).toHaveLength(1);
  });

  it('can apply the change and still fail the response (the lost-response case)', async () => {
    gh.fail({ operationId: 'issues/create-comment', status: 504, afterHandler: true });

    const error = await octokit.rest.issues.createComment({ ...repo, issue_number: pr, body: 'x' }).then(...rejected);

    expect(error.status).toBe(504);
    expect(gh.state.issues.commentsOn(pr).map((c) => c.body)).toEqual(['x']);
  });

  it('answers a secondary rate limit with 403, GitHub message and retry-after, without applying the request', async () => {
    gh.failSecondaryRateLimit({ operationId: 'issues/create-comment', retryAfter: 7 });

    const error = await octokit.rest.issues.createComment({ ...repo, issue_number: pr, body: 'x' }).then(...rejected);

    expect(error.status).toBe(403);
    expect(error.message).toMatch(/secondary rate limit/);
    expect(error.response?.headers['retry-after']).toBe('7');
    expect(error.response?.headers['x-ratelimit-remaining']).not.toBe('0');
    expect(gh.state.issues.commentsOn(pr)).toHaveLength(0);
  });

  it('answers 403 with x-ratelimit-remaining 0 once the primary rate limit is used up', async () => {
    gh.setRateLimit({ remaining: 1 });

    const last = await octokit.rest.issues.listComments({ ...repo, issue_number: pr });
    const over = await octokit.rest.issues.listComments({ ...repo, issue_number: pr }).then(...rejected);

    expect(last.headers['x-ratelimit-remaining']).toBe('0');
    expect(over.status).toBe(403);
    expect(over.response?.headers['x-ratelimit-remaining']).toBe('0');
    expect(Number(over.response?.headers['x-ratelimit-reset'])).toBeGreaterThan(Date.now() / 1000);
  });

  it('holds requests at a barrier until all parties arrive, then releases them together', async () => {
    const barrier = gh.barrier({ operationId: 'issues/list-comments', parties: 2 });
    let firstDone = false;

    const first = octokit.rest.issues.listComments({ ...repo, issue_number: pr }).then((r) => {
      firstDone = true;
      return r;
    });
    await new Promise((resolve) => setTimeout(resolve, 150));
    const heldAlone = !firstDone && barrier.arrived === 1;
    const second = octokit.rest.issues.listComments({ ...repo, issue_number: pr });
    const [a, b] = await Promise.all([first, second]);

    expect(heldAlone).toBe(true);
    expect(barrier.released).toBe(true);
    expect([a.status, b.status]).toEqual([200, 200]);
  });

  it('records a violation when a barrier times out short of its parties', async () => {
    gh.barrier({ operationId: 'issues/list-comments', parties: 2, timeoutMs: 50 });

    const response = await octokit.rest.issues.listComments({ ...repo, issue_number: pr });

    expect(response.status).toBe(200);
    expect(gh.takeViolations()).toEqual([
      expect.objectContaining({ kind: 'barrier-timeout', message: expect.stringContaining('1 of 2 requests arrived') }),
    ]);
  });

  it('delays matching requests', async () => {
    gh.delay({ path: /\/comments$/, ms: 200 });

    const started = Date.now();
    await octokit.rest.issues.listComments({ ...repo, issue_number: pr });

    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
  });
});

describe('FakeGitHub default identity', () => {
  it("gives unregistered tokens the configured bot login with a workflow token's write access", async () => {
    const gh = await FakeGitHub.start({ login: 'mlgate-app[bot]' });
    try {
      const pr = gh.state.issues.addPull({ head: { ref: 'x', sha: 'c'.repeat(40) } });
      const octokit = getOctokit('ghs_app_token', { baseUrl: gh.url });

      const ref = await octokit.rest.git.createRef({ ...repo, ref: 'refs/tags/t', sha: gh.state.headSha });
      const comment = await octokit.rest.issues.createComment({ ...repo, issue_number: pr.number, body: 'x' });

      expect(comment.data.user).toMatchObject({ login: 'mlgate-app[bot]', type: 'Bot' });
      expect(ref.status).toBe(201);
    } finally {
      await gh.close();
    }
  });
});
