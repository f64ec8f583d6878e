import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readTagMessage, registryState } from '@mlgate/core';
import { GitRegistryStore, type NewTag, TagExistsError } from '@mlgate/github';
import { assignStage, deprecateModel, deregisterVersion, registerVersion, unassignStage } from '../src/index.js';

describe('registry writes against a real git repository', () => {
  let repo: string;
  const git = (...args: string[]): string =>
    execFileSync('git', args, {
      cwd: repo,
      encoding: 'utf8',
      env: {
        ...process.env,
        GIT_COMMITTER_NAME: 'Ada',
        GIT_COMMITTER_EMAIL: 'ada@example.com',
        GIT_AUTHOR_NAME: 'Ada',
        GIT_AUTHOR_EMAIL: 'ada@example.com',
      },
    }).trim();
  const commit = (message: string): string => {
    git('commit', '--allow-empty', '-q', '-m', message);
    return git('rev-parse', 'HEAD');
  };
  const details = { actor: 'ada' };

  beforeEach(async () => {
    repo = await mkdtemp(join(tmpdir(), 'mlgate-registry-write-'));
    git('init', '-q');
  });
  afterEach(() => rm(repo, { recursive: true, force: true }));

  it('registers annotated tags with bumped versions, and re-registering a commit reports its tag', async () => {
    const store = new GitRegistryStore(repo);
    const c1 = commit('one');
    const first = await registerVersion({ model: 'churn', rev: 'HEAD', details }, { store });
    expect(first).toMatchObject({ tag: 'churn@v0.0.1', created: true, commit: c1, version: 'v0.0.1' });
    expect(git('cat-file', '-t', 'churn@v0.0.1')).toBe('tag');
    expect(readTagMessage(git('tag', '-l', '--format=%(contents)', 'churn@v0.0.1'))).toMatchObject({
      kind: 'event',
      event: { action: 'register', model: 'churn', version: 'v0.0.1', actor: 'ada' },
    });
    expect(await registerVersion({ model: 'churn', rev: c1, details }, { store })).toMatchObject({
      tag: 'churn@v0.0.1',
      created: false,
    });
    commit('two');
    expect(await registerVersion({ model: 'churn', rev: 'HEAD', bump: 'minor', details }, { store })).toMatchObject({
      tag: 'churn@v0.1.0',
      created: true,
    });
    await expect(registerVersion({ model: 'churn', rev: c1, version: 'v2.0.0', details }, { store })).rejects.toThrow(
      /already registered as churn@v0.0.1; one commit carries one version/,
    );
  });

  it('assigns with the next counter, reports an assignment already in place, and says what a rollback replaced', async () => {
    const store = new GitRegistryStore(repo);
    commit('one');
    await registerVersion({ model: 'churn', rev: 'HEAD', version: 'v1.0.0', details }, { store });
    commit('two');
    await registerVersion({ model: 'churn', rev: 'HEAD', version: 'v1.1.0', details }, { store });
    const a = await assignStage({ model: 'churn', version: 'v1.0.0', stage: 'production', details }, { store });
    expect(a).toMatchObject({ tag: 'churn#production#1', created: true, previous: { version: null, tag: null } });
    const b = await assignStage({ model: 'churn', version: 'v1.1.0', stage: 'production', details }, { store });
    expect(b).toMatchObject({ tag: 'churn#production#2', previous: { version: 'v1.0.0', tag: 'churn#production#1' } });
    const again = await assignStage({ model: 'churn', version: 'v1.1.0', stage: 'production', details }, { store });
    expect(again).toMatchObject({ tag: 'churn#production#2', created: false });
    const rollback = await assignStage({ model: 'churn', version: 'v1.0.0', stage: 'production', details }, { store });
    expect(rollback).toMatchObject({
      tag: 'churn#production#3',
      created: true,
      previous: { version: 'v1.1.0', tag: 'churn#production#2' },
    });
    const state = registryState('churn', await store.listTags('churn'));
    expect(state.stages.get('production')?.version.version).toBe('v1.0.0');
    await expect(
      assignStage({ model: 'churn', version: 'v9.0.0', stage: 'production', details }, { store }),
    ).rejects.toThrow('churn@v9.0.0 is not registered');
  });

  it('five racing promotions of different versions all end recorded with distinct counters', async () => {
    const store = new GitRegistryStore(repo);
    const versions: string[] = [];
    for (let i = 0; i < 5; i++) {
      commit(`v${i}`);
      versions.push(`v1.${i}.0`);
      await registerVersion({ model: 'churn', rev: 'HEAD', version: `v1.${i}.0`, details }, { store });
    }
    const results = await Promise.all(
      versions.map((version) => assignStage({ model: 'churn', version, stage: 'production', details }, { store })),
    );
    expect(new Set(results.map((r) => r.tag)).size).toBe(5);
    expect(results.every((r) => r.created)).toBe(true);
    const tags = git('tag', '-l', 'churn#production#*').split('\n').sort();
    expect(tags).toEqual([1, 2, 3, 4, 5].map((n) => `churn#production#${n}`));
  });

  it('re-reads and takes N+1 when the planned name was taken between reading and writing', async () => {
    const real = new GitRegistryStore(repo);
    const c1 = commit('one');
    await registerVersion({ model: 'churn', rev: 'HEAD', version: 'v1.0.0', details }, { store: real });
    let raced = false;
    const store = Object.assign(Object.create(real) as GitRegistryStore, {
      async createTag(tag: NewTag) {
        if (!raced) {
          raced = true;
          // Someone else's promotion lands first, under the very name this writer planned.
          git('tag', '-a', tag.name, '-m', 'the other writer', c1);
          throw new TagExistsError(tag.name);
        }
        return real.createTag(tag);
      },
    });
    const result = await assignStage({ model: 'churn', version: 'v1.0.0', stage: 'staging', details }, { store });
    // The other writer assigned the same version: the re-read finds the promotion recorded, and writes nothing.
    expect(result).toMatchObject({ tag: 'churn#staging#1', created: false });
  });

  it('unassigns every version holding a stage, deregisters and deprecates, each once', async () => {
    const store = new GitRegistryStore(repo);
    commit('one');
    await registerVersion({ model: 'churn', rev: 'HEAD', version: 'v1.0.0', details }, { store });
    commit('two');
    await registerVersion({ model: 'churn', rev: 'HEAD', version: 'v1.1.0', details }, { store });
    await assignStage({ model: 'churn', version: 'v1.0.0', stage: 'staging', details }, { store });
    await assignStage({ model: 'churn', version: 'v1.1.0', stage: 'staging', details }, { store });
    const removed = await unassignStage({ model: 'churn', stage: 'staging', details }, { store });
    expect(removed.map((r) => [r.tag, r.version])).toEqual([
      ['churn#staging!#3', 'v1.1.0'],
      ['churn#staging!#4', 'v1.0.0'],
    ]);
    expect(await unassignStage({ model: 'churn', stage: 'staging', details }, { store })).toEqual([]);
    expect(registryState('churn', await store.listTags('churn')).stages.has('staging')).toBe(false);

    expect(await deregisterVersion({ model: 'churn', version: 'v1.0.0', details }, { store })).toMatchObject({
      tag: 'churn@v1.0.0!',
      created: true,
    });
    expect(await deregisterVersion({ model: 'churn', version: 'v1.0.0', details }, { store })).toMatchObject({
      tag: 'churn@v1.0.0!',
      created: false,
    });
    expect(await deprecateModel({ model: 'churn', details }, { store })).toMatchObject({
      tag: 'churn@deprecated#5',
      created: true,
    });
    expect(await deprecateModel({ model: 'churn', details }, { store })).toMatchObject({
      tag: 'churn@deprecated#5',
      created: false,
    });
    expect(registryState('churn', await store.listTags('churn')).deprecated).toBe(true);
  });
});
