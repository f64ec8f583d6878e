import { UserError } from '@mlgate/core';

/** An `issue_comment` event as chatops reads it. Everything but the numbers and the action is untrusted text. */
export interface CommentEvent {
  /** `created`, `edited` or `deleted`: only `created` comments are commands. */
  action: string;
  commentId: number;
  /** The issue or pull request the comment is on. */
  issueNumber: number;
  pullRequest: boolean;
  /** The comment's author: whose permission counts (not `github.actor`, who may be someone editing it). */
  author: string;
  authorType: string;
  body: string;
  /** The comment's page, for the reply to link. */
  url?: string;
  /** When the comment was written (ISO 8601): a command names what the registry held then. */
  createdAt?: string;
}

/** Reads the `issue_comment` payload; anything else is a usage error naming the event. */
export function readCommentEvent(eventName: string, payload: Record<string, unknown>): CommentEvent {
  if (eventName !== 'issue_comment') {
    throw new UserError(`chatops runs on issue_comment events, not ${eventName}`);
  }
  const comment = object(payload.comment);
  const issue = object(payload.issue);
  const user = object(comment?.user);
  const commentId = comment?.id;
  const issueNumber = issue?.number;
  if (typeof commentId !== 'number' || typeof issueNumber !== 'number' || typeof user?.login !== 'string') {
    throw new UserError('the issue_comment event has no comment id, issue number or comment author');
  }
  return {
    action: typeof payload.action === 'string' ? payload.action : '',
    commentId,
    issueNumber,
    pullRequest: issue?.pull_request !== undefined && issue.pull_request !== null,
    author: user.login,
    authorType: typeof user.type === 'string' ? user.type : 'User',
    body: typeof comment?.body === 'string' ? comment.body : '',
    ...(typeof comment?.html_url === 'string' && { url: comment.html_url }),
    ...(typeof comment?.created_at === 'string' && { createdAt: comment.created_at }),
  };
}

function object(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}
