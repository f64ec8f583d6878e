/**
 * How long to wait before retrying a request GitHub refused for rate limiting, following GitHub's
 * documented order: `retry-after` seconds if present; else, when the primary budget is spent
 * (`x-ratelimit-remaining: 0`), until `x-ratelimit-reset`; else at least one minute.
 * https://docs.github.com/en/rest/using-the-rest-api/best-practices-for-using-the-rest-api#handle-rate-limit-errors-appropriately
 */

export type RateLimitHeaders = Readonly<Record<string, string | number | undefined>>;

export interface RateLimitWait {
  seconds: number;
  /** Which header decided, for the log line. */
  basis: 'retry-after' | 'x-ratelimit-reset' | 'fallback';
}

export const FALLBACK_WAIT_SECONDS = 60;

/**
 * GitHub's primary window is one hour; a value that asks for more is a broken header or a skewed
 * clock, and waiting on it would hold the job until its timeout.
 */
export const MAX_PLAUSIBLE_WAIT_SECONDS = 3600 + 60;

export function rateLimitWait(headers: RateLimitHeaders, nowMs: number): RateLimitWait {
  const retryAfter = retryAfterSeconds(header(headers, 'retry-after'), nowMs);
  if (retryAfter !== undefined) return { seconds: retryAfter, basis: 'retry-after' };

  const remaining = header(headers, 'x-ratelimit-remaining');
  // Every GitHub response carries x-ratelimit-reset; it only explains a refusal when the budget is spent.
  if (remaining === undefined || remaining === '0') {
    const reset = untilReset(header(headers, 'x-ratelimit-reset'), nowMs);
    if (reset !== undefined) return { seconds: reset, basis: 'x-ratelimit-reset' };
  }
  return { seconds: FALLBACK_WAIT_SECONDS, basis: 'fallback' };
}

function header(headers: RateLimitHeaders, name: string): string | undefined {
  const value = headers[name];
  return value === undefined ? undefined : String(value).trim();
}

/** RFC 9110 §10.2.3: delay-seconds or an HTTP-date. */
function retryAfterSeconds(value: string | undefined, nowMs: number): number | undefined {
  if (value === undefined || value === '') return undefined;
  if (/^\d+$/.test(value)) return plausible(Math.max(1, Number(value)));
  if (!/[a-z]/i.test(value)) return undefined;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : plausible(Math.max(1, Math.ceil((at - nowMs) / 1000)));
}

function untilReset(value: string | undefined, nowMs: number): number | undefined {
  if (value === undefined || !/^\d+$/.test(value)) return undefined;
  const resetMs = Number(value) * 1000;
  if (resetMs === 0) return undefined;
  // One second past the reset instant, so the retry lands in the new window; a reset already in
  // the past means the window has rolled over, so a short wait suffices.
  return plausible(Math.max(1, Math.ceil((resetMs - nowMs) / 1000) + 1));
}

function plausible(seconds: number): number | undefined {
  return Number.isSafeInteger(seconds) && seconds <= MAX_PLAUSIBLE_WAIT_SECONDS ? seconds : undefined;
}
