import { mkdir, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { UserError, mergeReports, readReportFile, renderReportMarkdown, renderReportText } from '@mlgate/core';
import {
  LocalArtifactStore,
  LocalCommentStore,
  consoleLogger,
  stickyMarker,
  upsertStickyComment,
} from '@mlgate/github';
import { parseCommandArgs, type Command } from '../command.js';
import { runCompare } from '../compare/index.js';
import { ExitCode } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { mlgateRepoRoot } from '../repo-root.js';

const DEMO_PULL_REQUEST = 42;
const LOCAL_AUTHOR = 'mlgate-local';

/** What the example project holds, relative to its folder. */
const PROJECT = {
  config: 'mlgate.yml',
  candidate: 'predictions.csv',
  baseline: 'baseline',
  validationReport: join('reports', 'validation.json'),
};

const help = `Usage: mlgate demo [--example <dir>] [--out <dir>]

Runs mlgate's pull-request path locally on the example project, with no GitHub account:
compares the candidate model's predictions with the production baseline's (paired bootstrap
intervals, McNemar, DeLong, per-slice metrics), gates the change with the project's mlgate.yml,
merges the verdict with the data-validation report, renders the markdown the report action posts,
and upserts it as the sticky comment of a local pull request (a folder of JSON comments).
Run it twice: the second run finds its own comment and updates it in place.

Options:
  --example <dir>  the example project (default: examples/churn in this checkout)
  --out <dir>      where to write report.md, report.json and the local comments (default: .mlgate/demo)
`;

export const demoCommand: Command = {
  name: 'demo',
  summary: 'run the pull-request path (compare, gate, report) locally on the example project',
  help,
  async run(argv: string[], io: CliIo) {
    const { values } = parseCommandArgs('demo', argv, {
      example: { type: 'string' },
      out: { type: 'string' },
    });
    const project = values.example ? resolve(io.cwd, values.example) : defaultProject();
    const outDir = resolve(io.cwd, values.out ?? join('.mlgate', 'demo'));
    const shown = (path: string) => relative(io.cwd, path) || '.';

    const compared = await runCompare(
      { ...PROJECT, failOn: 'never', cwd: project },
      {
        artifacts: new LocalArtifactStore(join(outDir, 'artifacts')),
        artifactName: 'mlgate-compare',
        logger: consoleLogger({ stream: io.stderr }),
        now: () => new Date(),
      },
    );
    // Until `mlgate validate` lands, the data-validation half of the report is the example's file.
    const validation = await readReportFile(join(project, PROJECT.validationReport));
    const report = mergeReports([validation, compared.report]);
    const markdown = renderReportMarkdown(report);

    await mkdir(outDir, { recursive: true });
    await writeFile(join(outDir, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
    await writeFile(join(outDir, 'report.md'), markdown);
    const sticky = await upsertStickyComment(
      new LocalCommentStore(join(outDir, 'comments'), { author: LOCAL_AUTHOR }),
      {
        issue: DEMO_PULL_REQUEST,
        marker: stickyMarker('default'),
        body: markdown,
        author: LOCAL_AUTHOR,
      },
    );

    io.stdout.write(renderReportText(report));
    io.stdout.write(
      [
        '',
        `Compared ${shown(join(project, PROJECT.candidate))} with ${shown(join(project, PROJECT.baseline))} under ${shown(join(project, PROJECT.config))}.`,
        `Markdown for the pull request: ${shown(join(outDir, 'report.md'))}`,
        `Sticky comment on local PR #${DEMO_PULL_REQUEST}: ${sticky.action} (comment ${sticky.comment.id} in ${shown(join(outDir, 'comments'))})`,
        `Gate verdict: ${report.verdict.status}. The demo ran to the end; in CI this verdict would ${report.verdict.status === 'fail' ? 'fail' : 'pass'} the compare step.`,
        '',
      ].join('\n'),
    );
    return ExitCode.Pass;
  },
};

function defaultProject(): string {
  const root = mlgateRepoRoot();
  if (!root) throw new UserError('cannot find the example project: pass --example <dir>');
  return join(root, 'examples', 'churn');
}
