import { renderDeployment, renderDeploymentStatus } from '../render/deployments.js';
import type { DeploymentInput, DeploymentStatusInput } from '../state/deployments.js';
import { paginate } from './paginate.js';
import { actor, type Handler } from './types.js';

// GitHub's list filters use the literal string "none" as their default: treat it as "no filter".
const filterValue = (value: unknown): string | undefined =>
  value === undefined || value === null || value === 'none' ? undefined : String(value);

export const deploymentHandlers: Record<string, Handler> = {
  'repos/create-deployment': (req) => {
    const outcome = req.repo.deployments.create(req.body as unknown as DeploymentInput, actor(req));
    if (outcome.kind === 'merged') return { status: 202, body: { message: outcome.message } };
    const body = renderDeployment(req.ctx, req.repo, outcome.deployment);
    return { status: 201, body, headers: { location: body.url as string } };
  },

  'repos/list-deployments': (req) => {
    const deployments = req.repo.deployments.list({
      sha: filterValue(req.query.sha),
      ref: filterValue(req.query.ref),
      task: filterValue(req.query.task),
      environment: filterValue(req.query.environment),
    });
    const page = paginate(req, deployments);
    return { status: 200, body: page.items.map((d) => renderDeployment(req.ctx, req.repo, d)), headers: page.headers };
  },

  'repos/get-deployment': (req) => ({
    status: 200,
    body: renderDeployment(req.ctx, req.repo, req.repo.deployments.deployment(req.params.deployment_id as number)),
  }),

  'repos/create-deployment-status': (req) => {
    const status = req.repo.deployments.createStatus(
      req.params.deployment_id as number,
      req.body as unknown as DeploymentStatusInput,
      actor(req),
    );
    const body = renderDeploymentStatus(req.ctx, req.repo, status);
    return { status: 201, body, headers: { location: body.url as string } };
  },

  'repos/list-deployment-statuses': (req) => {
    const deployment = req.repo.deployments.deployment(req.params.deployment_id as number);
    const page = paginate(req, req.repo.deployments.statusesOf(deployment.id));
    return {
      status: 200,
      body: page.items.map((s) => renderDeploymentStatus(req.ctx, req.repo, s)),
      headers: page.headers,
    };
  },
};
