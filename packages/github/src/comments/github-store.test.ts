import { describe, it, expect, beforeEach, afterEach } from '@jest/globals';
import { FakeGitHub } from '@mlgate/testkit';
import { memoryLogger } from '../memory-logger.js';
import { createOctokit } from '../octokit/client.js';
import type { OctokitClock } from '../octokit/client.js';
import { GitHubCommentStore } from './github-store.js';

const REPO = { owner: 'acme', repo: 'churn' };
const noWait: OctokitClock = { now: () => Date.now(), sleep: async () => {} };

describe('GitHubCommentStore against FakeGitHub', () => {
  let gh: FakeGitHub;
  let pr: number;
  const storeFor = (token = 'ghs_store') =>
    new GitHubCommentStore(createOctokit({ token, baseUrl: gh.url, logger: memoryLogger() }, noWait), REPO);

  beforeEach(async () => {
    gh = await FakeGitHub.start({ now: new Date('2026-01-01T00:00:00Z') });
    pr = gh.state.issues.addPull({ head: { ref: 'feature', sha: 'a'.repeat(40) } }).number;
  });
  afterEach(() => gh.close());

  it('lists every comment across pages of 100, oldest first, with author, url and creation time', async () => {
    const seeded = Array.from({ length: 230 }, (_, i) =>
      gh.state.issues.createComment(pr, `comment ${i}`, i % 2 === 0 ? 'octocat' : 'github-actions[bot]'),
    );

    const comments = await storeFor().list(pr);

    expect(comments).toHaveLength(230);
    expect(comments.map((c) => c.id)).toEqual(seeded.map((c) => c.id));
    expect(comments[0]).toEqual({
      id: seeded[0]?.id,
      body: 'comment 0',
      author: 'octocat',
      url: `https://github.com/acme/churn/pull/${pr}#issuecomment-${seeded[0]?.id}`,
      createdAt: expect.stringMatching(/^2026-01-01T00:00:\d\dZ$/),
    });
    expect(comments[229]).toMatchObject({ body: 'comment 229', author: 'github-actions[bot]' });
    const pages = gh.requestsMatching({ operationId: 'issues/list-comments' });
    expect(pages.map((r) => r.query.per_page)).toEqual(['100', '100', '100']);
    expect(pages.map((r) => r.query.page ?? '1')).toEqual(['1', '2', '3']);
  });

  it('maps a comment whose author was deleted and whose body is absent, as GitHub may answer', async () => {
    // FakeGitHub's state always has an author and a body; GitHub's schema allows `user: null` and no body.
    gh.fail({
      operationId: 'issues/list-comments',
      status: 200,
      body: [{ id: 12, user: null, html_url: `https://github.com/acme/churn/pull/${pr}#issuecomment-12` }],
    });

    expect(await storeFor().list(pr)).toEqual([
      { id: 12, body: '', author: '', url: `https://github.com/acme/churn/pull/${pr}#issuecomment-12` },
    ]);
  });

  it('creates a comment as the token identity and maps what GitHub answers', async () => {
    gh.addToken('ghs_alice', 'alice');

    const created = await storeFor('ghs_alice').create(pr, 'hello');

    const stored = gh.state.issues.commentsOn(pr);
    expect(stored).toHaveLength(1);
    expect(created).toEqual({
      id: stored[0]?.id,
      body: 'hello',
      author: 'alice',
      url: `https://github.com/acme/churn/pull/${pr}#issuecomment-${stored[0]?.id}`,
      createdAt: expect.any(String),
    });
    expect(gh.requestsMatching({ operationId: 'issues/create-comment' })).toHaveLength(1);
  });

  it('updates the body of an existing comment in place', async () => {
    const original = gh.state.issues.createComment(pr, 'old', 'github-actions[bot]');

    const updated = await storeFor().update(original.id, 'new');

    expect(updated).toMatchObject({ id: original.id, body: 'new', author: 'github-actions[bot]' });
    expect(gh.state.issues.comment(original.id).body).toBe('new');
    expect(gh.state.issues.commentsOn(pr)).toHaveLength(1);
  });

  it('deletes a comment, and deleting it again succeeds because it is already gone', async () => {
    const doomed = gh.state.issues.createComment(pr, 'bye', 'github-actions[bot]');
    const store = storeFor();

    await store.delete(doomed.id);
    await expect(store.delete(doomed.id)).resolves.toBeUndefined();

    expect(gh.state.issues.commentsOn(pr)).toEqual([]);
    expect(gh.requestsMatching({ operationId: 'issues/delete-comment' }).map((r) => r.status)).toEqual([204, 404]);
  });

  it('fails a delete GitHub refuses for another reason than absence', async () => {
    const kept = gh.state.issues.createComment(pr, 'stays', 'github-actions[bot]');
    gh.addToken('ghs_fork', 'github-actions[bot]', { permission: 'read' });

    await expect(storeFor('ghs_fork').delete(kept.id)).rejects.toMatchObject({ status: 403 });
    expect(gh.state.issues.commentsOn(pr)).toHaveLength(1);
  });
});
