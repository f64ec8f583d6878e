import type { JsonSchema } from './spec.js';

/**
 * Rewrites an OpenAPI 3.0 schema into plain JSON Schema for ajv: `nullable: true` becomes a `null` alternative
 * (ajv rejects `nullable` beside `$ref`/`anyOf`, and an `enum` must list null explicitly), and local `$ref`s are
 * made absolute against `baseId` so operation schemas can point into the shared components document.
 */
export function toJsonSchema(schema: unknown, baseId: string): unknown {
  if (Array.isArray(schema)) return schema.map((item) => toJsonSchema(item, baseId));
  if (!schema || typeof schema !== 'object') return schema;
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(schema as JsonSchema)) {
    if (key === 'nullable') continue;
    if (key === '$ref' && typeof value === 'string' && value.startsWith('#/')) out.$ref = baseId + value;
    else if (key === 'properties' && value && typeof value === 'object') {
      out.properties = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toJsonSchema(v, baseId)]));
    } else out[key] = toJsonSchema(value, baseId);
  }
  if ((schema as JsonSchema).nullable !== true) return out;
  if (typeof out.type === 'string' && !out.$ref) {
    const nullable: JsonSchema = { ...out, type: [out.type, 'null'] };
    if (Array.isArray(out.enum) && !out.enum.includes(null)) nullable.enum = [...out.enum, null];
    return nullable;
  }
  return { anyOf: [out, { type: 'null' }] };
}
