import { UserError } from '@mlgate/core';
import type { TrainInputs } from '@mlgate/engine';
import { booleanInput, optionalInput, type InputSource } from '@mlgate/github';

export interface Inputs extends TrainInputs {
  artifactName: string | undefined;
}

/** Every input of action.yml, read and checked once; what is left empty comes from the model's `train:` block. */
export function parseInputs(source?: InputSource): Inputs {
  const timeout = optionalInput('timeout-minutes', source);
  const env = lines('env', source);
  const given: TrainInputs = {};
  const set = <K extends keyof TrainInputs>(key: K, value: TrainInputs[K] | undefined) => {
    if (value !== undefined) given[key] = value;
  };
  set('model', optionalInput('model', source));
  set('run', optionalInput('run', source));
  set('deps', lines('deps', source));
  // One per line: a params line holds commas of its own (`params.yaml:train.lr,train.epochs`).
  set('params', lines('params', source));
  set('outs', lines('outs', source));
  set('metrics', lines('metrics', source));
  set('predictions', optionalInput('predictions', source));
  set('cache', optionalInput('cache', source) === undefined ? undefined : booleanInput('cache', true, source));
  set('timeoutMinutes', timeout === undefined ? undefined : minutes(timeout));
  set('workingDirectory', optionalInput('working-directory', source));
  set('env', env && variables(env));
  set('config', optionalInput('config', source));
  return { ...given, artifactName: optionalInput('artifact-name', source) };
}

function lines(name: string, source?: InputSource): string[] | undefined {
  const list = (optionalInput(name, source) ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  return list.length > 0 ? list : undefined;
}

function minutes(text: string): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) {
    throw new UserError(`input "timeout-minutes": expected a positive number of minutes, got "${text}"`);
  }
  return value;
}

function variables(list: string[]): Record<string, string> {
  const env: Record<string, string> = {};
  for (const line of list) {
    const equals = line.indexOf('=');
    const name = equals > 0 ? line.slice(0, equals).trim() : '';
    // The value may be a secret: the message shows the name only.
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name))
      throw new UserError(
        `input "env": expected NAME=value lines, got a line starting "${line.slice(0, Math.max(equals, 0)) || '…'}"`,
      );
    env[name] = line.slice(equals + 1);
  }
  return env;
}
