import { registryState, UserError } from '@mlgate/core';
import { type DeploymentRecorder, type Logger, withDeployment } from '@mlgate/github';
import { type PromoteDeps, type PromoteOptions, type PromoteResult, promoteVersion } from './promote.js';

/** Where a promotion is recorded as a deployment (GitHub's Deployments API). */
export interface DeploymentTarget {
  recorder: DeploymentRecorder;
  /** Where a final status that could not be posted is reported. */
  logger: Logger;
  /** The run that promotes, shown on the deployment. */
  logUrl?: string;
  /** Shown as the environment's URL once deployed: the version's release page. */
  environmentUrl?: string;
}

/** A promotion's result, and the deployment that recorded it when one was started. */
export type DeployedPromotion = PromoteResult & { deploymentId: number | null };

/** A refusal inside the deployment: a user-facing failure, so the deployment ends in `failure`. */
class PromotionRefused extends UserError {
  constructor(readonly missing: string[]) {
    super(`refused: ${missing.join('; ')}`);
  }
}

/**
 * Promotes (`promoteVersion`) inside a deployment of the version's commit to environment `<model>-<stage>`, so
 * that every attempt ends in a terminal deployment status: success, failure when refused, error when anything
 * breaks half-way (the error is rethrown). A promotion with nothing to do (the stage holds the version already,
 * or the version is not registered) starts no deployment: a re-run leaves the deployments as they are.
 */
export async function promoteAndDeploy(
  options: PromoteOptions,
  deps: PromoteDeps,
  deployment: DeploymentTarget | undefined,
): Promise<DeployedPromotion> {
  const state = registryState(options.model, await deps.store.listTags(options.model));
  const target = state.versions.find((v) => v.version === options.version);
  if (!deployment || !target || state.stages.get(options.stage)?.version.version === options.version) {
    return { ...(await promoteVersion(options, deps)), deploymentId: null };
  }
  let deploymentId: number | null = null;
  try {
    return await withDeployment(
      deployment.recorder,
      {
        model: options.model,
        version: options.version,
        stage: options.stage,
        commit: target.commit,
        ...(deployment.logUrl !== undefined && { logUrl: deployment.logUrl }),
      },
      async (started) => {
        deploymentId = started.id;
        const result = await promoteVersion(options, deps);
        if (result.refused) throw new PromotionRefused(result.missing);
        return {
          result: { ...result, deploymentId: started.id },
          description: `${result.tag}${result.forced ? ' (forced)' : ''}`,
          ...(deployment.environmentUrl !== undefined && { environmentUrl: deployment.environmentUrl }),
        };
      },
      deployment.logger,
    );
  } catch (error) {
    if (error instanceof PromotionRefused) return { refused: true, missing: error.missing, deploymentId };
    throw error;
  }
}
