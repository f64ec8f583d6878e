import type { CheckConclusion } from '@mlgate/core';
import type { GitHubClient } from '../octokit/client.js';

export interface CheckRunAnnotation {
  /** Relative to the repository root. */
  path: string;
  line: number;
  level: 'notice' | 'warning' | 'failure';
  message: string;
  title?: string;
}

/** A completed check run as mlgate publishes it: one per model, named `mlgate / <model>`. */
export interface CheckRun {
  name: string;
  headSha: string;
  conclusion: CheckConclusion;
  title: string;
  /** Markdown, at most 65,535 characters. */
  summary: string;
  annotations: CheckRunAnnotation[];
  detailsUrl?: string;
  /**
   * Which run wrote it (the workflow run id): a re-run of that run updates the same check run, a
   * new run creates its own.
   */
  externalId: string;
}

export interface PublishedCheckRun {
  action: 'created' | 'updated';
  id: number;
  url?: string;
}

/** Where check runs go; the GitHub one needs `checks: write`. */
export interface CheckRunStore {
  publish(run: CheckRun): Promise<PublishedCheckRun>;
}

/** GitHub accepts at most 50 annotations per request; further ones go in follow-up updates. */
const ANNOTATIONS_PER_REQUEST = 50;
/** GitHub's cap on a check run's summary. */
export const MAX_CHECK_SUMMARY_CHARS = 65_535;

interface ApiCheckRun {
  id: number;
  external_id?: string | null;
  html_url?: string | null;
}

export class GitHubCheckRunStore implements CheckRunStore {
  constructor(
    private readonly octokit: GitHubClient,
    private readonly repo: { owner: string; repo: string },
  ) {}

  async publish(run: CheckRun): Promise<PublishedCheckRun> {
    if (run.summary.length > MAX_CHECK_SUMMARY_CHARS) {
      throw new TypeError(
        `check run summary has ${run.summary.length} characters, more than ${MAX_CHECK_SUMMARY_CHARS}`,
      );
    }
    const batches = chunk(run.annotations.map(toApiAnnotation), ANNOTATIONS_PER_REQUEST);
    const body = {
      ...this.repo,
      name: run.name,
      status: 'completed' as const,
      conclusion: run.conclusion,
      completed_at: new Date().toISOString(),
      external_id: run.externalId,
      ...(run.detailsUrl && { details_url: run.detailsUrl }),
      output: { title: run.title, summary: run.summary, annotations: batches[0] ?? [] },
    };
    const existing = await this.find(run);
    const { data } = existing
      ? await this.octokit.rest.checks.update({ ...body, check_run_id: existing.id })
      : await this.octokit.rest.checks.create({ ...body, head_sha: run.headSha });
    for (const annotations of batches.slice(1)) {
      await this.octokit.rest.checks.update({
        ...this.repo,
        check_run_id: data.id,
        output: { title: run.title, summary: run.summary, annotations },
      });
    }
    return { action: existing ? 'updated' : 'created', id: data.id, ...(data.html_url && { url: data.html_url }) };
  }

  private async find(run: CheckRun): Promise<ApiCheckRun | undefined> {
    const runs: ApiCheckRun[] = await this.octokit.paginate(this.octokit.rest.checks.listForRef, {
      ...this.repo,
      ref: run.headSha,
      check_name: run.name,
      filter: 'all',
      per_page: 100,
    });
    return runs.find((candidate) => candidate.external_id === run.externalId);
  }
}

function toApiAnnotation(annotation: CheckRunAnnotation) {
  return {
    path: annotation.path,
    start_line: annotation.line,
    end_line: annotation.line,
    annotation_level: annotation.level,
    message: annotation.message,
    ...(annotation.title && { title: annotation.title }),
  };
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}
