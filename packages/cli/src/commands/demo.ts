import { mkdir, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { UserError, mergeReports, renderReportMarkdown, renderReportText, type Report } from '@mlgate/core';
import {
  LocalArtifactStore,
  LocalCommentStore,
  consoleLogger,
  stickyMarker,
  upsertStickyComment,
} from '@mlgate/github';
import { loadCompareConfig, runCompare, runValidate } from '@mlgate/engine';
import { parseCommandArgs, type Command } from '../command.js';
import { ExitCode } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { mlgateRepoRoot } from '../repo-root.js';

const DEMO_PULL_REQUEST = 42;
const LOCAL_AUTHOR = 'mlgate-local';

/** What the example project holds, relative to its folder (its datasets are in the config). */
const PROJECT = {
  config: 'mlgate.yml',
  candidate: 'predictions.csv',
  baseline: 'baseline',
};

const help = `Usage: mlgate demo [--example <dir>] [--out <dir>]

Runs mlgate's pull-request path locally on the example project, with no GitHub account:
validates each dataset of the project's mlgate.yml (schema checks and drift against the
reference), compares the candidate model's predictions with the production baseline's (paired
bootstrap intervals, McNemar, DeLong, per-slice metrics), gates the change (the gate requires
the data validation), renders the markdown the report action posts, and upserts it as the sticky
comment of a local pull request (a folder of JSON comments).
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

    const logger = consoleLogger({ stream: io.stderr });
    await mkdir(outDir, { recursive: true });
    const validations = await validateDatasets(project, io);
    const validationReport = join(outDir, 'validation.json');
    await writeFile(validationReport, `${JSON.stringify(mergeReports(validations), null, 2)}\n`);
    const compared = await runCompare(
      { ...PROJECT, validationReport, failOn: 'never', cwd: project },
      {
        artifacts: new LocalArtifactStore(join(outDir, 'artifacts')),
        artifactName: 'mlgate-compare',
        logger,
        now: () => new Date(),
      },
    );
    const report = mergeReports([...validations, compared.report]);
    const markdown = renderReportMarkdown(report);

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
        `Validated ${validations.length} dataset(s) and compared ${shown(join(project, PROJECT.candidate))} with ${shown(join(project, PROJECT.baseline))} under ${shown(join(project, PROJECT.config))}.`,
        `Markdown for the pull request: ${shown(join(outDir, 'report.md'))}`,
        `Sticky comment on local PR #${DEMO_PULL_REQUEST}: ${sticky.action} (comment ${sticky.comment.id} in ${shown(join(outDir, 'comments'))})`,
        `Gate verdict: ${report.verdict.status}. The demo ran to the end; in CI this verdict would ${report.verdict.status === 'fail' ? 'fail' : 'pass'} the compare step.`,
        '',
      ].join('\n'),
    );
    return ExitCode.Pass;
  },
};

/** Each dataset of the project's config, validated against its schema and reference. */
async function validateDatasets(project: string, io: CliIo): Promise<Report[]> {
  const { config } = await loadCompareConfig(PROJECT.config, project);
  const reports: Report[] = [];
  for (const dataset of Object.values(config.data)) {
    const { report } = await runValidate(
      {
        data: dataset.path,
        cwd: project,
        ...(dataset.schema !== undefined && { schema: dataset.schema }),
        ...(dataset.reference !== undefined && { reference: dataset.reference }),
      },
      { ...(io.workerEntry && { workerEntry: io.workerEntry }) },
    );
    reports.push(report);
  }
  if (reports.length === 0) throw new UserError(`${PROJECT.config} of the example project lists no data to validate`);
  return reports;
}

function defaultProject(): string {
  const root = mlgateRepoRoot();
  if (!root) throw new UserError('cannot find the example project: pass --example <dir>');
  return join(root, 'examples', 'churn');
}
