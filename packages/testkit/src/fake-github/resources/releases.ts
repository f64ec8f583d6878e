import { ApiError } from '../api-error.js';
import { renderAsset, renderRelease } from '../render/releases.js';
import type { ReleaseInput } from '../state/releases.js';
import { storagePath } from '../storage.js';
import { paginate } from './paginate.js';
import { actor, type Handler } from './types.js';

export const releaseHandlers: Record<string, Handler> = {
  'repos/create-release': (req) => {
    const release = req.repo.releases.create(req.body as ReleaseInput, actor(req));
    const body = renderRelease(req.ctx, req.repo, release);
    return { status: 201, body, headers: { location: body.url as string } };
  },

  'repos/update-release': (req) => ({
    status: 200,
    body: renderRelease(
      req.ctx,
      req.repo,
      req.repo.releases.update(req.params.release_id as number, req.body as ReleaseInput),
    ),
  }),

  'repos/delete-release': (req) => {
    req.repo.releases.delete(req.params.release_id as number);
    return { status: 204 };
  },

  'repos/get-release': (req) => ({
    status: 200,
    body: renderRelease(req.ctx, req.repo, req.repo.releases.release(req.params.release_id as number)),
  }),

  'repos/get-release-by-tag': (req) => ({
    status: 200,
    body: renderRelease(req.ctx, req.repo, req.repo.releases.byTag(String(req.params.tag))),
  }),

  'repos/list-releases': (req) => {
    const page = paginate(req, req.repo.releases.list());
    return { status: 200, body: page.items.map((r) => renderRelease(req.ctx, req.repo, r)), headers: page.headers };
  },

  'repos/upload-release-asset': (req) => {
    const contentType = req.headers['content-type'];
    if (!contentType) throw new ApiError(422, 'Content-Type header is required for release asset uploads.');
    const asset = req.repo.releases.upload(
      req.params.release_id as number,
      String(req.query.name),
      (req.query.label as string | undefined) ?? null,
      contentType,
      req.raw,
      actor(req),
    );
    return { status: 201, body: renderAsset(req.ctx, req.repo, asset) };
  },

  'repos/list-release-assets': (req) => {
    const release = req.repo.releases.release(req.params.release_id as number);
    const page = paginate(req, req.repo.releases.assetsOf(release.id));
    return { status: 200, body: page.items.map((a) => renderAsset(req.ctx, req.repo, a)), headers: page.headers };
  },

  // With `Accept: application/octet-stream` GitHub redirects (302) to the file; octokit/fetch follow it.
  'repos/get-release-asset': (req) => {
    const asset = req.repo.releases.asset(req.params.asset_id as number);
    if (/application\/octet-stream/i.test(req.headers.accept ?? '')) {
      asset.downloadCount += 1;
      return { status: 302, headers: { location: req.ctx.storage + storagePath('release-asset', req.repo, asset.id) } };
    }
    return { status: 200, body: renderAsset(req.ctx, req.repo, asset) };
  },

  'repos/update-release-asset': (req) => ({
    status: 200,
    body: renderAsset(
      req.ctx,
      req.repo,
      req.repo.releases.updateAsset(req.params.asset_id as number, req.body as { name?: string; label?: string }),
    ),
  }),

  'repos/delete-release-asset': (req) => {
    req.repo.releases.deleteAsset(req.params.asset_id as number);
    return { status: 204 };
  },
};
