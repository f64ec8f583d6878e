import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { BlobServiceClient, StorageSharedKeyCredential } from '@azure/storage-blob';

/** Azurite's fixed development account (published in its README; every Azurite install accepts it). */
export const AZURITE_ACCOUNT = 'devstoreaccount1';
export const AZURITE_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

const STARTUP_TIMEOUT_MS = 30_000;

/**
 * A real Azure Blob Storage emulator (npm `azurite`) in a child process on 127.0.0.1, in memory. The
 * `@actions/*` clients upload to and download from it through the Azure SDK, exactly as they do on GitHub.
 */
export class AzuriteBlob {
  readonly credential = new StorageSharedKeyCredential(AZURITE_ACCOUNT, AZURITE_KEY);
  readonly service: BlobServiceClient;

  private constructor(
    private readonly child: ChildProcess,
    readonly port: number,
  ) {
    this.service = new BlobServiceClient(`http://127.0.0.1:${port}/${AZURITE_ACCOUNT}`, this.credential);
  }

  static async start(containers: string[]): Promise<AzuriteBlob> {
    const main = join(dirname(createRequire(import.meta.url).resolve('azurite/package.json')), 'dist/src/blob/main.js');
    // The SDKs send a newer x-ms-version than Azurite knows: without --skipApiVersionCheck every request is a 400.
    const args = ['--blobHost', '127.0.0.1', '--blobPort', '0', '--inMemoryPersistence', '--skipApiVersionCheck'];
    // Its own folder: the caller's working directory may be a test's temporary folder, gone by the time Azurite runs.
    const child = spawn(process.execPath, [main, ...args, '--disableTelemetry'], {
      cwd: tmpdir(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const port = await new Promise<number>((resolve, reject) => {
      let output = '';
      const timer = setTimeout(
        () => fail(new Error(`Azurite did not start within ${STARTUP_TIMEOUT_MS} ms`)),
        STARTUP_TIMEOUT_MS,
      );
      const fail = (error: Error) => {
        clearTimeout(timer);
        child.kill('SIGKILL');
        reject(new Error(`${error.message}\n${output}`));
      };
      const onData = (chunk: Buffer) => {
        output += chunk.toString('utf8');
        const match = /successfully listens on http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(Number(match[1]));
        }
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
      child.once('error', fail);
      child.once('exit', (code) => fail(new Error(`Azurite exited with code ${code} before listening`)));
    });
    child.stdout?.resume();
    child.stderr?.resume();
    child.removeAllListeners('exit');
    const azurite = new AzuriteBlob(child, port);
    for (const name of containers) await azurite.service.getContainerClient(name).createIfNotExists();
    return azurite;
  }

  async read(container: string, blob: string): Promise<Buffer | undefined> {
    const client = this.service.getContainerClient(container).getBlobClient(blob);
    if (!(await client.exists())) return undefined;
    return client.downloadToBuffer();
  }

  async close(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      this.child.once('exit', () => resolve());
      this.child.kill('SIGTERM');
    });
  }
}
