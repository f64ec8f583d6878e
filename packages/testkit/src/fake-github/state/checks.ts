import { ApiError, notFound, validationFailed } from '../api-error.js';
import type { Clock } from './clock.js';
import type { IdAllocator } from './ids.js';

export type CheckStatus = 'queued' | 'in_progress' | 'completed' | 'waiting' | 'requested' | 'pending';
export type CheckConclusion =
  'action_required' | 'cancelled' | 'failure' | 'neutral' | 'success' | 'skipped' | 'stale' | 'timed_out';

export interface Annotation {
  path: string;
  start_line: number;
  end_line: number;
  start_column?: number;
  end_column?: number;
  annotation_level: 'notice' | 'warning' | 'failure';
  message: string;
  title?: string;
  raw_details?: string;
}

export interface CheckRunRecord {
  id: number;
  name: string;
  headSha: string;
  status: CheckStatus;
  conclusion: CheckConclusion | null;
  startedAt: Date | null;
  completedAt: Date | null;
  detailsUrl: string | null;
  externalId: string | null;
  output: { title: string | null; summary: string | null; text: string | null; annotations: Annotation[] };
  suiteId: number;
  creator: string;
}

export interface CheckRunInput {
  name?: string;
  head_sha?: string;
  status?: CheckStatus;
  conclusion?: CheckConclusion;
  started_at?: string;
  completed_at?: string;
  details_url?: string;
  external_id?: string;
  output?: { title?: string; summary?: string; text?: string; annotations?: Annotation[] };
}

export type StatusState = 'error' | 'failure' | 'pending' | 'success';

export interface StatusRecord {
  id: number;
  sha: string;
  state: StatusState;
  targetUrl: string | null;
  description: string | null;
  context: string;
  creator: string;
  createdAt: Date;
  updatedAt: Date;
}

const MAX_STATUSES_PER_CONTEXT = 1000;
const MAX_DESCRIPTION = 140;
const PASSING_CONCLUSIONS = new Set(['success', 'neutral', 'skipped']);

/** Check runs and commit statuses of one repository. */
export class CheckStore {
  readonly runs = new Map<number, CheckRunRecord>();
  readonly statuses: StatusRecord[] = [];
  private readonly suites = new Map<string, number>();

  constructor(
    private readonly ids: IdAllocator,
    private readonly clock: Clock,
    private readonly commitExists: (sha: string) => boolean,
  ) {}

  createRun(input: CheckRunInput, creator: string): CheckRunRecord {
    const headSha = input.head_sha ?? '';
    if (!this.commitExists(headSha)) throw new ApiError(422, `No commit found for SHA: ${headSha}`);
    let suiteId = this.suites.get(headSha);
    if (suiteId === undefined) {
      suiteId = this.ids.id('checkSuite');
      this.suites.set(headSha, suiteId);
    }
    const now = this.clock.tick();
    const run: CheckRunRecord = {
      id: this.ids.id('checkRun'),
      name: input.name ?? '',
      headSha,
      status: 'queued',
      conclusion: null,
      startedAt: now,
      completedAt: null,
      detailsUrl: null,
      externalId: null,
      output: { title: null, summary: null, text: null, annotations: [] },
      suiteId,
      creator,
    };
    this.apply(run, input);
    this.runs.set(run.id, run);
    return run;
  }

  updateRun(id: number, input: CheckRunInput): CheckRunRecord {
    const run = this.run(id);
    this.apply(run, input);
    return run;
  }

  run(id: number): CheckRunRecord {
    const run = this.runs.get(id);
    if (!run) throw notFound();
    return run;
  }

  /** Runs on `sha`, newest first; `latest` keeps only the newest run of each name, like GitHub's default filter. */
  runsFor(sha: string, filter: 'latest' | 'all'): CheckRunRecord[] {
    const runs = [...this.runs.values()].filter((r) => r.headSha === sha).sort((a, b) => b.id - a.id);
    if (filter === 'all') return runs;
    const seen = new Set<string>();
    return runs.filter((r) => !seen.has(r.name) && seen.add(r.name));
  }

  // GitHub's rules: a conclusion implies `completed`; `completed` needs a conclusion. Checked before any change.
  private apply(run: CheckRunRecord, input: CheckRunInput): void {
    const conclusion = input.conclusion ?? run.conclusion;
    const status = input.conclusion !== undefined ? 'completed' : (input.status ?? run.status);
    if (status === 'completed' && conclusion === null) {
      throw new ApiError(422, 'Invalid request.\n\n"conclusion" is required when "status" is "completed".');
    }
    run.status = status;
    run.conclusion = conclusion;
    if (input.name !== undefined) run.name = input.name;
    if (input.details_url !== undefined) run.detailsUrl = input.details_url;
    if (input.external_id !== undefined) run.externalId = input.external_id;
    if (input.started_at !== undefined) run.startedAt = new Date(input.started_at);
    if (status === 'completed') {
      run.completedAt = input.completed_at ? new Date(input.completed_at) : (run.completedAt ?? this.clock.tick());
    }
    if (input.output) {
      run.output.title = input.output.title ?? run.output.title;
      run.output.summary = input.output.summary ?? run.output.summary;
      run.output.text = input.output.text ?? run.output.text;
      // Annotations accumulate across updates; GitHub caps each request at 50, not the total.
      run.output.annotations.push(...(input.output.annotations ?? []));
    }
  }

  createStatus(
    sha: string,
    input: { state: StatusState; target_url?: string | null; description?: string | null; context?: string },
    creator: string,
  ): StatusRecord {
    if (!this.commitExists(sha)) throw new ApiError(422, `No commit found for SHA: ${sha}`);
    const context = input.context ?? 'default';
    if (input.description && input.description.length > MAX_DESCRIPTION) {
      throw validationFailed({
        resource: 'Status',
        code: 'custom',
        field: 'description',
        message: `description is too long (maximum is ${MAX_DESCRIPTION} characters)`,
      });
    }
    const existing = this.statuses.filter((s) => s.sha === sha && s.context === context).length;
    if (existing >= MAX_STATUSES_PER_CONTEXT) {
      throw validationFailed({
        resource: 'Status',
        code: 'custom',
        field: 'context',
        message: 'This SHA and context has reached the maximum number of statuses.',
      });
    }
    const now = this.clock.tick();
    const status: StatusRecord = {
      id: this.ids.id('status'),
      sha,
      state: input.state,
      targetUrl: input.target_url ?? null,
      description: input.description ?? null,
      context,
      creator,
      createdAt: now,
      updatedAt: now,
    };
    this.statuses.push(status);
    return status;
  }

  /** Statuses for `sha`, newest first. */
  statusesFor(sha: string): StatusRecord[] {
    return this.statuses.filter((s) => s.sha === sha).sort((a, b) => b.id - a.id);
  }

  /** The newest status of each context, and the combined state GitHub derives from them. */
  combined(sha: string): { state: StatusState; statuses: StatusRecord[] } {
    const seen = new Set<string>();
    // Newest per context, listed oldest first (unlike the statuses list), as GitHub's recording shows.
    const latest = this.statusesFor(sha)
      .filter((s) => !seen.has(s.context) && seen.add(s.context))
      .reverse();
    let state: StatusState = 'success';
    if (latest.length === 0 || latest.some((s) => s.state === 'pending')) state = 'pending';
    if (latest.some((s) => s.state === 'failure' || s.state === 'error')) state = 'failure';
    return { state, statuses: latest };
  }

  /** Every context on `sha` (statuses and check runs) with whether it passed, for deployment checks. */
  contexts(sha: string): Map<string, { state: string; passing: boolean }> {
    const result = new Map<string, { state: string; passing: boolean }>();
    for (const status of this.combined(sha).statuses) {
      result.set(status.context, { state: status.state, passing: status.state === 'success' });
    }
    for (const run of this.runsFor(sha, 'latest')) {
      const state = run.conclusion ?? run.status;
      result.set(run.name, { state, passing: run.conclusion !== null && PASSING_CONCLUSIONS.has(run.conclusion) });
    }
    return result;
  }
}
