/**
 * GTO's name grammar for models and stages (letters, digits, `-`, `_`, `/` inside), shared with
 * the `registry:` baseline spec so that mlgate's tags stay readable by GTO and the other way round.
 */
export const REGISTRY_NAME = /^[a-zA-Z0-9]([a-zA-Z0-9-/_]*[a-zA-Z0-9])?$/;

/** A version is `v` + SemVer (GTO's default), e.g. `v1.3.0` or `v2.0.0-rc.1`. */
const VERSION = /^v(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?$/;

/** What one registry tag says, in GTO's grammar. */
export type RegistryTag =
  /** `name@vX.Y.Z` registers a version; `name@vX.Y.Z!` deregisters it. */
  | { action: 'register' | 'deregister'; model: string; version: string }
  /**
   * `name#stage#N` assigns the stage to the version at the tag's commit; `name#stage!#N` unassigns
   * it. N counts up per model and the highest N wins; GTO's simple form `name#stage` has no N.
   */
  | { action: 'assign' | 'unassign'; model: string; stage: string; number: number | null }
  /** `name@deprecated` deprecates the whole model. */
  | { action: 'deprecate'; model: string };

/** The tag's meaning, or `null` for a tag that is not a registry tag (e.g. `v1.2.0`). */
export function parseRegistryTag(tag: string): RegistryTag | null {
  const at = tag.lastIndexOf('@');
  if (at > 0) {
    const model = tag.slice(0, at);
    const rest = tag.slice(at + 1);
    if (!REGISTRY_NAME.test(model)) return null;
    if (rest === 'deprecated') return { action: 'deprecate', model };
    const deregister = rest.endsWith('!');
    const version = deregister ? rest.slice(0, -1) : rest;
    return VERSION.test(version) ? { action: deregister ? 'deregister' : 'register', model, version } : null;
  }
  const [model = '', stagePart, number, ...extra] = tag.split('#');
  if (stagePart === undefined || extra.length > 0 || !REGISTRY_NAME.test(model)) return null;
  const unassign = stagePart.endsWith('!');
  const stage = unassign ? stagePart.slice(0, -1) : stagePart;
  if (!REGISTRY_NAME.test(stage)) return null;
  if (number !== undefined && !/^(0|[1-9]\d*)$/.test(number)) return null;
  return {
    action: unassign ? 'unassign' : 'assign',
    model,
    stage,
    number: number === undefined ? null : Number(number),
  };
}

/** Orders versions by SemVer precedence (a pre-release sorts before its release). */
export function compareVersions(a: string, b: string): number {
  const parse = (v: string) => {
    const [core = '', pre] = v.slice(1).split(/-(.*)/s, 2);
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
