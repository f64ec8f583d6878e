import manifestSchema from '../../schemas/manifest.schema.json' with { type: 'json' };
import { UserError } from '../errors.js';
import { formatJsonPath } from '../json-schema/path.js';
import { createSchemaValidator } from '../json-schema/validator.js';
import { MANIFEST_SCHEMA_ID, type Manifest } from './types.js';

/** The manifest JSON Schema, for publishing and for other validators. */
export const manifestJsonSchema = manifestSchema;

const validateManifest = createSchemaValidator(manifestJsonSchema, 'mlgate-manifest');

/**
 * Checks that `json` is an `mlgate/manifest@1` document and returns it typed. A manifest restored from a cache or
 * downloaded with another run's artifact is input like any other: a `UserError` names `file` and the first problem.
 */
export function parseManifest(json: unknown, file: string): Manifest {
  const schema = (json as { schema?: unknown } | null)?.schema;
  if (schema !== MANIFEST_SCHEMA_ID) {
    throw new UserError(`not an mlgate manifest (expected "schema": "${MANIFEST_SCHEMA_ID}")`, {
      file,
      path: '$.schema',
    });
  }
  const [problem] = validateManifest(json);
  if (problem) throw new UserError(problem.message, { file, path: formatJsonPath(problem.path) });
  return json as Manifest;
}
