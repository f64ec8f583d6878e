import { actionsHandlers } from './actions.js';
import { checkHandlers } from './checks.js';
import { deploymentHandlers } from './deployments.js';
import { gitHandlers } from './git.js';
import { issueHandlers } from './issues.js';
import { pullHandlers } from './pulls.js';
import { releaseHandlers } from './releases.js';
import { repoHandlers } from './repos.js';
import type { Handler } from './types.js';

/** operationId → handler, for every operation FakeGitHub implements. */
export const handlers: Record<string, Handler> = {
  ...actionsHandlers,
  ...checkHandlers,
  ...deploymentHandlers,
  ...gitHandlers,
  ...issueHandlers,
  ...pullHandlers,
  ...releaseHandlers,
  ...repoHandlers,
};
