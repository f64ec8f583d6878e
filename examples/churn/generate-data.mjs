#!/usr/bin/env node
// Writes the example project's training data: data/train.csv (this pull request's training set)
// and data/reference.csv (the training set of the release in production). Synthetic and seeded,
// so the files are reproducible. Between the two, new sign-ups shortened tenure (a real drift the
// validate step reports) and a few rows arrived with a plan the schema does not know ("Pro " with a
// trailing space, "enterprise") — fewer than the schema's `mostly` tolerates, so a warning.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const ROWS = 8000;
const PLANS = ['basic', 'plus', 'pro'];
const CONTRACTS = ['monthly', 'annual', 'two-year'];

// mulberry32: a tiny seeded PRNG, enough for example data.
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function dataset(seed, { tenureScale, oddPlans = new Map() }) {
  const random = rng(seed);
  const pick = (values, weights) => {
    let u = random() * weights.reduce((a, b) => a + b, 0);
    for (let i = 0; i < values.length; i++) if ((u -= weights[i]) < 0) return values[i];
    return values[values.length - 1];
  };
  const rows = ['customer_id,tenure_months,monthly_charges,plan,contract,support_calls,churned'];
  for (let i = 0; i < ROWS; i++) {
    const plan = oddPlans.get(i + 1) ?? pick(PLANS, [5, 3, 2]);
    const contract = pick(CONTRACTS, [6, 3, 1]);
    const tenure = Math.min(72, Math.floor(-Math.log(1 - random()) * tenureScale));
    const base = { basic: 25, plus: 55, pro: 95 }[plan.trim().toLowerCase()] ?? 120;
    const charges = (base + random() * 20).toFixed(2);
    // About 3% of support-call counts were never recorded.
    const calls = random() < 0.03 ? '' : String(Math.floor(-Math.log(1 - random()) * 1.5));
    const risk = 0.9 - tenure / 30 + (contract === 'monthly' ? 0.8 : -0.6) + Number(calls || 0) * 0.25;
    const churned = random() < 1 / (1 + Math.exp(-risk)) ? 1 : 0;
    rows.push(`cust-${String(i + 1).padStart(5, '0')},${tenure},${charges},${plan},${contract},${calls},${churned}`);
  }
  return rows;
}

mkdirSync(join(here, 'data'), { recursive: true });
const reference = dataset(20260901, { tenureScale: 24 });
// Keyed by data row number (the file line is one more, after the header).
const oddPlans = new Map([
  [1206, 'Pro '],
  [3401, 'enterprise'],
  [5119, 'Pro '],
  [7810, 'Pro '],
]);
const train = dataset(20261125, { tenureScale: 18, oddPlans });
writeFileSync(join(here, 'data', 'reference.csv'), `${reference.join('\n')}\n`);
writeFileSync(join(here, 'data', 'train.csv'), `${train.join('\n')}\n`);
console.log(`wrote ${ROWS} rows each to data/train.csv and data/reference.csv`);
