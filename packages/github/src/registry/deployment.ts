import { UserError, isUserError } from '@mlgate/core';
import type { Logger } from '../logger.js';
import type { GitHubClient } from '../octokit/client.js';
import { oneLine } from '../text.js';

export interface DeploymentSpec {
  model: string;
  /** `v1.4.0`. */
  version: string;
  stage: string;
  /** The commit the version was registered at: what is deployed. */
  commit: string;
  /** Shown on the deployment; the workflow run that promotes. */
  logUrl?: string;
}

export type DeploymentOutcome =
  | { state: 'success'; description: string; environmentUrl?: string }
  | { state: 'failure' | 'error'; description: string };

/** A started deployment, to be finished with a terminal status. */
export interface StartedDeployment {
  id: number;
  environment: string;
  finish(outcome: DeploymentOutcome): Promise<void>;
}

/** Where promotions are recorded as deployments: GitHub's Deployments API, or nothing (locally). */
export interface DeploymentRecorder {
  start(spec: DeploymentSpec): Promise<StartedDeployment>;
}

/** GitHub caps a deployment status description at 140 characters. */
const MAX_DESCRIPTION = 140;

/** The environment a model's stage deploys to: its required reviewers are the promotion's manual approval. */
export function deploymentEnvironment(model: string, stage: string): string {
  return `${model}-${stage}`;
}

/**
 * A GitHub deployment per promotion, to environment `<model>-<stage>`, at the version's commit. The
 * deployment records the attempt, the status its outcome; the gate is mlgate's evidence, so GitHub's
 * commit-status check (`required_contexts`) is switched off, and so is auto-merge (the ref is a commit).
 */
export class GitHubDeploymentRecorder implements DeploymentRecorder {
  constructor(
    private readonly octokit: GitHubClient,
    private readonly repo: { owner: string; repo: string },
    private readonly logger: Logger,
  ) {}

  async start(spec: DeploymentSpec): Promise<StartedDeployment> {
    const environment = deploymentEnvironment(spec.model, spec.stage);
    const response = await this.octokit.rest.repos.createDeployment({
      ...this.repo,
      ref: spec.commit,
      environment,
      task: 'deploy',
      auto_merge: false,
      required_contexts: [],
      description: clip(`${spec.model}@${spec.version} to ${spec.stage}`),
      payload: { model: spec.model, version: spec.version, stage: spec.stage, tag: `${spec.model}@${spec.version}` },
      production_environment: spec.stage === 'production',
      transient_environment: false,
    });
    // 202: GitHub merged the default branch instead of deploying (only for a branch ref; ours is a commit).
    if (!('id' in response.data)) {
      const message = 'message' in response.data ? String(response.data.message) : `HTTP ${response.status}`;
      throw new UserError(`GitHub did not create a deployment to ${environment}: ${oneLine(message)}`);
    }
    const id = response.data.id;
    const post = async (
      state: 'in_progress' | DeploymentOutcome['state'],
      description: string,
      environmentUrl?: string,
    ) => {
      await this.octokit.rest.repos.createDeploymentStatus({
        ...this.repo,
        deployment_id: id,
        state,
        description: clip(description),
        ...(spec.logUrl !== undefined && { log_url: spec.logUrl }),
        ...(environmentUrl !== undefined && { environment_url: environmentUrl }),
        auto_inactive: true,
      });
    };
    try {
      await post('in_progress', `promoting ${spec.model}@${spec.version} to ${spec.stage}`);
    } catch (error) {
      // The deployment exists, so it still ends in a terminal status, though the promotion never starts.
      await post('error', `not started: ${messageOf(error)}`).catch((statusError: unknown) =>
        warnNoFinalStatus(this.logger, id, statusError),
      );
      throw error;
    }
    this.logger.info(`Deployment ${id} to environment ${environment}: in progress.`);
    return {
      id,
      environment,
      finish: async (outcome) => {
        await post(
          outcome.state,
          outcome.description,
          outcome.state === 'success' ? outcome.environmentUrl : undefined,
        );
        this.logger.info(`Deployment ${id} to environment ${environment}: ${outcome.state}.`);
      },
    };
  }
}

/**
 * Runs `promote` inside a deployment that always ends in a terminal status: `success` with what
 * `promote` returns, `failure` when it refuses (a user error: missing evidence, a bad version),
 * `error` when anything else goes wrong half-way. The error is rethrown after the status is posted.
 */
export async function withDeployment<T>(
  recorder: DeploymentRecorder,
  spec: DeploymentSpec,
  promote: (deployment: StartedDeployment) => Promise<{ result: T; description: string; environmentUrl?: string }>,
  logger: Logger,
): Promise<T> {
  const deployment = await recorder.start(spec);
  let done;
  try {
    done = await promote(deployment);
  } catch (error) {
    try {
      await deployment.finish({ state: isUserError(error) ? 'failure' : 'error', description: messageOf(error) });
    } catch (statusError) {
      warnNoFinalStatus(logger, deployment.id, statusError);
    }
    throw error;
  }
  await deployment.finish({
    state: 'success',
    description: done.description,
    ...(done.environmentUrl !== undefined && { environmentUrl: done.environmentUrl }),
  });
  return done.result;
}

/** An error's message on one line, for a deployment status or a log line. */
function messageOf(error: unknown): string {
  return oneLine(error instanceof Error ? error.message : String(error));
}

/** A deployment left without a terminal status is said in the log: the run cannot do more about it. */
function warnNoFinalStatus(logger: Logger, id: number, statusError: unknown): void {
  logger.warning(`Deployment ${id}: could not post its final status (${messageOf(statusError)}).`);
}

function clip(text: string): string {
  const line = oneLine(text);
  return line.length <= MAX_DESCRIPTION ? line : `${line.slice(0, MAX_DESCRIPTION - 1)}…`;
}
