/**
 * Trains the flight-delay model: logistic regression on data/train.csv with the settings of params.yaml,
 * evaluated on data/eval.csv (a later week). Run from the project folder (mlgate train does):
 *   node dist/train.js
 * Writes out/model.json, out/metrics.json and out/predictions.csv (id,label,score,origin: one row per
 * evaluation flight, which mlgate compare pairs with the baseline's).
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { columnNames, encode, fitEncoder } from './features.js';
import { isDelayed, parseFlights } from './flights.js';
import { fitLogistic, predictLogistic } from './logistic.js';
import { evaluate } from './metrics.js';
import { parseParams } from './params.js';

const PATHS = {
  params: 'params.yaml',
  train: 'data/train.csv',
  eval: 'data/eval.csv',
  model: 'out/model.json',
  metrics: 'out/metrics.json',
  predictions: 'out/predictions.csv',
};

async function main(): Promise<void> {
  const started = Date.now();
  const params = parseParams(await readFile(PATHS.params, 'utf8'), PATHS.params);
  const train = parseFlights(await readFile(PATHS.train, 'utf8'), PATHS.train);
  const evaluation = parseFlights(await readFile(PATHS.eval, 'utf8'), PATHS.eval);
  console.log(`features: ${params.features.join(', ')}; airports: ${params.airports}; C: ${params.C}`);

  const encoder = fitEncoder(train, params.features, params.airports);
  const names = columnNames(encoder);
  const fit = fitLogistic(encode(encoder, train), train.map(isDelayed), { C: params.C });
  if (!fit.converged) throw new Error(`logistic regression did not converge in ${fit.iterations} Newton steps`);
  console.log(`fitted ${names.length} coefficients on ${train.length} flights in ${fit.iterations} Newton steps`);

  const labels = evaluation.map(isDelayed);
  const scores = predictLogistic(fit, encode(encoder, evaluation));
  const metrics = evaluate(labels, scores);

  await mkdir('out', { recursive: true });
  const model = {
    kind: 'logistic-regression',
    params,
    encoder,
    intercept: fit.intercept,
    coefficients: Object.fromEntries(names.map((name, i) => [name, fit.coefficients[i]])),
  };
  await writeFile(PATHS.model, `${JSON.stringify(model, null, 2)}\n`);
  const delayRate = labels.reduce((a, b) => a + b, 0) / labels.length;
  const report = { ...metrics, delay_rate: delayRate, train_rows: train.length, eval_rows: evaluation.length };
  await writeFile(PATHS.metrics, `${JSON.stringify(report, null, 2)}\n`);
  const lines = ['id,label,score,origin'];
  evaluation.forEach((flight, i) =>
    lines.push(`${flight.id},${labels[i]},${scores[i]!.toPrecision(8)},${flight.origin}`),
  );
  await writeFile(PATHS.predictions, `${lines.join('\n')}\n`);
  console.log(
    `eval on ${evaluation.length} flights: roc_auc ${metrics.roc_auc.toFixed(4)}, log_loss ${metrics.log_loss.toFixed(4)} ` +
      `(${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
}

main().catch((error: unknown) => {
  console.error(`train: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
