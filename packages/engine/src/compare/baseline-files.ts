import { stat } from 'node:fs/promises';
import { basename, isAbsolute, join } from 'node:path';
import { UserError } from '@mlgate/core';
import type { BaselineFound } from '@mlgate/github';
import { type UserPath, userPath } from './paths.js';

/**
 * The baseline's counterpart of a candidate file. A baseline folder (an artifact, a folder path) holds
 * it at the same relative path or at its top level under the same name; a baseline file is the
 * counterpart itself. `undefined` when the folder has no such file.
 */
export async function findCounterpart(
  baseline: BaselineFound,
  candidate: UserPath,
  cwd: string,
): Promise<UserPath | undefined> {
  if (baseline.file !== undefined) return userPath(baseline.file, cwd);
  const tried = [
    ...new Set(
      isAbsolute(candidate.shown) ? [basename(candidate.shown)] : [candidate.shown, basename(candidate.shown)],
    ),
  ];
  for (const relative of tried) {
    const absolute = join(baseline.dir, relative);
    if (await isFile(absolute)) {
      return baseline.source.kind === 'path' ? userPath(absolute, cwd) : { absolute, shown: `baseline/${relative}` };
    }
  }
  return undefined;
}

/** Like {@link findCounterpart}, but a baseline that was found must hold the file: it is an error otherwise. */
export async function requireCounterpart(baseline: BaselineFound, candidate: UserPath, cwd: string): Promise<UserPath> {
  const found = await findCounterpart(baseline, candidate, cwd);
  if (found) return found;
  throw new UserError(
    `baseline ${baseline.label} has no ${basename(candidate.shown)} (looked for ${candidate.shown} and ${basename(candidate.shown)} in it)`,
  );
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw new UserError(`cannot read the baseline: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, {
      file: path,
    });
  }
}
