/** The runner harness: runs action bundles as a GitHub-hosted runner does and reads back what they did. */
export { runActionBundle, assertGroupsBalanced, HARNESS_GITHUB_TOKEN } from './harness/run-action.js';
export type { ActionRun, RunActionOptions } from './harness/run-action.js';
export type { Annotation, AnnotationLevel } from './harness/command-log.js';
export type { ActionPhase } from './harness/resolve-action.js';
export { repoRoot } from './harness/resolve-action.js';
export { inputEnvName } from './harness/runner-env.js';
export {
  parseWorkflowCommand,
  workflowCommandsIn,
  unescapeCommandData,
  unescapeCommandProperty,
  RUNNER_COMMANDS,
} from './harness/workflow-commands.js';
export type { CommandMatching, WorkflowCommand } from './harness/workflow-commands.js';
export { parseKeyValueFile, parsePathFile } from './harness/file-commands.js';
export type { FileCommandResult } from './harness/file-commands.js';
export { loadActionMetadata } from './harness/action-metadata.js';
export type { ActionMetadata, ActionInputSpec } from './harness/action-metadata.js';
