import type { GitHubClient } from '../octokit/client.js';
import type { Comment, CommentStore } from './store.js';

interface ApiComment {
  id: number;
  body?: string | null;
  user?: { login: string } | null;
  html_url?: string;
  created_at?: string;
}

/** Issue and pull request comments through the REST API, every page of them. */
export class GitHubCommentStore implements CommentStore {
  constructor(
    private readonly octokit: GitHubClient,
    private readonly repo: { owner: string; repo: string },
  ) {}

  async list(issue: number): Promise<Comment[]> {
    const comments = await this.octokit.paginate(this.octokit.rest.issues.listComments, {
      ...this.repo,
      issue_number: issue,
      per_page: 100,
    });
    return comments.map(toComment);
  }

  async create(issue: number, body: string): Promise<Comment> {
    const { data } = await this.octokit.rest.issues.createComment({ ...this.repo, issue_number: issue, body });
    return toComment(data);
  }

  async update(id: number, body: string): Promise<Comment> {
    const { data } = await this.octokit.rest.issues.updateComment({ ...this.repo, comment_id: id, body });
    return toComment(data);
  }

  async delete(id: number): Promise<void> {
    try {
      await this.octokit.rest.issues.deleteComment({ ...this.repo, comment_id: id });
    } catch (error) {
      if ((error as { status?: number }).status !== 404) throw error;
    }
  }
}

function toComment(data: ApiComment): Comment {
  const comment: Comment = { id: data.id, body: data.body ?? '', author: data.user?.login ?? '' };
  if (data.html_url) comment.url = data.html_url;
  if (data.created_at) comment.createdAt = data.created_at;
  return comment;
}
