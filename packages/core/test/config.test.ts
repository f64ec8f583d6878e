import { describe, it, expect, afterAll, beforeAll } from '@jest/globals';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CONFIG_DEFAULTS,
  UserError,
  configJsonSchema,
  loadConfig,
  parseTolerance,
  readConfigFile,
} from '../src/index.js';

const FULL = `version: 1
models:
  churn:
    metrics: metrics.json
    predictions: predictions.csv
    params: [params.yaml, extra.yaml]
    train:
      command: python train.py
      deps: [data/train.csv, train.py]
      outs: [model.pkl]
      params: [train.lr]
      metrics: [metrics.json]
data:
  train: { path: data/train.csv, schema: data/schema.yml, reference: "registry:churn#production" }
gate:
  confidence: 0.9
  bootstrap: { resamples: 2000, seed: 7 }
  on_missing_baseline: warn
  require: [data_validation]
  metrics:
    auc: { direction: higher, min: 0.8, max_regression: 0.005, require_significance: false }
    log_loss: { max_regression: "2.5%" }
  slices: { columns: [region], min_size: 50, max_regression: "2%" }
registry: { stages: [dev, production] }
report: { comment: false }
`;

function errorOf(text: string, file = 'mlgate.yml'): UserError {
  try {
    loadConfig(text, file);
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error('expected a UserError');
}

describe('loadConfig', () => {
  it('loads a complete file into the typed, camelCase shape', () => {
    const config = loadConfig(FULL, 'mlgate.yml');
    expect(config.models.churn).toEqual({
      metrics: ['metrics.json'],
      predictions: 'predictions.csv',
      params: ['params.yaml', 'extra.yaml'],
      predictionsFormat: {},
      bump: 'patch',
      stages: {},
      train: {
        command: 'python train.py',
        deps: ['data/train.csv', 'train.py'],
        outs: ['model.pkl'],
        params: ['train.lr'],
        metrics: ['metrics.json'],
      },
    });
    expect(config.data.train).toEqual({
      path: 'data/train.csv',
      schema: 'data/schema.yml',
      reference: 'registry:churn#production',
    });
    expect(config.gate).toEqual({
      confidence: 0.9,
      significance: 'regression',
      bootstrap: { resamples: 2000, seed: 7 },
      onMissingBaseline: 'warn',
      require: ['data_validation'],
      metrics: {
        auc: {
          direction: 'higher',
          min: 0.8,
          maxRegression: { kind: 'absolute', value: 0.005 },
          significance: 'none',
        },
        log_loss: { maxRegression: { kind: 'relative', value: 0.025 }, significance: 'regression' },
      },
      slices: { columns: ['region'], minSize: 50, maxRegression: { kind: 'relative', value: 0.02 }, metrics: {} },
    });
    expect(config.registry.stages).toEqual(['dev', 'production']);
    expect(config.report).toEqual({ comment: false, check: true, summary: true });
  });

  it('reads profile.exact_values and refuses a cap below 1 with its key path', () => {
    expect(loadConfig('version: 1\nprofile:\n  exact_values: 5000\n', 'mlgate.yml').profile).toEqual({
      exactValues: 5000,
    });
    expect(String(errorOf('version: 1\nprofile:\n  exact_values: 0\n'))).toMatch(
      /^mlgate\.yml:3:17: profile\.exact_values: /,
    );
  });

  it('fills every default for a minimal file', () => {
    expect(loadConfig('version: 1\n', 'mlgate.yml')).toEqual({
      version: 1,
      models: {},
      data: {},
      gate: {
        confidence: CONFIG_DEFAULTS.confidence,
        bootstrap: { resamples: 1000, seed: 42 },
        onMissingBaseline: 'pass',
        require: [],
        metrics: {},
        significance: 'regression',
      },
      profile: { exactValues: 1_000_000 },
      registry: { stages: ['staging', 'production'] },
      report: { comment: true, check: true, summary: true },
    });
  });

  it('does not share default arrays between loads', () => {
    const first = loadConfig('version: 1\n', 'a.yml');
    first.registry.stages.push('mutated');
    expect(loadConfig('version: 1\n', 'b.yml').registry.stages).toEqual(['staging', 'production']);
  });

  it("reads a model's card block (what its model card says beyond the numbers) and refuses unknown keys in it", () => {
    const text = `version: 1
models:
  churn:
    metrics: metrics.json
    card:
      intended_use: |
        Ranks customers by churn risk.
      owners: [retention-ml]
`;
    expect(loadConfig(text, 'mlgate.yml').models.churn?.card).toEqual({
      intendedUse: 'Ranks customers by churn risk.\n',
      owners: ['retention-ml'],
    });
    expect(String(errorOf(text.replace('owners:', 'owner:')))).toMatch(
      /^mlgate\.yml:8:7: models\.churn\.card: unknown key "owner", did you mean "owners"\?/,
    );
  });

  it('locates an unknown key by line and column and names what is allowed', () => {
    const text = FULL.replace('min: 0.8,', 'mni: 0.8,');
    const error = errorOf(text);
    expect(String(error)).toBe(
      'mlgate.yml:21:31: gate.metrics.auc: unknown key "mni", did you mean "min"? ' +
        '(allowed: direction, min, max, max_regression, significance, require_significance)',
    );
    expect(error.location).toEqual({ file: 'mlgate.yml', line: 21, column: 31, path: 'gate.metrics.auc' });
  });

  it('locates an unknown top-level key in block style', () => {
    expect(String(errorOf('version: 1\nmodel:\n  churn: {}\n'))).toBe(
      'mlgate.yml:2:1: unknown key "model", did you mean "models"? (allowed: version, models, data, profile, gate, registry, report)',
    );
  });

  it('reports the problem written first in the file, not the first the schema met', () => {
    const text = 'version: 1\ngate:\n  confidence: 2\nmodels:\n  churn: { metrics: 3 }\n';
    expect(String(errorOf(text))).toBe('mlgate.yml:3:15: gate.confidence: must be < 1');
  });

  it('points at the value of a bad enum', () => {
    expect(String(errorOf('version: 1\ngate:\n  on_missing_baseline: maybe\n'))).toBe(
      'mlgate.yml:3:24: gate.on_missing_baseline: must be one of pass, warn, fail',
    );
  });

  it('explains "path or list of paths" through the form that was written', () => {
    expect(String(errorOf('version: 1\nmodels:\n  churn:\n    metrics: [ok.json, 3]\n'))).toBe(
      'mlgate.yml:4:24: models.churn.metrics[1]: must be a string',
    );
    expect(String(errorOf('version: 1\nmodels:\n  churn:\n    metrics: {a: 1}\n'))).toBe(
      'mlgate.yml:4:14: models.churn.metrics: must be a path or a list of paths',
    );
  });

  it('accepts a tolerance as a number or a percentage and nothing else', () => {
    const rule = (value: string) => `version: 1\ngate:\n  metrics:\n    auc: { max_regression: ${value} }\n`;
    expect(loadConfig(rule('"0.5%"'), 'm.yml').gate.metrics.auc?.maxRegression).toEqual({
      kind: 'relative',
      value: 0.005,
    });
    expect(errorOf(rule('"5 percent"')).message).toBe('must be a number or a percentage such as "1%"');
    expect(errorOf(rule('true')).message).toBe('must be a number or a percentage such as "1%"');
    expect(errorOf(rule('-1')).message).toBe('must be >= 0');
  });

  it('rejects an invalid model name at the key', () => {
    const error = errorOf('version: 1\nmodels:\n  -churn: { metrics: m.json }\n');
    expect(String(error)).toBe(
      'mlgate.yml:3:3: models: invalid key "-churn": must start and end with a letter or digit ' +
        "and contain only letters, digits, '-', '_' and '/'",
    );
  });

  it('quotes metric names with dots in the key path', () => {
    expect(String(errorOf('version: 1\ngate:\n  metrics:\n    eval.auc: { min: high }\n'))).toBe(
      'mlgate.yml:4:22: gate.metrics["eval.auc"].min: must be a number',
    );
  });

  it('reports a missing required key at the mapping that lacks it', () => {
    expect(String(errorOf('version: 1\ndata:\n  train:\n    schema: s.yml\n'))).toBe(
      'mlgate.yml:4:5: data.train: missing required key "path"',
    );
  });

  it('accepts a model judged on predictions alone, and refuses one with neither metrics nor predictions', () => {
    expect(loadConfig('version: 1\nmodels:\n  churn:\n    predictions: p.csv\n', 'mlgate.yml').models.churn).toEqual({
      metrics: [],
      predictions: 'p.csv',
      params: [],
      predictionsFormat: {},
      bump: 'patch',
      stages: {},
    });
    expect(String(errorOf('version: 1\nmodels:\n  churn:\n    params: params.yaml\n'))).toBe(
      'mlgate.yml:4:5: models.churn: give "metrics", "predictions" or both',
    );
  });

  it('requires version 1', () => {
    expect(String(errorOf('models: {}\n'))).toBe('mlgate.yml:1:1: missing required key "version"');
    expect(String(errorOf('version: 2\n'))).toBe('mlgate.yml:1:10: version: must be 1');
  });

  it('speaks YAML: mappings and lists, not objects and arrays', () => {
    expect(String(errorOf('version: 1\nregistry:\n  stages: production\n'))).toBe(
      'mlgate.yml:3:11: registry.stages: must be a list',
    );
    expect(String(errorOf('- version: 1\n'))).toBe('mlgate.yml:1:1: must be a mapping');
  });

  it('rejects duplicate stages', () => {
    expect(errorOf('version: 1\nregistry: { stages: [a, b, a] }\n').message).toBe(
      'must not repeat an item (items 0 and 2 are equal)',
    );
  });

  it('rejects min greater than max, pointing at min', () => {
    expect(String(errorOf('version: 1\ngate:\n  metrics:\n    auc: { min: 0.9, max: 0.8 }\n'))).toBe(
      'mlgate.yml:4:12: gate.metrics.auc: min (0.9) is greater than max (0.8)',
    );
  });

  it('reports YAML syntax errors at their line and column on one line', () => {
    const error = errorOf('version: 1\nmodels:\n  churn: { metrics: [a, b }\n');
    expect(error.location.file).toBe('mlgate.yml');
    expect(error.location.line).toBe(3);
    expect(error.location.column).toEqual(expect.any(Number));
    expect(error.message).not.toContain('\n');
    expect(error.message).not.toMatch(/at line/);
  });

  it('rejects duplicate keys', () => {
    const error = errorOf('version: 1\nversion: 1\n');
    expect(error.message).toBe('Map keys must be unique');
    expect(error.location).toEqual({ file: 'mlgate.yml', line: 2, column: 1 });
  });

  it('rejects an empty file and several documents', () => {
    expect(String(errorOf(''))).toBe('mlgate.yml: is empty; it must start with "version: 1"');
    expect(errorOf('version: 1\n---\nversion: 1\n').location.line).toBe(2);
  });

  it('refuses alias bombs instead of expanding them', () => {
    const bomb = [
      'version: 1',
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]',
    ].join('\n');
    expect(errorOf(bomb).message).toMatch(/^cannot be read: /);
  });

  it('treats yes/no/on as strings, as YAML 1.2 does', () => {
    expect(errorOf('version: 1\nreport: { comment: yes }\n').message).toBe('must be a boolean');
  });
});

describe('parseTolerance', () => {
  it('reads numbers as absolute and percentages as relative fractions', () => {
    expect(parseTolerance(0.01)).toEqual({ kind: 'absolute', value: 0.01 });
    expect(parseTolerance('1%')).toEqual({ kind: 'relative', value: 0.01 });
    expect(parseTolerance('12.5%')).toEqual({ kind: 'relative', value: 0.125 });
  });
});

describe('readConfigFile', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mlgate-config-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads and loads a file, naming it in errors', async () => {
    const good = join(dir, 'mlgate.yml');
    await writeFile(good, FULL);
    await expect(readConfigFile(good)).resolves.toMatchObject({
      version: 1,
      registry: { stages: ['dev', 'production'] },
    });
    const bad = join(dir, 'bad.yml');
    await writeFile(bad, 'version: 1\nfoo: 1\n');
    await expect(readConfigFile(bad)).rejects.toMatchObject({ location: { file: bad, line: 2, column: 1 } });
  });

  it('says when the file does not exist', async () => {
    await expect(readConfigFile(join(dir, 'missing.yml'))).rejects.toThrow('file not found');
  });
});

describe('configJsonSchema', () => {
  it('documents the defaults that loadConfig applies', () => {
    const definitions = configJsonSchema.definitions;
    const gate = definitions.gate.properties;
    expect(gate.confidence.description).toContain(`Default ${CONFIG_DEFAULTS.confidence}.`);
    expect(gate.bootstrap.properties.resamples.description).toContain(
      `Default ${CONFIG_DEFAULTS.bootstrap.resamples}.`,
    );
    expect(gate.bootstrap.properties.seed.description).toContain(`Default ${CONFIG_DEFAULTS.bootstrap.seed}.`);
    expect(gate.on_missing_baseline.description).toContain(`Default ${CONFIG_DEFAULTS.onMissingBaseline}.`);
    expect(gate.significance.description).toContain(`Default ${CONFIG_DEFAULTS.significance}.`);
    expect(definitions.sliceRule.properties.min_size.description).toContain(`Default ${CONFIG_DEFAULTS.sliceMinSize}.`);
    expect(definitions.registry.properties.stages.description).toContain(
      `Default [${CONFIG_DEFAULTS.stages.join(', ')}].`,
    );
  });
});

describe('loadConfig: registry settings per model', () => {
  it('reads the version bump and each stage’s promotion policy, with defaults for what is unset', () => {
    const config = loadConfig(
      [
        'version: 1',
        'models:',
        '  churn:',
        '    metrics: m.json',
        '    bump: auto',
        '    stages:',
        '      staging: { allow_warn: true }',
        '      production: { require_better_than_current: true }',
      ].join('\n'),
      'mlgate.yml',
    );
    expect(config.models.churn?.bump).toBe('auto');
    expect(config.models.churn?.stages).toEqual({
      staging: { allowWarn: true, requireBetterThanCurrent: false },
      production: { allowWarn: false, requireBetterThanCurrent: true },
    });
  });

  it('refuses an unknown stage setting with its key path', () => {
    expect(
      String(
        errorOf(
          'version: 1\nmodels:\n  churn:\n    metrics: m.json\n    stages:\n      production: { allow_fail: true }\n',
        ),
      ),
    ).toMatch(
      /^mlgate\.yml:6:21: models\.churn\.stages\.production: unknown key "allow_fail", did you mean "allow_warn"\?/,
    );
  });
});
