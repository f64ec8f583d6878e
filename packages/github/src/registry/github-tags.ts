import { modelInTag, type TagRecord } from '@mlgate/core';
import type { GitHubClient } from '../octokit/client.js';
import type { RegistryTagSource } from './tag-source.js';

/** Registry tags through the REST API: matching refs, then each annotated tag's message, commit and tagger. */
export class GitHubTagSource implements RegistryTagSource {
  constructor(
    private readonly octokit: GitHubClient,
    private readonly repo: { owner: string; repo: string },
  ) {}

  async listTags(model?: string): Promise<TagRecord[]> {
    const prefix = model === undefined ? undefined : modelInTag(model);
    // A prefix match: `tags/churn` also lists `churn-v2@…`; the registry keeps only the model's own tags.
    const { data: refs } = await this.octokit.rest.git.listMatchingRefs({ ...this.repo, ref: `tags/${prefix ?? ''}` });
    const records: TagRecord[] = [];
    for (const ref of refs) {
      const name = ref.ref.replace(/^refs\/tags\//, '');
      if (prefix !== undefined && !name.startsWith(`${prefix}@`) && !name.startsWith(`${prefix}#`)) continue;
      // A lightweight tag carries no message or tagger; GTO does not count it, nor does mlgate.
      if (ref.object.type !== 'tag') continue;
      const { data: tag } = await this.octokit.rest.git.getTag({ ...this.repo, tag_sha: ref.object.sha });
      records.push({
        name,
        commit: tag.object.sha,
        message: tag.message.trimEnd(),
        tagger: { name: tag.tagger.name, email: tag.tagger.email, date: tag.tagger.date },
      });
    }
    return records;
  }
}
