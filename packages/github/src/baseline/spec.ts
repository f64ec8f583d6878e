import { REGISTRY_NAME, UserError } from '@mlgate/core';
import type { Location } from '@mlgate/core';

/** Where the baseline of a comparison comes from. */
export type BaselineSpec =
  | { kind: 'registry'; model: string; stage: string }
  | { kind: 'branch'; branch: string }
  | { kind: 'path'; path: string };

const GRAMMAR = 'expected registry:<model>#<stage>, branch:<name> or a path';
/** Two or more letters before a colon: a baseline kind, not a Windows drive (`C:\...`). */
const KIND_PREFIX = /^([a-zA-Z][a-zA-Z0-9+.-]+):/;

/**
 * Parses the `baseline` input: `registry:churn#production`, `branch:main`, or a path to a metrics/predictions
 * file or folder. `location` says where the text came from, for the error.
 */
export function parseBaselineSpec(text: string, location: Location = {}): BaselineSpec {
  const spec = text.trim();
  const fail = (why: string): never => {
    throw new UserError(`invalid baseline ${JSON.stringify(text)}: ${why}; ${GRAMMAR}`, location);
  };
  if (spec === '') return fail('it is empty');

  const kind = KIND_PREFIX.exec(spec)?.[1];
  if (kind === undefined) return { kind: 'path', path: spec };
  const rest = spec.slice(kind.length + 1);
  switch (kind) {
    case 'registry': {
      const [model = '', stage, ...extra] = rest.split('#');
      if (stage === undefined || extra.length > 0) return fail('a registry baseline names one model and one stage');
      if (!REGISTRY_NAME.test(model))
        return fail(`model name ${JSON.stringify(model)} does not match ${REGISTRY_NAME.source}`);
      if (!REGISTRY_NAME.test(stage))
        return fail(`stage name ${JSON.stringify(stage)} does not match ${REGISTRY_NAME.source}`);
      return { kind: 'registry', model, stage };
    }
    case 'branch': {
      const problem = branchNameProblem(rest);
      if (problem) return fail(`branch name ${JSON.stringify(rest)} ${problem}`);
      return { kind: 'branch', branch: rest };
    }
    default:
      return fail(`unknown baseline kind "${kind}"`);
  }
}

/** Git's own rules for a branch name (`git check-ref-format --branch`), or undefined when it is valid. */
function branchNameProblem(name: string): string | undefined {
  if (name === '') return 'is empty';
  if (name.startsWith('refs/')) return 'must be a branch name, not a full ref';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0020\u007f~^:?*[\\]/.test(name)) return 'contains a space or one of ~ ^ : ? * [ \\';
  if (name.includes('..') || name.includes('@{') || name.includes('//')) return 'contains "..", "@{" or "//"';
  if (name.startsWith('-') || name.startsWith('/') || name.endsWith('/') || name.endsWith('.')) {
    return 'starts with "-" or "/", or ends with "/" or "."';
  }
  if (name === '@' || name.split('/').some((part) => part.startsWith('.') || part.endsWith('.lock'))) {
    return 'has a part starting with "." or ending with ".lock"';
  }
  return undefined;
}
