import type { CliIo } from '../io.js';

/**
 * The demo's voice on stdout: numbered steps that each say what they do and why, the lines they
 * produce indented beneath, and how long each took, so a reader can follow the loop as it runs.
 */
export class Narrator {
  private step = 0;
  private readonly started = Date.now();

  constructor(
    private readonly io: CliIo,
    private readonly total: number,
  ) {}

  /** Runs one step: its title and reason first, then `body`, then its duration. */
  async run<T>(title: string, why: string, body: () => Promise<T>): Promise<T> {
    this.step++;
    const started = Date.now();
    this.io.stdout.write(`\n[${this.step}/${this.total}] ${title}\n`);
    this.line(`why: ${why}`);
    const result = await body();
    this.line(`(${seconds(Date.now() - started)})`);
    return result;
  }

  /** One indented line under the current step. */
  line(text: string): void {
    for (const part of text.split('\n')) this.io.stdout.write(`      ${part}\n`);
  }

  heading(text: string): void {
    this.io.stdout.write(`${text}\n`);
  }

  elapsed(): string {
    return seconds(Date.now() - this.started);
  }
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
