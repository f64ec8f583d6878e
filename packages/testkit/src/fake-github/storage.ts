import type { RepoState } from './state/repo.js';
import type { World } from './state/world.js';

/**
 * The fake's stand-in for the blob storage GitHub redirects downloads to (release assets, artifact zips).
 * Served on the same server under STORAGE_PREFIX; not part of the REST API, so not validated against OpenAPI.
 */
export const STORAGE_PREFIX = '/_fakegithub/storage';

type BlobKind = 'release-asset' | 'artifact';

export function storagePath(kind: BlobKind, repo: RepoState, id: number): string {
  return `/${kind}/${repo.id}/${id}`;
}

/** Bytes for a path below STORAGE_PREFIX, or undefined when there is no such blob. */
export function readBlob(world: World, path: string): { data: Buffer; contentType: string; name: string } | undefined {
  const match = /^\/(release-asset|artifact)\/(\d+)\/(\d+)$/.exec(path);
  if (!match) return undefined;
  const repo = world.repoById(Number(match[2]));
  const id = Number(match[3]);
  if (!repo) return undefined;
  if (match[1] === 'release-asset') {
    const asset = repo.releases.assets.get(id);
    return asset && { data: asset.data, contentType: 'application/octet-stream', name: asset.name };
  }
  const artifact = repo.actions.artifacts.get(id);
  return artifact && { data: artifact.data, contentType: 'application/zip', name: `${artifact.name}.zip` };
}
