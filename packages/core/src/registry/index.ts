export { compareVersions, parseRegistryTag, REGISTRY_NAME, type RegistryTag } from './tags.js';
export { type ModelState, type ModelVersion, registryState, type StageAssignment, type TagRecord } from './state.js';
export { metricHistory } from './history.js';
export { CHATOPS_USAGE, type ChatopsCommand, parseChatopsCommand } from './chatops.js';
export { type ModelCardInput, renderModelCard } from './model-card.js';
