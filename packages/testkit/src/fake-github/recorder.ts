/** One request FakeGitHub received, as tests inspect it through `gh.requests`. */
export interface RecordedRequest {
  method: string;
  /** The path as sent, without the query string. */
  path: string;
  /** Percent-decoded, in `/repos/{owner}/{repo}/...` form (also for `/repositories/{id}` links and uploads). */
  canonicalPath: string;
  query: Record<string, string>;
  /** Request headers, lower-case; the credential in `authorization` is replaced by `[redacted]`. */
  headers: Record<string, string>;
  /** Parsed JSON, text for `text/*`, otherwise the raw bytes; undefined when empty. */
  body: unknown;
  /** Login the token acts as; undefined for anonymous requests. */
  login?: string;
  operationId?: string;
  /** GitHub's path template, e.g. `/repos/{owner}/{repo}/issues/{issue_number}/comments`. */
  template?: string;
  /** Status answered; 0 while the request is still being handled. */
  status: number;
  /** True when the response came from `fail()` / `failSecondaryRateLimit()`. */
  injected: boolean;
}

export type ViolationKind =
  | 'unknown-route'
  | 'unimplemented'
  | 'wrong-host'
  | 'invalid-json'
  | 'request-schema'
  | 'response-schema'
  | 'barrier-timeout'
  | 'fake-error';

/** Something that must fail the test: a request GitHub would not understand, or a fake that drifted from GitHub. */
export interface Violation {
  kind: ViolationKind;
  message: string;
  method?: string;
  path?: string;
  operationId?: string;
}

export function redactHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    const text = Array.isArray(value) ? value.join(', ') : value;
    out[name] = name === 'authorization' ? text.replace(/^(\S+\s+).*$/s, '$1[redacted]') : text;
  }
  return out;
}

export function formatViolations(violations: Violation[]): string {
  return violations.map((v, i) => `  ${i + 1}. [${v.kind}] ${v.message}`).join('\n');
}
