import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { UserError } from '@mlgate/core';

const run = promisify(execFile);

/** What the demo copies from the example project: everything a clone of a user's repository would hold. */
const PROJECT_FILES = ['mlgate.yml', 'params.yaml', 'data', 'dist', '.gitignore', 'README.md', 'NOTICE'];

/** Refuses a folder that is not the example project, naming (as `shown`) the folder and the files it lacks. */
export async function checkExampleProject(example: string, shown: string): Promise<void> {
  if (!(await stat(example).catch(() => undefined))?.isDirectory())
    throw new UserError('folder not found', { file: shown });
  const missing = PROJECT_FILES.filter((file) => !existsSync(join(example, file)));
  if (missing.length > 0) {
    throw new UserError(`is not the example project: it has no ${missing.join(', ')}`, { file: shown });
  }
}

/** A throwaway git repository holding a copy of the example project, where the demo commits, branches and tags. */
export class DemoRepo {
  private constructor(readonly dir: string) {}

  /** A fresh repository in the OS temp folder with the example committed on `main`. */
  static async create(example: string): Promise<DemoRepo> {
    const dir = await mkdtemp(join(tmpdir(), 'mlgate-demo-repo-'));
    for (const file of PROJECT_FILES) await cp(join(example, file), join(dir, file), { recursive: true });
    const repo = new DemoRepo(dir);
    await repo.git('init', '--quiet', '--initial-branch=main');
    // The repository's own identity and settings, so no global git config (signing, hooks) changes the demo.
    for (const [key, value] of [
      ['user.name', 'mlgate demo'],
      ['user.email', 'demo@mlgate.invalid'],
      ['commit.gpgsign', 'false'],
      ['tag.gpgsign', 'false'],
      ['core.hooksPath', '/dev/null'],
    ] as const) {
      await repo.git('config', key, value);
    }
    await repo.commit('Flights-delay model: data, schema, trainer and mlgate.yml');
    return repo;
  }

  async git(...args: string[]): Promise<string> {
    try {
      const { stdout } = await run('git', args, { cwd: this.dir, maxBuffer: 16 * 1024 * 1024 });
      return stdout;
    } catch (error) {
      const detail = (error as { stderr?: string }).stderr?.trim().split('\n')[0] ?? String(error);
      throw new UserError(`the demo's git repository: git ${args[0]} failed: ${detail}`);
    }
  }

  async commit(message: string): Promise<string> {
    await this.git('add', '--all');
    await this.git('commit', '--quiet', '--allow-empty', '-m', message);
    return (await this.git('rev-parse', 'HEAD')).trim();
  }

  async branch(name: string, from = 'main'): Promise<void> {
    await this.git('checkout', '--quiet', '-b', name, from);
  }

  async checkout(name: string): Promise<void> {
    await this.git('checkout', '--quiet', name);
  }

  /** Merges a pull request's branch into main with a merge commit, as GitHub's merge button does. */
  async merge(branch: string, message: string): Promise<string> {
    await this.checkout('main');
    await this.git('merge', '--quiet', '--no-ff', '-m', message, branch);
    return (await this.git('rev-parse', 'HEAD')).trim();
  }

  async read(path: string): Promise<string> {
    return readFile(join(this.dir, path), 'utf8');
  }

  async write(path: string, text: string): Promise<void> {
    await writeFile(join(this.dir, path), text);
  }
}
