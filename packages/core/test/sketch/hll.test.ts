import { describe, it, expect } from '@jest/globals';
import { UserError } from '../../src/errors.js';
import { HyperLogLog } from '../../src/sketch/hll.js';
import { thrown } from './data.js';

const SIGMA = HyperLogLog.relativeStandardError(14); // 0.81%

function relativeError(estimate: number, truth: number): number {
  return Math.abs(estimate - truth) / truth;
}

describe('HyperLogLog', () => {
  it('has 16384 one-byte registers at the default precision and a standard error of 1.04/√m', () => {
    const h = new HyperLogLog();
    expect(h.p).toBe(14);
    expect(Buffer.from(h.toJSON().registers, 'base64').length).toBe(16384);
    expect(SIGMA).toBeCloseTo(0.008125, 6);
  });

  it('estimates 0 for an empty sketch and is near-exact for small cardinalities', () => {
    expect(new HyperLogLog().estimate()).toBe(0);
    for (const n of [1, 10, 100, 1000]) {
      const h = new HyperLogLog();
      for (let i = 0; i < n; i++) h.addNumber(i);
      expect(Math.abs(h.estimate() - n)).toBeLessThanOrEqual(Math.max(1, 0.01 * n));
    }
  });

  it('counts a byte range from a reader buffer as the same value as the string', () => {
    const buffer = new TextEncoder().encode('Zürich,Genève,Zürich');
    const fromBytes = new HyperLogLog();
    fromBytes.addBytes(buffer, 0, 7);
    fromBytes.addBytes(buffer, 8, 15);
    fromBytes.addBytes(buffer, 16, 23);
    const fromStrings = new HyperLogLog();
    fromStrings.addString('Zürich');
    fromStrings.addString('Genève');
    expect(fromBytes.equals(fromStrings)).toBe(true);
    expect(Math.round(fromBytes.estimate())).toBe(2);
  });

  it('merges shards into exactly the registers of one pass, overlapping values counted once', () => {
    const whole = new HyperLogLog();
    const a = new HyperLogLog();
    const b = new HyperLogLog();
    for (let i = 0; i < 20_000; i++) {
      whole.addNumber(i);
      (i < 12_000 ? a : b).addNumber(i);
      if (i >= 9_000 && i < 12_000) b.addNumber(i); // overlap
    }
    const merged = new HyperLogLog().merge(a).merge(b);
    expect(merged.equals(whole)).toBe(true);
    expect(merged.estimate()).toBe(whole.estimate());
    expect(relativeError(merged.estimate(), 20_000)).toBeLessThan(3 * SIGMA);
  });

  it('refuses to merge different precisions', () => {
    const error = thrown(() => new HyperLogLog(14).merge(new HyperLogLog(12)));
    expect(error).toBeInstanceOf(UserError);
    expect(String(error)).toContain('different precision (14 and 12)');
  });

  it('round-trips through JSON with identical registers', () => {
    const h = new HyperLogLog(12);
    for (let i = 0; i < 5000; i++) h.addString(String(i));
    const back = HyperLogLog.fromJSON(JSON.parse(JSON.stringify(h)));
    expect(back.p).toBe(12);
    expect(back.equals(h)).toBe(true);
    expect(back.estimate()).toBe(h.estimate());
  });

  describe('fromJSON validation', () => {
    const good = () => new HyperLogLog(10).toJSON() as unknown as Record<string, unknown>;
    const overMax = Buffer.alloc(1024);
    overMax[5] = 56; // max for p = 10 is 64 − 10 + 1 = 55
    it.each<[string, (j: Record<string, unknown>) => void, string]>([
      ['a wrong version', (j) => (j.version = 9), '$.version: unsupported hll version 9'],
      ['a bad precision', (j) => (j.p = 30), '$.p: expected an integer in [4, 18], got 30'],
      ['another hash', (j) => (j.hash = 'xxhash64'), '$.hash: unknown hash "xxhash64"'],
      ['non-base64 registers', (j) => (j.registers = '!!'), '$.registers: expected base64 text'],
      ['the wrong register count', (j) => (j.p = 11), '$.registers: expected 2048 registers for p=11, got 1024'],
      ['an impossible register', (j) => (j.registers = overMax.toString('base64')), 'register 5 holds 56'],
    ])('rejects %s', (_what, mutate, message) => {
      const json = good();
      mutate(json);
      const error = thrown(() => HyperLogLog.fromJSON(json));
      expect(error).toBeInstanceOf(UserError);
      expect(String(error)).toContain(message);
    });
  });
});
