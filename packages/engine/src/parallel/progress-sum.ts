import type { ProfileProgress } from '@mlgate/core';

/**
 * Adds up the progress of reads running side by side (shards on workers, the data and its
 * reference) into one report. A part counts its expected size until it reports its own, so the
 * percentage does not jump when a queued part starts.
 */
export class ProgressSum {
  private readonly parts: ProfileProgress[] = [];

  constructor(private readonly report: (progress: ProfileProgress) => void) {}

  /** A callback for one more part, expected to read `expectedBytes` bytes. */
  part(expectedBytes = 0): (progress: ProfileProgress) => void {
    const state: ProfileProgress = { bytes: 0, totalBytes: expectedBytes, rows: 0 };
    this.parts.push(state);
    return (progress) => {
      Object.assign(state, progress);
      this.report(this.total());
    };
  }

  private total(): ProfileProgress {
    const sum: ProfileProgress = { bytes: 0, totalBytes: 0, rows: 0 };
    for (const part of this.parts) {
      sum.bytes += part.bytes;
      sum.totalBytes += part.totalBytes;
      sum.rows += part.rows;
    }
    return sum;
  }
}
