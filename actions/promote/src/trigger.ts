import { UserError } from '@mlgate/core';
import { type CommentEvent, readCommentEvent } from '@mlgate/github';

/** What the workflow's event asks of the action. */
export type Trigger =
  /** `workflow_dispatch`: assign the given version to the given stage. */
  | { mode: 'assign' }
  /** `push`: register the pushed commit; `defaultBranch` false when the push is to another branch. */
  | { mode: 'register'; sha: string; defaultBranch: boolean; branch: string }
  /** `issue_comment`: a chatops command, maybe. */
  | { mode: 'chatops'; comment: CommentEvent };

/** The mode from the event that started the workflow; any other event is a usage error naming it. */
export function readTrigger(
  eventName: string,
  payload: Record<string, unknown>,
  env: { sha: string; ref: string },
): Trigger {
  switch (eventName) {
    case 'workflow_dispatch':
      return { mode: 'assign' };
    case 'push': {
      const repository = payload.repository as { default_branch?: unknown } | undefined;
      const defaultBranch = typeof repository?.default_branch === 'string' ? repository.default_branch : 'main';
      const branch = env.ref.replace(/^refs\/heads\//, '');
      if (!/^[0-9a-f]{40}$/i.test(env.sha)) throw new UserError('the push event has no commit SHA (GITHUB_SHA)');
      return { mode: 'register', sha: env.sha, defaultBranch: env.ref === `refs/heads/${defaultBranch}`, branch };
    }
    case 'issue_comment':
      return { mode: 'chatops', comment: readCommentEvent(eventName, payload) };
    default:
      throw new UserError(
        `promote runs on workflow_dispatch (assign), push (register) or issue_comment (chatops), not ${eventName}`,
      );
  }
}
