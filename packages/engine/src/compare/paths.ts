import { isAbsolute, relative, resolve } from 'node:path';
import { UserError } from '@mlgate/core';

/** A file as the user named it and as the process opens it. */
export interface UserPath {
  /** Relative to the working directory when inside it: what messages and the report show. */
  shown: string;
  absolute: string;
}

export function userPath(path: string, cwd: string): UserPath {
  const absolute = resolve(cwd, path);
  const inside = relative(cwd, absolute);
  const shown = inside !== '' && !inside.startsWith('..') && !isAbsolute(inside) ? inside : absolute;
  return { shown, absolute };
}

/**
 * Runs a reader given the absolute path and names the file as the user knows it in its errors, so a
 * message says `metrics.json:3:1`, not a temporary folder's full path.
 */
export async function readAs<T>(path: UserPath, read: (absolute: string) => Promise<T>): Promise<T> {
  try {
    return await read(path.absolute);
  } catch (error) {
    throw asShown(error, path);
  }
}

/** The error with the file named as the user knows it, when it is about `path`. */
export function asShown(error: unknown, path: UserPath): unknown {
  if (error instanceof UserError && error.location.file === path.absolute) {
    return new UserError(error.message.replaceAll(path.absolute, path.shown), { ...error.location, file: path.shown });
  }
  return error;
}
