/**
 * CHANGELOG.md is written from the pending changesets at release time (scripts/changelog.mjs,
 * run by .github/workflows/release.yml before `changeset version`).
 */
import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

interface Changeset {
  name: string;
  bump: 'patch' | 'minor' | 'major' | null;
  body: string;
}
interface Generator {
  readChangesets(dir?: string): Changeset[];
  nextVersion(current: string, changesets: Changeset[]): string | null;
  renderSection(version: string, date: string, changesets: Changeset[]): string;
  prependSection(changelog: string, section: string): string;
}

const changelog = (await import(pathToFileURL(path.join(root, 'scripts', 'changelog.mjs')).href)) as Generator;
const fixtures = path.join(root, 'test', 'fixtures', 'changesets');

describe('changelog from changesets', () => {
  it('reads each changeset with its highest bump, an empty front matter being internal', () => {
    expect(changelog.readChangesets(fixtures)).toEqual([
      { name: 'a-feature.md', bump: 'minor', body: 'validate reads JSON arrays.\nSecond line.' },
      { name: 'b-fix.md', bump: 'patch', body: 'report escapes U+0085.' },
      { name: 'c-internal.md', bump: null, body: 'Internal: engine moved.' },
    ]);
  });

  it('bumps the shared version by the highest pending bump, and has nothing to release without one', () => {
    const sets = changelog.readChangesets(fixtures);
    expect(changelog.nextVersion('0.1.0', sets)).toBe('0.2.0');
    expect(changelog.nextVersion('1.4.2', sets.slice(1))).toBe('1.4.3');
    expect(changelog.nextVersion('1.4.2', [{ name: 'x.md', bump: 'major', body: '' }])).toBe('2.0.0');
    expect(changelog.nextVersion('1.4.2', sets.slice(2))).toBeNull();
  });

  it('writes one section per release above the earlier ones, grouped by kind', () => {
    const section = changelog.renderSection('0.2.0', '2026-12-04', changelog.readChangesets(fixtures));
    expect(section).toBe(
      [
        '## v0.2.0 (2026-12-04)',
        '',
        '### Features',
        '',
        '- validate reads JSON arrays.',
        '  Second line.',
        '',
        '### Fixes',
        '',
        '- report escapes U+0085.',
        '',
        '### Internal',
        '',
        '- Internal: engine moved.',
        '',
      ].join('\n'),
    );
    const intro = '# Changelog\n\nIntro.\n';
    const first = changelog.prependSection(intro, section);
    const second = changelog.prependSection(first, section.replace('v0.2.0', 'v0.3.0'));
    expect(second.indexOf('## v0.3.0')).toBeLessThan(second.indexOf('## v0.2.0'));
    expect(second.startsWith(intro)).toBe(true);
  });

  it('refuses a changeset without front matter or with an unknown bump, naming the file', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mlgate-changesets-'));
    writeFileSync(path.join(dir, 'bad.md'), "---\n'@mlgate/core': huge\n---\n\ntext\n");
    expect(() => changelog.readChangesets(dir)).toThrow('.changeset/bad.md: unknown bump "huge"');
    writeFileSync(path.join(dir, 'bad.md'), 'no front matter\n');
    expect(() => changelog.readChangesets(dir)).toThrow('.changeset/bad.md: no front matter');
  });

  it('the next release moves the major tag the docs tell users to pin (`… # v1`)', () => {
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
    const pinned = new Set(
      [...readme.matchAll(/mlgate\/mlgate\/actions\/<name>@<full commit sha> # (v\d+)/g)].map((m) => m[1]),
    );
    expect(pinned.size).toBe(1);
    const current = JSON.parse(readFileSync(path.join(root, 'packages', 'cli', 'package.json'), 'utf8')).version;
    // During a release (changesets consumed, packages bumped) the current version is the one being tagged.
    const next = changelog.nextVersion(current, changelog.readChangesets()) ?? current;
    expect(`v${next.split('.')[0]}`).toBe([...pinned][0]);
  });

  it('reads every changeset the repository has pending (a bad one would stop the release)', () => {
    for (const changeset of changelog.readChangesets()) expect(changeset.name).toMatch(/\.md$/);
    expect(readFileSync(path.join(root, 'CHANGELOG.md'), 'utf8')).toMatch(/^# Changelog\n/);
  });
});
