import { writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { escapeText, inlineCode, type ModelCardConfig, renderModelCard } from '@mlgate/core';
import type { ReleaseAsset, ReleaseSpec } from '@mlgate/github';
import type { RegistrationEvidence } from './evidence-files.js';
import { MANIFEST_FILE } from './promote.js';

/** The model card's asset name in every release. */
export const MODEL_CARD_FILE = 'MODEL_CARD.md';

/**
 * The release of a registered version: its model files (the manifest's outs), the manifest, the metrics and
 * predictions files and the report, each with the sha256 the manifest (or the registering tag) recorded, so a
 * file that changed since training publishes nothing; and a model card rendered from the config, the manifest
 * and the report, written into `workDir`. The manifest's files are where `readRegistrationEvidence` found them.
 */
export async function versionReleaseSpec(options: {
  tag: string;
  model: string;
  version: string;
  evidence: RegistrationEvidence;
  card?: ModelCardConfig;
  workDir: string;
}): Promise<ReleaseSpec> {
  const { tag, model, version, evidence, workDir } = options;
  const { manifest, report } = evidence;
  const assets: ReleaseAsset[] = [];
  if (manifest) {
    assets.push(
      ...manifest.files.map((file) => ({
        name: basename(file.recorded.path),
        path: file.path,
        sha256: file.recorded.sha256,
      })),
    );
    assets.push({
      name: manifest.recorded.path ?? MANIFEST_FILE,
      path: manifest.path,
      sha256: manifest.recorded.digest,
    });
  }
  if (report) assets.push({ name: basename(report.path), path: report.path, sha256: report.digest });
  const comparison = report?.report.comparisons?.[0];
  const card = renderModelCard({
    model,
    version,
    ...(options.card && { card: options.card }),
    ...(manifest && { manifest: manifest.manifest }),
    ...(comparison && { comparison }),
    ...(report && { verdict: report.report.verdict }),
    ...(report?.report.validations && { validations: report.report.validations }),
  });
  const cardPath = join(workDir, MODEL_CARD_FILE);
  await writeFile(cardPath, card);
  assets.push({ name: MODEL_CARD_FILE, path: cardPath });
  const verdict = report ? ` Gate verdict: **${escapeText(report.report.verdict.status)}**.` : '';
  return {
    tag,
    name: tag,
    body: `${inlineCode(model)} ${escapeText(version)}, registered by mlgate.${verdict} See ${inlineCode(MODEL_CARD_FILE)}.\n`,
    assets,
  };
}
