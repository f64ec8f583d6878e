import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { getOctokit } from '@actions/github';
import { UserError } from '@mlgate/core';
import { FakeGitHub } from '@mlgate/testkit';
import {
  GitHubDeploymentRecorder,
  deploymentEnvironment,
  memoryLogger,
  withDeployment,
  type DeploymentSpec,
} from '../src/index.js';

const repo = { owner: 'acme', repo: 'churn' };

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection');
}

describe('deployments of a promotion (FakeGitHub)', () => {
  let gh: FakeGitHub;
  let commit: string;
  let spec: DeploymentSpec;

  beforeEach(async () => {
    gh = await FakeGitHub.start();
    commit = gh.state.git.addCommit({ parents: [gh.state.headSha], message: 'train v1.4.0' }).sha;
    spec = {
      model: 'churn',
      version: 'v1.4.0',
      stage: 'production',
      commit,
      logUrl: 'https://github.com/acme/churn/actions/runs/9',
    };
  });
  afterEach(() => gh.close());

  const recorder = () => new GitHubDeploymentRecorder(getOctokit('ghs_x', { baseUrl: gh.url }), repo, memoryLogger());
  const states = (id: number) =>
    gh.state.deployments
      .statusesOf(id)
      .map((s) => s.state)
      .reverse();

  it("deploys the version's commit to environment <model>-<stage> and ends in success with the release link", async () => {
    const result = await withDeployment(
      recorder(),
      spec,
      async () => ({
        result: 42,
        description: 'churn#production#5',
        environmentUrl: 'https://github.com/acme/churn/releases/tag/churn%40v1.4.0',
      }),
      memoryLogger(),
    );

    expect(result).toBe(42);
    const [deployment] = gh.state.deployments.list({});
    expect(deployment).toMatchObject({
      sha: commit,
      ref: commit,
      environment: 'churn-production',
      production: true,
      payload: { model: 'churn', version: 'v1.4.0', stage: 'production', tag: 'churn@v1.4.0' },
    });
    expect(states(deployment!.id)).toEqual(['in_progress', 'success']);
    expect(gh.state.deployments.statusesOf(deployment!.id)[0]).toMatchObject({
      description: 'churn#production#5',
      environmentUrl: 'https://github.com/acme/churn/releases/tag/churn%40v1.4.0',
      logUrl: 'https://github.com/acme/churn/actions/runs/9',
    });
    expect(gh.requestsMatching({ operationId: 'repos/create-deployment' })[0]!.body).toMatchObject({
      auto_merge: false,
      required_contexts: [],
    });
  });

  it('ends in failure, with the reason, when the promotion is refused, and rethrows the refusal', async () => {
    const refusal = new UserError('churn@v1.4.0 cannot be promoted to production: no passing gate verdict is recorded');
    const error = await rejection(
      withDeployment(
        recorder(),
        spec,
        async () => {
          throw refusal;
        },
        memoryLogger(),
      ),
    );

    expect(error).toBe(refusal);
    const [deployment] = gh.state.deployments.list({});
    expect(states(deployment!.id)).toEqual(['in_progress', 'failure']);
    expect(gh.state.deployments.statusesOf(deployment!.id)[0]!.description).toBe(
      'churn@v1.4.0 cannot be promoted to production: no passing gate verdict is recorded',
    );
  });

  it('ends in error when the promotion breaks half-way (GitHub refused the tag write), with a description GitHub accepts', async () => {
    gh.fail({ operationId: 'git/create-ref', status: 500, times: Infinity });
    const octokit = getOctokit('ghs_x', { baseUrl: gh.url });
    const error = await rejection(
      withDeployment(
        recorder(),
        spec,
        async () => {
          await octokit.rest.git.createRef({ ...repo, ref: 'refs/tags/churn#production#5', sha: commit });
          return { result: null, description: 'unreachable' };
        },
        memoryLogger(),
      ),
    );

    expect((error as { status?: number }).status).toBe(500);
    const [deployment] = gh.state.deployments.list({});
    expect(states(deployment!.id)).toEqual(['in_progress', 'error']);
    expect(gh.state.deployments.statusesOf(deployment!.id)[0]!.description.length).toBeLessThanOrEqual(140);
  });

  it("keeps the promotion's own error when even the failure status cannot be posted, and says so", async () => {
    const logger = memoryLogger();
    const error = await rejection(
      withDeployment(
        recorder(),
        spec,
        async () => {
          gh.fail({ operationId: 'repos/create-deployment-status', status: 422, times: 1 });
          throw new UserError('refused');
        },
        logger,
      ),
    );
    expect(error.message).toBe('refused');
    expect(logger.lines().join('\n')).toMatch(/Deployment \d+: could not post its final status/);
  });

  it('runs nothing when GitHub will not create the deployment', async () => {
    gh.fail({ operationId: 'repos/create-deployment', status: 409, times: 1 });
    let ran = false;
    const error = await rejection(
      withDeployment(
        recorder(),
        spec,
        async () => {
          ran = true;
          return { result: null, description: '' };
        },
        memoryLogger(),
      ),
    );
    expect((error as { status?: number }).status).toBe(409);
    expect(ran).toBe(false);
    expect(gh.state.deployments.list({})).toEqual([]);
  });

  it('marks the earlier successful deployment to the same environment inactive (what GitHub shows as the active one)', async () => {
    await withDeployment(recorder(), spec, async () => ({ result: null, description: 'first' }), memoryLogger());
    const later = gh.state.git.addCommit({ parents: [commit], message: 'train v1.5.0' }).sha;
    await withDeployment(
      recorder(),
      { ...spec, version: 'v1.5.0', commit: later },
      async () => ({ result: null, description: 'second' }),
      memoryLogger(),
    );
    const [second, first] = gh.state.deployments.list({ environment: 'churn-production' });
    expect(states(first!.id)).toEqual(['in_progress', 'success', 'inactive']);
    expect(states(second!.id)).toEqual(['in_progress', 'success']);
  });

  it('names the environment <model>-<stage>', () => {
    expect(deploymentEnvironment('churn', 'staging')).toBe('churn-staging');
  });
});
