import type { ArtifactRecord, RunRecord } from '../state/actions.js';
import { iso } from '../state/clock.js';
import { nodeId } from '../state/ids.js';
import type { RepoState } from '../state/repo.js';
import { repoApi, repoWeb, type RenderContext } from './context.js';
import { renderPullMinimal } from './pulls.js';
import { renderRepository } from './repos.js';
import { renderSimpleUser } from './users.js';

/**
 * GitHub's `workflow-run` object. Like GitHub, `pull_requests` only lists pull requests whose head branch lives
 * in this repository: a run triggered from a fork has an empty list, so consumers must match by head SHA.
 */
export function renderRun(
  ctx: RenderContext,
  repo: RepoState,
  run: RunRecord,
  options: { excludePullRequests?: boolean } = {},
): Record<string, unknown> {
  const api = repoApi(ctx, repo);
  const url = `${api}/actions/runs/${run.id}`;
  const workflow = repo.actions.workflows.get(run.workflowId);
  const [headOwner = '', headName = ''] = run.headRepo.split('/');
  const headRepo = ctx.world.repo(headOwner, headName) ?? repo;
  const commit = repo.git.commits.get(run.headSha);
  const pulls = options.excludePullRequests
    ? []
    : repo.issues
        .pulls()
        .filter(
          (pr) =>
            pr.pull.head.repo === repo.fullName &&
            pr.pull.head.ref === run.headBranch &&
            run.headRepo === repo.fullName,
        );
  return {
    id: run.id,
    name: run.name,
    node_id: nodeId('WFR', run.id),
    head_branch: run.headBranch,
    head_sha: run.headSha,
    path: workflow?.path ?? '',
    display_title: run.displayTitle,
    run_number: run.runNumber,
    event: run.event,
    status: run.status,
    conclusion: run.conclusion,
    workflow_id: run.workflowId,
    check_suite_id: run.id + 1,
    check_suite_node_id: nodeId('CS', run.id + 1),
    url,
    html_url: `${repoWeb(ctx, repo)}/actions/runs/${run.id}`,
    pull_requests: pulls.map((pr) => renderPullMinimal(ctx, repo, pr)),
    created_at: iso(run.createdAt),
    updated_at: iso(run.updatedAt),
    actor: renderSimpleUser(ctx, run.actor),
    run_attempt: run.runAttempt,
    referenced_workflows: [],
    run_started_at: iso(run.createdAt),
    triggering_actor: renderSimpleUser(ctx, run.actor),
    jobs_url: `${url}/jobs`,
    logs_url: `${url}/logs`,
    check_suite_url: `${api}/check-suites/${run.id + 1}`,
    artifacts_url: `${url}/artifacts`,
    cancel_url: `${url}/cancel`,
    rerun_url: `${url}/rerun`,
    previous_attempt_url: run.runAttempt > 1 ? `${url}/attempts/${run.runAttempt - 1}` : null,
    workflow_url: `${api}/actions/workflows/${run.workflowId}`,
    head_commit: commit
      ? {
          id: commit.sha,
          tree_id: commit.tree,
          message: commit.message,
          timestamp: iso(commit.committer.date),
          author: { name: commit.author.name, email: commit.author.email },
          committer: { name: commit.committer.name, email: commit.committer.email },
        }
      : null,
    repository: renderRepository(ctx, repo),
    head_repository: renderRepository(ctx, headRepo),
    head_repository_id: headRepo.id,
  };
}

/** GitHub's `artifact` object. */
export function renderArtifact(ctx: RenderContext, repo: RepoState, artifact: ArtifactRecord): Record<string, unknown> {
  const api = repoApi(ctx, repo);
  const run = repo.actions.runs.get(artifact.runId);
  const [headOwner = '', headName = ''] = (run?.headRepo ?? repo.fullName).split('/');
  const headRepo = ctx.world.repo(headOwner, headName) ?? repo;
  return {
    id: artifact.id,
    node_id: nodeId('MDg6QXJ0aWZhY3Q', artifact.id),
    name: artifact.name,
    size_in_bytes: artifact.data.length,
    url: `${api}/actions/artifacts/${artifact.id}`,
    archive_download_url: `${api}/actions/artifacts/${artifact.id}/zip`,
    expired: artifact.expired,
    digest: artifact.digest,
    created_at: iso(artifact.createdAt),
    updated_at: iso(artifact.createdAt),
    expires_at: iso(artifact.expiresAt),
    workflow_run: run
      ? {
          id: run.id,
          repository_id: repo.id,
          head_repository_id: headRepo.id,
          head_branch: run.headBranch,
          head_sha: run.headSha,
        }
      : null,
  };
}
