import type { Clock } from './clock.js';
import type { IdAllocator } from './ids.js';

export type AccountType = 'User' | 'Bot' | 'Organization';

export interface UserRecord {
  login: string;
  id: number;
  type: AccountType;
  name: string | null;
  email: string | null;
  createdAt: Date;
}

/** The identity behind GITHUB_TOKEN in a workflow run (GitHub's real id for it). */
export const ACTIONS_BOT_LOGIN = 'github-actions[bot]';
const ACTIONS_BOT_ID = 41898282;

export class UserDirectory {
  private readonly byLogin = new Map<string, UserRecord>();

  constructor(
    private readonly ids: IdAllocator,
    private readonly clock: Clock,
  ) {
    this.byLogin.set(ACTIONS_BOT_LOGIN.toLowerCase(), {
      login: ACTIONS_BOT_LOGIN,
      id: ACTIONS_BOT_ID,
      type: 'Bot',
      name: null,
      email: null,
      createdAt: new Date('2019-07-22T18:49:14Z'),
    });
  }

  /** The account called `login`, created on first use. Logins ending in `[bot]` are bots. */
  ensure(login: string, type?: AccountType): UserRecord {
    const existing = this.get(login);
    if (existing) return existing;
    const user: UserRecord = {
      login,
      id: this.ids.id('user'),
      type: type ?? (login.endsWith('[bot]') ? 'Bot' : 'User'),
      name: null,
      email: null,
      createdAt: this.clock.tick(),
    };
    this.byLogin.set(login.toLowerCase(), user);
    return user;
  }

  /** Logins are case-insensitive on GitHub. */
  get(login: string): UserRecord | undefined {
    return this.byLogin.get(login.toLowerCase());
  }
}
