import { notFound } from '../api-error.js';
import { renderCommit, renderRef, renderTag } from '../render/git.js';
import type { GitObjectType } from '../state/git.js';
import type { Handler } from './types.js';

export const gitHandlers: Record<string, Handler> = {
  'git/get-ref': (req) => ({
    status: 200,
    body: renderRef(req.ctx, req.repo, req.repo.git.getRef(String(req.params.ref))),
  }),

  'git/list-matching-refs': (req) => ({
    status: 200,
    body: req.repo.git.matchingRefs(String(req.params.ref)).map((r) => renderRef(req.ctx, req.repo, r)),
  }),

  'git/create-ref': (req) => {
    const body = renderRef(req.ctx, req.repo, req.repo.git.createRef(String(req.body.ref), String(req.body.sha)));
    return { status: 201, body, headers: { location: body.url as string } };
  },

  'git/update-ref': (req) => ({
    status: 200,
    body: renderRef(
      req.ctx,
      req.repo,
      req.repo.git.updateRef(String(req.params.ref), String(req.body.sha), req.body.force === true),
    ),
  }),

  'git/delete-ref': (req) => {
    req.repo.git.deleteRef(String(req.params.ref));
    return { status: 204 };
  },

  'git/create-tag': (req) => {
    const tagger = req.body.tagger as { name: string; email: string; date?: string } | undefined;
    const tag = req.repo.git.createTag({
      tag: String(req.body.tag),
      message: String(req.body.message),
      object: String(req.body.object),
      type: req.body.type as GitObjectType,
      tagger: tagger && {
        name: tagger.name,
        email: tagger.email,
        date: tagger.date ? new Date(tagger.date) : undefined,
      },
    });
    const body = renderTag(req.ctx, req.repo, tag);
    return { status: 201, body, headers: { location: body.url as string } };
  },

  'git/get-tag': (req) => {
    const tag = req.repo.git.tags.get(String(req.params.tag_sha));
    if (!tag) throw notFound();
    return { status: 200, body: renderTag(req.ctx, req.repo, tag) };
  },

  'git/get-commit': (req) => {
    const commit = req.repo.git.commits.get(String(req.params.commit_sha));
    if (!commit) throw notFound();
    return { status: 200, body: renderCommit(req.ctx, req.repo, commit) };
  },
};
