import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdir, mkdtemp, readFile, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UnsafeArchiveError, extractZip } from '../src/index.js';
import type { ExtractLimits } from '../src/index.js';
import { buildZip } from '@mlgate/testkit';

const SMALL: ExtractLimits = { maxEntries: 10, maxEntryBytes: 1000, maxTotalBytes: 1500 };

describe('extractZip', () => {
  let work: string;
  let dest: string;

  beforeEach(async () => {
    work = await mkdtemp(join(tmpdir(), 'mlgate-extract-test-'));
    dest = join(work, 'out');
    await mkdir(dest);
  });
  afterEach(async () => {
    await rm(work, { recursive: true, force: true });
  });

  it('unpacks stored and deflated files into nested folders with their exact bytes', async () => {
    const predictions = 'id,label,score\n' + Array.from({ length: 50 }, (_, i) => `${i},1,0.${i}`).join('\n');
    const zip = buildZip([
      { name: 'metrics.json', data: '{"auc":0.91}', method: 0 },
      { name: 'preds/', data: '' },
      { name: 'preds/predictions.csv', data: predictions },
    ]);

    await extractZip(zip, dest, SMALL);

    expect(await readFile(join(dest, 'metrics.json'), 'utf8')).toBe('{"auc":0.91}');
    expect(await readFile(join(dest, 'preds', 'predictions.csv'), 'utf8')).toBe(predictions);
  });

  it.each([
    ['a parent-directory entry', '../evil.txt', /invalid relative path: \.\.\/evil\.txt/],
    ['a nested climb', 'preds/../../evil.txt', /invalid relative path/],
    ['a Windows-style climb', '..\\evil.txt', /invalid relative path: \.\.\/evil\.txt/],
    ['an absolute path', '/tmp/evil.txt', /absolute path: \/tmp\/evil\.txt/],
    ['a drive-letter path', 'C:/evil.txt', /absolute path: C:\/evil\.txt/],
  ])('refuses %s and writes nothing outside the folder', async (_what, name, message) => {
    const zip = buildZip([{ name, data: 'pwned' }]);

    const error = await extractZip(zip, dest, SMALL).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(UnsafeArchiveError);
    expect((error as Error).message).toMatch(message);
    expect(await readdir(work)).toEqual(['out']);
    expect(await readdir(dest)).toEqual([]);
  });

  it('refuses a symbolic link entry instead of creating it', async () => {
    const zip = buildZip([{ name: 'metrics.json', data: '/etc/passwd', method: 0, unixMode: 0o120777 }]);

    await expect(extractZip(zip, dest, SMALL)).rejects.toThrow('entry "metrics.json" is a symbolic link');
    expect(await readdir(dest)).toEqual([]);
  });

  it('accepts regular files recorded with Unix permissions', async () => {
    const zip = buildZip([{ name: 'metrics.json', data: '{}', unixMode: 0o100644 }]);

    await extractZip(zip, dest, SMALL);

    expect(await readFile(join(dest, 'metrics.json'), 'utf8')).toBe('{}');
  });

  it('stops an entry that declares 10 bytes but inflates to 20 MB before writing more than it declared', async () => {
    const zip = buildZip([{ name: 'bomb.csv', data: Buffer.alloc(20 * 1024 ** 2), declaredSize: 10 }]);
    expect(zip.length).toBeLessThan(100_000);

    await expect(extractZip(zip, dest, SMALL)).rejects.toThrow(/entry "bomb\.csv" cannot be read: too many bytes/);
    const written = await stat(join(dest, 'bomb.csv')).catch(() => undefined);
    expect(written?.size ?? 0).toBeLessThanOrEqual(64 * 1024);
  });

  it('refuses an entry whose declared size passes the per-file cap without inflating it', async () => {
    const zip = buildZip([{ name: 'big.bin', data: Buffer.alloc(5000) }]);

    await expect(extractZip(zip, dest, SMALL)).rejects.toThrow(
      'entry "big.bin" declares 5000 bytes, more than the 1000 allowed',
    );
    expect(await readdir(dest)).toEqual([]);
  });

  it('stops when the files together pass the total cap, though each is within the per-file cap', async () => {
    const zip = buildZip([
      { name: 'a.bin', data: Buffer.alloc(900) },
      { name: 'b.bin', data: Buffer.alloc(900) },
    ]);

    await expect(extractZip(zip, dest, SMALL)).rejects.toThrow(
      /entry "b\.bin" inflates beyond its limit: the archive's total passes the 1500 bytes allowed/,
    );
  });

  it('refuses an archive with more entries than allowed before unpacking any', async () => {
    const zip = buildZip(Array.from({ length: 11 }, (_, i) => ({ name: `f${i}.txt`, data: 'x' })));

    await expect(extractZip(zip, dest, SMALL)).rejects.toThrow('11 entries, more than the 10 allowed');
    expect(await readdir(dest)).toEqual([]);
  });

  it('refuses a compression method it cannot decode, naming it', async () => {
    const zip = buildZip([{ name: 'model.bin', data: 'BZh91AY&SY', method: 12 }]);

    await expect(extractZip(zip, dest, SMALL)).rejects.toThrow(
      'entry "model.bin" uses compression method 12 (only stored and deflate are supported)',
    );
  });

  it('refuses an archive naming the same file twice rather than overwriting it', async () => {
    const zip = buildZip([
      { name: 'metrics.json', data: '{"auc":0.9}' },
      { name: 'metrics.json', data: '{"auc":0.1}' },
    ]);

    await expect(extractZip(zip, dest, SMALL)).rejects.toThrow('entry "metrics.json" appears more than once');
    expect(await readFile(join(dest, 'metrics.json'), 'utf8')).toBe('{"auc":0.9}');
  });

  it('reports bytes that are not a zip archive as unreadable', async () => {
    await expect(extractZip(Buffer.from('<html>not found</html>'), dest, SMALL)).rejects.toThrow(
      /^not a readable zip archive: /,
    );
  });

  it('reports a truncated archive as unreadable', async () => {
    const zip = buildZip([{ name: 'metrics.json', data: '{"auc":0.91}' }]);

    await expect(extractZip(zip.subarray(0, zip.length - 30), dest, SMALL)).rejects.toThrow(UnsafeArchiveError);
  });
});
