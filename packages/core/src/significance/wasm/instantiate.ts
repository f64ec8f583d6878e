/** A WebAssembly memory, as the kernels use it. */
export interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}

export const WASM_PAGE_BYTES = 65536;

// TypeScript declares the WebAssembly API only in its DOM library and @types/node 20 not at all,
// so the few parts used are typed here (Node has had them since version 8).
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { readonly exports: object };
}
const { Module, Instance } = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

const compiled = new Map<string, object>();

/** A fresh instance (with its own memory) of an embedded module, compiled once per process. */
export function instantiate<Exports>(base64: string): Exports {
  let module = compiled.get(base64);
  if (module === undefined) {
    module = new Module(Buffer.from(base64, 'base64'));
    compiled.set(base64, module);
  }
  return new Instance(module, {}).exports as Exports;
}
