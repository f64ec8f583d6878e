#!/usr/bin/env node
// Regenerates packages/testkit/openapi/github-subset.json from GitHub's published OpenAPI description.
//
// @octokit/openapi unpacks to ~385 MB (every GHES version), so it is never a workspace dependency: this script
// fetches the pinned tarball into a temp dir with `npm pack`, extracts only generated/api.github.com.json, keeps the
// operations FakeGitHub implements (with every $ref they reach) plus a one-line index of all operations, and writes a
// small self-contained JSON file that is committed.
//
// Usage: node packages/testkit/scripts/extract-openapi.mjs [--version 23.0.2] [--spec path/to/api.github.com.json]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const PINNED_VERSION = '23.0.2';
const SPEC_MEMBER = 'package/generated/api.github.com.json';
const OUT_FILE = new URL('../openapi/github-subset.json', import.meta.url);

// The operations FakeGitHub serves; a test checks that the handler table and this list agree.
const IMPLEMENTED_OPERATIONS = [
  'actions/download-artifact',
  'actions/get-artifact',
  'actions/get-workflow-run',
  'actions/list-workflow-run-artifacts',
  'actions/list-workflow-runs',
  'actions/list-workflow-runs-for-repo',
  'checks/create',
  'checks/get',
  'checks/list-for-ref',
  'checks/update',
  'git/create-ref',
  'git/create-tag',
  'git/delete-ref',
  'git/get-commit',
  'git/get-ref',
  'git/get-tag',
  'git/list-matching-refs',
  'git/update-ref',
  'issues/create-comment',
  'issues/create-label',
  'issues/delete-comment',
  'issues/get',
  'issues/get-comment',
  'issues/list-comments',
  'issues/list-for-repo',
  'issues/update-comment',
  'pulls/get',
  'pulls/list',
  'rate-limit/get',
  'reactions/create-for-issue-comment',
  'repos/create-commit-status',
  'repos/create-deployment',
  'repos/create-deployment-status',
  'repos/create-release',
  'repos/delete-release',
  'repos/delete-release-asset',
  'repos/get',
  'repos/get-collaborator-permission-level',
  'repos/get-combined-status-for-ref',
  'repos/get-deployment',
  'repos/get-release',
  'repos/get-release-asset',
  'repos/get-release-by-tag',
  'repos/list-commit-statuses-for-ref',
  'repos/list-deployment-statuses',
  'repos/list-deployments',
  'repos/list-release-assets',
  'repos/list-releases',
  'repos/update-release',
  'repos/update-release-asset',
  'repos/upload-release-asset',
  'users/get-authenticated',
];

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
// Documentation-only keywords: dropping them keeps the committed file small without changing what validates.
const DOC_KEYS = new Set(['description', 'example', 'examples', 'externalDocs', 'x-github', 'title']);

function main() {
  const { values } = parseArgs({ options: { version: { type: 'string' }, spec: { type: 'string' } } });
  const version = values.version ?? PINNED_VERSION;
  const specPath = values.spec ?? downloadSpec(version);
  const spec = JSON.parse(readFileSync(specPath, 'utf8'));
  const subset = buildSubset(spec, values.spec ? readVersionNextTo(values.spec, version) : version);
  writeFileSync(OUT_FILE, JSON.stringify(subset, null, 1) + '\n');
  const count = Object.keys(subset.operations).length;
  console.log(
    `wrote ${OUT_FILE.pathname}: ${count} operations, ${Object.keys(subset.components.schemas).length} schemas`,
  );
}

function downloadSpec(version) {
  const dir = mkdtempSync(join(tmpdir(), 'mlgate-openapi-'));
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  execFileSync(npm, ['pack', `@octokit/openapi@${version}`, '--pack-destination', dir, '--silent'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    shell: process.platform === 'win32',
  });
  const tarball = readdirSync(dir).find((f) => f.endsWith('.tgz'));
  if (!tarball) throw new Error(`npm pack @octokit/openapi@${version} produced no tarball in ${dir}`);
  // Extracting one member keeps the footprint at 13 MB instead of the package's 385 MB.
  execFileSync('tar', ['-xzf', tarball, SPEC_MEMBER], { cwd: dir, stdio: 'inherit' });
  return join(dir, SPEC_MEMBER);
}

function readVersionNextTo(specPath, fallback) {
  try {
    return JSON.parse(readFileSync(join(specPath, '..', '..', 'package.json'), 'utf8')).version ?? fallback;
  } catch {
    return fallback;
  }
}

function buildSubset(spec, version) {
  const byId = new Map();
  const index = {};
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const method of HTTP_METHODS) {
      const op = item[method];
      if (!op?.operationId) continue;
      index[`${method.toUpperCase()} ${path}`] = op.operationId;
      byId.set(op.operationId, { method, path, op, item });
    }
  }
  const operations = {};
  const reached = new Set();
  for (const id of IMPLEMENTED_OPERATIONS) {
    const found = byId.get(id);
    if (!found) throw new Error(`operation ${id} is not in @octokit/openapi@${version}`);
    operations[id] = extractOperation(spec, found, reached);
  }
  return {
    source: {
      package: '@octokit/openapi',
      version,
      file: 'generated/api.github.com.json',
      openapi: spec.openapi,
      apiVersion: spec.info.version,
    },
    operations,
    components: { schemas: collectSchemas(spec, reached) },
    index,
  };
}

function extractOperation(spec, { method, path, op, item }, reached) {
  const parameters = [...(item.parameters ?? []), ...(op.parameters ?? [])].map((p) => {
    const param = deref(spec, p);
    return {
      name: param.name,
      in: param.in,
      required: param.required === true,
      schema: stripDocs(param.schema ?? {}, reached),
    };
  });
  const body = op.requestBody ? deref(spec, op.requestBody) : undefined;
  const jsonBody = body?.content?.['application/json'];
  const responses = {};
  for (const [status, raw] of Object.entries(op.responses ?? {})) {
    const response = deref(spec, raw);
    const json = response.content?.['application/json'];
    responses[status] = json?.schema ? { schema: stripDocs(json.schema, reached) } : {};
  }
  return {
    method: method.toUpperCase(),
    path,
    summary: op.summary,
    docs: op.externalDocs?.url,
    ...(op.servers?.[0]?.url ? { server: op.servers[0].url } : {}),
    parameters,
    ...(body
      ? {
          requestBody: {
            required: body.required === true,
            contentTypes: Object.keys(body.content ?? {}),
            ...(jsonBody?.schema ? { schema: stripDocs(jsonBody.schema, reached) } : {}),
          },
        }
      : {}),
    responses,
  };
}

function deref(spec, node) {
  let current = node;
  while (current && typeof current.$ref === 'string') current = lookup(spec, current.$ref);
  return current;
}

function lookup(spec, ref) {
  if (!ref.startsWith('#/')) throw new Error(`external $ref not supported: ${ref}`);
  let node = spec;
  for (const part of ref.slice(2).split('/')) node = node?.[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  if (node === undefined) throw new Error(`dangling $ref ${ref}`);
  return node;
}

// Schema $refs stay as refs into components.schemas (copied below), so shared shapes like simple-user appear once.
function stripDocs(schema, reached) {
  if (Array.isArray(schema)) return schema.map((s) => stripDocs(s, reached));
  if (!schema || typeof schema !== 'object') return schema;
  const out = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === '$ref') {
      if (!value.startsWith('#/components/schemas/')) throw new Error(`unexpected schema $ref ${value}`);
      reached.add(value.slice('#/components/schemas/'.length));
      out.$ref = value;
    } else if (key === 'properties' || key === 'patternProperties') {
      out[key] = Object.fromEntries(Object.entries(value).map(([name, s]) => [name, stripDocs(s, reached)]));
    } else if (!DOC_KEYS.has(key)) {
      out[key] = stripDocs(value, reached);
    }
  }
  return out;
}

function collectSchemas(spec, reached) {
  const schemas = {};
  const pending = [...reached];
  while (pending.length > 0) {
    const name = pending.pop();
    if (name in schemas) continue;
    const before = new Set(reached);
    schemas[name] = stripDocs(spec.components.schemas[name], reached);
    for (const added of reached) if (!before.has(added)) pending.push(added);
  }
  return Object.fromEntries(Object.entries(schemas).sort(([a], [b]) => a.localeCompare(b)));
}

main();
