export type { Logger } from './logger.js';
export { actionsLogger, annotationFor, annotationMessage } from './actions-logger.js';
export { inertCommands, inertJson, inertWriter, oneLine } from './text.js';
export type { ActionsCore } from './actions-logger.js';
export { consoleLogger } from './console-logger.js';
export type { ConsoleLoggerOptions } from './console-logger.js';
export { memoryLogger } from './memory-logger.js';
export type { LogEntry, MemoryLogger } from './memory-logger.js';
export { runAction } from './run-action.js';
export type { ActionMain, RunActionDeps } from './run-action.js';
export { booleanInput, enumInput, intInput, listInput, optionalInput, renamedInput, requiredInput } from './inputs.js';
export type { InputSource, IntInputOptions } from './inputs.js';
export { createOctokit, RateLimitExceededError } from './octokit/client.js';
export type { CreateOctokitOptions, GitHubClient, OctokitClock } from './octokit/client.js';
export { FALLBACK_WAIT_SECONDS, MAX_PLAUSIBLE_WAIT_SECONDS, rateLimitWait } from './octokit/rate-limit.js';
export type { RateLimitHeaders, RateLimitWait } from './octokit/rate-limit.js';
export type { Comment, CommentStore } from './comments/store.js';
export { GitHubCommentStore } from './comments/github-store.js';
export { LocalCommentStore } from './comments/local-store.js';
export { MemoryCommentStore } from './comments/memory-store.js';
export { MAX_COMMENT_CHARS, stickyMarker, upsertStickyComment } from './comments/sticky.js';
export type { StickyAction, StickyComment, StickyResult } from './comments/sticky.js';
export type { ArtifactQuery, ArtifactRun, ArtifactStore, LatestArtifact, UploadedArtifact } from './artifacts/store.js';
export { GitHubCheckRunStore, MAX_CHECK_SUMMARY_CHARS } from './checks/check-run.js';
export { reportCheckRuns } from './checks/report-check-runs.js';
export type { ReportCheckRunOptions } from './checks/report-check-runs.js';
export type { CheckRun, CheckRunAnnotation, CheckRunStore, PublishedCheckRun } from './checks/check-run.js';
export { GitHubRunArtifactStore } from './artifacts/github-store.js';
export type { GitHubRunArtifactStoreOptions } from './artifacts/github-store.js';
export { LocalArtifactStore } from './artifacts/local-store.js';
export type { LocalRun } from './artifacts/local-store.js';
export type { CacheRestore, CacheSave, CacheStore } from './cache/store.js';
export { GitHubCacheStore } from './cache/github-store.js';
export { LocalCacheStore } from './cache/local-store.js';
export { fileDigest } from './file-digest.js';
export type { FileDigest } from './file-digest.js';
export { DEFAULT_EXTRACT_LIMITS, UnsafeArchiveError, extractZip } from './artifacts/extract-zip.js';
export type { ExtractLimits } from './artifacts/extract-zip.js';
export { workflowFileName } from './artifacts/workflow.js';
export { parseBaselineSpec } from './baseline/spec.js';
export type { BaselineSpec } from './baseline/spec.js';
export { resolveBaseline } from './baseline/resolve.js';
export type {
  BaselineFound,
  BaselineResolution,
  BaselineSource,
  RegistryBaselines,
  ResolveBaselineOptions,
} from './baseline/resolve.js';
export * from './registry/index.js';
export { reportTrigger } from './report/trigger.js';
export type { ReportTrigger, WorkflowRunTrigger } from './report/trigger.js';
export {
  DEFAULT_REPORT_ARTIFACT,
  REPORT_ARCHIVE_MAX_BYTES,
  REPORT_ARTIFACT_JSON,
  REPORT_ARTIFACT_LIMITS,
  pullRequestsForRun,
  readTriggeringReport,
} from './report/artifact.js';
export * from './chatops/index.js';
export { readVegaScripts } from './report/vega-scripts.js';
