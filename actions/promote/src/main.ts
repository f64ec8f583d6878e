import * as core from '@actions/core';
import { context } from '@actions/github';
import { UserError } from '@mlgate/core';
import { loadCompareConfig } from '@mlgate/engine';
import {
  createOctokit,
  GitHubDeploymentRecorder,
  GitHubRegistryStore,
  GitHubReleaseFiles,
  GitHubReleasePublisher,
  type Logger,
} from '@mlgate/github';
import { chatops } from './chatops.js';
import { type Inputs, parseInputs } from './inputs.js';
import { type Outcome, outcomeMarkdown, outputsOf } from './outcome.js';
import { assign, modelName, register, type Registry } from './registry.js';
import { readTrigger } from './trigger.js';

export async function run({ logger }: { logger: Logger }): Promise<void> {
  const inputs = parseInputs();
  const trigger = readTrigger(context.eventName, context.payload, { sha: context.sha, ref: context.ref });
  const octokit = createOctokit({ token: inputs.token, logger });
  const { config } = await loadCompareConfig(inputs.config, process.cwd());
  const registry: Registry = {
    store: new GitHubRegistryStore(octokit, context.repo),
    files: new GitHubReleaseFiles(octokit, context.repo, { logger }),
    publisher: inputs.release ? new GitHubReleasePublisher(octokit, context.repo, logger) : undefined,
    recorder: inputs.deployment ? new GitHubDeploymentRecorder(octokit, context.repo, logger) : undefined,
    config,
    configPath: inputs.config,
    cwd: process.cwd(),
    logger,
    releasePage: (tag) => `${repoUrl()}/releases/tag/${encodeURIComponent(tag)}`,
    runUrl: context.runId ? `${repoUrl()}/actions/runs/${context.runId}` : undefined,
  };

  let outcome: Outcome;
  if (trigger.mode === 'assign') outcome = await assign(registry, assignRequest(inputs));
  else if (trigger.mode === 'register') {
    if (!trigger.defaultBranch) {
      logger.info(`A push to ${trigger.branch}, not the default branch: nothing is registered.`);
      return;
    }
    outcome = await register(registry, {
      model: modelName(config, inputs.model),
      commit: trigger.sha,
      actor: context.actor,
      stage: inputs.stage ?? 'staging',
      ...pick(inputs, ['version', 'bump', 'manifest', 'report', 'reason']),
    });
  } else {
    const done = await chatops(registry, trigger.comment, octokit, context.repo);
    if (done === null) return;
    outcome = done;
  }

  for (const [name, value] of Object.entries(outputsOf(outcome))) core.setOutput(name, value);
  await core.summary.addRaw(outcomeMarkdown(outcome, trigger.mode === 'assign'), true).write();
  if (outcome.result === 'refused') {
    for (const missing of outcome.missing) logger.error(missing);
    throw new UserError(
      outcome.model === null
        ? 'the comment was refused'
        : `${outcome.model}@${outcome.version ?? '?'} was refused${outcome.stage ? ` for ${outcome.stage}` : ''}`,
    );
  }
  logger.info(
    outcomeMarkdown(outcome)
      .replace(/^###.*\n\n/, '')
      .trim(),
  );
}

function assignRequest(inputs: Inputs) {
  const missing = (['model', 'version', 'stage'] as const).filter((name) => inputs[name] === undefined);
  if (missing.length > 0) {
    throw new UserError(`on workflow_dispatch, inputs ${missing.map((n) => `"${n}"`).join(', ')} must be set`);
  }
  return {
    model: inputs.model as string,
    version: inputs.version as string,
    stage: inputs.stage as string,
    actor: context.actor,
    force: inputs.force,
    ...pick(inputs, ['reason']),
  };
}

/** The inputs that are set, by name. */
function pick<K extends keyof Inputs>(inputs: Inputs, keys: K[]): { [P in K]?: NonNullable<Inputs[P]> } {
  return Object.fromEntries(keys.filter((k) => inputs[k] !== undefined).map((k) => [k, inputs[k]])) as {
    [P in K]?: NonNullable<Inputs[P]>;
  };
}

function repoUrl(): string {
  return `${context.serverUrl}/${context.repo.owner}/${context.repo.repo}`;
}
