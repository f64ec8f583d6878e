import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

/**
 * A training script: counts its runs in runs.log, writes a model derived from its data and params plus random
 * bytes (so a restored model is told apart from a retrained one), and metrics. `node` is what every test machine
 * has; the command could be anything the shell runs.
 */
export const TRAIN_SCRIPT = `
const fs = require('fs');
fs.appendFileSync('runs.log', 'ran\\n');
const data = fs.readFileSync('data/train.csv');
const params = fs.readFileSync('params.json', 'utf8');
fs.mkdirSync('model', { recursive: true });
fs.writeFileSync('model/weights.bin', Buffer.concat([data, Buffer.from(params), require('crypto').randomBytes(64)]));
fs.writeFileSync('metrics.json', JSON.stringify({ auc: 0.5 + data.length / 1e6, train: { loss: 0.25 } }));
console.log('trained on ' + data.length + ' bytes');
`;

/** A child that ignores SIGTERM and records its pid: a timeout must still end it. */
export const STUBBORN_SCRIPT = `process.on('SIGTERM', () => {}); require('fs').writeFileSync('child.pid', String(process.pid)); setInterval(() => {}, 1000);`;

/** A project to train in: data, the script, params. */
export async function trainingProject(dir: string): Promise<void> {
  await mkdir(join(dir, 'data'), { recursive: true });
  await writeFile(join(dir, 'data/train.csv'), 'id,label\n1,0\n2,1\n');
  await writeFile(join(dir, 'train.js'), TRAIN_SCRIPT);
  await writeFile(join(dir, 'stubborn.js'), STUBBORN_SCRIPT);
  await writeFile(join(dir, 'params.json'), JSON.stringify({ train: { lr: 0.1, epochs: 5 }, seed: 1 }));
}

/** How many times the script ran in `dir`. */
export async function trainingRuns(dir: string): Promise<number> {
  try {
    return (await readFile(join(dir, 'runs.log'), 'utf8')).split('\n').filter(Boolean).length;
  } catch {
    return 0;
  }
}

/**
 * Whether a process is still running, given up to 5 s to finish dying (a SIGKILL is delivered asynchronously). A
 * zombie counts as gone: it runs no code, and a container's init may never reap an orphan.
 */
export async function stillRunning(pid: number): Promise<boolean> {
  for (let waited = 0; waited < 5000; waited += 50) {
    if (!running(pid)) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return running(pid);
}

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    // Linux: the state is the field after the parenthesised command name.
    return !/\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true;
  }
}
