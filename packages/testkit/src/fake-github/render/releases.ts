import { iso } from '../state/clock.js';
import { nodeId } from '../state/ids.js';
import type { AssetRecord, ReleaseRecord } from '../state/releases.js';
import type { RepoState } from '../state/repo.js';
import { repoApi, repoWeb, type RenderContext } from './context.js';
import { renderSimpleUser } from './users.js';

/** GitHub's `release-asset` object. */
export function renderAsset(ctx: RenderContext, repo: RepoState, asset: AssetRecord): Record<string, unknown> {
  const release = repo.releases.releases.get(asset.releaseId);
  const tag = release && !release.draft ? release.tagName : `untagged-${asset.releaseId}`;
  return {
    url: `${repoApi(ctx, repo)}/releases/assets/${asset.id}`,
    browser_download_url: `${repoWeb(ctx, repo)}/releases/download/${encodeURIComponent(tag)}/${encodeURIComponent(asset.name)}`,
    id: asset.id,
    node_id: nodeId('RA', asset.id),
    name: asset.name,
    label: asset.label,
    state: 'uploaded',
    content_type: asset.contentType,
    size: asset.data.length,
    digest: asset.digest,
    download_count: asset.downloadCount,
    created_at: iso(asset.createdAt),
    updated_at: iso(asset.updatedAt),
    uploader: renderSimpleUser(ctx, asset.uploader),
  };
}

/** GitHub's `release` object. A draft has no tag yet: its html_url says `untagged-...`, as on GitHub. */
export function renderRelease(ctx: RenderContext, repo: RepoState, release: ReleaseRecord): Record<string, unknown> {
  const api = repoApi(ctx, repo);
  const web = repoWeb(ctx, repo);
  const tagPath = release.draft ? `untagged-${release.id}` : encodeURIComponent(release.tagName);
  return {
    url: `${api}/releases/${release.id}`,
    html_url: `${web}/releases/tag/${tagPath}`,
    assets_url: `${api}/releases/${release.id}/assets`,
    upload_url: `${ctx.uploads}/repos/${repo.fullName}/releases/${release.id}/assets{?name,label}`,
    tarball_url: release.draft ? null : `${api}/tarball/${encodeURIComponent(release.tagName)}`,
    zipball_url: release.draft ? null : `${api}/zipball/${encodeURIComponent(release.tagName)}`,
    id: release.id,
    node_id: nodeId('RE', release.id),
    tag_name: release.tagName,
    target_commitish: release.targetCommitish,
    name: release.name,
    body: release.body,
    draft: release.draft,
    prerelease: release.prerelease,
    immutable: release.immutable,
    created_at: iso(release.createdAt),
    updated_at: iso(release.updatedAt),
    published_at: release.publishedAt ? iso(release.publishedAt) : null,
    author: renderSimpleUser(ctx, release.author),
    assets: repo.releases.assetsOf(release.id).map((a) => renderAsset(ctx, repo, a)),
  };
}
