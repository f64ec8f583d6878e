import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Dispatcher, UPLOADS_PREFIX } from './dispatcher.js';
import {
  FaultPlan,
  type BarrierHandle,
  type BarrierOptions,
  type DelayOptions,
  type FailOptions,
  type FaultHandle,
} from './faults.js';
import { matches, type RequestMatcher } from './matcher.js';
import { OperationRouter } from './openapi/router.js';
import { loadGitHubSubset } from './openapi/spec.js';
import { sharedValidator } from './openapi/validator.js';
import { RateLimiter } from './rate-limit.js';
import { formatViolations, type RecordedRequest, type Violation } from './recorder.js';
import type { RenderContext } from './render/context.js';
import type { RepoOptions, RepoState, Role } from './state/repo.js';
import type { AccountType, UserRecord } from './state/users.js';
import { World } from './state/world.js';
import { STORAGE_PREFIX } from './storage.js';

export interface FakeGitHubOptions {
  /** Owner of the default repository (default `acme`). */
  owner?: string;
  /** Name of the default repository (default `churn`). */
  repo?: string;
  /** Validate requests and the fake's responses against GitHub's OpenAPI description (default true). */
  validate?: boolean;
  /** Start of a deterministic clock (each write one second later); default: wall-clock time. */
  now?: Date;
  /** Login an unregistered token acts as (default `github-actions[bot]`, like GITHUB_TOKEN). */
  login?: string;
  /** Web origin used in `html_url`s (default https://github.com). */
  webUrl?: string;
  /** Primary rate limit per identity and hour (default 5000). */
  rateLimit?: number;
  /** Options for the default repository. */
  repoOptions?: Omit<RepoOptions, 'owner' | 'repo'>;
}

export interface SecondaryRateLimitOptions extends RequestMatcher {
  /** Seconds sent in `retry-after`; omitted → no header (clients then wait at least a minute). */
  retryAfter?: number;
  /** 403 (default) or 429; GitHub uses both. */
  status?: 403 | 429;
  /** How many matching requests are limited (default 1). */
  times?: number;
}

/**
 * A stateful fake of GitHub's REST API on 127.0.0.1 for tests that drive the real octokit clients.
 * See packages/testkit/README.md.
 */
export class FakeGitHub {
  /** `http://127.0.0.1:PORT`: pass as octokit `baseUrl` / `GITHUB_API_URL`. */
  readonly url: string;
  /** The upload origin `upload_url`s point at (GitHub: https://uploads.github.com). */
  readonly uploadsUrl: string;
  /** Web origin of `html_url`s (GITHUB_SERVER_URL). */
  readonly webUrl: string;
  readonly world: World;
  private readonly defaultRepo: RepoState;
  private readonly log: RecordedRequest[] = [];
  private readonly violationList: Violation[] = [];
  private readonly faults: FaultPlan;
  private readonly rateLimiter: RateLimiter;
  private readonly tokenPermissions = new Map<string, Role>();
  private closed = false;

  private constructor(
    private readonly server: Server,
    options: FakeGitHubOptions,
  ) {
    const { port } = server.address() as AddressInfo;
    this.url = `http://127.0.0.1:${port}`;
    this.uploadsUrl = `${this.url}${UPLOADS_PREFIX}`;
    this.webUrl = (options.webUrl ?? 'https://github.com').replace(/\/$/, '');
    this.world = new World(options.now, options.login);
    this.defaultRepo = this.world.addRepo({
      ...options.repoOptions,
      owner: options.owner ?? 'acme',
      repo: options.repo ?? 'churn',
    });
    this.faults = new FaultPlan((message) => this.violationList.push({ kind: 'barrier-timeout', message }));
    this.rateLimiter = new RateLimiter(options.rateLimit ?? 5000);
    const subset = loadGitHubSubset();
    const ctx: RenderContext = {
      world: this.world,
      api: this.url,
      uploads: this.uploadsUrl,
      storage: `${this.url}${STORAGE_PREFIX}`,
      web: this.webUrl,
    };
    const dispatcher = new Dispatcher({
      ctx,
      router: new OperationRouter(subset.index),
      validator: sharedValidator(subset),
      faults: this.faults,
      rateLimiter: this.rateLimiter,
      validate: options.validate ?? true,
      specLabel: `${subset.source.package} ${subset.source.version}`,
      tokenPermissions: this.tokenPermissions,
      log: this.log,
      violation: (violation) => this.violationList.push(violation),
    });
    server.on('request', (req, res) => void dispatcher.handle(req, res));
  }

  static async start(options: FakeGitHubOptions = {}): Promise<FakeGitHub> {
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    return new FakeGitHub(server, options);
  }

  /** The default repository's state: seed and inspect it (`gh.state.issues.addPull(...)`, `gh.state.git.refs`). */
  get state(): RepoState {
    return this.defaultRepo;
  }

  get owner(): string {
    return this.defaultRepo.owner;
  }

  get repo(): string {
    return this.defaultRepo.name;
  }

  /** Environment variables a runner would set for the default repository. */
  env(token = 'ghs_fake_token'): Record<string, string> {
    return {
      GITHUB_API_URL: this.url,
      GITHUB_SERVER_URL: this.webUrl,
      GITHUB_REPOSITORY: this.defaultRepo.fullName,
      GITHUB_REPOSITORY_OWNER: this.defaultRepo.owner,
      GITHUB_TOKEN: token,
    };
  }

  addRepo(options: RepoOptions): RepoState {
    return this.world.addRepo(options);
  }

  repoState(owner: string, repo: string): RepoState {
    const state = this.world.repo(owner, repo);
    if (!state) throw new Error(`FakeGitHub: no repository ${owner}/${repo}`);
    return state;
  }

  addUser(login: string, type?: AccountType): UserRecord {
    return this.world.users.ensure(login, type);
  }

  /**
   * Makes `token` act as `login` (created if new). `permission` caps what the token may do in every
   * repository, like a workflow's `permissions:` block: `read` reproduces a fork PR's read-only GITHUB_TOKEN.
   */
  addToken(token: string, login: string, options: { permission?: Role; type?: AccountType } = {}): UserRecord {
    const user = this.world.users.ensure(login, options.type);
    this.world.tokens.set(token, user.login);
    if (options.permission) this.tokenPermissions.set(token, options.permission);
    return user;
  }

  /** Adjusts the primary rate-limit window of `login` (default: the default identity). */
  setRateLimit(change: { login?: string; limit?: number; remaining?: number; reset?: number }): void {
    this.rateLimiter.set(change.login ?? this.world.defaultLogin, change);
  }

  /** Every request received so far, in arrival order. */
  get requests(): readonly RecordedRequest[] {
    return this.log;
  }

  requestsMatching(matcher: RequestMatcher): RecordedRequest[] {
    return this.log.filter((r) =>
      matches(matcher, { method: r.method, path: r.canonicalPath, template: r.template, operationId: r.operationId }),
    );
  }

  get violations(): readonly Violation[] {
    return this.violationList;
  }

  /** Returns the violations recorded so far and forgets them (for tests that provoke one on purpose). */
  takeViolations(): Violation[] {
    return this.violationList.splice(0);
  }

  assertNoViolations(): void {
    if (this.violationList.length === 0) return;
    throw new Error(
      `FakeGitHub recorded ${this.violationList.length} violation(s):\n${formatViolations(this.violationList)}`,
    );
  }

  /** Answers matching requests with `status` instead of handling them. */
  fail(options: FailOptions): FaultHandle {
    return this.faults.fail(options);
  }

  /** GitHub's secondary rate limit: 403 (or 429) with its real message and an optional `retry-after`. */
  failSecondaryRateLimit(options: SecondaryRateLimitOptions = {}): FaultHandle {
    const { retryAfter, status = 403, times = 1, ...matcher } = options;
    return this.faults.fail({
      ...matcher,
      status,
      times,
      headers: retryAfter === undefined ? {} : { 'retry-after': String(retryAfter) },
      body: {
        message:
          'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. ' +
          'If you reach out to GitHub Support for help, please include the request ID 0000:0000:0000000:0000000:00000000.',
        documentation_url:
          'https://docs.github.com/free-pro-team@latest/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
      },
    });
  }

  /** Adds latency to matching requests. */
  delay(options: DelayOptions): FaultHandle {
    return this.faults.delay(options);
  }

  /** Holds `parties` matching requests until all have arrived, then lets them run together (forces races). */
  barrier(options: BarrierOptions): BarrierHandle {
    return this.faults.barrier(options);
  }

  clearFaults(): void {
    this.faults.clear();
  }

  /**
   * Stops the server (dropping keep-alive sockets so jest can exit). Rejects when violations were recorded
   * and not taken with `takeViolations()`, so a test whose code swallowed the fake's error still fails.
   */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.faults.clear();
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
    this.assertNoViolations();
  }
}
