import type { VerdictStatus } from '@mlgate/core';

/** The validate action's `fail-on` input and the CLI's `mlgate validate --fail-on`: which verdict fails. */
export const VALIDATE_FAIL_ON = ['error', 'warning', 'never'] as const;
export type ValidateFailOn = (typeof VALIDATE_FAIL_ON)[number];

const FAILING: Record<ValidateFailOn, readonly VerdictStatus[]> = {
  error: ['fail'],
  warning: ['fail', 'warn'],
  never: [],
};

/** Whether a validation verdict fails the step (exit 1) under `fail-on`. */
export function validationFails(status: VerdictStatus, failOn: ValidateFailOn): boolean {
  return FAILING[failOn].includes(status);
}
