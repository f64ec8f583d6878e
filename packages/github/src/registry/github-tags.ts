import type { TagRecord } from '@mlgate/core';
import type { GitHubClient } from '../octokit/client.js';
import type { RegistryTagSource } from './tag-source.js';

/** Registry tags through the REST API: matching refs, then each annotated tag's message and commit. */
export class GitHubTagSource implements RegistryTagSource {
  constructor(
    private readonly octokit: GitHubClient,
    private readonly repo: { owner: string; repo: string },
  ) {}

  async list(model: string): Promise<TagRecord[]> {
    // A prefix match: `tags/churn` also lists `churn-v2@…`; the registry keeps only the model's own tags.
    const { data: refs } = await this.octokit.rest.git.listMatchingRefs({ ...this.repo, ref: `tags/${model}` });
    const records: TagRecord[] = [];
    for (const ref of refs) {
      const name = ref.ref.replace(/^refs\/tags\//, '');
      if (!name.startsWith(`${model}@`) && !name.startsWith(`${model}#`)) continue;
      if (ref.object.type !== 'tag') {
        records.push({ name, commit: ref.object.sha, message: '' });
        continue;
      }
      const { data: tag } = await this.octokit.rest.git.getTag({ ...this.repo, tag_sha: ref.object.sha });
      records.push({ name, commit: tag.object.sha, message: tag.message.trimEnd() });
    }
    return records;
  }
}
