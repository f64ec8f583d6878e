import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, it, expect, beforeAll, afterAll } from '@jest/globals';
import { memoryLogger } from '../memory-logger.js';
import { createOctokit } from '../octokit/client.js';
import { GitHubCommentStore } from './github-store.js';

// The HTTP-level suite against FakeGitHub lives in testkit; this checks the mapping and the 404 rule.
describe('GitHubCommentStore', () => {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    res.setHeader('content-type', 'application/json');
    if (req.method === 'GET') {
      res.end(
        JSON.stringify([
          {
            id: 11,
            body: 'hi',
            user: { login: 'octocat' },
            html_url: 'https://github.com/c/11',
            created_at: '2026-01-01T00:00:00Z',
          },
          { id: 12, body: null, user: null },
        ]),
      );
    } else if (req.method === 'DELETE') {
      res.statusCode = 404;
      res.end(JSON.stringify({ message: 'Not Found' }));
    }
  });
  let store: GitHubCommentStore;
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    store = new GitHubCommentStore(createOctokit({ token: 't', baseUrl, logger: memoryLogger() }), {
      owner: 'acme',
      repo: 'churn',
    });
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('lists with 100 per page and maps comments, tolerating deleted users and empty bodies', async () => {
    expect(await store.list(7)).toEqual([
      { id: 11, body: 'hi', author: 'octocat', url: 'https://github.com/c/11', createdAt: '2026-01-01T00:00:00Z' },
      { id: 12, body: '', author: '' },
    ]);
    expect(requests.at(-1)).toBe('GET /repos/acme/churn/issues/7/comments?per_page=100');
  });

  it('treats deleting an already deleted comment as done', async () => {
    await expect(store.delete(99)).resolves.toBeUndefined();
    expect(requests.at(-1)).toBe('DELETE /repos/acme/churn/issues/comments/99');
  });
});
