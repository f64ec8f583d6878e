import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError } from '@mlgate/core';
import { loadActionMetadata } from './action-metadata.js';
import type { ActionMetadata } from './action-metadata.js';

export type ActionPhase = 'pre' | 'main' | 'post';

export interface ResolvedAction {
  /** Short name for GITHUB_ACTION (the folder name). */
  name: string;
  entry: string;
  /** The action's metadata; absent only for a bare script with no action.yml beside it. */
  metadata: ActionMetadata | undefined;
}

/** The monorepo root: the nearest folder above this file holding pnpm-workspace.yaml. */
export function repoRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'pnpm-workspace.yaml'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('cannot find the repository root (pnpm-workspace.yaml) above the harness');
    dir = parent;
  }
  return dir;
}

function metadataFile(dir: string): string | undefined {
  return ['action.yml', 'action.yaml'].map((name) => path.join(dir, name)).find((file) => existsSync(file));
}

async function entryFromMetadata(dir: string, phase: ActionPhase): Promise<ResolvedAction> {
  const file = metadataFile(dir);
  if (file === undefined) throw new UserError(`no action.yml in ${dir}`, { file: dir });
  const metadata = await loadActionMetadata(file);
  if (!/^node\d+$/.test(metadata.runs.using)) {
    throw new UserError(`runs.using is "${metadata.runs.using}": the harness runs JavaScript actions only`, {
      file,
      path: 'runs.using',
    });
  }
  const script = metadata.runs[phase];
  if (script === undefined) throw new UserError(`the action has no runs.${phase}`, { file, path: `runs.${phase}` });
  const entry = path.resolve(dir, script);
  if (!existsSync(entry)) {
    throw new UserError(`runs.${phase} points at ${entry}, which does not exist: build the action first`, {
      file,
      path: `runs.${phase}`,
    });
  }
  return { name: path.basename(dir), entry, metadata };
}

/**
 * `action` is an action name under `<repo>/actions/`, an absolute path to an action folder, or an
 * absolute path to a script (its action.yml, if any, is looked up beside it and one folder up,
 * which covers `dist/index.js`).
 */
export async function resolveAction(action: string, phase: ActionPhase): Promise<ResolvedAction> {
  if (!path.isAbsolute(action)) {
    if (!/^[a-z0-9][a-z0-9-]*$/i.test(action)) {
      throw new UserError(`"${action}" is neither an action name nor an absolute path`);
    }
    return entryFromMetadata(path.join(repoRoot(), 'actions', action), phase);
  }
  if (!existsSync(action)) throw new UserError(`no such file or folder: ${action}`, { file: action });
  if (statSync(action).isDirectory()) return entryFromMetadata(action, phase);
  const scriptDir = path.dirname(action);
  const file = metadataFile(scriptDir) ?? metadataFile(path.dirname(scriptDir));
  const metadata = file === undefined ? undefined : await loadActionMetadata(file);
  const name = path.basename(file === undefined ? scriptDir : path.dirname(file));
  return { name, entry: action, metadata };
}
