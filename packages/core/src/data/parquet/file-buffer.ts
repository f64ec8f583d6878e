import type { FileHandle } from 'node:fs/promises';
import type { AsyncBuffer } from 'hyparquet';

/**
 * The `AsyncBuffer` hyparquet reads through: each `slice` is one positioned read of exactly the
 * requested range, so only the footer and the column chunks hyparquet asks for ever leave the disk.
 */
export function fileAsyncBuffer(handle: FileHandle, byteLength: number): AsyncBuffer {
  return {
    byteLength,
    async slice(start: number, end = byteLength): Promise<ArrayBuffer> {
      const from = Math.max(0, start);
      const to = Math.min(byteLength, end);
      const out = new Uint8Array(Math.max(0, to - from));
      let filled = 0;
      while (filled < out.length) {
        const { bytesRead } = await handle.read(out, filled, out.length - filled, from + filled);
        // The file shrank under us: a short buffer would decode as garbage further on.
        if (bytesRead === 0) throw new Error(`unexpected end of file at byte ${from + filled} of ${byteLength}`);
        filled += bytesRead;
      }
      return out.buffer;
    },
  };
}
