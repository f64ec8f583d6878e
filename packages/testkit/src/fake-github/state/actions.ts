import { createHash } from 'node:crypto';
import { ApiError, notFound } from '../api-error.js';
import type { Clock } from './clock.js';
import type { IdAllocator } from './ids.js';
import type { UserDirectory } from './users.js';

export interface WorkflowRecord {
  id: number;
  name: string;
  /** `.github/workflows/ci.yml` */
  path: string;
}

export type RunStatus = 'queued' | 'in_progress' | 'completed' | 'waiting' | 'requested' | 'pending';
export type RunConclusion =
  'success' | 'failure' | 'neutral' | 'cancelled' | 'skipped' | 'timed_out' | 'action_required' | 'stale';

export interface RunRecord {
  id: number;
  workflowId: number;
  name: string;
  runNumber: number;
  runAttempt: number;
  event: string;
  status: RunStatus;
  conclusion: RunConclusion | null;
  headBranch: string;
  headSha: string;
  /** `owner/name` of the repository the head commit lives in (a fork for fork PRs). */
  headRepo: string;
  actor: string;
  displayTitle: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface ArtifactRecord {
  id: number;
  runId: number;
  name: string;
  data: Buffer;
  digest: string;
  expired: boolean;
  createdAt: Date;
  expiresAt: Date;
}

export interface RunSeed {
  /** Workflow file name (`ci.yml`) or path; created on first use. */
  workflow?: string;
  name?: string;
  event?: string;
  status?: RunStatus;
  conclusion?: RunConclusion | null;
  headBranch?: string;
  headSha: string;
  headRepo?: string;
  actor?: string;
  displayTitle?: string;
  runAttempt?: number;
}

export interface ArtifactSeed {
  name: string;
  /** The zip archive's bytes, served by the download endpoint. */
  data: Buffer;
  expired?: boolean;
}

const RETENTION_MS = 90 * 24 * 3600 * 1000;
const CONCLUSIONS = new Set([
  'success',
  'failure',
  'neutral',
  'cancelled',
  'skipped',
  'timed_out',
  'action_required',
  'stale',
]);

export interface RunFilter {
  actor?: string;
  branch?: string;
  event?: string;
  status?: string;
  head_sha?: string;
}

/** Workflows, their runs and run artifacts of one repository. */
export class ActionsStore {
  readonly workflows = new Map<number, WorkflowRecord>();
  readonly runs = new Map<number, RunRecord>();
  readonly artifacts = new Map<number, ArtifactRecord>();

  constructor(
    private readonly ids: IdAllocator,
    private readonly clock: Clock,
    private readonly users: UserDirectory,
    private readonly fullName: string,
  ) {}

  workflow(idOrFile: string | number): WorkflowRecord | undefined {
    const key = String(idOrFile);
    return [...this.workflows.values()].find(
      (w) => String(w.id) === key || w.path === key || w.path.endsWith(`/${key}`),
    );
  }

  addRun(seed: RunSeed): RunRecord {
    const file = seed.workflow ?? 'ci.yml';
    let workflow = this.workflow(file);
    if (!workflow) {
      const path = file.includes('/') ? file : `.github/workflows/${file}`;
      workflow = { id: this.ids.id('workflow'), name: seed.name ?? file.replace(/\.ya?ml$/, ''), path };
      this.workflows.set(workflow.id, workflow);
    }
    const previous = [...this.runs.values()].filter((r) => r.workflowId === workflow.id);
    const now = this.clock.tick();
    const status = seed.status ?? 'completed';
    const run: RunRecord = {
      id: this.ids.id('run'),
      workflowId: workflow.id,
      name: seed.name ?? workflow.name,
      runNumber: previous.length + 1,
      runAttempt: seed.runAttempt ?? 1,
      event: seed.event ?? 'push',
      status,
      conclusion: seed.conclusion === undefined ? (status === 'completed' ? 'success' : null) : seed.conclusion,
      headBranch: seed.headBranch ?? 'main',
      headSha: seed.headSha,
      headRepo: seed.headRepo ?? this.fullName,
      actor: this.users.ensure(seed.actor ?? 'octocat').login,
      displayTitle: seed.displayTitle ?? seed.name ?? workflow.name,
      createdAt: now,
      updatedAt: now,
    };
    this.runs.set(run.id, run);
    return run;
  }

  run(id: number): RunRecord {
    const run = this.runs.get(id);
    if (!run) throw notFound();
    return run;
  }

  /** Newest first. `status` matches a status or, like GitHub, a conclusion. */
  listRuns(workflowId: number | undefined, filter: RunFilter): RunRecord[] {
    return [...this.runs.values()]
      .filter((r) => workflowId === undefined || r.workflowId === workflowId)
      .filter((r) => filter.actor === undefined || r.actor.toLowerCase() === filter.actor.toLowerCase())
      .filter((r) => filter.branch === undefined || r.headBranch === filter.branch)
      .filter((r) => filter.event === undefined || r.event === filter.event)
      .filter((r) => filter.head_sha === undefined || r.headSha === filter.head_sha)
      .filter((r) => {
        if (filter.status === undefined) return true;
        return CONCLUSIONS.has(filter.status) ? r.conclusion === filter.status : r.status === filter.status;
      })
      .sort((a, b) => b.id - a.id);
  }

  addArtifact(runId: number, seed: ArtifactSeed): ArtifactRecord {
    const run = this.run(runId);
    if (this.artifactsOf(runId).some((a) => a.name === seed.name)) {
      throw new ApiError(409, `an artifact with this name already exists on the workflow run: ${seed.name}`);
    }
    const createdAt = this.clock.tick();
    const artifact: ArtifactRecord = {
      id: this.ids.id('artifact'),
      runId: run.id,
      name: seed.name,
      data: seed.data,
      digest: `sha256:${createHash('sha256').update(seed.data).digest('hex')}`,
      expired: seed.expired ?? false,
      createdAt,
      expiresAt: new Date(createdAt.getTime() + RETENTION_MS),
    };
    this.artifacts.set(artifact.id, artifact);
    return artifact;
  }

  artifact(id: number): ArtifactRecord {
    const artifact = this.artifacts.get(id);
    if (!artifact) throw notFound();
    return artifact;
  }

  artifactsOf(runId: number): ArtifactRecord[] {
    return [...this.artifacts.values()].filter((a) => a.runId === runId).sort((a, b) => b.id - a.id);
  }
}
