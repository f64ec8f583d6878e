import { stat, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UserError } from '@mlgate/core';
import type { Logger } from '../logger.js';
import type { GitHubClient } from '../octokit/client.js';

/** A registered version's files (metrics, predictions, manifest): the release of its tag. */
export interface ReleaseFiles {
  /** A folder holding the release's files, or `null` when the tag has no release. */
  download(tag: string): Promise<string | null>;
  /** Where a tag's files are looked for, for messages. */
  describe(tag: string): string;
}

/** Locally a release is a folder `<root>/<tag>/` (by default `.mlgate/releases/churn@v1.3.0/`). */
export class LocalReleaseFiles implements ReleaseFiles {
  constructor(private readonly root: string) {}

  async download(tag: string): Promise<string | null> {
    const dir = join(this.root, tag);
    try {
      return (await stat(dir)).isDirectory() ? dir : null;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  describe(tag: string): string {
    return `the folder ${join(this.root, tag)}`;
  }
}

export interface GitHubReleaseFilesOptions {
  /**
   * Largest asset downloaded, in bytes; larger ones (a model binary next to the metrics) are skipped
   * with a notice, so a comparison never pulls them. Default 1 GiB.
   */
  maxAssetBytes?: number;
  logger?: Logger;
  /** Where download folders are created. Default `RUNNER_TEMP`, else the OS temp folder. */
  tempRoot?: string;
}

/** A GitHub release's assets, downloaded into a fresh temporary folder. */
export class GitHubReleaseFiles implements ReleaseFiles {
  constructor(
    private readonly octokit: GitHubClient,
    private readonly repo: { owner: string; repo: string },
    private readonly options: GitHubReleaseFilesOptions = {},
  ) {}

  async download(tag: string): Promise<string | null> {
    let releaseId: number;
    try {
      releaseId = (await this.octokit.rest.repos.getReleaseByTag({ ...this.repo, tag })).data.id;
    } catch (error) {
      if ((error as { status?: number }).status === 404) return null;
      throw error;
    }
    const assets = await this.octokit.paginate(this.octokit.rest.repos.listReleaseAssets, {
      ...this.repo,
      release_id: releaseId,
      per_page: 100,
    });
    const max = this.options.maxAssetBytes ?? 1024 ** 3;
    const dir = await mkdtemp(join(this.options.tempRoot ?? process.env.RUNNER_TEMP ?? tmpdir(), 'mlgate-release-'));
    for (const asset of assets) {
      // GitHub asset names have no slashes, but this is another party's input: keep it to one plain name.
      if (!/^[^/\\]+$/.test(asset.name) || asset.name === '.' || asset.name === '..') {
        throw new UserError(`release ${tag}: asset name ${JSON.stringify(asset.name)} is not a plain file name`);
      }
      if (asset.size > max) {
        this.options.logger?.info(
          `Release ${tag}: skipped ${asset.name} (${asset.size} bytes, over the ${max}-byte cap).`,
        );
        continue;
      }
      const { data } = await this.octokit.request('GET /repos/{owner}/{repo}/releases/assets/{asset_id}', {
        ...this.repo,
        asset_id: asset.id,
        headers: { accept: 'application/octet-stream' },
      });
      await writeFile(join(dir, asset.name), Buffer.from(data as unknown as ArrayBuffer));
    }
    return dir;
  }

  describe(tag: string): string {
    return `the GitHub release of tag ${tag} in ${this.repo.owner}/${this.repo.repo}`;
  }
}
