import { randomBytes } from 'node:crypto';
import { cp, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { CacheRestore, CacheSave, CacheStore } from './store.js';

const ENTRY_FILE = 'entry.json';
const ENTRY_SCHEMA = 'mlgate/cache-entry@1';

interface LocalEntry {
  schema: typeof ENTRY_SCHEMA;
  key: string;
  paths: string[];
  savedAt: string;
}

/**
 * The run cache of the CLI: `<dir>/<key>/entry.json` plus `<dir>/<key>/files/<path>`. An entry is written to a
 * temporary folder and renamed into place, so a crash or a full disk never leaves a half entry that looks whole.
 */
export class LocalCacheStore implements CacheStore {
  constructor(
    private readonly dir: string,
    private readonly root: string,
  ) {}

  async restore(key: string, paths: string[]): Promise<CacheRestore> {
    if (!isSafeKey(key)) return { hit: false, trouble: unsafeKey(key) };
    const entryDir = join(this.dir, key);
    let entry: LocalEntry;
    try {
      entry = JSON.parse(await readFile(join(entryDir, ENTRY_FILE), 'utf8')) as LocalEntry;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { hit: false };
      return { hit: false, trouble: `cache entry ${key} is unreadable: ${(error as Error).message}` };
    }
    // Like the Actions cache's version: other paths under the same key are another entry.
    if (entry.schema !== ENTRY_SCHEMA || JSON.stringify(entry.paths) !== JSON.stringify(paths)) return { hit: false };
    try {
      for (const path of paths) {
        await mkdir(dirname(join(this.root, path)), { recursive: true });
        await cp(join(entryDir, 'files', path), join(this.root, path), { recursive: true, force: true });
      }
    } catch (error) {
      return { hit: false, trouble: `cache entry ${key} could not be restored: ${(error as Error).message}` };
    }
    return { hit: true };
  }

  async save(key: string, paths: string[]): Promise<CacheSave> {
    if (!isSafeKey(key)) return { saved: false, reason: unsafeKey(key) };
    const entryDir = join(this.dir, key);
    const staging = join(this.dir, `.staging-${randomBytes(6).toString('hex')}`);
    try {
      for (const path of paths) {
        await mkdir(dirname(join(staging, 'files', path)), { recursive: true });
        await cp(join(this.root, path), join(staging, 'files', path), { recursive: true });
      }
      const entry: LocalEntry = { schema: ENTRY_SCHEMA, key, paths, savedAt: new Date().toISOString() };
      await writeFile(join(staging, ENTRY_FILE), `${JSON.stringify(entry, null, 2)}\n`);
      await rename(staging, entryDir);
      return { saved: true };
    } catch (error) {
      // Best effort: the same trouble (a file where the folder should be, a read-only disk) may stop this too.
      await rm(staging, { recursive: true, force: true }).catch(() => undefined);
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOTEMPTY' || code === 'EEXIST')
        return { saved: false, reason: `cache entry ${key} already exists` };
      return { saved: false, reason: `cache entry ${key} could not be saved: ${(error as Error).message}` };
    }
  }
}

/** Keys become folder names: nothing that could climb out of the cache folder. */
function isSafeKey(key: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(key);
}

function unsafeKey(key: string): string {
  return `cache key "${key}" is not a safe folder name`;
}
