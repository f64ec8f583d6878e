#!/usr/bin/env node
// Rebuilds every bundle and fails when the committed dist/ differs: the runner executes the
// committed bundle, so a stale one would ship behaviour the source no longer has.
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleTargets } from './build.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });

const dists = bundleTargets().map((t) => join(t, 'dist'));
const changed = execFileSync('git', ['status', '--porcelain', '--untracked-files=all', '--', ...dists], {
  cwd: root,
  encoding: 'utf8',
}).trim();
if (changed) {
  console.error('dist/ is stale: rebuild with `pnpm build` and commit the result. Changed files:');
  console.error(changed);
  console.error(execFileSync('git', ['diff', '--stat', '--', ...dists], { cwd: root, encoding: 'utf8' }));
  process.exitCode = 1;
} else {
  console.log(`dist/ is current for ${dists.length} bundles.`);
}
