import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getOctokit } from '@actions/github';
import { isUserError } from '@mlgate/core';
import { FakeGitHub } from '@mlgate/testkit';
import {
  GitHubReleasePublisher,
  LocalReleaseFiles,
  LocalReleasePublisher,
  createOctokit,
  memoryLogger,
  type ReleaseSpec,
} from '../src/index.js';

const repo = { owner: 'acme', repo: 'churn' };
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection');
}

let dir: string;
const FILES = {
  'model.pkl': 'pickled weights',
  'metrics.json': '{"auc":0.82}\n',
  'predictions.csv': 'id,label,score\n1,1,0.9\n',
  'model-card.md': '# Model card: churn v1.4.0\n',
};

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mlgate-release-'));
  for (const [name, text] of Object.entries(FILES)) await writeFile(join(dir, name), text);
});
afterEach(() => rm(dir, { recursive: true, force: true }));

/** The model, metrics and predictions carry the manifest's digests; the model card was made at release time. */
function spec(overrides: Partial<ReleaseSpec> = {}): ReleaseSpec {
  return {
    tag: 'churn@v1.4.0',
    name: 'churn v1.4.0',
    body: 'Registered by mlgate.',
    assets: Object.entries(FILES).map(([name, text]) => ({
      name,
      path: join(dir, name),
      ...(name === 'model-card.md' ? {} : { sha256: sha256(text) }),
    })),
    ...overrides,
  };
}

describe('GitHubReleasePublisher against FakeGitHub', () => {
  let gh: FakeGitHub;
  let commit: string;

  beforeEach(async () => {
    gh = await FakeGitHub.start();
    commit = gh.state.git.addCommit({ parents: [gh.state.headSha], message: 'train v1.4.0' }).sha;
    gh.state.git.addAnnotatedTag({
      tag: 'churn@v1.4.0',
      message: '{"schema":"mlgate/registry-event@1"}',
      object: commit,
    });
  });
  afterEach(() => gh.close());

  // Without octokit's throttling (one write a second, shared by every client in the process), except where noted.
  const publisher = (logger = memoryLogger()) =>
    new GitHubReleasePublisher(getOctokit('ghs_x', { baseUrl: gh.url }), repo, logger);
  const writes = () => gh.requests.filter((r) => r.method !== 'GET').map((r) => r.operationId);

  it('creates a draft, uploads every asset with its digest checked, then publishes it on the existing annotated tag', async () => {
    const tagObject = gh.state.git.refs.get('refs/tags/churn@v1.4.0');
    const octokit = createOctokit({ token: 'ghs_x', baseUrl: gh.url, logger: memoryLogger() });
    const result = await new GitHubReleasePublisher(octokit, repo, memoryLogger()).publish(spec());

    expect(writes()).toEqual([
      'repos/create-release',
      'repos/upload-release-asset',
      'repos/upload-release-asset',
      'repos/upload-release-asset',
      'repos/upload-release-asset',
      'repos/update-release',
    ]);
    expect(gh.requestsMatching({ operationId: 'repos/create-release' })[0]!.body).toMatchObject({ draft: true });
    expect(gh.requestsMatching({ operationId: 'repos/update-release' })[0]!.body).toMatchObject({ draft: false });
    const [release] = gh.state.releases.list();
    expect(release).toMatchObject({ tagName: 'churn@v1.4.0', draft: false, name: 'churn v1.4.0' });
    expect(gh.state.releases.assetsOf(release!.id).map((a) => [a.name, a.digest])).toEqual(
      Object.entries(FILES).map(([name, text]) => [name, `sha256:${sha256(text)}`]),
    );
    // The registry's annotated tag is untouched: the release did not create or move a ref.
    expect(gh.state.git.refs.get('refs/tags/churn@v1.4.0')).toBe(tagObject);
    expect(result).toMatchObject({ action: 'created', id: release!.id, tag: 'churn@v1.4.0' });
    expect(result.url).toBe('https://github.com/acme/churn/releases/tag/churn%40v1.4.0');
    expect(result.assets.map((a) => a.action)).toEqual(['uploaded', 'uploaded', 'uploaded', 'uploaded']);
  });

  it('publishes nothing when a file no longer has the digest the manifest recorded', async () => {
    await writeFile(join(dir, 'model.pkl'), 'weights retrained by hand');
    const error = await rejection(publisher().publish(spec()));

    expect(isUserError(error)).toBe(true);
    expect(error.message).toBe(
      `release churn@v1.4.0: ${join(dir, 'model.pkl')} has sha256 ${sha256('weights retrained by hand')}, but the manifest recorded ${sha256(FILES['model.pkl'])}; the file changed after training, so it is not the registered model`,
    );
    expect(gh.requests).toEqual([]);
  });

  it('refuses to release a version whose tag does not exist (publishing would create a lightweight tag)', async () => {
    const error = await rejection(publisher().publish(spec({ tag: 'churn@v9.9.9' })));
    expect(error.message).toBe(
      'release churn@v9.9.9: the tag churn@v9.9.9 does not exist; register the version before releasing it',
    );
    expect(writes()).toEqual([]);
    expect(gh.state.git.refs.has('refs/tags/churn@v9.9.9')).toBe(false);
  });

  it('is a no-op on a re-run after the release was published: no new release, no upload', async () => {
    await publisher().publish(spec());
    const before = writes().length;
    const again = await publisher().publish(spec());

    expect(again.action).toBe('unchanged');
    expect(again.assets.map((a) => a.action)).toEqual(['present', 'present', 'present', 'present']);
    expect(writes().length).toBe(before);
    expect(gh.state.releases.list()).toHaveLength(1);
  });

  it('completes the draft an interrupted run left: keeps what was uploaded, uploads the rest, then publishes', async () => {
    gh.state.releases.create({ tag_name: 'churn@v1.4.0', draft: true, name: 'churn v1.4.0' }, 'github-actions[bot]');
    const [draft] = gh.state.releases.list();
    gh.state.releases.upload(
      draft!.id,
      'model.pkl',
      null,
      'application/octet-stream',
      Buffer.from(FILES['model.pkl']),
      'x',
    );
    // A cut-off upload: the right name, the wrong bytes.
    gh.state.releases.upload(draft!.id, 'metrics.json', null, 'application/json', Buffer.from('{"au'), 'x');

    const logger = memoryLogger();
    const result = await publisher(logger).publish(spec());

    expect(result).toMatchObject({ action: 'completed', id: draft!.id });
    expect(result.assets.map((a) => [a.name, a.action])).toEqual([
      ['model.pkl', 'present'],
      ['metrics.json', 'uploaded'],
      ['predictions.csv', 'uploaded'],
      ['model-card.md', 'uploaded'],
    ]);
    expect(writes()).toEqual([
      'repos/delete-release-asset',
      'repos/upload-release-asset',
      'repos/upload-release-asset',
      'repos/upload-release-asset',
      'repos/update-release',
    ]);
    expect(gh.state.releases.list()).toHaveLength(1);
    expect(
      gh.state.releases
        .assetsOf(draft!.id)
        .map((a) => a.digest)
        .sort(),
    ).toEqual(
      Object.values(FILES)
        .map((t) => `sha256:${sha256(t)}`)
        .sort(),
    );
    expect(logger.lines().join('\n')).toContain('replacing metrics.json, left incomplete by an earlier run');
  });

  it('survives a failure half-way: the re-run finishes the same draft', async () => {
    // 422 is never retried: the first run stops after creating the draft.
    gh.fail({ operationId: 'repos/upload-release-asset', status: 422, times: 1 });
    expect(await rejection(publisher().publish(spec()))).toBeDefined();
    expect(gh.state.releases.list().map((r) => r.draft)).toEqual([true]);

    const result = await publisher().publish(spec());
    expect(result.action).toBe('completed');
    expect(gh.state.releases.list().map((r) => r.draft)).toEqual([false]);
    expect(gh.state.releases.assetsOf(result.id!)).toHaveLength(4);
  });

  it('never changes a published release whose files differ', async () => {
    await publisher().publish(spec());
    await writeFile(join(dir, 'model-card.md'), '# a different card\n');
    const error = await rejection(publisher().publish(spec()));
    expect(error.message).toBe(
      'release churn@v1.4.0 is already published with a different model-card.md; a published version is never changed: register a new version instead',
    );
    const [release] = gh.state.releases.list();
    expect(gh.state.releases.assetsOf(release!.id).find((a) => a.name === 'model-card.md')?.digest).toBe(
      `sha256:${sha256(FILES['model-card.md'])}`,
    );
  });

  it('converges on one release when two runs create drafts at the same moment', async () => {
    gh.barrier({ operationId: 'repos/create-release', parties: 2 });
    const [a, b] = await Promise.all([publisher().publish(spec()), publisher().publish(spec())]);

    const releases = gh.state.releases.list();
    expect(releases).toHaveLength(1);
    expect(a.id).toBe(releases[0]!.id);
    expect(b.id).toBe(releases[0]!.id);
    expect(releases[0]!.draft).toBe(false);
    expect(gh.state.releases.assetsOf(releases[0]!.id)).toHaveLength(4);
  });

  it('works with immutable releases: the assets are in before the release is published and frozen', async () => {
    await gh.close();
    gh = await FakeGitHub.start({ repoOptions: { immutableReleases: true } });
    commit = gh.state.git.addCommit({ parents: [gh.state.headSha], message: 'train' }).sha;
    gh.state.git.addAnnotatedTag({ tag: 'churn@v1.4.0', message: 'registered', object: commit });

    const result = await publisher().publish(spec());
    const [release] = gh.state.releases.list();
    expect(release).toMatchObject({ immutable: true, draft: false });
    expect(gh.state.releases.assetsOf(release!.id)).toHaveLength(4);
    expect((await publisher().publish(spec())).action).toBe('unchanged');
    expect(result.action).toBe('created');
  });

  it('refuses an asset name GitHub would rename, and two assets of one name, before any request', async () => {
    const spaced = await rejection(
      publisher().publish(spec({ assets: [{ name: 'model card.md', path: join(dir, 'model-card.md') }] })),
    );
    expect(spaced.message).toBe('release churn@v1.4.0: asset name "model card.md" is not a plain file name');
    const twice = await rejection(
      publisher().publish(
        spec({
          assets: [
            { name: 'a.json', path: join(dir, 'metrics.json') },
            { name: 'a.json', path: join(dir, 'model.pkl') },
          ],
        }),
      ),
    );
    expect(twice.message).toBe('release churn@v1.4.0: two assets are named a.json');
    expect(gh.requests).toEqual([]);
  });
});

describe('LocalReleasePublisher', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'mlgate-local-release-'));
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('writes the release folder LocalReleaseFiles reads, and leaves it alone on a re-run', async () => {
    const publisher = new LocalReleasePublisher(root);
    const result = await publisher.publish(spec());
    expect(result).toMatchObject({ action: 'created', url: join(root, 'churn@v1.4.0') });
    const folder = await new LocalReleaseFiles(root).download('churn@v1.4.0');
    expect((await readdir(folder!)).sort()).toEqual(Object.keys(FILES).sort());
    expect(await readFile(join(folder!, 'metrics.json'), 'utf8')).toBe(FILES['metrics.json']);
    expect((await publisher.publish(spec())).action).toBe('unchanged');
    expect((await readdir(root)).sort()).toEqual(['churn@v1.4.0']);
  });

  it('refuses to change a released version, and writes nothing for a file with the wrong digest', async () => {
    const publisher = new LocalReleasePublisher(root);
    await writeFile(join(dir, 'predictions.csv'), 'changed');
    expect(isUserError(await rejection(publisher.publish(spec())))).toBe(true);
    expect(await readdir(root)).toEqual([]);

    await writeFile(join(dir, 'predictions.csv'), FILES['predictions.csv']);
    await publisher.publish(spec());
    await writeFile(join(dir, 'model-card.md'), 'another card');
    const error = await rejection(publisher.publish(spec()));
    expect(error.message).toContain(
      `release churn@v1.4.0 already exists in ${join(root, 'churn@v1.4.0')} with a different model-card.md`,
    );
  });
});
