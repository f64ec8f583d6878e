import { execFile } from 'node:child_process';
import { arch, platform, release } from 'node:os';
import type { ManifestGit, ManifestRun, ManifestRuntimes } from '@mlgate/core';

/** What `git` says about `cwd`; every field null outside a repository or without git. */
export async function gitState(cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<ManifestGit> {
  const sha = await output('git', ['rev-parse', 'HEAD'], cwd);
  if (sha === undefined) return { sha: env.GITHUB_SHA ?? null, ref: env.GITHUB_REF ?? null, dirty: null };
  const branch = await output('git', ['symbolic-ref', '-q', 'HEAD'], cwd);
  const status = await output('git', ['status', '--porcelain', '--untracked-files=no'], cwd);
  return {
    sha,
    // A checkout on Actions is a detached HEAD: the runner's ref names what was checked out.
    ref: branch ?? env.GITHUB_REF ?? null,
    dirty: status === undefined ? null : status !== '',
  };
}

/** The Actions run, from the runner's variables; null for a local run. */
export function actionsRun(env: NodeJS.ProcessEnv = process.env): ManifestRun | null {
  if (!env.GITHUB_RUN_ID) return null;
  const run: ManifestRun = { id: env.GITHUB_RUN_ID, attempt: env.GITHUB_RUN_ATTEMPT ?? '1' };
  if (env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY) {
    run.url = `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`;
  }
  return run;
}

const PYTHON_PACKAGES =
  'import importlib.metadata as m, json, sys\n' +
  'print(json.dumps({"version": sys.version.split()[0], "packages": ' +
  '{d.metadata["Name"]: d.version for d in m.distributions() if d.metadata["Name"]}}))';

/** Node and the OS always; Python and its installed packages when a `python3` (else `python`) is on PATH. */
export async function runtimes(cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<ManifestRuntimes> {
  const found: ManifestRuntimes = {
    node: process.version,
    os: { platform: platform(), release: release(), arch: arch() },
  };
  for (const python of ['python3', 'python']) {
    const text = await output(python, ['-c', PYTHON_PACKAGES], cwd, env);
    if (text === undefined) continue;
    try {
      const parsed = JSON.parse(text) as { version: string; packages: Record<string, string> };
      const packages = Object.fromEntries(Object.entries(parsed.packages).sort(([a], [b]) => (a < b ? -1 : 1)));
      found.python = { version: parsed.version, packages };
      break;
    } catch {
      // Not the Python we know how to ask: leave it out rather than guess.
    }
  }
  return found;
}

/** Trimmed stdout of a successful run, else undefined (missing program, non-zero exit, 10 s passed). */
function output(
  file: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile(file, args, { cwd, env, timeout: 10_000, maxBuffer: 4 * 1024 * 1024 }, (error, stdout) => {
      resolve(error ? undefined : stdout.trim());
    });
  });
}
