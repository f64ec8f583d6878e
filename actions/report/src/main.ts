import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as core from '@actions/core';
import { context } from '@actions/github';
import { mergeReports, readReportFile, renderReportMarkdown, type Report } from '@mlgate/core';
import {
  GitHubCommentStore,
  createOctokit,
  stickyMarker,
  upsertStickyComment,
  type Logger,
  type StickyResult,
} from '@mlgate/github';
import { parseInputs, type Inputs } from './inputs.js';

/** Room left for the marker and GitHub's 65,536-character cap on a comment body. */
const COMMENT_BUDGET_BYTES = 60_000;

export async function run({ logger }: { logger: Logger }): Promise<void> {
  const inputs = parseInputs();
  // Read and validate every report before any API call: a bad file must cost nothing.
  const report = await logger.group('Read reports', () => readReports(inputs.reports, logger));
  const markdown = renderReportMarkdown(report, { maxBytes: COMMENT_BUDGET_BYTES, runUrl: runUrl() });
  const markdownPath = join(process.env.RUNNER_TEMP ?? process.cwd(), `mlgate-report-${inputs.id}.md`);
  await writeFile(markdownPath, markdown);

  if (inputs.summary) await core.summary.addRaw(markdown, true).write();
  const comment = await logger.group('Sticky comment', () => postComment(inputs, markdown, logger));

  core.setOutput('verdict', report.verdict.status);
  core.setOutput('markdown', markdownPath);
  core.setOutput('comment-id', comment ? String(comment.comment.id) : '');
  core.setOutput('comment-url', comment?.comment.url ?? '');
  core.setOutput('comment-action', comment?.action ?? 'skipped');
  logger.info(`Verdict: ${report.verdict.status} — ${report.verdict.summary}`);
}

async function readReports(paths: string[], logger: Logger): Promise<Report> {
  const reports: Report[] = [];
  for (const path of paths) {
    reports.push(await readReportFile(path));
    logger.info(`Read ${path}`);
  }
  return mergeReports(reports);
}

async function postComment(inputs: Inputs, markdown: string, logger: Logger): Promise<StickyResult | undefined> {
  const issue = inputs.pullRequest ?? context.payload.pull_request?.number;
  if (!inputs.comment || issue === undefined) {
    logger.info(inputs.comment ? 'Not a pull request: no comment posted.' : 'Commenting is off.');
    return undefined;
  }
  const octokit = createOctokit({ token: inputs.token, logger });
  const store = new GitHubCommentStore(octokit, context.repo);
  const result = await upsertStickyComment(store, {
    issue,
    marker: stickyMarker(inputs.id),
    body: markdown,
    author: inputs.commentAuthor,
    revision: context.runId || undefined,
  });
  logger.info(`Comment ${result.action}: ${result.comment.url ?? result.comment.id}`);
  return result;
}

function runUrl(): string | undefined {
  const { serverUrl, runId } = context;
  const { owner, repo } = context.repo;
  return runId ? `${serverUrl}/${owner}/${repo}/actions/runs/${runId}` : undefined;
}
