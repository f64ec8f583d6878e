import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

export interface Measurement {
  exitCode: number;
  wallSeconds: number;
  /** Peak resident set of the child (and its waited-for descendants), or null where it cannot be read. */
  peakRssMb: number | null;
  stdout: string;
  stderr: string;
}

const GNU_TIME = '/usr/bin/time';

/**
 * Runs `argv` and measures wall time and peak RSS from outside, so every engine is measured the same
 * way whatever it is written in: GNU time's %M when installed, else the child's VmHWM polled from /proc.
 */
export async function measure(argv: readonly string[], cwd: string): Promise<Measurement> {
  const [command, ...args] = argv;
  if (!command) throw new Error('measure: empty command');
  const scratch = mkdtempSync(join(tmpdir(), 'mlgate-bench-'));
  const timeOut = join(scratch, 'rss');
  const useTime = existsSync(GNU_TIME);
  const full = useTime ? [GNU_TIME, '-f', '%M', '-o', timeOut, command, ...args] : [command, ...args];
  const started = performance.now();
  const child = spawn(full[0] as string, full.slice(1), { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  let polledKb = 0;
  const poll = useTime ? undefined : setInterval(() => (polledKb = Math.max(polledKb, readHwmKb(child.pid))), 50);
  const exitCode = await new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
  const wallSeconds = (performance.now() - started) / 1000;
  clearInterval(poll);
  const kb = useTime ? lastNumber(existsSync(timeOut) ? readFileSync(timeOut, 'utf8') : '') : polledKb;
  rmSync(scratch, { recursive: true, force: true });
  return { exitCode, wallSeconds, peakRssMb: kb > 0 ? kb / 1024 : null, stdout, stderr };
}

function readHwmKb(pid: number | undefined): number {
  try {
    const match = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/** GNU time writes "Command exited with non-zero status N" before %M when the child fails. */
function lastNumber(text: string): number {
  const lines = text.trim().split('\n');
  return Number(lines[lines.length - 1]) || 0;
}
