import { hourOf, weekdayOf } from './flights.js';
import type { Flight } from './flights.js';
import type { Matrix } from './logistic.js';

export const FEATURES = ['hour', 'weekday', 'distance', 'origin', 'destination'] as const;
export type Feature = (typeof FEATURES)[number];

/**
 * How flights become model inputs, learnt from the training data and saved with the model so that the
 * evaluation data is encoded the same way: one-hot departure hour and weekday, standardised log distance,
 * and one-hot origin and destination for the airports seen most often in training (the rest share "other",
 * all zeros).
 */
export interface Encoder {
  features: Feature[];
  /** mean and standard deviation of ln(distance) in the training data. */
  distance: { mean: number; sd: number };
  origins: string[];
  destinations: string[];
}

export function fitEncoder(flights: readonly Flight[], features: readonly Feature[], airports: number): Encoder {
  const logs = flights.map((f) => Math.log(f.distance));
  const mean = logs.reduce((a, b) => a + b, 0) / logs.length;
  const sd = Math.sqrt(logs.reduce((a, b) => a + (b - mean) ** 2, 0) / logs.length) || 1;
  return {
    features: [...features],
    distance: { mean, sd },
    origins: features.includes('origin')
      ? mostFrequent(
          flights.map((f) => f.origin),
          airports,
        )
      : [],
    destinations: features.includes('destination')
      ? mostFrequent(
          flights.map((f) => f.destination),
          airports,
        )
      : [],
  };
}

/** The name of each column `encode` writes, in order. */
export function columnNames(encoder: Encoder): string[] {
  const names: string[] = [];
  for (const feature of encoder.features) {
    if (feature === 'hour') for (let h = 0; h < 24; h++) names.push(`hour=${h}`);
    if (feature === 'weekday') for (let d = 0; d < 7; d++) names.push(`weekday=${d}`);
    if (feature === 'distance') names.push('log_distance');
    if (feature === 'origin') names.push(...encoder.origins.map((a) => `origin=${a}`));
    if (feature === 'destination') names.push(...encoder.destinations.map((a) => `destination=${a}`));
  }
  return names;
}

export function encode(encoder: Encoder, flights: readonly Flight[]): Matrix {
  const columns = columnNames(encoder).length;
  const values = new Float64Array(flights.length * columns);
  const origins = new Map(encoder.origins.map((a, i) => [a, i]));
  const destinations = new Map(encoder.destinations.map((a, i) => [a, i]));
  flights.forEach((flight, row) => {
    let at = row * columns;
    for (const feature of encoder.features) {
      if (feature === 'hour') {
        values[at + hourOf(flight)] = 1;
        at += 24;
      } else if (feature === 'weekday') {
        values[at + weekdayOf(flight)] = 1;
        at += 7;
      } else if (feature === 'distance') {
        values[at] = (Math.log(flight.distance) - encoder.distance.mean) / encoder.distance.sd;
        at += 1;
      } else if (feature === 'origin') {
        const i = origins.get(flight.origin);
        if (i !== undefined) values[at + i] = 1;
        at += encoder.origins.length;
      } else {
        const i = destinations.get(flight.destination);
        if (i !== undefined) values[at + i] = 1;
        at += encoder.destinations.length;
      }
    }
  });
  return { rows: flights.length, columns, values };
}

/** The `k` most frequent values, ties broken alphabetically so the encoder does not depend on row order. */
function mostFrequent(values: readonly string[], k: number): string[] {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, k)
    .map(([value]) => value);
}
