import { randomBytes } from 'node:crypto';
import { link, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { UserError } from '@mlgate/core';
import { listFolder } from '../list-folder.js';
import type { Comment, CommentStore } from './store.js';

const SCHEMA = 'mlgate/comment@1';
const COMMENT_FILE = /^(\d+)\.json$/;

interface StoredComment extends Comment {
  schema: typeof SCHEMA;
  issue: number;
}

/**
 * Comments as one JSON file each (`<dir>/<id>.json`), for the CLI and the demo. Writes are atomic:
 * a reader never sees half a comment, and two writers never get the same id.
 */
export class LocalCommentStore implements CommentStore {
  constructor(
    private readonly dir: string,
    private readonly options: { author?: string } = {},
  ) {}

  async list(issue: number): Promise<Comment[]> {
    const all = await Promise.all((await this.ids()).map((id) => this.readIfPresent(id)));
    // A comment deleted between readdir and read is simply gone.
    return all.filter((c): c is StoredComment => c?.issue === issue).map((c) => this.toComment(c));
  }

  async create(issue: number, body: string): Promise<Comment> {
    await mkdir(this.dir, { recursive: true });
    const ids = await this.ids();
    let id = (ids.at(-1) ?? 0) + 1;
    const stored: StoredComment = {
      schema: SCHEMA,
      id,
      issue,
      body,
      author: this.options.author ?? 'mlgate',
      createdAt: new Date().toISOString(),
    };
    const temp = await this.writeTemp(stored);
    try {
      // link() refuses an existing name, so a racing writer that took this id makes us take the next.
      for (;;) {
        try {
          await link(temp, this.file(id));
          break;
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
          stored.id = ++id;
          await writeFile(temp, serialize(stored));
        }
      }
    } finally {
      await rm(temp, { force: true });
    }
    return this.toComment(stored);
  }

  async update(id: number, body: string): Promise<Comment> {
    const stored = { ...(await this.read(id)), body };
    await rename(await this.writeTemp(stored), this.file(id));
    return this.toComment(stored);
  }

  async delete(id: number): Promise<void> {
    await rm(this.file(id), { force: true });
  }

  private file(id: number): string {
    return join(this.dir, `${id}.json`);
  }

  private async ids(): Promise<number[]> {
    return (await listFolder(this.dir))
      .map((name) => COMMENT_FILE.exec(name)?.[1])
      .filter((id): id is string => id !== undefined)
      .map(Number)
      .sort((a, b) => a - b);
  }

  private async read(id: number): Promise<StoredComment> {
    const stored = await this.readIfPresent(id);
    if (!stored) throw new UserError(`comment ${id} does not exist`, { file: this.file(id) });
    return stored;
  }

  private async readIfPresent(id: number): Promise<StoredComment | undefined> {
    const file = this.file(id);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    let parsed: Partial<StoredComment>;
    try {
      parsed = JSON.parse(text) as Partial<StoredComment>;
    } catch (error) {
      throw new UserError(`not valid JSON: ${(error as Error).message}`, { file });
    }
    if (
      parsed.schema !== SCHEMA ||
      parsed.id !== id ||
      typeof parsed.issue !== 'number' ||
      typeof parsed.body !== 'string' ||
      typeof parsed.author !== 'string'
    ) {
      throw new UserError(`not a ${SCHEMA} file for comment ${id}`, { file });
    }
    return parsed as StoredComment;
  }

  private async writeTemp(stored: StoredComment): Promise<string> {
    await mkdir(this.dir, { recursive: true });
    const temp = join(this.dir, `.${stored.id}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
    await writeFile(temp, serialize(stored));
    return temp;
  }

  private toComment({ id, body, author, createdAt }: StoredComment): Comment {
    const comment: Comment = { id, body, author, url: pathToFileURL(this.file(id)).href };
    if (createdAt) comment.createdAt = createdAt;
    return comment;
  }
}

function serialize(stored: StoredComment): string {
  return `${JSON.stringify(stored, null, 2)}\n`;
}
