import { iso } from '../state/clock.js';
import { nodeId } from '../state/ids.js';
import type { RepoState, Role } from '../state/repo.js';
import { repoApi, repoWeb, type RenderContext } from './context.js';
import { renderSimpleUser } from './users.js';

/**
 * One repository object that satisfies GitHub's `repository`, `minimal-repository` and `full-repository`
 * schemas (each endpoint embeds one of them; the fields of the smaller ones are a subset).
 */
export function renderRepository(ctx: RenderContext, repo: RepoState): Record<string, unknown> {
  const api = repoApi(ctx, repo);
  const web = repoWeb(ctx, repo);
  const created = iso(repo.createdAt);
  const pushed = iso(ctx.world.clock.peek());
  const openIssues = [...repo.issues.issues.values()].filter((i) => i.state === 'open').length;
  return {
    id: repo.id,
    node_id: nodeId('R', repo.id),
    name: repo.name,
    full_name: repo.fullName,
    private: repo.private,
    owner: renderSimpleUser(ctx, repo.owner),
    html_url: web,
    description: repo.description,
    fork: repo.forkOf !== undefined,
    url: api,
    forks_url: `${api}/forks`,
    keys_url: `${api}/keys{/key_id}`,
    collaborators_url: `${api}/collaborators{/collaborator}`,
    teams_url: `${api}/teams`,
    hooks_url: `${api}/hooks`,
    issue_events_url: `${api}/issues/events{/number}`,
    events_url: `${api}/events`,
    assignees_url: `${api}/assignees{/user}`,
    branches_url: `${api}/branches{/branch}`,
    tags_url: `${api}/tags`,
    blobs_url: `${api}/git/blobs{/sha}`,
    git_tags_url: `${api}/git/tags{/sha}`,
    git_refs_url: `${api}/git/refs{/sha}`,
    trees_url: `${api}/git/trees{/sha}`,
    statuses_url: `${api}/statuses/{sha}`,
    languages_url: `${api}/languages`,
    stargazers_url: `${api}/stargazers`,
    contributors_url: `${api}/contributors`,
    subscribers_url: `${api}/subscribers`,
    subscription_url: `${api}/subscription`,
    commits_url: `${api}/commits{/sha}`,
    git_commits_url: `${api}/git/commits{/sha}`,
    comments_url: `${api}/comments{/number}`,
    issue_comment_url: `${api}/issues/comments{/number}`,
    contents_url: `${api}/contents/{+path}`,
    compare_url: `${api}/compare/{base}...{head}`,
    merges_url: `${api}/merges`,
    archive_url: `${api}/{archive_format}{/ref}`,
    downloads_url: `${api}/downloads`,
    issues_url: `${api}/issues{/number}`,
    pulls_url: `${api}/pulls{/number}`,
    milestones_url: `${api}/milestones{/number}`,
    notifications_url: `${api}/notifications{?since,all,participating}`,
    labels_url: `${api}/labels{/name}`,
    releases_url: `${api}/releases{/id}`,
    deployments_url: `${api}/deployments`,
    created_at: created,
    updated_at: created,
    pushed_at: pushed,
    git_url: `git://${new URL(ctx.web).host}/${repo.fullName}.git`,
    ssh_url: `git@${new URL(ctx.web).host}:${repo.fullName}.git`,
    clone_url: `${web}.git`,
    svn_url: web,
    homepage: null,
    size: 0,
    stargazers_count: 0,
    watchers_count: 0,
    language: null,
    has_issues: true,
    has_projects: true,
    has_downloads: true,
    has_wiki: true,
    has_pages: false,
    has_discussions: false,
    forks_count: 0,
    mirror_url: null,
    archived: false,
    disabled: false,
    open_issues_count: openIssues,
    license: null,
    allow_forking: true,
    is_template: false,
    web_commit_signoff_required: false,
    topics: repo.topics,
    visibility: repo.private ? 'private' : 'public',
    forks: 0,
    open_issues: openIssues,
    watchers: 0,
    default_branch: repo.settings.defaultBranch,
    network_count: 0,
    subscribers_count: 0,
  };
}

/** Permission flags GitHub derives from a role (`push` is write). */
export function permissionFlags(role: Role): Record<string, boolean> {
  const rank = ['none', 'read', 'triage', 'write', 'maintain', 'admin'].indexOf(role);
  return { admin: rank >= 5, maintain: rank >= 4, push: rank >= 3, triage: rank >= 2, pull: rank >= 1 };
}

/** GitHub's `full-repository` (GET /repos/{owner}/{repo}): adds the viewer's permissions and merge settings. */
export function renderFullRepository(ctx: RenderContext, repo: RepoState, viewerRole: Role): Record<string, unknown> {
  const owner = ctx.world.users.get(repo.owner);
  return {
    ...renderRepository(ctx, repo),
    permissions: permissionFlags(viewerRole),
    temp_clone_token: '',
    allow_squash_merge: true,
    allow_merge_commit: true,
    allow_rebase_merge: true,
    allow_auto_merge: false,
    delete_branch_on_merge: false,
    allow_update_branch: false,
    use_squash_pr_title_as_default: false,
    squash_merge_commit_title: 'COMMIT_OR_PR_TITLE',
    squash_merge_commit_message: 'COMMIT_MESSAGES',
    merge_commit_title: 'MERGE_MESSAGE',
    merge_commit_message: 'PR_TITLE',
    ...(owner?.type === 'Organization' ? { organization: renderSimpleUser(ctx, repo.owner) } : {}),
  };
}
