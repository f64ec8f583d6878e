import { mkdir, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import * as core from '@actions/core';
import { context } from '@actions/github';
import { BootstrapPool, type CompareOptions, runCompare } from '@mlgate/engine';
import { type Report, type Subject, UserError, renderReportMarkdown } from '@mlgate/core';
import {
  GitHubReleaseFiles,
  GitHubRunArtifactStore,
  GitHubTagSource,
  RegistryBaselineResolver,
  createOctokit,
  workflowFileName,
  type Logger,
} from '@mlgate/github';
import { parseInputs, type Inputs } from './inputs.js';

/** GitHub's cap on a step summary is 1 MiB; the report stays far below it. */
const SUMMARY_BUDGET_BYTES = 500_000;

/** `workerEntry`: this action's bundle, which the bootstrap's worker threads start from. */
export async function run({ logger, workerEntry }: { logger: Logger; workerEntry: URL }): Promise<void> {
  const inputs = parseInputs();
  const pool = new BootstrapPool(workerEntry, availableParallelism());
  const octokit = createOctokit({ token: inputs.token, logger });
  const { report, exitCode } = await logger.group('Compare', () =>
    runCompare(compareOptions(inputs), {
      artifacts: new GitHubRunArtifactStore(octokit, context.repo, { logger }),
      artifactName: inputs.artifactName,
      ...workflow(),
      registry: new RegistryBaselineResolver(
        new GitHubTagSource(octokit, context.repo),
        new GitHubReleaseFiles(octokit, context.repo, { logger }),
        logger,
      ),
      logger,
      now: () => new Date(),
      deltas: pool.deltas,
    }).finally(() => pool.close()),
  );
  if (pool.used) logger.info(`The bootstrap ran on ${availableParallelism()} worker threads.`);
  const markdown = renderReportMarkdown(report, { maxBytes: SUMMARY_BUDGET_BYTES, runUrl: runUrl() });
  const files = await writeReport(report, markdown);
  await core.summary.addRaw(markdown, true).write();

  core.setOutput('verdict', report.verdict.status);
  core.setOutput('report', files.report);
  core.setOutput('markdown', files.markdown);
  logger.info(`Verdict: ${report.verdict.status} — ${report.verdict.summary}`);
  if (exitCode === 1) failStep(report, inputs, logger);
}

function compareOptions(inputs: Inputs): CompareOptions {
  return {
    ...(inputs.candidate !== undefined && { candidate: inputs.candidate }),
    ...(inputs.baseline !== undefined && { baseline: inputs.baseline }),
    ...(inputs.config !== undefined && { config: inputs.config }),
    ...(inputs.model !== undefined && { model: inputs.model }),
    ...(inputs.validationReport !== undefined && { validationReport: inputs.validationReport }),
    format: inputs.format,
    formatOverrides: { positiveClass: 'the positive-class input', scoreType: 'the score-type input' },
    failOn: inputs.failOn,
    cwd: process.cwd(),
    subject: subject(),
  };
}

/** A `branch:` baseline comes from earlier runs of this same workflow. */
function workflow(): { workflow?: string } {
  const ref = process.env.GITHUB_WORKFLOW_REF;
  return ref ? { workflow: workflowFileName(ref, { path: 'GITHUB_WORKFLOW_REF' }) } : {};
}

/** Each rule that decided the verdict is one error line; the step then fails like `core.setFailed`. */
function failStep(report: Report, inputs: Inputs, logger: Logger): never {
  const { status, reasons } = report.verdict;
  for (const reason of reasons.filter((r) => r.status === status)) logger.error(reason.message);
  throw new UserError(`the compare verdict is ${status} and fail-on is ${inputs.failOn}, so the step fails`);
}

async function writeReport(report: Report, markdown: string): Promise<{ report: string; markdown: string }> {
  const dir = join(process.env.RUNNER_TEMP ?? process.cwd(), 'mlgate');
  await mkdir(dir, { recursive: true });
  const files = { report: join(dir, 'compare-report.json'), markdown: join(dir, 'compare-report.md') };
  await writeFile(files.report, `${JSON.stringify(report, null, 2)}\n`);
  await writeFile(files.markdown, markdown);
  return files;
}

function subject(): Subject {
  const { owner, repo } = context.repo;
  const pullRequest = context.payload.pull_request?.number;
  return {
    repository: `${owner}/${repo}`,
    ...(context.sha && { sha: context.sha }),
    ...(context.ref && { ref: context.ref }),
    ...(pullRequest !== undefined && { pullRequest }),
    ...(context.runId && { runId: context.runId }),
    ...(context.runAttempt && { runAttempt: context.runAttempt }),
    ...(context.workflow && { workflow: context.workflow }),
  };
}

function runUrl(): string | undefined {
  const { serverUrl, runId } = context;
  const { owner, repo } = context.repo;
  return runId ? `${serverUrl}/${owner}/${repo}/actions/runs/${runId}` : undefined;
}
