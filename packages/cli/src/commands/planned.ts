import { UserError } from '@mlgate/core';
import type { Command } from '../command.js';

/**
 * A command whose place in the CLI is fixed but whose engine has not landed yet. It says so
 * plainly and exits 2 rather than pretending to work.
 */
export function plannedCommand(name: string, summary: string, usage: string): Command {
  return {
    name,
    summary: `${summary} (not yet available)`,
    help: `Usage: mlgate ${name} ${usage}\n\n${summary}.\nThis command is not available in this version of mlgate yet.\n`,
    async run() {
      throw new UserError(`\`mlgate ${name}\` is not available in this version yet`);
    },
  };
}
