import { ApiError, notFound } from '../api-error.js';
import { renderCheckRun, renderCombinedStatus, renderStatus } from '../render/checks.js';
import type { CheckRunInput, StatusState } from '../state/checks.js';
import { paginate } from './paginate.js';
import { actor, type ApiRequest, type Handler } from './types.js';

/** Check runs are a GitHub App feature: a user token gets 403, as on GitHub. */
function assertApp(req: ApiRequest): string {
  const login = actor(req);
  if (req.ctx.world.users.get(login)?.type !== 'Bot')
    throw new ApiError(403, 'You must authenticate via a GitHub App.');
  return login;
}

function commitFor(req: ApiRequest): string {
  const sha = req.repo.git.resolveCommitish(String(req.params.ref));
  if (!sha) throw new ApiError(422, `No commit found for SHA: ${String(req.params.ref)}`);
  return sha;
}

export const checkHandlers: Record<string, Handler> = {
  'checks/create': (req) => {
    const run = req.repo.checks.createRun(req.body as CheckRunInput, assertApp(req));
    return { status: 201, body: renderCheckRun(req.ctx, req.repo, run) };
  },

  'checks/update': (req) => {
    assertApp(req);
    const run = req.repo.checks.updateRun(req.params.check_run_id as number, req.body as CheckRunInput);
    return { status: 200, body: renderCheckRun(req.ctx, req.repo, run) };
  },

  'checks/get': (req) => ({
    status: 200,
    body: renderCheckRun(req.ctx, req.repo, req.repo.checks.run(req.params.check_run_id as number)),
  }),

  'checks/list-for-ref': (req) => {
    const runs = req.repo.checks
      .runsFor(commitFor(req), req.query.filter === 'all' ? 'all' : 'latest')
      .filter((r) => req.query.check_name === undefined || r.name === req.query.check_name)
      .filter((r) => req.query.status === undefined || r.status === req.query.status);
    const page = paginate(req, runs);
    return {
      status: 200,
      body: { total_count: runs.length, check_runs: page.items.map((r) => renderCheckRun(req.ctx, req.repo, r)) },
      headers: page.headers,
    };
  },

  'repos/create-commit-status': (req) => {
    const status = req.repo.checks.createStatus(
      String(req.params.sha),
      req.body as { state: StatusState; target_url?: string; description?: string; context?: string },
      actor(req),
    );
    const body = renderStatus(req.ctx, req.repo, status);
    return { status: 201, body, headers: { location: body.url as string } };
  },

  'repos/list-commit-statuses-for-ref': (req) => {
    const sha = req.repo.git.resolveCommitish(String(req.params.ref));
    const statuses = sha ? req.repo.checks.statusesFor(sha) : [];
    const page = paginate(req, statuses);
    return { status: 200, body: page.items.map((s) => renderStatus(req.ctx, req.repo, s)), headers: page.headers };
  },

  'repos/get-combined-status-for-ref': (req) => {
    const sha = req.repo.git.resolveCommitish(String(req.params.ref));
    if (!sha) throw notFound();
    const combined = req.repo.checks.combined(sha);
    const page = paginate(req, combined.statuses);
    return {
      status: 200,
      body: renderCombinedStatus(req.ctx, req.repo, sha, combined.state, page.items, combined.statuses.length),
      headers: page.headers,
    };
  },
};
