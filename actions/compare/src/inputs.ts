import { FAIL_ON, type FailOn } from '@mlgate/engine';
import { enumInput, optionalInput, requiredInput, type InputSource } from '@mlgate/github';

export interface Inputs {
  candidate: string | undefined;
  baseline: string | undefined;
  config: string | undefined;
  model: string | undefined;
  validationReport: string | undefined;
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
    failOn: enumInput('fail-on', FAIL_ON, 'fail', source),
    token: requiredInput('github-token', source),
    artifactName: requiredInput('artifact-name', source),
  };
}
