import { VALIDATE_FAIL_ON, type ValidateFailOn, parseDelimiter, parseExactValues, parseThreads } from '@mlgate/engine';
import { MAX_REPORTED_ISSUES, parseShardSpec, type ShardSpec } from '@mlgate/core';
import { booleanInput, enumInput, intInput, optionalInput, requiredInput, type InputSource } from '@mlgate/github';

export interface Inputs {
  data: string;
  schema: string | undefined;
  reference: string | undefined;
  strict: boolean;
  failOn: ValidateFailOn;
  shard: ShardSpec | undefined;
  profileOut: string | undefined;
  reportOut: string | undefined;
  maxErrors: number | undefined;
  /** Undefined: `,`, or a tab for .tsv files. */
  delimiter: string | undefined;
  /** Undefined: the config's, else the default. */
  exactValues: number | undefined;
  config: string | undefined;
  /** Undefined: every core, fewer for small files. */
  threads: number | undefined;
}

/** Every input of action.yml, read and checked once, before any file is opened. */
export function parseInputs(source?: InputSource): Inputs {
  const shard = optionalInput('shard', source);
  const delimiter = optionalInput('delimiter', source);
  return {
    data: requiredInput('data', source),
    schema: optionalInput('schema', source),
    reference: optionalInput('reference', source),
    strict: booleanInput('strict', false, source),
    failOn: enumInput('fail-on', VALIDATE_FAIL_ON, 'error', source),
    shard: shard === undefined ? undefined : parseShardSpec(shard, 'input "shard"'),
    profileOut: optionalInput('profile-out', source),
    reportOut: optionalInput('report-out', source),
    maxErrors: intInput('max-errors', { min: 1, max: MAX_REPORTED_ISSUES }, source),
    delimiter: delimiter === undefined ? undefined : parseDelimiter(delimiter, 'input "delimiter"'),
    exactValues: parseExactValues(optionalInput('exact-values', source), 'input "exact-values"'),
    config: optionalInput('config', source),
    threads: parseThreads(optionalInput('threads', source), 'input "threads"'),
  };
}
