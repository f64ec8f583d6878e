import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
// @ts-expect-error -- a plain ESM script without type declarations
import { compileWat, generatedModule, targetOf } from '../../scripts/build-wasm.mjs';

const wasmDir = join(dirname(fileURLToPath(import.meta.url)), '../../src/significance/wasm');
const sources = readdirSync(wasmDir).filter((name) => name.endsWith('.wat'));

describe('embedded WebAssembly kernels', () => {
  it('has kernel sources to check', () => {
    expect(sources).toContain('ranking.wat');
  });

  it.each(sources)('the committed bytes are exactly what %s compiles to', async (name) => {
    const wat = join(wasmDir, name);
    const expected = generatedModule(wat, await compileWat(wat));
    expect(readFileSync(targetOf(wat), 'utf8')).toBe(expected);
  });
});
