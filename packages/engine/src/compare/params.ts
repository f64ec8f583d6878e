import { type ParamChange, diffParams } from '@mlgate/core';
import type { BaselineFound, Logger } from '@mlgate/github';
import { findCounterpart } from './baseline-files.js';
import { readMetricsFiles } from './candidate.js';
import { type UserPath, userPath } from './paths.js';

/**
 * The params diff of the model's configured params files. A baseline folder without them (an artifact
 * from before they were uploaded) leaves the diff out with a warning rather than listing every
 * parameter as added; a baseline that is a single file cannot hold them.
 */
export async function paramsDiff(
  files: readonly string[],
  baseline: BaselineFound | null,
  cwd: string,
  logger: Logger,
): Promise<ParamChange[] | undefined> {
  if (files.length === 0) return undefined;
  const candidatePaths = files.map((file) => userPath(file, cwd));
  const candidate = await readMetricsFiles(candidatePaths);
  if (baseline === null) return diffParams(null, candidate);
  if (baseline.file !== undefined) {
    logger.info('The baseline is a single file, so parameters were not compared.');
    return undefined;
  }
  const baselinePaths: UserPath[] = [];
  for (const path of candidatePaths) {
    const found = await findCounterpart(baseline, path, cwd);
    if (!found) {
      logger.warning(`The baseline ${baseline.label} has no ${path.shown}, so parameters were not compared.`);
      return undefined;
    }
    baselinePaths.push(found);
  }
  return diffParams(await readMetricsFiles(baselinePaths), candidate);
}
