import { describe, expect, it } from '@jest/globals';
import { UserError } from '../../src/errors.js';
import { binEdges, ValueGrid, type GridBins, type GridScale } from '../../src/sketch/value-grid.js';
import { normal, thrown, uniform } from './data.js';

function gridOf(values: ArrayLike<number>, scale: GridScale = 'log', maxBins?: number): ValueGrid {
  const grid = new ValueGrid(scale, maxBins);
  for (let i = 0; i < values.length; i++) grid.add(values[i]!);
  return grid;
}

/** Every value lies in the bin it was counted in, counts are exact, and a bin's value is set only when it is the only one. */
function expectFaithful(bins: GridBins, values: ArrayLike<number>): void {
  const holding = new Map<number, number[]>();
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    const b = bins.keys.findIndex((key) => {
      const [low, high] = binEdges(bins.scale, bins.level, key);
      return v >= low && v < high;
    });
    expect(b).toBeGreaterThanOrEqual(0);
    holding.set(b, [...(holding.get(b) ?? []), v]);
  }
  expect(holding.size).toBe(bins.keys.length);
  for (const [b, inBin] of holding) {
    expect(bins.counts[b]).toBe(inBin.length);
    const single = new Set(inBin).size === 1;
    expect(bins.values[b]).toBe(single ? inBin[0] : NaN);
  }
}

/**
 * The grid's bins are those of a map from each value's key at the finest level that fits `maxBins` to the count and
 * the bin's only value (NaN when it holds several).
 */
function expectBinsOfMap(grid: ValueGrid, values: readonly number[], maxBins: number): void {
  const scale = grid.scale;
  const key = (v: number, level: number) => (scale === 'log' ? keyAt(v, level) : Math.floor(v / 2 ** level));
  let level = 0;
  while (new Set(values.map((v) => key(v, level))).size > maxBins) level++;
  const expected = new Map<number, { count: number; value: number }>();
  for (const v of values) {
    const bin = expected.get(key(v, level));
    if (!bin) expected.set(key(v, level), { count: 1, value: v + 0 });
    else [bin.count, bin.value] = [bin.count + 1, bin.value === v ? bin.value : NaN];
  }
  const bins = grid.bins();
  expect(bins.level).toBe(level);
  const keys = [...expected.keys()].sort((a, b) => a - b);
  expect(Array.from(bins.keys)).toEqual(keys);
  expect(Array.from(bins.counts)).toEqual(keys.map((k) => expected.get(k)!.count));
  expect(Array.from(bins.values)).toEqual(keys.map((k) => expected.get(k)!.value));
}

describe('ValueGrid', () => {
  it('puts every value in a bin [low, high) of relative width 2^-20 at level 0, negatives and zero included', () => {
    const values = [0, -0, 1, 1.5, -1.5, 1e-300, -1e-300, 5e-324, -5e-324, 123456.789, -2, 2, 1.7976931348623157e308];
    const grid = gridOf(values);
    expect(grid.level).toBe(0);
    expectFaithful(grid.bins(), values);
    const [low, high] = binEdges('log', 0, grid.keyOf(1.5));
    expect(low).toBeLessThanOrEqual(1.5);
    // In [1, 2) the bins are 2^-20 wide: relative width between 2^-21 and 2^-20.
    expect(high - low).toBe(2 ** -20);
  });

  it('keeps negative bins left-closed too: −2 and −1 are each in the bin that starts at them', () => {
    for (const v of [-2, -1, -0.5, -1024]) {
      const [low, high] = binEdges('log', 3, keyAt(v, 3));
      expect(low).toBe(v);
      expect(high).toBeGreaterThan(v);
    }
    const grid = new ValueGrid('log');
    for (const v of [...normal(2_000, 5)].map((z) => z * 1e3).concat([-2, -1, 1, 2, 0])) {
      expect(grid.keyOf(v)).toBe(keyAt(v, 0));
    }
  });

  it('bins instants linearly, in widths of 2^level ms', () => {
    const t = Date.UTC(2025, 0, 1);
    const values = [t, t + 1, t + 1, t - 7, t + 86_400_000];
    const grid = gridOf(values, 'linear');
    expect(grid.level).toBe(0);
    expectFaithful(grid.bins(), values);
    expect(grid.bins().values.filter((v) => v === v).length).toBe(4);
  });

  it('halves its resolution while more bins than the limit are used, and stays exact about counts', () => {
    const values = normal(20_000, 3).map((z) => 40 * Math.exp(0.9 * z));
    const grid = gridOf(values, 'log', 1_000);
    expect(grid.level).toBeGreaterThan(0);
    expect(grid.bins().keys.length).toBeLessThanOrEqual(1_000);
    // One level finer would not fit: the level is the finest that does.
    expect(new Set(values.map((v) => keyAt(v, grid.level - 1))).size).toBeGreaterThan(1_000);
    expectFaithful(grid.bins(), values);
  });

  it('is the same grid whatever the order of the values and however they are split and merged', () => {
    const values = uniform(30_000, 9).map((u, i) => ((i % 7 === 0 ? -1 : 1) * Math.round(u * 1e6)) / 100);
    const whole = gridOf(values, 'log', 2_000);
    const reversed = gridOf([...values].reverse(), 'log', 2_000);
    const parts = [0, 13, 9_000, 9_001, 30_000];
    const merged = new ValueGrid('log', 2_000);
    for (let i = 1; i < parts.length; i++) merged.merge(gridOf(values.slice(parts[i - 1], parts[i]), 'log', 2_000));
    const tree = gridOf(values.slice(0, 15_000), 'log', 2_000).merge(gridOf(values.slice(15_000), 'log', 2_000));
    for (const other of [reversed, merged, tree]) expect(other.toJSON()).toEqual(whole.toJSON());
  });

  it('counts many chunks of values into the bins one pass of a map at the finest fitting level gives', () => {
    // 100k values: several sort-and-merge chunks. Amounts, 2% negative (log scale, keys within 2^32 of each other once
    // the gap between negative and positive keys is closed: radix sort),
    // log-scale values spanning 1e-300..1e300 with both signs (keys too far apart: the values are sorted instead),
    // ms timestamps (linear scale) whose level-0 keys span more than 2^32, and ids that come in key order.
    const u = uniform(100_000, 21);
    const amounts = Array.from(
      u,
      (x, i) => ((i % 50 === 0 ? -1 : 1) * Math.round(40 * Math.exp(3 * (x - 0.5)) * 100)) / 100,
    );
    const wide = Array.from(u, (x, i) => (i % 3 === 0 ? -1 : 1) * 10 ** (600 * x - 300));
    const instants = Array.from(u, (x) => 1_704_067_200_000 + Math.floor(x * 63_158_400_000));
    const cases: [number[], GridScale][] = [
      [amounts, 'log'],
      [wide, 'log'],
      [instants, 'linear'],
      [Array.from(u, (_, i) => i + 1), 'log'],
    ];
    for (const [values, scale] of cases) expectBinsOfMap(gridOf(values, scale, 5_000), values, 5_000);
  });

  it('gives those bins whichever way a chunk is sorted: counted in a table, hashed or radix-sorted', () => {
    // Chunks are 1,024 values, then 2,048, … up to 65,536. Keys within 2^17 of each other are counted in a table:
    // instants a few seconds apart, and values just around ±1 (log scale: negative keys sit ~2^31 below positive
    // ones, the gap closed), in bins that hold one value or several. Chunks whose keys are far apart but take at
    // most 1,024 distinct ones are counted in a hash table: exactly 1,024 distinct small counts in the first chunk,
    // 1,025 in the second (which gives up and is radix-sorted), then a few repeated, 0 and −0 sharing a bin.
    // Keys spanning 2^20..2^32 are radix-sorted in two or three passes.
    const u = uniform(40_000, 33);
    const instants = Array.from(u, (x) => 1_704_067_200_000 + Math.floor(x * 40_000));
    const nearOne = Array.from(
      u,
      (x, i) => (i % 3 === 0 ? -1 : 1) * (1 + Math.floor(x * 20_000) * 2 ** -20 + (i % 2) * 2 ** -22),
    );
    const counts = [
      ...Array.from({ length: 1_024 }, (_, i) => (i * 7_919) % 100_003),
      ...Array.from({ length: 2_048 }, (_, i) => (i < 1_025 ? 3 * i : i % 5)),
      ...Array.from(u.subarray(0, 20_000), (x, i) => (i % 97 === 0 ? -0 : Math.floor(-Math.log(x) * 3))),
    ];
    const twoPasses = Array.from(u, (x) => 1 + Math.floor(x * 2 ** 21) * 2 ** -20);
    const threePasses = Array.from(u, (x, i) => ((i % 5 === 0 ? -1 : 1) * Math.round(x * 1e9)) / 100);
    const cases: [number[], GridScale, number][] = [
      [instants, 'linear', 100_000],
      [instants, 'linear', 3_000],
      [nearOne, 'log', 100_000],
      [nearOne, 'log', 3_000],
      [counts, 'log', 100_000],
      [twoPasses, 'log', 100_000],
      [threePasses, 'log', 100_000],
      [threePasses, 'log', 3_000],
    ];
    for (const [values, scale, maxBins] of cases) {
      expectBinsOfMap(gridOf(values, scale, maxBins), values, maxBins);
      const blocks = new ValueGrid(scale, maxBins);
      blocks.addAll(Float64Array.from(values), 0, values.length);
      expect(blocks.bins()).toEqual(gridOf(values, scale, maxBins).bins());
    }
  });

  it('counts blocks of values into the grid one value at a time gives', () => {
    const values = Float64Array.from(normal(50_000, 6), (z) => Math.round(Math.exp(z) * 1e4) / 100);
    const blocks = new ValueGrid('log', 1_024);
    for (let from = 0; from < values.length; from += 3_001) {
      blocks.addAll(values, from, Math.min(values.length, from + 3_001));
    }
    expect(blocks.count).toBe(values.length);
    expect(blocks.bins()).toEqual(gridOf(values, 'log', 1_024).bins());
  });

  it('round-trips through its compact JSON and through the raw form workers pass', () => {
    const values = [...uniform(5_000, 4)].map((u) => Math.round(u * 1e4) / 100).concat([-3.25, 0, 7]);
    const grid = gridOf(values, 'log', 500);
    const json = JSON.parse(JSON.stringify(grid.toJSON())) as unknown;
    expect(ValueGrid.fromJSON(json, '$').toJSON()).toEqual(grid.toJSON());
    expect(ValueGrid.fromJSON(grid.toJSON({ raw: true }), '$').toJSON()).toEqual(grid.toJSON());
    const back = ValueGrid.fromJSON(json, '$');
    back.add(1.23);
    grid.add(1.23);
    expect(back.toJSON()).toEqual(grid.toJSON());
  });

  it('hands its raw bins over as arrays of their own: the grid read from them and its source change independently', () => {
    const values = [...uniform(4_000, 9)].map((u) => Math.round(u * 1e5) / 100);
    const grid = gridOf(values, 'log', 300);
    const cached = grid.bins();
    const raw = grid.toJSON({ raw: true });
    expect(raw.raw!.keys).not.toBe(cached.keys);
    // Read as the main thread reads a worker's (whose buffers it was sent), then merged into and coarsened.
    const adopted = ValueGrid.fromJSON(raw, '$');
    const before = structuredClone(grid.toJSON());
    adopted.merge(
      gridOf(
        [...uniform(4_000, 10)].map((u) => u * 1e6),
        'log',
        300,
      ),
    );
    expect(grid.toJSON()).toEqual(before);
    expect(grid.bins()).toBe(cached);
    expect(adopted.count).toBe(8_000);
    // A grid merged into itself counts every value twice, as merging a copy of it does.
    const self = gridOf(values, 'log', 300);
    expect(self.merge(self).bins()).toEqual(gridOf(values, 'log', 300).merge(grid).bins());
  });

  it('rejects malformed JSON with the key path', () => {
    const good = gridOf([1, 2, 3]).toJSON();
    const error = (json: unknown) => thrown(() => ValueGrid.fromJSON(json, '$.g'));
    expect(String(error({ ...good, scale: 'cubic' }))).toContain('$.g.scale');
    expect(String(error({ ...good, n: 4 }))).toContain('is 4 but the bins hold 3 values');
    expect(String(error({ ...good, data: 'not base64!' }))).toContain('$.g.data: expected base64 text');
    expect(String(error({ ...good, bins: 5 }))).toContain('ends early');
    expect(error({ ...good, level: 99 })).toBeInstanceOf(UserError);
    // A bin's only value must lie in the bin, whichever form the bins come in.
    for (const [at, value] of [
      [1, 2.5],
      [1, 1.9999999],
      [2, Infinity],
    ] as const) {
      const raw = gridOf([1, 2, 3]).toJSON({ raw: true });
      raw.raw!.values[at] = value;
      expect(String(error(raw))).toContain(`$.g.data: bin ${at}'s value ${value} lies outside the bin`);
    }
  });

  it('refuses to merge grids of different scales or sizes', () => {
    expect(String(thrown(() => new ValueGrid('log').merge(new ValueGrid('linear'))))).toContain('different settings');
  });
});

/** The key of v at `level`, computed from its bits independently of ValueGrid.keyOf: floor of the top bits. */
function keyAt(v: number, level: number): number {
  const view = new DataView(new ArrayBuffer(8));
  if (v >= 0) {
    view.setFloat64(0, v + 0);
    return view.getUint32(0) >>> level;
  }
  // A negative bin is [−high, −low): the key of the largest double below |v| is the bin's mirror.
  view.setFloat64(0, -v);
  const bits = view.getBigUint64(0) - 1n;
  return -(Number(bits >> 32n) >>> level) - 1;
}
