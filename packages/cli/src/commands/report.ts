import { resolve } from 'node:path';
import {
  UserError,
  mergeReports,
  readReportFile,
  renderReportHtml,
  renderReportMarkdown,
  renderReportText,
} from '@mlgate/core';
import { inertJson, readVegaScripts } from '@mlgate/github';
import { parseCommandArgs, type Command } from '../command.js';
import { ExitCode } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { checkOutputs, writeOutput } from '../outputs.js';

const FORMATS = ['text', 'markdown', 'json'] as const;
type Format = (typeof FORMATS)[number];

const help = `Usage: mlgate report <report.json>... [options]

Merge mlgate report files and render them: a terminal summary, the markdown that the report
action posts on a pull request, or the merged report JSON.

Options:
  --format <f>   text (default), markdown or json
  --json         same as --format json
  -o, --out <p>  also write the rendered output to this file
  --html <p>     also write the report as a self-contained HTML page with charts (opens offline)

Examples:
  mlgate report reports/validation.json reports/comparison.json --format markdown -o report.md
  mlgate report reports/comparison.json --html report.html
  mlgate report reports/*.json --json

Exit codes:
  0  the merged verdict passes (or warns)
  1  the merged verdict fails
  2  a missing file, a file that is not an mlgate report (named, with the key that is wrong), a bad option
`;

const OPTIONS = {
  format: { type: 'string' },
  json: { type: 'boolean' },
  out: { type: 'string', short: 'o' },
  html: { type: 'string' },
} as const;

export const reportCommand: Command = {
  name: 'report',
  summary: 'merge report JSON files and render them as text, markdown or JSON',
  help,
  options: OPTIONS,
  async run(argv: string[], io: CliIo) {
    const { values, positionals } = parseCommandArgs('report', argv, OPTIONS);
    if (positionals.length === 0)
      throw new UserError('give at least one report JSON file (see `mlgate report --help`)');
    const format = values.json ? 'json' : parseFormat(values.format);
    await checkOutputs(io.cwd, [values.out, values.html]);

    const reports = [];
    for (const file of positionals) reports.push(await readReportFile(resolve(io.cwd, file), { name: file }));
    const report = mergeReports(reports);

    const rendered =
      format === 'json'
        ? inertJson(report)
        : format === 'markdown'
          ? renderReportMarkdown(report)
          : renderReportText(report);
    if (values.html) {
      // The CLI's entry: the bundle keeps the browser builds beside it; run from source, node_modules has them.
      const scripts = await readVegaScripts(io.workerEntry ?? new URL(import.meta.url));
      await writeOutput(io.cwd, values.html, renderReportHtml(report, { scripts }));
    }
    io.stdout.write(rendered);
    if (values.out) await writeOutput(io.cwd, values.out, rendered);
    return report.verdict.status === 'fail' ? ExitCode.Failed : ExitCode.Pass;
  },
};

function parseFormat(value: string | undefined): Format {
  if (value === undefined) return 'text';
  if ((FORMATS as readonly string[]).includes(value)) return value as Format;
  throw new UserError(`--format: expected one of ${FORMATS.join(', ')}, got ${JSON.stringify(value)}`);
}
