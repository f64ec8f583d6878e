import type { ProfileProgress } from '@mlgate/core';
import type { CliIo } from './io.js';

/** A one-line progress report on stderr (`verb: 42% (120 MB, 1,234,567 rows/s)`), redrawn at most ten times a second. */
export function progressLine(io: CliIo, verb: string): (progress: ProfileProgress) => void {
  const started = Date.now();
  let last = 0;
  return ({ bytes, totalBytes, rows }) => {
    const now = Date.now();
    if (now - last < 100) return;
    last = now;
    const seconds = Math.max((now - started) / 1000, 1e-3);
    const percent = totalBytes > 0 ? Math.min(100, (100 * bytes) / totalBytes).toFixed(0) : '100';
    const rate = Math.round(rows / seconds).toLocaleString('en-US');
    io.stderr.write(`\r\x1b[K${verb}: ${percent}% (${(bytes / 1e6).toFixed(0)} MB, ${rate} rows/s)`);
  };
}

/** Clears the progress line so the command's own output starts on a clean line. */
export function clearProgressLine(io: CliIo): void {
  if (io.isTTY) io.stderr.write('\r\x1b[K');
}
