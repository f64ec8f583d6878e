/** A workflow run that produced artifacts. */
export interface ArtifactRun {
  id: number;
  headSha: string;
  branch: string;
  /** The event that triggered the run (`push`, `workflow_dispatch`, ...). */
  event: string;
  /** Where a person can look at the run, when the store knows it. */
  url?: string;
}

/** Which artifact to look for: the one named `name` from successful runs of `workflow` on `branch`. */
export interface ArtifactQuery {
  /** Workflow file name (`ci.yml`) or numeric id. */
  workflow: string;
  branch: string;
  name: string;
}

export type LatestArtifact = { found: true; run: ArtifactRun } | { found: false; reason: string };

/** An artifact this run stored. */
export interface UploadedArtifact {
  id: number;
  name: string;
  /** Bytes stored (the zip on GitHub, the files locally). */
  size: number;
  /** `sha256:<hex>`: of the zip on GitHub; locally of the sorted `path NUL sha256 LF` listing of the files. */
  digest: string;
}

/**
 * Workflow run artifacts: this run's uploads, and earlier runs' artifacts such as the baseline a comparison starts
 * from. `GitHubRunArtifactStore` uploads through `@actions/artifact` and reads through the Actions API;
 * `LocalArtifactStore` keeps folders on disk for the CLI.
 */
export interface ArtifactStore {
  /**
   * Stores `files` (paths under `root`, kept relative to it) as this run's artifact `name`. Throws a `UserError` when
   * the artifact cannot be stored.
   */
  upload(name: string, files: string[], root: string): Promise<UploadedArtifact>;
  /** The newest successful run matching `query` that still holds the artifact, or why there is none. */
  findLatest(query: ArtifactQuery): Promise<LatestArtifact>;
  /**
   * A local folder holding the artifact's files. Throws a `UserError` when the artifact should be there but
   * cannot be read (gone, download failed, corrupt or unsafe archive).
   */
  download(name: string, runId: number): Promise<string>;
}
