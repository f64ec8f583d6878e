import AjvModule from 'ajv';
import type { AnySchemaObject, ErrorObject, ValidateFunction } from 'ajv';
import { closestMatch } from './suggest.js';
import { type PathSegment, pointerToSegments, quoteKey } from './path.js';

const Ajv = AjvModule.default;
type AjvInstance = InstanceType<typeof Ajv>;

/** One thing wrong with a document, phrased for the person who wrote it. */
export interface SchemaProblem {
  /** The offending value; for a key problem (unknown or invalid key), the object that holds the key. */
  path: PathSegment[];
  /** The offending key, for key problems. */
  key?: string;
  message: string;
}

export type SchemaValidator = (data: unknown) => SchemaProblem[];

export interface SchemaValidatorOptions {
  /** How to name container types: JSON users know objects and arrays, YAML users mappings and lists. */
  vocabulary?: 'json' | 'yaml';
}

/**
 * Keywords that editors (VS Code, yaml-language-server) read for their own messages; we register them
 * so the published schema can carry them and our messages match what the editor shows.
 */
const EDITOR_KEYWORDS = ['errorMessage', 'patternErrorMessage', 'markdownDescription'];

/** A branch of `anyOf` whose value has the wrong shape at its root is not the branch the author meant. */
const ROOT_MISMATCH = new Set(['type', 'const', 'enum']);

/**
 * Compiles `schema` on first use and returns a function listing the meaningful problems of a
 * document, in ajv's evaluation order. `anyOf` failures are resolved to the branch whose shape the
 * value has (so `[1]` against "path or list of paths" says `[0]: must be a string`), or to one
 * message for the whole union when no branch fits.
 */
export function createSchemaValidator(
  schema: AnySchemaObject,
  name: string,
  { vocabulary = 'json' }: SchemaValidatorOptions = {},
): SchemaValidator {
  let compiled: Compiled | undefined;
  return (data) => {
    compiled ??= compile(schema, name);
    if (compiled.validate(data)) return [];
    return new Explainer(compiled, name, data, vocabulary).explain(compiled.validate.errors ?? []);
  };
}

interface Compiled {
  ajv: AjvInstance;
  validate: ValidateFunction;
  /** JSON Pointer of every sub-schema object, to compile an anyOf branch on its own. */
  pointers: WeakMap<object, string>;
}

function compile(schema: AnySchemaObject, name: string): Compiled {
  const ajv = new Ajv({ allErrors: true, verbose: true, strict: true, strictNumbers: true, allowUnionTypes: true });
  for (const keyword of EDITOR_KEYWORDS) ajv.addKeyword(keyword);
  ajv.addSchema(schema, name);
  const validate = ajv.getSchema(name);
  if (!validate) throw new Error(`schema ${name} did not compile`);
  return { ajv, validate, pointers: subschemaPointers(schema) };
}

// ajv restarts `schemaPath` inside each `$ref`'d definition, so a branch is found by identity instead.
function subschemaPointers(schema: unknown): WeakMap<object, string> {
  const pointers = new WeakMap<object, string>();
  const visit = (node: unknown, pointer: string): void => {
    if (typeof node !== 'object' || node === null || pointers.has(node)) return;
    pointers.set(node, pointer);
    for (const [key, child] of Object.entries(node)) {
      visit(child, `${pointer}/${encodeURIComponent(key.replace(/~/g, '~0').replace(/\//g, '~1'))}`);
    }
  };
  visit(schema, '');
  return pointers;
}

class Explainer {
  constructor(
    private readonly compiled: Compiled,
    private readonly name: string,
    private readonly root: unknown,
    private readonly vocabulary: 'json' | 'yaml',
  ) {}

  explain(errors: readonly ErrorObject[]): SchemaProblem[] {
    // ajv reports every failed anyOf branch's errors just before the anyOf error itself; those
    // belong to the union and are replaced by its resolution.
    const consumed = new Set<number>();
    const resolved = new Map<number, SchemaProblem[]>();
    errors.forEach((error, index) => {
      if (error.keyword !== 'anyOf') return;
      const branches = this.branchErrors(error);
      const inner = branches.reduce((sum, branch) => sum + branch.length, 0);
      for (let i = Math.max(0, index - inner); i < index; i++) consumed.add(i);
      resolved.set(index, this.resolveAnyOf(error, branches));
    });
    return errors.flatMap((error, index) => (consumed.has(index) ? [] : (resolved.get(index) ?? this.describe(error))));
  }

  private branchErrors(error: ErrorObject): ErrorObject[][] {
    const branches: unknown[] = Array.isArray(error.schema) ? error.schema : [];
    const pointer = this.compiled.pointers.get(branches);
    return branches.map((_, i) => {
      const validate = pointer === undefined ? undefined : this.compiled.ajv.getSchema(`${this.name}#${pointer}/${i}`);
      if (!validate || validate(error.data)) return [];
      return (validate.errors ?? []).map((inner) => ({
        ...inner,
        instancePath: error.instancePath + inner.instancePath,
      }));
    });
  }

  private resolveAnyOf(error: ErrorObject, branches: ErrorObject[][]): SchemaProblem[] {
    const fits = branches.find(
      (branch) =>
        !branch.some((inner) => inner.instancePath === error.instancePath && ROOT_MISMATCH.has(inner.keyword)),
    );
    if (fits) return this.explain(fits);
    const custom = schemaString(error.parentSchema, 'errorMessage');
    const types = branches.flatMap((branch) =>
      branch.filter((inner) => inner.keyword === 'type' && inner.instancePath === error.instancePath),
    );
    const message = custom ?? `must be ${this.typesPhrase(types.flatMap((inner) => typeList(inner.params)))}`;
    return [{ path: this.path(error), message }];
  }

  private describe(error: ErrorObject): SchemaProblem[] {
    const path = this.path(error);
    const params = error.params as Record<string, unknown>;
    // Each bad key yields its own inner errors (carrying `propertyName`) followed by a generic wrapper.
    if (error.keyword === 'propertyNames') return [];
    if (typeof error.propertyName === 'string') {
      const key = error.propertyName;
      return [{ path, key, message: `invalid key ${quoteKey(key)}: ${this.message(error)}` }];
    }
    if (error.keyword === 'additionalProperties') {
      const key = String(params.additionalProperty);
      return [{ path, key, message: unknownKeyMessage(key, error.parentSchema) }];
    }
    return [{ path, message: this.message(error) }];
  }

  private message(error: ErrorObject): string {
    const params = error.params as Record<string, unknown>;
    const limit = Number(params.limit);
    switch (error.keyword) {
      case 'type':
        return `must be ${this.typesPhrase(typeList(params))}`;
      case 'enum':
        return `must be one of ${(params.allowedValues as unknown[]).map(formatAllowed).join(', ')}`;
      case 'const':
        return `must be ${JSON.stringify(params.allowedValue)}`;
      case 'required':
        return `missing required key ${quoteKey(String(params.missingProperty))}`;
      case 'pattern':
        return schemaString(error.parentSchema, 'patternErrorMessage') ?? `must match the pattern ${params.pattern}`;
      case 'minLength':
        return limit === 1 ? 'must not be empty' : `must be at least ${limit} characters long`;
      case 'maxLength':
        return `must be at most ${limit} characters long`;
      case 'minItems':
        return limit === 1 ? 'must not be empty' : `must have at least ${limit} items`;
      case 'maxItems':
        return `must have at most ${limit} items`;
      case 'minProperties':
        return limit === 1 ? 'must not be empty' : `must have at least ${limit} keys`;
      case 'maxProperties':
        return `must have at most ${limit} keys`;
      case 'minimum':
      case 'maximum':
      case 'exclusiveMinimum':
      case 'exclusiveMaximum':
        return `must be ${params.comparison} ${limit}`;
      case 'uniqueItems':
        return `must not repeat an item (items ${params.j} and ${params.i} are equal)`;
      default:
        return error.message ?? `fails the ${error.keyword} rule`;
    }
  }

  private typesPhrase(types: readonly string[]): string {
    const words = [...new Set(types)].map((type) => typeWord(type, this.vocabulary));
    return words.length > 0 ? words.join(' or ') : 'of another type';
  }

  private path(error: ErrorObject): PathSegment[] {
    return pointerToSegments(error.instancePath, this.root);
  }
}

function unknownKeyMessage(key: string, parentSchema: unknown): string {
  const properties = (parentSchema as { properties?: Record<string, unknown> } | undefined)?.properties;
  const allowed = Object.keys(properties ?? {});
  if (allowed.length === 0) return `unknown key ${quoteKey(key)} (no keys are allowed here)`;
  const suggestion = closestMatch(key, allowed);
  const hint = suggestion ? `, did you mean "${suggestion}"?` : '';
  return `unknown key ${quoteKey(key)}${hint} (allowed: ${allowed.join(', ')})`;
}

function typeList(params: Record<string, unknown>): string[] {
  const type = params.type;
  if (Array.isArray(type)) return type.map(String);
  return String(type).split(',');
}

function typeWord(type: string, vocabulary: 'json' | 'yaml'): string {
  switch (type) {
    case 'object':
      return vocabulary === 'yaml' ? 'a mapping' : 'an object';
    case 'array':
      return vocabulary === 'yaml' ? 'a list' : 'an array';
    case 'integer':
      return 'an integer';
    case 'null':
      return 'null';
    default:
      return `a ${type}`;
  }
}

function formatAllowed(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function schemaString(schema: unknown, keyword: string): string | undefined {
  const value = (schema as Record<string, unknown> | undefined)?.[keyword];
  return typeof value === 'string' ? value : undefined;
}
