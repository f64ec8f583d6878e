import type { CliIo } from '../src/io.js';

export interface Captured {
  io: CliIo;
  out: () => string;
  err: () => string;
}

/** A CliIo that records what a command writes, for asserting on it. */
export function capture(cwd: string, isTTY = false): Captured {
  let out = '';
  let err = '';
  return {
    io: {
      stdout: { write: (text: string) => (out += text) },
      stderr: { write: (text: string) => (err += text) },
      cwd,
      env: {},
      isTTY,
    },
    out: () => out,
    err: () => err,
  };
}
