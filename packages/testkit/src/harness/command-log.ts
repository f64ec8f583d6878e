import path from 'node:path';
import { commandProperty, parseWorkflowCommand, RUNNER_COMMANDS } from './workflow-commands.js';
import type { WorkflowCommand } from './workflow-commands.js';

export type AnnotationLevel = 'error' | 'warning' | 'notice';

/** An annotation as GitHub shows it on the run page and in the PR's files view. */
export interface Annotation {
  level: AnnotationLevel;
  message: string;
  file?: string;
  line?: number;
  col?: number;
  endLine?: number;
  endColumn?: number;
  title?: string;
}

export interface CommandLogOptions {
  /** GITHUB_WORKSPACE: annotation files under it are reported relative to it, as the runner does. */
  workspace: string;
  /** Values the runner masks without an `add-mask` (the job's secrets, e.g. the token). */
  secrets: readonly string[];
  /** `ACTIONS_ALLOW_UNSECURE_COMMANDS=true` re-enables `set-env` and `add-path`. */
  allowUnsecureCommands: boolean;
}

const DEPRECATED_MESSAGE = (name: string): string =>
  `The \`${name}\` command is deprecated and will be disabled soon. Please upgrade to using Environment Files.`;
const DISABLED_MESSAGE = (name: string): string =>
  `The \`${name}\` command is disabled. Please upgrade to using Environment Files or opt into unsecure command ` +
  'execution by setting the `ACTIONS_ALLOW_UNSECURE_COMMANDS` environment variable to `true`.';

/** Marks a command the runner refuses; the runner fails the step and reports both messages. */
class CommandRejected extends Error {}

function toInteger(value: string | undefined): number | undefined {
  return value !== undefined && /^-?\d+$/.test(value.trim()) ? Number(value.trim()) : undefined;
}

/**
 * Follows a step's output line by line and applies each workflow command the way the runner
 * does: annotations, masks, groups, legacy outputs/state, `stop-commands` pauses, and the
 * commands the runner refuses (which fail the step even when the process exits 0).
 */
export class CommandLog {
  readonly commands: WorkflowCommand[] = [];
  readonly annotations: Annotation[] = [];
  readonly groups: string[] = [];
  readonly masked: string[] = [];
  readonly legacyOutputs: Record<string, string> = {};
  readonly legacyState: Record<string, string> = {};
  readonly legacyEnv: Record<string, string> = {};
  readonly legacyPath: string[] = [];
  /** Titles of groups opened and not (yet) closed, innermost last. */
  readonly openGroups: string[] = [];
  /** `::endgroup::` lines seen while no group was open. */
  strayEndGroups = 0;
  /** True once the runner would mark the step failed because of a command. */
  failedByCommand = false;

  private stopToken: string | undefined;
  private readonly options: CommandLogOptions;

  constructor(options: CommandLogOptions) {
    this.options = options;
  }

  /** Every value the runner would replace with `***` in logs, annotations and the summary. */
  get secrets(): string[] {
    return [...this.options.secrets, ...this.masked].filter((value) => value.trim() !== '');
  }

  mask(text: string): string {
    let result = text;
    // Longest first, so a secret that contains another is hidden whole.
    for (const secret of [...this.secrets].sort((a, b) => b.length - a.length)) {
      result = result.split(secret).join('***');
    }
    return result;
  }

  feed(line: string): void {
    // While paused only the token resumes; an empty token pauses for the rest of the step.
    const known = this.stopToken === undefined ? RUNNER_COMMANDS : new Set(this.stopToken ? [this.stopToken] : []);
    const command = parseWorkflowCommand(line, known);
    if (command === undefined) return;
    if (this.stopToken !== undefined) {
      this.stopToken = undefined;
      return;
    }
    this.commands.push(command);
    try {
      this.apply(command);
    } catch (error) {
      if (!(error instanceof CommandRejected)) throw error;
      const shown = command.command === 'add-mask' || command.command === 'debug' ? command.command : line;
      this.failedByCommand = true;
      this.annotate('error', `Unable to process command '${shown}' successfully.`);
      this.annotate('error', error.message);
    }
  }

  private apply(command: WorkflowCommand): void {
    switch (command.command) {
      case 'stop-commands':
        this.stopToken = command.message.toLowerCase();
        return;
      case 'error':
      case 'warning':
      case 'notice':
        this.addIssue(command.command, command);
        return;
      case 'group':
        this.groups.push(command.message);
        this.openGroups.push(command.message);
        return;
      case 'endgroup':
        if (this.openGroups.pop() === undefined) this.strayEndGroups += 1;
        return;
      case 'add-mask':
        if (command.message.trim() === '') this.annotate('warning', "Can't add secret mask for empty string.");
        else this.masked.push(command.message);
        return;
      case 'set-output':
        this.legacyOutputs[this.requiredName(command)] = command.message;
        this.annotate('warning', DEPRECATED_MESSAGE(command.command));
        return;
      case 'save-state':
        this.legacyState[this.requiredName(command)] = command.message;
        this.annotate('warning', DEPRECATED_MESSAGE(command.command));
        return;
      case 'set-env':
        this.requireUnsecureCommands(command);
        this.setLegacyEnv(this.requiredName(command), command.message);
        return;
      case 'add-path':
        this.requireUnsecureCommands(command);
        if (command.message === '') throw new CommandRejected("Parameter 'path' cannot be null or empty.");
        this.legacyPath.push(command.message);
        return;
      case 'echo':
        if (!['ON', 'OFF'].includes(command.message.trim().toUpperCase())) {
          throw new CommandRejected(`Invalid echo command value. Possible values can be: 'on', 'off'.`);
        }
        return;
      default:
        // debug, add-matcher, remove-matcher: recorded in `commands`, no effect on the step's result.
        return;
    }
  }

  private requiredName(command: WorkflowCommand): string {
    const name = commandProperty(command, 'name');
    if (!name) throw new CommandRejected(`Required field 'name' is missing in ##[${command.command}] command.`);
    return name;
  }

  private requireUnsecureCommands(command: WorkflowCommand): void {
    if (!this.options.allowUnsecureCommands) throw new CommandRejected(DISABLED_MESSAGE(command.command));
  }

  private setLegacyEnv(name: string, value: string): void {
    if (name.toUpperCase() === 'NODE_OPTIONS') {
      this.annotate('error', `Can't update ${name} environment variable using ::set-env:: command.`);
      return;
    }
    this.legacyEnv[name] = value;
  }

  private addIssue(level: AnnotationLevel, command: WorkflowCommand): void {
    const annotation: Annotation = { level, message: this.mask(command.message) };
    const file = commandProperty(command, 'file');
    if (file) annotation.file = this.relativeToWorkspace(file);
    const numbers = { line: 'line', col: 'col', endLine: 'endLine', endColumn: 'endColumn' } as const;
    for (const [field, key] of Object.entries(numbers) as [keyof typeof numbers, string][]) {
      const value = toInteger(commandProperty(command, key));
      if (value !== undefined) annotation[field] = value;
    }
    const title = commandProperty(command, 'title');
    if (title !== undefined) annotation.title = this.mask(title);
    this.annotations.push(annotation);
  }

  private relativeToWorkspace(file: string): string {
    if (!path.isAbsolute(file)) return file;
    const relative = path.relative(this.options.workspace, file);
    if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return file;
    return relative.split(path.sep).join('/');
  }

  /** Adds an annotation of the runner's own (not from a command), e.g. a refused command. */
  annotate(level: AnnotationLevel, message: string): void {
    this.annotations.push({ level, message: this.mask(message) });
  }
}
