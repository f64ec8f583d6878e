export interface RateLimitWindow {
  limit: number;
  used: number;
  /** Epoch seconds when the window resets. */
  reset: number;
}

const WINDOW_SECONDS = 3600;
const ANONYMOUS = '\0anonymous';

/** GitHub's primary (core) rate limit, one window per identity. */
export class RateLimiter {
  private readonly windows = new Map<string, RateLimitWindow>();

  constructor(private readonly defaultLimit: number) {}

  /** Counts one request; returns the window after counting and whether the request is over the limit. */
  consume(login: string | undefined): { window: RateLimitWindow; exceeded: boolean } {
    const window = this.window(login);
    if (window.used >= window.limit) return { window, exceeded: true };
    window.used += 1;
    return { window, exceeded: false };
  }

  window(login: string | undefined): RateLimitWindow {
    const key = login?.toLowerCase() ?? ANONYMOUS;
    const now = Math.floor(Date.now() / 1000);
    let window = this.windows.get(key);
    if (!window || window.reset <= now) {
      window = { limit: login ? this.defaultLimit : 60, used: 0, reset: now + WINDOW_SECONDS };
      this.windows.set(key, window);
    }
    return window;
  }

  /** Test control: e.g. `{ remaining: 0 }` to exhaust the window. */
  set(login: string | undefined, change: { limit?: number; remaining?: number; reset?: number }): void {
    const window = this.window(login);
    if (change.limit !== undefined) window.limit = change.limit;
    if (change.remaining !== undefined) window.used = Math.max(0, window.limit - change.remaining);
    if (change.reset !== undefined) window.reset = change.reset;
  }

  static headers(window: RateLimitWindow): Record<string, string> {
    return {
      'x-ratelimit-limit': String(window.limit),
      'x-ratelimit-remaining': String(Math.max(0, window.limit - window.used)),
      'x-ratelimit-reset': String(window.reset),
      'x-ratelimit-used': String(window.used),
      'x-ratelimit-resource': 'core',
    };
  }
}
