import { ApiError, notFound } from '../api-error.js';
import { RateLimiter } from '../rate-limit.js';
import { permissionFlags, renderFullRepository } from '../render/repos.js';
import { renderPrivateUser, renderSimpleUser } from '../render/users.js';
import type { Role } from '../state/repo.js';
import { actor, type Handler } from './types.js';

// The permission API folds the finer roles into the classic levels.
const LEVEL: Record<Role, 'admin' | 'write' | 'read' | 'none'> = {
  admin: 'admin',
  maintain: 'write',
  write: 'write',
  triage: 'read',
  read: 'read',
  none: 'none',
};

export const repoHandlers: Record<string, Handler> = {
  'repos/get': (req) => ({
    status: 200,
    body: renderFullRepository(req.ctx, req.repo, req.login ? req.repo.roleOf(req.login) : 'read'),
  }),

  'repos/get-collaborator-permission-level': (req) => {
    const user = req.ctx.world.users.get(String(req.params.username));
    if (!user) throw notFound();
    const role = req.repo.roleOf(user.login);
    return {
      status: 200,
      body: {
        permission: LEVEL[role],
        role_name: role,
        user: { ...renderSimpleUser(req.ctx, user.login), permissions: permissionFlags(role), role_name: role },
      },
    };
  },

  // An installation token (GITHUB_TOKEN) has no user behind it: GitHub answers 403 here.
  'users/get-authenticated': (req) => {
    const login = actor(req);
    if (req.ctx.world.users.get(login)?.type === 'Bot')
      throw new ApiError(403, 'Resource not accessible by integration');
    return { status: 200, body: renderPrivateUser(req.ctx, login) };
  },

  'rate-limit/get': (req) => {
    const window = req.rateLimiter.window(req.login);
    const core = { ...window, remaining: Math.max(0, window.limit - window.used) };
    const other = (limit: number) => ({ limit, used: 0, remaining: limit, reset: window.reset });
    return {
      status: 200,
      body: {
        resources: { core, search: other(30), graphql: other(5000), integration_manifest: other(5000) },
        rate: core,
      },
      headers: RateLimiter.headers(window),
    };
  },
};
