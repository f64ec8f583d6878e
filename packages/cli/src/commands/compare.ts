import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import {
  type PredictionTaskName,
  type PredictionsFormat,
  type ScoreType,
  UserError,
  renderReportMarkdown,
  renderReportText,
} from '@mlgate/core';
import {
  consoleLogger,
  GitRegistryStore,
  inertJson,
  LocalArtifactStore,
  LocalReleaseFiles,
  RegistryBaselineResolver,
} from '@mlgate/github';
import { BootstrapPool, FAIL_ON, type FailOn, parseThreads, runCompare } from '@mlgate/engine';
import { parseCommandArgs, type Command } from '../command.js';
import { ExitCode } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { checkOutputs, writeOutput } from '../outputs.js';

/** Where `branch:` baselines are looked up locally: `<runId>/run.json` and `<runId>/<artifact>/…`. */
export const LOCAL_ARTIFACTS_DIR = join('.mlgate', 'artifacts');
/** Where a registered version's files are looked up locally: `<tag>/…`, e.g. `churn@v1.3.0/metrics.json`. */
export const LOCAL_RELEASES_DIR = join('.mlgate', 'releases');
const DEFAULT_ARTIFACT = 'mlgate-compare';
const DEFAULT_WORKFLOW = 'ci.yml';

const help = `Usage: mlgate compare --candidate <file> [options]

Compare a candidate model with its baseline and gate the change. The candidate is a metrics file
(JSON, YAML, TOML, CSV/TSV; nested keys flattened with "."), a predictions file (CSV/TSV, JSON
Lines or Parquet with id and label columns: metrics with paired bootstrap intervals and slices)
or an mlgate.manifest.json. Without --candidate, the model's predictions or metrics from the
config are used.

Options:
  --candidate <file>          the candidate's metrics, predictions or manifest file
  --predictions               read the candidate as a predictions file whatever its name
  --baseline <spec>           registry:<model>#<stage>, branch:<name> or a file or folder path;
                              without it the comparison is a first run (on_missing_baseline decides)
  --config <file>             mlgate.yml (default: ./mlgate.yml when it exists, else defaults)
  --model <name>              the model in the config, and its name in the report
  --validation-report <file>  a validate report, for gate.require: [data_validation]
  --task <task>               binary, multiclass or regression (default: the model's task in the
                              config, else detected from the labels; the report says which)
  --positive-class <label>    the positive class of a binary model (default: the config's; 1, true,
                              yes or positive need none, other labels must be named)
  --score-type <type>         probability, logit or decision (default: the config's, else
                              probability when every score is in [0, 1], else ranking metrics only)
  --id-column, --label-column, --prediction-column, --score-column <name>
                              column names of the predictions files, when not the defaults
  --fail-on <when>            fail (default), warn or never: which verdict exits 1
  --artifact-name <name>      artifact a branch: baseline is read from (default ${DEFAULT_ARTIFACT})
  --workflow <file>           workflow whose runs hold it (default ${DEFAULT_WORKFLOW})
  --json                      print the report JSON instead of the table
  -o, --out <file>            write the report JSON to this file
  --markdown <file>           write the report as markdown (what the compare action posts)
  --threads <n>               threads for the bootstrap of large prediction files (default: one
                              per CPU; any count gives the same intervals)

branch: baselines are read from ${LOCAL_ARTIFACTS_DIR}/<runId>/ under the working directory: a
run.json ({"schema":"mlgate/run@1","workflow","branch","headSha","event","conclusion"}) and the
artifact's files in <runId>/<artifact-name>/. The newest successful run of the workflow wins.

registry: baselines read the git tags of the working directory's repository in GTO's grammar
(churn@v1.3.0 registers a version, churn#production#4 assigns a stage, the highest number wins)
and the version's files from ${LOCAL_RELEASES_DIR}/<tag>/ (e.g. ${LOCAL_RELEASES_DIR}/churn@v1.3.0/).

Examples:
  mlgate compare --candidate out/predictions.csv --baseline registry:flights-delay#production --markdown report.md
  mlgate compare --candidate out/metrics.json --baseline branch:main --fail-on warn --json
  mlgate compare --model churn --baseline baseline/predictions.csv --validation-report reports/validation.json -o reports/comparison.json

Exit codes:
  0  the gate passes (or warns)
  1  the gate fails (with --fail-on warn also a warning; never: nothing exits 1)
  2  usage, configuration or input error: a missing file, an unknown key in mlgate.yml (with its line),
     predictions that cannot be paired, a baseline that cannot be found
`;

const OPTIONS = {
  candidate: { type: 'string' },
  predictions: { type: 'boolean' },
  baseline: { type: 'string' },
  config: { type: 'string' },
  model: { type: 'string' },
  'validation-report': { type: 'string' },
  task: { type: 'string' },
  'positive-class': { type: 'string' },
  'score-type': { type: 'string' },
  'id-column': { type: 'string' },
  'label-column': { type: 'string' },
  'prediction-column': { type: 'string' },
  'score-column': { type: 'string' },
  'fail-on': { type: 'string' },
  'artifact-name': { type: 'string' },
  workflow: { type: 'string' },
  json: { type: 'boolean' },
  out: { type: 'string', short: 'o' },
  markdown: { type: 'string' },
  threads: { type: 'string' },
} as const;

export const compareCommand: Command = {
  name: 'compare',
  summary: 'compare a candidate model with its baseline and gate the change',
  help,
  options: OPTIONS,
  async run(argv: string[], io: CliIo) {
    const { values, positionals } = parseCommandArgs('compare', argv, OPTIONS);
    if (positionals.length > 0) {
      throw new UserError(`unexpected argument "${positionals[0]}"; name the candidate with --candidate`);
    }
    const failOn = parseFailOn(values['fail-on']);
    await checkOutputs(io.cwd, [values.out, values.markdown]);
    const threads = parseThreads(values.threads) ?? availableParallelism();
    const pool = io.workerEntry && threads > 1 ? new BootstrapPool(io.workerEntry, threads) : undefined;
    const logger = consoleLogger({ stream: io.stderr });
    const { report, exitCode } = await runCompare(
      {
        ...(values.candidate !== undefined && { candidate: values.candidate }),
        ...(values.predictions && { predictions: true }),
        ...(values.baseline !== undefined && { baseline: values.baseline }),
        ...(values.config !== undefined && { config: values.config }),
        ...(values.model !== undefined && { model: values.model }),
        ...(values['validation-report'] !== undefined && { validationReport: values['validation-report'] }),
        format: predictionsFlags(values),
        formatOverrides: { positiveClass: '--positive-class', scoreType: '--score-type' },
        failOn,
        cwd: io.cwd,
      },
      {
        artifacts: new LocalArtifactStore(resolve(io.cwd, LOCAL_ARTIFACTS_DIR)),
        artifactName: values['artifact-name'] ?? DEFAULT_ARTIFACT,
        workflow: values.workflow ?? DEFAULT_WORKFLOW,
        registry: new RegistryBaselineResolver(
          new GitRegistryStore(io.cwd),
          new LocalReleaseFiles(resolve(io.cwd, LOCAL_RELEASES_DIR)),
          logger,
        ),
        logger,
        now: () => new Date(),
        ...(pool && { deltas: pool.deltas }),
      },
    ).finally(() => pool?.close());
    if (pool?.used) logger.info(`The bootstrap ran on ${threads} worker threads.`);
    const json = inertJson(report);
    if (values.out) await writeOutput(io.cwd, values.out, json);
    if (values.markdown) await writeOutput(io.cwd, values.markdown, renderReportMarkdown(report));
    io.stdout.write(values.json ? json : renderReportText(report));
    return exitCode === 1 ? ExitCode.Failed : ExitCode.Pass;
  },
};

const TASKS: readonly PredictionTaskName[] = ['binary', 'multiclass', 'regression'];
const SCORE_TYPES: readonly ScoreType[] = ['probability', 'logit', 'decision'];

/** `--task`, `--positive-class`, `--score-type` and the column flags, over the config's settings. */
function predictionsFlags(values: Record<string, string | boolean | undefined>): PredictionsFormat {
  const text = (flag: string): string | undefined => {
    const value = values[flag];
    return typeof value === 'string' ? value : undefined;
  };
  const columns = {
    ...optionalFlag('id', text('id-column')),
    ...optionalFlag('label', text('label-column')),
    ...optionalFlag('prediction', text('prediction-column')),
    ...optionalFlag('score', text('score-column')),
  };
  return {
    ...optionalFlag('task', oneOf('--task', text('task'), TASKS)),
    ...optionalFlag('positiveClass', text('positive-class')),
    ...optionalFlag('scoreType', oneOf('--score-type', text('score-type'), SCORE_TYPES)),
    ...(Object.keys(columns).length > 0 && { columns }),
  };
}

function optionalFlag<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}

function oneOf<T extends string>(flag: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UserError(`${flag}: expected one of ${allowed.join(', ')}, got ${JSON.stringify(value)}`);
}

function parseFailOn(value: string | undefined): FailOn {
  return oneOf('--fail-on', value, FAIL_ON) ?? 'fail';
}
