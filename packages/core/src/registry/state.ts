import { compareVersions, parseRegistryTag, type RegistryTag } from './tags.js';

/** A git tag as the registry reads it: name, the commit it points at, its annotation message. */
export interface TagRecord {
  name: string;
  commit: string;
  message: string;
}

type StageEvent = { record: TagRecord; tag: Extract<RegistryTag, { stage: string }> };

export interface ModelVersion {
  version: string;
  /** The registering tag, e.g. `churn@v1.3.0`. */
  tag: string;
  commit: string;
  /** The registering tag's message (mlgate writes JSON evidence there). */
  message: string;
}

export interface StageAssignment {
  stage: string;
  version: ModelVersion;
  /** The assigning tag, e.g. `churn#production#4`. */
  tag: string;
}

export interface ModelState {
  model: string;
  /** Registered and not deregistered, lowest version first. */
  versions: ModelVersion[];
  /** The version each stage is assigned to now; an unassigned stage is absent. */
  stages: Map<string, StageAssignment>;
  /** Stages whose latest assignment points at a commit without a registered version. */
  dangling: Map<string, { tag: string; commit: string }>;
  deprecated: boolean;
}

/**
 * One model's registry state rebuilt from its tags, the way GTO reads them: a stage's latest
 * event decides it (see `isLater`), an assignment names the version registered at the same commit
 * (the highest one when a commit carries several), and a deregistered version is gone.
 */
export function registryState(model: string, records: readonly TagRecord[]): ModelState {
  const tags = records.flatMap((record) => {
    const tag = parseRegistryTag(record.name);
    return tag !== null && tag.model === model ? [{ record, tag }] : [];
  });
  const deregistered = new Set(tags.flatMap(({ tag }) => (tag.action === 'deregister' ? [tag.version] : [])));
  const versions = tags
    .flatMap(({ record, tag }) =>
      tag.action === 'register' && !deregistered.has(tag.version)
        ? [{ version: tag.version, tag: record.name, commit: record.commit, message: record.message }]
        : [],
    )
    .sort((a, b) => compareVersions(a.version, b.version));
  const latest = new Map<string, StageEvent>();
  for (const event of tags) {
    const { tag } = event;
    if (tag.action !== 'assign' && tag.action !== 'unassign') continue;
    const current = latest.get(tag.stage);
    if (current === undefined || isLater({ record: event.record, tag }, current))
      latest.set(tag.stage, { record: event.record, tag });
  }
  const stages = new Map<string, StageAssignment>();
  const dangling = new Map<string, { tag: string; commit: string }>();
  for (const [stage, { record, tag }] of latest) {
    if (tag.action === 'unassign') continue;
    const atCommit = versions.filter((v) => v.commit === record.commit);
    const version = atCommit[atCommit.length - 1];
    if (version) stages.set(stage, { stage, version, tag: record.name });
    else dangling.set(stage, { tag: record.name, commit: record.commit });
  }
  return { model, versions, stages, dangling, deprecated: tags.some(({ tag }) => tag.action === 'deprecate') };
}

/**
 * Numbered events by N; a numbered event beats GTO's simple `name#stage` tag (git holds at most
 * one simple tag per stage, so two simple events never compete).
 */
function isLater(a: StageEvent, b: StageEvent): boolean {
  const [x, y] = [a.tag.number, b.tag.number];
  if (x === null || y === null) return x !== null;
  return x > y;
}
