import type { PredictionTaskName, PredictionsFormat, ScoreType } from '@mlgate/core';
import { FAIL_ON, type FailOn } from '@mlgate/engine';
import { enumInput, optionalInput, requiredInput, type InputSource } from '@mlgate/github';

export interface Inputs {
  candidate: string | undefined;
  baseline: string | undefined;
  config: string | undefined;
  model: string | undefined;
  validationReport: string | undefined;
  /** `task`, `positive-class` and `score-type`, over the model's settings in the config. */
  format: PredictionsFormat;
  failOn: FailOn;
  token: string;
  artifactName: string;
}

/** Every input of action.yml, read and checked once, before anything else happens. */
export function parseInputs(source?: InputSource): Inputs {
  return {
    candidate: optionalInput('candidate', source),
    baseline: optionalInput('baseline', source),
    config: optionalInput('config', source),
    model: optionalInput('model', source),
    validationReport: optionalInput('validation-report', source),
    format: predictionsFormat(source),
    failOn: enumInput('fail-on', FAIL_ON, 'fail', source),
    token: requiredInput('github-token', source),
    artifactName: requiredInput('artifact-name', source),
  };
}

const TASKS: readonly PredictionTaskName[] = ['binary', 'multiclass', 'regression'];
const SCORE_TYPES: readonly ScoreType[] = ['probability', 'logit', 'decision'];

function predictionsFormat(source?: InputSource): PredictionsFormat {
  const task = enumInput('task', TASKS, undefined, source);
  const positiveClass = optionalInput('positive-class', source);
  const scoreType = enumInput('score-type', SCORE_TYPES, undefined, source);
  return {
    ...(task && { task }),
    ...(positiveClass !== undefined && { positiveClass }),
    ...(scoreType && { scoreType }),
  };
}
