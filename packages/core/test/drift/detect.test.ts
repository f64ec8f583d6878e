import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCheckSuite } from '../../src/checks/load.js';
import { detectDrift, detectDriftDetailed } from '../../src/drift/detect.js';
import { schemaDriftOptions } from '../../src/drift/schema-settings.js';
import { UserError } from '../../src/errors.js';
import { profileFile, type ProfileFileOptions } from '../../src/profile/profile-file.js';
import { Profile } from '../../src/profile/profile.js';
import type { ColumnDrift } from '../../src/report/types.js';
import { SeededRandom } from '../../src/sketch/prng.js';
import { binCounts, jensenShannon, psi, quantileBinEdges } from '../../src/stats/categorical.js';
import { ks2 } from '../../src/stats/ks.js';
import { normalSf } from '../../src/stats/normal.js';
import { wasserstein1 } from '../../src/stats/wasserstein.js';
import { fisherByEnumeration, yatesByHand } from '../stats/reference/exact.js';
import { twoSampleCases } from '../stats/reference/ks.js';
import { sampleFrom } from '../stats/lcg.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mlgate-drift-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

class Generator {
  private readonly rng: SeededRandom;
  constructor(seed: number) {
    this.rng = new SeededRandom(seed);
  }
  uniform(): number {
    return (this.rng.nextUint32() + 0.5) / 2 ** 32;
  }
  /** Box–Muller. */
  normal(mean: number, sd: number): number {
    return mean + sd * Math.sqrt(-2 * Math.log(this.uniform())) * Math.cos(2 * Math.PI * this.uniform());
  }
  /** One of `values` by cumulative `weights` (ascending), by bisection: for many categories. */
  choose(values: readonly string[], cumulative: readonly number[]): string {
    const u = this.uniform() * cumulative[cumulative.length - 1]!;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < u) lo = mid + 1;
      else hi = mid;
    }
    return values[lo]!;
  }
  pick(weights: Record<string, number>): string {
    const entries = Object.entries(weights);
    let u = this.uniform() * entries.reduce((sum, [, w]) => sum + w, 0);
    for (const [value, w] of entries) {
      u -= w;
      if (u <= 0) return value;
    }
    return entries[entries.length - 1]![0];
  }
}

interface Spec {
  rows: number;
  seed: number;
  /** Generated columns: name → a function of the generator giving the cell text. */
  columns: Record<string, (g: Generator) => string>;
}

interface Dataset {
  profile: Profile;
  /** Raw cell texts per column, to compute reference values independently of the sketches. */
  raw: Record<string, string[]>;
}

let fileCounter = 0;
async function dataset(spec: Spec, options: ProfileFileOptions = {}): Promise<Dataset> {
  const g = new Generator(spec.seed);
  const names = Object.keys(spec.columns);
  const raw: Record<string, string[]> = Object.fromEntries(names.map((n) => [n, []]));
  const lines = [names.join(',')];
  for (let i = 0; i < spec.rows; i++) {
    const cells = names.map((n) => {
      const cell = spec.columns[n]!(g);
      raw[n]!.push(cell);
      return cell;
    });
    lines.push(cells.join(','));
  }
  const path = join(dir, `data-${fileCounter++}.csv`);
  writeFileSync(path, `${lines.join('\n')}\n`);
  const { profile } = await profileFile(path, options);
  return { profile, raw };
}

const numbers = (cells: string[]): number[] => cells.filter((c) => c !== '').map(Number);
/** A column that writes the given values in order, each as its shortest round-trip text. */
function lcgColumn(values: Float64Array): (g: Generator) => string {
  let next = 0;
  return () => String(values[next++]);
}
function counts(cells: string[]): Map<string, number> {
  const map = new Map<string, number>();
  for (const c of cells) map.set(c, (map.get(c) ?? 0) + 1);
  return map;
}
function column(columns: ColumnDrift[], name: string): ColumnDrift {
  const found = columns.find((c) => c.column === name);
  if (!found) throw new Error(`no drift row for ${name}`);
  return found;
}

const CATEGORIES = { red: 0.5, green: 0.3, blue: 0.2 };
const REWEIGHTED = { red: 0.35, green: 0.35, blue: 0.3 };
const LEVELS = { '1': 0.1, '2': 0.2, '3': 0.4, '4': 0.2, '5': 0.1 };
const normal = (mean: number, sd: number) => (g: Generator) => g.normal(mean, sd).toFixed(4);

describe('detectDrift on profiles of generated data', () => {
  it('finds no drift between two samples of the same distributions, choosing the test by column type', async () => {
    const columns = {
      x: normal(10, 2),
      colour: (g: Generator) => g.pick(CATEGORIES),
      flag: (g: Generator) => (g.uniform() < 0.3 ? 'True' : 'false'),
      level: (g: Generator) => g.pick(LEVELS),
    };
    const ref = await dataset({ rows: 20_000, seed: 1, columns });
    const cur = await dataset({ rows: 15_000, seed: 2, columns });
    const result = detectDrift(ref.profile, cur.profile);
    expect(result.columns.map((c) => [c.column, c.test, c.drifted])).toEqual([
      ['x', 'ks', false],
      ['colour', 'chi2', false],
      ['flag', 'chi2', false],
      // Five distinct integers: tested as categories, not with KS.
      ['level', 'chi2', false],
    ]);
    expect(column(result.columns, 'x').effect.value).toBeLessThan(0.05);
    expect(result).toMatchObject({ status: 'pass', share: 0, threshold: 0.5 });
  });

  it('flags a numeric column shifted by half a standard deviation, with p tiny and effect ≈ 0.5', async () => {
    const ref = await dataset({ rows: 20_000, seed: 3, columns: { x: normal(10, 2) } });
    const cur = await dataset({ rows: 20_000, seed: 4, columns: { x: normal(11, 2) } });
    const x = column(detectDrift(ref.profile, cur.profile).columns, 'x');
    expect(x.drifted).toBe(true);
    expect(x.pValue).toBeLessThan(1e-50);
    expect(x.effect.name).toBe('normalized-wasserstein');
    expect(x.effect.threshold).toBe(0.1);
    expect(Math.abs(x.effect.value - 0.5)).toBeLessThan(0.05);
    // The sketched effect tracks W1 on the raw samples over the reference's population deviation.
    const a = numbers(ref.raw.x!);
    const b = numbers(cur.raw.x!);
    const mean = a.reduce((s, v) => s + v, 0) / a.length;
    const sd = Math.sqrt(a.reduce((s, v) => s + (v - mean) ** 2, 0) / a.length);
    expect(Math.abs(x.effect.value - wasserstein1(a, b) / sd)).toBeLessThan(0.02);
  });

  it('computes KS exactly from profiles below the cap: D and p equal ks2 on the raw samples', async () => {
    const ref = await dataset({ rows: 30_000, seed: 5, columns: { x: normal(0, 1) } });
    const cur = await dataset({ rows: 25_000, seed: 6, columns: { x: (g) => g.normal(0.2, 1.3).toFixed(4) } });
    const x = column(detectDrift(ref.profile, cur.profile).columns, 'x');
    const raw = ks2(numbers(ref.raw.x!), numbers(cur.raw.x!));
    expect(x.statistic).toBe(raw.statistic);
    expect(x.pValue).toBe(raw.pValue);
    expect(x.method).toBe('ks-asymptotic');
    expect(x.bounds).toBeUndefined();
  });

  it('gives scipy’s ks_2samp for 3,000 vs 2,000 values through profiles of CSV files (exact p)', async () => {
    // packages/core/test/stats/reference/ks.ts, case "large exact": scipy 1.10 ks_2samp(a, b, method='auto').
    const pinned = twoSampleCases.find((c) => c.name === 'large exact')!;
    const write = (values: Float64Array) =>
      dataset({ rows: values.length, seed: 0, columns: { x: lcgColumn(values) } });
    const ref = await write(sampleFrom(pinned.a));
    const cur = await write(sampleFrom(pinned.b));
    const x = column(detectDrift(ref.profile, cur.profile).columns, 'x');
    expect(x.method).toBe('ks-exact');
    expect(x.statistic).toBeCloseTo(pinned.statistic, 14);
    expect(x.pValue! / pinned.pValue).toBeCloseTo(1, 9);
  });

  it('bounds KS past the exact cap, with p from the lower bound (never below the exact p) and a note', async () => {
    const options = { exactValues: 2_000, gridBins: 512 };
    const ref = await dataset({ rows: 30_000, seed: 5, columns: { x: normal(0, 1) } }, options);
    const cur = await dataset({ rows: 25_000, seed: 6, columns: { x: (g) => g.normal(0.05, 1).toFixed(4) } }, options);
    const x = column(detectDrift(ref.profile, cur.profile).columns, 'x');
    const raw = ks2(numbers(ref.raw.x!), numbers(cur.raw.x!));
    const [low, high] = x.bounds!.statistic;
    expect(low).toBeLessThanOrEqual(raw.statistic);
    expect(high).toBeGreaterThanOrEqual(raw.statistic);
    expect(x.statistic).toBe(low);
    expect(x.pValue).toBeGreaterThanOrEqual(raw.pValue);
    expect(x.note).toMatch(/more values than its profile keeps exactly \(2,000 values\)/);
    const [effectLow, effectHigh] = x.bounds!.effect;
    expect(effectLow).toBeLessThanOrEqual(effectHigh);
    expect(x.effect.value).toBe(effectLow);
  });

  it('does not flag a tiny shift on a huge sample: significant, but below the effect threshold', async () => {
    const ref = await dataset({ rows: 300_000, seed: 9, columns: { x: normal(50, 10) } });
    const cur = await dataset({ rows: 300_000, seed: 10, columns: { x: normal(50.4, 10) } });
    const x = column(detectDrift(ref.profile, cur.profile).columns, 'x');
    expect(ks2(numbers(ref.raw.x!), numbers(cur.raw.x!)).pValue).toBeLessThan(1e-6);
    expect(x.pValue).toBeLessThan(0.05);
    expect(x.effect.value).toBeGreaterThan(0.02);
    expect(x.effect.value).toBeLessThan(0.1);
    expect(x.drifted).toBe(false);
  });

  it('flags reweighted categories by chi-square on the exact counts, with Cramér’s V as effect', async () => {
    const ref = await dataset({ rows: 5_000, seed: 11, columns: { colour: (g) => g.pick(CATEGORIES) } });
    const cur = await dataset({ rows: 4_000, seed: 12, columns: { colour: (g) => g.pick(REWEIGHTED) } });
    const colour = column(detectDrift(ref.profile, cur.profile).columns, 'colour');
    // Pearson's statistic on the raw 2×3 table, written out.
    const a = counts(ref.raw.colour!);
    const b = counts(cur.raw.colour!);
    const n = 9_000;
    let chi2 = 0;
    for (const k of Object.keys(CATEGORIES)) {
      const total = (a.get(k) ?? 0) + (b.get(k) ?? 0);
      const ea = (5_000 * total) / n;
      const eb = (4_000 * total) / n;
      chi2 += ((a.get(k) ?? 0) - ea) ** 2 / ea + ((b.get(k) ?? 0) - eb) ** 2 / eb;
    }
    expect(colour.test).toBe('chi2');
    expect(colour.statistic).toBeCloseTo(chi2, 8);
    expect(colour.effect).toEqual({ name: 'cramers-v', value: expect.any(Number), threshold: 0.1 });
    expect(colour.effect.value).toBeCloseTo(Math.sqrt(chi2 / n), 10);
    expect(colour.pValue).toBeLessThan(1e-20);
    expect(colour.drifted).toBe(true);
  });

  it('reports Jensen–Shannon distance when configured, on the same categories', async () => {
    const ref = await dataset({ rows: 5_000, seed: 13, columns: { colour: (g) => g.pick(CATEGORIES) } });
    const cur = await dataset({ rows: 4_000, seed: 14, columns: { colour: (g) => g.pick(REWEIGHTED) } });
    const result = detectDrift(ref.profile, cur.profile, { columns: { colour: { test: 'jensen-shannon' } } });
    const colour = column(result.columns, 'colour');
    const a = counts(ref.raw.colour!);
    const b = counts(cur.raw.colour!);
    const keys = Object.keys(CATEGORIES);
    const expected = jensenShannon(
      keys.map((k) => a.get(k) ?? 0),
      keys.map((k) => b.get(k) ?? 0),
    );
    expect(colour).toMatchObject({ test: 'jensen-shannon', effect: { name: 'jensen-shannon', threshold: 0.1 } });
    expect(colour.statistic).toBeCloseTo(expected, 12);
    expect(expected).toBeGreaterThan(0.1);
    expect(colour.drifted).toBe(true);
  });

  it('compares 5,000 codes on their frequent values plus an exactly counted "other" (no collapse to p = 1)', async () => {
    const codes = Array.from({ length: 5_000 }, (_, i) => `code${i}`);
    const cumulative = (weight: (i: number) => number) => {
      let total = 0;
      return codes.map((_, i) => (total += weight(i)));
    };
    const zipf = cumulative((i) => 1 / (i + 1));
    const tilted = cumulative((i) => (i % 2 === 0 ? 1.5 : 1) / (i + 1));
    const ref = await dataset({ rows: 40_000, seed: 15, columns: { c: (g) => g.choose(codes, zipf) } });
    const same = await dataset({ rows: 40_000, seed: 16, columns: { c: (g) => g.choose(codes, zipf) } });
    const moved = await dataset({ rows: 40_000, seed: 17, columns: { c: (g) => g.choose(codes, tilted) } });
    expect(ref.profile.column('c')!.frequent.isExact).toBe(true);
    const aa = column(detectDrift(ref.profile, same.profile).columns, 'c');
    // Pearson's χ² on the table the rule describes, built here from the raw cells: a code is a cell of its own when
    // it expects at least 5 values per side (10 in both samples together), the rest is one "other" cell.
    const a = counts(ref.raw.c!);
    const b = counts(same.raw.c!);
    const own = [...new Set([...a.keys(), ...b.keys()])].filter((k) => (a.get(k) ?? 0) + (b.get(k) ?? 0) >= 10);
    const otherA = 40_000 - own.reduce((sum, k) => sum + (a.get(k) ?? 0), 0);
    const otherB = 40_000 - own.reduce((sum, k) => sum + (b.get(k) ?? 0), 0);
    const cells = [...own.map((k) => [a.get(k) ?? 0, b.get(k) ?? 0]), [otherA, otherB]];
    const chi2 = cells.reduce((sum, [x, y]) => sum + (x! - y!) ** 2 / (x! + y!), 0);
    expect(aa.statistic).toBeCloseTo(chi2, 6);
    expect(aa.method).toBe('chi2');
    expect(aa.note).toMatch(/^[\d,]+ categories expecting fewer than 5 values pooled into "other"$/);
    expect(aa.pValue).toBeGreaterThan(0.001);
    expect(aa.pValue).toBeLessThan(1);
    expect(aa.drifted).toBe(false);
    const c = column(detectDrift(ref.profile, moved.profile).columns, 'c');
    expect(c.pValue).toBeLessThan(1e-10);
    expect(c.effect.value).toBeGreaterThan(0.1);
    expect(c.drifted).toBe(true);
  });

  it('compares columns with more distinct values than the profile counts on a hash sample, noted as such', async () => {
    const options = { frequentExactLimit: 300 };
    const wide = (g: Generator) => `w${Math.floor(g.uniform() * 3_000)}`;
    const ref = await dataset({ rows: 30_000, seed: 40, columns: { c: wide } }, options);
    const cur = await dataset({ rows: 30_000, seed: 41, columns: { c: wide } }, options);
    expect(ref.profile.column('c')!.frequent.isExact).toBe(false);
    const c = column(detectDrift(ref.profile, cur.profile).columns, 'c');
    expect(c.note).toMatch(/compared on a hash sample of [\d,]+ values, the rest counted as "other"/);
    expect(c.drifted).toBe(false);
  });

  it('uses Yates’ correction on two categories and Fisher’s exact test when a cell expects fewer than 5', async () => {
    const ref = await dataset({ rows: 2_000, seed: 42, columns: { f: (g) => (g.uniform() < 0.3 ? 'true' : 'false') } });
    const cur = await dataset({
      rows: 1_500,
      seed: 43,
      columns: { f: (g) => (g.uniform() < 0.35 ? 'true' : 'false') },
    });
    const f = column(detectDrift(ref.profile, cur.profile).columns, 'f');
    const a = counts(ref.raw.f!);
    const b = counts(cur.raw.f!);
    const yates = yatesByHand([
      [a.get('false')!, a.get('true')!],
      [b.get('false')!, b.get('true')!],
    ]);
    expect(f.method).toBe('chi2-yates');
    expect(f.statistic).toBeCloseTo(yates, 10);
    // χ²(1) is Z²: P(χ² ≥ x) = 2·P(Z ≥ √x) (normalSf is pinned to scipy in special.test.ts).
    expect(f.pValue).toBeCloseTo(2 * normalSf(Math.sqrt(yates)), 12);

    // 1,000 rows per side, "rare" in 2 and 7 of them: the expected count of the rare cell is 4.5.
    const rare = (k: number) => (g: Generator) => (g.uniform() < 0 ? '' : k-- > 0 ? 'rare' : 'common');
    const few = await dataset({ rows: 1_000, seed: 44, columns: { f: rare(2) } });
    const more = await dataset({ rows: 1_000, seed: 45, columns: { f: rare(7) } });
    const r = column(detectDrift(few.profile, more.profile).columns, 'f');
    expect(r.method).toBe('fisher-exact');
    expect(r.note).toBe("expected counts below 5: p-value from Fisher's exact test");
    expect(r.pValue).toBeCloseTo(
      fisherByEnumeration([
        [998, 2],
        [993, 7],
      ]),
      12,
    );
  });

  it('reports PSI over reference deciles when configured, close to PSI on the raw samples', async () => {
    const ref = await dataset({ rows: 20_000, seed: 18, columns: { x: normal(10, 2) } });
    const cur = await dataset({ rows: 20_000, seed: 19, columns: { x: normal(11, 2) } });
    const result = detectDrift(ref.profile, cur.profile, { columns: { x: { test: 'psi' } } });
    const x = column(result.columns, 'x');
    const a = numbers(ref.raw.x!);
    const edges = quantileBinEdges(a, 10);
    const rawPsi = psi(binCounts(a, edges), binCounts(numbers(cur.raw.x!), edges));
    expect(x).toMatchObject({ test: 'psi', effect: { name: 'psi', threshold: 0.2 } });
    expect(x.statistic).toBe(x.effect.value);
    expect(Math.abs(x.statistic - rawPsi)).toBeLessThan(0.03);
    expect(rawPsi).toBeGreaterThan(0.2);
    expect(x.drifted).toBe(true);
  });
});

describe('dataset verdict and reporting', () => {
  const steady = normal(0, 1);
  let ref: Dataset;
  let cur: Dataset;
  beforeAll(async () => {
    ref = await dataset({
      rows: 5_000,
      seed: 20,
      columns: { a: steady, b: steady, c: steady, d: steady, gone: steady, kind: steady, when: () => '2024-01-02' },
    });
    cur = await dataset({
      rows: 5_000,
      seed: 21,
      columns: {
        a: normal(1, 1),
        b: steady,
        c: steady,
        d: steady,
        kind: (g) => g.pick(CATEGORIES),
        when: () => '2025-03-04',
        fresh: steady,
      },
    });
  });

  it('warns when a column drifts and fails once the drifted share reaches datasetShare', () => {
    const warn = detectDrift(ref.profile, cur.profile);
    expect(warn.columns.map((c) => c.column)).toEqual(['a', 'b', 'c', 'd']);
    expect(warn.columns.filter((c) => c.drifted).map((c) => c.column)).toEqual(['a']);
    expect(warn).toMatchObject({ status: 'warn', share: 0.25, threshold: 0.5 });
    expect(detectDrift(ref.profile, cur.profile, { datasetShare: 0.25 })).toMatchObject({
      status: 'fail',
      threshold: 0.25,
    });
  });

  it('lets a per-column threshold keep a significant change from counting as drift', () => {
    const result = detectDrift(ref.profile, cur.profile, { columns: { a: { threshold: 5 } } });
    expect(column(result.columns, 'a')).toMatchObject({ drifted: false, effect: { threshold: 5 } });
    // Still a warning: the reference's "gone" column is lost and "kind" changed type.
    expect(result.status).toBe('warn');
    expect(result.skipped?.filter((s) => s.status === 'warn').map((s) => s.column)).toEqual(['gone', 'kind']);
  });

  it('lists missing, new, retyped and datetime columns as skipped, warning on the lost and retyped ones', () => {
    const { skipped, result } = detectDriftDetailed(ref.profile, cur.profile);
    expect(result.skipped).toEqual(skipped);
    expect(skipped.map((s) => [s.column, s.reason, s.status])).toEqual([
      ['gone', 'missing-in-current', 'warn'],
      ['kind', 'type-changed', 'warn'],
      ['when', 'datetime', 'pass'],
      ['fresh', 'missing-in-reference', 'pass'],
    ]);
    expect(skipped[1]!.message).toBe('column "kind" changed type from number to string');
  });

  it('refuses a reference that shares no column with the data: it is the wrong file', () => {
    const other = new Profile(0, [], []);
    expect(() => detectDrift(ref.profile, other)).toThrow(
      'the drift reference shares no column with the data (reference: "a", "b", "c", "d", "gone" and 2 more; data: no columns)',
    );
  });

  it('rejects settings for unknown columns and tests that do not fit the column type', () => {
    const error = (fn: () => unknown): UserError => {
      try {
        fn();
      } catch (e) {
        if (e instanceof UserError) return e;
        throw e;
      }
      throw new Error('expected a UserError');
    };
    expect(error(() => detectDrift(ref.profile, cur.profile, { columns: { nope: {} } })).message).toBe(
      'drift settings name column "nope", which neither profile has',
    );
    expect(error(() => detectDrift(ref.profile, cur.profile, { columns: { b: { test: 'chi2' } } })).message).toMatch(
      /column "b" needs exact counts of at most 1,000 distinct numbers/,
    );
    expect(error(() => detectDrift(ref.profile, cur.profile, { datasetShare: 0 })).message).toMatch(/dataset share/);
    expect(error(() => detectDrift(ref.profile, cur.profile, { alpha: 1 })).message).toMatch(/alpha/);
  });
});

describe('identifier columns', () => {
  let ref: Dataset;
  let cur: Dataset;
  beforeAll(async () => {
    let next = 0;
    let later = 1_000_000;
    ref = await dataset({
      rows: 3_000,
      seed: 30,
      columns: { id: () => String(++next), user: () => `u${next}`, x: normal(0, 1) },
    });
    cur = await dataset({
      rows: 3_000,
      seed: 31,
      columns: { id: () => String(++later), user: () => `u${later}`, x: normal(0, 1) },
    });
  });

  it('skips integer and text columns whose values are all distinct: new ids are not drift', () => {
    const { result, skipped } = detectDriftDetailed(ref.profile, cur.profile);
    expect(skipped.map((s) => [s.column, s.reason, s.status])).toEqual([
      ['id', 'identifier', 'pass'],
      ['user', 'identifier', 'pass'],
    ]);
    // A continuous measurement is all distinct too, but it is a feature: still tested.
    expect(result.columns.map((c) => c.column)).toEqual(['x']);
    expect(result.status).toBe('pass');
  });

  it('compares a datetime column as instants (ms since the epoch) when the schema gives it drift settings', async () => {
    // Days of 2024 on both sides, the current ones a week later: KS on the instants, as ks2 on Date.parse of the cells.
    const day = (offset: number) => (g: Generator) =>
      new Date(Date.UTC(2024, 0, 1 + offset + Math.floor(g.uniform() * 200))).toISOString().slice(0, 10);
    const before = await dataset({ rows: 3_000, seed: 21, columns: { when: day(0) } });
    const after = await dataset({ rows: 2_500, seed: 22, columns: { when: day(7) } });
    const skipped = detectDriftDetailed(before.profile, after.profile);
    expect(skipped.skipped.map((s) => [s.column, s.reason])).toEqual([['when', 'datetime']]);
    const when = column(detectDrift(before.profile, after.profile, { columns: { when: {} } }).columns, 'when');
    const raw = ks2(before.raw.when!.map(Date.parse), after.raw.when!.map(Date.parse));
    expect(when.test).toBe('ks');
    expect(when.statistic).toBe(raw.statistic);
    expect(when.pValue).toBe(raw.pValue);
    expect(when.drifted).toBe(true);
  });

  it('tests an identifier column when the schema gives it drift settings', () => {
    const schema = loadCheckSuite('version: 1\ncolumns:\n  id: { drift: { test: psi, threshold: 0.3 } }\n', 's.yml');
    const options = schemaDriftOptions(schema.format === 'mlgate' ? schema.schema : undefined);
    expect(options).toEqual({ columns: { id: { test: 'psi', threshold: 0.3 } } });
    const { result } = detectDriftDetailed(ref.profile, cur.profile, options);
    expect(column(result.columns, 'id')).toMatchObject({ test: 'psi', drifted: true, effect: { threshold: 0.3 } });
    expect(schemaDriftOptions(undefined)).toEqual({});
  });
});
