import { notFound, validationFailed } from '../api-error.js';
import type { Clock } from './clock.js';
import type { GitStore } from './git.js';
import type { IdAllocator } from './ids.js';
import type { UserDirectory } from './users.js';

/** GitHub rejects issue and comment bodies longer than this many characters. */
export const MAX_BODY_CHARACTERS = 65_536;

export interface PullInfo {
  head: { ref: string; sha: string; repo: string };
  base: { ref: string; sha: string };
  draft: boolean;
  merged: boolean;
  mergedAt: Date | null;
  mergeCommitSha: string | null;
}

export interface IssueRecord {
  number: number;
  id: number;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  user: string;
  labels: string[];
  locked: boolean;
  comments: number;
  createdAt: Date;
  updatedAt: Date;
  closedAt: Date | null;
  /** Present when the issue is a pull request (they share one number space). */
  pull?: PullInfo;
}

export interface CommentRecord {
  id: number;
  issueNumber: number;
  body: string;
  user: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface ReactionRecord {
  id: number;
  commentId: number;
  content: string;
  user: string;
  createdAt: Date;
}

export interface LabelRecord {
  id: number;
  name: string;
  color: string;
  description: string | null;
}

export interface IssueSeed {
  number?: number;
  title?: string;
  body?: string | null;
  user?: string;
  state?: 'open' | 'closed';
  labels?: string[];
  locked?: boolean;
}

export interface PullSeed extends IssueSeed {
  /** `repo` is `owner/name` of the head repository (a fork for fork PRs); defaults to this repository. */
  head: { ref: string; sha: string; repo?: string };
  base?: { ref?: string; sha?: string };
  draft?: boolean;
  merged?: boolean;
}

function checkBodyLength(resource: string, body: string | null | undefined): void {
  if (body && [...body].length > MAX_BODY_CHARACTERS) {
    throw validationFailed({
      resource,
      code: 'custom',
      field: 'body',
      message: `body is too long (maximum is ${MAX_BODY_CHARACTERS} characters)`,
    });
  }
}

/** Issues, pull requests, their comments, comment reactions and labels of one repository. */
export class IssueStore {
  readonly issues = new Map<number, IssueRecord>();
  readonly comments = new Map<number, CommentRecord>();
  readonly reactions: ReactionRecord[] = [];
  readonly labels = new Map<string, LabelRecord>();
  private lastNumber = 0;

  constructor(
    private readonly ids: IdAllocator,
    private readonly clock: Clock,
    private readonly users: UserDirectory,
    private readonly fullName: string,
    private readonly git: GitStore,
    /** Makes sure a pull request's head repository (a fork) exists. */
    private readonly ensureRepo: (fullName: string) => void,
  ) {}

  addIssue(seed: IssueSeed = {}): IssueRecord {
    const number = seed.number ?? this.lastNumber + 1;
    if (this.issues.has(number)) throw new Error(`FakeGitHub: #${number} already exists in ${this.fullName}`);
    this.lastNumber = Math.max(this.lastNumber, number);
    checkBodyLength('Issue', seed.body);
    const user = this.users.ensure(seed.user ?? 'octocat').login;
    const now = this.clock.tick();
    const state = seed.state ?? 'open';
    const issue: IssueRecord = {
      number,
      id: this.ids.id('issue'),
      title: seed.title ?? `Issue ${number}`,
      body: seed.body ?? null,
      state,
      user,
      labels: seed.labels ?? [],
      locked: seed.locked ?? false,
      comments: 0,
      createdAt: now,
      updatedAt: now,
      closedAt: state === 'closed' ? now : null,
    };
    this.issues.set(number, issue);
    return issue;
  }

  /**
   * Seeds a pull request. Like GitHub, the head commit becomes reachable in this repository (`refs/pull/N/head`),
   * so check runs and statuses can target it even when it comes from a fork.
   */
  addPull(seed: PullSeed): IssueRecord & { pull: PullInfo } {
    const baseRef = seed.base?.ref ?? 'main';
    const baseSha = seed.base?.sha ?? this.git.resolveCommitish(`heads/${baseRef}`);
    if (!baseSha) throw new Error(`FakeGitHub: base branch "${baseRef}" has no commit; seed it or pass base.sha`);
    const headRepo = seed.head.repo ?? this.fullName;
    if (headRepo.toLowerCase() !== this.fullName.toLowerCase()) this.ensureRepo(headRepo);
    if (!this.git.commits.has(seed.head.sha)) {
      this.git.addCommit({ sha: seed.head.sha, parents: [baseSha], message: `Changes for ${seed.head.ref}` });
    }
    const merged = seed.merged ?? false;
    const issue = this.addIssue({ ...seed, title: seed.title ?? `Pull request ${seed.number ?? this.lastNumber + 1}` });
    issue.pull = {
      head: { ref: seed.head.ref, sha: seed.head.sha, repo: headRepo },
      base: { ref: baseRef, sha: baseSha },
      draft: seed.draft ?? false,
      merged,
      mergedAt: merged ? issue.createdAt : null,
      mergeCommitSha: merged ? this.ids.sha(`merge ${issue.number}`) : null,
    };
    if (merged) {
      issue.state = 'closed';
      issue.closedAt = issue.createdAt;
    }
    this.git.refs.set(`refs/pull/${issue.number}/head`, seed.head.sha);
    if (headRepo === this.fullName && !this.git.refs.has(`refs/heads/${seed.head.ref}`)) {
      this.git.setBranch(seed.head.ref, seed.head.sha);
    }
    return issue as IssueRecord & { pull: PullInfo };
  }

  issue(number: number): IssueRecord {
    const issue = this.issues.get(number);
    if (!issue) throw notFound();
    return issue;
  }

  pull(number: number): IssueRecord & { pull: PullInfo } {
    const issue = this.issues.get(number);
    if (!issue?.pull) throw notFound();
    return issue as IssueRecord & { pull: PullInfo };
  }

  pulls(): (IssueRecord & { pull: PullInfo })[] {
    return [...this.issues.values()].filter((i): i is IssueRecord & { pull: PullInfo } => i.pull !== undefined);
  }

  /** Creates a comment as `login`; GitHub's 65,536-character limit applies. */
  createComment(issueNumber: number, body: string, login: string): CommentRecord {
    const issue = this.issue(issueNumber);
    checkBodyLength('IssueComment', body);
    const now = this.clock.tick();
    const comment: CommentRecord = {
      id: this.ids.id('comment'),
      issueNumber,
      body,
      user: this.users.ensure(login).login,
      createdAt: now,
      updatedAt: now,
    };
    this.comments.set(comment.id, comment);
    issue.comments += 1;
    issue.updatedAt = now;
    return comment;
  }

  comment(id: number): CommentRecord {
    const comment = this.comments.get(id);
    if (!comment) throw notFound();
    return comment;
  }

  updateComment(id: number, body: string): CommentRecord {
    const comment = this.comment(id);
    checkBodyLength('IssueComment', body);
    comment.body = body;
    comment.updatedAt = this.clock.tick();
    return comment;
  }

  deleteComment(id: number): void {
    const comment = this.comment(id);
    this.comments.delete(id);
    const issue = this.issues.get(comment.issueNumber);
    if (issue) issue.comments -= 1;
  }

  /** Comments on one issue or pull request, oldest first (GitHub's order). */
  commentsOn(issueNumber: number): CommentRecord[] {
    return [...this.comments.values()]
      .filter((c) => c.issueNumber === issueNumber)
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id - b.id);
  }

  /** Returns the reaction and whether it is new (GitHub answers 200 for a repeat, 201 for a new one). */
  react(commentId: number, content: string, login: string): { reaction: ReactionRecord; created: boolean } {
    this.comment(commentId);
    const user = this.users.ensure(login).login;
    const existing = this.reactions.find((r) => r.commentId === commentId && r.content === content && r.user === user);
    if (existing) return { reaction: existing, created: false };
    const reaction = { id: this.ids.id('reaction'), commentId, content, user, createdAt: this.clock.tick() };
    this.reactions.push(reaction);
    return { reaction, created: true };
  }

  createLabel(name: string, color: string, description: string | null): LabelRecord {
    if (!/^[0-9a-fA-F]{6}$/.test(color)) throw validationFailed({ resource: 'Label', code: 'invalid', field: 'color' });
    if (this.labels.has(name.toLowerCase())) {
      throw validationFailed({ resource: 'Label', code: 'already_exists', field: 'name' });
    }
    const label = { id: this.ids.id('label'), name, color: color.toLowerCase(), description };
    this.labels.set(name.toLowerCase(), label);
    return label;
  }
}
