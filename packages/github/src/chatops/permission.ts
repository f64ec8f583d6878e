import type { GitHubClient } from '../octokit/client.js';

/** The classic permission levels GitHub's permission endpoint answers (maintain reads as write, triage as read). */
export type PermissionLevel = 'admin' | 'write' | 'read' | 'none';

/** Who may issue a command: promoting writes tags, so it takes what pushing a tag takes. */
export function mayPromote(permission: PermissionLevel): boolean {
  return permission === 'admin' || permission === 'write';
}

/** A user's permission on the repository, looked up through the API; someone unknown to it has `none`. */
export interface PermissionSource {
  permissionOf(login: string): Promise<PermissionLevel>;
}

export class GitHubPermissionSource implements PermissionSource {
  constructor(
    private readonly octokit: GitHubClient,
    private readonly repo: { owner: string; repo: string },
  ) {}

  async permissionOf(login: string): Promise<PermissionLevel> {
    try {
      const { data } = await this.octokit.rest.repos.getCollaboratorPermissionLevel({ ...this.repo, username: login });
      const level = data.permission;
      return level === 'admin' || level === 'write' || level === 'read' ? level : 'none';
    } catch (error) {
      // GitHub answers 404 for a login that is not a user, or not a collaborator on a private repository.
      if ((error as { status?: number }).status === 404) return 'none';
      throw error;
    }
  }
}
