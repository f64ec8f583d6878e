import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UserError } from '../../src/errors.js';
import { readPredictions, MISSING_SLICE_VALUE } from '../../src/compare/predictions.js';
import { joinPredictions } from '../../src/compare/predictions-join.js';
import { binaryClassIndex, classIndex, detectTask } from '../../src/compare/predictions-task.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mlgate-predictions-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const write = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

/** The UserError a read fails with, rendered as `file:line: message`. */
async function readError(path: string, names = {}): Promise<string> {
  const error = await readPredictions(path, names).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UserError);
  return String(error);
}

describe('readPredictions', () => {
  it('reads CSV into typed columns, numbers and texts kept apart', async () => {
    const path = write('a.csv', 'id,label,prediction,score,region\n1,1,1,0.9,north\n2,0,1,0.6,south\n3,cat,0,0.1,\n');
    const p = await readPredictions(path, { slices: ['region'] });
    expect(p.rows).toBe(3);
    expect(p.ids).toEqual(['1', '2', '3']);
    expect([...p.lines]).toEqual([2, 3, 4]);
    expect(p.label.numbers).toBeInstanceOf(Float64Array);
    expect([...p.label.numbers.slice(0, 2)]).toEqual([1, 0]);
    expect(Number.isNaN(p.label.numbers[2])).toBe(true);
    expect([...p.label.textCodes]).toEqual([-1, -1, 0]);
    expect(p.label.texts).toEqual(['cat']);
    expect([...(p.score as Float64Array)]).toEqual([0.9, 0.6, 0.1]);
    const region = p.slices.get('region');
    expect(region?.values).toEqual(['north', 'south', MISSING_SLICE_VALUE]);
    expect([...(region?.codes ?? [])]).toEqual([0, 1, 2]);
    expect(p.columns).toEqual({ id: 'id', label: 'label', prediction: 'prediction', score: 'score' });
  });

  it('finds scikit-learn style column names (y_true, y_pred, proba) and reads TSV', async () => {
    const path = write('b.tsv', 'id\ty_true\ty_pred\tproba\na\t1\t1\t0.8\n');
    const p = await readPredictions(path);
    expect(p.columns).toEqual({ id: 'id', label: 'y_true', prediction: 'y_pred', score: 'proba' });
    expect(p.score?.[0]).toBe(0.8);
  });

  it('reads JSON Lines, with booleans as text classes and numeric ids as strings', async () => {
    const path = write(
      'c.jsonl',
      '{"id": 7, "label": true, "score": 0.7}\n{"id": "x", "label": false, "score": 0.2}\n',
    );
    const p = await readPredictions(path);
    expect(p.ids).toEqual(['7', 'x']);
    expect(p.label.texts).toEqual(['true', 'false']);
    expect(p.prediction).toBeUndefined();
  });

  it('uses explicitly named columns', async () => {
    const path = write('d.csv', 'key,truth,guess\nk1,2.5,2.0\n');
    const p = await readPredictions(path, { id: 'key', label: 'truth', prediction: 'guess' });
    expect(p.columns).toEqual({ id: 'key', label: 'truth', prediction: 'guess' });
    expect(p.prediction?.numbers[0]).toBe(2);
  });

  it.each([
    ['missing id', 'id,label,score\n1,1,0.5\n,0,0.5\n', /\.csv:3: predictions: id \(column 'id'\) is missing/],
    [
      'duplicate id',
      'id,label,score\n1,1,0.5\n2,0,0.5\n1,0,0.4\n',
      /\.csv:4: .*"1" is a duplicate \(first at line 2\)/,
    ],
    [
      'unparseable score',
      'id,label,score\n1,1,high\n',
      /\.csv:2: predictions: score \(column 'score'\) "high" is not a number/,
    ],
    ['infinite score', 'id,label,score\n1,1,Infinity\n', /\.csv:2: .*score.*Infinity is not a finite number/],
    ['missing label', 'id,label,score\n1,,0.5\n', /\.csv:2: predictions: label \(column 'label'\) is missing/],
    [
      'missing prediction',
      'id,label,prediction\n1,1,1\n2,0,\n',
      /\.csv:3: .*prediction \(column 'prediction'\) is missing/,
    ],
    ['ragged row', 'id,label,score\n1,1,0.5\n2,0\n', /\.csv:3:\d+: predictions: expected 3 fields, found 2/],
  ])('fails on a %s with file:line and the column', async (problem, text, message) => {
    expect(await readError(write(`e${problem.length}-${problem.replace(/\W/g, '')}.csv`, text))).toMatch(message);
  });

  it('bounds a long bad value in the message', async () => {
    const message = await readError(write('long.csv', `id,label,score\n1,1,${'x'.repeat(500)}\n`));
    expect(message.length).toBeLessThan(200);
    expect(message).toContain('…');
  });

  it('fails on a JSON Lines row read before the score key first appeared', async () => {
    const path = write(
      'late.jsonl',
      '{"id": 1, "label": 1, "prediction": 1}\n{"id": 2, "label": 0, "prediction": 0, "score": 0.2}\n',
    );
    expect(await readError(path)).toMatch(/late\.jsonl:1: predictions: score \(column 'score'\) is missing/);
  });

  it('names the missing column and the columns present', async () => {
    expect(await readError(write('nolabel.csv', 'id,y,score\n1,1,0.5\n'))).toMatch(
      /no label column 'label' \/ 'y_true' .*columns: id, y, score/,
    );
    expect(await readError(write('noout.csv', 'id,label\n1,1\n'))).toMatch(
      /need a prediction column .*, a score column .* or per-class score columns \('score_<class>'\)/,
    );
    expect(await readError(write('noslice.csv', 'id,label,score\n1,1,0.5\n'), { slices: ['region'] })).toMatch(
      /no slice column 'region'/,
    );
    expect(await readError(write('noscore.csv', 'id,label,prediction\n1,1,1\n'), { score: 'p' })).toMatch(
      /no score column 'p' \(named in the options\)/,
    );
  });
});

describe('joinPredictions', () => {
  it('pairs rows by id in candidate order and reports ids found on one side only', async () => {
    const candidate = await readPredictions(write('jc.csv', 'id,label,score\na,1,0.9\nb,0,0.1\nc,1,0.7\nd,0,0.4\n'));
    const baseline = await readPredictions(write('jb.csv', 'id,label,score\nd,0,0.3\nz,1,0.5\nb,0,0.2\na,1,0.8\n'));
    const joined = joinPredictions(candidate, baseline);
    expect([...joined.candidate]).toEqual([0, 1, 3]);
    expect([...joined.baseline]).toEqual([3, 2, 0]);
    expect(joined.summary).toEqual({
      candidateRows: 4,
      baselineRows: 4,
      matched: 3,
      onlyCandidate: { count: 1, examples: ['c'] },
      onlyBaseline: { count: 1, examples: ['z'] },
    });
  });

  it('names at most five unmatched ids but counts them all', async () => {
    const rows = Array.from({ length: 8 }, (_, i) => `c${i},1,0.5`).join('\n');
    const candidate = await readPredictions(write('many.csv', `id,label,score\nshared,0,0.5\n${rows}\n`));
    const baseline = await readPredictions(write('few.csv', 'id,label,score\nshared,0,0.4\n'));
    const { summary } = joinPredictions(candidate, baseline);
    expect(summary.onlyCandidate).toEqual({ count: 8, examples: ['c0', 'c1', 'c2', 'c3', 'c4'] });
  });

  it('fails when the two files give the same id different labels', async () => {
    const candidate = await readPredictions(write('lc.csv', 'id,label,score\na,1,0.9\nb,0,0.1\n'));
    const baseline = await readPredictions(write('lb.csv', 'id,label,score\nb,1,0.2\na,1,0.8\n'));
    expect(() => joinPredictions(candidate, baseline)).toThrow(
      /id "b" has label "0" here but "1" in .*lb\.csv:2; the candidate and baseline files disagree about the ground truth/,
    );
    try {
      joinPredictions(candidate, baseline);
    } catch (error) {
      expect((error as UserError).location).toEqual({ file: candidate.file, line: 3 });
    }
  });

  it('treats 1 and 1.0 as the same label', async () => {
    const candidate = await readPredictions(write('n1.csv', 'id,label,score\na,1,0.9\n'));
    const baseline = await readPredictions(write('n2.csv', 'id,label,score\na,1.0,0.8\n'));
    expect(joinPredictions(candidate, baseline).summary.matched).toBe(1);
  });
});

describe('classIndex', () => {
  it('sorts numeric classes by value, then text classes, the same way for both files', async () => {
    const a = await readPredictions(write('ka.csv', 'id,label,prediction\n1,dog,10\n2,cat,2\n'));
    const b = await readPredictions(write('kb.csv', 'id,label,prediction\n1,dog,cat\n2,cat,bird\n'));
    const index = classIndex([a.label, a.prediction!, b.label, b.prediction!]);
    expect(index.names).toEqual(['2', '10', 'bird', 'cat', 'dog']);
    expect([...index.ids(a.prediction!, Int32Array.from([0, 1]))]).toEqual([1, 0]);
    expect([...index.ids(b.prediction!, Int32Array.from([0, 1]))]).toEqual([3, 2]);
  });

  it('keeps 0/1 and false/true at ids 0/1 even when only the positive class occurs', async () => {
    const ones = await readPredictions(write('ones.csv', 'id,label,prediction\n1,1,1\n'));
    const binary = binaryClassIndex([ones.label], undefined, { setting: 'positive_class' });
    expect(binary.index.names).toEqual(['0', '1']);
    expect(binary.positive).toEqual({ name: '1', source: 'default' });
    expect([...binary.index.ids(ones.label, Int32Array.from([0]))]).toEqual([1]);
    const yes = await readPredictions(write('yes.csv', 'id,label,prediction\n1,True,True\n'));
    const truth = binaryClassIndex([yes.label], undefined, { setting: 'positive_class' });
    expect(truth.index.names).toEqual(['false', 'True']);
    expect([...truth.index.ids(yes.label, Int32Array.from([0]))]).toEqual([1]);
  });
});

describe('detectTask', () => {
  const file = async (name: string, rows: string) => readPredictions(write(name, `id,label,prediction\n${rows}`));

  it('detects binary, multiclass and regression from the values', async () => {
    const task = async (name: string, rows: string) => detectTask([await file(name, rows)]);
    expect(await task('t1.csv', '1,0,1\n2,1,1\n')).toEqual({
      task: 'binary',
      source: 'detected',
      why: 'integer labels and predictions with 2 distinct values',
    });
    expect((await task('t2.csv', '1,no,yes\n2,yes,yes\n')).task).toBe('binary');
    expect(await task('t3.csv', '1,0,2\n2,1,1\n3,2,2\n')).toEqual({
      task: 'multiclass',
      source: 'detected',
      why: 'integer labels and predictions with 3 distinct values',
    });
    expect((await task('t4.csv', '1,a,b\n2,c,c\n')).why).toBe('text labels with 3 classes');
    expect((await task('t5.csv', '1,1.5,2.25\n2,3,3\n')).why).toBe('non-integer values such as 1.5');
    const many = Array.from({ length: 30 }, (_, i) => `${i},${i},${i + 1}`).join('\n');
    expect((await task('t6.csv', `${many}\n`)).task).toBe('regression');
    expect(detectTask([await file('t7.csv', '1,3,4\n2,5,5\n')], 'regression')).toEqual({
      task: 'regression',
      source: 'configured',
    });
  });

  it('counts classes across both files: two binary-looking files with three classes are multiclass', async () => {
    const a = await file('u1.csv', '1,0,1\n');
    const b = await file('u2.csv', '1,0,2\n');
    expect(detectTask([a, b]).task).toBe('multiclass');
    expect(() => detectTask([a, b], 'binary')).toThrow(/binary classification needs at most two classes but found 3/);
  });

  it('refuses a configured task the data cannot be', async () => {
    const text = await file('v1.csv', '1,1,1\n2,cat,1\n');
    expect(() => detectTask([text], 'regression')).toThrow(/regression needs numeric values, but the label is "cat"/);
    const scoreOnly = await readPredictions(write('v2.csv', 'id,label,score\n1,0,0.5\n'));
    expect(() => detectTask([scoreOnly], 'multiclass')).toThrow(
      /multiclass classification needs a prediction column or per-class score columns/,
    );
  });
});
