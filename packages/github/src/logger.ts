import type { Location } from '@mlgate/core';

/**
 * The logging surface every mlgate component writes to. Actions pass one backed by
 * @actions/core (workflow commands); the CLI passes one that writes to stderr; tests pass
 * one that records. `group` always closes its group, even when `fn` throws.
 */
export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warning(message: string, location?: Location): void;
  error(message: string, location?: Location): void;
  group<T>(name: string, fn: () => Promise<T>): Promise<T>;
}
