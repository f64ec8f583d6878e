import * as core from '@actions/core';
import { context } from '@actions/github';
import { escapeText, inlineCode, tableCell } from '@mlgate/core';
import type { Manifest } from '@mlgate/core';
import { resolveTrainOptions, runTrain } from '@mlgate/engine';
import { GitHubCacheStore, GitHubRunArtifactStore, createOctokit } from '@mlgate/github';
import type { Logger } from '@mlgate/github';
import { parseInputs } from './inputs.js';

export async function run({ logger }: { logger: Logger }): Promise<void> {
  const inputs = parseInputs();
  const options = await resolveTrainOptions(inputs, process.env.GITHUB_WORKSPACE ?? process.cwd());
  // The runner masks registered secrets in every log line, including the command's own output.
  for (const value of Object.values(options.env ?? {})) if (value.length >= 4) core.setSecret(value);
  const token = process.env.GITHUB_TOKEN ?? '';
  const cancel = new AbortController();
  process.once('SIGTERM', () => cancel.abort());
  process.once('SIGINT', () => cancel.abort());

  const { manifest, manifestPath, artifact } = await runTrain(
    { ...options, ...(inputs.artifactName !== undefined && { artifactName: inputs.artifactName }) },
    {
      logger,
      cache: new GitHubCacheStore(options.workingDirectory, logger),
      artifacts: new GitHubRunArtifactStore(createOctokit({ token, logger }), context.repo, { logger }),
      stdout: process.stdout,
      stderr: process.stderr,
      signal: cancel.signal,
    },
  );

  core.setOutput('fingerprint', manifest.fingerprint);
  core.setOutput('cache-hit', String(manifest.cache.hit));
  core.setOutput('manifest', manifestPath);
  core.setOutput('metrics', JSON.stringify(manifest.metrics));
  core.setOutput('artifact-id', String(artifact?.id ?? ''));
  core.setOutput('artifact-digest', artifact?.digest ?? '');
  await core.summary.addRaw(summary(manifest, artifact?.id), true).write();
}

/** Metric names and values come from the pull request's files: rendered inert. */
function summary(manifest: Manifest, artifactId: number | undefined): string {
  const how = manifest.cache.hit
    ? `restored from the run cache (trained ${escapeText(manifest.cache.restoredFrom?.startedAt ?? '')})`
    : 'trained';
  const metrics = Object.entries(manifest.metrics).map(
    ([name, value]) => `| ${tableCell(name)} | ${tableCell(String(value))} |`,
  );
  return [
    `### mlgate train: ${inlineCode(manifest.model)}`,
    '',
    `${how}; fingerprint \`${manifest.fingerprint}\`${artifactId === undefined ? '' : `, artifact ${artifactId}`}.`,
    '',
    ...(metrics.length > 0 ? ['| metric | value |', '| --- | --- |', ...metrics] : []),
    '',
  ].join('\n');
}
