import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalArtifactStore, workflowFileName } from '../src/index.js';

describe('LocalArtifactStore', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mlgate-local-artifacts-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function addRun(id: number, run: Record<string, string>, artifacts: string[] = []): Promise<void> {
    await mkdir(join(dir, String(id)), { recursive: true });
    const description = { schema: 'mlgate/run@1', workflow: 'ci.yml', branch: 'main', event: 'push', ...run };
    await writeFile(join(dir, String(id), 'run.json'), JSON.stringify(description));
    for (const name of artifacts) await mkdir(join(dir, String(id), name));
  }

  it('finds the highest-numbered successful run of the workflow on the branch that has the artifact', async () => {
    await addRun(3, { headSha: 'a'.repeat(40), conclusion: 'success' }, ['baseline']);
    await addRun(7, { headSha: 'b'.repeat(40), conclusion: 'success' }, ['baseline']);
    await addRun(12, { headSha: 'c'.repeat(40), conclusion: 'success' }, ['other']);
    await addRun(20, { headSha: 'd'.repeat(40), conclusion: 'failure' }, ['baseline']);
    await addRun(21, { headSha: 'e'.repeat(40), conclusion: 'success', branch: 'dev' }, ['baseline']);
    await addRun(22, { headSha: 'f'.repeat(40), conclusion: 'success', workflow: 'nightly.yml' }, ['baseline']);
    const store = new LocalArtifactStore(dir);

    const latest = await store.findLatest({ workflow: 'ci.yml', branch: 'main', name: 'baseline' });

    expect(latest).toEqual({ found: true, run: { id: 7, headSha: 'b'.repeat(40), branch: 'main', event: 'push' } });
    expect(await store.download('baseline', 7)).toBe(join(dir, '7', 'baseline'));
  });

  it('reports no run for a missing folder, and runs without the artifact by count', async () => {
    expect(
      await new LocalArtifactStore(join(dir, 'none')).findLatest({ workflow: 'ci.yml', branch: 'main', name: 'x' }),
    ).toEqual({ found: false, reason: `no successful run of ci.yml on branch main in ${join(dir, 'none')}` });
    await addRun(1, { headSha: 'a'.repeat(40), conclusion: 'success' });

    const latest = await new LocalArtifactStore(dir).findLatest({ workflow: 'ci.yml', branch: 'main', name: 'x' });

    expect(latest).toEqual({
      found: false,
      reason: `none of the 1 successful runs of ci.yml on branch main in ${dir} has an artifact "x"`,
    });
  });

  it('names the file and key of a malformed run description', async () => {
    await addRun(4, { headSha: '', conclusion: 'success' });

    await expect(
      new LocalArtifactStore(dir).findLatest({ workflow: 'ci.yml', branch: 'main', name: 'x' }),
    ).rejects.toMatchObject({
      message: 'expected a non-empty string',
      location: { file: join(dir, '4', 'run.json'), path: 'headSha' },
    });
  });

  it('refuses to hand out an artifact folder that does not exist', async () => {
    await expect(new LocalArtifactStore(dir).download('baseline', 9)).rejects.toThrow(
      'artifact "baseline" of run 9 is not a folder',
    );
  });
});

describe('workflowFileName', () => {
  it.each([
    ['acme/churn/.github/workflows/ci.yml@refs/heads/main', 'ci.yml'],
    ['acme/churn/.github/workflows/model.yaml@refs/pull/4/merge', 'model.yaml'],
    ['acme/churn/.github/workflows/ci.yml@refs/heads/feat/x.yml', 'ci.yml'],
    ['.github/workflows/ci.yml', 'ci.yml'],
    ['ci.yml', 'ci.yml'],
    ['161335', '161335'],
  ])('reads %s as %s', (ref, file) => {
    expect(workflowFileName(ref)).toBe(file);
  });

  it('refuses text that names no workflow file, pointing at the input', () => {
    expect(() => workflowFileName('CI build', { path: 'workflow' })).toThrow(
      expect.objectContaining({
        message: expect.stringMatching(/^cannot tell the workflow from "CI build"/),
        location: { path: 'workflow' },
      }),
    );
  });
});
