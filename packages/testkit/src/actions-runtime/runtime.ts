import { createHash } from 'node:crypto';
import { BlobSASPermissions, SASProtocol, generateBlobSASQueryParameters } from '@azure/storage-blob';
import type { FakeGitHub } from '../fake-github/fake-github.js';
import { AZURITE_ACCOUNT, AzuriteBlob } from './azurite.js';
import { BlobProxy } from './blob-proxy.js';
import type { BlobFault } from './blob-proxy.js';
import { TwirpError, TwirpServer } from './twirp.js';
import type { TwirpCall, TwirpFault, TwirpHandler } from './twirp.js';

const ARTIFACT_CONTAINER = 'actions-results';
const CACHE_CONTAINER = 'actions-cache';
const SAS_LIFETIME_MS = 6 * 3600 * 1000;

export interface LocalActionsRuntimeOptions {
  /**
   * Where finalized artifacts also appear for the REST API (list, download by id from another run), as on GitHub.
   * Runs given to `env({ runId })` must exist there (`gh.state.actions.addRun`).
   */
  github?: FakeGitHub;
}

export interface RuntimeArtifact {
  id: number;
  runId: number;
  name: string;
  size: number;
  /** `sha256:<hex>` of the uploaded zip, as the client reported it and as the runtime recomputed it. */
  digest: string;
  createdAt: Date;
}

export interface RuntimeCacheEntry {
  id: number;
  key: string;
  version: string;
  size: number;
  createdAt: Date;
}

interface PendingArtifact {
  runId: number;
  name: string;
  blob: string;
}

interface StoredCacheEntry extends RuntimeCacheEntry {
  blob: string;
  finalized: boolean;
}

/**
 * The Actions runtime a job's steps talk to, on 127.0.0.1: the results service's ArtifactService and CacheService
 * (Twirp, JSON) handing out signed URLs to blob storage served by Azurite. The real `@actions/artifact` and
 * `@actions/cache` clients run against it unchanged, given `env()`. See packages/testkit/README.md.
 */
export class LocalActionsRuntime {
  private readonly pending = new Map<string, PendingArtifact>();
  private readonly artifactList: (RuntimeArtifact & { blob: string })[] = [];
  private readonly cache: StoredCacheEntry[] = [];
  private readonly backendRuns = new Map<string, number>();
  private nextId = 1;
  private nextRunId = 7_100_000_001;

  private constructor(
    private readonly azurite: AzuriteBlob,
    readonly blob: BlobProxy,
    private readonly twirp: TwirpServer,
    private readonly github: FakeGitHub | undefined,
  ) {}

  static async start(options: LocalActionsRuntimeOptions = {}): Promise<LocalActionsRuntime> {
    const azurite = await AzuriteBlob.start([ARTIFACT_CONTAINER, CACHE_CONTAINER]);
    const blob = await BlobProxy.start(azurite.port);
    const handlers = new Map<string, TwirpHandler>();
    // The handlers need the runtime and the runtime needs the server: the map is filled once both exist.
    const runtime = new LocalActionsRuntime(azurite, blob, await TwirpServer.start(handlers), options.github);
    for (const [name, handler] of Object.entries(runtime.handlers())) handlers.set(name, handler);
    return runtime;
  }

  /** `ACTIONS_RESULTS_URL`: only its origin is used by the clients. */
  get resultsUrl(): string {
    return `${this.twirp.origin}/`;
  }

  /** Every Twirp call received, oldest first. */
  get calls(): readonly TwirpCall[] {
    return this.twirp.calls;
  }

  /** Finalized artifacts, oldest first. */
  get artifacts(): RuntimeArtifact[] {
    return this.artifactList.map(({ blob: _blob, ...artifact }) => artifact);
  }

  /** Finalized cache entries, oldest first. */
  get cacheEntries(): RuntimeCacheEntry[] {
    return this.cache.filter((e) => e.finalized).map(({ blob: _blob, finalized: _f, ...entry }) => entry);
  }

  /**
   * The variables a step of run `runId` gets from the runner for these services. With a FakeGitHub attached and no
   * `runId`, a new run on its default branch is created.
   */
  env(options: { runId?: number } = {}): Record<string, string> {
    const runId = options.runId ?? this.newRunId();
    const runBackend = backendId(runId, 0);
    this.backendRuns.set(runBackend, runId);
    return {
      ACTIONS_RESULTS_URL: this.resultsUrl,
      ACTIONS_RUNTIME_TOKEN: runtimeToken(runBackend, backendId(runId, 1)),
      // Any non-empty value selects cache service v2 (Twirp); v1 is the retired REST cache.
      ACTIONS_CACHE_SERVICE_V2: 'True',
      GITHUB_RUN_ID: String(runId),
      // Anything but github.com, *.ghe.com or *.localhost is GHES, where the artifact client refuses to run.
      GITHUB_SERVER_URL: 'https://github.com',
    };
  }

  /** The zip an artifact was uploaded as. */
  async artifactZip(id: number): Promise<Buffer> {
    const artifact = this.artifactList.find((a) => a.id === id);
    const bytes = artifact && (await this.azurite.read(ARTIFACT_CONTAINER, artifact.blob));
    if (!bytes) throw new Error(`LocalActionsRuntime: no artifact ${id}`);
    return bytes;
  }

  /** The archive a cache entry holds (tar, zstd-compressed when zstd is installed). */
  async cacheArchive(id: number): Promise<Buffer> {
    const entry = this.cache.find((e) => e.id === id && e.finalized);
    const bytes = entry && (await this.azurite.read(CACHE_CONTAINER, entry.blob));
    if (!bytes) throw new Error(`LocalActionsRuntime: no cache entry ${id}`);
    return bytes;
  }

  /** Answer matching Twirp calls with an error status (5xx, 429, 4xx with a Twirp body, a non-JSON page). */
  fail(fault: TwirpFault): void {
    this.twirp.fail(fault);
  }

  /** Make blob storage misbehave: an error status, or an upload cut short. */
  failBlob(fault: BlobFault): void {
    this.blob.fail(fault);
  }

  clearFaults(): void {
    this.twirp.clearFaults();
    this.blob.clearFaults();
  }

  /** The results service stops accepting connections (ECONNREFUSED) until `serviceUp()`. */
  serviceDown(): Promise<void> {
    return this.twirp.refuse();
  }

  serviceUp(): Promise<void> {
    return this.twirp.accept();
  }

  /** Blob storage stops accepting connections until `blobUp()`. */
  blobDown(): Promise<void> {
    return this.blob.down();
  }

  blobUp(): Promise<void> {
    return this.blob.up();
  }

  async close(): Promise<void> {
    await this.twirp.close();
    await this.blob.close();
    await this.azurite.close();
  }

  private newRunId(): number {
    if (!this.github) return this.nextRunId++;
    return this.github.state.actions.addRun({ headSha: this.github.state.headSha }).id;
  }

  private runOf(body: Record<string, unknown>): number {
    const runId = this.backendRuns.get(String(body.workflow_run_backend_id ?? ''));
    if (runId === undefined) throw new TwirpError(401, 'unauthenticated', 'unknown workflow run backend id');
    return runId;
  }

  private signedUrl(container: string, blob: string, permissions: string): string {
    const sas = generateBlobSASQueryParameters(
      {
        containerName: container,
        blobName: blob,
        permissions: BlobSASPermissions.parse(permissions),
        expiresOn: new Date(Date.now() + SAS_LIFETIME_MS),
        // An https-only SAS is refused over plain http.
        protocol: SASProtocol.HttpsAndHttp,
      },
      this.azurite.credential,
    ).toString();
    return `${this.blob.origin}/${AZURITE_ACCOUNT}/${container}/${blob}?${sas}`;
  }

  private handlers(): Record<string, TwirpHandler> {
    return {
      'ArtifactService/CreateArtifact': async (body) => {
        const runId = this.runOf(body);
        const name = requireString(body, 'name');
        if (this.artifactList.some((a) => a.runId === runId && a.name === name)) {
          throw new TwirpError(409, 'already_exists', `an artifact with this name already exists on the workflow run`);
        }
        const blob = `${runId}/${this.nextId++}/${name}.zip`;
        this.pending.set(`${runId}/${name}`, { runId, name, blob });
        return { ok: true, signed_upload_url: this.signedUrl(ARTIFACT_CONTAINER, blob, 'cw') };
      },
      'ArtifactService/FinalizeArtifact': async (body) => {
        const runId = this.runOf(body);
        const name = requireString(body, 'name');
        const pending = this.pending.get(`${runId}/${name}`);
        if (!pending) throw new TwirpError(404, 'not_found', `no artifact ${name} is being uploaded`);
        const bytes = await this.azurite.read(ARTIFACT_CONTAINER, pending.blob);
        if (!bytes) throw new TwirpError(400, 'failed_precondition', `artifact ${name} was never uploaded`);
        if (String(bytes.length) !== String(body.size)) {
          throw new TwirpError(
            400,
            'invalid_argument',
            `size ${body.size} does not match the ${bytes.length} bytes uploaded`,
          );
        }
        const digest = `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
        if (body.hash !== undefined && body.hash !== digest) {
          throw new TwirpError(
            400,
            'invalid_argument',
            `hash ${String(body.hash)} does not match the upload (${digest})`,
          );
        }
        this.pending.delete(`${runId}/${name}`);
        const id = this.github ? this.github.state.actions.addArtifact(runId, { name, data: bytes }).id : this.nextId++;
        this.artifactList.push({
          id,
          runId,
          name,
          size: bytes.length,
          digest,
          createdAt: new Date(),
          blob: pending.blob,
        });
        return { ok: true, artifact_id: String(id) };
      },
      'ArtifactService/ListArtifacts': async (body) => {
        const runId = this.runOf(body);
        const nameFilter = body.name_filter as string | undefined;
        const idFilter = body.id_filter as string | undefined;
        const artifacts = this.artifactList
          .filter((a) => a.runId === runId)
          .filter((a) => nameFilter === undefined || a.name === nameFilter)
          .filter((a) => idFilter === undefined || String(a.id) === String(idFilter))
          .map((a) => ({
            workflow_run_backend_id: body.workflow_run_backend_id,
            workflow_job_run_backend_id: body.workflow_job_run_backend_id,
            database_id: String(a.id),
            name: a.name,
            size: String(a.size),
            created_at: a.createdAt.toISOString(),
            digest: a.digest,
          }));
        return { artifacts };
      },
      'ArtifactService/GetSignedArtifactURL': async (body) => {
        const runId = this.runOf(body);
        const name = requireString(body, 'name');
        const artifact = this.artifactList.find((a) => a.runId === runId && a.name === name);
        if (!artifact) throw new TwirpError(404, 'not_found', `no artifact ${name} in this run`);
        return { signed_url: this.signedUrl(ARTIFACT_CONTAINER, artifact.blob, 'r') };
      },
      'ArtifactService/DeleteArtifact': async (body) => {
        const runId = this.runOf(body);
        const name = requireString(body, 'name');
        const index = this.artifactList.findIndex((a) => a.runId === runId && a.name === name);
        if (index < 0) throw new TwirpError(404, 'not_found', `no artifact ${name} in this run`);
        const [artifact] = this.artifactList.splice(index, 1);
        this.github?.state.actions.artifacts.delete(artifact!.id);
        return { ok: true, artifact_id: String(artifact!.id) };
      },
      'CacheService/CreateCacheEntry': async (body) => {
        const key = requireString(body, 'key');
        const version = requireString(body, 'version');
        if (this.cache.some((e) => e.key === key && e.version === version && e.finalized)) {
          throw new TwirpError(
            409,
            'already_exists',
            'cache entry with the same key, version, and scope already exists',
          );
        }
        const id = this.nextId++;
        const entry: StoredCacheEntry = {
          id,
          key,
          version,
          size: 0,
          createdAt: new Date(),
          blob: `entry-${id}`,
          finalized: false,
        };
        this.cache.push(entry);
        return { ok: true, signed_upload_url: this.signedUrl(CACHE_CONTAINER, entry.blob, 'cw') };
      },
      'CacheService/FinalizeCacheEntryUpload': async (body) => {
        const key = requireString(body, 'key');
        const version = requireString(body, 'version');
        const entry = [...this.cache].reverse().find((e) => e.key === key && e.version === version && !e.finalized);
        if (!entry) throw new TwirpError(404, 'not_found', `no cache entry ${key} is being uploaded`);
        const bytes = await this.azurite.read(CACHE_CONTAINER, entry.blob);
        if (!bytes || String(bytes.length) !== String(body.size_bytes)) {
          return {
            ok: false,
            message: `cache entry ${key}: ${bytes?.length ?? 0} bytes uploaded, ${body.size_bytes} declared`,
          };
        }
        entry.size = bytes.length;
        entry.finalized = true;
        entry.createdAt = new Date();
        return { ok: true, entry_id: String(entry.id) };
      },
      'CacheService/GetCacheEntryDownloadURL': async (body) => {
        const key = requireString(body, 'key');
        const version = requireString(body, 'version');
        const restoreKeys = Array.isArray(body.restore_keys) ? body.restore_keys.map(String) : [];
        const entry = this.match(key, restoreKeys, version);
        if (!entry) return { ok: false, signed_download_url: '', matched_key: '' };
        return {
          ok: true,
          signed_download_url: this.signedUrl(CACHE_CONTAINER, entry.blob, 'r'),
          matched_key: entry.key,
        };
      },
    };
  }

  /** GitHub's order: the primary key exactly, then as a prefix, then each restore key the same way; newest first. */
  private match(key: string, restoreKeys: string[], version: string): StoredCacheEntry | undefined {
    const candidates = this.cache.filter((e) => e.finalized && e.version === version).reverse();
    for (const wanted of [key, ...restoreKeys]) {
      const found = candidates.find((e) => e.key === wanted) ?? candidates.find((e) => e.key.startsWith(wanted));
      if (found) return found;
    }
    return undefined;
  }
}

function requireString(body: Record<string, unknown>, field: string): string {
  const value = body[field];
  if (typeof value !== 'string' || value === '') throw new TwirpError(400, 'invalid_argument', `${field} is required`);
  return value;
}

/** UUID-shaped backend ids, one per run (`part` 0) and job (`part` 1). */
function backendId(runId: number, part: number): string {
  const hex = runId.toString(16).padStart(12, '0');
  return `00000000-0000-4000-800${part}-${hex}`;
}

/**
 * A JWT shaped like the runner's: the clients only decode it (never verify), reading the run and job backend ids
 * from the `Actions.Results:<run>:<job>` scope.
 */
function runtimeToken(runBackend: string, jobBackend: string): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const header = encode({ typ: 'JWT', alg: 'none' });
  const payload = encode({
    scp: `Actions.GenericRead:0 Actions.Results:${runBackend}:${jobBackend}`,
    iss: 'mlgate-testkit',
  });
  return `${header}.${payload}.testkit`;
}
