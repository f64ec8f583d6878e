import { renderPull, renderPullSimple } from '../render/pulls.js';
import { paginate } from './paginate.js';
import type { Handler } from './types.js';

export const pullHandlers: Record<string, Handler> = {
  'pulls/get': (req) => ({
    status: 200,
    body: renderPull(req.ctx, req.repo, req.repo.issues.pull(req.params.pull_number as number)),
  }),

  // `head` filters by `owner:branch`. GitHub silently ignores a bare branch name and returns every pull request,
  // a classic source of "found the wrong PR" bugs, so the fake does the same.
  'pulls/list': (req) => {
    const state = req.query.state as string;
    const head = typeof req.query.head === 'string' ? req.query.head : undefined;
    const direction = req.query.direction === 'asc' ? 1 : -1;
    const pulls = req.repo.issues
      .pulls()
      .filter((pr) => state === 'all' || pr.state === state)
      .filter((pr) => req.query.base === undefined || pr.pull.base.ref === req.query.base)
      .filter((pr) => {
        if (head === undefined || !head.includes(':')) return true;
        const [owner, branch] = head.split(/:(.*)/s);
        return owner?.toLowerCase() === pr.pull.head.repo.split('/')[0]?.toLowerCase() && branch === pr.pull.head.ref;
      })
      .sort((a, b) => direction * (a.createdAt.getTime() - b.createdAt.getTime() || a.number - b.number));
    const page = paginate(req, pulls);
    return {
      status: 200,
      body: page.items.map((pr) => renderPullSimple(req.ctx, req.repo, pr)),
      headers: page.headers,
    };
  },
};
