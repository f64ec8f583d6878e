import { ApiError, notFound } from '../api-error.js';
import type { Clock } from './clock.js';
import type { IdAllocator } from './ids.js';

export interface GitActor {
  name: string;
  email: string;
  date: Date;
}

export interface CommitRecord {
  sha: string;
  parents: string[];
  message: string;
  tree: string;
  author: GitActor;
  committer: GitActor;
}

export type GitObjectType = 'commit' | 'tag' | 'tree' | 'blob';

export interface TagObjectRecord {
  sha: string;
  tag: string;
  message: string;
  object: { sha: string; type: GitObjectType };
  tagger: GitActor;
}

export interface CommitSeed {
  sha?: string;
  /** Parent shas; they must exist. Omitted → no parents (a root commit). */
  parents?: string[];
  message?: string;
  author?: { name: string; email: string };
}

export interface TagSeed {
  tag: string;
  message: string;
  object: string;
  type?: GitObjectType;
  tagger?: { name: string; email: string; date?: Date };
}

const SHA = /^[0-9a-f]{40}$/;
const DEFAULT_AUTHOR = { name: 'Monalisa Octocat', email: 'octocat@github.com' };

/** `git check-ref-format` rules GitHub enforces on new refs. */
function isValidRefName(ref: string): boolean {
  if (!ref.startsWith('refs/') || ref.split('/').length < 3) return false;
  if ([...ref].some((c) => c.charCodeAt(0) <= 0x20 || c.charCodeAt(0) === 0x7f)) return false;
  return !/(^|\/)\.|\.\.|\.lock(\/|$)|\/\/|\/$|\.$|@\{|[~^:?*[\\]/.test(ref);
}

/** Commits, annotated tag objects and refs: enough of git to answer like GitHub's Git database API. */
export class GitStore {
  readonly commits = new Map<string, CommitRecord>();
  readonly tags = new Map<string, TagObjectRecord>();
  /** Full ref name (`refs/heads/main`) → sha. */
  readonly refs = new Map<string, string>();
  /** Vetoes moving or deleting a ref (tags of immutable releases); returns GitHub's message, or undefined. */
  refGuard: (fullRef: string) => string | undefined = () => undefined;

  constructor(
    private readonly ids: IdAllocator,
    private readonly clock: Clock,
  ) {}

  addCommit(seed: CommitSeed = {}): CommitRecord {
    const parents = seed.parents ?? [];
    for (const parent of parents) {
      if (!this.commits.has(parent)) throw new Error(`FakeGitHub: parent commit ${parent} was never seeded`);
    }
    const message = seed.message ?? 'commit';
    const sha = seed.sha ?? this.ids.sha(`commit ${message} ${parents.join(' ')}`);
    if (!SHA.test(sha)) throw new Error(`FakeGitHub: commit sha must be 40 lowercase hex digits, got "${sha}"`);
    const date = this.clock.tick();
    const actor = { ...(seed.author ?? DEFAULT_AUTHOR), date };
    const commit: CommitRecord = {
      sha,
      parents,
      message,
      tree: this.ids.sha(`tree ${sha}`),
      author: actor,
      committer: actor,
    };
    this.commits.set(sha, commit);
    return commit;
  }

  objectType(sha: string): GitObjectType | undefined {
    if (this.commits.has(sha)) return 'commit';
    if (this.tags.has(sha)) return 'tag';
    return undefined;
  }

  /** Follows annotated tags down to the commit they name. */
  peel(sha: string): string | undefined {
    let current = sha;
    for (let depth = 0; depth < 10; depth++) {
      if (this.commits.has(current)) return current;
      const tag = this.tags.get(current);
      if (!tag) return undefined;
      current = tag.object.sha;
    }
    return undefined;
  }

  /** A commit sha for a full sha, a branch or tag name, or `heads/x` / `tags/x` / `refs/...`. */
  resolveCommitish(ref: string): string | undefined {
    if (SHA.test(ref) && this.commits.has(ref)) return ref;
    const candidates = ref.startsWith('refs/') ? [ref] : [`refs/${ref}`, `refs/heads/${ref}`, `refs/tags/${ref}`];
    for (const name of candidates) {
      const target = this.refs.get(name);
      if (target) return this.peel(target);
    }
    return undefined;
  }

  isAncestor(ancestor: string, descendant: string): boolean {
    const pending = [descendant];
    const seen = new Set<string>();
    while (pending.length > 0) {
      const sha = pending.pop() as string;
      if (sha === ancestor) return true;
      if (seen.has(sha)) continue;
      seen.add(sha);
      pending.push(...(this.commits.get(sha)?.parents ?? []));
    }
    return false;
  }

  /** @param ref without the `refs/` prefix, as in GitHub's `git/ref/{ref}` paths. */
  getRef(ref: string): { ref: string; sha: string } {
    const sha = this.refs.get(`refs/${ref}`);
    if (!sha) throw notFound();
    return { ref: `refs/${ref}`, sha };
  }

  /** @param ref the full name, `refs/heads/x`, as in GitHub's create-ref body. */
  createRef(ref: string, sha: string): { ref: string; sha: string } {
    if (!isValidRefName(ref)) {
      throw new ApiError(422, `${ref} is not a valid ref name.`);
    }
    if (!this.objectType(sha)) throw new ApiError(422, 'Object does not exist');
    if (this.refs.has(ref)) throw new ApiError(422, 'Reference already exists');
    this.refs.set(ref, sha);
    return { ref, sha };
  }

  /** @param ref without `refs/`; a non-fast-forward move needs `force`, exactly like GitHub. */
  updateRef(ref: string, sha: string, force: boolean): { ref: string; sha: string } {
    const name = `refs/${ref}`;
    const current = this.refs.get(name);
    if (!current) throw new ApiError(422, 'Reference does not exist');
    this.assertNotGuarded(name);
    if (!this.objectType(sha)) throw new ApiError(422, 'Object does not exist');
    if (!force) {
      const from = this.peel(current);
      const to = this.peel(sha);
      if (!from || !to || !this.isAncestor(from, to)) throw new ApiError(422, 'Update is not a fast forward');
    }
    this.refs.set(name, sha);
    return { ref: name, sha };
  }

  deleteRef(ref: string): void {
    const name = `refs/${ref}`;
    if (!this.refs.has(name)) throw new ApiError(422, 'Reference does not exist');
    this.assertNotGuarded(name);
    this.refs.delete(name);
  }

  private assertNotGuarded(fullRef: string): void {
    const veto = this.refGuard(fullRef);
    if (veto) throw new ApiError(422, veto);
  }

  /** Refs whose name starts with `refs/<prefix>`, sorted like GitHub lists them. */
  matchingRefs(prefix: string): { ref: string; sha: string }[] {
    return [...this.refs.entries()]
      .filter(([name]) => name.startsWith(`refs/${prefix}`))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([ref, sha]) => ({ ref, sha }));
  }

  createTag(seed: TagSeed): TagObjectRecord {
    const type = this.objectType(seed.object);
    if (!type) throw new ApiError(422, 'Object does not exist');
    if (seed.type && seed.type !== type) throw new ApiError(422, `Object is a ${type}, not a ${seed.type}`);
    const tagger = seed.tagger ?? DEFAULT_AUTHOR;
    const tag: TagObjectRecord = {
      sha: this.ids.sha(`tag ${seed.tag} ${seed.object} ${seed.message}`),
      tag: seed.tag,
      message: seed.message,
      object: { sha: seed.object, type },
      tagger: { name: tagger.name, email: tagger.email, date: seed.tagger?.date ?? this.clock.tick() },
    };
    this.tags.set(tag.sha, tag);
    return tag;
  }

  /** Seeding helper: the annotated tag object plus its `refs/tags/<name>` ref. */
  addAnnotatedTag(seed: TagSeed): TagObjectRecord {
    const tag = this.createTag(seed);
    this.createRef(`refs/tags/${seed.tag}`, tag.sha);
    return tag;
  }

  /** Seeding helper: points `refs/heads/<branch>` at `sha`, creating or moving it without checks. */
  setBranch(branch: string, sha: string): void {
    if (!this.commits.has(sha)) throw new Error(`FakeGitHub: commit ${sha} was never seeded`);
    this.refs.set(`refs/heads/${branch}`, sha);
  }
}
