#!/usr/bin/env node
// Bundles every action (actions/<name>/src/index.ts), the CLI and the example project's trainer into
// self-contained ncc bundles. Bundles are committed: the runner executes them as-is, with nothing installed at run
// time, and the example trains with plain `node dist/train.js`.
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const ncc = join(root, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js');

export function bundleTargets() {
  const actions = readdirSync(join(root, 'actions'), { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(root, 'actions', d.name, 'src', 'index.ts')))
    .map((d) => join('actions', d.name));
  return [...actions, join('packages', 'cli'), join('examples', 'flights-delay')];
}

/** The entry point of a target, and the bundle's file name in its dist/ (ncc names it after nothing but index). */
const ENTRIES = { [join('examples', 'flights-delay')]: 'train' };

/**
 * The browser builds the HTML report inlines (packages/github/src/report/vega-scripts.ts reads them; keep the two
 * lists alike). ncc bundles what is imported, not files read at run time, so a target that depends on vega gets
 * them copied beside its bundle, in dist/vega/, with their licenses.
 */
const VEGA_BUILDS = [
  ['vega', 'vega.min.js'],
  ['vega-lite', 'vega-lite.min.js'],
  ['vega-embed', 'vega-embed.min.js'],
];

function copyVegaBuilds(dir) {
  const { dependencies = {} } = JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8'));
  if (!dependencies.vega) return;
  const out = join(root, dir, 'dist', 'vega');
  mkdirSync(out, { recursive: true });
  for (const [pkg, file] of VEGA_BUILDS) {
    const from = join(root, dir, 'node_modules', pkg);
    copyFileSync(join(from, 'build', file), join(out, file));
    copyFileSync(join(from, 'LICENSE'), join(out, `${pkg}.LICENSE`));
  }
}

function bundle(dir) {
  const out = join(root, dir, 'dist');
  const entry = ENTRIES[dir] ?? 'index';
  rmSync(out, { recursive: true, force: true });
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [ncc, 'build', join(dir, 'src', `${entry}.ts`), '-o', out, '--license', 'licenses.txt', '-q'],
      {
        cwd: root,
        stdio: ['ignore', 'inherit', 'inherit'],
      },
    );
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`ncc failed for ${dir} (exit ${code})`));
      if (entry !== 'index') renameSync(join(out, 'index.js'), join(out, `${entry}.js`));
      copyVegaBuilds(dir);
      resolve();
    });
  });
}

// Two at a time: the build machine has two cores and ncc is single-threaded.
async function buildAll(targets, parallel = 2) {
  const queue = [...targets];
  const workers = Array.from({ length: parallel }, async () => {
    for (let dir = queue.shift(); dir; dir = queue.shift()) {
      const started = Date.now();
      await bundle(dir);
      console.log(`built ${dir}/dist in ${((Date.now() - started) / 1000).toFixed(1)}s`);
    }
  });
  await Promise.all(workers);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const only = process.argv.slice(2);
  const targets = bundleTargets().filter((t) => only.length === 0 || only.some((o) => t.endsWith(o)));
  buildAll(targets).catch((error) => {
    console.error(error.message);
    process.exitCode = 1;
  });
}
