import { UserError } from '@mlgate/core';
import type { Location } from '@mlgate/core';

/**
 * The workflow file name (`ci.yml`) that the Actions API accepts as a workflow id, from a workflow reference
 * such as `GITHUB_WORKFLOW_REF` (`acme/churn/.github/workflows/ci.yml@refs/heads/main`), a path
 * (`.github/workflows/ci.yml`), a bare file name, or a numeric workflow id.
 */
export function workflowFileName(ref: string, location: Location = {}): string {
  const trimmed = ref.trim();
  if (/^\d+$/.test(trimmed)) return trimmed;
  // The first `*.yml` segment followed by the end or by `@<ref>`; the ref itself may hold slashes and dots.
  const file = /(?:^|\/)([^/@\s]+\.ya?ml)(?:@.*)?$/.exec(trimmed)?.[1];
  if (!file) {
    throw new UserError(
      `cannot tell the workflow from "${ref}": expected a workflow file name such as ci.yml, its path, ` +
        `a workflow reference like owner/repo/.github/workflows/ci.yml@refs/heads/main, or a workflow id`,
      location,
    );
  }
  return file;
}
