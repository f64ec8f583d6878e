/** One step into a JSON value: an object key or an array index. */
export type PathSegment = string | number;

const MAX_KEY_CHARS = 64;

/**
 * Splits an ajv `instancePath` (a JSON Pointer) into segments, turning a segment into a number
 * where the value it steps into is an array, so paths print as `checks[3]`, not `checks.3`.
 */
export function pointerToSegments(pointer: string, root: unknown): PathSegment[] {
  if (pointer === '') return [];
  const segments: PathSegment[] = [];
  let node = root;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(node) && /^(0|[1-9]\d*)$/.test(key)) {
      const index = Number(key);
      segments.push(index);
      node = node[index];
    } else {
      segments.push(key);
      node = isRecord(node) ? node[key] : undefined;
    }
  }
  return segments;
}

/** `$.validations[0].checks[3].status`; odd keys as `$["a b"]`. */
export function formatJsonPath(segments: readonly PathSegment[]): string {
  return '$' + segments.map((segment) => formatSegment(segment, /^[A-Za-z_$][A-Za-z0-9_$]*$/)).join('');
}

/**
 * `gate.metrics.auc` for configuration keys, which users know by the names they typed (model
 * names like `churn-v2` stay bare); keys containing dots or spaces are quoted.
 */
export function formatKeyPath(segments: readonly PathSegment[]): string {
  const path = segments.map((segment) => formatSegment(segment, /^[A-Za-z0-9_][A-Za-z0-9_/-]*$/)).join('');
  return path.startsWith('.') ? path.slice(1) : path;
}

/** A key from an untrusted document, quoted and bounded for use in a one-line message. */
export function quoteKey(key: string): string {
  const chars = Array.from(key);
  const bounded = chars.length > MAX_KEY_CHARS ? chars.slice(0, MAX_KEY_CHARS).join('') + '…' : key;
  return JSON.stringify(bounded);
}

function formatSegment(segment: PathSegment, bare: RegExp): string {
  if (typeof segment === 'number') return `[${segment}]`;
  return bare.test(segment) && segment.length <= MAX_KEY_CHARS ? `.${segment}` : `[${quoteKey(segment)}]`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
