/**
 * The README's input and output tables are generated from each action's action.yml
 * (`pnpm action-docs`, scripts/action-docs.mjs), so what users read is what the action accepts.
 */
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

interface Generator {
  README_PATH: string;
  actionNames(): string[];
  loadAction(name: string): {
    inputs?: Record<string, unknown>;
    outputs?: Record<string, unknown>;
    runs: { using: string };
  };
  renderReadme(readme?: string): string;
}

// A plain Node script (run by `pnpm action-docs`); imported by URL so tsc leaves it alone.
const generator = (await import(pathToFileURL(path.join(root, 'scripts', 'action-docs.mjs')).href)) as Generator;
const readme = readFileSync(generator.README_PATH, 'utf8');

/** The rows of the generated tables in the README block of one action. */
function documentedKeys(name: string, table: 'Input' | 'Output'): string[] {
  const block = new RegExp(`<!-- action-docs ${name} -->([\\s\\S]*?)<!-- /action-docs -->`).exec(readme)?.[1] ?? '';
  const section = block.split(`| ${table} |`)[1]?.split('\n\n')[0] ?? '';
  return [...section.matchAll(/^\| `([^`]+)` \|/gm)].map((match) => match[1]!);
}

describe('README action tables', () => {
  it('are what `pnpm action-docs` writes from every action.yml (run it after changing an action.yml)', () => {
    expect(readme).toBe(generator.renderReadme(readme));
  });

  it.each(generator.actionNames())('list every input and output of actions/%s/action.yml, in order', (name) => {
    const action = generator.loadAction(name);
    expect(documentedKeys(name, 'Input')).toEqual(Object.keys(action.inputs ?? {}));
    expect(documentedKeys(name, 'Output')).toEqual(Object.keys(action.outputs ?? {}));
  });

  it('refuse a README that lacks an action section, naming the action', () => {
    const without = readme.replace(/<!-- action-docs train -->[\s\S]*?<!-- \/action-docs -->/, '');
    expect(() => generator.renderReadme(without)).toThrow(/no action-docs block for train/);
  });
});

describe('action runtimes', () => {
  it('every action runs on the same Node runtime', () => {
    const runtimes = new Set(generator.actionNames().map((name) => generator.loadAction(name).runs.using));
    expect([...runtimes]).toEqual(['node24']);
  });
});
