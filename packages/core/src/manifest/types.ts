export const MANIFEST_SCHEMA_ID = 'mlgate/manifest@1';

/** A file a training run read or wrote; `path` is relative to the working directory, with `/`. */
export interface ManifestFile {
  path: string;
  sha256: string;
  size: number;
}

export type ParamValue = string | number | boolean | null;

export interface ManifestGit {
  sha: string | null;
  ref: string | null;
  /** Changes in the working tree before the command ran; null outside a git repository. */
  dirty: boolean | null;
}

export interface ManifestRun {
  id: string;
  attempt: string;
  url?: string;
}

export interface ManifestRuntimes {
  node: string;
  os: { platform: string; release: string; arch: string };
  python?: { version: string; packages: Record<string, string> };
}

/** `mlgate.manifest.json`: the lineage record of one training run (schemas/manifest.schema.json). */
export interface Manifest {
  schema: typeof MANIFEST_SCHEMA_ID;
  model: string;
  fingerprint: string;
  cacheKey: string;
  command: string;
  workingDirectory: string;
  /** Names only: values may be secrets. */
  env?: string[];
  params: Record<string, Record<string, ParamValue>>;
  deps: ManifestFile[];
  outs: ManifestFile[];
  metrics: Record<string, ParamValue>;
  metricsFiles: ManifestFile[];
  predictions?: ManifestFile;
  git: ManifestGit;
  run: ManifestRun | null;
  runtimes: ManifestRuntimes;
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  cache: {
    enabled: boolean;
    hit: boolean;
    restoredFrom?: { fingerprint: string; startedAt: string; git: ManifestGit; run: ManifestRun | null };
  };
}
