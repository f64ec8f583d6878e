import { describeMatcher, matches, type RequestIdentity, type RequestMatcher } from './matcher.js';

export interface FailOptions extends RequestMatcher {
  status: number;
  headers?: Record<string, string>;
  /** Response body; defaults to GitHub's error shape with the status text as message. */
  body?: unknown;
  /** How many matching requests fail (default 1; `Infinity` for all). */
  times?: number;
  /**
   * Apply the request for real, then answer with the failure: the "change happened but the response was lost"
   * case (a 502 after the comment was created) that idempotent clients must survive.
   */
  afterHandler?: boolean;
}

export interface DelayOptions extends RequestMatcher {
  ms: number;
  /** How many matching requests are delayed (default: all). */
  times?: number;
}

export interface BarrierOptions extends RequestMatcher {
  /** How many matching requests to hold until all of them have arrived. */
  parties: number;
  /** Give up after this long (default 5000 ms): the held requests proceed and a violation is recorded. */
  timeoutMs?: number;
}

export interface FaultHandle {
  /** Requests this rule has affected so far. */
  readonly hits: number;
  /** Stop applying the rule. */
  cancel(): void;
}

export interface BarrierHandle {
  /** Requests that have reached the barrier. */
  readonly arrived: number;
  readonly released: boolean;
  /** Resolves once all parties arrived (or the timeout released them). */
  readonly whenReleased: Promise<void>;
}

export interface InjectedResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

interface Rule<T> {
  options: T;
  remaining: number;
  hits: number;
}

interface Barrier {
  options: BarrierOptions;
  waiting: (() => void)[];
  released: boolean;
  whenReleased: Promise<void>;
  release: () => void;
  timer?: NodeJS.Timeout;
}

/** Injected failures, latency and barriers, applied to matching requests before (or after) the handler runs. */
export class FaultPlan {
  private readonly failures: Rule<FailOptions>[] = [];
  private readonly delays: Rule<DelayOptions>[] = [];
  private readonly barriers: Barrier[] = [];

  constructor(private readonly onBarrierTimeout: (message: string) => void) {}

  fail(options: FailOptions): FaultHandle {
    return this.addRule(this.failures, options, options.times ?? 1);
  }

  delay(options: DelayOptions): FaultHandle {
    return this.addRule(this.delays, options, options.times ?? Infinity);
  }

  barrier(options: BarrierOptions): BarrierHandle {
    if (!Number.isInteger(options.parties) || options.parties < 2) {
      throw new Error('FakeGitHub.barrier: parties must be an integer of at least 2');
    }
    let release = () => {};
    const whenReleased = new Promise<void>((resolve) => (release = resolve));
    const barrier: Barrier = { options, waiting: [], released: false, whenReleased, release };
    this.barriers.push(barrier);
    return {
      get arrived() {
        return barrier.released ? options.parties : barrier.waiting.length;
      },
      get released() {
        return barrier.released;
      },
      whenReleased,
    };
  }

  /** Runs delays and barriers, then returns a failure to send instead of calling the handler, if any. */
  async before(request: RequestIdentity): Promise<InjectedResponse | undefined> {
    const wait = this.take(this.delays, request).reduce((sum, rule) => sum + rule.options.ms, 0);
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    await this.arriveAtBarrier(request);
    return this.injectedFailure(request, false);
  }

  after(request: RequestIdentity): InjectedResponse | undefined {
    return this.injectedFailure(request, true);
  }

  /** Drops all rules and lets requests held at barriers through. */
  clear(): void {
    this.failures.length = 0;
    this.delays.length = 0;
    for (const barrier of this.barriers) this.open(barrier);
    this.barriers.length = 0;
  }

  private addRule<T>(rules: Rule<T>[], options: T, times: number): FaultHandle {
    const rule: Rule<T> = { options, remaining: times, hits: 0 };
    rules.push(rule);
    return {
      get hits() {
        return rule.hits;
      },
      cancel: () => {
        rule.remaining = 0;
      },
    };
  }

  private take<T extends RequestMatcher>(rules: Rule<T>[], request: RequestIdentity): Rule<T>[] {
    const hit = rules.filter((rule) => rule.remaining > 0 && matches(rule.options, request));
    for (const rule of hit) {
      rule.remaining -= 1;
      rule.hits += 1;
    }
    return hit;
  }

  private injectedFailure(request: RequestIdentity, afterHandler: boolean): InjectedResponse | undefined {
    // The first matching rule wins, so rules registered earlier take precedence.
    const rule = this.failures.find(
      (r) => r.remaining > 0 && (r.options.afterHandler ?? false) === afterHandler && matches(r.options, request),
    );
    if (!rule) return undefined;
    rule.remaining -= 1;
    rule.hits += 1;
    const { status, headers = {}, body } = rule.options;
    return {
      status,
      headers,
      body: body ?? { message: defaultMessage(status), documentation_url: 'https://docs.github.com/rest' },
    };
  }

  private async arriveAtBarrier(request: RequestIdentity): Promise<void> {
    const barrier = this.barriers.find((b) => !b.released && matches(b.options, request));
    if (!barrier) return;
    const arrived = new Promise<void>((resolve) => barrier.waiting.push(resolve));
    if (barrier.waiting.length >= barrier.options.parties) {
      this.open(barrier);
    } else if (barrier.waiting.length === 1) {
      const timeoutMs = barrier.options.timeoutMs ?? 5000;
      barrier.timer = setTimeout(() => {
        this.onBarrierTimeout(
          `barrier on ${describeMatcher(barrier.options)} timed out after ${timeoutMs} ms: ` +
            `${barrier.waiting.length} of ${barrier.options.parties} requests arrived`,
        );
        this.open(barrier);
      }, timeoutMs);
      barrier.timer.unref();
    }
    await arrived;
  }

  private open(barrier: Barrier): void {
    if (barrier.timer) clearTimeout(barrier.timer);
    barrier.released = true;
    for (const resume of barrier.waiting.splice(0)) resume();
    barrier.release();
  }
}

function defaultMessage(status: number): string {
  const messages: Record<number, string> = {
    400: 'Bad Request',
    401: 'Bad credentials',
    403: 'Forbidden',
    404: 'Not Found',
    409: 'Conflict',
    422: 'Validation Failed',
    429: 'Too Many Requests',
    500: 'Internal Server Error',
    502: 'Server Error',
    503: 'Service Unavailable',
    504: 'We couldn\u2019t respond to your request in time. Sorry about that.',
  };
  return messages[status] ?? `HTTP ${status}`;
}
