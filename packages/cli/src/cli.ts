import { closestMatch, formatLocated, isUserError } from '@mlgate/core';
import { inertWriter } from '@mlgate/github';
import type { Command } from './command.js';
import { ExitCode } from './exit-codes.js';
import type { CliIo } from './io.js';
import { commands } from './commands/index.js';
import { version } from './version.js';

function usage(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return [
    'mlgate — continuous delivery for machine learning',
    '',
    'Usage: mlgate <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    'Global options:',
    '  -h, --help     show help (`mlgate <command> [<subcommand>] --help`: its options, examples and exit codes)',
    '  -v, --version  print the version',
    '',
    'Examples:',
    '  mlgate demo',
    '  mlgate validate data/train.csv --schema data/schema.yml --reference data/reference.csv',
    '  mlgate registry assign --help',
    '',
    'Exit codes:',
    '  0  the command ran and its verdict passed (or only warned)',
    '  1  the command ran and its verdict is a failure (a validation, a gate, a refused promotion)',
    '  2  usage, configuration or input error: nothing was judged; one line names the file, key or option',
    '  3  a bug in mlgate',
    '',
  ].join('\n');
}

function find(name: string | undefined): Command | undefined {
  return commands.find((c) => c.name === name);
}

/** The help of `mlgate <command> [<subcommand>]`: the subcommand's when `args` starts with one. */
function helpOf(command: Command, args: readonly string[]): string {
  return command.subcommands?.find((s) => s.name === args[0])?.help ?? command.help;
}

function unknownCommand(name: string, io: CliIo): ExitCode {
  const suggestion = closestMatch(
    name,
    commands.map((c) => c.name),
  );
  io.stderr.write(
    `mlgate: unknown command "${name}"${suggestion ? ` (did you mean "${suggestion}"?)` : ''}; run \`mlgate --help\` for the list\n`,
  );
  return ExitCode.UserError;
}

export async function runCli(argv: string[], rawIo: CliIo): Promise<ExitCode> {
  // The CLI also runs in workflow steps, where the runner reads both streams for workflow commands:
  // nothing it prints (report text, names, error messages from a pull request) may act as one.
  const io: CliIo = { ...rawIo, stdout: inertWriter(rawIo.stdout), stderr: inertWriter(rawIo.stderr) };
  const [first, ...rest] = argv;
  if (first === undefined || first === '-h' || first === '--help' || first === 'help') {
    const topic = first === 'help' ? find(rest[0]) : undefined;
    if (first === 'help' && rest[0] !== undefined && !topic) return unknownCommand(rest[0], io);
    io.stdout.write(topic ? helpOf(topic, rest.slice(1)) : usage());
    return ExitCode.Pass;
  }
  if (first === '-v' || first === '--version') {
    io.stdout.write(`${version}\n`);
    return ExitCode.Pass;
  }
  const command = find(first);
  if (!command) return unknownCommand(first, io);
  if (rest.includes('-h') || rest.includes('--help')) {
    io.stdout.write(helpOf(command, rest));
    return ExitCode.Pass;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (isUserError(error)) {
      io.stderr.write(`mlgate ${command.name}: ${formatLocated(error.message, error.location)}\n`);
      return ExitCode.UserError;
    }
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.stderr.write(`mlgate ${command.name}: internal error (a bug in mlgate, please report it):\n${detail}\n`);
    return ExitCode.Internal;
  }
}
