import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UserError } from '@mlgate/core';
import type { ExitCode } from './exit-codes.js';
import type { CliIo } from './io.js';

export interface Command {
  name: string;
  summary: string;
  /** Full help text shown by `mlgate <name> --help`. */
  help: string;
  run(argv: string[], io: CliIo): Promise<ExitCode>;
}

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * node:util parseArgs with mlgate's error convention: an unknown or malformed option is a
 * usage error (exit 2) with a one-line message, not a TypeError with a stack.
 */
export function parseCommandArgs<O extends Options>(command: string, argv: string[], options: O) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new UserError(`${message.split('\n')[0]} (see \`mlgate ${command} --help\`)`);
  }
}
