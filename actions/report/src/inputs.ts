import { UserError } from '@mlgate/core';
import { booleanInput, intInput, listInput, optionalInput, requiredInput, type InputSource } from '@mlgate/github';

export interface Inputs {
  /** Report JSON paths; empty on `workflow_run`, where the report is the triggering run's artifact. */
  reports: string[];
  token: string;
  comment: boolean;
  pullRequest: number | undefined;
  id: string;
  commentAuthor: string;
  summary: boolean;
  checkRun: boolean;
  artifact: string;
  allowPullRequestTarget: boolean;
  /** Where to write the HTML report; undefined: only when `htmlArtifact` asks for one (then in RUNNER_TEMP). */
  html: string | undefined;
  /** Name of the artifact to upload the HTML report as; undefined: none. */
  htmlArtifact: string | undefined;
}

/** Every input of action.yml, read and checked once, before anything else happens. */
export function parseInputs(eventName: string, source?: InputSource): Inputs {
  const reports = listInput('report', source);
  if (eventName === 'workflow_run' && reports.length > 0) {
    throw new UserError(
      'input "report": on workflow_run the report is the triggering run\'s artifact (input "artifact"); remove "report"',
    );
  }
  if (eventName !== 'workflow_run' && reports.length === 0) {
    throw new UserError('input "report": give at least one report JSON path');
  }
  const id = requiredInput('id', source);
  if (!/^[A-Za-z0-9._-]{1,64}$/.test(id)) {
    throw new UserError(`input "id": use 1-64 letters, digits, ".", "_" or "-", got ${JSON.stringify(id)}`);
  }
  const artifact = artifactName('artifact', requiredInput('artifact', source));
  const htmlArtifactInput = optionalInput('html-artifact', source);
  const htmlArtifact = htmlArtifactInput === undefined ? undefined : artifactName('html-artifact', htmlArtifactInput);
  if (htmlArtifact === artifact) {
    throw new UserError(
      `input "html-artifact": "${htmlArtifact}" is the report artifact's name (input "artifact"); artifact names are unique per run`,
    );
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
    artifact,
    allowPullRequestTarget: booleanInput('allow-pull-request-target', false, source),
    html: optionalInput('html', source),
    htmlArtifact,
  };
}

function artifactName(input: string, value: string): string {
  if (!/^[A-Za-z0-9._-]{1,128}$/.test(value)) {
    throw new UserError(`input "${input}": use 1-128 letters, digits, ".", "_" or "-", got ${JSON.stringify(value)}`);
  }
  return value;
}
