import { describe, it, expect } from '@jest/globals';
import { UserError } from '../../src/index.js';
import { lineColumn, parseJson } from '../../src/json/parse-json.js';

function errorOf(text: string): UserError {
  try {
    parseJson(text, 'f.json');
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error('expected a UserError');
}

describe('parseJson', () => {
  it('parses valid JSON and ignores a byte order mark', () => {
    expect(parseJson('\uFEFF{"a": [1, null]}', 'f.json')).toEqual({ a: [1, null] });
  });

  it('places errors by line and column across LF, CRLF and CR line ends', () => {
    expect(errorOf('{\n  "a": 1,\n}').location).toEqual({ file: 'f.json', line: 3, column: 1 });
    expect(errorOf('{\r\n  "a" 1\r\n}').location).toEqual({ file: 'f.json', line: 2, column: 7 });
    expect(errorOf('[1,\r2\r3]').location).toEqual({ file: 'f.json', line: 3, column: 1 });
  });

  it('omits the position when V8 gives none (and uses it where a newer V8 does)', () => {
    const { location } = errorOf('[1,\n,]');
    expect(location.file).toBe('f.json');
    if (location.line !== undefined) expect(location).toEqual({ file: 'f.json', line: 2, column: 1 });
  });

  it('keeps the message on one line without echoing the input', () => {
    const error = errorOf('{"secret": tru\n}');
    expect(error.message).toMatch(/^invalid JSON: /);
    expect(error.message).not.toContain('\n');
    expect(error.message).not.toContain('secret');
  });

  it('places an empty or cut-off document at its end', () => {
    expect(errorOf('').location).toEqual({ file: 'f.json', line: 1, column: 1 });
    expect(errorOf('{"a":\n').location).toEqual({ file: 'f.json', line: 2, column: 1 });
  });
});

describe('lineColumn', () => {
  it('counts from 1 and clamps out-of-range offsets', () => {
    expect(lineColumn('ab\ncd', 0)).toEqual({ line: 1, column: 1 });
    expect(lineColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
    expect(lineColumn('ab', 99)).toEqual({ line: 1, column: 3 });
  });
});
