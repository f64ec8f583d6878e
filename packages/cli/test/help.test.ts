/**
 * Every command and subcommand of the CLI, enumerated from its own command table (so a new one is covered
 * without touching this test): `--help` shows its usage, options, at least one example that uses only options
 * the command parses, and the exit codes; and typical bad input (an unknown option, a missing file, a
 * misspelt key in a YAML file) is one line on stderr naming the option, file or key, with exit 2.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../src/cli.js';
import type { Command } from '../src/command.js';
import { commands } from '../src/commands/index.js';
import { capture } from './capture-io.js';

interface Topic {
  /** `validate`, `registry assign`, … */
  path: string;
  command: Command;
  help: string;
}

const topics: Topic[] = commands.flatMap((command) => [
  { path: command.name, command, help: command.help },
  ...(command.subcommands ?? []).map((sub) => ({ path: `${command.name} ${sub.name}`, command, help: sub.help })),
]);
const paths = topics.map((t) => t.path);

let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'mlgate-help-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function mlgate(...args: string[]) {
  const captured = capture(work);
  const code = await runCli(args, captured.io);
  return { code, stdout: captured.out(), stderr: captured.err() };
}

/** The lines of a help section (`Examples:`, `Exit codes:`, `Options:`…) up to the next blank line. */
function section(help: string, title: string): string[] {
  const lines = help.split('\n');
  const start = lines.indexOf(`${title}:`);
  if (start < 0) return [];
  const end = lines.indexOf('', start);
  return lines.slice(start + 1, end < 0 ? undefined : end);
}

/** An example's command line as words (quotes and `\` continuations honoured, `# comments` dropped). */
function words(example: string): string[] {
  const line = example.replace(/\s+#\s.*$/, '');
  return [...line.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]!);
}

/** The examples of a help text, continuation lines joined. */
function examples(help: string): string[] {
  return section(help, 'Examples')
    .join('\n')
    .replace(/\\\n\s*/g, '')
    .split('\n')
    .map((line) => line.trim());
}

/** The long and short options a command parses: `--json`, `-o`. */
function parsed(command: Command): Set<string> {
  return new Set(
    Object.entries(command.options).flatMap(([name, option]) => [
      `--${name}`,
      ...(option.short ? [`-${option.short}`] : []),
    ]),
  );
}

/** The options a help text documents: the first word of each `Options` line that starts with a dash. */
function documented(help: string): string[] {
  return help
    .split('\n')
    .filter((line) => /^ {2}-/.test(line))
    .flatMap((line) =>
      line
        .trim()
        .split(/\s{2,}/)[0]!
        .split(/,\s*/),
    )
    .map((flag) => flag.split(/[\s=]/)[0]!);
}

describe('the command table', () => {
  it('holds every command, each with subcommands where it has verbs', () => {
    // A floor, not the list: the enumeration below is what the tests run on.
    expect(paths).toEqual(
      expect.arrayContaining([
        'validate',
        'schema infer',
        'profile',
        'profile merge',
        'train',
        'compare',
        'report',
        'registry show',
        'registry assign',
        'demo',
      ]),
    );
  });

  it('`mlgate --help` lists every command, and a parent command lists its subcommands', async () => {
    const top = await mlgate('--help');
    expect(top.code).toBe(0);
    for (const command of commands) expect(top.stdout).toMatch(new RegExp(`^ {2}${command.name} +\\S`, 'm'));
    for (const command of commands.filter((c) => c.subcommands)) {
      for (const sub of command.subcommands!) expect(command.help).toContain(sub.name);
    }
    expect(section(top.stdout, 'Exit codes').map((line) => line.trim()[0])).toEqual(['0', '1', '2', '3']);
  });
});

describe.each(topics)('mlgate $path --help', ({ path, command, help }) => {
  it('is printed by --help, -h and `mlgate help`, exit 0', async () => {
    const argv = path.split(' ');
    for (const args of [
      [...argv, '--help'],
      [...argv, '-h'],
      ['help', ...argv],
    ]) {
      const run = await mlgate(...args);
      expect({ code: run.code, stdout: run.stdout, stderr: run.stderr }).toEqual({ code: 0, stdout: help, stderr: '' });
    }
    expect(help).toMatch(new RegExp(`^Usage: mlgate ${path}\\b`));
  });

  it('has at least one example of this very command, using only options it parses', () => {
    const lines = examples(help);
    expect(lines.length).toBeGreaterThan(0);
    const known = parsed(command);
    for (const line of lines) {
      const argv = words(line);
      expect(argv.slice(0, 1 + path.split(' ').length).join(' ')).toBe(`mlgate ${path}`);
      const flags = argv.filter((word) => /^--?[a-z]/.test(word)).map((flag) => flag.split('=')[0]!);
      expect(flags.filter((flag) => !known.has(flag))).toEqual([]);
    }
  });

  it('documents the exit codes 0, 1 and 2, each with its meaning', () => {
    const codes = section(help, 'Exit codes')
      .filter((line) => /^ {2}\d /.test(line))
      .map((line) => line.trim().split(/\s+/)[0]);
    expect(codes).toEqual(['0', '1', '2']);
    for (const line of section(help, 'Exit codes')) expect(line.trim().length).toBeGreaterThan(6);
  });

  it('documents only options the command parses', () => {
    const known = parsed(command);
    expect(documented(help).filter((flag) => !known.has(flag))).toEqual([]);
  });
});

describe.each(commands)('mlgate $name', (command) => {
  it("documents, across its help and its subcommands', every option it parses", () => {
    const helps = [command.help, ...(command.subcommands ?? []).map((s) => s.help)];
    const shown = new Set(helps.flatMap(documented));
    const long = Object.keys(command.options).map((name) => `--${name}`);
    expect(long.filter((flag) => !shown.has(flag))).toEqual([]);
  });

  /** Commands whose output is not a report: `schema infer` prints the schema (YAML), `demo` narrates a story. */
  const NO_REPORT = ['schema', 'demo'];
  it(NO_REPORT.includes(command.name) ? 'has no report, so no --json' : 'prints its report with --json', () => {
    expect('json' in command.options).toBe(!NO_REPORT.includes(command.name));
  });
});

/** The one stderr line of a refused run, and its exit code. */
async function refused(...args: string[]) {
  const run = await mlgate(...args);
  return { code: run.code, stderr: run.stderr, stdout: run.stdout };
}

describe.each(topics)('mlgate $path with bad input', ({ path, command }) => {
  it('an unknown option is one line naming it, exit 2', async () => {
    const run = await refused(...path.split(' '), '--no-such-option');
    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr: `mlgate ${command.name}: unknown option --no-such-option (see \`mlgate ${path} --help\`)\n`,
    });
  });

  it('a misspelt option names the closest one', async () => {
    const option = Object.keys(command.options).find((name) => name.length >= 5);
    if (option === undefined) return;
    const typo = `--${option.slice(0, -1)}${option.at(-1) === 'x' ? 'y' : 'x'}`;
    const run = await refused(...path.split(' '), typo);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `mlgate ${command.name}: unknown option ${typo}; did you mean --${option}? (see \`mlgate ${path} --help\`)\n`,
    );
  });
});

/**
 * A missing input file for every subcommand that reads one (keyed by its path in the table, so a new command that
 * reads a file without an entry here fails the check below), and those that read none.
 */
const MISSING_FILE: Record<string, string[]> = {
  validate: ['validate', 'nope.csv'],
  schema: ['schema', 'infer', 'nope.csv'],
  'schema infer': ['schema', 'infer', 'nope.csv'],
  profile: ['profile', 'nope.csv'],
  'profile merge': ['profile', 'merge', 'nope.csv', 'nope.csv'],
  train: ['train', '--config', 'nope.csv'],
  compare: ['compare', '--candidate', 'nope.csv'],
  report: ['report', 'nope.csv'],
  registry: ['registry', 'register', 'churn', '--manifest', 'nope.csv'],
  'registry register': ['registry', 'register', 'churn', '--manifest', 'nope.csv'],
  'registry assign': ['registry', 'assign', 'churn@v1.0.0', 'production', '--config', 'nope.csv'],
  demo: ['demo', '--example', 'nope'],
};
const READS_NO_FILE = [
  'registry show',
  'registry history',
  'registry unassign',
  'registry deregister',
  'registry deprecate',
];

describe('a missing file', () => {
  it('every command and subcommand is covered here or reads no file', () => {
    expect(paths.filter((path) => !(path in MISSING_FILE) && !READS_NO_FILE.includes(path))).toEqual([]);
  });

  it.each(Object.entries(MISSING_FILE))('%s: one line naming the file, exit 2', async (path, args) => {
    const run = await refused(...args);
    const line = path === 'demo' ? 'nope: folder not found' : 'nope.csv: file not found';
    expect(run).toEqual({ code: 2, stdout: '', stderr: `mlgate ${path.split(' ')[0]}: ${line}\n` });
  });

  it('an example folder without the project is named with what it lacks', async () => {
    expect(await refused('demo', '--example', '.')).toEqual({
      code: 2,
      stdout: '',
      stderr: expect.stringMatching(/^mlgate demo: \.: is not the example project: it has no mlgate\.yml, .*\n$/),
    });
  });
});

describe('a misspelt key in a YAML file names the file, its line and the key', () => {
  beforeAll(() => {
    writeFileSync(join(work, 'metrics.json'), '{"roc_auc": 0.8}\n');
    writeFileSync(join(work, 'data.csv'), 'id,price\n1,10\n');
    writeFileSync(
      join(work, 'typo.yml'),
      'version: 1\nmodels:\n  churn:\n    metrics: [metrics.json]\ngate:\n  metrics:\n    roc_auc: { mni: 0.7 }\n',
    );
    writeFileSync(join(work, 'schema.yml'), 'version: 1\ncolumns:\n  price: { type: number, maximum: 25 }\n');
  });

  it.each([
    ['compare', ['compare', '--candidate', 'metrics.json', '--config', 'typo.yml']],
    ['train', ['train', 'churn', '--config', 'typo.yml']],
    ['registry', ['registry', 'assign', 'churn@v1.0.0', 'production', '--config', 'typo.yml']],
  ])('mlgate.yml, read by %s', async (command, args) => {
    const run = await refused(...args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      `mlgate ${command}: typo.yml:7:16: gate.metrics.roc_auc: unknown key "mni", did you mean "min"? ` +
        '(allowed: direction, min, max, max_regression, significance, require_significance)\n',
    );
  });

  it('a data schema, read by validate', async () => {
    const run = await refused('validate', 'data.csv', '--schema', 'schema.yml');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^mlgate validate: schema\.yml:3:\d+: columns\.price: unknown key "maximum".*\n$/);
  });
});
