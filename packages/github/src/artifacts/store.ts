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

/**
 * Artifacts of earlier workflow runs, e.g. the baseline a comparison starts from. `GitHubRunArtifactStore`
 * reads them through the Actions API; `LocalArtifactStore` reads folders on disk for the CLI.
 */
export interface ArtifactStore {
  /** The newest successful run matching `query` that still holds the artifact, or why there is none. */
  findLatest(query: ArtifactQuery): Promise<LatestArtifact>;
  /**
   * A local folder holding the artifact's files. Throws a `UserError` when the artifact should be there but
   * cannot be read (gone, download failed, corrupt or unsafe archive).
   */
  download(name: string, runId: number): Promise<string>;
}
