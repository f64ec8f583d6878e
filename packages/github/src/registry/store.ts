import type { TagRecord } from '@mlgate/core';
import type { RegistryTagSource } from './tag-source.js';

/** An annotated tag to create: name, the commit it points at, its message. */
export interface NewTag {
  name: string;
  commit: string;
  message: string;
}

/** The tag name is taken: someone created it first (or this very promotion did, in an earlier run). */
export class TagExistsError extends Error {
  constructor(readonly tag: string) {
    super(`tag ${tag} already exists`);
    this.name = 'TagExistsError';
  }
}

export function isTagExistsError(error: unknown): error is TagExistsError {
  return error instanceof TagExistsError;
}

/**
 * Where the registry is written: create-only annotated tags. No method updates or deletes a ref, so racing
 * writers cannot lose each other's events; the loser of a race gets `TagExistsError` and re-reads.
 */
export interface RegistryStore extends RegistryTagSource {
  /** The full commit SHA a revision (a branch, a tag, a SHA) names; a `UserError` when there is none. */
  resolveCommit(rev: string): Promise<string>;
  /** Creates the annotated tag and its ref, or throws `TagExistsError` when the ref exists. */
  createTag(tag: NewTag): Promise<TagRecord>;
  /** Where the registry lives, for messages: "the git repository /src/churn", "acme/churn on GitHub". */
  describe(): string;
}
