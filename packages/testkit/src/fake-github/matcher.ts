/** Selects requests for fault injection and log queries. Every given field must match. */
export interface RequestMatcher {
  /** HTTP method, case-insensitive. */
  method?: string;
  /**
   * A concrete path (`/repos/acme/churn/issues/7/comments`), a template with `{param}` placeholders
   * (`/repos/{owner}/{repo}/issues/{issue_number}/comments`, GitHub's OpenAPI form), or a RegExp tested
   * against the concrete path. Paths are percent-decoded; `/repositories/{id}` links count as `/repos/{owner}/{repo}`.
   */
  path?: string | RegExp;
  /** GitHub's operationId, e.g. `issues/create-comment`. */
  operationId?: string;
}

/** What a matcher sees of a request. */
export interface RequestIdentity {
  method: string;
  path: string;
  template?: string;
  operationId?: string;
}

function templateRegExp(template: string): RegExp {
  const source = template
    .split(/(\{\w+\})/)
    .map((part) => (/^\{\w+\}$/.test(part) ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`);
}

export function matches(matcher: RequestMatcher, request: RequestIdentity): boolean {
  if (matcher.method && matcher.method.toUpperCase() !== request.method) return false;
  if (matcher.operationId && matcher.operationId !== request.operationId) return false;
  const { path } = matcher;
  if (path === undefined) return true;
  if (path instanceof RegExp) return path.test(request.path);
  if (path === request.path || path === request.template) return true;
  return path.includes('{') && templateRegExp(path).test(request.path);
}

export function describeMatcher(matcher: RequestMatcher): string {
  const parts = [matcher.method?.toUpperCase(), matcher.operationId, matcher.path?.toString()].filter(Boolean);
  return parts.length > 0 ? parts.join(' ') : 'any request';
}
