import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Manifest } from '../../src/manifest/types.js';
import { profileFile } from '../../src/profile/profile-file.js';
import type { Profile } from '../../src/profile/profile.js';
import { renderModelCard, type ModelCardInput } from '../../src/registry/model-card.js';
import { STRUCTURE_TAGS, githubReferences, renderGfm } from '../../../testkit/src/markdown/gfm.js';
import { HOSTILE_STRINGS } from '../../../testkit/src/hostile.js';
import { comparisonSection, validationSection } from '../fixtures/reports.js';

const sha = (c: string) => c.repeat(64);

function manifest(overrides: Partial<Manifest> = {}): Manifest {
  return {
    schema: 'mlgate/manifest@1',
    model: 'churn',
    fingerprint: sha('f'),
    cacheKey: 'mlgate-train-churn-ffff',
    command: 'python train.py --seed 7',
    workingDirectory: '.',
    params: { 'params.yaml': { 'train.lr': 0.05, 'train.epochs': 20 } },
    deps: [{ path: 'data/train.csv', sha256: sha('a'), size: 123456 }],
    outs: [{ path: 'out/model.pkl', sha256: sha('b'), size: 2048 }],
    metrics: { auc: 0.8234, log_loss: 0.43 },
    metricsFiles: [{ path: 'out/metrics.json', sha256: sha('c'), size: 40 }],
    predictions: { path: 'out/predictions.csv', sha256: sha('d'), size: 9000 },
    git: { sha: '0123456789abcdef0123456789abcdef01234567', ref: 'refs/heads/main', dirty: false },
    run: { id: '777', attempt: '1', url: 'https://github.com/acme/churn/actions/runs/777' },
    runtimes: { node: 'v24.1.0', os: { platform: 'linux', release: '6.1', arch: 'x64' } },
    startedAt: '2026-11-30T10:00:00.000Z',
    finishedAt: '2026-11-30T10:05:00.000Z',
    durationMs: 300000,
    cache: { enabled: true, hit: false },
    ...overrides,
  };
}

let dir: string;
let profile: Profile;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mlgate-card-'));
  const path = join(dir, 'train.csv');
  // tenure 1..10 (mean 5.5), plan: basic ×6, pro ×4, one missing age.
  const rows = Array.from({ length: 10 }, (_, i) => `${i + 1},${i < 6 ? 'basic' : 'pro'},${i === 3 ? '' : 30 + i}`);
  writeFileSync(path, `tenure,plan,age\n${rows.join('\n')}\n`);
  ({ profile } = await profileFile(path));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function input(overrides: Partial<ModelCardInput> = {}): ModelCardInput {
  return {
    model: 'churn',
    version: 'v1.4.0',
    card: {
      intendedUse: 'Ranks customers by churn risk\nfor the weekly call list.\n\nNot for pricing.',
      limitations: 'Weak on the basic plan.',
      owners: ['retention-ml'],
    },
    manifest: manifest(),
    comparison: comparisonSection({
      slices: [
        {
          column: 'plan',
          value: 'basic',
          size: 1800,
          metrics: [
            {
              name: 'auc',
              direction: 'higher',
              baseline: 0.8,
              candidate: 0.78,
              delta: -0.02,
              relative: -0.025,
              ci: { low: -0.035, high: -0.006, method: 'bootstrap' },
              label: 'regressed',
            },
          ],
        },
      ],
      predictions: { task: 'binary', taskSource: 'configured', examples: 6000 },
    }),
    verdict: { status: 'pass', summary: 'auc improved' },
    profiles: [{ dataset: 'train', profile }],
    validations: [validationSection({ dataset: 'train' })],
    ...overrides,
  };
}

describe('renderModelCard', () => {
  it('has the intended use from the config, paragraphs kept, then limitations and owners', () => {
    const md = renderModelCard(input());
    expect(md.startsWith('# Model card: `churn` v1\\.4\\.0\n')).toBe(true);
    expect(md).toContain(
      '## Intended use\n\nRanks customers by churn risk for the weekly call list\\.\n\nNot for pricing\\.',
    );
    expect(md).toContain('### Limitations\n\nWeak on the basic plan\\.');
    expect(md).toContain('### Owners\n\n- retention\\-&#8203;ml');
  });

  it('says where to write the intended use when the config has none', () => {
    const md = renderModelCard(input({ card: undefined }));
    expect(md).toContain(
      '## Intended use\n\nNot stated. Describe it in `mlgate.yml` under `models.churn.card.intended_use`.',
    );
    expect(md).not.toContain('### Limitations');
  });

  it('lists every metric with its baseline, change and confidence interval', () => {
    const md = renderModelCard(input());
    expect(md).toContain('Gate verdict: **pass**');
    expect(md).toContain('Compared with `production`; intervals are 95% confidence intervals of the change.');
    expect(md).toContain('| auc | 0.8234 | 0.8123 | +0.01106 (+1.36%) | [+0.0021, +0.0201] | improved |');
    expect(md).toContain('| log\\_loss | 0.43 | 0.41 | +0.02 (+4.88%) | [+0.005, +0.035] | regressed |');
    expect(md).toContain('Evaluated on 6,000 examples.');
  });

  it("falls back to the manifest's metric values, saying there are no intervals", () => {
    const md = renderModelCard(input({ comparison: undefined }));
    expect(md).toContain('no comparison was recorded, so there are no intervals');
    expect(md).toContain('| auc | 0.8234 |');
  });

  it('shows each slice with its size, change and interval', () => {
    const md = renderModelCard(input());
    expect(md).toContain('## Slices');
    expect(md).toContain('| plan = basic | 1,800 | auc | 0.78 | -0.02 (-2.5%) | [-0.035, -0.006] | regressed |');
  });

  it("summarises the data: validation and drift, and each column's type, nulls, distinct values, range and mean", () => {
    const md = renderModelCard(input());
    expect(md).toContain('### `train`');
    expect(md).toContain(
      '12,345 rows, 8 columns; validation **fail**; 3 checks, 2 not passing; drift **pass** in `region` (12.5% of the columns).',
    );
    expect(md).toContain('Profile: 10 rows, 3 columns.');
    expect(md).toContain('| tenure | integer | 0 | 10 | 1 … 10 | 5.5 | - |');
    expect(md).toContain('| plan | string | 0 | 2 | - | - | basic (6) |');
    expect(md).toContain('| age | integer | 1 (10%) | 9 | 30 … 39 |');
  });

  it('records the lineage: commit, run, training time, command, fingerprint, params and file digests', () => {
    const md = renderModelCard(input());
    expect(md).toContain('- Commit: `0123456789abcdef0123456789abcdef01234567` on `refs/heads/main`');
    expect(md).toContain('- Run: `https://github.com/acme/churn/actions/runs/777`');
    expect(md).toContain('- Trained: `2026-11-30T10:00:00.000Z`');
    expect(md).toContain('- Command: `python train.py --seed 7` in `.`');
    expect(md).toContain(`| params\\.yaml | train\\.lr | 0\\.05 |`);
    expect(md).toContain(`| input | \`data/train.csv\` | 123,456 | \`${sha('a')}\` |`);
    expect(md).toContain(`| predictions | \`out/predictions.csv\` | 9,000 | \`${sha('d')}\` |`);
  });

  it('names the original run when the outputs came from the run cache', () => {
    const cached = manifest({
      cache: {
        enabled: true,
        hit: true,
        restoredFrom: {
          fingerprint: sha('f'),
          startedAt: '2026-11-01T08:00:00.000Z',
          git: { sha: 'fedcba9876543210fedcba9876543210fedcba98', ref: 'refs/heads/main', dirty: false },
          run: { id: '555', attempt: '2' },
        },
      },
    });
    const md = renderModelCard(input({ manifest: cached }));
    expect(md).toContain('- Commit: `fedcba9876543210fedcba9876543210fedcba98`');
    expect(md).toContain('- Run: `555` attempt 2');
    expect(md).toContain('(this run restored the outputs from the run cache)');
  });

  it('says so when there is no manifest and no metrics', () => {
    const md = renderModelCard({ model: 'churn', version: 'v0.1.0' });
    expect(md).toContain('No metrics were recorded for this version.');
    expect(md).toContain('No training manifest was recorded for this version.');
    expect(md).not.toContain('## Data');
  });

  it.each(HOSTILE_STRINGS.map((text, i) => [i, text] as const))(
    'renders hostile text #%i in every free-text field inert',
    (_, text) => {
      const hostile = input({
        card: { intendedUse: text, limitations: text, owners: [text] },
        manifest: manifest({ command: text, params: { [text]: { [text]: text } }, metrics: { [text]: 1 } }),
        comparison: comparisonSection({
          baseline: { label: text },
          metrics: [{ ...comparisonSection().metrics[0]!, name: text, note: text }],
          slices: [
            { column: text, value: text, size: 3, metrics: [{ ...comparisonSection().metrics[0]!, name: text }] },
          ],
        }),
        verdict: { status: 'warn', summary: text },
        validations: [validationSection({ dataset: text })],
      });
      const html = renderGfm(renderModelCard(hostile));
      const body = html.replace(/^[\s\S]*?<\/h1>/, '');
      expect(
        body.replace(/<\/?(h[1-6]|p|table|thead|tbody|tr|th|td|ul|li|strong|code)( align="\w+")?>/g, ''),
      ).not.toMatch(STRUCTURE_TAGS);
      expect(githubReferences(html)).toEqual([]);
      expect(html).not.toMatch(/<(img|script|a)[\s>]/);
    },
  );
});
