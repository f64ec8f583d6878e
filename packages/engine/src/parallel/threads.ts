import { UserError } from '@mlgate/core';

/** The `--threads` option (or the `threads` input): a whole number from 1 to 256, or unset. */
export function parseThreads(text: string | undefined, name = '--threads'): number | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  const n = /^\d{1,3}$/.test(text.trim()) ? Number(text) : NaN;
  if (!(n >= 1 && n <= 256)) {
    throw new UserError(`${name}: expected a whole number from 1 to 256, got ${JSON.stringify(text)}`);
  }
  return n;
}
