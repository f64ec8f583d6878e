/**
 * Writes the validate benchmark's CSV: `node .build/generate/index.js --rows 12M --out data/rows.csv [--shift] [--seed 1]`.
 */
import { parseArgs } from 'node:util';
import { parseCount } from './args.js';
import { generateCsv } from './generate-csv.js';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '12000000' },
    out: { type: 'string', default: 'data/rows-12000000.csv' },
    seed: { type: 'string', default: '1' },
    shift: { type: 'boolean', default: false },
  },
});

const rows = parseCount(values.rows, '--rows');
const result = generateCsv({ rows, out: values.out, seed: parseCount(values.seed, '--seed'), shift: values.shift });
const mb = result.bytes / 1e6;
console.log(
  `${values.out}: ${rows.toLocaleString('en-US')} rows, ${mb.toFixed(1)} MB in ${result.seconds.toFixed(2)} s ` +
    `(${(mb / result.seconds).toFixed(0)} MB/s)`,
);
