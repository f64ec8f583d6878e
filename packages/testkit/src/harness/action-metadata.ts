import { readFile } from 'node:fs/promises';
import { UserError } from '@mlgate/core';
import type { Location } from '@mlgate/core';
import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import type { Document, Node } from 'yaml';

export interface ActionInputSpec {
  name: string;
  required: boolean;
  /** The default exactly as written (expressions not yet evaluated), when there is one. */
  default?: string;
  defaultLocation: Location;
  deprecationMessage?: string;
}

export interface ActionMetadata {
  file: string;
  inputs: ActionInputSpec[];
  outputs: string[];
  runs: { using: string; main?: string; pre?: string; post?: string };
}

function locate(file: string, node: Node | null | undefined, lines: LineCounter, keyPath: string): Location {
  if (!node?.range) return { file, path: keyPath };
  const { line, col } = lines.linePos(node.range[0]);
  return { file, line, column: col, path: keyPath };
}

/** A scalar as the runner reads it for a string field: plain scalars keep their source text (`0.10`). */
function scalarText(node: unknown): string | undefined {
  if (!isScalar(node) || node.value === null) return undefined;
  if (typeof node.value === 'string') return node.value;
  return typeof node.source === 'string' ? node.source : String(node.value);
}

function readInputs(doc: Document, file: string, lines: LineCounter): ActionInputSpec[] {
  const inputs = doc.get('inputs', true);
  if (inputs === undefined || inputs === null || (isScalar(inputs) && inputs.value === null)) return [];
  if (!isMap(inputs)) throw new UserError('`inputs` must be a mapping', locate(file, inputs as Node, lines, 'inputs'));
  return inputs.items.map((pair) => {
    const name = scalarText(pair.key);
    if (name === undefined) throw new UserError('input names must be strings', locate(file, null, lines, 'inputs'));
    const keyPath = `inputs.${name}`;
    const spec = pair.value;
    const entry: ActionInputSpec = { name, required: false, defaultLocation: locate(file, null, lines, keyPath) };
    if (spec === null || (isScalar(spec) && spec.value === null)) return entry;
    if (!isMap(spec)) throw new UserError(`${keyPath} must be a mapping`, locate(file, spec as Node, lines, keyPath));
    const defaultNode = spec.get('default', true);
    const value = scalarText(defaultNode);
    if (value !== undefined) entry.default = value;
    entry.defaultLocation = locate(file, (defaultNode as Node | undefined) ?? null, lines, `${keyPath}.default`);
    entry.required = scalarText(spec.get('required', true)) === 'true';
    const deprecation = scalarText(spec.get('deprecationMessage', true));
    if (deprecation !== undefined) entry.deprecationMessage = deprecation;
    return entry;
  });
}

function readRuns(doc: Document, file: string, lines: LineCounter): ActionMetadata['runs'] {
  const runs = doc.get('runs', true);
  if (!isMap(runs)) throw new UserError('`runs` is missing or not a mapping', locate(file, null, lines, 'runs'));
  const using = scalarText(runs.get('using', true));
  if (using === undefined) throw new UserError('`runs.using` is missing', locate(file, runs, lines, 'runs.using'));
  const result: ActionMetadata['runs'] = { using };
  for (const phase of ['main', 'pre', 'post'] as const) {
    const value = scalarText(runs.get(phase, true));
    if (value !== undefined) result[phase] = value;
  }
  return result;
}

/** Reads an action's `action.yml`; problems are UserErrors that point at the line. */
export async function loadActionMetadata(file: string): Promise<ActionMetadata> {
  const text = await readFile(file, 'utf8');
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const [firstError] = doc.errors;
  if (firstError) {
    const { line, col } = lines.linePos(firstError.pos[0]);
    throw new UserError(`invalid YAML: ${firstError.message.split('\n')[0]}`, { file, line, column: col });
  }
  const outputs = doc.get('outputs', true);
  return {
    file,
    inputs: readInputs(doc, file, lines),
    outputs: isMap(outputs) ? outputs.items.map((pair) => scalarText(pair.key) ?? '') : [],
    runs: readRuns(doc, file, lines),
  };
}
