import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { getOctokit } from '@actions/github';
import { rejected } from './fixtures/octokit-failure.js';
import { FakeGitHub } from '../src/fake-github/index.js';

const repo = { owner: 'acme', repo: 'churn' };

describe('FakeGitHub git refs and tags', () => {
  let gh: FakeGitHub;
  let octokit: ReturnType<typeof getOctokit>;
  let root: string;
  let child: string;
  let sibling: string;

  beforeEach(async () => {
    gh = await FakeGitHub.start();
    octokit = getOctokit('ghs_token', { baseUrl: gh.url });
    root = gh.state.headSha;
    child = gh.state.git.addCommit({ parents: [root], message: 'child' }).sha;
    sibling = gh.state.git.addCommit({ parents: [root], message: 'sibling' }).sha;
  });
  afterEach(async () => {
    await gh.close();
  });

  it('creates a ref once and answers 422 "Reference already exists" the second time', async () => {
    const created = await octokit.rest.git.createRef({ ...repo, ref: 'refs/tags/churn@v1.0.0', sha: child });
    const again = await octokit.rest.git
      .createRef({ ...repo, ref: 'refs/tags/churn@v1.0.0', sha: sibling })
      .then(...rejected);

    expect(created.status).toBe(201);
    expect(created.data).toMatchObject({ ref: 'refs/tags/churn@v1.0.0', object: { sha: child, type: 'commit' } });
    expect(again.status).toBe(422);
    expect(again.message).toContain('Reference already exists');
    expect(gh.state.git.refs.get('refs/tags/churn@v1.0.0')).toBe(child);
  });

  it('moves a ref forward, refuses a non-fast-forward move unless forced', async () => {
    await octokit.rest.git.createRef({ ...repo, ref: 'refs/heads/staging', sha: root });

    const forward = await octokit.rest.git.updateRef({ ...repo, ref: 'heads/staging', sha: child });
    const sideways = await octokit.rest.git
      .updateRef({ ...repo, ref: 'heads/staging', sha: sibling })
      .then(...rejected);
    const forced = await octokit.rest.git.updateRef({ ...repo, ref: 'heads/staging', sha: sibling, force: true });

    expect(forward.data.object.sha).toBe(child);
    expect(sideways.status).toBe(422);
    expect(sideways.message).toContain('Update is not a fast forward');
    expect(forced.data.object.sha).toBe(sibling);
  });

  it('deletes a ref with 204 and answers 422 "Reference does not exist" afterwards', async () => {
    await octokit.rest.git.createRef({ ...repo, ref: 'refs/heads/tmp', sha: root });

    const deleted = await octokit.rest.git.deleteRef({ ...repo, ref: 'heads/tmp' });
    const again = await octokit.rest.git.deleteRef({ ...repo, ref: 'heads/tmp' }).then(...rejected);
    const read = await octokit.rest.git.getRef({ ...repo, ref: 'heads/tmp' }).then(...rejected);

    expect(deleted.status).toBe(204);
    expect(again.status).toBe(422);
    expect(again.message).toContain('Reference does not exist');
    expect(read.status).toBe(404);
  });

  it('refuses refs to unknown objects and names git would reject', async () => {
    const unknown = await octokit.rest.git
      .createRef({ ...repo, ref: 'refs/heads/x', sha: '0'.repeat(40) })
      .then(...rejected);
    const badName = await octokit.rest.git.createRef({ ...repo, ref: 'refs/heads/a..b', sha: root }).then(...rejected);
    const short = await octokit.rest.git.createRef({ ...repo, ref: 'heads/x', sha: root }).then(...rejected);

    expect([unknown.status, badName.status, short.status]).toEqual([422, 422, 422]);
    expect(unknown.message).toContain('Object does not exist');
  });

  it('stores annotated tags: tag object, ref to it, message read back through the ref', async () => {
    const message = JSON.stringify({ schema: 'mlgate/registry@1', verdict: 'pass' });
    const tag = await octokit.rest.git.createTag({
      ...repo,
      tag: 'churn#production#1',
      message,
      object: child,
      type: 'commit',
    });
    await octokit.rest.git.createRef({ ...repo, ref: 'refs/tags/churn#production#1', sha: tag.data.sha });

    const ref = await octokit.rest.git.getRef({ ...repo, ref: 'tags/churn#production#1' });
    const readBack = await octokit.rest.git.getTag({ ...repo, tag_sha: ref.data.object.sha });

    expect(ref.data.object.type).toBe('tag');
    expect(readBack.data).toMatchObject({ tag: 'churn#production#1', message, object: { sha: child, type: 'commit' } });
  });

  it('lists refs by prefix, sorted, including names with slashes and @', async () => {
    for (const name of ['churn@v1.1.0', 'churn@v1.0.0', 'churn#staging#1', 'other@v1.0.0', 'team/churn@v2.0.0']) {
      gh.state.git.addAnnotatedTag({ tag: name, message: '{}', object: child });
    }

    const churn = await octokit.rest.git.listMatchingRefs({ ...repo, ref: 'tags/churn' });
    const team = await octokit.rest.git.listMatchingRefs({ ...repo, ref: 'tags/team/' });

    expect(churn.data.map((r) => r.ref)).toEqual([
      'refs/tags/churn#staging#1',
      'refs/tags/churn@v1.0.0',
      'refs/tags/churn@v1.1.0',
    ]);
    expect(team.data.map((r) => r.ref)).toEqual(['refs/tags/team/churn@v2.0.0']);
  });
});

describe('FakeGitHub releases and assets', () => {
  let gh: FakeGitHub;
  let octokit: ReturnType<typeof getOctokit>;

  beforeEach(async () => {
    gh = await FakeGitHub.start();
    octokit = getOctokit('ghs_token', { baseUrl: gh.url });
  });
  afterEach(async () => {
    await gh.close();
  });

  async function upload(uploadUrl: string, name: string, data: string) {
    return octokit.request({
      method: 'POST',
      url: uploadUrl,
      name,
      data,
      headers: { 'content-type': 'application/octet-stream' },
    });
  }

  it('creates a draft, uploads through upload_url, publishes and creates the tag at target_commitish', async () => {
    const draft = await octokit.rest.repos.createRelease({
      ...repo,
      tag_name: 'churn@v1.4.0',
      draft: true,
      name: 'churn v1.4.0',
    });
    const hiddenWhileDraft = await octokit.rest.repos
      .getReleaseByTag({ ...repo, tag: 'churn@v1.4.0' })
      .then(...rejected);
    const asset = await upload(draft.data.upload_url, 'model card.md', '# churn v1.4.0');
    const published = await octokit.rest.repos.updateRelease({ ...repo, release_id: draft.data.id, draft: false });
    const byTag = await octokit.rest.repos.getReleaseByTag({ ...repo, tag: 'churn@v1.4.0' });

    expect(draft.data.upload_url).toBe(
      `${gh.uploadsUrl}/repos/acme/churn/releases/${draft.data.id}/assets{?name,label}`,
    );
    expect(draft.data.html_url).toContain('/releases/tag/untagged-');
    expect(hiddenWhileDraft.status).toBe(404);
    expect(gh.state.git.refs.has('refs/tags/churn@v1.4.0')).toBe(true);
    expect(gh.state.git.refs.get('refs/tags/churn@v1.4.0')).toBe(gh.state.headSha);
    expect(asset.status).toBe(201);
    expect(asset.data).toMatchObject({ name: 'model.card.md', size: 14, state: 'uploaded' });
    expect(published.data.draft).toBe(false);
    expect(published.data.published_at).not.toBeNull();
    expect(byTag.data.assets.map((a) => a.name)).toEqual(['model.card.md']);
  });

  it('answers 422 already_exists for a second release of the same tag and for a duplicate asset name', async () => {
    const release = await octokit.rest.repos.createRelease({ ...repo, tag_name: 'v1' });
    await upload(release.data.upload_url, 'report.json', '{}');

    const duplicateRelease = await octokit.rest.repos.createRelease({ ...repo, tag_name: 'v1' }).then(...rejected);
    const duplicateAsset = await upload(release.data.upload_url, 'report.json', '{}').then(...rejected);

    expect(duplicateRelease.status).toBe(422);
    expect(duplicateRelease.response?.data).toMatchObject({
      errors: [{ resource: 'Release', code: 'already_exists', field: 'tag_name' }],
    });
    expect(duplicateAsset.status).toBe(422);
    expect(duplicateAsset.response?.data).toMatchObject({
      errors: [{ resource: 'ReleaseAsset', code: 'already_exists', field: 'name' }],
    });
  });

  it('downloads asset bytes with Accept: application/octet-stream (302 to storage, followed by fetch)', async () => {
    const release = await octokit.rest.repos.createRelease({ ...repo, tag_name: 'v2' });
    const asset = await upload(release.data.upload_url, 'model.bin', 'weights');

    const download = await octokit.rest.repos.getReleaseAsset({
      ...repo,
      asset_id: (asset.data as { id: number }).id,
      headers: { accept: 'application/octet-stream' },
    });

    expect(Buffer.from(download.data as unknown as ArrayBuffer).toString()).toBe('weights');
    expect(gh.state.releases.asset((asset.data as { id: number }).id).downloadCount).toBe(1);
  });

  it('flags an upload sent to the API origin instead of upload_url', async () => {
    const release = await octokit.rest.repos.createRelease({ ...repo, tag_name: 'v3' });

    const misrouted = await octokit.rest.repos
      .uploadReleaseAsset({ ...repo, release_id: release.data.id, name: 'a.txt', data: 'x', baseUrl: gh.url })
      .then(...rejected);

    expect(misrouted.status).toBe(404);
    expect(gh.takeViolations()).toEqual([expect.objectContaining({ kind: 'wrong-host' })]);
  });

  it('freezes a published release when the repository has immutable releases', async () => {
    const other = await FakeGitHub.start({ repoOptions: { immutableReleases: true } });
    const client = getOctokit('ghs_token', { baseUrl: other.url });
    try {
      const draft = await client.rest.repos.createRelease({ ...repo, tag_name: 'v1', draft: true });
      const beforePublish = await client.request({
        method: 'POST',
        url: draft.data.upload_url,
        name: 'card.md',
        data: 'ok',
        headers: { 'content-type': 'text/markdown' },
      });
      const published = await client.rest.repos.updateRelease({ ...repo, release_id: draft.data.id, draft: false });
      const afterPublish = await client
        .request({
          method: 'POST',
          url: draft.data.upload_url,
          name: 'late.md',
          data: 'no',
          headers: { 'content-type': 'text/markdown' },
        })
        .then(...rejected);
      const moveTag = await client.rest.git
        .updateRef({ ...repo, ref: 'tags/v1', sha: other.state.git.addCommit({ parents: [other.state.headSha] }).sha })
        .then(...rejected);

      expect(beforePublish.status).toBe(201);
      expect(published.data.immutable).toBe(true);
      expect(afterPublish.status).toBe(422);
      expect(moveTag.status).toBe(422);
    } finally {
      await other.close();
    }
  });
});
