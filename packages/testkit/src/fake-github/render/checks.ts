import type { CheckRunRecord, StatusRecord } from '../state/checks.js';
import { iso } from '../state/clock.js';
import { nodeId } from '../state/ids.js';
import type { RepoState } from '../state/repo.js';
import { repoApi, repoWeb, type RenderContext } from './context.js';
import { renderPullMinimal } from './pulls.js';
import { renderRepository } from './repos.js';
import { renderActionsApp, renderSimpleUser } from './users.js';

/** GitHub's `check-run` object. `pull_requests` lists only same-repository PRs, as GitHub does (never forks). */
export function renderCheckRun(ctx: RenderContext, repo: RepoState, run: CheckRunRecord): Record<string, unknown> {
  const api = repoApi(ctx, repo);
  const url = `${api}/check-runs/${run.id}`;
  const pulls = repo.issues
    .pulls()
    .filter((pr) => pr.state === 'open' && pr.pull.head.sha === run.headSha && pr.pull.head.repo === repo.fullName);
  return {
    id: run.id,
    head_sha: run.headSha,
    node_id: nodeId('CR', run.id),
    external_id: run.externalId ?? '',
    url,
    html_url: `${repoWeb(ctx, repo)}/runs/${run.id}`,
    details_url: run.detailsUrl ?? `${repoWeb(ctx, repo)}/runs/${run.id}`,
    status: run.status,
    conclusion: run.conclusion,
    started_at: run.startedAt ? iso(run.startedAt) : null,
    completed_at: run.completedAt ? iso(run.completedAt) : null,
    output: {
      title: run.output.title,
      summary: run.output.summary,
      text: run.output.text,
      annotations_count: run.output.annotations.length,
      annotations_url: `${url}/annotations`,
    },
    name: run.name,
    check_suite: { id: run.suiteId },
    app: renderActionsApp(ctx),
    pull_requests: pulls.map((pr) => renderPullMinimal(ctx, repo, pr)),
  };
}

/** GitHub's `status` object (POST statuses, GET commits/{ref}/statuses). */
export function renderStatus(ctx: RenderContext, repo: RepoState, status: StatusRecord): Record<string, unknown> {
  const creator = renderSimpleUser(ctx, status.creator);
  return {
    url: `${repoApi(ctx, repo)}/statuses/${status.sha}`,
    avatar_url: creator.avatar_url,
    id: status.id,
    node_id: nodeId('SC', status.id),
    state: status.state,
    description: status.description,
    target_url: status.targetUrl,
    context: status.context,
    created_at: iso(status.createdAt),
    updated_at: iso(status.updatedAt),
    creator,
  };
}

/** GitHub's `combined-commit-status`; `statuses` is the page being served. */
export function renderCombinedStatus(
  ctx: RenderContext,
  repo: RepoState,
  sha: string,
  state: string,
  statuses: StatusRecord[],
  totalCount: number,
): Record<string, unknown> {
  const api = repoApi(ctx, repo);
  return {
    state,
    statuses: statuses.map((s) => {
      const { creator: _creator, ...simple } = renderStatus(ctx, repo, s);
      return simple;
    }),
    sha,
    total_count: totalCount,
    repository: renderRepository(ctx, repo),
    commit_url: `${api}/commits/${sha}`,
    url: `${api}/commits/${sha}/status`,
  };
}
