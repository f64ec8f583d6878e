import { createHash } from 'node:crypto';
import { ApiError, notFound, validationFailed } from '../api-error.js';
import type { Clock } from './clock.js';
import type { GitStore } from './git.js';
import type { IdAllocator } from './ids.js';

export interface ReleaseRecord {
  id: number;
  tagName: string;
  targetCommitish: string;
  name: string | null;
  body: string | null;
  draft: boolean;
  prerelease: boolean;
  author: string;
  createdAt: Date;
  publishedAt: Date | null;
  updatedAt: Date;
  /** Set on publish when the repository has immutable releases on: assets and tag are frozen from then on. */
  immutable: boolean;
}

export interface AssetRecord {
  id: number;
  releaseId: number;
  name: string;
  label: string | null;
  contentType: string;
  data: Buffer;
  digest: string;
  uploader: string;
  downloadCount: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface ReleaseInput {
  tag_name?: string;
  target_commitish?: string;
  name?: string | null;
  body?: string | null;
  draft?: boolean;
  prerelease?: boolean;
}

/**
 * GitHub renames uploaded files: characters outside a safe set become `.`, and leading/trailing dots go.
 * (`my model v1.zip` → `my.model.v1.zip`.) Code that looks an asset up by name must expect this.
 */
export function githubAssetName(name: string): string {
  return name.replace(/[^A-Za-z0-9._+@-]/g, '.').replace(/^\.+|\.+$/g, '') || 'default';
}

/** Releases and their assets of one repository, with the tag handling GitHub does on publish. */
export class ReleaseStore {
  readonly releases = new Map<number, ReleaseRecord>();
  readonly assets = new Map<number, AssetRecord>();

  constructor(
    private readonly ids: IdAllocator,
    private readonly clock: Clock,
    private readonly git: GitStore,
    private readonly settings: { defaultBranch: string; immutableReleases: boolean },
  ) {}

  create(input: ReleaseInput, author: string): ReleaseRecord {
    const tagName = input.tag_name ?? '';
    const draft = input.draft ?? false;
    const now = this.clock.tick();
    const release: ReleaseRecord = {
      id: this.ids.id('release'),
      tagName,
      targetCommitish: input.target_commitish ?? this.settings.defaultBranch,
      name: input.name ?? null,
      body: input.body ?? null,
      draft,
      prerelease: input.prerelease ?? false,
      author,
      createdAt: now,
      publishedAt: null,
      updatedAt: now,
      immutable: false,
    };
    if (!draft) this.publish(release, now);
    this.releases.set(release.id, release);
    return release;
  }

  update(id: number, input: ReleaseInput): ReleaseRecord {
    const release = this.release(id);
    if (release.immutable && input.tag_name !== undefined && input.tag_name !== release.tagName) {
      throw new ApiError(422, 'Cannot change the tag of an immutable release.');
    }
    const next = { ...release };
    if (input.tag_name !== undefined) next.tagName = input.tag_name;
    if (input.target_commitish !== undefined) next.targetCommitish = input.target_commitish;
    if (input.name !== undefined) next.name = input.name;
    if (input.body !== undefined) next.body = input.body;
    if (input.prerelease !== undefined) next.prerelease = input.prerelease;
    const now = this.clock.tick();
    if (input.draft === false && release.draft) {
      next.draft = false;
      this.publish(next, now);
    } else if (input.draft === true && !release.draft) {
      next.draft = true;
      next.publishedAt = null;
    }
    next.updatedAt = now;
    Object.assign(release, next);
    return release;
  }

  delete(id: number): void {
    this.release(id);
    this.releases.delete(id);
    for (const asset of this.assetsOf(id)) this.assets.delete(asset.id);
  }

  release(id: number): ReleaseRecord {
    const release = this.releases.get(id);
    if (!release) throw notFound();
    return release;
  }

  /** Drafts have no tag yet, so GitHub's by-tag lookup never finds them. */
  byTag(tag: string): ReleaseRecord {
    const release = [...this.releases.values()].find((r) => !r.draft && r.tagName === tag);
    if (!release) throw notFound();
    return release;
  }

  /** Newest first, drafts included (the token can push). */
  list(): ReleaseRecord[] {
    return [...this.releases.values()].sort((a, b) => b.id - a.id);
  }

  upload(
    releaseId: number,
    rawName: string,
    label: string | null,
    contentType: string,
    data: Buffer,
    uploader: string,
  ) {
    const release = this.release(releaseId);
    if (release.immutable) throw new ApiError(422, 'Cannot upload assets to an immutable release.');
    const name = githubAssetName(rawName);
    if (this.assetsOf(releaseId).some((a) => a.name === name)) {
      throw validationFailed({ resource: 'ReleaseAsset', code: 'already_exists', field: 'name' });
    }
    const now = this.clock.tick();
    const asset: AssetRecord = {
      id: this.ids.id('asset'),
      releaseId,
      name,
      label,
      contentType,
      data,
      digest: `sha256:${createHash('sha256').update(data).digest('hex')}`,
      uploader,
      downloadCount: 0,
      createdAt: now,
      updatedAt: now,
    };
    this.assets.set(asset.id, asset);
    return asset;
  }

  asset(id: number): AssetRecord {
    const asset = this.assets.get(id);
    if (!asset) throw notFound();
    return asset;
  }

  assetsOf(releaseId: number): AssetRecord[] {
    return [...this.assets.values()].filter((a) => a.releaseId === releaseId).sort((a, b) => a.id - b.id);
  }

  updateAsset(id: number, input: { name?: string; label?: string }): AssetRecord {
    const asset = this.asset(id);
    this.assertMutable(asset);
    if (input.name !== undefined) {
      const name = githubAssetName(input.name);
      if (this.assetsOf(asset.releaseId).some((a) => a.id !== id && a.name === name)) {
        throw validationFailed({ resource: 'ReleaseAsset', code: 'already_exists', field: 'name' });
      }
      asset.name = name;
    }
    if (input.label !== undefined) asset.label = input.label;
    asset.updatedAt = this.clock.tick();
    return asset;
  }

  deleteAsset(id: number): void {
    this.assertMutable(this.asset(id));
    this.assets.delete(id);
  }

  /** Whether the tag belongs to an immutable release (GitHub then refuses to move or delete it). */
  isTagFrozen(tag: string): boolean {
    return [...this.releases.values()].some((r) => r.immutable && r.tagName === tag);
  }

  private assertMutable(asset: AssetRecord): void {
    if (this.releases.get(asset.releaseId)?.immutable) {
      throw new ApiError(422, 'Cannot modify assets of an immutable release.');
    }
  }

  // Publishing needs the tag: an existing one is used as is, a missing one is created at target_commitish.
  private publish(release: ReleaseRecord, now: Date): void {
    if (this.byTagOrUndefined(release.tagName, release.id)) {
      throw validationFailed({ resource: 'Release', code: 'already_exists', field: 'tag_name' });
    }
    if (!this.git.refs.has(`refs/tags/${release.tagName}`)) {
      const sha = this.git.resolveCommitish(release.targetCommitish);
      if (!sha) throw validationFailed({ resource: 'Release', code: 'invalid', field: 'target_commitish' });
      this.git.createRef(`refs/tags/${release.tagName}`, sha);
    }
    release.publishedAt = now;
    release.immutable = this.settings.immutableReleases;
  }

  private byTagOrUndefined(tag: string, exceptId: number): ReleaseRecord | undefined {
    return [...this.releases.values()].find((r) => r.id !== exceptId && !r.draft && r.tagName === tag);
  }
}
