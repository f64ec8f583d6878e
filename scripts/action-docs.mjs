#!/usr/bin/env node
// Writes each action's input and output tables into README.md from its action.yml, between the
// markers `<!-- action-docs <name> -->` and `<!-- /action-docs -->`. action.yml is the one source
// of what an action accepts, so the tables cannot drift from it: a test fails while the README
// differs from what this writes. `--check` only compares.
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const README_PATH = join(root, 'README.md');

const BLOCK = /<!-- action-docs ([a-z0-9-]+) -->\n[\s\S]*?<!-- \/action-docs -->/g;

/** Every action folder that has an action.yml, by name. */
export function actionNames() {
  return readdirSync(join(root, 'actions'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(root, 'actions', entry.name, 'action.yml')))
    .map((entry) => entry.name)
    .sort();
}

/** The parsed action.yml of `name`. */
export function loadAction(name) {
  return parse(readFileSync(join(root, 'actions', name, 'action.yml'), 'utf8'));
}

/** A markdown table cell: one line, pipes escaped. */
function cell(text) {
  return String(text)
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\|/g, '\\|')
    .trim();
}

function defaultOf(input) {
  if (input.default !== undefined && input.default !== '') return `\`${cell(input.default)}\``;
  return input.required === true ? '(required)' : '';
}

/** The generated block for one action: its inputs and outputs tables. */
export function renderActionDocs(name, action = loadAction(name)) {
  const lines = [
    `<!-- action-docs ${name} -->`,
    `<!-- Generated from actions/${name}/action.yml by \`pnpm action-docs\`. -->`,
  ];
  const inputs = Object.entries(action.inputs ?? {});
  if (inputs.length > 0) {
    lines.push('', '| Input | Default | Meaning |', '| --- | --- | --- |');
    for (const [key, input] of inputs)
      lines.push(`| \`${key}\` | ${defaultOf(input)} | ${cell(input.description ?? '')} |`);
  }
  const outputs = Object.entries(action.outputs ?? {});
  if (outputs.length > 0) {
    lines.push('', '| Output | Meaning |', '| --- | --- |');
    for (const [key, output] of outputs) lines.push(`| \`${key}\` | ${cell(output.description ?? '')} |`);
  }
  lines.push('', '<!-- /action-docs -->');
  return lines.join('\n');
}

/** The README with every action's block regenerated; throws when an action has no block. */
export function renderReadme(readme = readFileSync(README_PATH, 'utf8')) {
  const seen = new Set();
  const out = readme.replace(BLOCK, (_block, name) => {
    seen.add(name);
    if (!existsSync(join(root, 'actions', name, 'action.yml'))) {
      throw new Error(
        `README.md has an action-docs block for "${name}", but actions/${name}/action.yml does not exist`,
      );
    }
    return renderActionDocs(name);
  });
  const missing = actionNames().filter((name) => !seen.has(name));
  if (missing.length > 0) {
    throw new Error(
      `README.md has no action-docs block for ${missing.join(', ')}: add "<!-- action-docs <name> -->" and "<!-- /action-docs -->" to its section`,
    );
  }
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const current = readFileSync(README_PATH, 'utf8');
  const next = renderReadme(current);
  if (process.argv.includes('--check')) {
    if (next !== current) {
      console.error('README.md action tables are stale: run `pnpm action-docs`');
      process.exit(1);
    }
  } else if (next !== current) {
    writeFileSync(README_PATH, next);
    console.log('README.md action tables regenerated');
  }
}
