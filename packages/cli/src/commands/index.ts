import type { Command } from '../command.js';
import { compareCommand } from './compare.js';
import { demoCommand } from './demo.js';
import { plannedCommand } from './planned.js';
import { profileCommand } from './profile.js';
import { reportCommand } from './report.js';
import { schemaCommand } from './schema.js';
import { trainCommand } from './train.js';
import { validateCommand } from './validate.js';

/** Every command, in the order `mlgate --help` lists them. */
export const commands: readonly Command[] = [
  validateCommand,
  schemaCommand,
  profileCommand,
  trainCommand,
  compareCommand,
  reportCommand,
  plannedCommand('registry', 'register, assign and promote model versions in the git-native registry', '<subcommand>'),
  demoCommand,
];
