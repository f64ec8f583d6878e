import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadDataSchema } from '../src/checks/index.js';
import { loadConfig } from '../src/config/load.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');

interface Generator {
  renderConfigReference(): string;
  DOCUMENTS: { schema: string; heading: string }[];
}

// The generator is a plain Node script (run by `pnpm config-reference`); imported by URL so tsc leaves it alone.
const generator = (await import(pathToFileURL(join(root, 'scripts', 'config-reference.mjs')).href)) as Generator;
const committed = readFileSync(join(root, 'docs', 'configuration.md'), 'utf8');
const rendered = generator.renderConfigReference();

/** Every key a schema defines anywhere (properties of objects, of definitions, of anyOf branches). */
function keysOf(node: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(node)) node.forEach((item) => keysOf(item, into));
  else if (typeof node === 'object' && node !== null) {
    const record = node as Record<string, unknown>;
    if (typeof record.properties === 'object' && record.properties !== null) {
      for (const key of Object.keys(record.properties)) into.add(key);
    }
    for (const value of Object.values(record)) keysOf(value, into);
  }
  return into;
}

describe('docs/configuration.md', () => {
  it('is what `pnpm config-reference` writes from the schemas (regenerate it when a schema changes)', () => {
    expect(committed).toBe(rendered);
  });

  it('lists every key of both schemas in its tables', () => {
    const tableKeys = [...rendered.matchAll(/^\| `([^`]+)`/gm)].map((match) => match[1]!.split('.'));
    for (const { schema } of generator.DOCUMENTS) {
      const keys = keysOf(JSON.parse(readFileSync(join(root, schema), 'utf8')));
      expect(keys.size).toBeGreaterThan(10);
      for (const key of keys)
        expect([schema, key, tableKeys.some((path) => path.includes(key))]).toEqual([schema, key, true]);
    }
  });

  it('shows example files that mlgate loads without an error', () => {
    const examples = [...rendered.matchAll(/```yaml\n([\s\S]*?)```/g)].map((match) => match[1]!);
    expect(examples).toHaveLength(2);
    const config = loadConfig(examples[0]!, 'mlgate.yml');
    expect(Object.keys(config.models)).toEqual(['churn']);
    const schema = loadDataSchema(examples[1]!, 'schema.yml');
    expect(schema.columns.map((column) => column.name)).toEqual(['age']);
  });

  it('is linked from the README', () => {
    expect(readFileSync(join(root, 'README.md'), 'utf8')).toContain('(docs/configuration.md)');
  });
});
