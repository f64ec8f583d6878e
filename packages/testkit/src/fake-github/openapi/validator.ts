import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { toJsonSchema } from './json-schema.js';
import type { GitHubSubset, JsonSchema, OpenApiOperation } from './spec.js';

const COMPONENTS_ID = 'https://fake-github.invalid/github-subset.json';

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

export interface RequestParts {
  params: Record<string, string>;
  query: URLSearchParams;
  /** Parsed JSON body, or undefined when the request had none. */
  body: unknown;
  contentType: string | undefined;
}

export interface ValidatedRequest {
  problems: string[];
  /** Query parameters coerced to the schema's types, with the schema's defaults filled in. */
  query: Record<string, unknown>;
  params: Record<string, unknown>;
}

function createAjv(coerceTypes: boolean): Ajv {
  const ajv = new Ajv({
    strict: false,
    allErrors: true,
    coerceTypes,
    useDefaults: coerceTypes,
    logger: false,
    // Shared components (simple-user, repository) compile once instead of being inlined into every operation.
    inlineRefs: false,
  });
  ajv.addFormat('date-time', DATE_TIME);
  // GitHub sends "" for unset URL fields its schema declares as `format: uri` (deployment statuses' log_url...).
  ajv.addFormat('uri', (value: string) => value === '' || URL.canParse(value));
  ajv.addFormat('email', /^[^\s@]+@[^\s@]+$/);
  ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isSafeInteger(n) });
  return ajv;
}

function describe(errors: ErrorObject[] | null | undefined, root: string): string[] {
  return (errors ?? []).map((e) => {
    const where = `${root}${e.instancePath}`;
    const extra = e.keyword === 'enum' ? ` (${JSON.stringify(e.params.allowedValues)})` : '';
    return `${where} ${e.message ?? 'is invalid'}${extra}`;
  });
}

/** Top-level property names a JSON body schema declares, across allOf/anyOf/oneOf branches. */
function declaredProperties(schema: JsonSchema | undefined): Set<string> | undefined {
  if (!schema || schema.additionalProperties !== undefined) return undefined;
  const names = new Set<string>(Object.keys((schema.properties as JsonSchema | undefined) ?? {}));
  for (const key of ['allOf', 'anyOf', 'oneOf']) {
    for (const branch of (schema[key] as JsonSchema[] | undefined) ?? []) {
      for (const name of declaredProperties(branch) ?? []) names.add(name);
    }
  }
  return names.size > 0 ? names : undefined;
}

/**
 * Validates requests against GitHub's parameters and request bodies, and the fake's responses against GitHub's
 * response schemas. Compiled validators are cached: share one instance (see `sharedValidator`).
 */
export class OpenApiValidator {
  private readonly strictAjv = createAjv(false);
  private readonly coercingAjv = createAjv(true);
  private readonly cache = new Map<string, ValidateFunction>();

  constructor(private readonly subset: GitHubSubset) {
    for (const ajv of [this.strictAjv, this.coercingAjv]) {
      ajv.addSchema({ $id: COMPONENTS_ID, components: toJsonSchema(subset.components, COMPONENTS_ID) });
    }
  }

  operation(operationId: string): OpenApiOperation | undefined {
    return this.subset.operations[operationId];
  }

  validateRequest(operationId: string, parts: RequestParts): ValidatedRequest {
    const op = this.operation(operationId);
    if (!op) throw new Error(`FakeGitHub: no OpenAPI operation ${operationId}`);
    const problems: string[] = [];
    const params: Record<string, unknown> = { ...parts.params };
    const pathCheck = this.compiled(`${operationId} path`, true, () => this.parameterSchema(op, 'path'));
    if (!pathCheck(params)) problems.push(...describe(pathCheck.errors, 'path'));

    const query: Record<string, unknown> = {};
    for (const [name, value] of parts.query) if (!(name in query)) query[name] = value;
    const known = new Set(op.parameters.filter((p) => p.in === 'query').map((p) => p.name));
    for (const name of Object.keys(query)) {
      if (!known.has(name)) problems.push(`query parameter "${name}" is not a parameter of ${operationId}`);
    }
    const queryCheck = this.compiled(`${operationId} query`, true, () => this.parameterSchema(op, 'query'));
    if (!queryCheck(query)) problems.push(...describe(queryCheck.errors, 'query'));

    problems.push(...this.bodyProblems(operationId, op, parts));
    return { problems, query, params };
  }

  /** Problems with a response body the fake produced; statuses GitHub does not document a body for pass. */
  validateResponse(operationId: string, status: number, body: unknown): string[] {
    const schema = this.operation(operationId)?.responses[String(status)]?.schema;
    if (!schema) return [];
    const check = this.compiled(`${operationId} ${status}`, false, () => schema);
    return check(body) ? [] : describe(check.errors, 'response');
  }

  private bodyProblems(operationId: string, op: OpenApiOperation, parts: RequestParts): string[] {
    const spec = op.requestBody;
    if (!spec) return parts.body === undefined ? [] : [`${operationId} takes no request body`];
    if (parts.body === undefined) return spec.required ? [`${operationId} requires a request body`] : [];
    const mediaType = (parts.contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    if (!spec.schema) return [];
    if (mediaType !== 'application/json') return [`request body must be application/json, got "${mediaType}"`];
    const check = this.compiled(`${operationId} body`, false, () => spec.schema as JsonSchema);
    const problems = check(parts.body) ? [] : describe(check.errors, 'body');
    const declared = declaredProperties(spec.schema);
    if (declared && parts.body && typeof parts.body === 'object' && !Array.isArray(parts.body)) {
      for (const name of Object.keys(parts.body)) {
        // GitHub silently ignores unknown fields; a client sending one almost always has a bug.
        if (!declared.has(name)) problems.push(`body property "${name}" is not in ${operationId}'s request schema`);
      }
    }
    return problems;
  }

  private parameterSchema(op: OpenApiOperation, location: 'path' | 'query'): JsonSchema {
    const params = op.parameters.filter((p) => p.in === location);
    return {
      type: 'object',
      properties: Object.fromEntries(params.map((p) => [p.name, p.schema])),
      required: params.filter((p) => p.required).map((p) => p.name),
    };
  }

  private compiled(key: string, coerce: boolean, schema: () => JsonSchema): ValidateFunction {
    let fn = this.cache.get(key);
    if (!fn) {
      const ajv = coerce ? this.coercingAjv : this.strictAjv;
      fn = ajv.compile(toJsonSchema(schema(), COMPONENTS_ID) as JsonSchema);
      this.cache.set(key, fn);
    }
    return fn;
  }
}

let shared: OpenApiValidator | undefined;

/** One validator per process: compiling GitHub's large schemas (pull-request, repository) takes a while. */
export function sharedValidator(subset: GitHubSubset): OpenApiValidator {
  shared ??= new OpenApiValidator(subset);
  return shared;
}
