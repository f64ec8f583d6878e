import * as core from '@actions/core';
import { UserError, isUserError } from '@mlgate/core';
import { actionsLogger, annotationFor, annotationMessage } from './actions-logger.js';
import type { ActionsCore } from './actions-logger.js';
import type { Logger } from './logger.js';
import { oneLine } from './text.js';

export type ActionMain = (ctx: { logger: Logger }) => Promise<void>;

export interface RunActionDeps {
  core?: ActionsCore;
  logger?: Logger;
}

/**
 * Runs an action's main and turns its failure into what a workflow author can act on: a problem
 * they can fix is one `::error` annotation (on the file and line when known); anything else is
 * reported as a bug in mlgate, with the stack in the debug log. Returns the process exit code,
 * so the entry point is `process.exitCode = await runAction(main)`.
 */
export async function runAction(main: ActionMain, deps: RunActionDeps = {}): Promise<number> {
  const actions = deps.core ?? core;
  const logger = deps.logger ?? actionsLogger(actions);
  try {
    await main({ logger });
    return 0;
  } catch (error) {
    const userError = isUserError(error) ? error : apiRefusal(error);
    if (userError) {
      actions.error(annotationMessage(userError.message, userError.location), annotationFor(userError.location));
    } else {
      const message = oneLine(describe(error)).replace(/\.+$/, '');
      actions.error(`mlgate internal error: ${message}. This is a bug in mlgate — please report it with the log.`);
    }
    for (const trace of stacks(error)) actions.debug(trace);
    return 1;
  }
}

/**
 * GitHub refusing a request for lack of access is the workflow's to fix (token, `permissions:`),
 * not a bug; say which call was refused and why.
 */
function apiRefusal(error: unknown): UserError | undefined {
  const { status, request, message } = (error ?? {}) as {
    status?: unknown;
    request?: { method?: string; url?: string };
    message?: unknown;
  };
  if ((status !== 401 && status !== 403) || !request?.url) return undefined;
  const reason = typeof message === 'string' && message ? oneLine(message) : 'no reason given';
  const route = `${request.method ?? 'GET'} ${pathOf(request.url)}`;
  return new UserError(
    `GitHub API refused ${route} (HTTP ${status}: ${reason}); check the token and the workflow's permissions`,
  );
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  if (typeof error === 'string') return error;
  try {
    return JSON.stringify(error) ?? String(error);
  } catch {
    return String(error);
  }
}

function stacks(error: unknown): string[] {
  const traces: string[] = [];
  const seen = new Set<unknown>();
  for (let current = error; current instanceof Error && !seen.has(current); current = current.cause) {
    seen.add(current);
    if (current.stack) traces.push(traces.length === 0 ? current.stack : `Caused by: ${current.stack}`);
  }
  return traces;
}
