/**
 * Time as the fake stamps it, with GitHub's one-second precision. With a fixed start every tick is one second
 * later (deterministic timestamps); otherwise ticks follow the wall clock and never go backwards.
 */
export class Clock {
  private last: number;

  constructor(private readonly start?: Date) {
    this.last = start ? start.getTime() - 1000 : 0;
  }

  tick(): Date {
    this.last = this.start ? this.last + 1000 : Math.max(this.last, wallSeconds());
    return new Date(this.last);
  }

  /** The latest tick, without advancing. */
  peek(): Date {
    return new Date(this.start ? Math.max(this.last, this.start.getTime()) : Math.max(this.last, wallSeconds()));
  }
}

function wallSeconds(): number {
  return Math.floor(Date.now() / 1000) * 1000;
}

/** `2026-01-01T00:00:00Z`, GitHub's format (no milliseconds). */
export function iso(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
