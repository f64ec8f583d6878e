import { ApiError } from '../api-error.js';
import type { RateLimiter } from '../rate-limit.js';
import type { RenderContext } from '../render/context.js';
import type { RepoState } from '../state/repo.js';

/** A request after routing and validation, as a handler sees it. */
export interface ApiRequest {
  operationId: string;
  /** Path parameters, coerced to their schema types (`issue_number` is a number). */
  params: Record<string, unknown>;
  /** Query parameters, coerced, with the schema's defaults filled in (`per_page` 30, `page` 1). */
  query: Record<string, unknown>;
  /** Parsed JSON body ({} when none). */
  body: Record<string, unknown>;
  raw: Buffer;
  headers: Record<string, string>;
  /** Login the token acts as; undefined when anonymous. */
  login: string | undefined;
  ctx: RenderContext;
  /** The repository named by `{owner}/{repo}`; throws for operations outside a repository. */
  repo: RepoState;
  rateLimiter: RateLimiter;
  /** For Link headers: the path below `/repos/{owner}/{repo}` and the query as sent. */
  subPath: string;
  rawQuery: URLSearchParams;
}

export interface ApiResponse {
  status: number;
  /** JSON value, or a Buffer sent as is. */
  body?: unknown;
  headers?: Record<string, string>;
}

export type Handler = (request: ApiRequest) => ApiResponse;

/** The acting login; GitHub answers 401 to anonymous callers of endpoints that need one. */
export function actor(request: ApiRequest): string {
  if (!request.login) throw new ApiError(401, 'Requires authentication');
  return request.login;
}
