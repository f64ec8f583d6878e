#!/usr/bin/env node
// CHANGELOG.md from changesets. Every user-visible change adds a `.changeset/*.md` (its front
// matter names the packages and their bump; an empty front matter is an internal note). At
// release time this script turns the pending changesets into one `## vX.Y.Z` section at the top of
// CHANGELOG.md; `changeset version` then bumps every @mlgate package to that same version (they are
// one "fixed" group) and deletes the changesets. Without arguments it prints the section the next
// release would get, so it can be read before releasing.
//   node scripts/changelog.mjs               print the next release's section
//   node scripts/changelog.mjs --release     write it into CHANGELOG.md and print the version
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const BUMPS = ['patch', 'minor', 'major'];

/** The pending changesets in `dir`: their bump (highest of their packages, or null) and text. */
export function readChangesets(dir = join(root, '.changeset')) {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.md') && name !== 'README.md')
    .sort()
    .map((name) => {
      const text = readFileSync(join(dir, name), 'utf8');
      const match = /^---\n([\s\S]*?)^---\n([\s\S]*)$/m.exec(text);
      if (!match) throw new Error(`.changeset/${name}: no front matter (--- … ---)`);
      const bumps = [...match[1].matchAll(/^\s*['"]?[^'":]+['"]?\s*:\s*(\w+)\s*$/gm)].map((m) => m[1]);
      for (const bump of bumps) {
        if (!BUMPS.includes(bump)) throw new Error(`.changeset/${name}: unknown bump "${bump}"`);
      }
      const bump = bumps.length === 0 ? null : BUMPS[Math.max(...bumps.map((b) => BUMPS.indexOf(b)))];
      return { name, bump, body: match[2].trim() };
    });
}

/** The next version after `current` (`X.Y.Z`) for the highest bump among `changesets`. */
export function nextVersion(current, changesets) {
  const levels = changesets.map((c) => BUMPS.indexOf(c.bump ?? '')).filter((i) => i >= 0);
  if (levels.length === 0) return null;
  const [major, minor, patch] = current.split('.').map(Number);
  const level = BUMPS[Math.max(...levels)];
  if (level === 'major') return `${major + 1}.0.0`;
  if (level === 'minor') return `${major}.${minor + 1}.0`;
  return `${major}.${minor}.${patch + 1}`;
}

/** One markdown list item per changeset, its text indented under the bullet. */
function item(body) {
  const [first = '', ...rest] = body.split('\n');
  return [`- ${first}`, ...rest.map((line) => (line === '' ? '' : `  ${line}`))].join('\n');
}

/** The CHANGELOG section for `version` released on `date` (YYYY-MM-DD). */
export function renderSection(version, date, changesets) {
  const groups = [
    ['Breaking changes', changesets.filter((c) => c.bump === 'major')],
    ['Features', changesets.filter((c) => c.bump === 'minor')],
    ['Fixes', changesets.filter((c) => c.bump === 'patch')],
    ['Internal', changesets.filter((c) => c.bump === null)],
  ];
  const parts = [`## v${version} (${date})`];
  for (const [title, items] of groups) {
    const written = items.filter((c) => c.body !== '');
    if (written.length > 0) parts.push('', `### ${title}`, '', ...written.map((c) => item(c.body)));
  }
  return `${parts.join('\n')}\n`;
}

const HEADER = '# Changelog\n\nmlgate follows semantic versioning; the actions and the CLI share one version.\n';

/** CHANGELOG.md with `section` added above the earlier releases (after the introduction). */
export function prependSection(changelog, section) {
  const first = changelog.search(/^## v/m);
  if (first === -1) return `${changelog.trimEnd()}\n\n${section}`;
  return `${changelog.slice(0, first)}${section}\n${changelog.slice(first)}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const changesets = readChangesets();
  const current = JSON.parse(readFileSync(join(root, 'packages', 'cli', 'package.json'), 'utf8')).version;
  const version = nextVersion(current, changesets);
  if (version === null) {
    console.error('no pending changeset bumps a package: nothing to release');
    process.exit(1);
  }
  const section = renderSection(version, new Date().toISOString().slice(0, 10), changesets);
  if (process.argv.includes('--release')) {
    const path = join(root, 'CHANGELOG.md');
    writeFileSync(path, prependSection(existsSync(path) ? readFileSync(path, 'utf8') : HEADER, section));
    console.log(`v${version}`);
  } else {
    process.stdout.write(section);
  }
}
