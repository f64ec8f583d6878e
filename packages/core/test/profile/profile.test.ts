import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UserError } from '../../src/errors.js';
import { HyperLogLog } from '../../src/sketch/hll.js';
import { KllSketch } from '../../src/sketch/kll.js';
import { inferType } from '../../src/profile/infer-type.js';
import { mergeProfiles, Profile } from '../../src/profile/profile.js';
import { profileFile } from '../../src/profile/profile-file.js';
import { readProfileFile } from '../../src/profile/read.js';
import { mixedCsv } from './fixture.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mlgate-profile-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

function thrown(fn: () => unknown): UserError {
  try {
    fn();
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error('expected a UserError');
}

describe('type inference', () => {
  it('names each column by what its non-null values parse as, and records strays in typeCounts', async () => {
    const lines = ['int,num,bool,date,text,mostly_num,blank'];
    for (let i = 0; i < 200; i++) {
      const mostly = i === 0 ? 'n.a.' : String(i * 2);
      lines.push(
        `${i},${i + 0.25},${i % 2 ? 'TRUE' : 'false'},2024-03-${String((i % 28) + 1).padStart(2, '0')},w${i},${mostly},`,
      );
    }
    const { profile } = await profileFile(write('types.csv', `${lines.join('\n')}\n`));
    const types = Object.fromEntries(profile.columns.map((c) => [c.name, c.type]));
    expect(types).toEqual({
      int: 'integer',
      num: 'number',
      bool: 'boolean',
      date: 'datetime',
      text: 'string',
      mostly_num: 'integer',
      blank: 'empty',
    });
    // 1 stray of 200 is within the 1% allowance, and it is still counted.
    expect(profile.column('mostly_num')!.typeCounts).toEqual({
      integer: 199,
      number: 0,
      boolean: 0,
      datetime: 0,
      string: 1,
    });
    expect(profile.column('blank')!.nulls).toBe(200);
  });

  it('falls back to string when more than 1% of values are not numbers, and reads 1.0 as a decimal', () => {
    expect(inferType({ integer: 97, number: 0, boolean: 0, datetime: 0, string: 3 })).toBe('string');
    expect(inferType({ integer: 99, number: 1, boolean: 0, datetime: 0, string: 0 })).toBe('number');
    expect(inferType({ integer: 0, number: 0, boolean: 0, datetime: 0, string: 0 })).toBe('empty');
  });

  it('reads ISO dates and date-times with offsets, rejecting impossible dates', async () => {
    const csv = 'd\n2024-02-29\n2023-02-29\n2024-01-01T00:00:00+02:00\n2024-01-01 23:59:59.123Z\n';
    const { profile } = await profileFile(write('dates.csv', csv));
    const d = profile.column('d')!;
    expect(d.typeCounts).toMatchObject({ datetime: 3, string: 1 });
    expect(d.summary().datetime).toEqual({ min: '2023-12-31T22:00:00.000Z', max: '2024-02-29T00:00:00.000Z' });
  });

  it('keeps quoted JSON strings as text but reads JSON numbers and booleans by value', async () => {
    const jsonl = ['{"zip":"01234","n":3,"ok":true}', '{"zip":"99999","n":4.5,"ok":false}', '{"zip":null,"n":5}'];
    const { profile } = await profileFile(write('rows.jsonl', `${jsonl.join('\n')}\n`));
    expect(profile.column('zip')!.type).toBe('string');
    expect(profile.column('n')!.type).toBe('number');
    expect(profile.column('ok')!.type).toBe('boolean');
    expect(profile.column('ok')!.nulls).toBe(1);
  });
});

describe('statistics', () => {
  it('matches exact count, nulls, mean, variance, min, max and sum computed here', async () => {
    const data = mixedCsv(5000);
    const { profile } = await profileFile(write('mixed.csv', data.csv));
    const amount = profile.column('amount')!;
    const xs = data.amounts;
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length - 1);
    expect(profile.rows).toBe(5000);
    expect(amount.count).toBe(5000);
    expect(amount.nulls).toBe(5000 - xs.length);
    expect(amount.moments.mean).toBeCloseTo(mean, 9);
    expect(amount.moments.sampleVariance / variance).toBeCloseTo(1, 12);
    expect(amount.moments.min).toBe(Math.min(...xs));
    expect(amount.moments.max).toBe(Math.max(...xs));
    const summary = amount.summary();
    const sorted = [...xs].sort((a, b) => a - b);
    const eps = summary.numeric!.rankError;
    expect(eps).toBeCloseTo(KllSketch.normalizedRankError(200), 12);
    for (const [key, q] of Object.entries({ p5: 0.05, p50: 0.5, p95: 0.95 })) {
      const rank = sorted.filter((x) => x <= summary.numeric!.quantiles[key]!).length / sorted.length;
      expect(Math.abs(rank - q)).toBeLessThanOrEqual(eps);
    }
    expect(summary.numeric!.histogram.counts.reduce((a, b) => a + b, 0)).toBe(xs.length);
  });

  it('estimates distinct values within 3 HyperLogLog standard errors and string lengths in code points', async () => {
    const data = mixedCsv(20000, 11);
    const { profile } = await profileFile(write('distinct.csv', data.csv));
    const user = profile.column('user')!;
    const error = Math.abs(user.distinct - data.users.size) / data.users.size;
    expect(error).toBeLessThanOrEqual(3 * HyperLogLog.relativeStandardError());
    expect(profile.column('id')!.distinct / 20000).toBeCloseTo(1, 1);
    const lengths = [...data.users].map((u) => [...u].length);
    expect(user.summary().length).toEqual({ min: Math.min(...lengths), max: Math.max(...lengths) });
  });

  it('lists frequent values for text columns and low-cardinality numeric ones, not for continuous numbers', async () => {
    const lines = ['grade,code,x'];
    for (let i = 0; i < 300; i++) lines.push(`${['a', 'b', 'b', 'c', 'c', 'c'][i % 6]},${i % 4},${i * 1.001}`);
    const { profile } = await profileFile(write('freq.csv', `${lines.join('\n')}\n`), { frequentExactLimit: 100 });
    expect(profile.column('grade')!.topValues(2)).toEqual([
      { value: 'c', count: 150 },
      { value: 'b', count: 100 },
    ]);
    expect(
      profile
        .column('code')!
        .topValues()
        .map((t) => [t.value, t.count]),
    ).toEqual([
      ['0', 75],
      ['1', 75],
      ['2', 75],
      ['3', 75],
    ]);
    expect(profile.column('x')!.numericFrequent).toBeNull();
    expect(profile.column('x')!.topValues()).toEqual([]);
  });

  it('counts a header-only file as zero rows with its columns', async () => {
    const { profile } = await profileFile(write('header.csv', 'a,b\n'));
    expect(profile.rows).toBe(0);
    expect(profile.columns.map((c) => [c.name, c.type])).toEqual([
      ['a', 'empty'],
      ['b', 'empty'],
    ]);
  });
});

describe('merging shard profiles', () => {
  async function shards(path: string, count: number): Promise<Profile[]> {
    const out: Profile[] = [];
    for (let index = 1; index <= count; index++)
      out.push((await profileFile(path, { shard: { index, count } })).profile);
    return out;
  }

  it.each([2, 3])(
    'merging %i shards equals one pass: exact counts, moments and HLL, KLL within its error',
    async (n) => {
      const data = mixedCsv(30000, 3);
      const path = write(`shards-${n}.csv`, data.csv);
      const { profile: whole } = await profileFile(path);
      const parts = await shards(path, n);
      expect(parts.every((p) => p.rows > 0 && p.rows < whole.rows)).toBe(true);
      const merged = mergeProfiles(parts);
      expect(merged.rows).toBe(whole.rows);
      expect(merged.sources.map((s) => s.shard)).toEqual(parts.map((_, i) => ({ index: i + 1, count: n })));
      for (const column of whole.columns) {
        const m = merged.column(column.name)!;
        expect([m.count, m.nulls, m.nonFinite, m.type]).toEqual([
          column.count,
          column.nulls,
          column.nonFinite,
          column.type,
        ]);
        expect(m.typeCounts).toEqual(column.typeCounts);
        expect(m.summary().length).toEqual(column.summary().length);
        expect(m.summary().datetime).toEqual(column.summary().datetime);
        expect(m.hll.equals(column.hll)).toBe(true);
        expect(m.moments.count).toBe(column.moments.count);
        if (column.moments.count > 0) {
          expect([m.moments.min, m.moments.max]).toEqual([column.moments.min, column.moments.max]);
          expect(Math.abs(m.moments.mean - column.moments.mean)).toBeLessThanOrEqual(
            1e-9 * Math.abs(column.moments.mean),
          );
          expect(Math.abs(m.moments.m2 - column.moments.m2)).toBeLessThanOrEqual(1e-9 * column.moments.m2);
          expect(Math.abs(m.moments.sum - column.moments.sum)).toBeLessThanOrEqual(1e-9 * Math.abs(column.moments.sum));
        }
        expect(m.frequent.isExact).toBe(column.frequent.isExact);
        if (column.frequent.isExact) expect(m.frequent.exactCounts()).toEqual(column.frequent.exactCounts());
      }
      const amounts = Float64Array.from(data.amounts).sort();
      const eps = KllSketch.normalizedRankError(200);
      const kll = merged.column('amount')!.kll;
      for (let q = 0.05; q < 1; q += 0.05) {
        let below = 0;
        const x = kll.quantile(q);
        while (below < amounts.length && amounts[below]! <= x) below++;
        expect(Math.abs(below / amounts.length - q)).toBeLessThanOrEqual(eps);
      }
    },
  );

  it('refuses to merge profiles with different columns, naming the column', async () => {
    const a = (await profileFile(write('m1.csv', 'x,y\n1,2\n'))).profile;
    const b = (await profileFile(write('m2.csv', 'x,z\n1,2\n'))).profile;
    const error = thrown(() => mergeProfiles([a, b]));
    expect(error.message).toMatch(/column "y" is missing from .*m2\.csv/);
  });
});

describe('profile JSON', () => {
  it('round-trips through JSON text to an identical profile', async () => {
    const path = write('round.csv', mixedCsv(3000, 5).csv);
    const { profile } = await profileFile(path, { shard: { index: 2, count: 2 } });
    const json = JSON.parse(JSON.stringify(profile));
    expect(json.schema).toBe('mlgate/profile@1');
    const again = Profile.fromJSON(json, 'p.json');
    expect(JSON.parse(JSON.stringify(again))).toEqual(json);
  });

  it('rejects malformed profiles with the file and the key path of the problem', async () => {
    const { profile } = await profileFile(write('bad.csv', 'a,b\n1,x\n2,y\n'));
    const json = JSON.parse(JSON.stringify(profile));
    json.columns[1].nulls = 5;
    let error = thrown(() => Profile.fromJSON(json, 'bad.json'));
    expect(error.location).toEqual({ file: 'bad.json', path: '$.columns[1].nulls' });

    const wrongKll = JSON.parse(JSON.stringify(profile));
    wrongKll.columns[0].kll.items = ['x'];
    error = thrown(() => Profile.fromJSON(wrongKll, 'bad.json'));
    expect(error.location.path).toBe('$.columns[0].kll.items[0]');

    const extra = { ...JSON.parse(JSON.stringify(profile)), surprise: 1 };
    expect(thrown(() => Profile.fromJSON(extra)).location.path).toBe('$.surprise');
    expect(thrown(() => Profile.fromJSON({ schema: 'mlgate/report@1' })).location.path).toBe('$.schema');
  });

  it('reports invalid JSON text at its line and column', async () => {
    const path = write('broken.json', '{\n  "schema": \n}');
    await expect(readProfileFile(path)).rejects.toMatchObject({ location: { file: path, line: 3 } });
  });
});
