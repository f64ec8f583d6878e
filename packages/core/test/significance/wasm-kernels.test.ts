import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
// @ts-expect-error -- a plain ESM script without type declarations
import { compileWat, generatedModule, targetOf } from '../../scripts/build-wasm.mjs';

const wasmDir = join(dirname(fileURLToPath(import.meta.url)), '../../src/significance/wasm');

describe('embedded WebAssembly kernels', () => {
  it('the committed auc-sweep bytes are exactly what auc-sweep.wat compiles to', async () => {
    const wat = join(wasmDir, 'auc-sweep.wat');
    const expected = generatedModule(wat, await compileWat(wat));
    expect(readFileSync(targetOf(wat), 'utf8')).toBe(expected);
  });
});
