import { mkdtemp, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import * as core from '@actions/core';
import { context } from '@actions/github';
import {
  mergeReports,
  readReportFile,
  renderReportHtml,
  renderReportMarkdown,
  writeFileAtomic,
  type ArtifactLink,
  type Report,
} from '@mlgate/core';
import {
  GitHubCheckRunStore,
  GitHubCommentStore,
  GitHubRunArtifactStore,
  REPORT_ARCHIVE_MAX_BYTES,
  REPORT_ARTIFACT_LIMITS,
  createOctokit,
  REPORT_ARTIFACT_JSON,
  pullRequestsForRun,
  readTriggeringReport,
  readVegaScripts,
  reportCheckRuns,
  reportTrigger,
  stickyMarker,
  upsertStickyComment,
  type GitHubClient,
  type Logger,
  type ReportTrigger,
  type StickyResult,
  type UploadedArtifact,
} from '@mlgate/github';
import { parseInputs, type Inputs } from './inputs.js';

/** Room left for the comment's header under GitHub's 65,536-character cap (bytes ≥ characters). */
const BODY_BUDGET_BYTES = 60_000;

export async function run({ logger, entry }: { logger: Logger; entry: URL }): Promise<void> {
  const inputs = parseInputs(context.eventName);
  const trigger = reportTrigger(
    { eventName: context.eventName, payload: context.payload, repository: fullName(), sha: context.sha },
    { allowPullRequestTarget: inputs.allowPullRequestTarget },
  );
  const octokit = lazyOctokit(inputs.token, logger);
  // Read and validate every report before any write: a bad file must cost nothing.
  const report =
    trigger.kind === 'workflow-run'
      ? await logger.group(`Report artifact of run ${trigger.runId}`, () => downloadReport(inputs, trigger, octokit))
      : await logger.group('Read reports', () => readReports(inputs.reports, logger));
  const temp = process.env.RUNNER_TEMP ?? process.cwd();
  const htmlPath =
    inputs.html !== undefined || inputs.htmlArtifact !== undefined
      ? await logger.group('HTML report', () =>
          writeHtml(report, resolve(inputs.html ?? join(temp, `mlgate-report-${inputs.id}.html`)), entry, logger),
        )
      : undefined;
  const htmlUpload =
    htmlPath && inputs.htmlArtifact ? await uploadFiles(inputs.htmlArtifact, [htmlPath], octokit, logger) : undefined;
  const artifacts: ArtifactLink[] = htmlUpload ? [{ name: htmlUpload.name, url: artifactUrl(htmlUpload.id) }] : [];

  const markdown = renderReportMarkdown(report, { maxBytes: BODY_BUDGET_BYTES, runUrl: runUrl(), artifacts });
  const markdownPath = join(temp, `mlgate-report-${inputs.id}.md`);
  await writeFile(markdownPath, markdown);
  if (inputs.summary) await core.summary.addRaw(markdown, true).write();

  const writable = !(trigger.kind === 'pull-request' && trigger.fork);
  // A fork's token is read-only: the report goes out as this run's artifact, for a workflow_run job to publish.
  const reportUpload = writable
    ? undefined
    : await logger.group('Report artifact', async () => {
        logger.info('Pull request from a fork: the token is read-only, so nothing is posted.');
        const dir = await mkdtemp(join(temp, 'mlgate-report-artifact-'));
        const files = [join(dir, REPORT_ARTIFACT_JSON), join(dir, 'report.md')];
        await writeFile(files[0]!, `${JSON.stringify(report, null, 2)}\n`);
        await writeFile(files[1]!, markdown);
        return uploadFiles(inputs.artifact, files, octokit, logger);
      });
  const pulls = writable ? await pullRequests(inputs, trigger, octokit, logger) : [];
  const comments = [];
  for (const pull of pulls) {
    comments.push(
      await logger.group(`Sticky comment on #${pull}`, () =>
        postComment(inputs, pull, trigger, markdown, octokit, logger),
      ),
    );
  }
  const checks =
    writable && inputs.checkRun
      ? await logger.group('Check runs', () => publishCheckRuns(report, headSha(trigger), octokit, logger))
      : [];

  const [comment] = comments;
  core.setOutput('verdict', report.verdict.status);
  core.setOutput('markdown', markdownPath);
  core.setOutput('pull-requests', JSON.stringify(pulls));
  core.setOutput('comment-id', comment ? String(comment.comment.id) : '');
  core.setOutput('comment-url', comment?.comment.url ?? '');
  core.setOutput('comment-action', comment?.action ?? 'skipped');
  core.setOutput('check-runs', JSON.stringify(checks));
  core.setOutput('html', htmlPath ?? '');
  core.setOutput('html-artifact-id', htmlUpload ? String(htmlUpload.id) : '');
  core.setOutput('html-artifact-url', htmlUpload ? (artifactUrl(htmlUpload.id) ?? '') : '');
  core.setOutput('artifact-id', reportUpload ? String(reportUpload.id) : '');
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

/** The self-contained HTML report, with the browser builds the bundle carries. */
async function writeHtml(report: Report, path: string, entry: URL, logger: Logger): Promise<string> {
  const scripts = await readVegaScripts(entry);
  await writeFileAtomic(path, renderReportHtml(report, { runUrl: runUrl(), scripts }), path);
  logger.info(`Wrote ${path}`);
  return path;
}

/** `files` (all in one folder) as this run's artifact `name`. */
async function uploadFiles(
  name: string,
  files: string[],
  octokit: () => GitHubClient,
  logger: Logger,
): Promise<UploadedArtifact> {
  const store = new GitHubRunArtifactStore(octokit(), context.repo, { logger });
  const root = dirname(files[0]!);
  const uploaded = await store.upload(
    name,
    files.map((file) => basename(file)),
    root,
  );
  logger.info(`Uploaded artifact "${name}" (${uploaded.size} bytes, ${uploaded.digest})`);
  return uploaded;
}

/** Only the triggering run's artifact, with the caps of a report artifact. */
async function downloadReport(
  inputs: Inputs,
  trigger: Extract<ReportTrigger, { kind: 'workflow-run' }>,
  octokit: () => GitHubClient,
): Promise<Report> {
  const store = new GitHubRunArtifactStore(octokit(), context.repo, {
    maxArchiveBytes: REPORT_ARCHIVE_MAX_BYTES,
    limits: REPORT_ARTIFACT_LIMITS,
  });
  return readTriggeringReport(store, inputs.artifact, trigger);
}

/** The pull requests to comment on: the input's, the event's, or those whose head the triggering run built. */
async function pullRequests(
  inputs: Inputs,
  trigger: ReportTrigger,
  octokit: () => GitHubClient,
  logger: Logger,
): Promise<number[]> {
  if (!inputs.comment) {
    logger.info('Commenting is off.');
    return [];
  }
  if (inputs.pullRequest !== undefined) return [inputs.pullRequest];
  if (trigger.kind === 'pull-request') return [trigger.number];
  if (trigger.kind === 'other') {
    logger.info('Not a pull request: no comment posted.');
    return [];
  }
  const pulls = await pullRequestsForRun(octokit(), context.repo, trigger);
  if (pulls.length === 0) {
    logger.info(`No open pull request has head ${trigger.headSha.slice(0, 12)} any more: no comment posted.`);
  }
  return pulls;
}

async function postComment(
  inputs: Inputs,
  issue: number,
  trigger: ReportTrigger,
  markdown: string,
  octokit: () => GitHubClient,
  logger: Logger,
): Promise<StickyResult> {
  const store = new GitHubCommentStore(octokit(), context.repo);
  const result = await upsertStickyComment(store, {
    issue,
    marker: stickyMarker(inputs.id),
    body: markdown,
    author: inputs.commentAuthor,
    // The run that made the report orders it: on workflow_run, the triggering run, not this publisher.
    revision: (trigger.kind === 'workflow-run' ? trigger.runId : context.runId) || undefined,
  });
  logger.info(`Comment ${result.action}: ${result.comment.url ?? result.comment.id}`);
  return result;
}

async function publishCheckRuns(report: Report, sha: string, octokit: () => GitHubClient, logger: Logger) {
  const store = new GitHubCheckRunStore(octokit(), context.repo);
  const runs = reportCheckRuns(report, {
    headSha: sha,
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

/** The commit the report is about: the pull request's head (not the merge commit `GITHUB_SHA` names), the run's. */
function headSha(trigger: ReportTrigger): string {
  return trigger.kind === 'other' ? trigger.sha : trigger.headSha;
}

/** One client, made only when a call is needed: a run that only writes the summary makes none. */
function lazyOctokit(token: string, logger: Logger): () => GitHubClient {
  let client: GitHubClient | undefined;
  return () => (client ??= createOctokit({ token, logger }));
}

function fullName(): string {
  return `${context.repo.owner}/${context.repo.repo}`;
}

/** Where a person downloads one of this run's artifacts. */
function artifactUrl(id: number): string | undefined {
  const base = runUrl();
  return base ? `${base}/artifacts/${id}` : undefined;
}

function runUrl(): string | undefined {
  const { serverUrl, runId } = context;
  const { owner, repo } = context.repo;
  return runId ? `${serverUrl}/${owner}/${repo}/actions/runs/${runId}` : undefined;
}
