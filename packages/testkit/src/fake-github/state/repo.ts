import { ActionsStore } from './actions.js';
import { CheckStore } from './checks.js';
import type { Clock } from './clock.js';
import { DeploymentStore } from './deployments.js';
import { GitStore } from './git.js';
import type { IdAllocator } from './ids.js';
import { IssueStore } from './issues.js';
import { ReleaseStore } from './releases.js';
import type { AccountType, UserDirectory } from './users.js';

/** Repository roles; the permission API reports maintain as write and triage as read. */
export type Role = 'admin' | 'maintain' | 'write' | 'triage' | 'read' | 'none';

export interface RepoOptions {
  owner: string;
  repo: string;
  /** Account type of the owner when it is new (default `Organization`). */
  ownerType?: AccountType;
  private?: boolean;
  defaultBranch?: string;
  /** `owner/name` of the parent when this repository is a fork. */
  forkOf?: string;
  /** GitHub's immutable releases: a published release's assets and tag can no longer change. */
  immutableReleases?: boolean;
  description?: string;
  topics?: string[];
  /** Skip the initial commit on the default branch. */
  empty?: boolean;
}

/** Everything FakeGitHub knows about one repository. Tests seed and inspect it through these stores. */
export class RepoState {
  readonly id: number;
  readonly owner: string;
  readonly name: string;
  readonly fullName: string;
  readonly private: boolean;
  readonly forkOf: string | undefined;
  readonly description: string | null;
  readonly topics: string[];
  readonly createdAt: Date;
  readonly settings: { defaultBranch: string; immutableReleases: boolean };
  readonly git: GitStore;
  readonly issues: IssueStore;
  readonly checks: CheckStore;
  readonly releases: ReleaseStore;
  readonly deployments: DeploymentStore;
  readonly actions: ActionsStore;
  readonly permissions = new Map<string, Role>();

  constructor(
    options: RepoOptions,
    ids: IdAllocator,
    clock: Clock,
    private readonly users: UserDirectory,
    ensureRepo: (fullName: string, forkOf: string) => void,
  ) {
    this.id = ids.id('repo');
    this.owner = users.ensure(options.owner, options.ownerType ?? 'Organization').login;
    this.name = options.repo;
    this.fullName = `${this.owner}/${this.name}`;
    this.private = options.private ?? false;
    this.forkOf = options.forkOf;
    this.description = options.description ?? null;
    this.topics = options.topics ?? [];
    this.createdAt = clock.tick();
    this.settings = {
      defaultBranch: options.defaultBranch ?? 'main',
      immutableReleases: options.immutableReleases ?? false,
    };
    this.git = new GitStore(ids, clock);
    this.issues = new IssueStore(ids, clock, users, this.fullName, this.git, (fork) => ensureRepo(fork, this.fullName));
    this.checks = new CheckStore(ids, clock, (sha) => this.git.commits.has(sha));
    this.releases = new ReleaseStore(ids, clock, this.git, this.settings);
    this.deployments = new DeploymentStore(ids, clock, this.git, this.checks, this.settings);
    this.actions = new ActionsStore(ids, clock, users, this.fullName);
    this.git.refGuard = (ref) =>
      ref.startsWith('refs/tags/') && this.releases.isTagFrozen(ref.slice('refs/tags/'.length))
        ? 'Cannot update or delete the tag of an immutable release.'
        : undefined;
    if (!options.empty) {
      const initial = this.git.addCommit({ message: 'Initial commit' });
      this.git.setBranch(this.settings.defaultBranch, initial.sha);
    }
  }

  /** The head commit of the default branch. */
  get headSha(): string {
    const sha = this.git.resolveCommitish(`heads/${this.settings.defaultBranch}`);
    if (!sha) throw new Error(`FakeGitHub: ${this.fullName} has no commit on ${this.settings.defaultBranch}`);
    return sha;
  }

  /** Gives `login` (created if new) a role in this repository. */
  setPermission(login: string, role: Role): void {
    this.permissions.set(this.users.ensure(login).login.toLowerCase(), role);
  }

  /** The owner is admin; anyone else without a role can read a public repository and nothing of a private one. */
  roleOf(login: string): Role {
    if (login.toLowerCase() === this.owner.toLowerCase()) return 'admin';
    return this.permissions.get(login.toLowerCase()) ?? (this.private ? 'none' : 'read');
  }
}
