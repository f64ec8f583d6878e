/** Matches a request path against every path template of GitHub's REST API. */
export interface RouteMatch {
  operationId: string;
  method: string;
  template: string;
  /** Path parameters, percent-decoded. */
  params: Record<string, string>;
}

type Segment = { kind: 'literal'; text: string } | { kind: 'param'; name: string; greedy: boolean };

interface CompiledRoute {
  operationId: string;
  method: string;
  template: string;
  segments: Segment[];
}

// GitHub accepts these trailing parameters with literal slashes (`git/refs/heads/feature/x`); octokit sends them
// percent-encoded, curl and hand-built URLs do not.
const SLASHED_PARAMS = new Set(['ref', 'tag', 'path']);

function compile(operationId: string, method: string, template: string): CompiledRoute {
  const parts = template.split('/').slice(1);
  const segments = parts.map((part, i): Segment => {
    const param = /^\{(\w+)\}$/.exec(part);
    if (!param?.[1]) return { kind: 'literal', text: part };
    return { kind: 'param', name: param[1], greedy: i === parts.length - 1 && SLASHED_PARAMS.has(param[1]) };
  });
  return { operationId, method, template, segments };
}

function decodeSegment(raw: string): string | undefined {
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined;
  }
}

/** Literal segments beat parameters, parameters beat a slash-absorbing tail: `releases/assets/{id}` wins over `releases/{id}/assets`. */
function rank(route: CompiledRoute): number[] {
  return route.segments.map((s) => (s.kind === 'literal' ? 2 : s.greedy ? 0 : 1));
}

function outranks(a: number[], b: number[]): boolean {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? -1;
    const y = b[i] ?? -1;
    if (x !== y) return x > y;
  }
  return false;
}

function matchRoute(route: CompiledRoute, raw: string[]): Record<string, string> | undefined {
  const { segments } = route;
  const last = segments[segments.length - 1];
  const greedyTail = last?.kind === 'param' && last.greedy;
  if (greedyTail ? raw.length < segments.length : raw.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i] as Segment;
    const isTail = greedyTail && i === segments.length - 1;
    const rawValue = isTail ? raw.slice(i).join('/') : (raw[i] as string);
    if (segment.kind === 'literal') {
      if (rawValue !== segment.text) return undefined;
      continue;
    }
    const value = isTail ? raw.slice(i).map(decodeSegment) : [decodeSegment(rawValue)];
    if (value.some((v) => v === undefined || v === '')) return undefined;
    params[segment.name] = value.join('/');
  }
  return params;
}

export class OperationRouter {
  private readonly routes: CompiledRoute[];

  /** @param index `"METHOD /template"` → operationId, as in the subset's `index`. */
  constructor(index: Record<string, string>) {
    this.routes = Object.entries(index).map(([key, operationId]) => {
      const space = key.indexOf(' ');
      return compile(operationId, key.slice(0, space), key.slice(space + 1));
    });
  }

  /** The best match for `method path`, or undefined when GitHub has no such operation. */
  match(method: string, path: string): RouteMatch | undefined {
    return this.best(path, (route) => route.method === method.toUpperCase());
  }

  /** Methods GitHub accepts on this path (to tell "wrong method" from "no such path"). */
  methodsFor(path: string): string[] {
    const raw = path.split('/').slice(1);
    return [...new Set(this.routes.filter((r) => matchRoute(r, raw)).map((r) => r.method))];
  }

  private best(path: string, accept: (route: CompiledRoute) => boolean): RouteMatch | undefined {
    const raw = path.split('/').slice(1);
    let found: { route: CompiledRoute; params: Record<string, string>; rank: number[] } | undefined;
    for (const route of this.routes) {
      if (!accept(route)) continue;
      const params = matchRoute(route, raw);
      if (!params) continue;
      const r = rank(route);
      if (!found || outranks(r, found.rank)) found = { route, params, rank: r };
    }
    if (!found) return undefined;
    const { operationId, method, template } = found.route;
    return { operationId, method, template, params: found.params };
  }
}
