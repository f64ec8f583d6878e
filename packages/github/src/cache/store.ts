/** What a cache lookup found. `trouble` says why the cache could not be asked, as opposed to a plain miss. */
export type CacheRestore = { hit: true } | { hit: false; trouble?: string };

/** What saving did: a cache that cannot take the entry says why, it never throws. */
export type CacheSave = { saved: true } | { saved: false; reason: string };

/**
 * A cache of files under a root folder, keyed by an exact key. `GitHubCacheStore` is the Actions cache
 * (`@actions/cache`); `LocalCacheStore` is a folder (`.mlgate/cache/`) for the CLI. Caching is an optimisation: both
 * turn every failure (service down, quota, rate limit, a missing `tar`, a full disk) into a result, never a throw,
 * so the caller runs the work instead.
 */
export interface CacheStore {
  /** Restores `paths` (relative to the root) saved under exactly `key`, with the same paths. */
  restore(key: string, paths: string[]): Promise<CacheRestore>;
  /** Saves `paths` (relative to the root) under `key`; an existing entry for the key is kept. */
  save(key: string, paths: string[]): Promise<CacheSave>;
}
