import { UserError } from '@mlgate/core';
import type { Location } from '@mlgate/core';

/**
 * The contexts an input default may read. Only plain property paths are evaluated
 * (`${{ github.token }}`, `${{ github.event.pull_request.number }}`, `${{ runner.temp }}`):
 * anything else (functions, operators, other contexts, unknown names) is reported, so a test
 * never runs with a default the real runner would have computed differently.
 */
export interface ExpressionContexts {
  github: Record<string, string>;
  event: unknown;
  runner: Record<string, string>;
}

const PATH = /^([A-Za-z_][A-Za-z0-9_-]*)((?:\.[A-Za-z_][A-Za-z0-9_-]*)*)$/;

function lookupIgnoringCase(object: unknown, key: string): unknown {
  if (object === null || typeof object !== 'object') return undefined;
  const lower = key.toLowerCase();
  const found = Object.keys(object).find((candidate) => candidate.toLowerCase() === lower);
  return found === undefined ? undefined : (object as Record<string, unknown>)[found];
}

/** GitHub's expression-to-string conversion: null and missing are empty, arrays/objects by kind. */
function toExpressionString(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return 'Array';
  if (typeof value === 'object') return 'Object';
  return String(value);
}

function evaluatePath(expression: string, contexts: ExpressionContexts, where: Location): string {
  const match = PATH.exec(expression);
  const unsupported = (why: string): UserError =>
    new UserError(`cannot evaluate \`\${{ ${expression} }}\`: ${why}`, where);
  if (!match) throw unsupported('only plain context properties such as `github.token` are supported');
  const [contextName = '', rest = ''] = [match[1], match[2]];
  const keys = rest.split('.').slice(1);
  const context = contextName.toLowerCase();
  const [first, ...deeper] = keys;
  if (context === 'github' && first?.toLowerCase() === 'event') {
    return toExpressionString(deeper.reduce<unknown>((value, key) => lookupIgnoringCase(value, key), contexts.event));
  }
  if (context !== 'github' && context !== 'runner') {
    throw unsupported(`the \`${contextName}\` context is not available to input defaults here`);
  }
  const table = contexts[context];
  const value = first === undefined ? undefined : lookupIgnoringCase(table, first);
  if (value === undefined || deeper.length > 0) {
    throw unsupported(
      `unknown property; known: ${Object.keys(table)
        .map((key) => `${context}.${key}`)
        .join(', ')}`,
    );
  }
  return toExpressionString(value);
}

/** Evaluates every `${{ … }}` in a string the way the runner formats an input default. */
export function evaluateTemplate(template: string, contexts: ExpressionContexts, where: Location): string {
  let result = '';
  let index = 0;
  for (;;) {
    const open = template.indexOf('${{', index);
    if (open < 0) return result + template.slice(index);
    const close = template.indexOf('}}', open + 3);
    if (close < 0) throw new UserError(`unclosed expression in \`${template}\``, where);
    result += template.slice(index, open) + evaluatePath(template.slice(open + 3, close).trim(), contexts, where);
    index = close + 2;
  }
}
