import { Xoshiro128 } from '../../../packages/core/src/significance/prng.js';
import type { ByteWriter } from './byte-writer.js';
import { DiscreteSampler, zipfWeights } from './discrete.js';
import { normalQuantile, QuantileTable } from './quantile-table.js';
import { TokenTable } from './token-table.js';

export const HEADER = 'id,timestamp,amount,score,count,category,country,flag,comment\n';

/** Share of empty fields per column, in header order (1–10%, so every column exercises null handling). */
export const NULL_RATES = {
  id: 0.01,
  timestamp: 0.02,
  amount: 0.05,
  score: 0.03,
  count: 0.04,
  category: 0.06,
  country: 0.01,
  flag: 0.08,
  comment: 0.1,
} as const;

export const QUOTED_COMMENT_RATE = 0.05;
/** The drifted copy's amount is scaled by this (mean +5%). */
export const SHIFT_AMOUNT_FACTOR = 1.05;

export const CATEGORIES = [
  'electronics',
  'books',
  'clothing',
  'home',
  'toys',
  'sports',
  'beauty',
  'grocery',
  'garden',
  'auto',
  'health',
  'music',
  'office',
  'pets',
  'jewelry',
  'shoes',
  'tools',
  'games',
  'baby',
  'travel',
];

export const COUNTRIES = (
  'US GB DE FR IN CN JP BR CA AU IT ES MX KR NL SE CH PL BE AT NO DK FI IE PT ' +
  'GR CZ HU RO TR IL ZA NG EG KE AR CL CO PE VN TH MY SG ID PH NZ UA SA AE PK'
).split(' ');

const WORDS = (
  'ok late fast slow great fine bad good broken gift again never love nice meh ' +
  'box item price sale size color fit return refund wow cheap'
).split(' ');

/** Category weights: Zipf(1.1) for the reference; the shifted copy flattens the tail and reorders the head. */
function categoryWeights(shift: boolean): number[] {
  if (!shift) return zipfWeights(CATEGORIES.length, 1.1);
  const w = zipfWeights(CATEGORIES.length, 0.9);
  [w[0], w[2]] = [w[2] as number, w[0] as number];
  [w[1], w[5]] = [w[5] as number, w[1] as number];
  return w;
}

/** "YYYY-MM-DDT" for every day of 2024–2025, so a timestamp costs one copy plus six digits. */
function dayPrefixes(): TokenTable {
  const days: string[] = [];
  for (let t = Date.UTC(2024, 0, 1); t < Date.UTC(2026, 0, 1); t += 86_400_000) {
    days.push(new Date(t).toISOString().slice(0, 11));
  }
  return new TokenTable(days);
}

/** "HH:MM:SS" for every second of a day. */
function timesOfDay(): TokenTable {
  const two = (n: number): string => String(n).padStart(2, '0');
  return new TokenTable(
    Array.from(
      { length: 86400 },
      (_, s) => `${two(Math.floor(s / 3600))}:${two(Math.floor(s / 60) % 60)}:${two(s % 60)}`,
    ),
  );
}

const threshold = (rate: number): number => Math.floor(rate * 4294967296);

/** Writes the benchmark's rows. Same seed and shift → the same bytes. */
export class RowWriter {
  private readonly rng: Xoshiro128;
  private readonly categories = new TokenTable(CATEGORIES);
  private readonly countries = new TokenTable(COUNTRIES);
  private readonly words = new TokenTable(WORDS);
  private readonly days = dayPrefixes();
  private readonly times = timesOfDay();
  private readonly category: DiscreteSampler;
  private readonly country = new DiscreteSampler(zipfWeights(COUNTRIES.length, 0.6));
  private readonly amount: QuantileTable;
  /** Logistic of a normal: scores pile up in the middle and thin out towards 0 and 1. */
  private readonly score = new QuantileTable((p) => 1 / (1 + Math.exp(-1.5 * normalQuantile(p))));
  /** Exponential with rate ln(1/0.6): its floor is geometric, so most counts are 0–3. */
  private readonly geometric = new QuantileTable((p) => Math.log(1 - p) / Math.log(0.6));
  private readonly nulls = Object.values(NULL_RATES).map(threshold);
  private readonly quoted = threshold(QUOTED_COMMENT_RATE);
  private readonly flags = new TokenTable(['false', 'true']);

  constructor(seed: number, shift: boolean) {
    this.rng = new Xoshiro128(seed);
    this.category = new DiscreteSampler(categoryWeights(shift));
    // Log-normal spend (median 40).
    const factor = shift ? SHIFT_AMOUNT_FACTOR : 1;
    this.amount = new QuantileTable((p) => 40 * Math.exp(0.9 * normalQuantile(p)) * factor);
  }

  private isNull(column: number): boolean {
    return this.rng.nextUint32() < (this.nulls[column] as number);
  }

  private word(out: ByteWriter): void {
    out.token(this.words, Math.floor(this.rng.nextFloat() * this.words.size));
  }

  /** One or two plain words, or (5%) an RFC 4180 quoted field holding a comma and a `""` escape. */
  private comment(out: ByteWriter): void {
    if (this.rng.nextUint32() < this.quoted) {
      out.byte(34);
      this.word(out);
      out.byte(44);
      out.byte(32);
      out.byte(34);
      out.byte(34);
      this.word(out);
      out.byte(34);
      out.byte(34);
      out.byte(34);
      return;
    }
    this.word(out);
    if (this.rng.nextFloat() < 0.4) {
      out.byte(32);
      this.word(out);
    }
  }

  /** Appends row `id` (0-based; written 1-based) including its newline. */
  write(out: ByteWriter, id: number): void {
    const rng = this.rng;
    out.reserve();
    if (!this.isNull(0)) out.uint(id + 1);
    out.byte(44);
    if (!this.isNull(1)) {
      out.token(this.days, Math.floor(rng.nextFloat() * this.days.size));
      out.token(this.times, Math.floor(rng.nextFloat() * 86400));
    }
    out.byte(44);
    // 0.5% of amounts are refunds, written as negatives.
    const amount = this.amount.sample(rng.nextUint32());
    const refund = rng.nextFloat() < 0.005;
    if (!this.isNull(2)) out.fixed(Math.round(amount * 100) * (refund ? -1 : 1), 2, 100);
    out.byte(44);
    const score = this.score.sample(rng.nextUint32());
    if (!this.isNull(3)) out.fixed(Math.round(score * 1e6), 6, 1e6);
    out.byte(44);
    // A geometric body with a 1% power-law tail that reaches tens of thousands.
    const count =
      rng.nextFloat() < 0.01
        ? Math.min(100_000, Math.floor(1 / rng.nextOpenDouble()))
        : Math.floor(this.geometric.sample(rng.nextUint32()));
    if (!this.isNull(4)) out.uint(count);
    out.byte(44);
    const category = this.category.sample(rng.nextUint32());
    if (!this.isNull(5)) out.token(this.categories, category);
    out.byte(44);
    const country = this.country.sample(rng.nextUint32());
    if (!this.isNull(6)) out.token(this.countries, country);
    out.byte(44);
    const flag = rng.nextFloat() < 0.3;
    if (!this.isNull(7)) out.token(this.flags, flag ? 1 : 0);
    out.byte(44);
    if (!this.isNull(8)) this.comment(out);
    out.byte(10);
  }
}
