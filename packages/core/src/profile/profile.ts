import { UserError } from '../errors.js';
import { describeValue, expectArray, expectInteger, fail, type JsonObject } from '../sketch/json.js';
import { ColumnProfile, type ColumnProfileJSON } from './column.js';

export const PROFILE_SCHEMA = 'mlgate/profile@2';

/** Where a profile's rows came from: one entry per file or shard profiled. */
export interface ProfileSource {
  file: string;
  format: string;
  /** `i/n` when only a shard of the file was read, else null. */
  shard: { index: number; count: number } | null;
  /** The shard's nominal byte range and the file's size; rows starting in the range were read. */
  bytes: { start: number; end: number; size: number };
  rows: number;
  /** Data issues the reader found (rows dropped or read leniently). */
  issues: { errors: number; warnings: number };
}

export interface ProfileJSON {
  schema: typeof PROFILE_SCHEMA;
  rows: number;
  sources: ProfileSource[];
  columns: ColumnProfileJSON[];
}

const TOP_KEYS = new Set(['schema', 'rows', 'sources', 'columns']);

/** A dataset's profile: its columns' mergeable profiles and where the rows came from. */
export class Profile {
  constructor(
    public rows: number,
    readonly sources: ProfileSource[],
    readonly columns: ColumnProfile[],
  ) {}

  column(name: string): ColumnProfile | undefined {
    return this.columns.find((c) => c.name === name);
  }

  /**
   * Folds `other` (a profile of other rows of the same table, e.g. another shard) into this, as
   * if one pass had read both. Columns are matched by name; both must have the same set.
   */
  merge(other: Profile): this {
    const theirs = new Map(other.columns.map((c) => [c.name, c]));
    for (const column of this.columns) {
      if (!theirs.has(column.name)) {
        throw new UserError(`cannot merge profiles: column "${column.name}" is missing from ${describeSources(other)}`);
      }
    }
    const ours = new Set(this.columns.map((c) => c.name));
    for (const column of other.columns) {
      if (!ours.has(column.name)) {
        throw new UserError(`cannot merge profiles: column "${column.name}" is missing from ${describeSources(this)}`);
      }
    }
    for (const column of this.columns) column.merge(theirs.get(column.name)!);
    this.rows += other.rows;
    this.sources.push(...other.sources.map((s) => structuredClone(s)));
    return this;
  }

  /** `raw` keeps the columns' values as typed arrays, unencoded and without summaries: for a worker's result. */
  toJSON(options: { raw?: boolean } = {}): ProfileJSON {
    return {
      schema: PROFILE_SCHEMA,
      rows: this.rows,
      sources: this.sources.map((s) => structuredClone(s)),
      columns: this.columns.map((c) => c.toJSON(options)),
    };
  }

  /** Reads a profile written by `toJSON`; any problem is a UserError naming `file` and the key path. */
  static fromJSON(json: unknown, file?: string): Profile {
    try {
      return readProfile(json);
    } catch (error) {
      if (error instanceof UserError && file !== undefined) {
        throw new UserError(error.message, { ...error.location, file });
      }
      throw error;
    }
  }
}

/** Merges profiles left to right into a new profile (the inputs are not changed). */
export function mergeProfiles(profiles: readonly Profile[]): Profile {
  const [first, ...rest] = profiles;
  if (first === undefined) throw new UserError('no profiles to merge');
  const merged = Profile.fromJSON(first.toJSON({ raw: true }));
  for (const profile of rest) merged.merge(profile);
  return merged;
}

/**
 * The buffers under a raw profile's typed arrays (see `toJSON`), each the JSON's own: a worker posts its result with
 * them as the transfer list, so they move to the receiving thread instead of being copied there.
 */
export function rawProfileBuffers(json: ProfileJSON): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const column of json.columns) {
    for (const summary of [column.numbers, column.instants]) {
      const arrays = [summary.exact.raw, summary.grid?.raw?.keys, summary.grid?.raw?.counts, summary.grid?.raw?.values];
      for (const array of arrays) if (array) buffers.add(array.buffer as ArrayBuffer);
    }
  }
  return [...buffers];
}

function describeSources(profile: Profile): string {
  const files = profile.sources.map((s) => (s.shard ? `${s.file} (shard ${s.shard.index}/${s.shard.count})` : s.file));
  return files.length === 0 ? 'the other profile' : files.join(', ');
}

function readProfile(json: unknown): Profile {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    fail('$', `expected a profile object, got ${describeValue(json)}`);
  }
  const obj = json as JsonObject;
  if (obj.schema === 'mlgate/profile@1') {
    fail(
      '$.schema',
      'is mlgate/profile@1, from an older mlgate whose sketches gave approximate drift statistics; profile the data again',
    );
  }
  if (obj.schema === undefined) {
    fail(
      '$',
      `is not an mlgate profile (no "schema": "${PROFILE_SCHEMA}"); \`mlgate profile <data> -o <file>\` writes one`,
    );
  }
  if (obj.schema !== PROFILE_SCHEMA) {
    fail('$.schema', `expected "${PROFILE_SCHEMA}", got ${describeValue(obj.schema)}`);
  }
  for (const key of Object.keys(obj)) if (!TOP_KEYS.has(key)) fail(`$.${key}`, 'unknown key');
  const rows = expectInteger(obj, 'rows', '$', 0, Number.MAX_SAFE_INTEGER);
  const sources = expectArray(obj, 'sources', '$').map((s, i) => readSource(s, `$.sources[${i}]`));
  const sourceRows = sources.reduce((sum, s) => sum + s.rows, 0);
  if (sources.length > 0 && sourceRows !== rows) fail('$.rows', `is ${rows} but the sources hold ${sourceRows} rows`);
  const names = new Set<string>();
  const columns = expectArray(obj, 'columns', '$').map((c, i) => {
    const path = `$.columns[${i}]`;
    const column = ColumnProfile.fromJSON(c, path);
    if (names.has(column.name)) fail(`${path}.name`, `column "${column.name}" appears twice`);
    names.add(column.name);
    if (column.count !== rows) fail(`${path}.count`, `is ${column.count} but the profile has ${rows} rows`);
    return column;
  });
  return new Profile(rows, sources, columns);
}

const SOURCE_KEYS = new Set(['file', 'format', 'shard', 'bytes', 'rows', 'issues']);

function readSource(value: unknown, path: string): ProfileSource {
  const obj = expectObject(value, path);
  for (const key of Object.keys(obj)) if (!SOURCE_KEYS.has(key)) fail(`${path}.${key}`, 'unknown key');
  if (typeof obj.file !== 'string') fail(`${path}.file`, `expected a string, got ${describeValue(obj.file)}`);
  if (typeof obj.format !== 'string') fail(`${path}.format`, `expected a string, got ${describeValue(obj.format)}`);
  let shard: ProfileSource['shard'] = null;
  if (obj.shard !== null) {
    const s = expectObject(obj.shard, `${path}.shard`);
    const count = expectInteger(s, 'count', `${path}.shard`, 1, 1_000_000);
    shard = { index: expectInteger(s, 'index', `${path}.shard`, 1, count), count };
  }
  const b = expectObject(obj.bytes, `${path}.bytes`);
  const size = expectInteger(b, 'size', `${path}.bytes`, 0, Number.MAX_SAFE_INTEGER);
  const start = expectInteger(b, 'start', `${path}.bytes`, 0, size);
  const end = expectInteger(b, 'end', `${path}.bytes`, start, size);
  const issues = expectObject(obj.issues, `${path}.issues`);
  return {
    file: obj.file,
    format: obj.format,
    shard,
    bytes: { start, end, size },
    rows: expectInteger(obj, 'rows', path, 0, Number.MAX_SAFE_INTEGER),
    issues: {
      errors: expectInteger(issues, 'errors', `${path}.issues`, 0, Number.MAX_SAFE_INTEGER),
      warnings: expectInteger(issues, 'warnings', `${path}.issues`, 0, Number.MAX_SAFE_INTEGER),
    },
  };
}

function expectObject(value: unknown, path: string): JsonObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    fail(path, `expected an object, got ${describeValue(value)}`);
  }
  return value as JsonObject;
}
