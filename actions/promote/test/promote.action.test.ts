/**
 * actions/promote run as the runner runs it (the committed bundle, INPUT_* and GITHUB_* variables, the event
 * file), against FakeGitHub: the registry's tags, releases and deployments are GitHub's REST API there.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getOctokit } from '@actions/github';
import { readTagMessage, registryState } from '@mlgate/core';
import { readRegistrationEvidence, registerVersion, versionReleaseSpec } from '@mlgate/engine';
import { GitHubRegistryStore, GitHubReleasePublisher, memoryLogger } from '@mlgate/github';
import { FakeGitHub, runActionBundle, type ActionRun } from '@mlgate/testkit';

const TOKEN = 'ghs_promote_action_token';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const readText = (path: string) => readFile(path, 'utf8');

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
    // Whatever the mode and however a run ends, no request moves or deletes a ref: registry writes are create-only.
    expect(gh.requestsMatching({ operationId: 'git/update-ref' })).toEqual([]);
    expect(gh.requestsMatching({ operationId: 'git/delete-ref' })).toEqual([]);
    gh.assertNoViolations();
    await gh.close();
    await rm(workspace, { recursive: true, force: true });
  });

  /**
   * A training run's files in `dir`: a model, metrics, predictions, and the manifest recording their digests.
   * `workingDirectory` is what train records: the folder it ran in, relative to the repository root.
   */
  async function trainingRun(
    dir: string,
    auc: number,
    workingDirectory = '.',
    predictions = 'id,label,score\n1,1,0.9\n2,0,0.2\n',
  ) {
    await mkdir(dir, { recursive: true });
    const files = {
      'model.pkl': `model trained to auc ${auc}\n`,
      'metrics.json': JSON.stringify({ auc }),
      'predictions.csv': predictions,
    };
    for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
    const entry = (path: keyof typeof files) => ({ path, sha256: sha256(files[path]), size: files[path].length });
    const manifest = {
      schema: 'mlgate/manifest@1',
      model: 'churn',
      fingerprint: sha256(String(auc)),
      cacheKey: `mlgate-train-churn-${sha256(String(auc))}`,
      command: 'python train.py',
      workingDirectory,
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
  async function seedVersion(
    version: string,
    verdict: 'pass' | 'warn' | 'fail',
    auc = 0.9,
    predictions?: string,
  ): Promise<string> {
    const dir = join(workspace, 'runs', version);
    await trainingRun(dir, auc, '.', predictions);
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

  it('a promotion that breaks half-way (the tag write refused after the deployment started) still ends its deployment, in error; a re-run completes it', async () => {
    const commit = await seedVersion('v1.0.0', 'pass');
    // The token can deploy but not push tags (a workflow granting `deployments: write` without `contents: write`).
    const refused = gh.fail({
      operationId: 'git/create-ref',
      status: 403,
      body: { message: 'Resource not accessible by integration' },
      times: Infinity,
    });

    const run = await dispatch({ version: 'v1.0.0', stage: 'production' });

    expect(run.exitCode).toBe(1);
    expect(errors(run).join('\n')).toContain('Resource not accessible by integration');
    expect(refused.hits).toBe(1);
    expect(gh.state.git.refs.has('refs/tags/churn#production#1')).toBe(false);
    const [broken] = gh.state.deployments.list({});
    expect(broken).toMatchObject({ sha: commit, environment: 'churn-production' });
    expect(deploymentStates(broken!.id)).toEqual(['in_progress', 'error']);

    refused.cancel();
    const again = await dispatch({ version: 'v1.0.0', stage: 'production' });

    expect(again.exitCode).toBe(0);
    expect(again.outputs).toMatchObject({ result: 'promoted', tag: 'churn#production#1' });
    const [fixed] = gh.state.deployments.list({});
    expect(fixed!.id).not.toBe(broken!.id);
    expect(deploymentStates(fixed!.id)).toEqual(['in_progress', 'success']);
  });

  it('a deployment whose in-progress status GitHub refused still ends in error, and nothing is promoted', async () => {
    await seedVersion('v1.0.0', 'pass');
    gh.fail({ operationId: 'repos/create-deployment-status', status: 422, times: 1 });

    const run = await dispatch({ version: 'v1.0.0', stage: 'production' });

    expect(run.exitCode).toBe(1);
    const [deployment] = gh.state.deployments.list({});
    expect(deploymentStates(deployment!.id)).toEqual(['error']);
    expect(gh.state.git.refs.has('refs/tags/churn#production#1')).toBe(false);
  });

  it('takes a warn verdict where the stage allows it, and lists every missing piece of evidence', async () => {
    await writeFile(
      join(workspace, 'mlgate.yml'),
      [
        'version: 1',
        'models:',
        '  churn:',
        '    predictions: predictions.csv',
        '    stages:',
        '      staging: { allow_warn: true }',
      ].join('\n'),
    );
    await seedVersion('v1.0.0', 'warn');
    // Registered with no evidence at all, and no release.
    const bare = gh.state.git.addCommit({ parents: [gh.state.headSha], message: 'untracked training' }).sha;
    await registerVersion(
      { model: 'churn', rev: bare, version: 'v2.0.0', details: { actor: 'someone' } },
      { store: new GitHubRegistryStore(getOctokit('ghs_seed', { baseUrl: gh.url }), repo()) },
    );

    const staging = await dispatch({ version: 'v1.0.0', stage: 'staging' });
    expect(errors(staging)).toEqual([]);
    expect(staging.outputs).toMatchObject({ result: 'promoted', tag: 'churn#staging#1' });

    const production = await dispatch({ version: 'v1.0.0', stage: 'production' });
    expect(production.exitCode).toBe(1);
    expect(errors(production)).toEqual([
      "churn@v1.0.0's gate verdict is warn; stage production needs pass",
      'churn@v1.0.0 was refused for production',
    ]);

    const unproven = await dispatch({ version: 'v2.0.0', stage: 'staging' });
    expect(unproven.exitCode).toBe(1);
    expect(errors(unproven)).toEqual([
      'churn@v2.0.0 records no gate verdict',
      'churn@v2.0.0 records no manifest digest',
      'churn@v2.0.0 was refused for staging',
    ]);
    expect((await state()).stages.get('staging')?.version.version).toBe('v1.0.0');
  });

  it('refuses a version whose released manifest is not the one its tag recorded', async () => {
    await seedVersion('v1.0.0', 'pass');
    const [release] = gh.state.releases.list();
    const manifest = gh.state.releases.assetsOf(release!.id).find((a) => a.name === 'mlgate.manifest.json')!;
    manifest.data = Buffer.from('{"tampered": true}');

    const run = await dispatch({ version: 'v1.0.0', stage: 'production' });

    expect(run.exitCode).toBe(1);
    expect(errors(run)).toEqual([
      expect.stringMatching(
        /^churn@v1\.0\.0's stored manifest \(.*mlgate\.manifest\.json\) has sha256 [0-9a-f]{12}…, not the recorded [0-9a-f]{12}…$/,
      ),
      'churn@v1.0.0 was refused for production',
    ]);
    expect(gh.state.git.refs.has('refs/tags/churn#production#1')).toBe(false);
  });

  it('with require_better_than_current, refuses a version significantly worse than the current one on the stored predictions, and passes one that is not worse', async () => {
    await writeFile(
      join(workspace, 'mlgate.yml'),
      [
        'version: 1',
        'models:',
        '  churn:',
        '    predictions: predictions.csv',
        '    stages:',
        '      production: { require_better_than_current: true }',
        'gate:',
        '  bootstrap: { resamples: 300, seed: 7 }',
      ].join('\n'),
    );
    // 300 examples: v1.0.0 and v1.2.0 rank them well (each with its own noise), v1.1.0 at random; seeded.
    let seed = 11;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const labels = Array.from({ length: 300 }, (_, i) => i % 2);
    const predictions = (score: (label: number) => number) =>
      ['id,label,score', ...labels.map((label, i) => `${i},${label},${score(label).toFixed(4)}`)].join('\n') + '\n';
    const good = () => predictions((label) => label * 0.6 + random() * 0.4);
    await seedVersion('v1.0.0', 'pass', 0.9, good());
    await seedVersion(
      'v1.1.0',
      'pass',
      0.5,
      predictions(() => random()),
    );
    await seedVersion('v1.2.0', 'pass', 0.9, good());
    expect((await dispatch({ version: 'v1.0.0', stage: 'production' })).exitCode).toBe(0);

    const worse = await dispatch({ version: 'v1.1.0', stage: 'production' });

    expect(worse.exitCode).toBe(1);
    expect(worse.outputs.result).toBe('refused');
    expect(errors(worse)).toContainEqual(
      expect.stringMatching(/^churn@v1\.1\.0 is significantly worse than churn@v1\.0\.0 on roc_auc \(interval -/),
    );
    expect((await state()).stages.get('production')?.version.version).toBe('v1.0.0');

    const comparable = await dispatch({ version: 'v1.2.0', stage: 'production' });

    expect(errors(comparable)).toEqual([]);
    expect(comparable.outputs).toMatchObject({ result: 'promoted', 'previous-version': 'v1.0.0' });
  }, 60_000);

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
  describe('on push', () => {
    const PUSH_TIMEOUT = 120_000;

    /** The training run's files under `run/` (trained with `working-directory: run`), and the pushed commit. */
    async function trained(verdict: 'pass' | 'fail'): Promise<string> {
      await trainingRun(join(workspace, 'run'), 0.9, 'run');
      await gateReport(join(workspace, 'run'), verdict);
      return gh.state.git.addCommit({ parents: [gh.state.headSha], message: 'train on main' }).sha;
    }

    function push(commit: string, inputs: Record<string, string> = {}, ref = 'refs/heads/main'): Promise<ActionRun> {
      return runActionBundle({
        action: 'promote',
        inputs: { model: 'churn', manifest: 'run/mlgate.manifest.json', report: 'run/report.json', ...inputs },
        env: { ...gh.env(TOKEN), GITHUB_ACTOR: 'ada', GITHUB_RUN_ID: '42' },
        githubToken: TOKEN,
        eventName: 'push',
        event: { ref, after: commit, repository: { default_branch: 'main' } },
        cwd: workspace,
        timeoutMs: 90_000,
      });
    }

    const writes = () =>
      gh.requests
        .filter((r) => r.method !== 'GET')
        .map((r) => {
          const body = r.body as { draft?: boolean; state?: string } | undefined;
          const detail = r.operationId === 'repos/create-deployment-status' ? body?.state : body?.draft;
          return detail === undefined ? r.operationId : `${r.operationId} ${String(detail)}`;
        });

    it(
      'registers the pushed commit, releases it draft → assets (digests checked) → published, assigns staging; a re-run writes nothing',
      async () => {
        const commit = await trained('pass');
        await writeFile(
          join(workspace, 'mlgate.yml'),
          [
            'version: 1',
            'models:',
            '  churn:',
            '    predictions: predictions.csv',
            '    card:',
            '      intended_use: Ranks customers by churn risk for the retention team.',
          ].join('\n'),
        );

        const run = await push(commit);

        expect(errors(run)).toEqual([]);
        expect(run.exitCode).toBe(0);
        expect(run.outputs).toMatchObject({
          result: 'promoted',
          tag: 'churn#staging#1',
          version: 'v0.0.1',
          stage: 'staging',
          'previous-version': '',
          'release-url': expect.stringMatching(
            /^https:\/\/github\.com\/acme\/churn\/releases\/tag\/churn(@|%40)v0\.0\.1$/,
          ),
        });
        const registered = tagMessage('churn@v0.0.1');
        expect(registered.kind === 'event' && registered.event).toMatchObject({
          action: 'register',
          actor: 'ada',
          manifest: { digest: sha256(await readText(join(workspace, 'run', 'mlgate.manifest.json'))) },
          gate: { verdict: 'pass' },
        });
        expect((await state()).versions.map((v) => [v.version, v.commit])).toEqual([['v0.0.1', commit]]);
        expect((await state()).stages.get('staging')?.version.version).toBe('v0.0.1');
        // The order a run leaves things in: the version's tag, its release as a draft, every asset, the release
        // published; then the staging assignment inside its deployment.
        expect(writes()).toEqual([
          'git/create-tag',
          'git/create-ref',
          'repos/create-release true',
          ...Array(6).fill('repos/upload-release-asset'),
          'repos/update-release false',
          'repos/create-deployment',
          'repos/create-deployment-status in_progress',
          'git/create-tag',
          'git/create-ref',
          'repos/create-deployment-status success',
        ]);
        const [release] = gh.state.releases.list();
        expect(release).toMatchObject({ tagName: 'churn@v0.0.1', draft: false });
        const assets = gh.state.releases.assetsOf(release!.id);
        expect(Object.fromEntries(assets.map((a) => [a.name, a.digest]))).toMatchObject({
          'model.pkl': `sha256:${sha256('model trained to auc 0.9\n')}`,
          'metrics.json': `sha256:${sha256(JSON.stringify({ auc: 0.9 }))}`,
          'predictions.csv': `sha256:${sha256('id,label,score\n1,1,0.9\n2,0,0.2\n')}`,
          'mlgate.manifest.json': expect.stringMatching(/^sha256:/),
          'report.json': expect.stringMatching(/^sha256:/),
          'MODEL_CARD.md': expect.stringMatching(/^sha256:/),
        });
        // The model card: the intended use from the config, and the lineage of the files released.
        const card = assets
          .find((a) => a.name === 'MODEL_CARD.md')!
          .data.toString('utf8')
          .replace(/\\(.)/g, '$1');
        expect(card).toContain('Ranks customers by churn risk for the retention team.');
        expect(card).toContain('python train.py');
        expect(card).toContain(sha256('model trained to auc 0.9\n'));
        const [deployment] = gh.state.deployments.list({});
        expect(deployment).toMatchObject({ sha: commit, environment: 'churn-staging' });
        expect(deploymentStates(deployment!.id)).toEqual(['in_progress', 'success']);
        expect(plain(run)).toContain('Registered `churn@v0.0.1`.');

        const before = gh.requests.length;
        const again = await push(commit);

        expect(again.exitCode).toBe(0);
        expect(again.outputs).toMatchObject({ result: 'unchanged', tag: 'churn#staging#1', version: 'v0.0.1' });
        expect(gh.requests.slice(before).filter((r) => r.method !== 'GET')).toEqual([]);
        expect(gh.state.releases.list()).toHaveLength(1);
        expect(gh.state.deployments.list({})).toHaveLength(1);
        expect(plain(again)).toContain('Registered `churn@v0.0.1` (already).');
        expect(plain(again)).toContain('Release `churn@v0.0.1`: unchanged, 6 assets.');
      },
      PUSH_TIMEOUT,
    );

    it(
      'a push interrupted while uploading the release is completed by the re-run: the same tag, the same release, then staging',
      async () => {
        const commit = await trained('pass');
        gh.fail({ operationId: 'repos/upload-release-asset', status: 403, times: 1 });

        const interrupted = await push(commit);

        expect(interrupted.exitCode).toBe(1);
        expect(gh.state.releases.list()).toMatchObject([{ tagName: 'churn@v0.0.1', draft: true }]);
        expect((await state()).stages.size).toBe(0);

        const rerun = await push(commit);

        expect(errors(rerun)).toEqual([]);
        expect(rerun.outputs).toMatchObject({ result: 'promoted', tag: 'churn#staging#1', version: 'v0.0.1' });
        expect(plain(rerun)).toContain('Registered `churn@v0.0.1` (already).');
        expect(plain(rerun)).toContain('Release `churn@v0.0.1`: completed, 6 assets.');
        const [release] = gh.state.releases.list();
        expect(gh.state.releases.list()).toHaveLength(1);
        expect(release).toMatchObject({ draft: false });
        expect(gh.state.releases.assetsOf(release!.id)).toHaveLength(6);
        expect((await state()).versions).toHaveLength(1);
      },
      PUSH_TIMEOUT,
    );

    it('refuses a model file that changed after training, before anything is written', async () => {
      const commit = await trained('pass');
      await writeFile(join(workspace, 'run', 'model.pkl'), 'swapped after training\n');

      const run = await push(commit);

      expect(run.exitCode).toBe(1);
      expect(errors(run)).toEqual([
        `run/mlgate.manifest.json: run/model.pkl has sha256 ${sha256('swapped after training\n')}, but the manifest ` +
          `recorded ${sha256('model trained to auc 0.9\n')}: the file changed after training, so it is not the ` +
          'model trained; nothing was registered',
      ]);
      expect(writes()).toEqual([]);
      expect([...gh.state.git.refs.keys()].filter((ref) => ref.startsWith('refs/tags/'))).toEqual([]);
    });

    it(
      'registers a version whose gate failed, with its verdict and release, but assigns nothing and says why',
      async () => {
        const commit = await trained('fail');

        const run = await push(commit);

        expect(errors(run)).toEqual([]);
        expect(run.exitCode).toBe(0);
        expect(run.outputs).toMatchObject({ result: 'registered', tag: 'churn@v0.0.1', stage: '' });
        const registered = tagMessage('churn@v0.0.1');
        expect(registered.kind === 'event' && registered.event.gate?.verdict).toBe('fail');
        expect(plain(run)).toContain('Not assigned to `staging`: the gate verdict is `fail`.');
        expect((await state()).stages.size).toBe(0);
        expect(gh.state.deployments.list({})).toEqual([]);
        expect(gh.state.releases.list()).toMatchObject([{ tagName: 'churn@v0.0.1', draft: false }]);
      },
      PUSH_TIMEOUT,
    );

    it('does nothing on a push to another branch', async () => {
      const commit = await trained('pass');

      const run = await push(commit, {}, 'refs/heads/feature/x');

      expect(run.exitCode).toBe(0);
      expect(run.outputs).toEqual({});
      expect(run.stdout).toContain('A push to feature/x, not the default branch: nothing is registered.');
      expect(gh.requests).toEqual([]);
    });

    it('fails as a configuration error, before registering, when the stage to assign is not configured', async () => {
      const commit = await trained('pass');
      await writeFile(join(workspace, 'mlgate.yml'), 'version: 1\nregistry:\n  stages: [qa, production]\n');

      const run = await push(commit);

      expect(run.exitCode).toBe(1);
      expect(errors(run)).toEqual([
        'mlgate.yml: registry.stages: stage "staging" (assigned on push when the gate passes) is not a configured ' +
          'stage (qa, production): set the `stage` input, or add it to registry.stages; nothing was registered',
      ]);
      expect(writes()).toEqual([]);
    });
  });
  describe('on issue_comment (chatops)', () => {
    const CHATOPS_TIMEOUT = 90_000;

    /** A comment on `issue` by `author` in an `issue_comment` event whose actor is `actor` (another person). */
    function comment(
      body: string,
      options: { issue: number; author: string; actor?: string; action?: string; pullRequest?: boolean; at?: Date },
    ): Promise<ActionRun> {
      const { issue, author, actor = 'mallory', action = 'created', pullRequest = false, at = new Date() } = options;
      const commentId = 9000 + issue;
      return runActionBundle({
        action: 'promote',
        inputs: {},
        env: { ...gh.env(TOKEN), GITHUB_ACTOR: actor, GITHUB_RUN_ID: '43' },
        githubToken: TOKEN,
        eventName: 'issue_comment',
        event: {
          action,
          issue: {
            number: issue,
            ...(pullRequest && { pull_request: { url: `${gh.url}/repos/acme/churn/pulls/${issue}` } }),
          },
          comment: {
            id: commentId,
            body,
            user: { login: author, type: 'User' },
            html_url: `https://github.com/acme/churn/issues/${issue}#issuecomment-${commentId}`,
            created_at: at.toISOString(),
          },
          sender: { login: actor, type: 'User' },
        },
        cwd: workspace,
        timeoutMs: 60_000,
      });
    }

    /** The replies on `issue` as plain text: escaping undone, and the zero-width spaces that defuse @ and #. */
    const replies = (issue: number) =>
      [...gh.state.issues.comments.values()]
        .filter((c) => c.issueNumber === issue)
        .map((c) => c.body.replace(/&#8203;/g, '').replace(/\\(.)/g, '$1'));
    const permissionLookups = () =>
      gh.requestsMatching({ operationId: 'repos/get-collaborator-permission-level' }).map((r) => r.canonicalPath);
    const stageTags = () => [...gh.state.git.refs.keys()].filter((ref) => ref.startsWith('refs/tags/churn#'));

    it(
      "promotes for a commenter with write permission (the comment's author, asked of the API) and replies with what the stage held before",
      async () => {
        await seedVersion('v1.0.0', 'pass');
        await seedVersion('v1.1.0', 'pass', 0.91);
        gh.state.setPermission('ada', 'write');
        gh.state.setPermission('mallory', 'read');
        const { number } = gh.state.issues.addIssue({ title: 'Release churn' });

        const first = await comment('/mlgate promote churn@v1.1.0 production', { issue: number, author: 'ada' });
        expect(errors(first)).toEqual([]);
        expect(first.outputs).toMatchObject({ result: 'promoted', tag: 'churn#production#1', version: 'v1.1.0' });

        // A rollback by command: the reply says what production held.
        const back = await comment('  /mlgate promote churn@v1.0.0 production\n', { issue: number, author: 'ada' });

        expect(back.exitCode).toBe(0);
        expect(back.outputs).toMatchObject({
          result: 'promoted',
          tag: 'churn#production#2',
          version: 'v1.0.0',
          'previous-version': 'v1.1.0',
        });
        expect(permissionLookups()).toEqual([
          '/repos/acme/churn/collaborators/ada/permission',
          '/repos/acme/churn/collaborators/ada/permission',
        ]);
        const [, reply] = replies(number);
        expect(reply).toContain(
          'Promoted `churn@v1.0.0` to `production`: `churn#production#2`. `production` held `v1.1.0` before (`churn#production#1`).',
        );
        const message = tagMessage('churn#production#2');
        expect(message.kind === 'event' && message.event).toMatchObject({
          actor: 'ada',
          reason: expect.stringContaining(`promote in issue #${number}`),
        });
        const deployments = gh.state.deployments.list({ environment: 'churn-production' });
        // Newest first; GitHub marks the deployment replaced by the rollback inactive.
        expect(deployments.map((d) => deploymentStates(d.id))).toEqual([
          ['in_progress', 'success'],
          ['in_progress', 'success', 'inactive'],
        ]);
      },
      CHATOPS_TIMEOUT,
    );

    it('refuses a commenter with read permission, though the actor is an admin: the reply says so, nothing is written', async () => {
      await seedVersion('v1.0.0', 'pass');
      gh.state.setPermission('rita', 'read');
      gh.state.setPermission('mallory', 'admin');
      const { number } = gh.state.issues.addIssue({});

      const run = await comment('/mlgate promote churn@v1.0.0 production', { issue: number, author: 'rita' });

      expect(run.exitCode).toBe(1);
      expect(run.outputs.result).toBe('refused');
      expect(permissionLookups()).toEqual(['/repos/acme/churn/collaborators/rita/permission']);
      expect(replies(number)).toEqual([
        expect.stringContaining(
          'Refused: `churn@v1.0.0` cannot enter `production`:\n\n- the commenter has read permission on the repository; promoting takes write (or admin)\n',
        ),
      ]);
      expect(replies(number)[0]).not.toContain('force');
      expect(stageTags()).toEqual([]);
      expect(gh.state.deployments.list({})).toEqual([]);
    });

    it('does nothing for an edited comment, even one that now reads as a command', async () => {
      await seedVersion('v1.0.0', 'pass');
      gh.state.setPermission('ada', 'write');
      const { number } = gh.state.issues.addIssue({});
      const before = gh.requests.length;

      const run = await comment('/mlgate promote churn@v1.0.0 production', {
        issue: number,
        author: 'ada',
        action: 'edited',
      });

      expect(run.exitCode).toBe(0);
      expect(run.outputs).toEqual({});
      expect(run.stdout).toContain('The comment was edited, not created: only new comments are commands.');
      expect(gh.requests.slice(before)).toEqual([]);
      expect(replies(number)).toEqual([]);
    });

    it.each([
      ['a second line', '/mlgate promote churn@v1.0.0 production\n<img src=x onerror=alert(1)>'],
      ['a trailing word', '/mlgate promote churn@v1.0.0 production $(curl evil.example)'],
      ['another verb', '/mlgate deploy-everything churn@v1.0.0 production'],
      ['a look-alike character', '/mlgate promote churn@v1.0.0 prоduction'],
    ])(
      'refuses a comment outside the grammar (%s) without echoing it, before asking for permissions',
      async (_, body) => {
        gh.state.setPermission('ada', 'write');
        const { number } = gh.state.issues.addIssue({});

        const run = await comment(body, { issue: number, author: 'ada' });

        expect(run.exitCode).toBe(1);
        expect(run.outputs.result).toBe('refused');
        const [reply] = replies(number);
        expect(reply).toContain('Refused the comment:');
        expect(reply).toContain('not a command mlgate takes');
        expect(reply).not.toContain('force');
        expect(reply).toContain('`/mlgate promote <model>@<version> <stage>`');
        for (const part of ['onerror', 'curl', 'evil', 'deploy-everything', 'prоduction']) {
          expect(reply).not.toContain(part);
          expect(run.summary).not.toContain(part);
          expect(run.stdout).not.toContain(part);
        }
        expect(permissionLookups()).toEqual([]);
        expect(stageTags()).toEqual([]);
      },
    );

    it('replies also when the version or the stage does not exist, and when the promotion breaks half-way', async () => {
      await seedVersion('v1.0.0', 'pass');
      gh.state.setPermission('ada', 'write');
      const { number } = gh.state.issues.addIssue({});

      const unknown = await comment('/mlgate promote churn@v9.9.9 production', { issue: number, author: 'ada' });
      expect(unknown.exitCode).toBe(1);
      const stageless = await comment('/mlgate promote churn@v1.0.0 prod', { issue: number, author: 'ada' });
      expect(stageless.exitCode).toBe(1);
      gh.fail({ operationId: 'git/create-ref', status: 403, times: Infinity });
      const broken = await comment('/mlgate promote churn@v1.0.0 production', { issue: number, author: 'ada' });
      expect(broken.exitCode).toBe(1);

      const [first, second, third] = replies(number);
      expect(first).toContain('- churn@v9.9.9 is not registered');
      expect(second).toContain('- stage "prod" is not one of the configured stages (staging, production)');
      expect(third).toContain(
        'The promotion of `churn@v1.0.0` to `production` failed before it finished. See the run: https://github.com/acme/churn/actions/runs/43',
      );
      expect(stageTags()).toEqual([]);
      const [deployment] = gh.state.deployments.list({});
      expect(deploymentStates(deployment!.id)).toEqual(['in_progress', 'error']);
    });

    it(
      'binds the command to its commit: on a pull request, a version registered at the head promotes, one registered elsewhere or after the comment is refused',
      async () => {
        const head = await seedVersion('v1.0.0', 'pass');
        const other = await seedVersion('v1.1.0', 'pass', 0.91);
        gh.state.setPermission('ada', 'write');
        const pull = gh.state.issues.addPull({ head: { ref: 'train-v1', sha: head } });
        const number = pull.number;

        const elsewhere = await comment('/mlgate promote churn@v1.1.0 staging', {
          issue: number,
          author: 'ada',
          pullRequest: true,
        });
        expect(elsewhere.exitCode).toBe(1);
        expect(replies(number)[0]).toContain(
          `churn@v1.1.0 is registered at commit ${other.slice(0, 7)}, which is neither the head (${head.slice(0, 7)}) nor the merge commit of pull request #${number}`,
        );

        const early = await comment('/mlgate promote churn@v1.0.0 staging', {
          issue: number,
          author: 'ada',
          pullRequest: true,
          at: new Date(Date.now() - 3_600_000),
        });
        expect(early.exitCode).toBe(1);
        expect(replies(number)[1]).toContain(
          'churn@v1.0.0 was registered after the comment was written (or one of the times is unknown); comment again to promote it',
        );
        expect(stageTags()).toEqual([]);
        expect(gh.state.deployments.list({})).toEqual([]);

        const bound = await comment('/mlgate promote churn@v1.0.0 staging', {
          issue: number,
          author: 'ada',
          pullRequest: true,
        });
        expect(bound.exitCode).toBe(0);
        expect(bound.outputs).toMatchObject({ result: 'promoted', tag: 'churn#staging#1', version: 'v1.0.0' });
        expect(replies(number)[2]).toContain('`staging` held nothing before.');
      },
      CHATOPS_TIMEOUT,
    );
  });
});
