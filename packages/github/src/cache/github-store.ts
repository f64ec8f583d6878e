import { relative, resolve } from 'node:path';
import type * as ActionsCache from '@actions/cache';
import type { Logger } from '../logger.js';
import type { CacheRestore, CacheSave, CacheStore } from './store.js';

/**
 * The Actions cache through the real `@actions/cache` client. The client already swallows service trouble (a miss,
 * or -1 from save) but reports it itself as `::warning::` or, for a 5xx, as an `::error::` annotation on a step that
 * then succeeds. While a cache call runs, its annotations are taken off stdout and re-logged as warnings: cache
 * trouble is worth a warning, never a red mark, and this store then knows a miss from an outage.
 */
export class GitHubCacheStore implements CacheStore {
  constructor(
    private readonly root: string,
    private readonly logger: Logger,
  ) {}

  async restore(key: string, paths: string[]): Promise<CacheRestore> {
    const cache = await actionsCache();
    if (!cache.isFeatureAvailable()) return { hit: false, trouble: 'the Actions cache service is not available here' };
    const { value, trouble } = await this.call(() => cache.restoreCache(this.clientPaths(paths), key));
    if (trouble) return { hit: false, trouble };
    // The service also matches keys by prefix: only the exact key is this run's entry.
    return value === key ? { hit: true } : { hit: false };
  }

  async save(key: string, paths: string[]): Promise<CacheSave> {
    const cache = await actionsCache();
    if (!cache.isFeatureAvailable()) return { saved: false, reason: 'the Actions cache service is not available here' };
    const { value, trouble } = await this.call(() => cache.saveCache(this.clientPaths(paths), key));
    if (value !== undefined && value > 0) return { saved: true };
    return { saved: false, reason: trouble ?? 'the cache service did not take the entry' };
  }

  /** Paths as the client wants them: relative to the working directory, and stable, since they are in the version. */
  private clientPaths(paths: string[]): string[] {
    return paths.map((path) => relative(process.cwd(), resolve(this.root, path)) || '.');
  }

  private async call<T>(fn: () => Promise<T>): Promise<{ value?: T; trouble?: string }> {
    const annotations: string[] = [];
    let value: T | undefined;
    let thrown: string | undefined;
    const restoreStdout = divertAnnotations(annotations);
    try {
      value = await fn();
    } catch (error) {
      // saveCache throws for a path that does not exist and for a missing runtime token.
      thrown = error instanceof Error ? error.message : String(error);
    } finally {
      restoreStdout();
    }
    const problems = thrown === undefined ? annotations : [...annotations, thrown];
    for (const problem of problems) this.logger.warning(`cache: ${problem}`);
    return problems.length > 0 ? { value, trouble: problems.join('; ') } : { value };
  }
}

/** Loaded on first use: the client and the Azure SDK it brings are large, and most actions never cache. */
function actionsCache(): Promise<typeof ActionsCache> {
  return import('@actions/cache');
}

/**
 * Takes `::error…::` / `::warning…::` lines written to stdout off the stream and collects their messages; every
 * other line passes through. A refused reservation is only a debug line (then "Failed to save" as plain info), so
 * that cause is collected too. Returns the function that puts stdout back.
 */
function divertAnnotations(sink: string[]): () => void {
  const write = process.stdout.write;
  process.stdout.write = function (this: NodeJS.WriteStream, chunk: unknown, ...rest: unknown[]): boolean {
    const text = typeof chunk === 'string' ? chunk : Buffer.isBuffer(chunk) ? chunk.toString('utf8') : undefined;
    if (text === undefined) return write.call(this, chunk as string, ...(rest as []));
    const kept = text.split(/(?<=\n)/).filter((line) => {
      const reserve = /^::debug::Failed to reserve cache: (.*)$/s.exec(line);
      if (reserve) sink.push(`Failed to save: ${unescapeData(reserve[1]!.trimEnd())}`);
      const match = /^::(?:error|warning)(?: [^:]*)?::(.*)$/s.exec(line);
      if (match) sink.push(unescapeData(match[1]!.trimEnd()));
      return !match;
    });
    return kept.length === 0 ? true : write.call(this, kept.join(''), ...(rest as []));
  } as typeof process.stdout.write;
  return () => {
    process.stdout.write = write;
  };
}

function unescapeData(text: string): string {
  return text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}
