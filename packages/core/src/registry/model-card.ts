import type { ModelCardConfig } from '../config/types.js';
import type { Manifest } from '../manifest/types.js';
import { bulletList, heading, table } from '../markdown/builder.js';
import { escapeText, inlineCode, tableCell } from '../markdown/safe.js';
import type { Profile } from '../profile/profile.js';
import {
  formatConfidence,
  formatCount,
  formatDelta,
  formatInterval,
  formatNumber,
  formatPercent,
  formatScalar,
} from '../render/format.js';
import type { ComparisonSection, MetricComparison, ValidationSection, Verdict } from '../report/types.js';

/** What a model card is made of; everything but the names is optional and its section says so when absent. */
export interface ModelCardInput {
  model: string;
  /** `v1.4.0`. */
  version: string;
  /** From the model's `card:` block in mlgate.yml. */
  card?: ModelCardConfig;
  /** The training run's lineage record. */
  manifest?: Manifest;
  /** The comparison the version was gated on: metrics with intervals against the baseline, and slices. */
  comparison?: ComparisonSection;
  verdict?: Pick<Verdict, 'status' | 'summary'>;
  /** Profiles of the data the model was trained or evaluated on, by dataset name. */
  profiles?: { dataset: string; profile: Profile }[];
  /** Validation results of those datasets (checks, drift). */
  validations?: ValidationSection[];
}

const MAX_PROFILE_COLUMNS = 50;
const MAX_SLICE_ROWS = 200;
const MAX_LINEAGE_FILES = 100;

/**
 * A model card in GitHub-flavoured Markdown (after Mitchell et al., "Model Cards for Model Reporting",
 * 2019: intended use, evaluation data, metrics, disaggregated results, caveats), rendered from the
 * config, the training manifest, the gate's comparison and the data profiles — never recomputed. Every
 * name and value from the repository or the data is rendered inert.
 */
export function renderModelCard(input: ModelCardInput): string {
  const { model, version } = input;
  const blocks = [
    heading(1, `Model card: ${inlineCode(model)} ${escapeText(version)}`),
    ...intendedUse(input),
    ...evaluation(input),
    ...slices(input.comparison),
    ...data(input),
    ...lineage(input.manifest),
  ];
  return `${blocks.join('\n\n')}\n`;
}

function intendedUse({ model, card }: ModelCardInput): string[] {
  const blocks = [heading(2, 'Intended use')];
  blocks.push(
    card?.intendedUse
      ? paragraphs(card.intendedUse)
      : `Not stated. Describe it in ${inlineCode('mlgate.yml')} under ${inlineCode(`models.${model}.card.intended_use`)}.`,
  );
  if (card?.limitations) blocks.push(heading(3, 'Limitations'), paragraphs(card.limitations));
  if (card?.owners && card.owners.length > 0)
    blocks.push(heading(3, 'Owners'), bulletList(card.owners.map(escapeText)));
  return blocks;
}

function evaluation({ comparison, manifest, verdict }: ModelCardInput): string[] {
  const blocks = [heading(2, 'Evaluation')];
  if (verdict) blocks.push(`Gate verdict: **${verdict.status}** — ${escapeText(verdict.summary)}`);
  if (comparison && comparison.metrics.length > 0) {
    const baseline = comparison.baseline ? inlineCode(comparison.baseline.label) : 'none (a first version)';
    blocks.push(
      `Compared with ${baseline}; intervals are ${formatConfidence(comparison.confidence)} confidence intervals of the change.`,
      metricsTable(comparison.metrics),
    );
    if (comparison.predictions) blocks.push(`Evaluated on ${formatCount(comparison.predictions.examples)} examples.`);
    return blocks;
  }
  const values = Object.entries(manifest?.metrics ?? {});
  if (values.length > 0) {
    blocks.push(
      'Metric values as the training run wrote them (no comparison was recorded, so there are no intervals).',
      table(
        ['Metric', 'Value'],
        values.map(([name, value]) => [
          tableCell(name),
          typeof value === 'number' ? formatNumber(value) : tableCell(formatScalar(value)),
        ]),
        ['left', 'right'],
      ),
    );
    return blocks;
  }
  blocks.push('No metrics were recorded for this version.');
  return blocks;
}

function metricsTable(metrics: readonly MetricComparison[]): string {
  return table(
    ['Metric', 'Value', 'Baseline', 'Change', 'Interval', 'Reading'],
    metrics.map((m) => [
      tableCell(m.name),
      formatNumber(m.candidate),
      formatNumber(m.baseline),
      formatDelta(m.delta, m.relative),
      formatInterval(m.ci),
      m.label + (m.note ? ` (${tableCell(m.note)})` : ''),
    ]),
    ['left', 'right', 'right', 'right', 'right', 'left'],
  );
}

function slices(comparison: ComparisonSection | undefined): string[] {
  const rows = (comparison?.slices ?? []).flatMap((slice) =>
    slice.metrics.map((m) => [
      `${tableCell(slice.column)} = ${tableCell(slice.value)}`,
      formatCount(slice.size),
      tableCell(m.name),
      formatNumber(m.candidate),
      formatDelta(m.delta, m.relative),
      formatInterval(m.ci),
      m.label,
    ]),
  );
  if (rows.length === 0) return [];
  const shown = rows.slice(0, MAX_SLICE_ROWS);
  return [
    heading(2, 'Slices'),
    table(['Slice', 'Size', 'Metric', 'Value', 'Change', 'Interval', 'Reading'], shown, [
      'left',
      'right',
      'left',
      'right',
      'right',
      'right',
      'left',
    ]),
    ...(rows.length > shown.length
      ? [`${formatCount(rows.length - shown.length)} more slice rows are not shown.`]
      : []),
  ];
}

function data({ profiles = [], validations = [] }: ModelCardInput): string[] {
  if (profiles.length === 0 && validations.length === 0) return [];
  const blocks = [heading(2, 'Data')];
  const names = [...new Set([...profiles.map((p) => p.dataset), ...validations.map((v) => v.dataset)])];
  for (const name of names) {
    blocks.push(heading(3, inlineCode(name)));
    const validation = validations.find((v) => v.dataset === name);
    if (validation) blocks.push(validationSummary(validation));
    const profile = profiles.find((p) => p.dataset === name)?.profile;
    if (profile) blocks.push(...profileSummary(profile));
  }
  return blocks;
}

function validationSummary(v: ValidationSection): string {
  const failing = v.checks.filter((c) => c.status !== 'pass').length;
  const parts = [
    `${formatCount(v.rows)} rows, ${formatCount(v.columns)} columns; validation **${v.status}**`,
    `${formatCount(v.checks.length)} checks, ${formatCount(failing)} not passing`,
  ];
  if (v.drift) {
    const drifted = v.drift.columns.filter((c) => c.drifted).map((c) => inlineCode(c.column));
    parts.push(
      drifted.length > 0
        ? `drift **${v.drift.status}** in ${drifted.join(', ')} (${formatPercent(v.drift.share)} of the columns)`
        : 'no column drifted from the reference',
    );
  }
  return `${parts.join('; ')}.`;
}

function profileSummary(profile: Profile): string[] {
  const rows = profile.columns.slice(0, MAX_PROFILE_COLUMNS).map((column) => {
    const s = column.summary();
    const numeric = s.type === 'integer' || s.type === 'number' ? s.numeric : null;
    const top = s.top[0];
    return [
      tableCell(column.name),
      s.type,
      s.nulls === 0 ? '0' : `${formatCount(s.nulls)} (${formatPercent(s.nullFraction)})`,
      `${s.distinctBounds ? '≈' : ''}${formatCount(s.distinct)}`,
      numeric ? `${formatNumber(numeric.min)} … ${formatNumber(numeric.max)}` : '-',
      numeric ? formatNumber(numeric.mean) : '-',
      top && !numeric ? `${tableCell(top.value, 40)} (${formatCount(top.count)})` : '-',
    ];
  });
  const more = profile.columns.length - rows.length;
  return [
    `Profile: ${formatCount(profile.rows)} rows, ${formatCount(profile.columns.length)} columns.`,
    table(['Column', 'Type', 'Nulls', 'Distinct', 'Range', 'Mean', 'Most frequent'], rows, [
      'left',
      'left',
      'right',
      'right',
      'right',
      'right',
      'left',
    ]),
    ...(more > 0 ? [`${formatCount(more)} more columns are not shown.`] : []),
  ];
}

function lineage(manifest: Manifest | undefined): string[] {
  const blocks = [heading(2, 'Lineage')];
  if (!manifest) return [...blocks, 'No training manifest was recorded for this version.'];
  const trained = manifest.cache.hit && manifest.cache.restoredFrom ? manifest.cache.restoredFrom : undefined;
  const git = trained?.git ?? manifest.git;
  const run = trained?.run ?? manifest.run;
  const facts = [
    `Commit: ${git.sha ? inlineCode(git.sha) : 'not in git'}${git.dirty ? ' (with uncommitted changes)' : ''}${git.ref ? ` on ${inlineCode(git.ref)}` : ''}`,
    `Run: ${run ? (run.url ? inlineCode(run.url) : `${inlineCode(run.id)} attempt ${escapeText(run.attempt)}`) : 'a local run'}`,
    `Trained: ${inlineCode(trained?.startedAt ?? manifest.startedAt)}${trained ? ' (this run restored the outputs from the run cache)' : ''}`,
    `Command: ${inlineCode(manifest.command)} in ${inlineCode(manifest.workingDirectory)}`,
    `Fingerprint: ${inlineCode(manifest.fingerprint)}`,
  ];
  blocks.push(bulletList(facts));
  const params = Object.entries(manifest.params).flatMap(([file, values]) =>
    Object.entries(values).map(([key, value]) => [tableCell(file), tableCell(key), tableCell(formatScalar(value))]),
  );
  if (params.length > 0) blocks.push(heading(3, 'Parameters'), table(['File', 'Key', 'Value'], params));
  const files = [
    ...manifest.deps.map((f) => ['input', f] as const),
    ...manifest.outs.map((f) => ['output', f] as const),
    ...manifest.metricsFiles.map((f) => ['metrics', f] as const),
    ...(manifest.predictions ? [['predictions', manifest.predictions] as const] : []),
  ];
  if (files.length > 0) {
    const shown = files.slice(0, MAX_LINEAGE_FILES);
    blocks.push(
      heading(3, 'Files'),
      table(
        ['Role', 'Path', 'Size', 'sha256'],
        shown.map(([role, f]) => [
          role,
          inlineCode(f.path, { table: true }),
          formatCount(f.size),
          inlineCode(f.sha256, { table: true }),
        ]),
        ['left', 'left', 'right', 'left'],
      ),
      ...(files.length > shown.length ? [`${formatCount(files.length - shown.length)} more files are not shown.`] : []),
    );
  }
  return blocks;
}

/** Free text from the config: paragraphs kept, everything else inert. */
function paragraphs(text: string): string {
  return text
    .trim()
    .split(/\n\s*\n/)
    .map((p) => escapeText(p.replace(/\s*\n\s*/g, ' ')))
    .join('\n\n');
}
