import { describe, expect, it } from '@jest/globals';
import { compareVersions, parseRegistryTag, registryState, type TagRecord } from '../../src/registry/index.js';

describe('parseRegistryTag (GTO grammar)', () => {
  it.each([
    ['churn@v1.3.0', { action: 'register', model: 'churn', version: 'v1.3.0', number: null }],
    ['churn@v1.3.0!', { action: 'deregister', model: 'churn', version: 'v1.3.0', number: null }],
    ['cv/pool-seg@v0.0.1-rc.1', { action: 'register', model: 'cv/pool-seg', version: 'v0.0.1-rc.1', number: null }],
    ['churn#production#4', { action: 'assign', model: 'churn', stage: 'production', number: 4 }],
    ['churn#production!#5', { action: 'unassign', model: 'churn', stage: 'production', number: 5 }],
    ['churn#staging', { action: 'assign', model: 'churn', stage: 'staging', number: null }],
    ['churn@deprecated', { action: 'deprecate', model: 'churn', number: null }],
  ])('reads %s', (tag, expected) => {
    expect(parseRegistryTag(tag)).toEqual(expected);
  });

  it.each([
    'v1.2.0',
    'churn@1.3.0',
    'churn@v1.3',
    'churn@v01.2.3',
    '-churn@v1.0.0',
    'churn#prod#x',
    'churn#prod#1#2',
    'churn#',
  ])('is not a registry tag: %s', (tag) => {
    expect(parseRegistryTag(tag)).toBeNull();
  });

  it('orders versions by SemVer precedence, pre-releases before their release', () => {
    const sorted = ['v1.10.0', 'v1.2.0', 'v1.2.0-rc.2', 'v1.2.0-rc.10', 'v1.2.0-alpha', 'v0.9.9'].sort(compareVersions);
    expect(sorted).toEqual(['v0.9.9', 'v1.2.0-alpha', 'v1.2.0-rc.2', 'v1.2.0-rc.10', 'v1.2.0', 'v1.10.0']);
  });
});

let clock = 0;
/** Tags in the order written: each one a minute after the one before. */
const tag = (name: string, commit: string): TagRecord => ({
  name,
  commit,
  message: `message of ${name}`,
  tagger: {
    name: 'Ada',
    email: 'ada@example.com',
    date: new Date(Date.UTC(2026, 0, 1) + 60_000 * clock++).toISOString(),
  },
});

describe('registryState', () => {
  const history = [
    tag('churn@v1.0.0', 'c1'),
    tag('churn@v1.1.0', 'c2'),
    tag('churn@v1.2.0', 'c3'),
    tag('churn#production#1', 'c1'),
    tag('churn#staging#2', 'c2'),
    tag('churn#production#3', 'c2'),
    tag('churn#staging#4', 'c3'),
    tag('churn#staging!#5', 'c3'),
    tag('fraud@v9.0.0', 'c3'),
    tag('fraud#production#1', 'c3'),
    tag('v2.0.0', 'c3'),
  ];

  it('assigns each stage to the version assigned last, whatever order the tags are listed in', () => {
    for (const tags of [history, [...history].reverse()]) {
      const state = registryState('churn', tags);
      expect(state.versions.map((v) => v.version)).toEqual(['v1.0.0', 'v1.1.0', 'v1.2.0']);
      expect(state.stages.get('production')?.version).toEqual({
        version: 'v1.1.0',
        tag: 'churn@v1.1.0',
        commit: 'c2',
        message: 'message of churn@v1.1.0',
      });
      expect(state.stages.get('production')?.tag).toBe('churn#production#3');
      // #5 unassigned v1.2.0 from staging after #4 assigned it; v1.1.0 (#2) still holds staging, as GTO shows.
      expect(state.stages.get('staging')?.version.version).toBe('v1.1.0');
      expect(state.stages.get('staging')?.tag).toBe('churn#staging#2');
      expect(state.deprecated).toBe(false);
    }
  });

  it('drops deregistered versions and their stages fall back to the version assigned before', () => {
    const state = registryState('churn', [...history, tag('churn@v1.1.0!', 'c2'), tag('churn@deprecated', 'c3')]);
    expect(state.versions.map((v) => v.version)).toEqual(['v1.0.0', 'v1.2.0']);
    expect(state.stages.get('production')?.tag).toBe('churn#production#1');
    expect(state.stages.has('staging')).toBe(false);
    expect(state.deprecated).toBe(true);
  });

  it('shows a stage assigned at a commit without a registered version as dangling', () => {
    const state = registryState('churn', [tag('churn@v1.0.0', 'c1'), tag('churn#production#1', 'c7')]);
    expect(state.stages.has('production')).toBe(false);
    expect(state.dangling.get('production')).toEqual({ tag: 'churn#production#1', commit: 'c7' });
  });

  it('names the highest version when one commit carries several', () => {
    const state = registryState('churn', [
      tag('churn@v2.0.0', 'c9'),
      tag('churn@v2.0.1', 'c9'),
      tag('churn#prod#1', 'c9'),
    ]);
    expect(state.stages.get('prod')?.version.version).toBe('v2.0.1');
  });

  it("reads GTO's simple stage tag, and a later numbered tag for the same stage beats it", () => {
    const simple = [tag('churn@v1.0.0', 'c1'), tag('churn@v1.1.0', 'c2'), tag('churn#prod', 'c2')];
    expect(registryState('churn', simple).stages.get('prod')?.version.version).toBe('v1.1.0');
    const both = [...simple, tag('churn#prod#1', 'c1')];
    for (const tags of [both, [...both].reverse()]) {
      expect(registryState('churn', tags).stages.get('prod')?.version.version).toBe('v1.0.0');
    }
  });

  it('is empty for a model without tags', () => {
    const state = registryState('nothing', history);
    expect(state.versions).toEqual([]);
    expect(state.stages.size).toBe(0);
  });
});
