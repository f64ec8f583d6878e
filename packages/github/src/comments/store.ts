export interface Comment {
  id: number;
  body: string;
  /** Login of the account that wrote it. */
  author: string;
  url?: string;
  createdAt?: string;
}

/** Where pull request and issue comments live: GitHub, a directory, or memory. */
export interface CommentStore {
  /** Every comment on the issue, oldest first. */
  list(issue: number): Promise<Comment[]>;
  create(issue: number, body: string): Promise<Comment>;
  update(id: number, body: string): Promise<Comment>;
  /** Deleting a comment that is already gone succeeds: racing runs may both clean up. */
  delete(id: number): Promise<void>;
}
