import { describe, it, expect } from '@jest/globals';
import {
  formatConfidence,
  formatCount,
  formatDelta,
  formatInterval,
  formatNumber,
  formatPValue,
  formatPercent,
  formatScalar,
  formatSigned,
} from '../../src/index.js';

describe('number formatting', () => {
  it('shows 4 significant digits in plain notation for everyday magnitudes', () => {
    expect(formatNumber(0.81234)).toBe('0.8123');
    expect(formatNumber(0.8)).toBe('0.8');
    expect(formatNumber(1234.567)).toBe('1235');
    expect(formatNumber(-0.000123456)).toBe('-0.0001235');
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(-0)).toBe('0');
  });

  it('shows large integers whole instead of rounding them to 4 digits', () => {
    expect(formatNumber(12345.67)).toBe('12346');
    expect(formatNumber(987654321)).toBe('987654321');
  });

  it('switches to exponent notation for tiny and huge values', () => {
    expect(formatNumber(0.00001234)).toBe('1.234e-5');
    expect(formatNumber(0.00001)).toBe('1e-5');
    expect(formatNumber(1e20)).toBe('1e+20');
  });

  it('marks missing and non-finite values', () => {
    expect(formatNumber(null)).toBe('-');
    expect(formatNumber(undefined)).toBe('-');
    expect(formatNumber(Number.NaN)).toBe('NaN');
    expect(formatNumber(Number.NEGATIVE_INFINITY)).toBe('-∞');
  });

  it('signs changes and percentages', () => {
    expect(formatSigned(0.0111)).toBe('+0.0111');
    expect(formatSigned(-0.02)).toBe('-0.02');
    expect(formatSigned(0)).toBe('0');
    expect(formatPercent(0.013615, { signed: true })).toBe('+1.36%');
    expect(formatPercent(-0.5, { signed: true })).toBe('-50%');
    expect(formatPercent(0.000243)).toBe('0.0243%');
    expect(formatDelta(0.01106, 0.013615)).toBe('+0.01106 (+1.36%)');
    expect(formatDelta(0.01, null)).toBe('+0.01');
    expect(formatDelta(null, null)).toBe('-');
    expect(formatInterval({ low: -0.002, high: 0.0201 })).toBe('[-0.002, +0.0201]');
    expect(formatInterval(undefined)).toBe('-');
  });

  it('formats confidence, counts, p-values and parameters', () => {
    expect(formatConfidence(0.95)).toBe('95%');
    expect(formatConfidence(0.975)).toBe('97.5%');
    expect(formatCount(1234567)).toBe('1,234,567');
    expect(formatPValue(0.0123)).toBe('0.012');
    expect(formatPValue(0.0004)).toBe('<0.001');
    expect(formatScalar(0.123456789)).toBe('0.123456789');
    expect(formatScalar(null)).toBe('-');
    expect(formatScalar(false)).toBe('false');
  });
});
