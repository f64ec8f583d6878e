import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { UserError } from '@mlgate/core';
import type { Logger } from '../logger.js';
import type { GitHubClient } from '../octokit/client.js';
import { DEFAULT_EXTRACT_LIMITS, UnsafeArchiveError, extractZip } from './extract-zip.js';
import type { ExtractLimits } from './extract-zip.js';
import type { ArtifactQuery, ArtifactRun, ArtifactStore, LatestArtifact, UploadedArtifact } from './store.js';

export interface GitHubRunArtifactStoreOptions {
  /** Successful runs inspected for the artifact before giving up. Default 10. */
  maxRuns?: number;
  /** Largest archive downloaded (compressed bytes). Default 1 GiB. */
  maxArchiveBytes?: number;
  /** Caps on what an archive may unpack to. */
  limits?: ExtractLimits;
  /** Days an uploaded artifact is kept (default: the repository's setting). */
  retentionDays?: number;
  /** Where extraction folders are created. Default `RUNNER_TEMP`, else the OS temp folder. */
  tempRoot?: string;
  logger?: Logger;
}

interface ApiRun {
  id: number;
  head_sha: string;
  head_branch: string | null;
  event: string;
  html_url: string;
  head_repository?: { full_name: string } | null;
}

interface ApiArtifact {
  id: number;
  name: string;
  expired: boolean;
  size_in_bytes: number;
}

type ArtifactLookup = { state: 'live'; artifact: ApiArtifact } | { state: 'expired' | 'missing' };

/**
 * This run's uploads through `@actions/artifact` (the runner's results service), and artifacts of earlier runs of a
 * workflow through the Actions REST API. Downloads are unpacked into a fresh
 * temporary folder with the caps and path checks of `extractZip`: another run's artifact is untrusted input.
 */
export class GitHubRunArtifactStore implements ArtifactStore {
  private readonly maxRuns: number;
  private readonly maxArchiveBytes: number;

  constructor(
    private readonly octokit: GitHubClient,
    private readonly repo: { owner: string; repo: string },
    private readonly options: GitHubRunArtifactStoreOptions = {},
  ) {
    this.maxRuns = options.maxRuns ?? 10;
    this.maxArchiveBytes = options.maxArchiveBytes ?? 1024 ** 3;
  }

  async findLatest(query: ArtifactQuery): Promise<LatestArtifact> {
    const { workflow, branch, name } = query;
    const runs = await this.successfulRuns(workflow, branch);
    if (runs === 'unknown workflow') {
      return {
        found: false,
        reason: `workflow ${workflow} has no runs in ${this.fullName} yet (if it has run before, check its name)`,
      };
    }
    const candidates = trustedRuns(runs, this.fullName);
    if (candidates.length === 0) {
      return { found: false, reason: `no successful run of ${workflow} on branch ${branch} yet` };
    }
    const skipped: string[] = [];
    for (const run of candidates.slice(0, this.maxRuns)) {
      const lookup = await this.lookup(run.id, name);
      if (lookup.state === 'live') return { found: true, run: toRun(run) };
      skipped.push(`run ${run.id} (${lookup.state})`);
      this.options.logger?.info(`Run ${run.id} on ${branch} has no usable artifact "${name}" (${lookup.state}).`);
    }
    return {
      found: false,
      reason:
        `none of the ${skipped.length} latest successful runs of ${workflow} on branch ${branch} ` +
        `holds a usable artifact "${name}": ${skipped.join(', ')}`,
    };
  }

  async upload(name: string, files: string[], root: string): Promise<UploadedArtifact> {
    let result: { id?: number; size?: number; digest?: string };
    try {
      // Loaded on first use: the client and the Azure SDK it brings are large, and most runs only download.
      const { DefaultArtifactClient } = await import('@actions/artifact');
      result = await new DefaultArtifactClient().uploadArtifact(
        name,
        files.map((file) => resolve(root, file)),
        resolve(root),
        this.options.retentionDays === undefined ? {} : { retentionDays: this.options.retentionDays },
      );
    } catch (error) {
      throw new UserError(
        `artifact "${name}" could not be uploaded: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    if (result.id === undefined || result.digest === undefined) {
      throw new UserError(`artifact "${name}" was uploaded but the service did not confirm it (no id or digest)`);
    }
    return { id: result.id, name, size: result.size ?? 0, digest: `sha256:${result.digest}` };
  }

  async download(name: string, runId: number): Promise<string> {
    const what = `artifact "${name}" of run ${runId}`;
    const lookup = await this.lookup(runId, name);
    if (lookup.state !== 'live') throw new UserError(`${what} cannot be downloaded: it is ${lookup.state}`);
    const zip = await this.fetchZip(lookup.artifact, what);
    const dir = await mkdtemp(join(this.options.tempRoot ?? process.env.RUNNER_TEMP ?? tmpdir(), 'mlgate-artifact-'));
    try {
      await extractZip(zip, dir, this.options.limits ?? DEFAULT_EXTRACT_LIMITS);
    } catch (error) {
      await rm(dir, { recursive: true, force: true });
      if (error instanceof UnsafeArchiveError) throw new UserError(`${what} cannot be unpacked: ${error.message}`);
      throw error;
    }
    return dir;
  }

  private get fullName(): string {
    return `${this.repo.owner}/${this.repo.repo}`;
  }

  /**
   * Newest first, one page: enough runs to find a baseline, bounded so a broken history cannot cost more.
   * GitHub only knows a workflow once it has run, so an unknown one is a first run (or a misspelt name).
   */
  private async successfulRuns(workflow: string, branch: string): Promise<ApiRun[] | 'unknown workflow'> {
    try {
      const { data } = await this.octokit.rest.actions.listWorkflowRuns({
        ...this.repo,
        workflow_id: /^\d+$/.test(workflow) ? Number(workflow) : workflow,
        branch,
        status: 'success',
        exclude_pull_requests: true,
        per_page: 100,
      });
      return data.workflow_runs;
    } catch (error) {
      if (statusOf(error) === 404) return 'unknown workflow';
      throw error;
    }
  }

  private async lookup(runId: number, name: string): Promise<ArtifactLookup> {
    const { data } = await this.octokit.rest.actions.listWorkflowRunArtifacts({
      ...this.repo,
      run_id: runId,
      name,
      per_page: 100,
    });
    const named = data.artifacts.filter((a) => a.name === name);
    const live = named.find((a) => !a.expired);
    if (live) return { state: 'live', artifact: live };
    return { state: named.length > 0 ? 'expired' : 'missing' };
  }

  private async fetchZip(artifact: ApiArtifact, what: string): Promise<Buffer> {
    const tooLarge = (bytes: number) =>
      new UserError(`${what} is ${bytes} bytes, more than the ${this.maxArchiveBytes} allowed`);
    if (artifact.size_in_bytes > this.maxArchiveBytes) throw tooLarge(artifact.size_in_bytes);
    let data: unknown;
    try {
      // GitHub answers 302 to a short-lived storage URL; fetch follows it (dropping the token cross-origin).
      ({ data } = await this.octokit.rest.actions.downloadArtifact({
        ...this.repo,
        artifact_id: artifact.id,
        archive_format: 'zip',
      }));
    } catch (error) {
      if (error instanceof UserError) throw error;
      if (statusOf(error) === 410) throw new UserError(`${what} expired before it could be downloaded`);
      throw new UserError(`${what} could not be downloaded: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (!(data instanceof ArrayBuffer)) throw new UserError(`${what} did not download as a zip archive`);
    if (data.byteLength > this.maxArchiveBytes) throw tooLarge(data.byteLength);
    return Buffer.from(data);
  }
}

/**
 * Runs whose code this repository's own history produced. A fork's pull request can be named `main` too, and its
 * runs then carry `head_branch: main`: they must never become the baseline.
 */
function trustedRuns(runs: ApiRun[], fullName: string): ApiRun[] {
  const ours = runs.filter(
    (run) =>
      run.head_repository?.full_name.toLowerCase() === fullName.toLowerCase() && !run.event.startsWith('pull_request'),
  );
  // Pushes are what landed on the branch; dispatches and schedules only count when no push qualifies.
  return [...ours.filter((run) => run.event === 'push'), ...ours.filter((run) => run.event !== 'push')];
}

function toRun(run: ApiRun): ArtifactRun {
  return { id: run.id, headSha: run.head_sha, branch: run.head_branch ?? '', event: run.event, url: run.html_url };
}

function statusOf(error: unknown): number | undefined {
  return (error as { status?: number }).status;
}
