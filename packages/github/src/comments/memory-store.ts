import type { Comment, CommentStore } from './store.js';

interface Shelf {
  comments: Map<number, Comment & { issue: number }>;
  nextId: number;
}

/** Comments held in memory, for tests and dry runs. */
export class MemoryCommentStore implements CommentStore {
  constructor(
    private readonly author = 'mlgate',
    private readonly shelf: Shelf = { comments: new Map(), nextId: 1 },
  ) {}

  /** The same comments, written as another login: a second user on the same pull request. */
  as(author: string): MemoryCommentStore {
    return new MemoryCommentStore(author, this.shelf);
  }

  async list(issue: number): Promise<Comment[]> {
    return [...this.shelf.comments.values()].filter((c) => c.issue === issue).map(withoutIssue);
  }

  async create(issue: number, body: string): Promise<Comment> {
    const comment = { id: this.shelf.nextId++, issue, body, author: this.author, createdAt: new Date().toISOString() };
    this.shelf.comments.set(comment.id, comment);
    return withoutIssue(comment);
  }

  async update(id: number, body: string): Promise<Comment> {
    const comment = this.shelf.comments.get(id);
    if (!comment) throw new Error(`comment ${id} does not exist`);
    comment.body = body;
    return withoutIssue(comment);
  }

  async delete(id: number): Promise<void> {
    this.shelf.comments.delete(id);
  }
}

function withoutIssue({ issue: _issue, ...comment }: Comment & { issue: number }): Comment {
  return comment;
}
