import type { Command } from '../command.js';
import { compareCommand } from './compare.js';
import { demoCommand } from './demo.js';
import { plannedCommand } from './planned.js';
import { profileCommand } from './profile.js';
import { reportCommand } from './report.js';

/** Every command, in the order `mlgate --help` lists them. */
export const commands: readonly Command[] = [
  plannedCommand('validate', 'validate a dataset against a schema and a reference, with drift', '<data> [options]'),
  plannedCommand('schema', 'infer a starting data schema from a dataset (`schema infer`)', 'infer <data>'),
  profileCommand,
  plannedCommand('train', 'run training through the run cache, writing a manifest', '[model] [options]'),
  compareCommand,
  reportCommand,
  plannedCommand('registry', 'register, assign and promote model versions in the git-native registry', '<subcommand>'),
  demoCommand,
];
