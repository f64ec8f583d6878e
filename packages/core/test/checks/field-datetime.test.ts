import { describe, expect, it } from '@jest/globals';
import { fieldDateTime, parseDateTime } from '../../src/checks/values.js';
import { CsvReader } from '../../src/data/csv-reader.js';

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
});
