import { MAX_REPORTED_ISSUES, UserError, parseShardSpec, renderReportText } from '@mlgate/core';
import {
  VALIDATE_FAIL_ON,
  type ValidateFailOn,
  type ValidateResult,
  exactValuesSetting,
  parseExactValues,
  parseDataFormat,
  parseDelimiter,
  parseThreads,
  runValidate,
  validationFails,
} from '@mlgate/engine';
import { inertJson } from '@mlgate/github';
import { parseCommandArgs, type Command } from '../command.js';
import { ExitCode } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { checkOutputs, writeOutput } from '../outputs.js';
import { clearProgressLine, progressLine } from '../progress.js';

const help = `Usage: mlgate validate <data> [options]

Validate a CSV, TSV, JSON Lines or Parquet file (text formats optionally gzip-compressed) in one
streaming pass: every row is checked against the schema while the file is profiled, and rows that
cannot be read (ragged rows, unclosed quotes, bad JSON lines) are reported with their line.

Options:
  --schema <file>      a data schema (YAML, see \`mlgate schema infer\`) or a Great Expectations
                       suite (JSON); without it the data is only read and profiled
  --strict             refuse a Great Expectations suite with expectations mlgate cannot evaluate
                       (by default each is skipped with a warning, in the log and the report)
  --reference <file>   detect drift against a reference: a profile JSON (\`mlgate profile -o\`) or a
                       data file (profiled first). A column drifts only when the change is both
                       significant (p < 0.05) and larger than its effect-size threshold; the
                       schema's per-column \`drift:\` settings choose the test and threshold.
                       Identifier columns (all values distinct) are not tested
  --exact-values <n>   numeric values kept exactly per column and side, 1 to 100,000,000 (default:
                       the config's profile.exact_values, else 1,000,000). Up to it KS, Wasserstein
                       and quantiles are exact; past it drift is approximate, with bounds, in the report
  --config <file>      mlgate.yml, for its profile settings (default: ./mlgate.yml when it exists)
  --shard <i/n>        validate only the i-th of n row-aligned byte ranges (for matrix jobs)
  --threads <n>        worker threads reading row-aligned parts of the file side by side (default:
                       every available core, fewer for small files; 1 reads on the main thread).
                       Gzip files and schemas with a uniqueness check are read on one thread
  --format <f>         csv, tsv, jsonl or parquet (default: from the file name; a .json file holding
                       one object per line is JSON Lines)
  --delimiter <c>      the CSV field delimiter, e.g. ";" (\\t or tab for a tab; default "," or a
                       tab for .tsv). A one-column header that contains another delimiter is warned about
  --fail-on <level>    which verdict exits 1: error (default: a failing check, unreadable rows or
                       drift), warning (also a warning) or never, as the validate action's fail-on
  --max-errors <n>     data issues kept and reported, 1 to ${MAX_REPORTED_ISSUES} (default 100); all are counted
  --profile-out <p>    write the profile JSON (mergeable with \`mlgate profile merge\`)
  -o, --out <file>     write the report JSON to this file
  --json               print the report JSON instead of the summary

The output files are written whole or not at all, their folders created.

Examples:
  mlgate validate data/train.csv --schema data/schema.yml --reference data/reference.csv -o reports/validation.json
  mlgate validate data/orders.jsonl.gz --schema gx/orders_suite.json --strict --fail-on warning
  mlgate validate data/train.csv --reference reports/reference-profile.json --json

Exit codes:
  0  the data passes (or only warns)
  1  a check fails, rows cannot be read or the drifted columns reach the dataset's share (with
     --fail-on warning also any warning, such as one drifted column; never: nothing exits 1)
  2  usage or input error: a missing file, a malformed schema, a folder as an output file
`;

const OPTIONS = {
  schema: { type: 'string' },
  strict: { type: 'boolean' },
  reference: { type: 'string' },
  shard: { type: 'string' },
  format: { type: 'string' },
  'max-errors': { type: 'string' },
  'profile-out': { type: 'string' },
  out: { type: 'string', short: 'o' },
  json: { type: 'boolean' },
  threads: { type: 'string' },
  'fail-on': { type: 'string' },
  delimiter: { type: 'string' },
  'exact-values': { type: 'string' },
  config: { type: 'string' },
} as const;

export const validateCommand: Command = {
  name: 'validate',
  summary: 'validate a dataset against a data schema or Great Expectations suite',
  help,
  options: OPTIONS,
  async run(argv: string[], io: CliIo) {
    const { values, positionals } = parseCommandArgs('validate', argv, OPTIONS);
    if (positionals.length !== 1) throw new UserError('give exactly one data file (see `mlgate validate --help`)');
    const threads = parseThreads(values.threads);
    const exactValues = await exactValuesSetting(parseExactValues(values['exact-values']), values.config, io.cwd);
    const maxErrors = values['max-errors'] === undefined ? undefined : parseMaxErrors(values['max-errors']);
    const failOn = parseFailOn(values['fail-on']);
    await checkOutputs(io.cwd, [values.out, values['profile-out']]);
    let result: ValidateResult;
    try {
      result = await runValidate(
        {
          data: positionals[0]!,
          cwd: io.cwd,
          ...(values.schema !== undefined && { schema: values.schema }),
          ...(values.reference !== undefined && { reference: values.reference }),
          ...(values.shard !== undefined && { shard: parseShardSpec(values.shard, '--shard') }),
          ...(values.format !== undefined && { format: parseDataFormat(values.format) }),
          ...(values.delimiter !== undefined && { delimiter: parseDelimiter(values.delimiter) }),
          ...(maxErrors !== undefined && { maxErrors }),
          exactValues,
          ...(threads !== undefined && { threads }),
          ...(values.strict && { strict: true }),
        },
        {
          ...(io.workerEntry && { workerEntry: io.workerEntry }),
          onProgress: progressLine(io, 'validating'),
          onSkippedColumn: (message) => io.stderr.write(`drift: ${message}\n`),
          onWarning: (message) => io.stderr.write(`warning: ${message}\n`),
          onSkippedExpectation: (message) => io.stderr.write(`warning: ${message}\n`),
        },
      );
    } finally {
      clearProgressLine(io);
    }
    const { report, section, profile } = result;
    const json = inertJson(report);
    if (values.out) await writeOutput(io.cwd, values.out, json);
    if (values['profile-out'])
      await writeOutput(io.cwd, values['profile-out'], `${JSON.stringify(profile, null, 2)}\n`);
    io.stdout.write(values.json ? json : renderReportText(report));
    return validationFails(section.status, failOn) ? ExitCode.Failed : ExitCode.Pass;
  },
};

function parseMaxErrors(value: string): number {
  const n = /^\d{1,7}$/.test(value.trim()) ? Number(value) : NaN;
  if (!(n >= 1 && n <= MAX_REPORTED_ISSUES)) {
    throw new UserError(
      `--max-errors: expected a whole number from 1 to ${MAX_REPORTED_ISSUES}, got ${JSON.stringify(value)}`,
    );
  }
  return n;
}

function parseFailOn(value: string | undefined): ValidateFailOn {
  if (value === undefined) return 'error';
  if ((VALIDATE_FAIL_ON as readonly string[]).includes(value)) return value as ValidateFailOn;
  throw new UserError(`--fail-on: expected one of ${VALIDATE_FAIL_ON.join(', ')}, got ${JSON.stringify(value)}`);
}
