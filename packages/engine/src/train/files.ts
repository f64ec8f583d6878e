import { readdir, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { UserError } from '@mlgate/core';
import { fileDigest } from '@mlgate/github';
import type { ManifestFile } from '@mlgate/core';

/** Folders never walked for a glob: version control, installed packages and mlgate's own state. */
const SKIPPED = new Set(['.git', 'node_modules', '.mlgate']);

/** `a/b` from a path under `root`, or a `UserError` when it is outside: everything the run touches stays inside. */
export function insideRoot(root: string, path: string, what: string): string {
  const rel = relative(root, resolve(root, path));
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) {
    throw new UserError(`${what} "${path}" is outside the working directory ${root}`);
  }
  return rel.split(sep).join('/');
}

/**
 * The files a list of deps names: a file, a folder (every file under it) or a glob (`data/*.csv`, `src/**`), as
 * paths relative to `root`, sorted and without repeats. A pattern that matches nothing is an error: a typo there
 * would silently leave an input out of the fingerprint.
 */
export async function expandDeps(patterns: readonly string[], root: string): Promise<string[]> {
  const found = new Set<string>();
  for (const pattern of patterns) {
    const matched = picomatch.scan(pattern).isGlob ? await glob(pattern, root) : await filesAt(pattern, root);
    if (matched.length === 0) throw new UserError(`deps: "${pattern}" matches no file in ${root}`);
    for (const file of matched) found.add(file);
  }
  return [...found].sort(byCodeUnit);
}

/** A declared output: a file, or a folder standing for every file under it. Missing → `undefined`. */
export async function outputFiles(path: string, root: string): Promise<string[] | undefined> {
  const files = await filesAt(path, root);
  return files.length === 0 ? undefined : files;
}

export async function digestAll(files: readonly string[], root: string): Promise<ManifestFile[]> {
  const digests: ManifestFile[] = [];
  for (const path of files) digests.push({ path, ...(await fileDigest(join(root, path))) });
  return digests;
}

async function filesAt(path: string, root: string): Promise<string[]> {
  const rel = insideRoot(root, path, 'path');
  let info;
  try {
    info = await stat(join(root, rel));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  if (!info.isDirectory()) return [rel];
  return (await walk(join(root, rel), root, false)).sort(byCodeUnit);
}

async function glob(pattern: string, root: string): Promise<string[]> {
  const matches = picomatch(pattern.replace(/^\.\//, ''), { dot: false });
  return (await walk(root, root, true)).filter((file) => matches(file)).sort(byCodeUnit);
}

async function walk(dir: string, root: string, skip: boolean): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!(skip && SKIPPED.has(entry.name))) files.push(...(await walk(path, root, skip)));
    } else if (entry.isFile()) {
      files.push(relative(root, path).split(sep).join('/'));
    }
  }
  return files;
}

function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
