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
