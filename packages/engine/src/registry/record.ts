import {
  bumpVersion,
  closestMatch,
  FIRST_VERSION,
  formatRegistryEvent,
  formatRegistryTag,
  isVersion,
  MODEL_NAME,
  type ModelState,
  nextCounter,
  readTagMessage,
  REGISTRY_NAME,
  type RegistryEvent,
  registryState,
  type TagRecord,
  UserError,
  type VersionBump,
} from '@mlgate/core';
import { isTagExistsError, type Logger, type RegistryStore } from '@mlgate/github';

/** What a registry command did: the tag that records the event, and whether this call wrote it. */
export interface RecordedEvent {
  tag: string;
  /** false: the registry already recorded this event (a re-run), and nothing was written. */
  created: boolean;
  commit: string;
  version: string | null;
  stage: string | null;
  /** For stage events: what the stage held before (rollback reports say what they replaced). */
  previous: { version: string | null; tag: string | null } | null;
}

export interface RegistryDeps {
  store: RegistryStore;
  logger?: Logger;
}

/** Evidence and context written into the tag message (mlgate/registry-event@1) beside action, model, version. */
export type EventDetails = Omit<RegistryEvent, 'schema' | 'action' | 'model' | 'version' | 'stage' | 'previous'>;

/** How many times a write re-reads the registry after losing a race before it gives up. */
const ATTEMPTS = 20;

/** A decision taken on a fresh read of the registry: nothing to write (already recorded), or one tag to create. */
type Plan =
  | { kind: 'done'; result: RecordedEvent }
  | { kind: 'create'; name: string; commit: string; message: string; result: Omit<RecordedEvent, 'tag' | 'created'> };

/**
 * Reads the model's tags, plans, creates the planned tag; when another writer took the name first, reads again
 * and plans again (the next counter, the next version), so racing writers all end recorded. `floor` keeps the
 * counter above every name found taken, including tags the store does not list (lightweight ones).
 */
async function record(
  model: string,
  deps: RegistryDeps,
  plan: (state: ModelState, counter: number) => Plan | Promise<Plan>,
): Promise<RecordedEvent> {
  let floor = 1;
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    const tags = await deps.store.listTags(model);
    const state = registryState(model, tags);
    const counter = Math.max(
      floor,
      nextCounter(
        model,
        tags.map((t: TagRecord) => t.name),
      ),
    );
    const next = await plan(state, counter);
    if (next.kind === 'done') return next.result;
    try {
      await deps.store.createTag({ name: next.name, commit: next.commit, message: next.message });
      return { ...next.result, tag: next.name, created: true };
    } catch (error) {
      if (!isTagExistsError(error)) throw error;
      deps.logger?.info(`${next.name} was created by someone else meanwhile; reading the registry again.`);
      floor = Math.max(floor, counter + 1);
    }
  }
  throw new UserError(`${model}: the registry kept changing under ${ATTEMPTS} attempts to write; try again`);
}

function checkModel(model: string): void {
  if (!MODEL_NAME.test(model)) {
    throw new UserError(
      `model name ${JSON.stringify(model)} is not a registry name: letters, digits, "-", "_", "/" inside, optionally after "folder:"`,
    );
  }
}

/** A stage name that is valid and, when stages are configured, one of them (with the closest as a suggestion). */
export function checkStage(stage: string, stages?: readonly string[]): void {
  if (!REGISTRY_NAME.test(stage)) {
    throw new UserError(
      `stage name ${JSON.stringify(stage)} is not a registry name: letters, digits, "-", "_", "/" inside`,
    );
  }
  if (stages && !stages.includes(stage)) {
    // `prod` for `production` is too far for an edit distance but is what people type.
    const near = closestMatch(stage, stages) ?? stages.find((name) => name.startsWith(stage));
    throw new UserError(
      `stage ${JSON.stringify(stage)} is not one of the configured stages (${stages.join(', ')})` +
        (near === undefined ? '' : `; did you mean ${JSON.stringify(near)}?`),
      { path: 'registry.stages' },
    );
  }
}

function activeVersion(state: ModelState, version: string) {
  if (!isVersion(version))
    throw new UserError(`${JSON.stringify(version)} is not a version: expected v + SemVer, e.g. v1.2.0`);
  const found = state.versions.find((v) => v.version === version);
  if (found) return found;
  const deregistered = state.history.some((e) => e.action === 'deregister' && e.version === version);
  throw new UserError(`${state.model}@${version} is ${deregistered ? 'deregistered' : 'not registered'}`);
}

export interface RegisterOptions {
  model: string;
  /** The revision to register (a SHA, branch or tag); the store resolves it to a commit. */
  rev: string;
  /**
   * An explicit version; else the latest registered version bumped by `bump` (default patch). `auto` bumps the
   * minor version when `details.manifest.params` differs from the one the latest version recorded, else the patch.
   */
  version?: string;
  bump?: VersionBump | 'auto';
  details: EventDetails;
}

/**
 * Registers a version at a commit as `model@vX.Y.Z` (GTO's simple form). One commit carries one version, as in
 * GTO: registering the same commit again reports the existing tag. A bumped version lost to a racing writer is
 * bumped again; an explicit one that is taken is an error.
 */
export async function registerVersion(options: RegisterOptions, deps: RegistryDeps): Promise<RecordedEvent> {
  const { model, details } = options;
  checkModel(model);
  if (options.version !== undefined && options.bump !== undefined) {
    throw new UserError('give a version or a bump, not both');
  }
  if (options.version !== undefined && !isVersion(options.version)) {
    throw new UserError(`${JSON.stringify(options.version)} is not a version: expected v + SemVer, e.g. v1.2.0`);
  }
  const commit = await deps.store.resolveCommit(options.rev);
  return record(model, deps, (state) => {
    const atCommit = state.versions.find((v) => v.commit === commit);
    if (atCommit) {
      if (options.version === undefined || options.version === atCommit.version) {
        return { kind: 'done', result: done(atCommit.tag, commit, atCommit.version, null) };
      }
      throw new UserError(
        `commit ${commit.slice(0, 7)} is already registered as ${model}@${atCommit.version}; one commit carries one version`,
      );
    }
    const taken = (version: string) => state.history.some((e) => e.version === version && e.action === 'register');
    if (options.version !== undefined && taken(options.version)) {
      throw new UserError(`${model}@${options.version} is already registered at another commit`);
    }
    const latest = state.versions.at(-1);
    const bump = options.bump === 'auto' ? autoBump(latest?.message, details) : (options.bump ?? 'patch');
    let version = options.version ?? (latest ? bumpVersion(latest.version, bump) : firstVersion(options.bump && bump));
    while (taken(version)) version = bumpVersion(version, bump);
    const name = formatRegistryTag({ action: 'register', model, version, number: null });
    const message = formatRegistryEvent({ action: 'register', model, version, ...details });
    return { kind: 'create', name, commit, message, result: { commit, version, stage: null, previous: null } };
  });
}

/** minor when the training params changed since the latest version (both digests recorded), else patch. */
function autoBump(latestMessage: string | undefined, details: EventDetails): VersionBump {
  const read = latestMessage === undefined ? null : readTagMessage(latestMessage);
  const before = read?.kind === 'event' ? read.event.manifest?.params : undefined;
  const now = details.manifest?.params;
  return before !== undefined && now !== undefined && before !== now ? 'minor' : 'patch';
}

/** The first version: patch → v0.0.1 (GTO's), minor → v0.1.0, major → v1.0.0. */
function firstVersion(bump: VersionBump | undefined): string {
  return bump === undefined ? FIRST_VERSION : bumpVersion('v0.0.0', bump);
}

function done(
  tag: string,
  commit: string,
  version: string | null,
  stage: string | null,
  previous: RecordedEvent['previous'] = null,
): RecordedEvent {
  return { tag, created: false, commit, version, stage, previous };
}

export interface AssignOptions {
  model: string;
  version: string;
  stage: string;
  /** The configured stages; a stage outside them is refused. Unset: any valid name. */
  stages?: readonly string[];
  details: EventDetails;
}

/**
 * Assigns a stage to a registered version with `model#stage#N`, N one more than the model's highest counter.
 * When the stage already holds that version, nothing is written and the assigning tag is reported; an earlier
 * version is a rollback like any other assignment, and `previous` says what the stage held.
 */
export async function assignStage(options: AssignOptions, deps: RegistryDeps): Promise<RecordedEvent> {
  const { model, version, stage, details } = options;
  checkModel(model);
  checkStage(stage, options.stages);
  return record(model, deps, (state, counter) => {
    const target = activeVersion(state, version);
    const current = state.stages.get(stage);
    if (current?.version.version === version) {
      return {
        kind: 'done',
        result: done(current.tag, target.commit, version, stage, previousOf(state, stage, current.tag)),
      };
    }
    const previous = { version: current?.version.version ?? null, tag: current?.tag ?? null };
    const name = formatRegistryTag({ action: 'assign', model, stage, number: counter });
    const message = formatRegistryEvent({ action: 'assign', model, version, stage, ...details, previous });
    return {
      kind: 'create',
      name,
      commit: target.commit,
      message,
      result: { commit: target.commit, version, stage, previous },
    };
  });
}

/** What the stage held before the event recorded by `tag`, as that event's message says (when mlgate wrote it). */
function previousOf(state: ModelState, stage: string, tag: string): RecordedEvent['previous'] {
  const entry = state.history.find((e) => e.tag === tag && e.stage === stage);
  return entry?.message.kind === 'event' ? (entry.message.event.previous ?? null) : null;
}

export interface UnassignOptions {
  model: string;
  stage: string;
  /** Only this version; unset: every version holding the stage, so that it ends empty. */
  version?: string;
  details: EventDetails;
}

/**
 * Unassigns a stage with `model#stage!#N` at each version that holds it (GTO unassigns per version: removing
 * only the current one would hand the stage back to the one before). A stage that holds nothing writes nothing.
 */
export async function unassignStage(options: UnassignOptions, deps: RegistryDeps): Promise<RecordedEvent[]> {
  const { model, stage, details } = options;
  checkModel(model);
  checkStage(stage);
  const results: RecordedEvent[] = [];
  for (;;) {
    const result = await record(model, deps, (state, counter) => {
      if (options.version !== undefined) activeVersion(state, options.version);
      const held = (state.holders.get(stage) ?? []).filter(
        (h) => options.version === undefined || h.version.version === options.version,
      );
      const [holder] = held;
      if (!holder) return { kind: 'done', result: done('', '', options.version ?? null, stage) };
      const current = state.stages.get(stage);
      const previous = { version: current?.version.version ?? null, tag: current?.tag ?? null };
      const version = holder.version.version;
      const name = formatRegistryTag({ action: 'unassign', model, stage, number: counter });
      const message = formatRegistryEvent({ action: 'unassign', model, version, stage, ...details, previous });
      const commit = holder.version.commit;
      return { kind: 'create', name, commit, message, result: { commit, version, stage, previous } };
    });
    if (!result.created) return results;
    results.push(result);
  }
}

export interface DeregisterOptions {
  model: string;
  version: string;
  details: EventDetails;
}

/** Deregisters a version with `model@vX.Y.Z!`; a version deregistered already reports its deregistering tag. */
export async function deregisterVersion(options: DeregisterOptions, deps: RegistryDeps): Promise<RecordedEvent> {
  const { model, version, details } = options;
  checkModel(model);
  return record(model, deps, (state) => {
    const earlier = [...state.history]
      .reverse()
      .find((e) => e.version === version && (e.action === 'deregister' || e.action === 'register'));
    if (earlier?.action === 'deregister')
      return { kind: 'done', result: done(earlier.tag, earlier.commit, version, null) };
    const target = activeVersion(state, version);
    const name = formatRegistryTag({ action: 'deregister', model, version, number: null });
    const message = formatRegistryEvent({ action: 'deregister', model, version, ...details });
    return {
      kind: 'create',
      name,
      commit: target.commit,
      message,
      result: { commit: target.commit, version, stage: null, previous: null },
    };
  });
}

export interface DeprecateOptions {
  model: string;
  details: EventDetails;
}

/**
 * Deprecates the model with `model@deprecated#N` at the commit of its latest event (GTO's counted form, which
 * GTO writes with `--force`): tag times have one-second resolution, and the counter keeps a deprecation after
 * the events of the same second.
 */
export async function deprecateModel(options: DeprecateOptions, deps: RegistryDeps): Promise<RecordedEvent> {
  const { model, details } = options;
  checkModel(model);
  return record(model, deps, (state, counter) => {
    const latest = state.history.at(-1);
    if (!latest) throw new UserError(`${model} has no registry tags: nothing to deprecate`);
    if (state.deprecated) return { kind: 'done', result: done(latest.tag, latest.commit, null, null) };
    const name = formatRegistryTag({ action: 'deprecate', model, number: counter });
    const message = formatRegistryEvent({ action: 'deprecate', model, ...details });
    return {
      kind: 'create',
      name,
      commit: latest.commit,
      message,
      result: { commit: latest.commit, version: null, stage: null, previous: null },
    };
  });
}
