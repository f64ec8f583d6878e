/**
 * The fork-safe flow, run as the runner runs it against FakeGitHub: the untrusted `pull_request` job from a fork
 * writes nothing through the API; the privileged `workflow_run` job publishes only the triggering run's artifact,
 * unpacked safely, validated, and bound to the pull request by the run's head SHA. `pull_request_target` is refused.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Report } from '@mlgate/core';
import { DEFAULT_EXTRACT_LIMITS, extractZip } from '@mlgate/github';
import {
  FakeGitHub,
  LocalActionsRuntime,
  buildZip,
  runActionBundle,
  type ActionRun,
  type ZipEntrySeed,
} from '@mlgate/testkit';

const BOT = 'github-actions[bot]';
const TOKEN = 'ghs_report_fork_token';
const FORK = 'mallory/churn';
const HEAD = 'f'.repeat(40);
const OTHER_HEAD = 'e'.repeat(40);

function report(summary: string, subject: Report['subject'] = {}): Report {
  return {
    schema: 'mlgate/report@1',
    createdAt: '2026-11-25T10:00:00Z',
    subject,
    verdict: { status: 'warn', summary, reasons: [{ rule: 'max_regression', status: 'warn', message: summary }] },
    comparisons: [
      {
        model: 'churn',
        baseline: { label: 'churn@v1.3.0' },
        candidate: { label: 'candidate' },
        confidence: 0.95,
        metrics: [
          {
            name: 'auc',
            direction: 'higher',
            baseline: 0.8,
            candidate: 0.79,
            delta: -0.01,
            relative: -0.0125,
            label: 'within-noise',
          },
        ],
      },
    ],
  };
}

const reportZip = (doc: unknown, extra: ZipEntrySeed[] = []) =>
  buildZip([{ name: 'report.json', data: JSON.stringify(doc) }, ...extra]);

/** The runner's artifact services (Twirp + Azurite): the fork's job uploads its report there. */
let runtime: LocalActionsRuntime;
beforeAll(async () => {
  runtime = await LocalActionsRuntime.start();
}, 60_000);
afterAll(async () => {
  await runtime?.close();
});

describe('actions/report on pull requests from forks', () => {
  let gh: FakeGitHub;
  let workspace: string;
  let forkPr: number;
  let decoyPr: number;

  beforeEach(async () => {
    gh = await FakeGitHub.start();
    gh.addToken(TOKEN, BOT, { type: 'Bot' });
    forkPr = gh.state.issues.addPull({ head: { ref: 'patch-1', sha: HEAD, repo: FORK } }).number;
    // Another open pull request, named by the artifact's report: it must never receive the comment.
    decoyPr = gh.state.issues.addPull({ head: { ref: 'feature', sha: OTHER_HEAD } }).number;
    workspace = await mkdtemp(join(tmpdir(), 'mlgate-report-fork-'));
  });
  afterEach(async () => {
    gh.assertNoViolations();
    await gh.close();
    await rm(workspace, { recursive: true, force: true });
  });

  const writes = () => gh.requestsMatching({}).filter((r) => r.method !== 'GET');
  const errors = (run: ActionRun) => run.annotations.filter((a) => a.level === 'error');

  /** The fork's finished `pull_request` run, before any artifact. */
  function triggeringRunWithout(headSha = HEAD) {
    return gh.state.actions.addRun({
      workflow: 'pr.yml',
      event: 'pull_request',
      headSha,
      headBranch: 'patch-1',
      headRepo: FORK,
      conclusion: 'success',
    });
  }

  /** The triggering `pull_request` run of the fork, finished, with `zip` as its report artifact. */
  function triggeringRun(zip: Buffer, headSha = HEAD) {
    const run = triggeringRunWithout(headSha);
    gh.state.actions.addArtifact(run.id, { name: 'mlgate-report', data: zip });
    return run;
  }

  function publish(run: { id: number; headSha: string }, options: { keepTempDir?: boolean } = {}) {
    return runActionBundle({
      action: 'report',
      inputs: {},
      env: { ...gh.env(TOKEN), GITHUB_RUN_ID: '9001' },
      githubToken: TOKEN,
      eventName: 'workflow_run',
      event: {
        action: 'completed',
        workflow_run: {
          id: run.id,
          head_sha: run.headSha,
          head_branch: 'patch-1',
          event: 'pull_request',
          head_repository: { full_name: FORK },
          // GitHub leaves this empty for forks; a filled one is not trusted either.
          pull_requests: [{ number: decoyPr }],
        },
        repository: { full_name: 'acme/churn' },
      },
      cwd: workspace,
      ...options,
    });
  }

  /** The fork's `pull_request` job, with the runner's artifact services bound to `runId`. */
  function forkJob(runId: number) {
    return runActionBundle({
      action: 'report',
      inputs: { report: 'report.json' },
      env: { ...gh.env(TOKEN), ...runtime.env({ runId }) },
      githubToken: TOKEN,
      eventName: 'pull_request',
      event: {
        number: forkPr,
        pull_request: { number: forkPr, head: { sha: HEAD, repo: { full_name: FORK } } },
        repository: { full_name: 'acme/churn' },
      },
      cwd: workspace,
    });
  }

  it('makes no write call in the pull_request job of a fork: job summary and the report as an artifact', async () => {
    const doc = report('from the fork', { sha: HEAD });
    await writeFile(join(workspace, 'report.json'), JSON.stringify(doc));
    const run = await forkJob(4242);

    expect(errors(run)).toEqual([]);
    expect(writes()).toEqual([]);
    expect(run.summary).toContain('from the fork');
    expect(run.outputs['comment-action']).toBe('skipped');
    expect(run.stdout).toContain('Pull request from a fork: the token is read-only, so nothing is posted.');
    const artifact = runtime.artifacts.find((a) => a.id === Number(run.outputs['artifact-id']));
    expect(artifact?.name).toBe('mlgate-report');
    const dir = await mkdtemp(join(workspace, 'unpacked-'));
    await extractZip(await runtime.artifactZip(artifact!.id), dir, DEFAULT_EXTRACT_LIMITS);
    expect((await readdir(dir)).sort()).toEqual(['report.json', 'report.md']);
    expect(JSON.parse(await readFile(join(dir, 'report.json'), 'utf8'))).toEqual(doc);
  });

  it('publishes what the fork job uploaded: the two workflows end to end', async () => {
    await writeFile(join(workspace, 'report.json'), JSON.stringify(report('round trip', { sha: HEAD })));
    const forkRun = triggeringRunWithout();
    const job = await forkJob(forkRun.id);
    expect(errors(job)).toEqual([]);
    const artifact = runtime.artifacts.find((a) => a.id === Number(job.outputs['artifact-id']))!;
    gh.state.actions.addArtifact(forkRun.id, { name: artifact.name, data: await runtime.artifactZip(artifact.id) });

    const published = await publish(forkRun);

    expect(errors(published)).toEqual([]);
    expect(JSON.parse(published.outputs['pull-requests'] ?? '')).toEqual([forkPr]);
    expect(gh.state.issues.commentsOn(forkPr).map((c) => c.body)).toEqual([expect.stringContaining('round trip')]);
  });

  it('publishes the triggering run’s artifact on the pull request whose head that run built', async () => {
    // The report claims another pull request; the binding comes from the run's head SHA only.
    const run = triggeringRun(reportZip(report('fork report', { pullRequest: decoyPr, sha: HEAD })));
    // A newer run of another head with its own artifact: it is not the triggering run, so it is never read.
    triggeringRun(reportZip(report('not this one')), OTHER_HEAD);

    const published = await publish(run);

    expect(errors(published)).toEqual([]);
    expect(JSON.parse(published.outputs['pull-requests'] ?? '')).toEqual([forkPr]);
    const comments = gh.state.issues.commentsOn(forkPr);
    expect(comments).toHaveLength(1);
    expect(comments[0]?.body).toContain('fork report');
    expect(comments[0]?.body).toContain(`<!-- mlgate:revision:${run.id} -->`);
    expect(gh.state.issues.commentsOn(decoyPr)).toEqual([]);
    const checks = [...gh.state.checks.runs.values()];
    expect(checks.map((c) => [c.name, c.headSha, c.conclusion])).toEqual([['mlgate / churn', HEAD, 'neutral']]);
    const downloads = gh.requestsMatching({ operationId: 'actions/list-workflow-run-artifacts' });
    expect(downloads.map((r) => r.path)).toEqual([`/repos/acme/churn/actions/runs/${run.id}/artifacts`]);
  });

  it('posts nothing when no open pull request has that head any more (a newer push publishes instead)', async () => {
    // The fork's pull request that this run built was merged since.
    const stale = 'd'.repeat(40);
    gh.state.issues.addPull({ head: { ref: 'patch-0', sha: stale, repo: FORK }, merged: true });
    const run = triggeringRun(reportZip(report('stale')), stale);

    const published = await publish(run);

    expect(errors(published)).toEqual([]);
    expect(published.outputs['pull-requests']).toBe('[]');
    expect(gh.requestsMatching({ operationId: 'issues/create-comment' })).toEqual([]);
  });

  const slipName = `mlgate-slip-${randomUUID()}.txt`;
  it.each<[string, () => Buffer, RegExp]>([
    [
      'zip-slip',
      () => reportZip(report('x'), [{ name: `../../${slipName}`, data: 'pwned' }]),
      /outside|invalid relative path/,
    ],
    ['an absolute path', () => reportZip(report('x'), [{ name: `/tmp/${slipName}`, data: 'pwned' }]), /absolute path/],
    [
      'a symbolic link',
      () => buildZip([{ name: 'report.json', data: '/etc/passwd', method: 0, unixMode: 0o120777 }]),
      /symbolic link/,
    ],
    [
      'a bomb',
      () => reportZip(report('x'), [{ name: 'padding.bin', data: Buffer.alloc(40 * 1024 ** 2), declaredSize: 100 }]),
      /inflates beyond its limit|too many bytes/,
    ],
  ])(
    'rejects an archive with %s, naming the problem, writing nothing outside its folder',
    async (_kind, zip, problem) => {
      const run = triggeringRun(zip());

      const published = await publish(run, { keepTempDir: true });

      expect(published.exitCode).toBe(1);
      const [error, ...more] = errors(published);
      expect(more).toEqual([]);
      expect(error?.message).toMatch(/^artifact "mlgate-report" of run \d+ cannot be unpacked: /);
      expect(error?.message).toMatch(problem);
      expect(writes()).toEqual([]);
      const temp = published.tempDir ?? '';
      expect(existsSync(join(dirname(temp), slipName))).toBe(false);
      expect(existsSync(join('/tmp', slipName))).toBe(false);
      // The unsafe extraction folder is removed, and nothing else was left in the runner's temp folder.
      const left = (await readdir(temp, { recursive: true })).filter((name) => name.includes('mlgate-artifact'));
      expect(left).toEqual([]);
      await rm(temp, { recursive: true, force: true });
    },
  );

  it('rejects an artifact whose report does not match the schema, naming the file and the path', async () => {
    const bad = { ...report('x'), verdict: { status: 'great', summary: 'x', reasons: [] } };
    const run = triggeringRun(reportZip(bad));

    const published = await publish(run);

    expect(published.exitCode).toBe(1);
    expect(errors(published).map((e) => e.message)).toEqual([
      expect.stringMatching(/^artifact "mlgate-report" of run \d+: report\.json.*\$\.verdict\.status/),
    ]);
    expect(writes()).toEqual([]);
  });

  it('rejects a report about another commit than the triggering run built', async () => {
    const run = triggeringRun(reportZip(report('x', { sha: OTHER_HEAD })));

    const published = await publish(run);

    expect(published.exitCode).toBe(1);
    expect(errors(published)[0]?.message).toMatch(/reports on commit eeeeeeeeeeee, but the run built ffffffffffff/);
    expect(writes()).toEqual([]);
  });

  it('refuses pull_request_target unless allowed, before any API call', async () => {
    await writeFile(join(workspace, 'report.json'), JSON.stringify(report('target')));
    const event = {
      number: forkPr,
      pull_request: { number: forkPr, head: { sha: HEAD, repo: { full_name: FORK } } },
      repository: { full_name: 'acme/churn' },
    };
    const target = (inputs: Record<string, string>) =>
      runActionBundle({
        action: 'report',
        inputs: { report: 'report.json', ...inputs },
        env: gh.env(TOKEN),
        githubToken: TOKEN,
        eventName: 'pull_request_target',
        event,
        cwd: workspace,
      });

    const refused = await target({});
    expect(refused.exitCode).toBe(1);
    expect(errors(refused)[0]?.message).toMatch(/^refusing to run on pull_request_target/);
    expect(gh.requestsMatching({})).toEqual([]);

    const allowed = await target({ 'allow-pull-request-target': 'true' });
    expect(errors(allowed)).toEqual([]);
    expect(gh.state.issues.commentsOn(forkPr)).toHaveLength(1);
  });
});
