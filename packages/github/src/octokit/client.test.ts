import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, it, expect, beforeEach, afterEach } from '@jest/globals';
import { isUserError } from '@mlgate/core';
import { FakeGitHub } from '@mlgate/testkit';
import { memoryLogger } from '../memory-logger.js';
import { createOctokit, RateLimitExceededError } from './client.js';
import type { OctokitClock } from './client.js';

// Real time, so that the throttling plugin (which reads the real clock) sees the same reset instants.
const NOW = Math.floor(Date.now() / 1000) * 1000;
const NOW_S = NOW / 1000;
const TOKEN = 'ghs_secretTokenValue123';
const REPO = { owner: 'acme', repo: 'churn' };

/** Sleeps return at once but are recorded; `onSleep` lets a test model what changes while the client waits. */
function fakeClock(onSleep: () => void = () => {}): OctokitClock & { waits: number[] } {
  const waits: number[] = [];
  return {
    waits,
    now: () => NOW,
    sleep: async (ms) => {
      waits.push(ms);
      onSleep();
    },
  };
}

const PRIMARY_MESSAGE = 'API rate limit exceeded for installation ID 1.';
const SECONDARY_MESSAGE = 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.';

describe('createOctokit against FakeGitHub', () => {
  let gh: FakeGitHub;
  beforeEach(async () => {
    gh = await FakeGitHub.start();
  });
  afterEach(() => gh.close());

  const client = (clock: OctokitClock, extra: { maxRetries?: number } = {}) => {
    const logger = memoryLogger();
    return { logger, octokit: createOctokit({ token: TOKEN, baseUrl: gh.url, logger, ...extra }, clock) };
  };

  describe('secondary rate limits', () => {
    it('waits retry-after seconds, then succeeds', async () => {
      gh.failSecondaryRateLimit({ path: '/repos/acme/churn', retryAfter: 7 });
      const clock = fakeClock();
      const { octokit, logger } = client(clock);

      const { data } = await octokit.rest.repos.get(REPO);

      expect(data.full_name).toBe('acme/churn');
      expect(gh.requests.map((r) => r.status)).toEqual([403, 200]);
      expect(clock.waits).toEqual([7000]);
      expect(logger.lines()).toContain(
        'info: GitHub API secondary rate limit hit for GET /repos/acme/churn: waiting 7 s (from retry-after), then retry 1 of 3',
      );
    });

    it('waits until x-ratelimit-reset when there is no retry-after and the budget is spent', async () => {
      // The plugin alone would wait its 60 s fallback here.
      gh.fail({
        path: '/repos/acme/churn',
        status: 403,
        headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(NOW_S + 300) },
        body: { message: SECONDARY_MESSAGE },
      });
      const clock = fakeClock();
      const { octokit } = client(clock);

      await octokit.rest.repos.get(REPO);

      expect(clock.waits).toEqual([301_000]);
    });

    it('waits a minute with no retry-after, ignoring the reset of a budget not spent', async () => {
      // FakeGitHub sends its real window (remaining 4999, reset within the hour) with the refusal.
      gh.failSecondaryRateLimit({ path: '/repos/acme/churn' });
      const clock = fakeClock();
      const { octokit } = client(clock);

      await octokit.rest.repos.get(REPO);

      expect(gh.requests.map((r) => r.status)).toEqual([403, 200]);
      expect(clock.waits).toEqual([60_000]);
    });
  });

  describe('primary rate limits', () => {
    it('prefers retry-after over x-ratelimit-reset', async () => {
      // The plugin alone would wait for the reset (15 minutes) here.
      gh.fail({
        path: '/repos/acme/churn',
        status: 403,
        headers: { 'retry-after': '5', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(NOW_S + 900) },
        body: { message: PRIMARY_MESSAGE },
      });
      const clock = fakeClock();
      const { octokit, logger } = client(clock);

      await octokit.rest.repos.get(REPO);

      expect(clock.waits).toEqual([5000]);
      expect(logger.lines().join('\n')).toMatch(/primary rate limit hit for GET \/repos\/acme\/churn: waiting 5 s/);
    });

    it('waits until one second past the reset of a spent window, then retries in the new one', async () => {
      gh.setRateLimit({ remaining: 0, reset: NOW_S + 42 });
      // The window rolls over while the client sleeps.
      const clock = fakeClock(() => gh.setRateLimit({ remaining: 5000 }));
      const { octokit, logger } = client(clock);

      const { data } = await octokit.rest.repos.get(REPO);

      expect(data.full_name).toBe('acme/churn');
      expect(gh.requests.map((r) => r.status)).toEqual([403, 200]);
      expect(clock.waits).toEqual([43_000]);
      expect(logger.lines().join('\n')).toMatch(/waiting 43 s \(until x-ratelimit-reset\)/);
    });

    it('waits a minute, not zero, when the reset header is unusable', async () => {
      // FakeGitHub always sends x-ratelimit-reset; an empty value is what a proxy stripping it leaves to parse.
      gh.fail({
        path: '/repos/acme/churn',
        status: 403,
        headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '' },
        body: { message: PRIMARY_MESSAGE },
      });
      const clock = fakeClock();
      const { octokit, logger } = client(clock);

      await octokit.rest.repos.get(REPO);

      expect(clock.waits).toEqual([60_000]);
      expect(logger.lines().join('\n')).toMatch(/waiting 60 s \(no usable retry-after or x-ratelimit-reset header\)/);
    });
  });

  describe('giving up', () => {
    it('gives up after maxRetries with a clear error naming the request', async () => {
      gh.failSecondaryRateLimit({ path: '/repos/acme/churn', status: 429, retryAfter: 2, times: Infinity });
      const clock = fakeClock();
      const { octokit } = client(clock);

      const error = await octokit.rest.repos.get(REPO).catch((e: unknown) => e);

      expect(error).toBeInstanceOf(RateLimitExceededError);
      expect(isUserError(error)).toBe(true);
      expect((error as Error).message).toBe(
        'GitHub API rate limit exceeded for GET /repos/acme/churn: gave up after 3 retries',
      );
      expect((error as Error).cause).toMatchObject({ status: 429 });
      // One try plus three retries: the retry plugin must not add its own attempts on top for a 429.
      expect(gh.requests.map((r) => r.status)).toEqual([429, 429, 429, 429]);
      expect(clock.waits).toEqual([2000, 2000, 2000]);
    });

    it('names the write that gave up, with its real path', async () => {
      gh.failSecondaryRateLimit({ operationId: 'git/create-ref', retryAfter: 1, times: Infinity });
      const { octokit } = client(fakeClock(), { maxRetries: 1 });

      await expect(
        octokit.rest.git.createRef({ ...REPO, ref: 'refs/tags/churn@v1.0.0', sha: gh.state.headSha }),
      ).rejects.toThrow('GitHub API rate limit exceeded for POST /repos/acme/churn/git/refs: gave up after 1 retry');
      expect(gh.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
        'POST /repos/acme/churn/git/refs 403',
        'POST /repos/acme/churn/git/refs 403',
      ]);
      expect(gh.state.git.refs.has('refs/tags/churn@v1.0.0')).toBe(false);
    });
  });

  it('sends the token to GitHub and never to the log', async () => {
    gh.addToken(TOKEN, 'release-bot');
    gh.failSecondaryRateLimit({ path: '/repos/acme/churn', retryAfter: 1 });
    const { octokit, logger } = client(fakeClock());

    await octokit.rest.repos.get(REPO);

    // FakeGitHub redacts the credential in its log, so the identity it resolved proves the token arrived.
    expect(gh.requests.map((r) => r.login)).toEqual(['release-bot', 'release-bot']);
    expect(gh.requests[0]?.headers.authorization).toBe('token [redacted]');
    expect(logger.entries.length).toBeGreaterThan(0);
    expect(JSON.stringify(logger.entries)).not.toContain(TOKEN);
  });

  it('retries a server error through the retry plugin', async () => {
    gh.fail({ path: '/repos/acme/churn', status: 502 });
    const { octokit } = client(fakeClock(), { maxRetries: 1 });

    const { data } = await octokit.rest.repos.get(REPO);

    expect(data.full_name).toBe('acme/churn');
    expect(gh.requests.map((r) => r.status)).toEqual([502, 200]);
  });

  it('does not retry a 404', async () => {
    const { octokit } = client(fakeClock());

    await expect(octokit.rest.repos.get({ owner: 'acme', repo: 'missing' })).rejects.toMatchObject({ status: 404 });
    expect(gh.requests.map((r) => r.status)).toEqual([404]);
  });

  it('does not retry a 403 that is no rate limit', async () => {
    gh.addToken(TOKEN, 'github-actions[bot]', { permission: 'read' });
    const { octokit } = client(fakeClock());

    await expect(octokit.rest.issues.createComment({ ...REPO, issue_number: 1, body: 'hi' })).rejects.toMatchObject({
      status: 403,
      message: expect.stringContaining('Resource not accessible by integration'),
    });
    expect(gh.requests).toHaveLength(1);
  });

  it('sends the user agent', async () => {
    const octokit = createOctokit({
      token: TOKEN,
      baseUrl: gh.url,
      logger: memoryLogger(),
      userAgent: 'mlgate-test/1',
    });

    await octokit.rest.repos.get(REPO);

    expect(gh.requests[0]?.headers['user-agent']).toMatch(/^mlgate-test\/1 /);
  });

  describe('on GitHub Enterprise Server', () => {
    // FakeGitHub routes only root paths (api.github.com's shape), while GHES serves the API under /api/v3.
    // A proxy that strips the prefix keeps FakeGitHub's OpenAPI checks and state behind the GHES-shaped URL.
    let proxy: PrefixProxy;
    let saved: string | undefined;
    beforeEach(async () => {
      saved = process.env.GITHUB_API_URL;
      proxy = await startPrefixProxy('/api/v3', gh.url);
    });
    afterEach(async () => {
      if (saved === undefined) delete process.env.GITHUB_API_URL;
      else process.env.GITHUB_API_URL = saved;
      await proxy.close();
    });

    it('defaults the base URL to GITHUB_API_URL and names routes without its /api/v3 prefix', async () => {
      process.env.GITHUB_API_URL = `${proxy.url}/api/v3`;
      gh.setRateLimit({ remaining: 0 });
      const octokit = createOctokit({ token: TOKEN, logger: memoryLogger(), maxRetries: 1 }, fakeClock());

      await expect(octokit.rest.repos.get(REPO)).rejects.toThrow(
        'GitHub API rate limit exceeded for GET /repos/acme/churn: gave up after 1 retry',
      );
      expect(proxy.paths).toEqual(['/api/v3/repos/acme/churn', '/api/v3/repos/acme/churn']);
      expect(gh.requests.map((r) => `${r.path} ${r.status}`)).toEqual([
        '/repos/acme/churn 403',
        '/repos/acme/churn 403',
      ]);
    });
  });
});

describe('createOctokit options', () => {
  it('asks for a token instead of failing inside octokit', () => {
    const error = (() => {
      try {
        createOctokit({ token: ' ', logger: memoryLogger() });
      } catch (e) {
        return e;
      }
    })();
    expect(isUserError(error)).toBe(true);
    expect((error as Error).message).toMatch(/^no GitHub token/);
  });

  it('rejects a negative retry budget', () => {
    expect(() => createOctokit({ token: TOKEN, logger: memoryLogger(), maxRetries: -1 })).toThrow(RangeError);
  });
});

interface PrefixProxy {
  url: string;
  /** Paths as the client sent them, prefix included. */
  paths: string[];
  close(): Promise<void>;
}

/** Serves `target` under `prefix`, the way a GHES host serves its REST API under /api/v3. */
async function startPrefixProxy(prefix: string, target: string): Promise<PrefixProxy> {
  const paths: string[] = [];
  const server = createServer((req, res) => {
    const path = req.url ?? '/';
    paths.push(path);
    if (!path.startsWith(`${prefix}/`)) {
      res.writeHead(404).end();
      return;
    }
    const upstream = request(`${target}${path.slice(prefix.length)}`, { method: req.method, headers: req.headers });
    upstream.on('response', (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    paths,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
