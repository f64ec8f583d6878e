export { RegistryBaselineResolver } from './baselines.js';
export { GitHubTagSource } from './github-tags.js';
export { GitTagSource } from './git-tags.js';
export {
  GitHubReleaseFiles,
  type GitHubReleaseFilesOptions,
  LocalReleaseFiles,
  type ReleaseFiles,
} from './release-files.js';
export type { RegistryTagSource } from './tag-source.js';
