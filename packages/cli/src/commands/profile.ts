import { resolve } from 'node:path';
import {
  UserError,
  mergeProfiles,
  parseShardSpec,
  readProfileFile,
  renderProfileText,
  type Profile,
  type ValidationPass,
} from '@mlgate/core';
import {
  type DataFormat,
  exactValuesSetting,
  parseDataFormat,
  parseDelimiter,
  parseExactValues,
  parseThreads,
  runProfile,
} from '@mlgate/engine';
import { inertJson } from '@mlgate/github';
import { parseCommandArgs, type Command } from '../command.js';
import { ExitCode } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { checkOutputs, writeOutput } from '../outputs.js';
import { clearProgressLine, progressLine } from '../progress.js';

/** Parquet is read by its file name only. */
const FORMATS: readonly DataFormat[] = ['csv', 'tsv', 'jsonl'];
const SHOWN_ISSUES = 5;

const help = `Usage: mlgate profile <data> [options]
       mlgate profile merge <a.json> <b.json>... [-o <file>] [--json]

Profile a CSV, TSV or JSON Lines file (optionally gzip-compressed) in one streaming pass: per
column the inferred type, nulls, distinct values (HyperLogLog), mean and variance, quantiles (exact
up to --exact-values), a histogram and frequent values. The profile JSON is what \`mlgate validate
--reference\` reads, so a large reference is read once. \`profile merge\` combines profiles of shards
or files as if one pass had read them all (\`mlgate profile merge --help\`).

Options:
  -o, --out <p>     write the profile JSON to this file
  --json            print the profile JSON instead of the summary table
  --shard <i/n>     profile only the i-th of n row-aligned byte ranges (for matrix jobs)
  --format <f>      csv, tsv or jsonl (default: from the file name)
  --delimiter <c>   the CSV field delimiter, e.g. ";" (\\t or tab for a tab)
  --threads <n>     worker threads reading row-aligned parts of the file side by side (default:
                    every available core, fewer for small files; 1 reads on the main thread)
  --exact-values <n>
                    numeric values kept exactly per column, 1 to 100,000,000 (default: the
                    config's profile.exact_values, else 1,000,000); past it a value grid stands in.
                    The profile stores the kept values, so it grows with this cap
  --config <file>   mlgate.yml, for its profile settings (default: ./mlgate.yml when it exists)

Examples:
  mlgate profile data/reference.csv -o reports/reference-profile.json
  mlgate profile data/events.jsonl.gz --shard 2/4 --threads 2 -o shards/events-2.json

Exit codes:
  0  profiled
  1  not used: a profile gives no verdict (\`mlgate validate\` judges data)
  2  a missing or unreadable file, or a bad option
`;

const mergeHelp = `Usage: mlgate profile merge <a.json> <b.json>... [-o <file>] [--json]

Merge profiles (\`mlgate profile -o\`, e.g. one per --shard of a matrix job) into the profile one pass
over all their rows would have given: counts, moments, exact values (or value grids), sketches and
frequent values combine.

Options:
  -o, --out <p>   write the merged profile JSON to this file
  --json          print the merged profile JSON instead of the summary table

Examples:
  mlgate profile merge shards/events-1.json shards/events-2.json shards/events-3.json -o reports/events-profile.json

Exit codes:
  0  merged
  1  not used: a profile gives no verdict
  2  fewer than two files, a missing file, or a file that is not an mlgate profile (named, with why)
`;

const OPTIONS = {
  out: { type: 'string', short: 'o' },
  json: { type: 'boolean' },
  shard: { type: 'string' },
  format: { type: 'string' },
  threads: { type: 'string' },
  delimiter: { type: 'string' },
  'exact-values': { type: 'string' },
  config: { type: 'string' },
} as const;

export const profileCommand: Command = {
  name: 'profile',
  summary: 'profile a dataset, or merge profiles of shards (`profile merge`)',
  help,
  options: OPTIONS,
  subcommands: [{ name: 'merge', summary: 'merge profiles of shards or files into one', help: mergeHelp }],
  async run(argv: string[], io: CliIo) {
    const { values, positionals } = parseCommandArgs(argv[0] === 'merge' ? 'profile merge' : 'profile', argv, OPTIONS);
    await checkOutputs(io.cwd, [values.out]);
    let profile: Profile;
    if (positionals[0] === 'merge') {
      const dataOptions = [values.shard, values.format, values.threads, values.delimiter, values['exact-values']];
      if (dataOptions.some((value) => value !== undefined)) {
        throw new UserError(
          '--shard, --format, --delimiter, --threads and --exact-values apply to data files, not to `profile merge`',
        );
      }
      const files = positionals.slice(1);
      if (files.length < 2) throw new UserError('give at least two profile JSON files to merge');
      const profiles: Profile[] = [];
      for (const file of files) profiles.push(await readProfileFile(resolve(io.cwd, file), { name: file }));
      profile = mergeProfiles(profiles);
    } else {
      if (positionals.length !== 1) {
        throw new UserError('give exactly one data file (see `mlgate profile --help`)');
      }
      const shard = values.shard === undefined ? undefined : parseShardSpec(values.shard, '--shard');
      const format = values.format === undefined ? undefined : parseDataFormat(values.format, FORMATS);
      const threads = parseThreads(values.threads);
      const delimiter = values.delimiter === undefined ? undefined : parseDelimiter(values.delimiter);
      const exactValues = await exactValuesSetting(parseExactValues(values['exact-values']), values.config, io.cwd);
      let result: ValidationPass;
      try {
        result = await runProfile(
          {
            data: positionals[0]!,
            cwd: io.cwd,
            ...(threads !== undefined && { threads }),
            ...(shard && { shard }),
            ...(format && { format }),
            ...(delimiter !== undefined && { delimiter }),
            exactValues,
          },
          {
            ...(io.workerEntry && { workerEntry: io.workerEntry }),
            onProgress: progressLine(io, 'profiling'),
            onWarning: (message) => io.stderr.write(`warning: ${message}\n`),
          },
        );
      } finally {
        clearProgressLine(io);
      }
      for (const issue of result.issues.slice(0, SHOWN_ISSUES)) {
        io.stderr.write(
          `${issue.file ?? positionals[0]}:${issue.line}:${issue.column}: ${issue.severity}: ${issue.message}\n`,
        );
      }
      const more = result.errorCount + result.warningCount - Math.min(SHOWN_ISSUES, result.issues.length);
      if (more > 0) io.stderr.write(`… and ${more} more data issues\n`);
      profile = result.profile;
    }
    const json = inertJson(profile);
    if (values.out) await writeOutput(io.cwd, values.out, json);
    io.stdout.write(values.json ? json : renderProfileText(profile));
    return ExitCode.Pass;
  },
};
