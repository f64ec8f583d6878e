import { existsSync, mkdirSync, openSync, renameSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ByteWriter } from './byte-writer.js';
import { HEADER, RowWriter } from './dataset.js';

export interface GenerateOptions {
  rows: number;
  out: string;
  seed: number;
  shift: boolean;
}

export interface GenerateResult {
  bytes: number;
  seconds: number;
}

/**
 * Writes the CSV to `<out>.partial` and renames it at the end, so an interrupted run never leaves a
 * file that looks complete. A device or pipe (`/dev/null`) is written directly: renaming over it
 * would replace the device node with a regular file.
 */
export function generateCsv(options: GenerateOptions): GenerateResult {
  const started = performance.now();
  mkdirSync(dirname(options.out), { recursive: true });
  const direct = existsSync(options.out) && !statSync(options.out).isFile();
  const partial = direct ? options.out : `${options.out}.partial`;
  const out = new ByteWriter(openSync(partial, 'w'));
  const rows = new RowWriter(options.seed, options.shift);
  out.bytes(Buffer.from(HEADER, 'latin1'));
  for (let i = 0; i < options.rows; i++) rows.write(out, i);
  out.close();
  if (!direct) renameSync(partial, options.out);
  return { bytes: out.bytesWritten, seconds: (performance.now() - started) / 1000 };
}
