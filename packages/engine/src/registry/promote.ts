import { access } from 'node:fs/promises';
import { basename, join } from 'node:path';
import {
  type MetricComparison,
  missingEvidence,
  type PromotionFacts,
  readTagMessage,
  registryState,
  type StagePolicy,
  UserError,
  isUserError,
} from '@mlgate/core';
import { fileDigest, type ReleaseFiles } from '@mlgate/github';
import { type AssignOptions, assignStage, checkStage, type RecordedEvent, type RegistryDeps } from './record.js';

/** The manifest's file name in a version's stored files when its event names none. */
export const MANIFEST_FILE = 'mlgate.manifest.json';

export interface PromoteOptions extends AssignOptions {
  policy: StagePolicy;
  /** Promote past missing evidence; the reason and what was missing are recorded in the tag. */
  force?: { reason: string };
  /**
   * Compares the version's stored predictions with the current version's (both folders of stored files), for
   * `require_better_than_current`: compare's statistics, e.g. `compareStoredPredictions`.
   */
  compare?: (candidateDir: string, currentDir: string) => Promise<readonly MetricComparison[]>;
}

export interface PromoteDeps extends RegistryDeps {
  /** Where each version's stored files (manifest, metrics, predictions) are found. */
  files: ReleaseFiles;
}

export type PromoteResult =
  { refused: true; missing: string[] } | ({ refused: false; forced: boolean; missing: string[] } & RecordedEvent);

/**
 * Assigns the stage when the version carries the evidence the stage needs (`missingEvidence`); otherwise refuses,
 * listing every missing piece, unless forced with a reason. A stage already holding the version needs no evidence:
 * nothing is written and its assigning tag is reported.
 */
export async function promoteVersion(options: PromoteOptions, deps: PromoteDeps): Promise<PromoteResult> {
  const { model, version, stage, policy } = options;
  if (options.force && options.force.reason.trim() === '') {
    throw new UserError('--force needs a --reason, which is recorded in the tag');
  }
  // Before the evidence: a misspelt stage is a usage error, not a version lacking what that stage needs.
  checkStage(stage, options.stages);
  const state = registryState(model, await deps.store.listTags(model));
  const target = state.versions.find((v) => v.version === version);
  const current = state.stages.get(stage);
  if (!target || current?.version.version === version) {
    return { refused: false, forced: false, missing: [], ...(await assignStage(options, deps)) };
  }

  const registration = readTagMessage(target.message);
  const dir = await deps.files.download(target.tag);
  const manifestName =
    registration.kind === 'event' && registration.event.manifest?.path
      ? basename(registration.event.manifest.path)
      : MANIFEST_FILE;
  const facts: PromotionFacts = {
    tag: target.tag,
    stage,
    registration,
    storedManifestDigest: dir ? await digestOrNull(join(dir, manifestName)) : null,
    manifestLocation: dir ? join(dir, manifestName) : deps.files.describe(target.tag),
  };
  if (policy.requireBetterThanCurrent && current) {
    facts.againstCurrent = await againstCurrent(current.version.tag, dir, deps.files, options.compare);
  }
  const missing = missingEvidence(facts, policy);
  if (missing.length > 0 && !options.force) return { refused: true, missing };
  const forced = missing.length > 0 && options.force ? { reason: options.force.reason, missing } : undefined;
  const details = { ...options.details, ...(forced && { forced }) };
  const recorded = await assignStage({ ...options, details }, deps);
  return { refused: false, forced: forced !== undefined, missing, ...recorded };
}

async function againstCurrent(
  currentTag: string,
  candidateDir: string | null,
  files: ReleaseFiles,
  compare: PromoteOptions['compare'],
): Promise<NonNullable<PromotionFacts['againstCurrent']>> {
  if (!compare) return { current: currentTag, problem: 'no comparison is available here' };
  if (!candidateDir) return { current: currentTag, problem: "this version's files are not stored" };
  const currentDir = await files.download(currentTag);
  if (!currentDir) return { current: currentTag, problem: `its files are not stored (${files.describe(currentTag)})` };
  try {
    return { current: currentTag, metrics: await compare(candidateDir, currentDir) };
  } catch (error) {
    if (isUserError(error)) return { current: currentTag, problem: error.message };
    throw error;
  }
}

async function digestOrNull(path: string): Promise<string | null> {
  try {
    await access(path);
  } catch {
    return null;
  }
  return (await fileDigest(path)).sha256;
}
