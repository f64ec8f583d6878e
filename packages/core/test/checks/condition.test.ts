import { describe, it, expect } from '@jest/globals';
import { ConditionMask, parseRowCondition } from '../../src/checks/index.js';
import { CsvReader, JsonlReader } from '../../src/data/index.js';

const CSV = `x,label,ts,flag,other name,y
1,a,2024-01-01,true,p,1
5,b,2024-06-01,false,q,7
,a,,TRUE,r,
-3,c,2023-12-31T23:00:00Z,,p,-3
10,"b",2025-01-01,false,,abc
`;

/** The rows (0-based) a condition selects in `text`, read as CSV or JSON Lines. */
async function selected(condition: string, text = CSV, jsonl = false): Promise<number[]> {
  const reader = jsonl ? new JsonlReader({ file: 'data.jsonl' }) : new CsvReader({ file: 'data.csv', batchSize: 2 });
  const mask = new ConditionMask(parseRowCondition(condition), jsonl);
  const rows: number[] = [];
  let offset = 0;
  for await (const batch of reader.batches([new TextEncoder().encode(text)])) {
    const { mask: bits, selected: count } = mask.select(batch);
    let seen = 0;
    for (let row = 0; row < batch.rowCount; row++) {
      if (bits[row] !== 1) continue;
      rows.push(offset + row);
      seen++;
    }
    expect(seen).toBe(count);
    offset += batch.rowCount;
  }
  return rows;
}

describe('row conditions (pandas query and GX grammar)', () => {
  it('compares numbers numerically and leaves nulls and text out, except for !=', async () => {
    expect(await selected('x > 1')).toEqual([1, 4]);
    expect(await selected('x >= -3 and x < 5')).toEqual([0, 3]);
    expect(await selected('x == 10.0')).toEqual([4]);
    // pandas: NaN != 5 is True, and so is "abc" != 5 in an object column.
    expect(await selected('y != 7')).toEqual([0, 2, 3, 4]);
    expect(await selected('5 < x')).toEqual([4]);
    expect(await selected('-5 < x <= 1')).toEqual([0, 3]);
  });

  it('compares strings with the text, dates as instants, booleans in any letter case', async () => {
    expect(await selected('label == "b"')).toEqual([1, 4]);
    expect(await selected("label != 'a'")).toEqual([1, 3, 4]);
    expect(await selected('ts >= "2024-01-01"')).toEqual([0, 1, 4]);
    // 2023-12-31T23:00:00Z is before 2024-01-01T00:00 UTC; as text it would sort after "2023-12-31".
    expect(await selected('ts < date("2024-01-01")')).toEqual([3]);
    expect(await selected('flag == True')).toEqual([0, 2]);
    expect(await selected('flag == False')).toEqual([1, 4]);
  });

  it('reads in, not in, == [list], isnull/notnull, ~, |, parentheses, backticks and col("…")', async () => {
    expect(await selected('label in ["a", "c"]')).toEqual([0, 2, 3]);
    expect(await selected('label not in ("a", "c")')).toEqual([1, 4]);
    expect(await selected('x == [1, 10]')).toEqual([0, 4]);
    expect(await selected('x.isnull()')).toEqual([2]);
    expect(await selected('~x.notnull() | (label == "c" & x < 0)')).toEqual([2, 3]);
    expect(await selected('`other name` == "p"')).toEqual([0, 3]);
    expect(await selected('col("other name") == "q"')).toEqual([1]);
    expect(await selected('col("ts").notnull()')).toEqual([0, 1, 3, 4]);
    expect(await selected('x == y')).toEqual([0, 3]);
  });

  it('in JSON Lines, keeps the string "1" apart from the number 1, as pandas does', async () => {
    const text = '{"v": 1}\n{"v": "1"}\n{"v": true}\n{"v": null}\n{}\n';
    expect(await selected('v == 1', text, true)).toEqual([0]);
    expect(await selected('v == "1"', text, true)).toEqual([1]);
    expect(await selected('v == True', text, true)).toEqual([2]);
    expect(await selected('v.isnull()', text, true)).toEqual([3, 4]);
    // The same values written as CSV are all text: the number matches "1" too.
    expect(await selected('v == 1', 'v\n1\n"1"\n')).toEqual([0, 1]);
  });

  it('says what it could not read and where', () => {
    const message = (text: string) => {
      try {
        parseRowCondition(text);
      } catch (error) {
        return (error as Error).message;
      }
      return 'parsed';
    };
    expect(message('x = 5')).toBe('unexpected "=" at character 3');
    expect(message('x >')).toBe('expected a column or a value, found the end of the condition');
    expect(message('x > 1 y')).toBe('expected "&", "|" or the end of the condition, found "y" at character 7');
    expect(message('"a" == 1')).toBe('expected a column on one side of the comparison, found "==" at character 5');
    expect(message('label == "open')).toBe('unclosed " at character 10');
    expect(message('x.upper()')).toBe('expected isnull(), notnull(), isna() or notna(), found "upper" at character 3');
    expect(message('ts > date("soon")')).toBe('expected an ISO 8601 date in date(…), found "date" at character 6');
    expect(message('')).toBe('is empty');
    expect(parseRowCondition('a > 1 & (b == "x" | a < c)').columns).toEqual(['a', 'b', 'c']);
  });
});
