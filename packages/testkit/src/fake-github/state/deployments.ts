import { ApiError, notFound } from '../api-error.js';
import type { CheckStore } from './checks.js';
import type { Clock } from './clock.js';
import type { GitStore } from './git.js';
import type { IdAllocator } from './ids.js';

export type DeploymentState = 'error' | 'failure' | 'inactive' | 'in_progress' | 'queued' | 'pending' | 'success';

export interface DeploymentRecord {
  id: number;
  sha: string;
  ref: string;
  task: string;
  environment: string;
  originalEnvironment: string;
  description: string | null;
  payload: Record<string, unknown> | string;
  transient: boolean;
  production: boolean;
  creator: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface DeploymentStatusRecord {
  id: number;
  deploymentId: number;
  state: DeploymentState;
  description: string;
  environment: string;
  targetUrl: string;
  logUrl: string;
  environmentUrl: string;
  creator: string;
  createdAt: Date;
}

export interface DeploymentInput {
  ref: string;
  task?: string;
  auto_merge?: boolean;
  required_contexts?: string[];
  payload?: Record<string, unknown> | string;
  environment?: string;
  description?: string | null;
  transient_environment?: boolean;
  production_environment?: boolean;
}

export interface DeploymentStatusInput {
  state: DeploymentState;
  target_url?: string;
  log_url?: string;
  description?: string;
  environment?: string;
  environment_url?: string;
  auto_inactive?: boolean;
}

/** What creating a deployment led to: GitHub answers 201 with the deployment or 202 after an auto-merge. */
export type DeploymentOutcome = { kind: 'created'; deployment: DeploymentRecord } | { kind: 'merged'; message: string };

export class DeploymentStore {
  readonly deployments = new Map<number, DeploymentRecord>();
  readonly statuses: DeploymentStatusRecord[] = [];

  constructor(
    private readonly ids: IdAllocator,
    private readonly clock: Clock,
    private readonly git: GitStore,
    private readonly checks: CheckStore,
    private readonly settings: { defaultBranch: string },
  ) {}

  create(input: DeploymentInput, creator: string): DeploymentOutcome {
    const sha = this.git.resolveCommitish(input.ref);
    if (!sha) throw new ApiError(422, `No ref found for: ${input.ref}`);
    const merged = input.auto_merge === false ? undefined : this.autoMerge(input.ref, sha);
    if (merged) return { kind: 'merged', message: merged };
    this.checkRequiredContexts(input, sha);
    const environment = input.environment ?? 'production';
    const now = this.clock.tick();
    const deployment: DeploymentRecord = {
      id: this.ids.id('deployment'),
      sha,
      ref: input.ref,
      task: input.task ?? 'deploy',
      environment,
      originalEnvironment: environment,
      description: input.description ?? '',
      payload: input.payload ?? {},
      transient: input.transient_environment ?? false,
      production: input.production_environment ?? environment === 'production',
      creator,
      createdAt: now,
      updatedAt: now,
    };
    this.deployments.set(deployment.id, deployment);
    return { kind: 'created', deployment };
  }

  deployment(id: number): DeploymentRecord {
    const deployment = this.deployments.get(id);
    if (!deployment) throw notFound();
    return deployment;
  }

  /** Newest first, filtered like GitHub's list endpoint. */
  list(filter: { sha?: string; ref?: string; task?: string; environment?: string }): DeploymentRecord[] {
    return [...this.deployments.values()]
      .filter((d) => filter.sha === undefined || d.sha === filter.sha)
      .filter((d) => filter.ref === undefined || d.ref === filter.ref)
      .filter((d) => filter.task === undefined || d.task === filter.task)
      .filter((d) => filter.environment === undefined || d.environment === filter.environment)
      .sort((a, b) => b.id - a.id);
  }

  createStatus(deploymentId: number, input: DeploymentStatusInput, creator: string): DeploymentStatusRecord {
    const deployment = this.deployment(deploymentId);
    if (input.environment !== undefined) deployment.environment = input.environment;
    const now = this.clock.tick();
    const status: DeploymentStatusRecord = {
      id: this.ids.id('deploymentStatus'),
      deploymentId,
      state: input.state,
      description: input.description ?? '',
      environment: deployment.environment,
      targetUrl: input.target_url ?? input.log_url ?? '',
      logUrl: input.log_url ?? input.target_url ?? '',
      environmentUrl: input.environment_url ?? '',
      creator,
      createdAt: now,
    };
    this.statuses.push(status);
    deployment.updatedAt = now;
    // GitHub marks earlier successful deployments to the same environment inactive once a new one succeeds.
    if (input.state === 'success' && input.auto_inactive !== false && !deployment.transient) {
      for (const other of this.deployments.values()) {
        if (other.id === deploymentId || other.environment !== deployment.environment) continue;
        if (this.statusesOf(other.id)[0]?.state === 'success') {
          this.statuses.push({
            ...status,
            id: this.ids.id('deploymentStatus'),
            deploymentId: other.id,
            state: 'inactive',
            description: '',
          });
        }
      }
    }
    return status;
  }

  /** Statuses of one deployment, newest first. */
  statusesOf(deploymentId: number): DeploymentStatusRecord[] {
    return this.statuses.filter((s) => s.deploymentId === deploymentId).sort((a, b) => b.id - a.id);
  }

  // A branch behind the default branch gets the default branch merged in first; GitHub then answers 202 and
  // creates no deployment, and the client is expected to retry.
  private autoMerge(ref: string, sha: string): string | undefined {
    const branch = ref.replace(/^refs\/heads\/|^heads\//, '');
    if (!this.git.refs.has(`refs/heads/${branch}`) || branch === this.settings.defaultBranch) return undefined;
    const base = this.git.resolveCommitish(`heads/${this.settings.defaultBranch}`);
    if (!base || this.git.isAncestor(base, sha)) return undefined;
    const merge = this.git.addCommit({
      parents: [sha, base],
      message: `Merge ${this.settings.defaultBranch} into ${branch}`,
    });
    this.git.setBranch(branch, merge.sha);
    return `Auto-merged ${this.settings.defaultBranch} into ${branch} on deployment.`;
  }

  private checkRequiredContexts(input: DeploymentInput, sha: string): void {
    const contexts = this.checks.contexts(sha);
    const required = input.required_contexts ?? [...contexts.keys()];
    const failing = required
      .map((context) => ({
        context,
        state: contexts.get(context)?.state ?? 'missing',
        passing: contexts.get(context)?.passing ?? false,
      }))
      .filter((c) => !c.passing);
    if (failing.length === 0) return;
    throw new ApiError(409, `Conflict: Commit status checks failed for ${input.ref}.`, [
      {
        contexts: failing.map(({ context, state }) => ({ context, state })),
        resource: 'Deployment',
        field: 'required_contexts',
        code: 'invalid',
      },
    ]);
  }
}
