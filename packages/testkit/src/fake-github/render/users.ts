import { iso } from '../state/clock.js';
import { nodeId } from '../state/ids.js';
import type { UserRecord } from '../state/users.js';
import type { RenderContext } from './context.js';

// The GitHub Actions app: bots' avatars and html_url point at the app, as GitHub renders github-actions[bot].
const ACTIONS_APP_ID = 15368;

function account(ctx: RenderContext, login: string): UserRecord {
  return ctx.world.users.ensure(login);
}

/** GitHub's `simple-user` object. */
export function renderSimpleUser(ctx: RenderContext, login: string): Record<string, unknown> {
  const user = account(ctx, login);
  const url = `${ctx.api}/users/${encodeURIComponent(user.login)}`;
  const bot = user.type === 'Bot';
  return {
    login: user.login,
    id: user.id,
    node_id: nodeId(bot ? 'BOT' : user.type === 'Organization' ? 'O' : 'U', user.id),
    avatar_url: bot
      ? `https://avatars.githubusercontent.com/in/${ACTIONS_APP_ID}?v=4`
      : `https://avatars.githubusercontent.com/u/${user.id}?v=4`,
    gravatar_id: '',
    url,
    html_url: bot ? `${ctx.web}/apps/${user.login.replace(/\[bot\]$/, '')}` : `${ctx.web}/${user.login}`,
    followers_url: `${url}/followers`,
    following_url: `${url}/following{/other_user}`,
    gists_url: `${url}/gists{/gist_id}`,
    starred_url: `${url}/starred{/owner}{/repo}`,
    subscriptions_url: `${url}/subscriptions`,
    organizations_url: `${url}/orgs`,
    repos_url: `${url}/repos`,
    events_url: `${url}/events{/privacy}`,
    received_events_url: `${url}/received_events`,
    type: user.type,
    user_view_type: 'public',
    site_admin: false,
  };
}

/** GitHub's `private-user` object (GET /user for a user token). */
export function renderPrivateUser(ctx: RenderContext, login: string): Record<string, unknown> {
  const user = account(ctx, login);
  return {
    ...renderSimpleUser(ctx, login),
    name: user.name,
    company: null,
    blog: '',
    location: null,
    email: user.email,
    hireable: null,
    bio: null,
    twitter_username: null,
    notification_email: user.email,
    public_repos: 0,
    public_gists: 0,
    followers: 0,
    following: 0,
    created_at: iso(user.createdAt),
    updated_at: iso(user.createdAt),
    private_gists: 0,
    total_private_repos: 0,
    owned_private_repos: 0,
    disk_usage: 0,
    collaborators: 0,
    two_factor_authentication: true,
  };
}

/** The GitHub Actions app object (`nullable-integration`) carried by check runs and deployments. */
export function renderActionsApp(ctx: RenderContext): Record<string, unknown> {
  const owner = renderSimpleUser(ctx, 'github');
  return {
    id: ACTIONS_APP_ID,
    slug: 'github-actions',
    node_id: nodeId('A', ACTIONS_APP_ID),
    client_id: 'Iv1.05c79e9ad1f6bdfa',
    owner,
    name: 'GitHub Actions',
    description: 'Automate your workflow from idea to production',
    external_url: 'https://help.github.com/en/actions',
    html_url: `${ctx.web}/apps/github-actions`,
    created_at: '2018-07-30T09:30:17Z',
    updated_at: '2024-04-10T20:33:16Z',
    permissions: {
      actions: 'write',
      checks: 'write',
      contents: 'write',
      deployments: 'write',
      issues: 'write',
      metadata: 'read',
      pull_requests: 'write',
      statuses: 'write',
    },
    events: ['check_run', 'check_suite', 'deployment', 'pull_request', 'push', 'workflow_run'],
  };
}
