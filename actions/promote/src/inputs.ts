import { DEFAULT_CONFIG_FILE, UserError, type VersionBumpSetting } from '@mlgate/core';
import { booleanInput, enumInput, optionalInput, requiredInput, type InputSource } from '@mlgate/github';

export interface Inputs {
  /** Unset when it is the default file name, so that a repository without mlgate.yml runs on the defaults. */
  config: string | undefined;
  model: string | undefined;
  /** `vX.Y.Z`, or `latest` (the highest registered version) for an assignment. */
  version: string | undefined;
  stage: string | undefined;
  reason: string | undefined;
  force: boolean;
  bump: VersionBumpSetting | undefined;
  manifest: string | undefined;
  report: string | undefined;
  token: string;
  release: boolean;
  deployment: boolean;
}

const BUMPS: readonly VersionBumpSetting[] = ['patch', 'minor', 'major', 'auto'];

/** Every input of action.yml, read and checked once, before anything else happens. */
export function parseInputs(source?: InputSource): Inputs {
  const config = optionalInput('config', source);
  const inputs: Inputs = {
    config: config === DEFAULT_CONFIG_FILE ? undefined : config,
    model: optionalInput('model', source),
    version: optionalInput('version', source),
    stage: optionalInput('stage', source),
    reason: optionalInput('reason', source),
    force: booleanInput('force', false, source),
    bump: enumInput('bump', BUMPS, undefined, source),
    manifest: optionalInput('manifest', source),
    report: optionalInput('report', source),
    token: requiredInput('token', source),
    release: booleanInput('release', true, source),
    deployment: booleanInput('deployment', true, source),
  };
  if (inputs.force && inputs.reason === undefined) {
    throw new UserError('input "force" needs input "reason": the reason is recorded in the tag');
  }
  if (inputs.version !== undefined && inputs.bump !== undefined) {
    throw new UserError('give input "version" or input "bump", not both');
  }
  return inputs;
}
