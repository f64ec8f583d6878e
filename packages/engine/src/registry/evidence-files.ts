import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename, dirname, relative, resolve } from 'node:path';
import {
  type Manifest,
  type ManifestFile,
  parseManifest,
  parseReport,
  type RecordedMetric,
  type Report,
  UserError,
} from '@mlgate/core';
import { fileDigest } from '@mlgate/github';
import type { EventDetails } from './record.js';

/** A file the manifest records (a model file, a metrics file, the predictions), found and its sha256 checked. */
export interface ManifestArtifact {
  role: 'out' | 'metrics' | 'predictions';
  recorded: ManifestFile;
  /** Absolute path. */
  path: string;
}

/** A training manifest read for registration: the parsed manifest, where it is, and what the tag records of it. */
export interface RegisteredManifest {
  manifest: Manifest;
  /** Absolute path. */
  path: string;
  recorded: NonNullable<EventDetails['manifest']>;
  /** Every file the manifest records, each with the recorded sha256: the model being registered. */
  files: ManifestArtifact[];
}

/** A compare/validate report read for registration: its verdict is the version's gate evidence. */
export interface RegisteredReport {
  report: Report;
  /** Absolute path. */
  path: string;
  /** sha256 (hex) of the file's bytes. */
  digest: string;
}

/** What a version is registered with: the files, and the evidence the registering tag records of them. */
export interface RegistrationEvidence {
  manifest?: RegisteredManifest;
  report?: RegisteredReport;
  details: Pick<EventDetails, 'manifest' | 'gate' | 'metrics'>;
}

/**
 * Reads the manifest and the report a version is registered with (paths as the user gave them, relative to
 * `cwd`), and the evidence its tag records: the manifest's digest, the report's verdict and digest, key metrics.
 * Every file the manifest records must be there with its recorded sha256: this runs before anything is written,
 * so a model file changed (or lost) since training registers nothing.
 */
export async function readRegistrationEvidence(options: {
  manifest?: string;
  report?: string;
  cwd: string;
}): Promise<RegistrationEvidence> {
  const { cwd } = options;
  const manifest = options.manifest === undefined ? undefined : await readManifestFile(options.manifest, cwd);
  const report = options.report === undefined ? undefined : await readReportFile(options.report, cwd);
  const details: RegistrationEvidence['details'] = {
    ...(manifest && { manifest: manifest.recorded }),
    ...(report && {
      gate: {
        verdict: report.report.verdict.status,
        report: { digest: report.digest, location: options.report as string },
      },
    }),
    ...metricsOf(report?.report, manifest?.manifest),
  };
  return { ...(manifest && { manifest }), ...(report && { report }), details };
}

async function readManifestFile(shown: string, cwd: string): Promise<RegisteredManifest> {
  const path = resolve(cwd, shown);
  const bytes = await readInput(path, shown);
  const manifest = parseManifest(parseJson(bytes, shown), shown);
  return {
    manifest,
    path,
    files: await checkedArtifacts(manifest, path, shown, cwd),
    recorded: {
      digest: sha256(bytes),
      path: basename(shown),
      fingerprint: manifest.fingerprint,
      params: sha256(Buffer.from(JSON.stringify(manifest.params))),
    },
  };
}

async function readReportFile(shown: string, cwd: string): Promise<RegisteredReport> {
  const path = resolve(cwd, shown);
  const bytes = await readInput(path, shown);
  return { report: parseReport(parseJson(bytes, shown), shown), digest: sha256(bytes), path };
}

/**
 * The manifest's files, found where training wrote them and each checked against its recorded sha256. Their
 * paths are relative to the training's working directory: the manifest's own folder when it is where `train`
 * writes it, else `workingDirectory` (recorded relative to the repository root) under `cwd`.
 */
async function checkedArtifacts(
  manifest: Manifest,
  manifestPath: string,
  shown: string,
  cwd: string,
): Promise<ManifestArtifact[]> {
  const listed: Omit<ManifestArtifact, 'path'>[] = [
    ...manifest.outs.map((recorded) => ({ role: 'out' as const, recorded })),
    ...manifest.metricsFiles.map((recorded) => ({ role: 'metrics' as const, recorded })),
    ...(manifest.predictions ? [{ role: 'predictions' as const, recorded: manifest.predictions }] : []),
  ];
  const roots = [...new Set([dirname(manifestPath), resolve(cwd, manifest.workingDirectory)])];
  const digests = new Map<string, Awaited<ReturnType<typeof fileDigest>> | null>();
  const digestOf = async (path: string) => {
    if (!digests.has(path)) digests.set(path, await fileDigest(path).catch(() => null));
    return digests.get(path) ?? null;
  };
  let root = roots[0] as string;
  for (const candidate of roots) {
    const found = await Promise.all(listed.map((f) => digestOf(resolve(candidate, f.recorded.path))));
    if (found.every((digest) => digest !== null)) {
      root = candidate;
      break;
    }
  }
  const checked: ManifestArtifact[] = [];
  for (const file of listed) {
    const path = resolve(root, file.recorded.path);
    const where = relative(cwd, path) || path;
    const digest = await digestOf(path);
    if (digest === null) {
      throw new UserError(`records ${file.recorded.path}, which is not at ${where}; nothing was registered`, {
        file: shown,
      });
    }
    if (digest.sha256 !== file.recorded.sha256.toLowerCase()) {
      throw new UserError(
        `${where} has sha256 ${digest.sha256}, but the manifest recorded ${file.recorded.sha256}: ` +
          'the file changed after training, so it is not the model trained; nothing was registered',
        { file: shown },
      );
    }
    checked.push({ ...file, path });
  }
  return checked;
}

function parseJson(bytes: Buffer, shown: string): unknown {
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    throw new UserError(`is not JSON: ${(error as Error).message}`, { file: shown });
  }
}

async function readInput(path: string, shown: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory, not a file' : String(error),
      { file: shown },
    );
  }
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Key metrics with their intervals from the report's comparison; else the manifest's plain values. */
function metricsOf(report: Report | undefined, manifest: Manifest | undefined): Pick<EventDetails, 'metrics'> {
  const compared = report?.comparisons?.[0]?.metrics;
  if (compared && compared.length > 0) {
    const metrics: RecordedMetric[] = compared.slice(0, 200).map((m) => ({
      name: m.name,
      value: m.candidate,
      ...(m.baseline !== null && { baseline: m.baseline }),
      ...(m.ci && { ci: { low: m.ci.low, high: m.ci.high } }),
    }));
    return { metrics };
  }
  if (!manifest) return {};
  const metrics = Object.entries(manifest.metrics)
    .filter((entry): entry is [string, number] => typeof entry[1] === 'number' && Number.isFinite(entry[1]))
    .slice(0, 200)
    .map(([name, value]) => ({ name, value }));
  return metrics.length > 0 ? { metrics } : {};
}
