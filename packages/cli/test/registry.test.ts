import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../src/cli.js';
import { capture } from './capture-io.js';

/** A file as the training manifest records it. */
const recordedFile = (path: string, bytes: Buffer) => ({
  path,
  sha256: createHash('sha256').update(bytes).digest('hex'),
  size: bytes.length,
});

/** A scratch git repository whose tags carry the times given (GIT_COMMITTER_DATE dates an annotated tag). */
function scratchGit(repo: string) {
  const env = (date?: string) => ({
    ...process.env,
    GIT_AUTHOR_NAME: 'Ada',
    GIT_AUTHOR_EMAIL: 'ada@example.com',
    GIT_COMMITTER_NAME: 'Ada',
    GIT_COMMITTER_EMAIL: 'ada@example.com',
    ...(date && { GIT_COMMITTER_DATE: date }),
  });
  const git = (args: string[], date?: string): string =>
    execFileSync('git', args, { cwd: repo, encoding: 'utf8', env: env(date) }).trim();
  return {
    git,
    commit: (message: string): string => {
      git(['commit', '--allow-empty', '-q', '-m', message]);
      return git(['rev-parse', 'HEAD']);
    },
  };
}

async function cli(cwd: string, ...args: string[]) {
  const captured = capture(cwd);
  const code = await runCli(['registry', ...args], captured.io);
  return { code, out: captured.out(), err: captured.err() };
}

const pass = (n: number) => `2026-01-01T00:${String(n).padStart(2, '0')}:00Z`;

describe('mlgate registry show agrees with GTO on a history with re-assignment, unassignment, deregistration and deprecation', () => {
  let repo: string;
  beforeEach(async () => {
    repo = await mkdtemp(join(tmpdir(), 'mlgate-registry-cli-'));
    scratchGit(repo).git(['init', '-q']);
  });
  afterEach(() => rm(repo, { recursive: true, force: true }));

  /**
   * What GTO shows for this history, by its rules (gto/base.py: a version holds a stage while its own latest
   * event for the stage is an assignment; `get_vstages` with versions_per_stage=1 picks, among active versions,
   * the most recent assignment; a deregistered version is inactive; gto/api.py `_show_registry` hides an
   * artifact whose latest event is a deprecation):
   * staging went v1.0.0 → v1.1.0 → v1.2.0, then v1.2.0 was unassigned (staging back to v1.1.0) and v1.1.0
   * deregistered (back to v1.0.0); production went v1.0.0 → v1.1.0, and the deregistration hands it back to v1.0.0.
   */
  const expected = {
    model: 'churn',
    deprecated: false,
    latest: 'v1.2.0',
    stages: {
      production: { version: 'v1.0.0', tag: 'churn#production#2' },
      staging: { version: 'v1.0.0', tag: 'churn#staging#1' },
    },
  };

  it('reads the state from tags hand-made in GTO format (plain messages, a lightweight tag ignored)', async () => {
    const { git, commit } = scratchGit(repo);
    const c1 = commit('one');
    const c2 = commit('two');
    const c3 = commit('three');
    const tags: [string, string, string][] = [
      ['churn@v1.0.0', c1, 'Registering artifact churn version v1.0.0'],
      ['churn@v1.1.0', c2, 'Registering artifact churn version v1.1.0'],
      ['churn#staging#1', c1, 'Assigning stage staging to artifact churn version v1.0.0'],
      ['churn#production#2', c1, 'Assigning stage production to artifact churn version v1.0.0'],
      ['churn#staging#3', c2, 'Assigning stage staging to artifact churn version v1.1.0'],
      ['churn@v1.2.0', c3, 'Registering artifact churn version v1.2.0'],
      ['churn#production#4', c2, 'Assigning stage production to artifact churn version v1.1.0'],
      ['churn#staging#5', c3, 'Assigning stage staging to artifact churn version v1.2.0'],
      ['churn#staging!#6', c3, "Unassigning stage 'staging' to artifact 'churn' version 'v1.2.0'"],
      ['churn@v1.1.0!', c2, 'Deregistering artifact churn version v1.1.0'],
      ['fraud@v0.0.1', c1, 'Registering artifact fraud version v0.0.1'],
      ['fraud@deprecated', c1, "Deprecating artifact 'fraud'"],
    ];
    tags.forEach(([name, target, message], i) => git(['tag', '-a', name, '-m', message, target], pass(i + 1)));
    git(['tag', 'churn#production#9', c3]);

    const { code, out } = await cli(repo, 'show', '--json');
    expect(code).toBe(0);
    const shown = JSON.parse(out) as { models: { model: string; deprecated: boolean }[] };
    expect(shown.models.find((m) => m.model === 'churn')).toMatchObject(expected);
    expect(shown.models.find((m) => m.model === 'fraud')).toMatchObject({ deprecated: true });

    const history = JSON.parse((await cli(repo, 'history', 'churn', '--json')).out) as {
      events: { tag: string; actor: string; time: string }[];
    };
    expect(history.events.map((e) => e.tag)).toEqual(tags.filter(([n]) => n.startsWith('churn')).map(([n]) => n));
    expect(history.events[0]).toMatchObject({ actor: 'Ada', time: '2026-01-01T00:01:00+00:00' });
  });

  it('reaches the same state when mlgate writes the history', async () => {
    const { commit } = scratchGit(repo);
    const c1 = commit('one');
    const c2 = commit('two');
    const c3 = commit('three');
    const run = async (...args: string[]) => {
      const result = await cli(repo, ...args, '--actor', 'ada');
      expect({ args, code: result.code, err: result.err }).toEqual({ args, code: 0, err: expect.any(String) });
      return result;
    };
    const force = ['--force', '--reason', 'history test'];
    await run('register', 'churn', '--ref', c1, '--version', 'v1.0.0');
    await run('register', 'churn', '--ref', c2, '--bump', 'minor');
    await run('assign', 'churn@v1.0.0', 'staging', ...force);
    await run('assign', 'churn@v1.0.0', 'production', ...force);
    await run('assign', 'churn@v1.1.0', 'staging', ...force);
    await run('register', 'churn', '--ref', c3, '--bump', 'minor');
    await run('assign', 'churn@v1.1.0', 'production', ...force);
    await run('assign', 'churn@v1.2.0', 'staging', ...force);
    await run('unassign', 'churn@v1.2.0', 'staging');
    await run('deregister', 'churn@v1.1.0');
    await run('register', 'fraud', '--ref', c1);
    await run('deprecate', 'fraud');

    const shown = JSON.parse((await cli(repo, 'show', '--json')).out) as { models: { model: string }[] };
    expect(shown.models.find((m) => m.model === 'churn')).toMatchObject(expected);
    expect(shown.models.find((m) => m.model === 'fraud')).toMatchObject({ deprecated: true });
  });
});

describe('mlgate registry assign: the gate on promotion', () => {
  let repo: string;
  beforeEach(async () => {
    repo = await mkdtemp(join(tmpdir(), 'mlgate-registry-gate-'));
    scratchGit(repo).git(['init', '-q']);
  });
  afterEach(() => rm(repo, { recursive: true, force: true }));

  const manifest = (auc: number) => ({
    schema: 'mlgate/manifest@1',
    model: 'churn',
    fingerprint: 'f'.repeat(64),
    cacheKey: `mlgate-train-churn-${'f'.repeat(64)}`,
    command: 'python train.py',
    workingDirectory: '.',
    params: { 'params.yaml': { lr: 0.1 } },
    deps: [],
    outs: [],
    metrics: { auc },
    metricsFiles: [],
    git: { sha: null, ref: null, dirty: null },
    run: null,
    runtimes: { node: 'v20.0.0', os: { platform: 'linux', release: '6', arch: 'x64' } },
    startedAt: '2026-01-01T00:00:00Z',
    finishedAt: '2026-01-01T00:01:00Z',
    durationMs: 60000,
    cache: { enabled: false, hit: false },
  });
  const report = (status: 'pass' | 'warn' | 'fail') => ({
    schema: 'mlgate/report@1',
    createdAt: '2026-01-01T00:00:00Z',
    verdict: { status, summary: `churn: ${status}`, reasons: [] },
  });

  it('refuses a version without a pass verdict listing the reasons, exits 1, and records a forced promotion with its reason', async () => {
    const { commit, git } = scratchGit(repo);
    commit('one');
    await writeFile(join(repo, 'mlgate.manifest.json'), JSON.stringify(manifest(0.9)));
    await writeFile(join(repo, 'report.json'), JSON.stringify(report('fail')));
    expect(
      (await cli(repo, 'register', 'churn', '--manifest', 'mlgate.manifest.json', '--report', 'report.json')).code,
    ).toBe(0);

    const refused = await cli(repo, 'assign', 'churn@v0.0.1', 'production', '--json');
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.out)).toMatchObject({
      refused: true,
      missing: ["churn@v0.0.1's gate verdict is fail; stage production needs pass"],
    });
    expect(git(['tag', '-l', 'churn#*'])).toBe('');

    const forced = await cli(
      repo,
      'assign',
      'churn@v0.0.1',
      'production',
      '--force',
      '--reason',
      'hotfix approved by Ada',
    );
    expect(forced.code).toBe(0);
    expect(forced.out).toContain('Created churn#production#1');
    const message = JSON.parse(git(['tag', '-l', '--format=%(contents)', 'churn#production#1'])) as Record<
      string,
      unknown
    >;
    expect(message).toMatchObject({
      reason: 'hotfix approved by Ada',
      forced: {
        reason: 'hotfix approved by Ada',
        missing: ["churn@v0.0.1's gate verdict is fail; stage production needs pass"],
      },
    });
  });

  it('promotes a passing version whose stored manifest matches, refuses one whose stored manifest was changed, and re-running creates nothing', async () => {
    const { commit, git } = scratchGit(repo);
    commit('one');
    await writeFile(join(repo, 'mlgate.manifest.json'), JSON.stringify(manifest(0.9)));
    await writeFile(join(repo, 'report.json'), JSON.stringify(report('pass')));
    await cli(
      repo,
      'register',
      'churn',
      '--manifest',
      'mlgate.manifest.json',
      '--report',
      'report.json',
      '--version',
      'v1.0.0',
    );
    commit('two');
    await writeFile(join(repo, 'mlgate.manifest.json'), JSON.stringify(manifest(0.95)));
    await cli(repo, 'register', 'churn', '--manifest', 'mlgate.manifest.json', '--report', 'report.json');

    const first = await cli(repo, 'assign', 'churn@v1.0.0', 'production');
    expect(first).toMatchObject({ code: 0, out: expect.stringContaining('production held nothing before') });
    const again = await cli(repo, 'assign', 'churn@v1.0.0', 'production', '--json');
    expect(JSON.parse(again.out)).toMatchObject({ created: false, tag: 'churn#production#1' });

    await writeFile(join(repo, '.mlgate', 'releases', 'churn@v1.0.1', 'mlgate.manifest.json'), '{"tampered": true}');
    const refused = await cli(repo, 'assign', 'churn@v1.0.1', 'production', '--json');
    expect(refused.code).toBe(1);
    expect((JSON.parse(refused.out) as { missing: string[] }).missing).toEqual([
      expect.stringMatching(
        /^churn@v1\.0\.1's stored manifest \(.*\) has sha256 [0-9a-f]{12}…, not the recorded [0-9a-f]{12}…$/,
      ),
    ]);

    // Rollback after a forced move: the output says what the stage held.
    await cli(repo, 'assign', 'churn@v1.0.1', 'production', '--force', '--reason', 'r');
    const rollback = await cli(repo, 'assign', 'churn@v1.0.0', 'production');
    expect(rollback.out).toContain('production held v1.0.1 before (churn#production#2)');
    expect(git(['tag', '-l', 'churn#production#*']).split('\n')).toHaveLength(3);
  });

  it('with require_better_than_current, refuses a version significantly worse than the current one on the stored predictions', async () => {
    const { commit } = scratchGit(repo);
    await writeFile(
      join(repo, 'mlgate.yml'),
      [
        'version: 1',
        'models:',
        '  churn:',
        '    predictions: predictions.csv',
        '    stages:',
        '      production: { require_better_than_current: true }',
        'gate:',
        '  bootstrap: { resamples: 300, seed: 7 }',
      ].join('\n'),
    );
    await writeFile(join(repo, 'report.json'), JSON.stringify(report('pass')));
    // 200 examples; v1 ranks them well, v2 ranks them at random (seeded, so the interval is reproducible).
    let seed = 11;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const rows = Array.from({ length: 200 }, (_, i) => ({ id: i, label: i % 2 }));
    const good = rows.map((r) => `${r.id},${r.label},${(r.label * 0.6 + random() * 0.4).toFixed(4)}`);
    const bad = rows.map((r) => `${r.id},${r.label},${random().toFixed(4)}`);
    for (const [version, lines] of [
      ['v1.0.0', good],
      ['v2.0.0', bad],
    ] as const) {
      commit(version);
      await writeFile(join(repo, 'predictions.csv'), ['id,label,score', ...lines].join('\n') + '\n');
      await writeFile(
        join(repo, 'mlgate.manifest.json'),
        JSON.stringify({
          ...manifest(0.9),
          predictions: recordedFile('predictions.csv', await readFile(join(repo, 'predictions.csv'))),
        }),
      );
      const registered = await cli(
        repo,
        'register',
        'churn',
        '--version',
        version,
        '--manifest',
        'mlgate.manifest.json',
        '--report',
        'report.json',
      );
      expect(registered.code).toBe(0);
    }
    expect((await cli(repo, 'assign', 'churn@v1.0.0', 'production')).code).toBe(0);
    const refused = await cli(repo, 'assign', 'churn@v2.0.0', 'production', '--json');
    expect(refused.code).toBe(1);
    expect((JSON.parse(refused.out) as { missing: string[] }).missing).toContainEqual(
      expect.stringMatching(/^churn@v2\.0\.0 is significantly worse than churn@v1\.0\.0 on roc_auc \(interval -/),
    );
  });

  it('register checks every file the manifest records before it writes: a changed predictions file is exit 2 and no tag', async () => {
    const { commit, git } = scratchGit(repo);
    commit('one');
    await writeFile(join(repo, 'predictions.csv'), 'id,label,score\n1,1,0.9\n');
    const recorded = recordedFile('predictions.csv', await readFile(join(repo, 'predictions.csv')));
    await writeFile(join(repo, 'mlgate.manifest.json'), JSON.stringify({ ...manifest(0.9), predictions: recorded }));
    await writeFile(join(repo, 'predictions.csv'), 'id,label,score\n1,1,0.1\n');

    const refused = await cli(repo, 'register', 'churn', '--manifest', 'mlgate.manifest.json');

    expect(refused.code).toBe(2);
    expect(refused.err.trim()).toMatch(
      new RegExp(
        `^mlgate registry: mlgate\\.manifest\\.json: predictions\\.csv has sha256 [0-9a-f]{64}, but the manifest recorded ${recorded.sha256}: ` +
          'the file changed after training, so it is not the model trained; nothing was registered$',
      ),
    );
    expect(git(['tag', '-l'])).toBe('');
  });

  it('exits 2 for bad usage', async () => {
    expect((await cli(repo, 'assign', 'churn', 'production')).code).toBe(2);
    expect((await cli(repo, 'frobnicate')).code).toBe(2);
    const misspelt = await cli(repo, 'asign', 'churn@v1.0.0', 'production');
    expect([misspelt.code, misspelt.err.trim()]).toEqual([
      2,
      expect.stringContaining('unknown subcommand "asign" (did you mean "assign"?)'),
    ]);
    expect((await cli(repo, 'assign', 'churn@v1.0.0', 'production', '--force')).code).toBe(2);
  });
});

describe('mlgate registry --push', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'mlgate-registry-push-'));
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('publishes each tag to the remote without force, and a clone behind the remote takes the next counter', async () => {
    const remote = join(root, 'remote.git');
    execFileSync('git', ['init', '-q', '--bare', remote]);
    const a = join(root, 'a');
    const b = join(root, 'b');
    execFileSync('git', ['init', '-q', a]);
    const gitA = scratchGit(a);
    gitA.commit('one');
    gitA.git(['remote', 'add', 'origin', remote]);
    gitA.git(['push', '-q', 'origin', 'HEAD:refs/heads/main']);
    execFileSync('git', ['clone', '-q', remote, b]);
    const force = ['--force', '--reason', 'push test', '--actor', 'ada'];

    expect((await cli(a, 'register', 'churn', '--version', 'v1.0.0', '--push')).code).toBe(0);
    // Clone b promotes through the remote; clone a has not fetched since.
    expect((await cli(b, 'assign', 'churn@v1.0.0', 'staging', '--push', ...force)).code).toBe(0);
    const fromA = await cli(a, 'assign', 'churn@v1.0.0', 'production', '--push', '--json', ...force);
    expect(JSON.parse(fromA.out)).toMatchObject({ tag: 'churn#production#2', created: true });
    const remoteTags = execFileSync('git', ['ls-remote', '--tags', remote], { encoding: 'utf8' });
    expect(remoteTags).toContain('refs/tags/churn@v1.0.0');
    expect(remoteTags).toContain('refs/tags/churn#staging#1');
    expect(remoteTags).toContain('refs/tags/churn#production#2');
  });
});
