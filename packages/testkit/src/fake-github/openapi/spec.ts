import { readFileSync } from 'node:fs';

/** A JSON Schema as GitHub's OpenAPI 3.0 description writes it (with `nullable`). */
export type JsonSchema = Record<string, unknown>;

export interface OpenApiParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  schema: JsonSchema;
}

export interface OpenApiOperation {
  method: string;
  path: string;
  summary: string;
  docs?: string;
  /** Set when GitHub serves the operation from another origin (uploads.github.com). */
  server?: string;
  parameters: OpenApiParameter[];
  requestBody?: { required: boolean; contentTypes: string[]; schema?: JsonSchema };
  responses: Record<string, { schema?: JsonSchema }>;
}

/** The committed extract of @octokit/openapi written by scripts/extract-openapi.mjs. */
export interface GitHubSubset {
  source: { package: string; version: string; file: string; openapi: string; apiVersion: string };
  operations: Record<string, OpenApiOperation>;
  components: { schemas: Record<string, JsonSchema> };
  /** Every operation of api.github.com: `"GET /repos/{owner}/{repo}"` → operationId. */
  index: Record<string, string>;
}

let cached: GitHubSubset | undefined;

export function loadGitHubSubset(): GitHubSubset {
  cached ??= JSON.parse(
    readFileSync(new URL('../../../openapi/github-subset.json', import.meta.url), 'utf8'),
  ) as GitHubSubset;
  return cached;
}
