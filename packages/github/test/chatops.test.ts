import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { getOctokit } from '@actions/github';
import { isUserError } from '@mlgate/core';
import { FakeGitHub } from '@mlgate/testkit';
import { GitHubPermissionSource, mayPromote, readCommentEvent } from '../src/index.js';

describe("the commenter's permission through the API (FakeGitHub)", () => {
  let gh: FakeGitHub;
  let source: GitHubPermissionSource;
  beforeAll(async () => {
    gh = await FakeGitHub.start();
    source = new GitHubPermissionSource(getOctokit('ghs_x', { baseUrl: gh.url }), { owner: 'acme', repo: 'churn' });
    gh.state.setPermission('ada', 'write');
    gh.state.setPermission('max', 'maintain');
    gh.state.setPermission('tia', 'triage');
    gh.state.setPermission('rob', 'read');
  });
  afterAll(() => gh.close());

  it.each([
    ['acme', 'admin', true],
    ['ada', 'write', true],
    ['max', 'write', true],
    ['tia', 'read', false],
    ['rob', 'read', false],
    ['nobody-known', 'none', false],
  ] as const)('%s has %s: may promote %s', async (login, level, allowed) => {
    const permission = await source.permissionOf(login);
    expect(permission).toBe(level);
    expect(mayPromote(permission)).toBe(allowed);
  });

  it("asks about the login it is given, through GitHub's permission endpoint", async () => {
    await source.permissionOf('ada');
    expect(gh.requestsMatching({ operationId: 'repos/get-collaborator-permission-level' }).at(-1)!.path).toBe(
      '/repos/acme/churn/collaborators/ada/permission',
    );
  });
});

describe('readCommentEvent', () => {
  const payload = {
    action: 'created',
    issue: { number: 7, pull_request: { url: 'https://api.github.com/repos/acme/churn/pulls/7' } },
    comment: {
      id: 99,
      body: '/mlgate promote churn@v1.4.0 production',
      user: { login: 'ada', type: 'User' },
      html_url: 'https://github.com/acme/churn/pull/7#issuecomment-99',
      created_at: '2026-12-04T05:00:00Z',
    },
    sender: { login: 'mallory' },
  };

  it("takes the comment's author, not the event's sender (who may have edited someone else's comment)", () => {
    expect(readCommentEvent('issue_comment', payload)).toEqual({
      action: 'created',
      commentId: 99,
      issueNumber: 7,
      pullRequest: true,
      author: 'ada',
      authorType: 'User',
      body: '/mlgate promote churn@v1.4.0 production',
      url: 'https://github.com/acme/churn/pull/7#issuecomment-99',
      createdAt: '2026-12-04T05:00:00Z',
    });
  });

  it('reads an edited comment as edited, and an issue as not a pull request', () => {
    const event = readCommentEvent('issue_comment', { ...payload, action: 'edited', issue: { number: 3 } });
    expect(event).toMatchObject({ action: 'edited', pullRequest: false });
  });

  it('refuses other events and a payload without a comment', () => {
    const wrong = (() => {
      try {
        readCommentEvent('push', {});
      } catch (error) {
        return error as Error;
      }
    })();
    expect(isUserError(wrong)).toBe(true);
    expect(wrong?.message).toBe('chatops runs on issue_comment events, not push');
    expect(() => readCommentEvent('issue_comment', { action: 'created' })).toThrow(
      'the issue_comment event has no comment id, issue number or comment author',
    );
  });
});
