import { escapeText, inlineCode } from '@mlgate/core';

/** What the action did, for its outputs, its job summary and a chatops reply. */
export interface Outcome {
  result: 'registered' | 'promoted' | 'refused' | 'unchanged';
  /** `null` for a comment refused before it named a model (not in the command grammar). */
  model: string | null;
  version: string | null;
  stage: string | null;
  /** The tag that records the event (written now, or found from an earlier run). */
  tag: string | null;
  /** What the stage held before this assignment. */
  previous: { version: string | null; tag: string | null } | null;
  releaseUrl: string | null;
  deploymentId: number | null;
  /** Missing evidence: why a promotion was refused, or what a forced one went past. */
  missing: string[];
  forced: boolean;
  /** Sentences said in the summary beside the result (already safe Markdown). */
  notes: string[];
}

export function outputsOf(outcome: Outcome): Record<string, string> {
  return {
    result: outcome.result,
    tag: outcome.tag ?? '',
    version: outcome.version ?? '',
    stage: outcome.stage ?? '',
    'previous-version': outcome.previous?.version ?? '',
    'release-url': outcome.releaseUrl ?? '',
    'deployment-id': outcome.deploymentId === null ? '' : String(outcome.deploymentId),
  };
}

/**
 * The job summary (and the chatops reply): every name and reason from the repository rendered inert. `forceHint`:
 * a refusal says how to override it, where the run could have (the `force` input of a dispatched promotion).
 */
export function outcomeMarkdown(outcome: Outcome, forceHint = false): string {
  const { model, version, stage, tag } = outcome;
  const target = inlineCode(`${model ?? '?'}@${version ?? '?'}`);
  const lines = [`### mlgate promote${model === null ? '' : `: ${inlineCode(model)}`}`, ''];
  const held = heldBefore(outcome);
  switch (outcome.result) {
    case 'refused':
      lines.push(
        model === null
          ? 'Refused the comment:'
          : stage === null
            ? `Refused ${target}:`
            : `Refused: ${target} cannot enter ${inlineCode(stage)}:`,
        '',
        ...outcome.missing.map((m) => `- ${escapeText(m)}`),
      );
      if (forceHint) lines.push('', 'Override with the `force` input and a `reason` (both recorded in the tag).');
      break;
    case 'promoted':
      lines.push(`Promoted ${target} to ${inlineCode(stage ?? '')}: ${inlineCode(tag ?? '')}. ${held}`);
      break;
    case 'registered':
      lines.push(`Registered ${target}: ${inlineCode(tag ?? '')}.`);
      break;
    case 'unchanged':
      lines.push(
        tag
          ? `${stage ? `${inlineCode(stage)} holds ${target}` : `${target} is registered`} already (${inlineCode(tag)}); nothing written.`
          : 'Nothing to do.',
      );
      break;
  }
  if (outcome.forced)
    lines.push('', `Forced past missing evidence: ${outcome.missing.map((m) => escapeText(m)).join('; ')}.`);
  if (outcome.releaseUrl) lines.push('', `Release: ${escapeText(outcome.releaseUrl)}`);
  if (outcome.deploymentId !== null) lines.push('', `Deployment: ${outcome.deploymentId}`);
  for (const note of outcome.notes) lines.push('', note);
  return `${lines.join('\n')}\n`;
}

/** What the stage held before: rollback reports say what they replaced. */
export function heldBefore(outcome: Outcome): string {
  if (outcome.stage === null || outcome.previous === null) return '';
  const stage = inlineCode(outcome.stage);
  return outcome.previous.version
    ? `${stage} held ${inlineCode(outcome.previous.version)} before (${inlineCode(outcome.previous.tag ?? '')}).`
    : `${stage} held nothing before.`;
}
