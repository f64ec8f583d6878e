import { isAbsolute, join, relative, resolve } from 'node:path';
import * as core from '@actions/core';
import { context } from '@actions/github';
import { type ValidateFailOn, exactValuesSetting, runValidate, validationFails } from '@mlgate/engine';
import {
  UserError,
  checkOutputPath,
  hasAnnotatableLines,
  renderReportMarkdown,
  rowAnnotations,
  type Report,
  type ValidationSection,
  writeFileAtomic,
} from '@mlgate/core';
import type { Logger } from '@mlgate/github';
import { parseInputs } from './inputs.js';
import { progressLogger } from './progress.js';

/** GitHub's cap on a step summary is 1 MiB; the report stays far below it. */
const SUMMARY_BUDGET_BYTES = 500_000;

/** `workerEntry`: this action's bundle, which the worker threads reading the data start from. */
export async function run({ logger, workerEntry }: { logger: Logger; workerEntry: URL }): Promise<void> {
  const inputs = parseInputs();
  // A long pass must not end in a failed write: the output paths are checked first.
  for (const out of [inputs.reportOut, inputs.profileOut]) if (out !== undefined) await checkOutputPath(out);
  const exactValues = await exactValuesSetting(inputs.exactValues, inputs.config, process.cwd());
  const started = Date.now();
  const { report, section, profile, threads } = await logger.group('Validate', () =>
    runValidate(
      {
        data: inputs.data,
        cwd: process.cwd(),
        ...(inputs.schema !== undefined && { schema: inputs.schema }),
        ...(inputs.reference !== undefined && { reference: inputs.reference }),
        ...(inputs.shard && { shard: inputs.shard }),
        ...(inputs.delimiter !== undefined && { delimiter: inputs.delimiter }),
        ...(inputs.maxErrors !== undefined && { maxErrors: inputs.maxErrors }),
        exactValues,
        ...(inputs.threads !== undefined && { threads: inputs.threads }),
        strict: inputs.strict,
      },
      {
        workerEntry,
        onProgress: progressLogger(`validating ${inputs.data}`, (line) => logger.info(line)),
        onSkippedColumn: (message) => logger.warning(`drift: ${message}`),
        onWarning: (message) => logger.warning(message),
        onSkippedExpectation: (message, location) =>
          logger.warning(message, { ...location, ...(location.file && { file: repositoryPath(location.file) }) }),
      },
    ),
  );
  const shard = inputs.shard ? ` (shard ${inputs.shard.index}/${inputs.shard.count})` : '';
  const on = threads > 1 ? ` on ${threads} threads` : '';
  logger.info(
    `Read ${section.rows} rows × ${section.columns} columns of ${inputs.data}${shard} in ${seconds(started)}${on}`,
  );

  const reportPath = await writeJson(
    inputs.reportOut ?? join(process.env.RUNNER_TEMP ?? process.cwd(), 'mlgate-validate-report.json'),
    report,
  );
  const profilePath = inputs.profileOut === undefined ? '' : await writeJson(inputs.profileOut, profile);
  await core.summary
    .addRaw(renderReportMarkdown(report, { maxBytes: SUMMARY_BUDGET_BYTES, runUrl: runUrl() }), true)
    .write();

  const { status } = report.verdict;
  core.setOutput('passed', String(!validationFails(status, inputs.failOn === 'never' ? 'error' : inputs.failOn)));
  core.setOutput('report', reportPath);
  core.setOutput('profile', profilePath);
  annotateRows(section, inputs.data, logger);
  logger.info(`Verdict: ${status} — ${report.verdict.summary}`);
  if (validationFails(status, inputs.failOn)) failStep(report, inputs.failOn, logger);
}

/** Row annotations only where GitHub can show the line: plain CSV/TSV/JSON Lines files. */
function annotateRows(section: ValidationSection, data: string, logger: Logger): void {
  if (!hasAnnotatableLines(data)) return;
  const { annotations, omitted } = rowAnnotations(section, repositoryPath(data));
  for (const { level, message, location } of annotations) logger[level](message, location);
  if (omitted > 0) logger.info(`${omitted} more failing rows are listed in the report, not annotated`);
}

/** Each reason at or above fail-on's level is one error line; the step then fails like `core.setFailed`. */
function failStep(report: Report, failOn: ValidateFailOn, logger: Logger): never {
  const { status, reasons } = report.verdict;
  for (const reason of reasons.filter((r) => validationFails(r.status, failOn))) {
    logger.error(`${reason.column === undefined ? '' : `${reason.column}: `}${reason.message}`);
  }
  throw new UserError(`the validation verdict is ${status} and fail-on is ${failOn}, so the step fails`);
}

async function writeJson(path: string, value: unknown): Promise<string> {
  const absolute = resolve(path);
  await writeFileAtomic(absolute, `${JSON.stringify(value, null, 2)}\n`, path);
  return absolute;
}

/** Annotations point at files relative to the repository root (the workspace). */
function repositoryPath(path: string): string {
  const inWorkspace = relative(process.env.GITHUB_WORKSPACE ?? process.cwd(), resolve(path));
  return inWorkspace.startsWith('..') || isAbsolute(inWorkspace) ? path : inWorkspace;
}

function seconds(since: number): string {
  return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}

function runUrl(): string | undefined {
  const { serverUrl, runId } = context;
  const { owner, repo } = context.repo;
  return runId ? `${serverUrl}/${owner}/${repo}/actions/runs/${runId}` : undefined;
}
