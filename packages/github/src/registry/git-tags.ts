import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { UserError, type TagRecord } from '@mlgate/core';
import type { RegistryTagSource } from './tag-source.js';

const run = promisify(execFile);

/**
 * NUL-separated fields (git messages cannot hold NUL). An annotated tag's `*objectname` is its
 * commit; a lightweight tag is the commit itself, and its `contents` the commit's message, not a tag's.
 */
const FORMAT = '%(refname:lstrip=2)%00%(objecttype)%00%(objectname)%00%(*objectname)%00%(contents)%00';
const FIELDS = 5;

/** Registry tags from a local git clone (`git for-each-ref`), as GTO reads them. */
export class GitTagSource implements RegistryTagSource {
  constructor(private readonly cwd: string) {}

  async list(model: string): Promise<TagRecord[]> {
    const patterns = [`refs/tags/${model}@*`, `refs/tags/${model}#*`];
    let stdout: string;
    try {
      ({ stdout } = await run('git', ['for-each-ref', `--format=${FORMAT}`, ...patterns], {
        cwd: this.cwd,
        maxBuffer: 64 * 1024 * 1024,
      }));
    } catch (error) {
      const detail = (error as { stderr?: string }).stderr?.trim().split('\n')[0] ?? String(error);
      throw new UserError(`cannot read the registry's git tags in ${this.cwd}: ${detail}`);
    }
    const fields = stdout.split('\0');
    const records: TagRecord[] = [];
    for (let i = 0; i + FIELDS <= fields.length; i += FIELDS) {
      // Each record ends with NUL + newline, so every name after the first starts with a newline.
      const [name = '', type = '', object = '', peeled = '', contents = ''] = fields.slice(i, i + FIELDS);
      const annotated = type === 'tag';
      records.push({
        name: name.replace(/^\n/, ''),
        commit: annotated ? peeled : object,
        message: annotated ? contents.trimEnd() : '',
      });
    }
    return records;
  }
}
