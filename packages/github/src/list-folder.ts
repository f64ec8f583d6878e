import { readdir } from 'node:fs/promises';

/** The names in a folder; none when the folder does not exist yet (a local store before its first write). */
export async function listFolder(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}
