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
  /** The comment that now holds the report (for 'stale', the newer one that was kept). */
  comment: Comment;
  /** Ids of our duplicate comments that were deleted so that one remains. */
  deleted: number[];
}

/**
 * Creates, updates or leaves alone the one comment on `issue` that carries `marker` and was written
 * by `author`. Comments by anyone else are never touched, even with the same marker. Duplicates
 * (from runs that raced) converge: the newest is kept, the older ones deleted.
 */
export async function upsertStickyComment(store: CommentStore, sticky: StickyComment): Promise<StickyResult> {
  const { issue, marker, author, revision } = sticky;
  if (!/^<!--.*-->$/s.test(marker))
    throw new TypeError(`sticky marker must be an HTML comment, got ${JSON.stringify(marker)}`);
  const body = compose(sticky);
  const ours = await findOurs(store, issue, marker, author);
  const newest = ours.at(-1);

  if (!newest) {
    const created = await store.create(issue, body);
    // Runs that both found nothing have both created; re-reading lets every such run keep the same
    // one (the newest) instead of leaving duplicates until the next report.
    const after = await findOurs(store, issue, marker, author);
    if (!after.some((c) => c.id === created.id)) after.push(created);
    after.sort((a, b) => a.id - b.id);
    const keep = after.at(-1) ?? created;
    return { action: 'created', comment: keep, deleted: await deleteAllBut(store, after, keep) };
  }

  const existingRevision = revisionOf(newest.body, marker);
  let result: Pick<StickyResult, 'action' | 'comment'>;
  if (revision !== undefined && existingRevision !== undefined && existingRevision > revision) {
    result = { action: 'stale', comment: newest };
  } else if (newest.body === body) {
    result = { action: 'unchanged', comment: newest };
  } else {
    result = { action: 'updated', comment: await store.update(newest.id, body) };
  }
  return { ...result, deleted: await deleteAllBut(store, ours, newest) };
}

/** Ours, oldest first: GitHub assigns increasing ids, which order comments more finely than timestamps. */
async function findOurs(store: CommentStore, issue: number, marker: string, author: string): Promise<Comment[]> {
  const login = author.toLowerCase();
  const comments = await store.list(issue);
  return comments
    .filter((c) => c.author.toLowerCase() === login && c.body.includes(marker))
    .sort((a, b) => a.id - b.id);
}

async function deleteAllBut(store: CommentStore, comments: Comment[], keep: Comment): Promise<number[]> {
  const stale = comments.filter((c) => c.id !== keep.id).map((c) => c.id);
  for (const id of stale) await store.delete(id);
  return stale;
}

function compose({ marker, body, revision }: StickyComment): string {
  if (revision !== undefined && (!Number.isSafeInteger(revision) || revision < 0)) {
    throw new TypeError(`sticky comment revision must be a non-negative integer, got ${revision}`);
  }
  const header = revision === undefined ? marker : `${marker}\n<!-- mlgate:revision:${revision} -->`;
  return `${header}\n${body}`;
}

/** Read only from the header we wrote, so report text can never pose as a revision. */
function revisionOf(body: string, marker: string): number | undefined {
  if (!body.startsWith(`${marker}\n`)) return undefined;
  const match = /^<!-- mlgate:revision:(\d+) -->\n/.exec(body.slice(marker.length + 1));
  return match?.[1] === undefined ? undefined : Number(match[1]);
}
