import { createServer } from 'node:http';
import type { IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, it, expect, beforeAll, afterAll, beforeEach, afterEach } from '@jest/globals';
import { isUserError } from '@mlgate/core';
import { memoryLogger } from '../memory-logger.js';
import { createOctokit, RateLimitExceededError } from './client.js';
import type { OctokitClock } from './client.js';

interface Reply {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
}

/** A real HTTP server answering from a script, so the real client (fetch, hooks, plugins) runs. */
class ScriptedServer {
  readonly seen: Seen[] = [];
  private replies: Reply[] = [];
  private fallback: Reply = { status: 200, body: {} };
  private server: Server = createServer((req, res) => {
    this.seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    req.resume();
    req.on('end', () => {
      const reply = this.replies.shift() ?? this.fallback;
      res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
      res.end(JSON.stringify(reply.body ?? {}));
    });
  });
  url = '';

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  script(replies: Reply[], fallback: Reply = { status: 200, body: {} }): void {
    this.replies = [...replies];
    this.fallback = fallback;
    this.seen.length = 0;
  }
}

// Real time, so that the throttling plugin (which reads the real clock) would see the same reset instants.
const NOW = Math.floor(Date.now() / 1000) * 1000;
const TOKEN = 'ghs_secretTokenValue123';

function fakeClock(): OctokitClock & { waits: number[] } {
  const waits: number[] = [];
  return { waits, now: () => NOW, sleep: async (ms) => void waits.push(ms) };
}

const secondary = (headers: Record<string, string>): Reply => ({
  status: 403,
  headers,
  body: { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.' },
});
const primary = (headers: Record<string, string>): Reply => ({
  status: 403,
  headers: { 'x-ratelimit-remaining': '0', ...headers },
  body: { message: 'API rate limit exceeded for installation ID 1.' },
});
const ok: Reply = { status: 200, body: { id: 1 } };

describe('createOctokit', () => {
  const server = new ScriptedServer();
  beforeAll(() => server.start());
  afterAll(() => server.stop());

  it('waits retry-after seconds on a secondary limit, then succeeds', async () => {
    server.script([secondary({ 'retry-after': '7', 'x-ratelimit-remaining': '4000' }), ok]);
    const clock = fakeClock();
    const logger = memoryLogger();
    const octokit = createOctokit({ token: TOKEN, baseUrl: server.url, logger }, clock);

    const { data } = await octokit.rest.repos.get({ owner: 'acme', repo: 'churn' });

    expect(data).toEqual({ id: 1 });
    expect(server.seen).toHaveLength(2);
    expect(clock.waits).toEqual([7000]);
    expect(logger.lines()).toContain(
      'info: GitHub API secondary rate limit hit for GET /repos/acme/churn: waiting 7 s (from retry-after), then retry 1 of 3',
    );
  });

  it('waits until x-ratelimit-reset on a secondary limit without retry-after once the budget is spent', async () => {
    // The plugin alone would wait its 60 s fallback here.
    server.script([secondary({ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(NOW / 1000 + 300) }), ok]);
    const clock = fakeClock();
    const octokit = createOctokit({ token: TOKEN, baseUrl: server.url, logger: memoryLogger() }, clock);

    await octokit.rest.repos.get({ owner: 'acme', repo: 'churn' });

    expect(clock.waits).toEqual([301_000]);
  });

  it('waits a minute on a secondary limit with neither header, ignoring the reset of a budget not spent', async () => {
    server.script([secondary({ 'x-ratelimit-remaining': '4999', 'x-ratelimit-reset': String(NOW / 1000 + 3000) }), ok]);
    const clock = fakeClock();
    const octokit = createOctokit({ token: TOKEN, baseUrl: server.url, logger: memoryLogger() }, clock);

    await octokit.rest.repos.get({ owner: 'acme', repo: 'churn' });

    expect(clock.waits).toEqual([60_000]);
  });

  it('prefers retry-after over x-ratelimit-reset on a primary limit', async () => {
    // The plugin alone would wait for the reset (15 minutes) here.
    server.script([primary({ 'retry-after': '5', 'x-ratelimit-reset': String(NOW / 1000 + 900) }), ok]);
    const clock = fakeClock();
    const logger = memoryLogger();
    const octokit = createOctokit({ token: TOKEN, baseUrl: server.url, logger }, clock);

    await octokit.rest.repos.get({ owner: 'acme', repo: 'churn' });

    expect(clock.waits).toEqual([5000]);
    expect(logger.lines().join('\n')).toMatch(/primary rate limit hit for GET \/repos\/acme\/churn: waiting 5 s/);
  });

  it('waits until the reset on a primary limit', async () => {
    server.script([primary({ 'x-ratelimit-reset': String(NOW / 1000 + 42) }), ok]);
    const clock = fakeClock();
    const octokit = createOctokit({ token: TOKEN, baseUrl: server.url, logger: memoryLogger() }, clock);

    await octokit.rest.repos.get({ owner: 'acme', repo: 'churn' });

    expect(clock.waits).toEqual([43_000]);
  });

  it('waits a minute, not zero, on a primary limit without a reset header', async () => {
    server.script([primary({}), ok]);
    const clock = fakeClock();
    const octokit = createOctokit({ token: TOKEN, baseUrl: server.url, logger: memoryLogger() }, clock);

    await octokit.rest.repos.get({ owner: 'acme', repo: 'churn' });

    expect(clock.waits).toEqual([60_000]);
  });

  it('gives up after maxRetries with a clear error naming the request', async () => {
    server.script([], {
      status: 429,
      headers: { 'retry-after': '2' },
      body: { message: 'You have exceeded a secondary rate limit.' },
    });
    const clock = fakeClock();
    const octokit = createOctokit({ token: TOKEN, baseUrl: server.url, logger: memoryLogger() }, clock);

    const failure = octokit.rest.repos.get({ owner: 'acme', repo: 'churn' });

    const error = await failure.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitExceededError);
    expect(isUserError(error)).toBe(true);
    expect((error as Error).message).toBe(
      'GitHub API rate limit exceeded for GET /repos/acme/churn: gave up after 3 retries',
    );
    expect((error as Error).cause).toMatchObject({ status: 429 });
    // One try plus three retries: the retry plugin must not add its own attempts on top for a 429.
    expect(server.seen).toHaveLength(4);
    expect(clock.waits).toEqual([2000, 2000, 2000]);
  });

  it('names the write that gave up, with its real path', async () => {
    server.script([], secondary({ 'retry-after': '1' }));
    const clock = fakeClock();
    const octokit = createOctokit({ token: TOKEN, baseUrl: server.url, logger: memoryLogger(), maxRetries: 1 }, clock);

    await expect(
      octokit.rest.git.createRef({ owner: 'acme', repo: 'churn', ref: 'refs/tags/churn@v1.0.0', sha: 'abc' }),
    ).rejects.toThrow('GitHub API rate limit exceeded for POST /repos/acme/churn/git/refs: gave up after 1 retry');
    expect(server.seen.map((s) => s.method)).toEqual(['POST', 'POST']);
  });

  it('sends the token to GitHub and never to the log', async () => {
    server.script([secondary({ 'retry-after': '1' }), ok]);
    const logger = memoryLogger();
    const octokit = createOctokit({ token: TOKEN, baseUrl: server.url, logger }, fakeClock());

    await octokit.rest.repos.get({ owner: 'acme', repo: 'churn' });

    expect(server.seen[0]?.headers.authorization).toBe(`token ${TOKEN}`);
    expect(logger.entries.length).toBeGreaterThan(0);
    expect(JSON.stringify(logger.entries)).not.toContain(TOKEN);
  });

  it('retries a server error through the retry plugin', async () => {
    server.script([{ status: 502, body: { message: 'Bad gateway' } }, ok]);
    const octokit = createOctokit(
      { token: TOKEN, baseUrl: server.url, logger: memoryLogger(), maxRetries: 1 },
      fakeClock(),
    );

    const { data } = await octokit.rest.repos.get({ owner: 'acme', repo: 'churn' });

    expect(data).toEqual({ id: 1 });
    expect(server.seen).toHaveLength(2);
  });

  it('does not retry a 404', async () => {
    server.script([{ status: 404, body: { message: 'Not Found' } }]);
    const octokit = createOctokit({ token: TOKEN, baseUrl: server.url, logger: memoryLogger() }, fakeClock());

    await expect(octokit.rest.repos.get({ owner: 'acme', repo: 'churn' })).rejects.toMatchObject({ status: 404 });
    expect(server.seen).toHaveLength(1);
  });

  it('sends the user agent', async () => {
    server.script([ok]);
    const octokit = createOctokit({
      token: TOKEN,
      baseUrl: server.url,
      logger: memoryLogger(),
      userAgent: 'mlgate-test/1',
    });

    await octokit.rest.repos.get({ owner: 'acme', repo: 'churn' });

    expect(server.seen[0]?.headers['user-agent']).toMatch(/^mlgate-test\/1 /);
  });

  describe('on GitHub Enterprise Server', () => {
    let saved: string | undefined;
    beforeEach(() => {
      saved = process.env.GITHUB_API_URL;
    });
    afterEach(() => {
      if (saved === undefined) delete process.env.GITHUB_API_URL;
      else process.env.GITHUB_API_URL = saved;
    });

    it('defaults the base URL to GITHUB_API_URL and names routes without its /api/v3 prefix', async () => {
      process.env.GITHUB_API_URL = `${server.url}/api/v3`;
      server.script([], primary({}));
      const octokit = createOctokit({ token: TOKEN, logger: memoryLogger(), maxRetries: 1 }, fakeClock());

      await expect(octokit.rest.repos.get({ owner: 'acme', repo: 'churn' })).rejects.toThrow(
        'GitHub API rate limit exceeded for GET /repos/acme/churn: gave up after 1 retry',
      );
      expect(server.seen[0]?.url).toBe('/api/v3/repos/acme/churn');
    });
  });

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
