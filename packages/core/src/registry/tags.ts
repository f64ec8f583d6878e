/**
 * GTO's name grammar for stages and for a model's own name (letters, digits, `-`, `_`, `/` inside), shared with
 * the `registry:` baseline spec so that mlgate's tags stay readable by GTO and the other way round.
 */
export const REGISTRY_NAME = /^[a-zA-Z0-9]([a-zA-Z0-9-/_]*[a-zA-Z0-9])?$/;

/**
 * A model name as GTO takes it: a name, optionally after a monorepo folder and a colon (`models/cv:seg`).
 * In tag names the colon is written `=` (git refuses `:` in a ref), e.g. `models/cv=seg@v1.0.0`.
 */
export const MODEL_NAME = /^([a-zA-Z0-9-_./]+:)?[a-zA-Z0-9]([a-zA-Z0-9-/_]*[a-zA-Z0-9])?$/;

/** `v` + SemVer 2.0 (GTO's default), e.g. `v1.3.0`, `v2.0.0-rc.1`, `v1.0.0+build.5`. */
const VERSION =
  /^v(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

/** The counter suffix `#N` GTO may put on any tag form; assignments always carry one when mlgate writes them. */
const COUNTER = /#(\d+)$/;

export type RegistryAction = 'register' | 'deregister' | 'assign' | 'unassign' | 'deprecate';

/**
 * What one registry tag says, in GTO's grammar. `model` is the name as users write it (`dir:name`), `number`
 * the tag's `#N` counter or null for GTO's simple forms without one.
 */
export type RegistryTag =
  /** `name@vX.Y.Z` registers a version; `name@vX.Y.Z!` deregisters it. */
  | { action: 'register' | 'deregister'; model: string; version: string; number: number | null }
  /**
   * `name#stage#N` assigns the stage to the version at the tag's commit; `name#stage!#N` unassigns it from that
   * version. N counts up per model; GTO's simple form `name#stage` has no N.
   */
  | { action: 'assign' | 'unassign'; model: string; stage: string; number: number | null }
  /** `name@deprecated` deprecates the whole model. */
  | { action: 'deprecate'; model: string; number: number | null };

export function isVersion(text: string): boolean {
  return VERSION.test(text);
}

/** The model name inside tag names: `dir:name` → `dir=name` (GTO's `name_to_tag`). */
export function modelInTag(model: string): string {
  return model.replace(':', '=');
}

/** The tag's meaning, or `null` for a tag that is not a registry tag (e.g. `v1.2.0`). */
export function parseRegistryTag(tag: string): RegistryTag | null {
  const counter = COUNTER.exec(tag);
  const body = counter ? tag.slice(0, counter.index) : tag;
  const number = counter ? Number(counter[1]) : null;
  const at = body.indexOf('@');
  const hash = body.indexOf('#');
  if (at > 0 && (hash < 0 || hash > at)) {
    const model = modelFromTag(body.slice(0, at));
    const rest = body.slice(at + 1);
    if (model === null || rest.includes('#')) return null;
    if (rest === 'deprecated') return { action: 'deprecate', model, number };
    const deregister = rest.endsWith('!');
    const version = deregister ? rest.slice(0, -1) : rest;
    return VERSION.test(version) ? { action: deregister ? 'deregister' : 'register', model, version, number } : null;
  }
  if (hash <= 0) return null;
  const model = modelFromTag(body.slice(0, hash));
  const stagePart = body.slice(hash + 1);
  if (model === null) return null;
  const unassign = stagePart.endsWith('!');
  const stage = unassign ? stagePart.slice(0, -1) : stagePart;
  if (!REGISTRY_NAME.test(stage)) return null;
  return { action: unassign ? 'unassign' : 'assign', model, stage, number };
}

function modelFromTag(text: string): string | null {
  if ((text.match(/=/g) ?? []).length > 1) return null;
  const model = text.replace('=', ':');
  return MODEL_NAME.test(model) ? model : null;
}

/** The tag name for an event, the inverse of `parseRegistryTag` (`dir:name` is written `dir=name`). */
export function formatRegistryTag(tag: RegistryTag): string {
  const model = modelInTag(tag.model);
  const suffix = tag.number === null ? '' : `#${tag.number}`;
  switch (tag.action) {
    case 'register':
      return `${model}@${tag.version}${suffix}`;
    case 'deregister':
      return `${model}@${tag.version}!${suffix}`;
    case 'assign':
      return `${model}#${tag.stage}${suffix}`;
    case 'unassign':
      return `${model}#${tag.stage}!${suffix}`;
    case 'deprecate':
      return `${model}@deprecated${suffix}`;
  }
}

/**
 * The counter for the model's next numbered tag: one more than the highest `#N` among its tags (GTO's
 * `name_tag`, which counts every tag name of the model, annotated or not), 1 for the first.
 */
export function nextCounter(model: string, tagNames: Iterable<string>): number {
  let highest = 0;
  for (const name of tagNames) {
    const tag = parseRegistryTag(name);
    if (tag !== null && tag.model === model && tag.number !== null) highest = Math.max(highest, tag.number);
  }
  return highest + 1;
}

/** Orders versions by SemVer precedence (a pre-release sorts before its release; build metadata is ignored). */
export function compareVersions(a: string, b: string): number {
  const parse = (v: string) => {
    const [core = '', pre] = v.slice(1).split('+', 1)[0]!.split(/-(.*)/s, 2);
    return { parts: core.split('.').map(Number), pre };
  };
  const x = parse(a);
  const y = parse(b);
  for (let i = 0; i < 3; i++) {
    const d = (x.parts[i] as number) - (y.parts[i] as number);
    if (d !== 0) return d;
  }
  if (x.pre === y.pre) return 0;
  if (x.pre === undefined) return 1;
  if (y.pre === undefined) return -1;
  return comparePreRelease(x.pre, y.pre);
}

function comparePreRelease(a: string, b: string): number {
  const xs = a.split('.');
  const ys = b.split('.');
  for (let i = 0; i < Math.max(xs.length, ys.length); i++) {
    const x = xs[i];
    const y = ys[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const xNum = /^\d+$/.test(x);
    const yNum = /^\d+$/.test(y);
    if (xNum && yNum && Number(x) !== Number(y)) return Number(x) - Number(y);
    if (xNum !== yNum) return xNum ? -1 : 1;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

export type VersionBump = 'patch' | 'minor' | 'major';

/** GTO's first version when none is given and none was registered. */
export const FIRST_VERSION = 'v0.0.1';

/**
 * The version after `latest`, as GTO bumps (python-semver's `bump_*`): major → `v(X+1).0.0`, minor →
 * `vX.(Y+1).0`, patch → `vX.Y.(Z+1)`; a pre-release or build suffix is dropped.
 */
export function bumpVersion(latest: string, bump: VersionBump): string {
  const match = VERSION.exec(latest);
  if (!match) throw new Error(`bumpVersion: ${latest} is not a version`);
  const [major, minor, patch] = [Number(match[1]), Number(match[2]), Number(match[3])];
  switch (bump) {
    case 'major':
      return `v${major + 1}.0.0`;
    case 'minor':
      return `v${major}.${minor + 1}.0`;
    case 'patch':
      return `v${major}.${minor}.${patch + 1}`;
  }
}
