import { join } from 'node:path';
import { type Report, UserError, readReportFile } from '@mlgate/core';
import type { ExtractLimits } from '../artifacts/extract-zip.js';
import type { ArtifactStore } from '../artifacts/store.js';
import type { GitHubClient } from '../octokit/client.js';
import type { WorkflowRunTrigger } from './trigger.js';

/** The merged report inside a report artifact, beside the rendered files. */
export const REPORT_ARTIFACT_JSON = 'report.json';
export const DEFAULT_REPORT_ARTIFACT = 'mlgate-report';

/** A report artifact holds a few files of a few megabytes: anything bigger is refused before it fills the disk. */
export const REPORT_ARTIFACT_LIMITS: ExtractLimits = {
  maxEntries: 16,
  maxEntryBytes: 32 * 1024 ** 2,
  maxTotalBytes: 64 * 1024 ** 2,
};
export const REPORT_ARCHIVE_MAX_BYTES = 32 * 1024 ** 2;

/**
 * The report the triggering run left: its artifact `name` only (never another run's), unpacked by the store's
 * extractor (no `..`, absolute paths, links or bombs: a `UserError` names the entry), then `report.json`
 * validated against the report schema. The artifact was written by code from the pull request, so nothing in it
 * decides where the report goes; a report about another commit than the run's is refused.
 */
export async function readTriggeringReport(
  store: ArtifactStore,
  name: string,
  trigger: WorkflowRunTrigger,
): Promise<Report> {
  const dir = await store.download(name, trigger.runId);
  const report = await readReportFile(join(dir, REPORT_ARTIFACT_JSON), {
    name: `artifact "${name}" of run ${trigger.runId}: ${REPORT_ARTIFACT_JSON}`,
  });
  const sha = report.subject?.sha?.toLowerCase();
  if (sha !== undefined && sha !== trigger.headSha) {
    throw new UserError(
      `artifact "${name}" of run ${trigger.runId} reports on commit ${sha.slice(0, 12)}, but the run built ${trigger.headSha.slice(0, 12)}`,
    );
  }
  return report;
}

/**
 * The open pull requests of this repository whose head is the triggering run's head commit, from the same head
 * repository: the binding comes from GitHub's own record of the run, never from a number inside the artifact.
 * None means the pull request moved on (a newer push) or closed; its newer run publishes instead.
 */
export async function pullRequestsForRun(
  octokit: GitHubClient,
  repo: { owner: string; repo: string },
  trigger: WorkflowRunTrigger,
): Promise<number[]> {
  const owner = trigger.headRepository.split('/')[0] ?? '';
  const pulls = await octokit.paginate(octokit.rest.pulls.list, {
    ...repo,
    state: 'open',
    ...(trigger.headBranch ? { head: `${owner}:${trigger.headBranch}` } : {}),
    per_page: 100,
  });
  return pulls
    .filter(
      (pull) =>
        pull.head.sha.toLowerCase() === trigger.headSha &&
        pull.head.repo?.full_name.toLowerCase() === trigger.headRepository.toLowerCase(),
    )
    .map((pull) => pull.number);
}
