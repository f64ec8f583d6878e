import { randomBytes } from 'node:crypto';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { ApiError } from './api-error.js';
import type { FaultPlan } from './faults.js';
import type { RequestIdentity } from './matcher.js';
import type { OperationRouter, RouteMatch } from './openapi/router.js';
import type { OpenApiOperation } from './openapi/spec.js';
import type { OpenApiValidator } from './openapi/validator.js';
import { RateLimiter, type RateLimitWindow } from './rate-limit.js';
import { redactHeaders, type RecordedRequest, type Violation } from './recorder.js';
import type { RenderContext } from './render/context.js';
import { handlers } from './resources/index.js';
import type { ApiRequest } from './resources/types.js';
import type { RepoState, Role } from './state/repo.js';
import { readBlob, STORAGE_PREFIX } from './storage.js';

/** Path prefix of the upload origin (GitHub Enterprise Server serves uploads under the same one). */
export const UPLOADS_PREFIX = '/api/uploads';

const REST_DOCS = 'https://docs.github.com/rest';
const ROLE_RANK: Record<Role, number> = { none: 0, read: 1, triage: 2, write: 3, maintain: 4, admin: 5 };

interface Reply {
  status: number;
  headers: Record<string, string>;
  body?: unknown;
}

export interface DispatcherDeps {
  ctx: RenderContext;
  router: OperationRouter;
  validator: OpenApiValidator;
  faults: FaultPlan;
  rateLimiter: RateLimiter;
  /** Whether schema problems are violations (the request is rejected) or ignored. */
  validate: boolean;
  /** `@octokit/openapi 23.0.2`, quoted in violation messages. */
  specLabel: string;
  /** token → permission cap set with `addToken(..., { permission })`. */
  tokenPermissions: Map<string, Role>;
  log: RecordedRequest[];
  violation: (violation: Violation) => void;
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): Reply {
  return { status, headers, body };
}

function githubError(status: number, message: string, documentationUrl = REST_DOCS): Reply {
  return json(status, { message, documentation_url: documentationUrl, status: String(status) });
}

function decodePath(path: string): string {
  return path
    .split('/')
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment;
      }
    })
    .join('/');
}

function bodyForLog(raw: Buffer, contentType: string | undefined): unknown {
  if (raw.length === 0) return undefined;
  if (/json/i.test(contentType ?? '')) {
    try {
      return JSON.parse(raw.toString('utf8'));
    } catch {
      return raw.toString('utf8');
    }
  }
  return /^text\//i.test(contentType ?? '') ? raw.toString('utf8') : raw;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function tokenOf(headers: IncomingHttpHeaders): string | undefined {
  return /^(?:token|bearer)\s+(\S+)$/i.exec(headers.authorization ?? '')?.[1];
}

/** Turns one HTTP request into a response: route, validate, inject faults, authorize, handle, check the answer. */
export class Dispatcher {
  constructor(private readonly deps: DispatcherDeps) {}

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const url = new URL(req.url ?? '/', this.deps.ctx.api);
    const method = (req.method ?? 'GET').toUpperCase();
    const record: RecordedRequest = {
      method,
      path: url.pathname,
      canonicalPath: decodePath(url.pathname),
      query: Object.fromEntries(url.searchParams),
      headers: redactHeaders(req.headers),
      body: bodyForLog(raw, req.headers['content-type']),
      status: 0,
      injected: false,
    };
    this.deps.log.push(record);
    const requestId = randomBytes(8)
      .toString('hex')
      .toUpperCase()
      .replace(/(.{4})(?=.)/g, '$1:');
    let reply: Reply;
    try {
      reply = await this.respond(method, url, raw, req.headers, record, requestId);
    } catch (error) {
      this.violate(record, 'fake-error', `FakeGitHub crashed on ${method} ${url.pathname}: ${String(error)}`);
      reply = githubError(500, `FakeGitHub internal error: ${String(error)}`);
    }
    record.status = reply.status;
    this.send(res, reply, requestId);
  }

  private async respond(
    method: string,
    url: URL,
    raw: Buffer,
    headers: IncomingHttpHeaders,
    record: RecordedRequest,
    requestId: string,
  ): Promise<Reply> {
    if (url.pathname.startsWith(`${STORAGE_PREFIX}/`)) return this.blob(url.pathname.slice(STORAGE_PREFIX.length));
    const routed = this.route(method, url.pathname, record);
    if ('status' in routed) return routed;
    const { route, operation } = routed;
    const docs = operation.docs ?? REST_DOCS;
    const parsed = this.parseAndValidate(method, url, raw, headers, route, operation, record);
    if ('status' in parsed) return parsed;

    const login = this.deps.ctx.world.identify(headers.authorization);
    record.login = login;
    const identity: RequestIdentity = {
      method,
      path: record.canonicalPath,
      template: route.template,
      operationId: route.operationId,
    };
    let window: RateLimitWindow | undefined;
    if (route.operationId !== 'rate-limit/get') {
      const limit = this.deps.rateLimiter.consume(login);
      window = limit.window;
      if (limit.exceeded) {
        const message = `API rate limit exceeded for ${login ?? 'this IP'}.`;
        return this.withRateHeaders(
          githubError(403, message, `${REST_DOCS}/overview/rate-limits-for-the-rest-api`),
          window,
        );
      }
    }

    const injected = await this.deps.faults.before(identity);
    if (injected) {
      record.injected = true;
      return this.withRateHeaders(json(injected.status, injected.body, injected.headers), window);
    }

    let reply = this.invoke(route, docs, {
      method,
      raw,
      headers,
      login,
      searchParams: url.searchParams,
      record,
      ...parsed,
    });
    // The upload origin puts the request id into its error bodies too.
    if (operation.server && reply.status >= 400 && reply.body && typeof reply.body === 'object') {
      reply = { ...reply, body: { ...(reply.body as Record<string, unknown>), request_id: requestId } };
    }
    const after = this.deps.faults.after(identity);
    if (after) {
      record.injected = true;
      reply = json(after.status, after.body, after.headers);
    } else {
      this.checkResponse(route.operationId, reply, record);
    }
    return this.withRateHeaders(reply, window);
  }

  /** Finds GitHub's operation for the request, or the reply for a request GitHub (or the fake) would not serve. */
  private route(
    method: string,
    pathname: string,
    record: RecordedRequest,
  ): Reply | { route: RouteMatch; operation: OpenApiOperation } {
    const onUploadHost = pathname.startsWith(`${UPLOADS_PREFIX}/`);
    let path = onUploadHost ? pathname.slice(UPLOADS_PREFIX.length) : pathname;
    // Link headers use /repositories/{id}/...; GitHub serves both forms.
    const alias = /^\/repositories\/(\d+)(\/.*)?$/.exec(path);
    if (alias) {
      const repo = this.deps.ctx.world.repoById(Number(alias[1]));
      if (!repo) return githubError(404, 'Not Found');
      path = `/repos/${repo.fullName}${alias[2] ?? ''}`;
    }
    record.canonicalPath = decodePath(path);

    const route = this.deps.router.match(method, path);
    if (!route) return this.unknownRoute(method, path, record);
    record.operationId = route.operationId;
    record.template = route.template;
    const operation = this.deps.validator.operation(route.operationId);
    if (!operation || !handlers[route.operationId]) {
      const message = `FakeGitHub does not implement ${route.operationId} (${method} ${route.template}) yet`;
      this.violate(record, 'unimplemented', message);
      return githubError(404, message);
    }
    if (Boolean(operation.server) !== onUploadHost) {
      const message = onUploadHost
        ? `FakeGitHub: ${route.operationId} is served by the API origin, not the upload origin`
        : `FakeGitHub: ${route.operationId} must be sent to the release's upload_url (GitHub: uploads.github.com)`;
      this.violate(record, 'wrong-host', message);
      return githubError(404, message, operation.docs);
    }
    return { route, operation };
  }

  /** Parses the JSON body and checks parameters and body against the operation's schemas. */
  private parseAndValidate(
    method: string,
    url: URL,
    raw: Buffer,
    headers: IncomingHttpHeaders,
    route: RouteMatch,
    operation: OpenApiOperation,
    record: RecordedRequest,
  ): Reply | { body: unknown; query: Record<string, unknown>; params: Record<string, unknown> } {
    const docs = operation.docs ?? REST_DOCS;
    let body: unknown;
    // Uploads carry raw bytes; everything else GitHub takes is JSON.
    if (!operation.server && raw.length > 0) {
      try {
        body = JSON.parse(raw.toString('utf8'));
      } catch {
        this.violate(record, 'invalid-json', `FakeGitHub: ${method} ${url.pathname} sent a body that is not JSON`);
        return githubError(400, 'Problems parsing JSON', docs);
      }
    }
    const checked = this.deps.validator.validateRequest(route.operationId, {
      params: route.params,
      query: url.searchParams,
      body,
      contentType: headers['content-type'],
    });
    if (this.deps.validate && checked.problems.length > 0) {
      const message =
        `FakeGitHub: ${method} ${url.pathname} does not match GitHub's OpenAPI description of ` +
        `${route.operationId} (${this.deps.specLabel}):\n- ${checked.problems.join('\n- ')}`;
      this.violate(record, 'request-schema', message);
      return githubError(422, `Invalid request.\n\n${message}`, docs);
    }
    return { body, query: checked.query, params: checked.params };
  }

  /** A fake response that GitHub's schema would reject is the fake's bug: record it. */
  private checkResponse(operationId: string, reply: Reply, record: RecordedRequest): void {
    if (!this.deps.validate || reply.body === undefined || Buffer.isBuffer(reply.body)) return;
    const problems = this.deps.validator.validateResponse(operationId, reply.status, reply.body);
    if (problems.length === 0) return;
    this.violate(
      record,
      'response-schema',
      `FakeGitHub's ${reply.status} response to ${operationId} does not match GitHub's schema:\n- ${problems.join('\n- ')}`,
    );
  }

  private invoke(
    route: RouteMatch,
    docs: string,
    request: {
      method: string;
      body: unknown;
      raw: Buffer;
      headers: IncomingHttpHeaders;
      login: string | undefined;
      query: Record<string, unknown>;
      params: Record<string, unknown>;
      searchParams: URLSearchParams;
      record: RecordedRequest;
    },
  ): Reply {
    const { world } = this.deps.ctx;
    try {
      const repoScoped = route.template.startsWith('/repos/{owner}/{repo}');
      const repo = repoScoped ? world.repo(route.params.owner ?? '', route.params.repo ?? '') : undefined;
      if (repoScoped && !repo) return githubError(404, 'Not Found', docs);
      if (request.method !== 'GET' && !request.login) return githubError(401, 'Requires authentication', docs);
      if (repo) {
        const denied = this.authorize(repo, route.operationId, request.method, request.login, request.headers);
        if (denied) return githubError(denied.status, denied.message, docs);
      }
      const handler = handlers[route.operationId];
      if (!handler) throw new Error(`no handler for ${route.operationId}`);
      const apiRequest: ApiRequest = {
        operationId: route.operationId,
        params: request.params,
        query: request.query,
        body: (request.body as Record<string, unknown> | undefined) ?? {},
        raw: request.raw,
        headers: redactHeaders(request.headers),
        login: request.login,
        ctx: this.deps.ctx,
        get repo(): RepoState {
          if (!repo) throw new Error(`FakeGitHub: ${route.operationId} is not scoped to a repository`);
          return repo;
        },
        rateLimiter: this.deps.rateLimiter,
        subPath: repo
          ? request.record.canonicalPath.slice(`/repos/${route.params.owner}/${route.params.repo}`.length)
          : '',
        rawQuery: request.searchParams,
      };
      const response = handler(apiRequest);
      return { status: response.status, headers: response.headers ?? {}, body: response.body };
    } catch (error) {
      if (error instanceof ApiError) {
        return { status: error.status, headers: error.headers, body: error.body(docs) };
      }
      throw error;
    }
  }

  /**
   * Reads need read access (404 otherwise, as GitHub hides private repositories). Writes need write access,
   * except that any user may comment and react on a repository they can read; an integration token (bot)
   * needs write for those too, which is why a fork's read-only GITHUB_TOKEN cannot comment.
   */
  private authorize(
    repo: RepoState,
    operationId: string,
    method: string,
    login: string | undefined,
    headers: IncomingHttpHeaders,
  ): { status: number; message: string } | undefined {
    const user = login ? this.deps.ctx.world.users.get(login) : undefined;
    const isBot = user?.type === 'Bot';
    const token = tokenOf(headers);
    const cap = token ? this.deps.tokenPermissions.get(token) : undefined;
    const repoRole = login ? repo.roleOf(login) : repo.private ? 'none' : 'read';
    const role: Role = cap ?? (isBot ? 'write' : repoRole);
    if (ROLE_RANK[role] < ROLE_RANK.read) return { status: 404, message: 'Not Found' };
    if (method === 'GET') return undefined;
    const commentLike = operationId === 'issues/create-comment' || operationId === 'reactions/create-for-issue-comment';
    const needed: Role = commentLike && !isBot ? 'read' : 'write';
    if (ROLE_RANK[role] >= ROLE_RANK[needed]) return undefined;
    return {
      status: 403,
      message: isBot ? 'Resource not accessible by integration' : 'Must have push access to this repository.',
    };
  }

  private unknownRoute(method: string, path: string, record: RecordedRequest): Reply {
    const methods = this.deps.router.methodsFor(path);
    const message =
      methods.length > 0
        ? `FakeGitHub: ${method} ${path} is not in GitHub's OpenAPI description (${this.deps.specLabel}); ` +
          `that path accepts ${methods.join(', ')}`
        : `FakeGitHub: ${method} ${path} is not in GitHub's OpenAPI description (${this.deps.specLabel})`;
    this.violate(record, 'unknown-route', message);
    return githubError(404, message);
  }

  private blob(path: string): Reply {
    const blob = readBlob(this.deps.ctx.world, path);
    if (!blob) return githubError(404, 'Not Found');
    return {
      status: 200,
      headers: {
        'content-type': blob.contentType,
        'content-disposition': `attachment; filename=${blob.name}`,
      },
      body: blob.data,
    };
  }

  private violate(record: RecordedRequest, kind: Violation['kind'], message: string): void {
    this.deps.violation({ kind, message, method: record.method, path: record.path, operationId: record.operationId });
  }

  private withRateHeaders(reply: Reply, window: RateLimitWindow | undefined): Reply {
    return window ? { ...reply, headers: { ...RateLimiter.headers(window), ...reply.headers } } : reply;
  }

  private send(res: ServerResponse, reply: Reply, requestId: string): void {
    const headers: Record<string, string> = {
      'x-github-media-type': 'github.v3; format=json',
      'x-github-api-version-selected': '2022-11-28',
      'x-github-request-id': requestId,
      ...reply.headers,
    };
    let payload: Buffer | undefined;
    if (Buffer.isBuffer(reply.body)) {
      payload = reply.body;
      headers['content-type'] ??= 'application/octet-stream';
    } else if (reply.body !== undefined && reply.status !== 204) {
      payload = Buffer.from(JSON.stringify(reply.body));
      headers['content-type'] = 'application/json; charset=utf-8';
    }
    if (payload) headers['content-length'] = String(payload.length);
    res.writeHead(reply.status, headers);
    res.end(payload);
  }
}
