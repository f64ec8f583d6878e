import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { UserError } from '../../src/errors.js';
import { metricsFormat, parseMetricsText } from '../../src/compare/metrics-file.js';
import { readMetricsFile } from '../../src/compare/read-metrics-file.js';

function thrown(run: () => unknown): UserError {
  try {
    run();
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error('expected a UserError');
}

const NESTED = [
  ['train.auc', 0.91],
  ['train.loss', 0.32],
  ['test.auc', 0.88],
  ['thresholds.0', 0.5],
  ['thresholds.1', 0.7],
  ['model', 'gbm'],
] as const;

describe('parseMetricsText flattens DVC-style nested files', () => {
  it.each([
    [
      'metrics.json',
      '{"train": {"auc": 0.91, "loss": 0.32}, "test": {"auc": 0.88}, "thresholds": [0.5, 0.7], "model": "gbm"}',
    ],
    ['metrics.yaml', 'train:\n  auc: 0.91\n  loss: 0.32\ntest:\n  auc: 0.88\nthresholds: [0.5, 0.7]\nmodel: gbm\n'],
    ['metrics.yml', 'train: {auc: 0.91, loss: 0.32}\ntest: {auc: 0.88}\nthresholds:\n  - 0.5\n  - 0.7\nmodel: gbm\n'],
    ['metrics.toml', 'thresholds = [0.5, 0.7]\nmodel = "gbm"\n[train]\nauc = 0.91\nloss = 0.32\n[test]\nauc = 0.88\n'],
  ])('%s', (file, text) => {
    const flat = parseMetricsText(text, file);
    expect(Object.fromEntries(flat)).toEqual(Object.fromEntries(NESTED));
  });

  it('keeps YAML, TOML and Python-JSON NaN and infinities as numbers', () => {
    const yaml = parseMetricsText('loss: .nan\nrmse: .inf\nr2: -.inf\n', 'm.yaml');
    const toml = parseMetricsText('loss = nan\nrmse = inf\nr2 = -inf\n', 'm.toml');
    const json = parseMetricsText('{"loss": NaN, "rmse": Infinity, "r2": -Infinity, "note": "NaN Infinity"}', 'm.json');
    for (const flat of [yaml, toml, json]) {
      expect(flat.get('loss')).toBeNaN();
      expect(flat.get('rmse')).toBe(Number.POSITIVE_INFINITY);
      expect(flat.get('r2')).toBe(Number.NEGATIVE_INFINITY);
    }
    expect(json.get('note')).toBe('NaN Infinity');
  });

  it('keeps TOML dates and integers too large for a double exactly as written', () => {
    const flat = parseMetricsText('trained = 2026-05-27\nseed = 12345678901234567890\nepochs = 10\n', 'params.toml');
    expect(flat.get('trained')).toBe('2026-05-27');
    expect(flat.get('seed')).toBe('12345678901234567890');
    expect(flat.get('epochs')).toBe(10);
  });

  it('refuses a document whose keys collide once flattened', () => {
    const error = thrown(() => parseMetricsText('{"a.b": 1, "a": {"b": 2}}', 'm.json'));
    expect(error.message).toContain('"a.b" appears twice');
  });

  it('treats a "__proto__" key as a plain name in every format', () => {
    const expected = { '__proto__.auc': 0.9 };
    expect(Object.fromEntries(parseMetricsText('{"__proto__": {"auc": 0.9}}', 'm.json'))).toEqual(expected);
    expect(Object.fromEntries(parseMetricsText('__proto__:\n  auc: 0.9\n', 'm.yaml'))).toEqual(expected);
    expect(Object.fromEntries(parseMetricsText('[__proto__]\nauc = 0.9\n', 'm.toml'))).toEqual(expected);
    expect(({} as Record<string, unknown>)['auc']).toBeUndefined();
  });

  it('refuses a top level that is not a mapping', () => {
    expect(thrown(() => parseMetricsText('[1, 2]', 'm.json')).message).toContain('not a list');
    expect(thrown(() => parseMetricsText('', 'm.yaml')).message).toContain('mapping');
  });
});

describe('parseMetricsText reads CSV and TSV tables', () => {
  it('reads a header row with one row of values, typing each cell', () => {
    const flat = parseMetricsText('auc,loss,model,calibrated,notes\n0.91,3.2e-1,"gbm, v2",true,\n', 'm.csv');
    expect(Object.fromEntries(flat)).toEqual({
      auc: 0.91,
      loss: 0.32,
      model: 'gbm, v2',
      calibrated: true,
      notes: null,
    });
  });

  it('reads two columns metric,value (TSV, CRLF line ends)', () => {
    const flat = parseMetricsText('Metric\tValue\r\ntrain.auc\t0.9\r\nloss\tnan\r\nlatency\t-inf\r\n', 'm.tsv');
    expect(flat.get('train.auc')).toBe(0.9);
    expect(flat.get('loss')).toBeNaN();
    expect(flat.get('latency')).toBe(Number.NEGATIVE_INFINITY);
  });

  it('says which line is wrong when there are several value rows', () => {
    const error = thrown(() => parseMetricsText('auc,loss\n0.9,0.3\n0.8,0.4\n', 'm.csv'));
    expect(error.message).toContain('has 2 data rows');
    expect(error.location).toEqual({ file: 'm.csv', line: 3 });
  });

  it('reports a row whose width differs from the header and an unclosed quote', () => {
    expect(thrown(() => parseMetricsText('auc,loss\n0.9\n', 'm.csv')).location.line).toBe(2);
    const unclosed = thrown(() => parseMetricsText('metric,value\nauc,"0.9\n', 'm.csv'));
    expect(unclosed.message).toContain('never closed');
    expect(unclosed.location.line).toBe(2);
  });

  it('refuses a metric named twice', () => {
    expect(thrown(() => parseMetricsText('metric,value\nauc,0.9\nauc,0.8\n', 'm.csv')).message).toContain(
      '"auc" twice',
    );
  });
});

describe('parseMetricsText syntax errors name the file and position', () => {
  it.each([
    ['m.json', '{\n  "auc": 0.9,\n  "loss": }\n', 'invalid JSON', 3],
    ['m.yaml', 'auc: 0.9\nloss: [0.3\n', 'invalid YAML', 3],
    ['m.toml', 'auc = 0.9\nloss = = 2\n', 'invalid TOML', 2],
  ])('%s', (file, text, prefix, line) => {
    const error = thrown(() => parseMetricsText(text, file));
    expect(error.message).toMatch(new RegExp(`^${prefix}: `));
    expect(error.location.file).toBe(file);
    expect(error.location.line).toBe(line);
    expect(error.location.column).toEqual(expect.any(Number));
  });

  it('keeps JSON error positions right after a NaN earlier in the file', () => {
    const error = thrown(() => parseMetricsText('{"loss": NaN,\n "auc": 0.9,,\n}', 'm.json'));
    expect(error.location).toMatchObject({ line: 2, column: 13 });
  });
});

describe('metricsFormat', () => {
  it('picks the format from the extension, case-insensitively', () => {
    expect(metricsFormat('dvc/metrics.JSON')).toBe('json');
    expect(metricsFormat('params.yml')).toBe('yaml');
    expect(metricsFormat('scores.tsv')).toBe('tsv');
  });

  it('refuses an unknown or missing extension with a UserError naming the file', () => {
    const error = thrown(() => metricsFormat('metrics.txt'));
    expect(error.message).toContain('".txt"');
    expect(error.location.file).toBe('metrics.txt');
    expect(thrown(() => metricsFormat('METRICS')).message).toContain('no extension');
    expect(thrown(() => metricsFormat('x.constructor')).message).toContain('".constructor"');
  });
});

describe('readMetricsFile', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mlgate-metrics-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads and flattens a file from disk', async () => {
    const path = join(dir, 'metrics.json');
    await writeFile(path, '{"eval": {"auc": 0.9}}');
    expect(Object.fromEntries(await readMetricsFile(path))).toEqual({ 'eval.auc': 0.9 });
  });

  it('checks the extension before touching the disk', async () => {
    await expect(readMetricsFile(join(dir, 'absent.ini'))).rejects.toThrow(/extension "\.ini"/);
    await expect(readMetricsFile(join(dir, 'absent.json'))).rejects.toThrow('file not found');
  });
});
