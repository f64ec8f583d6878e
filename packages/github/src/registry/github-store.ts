import { UserError, type TagRecord } from '@mlgate/core';
import type { GitHubClient } from '../octokit/client.js';
import { GitHubTagSource } from './github-tags.js';
import { TagExistsError, type NewTag, type RegistryStore } from './store.js';

export interface Tagger {
  name: string;
  email: string;
}

/** The identity GitHub gives GITHUB_TOKEN's commits and tags. */
export const ACTIONS_TAGGER: Tagger = {
  name: 'github-actions[bot]',
  email: '41898282+github-actions[bot]@users.noreply.github.com',
};

/**
 * The registry through GitHub's Git database API: an annotated tag object (`POST /git/tags`, with the tagger
 * and the time, which order the registry's events) and then its ref (`POST /git/refs`), which GitHub creates
 * only when the name is free. No request ever updates or deletes a ref: a taken name is a `TagExistsError`,
 * and the caller re-reads and plans again.
 */
export class GitHubRegistryStore extends GitHubTagSource implements RegistryStore {
  constructor(
    private readonly client: GitHubClient,
    private readonly target: { owner: string; repo: string },
    private readonly tagger: Tagger = ACTIONS_TAGGER,
    private readonly now: () => Date = () => new Date(),
  ) {
    super(client, target);
  }

  async createTag(tag: NewTag): Promise<TagRecord> {
    const date = this.now()
      .toISOString()
      .replace(/\.\d{3}Z$/, 'Z');
    const { data: object } = await this.client.rest.git.createTag({
      ...this.target,
      tag: tag.name,
      message: tag.message,
      object: tag.commit,
      type: 'commit',
      tagger: { ...this.tagger, date },
    });
    try {
      await this.client.rest.git.createRef({ ...this.target, ref: `refs/tags/${tag.name}`, sha: object.sha });
    } catch (error) {
      // The tag object left behind is unreachable garbage that GitHub collects; the ref is what counts.
      if (isReferenceExists(error)) throw new TagExistsError(tag.name);
      throw error;
    }
    return { name: tag.name, commit: tag.commit, message: tag.message, tagger: { ...this.tagger, date } };
  }

  /** A full SHA as it is (when the commit exists), else a branch or tag name, peeled to its commit. */
  async resolveCommit(rev: string): Promise<string> {
    if (/^[0-9a-f]{40}$/i.test(rev)) {
      const commit = await this.found(
        this.client.rest.git.getCommit({ ...this.target, commit_sha: rev.toLowerCase() }),
      );
      if (commit) return commit.data.sha;
    }
    const name = rev.replace(/^refs\//, '');
    const candidates = /^(heads|tags)\//.test(name) ? [name] : [`heads/${name}`, `tags/${name}`];
    for (const ref of candidates) {
      const found = await this.found(this.client.rest.git.getRef({ ...this.target, ref }));
      if (found) return this.peel(found.data.object.sha, found.data.object.type);
    }
    throw new UserError(`${rev} names no commit in ${this.describe()} (give a full SHA, a branch or a tag)`);
  }

  describe(): string {
    return `${this.target.owner}/${this.target.repo} on GitHub`;
  }

  private async peel(sha: string, type: string): Promise<string> {
    let [current, kind] = [sha, type];
    for (let depth = 0; kind === 'tag' && depth < 10; depth++) {
      const { data } = await this.client.rest.git.getTag({ ...this.target, tag_sha: current });
      [current, kind] = [data.object.sha, data.object.type];
    }
    if (kind !== 'commit') throw new UserError(`${sha} is a ${kind}, not a commit`);
    return current;
  }

  private async found<T>(request: Promise<T>): Promise<T | undefined> {
    try {
      return await request;
    } catch (error) {
      if ((error as { status?: number }).status === 404 || (error as { status?: number }).status === 422)
        return undefined;
      throw error;
    }
  }
}

function isReferenceExists(error: unknown): boolean {
  const { status, message } = error as { status?: number; message?: string };
  return status === 422 && /reference already exists/i.test(message ?? '');
}
