import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UserError, closestMatch } from '@mlgate/core';
import type { ExitCode } from './exit-codes.js';
import type { CliIo } from './io.js';

export type Options = NonNullable<ParseArgsConfig['options']>;

/** A verb under a command (`mlgate registry assign`), with its own help. */
export interface Subcommand {
  name: string;
  summary: string;
  /** Full help text shown by `mlgate <command> <name> --help`: usage, options, examples, exit codes. */
  help: string;
}

export interface Command {
  name: string;
  summary: string;
  /** Full help text shown by `mlgate <name> --help`: usage, options, examples, exit codes. */
  help: string;
  /** Every option the command parses; its help's examples use only these (a test checks). */
  options: Options;
  /** The command's verbs, when it has any; `mlgate <name> <verb> --help` shows the verb's help. */
  subcommands?: readonly Subcommand[];
  run(argv: string[], io: CliIo): Promise<ExitCode>;
}

/**
 * node:util parseArgs with mlgate's error convention: an unknown or malformed option is a
 * usage error (exit 2) with a one-line message, not a TypeError with a stack. An unknown option
 * names the closest known one; a negative number after an option is its value (`--threads -1`
 * then gets the option's own range message, not parseArgs' "ambiguous").
 */
export function parseCommandArgs<O extends Options>(command: string, argv: string[], options: O) {
  const see = `(see \`mlgate ${command} --help\`)`;
  try {
    return parseArgs({ args: joinNegativeValues(argv, options), options, allowPositionals: true, strict: true });
  } catch (error) {
    // Read as a plain object: parseArgs' TypeError may come from another realm (a vm context), where
    // `instanceof Error` is false.
    const { code, message = String(error) } = error as { code?: unknown; message?: string };
    const unknown = /^Unknown option '([^']+)'/.exec(message);
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && unknown) {
      const flag = unknown[1]!;
      const known = Object.keys(options).map((name) => `--${name}`);
      const suggestion = flag.startsWith('--') ? closestMatch(flag.split('=')[0]!, known) : undefined;
      throw new UserError(`unknown option ${flag}${suggestion ? `; did you mean ${suggestion}?` : ''} ${see}`);
    }
    throw new UserError(`${message.split('\n')[0]} ${see}`);
  }
}

/** `--name -1` → `--name=-1` for string options, so a negative number reads as the value it is. */
function joinNegativeValues(argv: readonly string[], options: Options): string[] {
  const joined: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const next = argv[i + 1];
    const option = arg.startsWith('--') ? options[arg.slice(2)] : undefined;
    if (option?.type === 'string' && next !== undefined && /^-\d/.test(next)) {
      joined.push(`${arg}=${next}`);
      i++;
    } else joined.push(arg);
    if (arg === '--') {
      joined.push(...argv.slice(i + 1));
      break;
    }
  }
  return joined;
}
