import { UserError } from '@mlgate/core';
import { booleanInput, intInput, listInput, requiredInput, type InputSource } from '@mlgate/github';

export interface Inputs {
  reports: string[];
  token: string;
  comment: boolean;
  pullRequest: number | undefined;
  id: string;
  commentAuthor: string;
  summary: boolean;
  checkRun: boolean;
}

/** Every input of action.yml, read and checked once, before anything else happens. */
export function parseInputs(source?: InputSource): Inputs {
  const reports = listInput('report', source);
  if (reports.length === 0) throw new UserError('input "report": give at least one report JSON path');
  const id = requiredInput('id', source);
  if (!/^[A-Za-z0-9._-]{1,64}$/.test(id)) {
    throw new UserError(`input "id": use 1-64 letters, digits, ".", "_" or "-", got ${JSON.stringify(id)}`);
  }
  return {
    reports,
    token: requiredInput('github-token', source),
    comment: booleanInput('comment', true, source),
    pullRequest: intInput('pull-request', { min: 1 }, source),
    id,
    commentAuthor: requiredInput('comment-author', source),
    summary: booleanInput('summary', true, source),
    checkRun: booleanInput('check-run', true, source),
  };
}
