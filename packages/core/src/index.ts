export * from './errors.js';
export * from './report/types.js';
export { parseReport, reportJsonSchema } from './report/parse.js';
export { readReportFile, MAX_REPORT_BYTES } from './report/read.js';
export { mergeReports } from './report/merge.js';
export { worstStatus } from './report/status.js';
export { hasAnnotatableLines, rowAnnotations } from './report/row-annotations.js';
export type { RowAnnotation } from './report/row-annotations.js';
export { checkConclusion, reportForModel } from './report/per-model.js';
export type { CheckConclusion } from './report/per-model.js';
export type * from './config/types.js';
export { CONFIG_DEFAULTS, DEFAULT_STAGE_POLICY } from './config/defaults.js';
export { loadConfig, configJsonSchema, parseTolerance } from './config/load.js';
export { type ConfigSource, readConfigFile, readConfigSource, DEFAULT_CONFIG_FILE } from './config/read.js';
export * from './markdown/safe.js';
export * from './markdown/builder.js';
export {
  truncateMarkdown,
  defaultTruncationNote,
  DEFAULT_MAX_MARKDOWN_BYTES,
  type TruncationNote,
} from './markdown/truncate.js';
export {
  renderReportMarkdown,
  safeUrl,
  STATUS_EMOJI,
  type ArtifactLink,
  type MarkdownRenderOptions,
} from './render/markdown.js';
export { mermaidLabel, mermaidLineChart, uniqueMermaidLabels, type XyChartPoint } from './render/mermaid.js';
export { renderReportText } from './render/text.js';
export {
  renderReportHtml,
  reportCharts,
  scriptJson,
  type HtmlRenderOptions,
  type ReportChart,
  type VegaScripts,
} from './render/html.js';
export * from './render/format.js';
export * from './profile/index.js';
export * from './sketch/index.js';
export * from './compare/index.js';
export * from './gate/index.js';
export * from './registry/index.js';
export { formatOf, isGzipFile, readCsvColumns } from './data/source.js';
export { inspectDataFile, type DataFileShape, type InspectOptions } from './data/inspect.js';
export { parseShardSpec, splitShard, type ShardSpec } from './data/shard-spec.js';
export * from './checks/index.js';
export * from './validate/index.js';
export * from './drift/index.js';
export * from './manifest/index.js';
export { fileErrorMessage, requireFile } from './files/read-text.js';
export { checkOutputPath, writeFileAtomic } from './files/write-text.js';
export { closestMatch } from './json-schema/suggest.js';
