import { describe, expect, it } from '@jest/globals';
import { jsonSyntaxErrorOffset } from '../../src/json/syntax-error-offset.js';
import { parseJson } from '../../src/json/parse-json.js';
import { UserError } from '../../src/errors.js';

describe('jsonSyntaxErrorOffset', () => {
  it.each([
    ['{"a": ,}', 6],
    ['{"a": 1,}', 8],
    ['[1, 2', 5],
    ['{"a" 1}', 5],
    ['tru', 3],
    ['nul', 3],
    ['"abc', 4],
    ['"a\\x"', 3],
    ['"\\u12G4"', 3],
    ['01', 1],
    ['-', 0],
    ['{"a": 1} x', 9],
    ['"tab\there"', 4],
    ['', 0],
  ])('places the first error in %j at offset %d', (text, offset) => {
    expect(jsonSyntaxErrorOffset(text)).toBe(offset);
  });

  it.each(['{}', '[]', ' {"a": [1, -2.5e3, true, false, null, "x\\u00e9\\n"]} ', '0', '"s"'])(
    'finds no error in valid JSON %j',
    (text) => {
      expect(jsonSyntaxErrorOffset(text)).toBeUndefined();
    },
  );

  it('gives parseJson a line and column where V8 names no position', () => {
    let error: unknown;
    try {
      parseJson('{\n  "schema": "mlgate/report@1",\n  "verdict": ,\n}', 'report.json');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).location).toEqual({ file: 'report.json', line: 3, column: 14 });
  });
});
