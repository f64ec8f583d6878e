import { Clock } from './clock.js';
import { IdAllocator } from './ids.js';
import { RepoState, type RepoOptions } from './repo.js';
import { ACTIONS_BOT_LOGIN, UserDirectory } from './users.js';

/** All state of one FakeGitHub: accounts, tokens and repositories. */
export class World {
  readonly clock: Clock;
  readonly ids = new IdAllocator();
  readonly users: UserDirectory;
  /** token → login */
  readonly tokens = new Map<string, string>();
  private readonly repos = new Map<string, RepoState>();

  constructor(
    start: Date | undefined,
    /** Who an unregistered token acts as. */
    readonly defaultLogin: string = ACTIONS_BOT_LOGIN,
  ) {
    this.clock = new Clock(start);
    this.users = new UserDirectory(this.ids, this.clock);
    this.users.ensure(defaultLogin);
  }

  addRepo(options: RepoOptions): RepoState {
    const key = `${options.owner}/${options.repo}`.toLowerCase();
    if (this.repos.has(key)) throw new Error(`FakeGitHub: repository ${options.owner}/${options.repo} already exists`);
    const repo = new RepoState(options, this.ids, this.clock, this.users, (fullName, forkOf) => {
      const [owner = '', name = ''] = fullName.split('/');
      if (!this.repo(owner, name)) this.addRepo({ owner, repo: name, forkOf });
    });
    this.repos.set(key, repo);
    return repo;
  }

  /** Owner and repository names are case-insensitive on GitHub. */
  repo(owner: string, name: string): RepoState | undefined {
    return this.repos.get(`${owner}/${name}`.toLowerCase());
  }

  repoById(id: number): RepoState | undefined {
    return [...this.repos.values()].find((r) => r.id === id);
  }

  /** The login a request's `Authorization` header acts as; undefined when the request is anonymous. */
  identify(authorization: string | undefined): string | undefined {
    const token = /^(?:token|bearer)\s+(\S+)$/i.exec(authorization ?? '')?.[1];
    if (!token) return undefined;
    return this.tokens.get(token) ?? this.defaultLogin;
  }
}
