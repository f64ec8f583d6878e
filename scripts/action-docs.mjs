#!/usr/bin/env node
// Writes each action's input and output tables into README.md from its action.yml, between the
// markers `<!-- action-docs <name> -->` and `<!-- /action-docs -->`. action.yml is the one source
// of what an action accepts, so the tables cannot drift from it: a test fails while the README
// differs from what this writes. `--check` only compares.
// The example workflows are generated the same way: `<!-- workflow <path> -->` … `<!-- /workflow -->`
// holds the file itself, `<!-- permissions <path>… -->` … `<!-- /permissions -->` the table of each
// job's token scopes with the reason its YAML gives in a comment beside each one.
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMap, parse, parseDocument } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const README_PATH = join(root, 'README.md');

const BLOCK = /<!-- action-docs ([a-z0-9-]+) -->\n[\s\S]*?<!-- \/action-docs -->/g;
const WORKFLOW_BLOCK = /<!-- workflow (\S+) -->\n[\s\S]*?<!-- \/workflow -->/g;
const PERMISSIONS_BLOCK = /<!-- permissions ([^>]+?) -->\n[\s\S]*?<!-- \/permissions -->/g;

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

/** A repository file the README quotes; throws naming it when it does not exist. */
function readQuoted(path) {
  const file = join(root, path);
  if (!existsSync(file)) throw new Error(`README.md quotes ${path}, which does not exist`);
  return readFileSync(file, 'utf8');
}

/** The generated block that quotes a workflow file whole. */
export function renderWorkflow(path) {
  const text = readQuoted(path);
  return [`<!-- workflow ${path} -->`, '', '```yaml', text.trimEnd(), '```', '', '<!-- /workflow -->'].join('\n');
}

/** The comment beside a permission (`contents: read # why`), as the yaml parser attaches it. */
function reasonOf(pair) {
  return (pair.value?.comment ?? pair.key?.comment ?? '').trim();
}

/**
 * The table of every job's token scopes in the workflows at `paths`: one row per scope, with the reason from its
 * comment. A job without a reason for a write scope is an error: the table is where a reader checks why.
 */
export function renderPermissions(paths) {
  const lines = [
    `<!-- permissions ${paths.join(' ')} -->`,
    `<!-- Generated from the workflows' \`permissions:\` and their comments by \`pnpm action-docs\`. -->`,
    '',
    '| Workflow | Job | Permissions | Why |',
    '| --- | --- | --- | --- |',
  ];
  for (const path of paths) {
    const doc = parseDocument(readQuoted(path));
    const file = path.split('/').at(-1);
    const jobs = doc.get('jobs', true);
    if (!isMap(jobs)) throw new Error(`${path}: no jobs`);
    for (const { key, value: job } of jobs.items) {
      const permissions = isMap(job) ? job.get('permissions', true) : undefined;
      if (!isMap(permissions)) throw new Error(`${path}: job ${key} states no permissions of its own`);
      const scopes = permissions.items.map((pair) => [`\`${pair.key}: ${pair.value}\``, reasonOf(pair)]);
      for (const [scope, why] of scopes) {
        if (why === '' && scope.endsWith(': write`'))
          throw new Error(`${path}: job ${key}: ${scope} has no comment saying why`);
      }
      const rows = scopes.length > 0 ? scopes : [['none', permissions.comment?.trim() || 'no token scope at all']];
      rows.forEach(([scope, why], i) =>
        lines.push(`| ${i === 0 ? `\`${file}\`` : ''} | ${i === 0 ? `\`${key}\`` : ''} | ${scope} | ${cell(why)} |`),
      );
    }
  }
  lines.push('', '<!-- /permissions -->');
  return lines.join('\n');
}

/** The README with every action's block regenerated; throws when an action has no block. */
export function renderReadme(readme = readFileSync(README_PATH, 'utf8')) {
  const seen = new Set();
  const out = readme
    .replace(BLOCK, (_block, name) => {
      seen.add(name);
      if (!existsSync(join(root, 'actions', name, 'action.yml'))) {
        throw new Error(
          `README.md has an action-docs block for "${name}", but actions/${name}/action.yml does not exist`,
        );
      }
      return renderActionDocs(name);
    })
    .replace(WORKFLOW_BLOCK, (_block, path) => renderWorkflow(path))
    .replace(PERMISSIONS_BLOCK, (_block, paths) => renderPermissions(paths.trim().split(/\s+/)));
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
      console.error('README.md action tables or quoted workflows are stale: run `pnpm action-docs`');
      process.exit(1);
    }
  } else if (next !== current) {
    writeFileSync(README_PATH, next);
    console.log('README.md action tables and quoted workflows regenerated');
  }
}
