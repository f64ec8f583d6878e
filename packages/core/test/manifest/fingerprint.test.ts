import { describe, expect, it } from '@jest/globals';
import { UserError, manifestJsonSchema, parseManifest, trainCacheKey, trainFingerprint } from '../../src/index.js';
import type { FingerprintInput } from '../../src/index.js';

const input: FingerprintInput = {
  command: 'python train.py',
  deps: [
    { path: 'train.py', sha256: 'b'.repeat(64) },
    { path: 'data/a.csv', sha256: 'a'.repeat(64) },
  ],
  params: { 'params.yaml': { 'train.lr': 0.1, 'train.epochs': 5 } },
  outs: ['outs:model.pkl', 'metrics:metrics.json'],
};

describe('trainFingerprint', () => {
  it('is sha256 of the canonical JSON (pinned: Python 3.11 hashlib.sha256 of json.dumps(..., separators=(",", ":")))', () => {
    // The same document built independently in Python: deps sorted by path, params keys sorted, outs as declared.
    expect(trainFingerprint(input)).toBe('e5d0473e2afe44d0a52df716757de949fcf4030c018693c050a55e949a851591');
  });

  it('does not depend on the order deps and params keys are listed in, and changes with any input', () => {
    const reordered = {
      ...input,
      deps: [...input.deps].reverse(),
      params: { 'params.yaml': { 'train.epochs': 5, 'train.lr': 0.1 } },
    };
    expect(trainFingerprint(reordered)).toBe(trainFingerprint(input));
    const variants: FingerprintInput[] = [
      { ...input, command: 'python train.py --fast' },
      { ...input, deps: [{ path: 'train.py', sha256: 'c'.repeat(64) }, input.deps[1]!] },
      { ...input, params: { 'params.yaml': { 'train.lr': 0.2, 'train.epochs': 5 } } },
      { ...input, outs: ['outs:model.onnx', 'metrics:metrics.json'] },
    ];
    for (const variant of variants) expect(trainFingerprint(variant)).not.toBe(trainFingerprint(input));
  });

  it('names the cache entry by model and fingerprint', () => {
    expect(trainCacheKey('team/churn', 'f'.repeat(64))).toBe(`mlgate-train-team-churn-${'f'.repeat(64)}`);
  });
});

describe('parseManifest', () => {
  it('refuses another kind of document and names the first problem', () => {
    expect(manifestJsonSchema.properties.schema.const).toBe('mlgate/manifest@1');
    expect(() => parseManifest({ schema: 'mlgate/report@1' }, 'm.json')).toThrow(UserError);
    expect(() => parseManifest({ schema: 'mlgate/manifest@1', model: 'churn' }, 'm.json')).toThrow(
      /must have|required/,
    );
  });
});
