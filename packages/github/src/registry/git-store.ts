import { execFile } from 'node:child_process';
import { modelInTag, UserError, type TagRecord } from '@mlgate/core';
import { type NewTag, type RegistryStore, TagExistsError } from './store.js';

/**
 * NUL-separated fields (git messages cannot hold NUL). `*objectname`/`*objecttype` are what an annotated tag
 * points at; a lightweight tag has no tagger and is skipped, as GTO skips it.
 */
const FORMAT = [
  '%(refname:lstrip=2)',
  '%(objecttype)',
  '%(*objecttype)',
  '%(*objectname)',
  '%(taggername)',
  '%(taggeremail)',
  '%(taggerdate:iso-strict)',
  '%(contents)',
].join('%00');
const FIELDS = 8;

export interface GitRegistryStoreOptions {
  /**
   * A remote to publish to: tags are read after fetching the remote's tags, and each new tag is pushed
   * (`git push <remote> <tag object>:refs/tags/<name>`, never forced) before the local ref is made.
   */
  push?: string;
}

/** The registry in a local git clone, through the `git` command: `for-each-ref` to read, `mktag` to write. */
export class GitRegistryStore implements RegistryStore {
  constructor(
    private readonly cwd: string,
    private readonly options: GitRegistryStoreOptions = {},
  ) {}

  async listTags(model?: string): Promise<TagRecord[]> {
    const patterns =
      model === undefined ? ['refs/tags'] : [`refs/tags/${modelInTag(model)}@*`, `refs/tags/${modelInTag(model)}#*`];
    if (this.options.push !== undefined) await this.fetchTags(patterns);
    const stdout = await this.git(
      ['for-each-ref', `--format=${FORMAT}%00`, ...patterns],
      "cannot read the registry's git tags",
    );
    const fields = stdout.split('\0');
    const records: TagRecord[] = [];
    for (let i = 0; i + FIELDS <= fields.length; i += FIELDS) {
      // Each record ends with NUL + newline, so every name after the first starts with a newline.
      const [name = '', type, target, commit = '', tagger = '', email = '', date = '', contents = ''] = fields.slice(
        i,
        i + FIELDS,
      );
      if (type !== 'tag' || target !== 'commit') continue;
      records.push({
        name: name.replace(/^\n/, ''),
        commit,
        message: contents.trimEnd(),
        tagger: { name: tagger, email: email.replace(/^<|>$/g, ''), date },
      });
    }
    return records;
  }

  async resolveCommit(rev: string): Promise<string> {
    if (rev.startsWith('-')) throw new UserError(`revision ${JSON.stringify(rev)} is not a git revision`);
    const out = await this.git(
      ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`],
      `no commit ${JSON.stringify(rev)}`,
    );
    return out.trim();
  }

  async createTag({ name, commit, message }: NewTag): Promise<TagRecord> {
    const ident = (await this.git(['var', 'GIT_COMMITTER_IDENT'], 'cannot tell who is tagging')).trim();
    const object = `object ${commit}\ntype commit\ntag ${name}\ntagger ${ident}\n\n${message.trimEnd()}\n`;
    const sha = (await this.git(['mktag'], `cannot create tag ${name}`, object)).trim();
    if (this.options.push !== undefined) await this.push(sha, name, this.options.push);
    try {
      // An empty old value makes update-ref create-only: it fails when the ref exists, and never moves it.
      await this.git(['update-ref', `refs/tags/${name}`, sha, ''], `cannot create tag ${name}`);
    } catch (error) {
      if (/reference already exists/.test(outputOf(error))) throw new TagExistsError(name);
      throw error;
    }
    const [, who = '', email = '', seconds = '0', zone = '+0000'] = /^(.*) <(.*)> (\d+) ([+-]\d{4})$/.exec(ident) ?? [];
    return {
      name,
      commit,
      message: message.trimEnd(),
      tagger: { name: who, email, date: isoDate(Number(seconds), zone) },
    };
  }

  /** The name git tags with (`user.name`, or GIT_COMMITTER_NAME), as the actor of a command run by hand. */
  async identity(): Promise<string> {
    const ident = (await this.git(['var', 'GIT_COMMITTER_IDENT'], 'cannot tell who is tagging')).trim();
    return /^(.*) <.*> \d+ [+-]\d{4}$/.exec(ident)?.[1] || 'unknown';
  }

  describe(): string {
    return this.options.push === undefined
      ? `the git repository ${this.cwd}`
      : `the git repository ${this.cwd} and its remote ${this.options.push}`;
  }

  /** The remote's tags of the model, fetched without `+`: a local tag is never overwritten. */
  private async fetchTags(patterns: string[]): Promise<void> {
    const refspecs = patterns.map((p) => (p === 'refs/tags' ? 'refs/tags/*:refs/tags/*' : `${p}:${p}`));
    await this.git(
      ['fetch', '--quiet', '--no-tags', this.options.push as string, ...refspecs],
      `cannot fetch the registry's tags from ${this.options.push}`,
    );
  }

  private async push(sha: string, name: string, remote: string): Promise<void> {
    try {
      await this.git(
        ['push', '--porcelain', remote, `${sha}:refs/tags/${name}`],
        `cannot push tag ${name} to ${remote}`,
      );
    } catch (error) {
      if (/\[rejected\] \(already exists\)/.test(outputOf(error))) throw new TagExistsError(name);
      throw error;
    }
  }

  private git(args: string[], what: string, input?: string): Promise<string> {
    return new Promise((resolve, reject) => {
      const child = execFile('git', args, { cwd: this.cwd, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
        if (!error) return resolve(stdout);
        reject(new GitCommandError(`${what} in ${this.cwd}`, `${stderr}\n${stdout}`.trim() || String(error)));
      });
      // A command that exits without reading its input closes the pipe; its exit status tells what happened.
      child.stdin?.on('error', () => undefined);
      child.stdin?.end(input ?? '');
    });
  }
}

/** A failed git command: one line for the user, the whole output for telling "already exists" apart. */
class GitCommandError extends UserError {
  constructor(
    what: string,
    readonly output: string,
  ) {
    const lines = output.split('\n');
    super(`${what}: ${lines.find((line) => /error|fatal|rejected/i.test(line)) ?? lines[0]}`);
  }
}

function outputOf(error: unknown): string {
  return error instanceof GitCommandError ? error.output : '';
}

/** `1796346569 +0100` → `2026-12-04T02:09:29+01:00`, the form `for-each-ref` prints for tagger dates. */
function isoDate(seconds: number, zone: string): string {
  const sign = zone.startsWith('-') ? -1 : 1;
  const offset = sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(3, 5)));
  const local = new Date((seconds + offset * 60) * 1000).toISOString().slice(0, 19);
  return `${local}${zone.slice(0, 3)}:${zone.slice(3)}`;
}
