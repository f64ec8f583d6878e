import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { UserError } from '@mlgate/core';
import type { Logger } from '../logger.js';
import { rateLimitWait } from './rate-limit.js';
import type { RateLimitHeaders, RateLimitWait } from './rate-limit.js';

/** The octokit every mlgate component talks to GitHub through: REST methods plus `paginate`. */
export type GitHubClient = ReturnType<typeof getOctokit>;

type OctokitPlugin = NonNullable<Parameters<typeof getOctokit>[2]>;
type OctokitOptions = NonNullable<Parameters<typeof getOctokit>[1]>;

export interface CreateOctokitOptions {
  token: string;
  /** Defaults to `GITHUB_API_URL` (set by the runner, and pointing at GHES there), else api.github.com. */
  baseUrl?: string;
  logger: Logger;
  /** Retries per request, for rate limits and for server errors alike. Default 3. */
  maxRetries?: number;
  userAgent?: string;
}

export interface OctokitClock {
  sleep(ms: number): Promise<void>;
  now(): number;
}

const realClock: OctokitClock = {
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  now: () => Date.now(),
};

/** Thrown when GitHub still refuses a request for rate limiting after every allowed retry. */
export class RateLimitExceededError extends UserError {
  constructor(message: string, cause: unknown) {
    super(message);
    this.name = 'RateLimitExceededError';
    this.cause = cause;
  }
}

export function createOctokit(options: CreateOctokitOptions, clock: OctokitClock = realClock): GitHubClient {
  const { token, logger, maxRetries = 3, userAgent = 'mlgate' } = options;
  const baseUrl = (options.baseUrl ?? process.env.GITHUB_API_URL ?? 'https://api.github.com').replace(/\/+$/, '');
  if (!Number.isInteger(maxRetries) || maxRetries < 0)
    throw new RangeError(`maxRetries must be >= 0, got ${maxRetries}`);
  if (token.trim() === '')
    throw new UserError('no GitHub token: pass the `token` input (usually `${{ github.token }}`)');

  const policy = rateLimitPolicy({ logger, maxRetries, clock, basePath: new URL(baseUrl).pathname });
  const octokitOptions: OctokitOptions = {
    baseUrl,
    userAgent,
    log: {
      debug: (message: string) => logger.debug(message),
      info: (message: string) => logger.debug(message),
      warn: (message: string) => logger.warning(message),
      error: (message: string) => logger.error(message),
    },
    throttle: {
      onRateLimit: policy.onLimit('primary'),
      onSecondaryRateLimit: policy.onLimit('secondary'),
      // The plugin derives its own delay (it ignores retry-after on primary limits and the reset
      // header on secondary ones); ours is applied in the handler, so the plugin must add nothing.
      retryAfterBaseValue: 0,
    },
    retry: {
      retries: maxRetries,
      // 429 is a rate limit: the throttling handlers own it, with the right wait and the same budget.
      doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451],
    },
  };
  // Hook order is plugin order, innermost first: the refusal is recorded before the throttling
  // plugin asks the handlers, and the give-up error is raised after every retry layer has passed.
  return getOctokit(token, octokitOptions, policy.recordRefusals, throttling, retry, policy.reportExhaustion);
}

interface Refusal {
  headers: RateLimitHeaders;
  route: string;
}

function rateLimitPolicy(config: { logger: Logger; maxRetries: number; clock: OctokitClock; basePath: string }) {
  const { logger, maxRetries, clock, basePath } = config;
  // Keyed by the request's options object, which every hook and the throttling handlers share.
  const refusals = new WeakMap<object, Refusal>();
  const exhausted = new WeakSet<object>();

  const routeOf = (error: unknown, options: { method?: string; url?: string }): string => {
    const url = (error as { request?: { url?: string } }).request?.url;
    let path = options.url ?? '';
    if (url) {
      path = new URL(url).pathname;
      if (basePath !== '/' && path.startsWith(basePath)) path = path.slice(basePath.length);
    }
    return `${options.method ?? 'GET'} ${path}`;
  };

  const recordRefusals: OctokitPlugin = (octokit) => {
    octokit.hook.error('request', (error, options) => {
      const headers = (error as { response?: { headers?: RateLimitHeaders } }).response?.headers ?? {};
      refusals.set(options, { headers, route: routeOf(error, options) });
      throw error;
    });
  };

  const reportExhaustion: OctokitPlugin = (octokit) => {
    octokit.hook.error('request', (error, options) => {
      if (!exhausted.has(options)) throw error;
      const route = refusals.get(options)?.route ?? routeOf(error, options);
      throw new RateLimitExceededError(
        `GitHub API rate limit exceeded for ${route}: gave up after ${maxRetries} ${maxRetries === 1 ? 'retry' : 'retries'}`,
        error,
      );
    });
  };

  const onLimit =
    (kind: 'primary' | 'secondary') =>
    async (_pluginRetryAfter: number, options: object, _octokit: unknown, retryCount: number): Promise<boolean> => {
      if (retryCount >= maxRetries) {
        exhausted.add(options);
        return false;
      }
      const refusal = refusals.get(options);
      const wait = rateLimitWait(refusal?.headers ?? {}, clock.now());
      logger.info(
        `GitHub API ${kind} rate limit hit for ${refusal?.route ?? 'a request'}: waiting ${wait.seconds} s ` +
          `(${describeBasis(wait)}), then retry ${retryCount + 1} of ${maxRetries}`,
      );
      await clock.sleep(wait.seconds * 1000);
      return true;
    };

  return { recordRefusals, reportExhaustion, onLimit };
}

function describeBasis({ basis }: RateLimitWait): string {
  switch (basis) {
    case 'retry-after':
      return 'from retry-after';
    case 'x-ratelimit-reset':
      return 'until x-ratelimit-reset';
    case 'fallback':
      return 'no usable retry-after or x-ratelimit-reset header';
  }
}
