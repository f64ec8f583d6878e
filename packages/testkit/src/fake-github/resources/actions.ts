import { ApiError, notFound } from '../api-error.js';
import { renderArtifact, renderRun } from '../render/actions.js';
import { storagePath } from '../storage.js';
import { paginate } from './paginate.js';
import type { ApiRequest, Handler } from './types.js';

function listRuns(req: ApiRequest, workflowId: number | undefined) {
  const runs = req.repo.actions.listRuns(workflowId, {
    actor: req.query.actor as string | undefined,
    branch: req.query.branch as string | undefined,
    event: req.query.event as string | undefined,
    status: req.query.status as string | undefined,
    head_sha: req.query.head_sha as string | undefined,
  });
  const page = paginate(req, runs);
  const excludePullRequests = req.query.exclude_pull_requests === true;
  return {
    status: 200,
    body: {
      total_count: runs.length,
      workflow_runs: page.items.map((r) => renderRun(req.ctx, req.repo, r, { excludePullRequests })),
    },
    headers: page.headers,
  };
}

export const actionsHandlers: Record<string, Handler> = {
  'actions/list-workflow-runs': (req) => {
    const workflow = req.repo.actions.workflow(String(req.params.workflow_id));
    if (!workflow) throw notFound();
    return listRuns(req, workflow.id);
  },

  'actions/list-workflow-runs-for-repo': (req) => listRuns(req, undefined),

  'actions/get-workflow-run': (req) => ({
    status: 200,
    body: renderRun(req.ctx, req.repo, req.repo.actions.run(req.params.run_id as number), {
      excludePullRequests: req.query.exclude_pull_requests === true,
    }),
  }),

  'actions/list-workflow-run-artifacts': (req) => {
    const run = req.repo.actions.run(req.params.run_id as number);
    const artifacts = req.repo.actions
      .artifactsOf(run.id)
      .filter((a) => req.query.name === undefined || a.name === req.query.name);
    if (req.query.direction === 'asc') artifacts.reverse();
    const page = paginate(req, artifacts);
    return {
      status: 200,
      body: { total_count: artifacts.length, artifacts: page.items.map((a) => renderArtifact(req.ctx, req.repo, a)) },
      headers: page.headers,
    };
  },

  'actions/get-artifact': (req) => ({
    status: 200,
    body: renderArtifact(req.ctx, req.repo, req.repo.actions.artifact(req.params.artifact_id as number)),
  }),

  // GitHub answers 302 to a short-lived blob URL; fetch (and so octokit) follows it and returns the zip bytes.
  'actions/download-artifact': (req) => {
    const artifact = req.repo.actions.artifact(req.params.artifact_id as number);
    if (req.params.archive_format !== 'zip') throw notFound();
    if (artifact.expired) throw new ApiError(410, 'Artifact has expired');
    return { status: 302, headers: { location: req.ctx.storage + storagePath('artifact', req.repo, artifact.id) } };
  },
};
