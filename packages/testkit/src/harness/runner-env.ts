import type { ExpressionContexts } from './expressions.js';

/** The env var the runner sets for an input: `INPUT_` + name with spaces as `_`, upper-cased, dashes kept. */
export function inputEnvName(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

/** Paths of one run's runner directories and file-command files. */
export interface RunnerPaths {
  temp: string;
  toolCache: string;
  workspace: string;
  eventPath: string;
  output: string;
  env: string;
  state: string;
  summary: string;
  path: string;
}

export interface RunnerEnvRequest {
  paths: RunnerPaths;
  eventName: string;
  event: unknown;
  actionName: string;
  debug: boolean;
  /** Caller's overrides of the defaults (and any extra variables). */
  overrides: Record<string, string>;
}

/** Host variables a process needs to work at all; nothing else of the parent's env reaches the action. */
const HOST_VARIABLES = ['PATH', 'HOME', 'LANG', 'LC_ALL', 'TZ', 'TMPDIR', 'SystemRoot', 'PATHEXT', 'TEMP', 'TMP'];

const DEFAULT_SHA = '6dcb09b5b57875f334f61aebed695e2e4193db5e';

function pick(value: unknown, ...keys: string[]): unknown {
  return keys.reduce<unknown>(
    (current, key) =>
      current !== null && typeof current === 'object' ? (current as Record<string, unknown>)[key] : undefined,
    value,
  );
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target']);

/** GITHUB_REF/SHA/HEAD_REF/BASE_REF as the runner derives them from the triggering event. */
function refVariables(eventName: string, event: unknown): Record<string, string> {
  if (PULL_REQUEST_EVENTS.has(eventName)) {
    const number = text(pick(event, 'number')) ?? text(pick(event, 'pull_request', 'number')) ?? '1';
    const target = eventName === 'pull_request_target';
    const baseRef = text(pick(event, 'pull_request', 'base', 'ref')) ?? 'main';
    return {
      GITHUB_REF: target ? `refs/heads/${baseRef}` : `refs/pull/${number}/merge`,
      GITHUB_REF_NAME: target ? baseRef : `${number}/merge`,
      GITHUB_REF_TYPE: 'branch',
      GITHUB_SHA: (target ? text(pick(event, 'pull_request', 'base', 'sha')) : undefined) ?? DEFAULT_SHA,
      GITHUB_HEAD_REF: text(pick(event, 'pull_request', 'head', 'ref')) ?? '',
      GITHUB_BASE_REF: baseRef,
    };
  }
  const ref = text(pick(event, 'ref')) ?? 'refs/heads/main';
  const isTag = ref.startsWith('refs/tags/');
  return {
    GITHUB_REF: ref,
    GITHUB_REF_NAME: ref.replace(/^refs\/(heads|tags)\//, ''),
    GITHUB_REF_TYPE: isTag ? 'tag' : 'branch',
    GITHUB_SHA: text(pick(event, 'after')) ?? DEFAULT_SHA,
    GITHUB_HEAD_REF: '',
    GITHUB_BASE_REF: '',
  };
}

function runnerOs(): string {
  return { darwin: 'macOS', win32: 'Windows' }[process.platform as string] ?? 'Linux';
}

function runnerArch(): string {
  return { arm64: 'ARM64', arm: 'ARM', ia32: 'X86' }[process.arch as string] ?? 'X64';
}

/**
 * The environment a JavaScript action sees on a GitHub-hosted runner, built from a clean base.
 * The file-command paths are fixed by the run and cannot be overridden.
 */
export function buildRunnerEnv(request: RunnerEnvRequest): Record<string, string> {
  const { paths, eventName, event, overrides } = request;
  const host: Record<string, string> = {};
  for (const name of HOST_VARIABLES) {
    const value = process.env[name];
    if (value !== undefined) host[name] = value;
  }
  const repository = overrides.GITHUB_REPOSITORY ?? 'mlgate-test/example';
  const actor = text(pick(event, 'sender', 'login')) ?? 'octocat';
  const defaults: Record<string, string> = {
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_REPOSITORY: repository,
    GITHUB_REPOSITORY_OWNER: repository.split('/')[0] ?? repository,
    GITHUB_EVENT_NAME: eventName,
    ...refVariables(eventName, event),
    GITHUB_RUN_ID: '7000000001',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_RUN_NUMBER: '1',
    GITHUB_WORKFLOW: 'CI',
    GITHUB_JOB: 'test',
    GITHUB_ACTION: `__mlgate_${request.actionName}`,
    GITHUB_ACTOR: actor,
    GITHUB_TRIGGERING_ACTOR: actor,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: 'https://api.github.com',
    GITHUB_GRAPHQL_URL: 'https://api.github.com/graphql',
    GITHUB_RETENTION_DAYS: '90',
    RUNNER_OS: runnerOs(),
    RUNNER_ARCH: runnerArch(),
    RUNNER_NAME: 'GitHub Actions 1',
    RUNNER_ENVIRONMENT: 'github-hosted',
    RUNNER_TOOL_CACHE: paths.toolCache,
    ...(request.debug ? { RUNNER_DEBUG: '1' } : {}),
  };
  return {
    ...host,
    ...defaults,
    ...overrides,
    GITHUB_WORKSPACE: paths.workspace,
    GITHUB_EVENT_PATH: paths.eventPath,
    GITHUB_OUTPUT: paths.output,
    GITHUB_ENV: paths.env,
    GITHUB_STATE: paths.state,
    GITHUB_STEP_SUMMARY: paths.summary,
    GITHUB_PATH: paths.path,
    RUNNER_TEMP: paths.temp,
  };
}

// The documented properties of the `github` and `runner` contexts that mirror a GITHUB_*/RUNNER_* variable.
const GITHUB_CONTEXT = [
  'action',
  'actor',
  'api_url',
  'base_ref',
  'env',
  'event_name',
  'event_path',
  'graphql_url',
  'head_ref',
  'job',
  'path',
  'ref',
  'ref_name',
  'ref_type',
  'repository',
  'repository_owner',
  'retention_days',
  'run_attempt',
  'run_id',
  'run_number',
  'server_url',
  'sha',
  'triggering_actor',
  'workflow',
  'workspace',
];
const RUNNER_CONTEXT = ['arch', 'debug', 'environment', 'name', 'os', 'temp', 'tool_cache'];

function contextFromEnv(env: Record<string, string>, prefix: string, names: string[]): Record<string, string> {
  const context: Record<string, string> = {};
  for (const name of names) {
    const value = env[`${prefix}${name.toUpperCase()}`];
    if (value !== undefined) context[name] = value;
  }
  return context;
}

/** The `github` and `runner` contexts as input defaults see them, read back from the env. */
export function expressionContexts(env: Record<string, string>, token: string, event: unknown): ExpressionContexts {
  return {
    github: { ...contextFromEnv(env, 'GITHUB_', GITHUB_CONTEXT), token },
    event,
    runner: contextFromEnv(env, 'RUNNER_', RUNNER_CONTEXT),
  };
}
