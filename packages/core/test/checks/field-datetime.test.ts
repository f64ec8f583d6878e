import { describe, expect, it } from '@jest/globals';
import { fieldDateTime, fieldHasType, parseDateTime } from '../../src/checks/values.js';
import { CsvReader } from '../../src/data/csv-reader.js';
import { ProfileBuilder } from '../../src/profile/builder.js';

const VALUES = [
  '2024-02-29',
  '2023-02-29',
  '2024-13-01',
  '2024-04-31',
  '0000-02-29',
  '0004-02-29',
  '1900-02-29',
  '2000-02-29',
  '2024-11-01T10:29:15',
  '2024-11-01 10:29:15',
  '2024-11-01t10:29:15',
  '2024-11-01T24:00:00',
  '2024-11-01T23:60:00',
  '2024-11-01T23:59:60',
  '2024-11-01T23:59:61',
  '2024-11-01T10:29',
  '2024-11-01T10:29+01',
  '2024-11-01T10:29:15Z',
  '2024-11-01T10:29:15z',
  '2024-11-01T10:29:1Z',
  '2024-11-01T10:29.5Z',
  '2024-11-01T10:29:15.123456789+05:30',
  '2024-1-01',
  'not a date',
  '12345678901234567890',
];

describe('fieldDateTime', () => {
  it('reads every field as parseDateTime reads its text, on the byte fast path and off it', () => {
    const reader = new CsvReader({ header: false });
    reader.write(new TextEncoder().encode(`${VALUES.join('\n')}\n`));
    reader.end();
    const seen: [string, number][] = [];
    for (let batch = reader.next(); batch; batch = reader.next()) {
      for (let row = 0; row < batch.rowCount; row++) seen.push([batch.string(row, 0), fieldDateTime(batch, row, 0)]);
    }
    expect(seen.map(([text]) => text)).toEqual(VALUES);
    expect(seen.map(([, time]) => time)).toEqual(VALUES.map(parseDateTime));
    expect(seen.filter(([, time]) => !Number.isNaN(time)).length).toBeGreaterThan(8);
  });

  it('reads the same with the instants the profile parsed in the same pass, and says which rows have one', () => {
    const reader = new CsvReader({ header: false });
    // Rows without an instant (a number, text) read NaN; a later batch without datetimes says it has none.
    reader.write(new TextEncoder().encode(`${[...VALUES, '42'].join('\n')}\n`));
    reader.end();
    const builder = new ProfileBuilder({}, true);
    const seen: number[] = [];
    const typed: boolean[] = [];
    let withInstants = 0;
    for (let batch = reader.next(); batch; batch = reader.next()) {
      builder.add(batch);
      const [parsed] = builder.parsedColumns;
      expect(parsed!.hasInstants).toBe(true);
      for (let row = 0; row < batch.rowCount; row++) {
        const instant = parsed!.instants![row]!;
        if (!Number.isNaN(instant)) withInstants++;
        seen.push(fieldDateTime(batch, row, 0, instant));
        typed.push(fieldHasType(batch, row, 0, 'datetime', false, undefined, instant));
      }
    }
    const expected = [...VALUES, '42'].map(parseDateTime);
    expect(seen).toEqual(expected);
    expect(typed).toEqual(expected.map((time) => !Number.isNaN(time)));
    expect(withInstants).toBeGreaterThan(8);
    const later = new CsvReader({ header: false });
    later.write(new TextEncoder().encode('1\n2\n'));
    later.end();
    builder.add(later.next()!);
    expect(builder.parsedColumns[0]!.hasInstants).toBe(false);
  });
});
