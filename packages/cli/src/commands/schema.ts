import { resolve } from 'node:path';
import { UserError, inferSchema, inspectDataFile, profileFile, profileStats } from '@mlgate/core';
import { parseDelimiter } from '@mlgate/engine';
import { parseCommandArgs, type Command } from '../command.js';
import { ExitCode } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { checkOutputs, writeOutput } from '../outputs.js';

const SHOWN_ISSUES = 5;

const inferHelp = `Usage: mlgate schema infer <data> [-o schema.yml] [--delimiter <c>]

Infer a starting data schema from a CSV, TSV, JSON Lines or Parquet file: each column's type,
nullability (or its largest null fraction), numeric bounds rounded outward, and the allowed values
of text columns with few of them. The same data passes the schema; review and tighten it before
relying on it. The YAML is printed, or written to the -o file.

Options:
  -o, --out <file>    write the schema to this file instead of printing it (its folders are created)
  --delimiter <c>     the CSV field delimiter, e.g. ";" (\\t or tab for a tab)

Examples:
  mlgate schema infer data/train.csv -o data/schema.yml
  mlgate schema infer exports/orders-eu.csv --delimiter ";"

Exit codes:
  0  the schema was inferred
  1  not used: inferring gives no verdict
  2  a missing, unreadable or empty file (a schema inferred from no rows would pass anything), or a
     bad option
`;

const help = `Usage: mlgate schema <subcommand> [options]

Subcommands:
  infer <data>   infer a starting data schema from a dataset (\`mlgate schema infer --help\`)

Examples:
  mlgate schema infer data/train.csv -o data/schema.yml

Exit codes:
  0  done
  1  not used: schema commands give no verdict
  2  usage or input error (see the subcommand's help)
`;

const OPTIONS = {
  out: { type: 'string', short: 'o' },
  delimiter: { type: 'string' },
} as const;

export const schemaCommand: Command = {
  name: 'schema',
  summary: 'infer a starting data schema from a dataset (`schema infer`)',
  help,
  options: OPTIONS,
  subcommands: [{ name: 'infer', summary: 'infer a starting data schema from a dataset', help: inferHelp }],
  async run(argv: string[], io: CliIo) {
    const { values, positionals } = parseCommandArgs(argv[0] === 'infer' ? 'schema infer' : 'schema', argv, OPTIONS);
    const [subcommand, data, ...rest] = positionals;
    if (subcommand !== 'infer') {
      throw new UserError(
        subcommand === undefined
          ? 'give a subcommand: `mlgate schema infer <data>`'
          : `unknown subcommand "${subcommand}" (expected \`mlgate schema infer <data>\`)`,
      );
    }
    if (data === undefined || rest.length > 0) throw new UserError('give exactly one data file to infer a schema from');
    await checkOutputs(io.cwd, [values.out]);
    const path = resolve(io.cwd, data);
    const delimiter = values.delimiter === undefined ? undefined : parseDelimiter(values.delimiter);
    const shape = await inspectDataFile(path, { name: data, ...(delimiter !== undefined && { delimiter }) });
    for (const warning of shape.warnings) io.stderr.write(`warning: ${warning}\n`);
    if (shape.empty) throw new UserError('is empty: there are no rows to infer a schema from', { file: data });
    const result = await profileFile(path, {
      format: shape.format,
      ...(delimiter !== undefined && { csv: { delimiter } }),
    });
    for (const issue of result.issues.slice(0, SHOWN_ISSUES)) {
      io.stderr.write(`${data}:${issue.line}:${issue.column}: ${issue.severity}: ${issue.message}\n`);
    }
    if (result.profile.rows === 0) {
      throw new UserError('has a header but no data rows: there are no rows to infer a schema from', { file: data });
    }
    const { table, stats } = profileStats(result.profile);
    const yaml = inferSchema(table, stats, { source: data });
    if (values.out) {
      await writeOutput(io.cwd, values.out, yaml);
      io.stderr.write(`wrote a schema for ${table.columns.length} columns to ${values.out}\n`);
    } else io.stdout.write(yaml);
    return ExitCode.Pass;
  },
};
