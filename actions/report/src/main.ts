import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as core from '@actions/core';
import { context } from '@actions/github';
import { mergeReports, readReportFile, renderReportMarkdown, type Report } from '@mlgate/core';
import {
  GitHubCheckRunStore,
  GitHubCommentStore,
  createOctokit,
  reportCheckRuns,
  stickyMarker,
  upsertStickyComment,
  type GitHubClient,
  type Logger,
  type StickyResult,
} from '@mlgate/github';
import { parseInputs, type Inputs } from './inputs.js';

/** Room left for the comment's header under GitHub's 65,536-character cap (bytes ≥ characters). */
const BODY_BUDGET_BYTES = 60_000;

export async function run({ logger }: { logger: Logger }): Promise<void> {
  const inputs = parseInputs();
  // Read and validate every report before any API call: a bad file must cost nothing.
  const report = await logger.group('Read reports', () => readReports(inputs.reports, logger));
  const markdown = renderReportMarkdown(report, { maxBytes: BODY_BUDGET_BYTES, runUrl: runUrl() });
  const markdownPath = join(process.env.RUNNER_TEMP ?? process.cwd(), `mlgate-report-${inputs.id}.md`);
  await writeFile(markdownPath, markdown);
  if (inputs.summary) await core.summary.addRaw(markdown, true).write();

  const octokit = lazyOctokit(inputs.token, logger);
  const comment = await logger.group('Sticky comment', () => postComment(inputs, markdown, octokit, logger));
  const checks = inputs.checkRun
    ? await logger.group('Check runs', () => publishCheckRuns(report, octokit, logger))
    : [];

  core.setOutput('verdict', report.verdict.status);
  core.setOutput('markdown', markdownPath);
  core.setOutput('comment-id', comment ? String(comment.comment.id) : '');
  core.setOutput('comment-url', comment?.comment.url ?? '');
  core.setOutput('comment-action', comment?.action ?? 'skipped');
  core.setOutput('check-runs', JSON.stringify(checks));
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

async function postComment(
  inputs: Inputs,
  markdown: string,
  octokit: () => GitHubClient,
  logger: Logger,
): Promise<StickyResult | undefined> {
  const issue = inputs.pullRequest ?? context.payload.pull_request?.number;
  if (!inputs.comment || issue === undefined) {
    logger.info(inputs.comment ? 'Not a pull request: no comment posted.' : 'Commenting is off.');
    return undefined;
  }
  const store = new GitHubCommentStore(octokit(), context.repo);
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

async function publishCheckRuns(report: Report, octokit: () => GitHubClient, logger: Logger) {
  const store = new GitHubCheckRunStore(octokit(), context.repo);
  const runs = reportCheckRuns(report, {
    headSha: headSha(),
    runId: String(context.runId),
    maxBytes: BODY_BUDGET_BYTES,
    ...(runUrl() && { runUrl: runUrl() }),
  });
  const published = [];
  for (const checkRun of runs) {
    const result = await store.publish(checkRun);
    logger.info(`Check run "${checkRun.name}" ${result.action}: ${checkRun.conclusion}`);
    published.push({ name: checkRun.name, conclusion: checkRun.conclusion, ...result });
  }
  return published;
}

/** The pull request's head commit, not the merge commit `GITHUB_SHA` names on `pull_request` events. */
function headSha(): string {
  const head = (context.payload.pull_request as { head?: { sha?: string } } | undefined)?.head?.sha;
  return head ?? context.sha;
}

/** One client, made only when a call is needed: a run that only writes the summary makes none. */
function lazyOctokit(token: string, logger: Logger): () => GitHubClient {
  let client: GitHubClient | undefined;
  return () => (client ??= createOctokit({ token, logger }));
}

function runUrl(): string | undefined {
  const { serverUrl, runId } = context;
  const { owner, repo } = context.repo;
  return runId ? `${serverUrl}/${owner}/${repo}/actions/runs/${runId}` : undefined;
}
