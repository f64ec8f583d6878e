/**
 * A list of short byte strings packed into one contiguous array. Copying from thousands of separate
 * small Uint8Arrays costs a cache miss per field; one packed table stays in cache.
 */
export class TokenTable {
  readonly bytes: Uint8Array;
  readonly starts: Int32Array;
  readonly lengths: Int32Array;
  readonly size: number;

  constructor(tokens: readonly string[]) {
    const encoded = tokens.map((t) => Buffer.from(t, 'latin1'));
    this.size = tokens.length;
    this.bytes = new Uint8Array(encoded.reduce((n, b) => n + b.length, 0));
    this.starts = new Int32Array(tokens.length);
    this.lengths = new Int32Array(tokens.length);
    let at = 0;
    encoded.forEach((b, i) => {
      this.bytes.set(b, at);
      this.starts[i] = at;
      this.lengths[i] = b.length;
      at += b.length;
    });
  }
}
