#!/usr/bin/env node
// Derives the example's data files from vega-datasets' flights-3m.parquet (3 million US domestic
// flights, January to June 2001; BSD-3-Clause, see ../NOTICE). Seeded, so a rerun writes the same bytes:
//   node examples/flights-delay/scripts/derive-data.mjs
// Each file is a random sample of one period, in time order; `id` is the flight's row in the parquet file.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parquetReadObjects } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';

const here = dirname(fileURLToPath(import.meta.url));
// vega-datasets exports no file paths: find its folder through its main module.
const vegaDatasets = join(dirname(createRequire(import.meta.url).resolve('vega-datasets')), '..');
const SOURCE = join(vegaDatasets, 'data', 'flights-3m.parquet');

/** The periods: the production model's training window (the drift reference), and the new data. */
const PERIODS = [
  { file: 'reference.csv', from: '2001-02-01', to: '2001-03-01', rows: 10_000 },
  { file: 'train.csv', from: '2001-05-01', to: '2001-05-25', rows: 20_000 },
  { file: 'eval.csv', from: '2001-05-25', to: '2001-06-01', rows: 8_000 },
];
const SEED = 20010501;

/** mulberry32: a small seeded PRNG, so the sample does not depend on Math.random. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `k` of `indices`, drawn without replacement (partial Fisher–Yates), back in their original order. */
function sample(indices, k, next) {
  const pool = [...indices];
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(next() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return pool.slice(0, k).sort((a, b) => a - b);
}

// The timestamps are local times stored without a zone (isAdjustedToUTC false): read them as UTC.
const local = (date) => date.toISOString().slice(0, 16);

const file = (await readFile(SOURCE)).buffer;
const flights = await parquetReadObjects({ file, compressors });
const next = random(SEED);
await mkdir(join(here, '..', 'data'), { recursive: true });
for (const period of PERIODS) {
  const inPeriod = [];
  flights.forEach((flight, index) => {
    const day = local(flight.date).slice(0, 10);
    if (day >= period.from && day < period.to) inPeriod.push(index);
  });
  const lines = ['id,date,distance,origin,destination,delay'];
  for (const index of sample(inPeriod, period.rows, next)) {
    const f = flights[index];
    lines.push([index, local(f.date), f.distance, f.origin, f.destination, f.delay].join(','));
  }
  await writeFile(join(here, '..', 'data', period.file), `${lines.join('\n')}\n`);
  console.log(
    `${period.file}: ${period.rows} of ${inPeriod.length} flights from ${period.from} to before ${period.to}`,
  );
}
