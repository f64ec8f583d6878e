import { createHash } from 'node:crypto';
import { cp, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { UserError } from '@mlgate/core';
import { fileDigest } from '../file-digest.js';
import { listFolder } from '../list-folder.js';
import type { ArtifactQuery, ArtifactStore, LatestArtifact, UploadedArtifact } from './store.js';

const RUN_FILE = 'run.json';
const RUN_SCHEMA = 'mlgate/run@1';

/** `<dir>/<runId>/run.json`: what the run was, so the latest successful run on a branch can be found. */
interface LocalRunFile {
  schema: typeof RUN_SCHEMA;
  workflow: string;
  branch: string;
  headSha: string;
  event: string;
  conclusion: string;
}

/** The run a local store's uploads belong to. */
export type LocalRun = Omit<LocalRunFile, 'schema' | 'conclusion'>;

/**
 * Run artifacts as folders on disk, for the CLI: `<dir>/<runId>/<name>/…`, each run described by
 * `<dir>/<runId>/run.json` (`{ schema: "mlgate/run@1", workflow, branch, headSha, event, conclusion }`).
 * A higher run id is a newer run. The folders are the user's own, so they are read in place, not copied.
 */
export class LocalArtifactStore implements ArtifactStore {
  /** `run` describes the run uploads belong to; each upload is a new run (the next id), marked successful. */
  constructor(
    private readonly dir: string,
    private readonly run?: LocalRun,
  ) {}

  async upload(name: string, files: string[], root: string): Promise<UploadedArtifact> {
    if (!this.run) throw new Error('LocalArtifactStore: uploads need the run they belong to');
    const id = ((await this.runIds())[0] ?? 0) + 1;
    const folder = join(this.dir, String(id), name);
    const listing: string[] = [];
    let size = 0;
    for (const file of files) {
      const path = relative(resolve(root), resolve(root, file)).split('\\').join('/');
      const digest = await fileDigest(resolve(root, file));
      await mkdir(dirname(join(folder, path)), { recursive: true });
      await cp(resolve(root, file), join(folder, path));
      listing.push(`${path}\0${digest.sha256}\n`);
      size += digest.size;
    }
    const run: LocalRunFile = { schema: RUN_SCHEMA, ...this.run, conclusion: 'success' };
    await writeFile(join(this.dir, String(id), RUN_FILE), `${JSON.stringify(run, null, 2)}\n`);
    const digest = createHash('sha256').update(listing.sort().join('')).digest('hex');
    return { id, name, size, digest: `sha256:${digest}` };
  }

  async findLatest(query: ArtifactQuery): Promise<LatestArtifact> {
    const { workflow, branch, name } = query;
    let successes = 0;
    for (const id of await this.runIds()) {
      const run = await this.readRun(id);
      if (!run || run.workflow !== workflow || run.branch !== branch || run.conclusion !== 'success') continue;
      successes++;
      if (await isFolder(join(this.dir, String(id), name))) {
        return { found: true, run: { id, headSha: run.headSha, branch: run.branch, event: run.event } };
      }
    }
    return {
      found: false,
      reason:
        successes === 0
          ? `no successful run of ${workflow} on branch ${branch} in ${this.dir}`
          : `none of the ${successes} successful runs of ${workflow} on branch ${branch} in ${this.dir} has an artifact "${name}"`,
    };
  }

  async download(name: string, runId: number): Promise<string> {
    const folder = join(this.dir, String(runId), name);
    if (!(await isFolder(folder)))
      throw new UserError(`artifact "${name}" of run ${runId} is not a folder`, { file: folder });
    return folder;
  }

  /** Newest first. */
  private async runIds(): Promise<number[]> {
    return (await listFolder(this.dir))
      .filter((n) => /^[1-9]\d*$/.test(n))
      .map(Number)
      .sort((a, b) => b - a);
  }

  private async readRun(id: number): Promise<LocalRunFile | undefined> {
    const file = join(this.dir, String(id), RUN_FILE);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      // A run folder without a description is not a run this store can vouch for.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      throw new UserError(`run description is not valid JSON: ${(error as Error).message}`, { file });
    }
    return checkRunFile(parsed, file);
  }
}

function checkRunFile(value: unknown, file: string): LocalRunFile {
  const record = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  if (record.schema !== RUN_SCHEMA) throw new UserError(`expected "schema": "${RUN_SCHEMA}"`, { file, path: 'schema' });
  for (const key of ['workflow', 'branch', 'headSha', 'event', 'conclusion'] as const) {
    if (typeof record[key] !== 'string' || record[key] === '') {
      throw new UserError(`expected a non-empty string`, { file, path: key });
    }
  }
  return record as unknown as LocalRunFile;
}

async function isFolder(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}
