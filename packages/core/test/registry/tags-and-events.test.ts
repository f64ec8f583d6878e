import { describe, expect, it } from '@jest/globals';
import {
  bumpVersion,
  formatRegistryEvent,
  formatRegistryTag,
  nextCounter,
  parseRegistryTag,
  readTagMessage,
  type RegistryTag,
} from '../../src/registry/index.js';

describe('registry tags round-trip in every GTO form', () => {
  const forms: [string, RegistryTag][] = [
    ['churn@v1.3.0', { action: 'register', model: 'churn', version: 'v1.3.0', number: null }],
    ['churn@v1.3.0!', { action: 'deregister', model: 'churn', version: 'v1.3.0', number: null }],
    ['churn#production#4', { action: 'assign', model: 'churn', stage: 'production', number: 4 }],
    ['churn#production!#5', { action: 'unassign', model: 'churn', stage: 'production', number: 5 }],
    ['churn#staging', { action: 'assign', model: 'churn', stage: 'staging', number: null }],
    ['churn#staging!', { action: 'unassign', model: 'churn', stage: 'staging', number: null }],
    ['churn@deprecated', { action: 'deprecate', model: 'churn', number: null }],
    // GTO puts a counter on any form when asked (`--force` deprecations, non-simple registrations).
    ['churn@deprecated#7', { action: 'deprecate', model: 'churn', number: 7 }],
    ['churn@v2.0.0#3', { action: 'register', model: 'churn', version: 'v2.0.0', number: 3 }],
    ['churn@v2.0.0!#8', { action: 'deregister', model: 'churn', version: 'v2.0.0', number: 8 }],
    // Monorepo names: `dir:name` is written `dir=name` in tags (gto/constants.py name_to_tag).
    ['models/cv=seg@v0.1.0', { action: 'register', model: 'models/cv:seg', version: 'v0.1.0', number: null }],
    ['models/cv=seg#prod#2', { action: 'assign', model: 'models/cv:seg', stage: 'prod', number: 2 }],
    ['models/cv=seg#prod!#3', { action: 'unassign', model: 'models/cv:seg', stage: 'prod', number: 3 }],
    ['models/cv=seg@v0.1.0!', { action: 'deregister', model: 'models/cv:seg', version: 'v0.1.0', number: null }],
    ['models/cv=seg@deprecated', { action: 'deprecate', model: 'models/cv:seg', number: null }],
    [
      'cv/pool-seg@v1.0.0-rc.1+build.5',
      { action: 'register', model: 'cv/pool-seg', version: 'v1.0.0-rc.1+build.5', number: null },
    ],
  ];

  it.each(forms)('%s parses and formats back to itself', (name, tag) => {
    expect(parseRegistryTag(name)).toEqual(tag);
    expect(formatRegistryTag(tag)).toBe(name);
  });

  it.each(['a=b=c@v1.0.0', 'churn@created', 'churn@v1.0.0-01', 'churn@latest', 'churn#-prod#1', 'churn@v1.0.0#x'])(
    'is not a registry tag: %s',
    (name) => {
      expect(parseRegistryTag(name)).toBeNull();
    },
  );
});

describe('nextCounter', () => {
  it("is one more than the highest #N among the model's tags, of any form, ignoring other models", () => {
    const tags = [
      'churn@v1.0.0',
      'churn#staging#2',
      'churn#production!#5',
      'churn@deprecated#3',
      'churn-v2#prod#40',
      'fraud#prod#9',
    ];
    expect(nextCounter('churn', tags)).toBe(6);
    expect(nextCounter('fraud', tags)).toBe(10);
    expect(nextCounter('new', tags)).toBe(1);
  });

  it('reads monorepo tags by the model name with its colon', () => {
    expect(nextCounter('models/cv:seg', ['models/cv=seg#prod#2', 'models/cv=seg@v1.0.0'])).toBe(3);
  });
});

describe('bumpVersion (as GTO bumps with python-semver)', () => {
  it.each([
    ['v1.3.2', 'patch', 'v1.3.3'],
    ['v1.3.2', 'minor', 'v1.4.0'],
    ['v1.3.2', 'major', 'v2.0.0'],
    ['v1.3.0-rc.1', 'patch', 'v1.3.1'],
    ['v0.0.1+build.7', 'minor', 'v0.1.0'],
  ] as const)('%s + %s = %s', (from, bump, to) => {
    expect(bumpVersion(from, bump)).toBe(to);
  });
});

describe('registry event messages (mlgate/registry-event@1)', () => {
  const event = {
    action: 'assign' as const,
    model: 'churn',
    version: 'v1.4.0',
    stage: 'production',
    actor: 'octocat',
    reason: 'weekly release',
    manifest: { digest: 'a'.repeat(64), path: 'mlgate.manifest.json' },
    artifact: { location: '.mlgate/releases/churn@v1.4.0' },
    metrics: [{ name: 'auc', value: 0.91, baseline: 0.9, ci: { low: -0.002, high: 0.021 } }],
    gate: { verdict: 'pass' as const, report: { digest: 'b'.repeat(64) } },
    previous: { version: 'v1.3.0', tag: 'churn#production#3' },
  };

  it('formats one line of JSON that reads back as the same event', () => {
    const message = formatRegistryEvent(event);
    expect(message).not.toContain('\n');
    expect(readTagMessage(message)).toEqual({ kind: 'event', event: { schema: 'mlgate/registry-event@1', ...event } });
  });

  it('refuses to write an event that breaks its schema', () => {
    expect(() => formatRegistryEvent({ ...event, manifest: { digest: 'not-a-digest' } })).toThrow(
      /registry event \$\.manifest\.digest: /,
    );
  });

  it("reads GTO's plain messages and other JSON as plain text, without error", () => {
    expect(readTagMessage('Registering artifact churn version v1.0.0\n')).toEqual({
      kind: 'plain',
      text: 'Registering artifact churn version v1.0.0',
    });
    expect(readTagMessage('{"schema":"mlgate/registry-entry@1"}')).toEqual({
      kind: 'plain',
      text: '{"schema":"mlgate/registry-entry@1"}',
    });
    expect(readTagMessage('')).toEqual({ kind: 'plain', text: '' });
  });

  it('keeps a broken event as text with its problem, never trusting its fields', () => {
    const read = readTagMessage('{"schema":"mlgate/registry-event@1","action":"assign","model":"churn","actor":7}');
    expect(read).toMatchObject({ kind: 'invalid', problem: expect.stringContaining('$.actor') });
  });
});
