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
