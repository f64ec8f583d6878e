import { MAX_REPORTED_ISSUES, UserError } from '@mlgate/core';
import { enumInput, intInput, optionalInput, requiredInput, type InputSource } from '@mlgate/github';

export const FAIL_ON = ['error', 'warning', 'never'] as const;
export type FailOn = (typeof FAIL_ON)[number];

export interface Shard {
  index: number;
  count: number;
}

export interface Inputs {
  data: string;
  schema: string | undefined;
  reference: string | undefined;
  failOn: FailOn;
  shard: Shard | undefined;
  profileOut: string | undefined;
  reportOut: string | undefined;
  maxErrors: number | undefined;
}

/** Every input of action.yml, read and checked once, before any file is opened. */
export function parseInputs(source?: InputSource): Inputs {
  const shard = optionalInput('shard', source);
  return {
    data: requiredInput('data', source),
    schema: optionalInput('schema', source),
    reference: optionalInput('reference', source),
    failOn: enumInput('fail-on', FAIL_ON, 'error', source),
    shard: shard === undefined ? undefined : parseShard(shard),
    profileOut: optionalInput('profile-out', source),
    reportOut: optionalInput('report-out', source),
    maxErrors: intInput('max-errors', { min: 1, max: MAX_REPORTED_ISSUES }, source),
  };
}

function parseShard(text: string): Shard {
  const match = /^(\d{1,6})\/(\d{1,6})$/.exec(text);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || index < 1 || index > count) {
    throw new UserError(`input "shard": expected i/n with 1 ≤ i ≤ n (e.g. 2/4), got ${JSON.stringify(text)}`);
  }
  return { index, count };
}
