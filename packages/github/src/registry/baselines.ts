import { type HistoryVersion, metricHistory, registryState, UserError } from '@mlgate/core';
import type { BaselineResolution, RegistryBaselines } from '../baseline/resolve.js';
import type { Logger } from '../logger.js';
import type { ReleaseFiles } from './release-files.js';
import type { RegistryTagSource } from './tag-source.js';

/**
 * `registry:<model>#<stage>` baselines: the version the registry's tags assign to the stage now,
 * and that version's release files. A model or stage with nothing assigned yet is no baseline (a
 * first release); an assignment whose version or files cannot be found is an error.
 */
export class RegistryBaselineResolver implements RegistryBaselines {
  constructor(
    private readonly tags: RegistryTagSource,
    private readonly files: ReleaseFiles,
    private readonly logger: Logger,
  ) {}

  async resolve({ model, stage }: { model: string; stage: string }): Promise<BaselineResolution> {
    const spec = `registry:${model}#${stage}`;
    const state = registryState(model, await this.tags.listTags(model));
    const dangling = state.dangling.get(stage);
    if (dangling) {
      throw new UserError(
        `baseline ${spec}: ${dangling.tag} assigns commit ${dangling.commit.slice(0, 7)}, where no version of ${model} is registered`,
      );
    }
    const assignment = state.stages.get(stage);
    if (!assignment) {
      const reason =
        state.versions.length === 0
          ? `${model} has no registered version yet`
          : `no version of ${model} is in stage ${stage}`;
      this.logger.info(`No baseline: ${reason}.`);
      return { found: false, reason };
    }
    const { version, tag } = assignment.version;
    const dir = await this.files.download(tag);
    if (dir === null) {
      throw new UserError(
        `baseline ${spec} is ${tag}, but its files are missing: looked in ${this.files.describe(tag)}`,
      );
    }
    this.logger.info(`Baseline: ${tag} (stage ${stage}, assigned by ${assignment.tag}).`);
    return { found: true, dir, label: tag, source: { kind: 'registry', model, stage, version } };
  }

  async history({ model, metric, limit }: { model: string; metric: string; limit: number }): Promise<HistoryVersion[]> {
    return metricHistory(registryState(model, await this.tags.listTags(model)), metric, limit);
  }
}
