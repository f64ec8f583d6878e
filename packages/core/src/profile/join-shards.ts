import { ColumnProfile } from './column.js';
import { Profile, type ProfileSource } from './profile.js';

/**
 * The profile of consecutive shards of one file, profiled separately (e.g. on worker threads), as
 * the single pass over their union would have recorded it: columns in order of first appearance
 * (a JSON Lines key missing from a shard counts as null there), one source entry for the whole
 * range, and `shard` naming the range as the caller asked for it (`null` for the whole file).
 * The parts are consumed: the result is built from their sketches.
 */
export function joinShardProfiles(parts: readonly Profile[], shard: ProfileSource['shard']): Profile {
  const names: string[] = [];
  const seen = new Set<string>();
  for (const part of parts) {
    for (const column of part.columns) {
      if (!seen.has(column.name)) names.push(column.name);
      seen.add(column.name);
    }
  }
  const [first, ...rest] = parts.map((part) => withColumns(part, names));
  if (first === undefined) throw new RangeError('no shard profiles to join');
  for (const part of rest) first.merge(part);
  first.sources.splice(
    0,
    first.sources.length,
    joinSources(
      parts.flatMap((part) => part.sources),
      shard,
    ),
  );
  return first;
}

function withColumns(part: Profile, names: readonly string[]): Profile {
  const columns = names.map((name) => {
    const column = part.column(name);
    if (column) return column;
    const missing = new ColumnProfile(name);
    missing.addMissing(part.rows);
    return missing;
  });
  return new Profile(part.rows, [...part.sources], columns);
}

function joinSources(sources: readonly ProfileSource[], shard: ProfileSource['shard']): ProfileSource {
  const first = sources[0]!;
  const last = sources[sources.length - 1]!;
  return {
    file: first.file,
    format: first.format,
    shard,
    bytes: { start: first.bytes.start, end: last.bytes.end, size: first.bytes.size },
    rows: sources.reduce((sum, s) => sum + s.rows, 0),
    issues: {
      errors: sources.reduce((sum, s) => sum + s.issues.errors, 0),
      warnings: sources.reduce((sum, s) => sum + s.issues.warnings, 0),
    },
  };
}
