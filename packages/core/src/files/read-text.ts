import { constants } from 'node:fs';
import { access, readFile, stat } from 'node:fs/promises';
import { UserError } from '../errors.js';

/**
 * Reads a UTF-8 text file for a loader, refusing files larger than `maxBytes` (inputs may come from
 * untrusted pull requests) and turning the usual failures into one-line `UserError`s about `name`.
 */
export async function readTextFile(path: string, maxBytes: number, name = path): Promise<string> {
  let bytes: Buffer;
  try {
    const { size } = await stat(path);
    if (size > maxBytes) throw tooLarge(name, size, maxBytes);
    bytes = await readFile(path);
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError(fileErrorMessage(error), { file: name });
  }
  // The file may have grown between stat and read.
  if (bytes.length > maxBytes) throw tooLarge(name, bytes.length, maxBytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UserError('is not valid UTF-8 text', { file: name });
  }
}

function tooLarge(path: string, size: number, maxBytes: number): UserError {
  return new UserError(`is ${size} bytes, more than the ${maxBytes} bytes allowed`, { file: path });
}

/**
 * The one wording for a file that cannot be opened, used by every reader (config, schema, data,
 * metrics, reports), so a missing file reads `<file>: file not found` wherever it was named.
 */
export function fileErrorMessage(error: unknown): string {
  const reason = describeFileError(error);
  return KNOWN_CODES.has(errorCode(error)) ? reason : `cannot be read (${reason})`;
}

/** A failed file operation's cause in a few words, for `fileErrorMessage` and output files. */
export function describeFileError(error: unknown): string {
  switch (errorCode(error)) {
    case 'ENOENT':
      return 'file not found';
    case 'EISDIR':
      return 'is a directory, not a file';
    case 'ENOTDIR':
      return 'a part of the path is a file, not a directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

const KNOWN_CODES = new Set(['ENOENT', 'EISDIR', 'ENOTDIR', 'EACCES', 'EPERM']);

function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

/**
 * Checks that `path` names a readable file before a streaming pass starts, with the same wording
 * as `readTextFile`: a missing file, a directory or an unreadable file is one `UserError` about
 * `name` (the path as the user gave it). Returns the file's size.
 */
export async function requireFile(path: string, name = path): Promise<number> {
  try {
    const found = await stat(path);
    if (found.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    await access(path, constants.R_OK);
    return found.size;
  } catch (error) {
    throw new UserError(fileErrorMessage(error), { file: name });
  }
}
