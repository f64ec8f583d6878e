import { iso } from '../state/clock.js';
import { nodeId } from '../state/ids.js';
import type { IssueRecord, PullInfo } from '../state/issues.js';
import type { RepoState } from '../state/repo.js';
import { repoApi, repoWeb, type RenderContext } from './context.js';
import { authorAssociation } from './issues.js';
import { renderRepository } from './repos.js';
import { renderSimpleUser } from './users.js';

type Pull = IssueRecord & { pull: PullInfo };

function branchEnd(ctx: RenderContext, fullName: string, ref: string, sha: string): Record<string, unknown> {
  const [owner = '', name = ''] = fullName.split('/');
  const repo = ctx.world.repo(owner, name);
  if (!repo) throw new Error(`FakeGitHub: pull request branch repository ${fullName} does not exist`);
  return {
    label: `${repo.owner}:${ref}`,
    ref,
    sha,
    user: renderSimpleUser(ctx, repo.owner),
    repo: renderRepository(ctx, repo),
  };
}

/** The fields shared by `pull-request-simple` (list) and `pull-request` (get). */
export function renderPullSimple(ctx: RenderContext, repo: RepoState, pr: Pull): Record<string, unknown> {
  const api = repoApi(ctx, repo);
  const url = `${api}/pulls/${pr.number}`;
  const web = `${repoWeb(ctx, repo)}/pull/${pr.number}`;
  const issueUrl = `${api}/issues/${pr.number}`;
  return {
    url,
    id: pr.id,
    node_id: nodeId('PR', pr.id),
    html_url: web,
    diff_url: `${web}.diff`,
    patch_url: `${web}.patch`,
    issue_url: issueUrl,
    commits_url: `${url}/commits`,
    review_comments_url: `${url}/comments`,
    review_comment_url: `${api}/pulls/comments{/number}`,
    comments_url: `${issueUrl}/comments`,
    statuses_url: `${api}/statuses/${pr.pull.head.sha}`,
    number: pr.number,
    state: pr.state,
    locked: pr.locked,
    title: pr.title,
    user: renderSimpleUser(ctx, pr.user),
    body: pr.body,
    labels: [],
    milestone: null,
    active_lock_reason: null,
    created_at: iso(pr.createdAt),
    updated_at: iso(pr.updatedAt),
    closed_at: pr.closedAt ? iso(pr.closedAt) : null,
    merged_at: pr.pull.mergedAt ? iso(pr.pull.mergedAt) : null,
    merge_commit_sha: pr.pull.mergeCommitSha,
    assignee: null,
    assignees: [],
    requested_reviewers: [],
    requested_teams: [],
    head: branchEnd(ctx, pr.pull.head.repo, pr.pull.head.ref, pr.pull.head.sha),
    base: branchEnd(ctx, repo.fullName, pr.pull.base.ref, pr.pull.base.sha),
    _links: {
      self: { href: url },
      html: { href: web },
      issue: { href: issueUrl },
      comments: { href: `${issueUrl}/comments` },
      review_comments: { href: `${url}/comments` },
      review_comment: { href: `${api}/pulls/comments{/number}` },
      commits: { href: `${url}/commits` },
      statuses: { href: `${api}/statuses/${pr.pull.head.sha}` },
    },
    author_association: authorAssociation(repo, pr.user),
    auto_merge: null,
    draft: pr.pull.draft,
  };
}

/** GitHub's full `pull-request` object. */
export function renderPull(ctx: RenderContext, repo: RepoState, pr: Pull): Record<string, unknown> {
  return {
    ...renderPullSimple(ctx, repo, pr),
    merged: pr.pull.merged,
    mergeable: pr.state === 'open' ? true : null,
    rebaseable: pr.state === 'open' ? true : null,
    mergeable_state: pr.state === 'open' ? 'clean' : 'unknown',
    merged_by: pr.pull.merged ? renderSimpleUser(ctx, repo.owner) : null,
    comments: pr.comments,
    review_comments: 0,
    maintainer_can_modify: false,
    commits: 1,
    additions: 0,
    deletions: 0,
    changed_files: 0,
  };
}

/** `pull-request-minimal`, as embedded in check runs and workflow runs. */
export function renderPullMinimal(ctx: RenderContext, repo: RepoState, pr: Pull): Record<string, unknown> {
  const end = (fullName: string, ref: string, sha: string) => {
    const [owner = '', name = ''] = fullName.split('/');
    const target = ctx.world.repo(owner, name) ?? repo;
    return { ref, sha, repo: { id: target.id, url: repoApi(ctx, target), name: target.name } };
  };
  return {
    url: `${repoApi(ctx, repo)}/pulls/${pr.number}`,
    id: pr.id,
    number: pr.number,
    head: end(pr.pull.head.repo, pr.pull.head.ref, pr.pull.head.sha),
    base: end(repo.fullName, pr.pull.base.ref, pr.pull.base.sha),
  };
}
