export {
  bumpVersion,
  compareVersions,
  FIRST_VERSION,
  formatRegistryTag,
  isVersion,
  MODEL_NAME,
  modelInTag,
  nextCounter,
  parseRegistryTag,
  REGISTRY_NAME,
  type RegistryAction,
  type RegistryTag,
  type VersionBump,
} from './tags.js';
export {
  formatRegistryEvent,
  readTagMessage,
  type RecordedMetric,
  REGISTRY_EVENT_SCHEMA_ID,
  type RegistryEvent,
  registryEventJsonSchema,
  type TagMessage,
} from './event.js';
export {
  type HistoryEntry,
  type ModelState,
  type ModelVersion,
  registryState,
  type StageAssignment,
  type Tagger,
  type TagRecord,
} from './state.js';
export { metricHistory } from './history.js';
export { missingEvidence, type PromotionFacts } from './evidence.js';
export { CHATOPS_USAGE, type ChatopsCommand, parseChatopsCommand } from './chatops.js';
export { type ModelCardInput, renderModelCard } from './model-card.js';
