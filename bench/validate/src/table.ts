export interface EngineResult {
  engine: string;
  wallSeconds: number;
  peakRssMb: number | null;
}

const fmt = (n: number, digits: number): string =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** engine | wall s | MB/s | rows/s | peak RSS MB, where MB is 10^6 bytes of input CSV. */
export function resultTable(results: readonly EngineResult[], bytes: number, rows: number): string {
  const lines = ['| engine | wall s | MB/s | rows/s | peak RSS MB |', '| --- | ---: | ---: | ---: | ---: |'];
  for (const r of results) {
    const rss = r.peakRssMb === null ? 'n/a' : fmt(r.peakRssMb, 0);
    lines.push(
      `| ${r.engine} | ${fmt(r.wallSeconds, 2)} | ${fmt(bytes / 1e6 / r.wallSeconds, 0)} | ` +
        `${fmt(rows / r.wallSeconds, 0)} | ${rss} |`,
    );
  }
  return lines.join('\n');
}
