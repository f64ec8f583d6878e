import type { Reason, Status } from '@mlgate/core';

/** One line that says what decided: the first failing (or warning) rule, and how many more there are. */
export function verdictSummary(model: string, status: Status, reasons: readonly Reason[]): string {
  const deciding = reasons.filter((reason) => reason.status === status);
  const [first] = deciding;
  const more = deciding.length > 1 ? ` (and ${deciding.length - 1} more)` : '';
  switch (status) {
    case 'fail':
      return `${model}: the gate failed: ${first?.message ?? 'a rule failed'}${more}`;
    case 'warn':
      return `${model}: passed with warnings: ${first?.message ?? 'a rule warned'}${more}`;
    case 'pass':
      return reasons.length === 0
        ? `${model}: passed (no gate rules are configured)`
        : `${model}: passed ${reasons.length} gate check(s)`;
  }
}
