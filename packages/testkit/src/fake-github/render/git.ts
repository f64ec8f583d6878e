import { iso } from '../state/clock.js';
import type { CommitRecord, TagObjectRecord } from '../state/git.js';
import { nodeId } from '../state/ids.js';
import type { RepoState } from '../state/repo.js';
import { repoApi, repoWeb, type RenderContext } from './context.js';

const UNSIGNED = { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null };

/** GitHub's `git-ref` object. */
export function renderRef(
  ctx: RenderContext,
  repo: RepoState,
  ref: { ref: string; sha: string },
): Record<string, unknown> {
  const api = repoApi(ctx, repo);
  const type = repo.git.objectType(ref.sha) ?? 'commit';
  return {
    ref: ref.ref,
    node_id: nodeId('REF', `${repo.id}:${ref.ref}`),
    url: `${api}/git/${ref.ref}`,
    object: { sha: ref.sha, type, url: `${api}/git/${type}s/${ref.sha}` },
  };
}

/** GitHub's `git-tag` object (an annotated tag). */
export function renderTag(ctx: RenderContext, repo: RepoState, tag: TagObjectRecord): Record<string, unknown> {
  const api = repoApi(ctx, repo);
  return {
    node_id: nodeId('TAG', tag.sha),
    sha: tag.sha,
    url: `${api}/git/tags/${tag.sha}`,
    tagger: { name: tag.tagger.name, email: tag.tagger.email, date: iso(tag.tagger.date) },
    object: { sha: tag.object.sha, type: tag.object.type, url: `${api}/git/${tag.object.type}s/${tag.object.sha}` },
    tag: tag.tag,
    message: tag.message,
    verification: UNSIGNED,
  };
}

/** GitHub's `git-commit` object. */
export function renderCommit(ctx: RenderContext, repo: RepoState, commit: CommitRecord): Record<string, unknown> {
  const api = repoApi(ctx, repo);
  const actor = (a: CommitRecord['author']) => ({ name: a.name, email: a.email, date: iso(a.date) });
  return {
    sha: commit.sha,
    node_id: nodeId('C', commit.sha),
    url: `${api}/git/commits/${commit.sha}`,
    html_url: `${repoWeb(ctx, repo)}/commit/${commit.sha}`,
    author: actor(commit.author),
    committer: actor(commit.committer),
    tree: { sha: commit.tree, url: `${api}/git/trees/${commit.tree}` },
    message: commit.message,
    parents: commit.parents.map((sha) => ({
      sha,
      url: `${api}/git/commits/${sha}`,
      html_url: `${repoWeb(ctx, repo)}/commit/${sha}`,
    })),
    verification: UNSIGNED,
  };
}
