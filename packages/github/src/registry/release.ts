import { copyFile, mkdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { UserError } from '@mlgate/core';
import { fileDigest } from '../file-digest.js';
import type { Logger } from '../logger.js';
import type { GitHubClient } from '../octokit/client.js';

/** One file of a registered version's release. */
export interface ReleaseAsset {
  /** The asset's name (a plain file name: letters, digits, `.`, `_`, `-`, `+`, `@`). */
  name: string;
  /** The local file. */
  path: string;
  /**
   * The sha256 (hex) the training manifest recorded for the file. The file must still have it, or
   * nothing is published; absent for files made at release time (the manifest itself, the model card).
   */
  sha256?: string;
}

export interface ReleaseSpec {
  /** The registering tag, `churn@v1.4.0`. It must exist: the release is published on it, never creates it. */
  tag: string;
  name: string;
  /** Release notes (safe Markdown). */
  body: string;
  assets: ReleaseAsset[];
  prerelease?: boolean;
}

export interface ReleasedAsset {
  name: string;
  sha256: string;
  size: number;
  /** `uploaded` now, or `present` from an earlier (interrupted) run with the same content. */
  action: 'uploaded' | 'present';
}

export interface PublishedRelease {
  tag: string;
  id: number | null;
  /** The release page, or the folder of a local release. */
  url: string;
  /** `created` now; `completed`: an earlier run's draft was finished; `unchanged`: it was already published. */
  action: 'created' | 'completed' | 'unchanged';
  assets: ReleasedAsset[];
}

/** Where a registered version's files are published: a GitHub release, or a folder for the CLI. */
export interface ReleasePublisher {
  publish(spec: ReleaseSpec): Promise<PublishedRelease>;
}

/** GitHub's cap on one release asset. */
export const MAX_RELEASE_ASSET_BYTES = 2 * 1024 ** 3 - 1;

const ASSET_NAME = /^[A-Za-z0-9_+@-][A-Za-z0-9._+@-]*$/;
const CONTENT_TYPES: Record<string, string> = {
  '.json': 'application/json',
  '.md': 'text/markdown; charset=utf-8',
  '.csv': 'text/csv',
  '.tsv': 'text/tab-separated-values',
  '.jsonl': 'application/jsonl',
  '.yaml': 'application/yaml',
  '.yml': 'application/yaml',
  '.txt': 'text/plain; charset=utf-8',
};

interface CheckedAsset extends ReleaseAsset {
  sha256: string;
  size: number;
}

/**
 * Every asset's name is plain and unique and every file has the digest the manifest recorded; one
 * line names the first that does not. Runs before any write, so a bad file publishes nothing.
 */
async function checkAssets(spec: ReleaseSpec): Promise<CheckedAsset[]> {
  const seen = new Set<string>();
  const checked: CheckedAsset[] = [];
  for (const asset of spec.assets) {
    if (!ASSET_NAME.test(asset.name)) {
      throw new UserError(`release ${spec.tag}: asset name ${JSON.stringify(asset.name)} is not a plain file name`);
    }
    if (seen.has(asset.name)) throw new UserError(`release ${spec.tag}: two assets are named ${asset.name}`);
    seen.add(asset.name);
    let digest;
    try {
      digest = await fileDigest(asset.path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new UserError(`release ${spec.tag}: cannot read ${asset.path} for asset ${asset.name} (${code ?? error})`);
    }
    if (asset.sha256 !== undefined && digest.sha256 !== asset.sha256.toLowerCase()) {
      throw new UserError(
        `release ${spec.tag}: ${asset.path} has sha256 ${digest.sha256}, but the manifest recorded ${asset.sha256}; ` +
          'the file changed after training, so it is not the registered model',
      );
    }
    if (digest.size > MAX_RELEASE_ASSET_BYTES) {
      throw new UserError(
        `release ${spec.tag}: ${asset.path} is ${digest.size} bytes, over GitHub's 2 GiB asset limit`,
      );
    }
    checked.push({ ...asset, sha256: digest.sha256, size: digest.size });
  }
  return checked;
}

interface ApiRelease {
  id: number;
  tag_name: string;
  draft: boolean;
  immutable?: boolean;
  html_url: string;
  upload_url: string;
}

interface ApiAsset {
  id: number;
  name: string;
  size: number;
  digest?: string | null;
}

/**
 * A registered version's GitHub release, published the way immutable releases require: created as a
 * draft, every asset uploaded and its digest checked, then published. A re-run (after a crash, a
 * cancelled job, a lost response) finds the release of the tag, draft or published, and completes it
 * instead of creating another; an asset already there with the same digest is kept, a partial one
 * on a draft is replaced. A published release whose files differ is never changed: that is an error.
 */
export class GitHubReleasePublisher implements ReleasePublisher {
  constructor(
    private readonly octokit: GitHubClient,
    private readonly repo: { owner: string; repo: string },
    private readonly logger: Logger,
  ) {}

  async publish(spec: ReleaseSpec): Promise<PublishedRelease> {
    const assets = await checkAssets(spec);
    await this.requireTag(spec.tag);
    let release = await this.find(spec.tag);
    let action: PublishedRelease['action'] = release ? 'completed' : 'created';
    if (release === undefined) release = await this.createDraft(spec);
    else
      this.logger.info(
        `Release ${spec.tag}: found ${release.draft ? 'a draft' : 'the published release'} (${release.id}).`,
      );

    const existing = await this.assetsOf(release.id);
    const released: ReleasedAsset[] = [];
    for (const asset of assets) {
      const current = existing.find((a) => a.name === asset.name);
      if (current && sameContent(current, asset)) {
        released.push({ name: asset.name, sha256: asset.sha256, size: asset.size, action: 'present' });
        continue;
      }
      if (!release.draft) {
        throw new UserError(
          `release ${spec.tag} is already published ${current ? `with a different ${asset.name}` : `without ${asset.name}`}; ` +
            'a published version is never changed: register a new version instead',
        );
      }
      if (current) {
        this.logger.info(`Release ${spec.tag}: replacing ${asset.name}, left incomplete by an earlier run.`);
        await this.octokit.rest.repos.deleteReleaseAsset({ ...this.repo, asset_id: current.id });
      }
      const uploaded = await this.upload(release, asset, spec.tag);
      released.push({
        name: asset.name,
        sha256: asset.sha256,
        size: asset.size,
        action: uploaded ? 'uploaded' : 'present',
      });
    }

    if (release.draft) {
      const { data } = await this.octokit.rest.repos.updateRelease({
        ...this.repo,
        release_id: release.id,
        draft: false,
        name: spec.name,
        body: spec.body,
      });
      release = data as ApiRelease;
      this.logger.info(`Release ${spec.tag}: published ${release.html_url}.`);
    } else if (action === 'completed') {
      action = 'unchanged';
    }
    return { tag: spec.tag, id: release.id, url: release.html_url, action, assets: released };
  }

  /** Publishing a release on a missing tag would create a lightweight one, which the registry could then never annotate. */
  private async requireTag(tag: string): Promise<void> {
    try {
      await this.octokit.rest.git.getRef({ ...this.repo, ref: `tags/${tag}` });
    } catch (error) {
      if ((error as { status?: number }).status !== 404) throw error;
      throw new UserError(`release ${tag}: the tag ${tag} does not exist; register the version before releasing it`);
    }
  }

  /** The tag's release, drafts included (GitHub's by-tag lookup does not see drafts); the oldest when runs raced. */
  private async find(tag: string): Promise<ApiRelease | undefined> {
    const releases = await this.octokit.paginate(this.octokit.rest.repos.listReleases, { ...this.repo, per_page: 100 });
    const ofTag = (releases as ApiRelease[]).filter((r) => r.tag_name === tag);
    return ofTag.find((r) => !r.draft) ?? ofTag.sort((a, b) => a.id - b.id)[0];
  }

  private async createDraft(spec: ReleaseSpec): Promise<ApiRelease> {
    const { data } = await this.octokit.rest.repos.createRelease({
      ...this.repo,
      tag_name: spec.tag,
      name: spec.name,
      body: spec.body,
      draft: true,
      prerelease: spec.prerelease ?? false,
    });
    // Two runs racing here both create a draft: keep the oldest, so they converge on one release.
    const oldest = await this.find(spec.tag);
    if (oldest && oldest.id !== data.id) {
      await this.octokit.rest.repos.deleteRelease({ ...this.repo, release_id: data.id });
      this.logger.info(`Release ${spec.tag}: another run created it first; continuing with release ${oldest.id}.`);
      return oldest;
    }
    this.logger.info(`Release ${spec.tag}: created draft ${data.id}.`);
    return data as ApiRelease;
  }

  private async assetsOf(releaseId: number): Promise<ApiAsset[]> {
    return (await this.octokit.paginate(this.octokit.rest.repos.listReleaseAssets, {
      ...this.repo,
      release_id: releaseId,
      per_page: 100,
    })) as ApiAsset[];
  }

  /** Returns whether the asset was uploaded by this call (`false`: a racing run uploaded the same bytes first). */
  private async upload(release: ApiRelease, asset: CheckedAsset, tag: string): Promise<boolean> {
    const data = await readFile(asset.path);
    let response;
    try {
      response = await this.send(release, asset, data);
    } catch (error) {
      if (!isAlreadyExists(error)) throw error;
      const theirs = (await this.assetsOf(release.id)).find((a) => a.name === asset.name);
      if (theirs && sameContent(theirs, asset)) return false;
      throw error;
    }
    const uploaded = response.data as ApiAsset;
    if (!sameContent(uploaded, asset) || uploaded.name !== asset.name) {
      await this.octokit.rest.repos.deleteReleaseAsset({ ...this.repo, asset_id: uploaded.id });
      throw new UserError(
        `release ${tag}: GitHub stored ${asset.name} as ${uploaded.name} with ` +
          `${uploaded.digest ?? `${uploaded.size} bytes`}, not sha256:${asset.sha256} (${asset.size} bytes); removed it`,
      );
    }
    this.logger.info(`Release ${tag}: uploaded ${asset.name} (${asset.size} bytes, sha256 ${asset.sha256}).`);
    return true;
  }

  private send(release: ApiRelease, asset: CheckedAsset, data: Buffer) {
    return this.octokit.rest.repos.uploadReleaseAsset({
      ...this.repo,
      release_id: release.id,
      url: release.upload_url,
      name: asset.name,
      // Octokit types `data` as a string; a Buffer is sent as the raw bytes.
      data: data as unknown as string,
      headers: {
        'content-type': CONTENT_TYPES[extname(asset.name).toLowerCase()] ?? 'application/octet-stream',
        'content-length': data.length,
      },
    });
  }
}

function isAlreadyExists(error: unknown): boolean {
  const { status, response } = error as { status?: number; response?: { data?: { errors?: { code?: string }[] } } };
  return status === 422 && (response?.data?.errors ?? []).some((e) => e.code === 'already_exists');
}

/** GitHub reports each asset's `sha256:` digest; where it does not (older GHES), the size is all there is to compare. */
function sameContent(remote: ApiAsset, local: CheckedAsset): boolean {
  if (remote.digest) return remote.digest.toLowerCase() === `sha256:${local.sha256}`;
  return remote.size === local.size;
}

/**
 * A local release is a folder `<root>/<tag>/` (what `LocalReleaseFiles` reads), written through a
 * temporary folder and renamed into place, so a failed run leaves no half-written release.
 */
export class LocalReleasePublisher implements ReleasePublisher {
  constructor(private readonly root: string) {}

  async publish(spec: ReleaseSpec): Promise<PublishedRelease> {
    const assets = await checkAssets(spec);
    const dir = join(this.root, spec.tag);
    if (await exists(dir)) {
      const released: ReleasedAsset[] = [];
      for (const asset of assets) {
        const path = join(dir, asset.name);
        const digest = (await exists(path)) ? await fileDigest(path) : undefined;
        if (digest?.sha256 !== asset.sha256) {
          throw new UserError(
            `release ${spec.tag} already exists in ${dir} ${digest ? `with a different ${asset.name}` : `without ${asset.name}`}; ` +
              'a released version is never changed: register a new version instead',
          );
        }
        released.push({ name: asset.name, sha256: asset.sha256, size: asset.size, action: 'present' });
      }
      return { tag: spec.tag, id: null, url: dir, action: 'unchanged', assets: released };
    }
    const staging = join(this.root, `.${basename(dir)}.partial-${process.pid}`);
    await rm(staging, { recursive: true, force: true });
    await mkdir(staging, { recursive: true });
    try {
      for (const asset of assets) await copyFile(asset.path, join(staging, asset.name));
      await mkdir(dirname(dir), { recursive: true });
      await rename(staging, dir);
    } catch (error) {
      await rm(staging, { recursive: true, force: true });
      throw error;
    }
    return {
      tag: spec.tag,
      id: null,
      url: dir,
      action: 'created',
      assets: assets.map((a) => ({ name: a.name, sha256: a.sha256, size: a.size, action: 'uploaded' as const })),
    };
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}
