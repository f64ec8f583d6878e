#!/usr/bin/env node
// Writes the example project's predictions: the production model (baseline/predictions.csv) and a
// candidate (predictions.csv) scored on the same 6,000 held-out customers. Synthetic and seeded, so
// the files are reproducible: the candidate separates churners better overall but under-ranks
// churners on the `basic` plan — the kind of slice regression the gate exists to catch.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const ROWS = 6000;
const PLANS = ['basic', 'plus', 'pro'];

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
const random = rng(20261125);
const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
const sigmoid = (x) => 1 / (1 + Math.exp(-x));

const header = 'id,label,score,plan';
const baseline = [header];
const candidate = [header];
for (let i = 0; i < ROWS; i++) {
  const plan = PLANS[Math.floor(random() * 3)];
  const risk = normal();
  const label = random() < sigmoid(1.6 * risk - 1.2) ? 1 : 0;
  const baseScore = sigmoid(1.6 * (risk + 0.75 * normal()) - 1.2);
  const candNoise = plan === 'basic' ? 0.75 : 0.45;
  const candShift = plan === 'basic' && label === 1 ? -0.35 : 0;
  const candScore = sigmoid(1.6 * (risk + candShift + candNoise * normal()) - 1.2);
  const id = `cust-${String(i + 1).padStart(5, '0')}`;
  baseline.push(`${id},${label},${baseScore.toFixed(4)},${plan}`);
  candidate.push(`${id},${label},${candScore.toFixed(4)},${plan}`);
}
mkdirSync(join(here, 'baseline'), { recursive: true });
writeFileSync(join(here, 'baseline', 'predictions.csv'), `${baseline.join('\n')}\n`);
writeFileSync(join(here, 'predictions.csv'), `${candidate.join('\n')}\n`);
console.log(`wrote ${ROWS} predictions for the baseline and the candidate`);
