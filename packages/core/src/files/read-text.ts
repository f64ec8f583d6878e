import { readFile, stat } from 'node:fs/promises';
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

function fileErrorMessage(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  if (code === 'ENOENT') return 'file not found';
  if (code === 'EISDIR') return 'is a directory, not a file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return `cannot be read (${error instanceof Error ? error.message : String(error)})`;
}
