import { iso } from '../state/clock.js';
import { nodeId } from '../state/ids.js';
import type { CommentRecord, IssueRecord, LabelRecord, ReactionRecord } from '../state/issues.js';
import type { RepoState } from '../state/repo.js';
import { repoApi, repoWeb, type RenderContext } from './context.js';
import { renderSimpleUser } from './users.js';

/** How GitHub labels the author relative to the repository. */
export function authorAssociation(repo: RepoState, login: string): string {
  const role = repo.roleOf(login);
  if (login.toLowerCase() === repo.owner.toLowerCase()) return 'OWNER';
  return role === 'admin' || role === 'maintain' || role === 'write' ? 'COLLABORATOR' : 'NONE';
}

function reactionRollup(url: string, reactions: ReactionRecord[]): Record<string, unknown> {
  const count = (content: string) => reactions.filter((r) => r.content === content).length;
  return {
    url,
    total_count: reactions.length,
    '+1': count('+1'),
    '-1': count('-1'),
    laugh: count('laugh'),
    hooray: count('hooray'),
    confused: count('confused'),
    heart: count('heart'),
    rocket: count('rocket'),
    eyes: count('eyes'),
  };
}

/** GitHub's `issue-comment` object. */
export function renderComment(ctx: RenderContext, repo: RepoState, comment: CommentRecord): Record<string, unknown> {
  const api = repoApi(ctx, repo);
  const issue = repo.issues.issues.get(comment.issueNumber);
  const kind = issue?.pull ? 'pull' : 'issues';
  return {
    url: `${api}/issues/comments/${comment.id}`,
    html_url: `${repoWeb(ctx, repo)}/${kind}/${comment.issueNumber}#issuecomment-${comment.id}`,
    issue_url: `${api}/issues/${comment.issueNumber}`,
    id: comment.id,
    node_id: nodeId('IC', comment.id),
    user: renderSimpleUser(ctx, comment.user),
    created_at: iso(comment.createdAt),
    updated_at: iso(comment.updatedAt),
    author_association: authorAssociation(repo, comment.user),
    body: comment.body,
    reactions: reactionRollup(
      `${api}/issues/comments/${comment.id}/reactions`,
      repo.issues.reactions.filter((r) => r.commentId === comment.id),
    ),
    performed_via_github_app: null,
  };
}

export function renderReaction(ctx: RenderContext, reaction: ReactionRecord): Record<string, unknown> {
  return {
    id: reaction.id,
    node_id: nodeId('REA', reaction.id),
    user: renderSimpleUser(ctx, reaction.user),
    content: reaction.content,
    created_at: iso(reaction.createdAt),
  };
}

export function renderLabel(ctx: RenderContext, repo: RepoState, label: LabelRecord): Record<string, unknown> {
  return {
    id: label.id,
    node_id: nodeId('LA', label.id),
    url: `${repoApi(ctx, repo)}/labels/${encodeURIComponent(label.name)}`,
    name: label.name,
    color: label.color,
    default: false,
    description: label.description,
  };
}

function labelsOf(ctx: RenderContext, repo: RepoState, names: string[]): Record<string, unknown>[] {
  return names.map((name) => {
    const label = repo.issues.labels.get(name.toLowerCase()) ?? { id: 0, name, color: 'ededed', description: null };
    return renderLabel(ctx, repo, label);
  });
}

/** GitHub's `issue` object; pull requests carry a `pull_request` link block. */
export function renderIssue(ctx: RenderContext, repo: RepoState, issue: IssueRecord): Record<string, unknown> {
  const api = repoApi(ctx, repo);
  const url = `${api}/issues/${issue.number}`;
  const web = `${repoWeb(ctx, repo)}/${issue.pull ? 'pull' : 'issues'}/${issue.number}`;
  return {
    url,
    repository_url: api,
    labels_url: `${url}/labels{/name}`,
    comments_url: `${url}/comments`,
    events_url: `${url}/events`,
    html_url: web,
    id: issue.id,
    node_id: nodeId(issue.pull ? 'PR' : 'I', issue.id),
    number: issue.number,
    title: issue.title,
    user: renderSimpleUser(ctx, issue.user),
    labels: labelsOf(ctx, repo, issue.labels),
    state: issue.state,
    locked: issue.locked,
    assignee: null,
    assignees: [],
    milestone: null,
    comments: issue.comments,
    created_at: iso(issue.createdAt),
    updated_at: iso(issue.updatedAt),
    closed_at: issue.closedAt ? iso(issue.closedAt) : null,
    author_association: authorAssociation(repo, issue.user),
    active_lock_reason: null,
    ...(issue.pull
      ? {
          draft: issue.pull.draft,
          pull_request: {
            url: `${api}/pulls/${issue.number}`,
            html_url: web,
            diff_url: `${web}.diff`,
            patch_url: `${web}.patch`,
            merged_at: issue.pull.mergedAt ? iso(issue.pull.mergedAt) : null,
          },
        }
      : {}),
    body: issue.body,
    reactions: reactionRollup(`${url}/reactions`, []),
    timeline_url: `${url}/timeline`,
    performed_via_github_app: null,
    state_reason: issue.state === 'closed' ? 'completed' : null,
  };
}
