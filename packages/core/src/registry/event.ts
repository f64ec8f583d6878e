import registryEventSchema from '../../schemas/registry-event.schema.json' with { type: 'json' };
import { formatJsonPath } from '../json-schema/path.js';
import { createSchemaValidator } from '../json-schema/validator.js';
import type { VerdictStatus } from '../report/types.js';
import type { RegistryAction } from './tags.js';

export const REGISTRY_EVENT_SCHEMA_ID = 'mlgate/registry-event@1';

/** The registry event JSON Schema, for publishing and for other validators. */
export const registryEventJsonSchema = registryEventSchema;

const validateEvent = createSchemaValidator(registryEventJsonSchema, 'mlgate-registry-event');

/** A metric as the registry records it; `ci` is the interval of the change against `baseline`. */
export interface RecordedMetric {
  name: string;
  value: number | null;
  baseline?: number | null;
  ci?: { low: number; high: number };
}

/** The message mlgate writes into a registry tag (schemas/registry-event.schema.json). */
export interface RegistryEvent {
  schema: typeof REGISTRY_EVENT_SCHEMA_ID;
  action: RegistryAction;
  model: string;
  version?: string;
  stage?: string;
  /** Who asked for it (a GitHub login, the git user); the tagger may be a bot. */
  actor: string;
  reason?: string;
  manifest?: { digest: string; path?: string; fingerprint?: string; params?: string };
  artifact?: { location: string; digest?: string };
  metrics?: RecordedMetric[];
  gate?: { verdict: VerdictStatus; report?: { digest: string; location?: string } };
  /** What the stage held before an assignment or unassignment. */
  previous?: { version: string | null; tag: string | null };
  /** A promotion forced past missing evidence: why, and what was missing. */
  forced?: { reason: string; missing: string[] };
}

/** What a tag message says: mlgate's event, or a plain message (GTO's, a person's), or a broken event. */
export type TagMessage =
  | { kind: 'event'; event: RegistryEvent }
  | { kind: 'plain'; text: string }
  | { kind: 'invalid'; text: string; problem: string };

/** The tag message for `event`: one line of JSON, keys in the order written, so tags diff and grep well. */
export function formatRegistryEvent(event: Omit<RegistryEvent, 'schema'>): string {
  const full = { schema: REGISTRY_EVENT_SCHEMA_ID, ...event };
  const [problem] = validateEvent(full);
  if (problem) throw new Error(`registry event ${formatJsonPath(problem.path)}: ${problem.message}`);
  return JSON.stringify(full);
}

/**
 * Reads a tag message. Anything that is not a JSON object naming `mlgate/registry-event@1` is a plain message
 * (GTO writes "Registering artifact churn version v1.0.0"); one that names the schema but breaks it is kept as
 * text with the problem, never trusted and never an error, since tags come from any clone.
 */
export function readTagMessage(message: string): TagMessage {
  const text = message.trim();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { kind: 'plain', text };
  }
  if ((json as { schema?: unknown } | null)?.schema !== REGISTRY_EVENT_SCHEMA_ID) return { kind: 'plain', text };
  const [problem] = validateEvent(json);
  if (problem) return { kind: 'invalid', text, problem: `${formatJsonPath(problem.path)}: ${problem.message}` };
  return { kind: 'event', event: json as RegistryEvent };
}
