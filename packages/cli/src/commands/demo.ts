import { join, resolve } from 'node:path';
import { UserError, renderReportHtml } from '@mlgate/core';
import { readVegaScripts } from '@mlgate/github';
import { parseCommandArgs, type Command } from '../command.js';
import { checkExampleProject } from '../demo/project.js';
import { runDemo } from '../demo/scenario.js';
import { ExitCode } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { mlgateRepoRoot } from '../repo-root.js';

const help = `Usage: mlgate demo [--out <dir>] [--keep] [--example <dir>]

Runs mlgate's whole loop on the example project (examples/flights-delay: US flights of 2001 from
vega-datasets) in a throwaway git repository, with no GitHub account: validates the new data
(schema checks, drift against the reference period), trains a baseline through the run cache,
registers it and promotes it to production, opens two pull requests that change params.yaml (one
improves the model, one regresses it), trains and compares each with production (paired bootstrap
intervals, per-origin slices) and prints both gate verdicts with their reasons, merges the passing
one (a run-cache hit: main trains nothing), promotes it, shows the registry history and rolls back.
Each pull request's report is written as report.md, report.json and report.html (charts, opens
offline) and upserted as
the sticky comment of a local pull request.

Options:
  --out <dir>      where the reports and local comments go (default: .mlgate/demo)
  --keep           keep the throwaway repository (its path is printed) to look at its log and tags
  --example <dir>  the example project (default: examples/flights-delay in this checkout)

Examples:
  mlgate demo
  mlgate demo --out /tmp/mlgate-demo --keep

Exit codes:
  0  the demo ran to the end (one of its two pull requests fails the gate on purpose)
  1  not used: the demo shows both verdicts and exits 0
  2  usage error, or an --example folder that lacks a file of the project (named)
`;

const OPTIONS = {
  example: { type: 'string' },
  out: { type: 'string' },
  keep: { type: 'boolean' },
} as const;

export const demoCommand: Command = {
  name: 'demo',
  summary: 'run the whole loop (validate, train, register, compare, gate, promote, roll back) on the example project',
  help,
  options: OPTIONS,
  async run(argv: string[], io: CliIo) {
    const { values, positionals } = parseCommandArgs('demo', argv, OPTIONS);
    if (positionals.length > 0)
      throw new UserError(`unexpected argument "${positionals[0]}" (see \`mlgate demo --help\`)`);
    const example = values.example ? resolve(io.cwd, values.example) : defaultProject();
    await checkExampleProject(example, values.example ?? example);
    const scripts = await readVegaScripts(io.workerEntry ?? new URL(import.meta.url));
    await runDemo(
      {
        example,
        out: resolve(io.cwd, values.out ?? join('.mlgate', 'demo')),
        keep: values.keep ?? false,
        html: (report, title) => renderReportHtml(report, { scripts, title }),
      },
      io,
    );
    return ExitCode.Pass;
  },
};

function defaultProject(): string {
  const root = mlgateRepoRoot();
  if (!root) throw new UserError('cannot find the example project: pass --example <dir>');
  return join(root, 'examples', 'flights-delay');
}
