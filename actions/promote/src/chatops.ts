import { CHATOPS_USAGE, escapeText, inlineCode, isUserError, parseChatopsCommand, registryState } from '@mlgate/core';
import {
  type CommentEvent,
  GitHubCommentStore,
  GitHubPermissionSource,
  type GitHubClient,
  mayPromote,
} from '@mlgate/github';
import { type Outcome, outcomeMarkdown } from './outcome.js';
import { assign, type Registry } from './registry.js';

type Repo = { owner: string; repo: string };

/**
 * `/mlgate promote <model>@<version> <stage>` from a comment: only a `created` comment, only from a commenter
 * with write permission (the comment's author, asked of the API), only in the strict grammar, and only for the
 * commit it was issued for; the result, or why not, is replied to the comment's thread. `null`: the comment is
 * not a command (or not a new one), and nothing is done.
 */
export async function chatops(
  registry: Registry,
  comment: CommentEvent,
  octokit: GitHubClient,
  repo: Repo,
): Promise<Outcome | null> {
  const { logger } = registry;
  if (comment.action !== 'created') {
    logger.info(
      `The comment was ${comment.action.replace(/[^a-z_]/g, '') || 'changed'}, not created: only new comments are commands.`,
    );
    return null;
  }
  const command = parseChatopsCommand(comment.body);
  if (command.kind === 'none') {
    logger.info('The comment is not addressed to mlgate.');
    return null;
  }
  const replies = new GitHubCommentStore(octokit, repo);
  const reply = async (outcome: Outcome) => {
    await replies.create(comment.issueNumber, outcomeMarkdown(outcome));
    return outcome;
  };
  if (command.kind === 'invalid') {
    return reply(
      refused({ model: null, version: null, stage: null }, [`not a command mlgate takes: ${command.reason}`]),
    );
  }
  const { model, version, stage } = command;
  const permission = await new GitHubPermissionSource(octokit, repo).permissionOf(comment.author);
  if (!mayPromote(permission)) {
    return reply(
      refused(command, [
        `the commenter has ${permission} permission on the repository; promoting takes write (or admin)`,
      ]),
    );
  }
  const unbound = await bindingProblem(registry, comment, command, octokit, repo);
  if (unbound) return reply(refused(command, [unbound]));
  let outcome: Outcome;
  try {
    outcome = await assign(registry, {
      model,
      version,
      stage,
      actor: comment.author,
      reason: `${CHATOPS_USAGE.split(' ')[0]} promote in ${comment.pullRequest ? 'pull request' : 'issue'} #${comment.issueNumber}${comment.url ? ` (${comment.url})` : ''}`,
    });
  } catch (error) {
    // The thread always hears back: a version or stage that does not exist is a refusal, anything else a failure.
    if (isUserError(error)) return reply(refused(command, [error.message]));
    const run = registry.runUrl ? ` See the run: ${escapeText(registry.runUrl)}` : '';
    await replies
      .create(
        comment.issueNumber,
        `### mlgate promote: ${inlineCode(model)}\n\nThe promotion of ${inlineCode(`${model}@${version}`)} to ${inlineCode(stage)} failed before it finished.${run}\n`,
      )
      .catch((replyError: unknown) =>
        logger.warning(`Could not reply to the comment: ${(replyError as Error).message ?? String(replyError)}`),
      );
    throw error;
  }
  return reply(outcome);
}

/**
 * The command is bound to the commit it was issued for: the version must have been registered before the
 * comment was written (a version registered later is not what the commenter saw), and a command on a pull
 * request promotes only a version of that pull request, registered at its head or at its merge commit.
 */
async function bindingProblem(
  registry: Registry,
  comment: CommentEvent,
  command: { model: string; version: string },
  octokit: GitHubClient,
  repo: Repo,
): Promise<string | null> {
  const state = registryState(command.model, await registry.store.listTags(command.model));
  const target = state.versions.find((v) => v.version === command.version);
  if (!target) return null; // the promotion itself says it is not registered
  const registered = state.history.find((e) => e.tag === target.tag)?.time ?? null;
  const written = comment.createdAt ? Date.parse(comment.createdAt) : NaN;
  if (registered === null || Number.isNaN(written) || Date.parse(registered) > written) {
    return `${target.tag} was registered after the comment was written (or one of the times is unknown); comment again to promote it`;
  }
  if (!comment.pullRequest) return null;
  const { data: pull } = await octokit.rest.pulls.get({ ...repo, pull_number: comment.issueNumber });
  const commits = [pull.head.sha, pull.merge_commit_sha].filter((sha): sha is string => typeof sha === 'string');
  if (commits.includes(target.commit)) return null;
  return `${target.tag} is registered at commit ${target.commit.slice(0, 7)}, which is neither the head (${pull.head.sha.slice(0, 7)}) nor the merge commit of pull request #${comment.issueNumber}`;
}

function refused(
  command: { model: string | null; version: string | null; stage: string | null },
  missing: string[],
): Outcome {
  return {
    result: 'refused',
    model: command.model,
    version: command.version,
    stage: command.stage,
    tag: null,
    previous: null,
    releaseUrl: null,
    deploymentId: null,
    missing,
    forced: false,
    notes: [],
  };
}
