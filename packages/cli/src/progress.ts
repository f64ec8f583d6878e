import type { ProfileProgress } from '@mlgate/core';
import type { CliIo } from './io.js';

const BAR_WIDTH = 24;
/** Redraws of the terminal bar, and plain lines in a log, at most this often. */
const TTY_INTERVAL_MS = 100;
const LOG_INTERVAL_MS = 10_000;

export interface ProgressOptions {
  now?: () => number;
}

/**
 * Progress of a long read on stderr: on a terminal a bar redrawn in place
 * (`validating [#########...........]  42% 340 MB, 1,234,567 rows/s`); elsewhere (a CI log) a plain
 * line every ten seconds, so a short run prints nothing and a long one does not look hung.
 */
export function progressLine(
  io: CliIo,
  verb: string,
  { now = Date.now }: ProgressOptions = {},
): (progress: ProfileProgress) => void {
  const started = now();
  let last = started;
  const interval = io.isTTY ? TTY_INTERVAL_MS : LOG_INTERVAL_MS;
  return ({ bytes, totalBytes, rows }) => {
    const at = now();
    if (at - last < interval) return;
    last = at;
    const seconds = Math.max((at - started) / 1000, 1e-3);
    const share = totalBytes > 0 ? Math.min(1, bytes / totalBytes) : 1;
    const percent = `${(100 * share).toFixed(0)}%`;
    const rate = Math.round(rows / seconds).toLocaleString('en-US');
    const megabytes = (bytes / 1e6).toFixed(0);
    if (io.isTTY) {
      const filled = Math.round(share * BAR_WIDTH);
      const bar = `[${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}]`;
      io.stderr.write(`\r\x1b[K${verb} ${bar} ${percent.padStart(4)} ${megabytes} MB, ${rate} rows/s`);
    } else {
      const total = (totalBytes / 1e6).toFixed(0);
      io.stderr.write(
        `${verb}: ${percent} (${megabytes} of ${total} MB, ${rows.toLocaleString('en-US')} rows, ${rate} rows/s)\n`,
      );
    }
  };
}

/** Clears the progress bar so the command's own output starts on a clean line. */
export function clearProgressLine(io: CliIo): void {
  if (io.isTTY) io.stderr.write('\r\x1b[K');
}
