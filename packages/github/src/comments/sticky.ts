import type { Comment, CommentStore } from './store.js';

/**
 * The hidden HTML comment that identifies one sticky comment. The id is reduced to characters that
 * cannot end the HTML comment early (`--`, `>`), so a hostile id cannot unhide text.
 */
export function stickyMarker(id: string): string {
  const safe = id
    .replace(/[^A-Za-z0-9._:/-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 100);
  if (safe === '') throw new TypeError(`sticky comment id ${JSON.stringify(id)} has no usable characters`);
  return `<!-- mlgate:report:${safe} -->`;
}

export interface StickyComment {
  issue: number;
  /** From `stickyMarker`. */
  marker: string;
  /** The markdown to show, without the marker (it is added). */
  body: string;
  /** The login the store writes as (the token's user); only its comments are ours to change. */
  author: string;
  /**
   * A number that grows with each newer report (for example the workflow run id). When given, a
   * comment already carrying a higher revision is left alone: an older run never overwrites a newer one.
   */
  revision?: number;
}

export type StickyAction = 'created' | 'updated' | 'unchanged' | 'stale';

export interface StickyResult {
  action: StickyAction;
  /** The comment that now holds the report (for 'stale', the one holding the newer report). */
  comment: Comment;
  /** Ids of our duplicate comments that were deleted so that one remains. */
  deleted: number[];
}

/** GitHub refuses a comment body longer than this (422). */
export const MAX_COMMENT_CHARS = 65_536;
/** Times a run re-reads after writing to see whether a racing older run overwrote its newer report. */
const VERIFY_ATTEMPTS = 3;

/**
 * Creates, updates or leaves alone the one comment on `issue` that starts with `marker` and was
 * written by `author`. Comments by anyone else are never touched, nor ours that merely quote the
 * marker further down. Duplicates from racing runs converge: the oldest comment survives (its link
 * stays valid) holding the newest report (the highest revision), and the others are deleted. An older
 * run never overwrites a newer run's report; a newer run that finds its report overwritten by a racing
 * older one writes it again.
 */
export async function upsertStickyComment(store: CommentStore, sticky: StickyComment): Promise<StickyResult> {
  const { issue, marker, author } = sticky;
  if (!/^<!--.*-->$/s.test(marker))
    throw new TypeError(`sticky marker must be an HTML comment, got ${JSON.stringify(marker)}`);
  const body = compose(sticky);
  if (body.length > MAX_COMMENT_CHARS) {
    throw new TypeError(`sticky comment body has ${body.length} characters, more than GitHub's ${MAX_COMMENT_CHARS}`);
  }
  const mine = { body, revision: sticky.revision };

  let ours = await findOurs(store, issue, marker, author);
  let action: StickyAction;
  if (ours.length === 0) {
    const created = await store.create(issue, body);
    // Runs that both found nothing have both created; re-reading lets every such run settle on the
    // same comment instead of leaving duplicates until the next report.
    ours = await findOurs(store, issue, marker, author);
    if (!ours.some((c) => c.id === created.id)) ours = [...ours, created].sort((a, b) => a.id - b.id);
    action = 'created';
  } else {
    action = 'updated';
  }

  let result = await settle(store, ours, marker, mine, action);
  for (let attempt = 1; attempt < VERIFY_ATTEMPTS && mine.revision !== undefined; attempt++) {
    if (result.action === 'stale' || result.action === 'unchanged') break;
    // No compare-and-swap exists for comments: read back, and write again if an older run won the race.
    const now = await findOurs(store, issue, marker, author);
    const current = now[0];
    if (!current || (revisionOf(current.body, marker) ?? -1) >= mine.revision) break;
    const again = await settle(store, now, marker, mine, action);
    result = { ...again, deleted: [...result.deleted, ...again.deleted] };
  }
  return result;
}

/**
 * Puts the newest report among `ours` and `mine` in the oldest of `ours` and deletes the rest. `action`
 * is what writing `mine` is called ('created' when this run made one of `ours`).
 */
async function settle(
  store: CommentStore,
  ours: Comment[],
  marker: string,
  mine: { body: string; revision: number | undefined },
  action: StickyAction,
): Promise<StickyResult> {
  const keep = ours[0] as Comment;
  const newer = ours
    .map((c) => ({ comment: c, revision: revisionOf(c.body, marker) }))
    .filter(({ revision }) => mine.revision !== undefined && revision !== undefined && revision > mine.revision)
    .sort((a, b) => (b.revision as number) - (a.revision as number))[0];
  const body = newer ? newer.comment.body : mine.body;
  let comment = keep;
  if (keep.body !== body) comment = await store.update(keep.id, body);
  const deleted = await deleteAllBut(store, ours, keep);
  const outcome: StickyAction = newer ? 'stale' : keep.body === body && action !== 'created' ? 'unchanged' : action;
  return { action: outcome, comment, deleted };
}

/** Ours, oldest first: GitHub assigns increasing ids, which order comments more finely than timestamps. */
async function findOurs(store: CommentStore, issue: number, marker: string, author: string): Promise<Comment[]> {
  const login = author.toLowerCase();
  const comments = await store.list(issue);
  return comments
    .filter((c) => c.author.toLowerCase() === login && c.body.startsWith(`${marker}\n`))
    .sort((a, b) => a.id - b.id);
}

async function deleteAllBut(store: CommentStore, comments: Comment[], keep: Comment): Promise<number[]> {
  const stale = comments.filter((c) => c.id !== keep.id).map((c) => c.id);
  for (const id of stale) await store.delete(id);
  return stale;
}

/**
 * The marker family (`mlgate:report:…`, `mlgate:revision:…`) anywhere in a body, in any case: a name
 * shown in a code span carries it literally, and a body must not pose as another sticky comment.
 */
const MARKER_TEXT = /mlgate(?=:(?:report|revision):)/gi;

function compose({ marker, body, revision }: StickyComment): string {
  if (revision !== undefined && (!Number.isSafeInteger(revision) || revision < 0)) {
    throw new TypeError(`sticky comment revision must be a non-negative integer, got ${revision}`);
  }
  const header = revision === undefined ? marker : `${marker}\n<!-- mlgate:revision:${revision} -->`;
  // A zero-width space keeps the text as it reads while no longer matching any marker.
  return `${header}\n${body.replace(MARKER_TEXT, '$&\u200b')}`;
}

/** Read only from the header we wrote, so report text can never pose as a revision. */
function revisionOf(body: string, marker: string): number | undefined {
  if (!body.startsWith(`${marker}\n`)) return undefined;
  const match = /^<!-- mlgate:revision:(\d+) -->\n/.exec(body.slice(marker.length + 1));
  return match?.[1] === undefined ? undefined : Number(match[1]);
}
