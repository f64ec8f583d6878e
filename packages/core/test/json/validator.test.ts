import { describe, it, expect } from '@jest/globals';
import { formatJsonPath, formatKeyPath, pointerToSegments } from '../../src/json-schema/path.js';
import { closestMatch, editDistance } from '../../src/json-schema/suggest.js';
import { createSchemaValidator } from '../../src/json-schema/validator.js';

describe('createSchemaValidator', () => {
  const validate = createSchemaValidator(
    {
      type: 'object',
      additionalProperties: false,
      properties: {
        outer: {
          anyOf: [
            { type: 'boolean' },
            {
              type: 'object',
              additionalProperties: false,
              properties: { inner: { anyOf: [{ type: 'integer' }, { type: 'array', items: { type: 'integer' } }] } },
            },
          ],
        },
        tags: { type: 'object', propertyNames: { pattern: '^[a-z]+$', patternErrorMessage: 'must be lowercase' } },
      },
    },
    'test-schema',
  );

  it('returns no problems for a valid document', () => {
    expect(validate({ outer: { inner: [1, 2] }, tags: { ok: 1 } })).toEqual([]);
  });

  it('resolves nested unions down to the branch the value resembles', () => {
    expect(validate({ outer: { inner: [1, 'two'] } })).toEqual([
      { path: ['outer', 'inner', 1], message: 'must be an integer' },
    ]);
  });

  it('names the expected types when no branch fits', () => {
    expect(validate({ outer: 'yes' })).toEqual([{ path: ['outer'], message: 'must be a boolean or an object' }]);
  });

  it('reports each invalid key once, with the key', () => {
    expect(validate({ tags: { Bad: 1, Worse: 2 } })).toEqual([
      { path: ['tags'], key: 'Bad', message: 'invalid key "Bad": must be lowercase' },
      { path: ['tags'], key: 'Worse', message: 'invalid key "Worse": must be lowercase' },
    ]);
  });

  it('lists every problem, not just the first', () => {
    expect(validate({ outer: 1, extra: true })).toHaveLength(2);
  });
});

describe('paths', () => {
  it('turns a JSON Pointer into keys and indices, unescaping ~0 and ~1', () => {
    const doc = { a: [{ 'b/c': { '~d': 1 } }] };
    expect(pointerToSegments('/a/0/b~1c/~0d', doc)).toEqual(['a', 0, 'b/c', '~d']);
    expect(pointerToSegments('/0', { 0: 1 })).toEqual(['0']);
  });

  it('formats JSON paths and configuration key paths', () => {
    expect(formatJsonPath([])).toBe('$');
    expect(formatJsonPath(['validations', 0, 'checks', 3, 'status'])).toBe('$.validations[0].checks[3].status');
    expect(formatJsonPath(['odd key', 'x-y'])).toBe('$["odd key"]["x-y"]');
    expect(formatKeyPath(['models', 'churn-v2', 'metrics', 0])).toBe('models.churn-v2.metrics[0]');
    expect(formatKeyPath(['gate', 'metrics', 'eval.auc'])).toBe('gate.metrics["eval.auc"]');
    expect(formatKeyPath([])).toBe('');
  });
});

describe('suggestions', () => {
  it('counts a transposition as one edit', () => {
    expect(editDistance('mni', 'min')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('suggests only close matches', () => {
    expect(closestMatch('mni', ['min', 'max'])).toBe('min');
    expect(closestMatch('max_regresion', ['max_regression', 'min'])).toBe('max_regression');
    expect(closestMatch('colour', ['direction', 'min'])).toBeUndefined();
  });
});
