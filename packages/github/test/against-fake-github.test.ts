import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { FakeGitHub } from '@mlgate/testkit';
import {
  GitHubCommentStore,
  createOctokit,
  memoryLogger,
  stickyMarker,
  upsertStickyComment,
  type OctokitClock,
} from '../src/index.js';

/** A clock whose sleeps return at once but are recorded, so waits are asserted, not endured. */
function recordingClock(): OctokitClock & { slept: number[] } {
  const slept: number[] = [];
  return {
    slept,
    now: () => Date.now(),
    sleep: async (ms: number) => {
      slept.push(ms);
    },
  };
}

describe('@mlgate/github against FakeGitHub', () => {
  let gh: FakeGitHub;

  beforeEach(async () => {
    gh = await FakeGitHub.start();
  });
  afterEach(async () => {
    await gh.close();
  });

  it('waits out a 403 secondary rate limit with retry-after: 2, then retries and succeeds', async () => {
    const pr = gh.state.issues.addPull({ head: { ref: 'feature', sha: 'c'.repeat(40) } }).number;
    gh.failSecondaryRateLimit({ retryAfter: 2, times: 1 });
    const clock = recordingClock();
    const logger = memoryLogger();
    const octokit = createOctokit({ token: 'ghs_x', baseUrl: gh.url, logger }, clock);

    const { data } = await octokit.rest.issues.createComment({
      owner: 'acme',
      repo: 'churn',
      issue_number: pr,
      body: 'hi',
    });

    expect(data.body).toBe('hi');
    expect(clock.slept).toContain(2000);
    expect(gh.requests.map((r) => r.status)).toEqual([403, 201]);
    expect(logger.lines().join('\n')).toMatch(/waiting 2 s \(from retry-after\)/);
  });

  it('finds its sticky comment on the third page and updates it instead of adding another', async () => {
    const pr = gh.state.issues.addPull({ head: { ref: 'feature', sha: 'd'.repeat(40) } }).number;
    for (let i = 0; i < 230; i++) gh.state.issues.createComment(pr, `chatter ${i}`, 'octocat');
    const marker = stickyMarker('default');
    const ours = gh.state.issues.createComment(pr, `${marker}\nold report`, 'github-actions[bot]');
    const octokit = createOctokit({ token: 'ghs_x', baseUrl: gh.url, logger: memoryLogger() }, recordingClock());
    const store = new GitHubCommentStore(octokit, { owner: 'acme', repo: 'churn' });

    const result = await upsertStickyComment(store, {
      issue: pr,
      marker,
      body: 'new report',
      author: 'github-actions[bot]',
    });

    expect(result.action).toBe('updated');
    expect(result.comment.id).toBe(ours.id);
    expect(gh.state.issues.commentsOn(pr)).toHaveLength(231);
    expect(gh.state.issues.comment(ours.id).body).toContain('new report');
    expect(gh.requestsMatching({ operationId: 'issues/list-comments' })).toHaveLength(3);
  });
});
