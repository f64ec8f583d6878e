import { readFile } from 'node:fs/promises';
import { basename, dirname, extname, resolve } from 'node:path';
import {
  DEFAULT_COLUMN_NAMES,
  type FlatValues,
  type Lineage,
  MANIFEST_SCHEMA_ID,
  type Manifest,
  parseManifest,
  type PredictionColumnNames,
  type Predictions,
  UserError,
  formatOf,
  readCsvColumns,
  readMetricsFile,
  readPredictions,
} from '@mlgate/core';
import { type UserPath, readAs, userPath } from './paths.js';

/** What a candidate (or baseline) file holds. */
export type SideKind = 'metrics' | 'predictions' | 'manifest';

/** One side of a comparison, read. */
export type Side =
  | { kind: 'metrics'; files: UserPath[]; values: FlatValues; lineage?: Lineage }
  | { kind: 'predictions'; file: UserPath; predictions: Predictions };

const PREDICTION_EXTENSIONS = new Set(['.jsonl', '.ndjson', '.parquet']);
const MANIFEST_SUFFIX = 'manifest.json';

/**
 * A manifest by its name (`mlgate.manifest.json`); JSON Lines and Parquet are always predictions; a CSV or
 * TSV is predictions when its header has both an id and a label column, else a metrics table; anything else
 * is a metrics file.
 */
export async function sideKind(path: UserPath, predictions: boolean): Promise<SideKind> {
  if (predictions) return 'predictions';
  if (basename(path.absolute).toLowerCase().endsWith(MANIFEST_SUFFIX)) return 'manifest';
  const extension = extname(path.absolute.toLowerCase().replace(/\.gz$/, ''));
  if (PREDICTION_EXTENSIONS.has(extension)) return 'predictions';
  if (extension !== '.csv' && extension !== '.tsv') return 'metrics';
  const format = formatOf(path.absolute);
  const columns = await readAs(path, (file) => readCsvColumns(file, format === 'tsv' ? { delimiter: '\t' } : {}));
  const has = (names: readonly string[]) => names.some((name) => columns.includes(name));
  return has(DEFAULT_COLUMN_NAMES.id) && has(DEFAULT_COLUMN_NAMES.label) ? 'predictions' : 'metrics';
}

/** Reads one side; `columns` names the predictions' columns, with the slice columns to compare slices by. */
export async function readSide(
  path: UserPath,
  kind: SideKind,
  columns: PredictionColumnNames,
  cwd: string,
): Promise<Side> {
  switch (kind) {
    case 'predictions':
      return { kind, file: path, predictions: await readAs(path, (file) => readPredictions(file, columns)) };
    case 'metrics':
      return { kind, files: [path], values: await readAs(path, readMetricsFile) };
    case 'manifest':
      return readManifest(path, cwd);
  }
}

/** Reads metrics files into one set of values; a key in two files is ambiguous and an error. */
export async function readMetricsFiles(paths: readonly UserPath[]): Promise<FlatValues> {
  const values: FlatValues = new Map();
  const from = new Map<string, string>();
  for (const path of paths) {
    for (const [key, value] of await readAs(path, readMetricsFile)) {
      const earlier = from.get(key);
      if (earlier !== undefined) {
        throw new UserError(`metric "${key}" is also in ${earlier}; name each metric in one file only`, {
          file: path.shown,
        });
      }
      from.set(key, path.shown);
      values.set(key, value);
    }
  }
  return values;
}

/**
 * `mlgate.manifest.json`: its `metrics` is a metrics file path or a list of them (relative to the
 * manifest's folder), or the metric values themselves. One that `mlgate train` wrote (`mlgate/manifest@1` with a fingerprint) is
 * checked against its schema and brings the candidate's lineage.
 */
async function readManifest(path: UserPath, cwd: string): Promise<Side> {
  const flat = await readAs(path, readMetricsFile);
  // Written by train: a fingerprint, and metric values rather than paths.
  if (flat.get('schema') === MANIFEST_SCHEMA_ID && flat.has('fingerprint')) {
    const manifest = parseManifest(JSON.parse(await readFile(path.absolute, 'utf8')), path.shown);
    const values: FlatValues = new Map(Object.entries(manifest.metrics));
    if (values.size === 0)
      throw new UserError('has no metric values: the training wrote no metrics', { file: path.shown, path: 'metrics' });
    return { kind: 'metrics', files: [path], values, lineage: lineageOf(manifest) };
  }
  const single = flat.get('metrics');
  const listed = [...flat].filter(([key]) => /^metrics\.\d+$/.test(key)).map(([, value]) => value);
  const inline = [...flat].filter(([key]) => key.startsWith('metrics.') && !/^metrics\.\d+$/.test(key));
  const folder = dirname(path.absolute);
  const paths = (typeof single === 'string' ? [single] : listed).map((file) => {
    if (typeof file !== 'string' || file === '') {
      throw new UserError('metrics: expected metrics file paths', { file: path.shown, path: 'metrics' });
    }
    return userPath(resolve(folder, file), cwd);
  });
  if (paths.length > 0) return { kind: 'metrics', files: paths, values: await readMetricsFiles(paths) };
  if (inline.length > 0) {
    return { kind: 'metrics', files: [path], values: new Map(inline.map(([key, value]) => [key.slice(8), value])) };
  }
  throw new UserError('has no "metrics": expected a metrics file path, a list of them or the metric values', {
    file: path.shown,
    path: 'metrics',
  });
}

function lineageOf(manifest: Manifest): Lineage {
  const { git, run, cache } = manifest;
  return {
    fingerprint: manifest.fingerprint,
    commit: git.sha,
    dirty: git.dirty,
    run: run ? (run.url ?? run.id) : null,
    trainedAt: cache.restoredFrom?.startedAt ?? manifest.startedAt,
    cacheHit: cache.hit,
  };
}
