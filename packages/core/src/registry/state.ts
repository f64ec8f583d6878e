import { readTagMessage, type TagMessage } from './event.js';
import { compareVersions, parseRegistryTag, type RegistryAction, type RegistryTag } from './tags.js';

/** Who wrote a tag and when (an annotated tag's tagger line). */
export interface Tagger {
  name: string;
  email: string;
  /** ISO 8601. */
  date: string;
}

/** An annotated git tag as the registry reads it: name, the commit it points at, its message and tagger. */
export interface TagRecord {
  name: string;
  commit: string;
  message: string;
  /** Absent only where a source cannot tell; events without a time order by their counter alone. */
  tagger?: Tagger;
}

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

/** One tag of the model, as history shows it. */
export interface HistoryEntry {
  tag: string;
  action: RegistryAction;
  /** The version the event concerns; for a stage event, the version registered at its commit (null: none). */
  version: string | null;
  stage: string | null;
  commit: string;
  number: number | null;
  /** ISO 8601 tag time, null when the source could not tell. */
  time: string | null;
  /** Who asked for it: the event's recorded actor, else the tagger's name. */
  actor: string | null;
  tagger: Tagger | null;
  message: TagMessage;
}

export interface ModelState {
  model: string;
  /** Registered and not deregistered, lowest version first. */
  versions: ModelVersion[];
  /** The version each stage holds now; a stage nothing holds is absent. */
  stages: Map<string, StageAssignment>;
  /**
   * Every registered version that still holds each stage, the current one first: unassigning the first hands
   * the stage to the next (GTO keeps each version's own assignment until that version is unassigned).
   */
  holders: Map<string, StageAssignment[]>;
  /** Stages held by a commit where no version of the model is registered (GTO shows the commit as the version). */
  dangling: Map<string, { tag: string; commit: string }>;
  /** The model's latest event is a deprecation. */
  deprecated: boolean;
  /** Every event of the model, oldest first. */
  history: HistoryEntry[];
}

/** GTO's event priorities (gto/base.py), which order events of the same time. */
const PRIORITY: Record<RegistryAction, number> = {
  deprecate: 2,
  register: 3,
  deregister: 4,
  assign: 5,
  unassign: 6,
};

interface Event {
  record: TagRecord;
  tag: RegistryTag;
  time: number;
}

/**
 * One model's registry state rebuilt from its annotated tags by GTO's rules (gto/base.py, gto/api.py `show`):
 * - events are ordered by tag time (then counter, then GTO's priority);
 * - a version is active while its latest register/deregister event is a registration;
 * - an assignment or unassignment belongs to the version registered at its commit, and a version holds a stage
 *   while its own latest event for that stage is an assignment;
 * - the stage is held by the active version whose latest assignment is the most recent: unassigning or
 *   deregistering the current version hands the stage back to the one assigned before it, if it still holds it;
 * - the model is deprecated while its latest event is a deprecation.
 */
export function registryState(model: string, records: readonly TagRecord[]): ModelState {
  const events = records
    .flatMap((record): Event[] => {
      const tag = parseRegistryTag(record.name);
      if (tag === null || tag.model !== model) return [];
      const time = record.tagger ? Date.parse(record.tagger.date) : Number.NEGATIVE_INFINITY;
      return [{ record, tag, time: Number.isNaN(time) ? Number.NEGATIVE_INFINITY : time }];
    })
    .sort(chronological);

  const direct = new Map<string, Event[]>();
  for (const event of events) {
    if (event.tag.action !== 'register' && event.tag.action !== 'deregister') continue;
    direct.set(event.tag.version, [...(direct.get(event.tag.version) ?? []), event]);
  }
  const registered = new Map<string, { version: ModelVersion; active: boolean }>();
  for (const [version, list] of direct) {
    const registration = list.filter((e) => e.tag.action === 'register').at(-1);
    const commit = (registration ?? (list[0] as Event)).record.commit;
    const active = (list.at(-1) as Event).tag.action === 'register';
    const record = registration?.record;
    registered.set(version, {
      version: { version, tag: record?.name ?? '', commit, message: record?.message ?? '' },
      active: active && registration !== undefined,
    });
  }
  const versionAt = (commit: string): { version: ModelVersion; active: boolean } | undefined => {
    const atCommit = [...registered.values()]
      .filter((v) => v.version.commit === commit)
      .sort((a, b) => Number(a.active) - Number(b.active) || compareVersions(a.version.version, b.version.version));
    return atCommit.at(-1);
  };

  // Per (holder, stage): the holder's events for the stage, oldest first. A holder is a version, or a commit.
  const holders = new Map<string, { commit: string; stage: string; events: Event[] }>();
  for (const event of events) {
    if (event.tag.action !== 'assign' && event.tag.action !== 'unassign') continue;
    const holder = versionAt(event.record.commit)?.version.version ?? `commit:${event.record.commit}`;
    const key = `${holder}\0${event.tag.stage}`;
    const entry = holders.get(key) ?? { commit: event.record.commit, stage: event.tag.stage, events: [] };
    entry.events.push(event);
    holders.set(key, entry);
  }
  const ranked = new Map<string, { latest: Event; commit: string; version: ModelVersion | undefined }[]>();
  for (const { commit, stage, events: own } of holders.values()) {
    const last = own.at(-1) as Event;
    if (last.tag.action !== 'assign') continue;
    const found = versionAt(commit);
    if (found && !found.active) continue;
    ranked.set(stage, [...(ranked.get(stage) ?? []), { latest: last, commit, version: found?.version }]);
  }
  const stages = new Map<string, StageAssignment>();
  const stageHolders = new Map<string, StageAssignment[]>();
  const dangling = new Map<string, { tag: string; commit: string }>();
  for (const [stage, list] of ranked) {
    list.sort((a, b) => chronological(b.latest, a.latest));
    const held = list.flatMap(({ latest, version }) => (version ? [{ stage, version, tag: latest.record.name }] : []));
    if (held.length > 0) stageHolders.set(stage, held);
    const [first] = list as [(typeof list)[number]];
    if (first.version) stages.set(stage, { stage, version: first.version, tag: first.latest.record.name });
    else dangling.set(stage, { tag: first.latest.record.name, commit: first.commit });
  }

  const versions = [...registered.values()]
    .filter((v) => v.active)
    .map((v) => v.version)
    .sort((a, b) => compareVersions(a.version, b.version));
  const history = events.map((event) => historyEntry(event, versionAt(event.record.commit)?.version.version ?? null));
  return {
    model,
    versions,
    stages,
    holders: stageHolders,
    dangling,
    deprecated: events.at(-1)?.tag.action === 'deprecate',
    history,
  };
}

/** Oldest first: by tag time, then counter (a tag without one first), then GTO's priority, then name. */
function chronological(a: Event, b: Event): number {
  if (a.time !== b.time) return a.time < b.time ? -1 : 1;
  const [x, y] = [a.tag.number ?? -1, b.tag.number ?? -1];
  if (x !== y) return x - y;
  const priority = PRIORITY[a.tag.action] - PRIORITY[b.tag.action];
  if (priority !== 0) return priority;
  return a.record.name < b.record.name ? -1 : a.record.name > b.record.name ? 1 : 0;
}

function historyEntry({ record, tag }: Event, versionAtCommit: string | null): HistoryEntry {
  const message = readTagMessage(record.message);
  const version = 'version' in tag ? tag.version : tag.action === 'deprecate' ? null : versionAtCommit;
  return {
    tag: record.name,
    action: tag.action,
    version,
    stage: 'stage' in tag ? tag.stage : null,
    commit: record.commit,
    number: tag.number,
    time: record.tagger?.date ?? null,
    actor: message.kind === 'event' ? message.event.actor : (record.tagger?.name ?? null),
    tagger: record.tagger ?? null,
    message,
  };
}
