import { open } from 'node:fs/promises';
import { readTextFile } from '../files/read-text.js';
import { parseJson } from '../json/parse-json.js';
import { Profile } from './profile.js';

/** Largest profile file accepted: a profile is a few tens of kilobytes per column. */
export const MAX_PROFILE_BYTES = 256 * 1024 * 1024;

/** Reads, parses and checks a profile JSON file; every problem is a UserError naming `path`. */
export async function readProfileFile(
  path: string,
  { maxBytes = MAX_PROFILE_BYTES, name = path }: { maxBytes?: number; name?: string } = {},
): Promise<Profile> {
  return Profile.fromJSON(parseJson(await readTextFile(path, maxBytes, name), name), name);
}

/** Bytes of a `.json` file looked at to tell a saved profile from JSON Lines data. */
const SNIFF_BYTES = 64 * 1024;

/**
 * Whether a `.json` file is a saved profile rather than JSON Lines data (one record per line, which `.json` files
 * often hold): it is JSON Lines when its first line is a whole JSON object that is not a profile. A saved profile is
 * pretty-printed, so its first line alone does not parse; a one-line profile names its schema. A missing or
 * unreadable file counts as a profile, so reading it gives the usual one-line error.
 */
export async function isSavedProfile(path: string): Promise<boolean> {
  let head: string;
  try {
    const file = await open(path);
    try {
      const buffer = Buffer.alloc(SNIFF_BYTES);
      const { bytesRead } = await file.read(buffer, 0, SNIFF_BYTES, 0);
      head = buffer.subarray(0, bytesRead).toString('utf8');
    } finally {
      await file.close();
    }
  } catch {
    return true;
  }
  const firstLine = head.trimStart().split('\n', 1)[0]!.trim();
  let record: unknown;
  try {
    record = JSON.parse(firstLine);
  } catch {
    return true;
  }
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return true;
  const schema = (record as { schema?: unknown }).schema;
  return typeof schema === 'string' && schema.startsWith('mlgate/profile');
}
