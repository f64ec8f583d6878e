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
