import { copyFile, mkdir } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import {
  closestMatch,
  type ModelState,
  registryState,
  type StagePolicy,
  type TagRecord,
  UserError,
} from '@mlgate/core';
import {
  deprecateModel,
  deregisterVersion,
  type EventDetails,
  loadCompareConfig,
  MANIFEST_FILE,
  promoteVersion,
  readRegistrationEvidence,
  type RecordedEvent,
  type RegisteredManifest,
  type RegisteredReport,
  registerVersion,
  storedPredictionsComparer,
  unassignStage,
} from '@mlgate/engine';
import { consoleLogger, GitRegistryStore, inertJson, LocalReleaseFiles, type Logger } from '@mlgate/github';
import { type Command, parseCommandArgs } from '../command.js';
import { ExitCode } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { LOCAL_RELEASES_DIR } from './compare.js';

const HELP = `Usage: mlgate registry <subcommand> [options]

The git-native model registry: annotated git tags in GTO's grammar, so GTO reads the same registry.

  show [model] [--json]                      every model (or one): versions and what each stage holds
  history <model> [--json]                   every event of the model, oldest first, with who and when
  register <model> [--version vX.Y.Z | --bump patch|minor|major|auto] [--ref REV]
           [--manifest FILE] [--report FILE] [--reason TEXT]
                                             tag the commit as a new version (<model>@vX.Y.Z); the manifest,
                                             report, metrics and predictions are stored in ${LOCAL_RELEASES_DIR}/<tag>/
  assign <model>@<version> <stage> [--reason TEXT] [--force --reason TEXT]
                                             promote (or roll back): <model>#<stage>#N, refused without evidence
  unassign <model>[@<version>] <stage>       the stage holds nothing (or no longer that version)
  deregister <model>@<version>               <model>@vX.Y.Z!
  deprecate <model>                          <model>@deprecated#N

Options:
  --push               publish each new tag to the remote (git push <remote> refs/tags/<tag>, never forced)
  --remote <name>      the remote for --push and for reading (default origin)
  --config <file>      mlgate.yml (default ./mlgate.yml): stages, and each model's stage policies and bump
  --actor <name>       who asks, recorded in the tag (default: git's user.name)
  --json               print the result as JSON on stdout

Promotion evidence (assign): the version's registering tag records a gate verdict of pass (or warn where
models.<name>.stages.<stage>.allow_warn), its manifest digest matches the stored manifest, and, with
require_better_than_current, no metric is significantly worse than the stage's current version on the
stored predictions. A refusal lists each missing piece and exits 1; --force with --reason overrides and
the tag records both. Re-running a promotion that is already recorded writes nothing.

Exit codes: 0 done (or already recorded), 1 promotion refused, 2 usage, configuration or input error.
`;

const OPTIONS = {
  version: { type: 'string' },
  bump: { type: 'string' },
  ref: { type: 'string' },
  manifest: { type: 'string' },
  report: { type: 'string' },
  reason: { type: 'string' },
  force: { type: 'boolean' },
  push: { type: 'boolean' },
  remote: { type: 'string' },
  config: { type: 'string' },
  actor: { type: 'string' },
  json: { type: 'boolean' },
} as const;

type Values = ReturnType<typeof parseCommandArgs<typeof OPTIONS>>['values'];

const DEFAULT_POLICY: StagePolicy = { allowWarn: false, requireBetterThanCurrent: false };

export const registryCommand: Command = {
  name: 'registry',
  summary: 'register, assign and promote model versions in the git-native registry',
  help: HELP,
  async run(argv, io) {
    const [sub, ...rest] = argv;
    if (sub === undefined)
      throw new UserError(`name a subcommand: ${Object.keys(SUBCOMMANDS).join(', ')} (see \`mlgate registry --help\`)`);
    const { values, positionals } = parseCommandArgs('registry', rest, OPTIONS);
    const logger = consoleLogger({ stream: io.stderr });
    const store = new GitRegistryStore(io.cwd, values.push ? { push: values.remote ?? 'origin' } : {});
    const context: Context = { io, values, positionals, store, logger };
    const subcommand = SUBCOMMANDS[sub];
    if (subcommand === undefined) {
      const suggestion = closestMatch(sub, Object.keys(SUBCOMMANDS));
      throw new UserError(
        `unknown subcommand "${sub}"${suggestion ? ` (did you mean "${suggestion}"?)` : ''} (see \`mlgate registry --help\`)`,
      );
    }
    return subcommand(context);
  },
};

interface Context {
  io: CliIo;
  values: Values;
  positionals: string[];
  store: GitRegistryStore;
  logger: Logger;
}

/** The subcommands, in the order the help lists them. */
const SUBCOMMANDS: Record<string, (context: Context) => Promise<ExitCode>> = {
  show,
  history,
  register,
  assign,
  unassign,
  deregister,
  deprecate,
};

function args(context: Context, usage: string, count: number, allowed: (keyof Values)[]): string[] {
  const { positionals, values } = context;
  if (positionals.length !== count) throw new UserError(`usage: mlgate registry ${usage}`);
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined && !allowed.includes(key as keyof Values)) {
      throw new UserError(`--${key} does not apply here; usage: mlgate registry ${usage}`);
    }
  }
  return positionals;
}

/** `churn@v1.2.0` → model and version; the model part may hold a monorepo folder (`dir:name@v1.0.0`). */
function modelAtVersion(text: string, usage: string): { model: string; version: string } {
  const at = text.lastIndexOf('@');
  if (at <= 0)
    throw new UserError(`expected <model>@<version>, got ${JSON.stringify(text)}; usage: mlgate registry ${usage}`);
  return { model: text.slice(0, at), version: text.slice(at + 1) };
}

async function stateOf(store: GitRegistryStore, model: string): Promise<ModelState> {
  return registryState(model, await store.listTags(model));
}

async function actorOf(context: Context): Promise<string> {
  return context.values.actor ?? (await context.store.identity());
}

function out(context: Context, json: unknown, text: string): void {
  context.io.stdout.write(context.values.json ? inertJson(json) : text.endsWith('\n') ? text : `${text}\n`);
}

function eventJson(action: string, model: string, event: RecordedEvent) {
  return { action, model, ...event };
}

function describeEvent(event: RecordedEvent, what: string): string {
  return event.created
    ? `Created ${event.tag}: ${what}.`
    : `${what} is recorded already by ${event.tag}; nothing written.`;
}

// ---- show / history

async function show(context: Context): Promise<ExitCode> {
  const [model] = args(
    context,
    'show [model] [--json]',
    context.positionals.length > 1 ? -1 : context.positionals.length,
    ['json', 'push', 'remote'],
  );
  const tags = await context.store.listTags(model);
  const models = model !== undefined ? [model] : modelsIn(tags);
  const states = models.map((name) => registryState(name, tags));
  const json = { schema: 'mlgate/registry-show@1', models: states.map(showJson) };
  const lines = states.flatMap((state) => showText(state));
  out(
    context,
    json,
    lines.length > 0 ? lines.join('\n') : 'The registry is empty: no registry tags in this repository.',
  );
  return ExitCode.Pass;
}

function modelsIn(tags: readonly TagRecord[]): string[] {
  const names = new Set<string>();
  for (const tag of tags) {
    const state = registryState(modelOfTag(tag.name) ?? '', [tag]);
    if (state.history.length > 0) names.add(state.model);
  }
  return [...names].sort();
}

function modelOfTag(name: string): string | null {
  const cut = Math.min(...['@', '#'].map((c) => (name.indexOf(c) < 0 ? Infinity : name.indexOf(c))));
  return Number.isFinite(cut) ? name.slice(0, cut).replace('=', ':') : null;
}

function showJson(state: ModelState) {
  const stagesOf = (version: string) =>
    [...state.stages.values()]
      .filter((s) => s.version.version === version)
      .map((s) => s.stage)
      .sort();
  return {
    model: state.model,
    deprecated: state.deprecated,
    latest: state.versions.at(-1)?.version ?? null,
    stages: Object.fromEntries(
      [...state.stages].sort().map(([stage, s]) => [stage, { version: s.version.version, tag: s.tag }]),
    ),
    dangling: Object.fromEntries([...state.dangling].sort().map(([stage, d]) => [stage, d])),
    versions: state.versions.map((v) => ({
      version: v.version,
      tag: v.tag,
      commit: v.commit,
      stages: stagesOf(v.version),
    })),
  };
}

function showText(state: ModelState): string[] {
  const head = `${state.model}${state.deprecated ? ' (deprecated)' : ''}: latest ${state.versions.at(-1)?.version ?? 'none'}`;
  const stages = [...state.stages].sort().map(([stage, s]) => `  ${stage}: ${s.version.version} (${s.tag})`);
  const dangling = [...state.dangling]
    .sort()
    .map(([stage, d]) => `  ${stage}: commit ${d.commit.slice(0, 7)} has no registered version (${d.tag})`);
  const versions = state.versions.map((v) => `  ${v.version}  ${v.commit.slice(0, 7)}  ${v.tag}`);
  return [
    head,
    ...stages,
    ...dangling,
    ...(versions.length > 0 ? ['  versions:', ...versions.map((v) => `  ${v}`)] : []),
  ];
}

async function history(context: Context): Promise<ExitCode> {
  const [model] = args(context, 'history <model> [--json]', 1, ['json', 'push', 'remote']) as [string];
  const state = await stateOf(context.store, model);
  const entries = state.history.map((e) => ({
    time: e.time,
    action: e.action,
    version: e.version,
    stage: e.stage,
    tag: e.tag,
    commit: e.commit,
    actor: e.actor,
    reason: e.message.kind === 'event' ? (e.message.event.reason ?? null) : null,
    forced: e.message.kind === 'event' && e.message.event.forced !== undefined,
  }));
  const text = entries.map(
    (e) =>
      `${e.time ?? '-'}  ${e.action.padEnd(10)} ${[e.version, e.stage].filter(Boolean).join(' ').padEnd(22)} ${e.tag}  by ${e.actor ?? '-'}${e.forced ? ' (forced)' : ''}${e.reason ? `: ${e.reason}` : ''}`,
  );
  out(
    context,
    { schema: 'mlgate/registry-history@1', model, events: entries },
    text.length > 0 ? text.join('\n') : `${model} has no registry tags.`,
  );
  return ExitCode.Pass;
}

// ---- register

async function register(context: Context): Promise<ExitCode> {
  const usage =
    'register <model> [--version vX.Y.Z | --bump patch|minor|major|auto] [--ref REV] [--manifest FILE] [--report FILE]';
  const [model] = args(context, usage, 1, [
    'version',
    'bump',
    'ref',
    'manifest',
    'report',
    'reason',
    'push',
    'remote',
    'config',
    'actor',
    'json',
  ]) as [string];
  const { values, io } = context;
  const bump = values.bump ?? (await configuredBump(context, model));
  if (!['patch', 'minor', 'major', 'auto'].includes(bump))
    throw new UserError(`--bump must be patch, minor, major or auto, not ${JSON.stringify(bump)}`);
  const evidence = await readRegistrationEvidence({
    ...(values.manifest !== undefined && { manifest: values.manifest }),
    ...(values.report !== undefined && { report: values.report }),
    cwd: io.cwd,
  });
  const { manifest, report } = evidence;
  const details: EventDetails = {
    actor: await actorOf(context),
    ...(values.reason !== undefined && { reason: values.reason }),
    ...evidence.details,
  };
  const recorded = await registerVersion(
    {
      model,
      rev: values.ref ?? 'HEAD',
      ...(values.version !== undefined ? { version: values.version } : { bump: bump as 'patch' }),
      details,
    },
    { store: context.store, logger: context.logger },
  );
  const folder = join(LOCAL_RELEASES_DIR, recorded.tag);
  await storeFiles(resolve(io.cwd, folder), manifest, report);
  out(
    context,
    { ...eventJson('register', model, recorded), files: folder },
    `${describeEvent(recorded, `${model}@${recorded.version} at ${recorded.commit.slice(0, 7)}`)}${manifest || report ? ` Files stored in ${folder}.` : ''}`,
  );
  return ExitCode.Pass;
}

async function configuredBump(context: Context, model: string): Promise<string> {
  const { config } = await loadCompareConfig(context.values.config, context.io.cwd);
  return config.models[model]?.bump ?? 'patch';
}

/** The version's files: the manifest, the report, and the metrics and predictions files the manifest records. */
async function storeFiles(
  folder: string,
  manifest: RegisteredManifest | undefined,
  report: RegisteredReport | undefined,
): Promise<void> {
  if (!manifest && !report) return;
  await mkdir(folder, { recursive: true });
  if (report) await copyFile(report.path, join(folder, basename(report.path)));
  if (!manifest) return;
  await copyFile(manifest.path, join(folder, manifest.recorded.path ?? MANIFEST_FILE));
  // Found and their sha256 checked when the evidence was read, before the tag was written.
  for (const file of manifest.files) {
    if (file.role !== 'out') await copyFile(file.path, join(folder, basename(file.recorded.path)));
  }
}

// ---- assign (promotion) / unassign / deregister / deprecate

async function assign(context: Context): Promise<ExitCode> {
  const usage = 'assign <model>@<version> <stage> [--reason TEXT] [--force --reason TEXT]';
  const [target, stage] = args(context, usage, 2, ['reason', 'force', 'push', 'remote', 'config', 'actor', 'json']) as [
    string,
    string,
  ];
  const { model, version } = modelAtVersion(target, usage);
  const { values, io } = context;
  if (values.force && values.reason === undefined)
    throw new UserError('--force needs --reason: the reason is recorded in the tag');
  const loaded = await loadCompareConfig(values.config, io.cwd);
  const modelConfig = loaded.config.models[model];
  const policy = modelConfig?.stages[stage] ?? DEFAULT_POLICY;
  const releases = resolve(io.cwd, LOCAL_RELEASES_DIR);
  const compare = storedPredictionsComparer({
    model,
    predictions: modelConfig?.predictions,
    ...(values.config !== undefined && { config: values.config }),
    cwd: io.cwd,
    logger: context.logger,
  });
  const result = await promoteVersion(
    {
      model,
      version,
      stage,
      stages: loaded.config.registry.stages,
      policy,
      details: { actor: await actorOf(context), ...(values.reason !== undefined && { reason: values.reason }) },
      ...(values.force && { force: { reason: values.reason as string } }),
      ...(compare && { compare }),
    },
    { store: context.store, files: new LocalReleaseFiles(releases), logger: context.logger },
  );
  if (result.refused) {
    out(
      context,
      { action: 'assign', model, version, stage, refused: true, missing: result.missing },
      [
        `Refused: ${model}@${version} cannot enter ${stage}:`,
        ...result.missing.map((m) => `  - ${m}`),
        'Override with --force --reason "…" (recorded in the tag).',
      ].join('\n'),
    );
    return ExitCode.Failed;
  }
  const before = result.previous?.version
    ? `${stage} held ${result.previous.version} before (${result.previous.tag})`
    : `${stage} held nothing before`;
  const forced = result.forced ? ` Forced past: ${result.missing.join('; ')}.` : '';
  out(
    context,
    { ...eventJson('assign', model, result), refused: false, forced: result.forced, missing: result.missing },
    `${describeEvent(result, `${model}@${version} in ${stage}`)} ${result.created ? before : ''}${forced}`.trim(),
  );
  return ExitCode.Pass;
}

async function unassign(context: Context): Promise<ExitCode> {
  const usage = 'unassign <model>[@<version>] <stage>';
  const [target, stage] = args(context, usage, 2, ['reason', 'push', 'remote', 'actor', 'json']) as [string, string];
  const { model, version } = target.includes('@')
    ? modelAtVersion(target, usage)
    : { model: target, version: undefined };
  const details: EventDetails = {
    actor: await actorOf(context),
    ...(context.values.reason !== undefined && { reason: context.values.reason }),
  };
  const events = await unassignStage(
    { model, stage, ...(version !== undefined && { version }), details },
    { store: context.store, logger: context.logger },
  );
  const text =
    events.length === 0
      ? `${stage} holds no version of ${model}${version ? ` ${version}` : ''}; nothing written.`
      : events.map((e) => `Created ${e.tag}: ${model}@${e.version} leaves ${stage}.`).join('\n');
  out(context, { action: 'unassign', model, stage, events }, text);
  return ExitCode.Pass;
}

async function deregister(context: Context): Promise<ExitCode> {
  const usage = 'deregister <model>@<version>';
  const [target] = args(context, usage, 1, ['reason', 'push', 'remote', 'actor', 'json']) as [string];
  const { model, version } = modelAtVersion(target, usage);
  const details: EventDetails = {
    actor: await actorOf(context),
    ...(context.values.reason !== undefined && { reason: context.values.reason }),
  };
  const event = await deregisterVersion({ model, version, details }, { store: context.store, logger: context.logger });
  out(
    context,
    eventJson('deregister', model, event),
    describeEvent(event, `the deregistration of ${model}@${version}`),
  );
  return ExitCode.Pass;
}

async function deprecate(context: Context): Promise<ExitCode> {
  const [model] = args(context, 'deprecate <model>', 1, ['reason', 'push', 'remote', 'actor', 'json']) as [string];
  const details: EventDetails = {
    actor: await actorOf(context),
    ...(context.values.reason !== undefined && { reason: context.values.reason }),
  };
  const event = await deprecateModel({ model, details }, { store: context.store, logger: context.logger });
  out(context, eventJson('deprecate', model, event), describeEvent(event, `the deprecation of ${model}`));
  return ExitCode.Pass;
}
