import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { access, mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { UserError } from '../errors.js';
import { describeFileError } from './read-text.js';

/**
 * Checks, before any work is done, that `path` can take an output file: it is not a folder (or a
 * name ending in a separator), and its nearest existing ancestor is a writable folder (missing
 * folders below it are created by `writeFileAtomic`). A long validation must not end in a failed
 * write. `name` is the path as the user gave it, for the message.
 */
export async function checkOutputPath(path: string, name = path): Promise<void> {
  if (/[\\/]$/.test(name) || name === '.' || name === '..') throw isFolder(name);
  const absolute = resolve(path);
  const existing = await stat(absolute).catch(() => undefined);
  if (existing?.isDirectory()) throw isFolder(name);
  let ancestor = dirname(absolute);
  for (;;) {
    const found = await stat(ancestor).catch(() => undefined);
    if (found) {
      if (!found.isDirectory()) {
        throw new UserError(`cannot be written: ${ancestor} is a file, not a directory`, { file: name });
      }
      break;
    }
    if (dirname(ancestor) === ancestor) break;
    ancestor = dirname(ancestor);
  }
  try {
    await access(existing ? absolute : ancestor, constants.W_OK);
  } catch (error) {
    throw new UserError(`cannot be written (${describeFileError(error)})`, { file: name });
  }
}

/**
 * Writes an output file so that readers see the old file or the whole new one, never a part: the
 * text goes to a temporary file in the same folder (a rename is atomic only within one file
 * system), which then replaces `path`. Missing parent folders are created. Failures are one-line
 * `UserError`s about `name`, and no temporary file is left behind.
 */
export async function writeFileAtomic(path: string, text: string | Uint8Array, name = path): Promise<void> {
  await checkOutputPath(path, name);
  const absolute = resolve(path);
  const folder = dirname(absolute);
  try {
    await mkdir(folder, { recursive: true });
  } catch (error) {
    throw new UserError(`cannot create its directory ${folder}${sep} (${describeFileError(error)})`, { file: name });
  }
  const temporary = join(folder, `.${basename(absolute)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temporary, text);
    await rename(temporary, absolute);
  } catch (error) {
    await rm(temporary, { force: true });
    throw new UserError(`cannot be written (${describeFileError(error)})`, { file: name });
  }
}

function isFolder(name: string): UserError {
  return new UserError('is a directory; give the name of a file to write', { file: name });
}
