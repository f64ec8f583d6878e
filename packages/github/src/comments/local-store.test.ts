import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it, expect, beforeEach, afterEach } from '@jest/globals';
import { isUserError } from '@mlgate/core';
import { LocalCommentStore } from './local-store.js';

describe('LocalCommentStore', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mlgate-local-comments-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('lists nothing before the directory exists', async () => {
    expect(await new LocalCommentStore(join(dir, 'absent')).list(1)).toEqual([]);
  });

  it('keeps comments per issue, oldest first, with increasing ids and a file URL', async () => {
    const store = new LocalCommentStore(join(dir, 'comments'), { author: 'bot' });
    const a = await store.create(1, 'first');
    await store.create(2, 'elsewhere');
    const c = await store.create(1, 'second');

    const listed = await store.list(1);
    expect(listed.map((x) => [x.id, x.body, x.author])).toEqual([
      [a.id, 'first', 'bot'],
      [c.id, 'second', 'bot'],
    ]);
    expect(c.id).toBeGreaterThan(a.id);
    expect(listed[0]?.url).toMatch(/^file:\/\/.*\/comments\/1\.json$/);
    expect(listed[0]?.createdAt).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('persists across instances as versioned JSON', async () => {
    const created = await new LocalCommentStore(dir).create(5, 'hello');
    await new LocalCommentStore(dir).update(created.id, 'edited');

    const stored = JSON.parse(await readFile(join(dir, `${created.id}.json`), 'utf8'));
    expect(stored).toMatchObject({ schema: 'mlgate/comment@1', id: created.id, issue: 5, body: 'edited' });
    expect((await new LocalCommentStore(dir).list(5))[0]?.body).toBe('edited');
  });

  it('leaves no temporary files behind', async () => {
    const store = new LocalCommentStore(dir);
    const { id } = await store.create(1, 'x');
    await store.update(id, 'y');
    expect(await readdir(dir)).toEqual([`${id}.json`]);
  });

  it('gives concurrent creations distinct ids', async () => {
    const store = new LocalCommentStore(dir);
    const created = await Promise.all(Array.from({ length: 12 }, (_, i) => store.create(1, `c${i}`)));

    const ids = created.map((c) => c.id);
    expect(new Set(ids).size).toBe(12);
    expect((await store.list(1)).map((c) => c.body).sort()).toEqual(created.map((c) => c.body).sort());
  });

  it('deletes idempotently', async () => {
    const store = new LocalCommentStore(dir);
    const { id } = await store.create(1, 'x');
    await store.delete(id);
    await store.delete(id);
    expect(await store.list(1)).toEqual([]);
  });

  it('refuses to update a comment that does not exist', async () => {
    await expect(new LocalCommentStore(dir).update(41, 'x')).rejects.toThrow('comment 41 does not exist');
  });

  it('reports a corrupt comment file as a user error naming the file', async () => {
    await writeFile(join(dir, '3.json'), '{ not json');
    const error = await new LocalCommentStore(dir).list(1).catch((e: unknown) => e);
    expect(isUserError(error)).toBe(true);
    expect(String(error)).toContain(join(dir, '3.json'));
  });
});
