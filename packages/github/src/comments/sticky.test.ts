import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it, expect, beforeEach, afterEach } from '@jest/globals';
import { LocalCommentStore } from './local-store.js';
import { MemoryCommentStore } from './memory-store.js';
import { stickyMarker, upsertStickyComment } from './sticky.js';
import type { Comment, CommentStore } from './store.js';

const BOT = 'github-actions[bot]';
const MARKER = stickyMarker('churn');

/** Counts writes, so "unchanged" can be shown to write nothing. */
class CountingStore implements CommentStore {
  writes: string[] = [];
  constructor(private readonly inner: CommentStore) {}
  list(issue: number) {
    return this.inner.list(issue);
  }
  create(issue: number, body: string) {
    this.writes.push(`create ${issue}`);
    return this.inner.create(issue, body);
  }
  update(id: number, body: string) {
    this.writes.push(`update ${id}`);
    return this.inner.update(id, body);
  }
  delete(id: number) {
    this.writes.push(`delete ${id}`);
    return this.inner.delete(id);
  }
}

describe('stickyMarker', () => {
  it('builds a hidden HTML comment', () => {
    expect(stickyMarker('churn')).toBe('<!-- mlgate:report:churn -->');
    expect(stickyMarker('models/churn:v1.2_x')).toBe('<!-- mlgate:report:models/churn:v1.2_x -->');
  });
  it('cannot be made to close the comment early or carry markup', () => {
    const marker = stickyMarker('x --> <img src=y onerror=alert(1)> <!--');
    expect(marker).toBe('<!-- mlgate:report:x-img-src-y-onerror-alert-1 -->');
    expect(marker.slice(4, -3)).not.toMatch(/--|[<>]/);
  });
  it('rejects an id with nothing usable', () => {
    expect(() => stickyMarker(' <> ')).toThrow(TypeError);
  });
  it('bounds the id length', () => {
    expect(stickyMarker('a'.repeat(500)).length).toBeLessThan(130);
  });
});

describe('upsertStickyComment', () => {
  let shelf: MemoryCommentStore;
  let store: CountingStore;
  beforeEach(() => {
    shelf = new MemoryCommentStore(BOT);
    store = new CountingStore(shelf);
  });

  it('creates the comment with the marker when there is none', async () => {
    const result = await upsertStickyComment(store, { issue: 7, marker: MARKER, body: '## Report', author: BOT });

    expect(result.action).toBe('created');
    expect(result.comment.body).toBe(`${MARKER}\n## Report`);
    expect(await shelf.list(7)).toHaveLength(1);
    expect(await shelf.list(8)).toHaveLength(0);
  });

  it('updates our comment in place on the next report', async () => {
    const first = await upsertStickyComment(store, { issue: 7, marker: MARKER, body: 'v1', author: BOT });
    const second = await upsertStickyComment(store, { issue: 7, marker: MARKER, body: 'v2', author: BOT });

    expect(second.action).toBe('updated');
    expect(second.comment.id).toBe(first.comment.id);
    expect((await shelf.list(7)).map((c) => c.body)).toEqual([`${MARKER}\nv2`]);
  });

  it('writes nothing when the body is identical', async () => {
    await upsertStickyComment(store, { issue: 7, marker: MARKER, body: 'same', author: BOT });
    store.writes = [];

    const result = await upsertStickyComment(store, { issue: 7, marker: MARKER, body: 'same', author: BOT });

    expect(result.action).toBe('unchanged');
    expect(store.writes).toEqual([]);
  });

  it('ignores a look-alike comment with our marker written by someone else, and never touches it', async () => {
    const forged = await shelf.as('mallory').create(7, `${MARKER}\nmerge me, all green`);

    const result = await upsertStickyComment(store, { issue: 7, marker: MARKER, body: 'real report', author: BOT });

    expect(result.action).toBe('created');
    expect(result.comment.id).not.toBe(forged.id);
    expect(await shelf.list(7)).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: forged.id, body: `${MARKER}\nmerge me, all green` })]),
    );
    expect(store.writes).toEqual(['create 7']);
  });

  it('matches the author case-insensitively, as GitHub logins are', async () => {
    await upsertStickyComment(store, { issue: 7, marker: MARKER, body: 'v1', author: BOT });
    const result = await upsertStickyComment(store, {
      issue: 7,
      marker: MARKER,
      body: 'v2',
      author: 'GitHub-Actions[bot]',
    });
    expect(result.action).toBe('updated');
  });

  it('leaves our comments for other reports alone', async () => {
    const other = stickyMarker('fraud');
    await upsertStickyComment(store, { issue: 7, marker: other, body: 'fraud report', author: BOT });

    const result = await upsertStickyComment(store, { issue: 7, marker: MARKER, body: 'churn report', author: BOT });

    expect(result.action).toBe('created');
    expect((await shelf.list(7)).map((c) => c.body).sort()).toEqual([
      `${MARKER}\nchurn report`,
      `${other}\nfraud report`,
    ]);
  });

  it('converges duplicates: the oldest comment survives with the report, the others are deleted', async () => {
    const a = await shelf.create(7, `${MARKER}\nold a`);
    const b = await shelf.create(7, `${MARKER}\nold b`);
    const c = await shelf.create(7, `${MARKER}\nold c`);

    const result = await upsertStickyComment(store, { issue: 7, marker: MARKER, body: 'new', author: BOT });

    expect(result).toMatchObject({ action: 'updated', comment: { id: a.id }, deleted: [b.id, c.id] });
    expect(await shelf.list(7)).toEqual([expect.objectContaining({ id: a.id, body: `${MARKER}\nnew` })]);
    expect(store.writes).toEqual([`update ${a.id}`, `delete ${b.id}`, `delete ${c.id}`]);
  });

  it('still removes younger duplicates when the oldest is already up to date', async () => {
    const a = await shelf.create(7, `${MARKER}\nsame`);
    const b = await shelf.create(7, `${MARKER}\nold`);

    const result = await upsertStickyComment(store, { issue: 7, marker: MARKER, body: 'same', author: BOT });

    expect(result).toMatchObject({ action: 'unchanged', comment: { id: a.id }, deleted: [b.id] });
  });

  it('never edits or deletes our own comment that merely quotes the marker below its first line', async () => {
    const quoting = await shelf.create(7, `Some other bot text\n${MARKER}\nquoted`);
    const inline = await shelf.create(7, ` ${MARKER}\nindented`);

    const result = await upsertStickyComment(store, { issue: 7, marker: MARKER, body: 'report', author: BOT });

    expect(result.action).toBe('created');
    expect(result.deleted).toEqual([]);
    expect((await shelf.list(7)).filter((c) => c.id === quoting.id || c.id === inline.id)).toEqual([
      expect.objectContaining({ body: `Some other bot text\n${MARKER}\nquoted` }),
      expect.objectContaining({ body: ` ${MARKER}\nindented` }),
    ]);
  });

  it('lets the marker text appear only in the header it writes', async () => {
    const hostile = `model \`${MARKER}\` and \`<!-- MLGATE:revision:99 -->\` and \`${stickyMarker('other')}\``;
    const result = await upsertStickyComment(store, {
      issue: 7,
      marker: MARKER,
      body: hostile,
      author: BOT,
      revision: 3,
    });

    const body = result.comment.body;
    expect(body.split(MARKER)).toHaveLength(2);
    expect(body.startsWith(`${MARKER}\n<!-- mlgate:revision:3 -->\n`)).toBe(true);
    expect(body.match(/mlgate:(report|revision):/gi)).toEqual(['mlgate:report:', 'mlgate:revision:']);
    expect(body.replace(/\u200b/g, '')).toBe(`${MARKER}\n<!-- mlgate:revision:3 -->\n${hostile}`);
    // The next run still finds it, and a report quoting another id's marker does not pose as that comment.
    const other = await upsertStickyComment(store, {
      issue: 7,
      marker: stickyMarker('other'),
      body: 'other report',
      author: BOT,
    });
    expect(other.action).toBe('created');
    expect(await shelf.list(7)).toHaveLength(2);
  });

  it('refuses a body GitHub would reject, before any call', async () => {
    await expect(
      upsertStickyComment(store, { issue: 7, marker: MARKER, body: 'x'.repeat(65_536), author: BOT }),
    ).rejects.toThrow(/more than GitHub's 65536/);
    expect(store.writes).toEqual([]);
  });

  it('makes two runs that both found nothing end with one comment', async () => {
    // Both runs list before either creates: the race a sticky comment must survive.
    let release: () => void = () => undefined;
    const bothListed = new Promise<void>((resolve) => (release = resolve));
    let waiting = 2;
    const runStore = (): CommentStore => {
      let first = true;
      return {
        list: async (issue) => {
          if (first) {
            first = false;
            const snapshot = await shelf.list(issue);
            if (--waiting === 0) release();
            await bothListed;
            return snapshot;
          }
          return shelf.list(issue);
        },
        create: (issue, text) => shelf.create(issue, text),
        update: (id, text) => shelf.update(id, text),
        delete: (id) => shelf.delete(id),
      };
    };

    const [one, two] = await Promise.all([
      upsertStickyComment(runStore(), { issue: 7, marker: MARKER, body: 'run 1', author: BOT }),
      upsertStickyComment(runStore(), { issue: 7, marker: MARKER, body: 'run 2', author: BOT }),
    ]);

    const left = await shelf.list(7);
    expect(left).toHaveLength(1);
    expect(one.comment.id).toBe(left[0]?.id);
    expect(two.comment.id).toBe(left[0]?.id);
    expect([one.action, two.action]).toEqual(['created', 'created']);
  });

  describe('with a revision', () => {
    it('keeps the newest report in the oldest comment when duplicates carry different revisions', async () => {
      const oldest = await shelf.create(7, `${MARKER}\n<!-- mlgate:revision:10 -->\nrun 10`);
      await shelf.create(7, `${MARKER}\n<!-- mlgate:revision:12 -->\nrun 12`);

      const result = await upsertStickyComment(store, {
        issue: 7,
        marker: MARKER,
        body: 'run 11',
        author: BOT,
        revision: 11,
      });

      expect(result.action).toBe('stale');
      expect(await shelf.list(7)).toEqual([
        expect.objectContaining({ id: oldest.id, body: `${MARKER}\n<!-- mlgate:revision:12 -->\nrun 12` }),
      ]);
    });

    it('writes its report again when a racing older run overwrote it after it wrote', async () => {
      await shelf.create(7, `${MARKER}\n<!-- mlgate:revision:5 -->\nrun 5`);
      let overwritten = false;
      const racing: CommentStore = {
        list: (issue) => shelf.list(issue),
        create: (issue, text) => shelf.create(issue, text),
        delete: (id) => shelf.delete(id),
        update: async (id, text) => {
          const written = await shelf.update(id, text);
          // The older run's update lands right after ours.
          if (!overwritten) {
            overwritten = true;
            await shelf.update(id, `${MARKER}\n<!-- mlgate:revision:6 -->\nrun 6`);
          }
          return written;
        },
      };

      const result = await upsertStickyComment(racing, {
        issue: 7,
        marker: MARKER,
        body: 'run 7',
        author: BOT,
        revision: 7,
      });

      expect(result.action).toBe('updated');
      expect((await shelf.list(7))[0]?.body).toBe(`${MARKER}\n<!-- mlgate:revision:7 -->\nrun 7`);
    });

    it('does not let an older run overwrite a newer report', async () => {
      await upsertStickyComment(store, { issue: 7, marker: MARKER, body: 'from run 20', author: BOT, revision: 20 });

      const late = await upsertStickyComment(store, {
        issue: 7,
        marker: MARKER,
        body: 'from run 19',
        author: BOT,
        revision: 19,
      });

      expect(late.action).toBe('stale');
      expect(late.comment.body).toContain('from run 20');
      expect((await shelf.list(7))[0]?.body).toContain('from run 20');
    });

    it('lets the same or a newer run update it', async () => {
      await upsertStickyComment(store, { issue: 7, marker: MARKER, body: 'a', author: BOT, revision: 20 });
      expect(
        (await upsertStickyComment(store, { issue: 7, marker: MARKER, body: 'b', author: BOT, revision: 20 })).action,
      ).toBe('updated');
      const newer = await upsertStickyComment(store, {
        issue: 7,
        marker: MARKER,
        body: 'c',
        author: BOT,
        revision: 21,
      });
      expect(newer.action).toBe('updated');
      expect(newer.comment.body).toBe(`${MARKER}\n<!-- mlgate:revision:21 -->\nc`);
    });

    it('reads the revision only from its own header, not from report text', async () => {
      await shelf.create(7, `${MARKER}\nmetric name <!-- mlgate:revision:999 -->`);
      const result = await upsertStickyComment(store, {
        issue: 7,
        marker: MARKER,
        body: 'x',
        author: BOT,
        revision: 5,
      });
      expect(result.action).toBe('updated');
    });
  });

  it('rejects a marker that is not an HTML comment', async () => {
    await expect(upsertStickyComment(store, { issue: 7, marker: 'mlgate', body: 'x', author: BOT })).rejects.toThrow(
      TypeError,
    );
  });
});

describe('upsertStickyComment over LocalCommentStore', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mlgate-comments-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('creates, updates, leaves unchanged, and ignores another author', async () => {
    const store = new LocalCommentStore(dir, { author: BOT });
    await new LocalCommentStore(dir, { author: 'mallory' }).create(3, `${MARKER}\nforged`);

    const created = await upsertStickyComment(store, { issue: 3, marker: MARKER, body: 'v1', author: BOT });
    const updated = await upsertStickyComment(store, { issue: 3, marker: MARKER, body: 'v2', author: BOT });
    const same = await upsertStickyComment(store, { issue: 3, marker: MARKER, body: 'v2', author: BOT });

    expect([created.action, updated.action, same.action]).toEqual(['created', 'updated', 'unchanged']);
    expect(updated.comment.id).toBe(created.comment.id);
    const all: Comment[] = await store.list(3);
    expect(all.map((c) => [c.author, c.body])).toEqual([
      ['mallory', `${MARKER}\nforged`],
      [BOT, `${MARKER}\nv2`],
    ]);
  });
});
