import { renderComment, renderIssue, renderLabel, renderReaction } from '../render/issues.js';
import { paginate } from './paginate.js';
import { actor, type Handler } from './types.js';

const created = (url: string) => ({ location: url });

export const issueHandlers: Record<string, Handler> = {
  'issues/get': (req) => ({
    status: 200,
    body: renderIssue(req.ctx, req.repo, req.repo.issues.issue(req.params.issue_number as number)),
  }),

  'issues/list-for-repo': (req) => {
    const state = req.query.state as string;
    const direction = req.query.direction === 'asc' ? 1 : -1;
    const labels = typeof req.query.labels === 'string' ? req.query.labels.split(',').filter(Boolean) : [];
    const all = [...req.repo.issues.issues.values()]
      .filter((i) => state === 'all' || i.state === state)
      .filter(
        (i) => req.query.creator === undefined || i.user.toLowerCase() === String(req.query.creator).toLowerCase(),
      )
      .filter((i) => labels.every((l) => i.labels.includes(l)))
      .sort((a, b) => direction * (a.createdAt.getTime() - b.createdAt.getTime() || a.number - b.number));
    const page = paginate(req, all);
    return { status: 200, body: page.items.map((i) => renderIssue(req.ctx, req.repo, i)), headers: page.headers };
  },

  'issues/list-comments': (req) => {
    const since = typeof req.query.since === 'string' ? new Date(req.query.since).getTime() : undefined;
    const comments = req.repo.issues
      .commentsOn(req.repo.issues.issue(req.params.issue_number as number).number)
      .filter((c) => since === undefined || c.updatedAt.getTime() >= since);
    const page = paginate(req, comments);
    return { status: 200, body: page.items.map((c) => renderComment(req.ctx, req.repo, c)), headers: page.headers };
  },

  'issues/create-comment': (req) => {
    const comment = req.repo.issues.createComment(req.params.issue_number as number, String(req.body.body), actor(req));
    const body = renderComment(req.ctx, req.repo, comment);
    return { status: 201, body, headers: created(body.url as string) };
  },

  'issues/get-comment': (req) => ({
    status: 200,
    body: renderComment(req.ctx, req.repo, req.repo.issues.comment(req.params.comment_id as number)),
  }),

  'issues/update-comment': (req) => ({
    status: 200,
    body: renderComment(
      req.ctx,
      req.repo,
      req.repo.issues.updateComment(req.params.comment_id as number, String(req.body.body)),
    ),
  }),

  'issues/delete-comment': (req) => {
    req.repo.issues.deleteComment(req.params.comment_id as number);
    return { status: 204 };
  },

  'reactions/create-for-issue-comment': (req) => {
    const { reaction, created: isNew } = req.repo.issues.react(
      req.params.comment_id as number,
      String(req.body.content),
      actor(req),
    );
    return { status: isNew ? 201 : 200, body: renderReaction(req.ctx, reaction) };
  },

  'issues/create-label': (req) => {
    const label = req.repo.issues.createLabel(
      String(req.body.name),
      String(req.body.color ?? 'ededed').replace(/^#/, ''),
      (req.body.description as string | undefined) ?? null,
    );
    const body = renderLabel(req.ctx, req.repo, label);
    return { status: 201, body, headers: created(body.url as string) };
  },
};
