import type { ProfileProgress } from '@mlgate/core';

export interface ProgressOptions {
  /** Milliseconds between two log lines (a long file logs about this often). */
  intervalMs?: number;
  now?: () => number;
}

/**
 * An `onProgress` callback that logs how far a long read has come (bytes, rows, rows/s) at most
 * once per interval: the runner's log has no progress bar, and a silent step for minutes looks hung.
 */
export function progressLogger(
  label: string,
  log: (line: string) => void,
  { intervalMs = 5000, now = Date.now }: ProgressOptions = {},
): (progress: ProfileProgress) => void {
  const started = now();
  let last = started;
  return ({ bytes, totalBytes, rows }) => {
    const at = now();
    if (at - last < intervalMs) return;
    last = at;
    const seconds = (at - started) / 1000;
    const percent = totalBytes > 0 ? ` (${((100 * bytes) / totalBytes).toFixed(1)}%)` : '';
    const rate = seconds > 0 ? Math.round(rows / seconds) : 0;
    log(
      `${label}: ${megabytes(bytes)} of ${megabytes(totalBytes)}${percent}, ${rows.toLocaleString('en-US')} rows, ` +
        `${rate.toLocaleString('en-US')} rows/s`,
    );
  };
}

function megabytes(bytes: number): string {
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}
