import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Readable } from 'node:stream';
import type { ActionMetadata } from './action-metadata.js';
import { CommandLog } from './command-log.js';
import type { Annotation } from './command-log.js';
import { evaluateTemplate } from './expressions.js';
import { parseKeyValueFile, parsePathFile } from './file-commands.js';
import { resolveAction } from './resolve-action.js';
import type { ActionPhase } from './resolve-action.js';
import { buildRunnerEnv, expressionContexts, inputEnvName } from './runner-env.js';
import type { RunnerPaths } from './runner-env.js';
import type { WorkflowCommand } from './workflow-commands.js';

/** Stands in for `github.token` when a test gives none: the real runner always has one. */
export const HARNESS_GITHUB_TOKEN = 'ghs_mlgateHarnessToken0000000000000000';

/** GitHub drops a step summary above 1 MiB and reports an error instead. */
const SUMMARY_LIMIT_BYTES = 1024 * 1024;

export interface RunActionOptions {
  /** An action name under `<repo>/actions/`, or an absolute path to an action folder or a script. */
  action: string;
  /** The step's `with:` values. Omitted inputs get their action.yml defaults. */
  inputs?: Record<string, string>;
  /** Extra variables, and overrides of the runner defaults (GITHUB_REPOSITORY, GITHUB_API_URL, …). */
  env?: Record<string, string>;
  /** The webhook payload written to GITHUB_EVENT_PATH (default `{}`). */
  event?: object;
  /** GITHUB_EVENT_NAME (default `push`). */
  eventName?: string;
  /** GITHUB_WORKSPACE and the process's cwd (default: an empty folder in the run's temp dir). */
  cwd?: string;
  /** Kill the action and fail after this long (default 20 s). */
  timeoutMs?: number;
  /** `github.token` for `${{ github.token }}` defaults (default: env.GITHUB_TOKEN, else a fixed fake). */
  githubToken?: string;
  /** Which of `runs.pre|main|post` to run (default `main`). */
  phase?: ActionPhase;
  /** Saved state from an earlier phase, exposed as `STATE_<name>` (what `core.getState` reads). */
  state?: Record<string, string>;
  /** Sets RUNNER_DEBUG=1, as re-running a job with debug logging does. */
  debug?: boolean;
  /** Keep the run's temp dir (RUNNER_TEMP, file-command files, event) and report it as `tempDir`. */
  keepTempDir?: boolean;
}

export interface ActionRun {
  exitCode: number;
  /** The signal that ended the process, when one did. */
  signal: NodeJS.Signals | null;
  /** `failure` when the process failed or the runner rejected a command or an environment file. */
  conclusion: 'success' | 'failure';
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  /** Variables exported for later steps (GITHUB_ENV, and `set-env` when allowed). */
  env: Record<string, string>;
  /** State saved for the post phase (GITHUB_STATE and legacy `save-state`). */
  state: Record<string, string>;
  /** Directories added to PATH for later steps. */
  path: string[];
  /** The step summary as GitHub shows it (masked values replaced by `***`). */
  summary: string;
  annotations: Annotation[];
  commands: WorkflowCommand[];
  /** Titles of every `::group::`, in order. */
  groups: string[];
  unclosedGroups: string[];
  hasUnclosedGroups: boolean;
  /** `::endgroup::` lines with no open group. */
  strayEndGroups: number;
  /** Values registered with `::add-mask::`. */
  masked: string[];
  /** The exact environment the action was started with. */
  startEnv: Record<string, string>;
  durationMs: number;
  /** The run's temp dir, when `keepTempDir` asked to keep it. */
  tempDir?: string;
}

async function createRunnerDirs(root: string, cwd: string | undefined): Promise<RunnerPaths> {
  const temp = path.join(root, '_temp');
  const commands = path.join(temp, '_runner_file_commands');
  const paths: RunnerPaths = {
    temp,
    toolCache: path.join(root, '_tool'),
    workspace: cwd ?? path.join(root, 'workspace'),
    eventPath: path.join(temp, '_github_workflow', 'event.json'),
    output: path.join(commands, 'set_output'),
    env: path.join(commands, 'set_env'),
    state: path.join(commands, 'save_state'),
    summary: path.join(commands, 'step_summary'),
    path: path.join(commands, 'add_path'),
  };
  for (const dir of [commands, paths.toolCache, paths.workspace, path.dirname(paths.eventPath)]) {
    await mkdir(dir, { recursive: true });
  }
  for (const file of [paths.output, paths.env, paths.state, paths.summary, paths.path]) await writeFile(file, '');
  return paths;
}

interface InputPlan {
  env: Record<string, string>;
  warnings: string[];
}

/** INPUT_* variables as the runner sets them: given values, else evaluated defaults. */
function planInputs(
  metadata: ActionMetadata | undefined,
  given: Record<string, string>,
  evaluate: (template: string, where: ActionMetadata['inputs'][number]) => string,
): InputPlan {
  const env: Record<string, string> = {};
  const warnings: string[] = [];
  for (const [name, value] of Object.entries(given)) env[inputEnvName(name)] = value;
  if (metadata === undefined) return { env, warnings };
  const declared = new Set(metadata.inputs.map((input) => input.name.toLowerCase()));
  const unexpected = Object.keys(given).filter((name) => !declared.has(name.toLowerCase()));
  if (unexpected.length > 0) {
    const valid = metadata.inputs.map((input) => `'${input.name}'`).join(', ');
    warnings.push(
      `Unexpected input(s) ${unexpected.map((name) => `'${name}'`).join(', ')}, valid inputs are [${valid}]`,
    );
  }
  for (const input of metadata.inputs) {
    const givenName = Object.keys(given).find((name) => name.toLowerCase() === input.name.toLowerCase());
    if (givenName !== undefined) {
      if (input.deprecationMessage !== undefined) {
        warnings.push(`Input '${input.name}' has been deprecated with message: ${input.deprecationMessage}`);
      }
    } else if (input.default !== undefined) {
      env[inputEnvName(input.name)] = evaluate(input.default, input);
    }
  }
  return { env, warnings };
}

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

function followLines(stream: Readable, sink: string[], onLine: (line: string) => void): Promise<void> {
  stream.setEncoding('utf8');
  let pending = '';
  stream.on('data', (chunk: string) => {
    sink.push(chunk);
    pending += chunk;
    let lf = pending.indexOf('\n');
    while (lf >= 0) {
      onLine(pending.slice(0, lf).replace(/\r$/, ''));
      pending = pending.slice(lf + 1);
      lf = pending.indexOf('\n');
    }
  });
  return new Promise((resolve) =>
    stream.on('end', () => {
      if (pending !== '') onLine(pending.replace(/\r$/, ''));
      resolve();
    }),
  );
}

function tail(text: string): string {
  return text.length > 2000 ? `…${text.slice(-2000)}` : text;
}

async function readFileCommands(paths: RunnerPaths, log: CommandLog) {
  const results: Record<'output' | 'env' | 'state', Record<string, string>> = { output: {}, env: {}, state: {} };
  let failed = false;
  for (const kind of ['output', 'env', 'state'] as const) {
    const parsed = parseKeyValueFile(await readFile(paths[kind], 'utf8'));
    if (parsed.ok) {
      results[kind] = parsed.values;
    } else {
      failed = true;
      log.annotate('error', `Unable to process file command '${kind}' successfully.`);
      log.annotate('error', parsed.error);
    }
  }
  const summaryBytes = await readFile(paths.summary);
  if (summaryBytes.length > SUMMARY_LIMIT_BYTES) {
    const got = Math.floor(summaryBytes.length / 1024);
    log.annotate('error', `$GITHUB_STEP_SUMMARY upload aborted, supports content up to a size of 1024k, got ${got}k.`);
  }
  return {
    ...results,
    failed,
    path: parsePathFile(await readFile(paths.path, 'utf8')),
    summary: log.mask(summaryBytes.toString('utf8')),
  };
}

/**
 * Runs an action's bundle in a child process exactly as a GitHub-hosted runner starts a
 * JavaScript action: runner env and file-command files in a fresh temp dir, INPUT_* from the
 * step's inputs and action.yml defaults, then workflow commands and environment files read back
 * the way the runner reads them. Rejects (UserError) when action.yml or a default cannot be
 * evaluated, and (Error) when the action outlives `timeoutMs`.
 */
export async function runActionBundle(options: RunActionOptions): Promise<ActionRun> {
  const resolved = await resolveAction(options.action, options.phase ?? 'main');
  const root = await mkdtemp(path.join(os.tmpdir(), 'mlgate-harness-'));
  try {
    const paths = await createRunnerDirs(root, options.cwd);
    const event = options.event ?? {};
    await writeFile(paths.eventPath, JSON.stringify(event, null, 2));
    const overrides = options.env ?? {};
    const baseEnv = buildRunnerEnv({
      paths,
      eventName: options.eventName ?? 'push',
      event,
      actionName: resolved.name,
      debug: options.debug ?? false,
      overrides,
    });
    const token = options.githubToken ?? overrides.GITHUB_TOKEN ?? HARNESS_GITHUB_TOKEN;
    const contexts = expressionContexts(baseEnv, token, event);
    const inputs = planInputs(resolved.metadata, options.inputs ?? {}, (template, input) =>
      evaluateTemplate(template, contexts, input.defaultLocation),
    );
    const stateEnv = Object.fromEntries(Object.entries(options.state ?? {}).map(([k, v]) => [`STATE_${k}`, v]));
    const startEnv = { ...baseEnv, ...stateEnv, ...inputs.env };

    const log = new CommandLog({
      workspace: paths.workspace,
      secrets: [token],
      allowUnsecureCommands: startEnv.ACTIONS_ALLOW_UNSECURE_COMMANDS === 'true',
    });
    for (const warning of inputs.warnings) log.annotate('warning', warning);

    const started = performance.now();
    const child = spawn(process.execPath, [resolved.entry], {
      cwd: paths.workspace,
      env: startEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const stdout: string[] = [];
    const stderr: string[] = [];
    const streams = Promise.all([
      followLines(child.stdout, stdout, (line) => log.feed(line)),
      followLines(child.stderr, stderr, (line) => log.feed(line)),
    ]);
    let timedOut = false;
    const timeoutMs = options.timeoutMs ?? 20_000;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    const exit = await new Promise<Exit>((resolve, reject) => {
      child.on('error', reject);
      child.on('close', (code, signal) => resolve({ code, signal }));
    }).finally(() => clearTimeout(timer));
    await streams;
    const durationMs = performance.now() - started;
    if (timedOut) {
      throw new Error(
        `${resolved.entry} did not finish within ${timeoutMs} ms\n--- stdout ---\n${tail(stdout.join(''))}` +
          `\n--- stderr ---\n${tail(stderr.join(''))}`,
      );
    }

    const files = await readFileCommands(paths, log);
    const exitCode = exit.code ?? 128 + (exit.signal ? (os.constants.signals[exit.signal] ?? 0) : 0);
    const failed = exitCode !== 0 || log.failedByCommand || files.failed;
    const run: ActionRun = {
      exitCode,
      signal: exit.signal,
      conclusion: failed ? 'failure' : 'success',
      stdout: stdout.join(''),
      stderr: stderr.join(''),
      outputs: { ...log.legacyOutputs, ...files.output },
      env: { ...log.legacyEnv, ...files.env },
      state: { ...log.legacyState, ...files.state },
      path: [...log.legacyPath, ...files.path],
      summary: files.summary,
      annotations: log.annotations,
      commands: log.commands,
      groups: log.groups,
      unclosedGroups: [...log.openGroups],
      hasUnclosedGroups: log.openGroups.length > 0,
      strayEndGroups: log.strayEndGroups,
      masked: log.masked,
      startEnv,
      durationMs,
    };
    if (options.keepTempDir) run.tempDir = root;
    return run;
  } finally {
    if (!options.keepTempDir) await rm(root, { recursive: true, force: true });
  }
}

/** Throws unless every `::group::` of the run was closed and no `::endgroup::` was unmatched. */
export function assertGroupsBalanced(run: Pick<ActionRun, 'unclosedGroups' | 'strayEndGroups'>): void {
  const problems: string[] = [];
  if (run.unclosedGroups.length > 0) {
    problems.push(`unclosed group(s): ${run.unclosedGroups.map((title) => JSON.stringify(title)).join(', ')}`);
  }
  if (run.strayEndGroups > 0) problems.push(`${run.strayEndGroups} ::endgroup:: without an open group`);
  if (problems.length > 0) throw new Error(`log groups are unbalanced: ${problems.join('; ')}`);
}
