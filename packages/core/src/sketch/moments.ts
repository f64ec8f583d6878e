import { describeValue, expectFiniteOrNull, expectInteger, expectSketch, fail, type JsonObject } from './json.js';

export interface MomentsJSON {
  kind: 'moments';
  version: 2;
  count: number;
  min: number | null;
  max: number | null;
  /** Σx exactly, as `<hex integer>p<binary exponent>` (e.g. `-1bp-4` = −27/16). */
  sum: string;
  /** Σx² exactly, in the same notation. */
  squares: string;
}

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
const LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;
const HI = LITTLE_ENDIAN ? 1 : 0;
const LO = 1 - HI;

/** Squares of |x| ≥ 2^500 or < 2^-450 are taken of x scaled by 2^∓600 and accumulated 1,200 binary places away. */
const SQUARE_SHIFT = 1200;
const BIG = 2 ** 500;
const TINY = 2 ** -450;
const DOWN = 2 ** -600;
const UP = 2 ** 600;
/** Bucket i holds multiples of 2^(i − 1075); squares' buckets are offset by SQUARE_SHIFT. */
const SUM_BUCKETS = 2048;
const SQUARE_BUCKETS = 2048 + 2 * SQUARE_SHIFT;
/** Scale of the folded totals: Σx·2^1074 and Σx²·2^(1074 + SQUARE_SHIFT) are integers. */
const SUM_SCALE = 1074;
const SQUARE_SCALE = 1074 + SQUARE_SHIFT;
/** Each add puts < 2^32 into a bucket; folding every 2^20 adds keeps buckets exact integers (< 2^53). */
const FOLD_EVERY = 1 << 20;
/** Veltkamp's splitter for doubles: 2^27 + 1. */
const SPLITTER = 134217729;
/** Values `addAll` takes per block, and the two parts of each one's square, with a view of their words. */
const BLOCK = 4096;
const squareParts = new Float64Array(2 * BLOCK);
const squarePartWords = new Uint32Array(squareParts.buffer);

/**
 * Count, min, max, and the exact sum and sum of squares of a column's finite values, so the mean and variance are
 * computed from exact integers and merged shard results equal one pass to the last bit, whatever the split.
 *
 * Each double is m·2^(e−1075) with an integer mantissa m < 2^53: its high and low words are added, as integers,
 * to a bucket per exponent, and the buckets are folded into one BigInt every 2^20 values. A square x² is the exact
 * sum p + err of two doubles (Dekker's product with Veltkamp's split), each added the same way. Only finite values
 * are accumulated: NaN and ±Infinity are ignored (the profiler counts them separately).
 */
export class Moments {
  private n = 0;
  private lo = Infinity;
  private hi = -Infinity;
  private readonly sumHi = new Float64Array(SUM_BUCKETS);
  private readonly sumLo = new Float64Array(SUM_BUCKETS);
  private readonly squareHi = new Float64Array(SQUARE_BUCKETS);
  private readonly squareLo = new Float64Array(SQUARE_BUCKETS);
  private pending = 0;
  private sumTotal = 0n;
  private squareTotal = 0n;

  add(x: number): void {
    if (x - x !== 0) return; // NaN or ±Infinity
    this.n++;
    if (x < this.lo) this.lo = x;
    if (x > this.hi) this.hi = x;
    addValue(this.sumHi, this.sumLo, this.squareHi, this.squareLo, x);
    if (++this.pending === FOLD_EVERY) this.fold();
  }

  /**
   * `add` of values[from..to), a block at a time: each value's words are read through a view of the block's own
   * buffer rather than stored and read back one value at a time, and the squares' two parts are gathered into
   * `parts` and then added to their buckets in one loop of the same kind.
   */
  addAll(values: Float64Array, from: number, to: number): void {
    const words = new Uint32Array(values.buffer, values.byteOffset, 2 * values.length);
    for (let start = from; start < to;) {
      // A block ends where the buckets must fold, so no bucket takes more than FOLD_EVERY adds between folds.
      const end = Math.min(to, start + BLOCK, start + FOLD_EVERY - this.pending);
      this.addBlock(values, words, start, end);
      start = end;
      if (this.pending === FOLD_EVERY) this.fold();
    }
  }

  private addBlock(values: Float64Array, words: Uint32Array, from: number, to: number): void {
    const { sumHi, sumLo, squareHi, squareLo } = this;
    const parts = squareParts;
    let n = this.n;
    let lo = this.lo;
    let hi = this.hi;
    let gathered = 0;
    for (let i = from; i < to; i++) {
      const x = values[i]!;
      if (x - x !== 0) continue; // NaN or ±Infinity
      n++;
      if (x < lo) lo = x;
      if (x > hi) hi = x;
      addWords(sumHi, sumLo, words[2 * i + HI]!, words[2 * i + LO]!, 0);
      const ax = x < 0 ? -x : x;
      if (ax >= BIG || ax < TINY) {
        addScaledSquare(squareHi, squareLo, x, ax);
        continue;
      }
      const p = x * x;
      parts[gathered++] = p;
      parts[gathered++] = squareError(x, p);
    }
    const partWords = squarePartWords;
    for (let j = 0; j < gathered; j++) {
      const high = partWords[2 * j + HI]!;
      const low = partWords[2 * j + LO]!;
      // A zero error part (x² exact in one double) adds nothing.
      if ((high | low) !== 0) addWords(squareHi, squareLo, high, low, SQUARE_SHIFT);
    }
    this.pending += n - this.n;
    this.n = n;
    this.lo = lo;
    this.hi = hi;
  }

  /** Moves the buckets into the exact totals. */
  private fold(): void {
    this.sumTotal += drain(this.sumHi, this.sumLo);
    this.squareTotal += drain(this.squareHi, this.squareLo);
    this.pending = 0;
  }

  merge(other: Moments): this {
    other.fold();
    this.fold();
    this.n += other.n;
    this.lo = Math.min(this.lo, other.lo);
    this.hi = Math.max(this.hi, other.hi);
    this.sumTotal += other.sumTotal;
    this.squareTotal += other.squareTotal;
    return this;
  }

  get count(): number {
    return this.n;
  }

  /** Σx, correctly rounded. */
  get sum(): number {
    this.fold();
    return ratio(this.sumTotal, 1n, SUM_SCALE);
  }

  /** NaN when empty. */
  get mean(): number {
    this.fold();
    return this.n === 0 ? NaN : ratio(this.sumTotal, BigInt(this.n), SUM_SCALE);
  }

  /** Σ(x − mean)², from the exact sums: (nΣx² − (Σx)²)/n. */
  get m2(): number {
    return this.n === 0 ? 0 : ratio(this.deviations(), BigInt(this.n), SQUARE_SCALE);
  }

  /** n·Σx² − (Σx)² at the squares' scale: n² times the population variance, exactly (never negative). */
  private deviations(): bigint {
    this.fold();
    return (
      BigInt(this.n) * this.squareTotal - ((this.sumTotal * this.sumTotal) << BigInt(SQUARE_SCALE - 2 * SUM_SCALE))
    );
  }

  /** NaN when empty. */
  get min(): number {
    return this.n === 0 ? NaN : this.lo;
  }

  /** NaN when empty. */
  get max(): number {
    return this.n === 0 ? NaN : this.hi;
  }

  /** Population variance (divides by n); NaN when empty. */
  get populationVariance(): number {
    if (this.n === 0) return NaN;
    const n = BigInt(this.n);
    return ratio(this.deviations(), n * n, SQUARE_SCALE);
  }

  /** Sample variance (divides by n − 1, Bessel's correction); NaN with fewer than two values. */
  get sampleVariance(): number {
    if (this.n < 2) return NaN;
    return ratio(this.deviations(), BigInt(this.n) * BigInt(this.n - 1), SQUARE_SCALE);
  }

  get populationStdDev(): number {
    return Math.sqrt(this.populationVariance);
  }

  get sampleStdDev(): number {
    return Math.sqrt(this.sampleVariance);
  }

  toJSON(): MomentsJSON {
    this.fold();
    const empty = this.n === 0;
    return {
      kind: 'moments',
      version: 2,
      count: this.n,
      min: empty ? null : this.lo,
      max: empty ? null : this.hi,
      sum: formatScaled(this.sumTotal, SUM_SCALE),
      squares: formatScaled(this.squareTotal, SQUARE_SCALE),
    };
  }

  static fromJSON(value: unknown, path = '$'): Moments {
    const obj: JsonObject = expectSketch(value, 'moments', [2], path);
    const m = new Moments();
    m.n = expectInteger(obj, 'count', path, 0, Number.MAX_SAFE_INTEGER);
    m.sumTotal = parseScaled(obj.sum, SUM_SCALE, `${path}.sum`);
    m.squareTotal = parseScaled(obj.squares, SQUARE_SCALE, `${path}.squares`);
    const lo = expectFiniteOrNull(obj, 'min', path);
    const hi = expectFiniteOrNull(obj, 'max', path);
    if (m.n === 0) {
      if (lo !== null || hi !== null || m.sumTotal !== 0n || m.squareTotal !== 0n) {
        fail(path, 'an empty moments sketch (count 0) must have sums 0 and null min/max');
      }
      return m;
    }
    if (lo === null || hi === null) fail(`${path}.${lo === null ? 'min' : 'max'}`, 'expected a number when count > 0');
    if (lo > hi) fail(`${path}.min`, `min ${lo} is greater than max ${hi}`);
    if (m.squareTotal < 0n || m.deviations() < 0n) {
      fail(`${path}.squares`, 'is smaller than the sum allows (Σx² ≥ (Σx)²/n)');
    }
    m.lo = lo;
    m.hi = hi;
    return m;
  }
}

/** Adds x to the sum buckets and x² (x scaled into the safe range first) to the square buckets. */
function addValue(sumHi: Float64Array, sumLo: Float64Array, squareHi: Float64Array, squareLo: Float64Array, x: number) {
  addTo(sumHi, sumLo, x, 0);
  const ax = x < 0 ? -x : x;
  if (ax >= BIG || ax < TINY) addScaledSquare(squareHi, squareLo, x, ax);
  else addSquare(squareHi, squareLo, x, SQUARE_SHIFT);
}

/** x² for |x| = ax outside [TINY, BIG): x scaled by 2^∓600 into the safe range, its buckets shifted to match. */
function addScaledSquare(high: Float64Array, low: Float64Array, x: number, ax: number): void {
  if (ax >= BIG) addSquare(high, low, x * DOWN, 2 * SQUARE_SHIFT);
  else if (ax !== 0) addSquare(high, low, x * UP, 0);
}

/** Adds x² (x already scaled into the safe range) to the square buckets shifted by `offset`. */
function addSquare(high: Float64Array, low: Float64Array, x: number, offset: number): void {
  const p = x * x;
  const err = squareError(x, p);
  addTo(high, low, p, offset);
  if (err !== 0) addTo(high, low, err, offset);
}

/** x² − p exactly, for p = x·x rounded (Dekker's product with Veltkamp's split). */
function squareError(x: number, p: number): number {
  const c = SPLITTER * x;
  const top = c - (c - x);
  const rest = x - top;
  return top * top - p + 2 * top * rest + rest * rest;
}

/** Adds the double x, as integers, to bucket (exponent + offset) of `high` (its high word) and `low` (its low word). */
function addTo(high: Float64Array, low: Float64Array, x: number, offset: number): void {
  f64[0] = x;
  addWords(high, low, u32[HI]!, u32[LO]!, offset);
}

/** `addTo` of the double whose words are `hiWord` and `loWord`. */
function addWords(high: Float64Array, low: Float64Array, hiWord: number, loWord: number, offset: number): void {
  let e = (hiWord >>> 20) & 0x7ff;
  let mantissaHigh = hiWord & 0xfffff;
  if (e !== 0) mantissaHigh |= 0x100000;
  else e = 1;
  const i = e + offset;
  if (hiWord >>> 31 === 0) {
    high[i]! += mantissaHigh;
    low[i]! += loWord;
  } else {
    high[i]! -= mantissaHigh;
    low[i]! -= loWord;
  }
}

/** Σ bucket·2^(i − 1 + 32 for high words) over the buckets, as a BigInt; the buckets are cleared. */
function drain(high: Float64Array, low: Float64Array): bigint {
  let total = 0n;
  for (let i = 0; i < high.length; i++) {
    const h = high[i]!;
    const l = low[i]!;
    if (h === 0 && l === 0) continue;
    const shift = BigInt(Math.max(0, i - 1));
    total += (BigInt(h) << (shift + 32n)) + (BigInt(l) << shift);
    high[i] = 0;
    low[i] = 0;
  }
  return total;
}

/** num/den·2^-scale as the nearest double (to within rounding of a 64-bit quotient, with a sticky bit). */
function ratio(num: bigint, den: bigint, scale: number): number {
  if (num === 0n) return 0;
  const negative = num < 0n;
  const a = negative ? -num : num;
  const shift = 64 - (bitLength(a) - bitLength(den));
  const shifted = shift >= 0 ? a << BigInt(shift) : a >> BigInt(-shift);
  let quotient = shifted / den;
  if (quotient * den !== shifted || (shift < 0 && (a & ((1n << BigInt(-shift)) - 1n)) !== 0n)) quotient |= 1n;
  const value = scaleByPowerOfTwo(Number(quotient), -shift - scale);
  return negative ? -value : value;
}

function bitLength(v: bigint): number {
  return v.toString(2).length;
}

/** x·2^e in steps that stay inside the double range. */
function scaleByPowerOfTwo(x: number, e: number): number {
  let value = x;
  let rest = e;
  while (rest > 1000) {
    value *= 2 ** 1000;
    rest -= 1000;
  }
  while (rest < -1000) {
    value *= 2 ** -1000;
    rest += 1000;
  }
  return value * 2 ** rest;
}

/** `total`·2^-scale as `<hex>p<exponent>` with an odd mantissa (or `0`). */
function formatScaled(total: bigint, scale: number): string {
  if (total === 0n) return '0';
  const negative = total < 0n;
  let mantissa = negative ? -total : total;
  let exponent = -scale;
  while ((mantissa & 0xffffn) === 0n) {
    mantissa >>= 16n;
    exponent += 16;
  }
  while ((mantissa & 1n) === 0n) {
    mantissa >>= 1n;
    exponent++;
  }
  return `${negative ? '-' : ''}${mantissa.toString(16)}p${exponent}`;
}

function parseScaled(text: unknown, scale: number, path: string): bigint {
  if (text === '0') return 0n;
  const match = typeof text === 'string' ? /^(-?)([0-9a-f]{1,2000})p(-?\d{1,5})$/.exec(text) : null;
  if (!match) fail(path, `expected an exact sum like "1bp-4", got ${describeValue(text)}`);
  const shift = Number(match[3]) + scale;
  if (shift < 0 || shift > 2 * scale + 4200) fail(path, `exponent ${match[3]} is out of range`);
  const magnitude = BigInt(`0x${match[2]}`) << BigInt(shift);
  return match[1] === '-' ? -magnitude : magnitude;
}
