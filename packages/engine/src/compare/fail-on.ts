import type { VerdictStatus } from '@mlgate/core';
import type { FailOn } from './types.js';

/** Whether a verdict fails the step under `fail-on`. */
export function failsStep(status: VerdictStatus, failOn: FailOn): boolean {
  switch (failOn) {
    case 'fail':
      return status === 'fail';
    case 'warn':
      return status === 'fail' || status === 'warn';
    case 'never':
      return false;
  }
}
