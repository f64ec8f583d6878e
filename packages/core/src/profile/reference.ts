import type { Profile } from './profile.js';
import { profileFile, type ProfileFileOptions } from './profile-file.js';
import { readProfileFile } from './read.js';

/** A drift reference: a saved profile (`.json`) is read as it is; any other file is data, profiled first. */
export async function readReferenceProfile(
  path: string,
  options: Pick<ProfileFileOptions, 'onProgress'> = {},
): Promise<Profile> {
  if (path.endsWith('.json')) return readProfileFile(path);
  return (await profileFile(path, options)).profile;
}
