import reportSchema from '../../schemas/report.schema.json' with { type: 'json' };
import { UserError } from '../errors.js';
import { formatJsonPath, quoteKey } from '../json-schema/path.js';
import { createSchemaValidator } from '../json-schema/validator.js';
import { REPORT_SCHEMA_ID, type Report } from './types.js';

/** The report JSON Schema, for publishing and for other validators. */
export const reportJsonSchema = reportSchema;

const validateReport = createSchemaValidator(reportJsonSchema, 'mlgate-report');

/**
 * Checks that `json` is an `mlgate/report@1` document and returns it typed. Reports may come from
 * untrusted pull requests, so anything the schema does not allow is rejected with a `UserError`
 * naming `file` and the JSON path of the first problem (`$.verdict.status: must be one of …`).
 */
export function parseReport(json: unknown, file: string): Report {
  const kind = wrongKind(json);
  if (kind) throw new UserError(kind.message, { file, path: kind.path });
  const [problem] = validateReport(json);
  if (problem) {
    const path = formatJsonPath(problem.path);
    throw new UserError(problem.message, { file, path });
  }
  return json as Report;
}

/**
 * A file of another kind or version deserves a better message than the first schema error, which
 * would be noise about fields a report has and that file does not.
 */
function wrongKind(json: unknown): { message: string; path: string } | undefined {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return undefined;
  if (!('schema' in json)) {
    return { path: '$', message: `not an mlgate report (missing "schema": "${REPORT_SCHEMA_ID}")` };
  }
  const { schema } = json;
  if (schema === REPORT_SCHEMA_ID) return undefined;
  const path = '$.schema';
  if (typeof schema === 'string' && /^mlgate\/report@\d+$/.test(schema)) {
    return { path, message: `unsupported report version ${quoteKey(schema)} (this mlgate reads ${REPORT_SCHEMA_ID})` };
  }
  if (typeof schema === 'string' && /^mlgate\/[a-z-]+@\d+$/.test(schema)) {
    return { path, message: `${quoteKey(schema)} is not a report (expected ${REPORT_SCHEMA_ID})` };
  }
  return { path, message: `must be "${REPORT_SCHEMA_ID}"` };
}
