import type { Command } from '../command.js';
import { compareCommand } from './compare.js';
import { demoCommand } from './demo.js';
import { profileCommand } from './profile.js';
import { registryCommand } from './registry.js';
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
  registryCommand,
  demoCommand,
];
