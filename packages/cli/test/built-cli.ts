import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from '@mlgate/testkit';

/** The bundle users run (`pnpm build` writes it). */
export const CLI = join(repoRoot(), 'packages/cli/dist/index.js');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI in `cwd` with only PATH and HOME from this environment, as a fresh shell would. */
export function runBuiltCli(cwd: string, args: readonly string[]): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd,
      env: { PATH: process.env.PATH, HOME: process.env.HOME },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}
