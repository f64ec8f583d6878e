import { mkdirSync, openSync, renameSync } from 'node:fs';
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

/** Writes the CSV to `<out>.partial` and renames it at the end, so an interrupted run never leaves a file that looks complete. */
export function generateCsv(options: GenerateOptions): GenerateResult {
  const started = performance.now();
  mkdirSync(dirname(options.out), { recursive: true });
  const partial = `${options.out}.partial`;
  const out = new ByteWriter(openSync(partial, 'w'));
  const rows = new RowWriter(options.seed, options.shift);
  out.bytes(Buffer.from(HEADER, 'latin1'));
  for (let i = 0; i < options.rows; i++) rows.write(out, i);
  out.close();
  renameSync(partial, options.out);
  return { bytes: out.bytesWritten, seconds: (performance.now() - started) / 1000 };
}
