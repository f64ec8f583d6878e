import { describe, it, expect, afterEach } from '@jest/globals';
import { UserError } from '@mlgate/core';
import { booleanInput, enumInput, intInput, listInput, optionalInput, renamedInput, requiredInput } from './inputs.js';
import type { InputSource } from './inputs.js';

const from =
  (values: Record<string, string>): InputSource =>
  (name) =>
    values[name] ?? '';

function failure(fn: () => unknown): UserError {
  try {
    fn();
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error('expected a UserError');
}

describe('requiredInput', () => {
  it('returns the trimmed value', () => {
    expect(requiredInput('model', from({ model: '  churn \n' }))).toBe('churn');
  });
  it('fails naming the input when it is empty', () => {
    expect(failure(() => requiredInput('model', from({ model: '   ' }))).message).toBe(
      'input "model" is required but was not set',
    );
  });
});

describe('optionalInput', () => {
  it('gives undefined for an empty input and the value otherwise', () => {
    expect(optionalInput('baseline', from({}))).toBeUndefined();
    expect(optionalInput('baseline', from({ baseline: 'production' }))).toBe('production');
  });
});

describe('booleanInput', () => {
  it('uses the default when unset', () => {
    expect(booleanInput('dry-run', true, from({}))).toBe(true);
    expect(booleanInput('dry-run', false, from({}))).toBe(false);
  });
  it.each([
    ['true', true],
    ['True', true],
    ['TRUE', true],
    ['false', false],
    ['False', false],
  ])('reads %s', (text, value) => {
    expect(booleanInput('dry-run', !value, from({ 'dry-run': text }))).toBe(value);
  });
  it('rejects anything else, naming the input and the value', () => {
    expect(failure(() => booleanInput('dry-run', false, from({ 'dry-run': 'yes' }))).message).toBe(
      'input "dry-run": expected true or false, got "yes"',
    );
  });
});

describe('intInput', () => {
  it('uses the default when unset and parses signed integers', () => {
    expect(intInput('retries', { default: 3 }, from({}))).toBe(3);
    expect(intInput('retries', {}, from({}))).toBeUndefined();
    expect(intInput('offset', {}, from({ offset: '-12' }))).toBe(-12);
    expect(intInput('offset', {}, from({ offset: '+7' }))).toBe(7);
  });
  it.each(['1.5', 'ten', '1e3', '0x10', '99999999999999999999'])('rejects %s', (text) => {
    expect(failure(() => intInput('retries', {}, from({ retries: text }))).message).toBe(
      `input "retries": expected an integer, got "${text}"`,
    );
  });
  it('enforces the bounds and says what they are', () => {
    const src = from({ retries: '12' });
    expect(failure(() => intInput('retries', { min: 0, max: 10 }, src)).message).toBe(
      'input "retries": expected an integer from 0 to 10, got "12"',
    );
    expect(failure(() => intInput('retries', { max: 10 }, src)).message).toBe(
      'input "retries": expected an integer of at most 10, got "12"',
    );
    expect(failure(() => intInput('retries', { min: 20 }, src)).message).toBe(
      'input "retries": expected an integer of at least 20, got "12"',
    );
    expect(intInput('retries', { min: 12, max: 12 }, src)).toBe(12);
  });
});

describe('enumInput', () => {
  const levels = ['error', 'warning', 'never'] as const;
  it('returns a listed value or the default', () => {
    expect(enumInput('fail-on', levels, 'error', from({ 'fail-on': 'never' }))).toBe('never');
    expect(enumInput('fail-on', levels, 'error', from({}))).toBe('error');
  });
  it('rejects an unlisted value, listing the choices', () => {
    expect(failure(() => enumInput('fail-on', levels, 'error', from({ 'fail-on': 'eror' }))).message).toBe(
      'input "fail-on": expected one of error, warning, never, got "eror"',
    );
  });
});

describe('listInput', () => {
  it('splits on newlines and commas, trims, and drops empties', () => {
    expect(listInput('models', from({ models: 'churn, fraud\n\n  ltv ,\n,' }))).toEqual(['churn', 'fraud', 'ltv']);
    expect(listInput('models', from({}))).toEqual([]);
  });
});

describe('renamedInput', () => {
  it('fails loudly, with the new name, when the old input is still set', () => {
    expect(failure(() => renamedInput('threshold', 'fail-on', from({ threshold: 'warning' }))).message).toBe(
      'input "threshold" was renamed to "fail-on": rename it in the workflow\'s `with:`',
    );
  });
  it('passes when only the new name is used', () => {
    expect(() => renamedInput('threshold', 'fail-on', from({ 'fail-on': 'warning' }))).not.toThrow();
  });
});

describe('the default source', () => {
  afterEach(() => {
    delete process.env['INPUT_FAIL-ON'];
  });
  it("reads the runner's INPUT_ variables through @actions/core", () => {
    process.env['INPUT_FAIL-ON'] = ' warning ';
    expect(enumInput('fail-on', ['error', 'warning'], 'error')).toBe('warning');
  });
});
