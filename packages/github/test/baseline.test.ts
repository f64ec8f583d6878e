import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UserError } from '@mlgate/core';
import { FakeGitHub } from '@mlgate/testkit';
import {
  GitHubRunArtifactStore,
  createOctokit,
  memoryLogger,
  parseBaselineSpec,
  resolveBaseline,
} from '../src/index.js';
import type { ArtifactStore, RegistryBaselines, ResolveBaselineOptions } from '../src/index.js';
import { buildZip } from '@mlgate/testkit';

describe('parseBaselineSpec', () => {
  it.each([
    ['registry:churn#production', { kind: 'registry', model: 'churn', stage: 'production' }],
    ['registry:team/churn-v2#staging', { kind: 'registry', model: 'team/churn-v2', stage: 'staging' }],
    ['branch:main', { kind: 'branch', branch: 'main' }],
    ['branch:release/2026.11', { kind: 'branch', branch: 'release/2026.11' }],
    ['  branch:main  ', { kind: 'branch', branch: 'main' }],
    ['baseline/metrics.json', { kind: 'path', path: 'baseline/metrics.json' }],
    ['./baseline', { kind: 'path', path: './baseline' }],
    ['/abs/metrics.json', { kind: 'path', path: '/abs/metrics.json' }],
    ['C:\\runs\\metrics.json', { kind: 'path', path: 'C:\\runs\\metrics.json' }],
  ])('reads %j', (text, spec) => {
    expect(parseBaselineSpec(text)).toEqual(spec);
  });

  it.each([
    ['', 'it is empty'],
    ['registry:churn', 'a registry baseline names one model and one stage'],
    ['registry:churn#prod#1', 'a registry baseline names one model and one stage'],
    ['registry:-churn#prod', 'model name "-churn" does not match'],
    ['registry:churn#', 'stage name "" does not match'],
    ['registry:churn#prod uction', 'stage name "prod uction" does not match'],
    ['branch:', 'branch name "" is empty'],
    ['branch:feat..x', 'branch name "feat..x" contains ".."'],
    ['branch:my branch', 'contains a space'],
    ['branch:refs/heads/main', 'must be a branch name, not a full ref'],
    ['branch:x.lock', 'has a part starting with "." or ending with ".lock"'],
    ['tag:v1.2.0', 'unknown baseline kind "tag"'],
  ])('refuses %j with the reason and the grammar', (text, why) => {
    const location = { path: 'inputs.baseline' };
    let error: unknown;
    try {
      parseBaselineSpec(text, location);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UserError);
    const { message } = error as UserError;
    expect(message.startsWith(`invalid baseline ${JSON.stringify(text)}: `)).toBe(true);
    expect(message).toContain(why);
    expect(message).toMatch(/expected registry:<model>#<stage>, branch:<name> or a path$/);
    expect((error as UserError).location).toEqual(location);
  });
});

describe('resolveBaseline', () => {
  let work: string;

  beforeEach(async () => {
    work = await mkdtemp(join(tmpdir(), 'mlgate-baseline-test-'));
  });
  afterEach(async () => {
    await rm(work, { recursive: true, force: true });
  });

  const unusedStore: ArtifactStore = {
    findLatest: () => Promise.reject(new Error('a path baseline must not look for artifacts')),
    download: () => Promise.reject(new Error('a path baseline must not download')),
    upload: () => Promise.reject(new Error('resolving a baseline must not upload')),
  };
  const options = (overrides: Partial<ResolveBaselineOptions> = {}): ResolveBaselineOptions => ({
    artifacts: unusedStore,
    artifactName: 'mlgate-baseline',
    workflow: 'ci.yml',
    logger: memoryLogger(),
    cwd: work,
    ...overrides,
  });

  describe('path specs', () => {
    it('resolves a relative file against cwd and labels it with the path as given', async () => {
      await writeFile(join(work, 'metrics.json'), '{"auc":0.9}');

      const result = await resolveBaseline(parseBaselineSpec('metrics.json'), options());

      expect(result).toEqual({
        found: true,
        file: join(work, 'metrics.json'),
        label: 'metrics.json',
        source: { kind: 'path', path: join(work, 'metrics.json') },
      });
    });

    it('resolves a folder as a dir', async () => {
      await mkdir(join(work, 'baseline'));

      const result = await resolveBaseline(parseBaselineSpec('baseline'), options());

      expect(result).toMatchObject({ found: true, dir: join(work, 'baseline'), label: 'baseline' });
      expect(result).not.toHaveProperty('file');
    });

    it('is an error when the path does not exist', async () => {
      await expect(resolveBaseline(parseBaselineSpec('missing/metrics.json'), options())).rejects.toMatchObject({
        message: 'file not found (the baseline)',
        location: { file: 'missing/metrics.json' },
      });
    });
  });

  describe('registry specs', () => {
    it('is an error while no registry is available', async () => {
      await expect(resolveBaseline(parseBaselineSpec('registry:churn#production'), options())).rejects.toThrow(
        'baseline registry:churn#production: registry baselines need the registry (not available yet); ' +
          'use branch:<name> or a path',
      );
    });

    it('asks the registry when one is given', async () => {
      const asked: unknown[] = [];
      const registry: RegistryBaselines = {
        resolve: async (spec) => {
          asked.push(spec);
          return { found: false, reason: 'no version is assigned to production' };
        },
      };

      const result = await resolveBaseline(parseBaselineSpec('registry:churn#production'), options({ registry }));

      expect(asked).toEqual([{ kind: 'registry', model: 'churn', stage: 'production' }]);
      expect(result).toEqual({ found: false, reason: 'no version is assigned to production' });
    });
  });

  describe('branch specs against FakeGitHub', () => {
    let gh: FakeGitHub;

    beforeEach(async () => {
      gh = await FakeGitHub.start();
    });
    afterEach(async () => {
      await gh.close();
    });

    const githubOptions = () => {
      const logger = memoryLogger();
      const octokit = createOctokit({ token: 'ghs_x', baseUrl: gh.url, logger, maxRetries: 0 });
      const artifacts = new GitHubRunArtifactStore(octokit, { owner: 'acme', repo: 'churn' }, { tempRoot: work });
      return options({ artifacts, logger });
    };

    it('downloads the latest main run artifact and labels it branch@sha7 (run id)', async () => {
      const run = gh.state.actions.addRun({ workflow: 'ci.yml', headSha: 'abcdef0'.padEnd(40, '1') });
      const zip = buildZip([
        { name: 'metrics.json', data: '{"auc":0.88}' },
        { name: 'predictions.csv', data: 'id,label,score\n1,1,0.9\n' },
      ]);
      gh.state.actions.addArtifact(run.id, { name: 'mlgate-baseline', data: zip });
      const opts = githubOptions();

      const result = await resolveBaseline(parseBaselineSpec('branch:main'), opts);

      expect(result).toMatchObject({
        found: true,
        label: `main@abcdef0 (run ${run.id})`,
        source: {
          kind: 'artifact',
          workflow: 'ci.yml',
          branch: 'main',
          runId: run.id,
          headSha: 'abcdef0'.padEnd(40, '1'),
          artifactName: 'mlgate-baseline',
          runUrl: `https://github.com/acme/churn/actions/runs/${run.id}`,
        },
      });
      if (!result.found || result.dir === undefined) throw new Error('expected a baseline folder');
      expect(await readFile(join(result.dir, 'metrics.json'), 'utf8')).toBe('{"auc":0.88}');
      expect(await readFile(join(result.dir, 'predictions.csv'), 'utf8')).toBe('id,label,score\n1,1,0.9\n');
    });

    it('is not found on a first run, with a notice in the log', async () => {
      gh.state.actions.addRun({ workflow: 'ci.yml', headSha: 'a'.repeat(40), status: 'in_progress' });
      const opts = githubOptions();

      const result = await resolveBaseline(parseBaselineSpec('branch:main'), opts);

      expect(result).toEqual({ found: false, reason: 'no successful run of ci.yml on branch main yet' });
      expect((opts.logger as ReturnType<typeof memoryLogger>).lines().join('\n')).toContain(
        'No baseline: no successful run of ci.yml on branch main yet.',
      );
    });

    it('is an error, not a pass, when the run has the artifact but it cannot be read', async () => {
      const run = gh.state.actions.addRun({ workflow: 'ci.yml', headSha: 'a'.repeat(40) });
      gh.state.actions.addArtifact(run.id, { name: 'mlgate-baseline', data: Buffer.from('not a zip at all') });

      await expect(resolveBaseline(parseBaselineSpec('branch:main'), githubOptions())).rejects.toThrow(
        new RegExp(`^artifact "mlgate-baseline" of run ${run.id} cannot be unpacked: not a readable zip archive`),
      );
    });
  });
});
