import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The mlgate checkout this CLI runs from (the folder holding pnpm-workspace.yaml), found by
 * walking up from this module, so the bundled CLI and the TypeScript sources agree.
 */
export function mlgateRepoRoot(from: string = fileURLToPath(import.meta.url)): string | undefined {
  for (let dir = dirname(from); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml')) && existsSync(join(dir, 'examples'))) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}
