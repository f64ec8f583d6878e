import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';
import type { Entry, ZipFile } from 'yauzl';

/** Bounds on what one archive may unpack to; an archive from another run is untrusted input. */
export interface ExtractLimits {
  /** Most entries (files and folders) in the archive. */
  maxEntries: number;
  /** Largest single file, uncompressed. */
  maxEntryBytes: number;
  /** Largest total of all files, uncompressed. */
  maxTotalBytes: number;
}

export const DEFAULT_EXTRACT_LIMITS: ExtractLimits = {
  maxEntries: 10_000,
  maxEntryBytes: 1024 ** 3,
  maxTotalBytes: 2 * 1024 ** 3,
};

/** The archive is not a readable zip, or unpacking it would be unsafe. The message says which entry and why. */
export class UnsafeArchiveError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnsafeArchiveError';
  }
}

// Unix file types from the high 16 bits of the external attributes (when the archive was made on Unix).
const MADE_ON_UNIX = 3;
const FILE_TYPE_MASK = 0o170000;
const REGULAR_FILE = 0o100000;
const DIRECTORY = 0o040000;

/**
 * Unpacks `zip` into the existing, empty directory `dest`. Refuses, before writing anything for the entry
 * concerned: names that are absolute or climb out with `..` (yauzl rejects those as it reads the central
 * directory), links and other non-regular files, encrypted entries, compression other than stored/deflate,
 * more entries than allowed, and files whose declared or actual size passes the caps. Actual sizes are counted
 * while inflating, so an entry that declares a few bytes and inflates to gigabytes is stopped at the cap.
 */
export async function extractZip(
  zip: Buffer,
  dest: string,
  limits: ExtractLimits = DEFAULT_EXTRACT_LIMITS,
): Promise<void> {
  const root = resolve(dest);
  let archive: ZipFile;
  try {
    archive = await yauzl.fromBufferPromise(zip, { validateEntrySizes: true, strictFileNames: false });
  } catch (error) {
    throw new UnsafeArchiveError(`not a readable zip archive: ${messageOf(error)}`);
  }
  try {
    if (archive.entryCount > limits.maxEntries) {
      throw new UnsafeArchiveError(`${archive.entryCount} entries, more than the ${limits.maxEntries} allowed`);
    }
    let total = 0;
    for await (const entry of eachEntry(archive)) {
      const target = targetPath(root, entry.fileName);
      if (entry.fileName.endsWith('/')) {
        checkType(entry, DIRECTORY);
        await makeFolder(target, entry);
        continue;
      }
      checkType(entry, REGULAR_FILE);
      checkDecodable(entry);
      if (entry.uncompressedSize > limits.maxEntryBytes) {
        throw new UnsafeArchiveError(
          `entry "${entry.fileName}" declares ${entry.uncompressedSize} bytes, more than the ${limits.maxEntryBytes} allowed`,
        );
      }
      const budget = Math.min(limits.maxEntryBytes, limits.maxTotalBytes - total);
      await makeFolder(dirname(target), entry);
      total += await writeEntry(archive, entry, target, budget, limits);
    }
  } finally {
    archive.close();
  }
}

async function* eachEntry(archive: ZipFile): AsyncGenerator<Entry> {
  const entries = archive.eachEntry();
  for (;;) {
    let next: IteratorResult<Entry>;
    try {
      next = await entries.next();
    } catch (error) {
      throw new UnsafeArchiveError(messageOf(error));
    }
    if (next.done) return;
    yield next.value;
  }
}

/** Where `name` lands under `root`; a second guard behind yauzl's name checks, which must never be the only one. */
function targetPath(root: string, name: string): string {
  if (name === '' || name.includes('\0')) throw new UnsafeArchiveError(`entry name ${JSON.stringify(name)} is invalid`);
  const target = resolve(root, name);
  const inside = relative(root, target);
  if (inside === '' || isAbsolute(inside) || inside === '..' || inside.startsWith(`..${sep}`)) {
    throw new UnsafeArchiveError(`entry "${name}" would be written outside the extraction folder`);
  }
  return join(root, inside);
}

async function makeFolder(path: string, entry: Entry): Promise<void> {
  try {
    await mkdir(path, { recursive: true });
  } catch (error) {
    // A file entry earlier in the archive took the name this folder needs.
    throw new UnsafeArchiveError(`entry "${entry.fileName}" clashes with another entry: ${messageOf(error)}`);
  }
}

function checkType(entry: Entry, expected: number): void {
  if (entry.versionMadeBy >> 8 !== MADE_ON_UNIX) return;
  const type = (entry.externalFileAttributes >>> 16) & FILE_TYPE_MASK;
  // 0 means the archiver recorded no type; the name already says file or folder.
  if (type === 0 || type === expected) return;
  const kind = type === 0o120000 ? 'a symbolic link' : type === DIRECTORY ? 'a folder' : 'not a regular file';
  throw new UnsafeArchiveError(`entry "${entry.fileName}" is ${kind}`);
}

function checkDecodable(entry: Entry): void {
  if (entry.isEncrypted()) throw new UnsafeArchiveError(`entry "${entry.fileName}" is encrypted`);
  if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
    throw new UnsafeArchiveError(
      `entry "${entry.fileName}" uses compression method ${entry.compressionMethod} (only stored and deflate are supported)`,
    );
  }
}

/** Streams one entry to `target` (which must not exist yet), stopping past `budget` bytes. Returns the bytes written. */
async function writeEntry(
  archive: ZipFile,
  entry: Entry,
  target: string,
  budget: number,
  limits: ExtractLimits,
): Promise<number> {
  let written = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      written += chunk.length;
      if (written > budget) {
        const cap =
          budget < limits.maxEntryBytes
            ? `the archive's total passes the ${limits.maxTotalBytes} bytes allowed`
            : `it passes the ${limits.maxEntryBytes} bytes allowed per file`;
        done(new UnsafeArchiveError(`entry "${entry.fileName}" inflates beyond its limit: ${cap}`));
        return;
      }
      done(null, chunk);
    },
  });
  try {
    const stream = await archive.openReadStreamPromise(entry);
    // `wx`: a second entry with the same name is refused instead of overwriting the first.
    await pipeline(stream, counter, createWriteStream(target, { flags: 'wx' }));
  } catch (error) {
    if (error instanceof UnsafeArchiveError) throw error;
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new UnsafeArchiveError(`entry "${entry.fileName}" appears more than once`);
    }
    throw new UnsafeArchiveError(`entry "${entry.fileName}" cannot be read: ${messageOf(error)}`);
  }
  return written;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
