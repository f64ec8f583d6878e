/**
 * The release workflow's tagging step, run as the runner runs it (bash -eo pipefail, its env) with real git
 * against a bare `origin`: it tags the release commit with an immutable `vX.Y.Z`, moves the major tag to it,
 * pushes both and creates the GitHub release from the version's CHANGELOG section; a version that is tagged
 * already stops the release without moving anything. `gh` is a shim on PATH that records what it was asked.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const STEP = 'Commit, tag and move the major tag';

const workflow = parse(readFileSync(path.join(root, '.github', 'workflows', 'release.yml'), 'utf8')) as {
  jobs: Record<string, { steps: { name?: string; run?: string; env?: Record<string, string> }[] }>;
};
const step = Object.values(workflow.jobs)
  .flatMap((job) => job.steps)
  .find((s) => s.name === STEP);

let work: string;
let origin: string;
let clone: string;
let temp: string;

const git = (cwd: string, ...args: string[]): string =>
  execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'Ada',
      GIT_AUTHOR_EMAIL: 'a@example.com',
      GIT_COMMITTER_NAME: 'Ada',
      GIT_COMMITTER_EMAIL: 'a@example.com',
    },
  }).trim();

/** Runs the step's script in the clone, as the runner does: `bash --noprofile --norc -eo pipefail`. */
function release(version: string, changelog: string) {
  writeFileSync(path.join(clone, 'CHANGELOG.md'), changelog);
  const bin = path.join(work, 'bin');
  return spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step!.run!], {
    cwd: clone,
    encoding: 'utf8',
    env: {
      PATH: `${bin}:${process.env.PATH}`,
      HOME: work,
      RUNNER_TEMP: temp,
      GH_LOG: path.join(work, 'gh.log'),
      VERSION: version,
      GH_TOKEN: 'unused',
    },
  });
}

const section = (version: string, text: string) => `## ${version} (2026-12-04)\n\n### Fixes\n\n- ${text}\n`;

beforeEach(() => {
  work = mkdtempSync(path.join(tmpdir(), 'mlgate-release-'));
  origin = path.join(work, 'origin.git');
  clone = path.join(work, 'clone');
  temp = path.join(work, 'runner-temp');
  mkdirSync(temp);
  git(work, 'init', '-q', '--bare', '--initial-branch=main', origin);
  git(work, 'clone', '-q', origin, clone);
  git(clone, 'checkout', '-q', '-b', 'main');
  writeFileSync(path.join(clone, 'README.md'), 'mlgate\n');
  git(clone, 'add', '-A');
  git(clone, 'commit', '-q', '-m', 'initial');
  git(clone, 'push', '-q', 'origin', 'main');
  // `gh release create …`: recorded with the notes file's text, as the release would show it.
  mkdirSync(path.join(work, 'bin'));
  writeFileSync(
    path.join(work, 'bin', 'gh'),
    '#!/usr/bin/env bash\nprintf "%s\\n" "$*" >> "$GH_LOG"\nwhile [ $# -gt 0 ]; do\n' +
      '  if [ "$1" = --notes-file ]; then cat "$2" >> "$GH_LOG"; fi\n  shift\ndone\n',
  );
  chmodSync(path.join(work, 'bin', 'gh'), 0o755);
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

const remoteTag = (name: string) => git(origin, 'rev-parse', `refs/tags/${name}^{commit}`);

describe('the release workflow tags a release', () => {
  it('has the tagging step, with the version from the changelog step', () => {
    expect(step?.env).toMatchObject({ VERSION: '${{ steps.version.outputs.version }}' });
  });

  it('tags vX.Y.Z on the release commit, moves the major tag to it, pushes both and releases the notes', () => {
    const changelog = `# Changelog\n\n${section('v1.2.0', 'report escapes U+0085.')}\n${section('v1.1.0', 'older.')}`;
    const run = release('v1.2.0', changelog);
    expect(run.stderr).not.toMatch(/error/i);
    expect(run.status).toBe(0);
    const head = git(clone, 'rev-parse', 'HEAD');
    expect(git(origin, 'rev-parse', 'refs/heads/main')).toBe(head);
    expect(git(origin, 'log', '-1', '--format=%s', 'main')).toBe('chore(release): v1.2.0');
    expect(remoteTag('v1.2.0')).toBe(head);
    expect(remoteTag('v1')).toBe(head);
    expect(git(origin, 'cat-file', '-t', 'refs/tags/v1.2.0')).toBe('tag');
    expect(readFileSync(path.join(work, 'gh.log'), 'utf8')).toBe(
      'release create v1.2.0 --title mlgate v1.2.0 --notes-file ' +
        `${temp}/notes.md --verify-tag\n\n### Fixes\n\n- report escapes U+0085.\n\n`,
    );
  });

  it('moves the major tag on the next release and leaves the earlier vX.Y.Z where it was', () => {
    expect(release('v1.2.0', `# Changelog\n\n${section('v1.2.0', 'first.')}`).status).toBe(0);
    const first = remoteTag('v1.2.0');
    writeFileSync(path.join(clone, 'README.md'), 'mlgate, later\n');
    expect(release('v1.3.0', `# Changelog\n\n${section('v1.3.0', 'second.')}`).status).toBe(0);
    expect(remoteTag('v1.2.0')).toBe(first);
    expect(remoteTag('v1.3.0')).toBe(git(clone, 'rev-parse', 'HEAD'));
    expect(remoteTag('v1')).toBe(remoteTag('v1.3.0'));
    expect(remoteTag('v1.3.0')).not.toBe(first);
  });

  it('stops when the version is tagged already: nothing is committed, tagged, moved or released', () => {
    expect(release('v1.2.0', `# Changelog\n\n${section('v1.2.0', 'first.')}`).status).toBe(0);
    const before = git(origin, 'for-each-ref', '--format=%(refname) %(objectname)');
    writeFileSync(path.join(clone, 'README.md'), 'mlgate, again\n');
    const again = release('v1.2.0', `# Changelog\n\n${section('v1.2.0', 'first, again.')}`);
    expect(again.status).toBe(1);
    expect(again.stdout).toContain('::error::v1.2.0 is already released; tags are immutable');
    expect(git(origin, 'for-each-ref', '--format=%(refname) %(objectname)')).toBe(before);
    expect(readFileSync(path.join(work, 'gh.log'), 'utf8').match(/^release create/gm)).toHaveLength(1);
  });
});
