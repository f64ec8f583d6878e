import { createHash } from 'node:crypto';

// Separate ranges per kind: a test that passes a comment id where an issue number (or a run id where an artifact
// id) is expected then hits a 404 instead of silently working because both counters started at 1.
const BASES = {
  user: 1_000_001,
  repo: 700_000_001,
  issue: 2_000_000_001,
  comment: 3_000_000_001,
  reaction: 3_500_000_001,
  label: 3_800_000_001,
  checkRun: 4_000_000_001,
  checkSuite: 4_500_000_001,
  status: 5_000_000_001,
  release: 6_000_000_001,
  asset: 6_500_000_001,
  deployment: 7_000_000_001,
  deploymentStatus: 7_500_000_001,
  workflow: 8_500_000_001,
  run: 8_000_000_001,
  artifact: 9_000_000_001,
} as const;

export type IdKind = keyof typeof BASES;

export class IdAllocator {
  private readonly next = new Map<IdKind, number>();
  private shaCounter = 0;

  id(kind: IdKind): number {
    const id = this.next.get(kind) ?? BASES[kind];
    this.next.set(kind, id + 1);
    return id;
  }

  /** A fresh 40-hex object id, derived from `seed` and a counter so runs are reproducible. */
  sha(seed: string): string {
    this.shaCounter += 1;
    return createHash('sha1').update(`${this.shaCounter}\0${seed}`).digest('hex');
  }
}

/** A GraphQL node id in GitHub's current style (`IC_kwDO...`). */
export function nodeId(prefix: string, id: number | string): string {
  return `${prefix}_kwDO${Buffer.from(String(id)).toString('base64url')}`;
}
