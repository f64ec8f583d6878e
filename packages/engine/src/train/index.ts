export { DEFAULT_MANIFEST, TrainCommandError, runTrain } from './run-train.js';
export type { TrainDeps, TrainOptions, TrainResult } from './run-train.js';
export { parseParamsSpec } from './params.js';
export type { ParamsSpec } from './params.js';
export { runCommand } from './execute.js';
export type { CommandOptions, CommandOutcome, OutputSink } from './execute.js';
export { resolveTrainOptions } from './inputs.js';
export type { TrainInputs } from './inputs.js';
export { gitState } from './provenance.js';
