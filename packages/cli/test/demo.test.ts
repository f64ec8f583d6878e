/**
 * `mlgate demo` end to end, as the README runs it: the built CLI (packages/cli/dist) in a temporary
 * folder, on the committed example project. Every claim the demo prints is checked against the report
 * files it wrote, so the output cannot say "drift" or "cache hit" without the numbers behind it.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseReport, type Report } from '@mlgate/core';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const cli = join(root, 'packages', 'cli', 'dist', 'index.js');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function demo(cwd: string, args: string[] = []): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, 'demo', '--out', 'out', ...args], { cwd });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

async function report(dir: string, pr: string): Promise<Report> {
  const file = join(dir, 'out', pr, 'report.json');
  return parseReport(JSON.parse(await readFile(file, 'utf8')), file);
}

let dir: string;
let run: Run;
/** The demo's throwaway repository, kept (--keep) so the registry it wrote can be read back. */
let repo: string | undefined;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mlgate-demo-test-'));
  run = await demo(dir, ['--keep']);
  repo = /^ {2}the repository \(git log --all --graph, git tag -n\): (.+)$/m.exec(run.stdout)?.[1];
}, 120_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  if (repo) await rm(repo, { recursive: true, force: true });
});

describe('mlgate demo (built CLI)', () => {
  it('runs to the end and exits 0, saying what each of its 11 steps does and why', () => {
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    for (let step = 1; step <= 11; step++) expect(run.stdout).toContain(`[${step}/11] `);
    expect(run.stdout.match(/^ {6}why: /gm)).toHaveLength(11);
    expect(run.stdout).toMatch(/^Done in \d+\.\d s\.$/m);
  });

  it('shows the drift of the delay column that the validation found between February and May', async () => {
    const [validation] = (await report(dir, 'pr-1-add-weekday')).validations ?? [];
    expect(validation).toMatchObject({ dataset: 'data/train.csv', rows: 20_000, status: 'warn' });
    expect(validation?.checks.every((check) => check.status === 'pass')).toBe(true);
    expect(validation?.drift?.columns.filter((c) => c.drifted).map((c) => c.column)).toEqual(['delay']);
    expect(run.stdout).toMatch(/delay +ks .*: DRIFT DETECTED/);
    expect(run.stdout).toContain('DRIFT DETECTED in delay (February -> May)');
  });

  it('trains three times and restores the fourth run from the run cache', () => {
    expect(run.stdout.match(/run cache miss: trained/g)).toHaveLength(3);
    expect(run.stdout.match(/run cache HIT: restored the outputs/g)).toHaveLength(1);
    // The hit is the merge of pull request #1: same fingerprint as that pull request's run.
    const fingerprints = [...run.stdout.matchAll(/fingerprint ([0-9a-f]{12}): run cache (miss|HIT)/g)].map((m) => m[1]);
    expect(fingerprints).toHaveLength(4);
    expect(fingerprints[3]).toBe(fingerprints[1]);
    expect(new Set(fingerprints.slice(0, 3)).size).toBe(3);
  });

  it('passes pull request #1 (a real, significant improvement) and fails pull request #2 with its reasons', async () => {
    const improved = await report(dir, 'pr-1-add-weekday');
    const regressed = await report(dir, 'pr-2-stronger-regularisation');
    const auc = (r: Report) => r.comparisons?.[0]?.metrics.find((m) => m.name === 'roc_auc');
    // Intervals from the paired bootstrap on 8,000 flights: entirely above zero for #1, below for #2.
    expect(auc(improved)?.ci?.method).toMatch(/bootstrap/);
    expect(auc(improved)!.ci!.low).toBeGreaterThan(0);
    expect(auc(regressed)!.ci!.high).toBeLessThan(0);
    expect(improved.verdict.status).toBe('warn'); // passes: the warning is the data drift
    expect(improved.verdict.reasons.filter((r) => r.status === 'fail')).toEqual([]);
    expect(regressed.verdict.status).toBe('fail');
    const failed = regressed.verdict.reasons.filter((r) => r.status === 'fail').map((r) => r.rule);
    expect(failed).toEqual(expect.arrayContaining(['max_regression', 'slices.max_regression']));
    expect(run.stdout).toContain('GATE PASSED with warnings');
    expect(run.stdout).toContain('GATE FAILED (this pull request cannot merge)');
    expect(run.stdout).toMatch(/FAIL roc_auc fell by 0\.0\d+ \(95% CI/);
    expect(run.stdout).toMatch(/FAIL slice origin=[A-Z]{3} \(n=\d+\): roc_auc fell/);
  });

  it('writes each pull request report as markdown, as a self-contained HTML page and as the sticky comment of a local pull request', async () => {
    for (const pr of ['pr-1-add-weekday', 'pr-2-stronger-regularisation']) {
      expect(await readFile(join(dir, 'out', pr, 'report.md'), 'utf8')).toContain('| Metric | Baseline (');
      const html = await readFile(join(dir, 'out', pr, 'report.html'), 'utf8');
      expect(html).toMatch(/^<!doctype html>/);
      // The page inlines its chart library: nothing is fetched when it opens.
      expect(html).not.toMatch(/<script[^>]+src=/);
      expect(html).toContain('<script type="application/json" id="mlgate-charts">');
    }
    expect((await readdir(join(dir, 'out', 'comments'))).filter((f) => f.endsWith('.json'))).toHaveLength(2);
  });

  it('registers v1.0.0, promotes it, promotes the passing candidate as v1.1.0, and rolls back with one more tag', () => {
    const git = (...args: string[]) => execFileSync('git', args, { cwd: repo!, encoding: 'utf8' });
    const tags = git('for-each-ref', '--format=%(refname:short) %(objecttype)', 'refs/tags').trim().split('\n');
    // Annotated tags only, in GTO's grammar: two versions and three production assignments.
    expect(tags.sort()).toEqual([
      'flights-delay#production#1 tag',
      'flights-delay#production#2 tag',
      'flights-delay#production#3 tag',
      'flights-delay@v1.0.0 tag',
      'flights-delay@v1.1.0 tag',
    ]);
    // v1.1.0 is the merge of pull request #1 and carries its gate verdict as evidence.
    expect(git('rev-parse', 'flights-delay@v1.1.0^{commit}')).toBe(git('rev-parse', 'main'));
    const event = JSON.parse(git('tag', '-l', '--format=%(contents)', 'flights-delay@v1.1.0').trim());
    expect(event).toMatchObject({ schema: 'mlgate/registry-event@1', action: 'register', gate: { verdict: 'warn' } });
    // The rollback assigned production back to the commit of v1.0.0.
    expect(git('rev-parse', 'flights-delay#production#3^{commit}')).toBe(
      git('rev-parse', 'flights-delay@v1.0.0^{commit}'),
    );
    expect(run.stdout).toContain('promoted: flights-delay#production#2: production v1.0.0 -> v1.1.0');
    expect(run.stdout).toContain('ROLLBACK: flights-delay#production#3: production v1.1.0 -> v1.0.0');
    expect(run.stdout).toContain('production is now v1.0.0');
    // Pull requests were compared with the registry's production version, not a path.
    expect(run.stdout).toContain('vs baseline flights-delay@v1.0.0, 8000 paired flights');
  });

  it('finishes well within the two minutes the README promises', () => {
    const seconds = Number(/^Done in (\d+\.\d) s\.$/m.exec(run.stdout)?.[1]);
    expect(seconds).toBeLessThan(60);
  });
});
