import { UserError } from '@mlgate/core';

/**
 * What the report is published for, read from the event that started the job.
 * - `pull-request`: a pull request of this repository; `fork` when its head lives elsewhere, where the token is
 *   read-only and nothing may be written: the report only becomes an artifact.
 * - `workflow-run`: the privileged half of the fork-safe flow, publishing what the triggering run left.
 * - `other`: a push, a dispatch: a check run on the commit and the summary, no comment.
 */
export type ReportTrigger =
  | { kind: 'pull-request'; number: number; headSha: string; fork: boolean }
  | WorkflowRunTrigger
  | { kind: 'other'; sha: string };

/** The run whose artifact is published. Everything here comes from GitHub's event, never from the artifact. */
export interface WorkflowRunTrigger {
  kind: 'workflow-run';
  runId: number;
  headSha: string;
  /** `owner/name` the head commit lives in: the fork for a fork's pull request. */
  headRepository: string;
  headBranch: string;
  /** The event that started the triggering run, e.g. `pull_request`. */
  event: string;
}

interface EventContext {
  eventName: string;
  payload: Record<string, unknown>;
  /** `owner/name` of the repository the job runs in. */
  repository: string;
  sha: string;
}

/**
 * The trigger of this job. `pull_request_target` runs with a write token and the secrets on a pull request that
 * may come from a stranger; it is refused unless `allowPullRequestTarget`, because a workflow that checks out and
 * runs the pull request's code there hands both to its author.
 */
export function reportTrigger(event: EventContext, { allowPullRequestTarget = false } = {}): ReportTrigger {
  const { eventName, payload } = event;
  if (eventName === 'pull_request_target' && !allowPullRequestTarget) {
    throw new UserError(
      'refusing to run on pull_request_target, which runs with a write token on pull requests from forks: ' +
        'publish fork reports with the workflow_run flow (examples/workflows/fork-pr.yml), or set ' +
        'allow-pull-request-target: true if this workflow never runs code from the pull request',
    );
  }
  if (eventName === 'workflow_run') return workflowRunTrigger(payload);
  const pull = object(payload.pull_request);
  if (pull && (eventName === 'pull_request' || eventName === 'pull_request_target')) {
    const head = object(pull.head);
    const headRepository = string(object(head?.repo)?.full_name);
    return {
      kind: 'pull-request',
      number: Number(pull.number),
      headSha: string(head?.sha) ?? event.sha,
      // A deleted fork leaves no head repository: it is no less untrusted.
      fork: eventName === 'pull_request' && headRepository?.toLowerCase() !== event.repository.toLowerCase(),
    };
  }
  return { kind: 'other', sha: event.sha };
}

function workflowRunTrigger(payload: Record<string, unknown>): WorkflowRunTrigger {
  const run = object(payload.workflow_run);
  const runId = run?.id;
  const headSha = string(run?.head_sha);
  const headRepository = string(object(run?.head_repository)?.full_name);
  if (typeof runId !== 'number' || !headSha || !/^[0-9a-f]{40}$/i.test(headSha) || !headRepository) {
    throw new UserError('the workflow_run event names no triggering run (id, head_sha and head_repository)');
  }
  return {
    kind: 'workflow-run',
    runId,
    headSha: headSha.toLowerCase(),
    headRepository,
    headBranch: string(run?.head_branch) ?? '',
    event: string(run?.event) ?? '',
  };
}

function object(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
}

function string(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
