export type { Logger } from './logger.js';
export { actionsLogger, annotationFor, annotationMessage, inertCommands, oneLine } from './actions-logger.js';
export type { ActionsCore } from './actions-logger.js';
export { consoleLogger } from './console-logger.js';
export type { ConsoleLoggerOptions } from './console-logger.js';
export { memoryLogger } from './memory-logger.js';
export type { LogEntry, MemoryLogger } from './memory-logger.js';
export { runAction } from './run-action.js';
export type { ActionMain, RunActionDeps } from './run-action.js';
export {
  booleanInput,
  enumInput,
  intInput,
  listInput,
  optionalInput,
  renamedInput,
  requiredInput,
} from './inputs.js';
export type { InputSource, IntInputOptions } from './inputs.js';
export { createOctokit, RateLimitExceededError } from './octokit/client.js';
export type { CreateOctokitOptions, GitHubClient, OctokitClock } from './octokit/client.js';
export { FALLBACK_WAIT_SECONDS, MAX_PLAUSIBLE_WAIT_SECONDS, rateLimitWait } from './octokit/rate-limit.js';
export type { RateLimitHeaders, RateLimitWait } from './octokit/rate-limit.js';
export type { Comment, CommentStore } from './comments/store.js';
export { GitHubCommentStore } from './comments/github-store.js';
export { LocalCommentStore } from './comments/local-store.js';
export { MemoryCommentStore } from './comments/memory-store.js';
export { stickyMarker, upsertStickyComment } from './comments/sticky.js';
export type { StickyAction, StickyComment, StickyResult } from './comments/sticky.js';
