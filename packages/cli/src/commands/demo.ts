import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { UserError, mergeReports, readReportFile, renderReportMarkdown, renderReportText } from '@mlgate/core';
import { LocalCommentStore, stickyMarker, upsertStickyComment } from '@mlgate/github';
import { parseCommandArgs, type Command } from '../command.js';
import { ExitCode } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { mlgateRepoRoot } from '../repo-root.js';

const DEMO_PULL_REQUEST = 42;
const LOCAL_AUTHOR = 'mlgate-local';

const help = `Usage: mlgate demo [--example <dir>] [--out <dir>]

Runs mlgate's pull-request report path locally, with no GitHub account: reads the example
project's reports, merges them into one verdict, renders the markdown the report action posts,
and upserts it as the sticky comment of a local pull request (a folder of JSON comments).
Run it twice: the second run finds its own comment and leaves it unchanged.

Options:
  --example <dir>  folder of report JSON files (default: examples/churn/reports in this checkout)
  --out <dir>      where to write report.md, report.json and the local comments (default: .mlgate/demo)
`;

export const demoCommand: Command = {
  name: 'demo',
  summary: 'run the pull-request report path locally on the example project',
  help,
  async run(argv: string[], io: CliIo) {
    const { values } = parseCommandArgs('demo', argv, {
      example: { type: 'string' },
      out: { type: 'string' },
    });
    const exampleDir = values.example ? resolve(io.cwd, values.example) : defaultExampleDir();
    const outDir = resolve(io.cwd, values.out ?? join('.mlgate', 'demo'));

    const files = (await readdir(exampleDir)).filter((f) => f.endsWith('.json')).sort();
    if (files.length === 0) throw new UserError('no report JSON files found', { file: exampleDir });
    const report = mergeReports(await Promise.all(files.map((f) => readReportFile(join(exampleDir, f)))));
    const markdown = renderReportMarkdown(report);

    await mkdir(outDir, { recursive: true });
    await writeFile(join(outDir, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
    await writeFile(join(outDir, 'report.md'), markdown);
    const store = new LocalCommentStore(join(outDir, 'comments'), { author: LOCAL_AUTHOR });
    const sticky = await upsertStickyComment(store, {
      issue: DEMO_PULL_REQUEST,
      marker: stickyMarker('default'),
      body: markdown,
      author: LOCAL_AUTHOR,
    });

    const shown = (path: string) => relative(io.cwd, path) || '.';
    io.stdout.write(renderReportText(report));
    io.stdout.write(
      [
        '',
        `Read ${files.length} reports from ${shown(exampleDir)}.`,
        `Markdown for the pull request: ${shown(join(outDir, 'report.md'))}`,
        `Sticky comment on local PR #${DEMO_PULL_REQUEST}: ${sticky.action} (comment ${sticky.comment.id} in ${shown(join(outDir, 'comments'))})`,
        `Gate verdict: ${report.verdict.status}. The demo succeeded; \`mlgate report\` would exit ${report.verdict.status === 'fail' ? 1 : 0} on this verdict.`,
        '',
      ].join('\n'),
    );
    return ExitCode.Pass;
  },
};

function defaultExampleDir(): string {
  const root = mlgateRepoRoot();
  if (!root) throw new UserError('cannot find the example project: pass --example <dir>');
  return join(root, 'examples', 'churn', 'reports');
}
