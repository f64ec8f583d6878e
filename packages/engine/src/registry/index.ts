export {
  type AssignOptions,
  assignStage,
  type DeprecateOptions,
  deprecateModel,
  type DeregisterOptions,
  deregisterVersion,
  type EventDetails,
  type RecordedEvent,
  type RegisterOptions,
  type RegistryDeps,
  registerVersion,
  type UnassignOptions,
  unassignStage,
} from './record.js';
export { MANIFEST_FILE, type PromoteDeps, type PromoteOptions, type PromoteResult, promoteVersion } from './promote.js';
export {
  type ManifestArtifact,
  type RegisteredManifest,
  readRegistrationEvidence,
  type RegistrationEvidence,
  type RegisteredReport,
} from './evidence-files.js';
export { storedPredictionsComparer } from './compare-stored.js';
export { type DeployedPromotion, type DeploymentTarget, promoteAndDeploy } from './deploy.js';
export { MODEL_CARD_FILE, versionReleaseSpec } from './release-spec.js';
