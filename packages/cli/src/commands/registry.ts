import { copyFile, mkdir } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import {
  closestMatch,
  type ModelState,
  registryState,
  requireFile,
  DEFAULT_STAGE_POLICY,
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
import { type Command, parseCommandArgs, type Subcommand } from '../command.js';
import { ExitCode } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { LOCAL_RELEASES_DIR } from './compare.js';

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
type Option = keyof Values;

/** Each option's line in a subcommand's help; a subcommand's help lists exactly the options it accepts. */
const OPTION_HELP: Record<Option, string> = {
  version: '--version <vX.Y.Z>   the version to register (default: the next one by --bump)',
  bump:
    '--bump <level>       patch, minor, major or auto (minor when the training params changed since\n' +
    "                       the latest version, else patch); default: the model's bump in mlgate.yml, else patch",
  ref: '--ref <rev>          the commit to register (default HEAD)',
  manifest:
    `--manifest <file>    the training run's mlgate.manifest.json: its digest is recorded, it and the\n` +
    `                       metrics and predictions it names are stored in ${LOCAL_RELEASES_DIR}/<tag>/`,
  report: "--report <file>      the compare report JSON whose gate verdict is the version's promotion evidence",
  reason: '--reason <text>      why; recorded in the tag message',
  force: '--force              assign although evidence is missing (needs --reason; the tag records both)',
  push: '--push               publish each new tag to the remote (never forced)',
  remote: '--remote <name>      the remote for --push (default origin)',
  config: '--config <file>      mlgate.yml (default ./mlgate.yml): stages, stage policies, bump, predictions',
  actor: "--actor <name>       who asks, recorded in the tag (default: git's user.name)",
  json: '--json               print the result as JSON on stdout',
};

const WRITE_EXIT_CODES = `Exit codes:
  0  the tag was created (or the event is recorded already: nothing written)
  1  not used: only assign judges evidence
  2  usage or input error: a malformed <model>@<version>, an unknown version, not a git repository`;

interface RegistryVerb extends Subcommand {
  /** The usage line after `mlgate registry `, also quoted by its usage errors. */
  usage: string;
  /** How many positional arguments it takes (-1: none or one). */
  arity: number;
  /** The options it accepts; any other given is an error. */
  accepts: readonly Option[];
  run(context: Context): Promise<ExitCode>;
}

function verb(
  spec: Omit<RegistryVerb, 'help' | 'run'> & { about: string; examples: string[]; exitCodes?: string },
  run: (context: Context) => Promise<ExitCode>,
): RegistryVerb {
  const help = [
    `Usage: mlgate registry ${spec.usage}`,
    '',
    spec.about,
    '',
    'Options:',
    ...spec.accepts.map((option) => `  ${OPTION_HELP[option]}`),
    '',
    'Examples:',
    ...spec.examples.map((example) => `  ${example}`),
    '',
    spec.exitCodes ?? WRITE_EXIT_CODES,
    '',
  ].join('\n');
  const { name, summary, usage, arity, accepts } = spec;
  return { name, summary, usage, arity, accepts, help, run };
}

const READ_EXIT_CODES = `Exit codes:
  0  shown
  1  not used: reading the registry gives no verdict
  2  usage error, or not a git repository`;

/** The subcommands, in the order the help lists them. */
const VERBS: readonly RegistryVerb[] = [
  verb(
    {
      name: 'show',
      summary: 'every model (or one): versions and what each stage holds',
      usage: 'show [model] [--json]',
      arity: -1,
      accepts: ['json', 'push', 'remote'],
      about:
        'Every model of the registry (or the one named): its latest version, what each stage holds, and every\nregistered version with its commit.',
      examples: ['mlgate registry show', 'mlgate registry show flights-delay --json'],
      exitCodes: READ_EXIT_CODES,
    },
    show,
  ),
  verb(
    {
      name: 'history',
      summary: 'every event of a model, oldest first, with who, when and why',
      usage: 'history <model> [--json]',
      arity: 1,
      accepts: ['json', 'push', 'remote'],
      about:
        'Every registry event of the model, oldest first: registrations, promotions and rollbacks, unassignments,\nderegistrations and deprecations, with the tag, commit, who asked, why and whether it was forced.',
      examples: ['mlgate registry history flights-delay', 'mlgate registry history churn --json'],
      exitCodes: READ_EXIT_CODES,
    },
    history,
  ),
  verb(
    {
      name: 'register',
      summary: 'tag a commit as a new version of a model (<model>@vX.Y.Z)',
      usage:
        'register <model> [--version vX.Y.Z | --bump patch|minor|major|auto] [--ref REV] [--manifest FILE] [--report FILE]',
      arity: 1,
      accepts: ['version', 'bump', 'ref', 'manifest', 'report', 'reason', 'push', 'remote', 'config', 'actor', 'json'],
      about: `Tag the commit as a new version of the model, <model>@vX.Y.Z (an annotated tag in GTO's grammar whose
message records the evidence: manifest digest, key metrics with intervals, gate verdict). The manifest,
report, metrics and predictions are stored in ${LOCAL_RELEASES_DIR}/<tag>/, where assign and
\`compare --baseline registry:\` read them.`,
      examples: [
        'mlgate registry register flights-delay --manifest mlgate.manifest.json --report reports/comparison.json',
        'mlgate registry register churn --bump minor --ref main --push',
      ],
      exitCodes: `Exit codes:
  0  the version was registered (or is registered already at that commit: nothing written)
  1  not used: registering records the verdict, assign judges it
  2  usage or input error: a missing manifest or report (named), a version that exists, a bad --bump`,
    },
    register,
  ),
  verb(
    {
      name: 'assign',
      summary: 'promote (or roll back) a version to a stage, refused without evidence',
      usage: 'assign <model>@<version> <stage> [--reason TEXT] [--force --reason TEXT]',
      arity: 2,
      accepts: ['reason', 'force', 'push', 'remote', 'config', 'actor', 'json'],
      about: `Assign the version to the stage (<model>#<stage>#N): a promotion, or a rollback when the version is an
earlier one. It needs evidence: the version's registering tag records a gate verdict of pass (or warn
where models.<name>.stages.<stage>.allow_warn), its manifest digest matches the stored manifest, and,
with require_better_than_current, no metric is significantly worse than the stage's current version on
the stored predictions. A refusal lists each missing piece; --force with --reason overrides and the tag
records both. Re-running a promotion that is already recorded writes nothing.`,
      examples: [
        'mlgate registry assign flights-delay@v1.1.0 production --reason "passed the gate in #1"',
        'mlgate registry assign flights-delay@v1.0.0 production --reason "rollback: v1.1.0 misbehaves"',
        'mlgate registry assign churn@v0.3.0 staging --force --reason "hotfix, gate report lost"',
      ],
      exitCodes: `Exit codes:
  0  assigned (or already recorded: nothing written)
  1  refused: evidence is missing (each piece listed)
  2  usage or input error: a malformed <model>@<version>, an unknown version or stage, --force without --reason`,
    },
    assign,
  ),
  verb(
    {
      name: 'unassign',
      summary: 'the stage no longer holds the version (or anything)',
      usage: 'unassign <model>[@<version>] <stage>',
      arity: 2,
      accepts: ['reason', 'push', 'remote', 'actor', 'json'],
      about: `Record that the stage holds nothing (<model>#<stage>!#N): without a version every holder leaves it; with
one, that version leaves and the stage goes back to the version assigned before it, if that one still holds it.`,
      examples: [
        'mlgate registry unassign churn staging',
        'mlgate registry unassign churn@v0.2.0 production --reason "retired"',
      ],
    },
    unassign,
  ),
  verb(
    {
      name: 'deregister',
      summary: 'withdraw a version (<model>@vX.Y.Z!)',
      usage: 'deregister <model>@<version>',
      arity: 1,
      accepts: ['reason', 'push', 'remote', 'actor', 'json'],
      about:
        'Withdraw the version (<model>@vX.Y.Z!): it no longer counts as registered, and stages it held go back to\nthe version assigned before it.',
      examples: ['mlgate registry deregister churn@v0.0.1 --reason "trained on leaked labels"'],
    },
    deregister,
  ),
  verb(
    {
      name: 'deprecate',
      summary: 'deprecate a model (<model>@deprecated#N)',
      usage: 'deprecate <model>',
      arity: 1,
      accepts: ['reason', 'push', 'remote', 'actor', 'json'],
      about: 'Deprecate the model (<model>@deprecated#N); it stays deprecated while that is its latest event.',
      examples: ['mlgate registry deprecate churn --reason "replaced by churn-v2"'],
    },
    deprecate,
  ),
];

const HELP = `Usage: mlgate registry <subcommand> [options]

The git-native model registry: annotated git tags in GTO's grammar, so GTO reads the same registry.
\`mlgate registry <subcommand> --help\` shows a subcommand's options, examples and exit codes.

Subcommands:
${VERBS.map((v) => `  ${v.name.padEnd(11)} ${v.summary}`).join('\n')}

Options common to the subcommands that write a tag:
  ${OPTION_HELP.push}
  ${OPTION_HELP.remote}
  ${OPTION_HELP.actor}
  ${OPTION_HELP.json}

Examples:
  mlgate registry register flights-delay --manifest mlgate.manifest.json --report reports/comparison.json
  mlgate registry assign flights-delay@v1.0.0 production --reason "weekly release"
  mlgate registry history flights-delay --json

Exit codes:
  0  done (or already recorded: nothing written)
  1  a promotion refused for missing evidence (assign)
  2  usage, configuration or input error
`;

export const registryCommand: Command = {
  name: 'registry',
  summary: 'register, assign and promote model versions in the git-native registry',
  help: HELP,
  options: OPTIONS,
  subcommands: VERBS,
  async run(argv, io) {
    const [sub, ...rest] = argv;
    const names = VERBS.map((v) => v.name);
    // Options before the subcommand: an unknown one is named as such, a known one still needs a subcommand.
    if (sub?.startsWith('-')) parseCommandArgs('registry', argv, OPTIONS);
    if (sub === undefined || sub.startsWith('-'))
      throw new UserError(`name a subcommand: ${names.join(', ')} (see \`mlgate registry --help\`)`);
    const chosen = VERBS.find((v) => v.name === sub);
    if (chosen === undefined) {
      const suggestion = closestMatch(sub, names);
      throw new UserError(
        `unknown subcommand "${sub}"${suggestion ? ` (did you mean "${suggestion}"?)` : ''} (see \`mlgate registry --help\`)`,
      );
    }
    const { values, positionals } = parseCommandArgs(`registry ${sub}`, rest, OPTIONS);
    const logger = consoleLogger({ stream: io.stderr });
    const store = new GitRegistryStore(io.cwd, values.push ? { push: values.remote ?? 'origin' } : {});
    return chosen.run({ io, values, positionals, store, logger, verb: chosen });
  },
};

interface Context {
  io: CliIo;
  values: Values;
  positionals: string[];
  store: GitRegistryStore;
  logger: Logger;
  verb: RegistryVerb;
}

/** The positionals, after checking their count and that every option given applies to this subcommand. */
function args(context: Context): string[] {
  const { positionals, values, verb } = context;
  const countOk = verb.arity < 0 ? positionals.length <= 1 : positionals.length === verb.arity;
  if (!countOk) throw new UserError(`usage: mlgate registry ${verb.usage}`);
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined && !verb.accepts.includes(key as Option)) {
      throw new UserError(`--${key} does not apply here; usage: mlgate registry ${verb.usage}`);
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
  const [model] = args(context);
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
  const [model] = args(context) as [string];
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
  const [model] = args(context) as [string];
  const { values, io } = context;
  // Checked first, so a missing file reads as everywhere else in the CLI (`<file>: file not found`).
  for (const file of [values.manifest, values.report])
    if (file !== undefined) await requireFile(resolve(io.cwd, file), file);
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
  const [target, stage] = args(context) as [string, string];
  const { model, version } = modelAtVersion(target, context.verb.usage);
  const { values, io } = context;
  if (values.force && values.reason === undefined)
    throw new UserError('--force needs --reason: the reason is recorded in the tag');
  const loaded = await loadCompareConfig(values.config, io.cwd);
  const modelConfig = loaded.config.models[model];
  const policy = modelConfig?.stages[stage] ?? DEFAULT_STAGE_POLICY;
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
  const [target, stage] = args(context) as [string, string];
  const { model, version } = target.includes('@')
    ? modelAtVersion(target, context.verb.usage)
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
  const [target] = args(context) as [string];
  const { model, version } = modelAtVersion(target, context.verb.usage);
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
  const [model] = args(context) as [string];
  const details: EventDetails = {
    actor: await actorOf(context),
    ...(context.values.reason !== undefined && { reason: context.values.reason }),
  };
  const event = await deprecateModel({ model, details }, { store: context.store, logger: context.logger });
  out(context, eventJson('deprecate', model, event), describeEvent(event, `the deprecation of ${model}`));
  return ExitCode.Pass;
}
