import { resolve } from 'node:path';
import { checkOutputPath, writeFileAtomic } from '@mlgate/core';

/**
 * Checks every output path a command was given before it does any work: a folder or an
 * unwritable path is a usage error up front, not a failure after a long pass.
 */
export async function checkOutputs(cwd: string, names: readonly (string | undefined)[]): Promise<void> {
  for (const name of names) if (name !== undefined) await checkOutputPath(resolve(cwd, name), name);
}

/** Writes an output file atomically (temporary file + rename), creating its missing folders. */
export async function writeOutput(cwd: string, name: string, text: string): Promise<void> {
  await writeFileAtomic(resolve(cwd, name), text, name);
}
