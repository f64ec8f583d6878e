import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UserError } from '../../src/errors.js';
import { HyperLogLog } from '../../src/sketch/hll.js';
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
    const moments = amount.numbers.moments;
    expect(moments.mean).toBeCloseTo(mean, 9);
    expect(moments.sampleVariance / variance).toBeCloseTo(1, 12);
    expect(moments.min).toBe(Math.min(...xs));
    expect(moments.max).toBe(Math.max(...xs));
    const summary = amount.summary();
    const sorted = [...xs].sort((a, b) => a - b);
    // numpy.quantile's linear interpolation at h = q·(n − 1), written out on the sorted values.
    const numpy = (q: number) => {
      const h = q * (sorted.length - 1);
      const i = Math.floor(h);
      const t = h - i;
      const [a, b] = [sorted[i]!, sorted[Math.min(i + 1, sorted.length - 1)]!];
      return t === 0 ? a : t >= 0.5 ? b - (b - a) * (1 - t) : a + (b - a) * t;
    };
    expect(summary.numeric!.exact).toBe(true);
    for (const [key, q] of Object.entries({ p5: 0.05, p50: 0.5, p95: 0.95 })) {
      expect(summary.numeric!.quantiles[key]).toBe(numpy(q));
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
    // 300 distinct values, each once: all listed in count order (ties by value), as exact counts.
    expect(profile.column('x')!.topValues(2)).toEqual([
      { value: '0', count: 1 },
      { value: '1.001', count: 1 },
    ]);
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

  it.each([2, 3])('merging %i shards equals one pass exactly: the same profile JSON, byte for byte', async (n) => {
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
      expect(m.toJSON()).toEqual(column.toJSON());
    }
    // Past a small cap too (the value grids then stand in for the values).
    const capped = await profileFile(path, { exactValues: 1_000, gridBins: 512 });
    const cappedParts = [];
    for (let index = 1; index <= n; index++) {
      cappedParts.push(
        (await profileFile(path, { shard: { index, count: n }, exactValues: 1_000, gridBins: 512 })).profile,
      );
    }
    const cappedMerged = mergeProfiles(cappedParts);
    expect(cappedMerged.column('amount')!.numbers.isExact).toBe(false);
    for (const column of capped.profile.columns) {
      expect(cappedMerged.column(column.name)!.toJSON()).toEqual(column.toJSON());
    }
  });

  it('refuses to merge profiles with different columns, naming the column', async () => {
    const a = (await profileFile(write('m1.csv', 'x,y\n1,2\n'))).profile;
    const b = (await profileFile(write('m2.csv', 'x,z\n1,2\n'))).profile;
    const error = thrown(() => mergeProfiles([a, b]));
    expect(error.message).toMatch(/column "y" is missing from .*m2\.csv/);
  });
});

describe('shards that share their value counts', () => {
  it('drop their kept values once the pass as a whole passes the cap, and merge to what one pass gives', async () => {
    const path = write('shared.csv', mixedCsv(3000, 7).csv);
    for (const cap of [100_000, 1_500]) {
      const counts = new Int32Array(new SharedArrayBuffer(4 * 64));
      const options = { exactValues: cap, gridBins: 256 };
      const parts = [];
      for (let index = 1; index <= 2; index++) {
        parts.push((await profileFile(path, { ...options, shard: { index, count: 2 }, sharedCounts: counts })).profile);
      }
      const amount = parts.map((p) => p.column('amount')!.numbers);
      const total = amount[0]!.count + amount[1]!.count;
      // Each shard alone stays under 1,500 values; together they pass it, and the second shard learns so.
      expect(amount.every((a) => a.count <= 1_500)).toBe(true);
      expect(amount[1]!.isExact).toBe(total <= cap);
      const whole = (await profileFile(path, options)).profile;
      expect(whole.column('amount')!.numbers.isExact).toBe(total <= cap);
      const merged = mergeProfiles(parts);
      for (const column of whole.columns) expect(merged.column(column.name)!.toJSON()).toEqual(column.toJSON());
      // A shard that dropped its values within its own cap says so in its JSON, raw (as workers pass it) or not.
      const viaWorker = parts.map((p) => Profile.fromJSON(p.toJSON({ raw: true })));
      const viaFile = parts.map((p) => Profile.fromJSON(JSON.parse(JSON.stringify(p)) as unknown));
      for (const back of [viaWorker, viaFile]) {
        expect(mergeProfiles(back).column('amount')!.toJSON()).toEqual(whole.column('amount')!.toJSON());
      }
      expect(amount[1]!.toJSON().exact.dropped).toBe(total <= cap ? undefined : true);
    }
  });
});

describe('profile JSON', () => {
  it('round-trips through JSON text to an identical profile', async () => {
    const path = write('round.csv', mixedCsv(3000, 5).csv);
    const { profile } = await profileFile(path, { shard: { index: 2, count: 2 } });
    const json = JSON.parse(JSON.stringify(profile));
    expect(json.schema).toBe('mlgate/profile@2');
    const again = Profile.fromJSON(json, 'p.json');
    expect(JSON.parse(JSON.stringify(again))).toEqual(json);
  });

  it('rejects malformed profiles with the file and the key path of the problem', async () => {
    const { profile } = await profileFile(write('bad.csv', 'a,b\n1,x\n2,y\n'));
    const json = JSON.parse(JSON.stringify(profile));
    json.columns[1].nulls = 5;
    let error = thrown(() => Profile.fromJSON(json, 'bad.json'));
    expect(error.location).toEqual({ file: 'bad.json', path: '$.columns[1].nulls' });

    const wrongCount = JSON.parse(JSON.stringify(profile));
    wrongCount.columns[0].numbers.exact.n = 7;
    error = thrown(() => Profile.fromJSON(wrongCount, 'bad.json'));
    expect(error.location.path).toBe('$.columns[0].numbers.exact.n');

    // While a column keeps its values the grid is left out (it follows from them); past the cap it is required.
    expect(json.columns[0].numbers.grid).toBeUndefined();
    const capped = (await profileFile(write('capped.csv', 'a\n1\n2\n3\n'), { exactValues: 2 })).profile;
    const withoutGrid = JSON.parse(JSON.stringify(capped));
    expect(withoutGrid.columns[0].numbers.grid.n).toBe(3);
    delete withoutGrid.columns[0].numbers.grid;
    error = thrown(() => Profile.fromJSON(withoutGrid, 'bad.json'));
    expect(error.location.path).toBe('$.columns[0].numbers.grid');
    expect(error.message).toContain('past its cap of 2 values');

    const older = { ...JSON.parse(JSON.stringify(profile)), schema: 'mlgate/profile@1' };
    expect(thrown(() => Profile.fromJSON(older, 'old.json')).message).toMatch(
      /from an older mlgate .* profile the data again/,
    );

    const extra = { ...JSON.parse(JSON.stringify(profile)), surprise: 1 };
    expect(thrown(() => Profile.fromJSON(extra)).location.path).toBe('$.surprise');
    expect(thrown(() => Profile.fromJSON({ schema: 'mlgate/report@1' })).location.path).toBe('$.schema');
  });

  it('reports invalid JSON text at its line and column', async () => {
    const path = write('broken.json', '{\n  "schema": \n}');
    await expect(readProfileFile(path)).rejects.toMatchObject({ location: { file: path, line: 3 } });
  });
});
