import { iso } from '../state/clock.js';
import type { DeploymentRecord, DeploymentStatusRecord } from '../state/deployments.js';
import { nodeId } from '../state/ids.js';
import type { RepoState } from '../state/repo.js';
import { repoApi, type RenderContext } from './context.js';
import { renderSimpleUser } from './users.js';

/** GitHub's `deployment` object. */
export function renderDeployment(ctx: RenderContext, repo: RepoState, d: DeploymentRecord): Record<string, unknown> {
  const api = repoApi(ctx, repo);
  return {
    url: `${api}/deployments/${d.id}`,
    id: d.id,
    node_id: nodeId('DE', d.id),
    sha: d.sha,
    ref: d.ref,
    task: d.task,
    payload: d.payload,
    original_environment: d.originalEnvironment,
    environment: d.environment,
    description: d.description,
    creator: renderSimpleUser(ctx, d.creator),
    created_at: iso(d.createdAt),
    updated_at: iso(d.updatedAt),
    statuses_url: `${api}/deployments/${d.id}/statuses`,
    repository_url: api,
    transient_environment: d.transient,
    production_environment: d.production,
    performed_via_github_app: null,
  };
}

/** GitHub's `deployment-status` object. */
export function renderDeploymentStatus(
  ctx: RenderContext,
  repo: RepoState,
  s: DeploymentStatusRecord,
): Record<string, unknown> {
  const api = repoApi(ctx, repo);
  return {
    url: `${api}/deployments/${s.deploymentId}/statuses/${s.id}`,
    id: s.id,
    node_id: nodeId('DES', s.id),
    state: s.state,
    creator: renderSimpleUser(ctx, s.creator),
    description: s.description,
    environment: s.environment,
    target_url: s.targetUrl,
    created_at: iso(s.createdAt),
    updated_at: iso(s.createdAt),
    deployment_url: `${api}/deployments/${s.deploymentId}`,
    repository_url: api,
    environment_url: s.environmentUrl,
    log_url: s.logUrl,
    performed_via_github_app: null,
  };
}
