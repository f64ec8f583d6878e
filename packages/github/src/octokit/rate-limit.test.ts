import { describe, it, expect } from '@jest/globals';
import { FALLBACK_WAIT_SECONDS, rateLimitWait } from './rate-limit.js';

const NOW = 1_700_000_000_000;
const inSeconds = (s: number) => String(NOW / 1000 + s);

describe('rateLimitWait', () => {
  it('waits the retry-after seconds, even when a reset header is also present', () => {
    expect(
      rateLimitWait({ 'retry-after': '42', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': inSeconds(900) }, NOW),
    ).toEqual({ seconds: 42, basis: 'retry-after' });
  });

  it('accepts retry-after as an HTTP-date', () => {
    const at = new Date(NOW + 30_000).toUTCString();
    expect(rateLimitWait({ 'retry-after': at }, NOW)).toEqual({ seconds: 30, basis: 'retry-after' });
  });

  it('waits until one second past x-ratelimit-reset when the budget is spent', () => {
    expect(rateLimitWait({ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': inSeconds(120) }, NOW)).toEqual({
      seconds: 121,
      basis: 'x-ratelimit-reset',
    });
  });

  it('rounds a reset that falls between seconds up', () => {
    expect(rateLimitWait({ 'x-ratelimit-reset': inSeconds(10) }, NOW + 400)).toEqual({
      seconds: 11,
      basis: 'x-ratelimit-reset',
    });
  });

  it('ignores x-ratelimit-reset while requests remain (a secondary limit: the primary window is irrelevant)', () => {
    expect(rateLimitWait({ 'x-ratelimit-remaining': '4200', 'x-ratelimit-reset': inSeconds(3000) }, NOW)).toEqual({
      seconds: FALLBACK_WAIT_SECONDS,
      basis: 'fallback',
    });
  });

  it('waits at least a minute when neither header is present', () => {
    expect(rateLimitWait({}, NOW)).toEqual({ seconds: 60, basis: 'fallback' });
  });

  it('waits a second when the reset instant has already passed', () => {
    expect(rateLimitWait({ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': inSeconds(-30) }, NOW)).toEqual({
      seconds: 1,
      basis: 'x-ratelimit-reset',
    });
  });

  it('never waits zero seconds on retry-after: 0', () => {
    expect(rateLimitWait({ 'retry-after': '0' }, NOW).seconds).toBe(1);
  });

  it.each([
    ['a word', { 'retry-after': 'soon' }],
    ['a negative number', { 'retry-after': '-5' }],
    ['a fraction', { 'retry-after': '1.5' }],
    ['an empty string', { 'retry-after': '' }],
    ['a year', { 'retry-after': String(365 * 24 * 3600) }],
  ])('falls through a bogus retry-after (%s)', (_label, headers) => {
    expect(rateLimitWait({ ...headers, 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': inSeconds(9) }, NOW)).toEqual(
      {
        seconds: 10,
        basis: 'x-ratelimit-reset',
      },
    );
  });

  it.each([
    ['not a number', 'tomorrow'],
    ['epoch zero', '0'],
    ['a negative number', '-1700000000'],
    ['milliseconds instead of seconds', String(NOW + 60_000)],
    ['days ahead', inSeconds(3 * 24 * 3600)],
  ])('falls back to a minute on a bogus x-ratelimit-reset (%s)', (_label, reset) => {
    expect(rateLimitWait({ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset }, NOW)).toEqual({
      seconds: 60,
      basis: 'fallback',
    });
  });

  it('reads numeric header values as well as strings', () => {
    expect(rateLimitWait({ 'retry-after': 3 }, NOW)).toEqual({ seconds: 3, basis: 'retry-after' });
  });
});
