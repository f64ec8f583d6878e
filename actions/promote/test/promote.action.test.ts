/**
 * actions/promote run as the runner runs it (the committed bundle, INPUT_* and GITHUB_* variables, the event
 * file), against FakeGitHub: the registry's tags, releases and deployments are GitHub's REST API there.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getOctokit } from '@actions/github';
import { readTagMessage, registryState } from '@mlgate/core';
import { readRegistrationEvidence, registerVersion, versionReleaseSpec } from '@mlgate/engine';
import { GitHubRegistryStore, GitHubReleasePublisher, memoryLogger } from '@mlgate/github';
import { FakeGitHub, runActionBundle, type ActionRun } from '@mlgate/testkit';

const TOKEN = 'ghs_promote_action_token';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('actions/promote run as the runner runs it', () => {
  let gh: FakeGitHub;
  let workspace: string;
  const repo = () => ({ owner: gh.owner, repo: gh.repo });

  beforeEach(async () => {
    gh = await FakeGitHub.start();
    gh.addToken(TOKEN, 'github-actions[bot]', { type: 'Bot' });
    workspace = await mkdtemp(join(tmpdir(), 'mlgate-promote-action-'));
  });
  afterEach(async () => {
    gh.assertNoViolations();
    await gh.close();
    await rm(workspace, { recursive: true, force: true });
  });

  /** A training run's files in `dir`: a model, metrics, predictions, and the manifest recording their digests. */
  async function trainingRun(dir: string, auc: number) {
    await mkdir(dir, { recursive: true });
    const files = {
      'model.pkl': `model trained to auc ${auc}\n`,
      'metrics.json': JSON.stringify({ auc }),
      'predictions.csv': 'id,label,score\n1,1,0.9\n2,0,0.2\n',
    };
    for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
    const entry = (path: keyof typeof files) => ({ path, sha256: sha256(files[path]), size: files[path].length });
    const manifest = {
      schema: 'mlgate/manifest@1',
      model: 'churn',
      fingerprint: sha256(String(auc)),
      cacheKey: `mlgate-train-churn-${sha256(String(auc))}`,
      command: 'python train.py',
      workingDirectory: '.',
      params: { 'params.yaml': { lr: auc } },
      deps: [],
      outs: [entry('model.pkl')],
      metrics: { auc },
      metricsFiles: [entry('metrics.json')],
      predictions: entry('predictions.csv'),
      git: { sha: null, ref: null, dirty: null },
      run: null,
      runtimes: { node: 'v24.0.0', os: { platform: 'linux', release: '6', arch: 'x64' } },
      startedAt: '2026-01-01T00:00:00Z',
      finishedAt: '2026-01-01T00:01:00Z',
      durationMs: 60000,
      cache: { enabled: false, hit: false },
    };
    await writeFile(join(dir, 'mlgate.manifest.json'), JSON.stringify(manifest));
  }

  async function gateReport(dir: string, status: 'pass' | 'warn' | 'fail') {
    const report = {
      schema: 'mlgate/report@1',
      createdAt: '2026-01-01T00:00:00Z',
      verdict: { status, summary: `churn: ${status}`, reasons: [] },
    };
    await writeFile(join(dir, 'report.json'), JSON.stringify(report));
  }

  /**
   * Registers `version` at a new commit with its evidence and release, in this process and without octokit's
   * write throttle: the same engine use cases the action's push mode calls, so the dispatch tests start fast.
   */
  async function seedVersion(version: string, verdict: 'pass' | 'fail', auc = 0.9): Promise<string> {
    const dir = join(workspace, 'runs', version);
    await trainingRun(dir, auc);
    await gateReport(dir, verdict);
    const commit = gh.state.git.addCommit({ parents: [gh.state.headSha], message: `train ${version}` }).sha;
    const octokit = getOctokit('ghs_seed', { baseUrl: gh.url });
    const evidence = await readRegistrationEvidence({
      manifest: 'mlgate.manifest.json',
      report: 'report.json',
      cwd: dir,
    });
    const recorded = await registerVersion(
      { model: 'churn', rev: commit, version, details: { actor: 'trainer', ...evidence.details } },
      { store: new GitHubRegistryStore(octokit, repo()) },
    );
    const spec = await versionReleaseSpec({ tag: recorded.tag, model: 'churn', version, evidence, workDir: dir });
    await new GitHubReleasePublisher(octokit, repo(), memoryLogger()).publish(spec);
    return commit;
  }

  function dispatch(inputs: Record<string, string>): Promise<ActionRun> {
    return runActionBundle({
      action: 'promote',
      inputs: { model: 'churn', ...inputs },
      env: { ...gh.env(TOKEN), GITHUB_ACTOR: 'ada', GITHUB_RUN_ID: '41' },
      githubToken: TOKEN,
      eventName: 'workflow_dispatch',
      event: { inputs },
      cwd: workspace,
      timeoutMs: 30_000,
    });
  }

  const errors = (run: ActionRun) => run.annotations.filter((a) => a.level === 'error').map((a) => a.message);
  const plain = (run: ActionRun) => run.summary.replace(/\\(.)/g, '$1');
  const state = async () =>
    registryState(
      'churn',
      await new GitHubRegistryStore(getOctokit('ghs_read', { baseUrl: gh.url }), repo()).listTags('churn'),
    );
  const tagMessage = (name: string) => {
    const ref = gh.state.git.refs.get(`refs/tags/${name}`);
    if (!ref) throw new Error(`no tag ${name}`);
    const tag = gh.state.git.tags.get(ref);
    if (!tag) throw new Error(`${name} is not an annotated tag`);
    return readTagMessage(tag.message);
  };
  const deploymentStates = (id: number) =>
    gh.state.deployments
      .statusesOf(id)
      .map((s) => s.state)
      .reverse();

  it('workflow_dispatch promotes a version with a pass verdict: the tag, a deployment that ends in success, the outputs', async () => {
    const commit = await seedVersion('v1.0.0', 'pass');

    const run = await dispatch({ version: 'v1.0.0', stage: 'production', reason: 'quarterly release' });

    expect(errors(run)).toEqual([]);
    expect(run.exitCode).toBe(0);
    expect(run.outputs).toMatchObject({
      result: 'promoted',
      tag: 'churn#production#1',
      version: 'v1.0.0',
      stage: 'production',
      'previous-version': '',
    });
    const message = tagMessage('churn#production#1');
    expect(message.kind === 'event' && message.event).toMatchObject({
      action: 'assign',
      actor: 'ada',
      reason: 'quarterly release',
      previous: { version: null, tag: null },
    });
    expect((await state()).stages.get('production')?.version.version).toBe('v1.0.0');
    const [deployment] = gh.state.deployments.list({});
    expect(deployment).toMatchObject({ sha: commit, environment: 'churn-production' });
    expect(String(deployment!.id)).toBe(run.outputs['deployment-id']);
    expect(deploymentStates(deployment!.id)).toEqual(['in_progress', 'success']);
    expect(plain(run)).toContain(
      'Promoted `churn@v1.0.0` to `production`: `churn#production#1`. `production` held nothing before.',
    );
    expect(run.hasUnclosedGroups).toBe(false);
  });

  it('refuses a version without a pass verdict, one ::error:: per reason, and its deployment ends in failure', async () => {
    await seedVersion('v1.0.0', 'fail');

    const run = await dispatch({ version: 'v1.0.0', stage: 'production' });

    expect(run.exitCode).toBe(1);
    expect(run.outputs.result).toBe('refused');
    expect(errors(run)).toEqual([
      "churn@v1.0.0's gate verdict is fail; stage production needs pass",
      'churn@v1.0.0 was refused for production',
    ]);
    expect(plain(run)).toContain('Refused: `churn@v1.0.0` cannot enter `production`:');
    expect(gh.state.git.refs.has('refs/tags/churn#production#1')).toBe(false);
    const [deployment] = gh.state.deployments.list({});
    expect(deploymentStates(deployment!.id)).toEqual(['in_progress', 'failure']);
  });

  it('force with a reason promotes past the missing evidence and records both in the tag', async () => {
    await seedVersion('v1.0.0', 'fail');

    const run = await dispatch({ version: 'v1.0.0', stage: 'production', force: 'true', reason: 'hotfix INC-42' });

    expect(run.exitCode).toBe(0);
    expect(run.outputs.result).toBe('promoted');
    const message = tagMessage(run.outputs.tag!);
    expect(message.kind === 'event' && message.event).toMatchObject({
      reason: 'hotfix INC-42',
      forced: {
        reason: 'hotfix INC-42',
        missing: ["churn@v1.0.0's gate verdict is fail; stage production needs pass"],
      },
    });
    expect(plain(run)).toContain('Forced past missing evidence');
  });

  it('force without a reason is one clear input error, before anything is written', async () => {
    await seedVersion('v1.0.0', 'fail');
    const writes = gh.requests.filter((r) => r.method !== 'GET').length;

    const run = await dispatch({ version: 'v1.0.0', stage: 'production', force: 'true' });

    expect(run.exitCode).toBe(1);
    expect(errors(run)).toEqual(['input "force" needs input "reason": the reason is recorded in the tag']);
    expect(gh.requests.filter((r) => r.method !== 'GET').length).toBe(writes);
  });

  it('a re-run creates nothing (no tag, no deployment) and reports the existing tag', async () => {
    await seedVersion('v1.0.0', 'pass');
    const first = await dispatch({ version: 'v1.0.0', stage: 'production' });
    const writes = gh.requests.filter((r) => r.method !== 'GET').length;

    const again = await dispatch({ version: 'v1.0.0', stage: 'production' });

    expect(again.exitCode).toBe(0);
    expect(again.outputs).toMatchObject({ result: 'unchanged', tag: first.outputs.tag, 'deployment-id': '' });
    expect(gh.requests.filter((r) => r.method !== 'GET').length).toBe(writes);
    expect(plain(again)).toContain(
      '`production` holds `churn@v1.0.0` already (`churn#production#1`); nothing written.',
    );
  });

  it('a rollback (an earlier version, here by `latest` and then by number) says what the stage held before', async () => {
    await seedVersion('v1.0.0', 'pass');
    await seedVersion('v1.1.0', 'pass', 0.91);
    const latest = await dispatch({ version: 'latest', stage: 'production' });
    expect(latest.outputs).toMatchObject({ result: 'promoted', version: 'v1.1.0', 'previous-version': '' });

    const back = await dispatch({ version: 'v1.0.0', stage: 'production', reason: 'v1.1.0 misbehaves' });

    expect(back.exitCode).toBe(0);
    expect(back.outputs).toMatchObject({
      result: 'promoted',
      tag: 'churn#production#2',
      version: 'v1.0.0',
      'previous-version': 'v1.1.0',
    });
    expect(plain(back)).toContain('`production` held `v1.1.0` before (`churn#production#1`).');
    const message = tagMessage('churn#production#2');
    expect(message.kind === 'event' && message.event.previous).toEqual({
      version: 'v1.1.0',
      tag: 'churn#production#1',
    });
    expect((await state()).stages.get('production')?.version.version).toBe('v1.0.0');
  });

  it('names the missing dispatch inputs and an unknown event in one line each', async () => {
    const missing = await dispatch({ stage: 'production' });
    expect(missing.exitCode).toBe(1);
    expect(errors(missing)).toEqual(['on workflow_dispatch, inputs "version" must be set']);

    const other = await runActionBundle({
      action: 'promote',
      inputs: { model: 'churn' },
      env: gh.env(TOKEN),
      githubToken: TOKEN,
      eventName: 'pull_request',
      cwd: workspace,
    });
    expect(errors(other)).toEqual([
      'promote runs on workflow_dispatch (assign), push (register) or issue_comment (chatops), not pull_request',
    ]);
  });
});
