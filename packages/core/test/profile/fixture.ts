import { SeededRandom } from '../../src/sketch/prng.js';

export interface MixedData {
  csv: string;
  /** Exact values of the numeric column `amount` (nulls excluded). */
  amounts: number[];
  /** Distinct values of the `user` column. */
  users: Set<string>;
}

/**
 * A CSV with one column per inferred type, nulls, quoted fields with commas, newlines and `""`,
 * and non-ASCII text, so that shard boundaries fall inside quotes and multi-byte characters.
 */
export function mixedCsv(rows: number, seed = 7): MixedData {
  const rng = new SeededRandom(seed);
  const lines = ['id,amount,flag,when,user,note'];
  const amounts: number[] = [];
  const users = new Set<string>();
  for (let i = 0; i < rows; i++) {
    const r = rng.nextUint32();
    const amountNull = r % 17 === 0;
    const amount = Math.round(((r >>> 8) / 2 ** 24) * 1e6) / 100 - 2000;
    if (!amountNull) amounts.push(amount);
    const flag = r % 3 === 0 ? 'true' : r % 3 === 1 ? 'False' : '';
    const day = 1 + (i % 28);
    const when = `2024-${String(1 + (i % 12)).padStart(2, '0')}-${String(day).padStart(2, '0')}T0${i % 10}:15:00Z`;
    const user = `user-${(r >>> 4) % 3000}${i % 50 === 0 ? 'é' : ''}`;
    users.add(user);
    const note = i % 5 === 0 ? `"a ""quoted"", multi\nline ${i}"` : `plain ${i % 7}`;
    lines.push(`${i},${amountNull ? '' : amount},${flag},${when},${user},${note}`);
  }
  return { csv: `${lines.join('\n')}\n`, amounts, users };
}
