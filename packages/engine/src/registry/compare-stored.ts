import { basename, join, resolve } from 'node:path';
import type { MetricComparison } from '@mlgate/core';
import { LocalArtifactStore, type Logger } from '@mlgate/github';
import { runCompare } from '../compare/run-compare.js';

/**
 * The comparison `require_better_than_current` needs: compare's statistics on the predictions stored with the
 * candidate version and with the stage's current version (the file the model's config names, in each folder).
 * Undefined when the model names no predictions file: there is nothing to compare.
 */
export function storedPredictionsComparer(options: {
  model: string;
  predictions: string | undefined;
  config?: string;
  cwd: string;
  logger: Logger;
}): ((candidateDir: string, currentDir: string) => Promise<readonly MetricComparison[]>) | undefined {
  const { model, predictions, config, cwd, logger } = options;
  if (predictions === undefined) return undefined;
  const file = basename(predictions);
  return async (candidateDir, currentDir) => {
    const { report } = await runCompare(
      {
        candidate: join(candidateDir, file),
        predictions: true,
        baseline: join(currentDir, file),
        ...(config !== undefined && { config }),
        model,
        failOn: 'never',
        cwd,
      },
      {
        // Both sides are files, so no `branch:` baseline is looked up in this store.
        artifacts: new LocalArtifactStore(resolve(cwd, '.mlgate', 'artifacts')),
        artifactName: 'unused',
        logger,
        now: () => new Date(),
      },
    );
    return report.comparisons?.[0]?.metrics ?? [];
  };
}
