export { RegistryBaselineResolver } from './baselines.js';
export { GitHubTagSource } from './github-tags.js';
export { GitRegistryStore, type GitRegistryStoreOptions } from './git-store.js';
export {
  GitHubReleaseFiles,
  type GitHubReleaseFilesOptions,
  LocalReleaseFiles,
  type ReleaseFiles,
} from './release-files.js';
export { isTagExistsError, type NewTag, type RegistryStore, TagExistsError } from './store.js';
export type { RegistryTagSource } from './tag-source.js';
export {
  GitHubReleasePublisher,
  LocalReleasePublisher,
  MAX_RELEASE_ASSET_BYTES,
  type PublishedRelease,
  type ReleaseAsset,
  type ReleasedAsset,
  type ReleasePublisher,
  type ReleaseSpec,
} from './release.js';
export {
  deploymentEnvironment,
  GitHubDeploymentRecorder,
  withDeployment,
  type DeploymentOutcome,
  type DeploymentRecorder,
  type DeploymentSpec,
  type StartedDeployment,
} from './deployment.js';
