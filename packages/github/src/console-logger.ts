import { formatLocated } from '@mlgate/core';
import type { Location } from '@mlgate/core';
import type { Logger } from './logger.js';
import { inertCommands } from './text.js';

export interface ConsoleLoggerOptions {
  /** Defaults to stderr, so a command's stdout stays machine-readable. */
  stream?: { write(text: string): unknown };
  /** Print debug lines. */
  verbose?: boolean;
}

/**
 * The CLI's Logger: plain lines, `file:line:col: message` locations like a compiler's. The CLI may
 * itself run in a workflow step, where the runner reads both streams for workflow commands.
 */
export function consoleLogger({ stream = process.stderr, verbose = false }: ConsoleLoggerOptions = {}): Logger {
  const write = (line: string) => stream.write(`${inertCommands(line)}\n`);
  const located = (prefix: string, message: string, location: Location = {}) =>
    write(`${prefix}: ${formatLocated(message, location)}`);
  return {
    debug: (message) => {
      if (verbose) write(`debug: ${message}`);
    },
    info: (message) => write(message),
    warning: (message, location) => located('warning', message, location),
    error: (message, location) => located('error', message, location),
    async group(name, fn) {
      write(`▸ ${name}`);
      return fn();
    },
  };
}
