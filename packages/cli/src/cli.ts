import { formatLocated, isUserError } from '@mlgate/core';
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
    '  -h, --help     show help (also `mlgate <command> --help`)',
    '  -v, --version  print the version',
    '',
    'Exit codes: 0 pass, 1 failed verdict (validation or gate), 2 usage/config/input error, 3 internal error.',
    '',
  ].join('\n');
}

function find(name: string): Command | undefined {
  return commands.find((c) => c.name === name);
}

export async function runCli(argv: string[], rawIo: CliIo): Promise<ExitCode> {
  // The CLI also runs in workflow steps, where the runner reads both streams for workflow commands:
  // nothing it prints (report text, names, error messages from a pull request) may act as one.
  const io: CliIo = { ...rawIo, stdout: inertWriter(rawIo.stdout), stderr: inertWriter(rawIo.stderr) };
  const [first, ...rest] = argv;
  if (first === undefined || first === '-h' || first === '--help' || first === 'help') {
    const topic = first === 'help' && rest[0] ? find(rest[0]) : undefined;
    io.stdout.write(topic ? topic.help : usage());
    return ExitCode.Pass;
  }
  if (first === '-v' || first === '--version') {
    io.stdout.write(`${version}\n`);
    return ExitCode.Pass;
  }
  const command = find(first);
  if (!command) {
    io.stderr.write(`mlgate: unknown command "${first}" (run \`mlgate --help\` for the list)\n`);
    return ExitCode.UserError;
  }
  if (rest.includes('-h') || rest.includes('--help')) {
    io.stdout.write(command.help);
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
