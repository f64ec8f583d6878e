/** The trainer as mlgate runs it: the committed bundle (`node dist/train.js`) in a copy of the project. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { columnNames, encode, fitEncoder } from '../src/features.js';
import { isDelayed, parseFlights } from '../src/flights.js';
import { evaluate } from '../src/metrics.js';

const project = fileURLToPath(new URL('..', import.meta.url));
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mlgate-flights-'));
  for (const path of ['dist', 'data', 'params.yaml']) cpSync(join(project, path), join(dir, path), { recursive: true });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function train(params: string) {
  writeFileSync(join(dir, 'params.yaml'), params);
  return spawnSync(process.execPath, ['dist/train.js'], { cwd: dir, encoding: 'utf8' });
}

describe('dist/train.js', () => {
  it('writes the model, metrics that match its predictions, and one prediction per evaluation flight', () => {
    const run = train('train:\n  features: [hour, weekday, distance, origin]\n  airports: 10\n  C: 1.0\n');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const evaluation = parseFlights(readFileSync(join(dir, 'data/eval.csv'), 'utf8'), 'eval.csv');
    const lines = readFileSync(join(dir, 'out/predictions.csv'), 'utf8').trimEnd().split('\n');
    expect(lines[0]).toBe('id,label,score,origin');
    expect(lines).toHaveLength(evaluation.length + 1);
    const rows = lines.slice(1).map((line) => line.split(','));
    expect(rows.map((r) => r[0])).toEqual(evaluation.map((f) => f.id));
    expect(rows.map((r) => Number(r[1]))).toEqual(evaluation.map(isDelayed));
    expect(rows.map((r) => r[3])).toEqual(evaluation.map((f) => f.origin));

    const metrics = JSON.parse(readFileSync(join(dir, 'out/metrics.json'), 'utf8'));
    const recomputed = evaluate(
      rows.map((r) => Number(r[1])),
      rows.map((r) => Number(r[2])),
    );
    // The file's scores are rounded to 8 significant digits; the metrics were computed before rounding.
    expect(metrics.roc_auc).toBeCloseTo(recomputed.roc_auc, 6);
    expect(metrics.log_loss).toBeCloseTo(recomputed.log_loss, 6);
    expect(metrics).toMatchObject({ eval_rows: evaluation.length, train_rows: 20_000 });

    const model = JSON.parse(readFileSync(join(dir, 'out/model.json'), 'utf8'));
    expect(Object.keys(model.coefficients)).toHaveLength(24 + 7 + 1 + 10);
    expect(model.encoder.origins).toHaveLength(10);
  });

  it('trains the same bytes twice from the same inputs', () => {
    const params = 'train:\n  features: [hour, distance]\n  C: 0.5\n';
    train(params);
    const first = readFileSync(join(dir, 'out/model.json'));
    train(params);
    expect(readFileSync(join(dir, 'out/model.json')).equals(first)).toBe(true);
  });

  it('names the file and key of a bad params value, and exits 1', () => {
    const run = train('train:\n  features: [hour, weather]\n');
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      'train: params.yaml: train.features: unknown feature "weather" (known: hour, weekday, distance, origin, destination)\n',
    );
    expect(train('train:\n  features: [hour]\n  lr: 0.1\n').stderr).toBe(
      'train: params.yaml: unknown key train.lr (known: features, airports, C)\n',
    );
  });
});

describe('features', () => {
  const flights = parseFlights(
    [
      'id,date,distance,origin,destination,delay',
      '1,2001-05-06T07:45,100,ORD,LAX,20',
      '2,2001-05-07T23:05,1000,ORD,SFO,-3',
      '3,2001-05-08T00:30,10000,SFO,LAX,16',
    ].join('\n'),
    'flights.csv',
  );

  it('one-hot encodes hour and weekday, standardises log distance, and keeps the most frequent airports', () => {
    const encoder = fitEncoder(flights, ['hour', 'weekday', 'distance', 'origin'], 1);
    expect(encoder.origins).toEqual(['ORD']);
    const x = encode(encoder, flights);
    const names = columnNames(encoder);
    const row = (i: number) =>
      Object.fromEntries(names.map((n, j) => [n, x.values[i * x.columns + j]]).filter(([, v]) => v !== 0));
    // 2001-05-06 was a Sunday; ln(1000) is the mean of ln(100), ln(1000), ln(10000).
    expect(row(1)).toEqual({ 'hour=23': 1, 'weekday=1': 1, 'origin=ORD': 1 });
    expect(row(0)['hour=7']).toBe(1);
    expect(row(0)['weekday=0']).toBe(1);
    expect(row(0).log_distance).toBeCloseTo(-Math.sqrt(1.5), 12);
    expect(row(2)['origin=ORD']).toBeUndefined();
  });

  it('labels a flight delayed when it arrived more than 15 minutes late', () => {
    expect(flights.map(isDelayed)).toEqual([1, 0, 1]);
  });

  it('names the line and column of a value that is not a number', () => {
    expect(() =>
      parseFlights('id,date,distance,origin,destination,delay\n1,2001-05-06T07:45,far,ORD,LAX,2\n', 'x.csv'),
    ).toThrow('x.csv:2: column "distance" is not a number: "far"');
  });
});
