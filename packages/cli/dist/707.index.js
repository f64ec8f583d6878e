export const id = 707;
export const ids = [707];
export const modules = {

/***/ 98707:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Kzg: () => (/* reexport */ DEFAULT_COLUMN_NAMES),
  CuT: () => (/* reexport */ DEFAULT_CONFIG_FILE),
  _3Q: () => (/* reexport */ DEFAULT_STAGE_POLICY),
  EgA: () => (/* reexport */ FIRST_VERSION),
  SJY: () => (/* reexport */ MANIFEST_SCHEMA_ID),
  ELO: () => (/* reexport */ MAX_EXACT_VALUES),
  ypR: () => (/* reexport */ MAX_REPORTED_ISSUES),
  UbM: () => (/* reexport */ MODEL_NAME),
  WVQ: () => (/* reexport */ Profile),
  iWy: () => (/* reexport */ REGISTRY_NAME),
  PPP: () => (/* reexport */ REPORT_SCHEMA_ID),
  yot: () => (/* reexport */ errors_UserError),
  rcs: () => (/* reexport */ attachDrift),
  BxA: () => (/* reexport */ bumpVersion),
  q6i: () => (/* reexport */ canJoinShards),
  $bE: () => (/* reexport */ checkOutputPath),
  h0v: () => (/* reexport */ closestMatch),
  cqX: () => (/* reexport */ comparePredictions),
  ftd: () => (/* reexport */ deltasInThread),
  AtY: () => (/* reexport */ describeSkipped),
  fzf: () => (/* reexport */ detectDriftDetailed),
  Rh$: () => (/* reexport */ diffMetrics),
  Gmu: () => (/* reexport */ diffParams),
  DR4: () => (/* reexport */ evaluateGate),
  eZc: () => (/* reexport */ fileErrorMessage),
  CcZ: () => (/* reexport */ formatLocated),
  beb: () => (/* reexport */ source_formatOf),
  Pac: () => (/* reexport */ formatRegistryEvent),
  jMk: () => (/* reexport */ formatRegistryTag),
  UqO: () => (/* reexport */ gateMetricProblems),
  _AX: () => (/* reexport */ inferSchema),
  B0B: () => (/* reexport */ inspectDataFile),
  xBn: () => (/* reexport */ isGzipFile),
  uI7: () => (/* reexport */ isPassCheck),
  FMx: () => (/* reexport */ isSavedProfile),
  iU5: () => (/* reexport */ isUserError),
  lFp: () => (/* reexport */ isVersion),
  VtD: () => (/* reexport */ jobDeltas),
  zYW: () => (/* reexport */ joinValidationPasses),
  X2K: () => (/* reexport */ judgeValidation),
  CGn: () => (/* reexport */ labelSetDifference),
  Z9L: () => (/* reexport */ loadConfig),
  NsH: () => (/* reexport */ mergeProfiles),
  C1p: () => (/* reexport */ mergeReports),
  NJu: () => (/* reexport */ metricHistory),
  QI4: () => (/* reexport */ missingEvidence),
  LEf: () => (/* reexport */ modelInTag),
  Q3Q: () => (/* reexport */ nextCounter),
  Ngi: () => (/* reexport */ parseManifest),
  MM$: () => (/* reexport */ parseReport),
  d7Y: () => (/* reexport */ parseShardSpec),
  n_Q: () => (/* reexport */ predictionsReading),
  aCN: () => (/* reexport */ profileFile),
  Dtn: () => (/* reexport */ profileStats),
  jTC: () => (/* reexport */ rawProfileBuffers),
  dek: () => (/* reexport */ readCheckSuite),
  azy: () => (/* reexport */ readConfigSource),
  Gnb: () => (/* reexport */ readCsvColumns),
  _cD: () => (/* reexport */ readMetricsFile),
  R_H: () => (/* reexport */ readPredictions),
  CIG: () => (/* reexport */ readProfileFile),
  $hs: () => (/* reexport */ readReportFile),
  k_q: () => (/* reexport */ readTagMessage),
  zWd: () => (/* reexport */ registryState),
  Nmh: () => (/* reexport */ renderProfileText),
  Y8A: () => (/* reexport */ renderReportHtml),
  Ay2: () => (/* reexport */ renderReportMarkdown),
  UvZ: () => (/* reexport */ renderReportText),
  GzO: () => (/* reexport */ requireFile),
  D$n: () => (/* reexport */ schemaDriftOptions),
  vlU: () => (/* reexport */ splitShard),
  aWt: () => (/* reexport */ trainCacheKey),
  Nf2: () => (/* reexport */ trainFingerprint),
  oIb: () => (/* reexport */ validatePass),
  qWO: () => (/* reexport */ validationReport),
  A4E: () => (/* reexport */ status_worstStatus),
  Zf6: () => (/* reexport */ writeFileAtomic)
});

// UNUSED EXPORTS: CHATOPS_USAGE, CONFIG_DEFAULTS, ColumnProfile, ConditionMask, DEFAULT_CLASS_SCORE_PREFIX, DEFAULT_EFFECT_THRESHOLDS, DEFAULT_EXACT_LIMIT, DEFAULT_EXACT_VALUES, DEFAULT_GRID_BINS, DEFAULT_HISTOGRAM_BINS, DEFAULT_HLL_PRECISION, DEFAULT_MAX_ALLOWED, DEFAULT_MAX_DISTINCT, DEFAULT_MAX_ERRORS, DEFAULT_MAX_EXAMPLES, DEFAULT_MAX_MARKDOWN_BYTES, DEFAULT_SLICE_RESAMPLES, DEFAULT_TOP_VALUES, DISTRIBUTION_BINS, DISTRIBUTION_CATEGORIES, ExactValues, FrequentItems, Histogram, HyperLogLog, IDENTIFIER_DISTINCT_SHARE, JOIN_EXAMPLES, MAX_DETECTED_CLASSES, MAX_HISTOGRAM_BINS, MAX_METRICS_FILE_BYTES, MAX_NUMERIC_CATEGORIES, MAX_PROFILE_BYTES, MAX_REPORTED_EXAMPLES, MAX_REPORT_BYTES, MIN_EXPECTED, MIN_IDENTIFIER_VALUES, MISSING_SLICE_VALUE, Moments, OTHER_BUCKET, PROFILE_SCHEMA, PSI_BINS, ProfileBuilder, QUANTILE_METHODS, REGISTRY_EVENT_SCHEMA_ID, RowChecker, SCORE_THRESHOLD, STATUS_EMOJI, SUPPORTED_EXPECTATIONS, SeededRandom, TRAIN_FORMAT_VERSION, TYPE_THRESHOLD, VALUE_KINDS, VALUE_TYPES, ValueGrid, binEdges, binaryClassIndex, booleanKey, bulletList, categoryDistribution, categorySides, categoryTable, checkConclusion, checksFromSchema, classIndex, clipText, codeBlock, columnStatsOf, compareMetric, compareNumbers, compareVersions, compilePattern, configJsonSchema, dataSchemaJsonSchema, defaultTruncationNote, describeRowCheck, details, detectDrift, detectTask, escapeHtml, escapeText, evaluateChecks, findRule, flattenDocument, formatConfidence, formatCount, formatDelta, formatInterval, formatNumber, formatPValue, formatPercent, formatScalar, formatSigned, hasAnnotatableLines, hashBytes, hashNumber, hashString, heading, histogramDistribution, inferType, inlineCode, isGxSuite, isRowCheck, joinPredictions, joinRowOutcomes, joinShardProfiles, judgeRegression, loadCheckSuite, loadDataSchema, loadGxSuite, manifestJsonSchema, mermaidLabel, mermaidLineChart, metricDirection, metricsFormat, numericPsi, parseChatopsCommand, parseDateTime, parseIsoDateTime, parseMetricsText, parseRegistryTag, parseRowCondition, parseTolerance, readConfigFile, registryEventJsonSchema, renderModelCard, reportCharts, reportForModel, reportJsonSchema, resolveSemantics, rowAnnotations, safeUrl, sanitizeText, scriptJson, sigmoid, skippedResult, table, tableCell, textKey, truncateMarkdown, uniqueMermaidLabels, validateFile, validationVerdict

;// CONCATENATED MODULE: ./packages/core/src/errors.ts
/**
 * A problem the user can fix: bad input, configuration or data. Actions report it as a one-line
 * `::error::` (with file/line when known) and exit 1; the CLI exits 2. Anything else that is
 * thrown is an internal failure, i.e. a bug in mlgate.
 */
class errors_UserError extends Error {
    location;
    constructor(message, location = {}) {
        super(message);
        this.name = 'UserError';
        this.location = location;
    }
    /** `file:line:column: key: message`, omitting the parts that are unknown. */
    toString() {
        return formatLocated(this.message, this.location);
    }
}
function formatLocated(message, { file, line, column, path }) {
    let where = file ?? '';
    if (file && line !== undefined)
        where += `:${line}${column !== undefined ? `:${column}` : ''}`;
    if (path)
        where = where ? `${where}: ${path}` : path;
    return where ? `${where}: ${message}` : message;
}
function isUserError(error) {
    return error instanceof errors_UserError;
}

;// CONCATENATED MODULE: ./packages/core/src/report/types.ts
/**
 * The mlgate report (`mlgate/report@1`): what validate and compare write, what report merges and
 * renders. Sections are optional so each step writes only what it knows; the markdown comment,
 * check run, job summary and text output are all rendered from this, never computed separately.
 * The JSON Schema in `schemas/report.schema.json` is the contract; these types mirror it.
 */
const REPORT_SCHEMA_ID = 'mlgate/report@1';

;// CONCATENATED MODULE: ./packages/core/schemas/report.schema.json
const report_schema_namespaceObject = /*#__PURE__*/JSON.parse('{"$schema":"http://json-schema.org/draft-07/schema#","title":"mlgate report (mlgate/report@1)","description":"What mlgate validate, compare and report write and read. Reports may come from untrusted pull requests, so every string, array and number is bounded.","type":"object","additionalProperties":false,"required":["schema","createdAt","verdict"],"properties":{"schema":{"const":"mlgate/report@1"},"createdAt":{"$ref":"#/definitions/timestamp"},"subject":{"$ref":"#/definitions/subject"},"verdict":{"$ref":"#/definitions/verdict"},"validations":{"type":"array","maxItems":100,"items":{"$ref":"#/definitions/validation"}},"comparisons":{"type":"array","maxItems":100,"items":{"$ref":"#/definitions/comparison"}}},"definitions":{"name":{"type":"string","minLength":1,"maxLength":256},"text":{"type":"string","maxLength":4096},"path":{"type":"string","minLength":1,"maxLength":1024},"status":{"enum":["pass","warn","fail"]},"fraction":{"type":"number","minimum":0,"maximum":1},"count":{"type":"integer","minimum":0},"lineNumber":{"type":"integer","minimum":1},"nullableNumber":{"type":["number","null"]},"scalar":{"anyOf":[{"type":["number","boolean","null"]},{"type":"string","maxLength":1024}],"errorMessage":"must be a number, a boolean, null or a string of at most 1024 characters"},"timestamp":{"type":"string","maxLength":40,"pattern":"^\\\\d{4}-\\\\d{2}-\\\\d{2}T\\\\d{2}:\\\\d{2}:\\\\d{2}(\\\\.\\\\d{1,9})?(Z|[+-]\\\\d{2}:\\\\d{2})$","patternErrorMessage":"must be an ISO 8601 date-time such as 2026-01-31T12:00:00Z"},"subject":{"type":"object","additionalProperties":false,"properties":{"repository":{"type":"string","maxLength":200,"pattern":"^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$","patternErrorMessage":"must be owner/name"},"sha":{"type":"string","pattern":"^[0-9a-f]{7,64}$","patternErrorMessage":"must be a lowercase hexadecimal commit SHA"},"ref":{"type":"string","minLength":1,"maxLength":512},"pullRequest":{"type":"integer","minimum":1},"runId":{"type":"integer","minimum":1},"runAttempt":{"type":"integer","minimum":1},"workflow":{"type":"string","minLength":1,"maxLength":512}}},"verdict":{"type":"object","additionalProperties":false,"required":["status","summary","reasons"],"properties":{"status":{"enum":["pass","warn","fail","skipped"]},"summary":{"$ref":"#/definitions/text"},"reasons":{"type":"array","maxItems":10000,"items":{"$ref":"#/definitions/reason"}}}},"reason":{"type":"object","additionalProperties":false,"required":["rule","status","message"],"properties":{"rule":{"$ref":"#/definitions/name"},"status":{"$ref":"#/definitions/status"},"message":{"$ref":"#/definitions/text"},"model":{"$ref":"#/definitions/name"},"dataset":{"$ref":"#/definitions/name"},"metric":{"$ref":"#/definitions/name"},"column":{"$ref":"#/definitions/name"}}},"validation":{"type":"object","additionalProperties":false,"required":["dataset","rows","columns","status","checks"],"properties":{"dataset":{"$ref":"#/definitions/name"},"rows":{"$ref":"#/definitions/count"},"columns":{"$ref":"#/definitions/count"},"status":{"$ref":"#/definitions/status"},"checks":{"type":"array","maxItems":10000,"items":{"$ref":"#/definitions/check"}},"issues":{"type":"array","maxItems":1000,"items":{"$ref":"#/definitions/issue"}},"drift":{"$ref":"#/definitions/drift"}}},"check":{"type":"object","additionalProperties":false,"required":["check","status","message"],"properties":{"check":{"$ref":"#/definitions/name"},"column":{"$ref":"#/definitions/name"},"status":{"$ref":"#/definitions/status"},"message":{"$ref":"#/definitions/text"},"observed":{"$ref":"#/definitions/scalar"},"observed_value":{"description":"The observed value as Great Expectations reports it (result.observed_value).","anyOf":[{"$ref":"#/definitions/scalar"},{"type":"object","additionalProperties":false,"required":["quantiles","values"],"properties":{"quantiles":{"type":"array","maxItems":1000,"items":{"type":"number"}},"values":{"type":"array","maxItems":1000,"items":{"type":["number","null"]}}}}]},"expected":{"type":"string","maxLength":1024},"unexpectedCount":{"$ref":"#/definitions/count"},"unexpectedFraction":{"$ref":"#/definitions/fraction"},"examples":{"type":"array","maxItems":20,"items":{"type":"object","additionalProperties":false,"required":["value"],"properties":{"line":{"$ref":"#/definitions/lineNumber"},"value":{"type":"string","maxLength":1024}}}}}},"issue":{"type":"object","additionalProperties":false,"required":["file","line","message"],"properties":{"file":{"$ref":"#/definitions/path"},"line":{"$ref":"#/definitions/lineNumber"},"column":{"$ref":"#/definitions/lineNumber"},"message":{"$ref":"#/definitions/text"}}},"drift":{"type":"object","additionalProperties":false,"required":["status","share","threshold","columns"],"properties":{"status":{"$ref":"#/definitions/status"},"share":{"$ref":"#/definitions/fraction"},"threshold":{"$ref":"#/definitions/fraction"},"columns":{"type":"array","maxItems":10000,"items":{"$ref":"#/definitions/columnDrift"}},"skipped":{"type":"array","maxItems":10000,"items":{"$ref":"#/definitions/driftSkip"}}}},"driftSkip":{"type":"object","additionalProperties":false,"required":["column","reason","status","message"],"properties":{"column":{"$ref":"#/definitions/name"},"reason":{"enum":["missing-in-reference","missing-in-current","type-changed","no-values","datetime","identifier"]},"status":{"$ref":"#/definitions/status"},"message":{"$ref":"#/definitions/text"}}},"columnDrift":{"type":"object","additionalProperties":false,"required":["column","test","statistic","effect","drifted"],"properties":{"column":{"$ref":"#/definitions/name"},"test":{"enum":["ks","chi2","psi","jensen-shannon","wasserstein"]},"statistic":{"type":"number"},"pValue":{"$ref":"#/definitions/fraction"},"effect":{"type":"object","additionalProperties":false,"required":["name","value","threshold"],"properties":{"name":{"$ref":"#/definitions/name"},"value":{"type":"number"},"threshold":{"type":"number"}}},"drifted":{"type":"boolean"},"method":{"enum":["ks-exact","ks-asymptotic","chi2","chi2-yates","fisher-exact","none"]},"bounds":{"type":"object","additionalProperties":false,"required":["statistic","effect"],"properties":{"statistic":{"$ref":"#/definitions/interval"},"effect":{"$ref":"#/definitions/interval"}}},"note":{"$ref":"#/definitions/text"},"distribution":{"$ref":"#/definitions/driftDistribution"}}},"driftDistribution":{"description":"A column\'s values on both sides over shared cells, for the HTML report\'s drift chart.","oneOf":[{"type":"object","additionalProperties":false,"required":["kind","edges","reference","current"],"properties":{"kind":{"const":"histogram"},"edges":{"type":"array","minItems":2,"maxItems":101,"items":{"type":"number"}},"reference":{"$ref":"#/definitions/distributionCounts"},"current":{"$ref":"#/definitions/distributionCounts"},"time":{"type":"boolean"}}},{"type":"object","additionalProperties":false,"required":["kind","categories","reference","current"],"properties":{"kind":{"const":"categories"},"categories":{"type":"array","maxItems":100,"items":{"type":"string","maxLength":256}},"reference":{"$ref":"#/definitions/distributionCounts"},"current":{"$ref":"#/definitions/distributionCounts"},"other":{"type":"object","additionalProperties":false,"required":["reference","current"],"properties":{"reference":{"$ref":"#/definitions/count"},"current":{"$ref":"#/definitions/count"}}}}}]},"distributionCounts":{"type":"array","maxItems":100,"items":{"$ref":"#/definitions/count"}},"interval":{"type":"array","minItems":2,"maxItems":2,"items":{"type":"number"}},"revision":{"type":"object","additionalProperties":false,"required":["label"],"properties":{"label":{"$ref":"#/definitions/name"},"source":{"$ref":"#/definitions/path"},"lineage":{"$ref":"#/definitions/lineage"}}},"lineage":{"description":"Which inputs and which run produced a candidate trained by mlgate (from its mlgate/manifest@1).","type":"object","additionalProperties":false,"required":["fingerprint","commit","dirty","run","trainedAt","cacheHit"],"properties":{"fingerprint":{"type":"string","pattern":"^[0-9a-f]{64}$"},"commit":{"type":["string","null"],"maxLength":100},"dirty":{"type":["boolean","null"]},"run":{"type":["string","null"],"maxLength":2048},"trainedAt":{"type":"string","maxLength":100},"cacheHit":{"type":"boolean"}}},"comparison":{"type":"object","additionalProperties":false,"required":["model","baseline","candidate","confidence","metrics"],"properties":{"model":{"$ref":"#/definitions/name"},"baseline":{"description":"null when there is no baseline yet (first run).","anyOf":[{"type":"null"},{"$ref":"#/definitions/revision"}],"errorMessage":"must be null or an object with a label"},"candidate":{"$ref":"#/definitions/revision"},"confidence":{"type":"number","exclusiveMinimum":0,"exclusiveMaximum":1},"predictions":{"$ref":"#/definitions/predictionsReading"},"metrics":{"type":"array","maxItems":1000,"items":{"$ref":"#/definitions/metric"}},"slices":{"type":"array","maxItems":10000,"items":{"type":"object","additionalProperties":false,"required":["column","value","size","metrics"],"properties":{"column":{"$ref":"#/definitions/name"},"value":{"type":"string","maxLength":1024},"size":{"$ref":"#/definitions/count"},"metrics":{"type":"array","maxItems":1000,"items":{"$ref":"#/definitions/metric"}}}}},"params":{"type":"array","maxItems":10000,"items":{"type":"object","additionalProperties":false,"required":["name","baseline","candidate"],"properties":{"name":{"$ref":"#/definitions/name"},"baseline":{"$ref":"#/definitions/scalar"},"candidate":{"$ref":"#/definitions/scalar"}}}},"history":{"$ref":"#/definitions/metricHistory"}}},"metricHistory":{"description":"One metric of the model\'s registered versions, oldest first; the candidate\'s value is the comparison\'s metric of the same name.","type":"object","additionalProperties":false,"required":["metric","versions"],"properties":{"metric":{"$ref":"#/definitions/name"},"versions":{"type":"array","maxItems":100,"items":{"type":"object","additionalProperties":false,"required":["version","value"],"properties":{"version":{"$ref":"#/definitions/name"},"value":{"$ref":"#/definitions/nullableNumber"},"interval":{"description":"The change\'s interval against that version\'s own baseline, moved onto the value.","type":"object","additionalProperties":false,"required":["low","high"],"properties":{"low":{"type":"number"},"high":{"type":"number"}}},"stages":{"type":"array","maxItems":100,"items":{"$ref":"#/definitions/name"}},"registeredAt":{"$ref":"#/definitions/timestamp"}}}}}},"predictionsReading":{"description":"How predictions were read: the task, the classes, the positive class and what the scores are.","type":"object","additionalProperties":false,"required":["task","taskSource","examples"],"properties":{"task":{"enum":["binary","multiclass","regression"]},"taskSource":{"enum":["configured","detected"]},"taskReason":{"description":"Why the task was detected as it was.","$ref":"#/definitions/text"},"classes":{"type":"array","maxItems":10000,"items":{"type":"string","maxLength":1024}},"positiveClass":{"type":"string","maxLength":1024},"positiveClassSource":{"enum":["configured","default"]},"scoreType":{"enum":["probability","logit","decision","unknown"]},"scoreTypeSource":{"enum":["configured","detected"]},"scoreRange":{"type":"array","minItems":2,"maxItems":2,"items":{"type":"number"}},"examples":{"description":"Examples both models were scored on.","$ref":"#/definitions/count"},"notes":{"description":"Why metrics of the task are absent.","type":"array","maxItems":100,"items":{"$ref":"#/definitions/text"}}}},"metric":{"type":"object","additionalProperties":false,"required":["name","direction","baseline","candidate","delta","relative","label"],"properties":{"name":{"$ref":"#/definitions/name"},"direction":{"description":"Which way is better; unknown when mlgate cannot tell (changes read changed).","enum":["higher","lower","unknown"]},"baseline":{"$ref":"#/definitions/nullableNumber"},"candidate":{"$ref":"#/definitions/nullableNumber"},"delta":{"description":"candidate - baseline","$ref":"#/definitions/nullableNumber"},"relative":{"description":"(candidate - baseline) / |baseline| as a fraction (0.05 = +5%)","$ref":"#/definitions/nullableNumber"},"ci":{"description":"Confidence interval of delta at the comparison\'s confidence level.","type":"object","additionalProperties":false,"required":["low","high","method"],"properties":{"low":{"type":"number"},"high":{"type":"number"},"method":{"$ref":"#/definitions/name"}}},"pValue":{"$ref":"#/definitions/fraction"},"label":{"enum":["improved","regressed","within-noise","unchanged","changed","new","removed","undefined"]},"note":{"description":"Why the metric is undefined (label undefined).","$ref":"#/definitions/text"}}}}}');
;// CONCATENATED MODULE: ./packages/core/src/json-schema/path.ts
const MAX_KEY_CHARS = 64;
/**
 * Splits an ajv `instancePath` (a JSON Pointer) into segments, turning a segment into a number
 * where the value it steps into is an array, so paths print as `checks[3]`, not `checks.3`.
 */
function pointerToSegments(pointer, root) {
    if (pointer === '')
        return [];
    const segments = [];
    let node = root;
    for (const raw of pointer.slice(1).split('/')) {
        const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
        if (Array.isArray(node) && /^(0|[1-9]\d*)$/.test(key)) {
            const index = Number(key);
            segments.push(index);
            node = node[index];
        }
        else {
            segments.push(key);
            node = isRecord(node) ? node[key] : undefined;
        }
    }
    return segments;
}
/** `$.validations[0].checks[3].status`; odd keys as `$["a b"]`. */
function formatJsonPath(segments) {
    return '$' + segments.map((segment) => formatSegment(segment, /^[A-Za-z_$][A-Za-z0-9_$]*$/)).join('');
}
/**
 * `gate.metrics.auc` for configuration keys, which users know by the names they typed (model
 * names like `churn-v2` stay bare); keys containing dots or spaces are quoted.
 */
function formatKeyPath(segments) {
    const path = segments.map((segment) => formatSegment(segment, /^[A-Za-z0-9_][A-Za-z0-9_/-]*$/)).join('');
    return path.startsWith('.') ? path.slice(1) : path;
}
/** A key from an untrusted document, quoted and bounded for use in a one-line message. */
function quoteKey(key) {
    const chars = Array.from(key);
    const bounded = chars.length > MAX_KEY_CHARS ? chars.slice(0, MAX_KEY_CHARS).join('') + '…' : key;
    return JSON.stringify(bounded);
}
function formatSegment(segment, bare) {
    if (typeof segment === 'number')
        return `[${segment}]`;
    return bare.test(segment) && segment.length <= MAX_KEY_CHARS ? `.${segment}` : `[${quoteKey(segment)}]`;
}
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// EXTERNAL MODULE: ./node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/ajv.js
var ajv = __webpack_require__(96223);
var ajv_default = /*#__PURE__*/__webpack_require__.n(ajv);
;// CONCATENATED MODULE: ./packages/core/src/json-schema/suggest.ts
/**
 * The candidate a typo most likely meant: the one at the smallest edit distance, if that distance
 * is small for the word's length (one edit for short words, up to a third of the letters for long).
 */
function closestMatch(word, candidates) {
    const budget = Math.max(1, Math.floor(word.length / 3));
    let best;
    let bestDistance = budget + 1;
    for (const candidate of candidates) {
        // The length difference is a lower bound on the distance: skip hopeless (and huge) keys cheaply.
        if (Math.abs(candidate.length - word.length) > budget)
            continue;
        const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
        if (distance < bestDistance) {
            best = candidate;
            bestDistance = distance;
        }
    }
    return best;
}
/** Optimal string alignment distance: Levenshtein plus adjacent transpositions (`mni` → `min` is one edit). */
function editDistance(a, b) {
    const rows = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
    const at = (i, j) => rows[i]?.[j] ?? Number.POSITIVE_INFINITY;
    for (let i = 1; i <= a.length; i++) {
        const row = rows[i];
        for (let j = 1; j <= b.length; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            let distance = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
                distance = Math.min(distance, at(i - 2, j - 2) + 1);
            }
            row[j] = distance;
        }
    }
    return at(a.length, b.length);
}

;// CONCATENATED MODULE: ./packages/core/src/json-schema/validator.ts



const Ajv = (ajv_default())["default"];
/**
 * Keywords that editors (VS Code, yaml-language-server) read for their own messages; we register them
 * so the published schema can carry them and our messages match what the editor shows.
 */
const EDITOR_KEYWORDS = ['errorMessage', 'patternErrorMessage', 'markdownDescription'];
/** A branch of `anyOf` whose value has the wrong shape at its root is not the branch the author meant. */
const ROOT_MISMATCH = new Set(['type', 'const', 'enum']);
/**
 * Compiles `schema` on first use and returns a function listing the meaningful problems of a
 * document, in ajv's evaluation order. `anyOf` failures are resolved to the branch whose shape the
 * value has (so `[1]` against "path or list of paths" says `[0]: must be a string`), or to one
 * message for the whole union when no branch fits.
 */
function createSchemaValidator(schema, name, { vocabulary = 'json' } = {}) {
    let compiled;
    return (data) => {
        compiled ??= compile(schema, name);
        if (compiled.validate(data))
            return [];
        return new Explainer(compiled, name, data, vocabulary).explain(compiled.validate.errors ?? []);
    };
}
function compile(schema, name) {
    const ajv = new Ajv({ allErrors: true, verbose: true, strict: true, strictNumbers: true, allowUnionTypes: true });
    for (const keyword of EDITOR_KEYWORDS)
        ajv.addKeyword(keyword);
    ajv.addSchema(schema, name);
    const validate = ajv.getSchema(name);
    if (!validate)
        throw new Error(`schema ${name} did not compile`);
    return { ajv, validate, pointers: subschemaPointers(schema) };
}
// ajv restarts `schemaPath` inside each `$ref`'d definition, so a branch is found by identity instead.
function subschemaPointers(schema) {
    const pointers = new WeakMap();
    const visit = (node, pointer) => {
        if (typeof node !== 'object' || node === null || pointers.has(node))
            return;
        pointers.set(node, pointer);
        for (const [key, child] of Object.entries(node)) {
            visit(child, `${pointer}/${encodeURIComponent(key.replace(/~/g, '~0').replace(/\//g, '~1'))}`);
        }
    };
    visit(schema, '');
    return pointers;
}
class Explainer {
    compiled;
    name;
    root;
    vocabulary;
    constructor(compiled, name, root, vocabulary) {
        this.compiled = compiled;
        this.name = name;
        this.root = root;
        this.vocabulary = vocabulary;
    }
    explain(errors) {
        // ajv reports every failed anyOf branch's errors just before the anyOf error itself; those
        // belong to the union and are replaced by its resolution.
        const consumed = new Set();
        const resolved = new Map();
        errors.forEach((error, index) => {
            if (error.keyword !== 'anyOf')
                return;
            const branches = this.branchErrors(error);
            const inner = branches.reduce((sum, branch) => sum + branch.length, 0);
            for (let i = Math.max(0, index - inner); i < index; i++)
                consumed.add(i);
            resolved.set(index, this.resolveAnyOf(error, branches));
        });
        return errors.flatMap((error, index) => (consumed.has(index) ? [] : (resolved.get(index) ?? this.describe(error))));
    }
    branchErrors(error) {
        const branches = Array.isArray(error.schema) ? error.schema : [];
        const pointer = this.compiled.pointers.get(branches);
        return branches.map((_, i) => {
            const validate = pointer === undefined ? undefined : this.compiled.ajv.getSchema(`${this.name}#${pointer}/${i}`);
            if (!validate || validate(error.data))
                return [];
            return (validate.errors ?? []).map((inner) => ({
                ...inner,
                instancePath: error.instancePath + inner.instancePath,
            }));
        });
    }
    resolveAnyOf(error, branches) {
        const fits = branches.find((branch) => !branch.some((inner) => inner.instancePath === error.instancePath && ROOT_MISMATCH.has(inner.keyword)));
        if (fits)
            return this.explain(fits);
        const custom = schemaString(error.parentSchema, 'errorMessage');
        const types = branches.flatMap((branch) => branch.filter((inner) => inner.keyword === 'type' && inner.instancePath === error.instancePath));
        const message = custom ?? `must be ${this.typesPhrase(types.flatMap((inner) => typeList(inner.params)))}`;
        return [{ path: this.path(error), message }];
    }
    describe(error) {
        const path = this.path(error);
        const params = error.params;
        // Each bad key yields its own inner errors (carrying `propertyName`) followed by a generic wrapper.
        if (error.keyword === 'propertyNames')
            return [];
        if (typeof error.propertyName === 'string') {
            const key = error.propertyName;
            return [{ path, key, message: `invalid key ${quoteKey(key)}: ${this.message(error)}` }];
        }
        if (error.keyword === 'additionalProperties') {
            const key = String(params.additionalProperty);
            return [{ path, key, message: unknownKeyMessage(key, error.parentSchema) }];
        }
        return [{ path, message: this.message(error) }];
    }
    message(error) {
        const params = error.params;
        const limit = Number(params.limit);
        switch (error.keyword) {
            case 'type':
                return `must be ${this.typesPhrase(typeList(params))}`;
            case 'enum':
                return `must be one of ${params.allowedValues.map(formatAllowed).join(', ')}`;
            case 'const':
                return `must be ${JSON.stringify(params.allowedValue)}`;
            case 'required':
                return `missing required key ${quoteKey(String(params.missingProperty))}`;
            case 'pattern':
                return schemaString(error.parentSchema, 'patternErrorMessage') ?? `must match the pattern ${params.pattern}`;
            case 'minLength':
                return limit === 1 ? 'must not be empty' : `must be at least ${limit} characters long`;
            case 'maxLength':
                return `must be at most ${limit} characters long`;
            case 'minItems':
                return limit === 1 ? 'must not be empty' : `must have at least ${limit} items`;
            case 'maxItems':
                return `must have at most ${limit} items`;
            case 'minProperties':
                return limit === 1 ? 'must not be empty' : `must have at least ${limit} keys`;
            case 'maxProperties':
                return `must have at most ${limit} keys`;
            case 'minimum':
            case 'maximum':
            case 'exclusiveMinimum':
            case 'exclusiveMaximum':
                return `must be ${params.comparison} ${limit}`;
            case 'uniqueItems':
                return `must not repeat an item (items ${params.j} and ${params.i} are equal)`;
            default:
                return error.message ?? `fails the ${error.keyword} rule`;
        }
    }
    typesPhrase(types) {
        const words = [...new Set(types)].map((type) => typeWord(type, this.vocabulary));
        return words.length > 0 ? words.join(' or ') : 'of another type';
    }
    path(error) {
        return pointerToSegments(error.instancePath, this.root);
    }
}
function unknownKeyMessage(key, parentSchema) {
    const properties = parentSchema?.properties;
    const allowed = Object.keys(properties ?? {});
    if (allowed.length === 0)
        return `unknown key ${quoteKey(key)} (no keys are allowed here)`;
    const suggestion = closestMatch(key, allowed);
    const hint = suggestion ? `, did you mean "${suggestion}"?` : '';
    return `unknown key ${quoteKey(key)}${hint} (allowed: ${allowed.join(', ')})`;
}
function typeList(params) {
    const type = params.type;
    if (Array.isArray(type))
        return type.map(String);
    return String(type).split(',');
}
function typeWord(type, vocabulary) {
    switch (type) {
        case 'object':
            return vocabulary === 'yaml' ? 'a mapping' : 'an object';
        case 'array':
            return vocabulary === 'yaml' ? 'a list' : 'an array';
        case 'integer':
            return 'an integer';
        case 'null':
            return 'null';
        default:
            return `a ${type}`;
    }
}
function formatAllowed(value) {
    return typeof value === 'string' ? value : JSON.stringify(value);
}
function schemaString(schema, keyword) {
    const value = schema?.[keyword];
    return typeof value === 'string' ? value : undefined;
}

;// CONCATENATED MODULE: ./packages/core/src/report/parse.ts





/** The report JSON Schema, for publishing and for other validators. */
const reportJsonSchema = report_schema_namespaceObject;
const validateReport = createSchemaValidator(reportJsonSchema, 'mlgate-report');
/**
 * Checks that `json` is an `mlgate/report@1` document and returns it typed. Reports may come from
 * untrusted pull requests, so anything the schema does not allow is rejected with a `UserError`
 * naming `file` and the JSON path of the first problem (`$.verdict.status: must be one of …`).
 */
function parseReport(json, file) {
    const kind = wrongKind(json);
    if (kind)
        throw new errors_UserError(kind.message, { file, path: kind.path });
    const [problem] = validateReport(json);
    if (problem) {
        const path = formatJsonPath(problem.path);
        throw new errors_UserError(problem.message, { file, path });
    }
    return json;
}
/**
 * A file of another kind or version deserves a better message than the first schema error, which
 * would be noise about fields a report has and that file does not.
 */
function wrongKind(json) {
    if (typeof json !== 'object' || json === null || Array.isArray(json))
        return undefined;
    if (!('schema' in json)) {
        return { path: '$', message: `not an mlgate report (missing "schema": "${REPORT_SCHEMA_ID}")` };
    }
    const { schema } = json;
    if (schema === REPORT_SCHEMA_ID)
        return undefined;
    const path = '$.schema';
    if (typeof schema === 'string' && /^mlgate\/report@\d+$/.test(schema)) {
        return { path, message: `unsupported report version ${quoteKey(schema)} (this mlgate reads ${REPORT_SCHEMA_ID})` };
    }
    if (typeof schema === 'string' && /^mlgate\/[a-z-]+@\d+$/.test(schema)) {
        return { path, message: `${quoteKey(schema)} is not a report (expected ${REPORT_SCHEMA_ID})` };
    }
    return { path, message: `must be "${REPORT_SCHEMA_ID}"` };
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
;// CONCATENATED MODULE: ./packages/core/src/files/read-text.ts



/**
 * Reads a UTF-8 text file for a loader, refusing files larger than `maxBytes` (inputs may come from
 * untrusted pull requests) and turning the usual failures into one-line `UserError`s about `name`.
 */
async function readTextFile(path, maxBytes, name = path) {
    let bytes;
    try {
        const { size } = await (0,promises_.stat)(path);
        if (size > maxBytes)
            throw tooLarge(name, size, maxBytes);
        bytes = await (0,promises_.readFile)(path);
    }
    catch (error) {
        if (error instanceof errors_UserError)
            throw error;
        throw new errors_UserError(fileErrorMessage(error), { file: name });
    }
    // The file may have grown between stat and read.
    if (bytes.length > maxBytes)
        throw tooLarge(name, bytes.length, maxBytes);
    try {
        return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    }
    catch {
        throw new errors_UserError('is not valid UTF-8 text', { file: name });
    }
}
function tooLarge(path, size, maxBytes) {
    return new errors_UserError(`is ${size} bytes, more than the ${maxBytes} bytes allowed`, { file: path });
}
/**
 * The one wording for a file that cannot be opened, used by every reader (config, schema, data,
 * metrics, reports), so a missing file reads `<file>: file not found` wherever it was named.
 */
function fileErrorMessage(error) {
    const reason = describeFileError(error);
    return KNOWN_CODES.has(errorCode(error)) ? reason : `cannot be read (${reason})`;
}
/** A failed file operation's cause in a few words, for `fileErrorMessage` and output files. */
function describeFileError(error) {
    switch (errorCode(error)) {
        case 'ENOENT':
            return 'file not found';
        case 'EISDIR':
            return 'is a directory, not a file';
        case 'ENOTDIR':
            return 'a part of the path is a file, not a directory';
        case 'EACCES':
        case 'EPERM':
            return 'permission denied';
        default:
            return error instanceof Error ? error.message : String(error);
    }
}
const KNOWN_CODES = new Set(['ENOENT', 'EISDIR', 'ENOTDIR', 'EACCES', 'EPERM']);
function errorCode(error) {
    const code = error?.code;
    return typeof code === 'string' ? code : '';
}
/**
 * Checks that `path` names a readable file before a streaming pass starts, with the same wording
 * as `readTextFile`: a missing file, a directory or an unreadable file is one `UserError` about
 * `name` (the path as the user gave it). Returns the file's size.
 */
async function requireFile(path, name = path) {
    try {
        const found = await (0,promises_.stat)(path);
        if (found.isDirectory())
            throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
        await (0,promises_.access)(path, external_node_fs_.constants.R_OK);
        return found.size;
    }
    catch (error) {
        throw new errors_UserError(fileErrorMessage(error), { file: name });
    }
}

;// CONCATENATED MODULE: ./packages/core/src/json/syntax-error-offset.ts
/**
 * Offset of the first JSON syntax error in `text` (RFC 8259), or undefined when it parses.
 * Node 20's V8 names no position for many errors (`Unexpected token ',', "…" is not valid JSON`),
 * so this scanner finds it; it is only run after JSON.parse has already failed.
 */
function jsonSyntaxErrorOffset(text) {
    let i = 0;
    const ws = () => {
        while (i < text.length && ' \t\n\r'.includes(text[i]))
            i++;
    };
    const fail = () => {
        throw i;
    };
    const literal = (word) => {
        for (let k = 0; k < word.length; k++, i++)
            if (text[i] !== word[k])
                fail();
    };
    const string = () => {
        i++; // opening quote
        for (;;) {
            const c = text.charCodeAt(i);
            if (i >= text.length || c < 0x20)
                fail();
            if (c === 0x22)
                return void i++;
            if (c === 0x5c) {
                const e = text[i + 1];
                if (e === 'u') {
                    i += 2;
                    if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i, i + 4)))
                        fail();
                    i += 4;
                }
                else if (e !== undefined && '"\\/bfnrt'.includes(e))
                    i += 2;
                else {
                    i++;
                    fail();
                }
            }
            else
                i++;
        }
    };
    const number = () => {
        const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
        if (!match || match[0] === '' || match[0] === '-')
            fail();
        i += match[0].length;
    };
    const value = (depth) => {
        if (depth > 10_000)
            fail();
        ws();
        const c = text[i];
        if (c === '{') {
            i++;
            ws();
            if (text[i] === '}')
                return void i++;
            for (;;) {
                ws();
                if (text[i] !== '"')
                    fail();
                string();
                ws();
                if (text[i] !== ':')
                    fail();
                i++;
                value(depth + 1);
                ws();
                if (text[i] === ',')
                    i++;
                else if (text[i] === '}')
                    return void i++;
                else
                    fail();
            }
        }
        else if (c === '[') {
            i++;
            ws();
            if (text[i] === ']')
                return void i++;
            for (;;) {
                value(depth + 1);
                ws();
                if (text[i] === ',')
                    i++;
                else if (text[i] === ']')
                    return void i++;
                else
                    fail();
            }
        }
        else if (c === '"')
            string();
        else if (c === 't')
            literal('true');
        else if (c === 'f')
            literal('false');
        else if (c === 'n')
            literal('null');
        else if (c === '-' || (c !== undefined && c >= '0' && c <= '9'))
            number();
        else
            fail();
    };
    try {
        value(0);
        ws();
        return i < text.length ? i : undefined;
    }
    catch (offset) {
        if (typeof offset === 'number')
            return offset;
        throw offset;
    }
}

;// CONCATENATED MODULE: ./packages/core/src/json/parse-json.ts


/**
 * `JSON.parse` that reports a syntax error as a `UserError` at `file:line:column`. V8 gives the
 * offending offset as `at position N` in most messages (Node 20 and later); for the rest
 * (`Unexpected token 'x', "…" is not valid JSON`, `Unexpected end of JSON input`) a small scanner
 * finds the position.
 */
function parseJson(text, file) {
    const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
    try {
        return JSON.parse(source);
    }
    catch (error) {
        if (!(error instanceof SyntaxError))
            throw error;
        const offset = syntaxErrorOffset(error.message, source);
        const where = offset === undefined ? {} : lineColumn(source, offset);
        throw new errors_UserError(`invalid JSON: ${describeSyntaxError(error.message)}`, { file, ...where });
    }
}
function syntaxErrorOffset(message, source) {
    const position = /at position (\d+)/.exec(message);
    if (position)
        return Number(position[1]);
    return jsonSyntaxErrorOffset(source);
}
/** V8's message without the offset and without its echo of the (untrusted, possibly multi-line) input. */
function describeSyntaxError(message) {
    const withoutEcho = /^(Unexpected token .*?), ".*" is not valid JSON$/s.exec(message)?.[1] ?? message;
    const withoutPosition = withoutEcho.replace(/\s*in JSON at position \d+(\s*\(line \d+ column \d+\))?/, '');
    // eslint-disable-next-line no-control-regex -- escaping control characters is the point
    return withoutPosition.replace(/[\u0000-\u001F\u007F]/g, (c) => JSON.stringify(c).slice(1, -1)).trim();
}
/** 1-based line and column of a UTF-16 offset; `\r\n`, `\r` and `\n` each end a line. */
function lineColumn(text, offset) {
    const end = Math.min(Math.max(offset, 0), text.length);
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < end; i++) {
        const c = text.charCodeAt(i);
        if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) {
            line++;
            lineStart = i + 1;
        }
    }
    return { line, column: end - lineStart + 1 };
}

;// CONCATENATED MODULE: ./packages/core/src/report/read.ts



/** Largest report file accepted; a real report is a few hundred kilobytes at most. */
const MAX_REPORT_BYTES = 16 * 1024 * 1024;
/** Reads, parses and validates a report file; every problem is a `UserError` naming `name` (default `path`). */
async function readReportFile(path, { maxBytes = MAX_REPORT_BYTES, name = path } = {}) {
    return parseReport(parseJson(await readTextFile(path, maxBytes, name), name), name);
}

;// CONCATENATED MODULE: ./packages/core/src/report/status.ts
const SEVERITY = { skipped: 0, pass: 1, warn: 2, fail: 3 };
/** The most severe status: fail > warn > pass > skipped (skipped only when nothing ran). */
function status_worstStatus(statuses) {
    let worst = 'skipped';
    for (const status of statuses)
        if (SEVERITY[status] > SEVERITY[worst])
            worst = status;
    return worst;
}
/** Orders most severe first, for lists where failures should be read first. */
function bySeverityDescending(a, b) {
    return SEVERITY[b] - SEVERITY[a];
}

;// CONCATENATED MODULE: ./packages/core/src/report/merge.ts




const MAX_SUMMARY_CHARS = 4096;
/** Fields that say which commit a report is about: reports about different commits must not be merged. */
const IDENTITY_FIELDS = ['repository', 'sha', 'ref', 'pullRequest'];
/**
 * Combines the reports of one commit (say, validate's and compare's) into one: sections are
 * concatenated, the verdict is the worst of all verdicts with every reason kept, and the summary is
 * taken from the reports that decided it. Refuses reports about different commits and reports that
 * both cover the same dataset or model.
 */
function mergeReports(reports) {
    if (reports.length === 0)
        throw new errors_UserError('no reports to merge');
    const status = status_worstStatus(reports.map((report) => report.verdict.status));
    const deciding = reports.filter((report) => report.verdict.status === status);
    const summary = [...new Set(deciding.map((report) => report.verdict.summary).filter(Boolean))].join('; ');
    const validations = reports.flatMap((report) => report.validations ?? []);
    const comparisons = reports.flatMap((report) => report.comparisons ?? []);
    rejectDuplicates(validations.map((section) => section.dataset), 'dataset');
    rejectDuplicates(comparisons.map((section) => section.model), 'model');
    const subject = mergeSubjects(reports);
    return {
        schema: REPORT_SCHEMA_ID,
        createdAt: latest(reports.map((report) => report.createdAt)),
        ...(subject ? { subject } : {}),
        verdict: {
            status,
            summary: Array.from(summary).slice(0, MAX_SUMMARY_CHARS).join(''),
            reasons: reports.flatMap((report) => report.verdict.reasons),
        },
        ...(validations.length > 0 ? { validations } : {}),
        ...(comparisons.length > 0 ? { comparisons } : {}),
    };
}
function mergeSubjects(reports) {
    const oldestFirst = [...reports].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
    const subjects = oldestFirst.flatMap((report) => (report.subject ? [report.subject] : []));
    if (subjects.length === 0)
        return undefined;
    for (const field of IDENTITY_FIELDS) {
        const values = [...new Set(subjects.flatMap((subject) => (subject[field] === undefined ? [] : [subject[field]])))];
        if (values.length > 1) {
            const shown = values.map((value) => quoteKey(String(value))).join(' and ');
            throw new errors_UserError(`cannot merge reports about different commits: subject.${field} is ${shown}`);
        }
    }
    // Run fields may differ (a re-run job has a higher attempt): the newest report's values win.
    const merged = Object.assign({}, ...subjects);
    const attempts = subjects.flatMap((subject) => (subject.runAttempt === undefined ? [] : [subject.runAttempt]));
    if (attempts.length > 0)
        merged.runAttempt = Math.max(...attempts);
    return merged;
}
function rejectDuplicates(names, what) {
    const seen = new Set();
    for (const name of names) {
        if (seen.has(name))
            throw new errors_UserError(`cannot merge: two reports cover the same ${what} ${quoteKey(name)}`);
        seen.add(name);
    }
}
function latest(timestamps) {
    return timestamps.reduce((a, b) => (Date.parse(b) > Date.parse(a) ? b : a));
}

// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(38522);
;// CONCATENATED MODULE: ./packages/core/src/data/csv-boundary.ts
/**
 * Row-aligned byte ranges for sharding a CSV file across jobs.
 *
 * A split point rarely falls on a row start, and a newline after it may sit inside a quoted
 * field, so the only reliable way to know is the parser state at the split. `CsvRowScanner`
 * runs the tokenizer's row-boundary state machine (the same leniency rules, without storing
 * fields) over the bytes before the split, which costs a fraction of parsing. Row starts are
 * those of non-blank rows, exactly where `CsvReader` checks `stopAt`, so shard i stops where
 * shard i+1 begins and every row is read once. (Not exact only for a file with a quote that
 * never closes, which the reader recovers from by re-reading it as a literal.)
 */
const QUOTE = 34;
const LF = 10;
const CR = 13;
const NO_WORDS = new Uint32Array(0);
const ROW_START = 0;
const FIELD_START = 1;
const UNQUOTED = 2;
const QUOTED = 3;
const QUOTE_SEEN = 4;
/** The `i`-th (1-based) of `n` equal byte ranges of a file of `fileSize` bytes. */
function shardRange(fileSize, i, n) {
    if (!Number.isInteger(n) || n < 1 || !Number.isInteger(i) || i < 1 || i > n) {
        throw new RangeError(`shard must be i/n with 1 ≤ i ≤ n, got ${i}/${n}`);
    }
    return { start: Math.floor((fileSize * (i - 1)) / n), end: Math.floor((fileSize * i) / n) };
}
/** Finds the first non-blank data row starting at or after `target`, fed the file from byte 0. */
class CsvRowScanner {
    delimiter;
    skipRows;
    target;
    /** Bytes that end an unquoted field (delimiter, LF, CR) and that matter inside quotes (", LF, CR). */
    unquotedClass = new Uint8Array(256);
    quotedClass = new Uint8Array(256);
    offset = 0;
    state = ROW_START;
    afterCR = false;
    quotedCR = false;
    line = 1;
    rows = 0;
    bomChecked = false;
    found = null;
    constructor(target, options = {}) {
        this.target = target;
        this.delimiter = (options.delimiter ?? ',').charCodeAt(0);
        this.skipRows = (options.header ?? true) ? 1 : 0;
        for (const c of [this.delimiter, LF, CR])
            this.unquotedClass[c] = 1;
        for (const c of [QUOTE, LF, CR])
            this.quotedClass[c] = 1;
    }
    /** The row start, once `push` has returned true. */
    get result() {
        return this.found;
    }
    /** Where the input ended without a row start at or after the target. */
    endOfInput() {
        return this.found ?? { offset: this.offset, line: this.line };
    }
    /** Feeds the next bytes; true once the row start is found (feed no more). */
    push(chunk) {
        if (this.found)
            return true;
        const n = chunk.length;
        let i = 0;
        if (!this.bomChecked && n > 0) {
            // A BOM split across the first chunks is not worth handling: chunks are far larger.
            this.bomChecked = true;
            if (n >= 3 && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf)
                i = 3;
        }
        const delimiter = this.delimiter;
        const unquoted = this.unquotedClass;
        const quoted = this.quotedClass;
        const targetIndex = this.target - this.offset;
        let state = this.state;
        let line = this.line;
        let afterCR = this.afterCR;
        let quotedCR = this.quotedCR;
        let rows = this.rows;
        const fastEnd = Math.min(n, targetIndex);
        // The chunk as 32-bit words from its first 4-byte-aligned byte, `first`, for the fast loop below.
        const first = (4 - (chunk.byteOffset & 3)) & 3;
        const wordCount = n > first ? (n - first) >> 2 : 0;
        const words = wordCount > 0 ? new Uint32Array(chunk.buffer, chunk.byteOffset + first, wordCount) : NO_WORDS;
        const lastWord = (fastEnd - first) >> 2;
        while (i < n) {
            if (i < fastEnd && state !== QUOTED && state !== QUOTE_SEEN && !afterCR && rows >= this.skipRows) {
                // Outside quotes and before the target only lines matter: count them up to the next quote
                // in a tight loop, then take the state the last byte leaves.
                let p = i;
                let crlf = 0;
                let breaks = 0;
                for (; p < fastEnd; p++) {
                    // Whole words before the target without a quote or CR (a CR next to one goes byte by byte): only their LFs
                    // matter, counted four bytes at a time.
                    if (((p - first) & 3) === 0 && (p === i || chunk[p - 1] !== CR)) {
                        let w = (p - first) >> 2;
                        while (w < lastWord && isPlainWord(words[w]))
                            breaks += lineFeeds(words[w++]);
                        p = first + 4 * w;
                        if (p >= fastEnd)
                            break;
                    }
                    const c = chunk[p];
                    if (c <= QUOTE) {
                        if (c === QUOTE)
                            break;
                        if (c === LF) {
                            breaks++;
                            if (p > i && chunk[p - 1] === CR)
                                crlf++;
                        }
                        else if (c === CR)
                            breaks++;
                    }
                }
                if (p > i) {
                    line += breaks - crlf;
                    const last = chunk[p - 1];
                    if (last === LF || last === CR) {
                        state = ROW_START;
                        afterCR = last === CR;
                    }
                    else
                        state = last === delimiter ? FIELD_START : UNQUOTED;
                    i = p;
                    continue;
                }
            }
            if (state === ROW_START) {
                const c = chunk[i];
                if (afterCR) {
                    afterCR = false;
                    if (c === LF) {
                        i++;
                        continue;
                    }
                }
                if (c === LF || c === CR) {
                    line++;
                    afterCR = c === CR;
                    i++;
                    continue;
                }
                if (rows >= this.skipRows && i >= targetIndex) {
                    this.found = { offset: this.offset + i, line };
                    return true;
                }
                rows++;
                state = FIELD_START;
            }
            if (state === FIELD_START) {
                if (chunk[i] === QUOTE) {
                    state = QUOTED;
                    quotedCR = false;
                    i++;
                    continue;
                }
                state = UNQUOTED;
            }
            if (state === UNQUOTED) {
                while (i < n && unquoted[chunk[i]] === 0)
                    i++;
                if (i >= n)
                    break;
                const c = chunk[i++];
                if (c === delimiter)
                    state = FIELD_START;
                else {
                    line++;
                    afterCR = c === CR;
                    state = ROW_START;
                }
                continue;
            }
            if (state === QUOTED) {
                const from = i;
                while (i < n && quoted[chunk[i]] === 0)
                    i++;
                if (i > from)
                    quotedCR = false;
                if (i >= n)
                    break;
                const c = chunk[i++];
                if (c === QUOTE)
                    state = QUOTE_SEEN;
                else if (c === CR) {
                    line++;
                    quotedCR = true;
                }
                else {
                    if (!quotedCR)
                        line++;
                    quotedCR = false;
                }
                continue;
            }
            // QUOTE_SEEN: an escaped quote, or the end of the field, or text after the closing quote.
            if (chunk[i] === QUOTE) {
                state = QUOTED;
                quotedCR = false;
                i++;
            }
            else
                state = UNQUOTED;
        }
        this.state = state;
        this.line = line;
        this.afterCR = afterCR;
        this.quotedCR = quotedCR;
        this.rows = rows;
        this.offset += n;
        return false;
    }
}
/** 0x80 in each byte of `v` that is zero, 0 in the others (exact, unlike the usual has-a-zero-byte test). */
function zeroBytes(v) {
    return ~(((v & 0x7f7f7f7f) + 0x7f7f7f7f) | v | 0x7f7f7f7f);
}
/** Whether none of the word's bytes is a quote or a CR ((v − 0x01…) & ~v & 0x80… is 0 exactly when no byte of v is). */
function isPlainWord(word) {
    const q = word ^ 0x22222222;
    const cr = word ^ 0x0d0d0d0d;
    return ((((q - 0x01010101) & ~q) | ((cr - 0x01010101) & ~cr)) & 0x80808080) === 0;
}
/** LF bytes in the word. */
function lineFeeds(word) {
    return Math.imul((zeroBytes(word ^ 0x0a0a0a0a) >>> 7) & 0x01010101, 0x01010101) >>> 24;
}
/**
 * The first data row starting at or after `target`, scanning `source` (the file from byte 0)
 * only as far as needed; the end of input when there is none.
 */
async function findRowStart(source, target, options = {}) {
    const scanner = new CsvRowScanner(target, options);
    for await (const chunk of source)
        if (scanner.push(chunk))
            break;
    return scanner.endOfInput();
}
/** JSON Lines rows start after each LF, so the scan only counts lines up to the target. */
async function findLineStart(source, target) {
    let offset = 0;
    let line = 1;
    if (target <= 0)
        return { offset: 0, line };
    for await (const chunk of source) {
        let from = 0;
        for (;;) {
            const lf = chunk.indexOf(LF, from);
            if (lf < 0)
                break;
            line++;
            if (offset + lf + 1 >= target)
                return { offset: offset + lf + 1, line };
            from = lf + 1;
        }
        offset += chunk.length;
    }
    return { offset, line };
}

;// CONCATENATED MODULE: ./packages/core/src/data/number.ts
/**
 * Byte-level number parsing with exactly `Number(text)` semantics, except that an empty or
 * all-whitespace field is NaN (a blank cell is missing, not zero).
 *
 * The fast path handles plain decimals (`-12`, `3.25`, `.5`, `6.02e23`) whose significand fits
 * in 2^53 and whose decimal exponent lets one IEEE multiplication or division produce the
 * correctly rounded result (Clinger's fast path). Anything else that might still be a number
 * (more digits, big exponents, `Infinity`, `0x1f`, surrounding whitespace, non-ASCII) is
 * decoded and handed to `Number()`, so results always agree with it.
 */
const POW10 = new Float64Array(23);
for (let i = 0, p = 1; i < 23; i++, p *= 10)
    POW10[i] = p;
const TWO53 = 9007199254740992;
const DIGIT0 = 48;
const decoder = new TextDecoder();
/** Whitespace that `Number()` trims, as ASCII bytes (the non-ASCII ones go through the fallback). */
function isAsciiSpace(c) {
    return c === 32 || (c >= 9 && c <= 13);
}
/**
 * Parses `buf[start, end)` like `Number(text)`; NaN for an empty or all-whitespace field.
 *
 * This entry handles only `-?digits(.digits)?` and is kept small so that V8 inlines it into the
 * caller's loop: a double returned from a call that is not inlined is boxed on the heap, which
 * costs more than the parse. Everything else goes to `parseGeneral`.
 */
function parseNumber(buf, start, end) {
    let i = start;
    if (i >= end)
        return NaN;
    let c = buf[i];
    const negative = c === 45; /* - */
    if (negative) {
        if (++i === end)
            return NaN;
        c = buf[i];
    }
    const intStart = i;
    let mantissa = 0;
    while (c >= DIGIT0 && c <= 57) {
        mantissa = mantissa * 10 + (c - DIGIT0);
        if (++i === end) {
            if (mantissa >= TWO53)
                break;
            return negative ? -mantissa : mantissa;
        }
        c = buf[i];
    }
    // Text starting with an ASCII letter other than the I of Infinity is never a number (words, NA).
    if (i === intStart && c > 57 && c < 0x80 && c !== 73)
        return NaN;
    if (c === 46 /* . */ && i > intStart && i < end) {
        const fracStart = ++i;
        while (i < end) {
            c = buf[i];
            if (c < DIGIT0 || c > 57)
                break;
            mantissa = mantissa * 10 + (c - DIGIT0);
            i++;
        }
        if (i === end && i - fracStart <= 22 && mantissa < TWO53) {
            const value = mantissa / POW10[i - fracStart];
            return negative ? -value : value;
        }
    }
    // The unary plus types the call's result as a number, so the inlined returns merge as an
    // unboxed double instead of boxing every fast-path result.
    return +parseGeneral(buf, start, end);
}
/** The whole `Number()` grammar on bytes, with the fast path's exactness rule. */
function parseGeneral(buf, start, end) {
    if (start >= end)
        return NaN;
    let i = start;
    let c = buf[i];
    let negative = false;
    if (c === 45 /* - */ || c === 43 /* + */) {
        negative = c === 45;
        if (++i === end)
            return NaN;
        c = buf[i];
    }
    // Digits accumulate exactly while the value stays below 2^53, whatever their count; `scale`
    // checks that bound, so no separate count of significant digits is needed.
    let mantissa = 0;
    const intStart = i;
    while (c >= DIGIT0 && c <= 57) {
        mantissa = mantissa * 10 + (c - DIGIT0);
        if (++i === end) {
            if (mantissa >= TWO53)
                return viaNumber(buf, start, end);
            return negative ? -mantissa : mantissa;
        }
        c = buf[i];
    }
    let digits = i - intStart;
    let exponent = 0;
    if (c === 46 /* . */) {
        const fracStart = ++i;
        while (i < end) {
            c = buf[i];
            if (c < DIGIT0 || c > 57)
                break;
            mantissa = mantissa * 10 + (c - DIGIT0);
            i++;
        }
        exponent = fracStart - i;
        digits -= exponent;
        if (digits === 0)
            return unusual(buf, start, end, i);
        if (i === end)
            return scale(buf, start, end, negative, mantissa, exponent);
    }
    else if (digits === 0) {
        return unusual(buf, start, end, i);
    }
    if (c !== 101 && c !== 69 /* e E */)
        return unusual(buf, start, end, i);
    if (++i === end)
        return NaN;
    c = buf[i];
    let expNegative = false;
    if (c === 45 || c === 43) {
        expNegative = c === 45;
        if (++i === end)
            return NaN;
        c = buf[i];
    }
    const expStart = i;
    let value = 0;
    while (c >= DIGIT0 && c <= 57) {
        if (value < 100000)
            value = value * 10 + (c - DIGIT0);
        if (++i === end)
            break;
        c = buf[i];
    }
    if (i === expStart || i !== end)
        return unusual(buf, start, end, i);
    return scale(buf, start, end, negative, mantissa, exponent + (expNegative ? -value : value));
}
/** `mantissa × 10^exponent` when one correctly rounded IEEE operation gives it (Clinger). */
function scale(buf, start, end, negative, mantissa, exponent) {
    if (mantissa === 0)
        return negative ? -0 : 0;
    if (mantissa >= TWO53)
        return viaNumber(buf, start, end);
    let value;
    if (exponent < 0) {
        if (exponent < -22)
            return viaNumber(buf, start, end);
        value = mantissa / POW10[-exponent];
    }
    else if (exponent <= 22)
        value = mantissa * POW10[exponent];
    else if (exponent <= 22 + 15) {
        // Still exact when the extra powers of ten keep the significand below 2^53.
        const scaled = mantissa * POW10[exponent - 22];
        if (scaled >= TWO53)
            return viaNumber(buf, start, end);
        value = scaled * 1e22;
    }
    else
        return viaNumber(buf, start, end);
    return negative ? -value : value;
}
/**
 * The parse stopped at byte `i`. Any ASCII byte there other than whitespace, the `I` of
 * `Infinity` or the letter of a `0x`/`0o`/`0b` prefix makes the text definitely not a number,
 * which keeps words and null tokens such as `NA` off the slow path.
 */
function unusual(buf, start, end, i) {
    if (i >= end)
        return NaN;
    const c = buf[i];
    if (c >= 0x80 || isAsciiSpace(c))
        return viaNumber(buf, start, end);
    const first = buf[start];
    const signed = first === 45 || first === 43;
    if (c === 73 /* I */ && (i === start || (signed && i === start + 1)))
        return viaNumber(buf, start, end);
    if (i === start + 1 && first === DIGIT0) {
        const lower = c | 0x20;
        if (lower === 120 /* x */ || lower === 111 /* o */ || lower === 98 /* b */)
            return viaNumber(buf, start, end);
    }
    return NaN;
}
function viaNumber(buf, start, end) {
    const text = decoder.decode(buf.subarray(start, end));
    return text.trim() === '' ? NaN : Number(text);
}

;// CONCATENATED MODULE: ./packages/core/src/data/utf8.ts
/** UTF-8 helpers that work on byte ranges, so ASCII data never builds strings. */
const utf8_decoder = new TextDecoder();
const encoder = new TextEncoder();
/**
 * Offset of the first byte of an invalid UTF-8 sequence in `buf[start, end)`, or -1 when the
 * range is well-formed (Unicode's definition: no overlong forms, surrogates or code points
 * above U+10FFFF — the same sequences `TextDecoder` with `fatal: true` rejects).
 */
function findInvalidUtf8(buf, start, end) {
    let i = start;
    while (i < end) {
        const c = buf[i];
        if (c < 0x80) {
            i++;
            continue;
        }
        let need;
        let lo = 0x80;
        let hi = 0xbf;
        if (c >= 0xc2 && c <= 0xdf)
            need = 1;
        else if (c >= 0xe0 && c <= 0xef) {
            need = 2;
            if (c === 0xe0)
                lo = 0xa0;
            else if (c === 0xed)
                hi = 0x9f;
        }
        else if (c >= 0xf0 && c <= 0xf4) {
            need = 3;
            if (c === 0xf0)
                lo = 0x90;
            else if (c === 0xf4)
                hi = 0x8f;
        }
        else
            return i;
        if (i + need >= end)
            return i;
        const second = buf[i + 1];
        if (second < lo || second > hi)
            return i;
        for (let k = 2; k <= need; k++) {
            const b = buf[i + k];
            if (b < 0x80 || b > 0xbf)
                return i;
        }
        i += need + 1;
    }
    return -1;
}
/** Decodes `buf[start, end)` as UTF-8 (invalid sequences become U+FFFD). */
function decodeUtf8(buf, start, end) {
    const length = end - start;
    if (length <= 24) {
        // Short ASCII is the common case in tabular data, and a loop beats the decoder's call cost.
        let text = '';
        for (let i = start; i < end; i++) {
            const c = buf[i];
            if (c >= 0x80)
                return utf8_decoder.decode(buf.subarray(start, end));
            text += String.fromCharCode(c);
        }
        return text;
    }
    return utf8_decoder.decode(buf.subarray(start, end));
}
/** 1-based column of byte `at` in the line starting at `lineStart`, counted in Unicode code points. */
function charColumn(buf, lineStart, at) {
    let column = 1;
    for (let i = lineStart; i < at; i++)
        if ((buf[i] & 0xc0) !== 0x80)
            column++;
    return column;
}
/** Writes `text` as UTF-8 at `out[at]` (the caller ensures room for 3 bytes a unit) and returns the byte count. */
function writeUtf8(text, out, at) {
    // Short ASCII values are the norm, and a loop beats the encoder's call cost for them.
    if (text.length <= 32) {
        let i = 0;
        for (; i < text.length; i++) {
            const c = text.charCodeAt(i);
            if (c >= 0x80)
                break;
            out[at + i] = c;
        }
        if (i === text.length)
            return i;
    }
    return encoder.encodeInto(text, out.subarray(at)).written;
}

;// CONCATENATED MODULE: ./packages/core/src/data/batch.ts


/** Per-field flag bits in `RecordBatch.flags`. */
const FieldFlag = {
    /** CSV: the field was quoted. JSON Lines: the value was a string. Never a null token. */
    QUOTED: 1,
    /** CSV: the field contained `""` (or text after its closing quote) and was unescaped in place. */
    ESCAPED: 2,
    /** The field has bytes ≥ 0x80 (it was checked for valid UTF-8). */
    NON_ASCII: 4,
    /** The field is not valid UTF-8; `string()` shows U+FFFD for the bad bytes. */
    INVALID_UTF8: 8,
    /** JSON Lines: the value was `null` or the key was absent. */
    NULL: 16,
    /** JSON Lines: an object or array, kept as its JSON text. */
    NESTED: 32,
    /** JSON Lines: `true` or `false`. */
    BOOLEAN: 64,
};
const NEVER_TOKEN = FieldFlag.QUOTED | FieldFlag.NESTED | FieldFlag.BOOLEAN;
/**
 * Null tokens: a subset of pandas' default `na_values` that real exports produce. Only unquoted
 * CSV fields (and never JSON strings) can be null tokens, so `"NA"` in quotes stays the text NA
 * and `""` is an empty string, as in PostgreSQL's CSV format.
 */
const DEFAULT_NULL_VALUES = [
    '',
    'NA',
    'N/A',
    'n/a',
    'NULL',
    'null',
    'NaN',
    'nan',
    'None',
    '#N/A',
    '<NA>',
];
/** Matches null tokens on bytes: a length check and a first-byte table reject almost every value. */
class NullTokens {
    byLength = [];
    firstByte = new Uint8Array(256);
    maxLength;
    empty;
    constructor(tokens = DEFAULT_NULL_VALUES) {
        const encoder = new TextEncoder();
        let maxLength = 0;
        let empty = false;
        for (const token of tokens) {
            const bytes = encoder.encode(token);
            if (bytes.length === 0) {
                empty = true;
                continue;
            }
            (this.byLength[bytes.length] ??= []).push(bytes);
            this.firstByte[bytes[0]] = 1;
            maxLength = Math.max(maxLength, bytes.length);
        }
        this.maxLength = maxLength;
        this.empty = empty;
    }
    matches(buf, start, end) {
        const length = end - start;
        if (length === 0)
            return this.empty;
        if (length > this.maxLength || this.firstByte[buf[start]] === 0)
            return false;
        const candidates = this.byLength[length];
        if (candidates === undefined)
            return false;
        outer: for (const token of candidates) {
            for (let i = 0; i < length; i++)
                if (token[i] !== buf[start + i])
                    continue outer;
            return true;
        }
        return false;
    }
}
/**
 * Rows of one batch as byte ranges into `bytes`, row-major: field (row, col) is
 * `bytes[starts[k], ends[k])` with `k = row * columnCount + col`. CSV and JSON Lines readers
 * fill the same class so consumers stay monomorphic.
 *
 * Lifetime: a batch and its arrays are reused; it is valid until the reader that produced it is
 * called again (the next `write`/`next`/`end`, or the next iteration of a batch iterator). Copy
 * what must outlive that.
 */
class RecordBatch {
    nulls;
    /** Column names; JSON Lines may add columns in later batches, never remove or reorder. */
    columns = [];
    columnCount = 0;
    rowCount = 0;
    bytes = new Uint8Array(0);
    starts = new Int32Array(0);
    ends = new Int32Array(0);
    flags = new Uint8Array(0);
    /** 1-based physical line where each row starts. */
    lines = new Int32Array(0);
    constructor(nulls) {
        this.nulls = nulls;
    }
    /** Null: JSON null or absent key, or an unquoted field equal to a null token (empty by default). */
    isNull(row, col) {
        const k = row * this.columnCount + col;
        const flags = this.flags[k];
        if ((flags & FieldFlag.NULL) !== 0)
            return true;
        if ((flags & NEVER_TOKEN) !== 0)
            return false;
        return this.nulls.matches(this.bytes, this.starts[k], this.ends[k]);
    }
    /** The field as `Number(text)` would read it, except that empty and blank fields are NaN. */
    number(row, col) {
        const k = row * this.columnCount + col;
        return parseNumber(this.bytes, this.starts[k], this.ends[k]);
    }
    /** The field decoded from UTF-8 (unescaped for quoted CSV fields). Allocates: call only when needed. */
    string(row, col) {
        const k = row * this.columnCount + col;
        return decodeUtf8(this.bytes, this.starts[k], this.ends[k]);
    }
    /** Byte offset in `bytes` where the field starts (for hashing or comparing without strings). */
    start(row, col) {
        return this.starts[row * this.columnCount + col];
    }
    /** Byte offset in `bytes` just past the field. */
    end(row, col) {
        return this.ends[row * this.columnCount + col];
    }
    /** `FieldFlag` bits of the field. */
    flag(row, col) {
        return this.flags[row * this.columnCount + col];
    }
    /** 1-based physical line where the row starts. */
    line(row) {
        return this.lines[row];
    }
}
/** Feeds a whole source to a push reader and yields each batch as it completes (valid until the next iteration). */
async function* pushBatches(reader, source) {
    for await (const chunk of source) {
        reader.write(chunk);
        for (let batch = reader.next(); batch !== null; batch = reader.next())
            yield batch;
        if (reader.hasStopped)
            return;
    }
    reader.end();
    for (let batch = reader.next(); batch !== null; batch = reader.next())
        yield batch;
}

;// CONCATENATED MODULE: ./packages/core/src/data/issues.ts
/** Problems found in data files, recorded with their position and bounded in number. */
/** Keeps the first `maxIssues` issues and counts all of them, so a broken file cannot exhaust memory. */
class IssueLog {
    file;
    maxIssues;
    issues = [];
    errorCount = 0;
    warningCount = 0;
    constructor(file, maxIssues) {
        this.file = file;
        this.maxIssues = maxIssues;
    }
    add(code, severity, line, column, message) {
        if (severity === 'error')
            this.errorCount++;
        else
            this.warningCount++;
        if (this.issues.length >= this.maxIssues)
            return;
        const issue = { line, column, code, severity, message };
        if (this.file !== undefined)
            issue.file = this.file;
        this.issues.push(issue);
    }
    /** Issues found but not kept because of the bound. */
    get dropped() {
        return this.errorCount + this.warningCount - this.issues.length;
    }
}

;// CONCATENATED MODULE: ./packages/core/src/data/csv-reader.ts




const csv_reader_QUOTE = 34;
const csv_reader_LF = 10;
const csv_reader_CR = 13;
// Byte classes for scanning unquoted text: 0 means "ordinary byte, keep going".
const C_DELIMITER = 1;
const C_LF = 2;
const C_CR = 3;
const C_QUOTE = 4;
const C_HIGH = 5;
const LEARN_COLUMNS = 256;
/**
 * RFC 4180 CSV tokenizer over pushed byte chunks, producing `RecordBatch`es of byte ranges.
 *
 * Lenient where RFC 4180 is strict, and says so with a warning: a quote inside an unquoted field
 * is a literal character; text after a closing quote is appended to the field (`"ab"c` → `abc`,
 * later quotes literal). A row whose field count differs from the header is reported and
 * dropped. A quote still open at end of input (or after `maxRowBytes`) is reported, then treated
 * as a literal character so the rows after it are read normally. Lines end with LF, CRLF or CR.
 * Blank lines are skipped.
 *
 * Rows are parsed whole: when a chunk ends inside a row, that row is parsed again once at least
 * as many bytes again have arrived, which keeps the work linear even for huge quoted fields.
 */
class CsvReader {
    issues;
    delimiter;
    header;
    batchSize;
    stripBom;
    stopAt;
    maxRowBytes;
    unquotedClass = new Uint8Array(256);
    quotedClass = new Uint8Array(256);
    batch;
    buf = new Uint8Array(1 << 16);
    len = 0;
    pos = 0;
    /** Absolute offset of `buf[0]`. */
    consumed = 0;
    line;
    afterCR = false;
    eof = false;
    finished = false;
    stopped = false;
    bomChecked;
    pendingRelease = false;
    /** Bytes of the partial row at the last failed attempt; retry once twice as many are buffered. */
    partialBytes = 0;
    /** Absolute offset of an unclosed quote now read as a literal character. */
    literalQuoteAt = -1;
    columnCount = -1;
    names = [];
    starts = new Int32Array(0);
    ends = new Int32Array(0);
    flags = new Uint8Array(0);
    lines = new Int32Array(0);
    rowCount = 0;
    // The first row, as learned by scanRows in learning mode.
    learnedFields = 0;
    learnedRowStart = 0;
    strayAt = -1;
    /** Whether the row has a warning, non-ASCII bytes or fields to unescape. */
    rowNeedsFinish = false;
    constructor(options = {}) {
        const delimiter = options.delimiter ?? ',';
        const code = delimiter.charCodeAt(0);
        if (delimiter.length !== 1 || code > 0x7f || code === csv_reader_QUOTE || code === csv_reader_LF || code === csv_reader_CR) {
            throw new errors_UserError(`CSV delimiter must be one ASCII character other than a quote or newline, got ${JSON.stringify(delimiter)}`);
        }
        this.delimiter = code;
        this.header = options.header ?? true;
        this.batchSize = Math.max(1, options.batchSize ?? 16384);
        this.stripBom = options.stripBom ?? true;
        this.bomChecked = !this.stripBom;
        this.stopAt = options.stopAt ?? -1;
        this.maxRowBytes = options.maxRowBytes ?? 32 * 1024 * 1024;
        this.line = options.firstLine ?? 1;
        this.issues = new IssueLog(options.file, options.maxErrors ?? 100);
        this.batch = new RecordBatch(new NullTokens(options.nullValues));
        for (let c = 0x80; c < 256; c++) {
            this.unquotedClass[c] = C_HIGH;
            this.quotedClass[c] = C_HIGH;
        }
        this.unquotedClass[code] = C_DELIMITER;
        this.unquotedClass[csv_reader_LF] = this.quotedClass[csv_reader_LF] = C_LF;
        this.unquotedClass[csv_reader_CR] = this.quotedClass[csv_reader_CR] = C_CR;
        this.unquotedClass[csv_reader_QUOTE] = this.quotedClass[csv_reader_QUOTE] = C_QUOTE;
        if (options.columns)
            this.setColumns(options.columns);
    }
    /** Column names, known once the header row has been read (empty before). */
    get columns() {
        return this.names;
    }
    /** Appends input bytes. Invalidates the last batch. */
    write(chunk) {
        this.release();
        if (this.eof)
            throw new Error('CsvReader.write after end');
        if (this.stopped || chunk.length === 0)
            return;
        if (this.len + chunk.length + 1 > this.buf.length) {
            let size = this.buf.length * 2;
            while (size < this.len + chunk.length + 1)
                size *= 2;
            const grown = new Uint8Array(size);
            grown.set(this.buf.subarray(0, this.len));
            this.buf = grown;
        }
        this.buf.set(chunk, this.len);
        this.len += chunk.length;
        this.buf[this.len] = csv_reader_LF;
    }
    /** Marks the end of input. Invalidates the last batch. */
    end() {
        this.release();
        this.eof = true;
    }
    /**
     * The next full batch, or the last partial one after `end()`; null when more input is needed
     * (or everything was read). Invalidates the previous batch.
     */
    next() {
        this.release();
        if (this.finished)
            return null;
        const full = this.parse();
        const done = this.stopped || (this.eof && this.pos >= this.len);
        if (!full && !done)
            return null;
        if (done)
            this.finished = true;
        if (this.rowCount === 0)
            return null;
        const batch = this.batch;
        batch.columns = this.names;
        batch.columnCount = this.columnCount;
        batch.rowCount = this.rowCount;
        batch.bytes = this.buf;
        batch.starts = this.starts;
        batch.ends = this.ends;
        batch.flags = this.flags;
        batch.lines = this.lines;
        this.pendingRelease = true;
        return batch;
    }
    /** Reads a whole source; each yielded batch is valid until the next iteration. */
    batches(source) {
        return pushBatches(this, source);
    }
    /** True once the reader reached its stop point (a shard's end) and takes no more bytes. */
    get hasStopped() {
        return this.stopped;
    }
    release() {
        if (!this.pendingRelease)
            return;
        this.pendingRelease = false;
        this.rowCount = 0;
        this.compact();
    }
    /** Drops the bytes before `pos`, which no live batch references. */
    compact() {
        if (this.pos === 0)
            return;
        this.buf.copyWithin(0, this.pos, this.len);
        this.len -= this.pos;
        this.consumed += this.pos;
        this.pos = 0;
        this.buf[this.len] = csv_reader_LF;
    }
    setColumns(names) {
        this.names = names;
        this.columnCount = names.length;
        const cells = this.batchSize * Math.max(1, names.length);
        this.starts = new Int32Array(cells);
        this.ends = new Int32Array(cells);
        this.flags = new Uint8Array(cells);
        this.lines = new Int32Array(this.batchSize);
    }
    /** Parses rows into the batch; true when it is full. */
    parse() {
        if (!this.bomChecked) {
            if (this.len < 3 && !this.eof)
                return false;
            this.bomChecked = true;
            if (this.len >= 3 && this.buf[0] === 0xef && this.buf[1] === 0xbb && this.buf[2] === 0xbf)
                this.pos = 3;
        }
        if (this.columnCount < 0 && !this.learnColumns())
            return false;
        return this.scanRows(this.columnCount, this.batchSize, false);
    }
    /** Reads the first row to learn the column count (and names, when it is a header). */
    learnColumns() {
        for (let cap = LEARN_COLUMNS;;) {
            this.starts = new Int32Array(cap);
            this.ends = new Int32Array(cap);
            this.flags = new Uint8Array(cap);
            this.lines = new Int32Array(1);
            this.learnedFields = 0;
            if (!this.scanRows(cap, 1, true)) {
                if (this.learnedFields > cap) {
                    cap = this.learnedFields;
                    continue;
                }
                if (this.eof && this.pos >= this.len)
                    this.setColumns([]);
                return false;
            }
            this.rowCount = 0;
            const n = this.learnedFields;
            const rowLine = this.lines[0];
            if (!this.header) {
                // The first row is data: parse it again as a row of the batch.
                this.pos = this.learnedRowStart;
                this.line = rowLine;
                this.afterCR = false;
                this.setColumns(Array.from({ length: n }, (_, i) => `column${i + 1}`));
                return true;
            }
            if (this.rowNeedsFinish) {
                this.finishFields(this.starts, this.ends, this.flags, 0, n, this.learnedRowStart, rowLine, this.strayAt);
            }
            const names = [];
            for (let i = 0; i < n; i++)
                names.push(decodeUtf8(this.buf, this.starts[i], this.ends[i]));
            this.setColumns(names);
            this.compact();
            return true;
        }
    }
    /**
     * Tokenizes rows at `pos` into the field arrays (row-major, `cc` slots a row) until `rowLimit`
     * rows are stored (true) or the input runs out (false). Blank lines are skipped, ragged rows
     * reported and dropped. All state lives in locals: this is the hot loop. When the input ends
     * inside a row, the row is left unconsumed and parsed again later (see `partialBytes`).
     *
     * In learning mode (the first row, to size the columns) the row's field count is kept in
     * `learnedFields`, nothing is reported and, when there are more than `cc` fields, nothing is
     * consumed so that the caller can retry with room for them.
     */
    scanRows(cc, rowLimit, learning) {
        const buf = this.buf;
        const len = this.len;
        const eof = this.eof;
        const delimiter = this.delimiter;
        const unquoted = this.unquotedClass;
        const quoted = this.quotedClass;
        const starts = this.starts;
        const ends = this.ends;
        const flags = this.flags;
        const lines = this.lines;
        const stopLimit = this.stopAt >= 0 && !learning ? this.stopAt - this.consumed : Infinity;
        let pos = this.pos;
        let line = this.line;
        let afterCR = this.afterCR;
        let row = this.rowCount;
        let partial = this.partialBytes;
        let literalQuote = this.literalQuoteAt - this.consumed;
        let full = false;
        rows: for (;;) {
            if (row >= rowLimit) {
                full = true;
                break;
            }
            if (pos >= len)
                break;
            let c = buf[pos];
            if (afterCR) {
                afterCR = false;
                if (c === csv_reader_LF) {
                    pos++;
                    continue;
                }
            }
            if (c === csv_reader_LF || c === csv_reader_CR) {
                pos++;
                line++;
                afterCR = c === csv_reader_CR;
                continue;
            }
            if (pos >= stopLimit) {
                this.stopped = true;
                break;
            }
            if (partial > 0 && !eof && len - pos < 2 * partial)
                break;
            const rowStart = pos;
            const rowLine = line;
            const base = row * cc;
            let i = pos;
            let f = 0;
            let stray = -1;
            let rowFlags = 0;
            let extraAt = -1;
            for (;;) {
                // buf[len] is a sentinel LF, so scans stop at the end of data without a bounds test.
                c = buf[i];
                let start = i;
                let end = -1;
                let fieldFlags = 0;
                if (c === csv_reader_QUOTE && i !== literalQuote) {
                    fieldFlags = FieldFlag.QUOTED;
                    let j = i + 1;
                    for (;;) {
                        let q = buf[j];
                        while (quoted[q] === 0)
                            q = buf[++j];
                        if (j >= len)
                            break;
                        const k = quoted[q];
                        if (k === C_QUOTE) {
                            if (j + 1 < len && buf[j + 1] === csv_reader_QUOTE) {
                                fieldFlags |= FieldFlag.ESCAPED;
                                j += 2;
                                continue;
                            }
                            // A quote at the end of the data may be the first half of `""`.
                            if (j + 1 < len || eof)
                                break;
                            j = len;
                            break;
                        }
                        if (k === C_HIGH)
                            fieldFlags |= FieldFlag.NON_ASCII;
                        else {
                            line++;
                            if (k === C_CR && j + 1 < len && buf[j + 1] === csv_reader_LF)
                                j++;
                        }
                        j++;
                    }
                    if (j >= len) {
                        line = rowLine;
                        if (eof || len - rowStart > this.maxRowBytes) {
                            this.unclosedQuote(rowStart, rowLine, i);
                            literalQuote = i;
                            continue rows;
                        }
                        partial = len - rowStart;
                        break rows;
                    }
                    // buf[j] is the closing quote.
                    i = j + 1;
                    c = buf[i];
                    const next = unquoted[c];
                    if (next >= C_DELIMITER && next <= C_CR) {
                        // Clean fields skip unescaping: their content is exactly between the quotes.
                        if ((fieldFlags & FieldFlag.ESCAPED) === 0) {
                            start++;
                            end = j;
                        }
                        else
                            end = i;
                    }
                    else {
                        // Text after the closing quote: kept, unescaped in finishFields.
                        fieldFlags |= FieldFlag.ESCAPED;
                        if (stray < 0)
                            stray = i;
                    }
                }
                if (end < 0) {
                    for (;;) {
                        let k = unquoted[c];
                        while (k === 0) {
                            c = buf[++i];
                            k = unquoted[c];
                        }
                        if (k <= C_CR)
                            break;
                        if (k === C_HIGH)
                            fieldFlags |= FieldFlag.NON_ASCII;
                        else if (stray < 0 && i !== literalQuote)
                            stray = i;
                        c = buf[++i];
                    }
                    if (i >= len && !eof) {
                        line = rowLine;
                        if (len - rowStart > this.maxRowBytes)
                            this.rowTooLong(rowLine);
                        partial = len - rowStart;
                        break rows;
                    }
                    end = i;
                }
                if (f < cc) {
                    const k = base + f;
                    starts[k] = start;
                    ends[k] = end;
                    flags[k] = fieldFlags;
                    rowFlags |= fieldFlags;
                }
                else if (f === cc)
                    extraAt = start;
                f++;
                if (i >= len)
                    break;
                if (c === delimiter) {
                    i++;
                    continue;
                }
                i++;
                line++;
                if (c === csv_reader_CR) {
                    if (i >= len)
                        afterCR = true;
                    else if (buf[i] === csv_reader_LF)
                        i++;
                }
                break;
            }
            // A whole row was read: buf[rowStart, i).
            partial = 0;
            const needsFinish = stray >= 0 || (rowFlags & ~FieldFlag.QUOTED) !== 0;
            if (learning) {
                this.learnedFields = f;
                this.learnedRowStart = rowStart;
                if (f > cc) {
                    line = rowLine;
                    afterCR = false;
                    break;
                }
                this.strayAt = stray;
                this.rowNeedsFinish = needsFinish;
                pos = i;
                lines[row++] = rowLine;
                continue;
            }
            pos = i;
            if (f !== cc) {
                this.raggedRow(rowStart, rowLine, f, cc, f > cc ? extraAt : lineEnd(buf, rowStart, i));
                continue;
            }
            if (needsFinish)
                this.finishFields(starts, ends, flags, base, cc, rowStart, rowLine, stray);
            lines[row++] = rowLine;
        }
        this.pos = pos;
        this.line = line;
        this.afterCR = afterCR;
        this.rowCount = row;
        this.partialBytes = partial;
        return full;
    }
    rowTooLong(line) {
        throw new errors_UserError(`row is longer than ${this.maxRowBytes} bytes; is this a CSV file?`, {
            ...(this.issues.file !== undefined && { file: this.issues.file }),
            line,
        });
    }
    /** Reports a quote that never closes; it is read as a literal character from now on. */
    unclosedQuote(rowStart, rowLine, quoteAt) {
        const { line, column } = this.locate(rowStart, rowLine, quoteAt);
        const why = this.eof ? 'before end of file' : `within ${this.maxRowBytes} bytes`;
        this.issues.add('unclosed-quote', 'error', line, column, `quoted field is not closed ${why}; quote read as a literal character`);
        this.literalQuoteAt = this.consumed + quoteAt;
    }
    raggedRow(rowStart, rowLine, n, cc, at) {
        const { line, column } = this.locate(rowStart, rowLine, at);
        this.issues.add('ragged-row', 'error', line, column, `expected ${cc} fields, found ${n}; row skipped`);
    }
    /** Reports warnings and bad UTF-8 of a kept row, then unescapes its quoted fields in place. */
    finishFields(starts, ends, flags, base, n, rowStart, rowLine, stray) {
        if (stray >= 0) {
            const { line, column } = this.locate(rowStart, rowLine, stray);
            this.issues.add('stray-quote', 'warning', line, column, 'quote inside an unquoted field or after a closing quote; kept as text');
        }
        for (let f = base; f < base + n; f++) {
            const fieldFlags = flags[f];
            if (fieldFlags === 0 || fieldFlags === FieldFlag.QUOTED)
                continue;
            if ((fieldFlags & FieldFlag.NON_ASCII) !== 0) {
                const bad = findInvalidUtf8(this.buf, starts[f], ends[f]);
                if (bad >= 0) {
                    flags[f] = fieldFlags | FieldFlag.INVALID_UTF8;
                    const { line, column } = this.locate(rowStart, rowLine, bad);
                    this.issues.add('invalid-utf8', 'error', line, column, 'invalid UTF-8 byte sequence; replaced with U+FFFD');
                }
            }
            if ((fieldFlags & FieldFlag.ESCAPED) !== 0)
                ends[f] = this.unescape(starts[f], ends[f], fieldFlags);
        }
    }
    /**
     * Rewrites `buf[start, end)` in place without its quoting and returns the new end. The range
     * starts at the opening quote when the field was quoted; `""` inside quotes is one quote, and
     * after the closing quote every byte (quotes included) is literal.
     */
    unescape(start, end, fieldFlags) {
        const buf = this.buf;
        let inQuotes = (fieldFlags & FieldFlag.QUOTED) !== 0;
        let r = inQuotes ? start + 1 : start;
        let w = start;
        while (r < end) {
            const c = buf[r];
            if (inQuotes && c === csv_reader_QUOTE) {
                if (r + 1 < end && buf[r + 1] === csv_reader_QUOTE) {
                    buf[w++] = csv_reader_QUOTE;
                    r += 2;
                }
                else {
                    inQuotes = false;
                    r++;
                }
                continue;
            }
            buf[w++] = c;
            r++;
        }
        return w;
    }
    /** Physical line and column of byte `at` of the row that starts at `rowStart` on line `rowLine`. */
    locate(rowStart, rowLine, at) {
        const buf = this.buf;
        let line = rowLine;
        let lineStart = rowStart;
        for (let i = rowStart; i < at; i++) {
            const c = buf[i];
            if (c === csv_reader_LF || (c === csv_reader_CR && buf[i + 1] !== csv_reader_LF)) {
                line++;
                lineStart = i + 1;
            }
        }
        return { line, column: charColumn(buf, lineStart, at) };
    }
}
/** Where the row `buf[rowStart, rowEnd)` ends before its line terminator. */
function lineEnd(buf, rowStart, rowEnd) {
    let end = rowEnd;
    while (end > rowStart && (buf[end - 1] === csv_reader_LF || buf[end - 1] === csv_reader_CR))
        end--;
    return end;
}

;// CONCATENATED MODULE: ./packages/core/src/data/jsonl-reader.ts



const jsonl_reader_LF = 10;
const fatalDecoder = new TextDecoder('utf-8', { fatal: true });
const lenientDecoder = new TextDecoder();
/**
 * JSON Lines reader producing the same `RecordBatch` as the CSV reader: one row per line that
 * holds a JSON object. Columns are the union of top-level keys in first-seen order, growing as
 * later batches meet new keys. Values become bytes: strings as UTF-8 (flag QUOTED), numbers as
 * `String(n)`, booleans as `true`/`false` (flag BOOLEAN), objects and arrays as JSON text (flag
 * NESTED), and null or a missing key as an empty field with flag NULL. Blank lines are skipped;
 * a line that is not a JSON object is reported and skipped.
 */
class JsonlReader {
    issues;
    batchSize;
    stopAt;
    batch;
    names = [];
    index = new Map();
    pending = [];
    pendingLines = [];
    lineEnds = [];
    buf = new Uint8Array(1 << 16);
    len = 0;
    pos = 0;
    consumed = 0;
    line;
    eof = false;
    finished = false;
    stopped = false;
    bomChecked = false;
    out = new Uint8Array(1 << 16);
    constructor(options = {}) {
        this.batchSize = Math.max(1, options.batchSize ?? 16384);
        this.stopAt = options.stopAt ?? -1;
        this.line = options.firstLine ?? 1;
        this.issues = new IssueLog(options.file, options.maxErrors ?? 100);
        this.batch = new RecordBatch(new NullTokens(options.nullValues));
    }
    get columns() {
        return this.names;
    }
    write(chunk) {
        if (this.eof)
            throw new Error('JsonlReader.write after end');
        if (this.stopped || chunk.length === 0)
            return;
        if (this.pos > 0) {
            this.buf.copyWithin(0, this.pos, this.len);
            this.len -= this.pos;
            this.consumed += this.pos;
            this.pos = 0;
        }
        if (this.len + chunk.length > this.buf.length) {
            let size = this.buf.length * 2;
            while (size < this.len + chunk.length)
                size *= 2;
            const grown = new Uint8Array(size);
            grown.set(this.buf.subarray(0, this.len));
            this.buf = grown;
        }
        this.buf.set(chunk, this.len);
        this.len += chunk.length;
    }
    end() {
        this.eof = true;
    }
    /** Same contract as `CsvReader.next`: the previous batch becomes invalid. */
    next() {
        if (this.finished)
            return null;
        this.readLines();
        const done = this.stopped || (this.eof && this.pos >= this.len);
        if (this.pending.length < this.batchSize && !done)
            return null;
        if (done)
            this.finished = true;
        if (this.pending.length === 0)
            return null;
        this.fill();
        return this.batch;
    }
    /** Reads a whole source; each yielded batch is valid until the next iteration. */
    batches(source) {
        return pushBatches(this, source);
    }
    /** True once the reader reached its stop point (a shard's end) and takes no more bytes. */
    get hasStopped() {
        return this.stopped;
    }
    /** Parses complete lines until the batch has `batchSize` objects or the input runs out. */
    readLines() {
        const buf = this.buf;
        if (!this.bomChecked) {
            if (this.len < 3 && !this.eof)
                return;
            this.bomChecked = true;
            if (this.len >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf)
                this.pos = 3;
        }
        const data = buf.subarray(0, this.len);
        while (this.pending.length < this.batchSize && this.pos < this.len) {
            // Find the lines of one block, then decode the block at once: a decoder call per line
            // would cost more than the JSON parsing.
            const blockStart = this.pos;
            const firstLine = this.line;
            const ends = this.lineEnds;
            ends.length = 0;
            let at = blockStart;
            while (ends.length < this.batchSize - this.pending.length && at < this.len) {
                if (this.stopAt >= 0 && this.consumed + at >= this.stopAt) {
                    this.stopped = true;
                    break;
                }
                let end = data.indexOf(jsonl_reader_LF, at);
                if (end < 0) {
                    if (!this.eof)
                        break;
                    end = this.len;
                }
                ends.push(end);
                at = end + 1;
            }
            if (ends.length === 0)
                return;
            this.pos = Math.min(at, this.len);
            this.line += ends.length;
            this.readBlock(blockStart, ends, firstLine);
            if (this.stopped)
                return;
        }
    }
    /** Reads the lines that start at `start` and end (before LF) at each of `ends`. */
    readBlock(start, ends, firstLine) {
        const blockEnd = ends[ends.length - 1];
        let text;
        try {
            text = fatalDecoder.decode(this.buf.subarray(start, blockEnd));
        }
        catch {
            // Somewhere in the block is invalid UTF-8: decode line by line to report each one.
            text = undefined;
        }
        let lineStart = start;
        let from = 0;
        for (let k = 0; k < ends.length; k++) {
            const end = ends[k];
            const line = firstLine + k;
            let lineText;
            if (text !== undefined) {
                const lf = k === ends.length - 1 ? text.length : text.indexOf('\n', from);
                lineText = text.slice(from, lf);
                from = lf + 1;
            }
            else
                lineText = this.decodeLine(lineStart, end, line);
            lineStart = end + 1;
            if (lineText.endsWith('\r'))
                lineText = lineText.slice(0, -1);
            this.readLine(lineText, line);
        }
    }
    decodeLine(start, end, line) {
        const bytes = this.buf.subarray(start, end);
        const bad = findInvalidUtf8(this.buf, start, end);
        if (bad < 0)
            return lenientDecoder.decode(bytes);
        this.issues.add('invalid-utf8', 'error', line, charColumn(this.buf, start, bad), 'invalid UTF-8 byte sequence; replaced with U+FFFD');
        return lenientDecoder.decode(bytes);
    }
    readLine(text, line) {
        if (text.trim() === '')
            return;
        let value;
        try {
            value = JSON.parse(text);
        }
        catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            const at = /position (\d+)/.exec(message);
            const column = at ? Number(at[1]) + 1 : 1;
            const reason = message.replace(/, ".*" is not valid JSON$/s, '').replace(/ in JSON at position \d+.*$/s, '');
            this.issues.add('bad-json', 'error', line, column, `invalid JSON (${reason.slice(0, 120)}); line skipped`);
            return;
        }
        if (value === null || typeof value !== 'object' || Array.isArray(value)) {
            const kind = value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;
            this.issues.add('not-an-object', 'error', line, 1, `expected a JSON object, found ${kind}; line skipped`);
            return;
        }
        this.pending.push(value);
        this.pendingLines.push(line);
    }
    /** Writes the pending objects into the batch as byte ranges. */
    fill() {
        const rows = this.pending;
        for (const row of rows) {
            for (const key in row) {
                if (!this.index.has(key)) {
                    this.index.set(key, this.names.length);
                    this.names.push(key);
                }
            }
        }
        const cc = this.names.length;
        const cells = rows.length * cc;
        const batch = this.batch;
        if (batch.starts.length < cells) {
            batch.starts = new Int32Array(cells);
            batch.ends = new Int32Array(cells);
            batch.flags = new Uint8Array(cells);
        }
        if (batch.lines.length < rows.length)
            batch.lines = new Int32Array(this.batchSize);
        const { starts, ends, flags } = batch;
        flags.fill(FieldFlag.NULL, 0, cells);
        starts.fill(0, 0, cells);
        ends.fill(0, 0, cells);
        let w = 0;
        for (let r = 0; r < rows.length; r++) {
            const row = rows[r];
            const base = r * cc;
            for (const key in row) {
                const k = base + this.index.get(key);
                const value = row[key];
                let text;
                let flag;
                if (value === null)
                    continue;
                if (typeof value === 'string') {
                    text = value;
                    flag = FieldFlag.QUOTED;
                }
                else if (typeof value === 'number') {
                    text = String(value);
                    flag = 0;
                }
                else if (typeof value === 'boolean') {
                    text = value ? 'true' : 'false';
                    flag = FieldFlag.BOOLEAN;
                }
                else {
                    text = JSON.stringify(value);
                    flag = FieldFlag.NESTED;
                }
                if (w + text.length * 3 > this.out.length)
                    this.growOut(w + text.length * 3);
                const written = writeUtf8(text, this.out, w);
                if (written !== text.length)
                    flag |= FieldFlag.NON_ASCII;
                starts[k] = w;
                ends[k] = w + written;
                flags[k] = flag;
                w += written;
            }
            batch.lines[r] = this.pendingLines[r];
        }
        batch.columns = this.names.slice();
        batch.columnCount = cc;
        batch.rowCount = rows.length;
        batch.bytes = this.out;
        rows.length = 0;
        this.pendingLines.length = 0;
    }
    growOut(min) {
        let size = this.out.length * 2;
        while (size < min)
            size *= 2;
        const grown = new Uint8Array(size);
        grown.set(this.out);
        this.out = grown;
    }
}

// EXTERNAL MODULE: ./node_modules/.pnpm/hyparquet@1.33.0/node_modules/hyparquet/src/read.js + 17 modules
var read = __webpack_require__(85587);
// EXTERNAL MODULE: ./node_modules/.pnpm/hyparquet@1.33.0/node_modules/hyparquet/src/metadata.js + 1 modules
var src_metadata = __webpack_require__(2050);
// EXTERNAL MODULE: ./node_modules/.pnpm/hyparquet-compressors@1.1.2/node_modules/hyparquet-compressors/src/index.js + 16 modules
var src = __webpack_require__(44345);
;// CONCATENATED MODULE: ./packages/core/src/data/parquet/encode.ts


/**
 * Writes decoded Parquet values into a `RecordBatch` as the text the CSV and JSON Lines readers
 * would give the same value, so consumers need no Parquet-specific path: numbers and BigInts as
 * `String(x)` (which `RecordBatch.number` reads back exactly), strings as UTF-8 with flag QUOTED
 * (so `"NA"` stays text), booleans as `true`/`false` with flag BOOLEAN, dates as ISO 8601,
 * binary as base64 with flag QUOTED, structs, lists and maps as JSON with flag NESTED, and null
 * as an empty field with flag NULL.
 */
class BatchEncoder {
    batch;
    out = new Uint8Array(1 << 16);
    w = 0;
    columnCount = 0;
    constructor(batch) {
        this.batch = batch;
    }
    /** Starts a batch of `rowCount` rows whose first row is row `firstRow` (0-based) of the file. */
    begin(columns, firstRow, rowCount) {
        const batch = this.batch;
        const cells = rowCount * columns.length;
        if (batch.starts.length < cells) {
            batch.starts = new Int32Array(cells);
            batch.ends = new Int32Array(cells);
            batch.flags = new Uint8Array(cells);
        }
        if (batch.lines.length < rowCount)
            batch.lines = new Int32Array(rowCount);
        for (let r = 0; r < rowCount; r++)
            batch.lines[r] = firstRow + r + 1;
        batch.columns = columns;
        batch.columnCount = columns.length;
        batch.rowCount = rowCount;
        this.columnCount = columns.length;
        this.w = 0;
    }
    /** Writes column `col` of the batch's rows `[from, to)` (absolute) from `slices`, which cover them in order. */
    column(col, slices, from) {
        const rowCount = this.batch.rowCount;
        let row = 0;
        for (const slice of slices) {
            if (slice.rowEnd <= from + row)
                continue;
            if (row === rowCount)
                break;
            const offset = from + row - slice.rowStart;
            const take = Math.min(rowCount - row, slice.rowEnd - (from + row));
            this.values(col, row, slice.data, offset, take);
            row += take;
        }
        if (row < rowCount)
            throw new Error(`column ${this.batch.columns[col]} has fewer values than the row group has rows`);
    }
    /** Hands the filled byte buffer to the batch. */
    finish() {
        this.batch.bytes = this.out;
    }
    values(col, row, data, offset, count) {
        const cc = this.columnCount;
        const { starts, ends, flags } = this.batch;
        if (!Array.isArray(data)) {
            // Typed arrays hold numbers or BigInts only: their text is ASCII and never null.
            for (let i = 0, k = row * cc + col; i < count; i++, k += cc) {
                const text = String(data[offset + i]);
                this.ensure(text.length);
                starts[k] = this.w;
                this.w = writeAscii(text, this.out, this.w);
                ends[k] = this.w;
                flags[k] = 0;
            }
            return;
        }
        for (let i = 0, k = row * cc + col; i < count; i++, k += cc)
            this.value(data[offset + i], k);
    }
    value(value, k) {
        const { starts, ends, flags } = this.batch;
        let text;
        let flag;
        switch (typeof value) {
            case 'number':
            case 'bigint':
                text = String(value);
                this.ensure(text.length);
                starts[k] = this.w;
                this.w = writeAscii(text, this.out, this.w);
                ends[k] = this.w;
                flags[k] = 0;
                return;
            case 'string':
                text = value;
                flag = FieldFlag.QUOTED;
                break;
            case 'boolean':
                text = value ? 'true' : 'false';
                flag = FieldFlag.BOOLEAN;
                break;
            case 'undefined':
                starts[k] = ends[k] = this.w;
                flags[k] = FieldFlag.NULL;
                return;
            default:
                if (value === null) {
                    starts[k] = ends[k] = this.w;
                    flags[k] = FieldFlag.NULL;
                    return;
                }
                if (value instanceof Date) {
                    const valid = !Number.isNaN(value.getTime());
                    text = valid ? value.toISOString() : String(value);
                    flag = valid ? 0 : FieldFlag.QUOTED;
                }
                else if (value instanceof Uint8Array) {
                    text = Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64');
                    flag = FieldFlag.QUOTED;
                }
                else {
                    text = JSON.stringify(value, jsonSafe);
                    flag = FieldFlag.NESTED;
                }
        }
        this.ensure(text.length * 3);
        const at = this.w;
        const written = writeUtf8(text, this.out, at);
        if (written !== text.length)
            flag |= FieldFlag.NON_ASCII;
        starts[k] = at;
        ends[k] = at + written;
        flags[k] = flag;
        this.w = at + written;
    }
    ensure(extra) {
        const min = this.w + extra;
        if (min <= this.out.length)
            return;
        let size = this.out.length * 2;
        while (size < min)
            size *= 2;
        const grown = new Uint8Array(size);
        grown.set(this.out.subarray(0, this.w));
        this.out = grown;
    }
}
/** JSON for values JSON.stringify refuses or mangles: BigInts and bytes (dates become ISO via toJSON). */
function jsonSafe(_key, value) {
    // Beyond 2^53 a JSON number would silently round: keep the exact digits as a string instead.
    if (typeof value === 'bigint')
        return Number.isSafeInteger(Number(value)) ? Number(value) : String(value);
    if (value instanceof Uint8Array)
        return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64');
    return value;
}
function writeAscii(text, out, at) {
    for (let i = 0; i < text.length; i++)
        out[at + i] = text.charCodeAt(i);
    return at + text.length;
}

;// CONCATENATED MODULE: ./packages/core/src/data/parquet/file-buffer.ts
/**
 * The `AsyncBuffer` hyparquet reads through: each `slice` is one positioned read of exactly the
 * requested range, so only the footer and the column chunks hyparquet asks for ever leave the disk.
 */
function fileAsyncBuffer(handle, byteLength) {
    return {
        byteLength,
        async slice(start, end = byteLength) {
            const from = Math.max(0, start);
            const to = Math.min(byteLength, end);
            const out = new Uint8Array(Math.max(0, to - from));
            let filled = 0;
            while (filled < out.length) {
                const { bytesRead } = await handle.read(out, filled, out.length - filled, from + filled);
                // The file shrank under us: a short buffer would decode as garbage further on.
                if (bytesRead === 0)
                    throw new Error(`unexpected end of file at byte ${from + filled} of ${byteLength}`);
                filled += bytesRead;
            }
            return out.buffer;
        },
    };
}

;// CONCATENATED MODULE: ./packages/core/src/data/parquet-reader.ts









/** The byte source `openReader` pairs with a `ParquetReader`, which reads its file itself. */
const NO_BYTES = {
    [Symbol.asyncIterator]: () => ({ next: () => Promise.resolve({ done: true, value: undefined }) }),
};
/**
 * The row groups of shard `index/count`: a contiguous run, the groups whose middle row `m`
 * satisfies `floor(m * count / total) = index - 1`. Every group has one middle, so shards 1..n
 * read every row exactly once, in file order, with about `total / count` rows each (n equal
 * groups go one to a shard); a file with fewer groups than shards leaves some shards empty.
 */
function parquetShardGroups(groupRows, index, count) {
    const total = groupRows.reduce((sum, rows) => sum + rows, 0);
    const groups = [];
    let first = 0;
    for (let g = 0; g < groupRows.length; g++) {
        const rows = groupRows[g];
        // Twice the middle row, to stay in integers.
        const shard = total === 0 ? 0 : Math.floor(((2 * first + rows) * count) / (2 * total));
        if (shard === index - 1)
            groups.push(g);
        first += rows;
    }
    return groups;
}
/**
 * Reads a Parquet file into the same `RecordBatch`es as the CSV and JSON Lines readers (values
 * as text: see `BatchEncoder`). Parquet is random access, so the reader reads the file itself,
 * one row group at a time through positioned reads of the byte ranges hyparquet asks for:
 * memory holds one decoded row group, never the file. hyparquet decodes whole pages, so reading
 * a row group in smaller row ranges would decode its pages again for every range; instead the
 * decoded group is cut into batches of `batchSize` rows. `RecordBatch.line(r)` is the 1-based
 * row number in the file. Decoding problems (corrupt data, unsupported codec or encoding) stop
 * the read with a `UserError` naming the file; `issues` stays empty.
 */
class ParquetReader {
    file;
    metadata;
    issues;
    columns;
    /** Rows this reader yields (its shard's row groups). */
    rowCount;
    batchSize;
    groups;
    batch;
    constructor(file, metadata, options = {}) {
        this.file = file;
        this.metadata = metadata;
        this.batchSize = Math.max(1, options.batchSize ?? 16384);
        this.issues = new IssueLog(file, 0);
        this.batch = new RecordBatch(new NullTokens(options.nullValues));
        const layout = layoutOf(metadata);
        this.columns = layout.columns;
        const shard = options.shard ?? { index: 1, count: 1 };
        this.groups = parquetShardGroups(layout.groupRows, shard.index, shard.count);
        this.rowCount = this.groups.reduce((sum, g) => sum + layout.groupRows[g], 0);
    }
    /** Parquet cannot be pushed as a byte stream: use `batches`, which reads the file itself. */
    write(_chunk) {
        throw new Error('ParquetReader reads its file itself: iterate batches() instead of writing bytes');
    }
    end() { }
    /** Always null: batches come only from `batches`. */
    next() {
        return null;
    }
    /**
     * The shard's rows as batches, each valid until the next iteration. `source` exists for the
     * `BatchReader` signature and is ignored (`openReader` passes an empty one).
     */
    async *batches(_source) {
        const handle = await openFile(this.file);
        try {
            const buffer = fileAsyncBuffer(handle, (await handle.stat()).size);
            const encoder = new BatchEncoder(this.batch);
            const starts = groupStarts(this.metadata);
            for (const g of this.groups) {
                const groupStart = starts[g];
                const groupEnd = groupStart + Number(this.metadata.row_groups[g].num_rows);
                const slices = await this.readGroup(buffer, g, groupStart, groupEnd);
                for (let from = groupStart; from < groupEnd; from += this.batchSize) {
                    const rows = Math.min(this.batchSize, groupEnd - from);
                    encoder.begin(this.columns, from, rows);
                    try {
                        for (let col = 0; col < this.columns.length; col++)
                            encoder.column(col, slices[col], from);
                    }
                    catch (error) {
                        throw this.failure(g, error);
                    }
                    encoder.finish();
                    yield this.batch;
                }
            }
        }
        finally {
            await handle.close();
        }
    }
    /** Decodes every column of row group `g`, as slices per column in row order. */
    async readGroup(buffer, g, rowStart, rowEnd) {
        const index = new Map(this.columns.map((name, col) => [name, col]));
        const slices = this.columns.map(() => []);
        try {
            await (0,read/* parquetRead */.bA)({
                file: buffer,
                metadata: this.metadata,
                compressors: src/* compressors */.Vm,
                rowStart,
                rowEnd,
                onChunk: ({ columnName, columnData, rowStart: start, rowEnd: end }) => {
                    const col = index.get(columnName);
                    if (col !== undefined)
                        slices[col].push({ data: columnData, rowStart: start, rowEnd: end });
                },
            });
        }
        catch (error) {
            throw this.failure(g, error);
        }
        for (const list of slices)
            list.sort((a, b) => a.rowStart - b.rowStart);
        return slices;
    }
    failure(g, error) {
        const reason = error instanceof Error ? error.message : String(error);
        return new errors_UserError(`cannot read Parquet row group ${g + 1} of ${this.metadata.row_groups.length}: ${reason}`, {
            file: this.file,
        });
    }
}
/** Reads the footer of a Parquet file; a file that is not Parquet or is truncated is a `UserError`. */
async function readParquetMetadata(path) {
    const handle = await openFile(path);
    try {
        return await (0,src_metadata/* parquetMetadataAsync */.Ei)(fileAsyncBuffer(handle, (await handle.stat()).size));
    }
    catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new errors_UserError(`not a readable Parquet file (${reason})`, { file: path });
    }
    finally {
        await handle.close();
    }
}
/** The file's columns, row count and row-group sizes, from its footer. */
async function readParquetLayout(path) {
    return layoutOf(await readParquetMetadata(path));
}
/** A reader over shard `options.shard` (default all) of a Parquet file, after reading its footer. */
async function openParquetReader(path, options = {}) {
    return new ParquetReader(path, await readParquetMetadata(path), options);
}
function layoutOf(metadata) {
    return {
        columns: (0,src_metadata/* parquetSchema */.YR)(metadata).children.map((child) => child.element.name),
        rowCount: Number(metadata.num_rows),
        groupRows: metadata.row_groups.map((group) => Number(group.num_rows)),
    };
}
function groupStarts(metadata) {
    const starts = [];
    let at = 0;
    for (const group of metadata.row_groups) {
        starts.push(at);
        at += Number(group.num_rows);
    }
    return starts;
}
async function openFile(path) {
    return (0,promises_.open)(path, 'r').catch((error) => {
        throw new errors_UserError(fileErrorMessage(error), { file: path });
    });
}

;// CONCATENATED MODULE: ./packages/core/src/data/source.ts









const CHUNK = 1 << 20;
/**
 * Bytes of a file as chunks. The chunk buffer is reused: each chunk is valid until the next is
 * requested (the readers copy what they keep). A gzip file (magic 1f 8b) is decompressed when
 * read whole; byte ranges of a gzip file are refused.
 */
async function* openDataSource(path, options = {}) {
    const handle = await (0,promises_.open)(path, 'r').catch((error) => {
        throw new errors_UserError(fileErrorMessage(error), { file: path });
    });
    try {
        const buffer = new Uint8Array(CHUNK);
        const magic = await handle.read(buffer, 0, 2, 0);
        if (magic.bytesRead === 2 && buffer[0] === 0x1f && buffer[1] === 0x8b) {
            if ((options.start ?? 0) > 0 || options.end !== undefined) {
                throw new errors_UserError('a gzip file cannot be read by byte ranges (shards); decompress it first', { file: path });
            }
            yield* gunzip(path);
            return;
        }
        let position = options.start ?? 0;
        const end = options.end ?? Infinity;
        while (position < end) {
            const { bytesRead } = await handle.read(buffer, 0, Math.min(CHUNK, end - position), position);
            if (bytesRead === 0)
                break;
            position += bytesRead;
            yield buffer.subarray(0, bytesRead);
        }
    }
    finally {
        await handle.close();
    }
}
async function* gunzip(path) {
    const stream = (0,external_node_fs_.createReadStream)(path, { highWaterMark: CHUNK }).pipe((0,external_node_zlib_.createGunzip)({ chunkSize: CHUNK }));
    try {
        for await (const chunk of stream)
            yield chunk;
    }
    catch (error) {
        throw new errors_UserError(`cannot decompress gzip data: ${error.message}`, { file: path });
    }
}
/** The format a file name implies (`.tsv`, `.jsonl`/`.ndjson`, `.parquet`, anything else CSV), ignoring `.gz`. */
function source_formatOf(path) {
    const lower = path.toLowerCase();
    if (lower.endsWith('.parquet'))
        return 'parquet';
    const name = lower.replace(/\.gz$/, '');
    if (name.endsWith('.tsv') || name.endsWith('.tab'))
        return 'tsv';
    if (name.endsWith('.jsonl') || name.endsWith('.ndjson'))
        return 'jsonl';
    return 'csv';
}
/**
 * A reader for the file's format and the bytes to feed it: `for await (const b of reader.batches(source))`.
 * Parquet shards are runs of row groups (see `parquetShardGroups`), and its source is empty: the
 * Parquet reader reads the byte ranges it needs itself.
 */
async function openReader(path, options = {}) {
    const format = options.format ?? source_formatOf(path);
    const shard = options.shard ?? { index: 1, count: 1 };
    if (format === 'jsonl')
        return openJsonlShard(path, shard, options.jsonl);
    if (format === 'parquet')
        return { reader: await openParquetReader(path, { ...options.parquet, shard }), source: NO_BYTES };
    const csv = format === 'tsv' ? { delimiter: '\t', ...options.csv } : options.csv;
    return openCsvShard(path, shard, csv);
}
/**
 * A reader over the rows of shard `i/n` of a CSV file and the bytes to feed it: the rows that
 * start in the shard's row-aligned byte range, with the header's column names and true line
 * numbers. Shards 1..n together read every row exactly once.
 */
async function openCsvShard(path, shard, options = {}) {
    const size = await refuseGzipShards(path, shard);
    const { start, end } = shardRange(size, shard.index, shard.count);
    const scan = {
        ...(options.delimiter !== undefined && { delimiter: options.delimiter }),
        header: options.header ?? true,
    };
    const begin = shard.index === 1 ? { offset: 0, line: 1 } : await findRowStart(openDataSource(path), start, scan);
    const stopAt = shard.index === shard.count ? -1 : Math.max(0, end - begin.offset);
    const readerOptions = { file: path, ...options, stopAt };
    if (shard.index > 1) {
        Object.assign(readerOptions, {
            columns: await readCsvColumns(path, options),
            firstLine: begin.line,
            stripBom: false,
        });
    }
    return { reader: new CsvReader(readerOptions), source: openDataSource(path, { start: begin.offset }) };
}
/** Shard `i/n` of a JSON Lines file: the lines that start in its byte range. */
async function openJsonlShard(path, shard, options = {}) {
    const size = await refuseGzipShards(path, shard);
    const { start, end } = shardRange(size, shard.index, shard.count);
    const begin = shard.index === 1 ? { offset: 0, line: 1 } : await findLineStart(openDataSource(path), start);
    const stopAt = shard.index === shard.count ? -1 : Math.max(0, end - begin.offset);
    const reader = new JsonlReader({ file: path, ...options, stopAt, firstLine: begin.line });
    return { reader, source: openDataSource(path, { start: begin.offset }) };
}
/** The column names a `CsvReader` with these options gives the file, reading only its first row. */
async function readCsvColumns(path, options = {}) {
    const { stopAt: _stopAt, columns: _columns, ...rest } = options;
    const reader = new CsvReader({ ...rest, batchSize: 1 });
    for await (const chunk of openDataSource(path)) {
        reader.write(chunk);
        reader.next();
        if (reader.columns.length > 0)
            return reader.columns;
    }
    reader.end();
    reader.next();
    return reader.columns;
}
/** Whether the file starts with gzip's magic bytes (1f 8b); false for a file too short to tell. */
async function isGzipFile(path) {
    const handle = await (0,promises_.open)(path, 'r').catch((error) => {
        throw new errors_UserError(fileErrorMessage(error), { file: path });
    });
    try {
        const magic = new Uint8Array(2);
        const { bytesRead } = await handle.read(magic, 0, 2, 0);
        return bytesRead === 2 && magic[0] === 0x1f && magic[1] === 0x8b;
    }
    finally {
        await handle.close();
    }
}
/** The file's size, after checking that it can be split: byte ranges of gzip data mean nothing. */
async function refuseGzipShards(path, shard) {
    let size;
    try {
        size = (await (0,promises_.stat)(path)).size;
    }
    catch (error) {
        throw new errors_UserError(fileErrorMessage(error), { file: path });
    }
    if (shard.count > 1 && (await isGzipFile(path))) {
        throw new errors_UserError('a gzip file cannot be split into shards; decompress it first', { file: path });
    }
    return size;
}

;// CONCATENATED MODULE: ./packages/core/src/report/row-annotations.ts

/** Whether GitHub can show a line of `path`: plain CSV/TSV/JSON Lines, not gzip or Parquet. */
function hasAnnotatableLines(path) {
    return !path.toLowerCase().endsWith('.gz') && formatOf(path) !== 'parquet';
}
/** Enough to find the pattern from the diff view; the report holds every example. */
const MAX_PER_CHECK = 10;
const MAX_TOTAL = 50;
/**
 * Annotations on the first failing rows of a text data file: one per failing value a check kept
 * (with its line), and one per row the reader could not read cleanly. `file` is the path the
 * annotations point at, relative to the repository root.
 */
function rowAnnotations(section, file) {
    const groups = [
        ...section.checks
            .filter((check) => check.status === 'fail' || check.status === 'warn')
            .map((c) => checkRows(c, file)),
        (section.issues ?? []).map((issue) => issueRow(issue, file)),
    ];
    const annotations = [];
    let omitted = 0;
    for (const group of groups) {
        const room = Math.max(0, Math.min(MAX_PER_CHECK, MAX_TOTAL - annotations.length));
        annotations.push(...group.slice(0, room));
        omitted += Math.max(0, group.length - room);
    }
    return { annotations, omitted };
}
function checkRows(check, file) {
    const level = check.status === 'fail' ? 'error' : 'warning';
    const subject = check.column === undefined ? check.check : `${check.column}: ${check.check}`;
    return (check.examples ?? []).flatMap(({ line, value }) => line === undefined
        ? []
        : [
            {
                level,
                message: `${subject} - value ${JSON.stringify(value)} (${check.message})`,
                location: { file, line },
            },
        ]);
}
function issueRow(issue, file) {
    const warning = issue.message.startsWith('warning:');
    return {
        level: warning ? 'warning' : 'error',
        message: issue.message.replace(/^(error|warning): /, ''),
        location: { file, line: issue.line, ...(issue.column !== undefined && { column: issue.column }) },
    };
}

;// CONCATENATED MODULE: ./packages/core/src/report/per-model.ts

const CONCLUSIONS = {
    pass: 'success',
    warn: 'neutral',
    fail: 'failure',
    skipped: 'skipped',
};
function checkConclusion(status) {
    return CONCLUSIONS[status];
}
/**
 * The part of a merged report that decides one model: its comparison, every data validation (the
 * data feeds every model), and the reasons about that model or about no model in particular. The
 * verdict is the worst of those reasons; the summary is the deciding reasons' messages.
 */
function reportForModel(report, model) {
    const reasons = report.verdict.reasons.filter((reason) => reason.model === undefined || reason.model === model);
    const comparisons = (report.comparisons ?? []).filter((section) => section.model === model);
    const judged = [...reasons.map((reason) => reason.status), ...(report.validations ?? []).map((v) => v.status)];
    // A report that gives no reasons at all has only its overall verdict to go by.
    const status = judged.length > 0 ? worstStatus(judged) : report.verdict.status;
    const deciding = reasons.filter((reason) => reason.status === status && status !== 'pass');
    const summary = deciding.length > 0 ? deciding.map((reason) => reason.message).join('; ') : report.verdict.summary;
    const { validations: _validations, comparisons: _comparisons, ...rest } = report;
    return {
        ...rest,
        verdict: { status, summary: Array.from(summary).slice(0, 4096).join(''), reasons },
        ...(report.validations ? { validations: report.validations } : {}),
        ...(comparisons.length > 0 ? { comparisons } : {}),
    };
}

;// CONCATENATED MODULE: ./packages/core/src/config/defaults.ts
/** Every default of `mlgate.yml`, in one place (the schema descriptions quote them). */
const CONFIG_DEFAULTS = {
    confidence: 0.95,
    bootstrap: { resamples: 1000, seed: 42 },
    onMissingBaseline: 'pass',
    significance: 'regression',
    sliceMinSize: 30,
    stages: ['staging', 'production'],
    report: { comment: true, check: true, summary: true },
};
/** What a version needs for a stage that `mlgate.yml` does not list (or lists without these keys). */
const DEFAULT_STAGE_POLICY = { allowWarn: false, requireBetterThanCurrent: false };

;// CONCATENATED MODULE: ./packages/core/schemas/config.schema.json
const config_schema_namespaceObject = /*#__PURE__*/JSON.parse('{"$schema":"http://json-schema.org/draft-07/schema#","title":"mlgate configuration (mlgate.yml)","description":"Models, datasets, gate rules and registry stages for mlgate. Put `# yaml-language-server: $schema=<url of this file>` at the top of mlgate.yml for completion in editors.","type":"object","additionalProperties":false,"required":["version"],"properties":{"version":{"description":"Configuration format version. Always 1.","const":1},"models":{"description":"Models to train, compare and register, by name.","type":"object","maxProperties":100,"propertyNames":{"$ref":"#/definitions/name"},"additionalProperties":{"$ref":"#/definitions/model"}},"data":{"description":"Datasets to validate and watch for drift, by name.","type":"object","maxProperties":100,"propertyNames":{"$ref":"#/definitions/name"},"additionalProperties":{"$ref":"#/definitions/dataset"}},"profile":{"$ref":"#/definitions/profile"},"gate":{"$ref":"#/definitions/gate"},"registry":{"$ref":"#/definitions/registry"},"report":{"$ref":"#/definitions/report"}},"definitions":{"name":{"type":"string","maxLength":100,"pattern":"^[a-zA-Z0-9]([a-zA-Z0-9_/-]*[a-zA-Z0-9])?$","examples":["churn"],"patternErrorMessage":"must start and end with a letter or digit and contain only letters, digits, \'-\', \'_\' and \'/\'"},"stage":{"type":"string","maxLength":100,"pattern":"^[a-zA-Z0-9]([a-zA-Z0-9_-]*[a-zA-Z0-9])?$","examples":["staging"],"patternErrorMessage":"must start and end with a letter or digit and contain only letters, digits, \'-\' and \'_\'"},"path":{"description":"A path relative to the repository root.","examples":["data/train.csv"],"type":"string","minLength":1,"maxLength":1024},"pathList":{"type":"array","maxItems":1000,"items":{"$ref":"#/definitions/path"}},"paths":{"description":"A path or a list of paths.","anyOf":[{"$ref":"#/definitions/path"},{"type":"array","minItems":1,"maxItems":100,"items":{"$ref":"#/definitions/path"}}],"errorMessage":"must be a path or a list of paths"},"tolerance":{"description":"A number in the metric\'s own units (0.005), or a percentage of the baseline value (\\"1%\\").","examples":["1%"],"anyOf":[{"type":"number","minimum":0},{"type":"string","pattern":"^(0|[1-9][0-9]*)(\\\\.[0-9]+)?%$","patternErrorMessage":"must be a number or a percentage such as \\"1%\\""}],"errorMessage":"must be a number or a percentage such as \\"1%\\""},"model":{"type":"object","additionalProperties":false,"properties":{"metrics":{"description":"Metrics files (JSON, YAML, TOML, CSV); nested keys are flattened with \'.\'.","examples":[["out/metrics.json"]],"$ref":"#/definitions/paths"},"predictions":{"description":"Predictions file (CSV, JSONL, Parquet) with one row per example; enables paired statistics.","examples":["out/predictions.csv"],"$ref":"#/definitions/path"},"params":{"description":"Parameter files shown as a diff in the report.","examples":["params.yaml"],"$ref":"#/definitions/paths"},"train":{"$ref":"#/definitions/train"},"task":{"description":"What the predictions are. Default: detected from the labels (the report states the guess).","enum":["binary","multiclass","regression"],"examples":["binary"]},"positive_class":{"description":"Label of the positive class of a binary model (the class the score is the probability of). Default only when unambiguous: 1, true, yes or positive.","type":["string","number","boolean"],"examples":["churn"]},"score_type":{"description":"What the score holds: probability (of the positive class, in [0, 1]), logit (log-odds; log loss and Brier through the sigmoid) or decision (any real value; ranking metrics only). Default: probability when every score is in [0, 1], else ranking metrics only.","enum":["probability","logit","decision"],"examples":["logit"]},"columns":{"$ref":"#/definitions/columns"},"card":{"$ref":"#/definitions/card"},"bump":{"description":"How `mlgate registry register` picks the next version when none is given: patch, minor, major, or auto (minor when the training params differ from those the latest registered version recorded, patch otherwise). Default patch, as GTO.","enum":["patch","minor","major","auto"],"examples":["auto"]},"stages":{"description":"What a version needs to be assigned to each stage (`mlgate registry assign`). Every version needs a recorded gate verdict of pass and a manifest that matches its stored file; the settings here relax or add to that per stage.","type":"object","maxProperties":20,"propertyNames":{"$ref":"#/definitions/stage"},"additionalProperties":{"$ref":"#/definitions/stagePolicy"}}}},"card":{"description":"What the model card of each registered version (a release asset) says beyond the numbers.","type":"object","additionalProperties":false,"properties":{"intended_use":{"description":"What the model is for and who uses it; blank lines separate paragraphs.","type":"string","minLength":1,"maxLength":10000,"examples":["Ranks active customers by their risk of cancelling in the next 30 days, for the retention team\'s weekly call list."]},"limitations":{"description":"Where the model should not be used or is known to be weak.","type":"string","minLength":1,"maxLength":10000,"examples":["Trained on customers with at least one month of tenure; not for new sign-ups."]},"owners":{"description":"Who answers for the model (teams or people).","type":"array","maxItems":50,"items":{"type":"string","minLength":1,"maxLength":200},"examples":[["retention-ml"]]}}},"stagePolicy":{"type":"object","additionalProperties":false,"properties":{"allow_warn":{"description":"Accept a recorded gate verdict of warn as well as pass. Default false.","type":"boolean","examples":[true]},"require_better_than_current":{"description":"Refuse a version that is significantly worse than the stage\'s current version on any metric, by compare\'s statistics on both versions\' stored predictions. Default false.","type":"boolean","examples":[true]}}},"train":{"description":"How to train the model; training is skipped when its inputs are unchanged.","type":"object","additionalProperties":false,"required":["command"],"properties":{"command":{"description":"The training command, run by the shell in working_directory (like a workflow\'s run:).","type":"string","minLength":1,"maxLength":10000,"examples":["python train.py"]},"deps":{"description":"Files, folders and globs (data/*.csv, src/**) the command reads; their content is in the fingerprint. A pattern matching nothing is an error.","examples":[["data/train.csv","src/"]],"$ref":"#/definitions/pathList"},"outs":{"description":"Files and folders the command writes; restored byte-identical on a run-cache hit.","examples":[["out/model.pkl"]],"$ref":"#/definitions/pathList"},"params":{"description":"Parameter keys the command uses (e.g. train.lr), from the model\'s params files.","type":"array","maxItems":1000,"items":{"type":"string","minLength":1,"maxLength":256},"examples":[["train.lr"]]},"metrics":{"description":"Metrics files the command writes (default: the model\'s metrics).","examples":[["out/metrics.json"]],"$ref":"#/definitions/pathList"},"predictions":{"description":"Per-example predictions file the command writes (default: the model\'s predictions).","examples":["out/predictions.csv"],"$ref":"#/definitions/path"},"cache":{"description":"Skip training when the fingerprint (command, deps, params, outs) was trained before, restoring its outputs. Default true.","type":"boolean","examples":[true]},"timeout_minutes":{"description":"Stop the command (SIGTERM to its whole process tree, SIGKILL after a grace period) after this many minutes.","type":"number","exclusiveMinimum":0,"maximum":4320,"examples":[60]},"working_directory":{"description":"Where the command runs; the train paths are relative to it. Default: the repository root.","examples":["models/churn"],"$ref":"#/definitions/path"},"env":{"description":"Variables for the command. Their names are recorded in the manifest, never their values, and they are not in the fingerprint.","type":"object","maxProperties":100,"propertyNames":{"type":"string","pattern":"^[A-Za-z_][A-Za-z0-9_]*$","patternErrorMessage":"must be a variable name (letters, digits, \'_\')"},"additionalProperties":{"type":"string","maxLength":10000},"examples":[{"MODE":"fast"}]}}},"columns":{"description":"Column names of the predictions file, when they are not the defaults.","type":"object","additionalProperties":false,"properties":{"id":{"description":"Example id, pairing candidate and baseline. Default: id, example_id or row_id.","examples":["customer_id"],"$ref":"#/definitions/columnName"},"label":{"description":"True label. Default: label, y_true, target or actual.","examples":["churned"],"$ref":"#/definitions/columnName"},"prediction":{"description":"Predicted label or value. Default: prediction, y_pred, pred or predicted.","examples":["predicted"],"$ref":"#/definitions/columnName"},"score":{"description":"Score of the positive class (binary). Default: score, y_score, proba, probability or y_prob.","examples":["p_churn"],"$ref":"#/definitions/columnName"},"class_scores":{"description":"Prefix of a multiclass model\'s per-class probability columns (score_cat, score_dog, …). Default score_.","examples":["proba_"],"$ref":"#/definitions/columnName"}}},"columnName":{"type":"string","minLength":1,"maxLength":256},"significance":{"enum":["regression","non_inferiority","none"]},"dataset":{"type":"object","additionalProperties":false,"required":["path"],"properties":{"path":{"description":"The data file: CSV, TSV, JSON Lines (each optionally .gz) or Parquet.","$ref":"#/definitions/path"},"schema":{"description":"Data schema (YAML) or Great Expectations suite (JSON).","examples":["data/schema.yml"],"$ref":"#/definitions/path"},"reference":{"description":"Reference data for drift: a path, a profile, or registry:<model>#<stage>.","examples":["data/reference-profile.json"],"type":"string","minLength":1,"maxLength":1024}}},"gate":{"description":"How a candidate is judged against its baseline.","type":"object","additionalProperties":false,"properties":{"confidence":{"description":"Confidence level of intervals and tests. Default 0.95.","type":"number","exclusiveMinimum":0.5,"exclusiveMaximum":1,"examples":[0.95]},"significance":{"description":"Default significance mode of every max_regression rule (gate.metrics and gate.slices): regression, non_inferiority or none. Default regression.","$ref":"#/definitions/significance"},"bootstrap":{"description":"The seeded paired bootstrap behind every confidence interval.","type":"object","additionalProperties":false,"properties":{"resamples":{"description":"Bootstrap resamples. Default 1000.","type":"integer","minimum":100,"maximum":100000,"examples":[1000]},"seed":{"description":"Seed, so intervals are reproducible. Default 42.","type":"integer","minimum":0,"maximum":4294967295,"examples":[42]}}},"on_missing_baseline":{"description":"Verdict when there is no baseline to compare with (the first run). Default pass.","enum":["pass","warn","fail"]},"require":{"description":"Other results the gate requires: data_validation (no failing data check), drift (no drifted dataset).","type":"array","uniqueItems":true,"items":{"enum":["data_validation","drift"]}},"metrics":{"description":"Rules per metric name.","type":"object","maxProperties":1000,"propertyNames":{"minLength":1,"maxLength":256,"examples":["roc_auc"]},"additionalProperties":{"$ref":"#/definitions/metricRule"}},"slices":{"$ref":"#/definitions/sliceRule"}}},"metricRule":{"type":"object","additionalProperties":false,"properties":{"direction":{"description":"Which way is better.","enum":["higher","lower"]},"min":{"description":"The candidate must be at least this.","type":"number","examples":[0.8]},"max":{"description":"The candidate must be at most this.","type":"number","examples":[1]},"max_regression":{"description":"Largest tolerated change for the worse versus the baseline.","examples":[0.005],"$ref":"#/definitions/tolerance"},"significance":{"description":"How the interval judges max_regression: regression (the default) fails a regression significantly beyond the allowance and warns when only the point estimate is beyond it; non_inferiority passes only when the interval shows that any regression is within the allowance; none lets the point estimate decide.","examples":["regression"],"$ref":"#/definitions/significance"},"require_significance":{"description":"Older spelling of significance: true is regression (the default), false is none.","type":"boolean"}}},"sliceRule":{"description":"Rules for slices: the metrics computed on the rows of each value of these prediction columns.","type":"object","additionalProperties":false,"required":["columns"],"properties":{"columns":{"description":"Prediction columns whose values define slices.","type":"array","minItems":1,"maxItems":20,"uniqueItems":true,"items":{"type":"string","minLength":1,"maxLength":256},"examples":[["plan"]]},"min_size":{"description":"Smallest slice that is judged. Default 30.","type":"integer","minimum":1,"examples":[30]},"max_regression":{"description":"Largest tolerated change for the worse in any slice, for every metric with a gate.metrics rule (every slice metric when there are none).","$ref":"#/definitions/tolerance"},"significance":{"description":"Significance mode of the slice rules. Default: the gate\'s.","$ref":"#/definitions/significance"},"metrics":{"description":"Slice rules per metric, in place of max_regression for the metrics named.","type":"object","maxProperties":1000,"propertyNames":{"minLength":1,"maxLength":256},"additionalProperties":{"$ref":"#/definitions/sliceMetricRule"}}}},"sliceMetricRule":{"type":"object","additionalProperties":false,"required":["max_regression"],"properties":{"max_regression":{"description":"Largest tolerated change for the worse of this metric in any slice.","$ref":"#/definitions/tolerance"},"significance":{"description":"Significance mode of this slice rule: regression, non_inferiority or none. Default: the slice rule\'s.","examples":["non_inferiority"],"$ref":"#/definitions/significance"}}},"registry":{"description":"The git-native model registry (tags in GTO\'s grammar).","type":"object","additionalProperties":false,"properties":{"stages":{"description":"Stages in promotion order. Default [staging, production].","type":"array","minItems":1,"maxItems":20,"uniqueItems":true,"items":{"$ref":"#/definitions/stage"},"examples":[["staging","production"]]}}},"profile":{"description":"How `mlgate validate` and `mlgate profile` profile data (the validate action too). A flag or action input overrides it.","type":"object","additionalProperties":false,"properties":{"exact_values":{"description":"Non-null numeric values kept exactly per column and side: up to it, KS, Wasserstein, quantiles and medians are exact (scipy\'s and numpy\'s numbers); past it a value grid stands in and the report marks drift approximate with its bounds. A saved profile stores the kept values (about 3.5 MB per million values a column). Default 1000000.","type":"integer","minimum":1,"maximum":100000000,"examples":[1000000]}}},"report":{"description":"Where the report is published.","type":"object","additionalProperties":false,"properties":{"comment":{"description":"Post a sticky pull request comment. Default true.","type":"boolean"},"check":{"description":"Create a check run. Default true.","type":"boolean"},"summary":{"description":"Write the job summary. Default true.","type":"boolean"}}}}}');
;// CONCATENATED MODULE: ./packages/core/src/sketch/json.ts

function fail(path, message) {
    throw new errors_UserError(message, { path });
}
function describeValue(value) {
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return 'an array';
    if (typeof value === 'string')
        return `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
    if (typeof value === 'number' || typeof value === 'boolean')
        return String(value);
    if (value === undefined)
        return 'nothing';
    return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
/** Checks `value` is an object of the given kind and a version this code reads. */
function expectSketch(value, kind, versions, path) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        fail(path, `expected a ${kind} sketch object, got ${describeValue(value)}`);
    }
    const obj = value;
    if (obj.kind !== kind)
        fail(`${path}.kind`, `expected kind "${kind}", got ${describeValue(obj.kind)}`);
    if (typeof obj.version !== 'number' || !versions.includes(obj.version)) {
        fail(`${path}.version`, `unsupported ${kind} version ${describeValue(obj.version)} (supported: ${versions.join(', ')})`);
    }
    return obj;
}
function expectInteger(obj, key, path, min, max) {
    const v = obj[key];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
        fail(`${path}.${key}`, `expected an integer in [${min}, ${max}], got ${describeValue(v)}`);
    }
    return v;
}
function expectFinite(obj, key, path) {
    const v = obj[key];
    if (typeof v !== 'number' || !Number.isFinite(v))
        fail(`${path}.${key}`, `expected a finite number, got ${describeValue(v)}`);
    return v;
}
/** A finite number, or null standing for "no value" (e.g. min of an empty sketch). */
function expectFiniteOrNull(obj, key, path) {
    return obj[key] === null ? null : expectFinite(obj, key, path);
}
function expectString(obj, key, path) {
    const v = obj[key];
    if (typeof v !== 'string')
        fail(`${path}.${key}`, `expected a string, got ${describeValue(v)}`);
    return v;
}
function expectArray(obj, key, path) {
    const v = obj[key];
    if (!Array.isArray(v))
        fail(`${path}.${key}`, `expected an array, got ${describeValue(v)}`);
    return v;
}
function expectFiniteArray(obj, key, path) {
    const arr = expectArray(obj, key, path);
    for (let i = 0; i < arr.length; i++) {
        const v = arr[i];
        if (typeof v !== 'number' || !Number.isFinite(v)) {
            fail(`${path}.${key}[${i}]`, `expected a finite number, got ${describeValue(v)}`);
        }
    }
    return arr;
}

;// CONCATENATED MODULE: ./packages/core/src/sketch/codec.ts
/**
 * The compact binary form of a sketch's numbers inside profile JSON: varints of deltas (sorted values are close
 * to each other), decimals stored as the integers they scale to, deflated, base64. Profiles are committed next
 * to the data they describe, so their size matters; reading one back must give every number exactly.
 */


const TWO_52 = 2 ** 52;
/** Decimals with up to this many fractional digits are stored as integers. */
const MAX_DIGITS = 9;
const RAW_FLOATS = 255;
class ByteWriter {
    bytes = new Uint8Array(1024);
    length = 0;
    room(n) {
        if (this.length + n <= this.bytes.length)
            return;
        const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.length + n));
        grown.set(this.bytes.subarray(0, this.length));
        this.bytes = grown;
    }
    byte(b) {
        this.room(1);
        this.bytes[this.length++] = b;
    }
    /** A non-negative integer below 2^53, 7 bits a byte. */
    varint(v) {
        this.room(8);
        while (v >= 128) {
            this.bytes[this.length++] = (v % 128) | 128;
            v = Math.floor(v / 128);
        }
        this.bytes[this.length++] = v;
    }
    /** A signed integer of magnitude below 2^52. */
    signed(v) {
        this.varint(v >= 0 ? 2 * v : -2 * v - 1);
    }
    float64(v) {
        this.room(8);
        new DataView(this.bytes.buffer).setFloat64(this.length, v, true);
        this.length += 8;
    }
    /** Deflated and base64-encoded. */
    encode() {
        return (0,external_node_zlib_.deflateRawSync)(this.bytes.subarray(0, this.length), { level: 9 }).toString('base64');
    }
}
class ByteReader {
    bytes;
    path;
    at = 0;
    view;
    constructor(bytes, path) {
        this.bytes = bytes;
        this.path = path;
        this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    }
    static decode(text, path) {
        if (typeof text !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) {
            fail(path, 'expected base64 text');
        }
        try {
            return new ByteReader((0,external_node_zlib_.inflateRawSync)(Buffer.from(text, 'base64')), path);
        }
        catch {
            fail(path, 'is not a deflated byte stream');
        }
    }
    truncated() {
        fail(this.path, 'ends early (truncated or corrupt data)');
    }
    byte() {
        if (this.at >= this.bytes.length)
            this.truncated();
        return this.bytes[this.at++];
    }
    varint() {
        let v = 0;
        let scale = 1;
        for (;;) {
            const b = this.byte();
            v += (b & 127) * scale;
            if (b < 128)
                return v;
            scale *= 128;
            if (scale > 2 ** 56)
                fail(this.path, 'holds a number too large for a count or a delta');
        }
    }
    signed() {
        const z = this.varint();
        return z % 2 === 0 ? z / 2 : -(z + 1) / 2;
    }
    float64() {
        if (this.at + 8 > this.bytes.length)
            this.truncated();
        const v = this.view.getFloat64(this.at, true);
        this.at += 8;
        return v;
    }
    /** Fails unless every byte was read: trailing bytes mean the data is not what its header says. */
    end() {
        if (this.at !== this.bytes.length)
            fail(this.path, 'has bytes left over (corrupt data)');
    }
}
/**
 * Writes ascending finite numbers: as deltas of the integers they scale to when all are decimals with the same
 * few fractional digits (2-decimal amounts, integer counts), else as raw doubles.
 */
function writeAscending(out, values) {
    const digits = decimalDigits(values);
    if (digits === undefined) {
        out.byte(RAW_FLOATS);
        for (let i = 0; i < values.length; i++)
            out.float64(values[i]);
        return;
    }
    out.byte(digits);
    const scale = 10 ** digits;
    let previous = 0;
    for (let i = 0; i < values.length; i++) {
        const scaled = Math.round(values[i] * scale);
        out.signed(scaled - previous);
        previous = scaled;
    }
}
function readAscending(input, count, path) {
    const values = new Float64Array(count);
    const digits = input.byte();
    if (digits === RAW_FLOATS) {
        for (let i = 0; i < count; i++)
            values[i] = input.float64();
    }
    else {
        if (digits > MAX_DIGITS)
            fail(path, `unknown number encoding ${digits}`);
        const scale = 10 ** digits;
        let scaled = 0;
        for (let i = 0; i < count; i++) {
            scaled += input.signed();
            values[i] = scaled / scale;
        }
    }
    for (let i = 0; i < count; i++) {
        if (!Number.isFinite(values[i]) || (i > 0 && !(values[i] > values[i - 1]))) {
            fail(path, `values must be finite and ascending (at index ${i})`);
        }
    }
    return values;
}
/**
 * The fewest fractional digits (≤ 9) with which every value is `integer / 10^digits` exactly, as decoding
 * computes it, and the integers and their deltas stay below 2^52; undefined when there is none.
 */
function decimalDigits(values) {
    let digits = 0;
    for (let i = 0; i < values.length; i++) {
        const v = values[i];
        while (digits <= MAX_DIGITS && !isDecimal(v, digits))
            digits++;
        if (digits > MAX_DIGITS)
            return undefined;
    }
    const scale = 10 ** digits;
    const first = values.length > 0 ? Math.abs(values[0] * scale) : 0;
    const last = values.length > 0 ? Math.abs(values[values.length - 1] * scale) : 0;
    return first + last < TWO_52 ? digits : undefined;
}
function isDecimal(v, digits) {
    const scale = 10 ** digits;
    const scaled = Math.round(v * scale);
    return Math.abs(scaled) < TWO_52 && scaled / scale === v;
}

;// CONCATENATED MODULE: ./packages/core/src/sketch/exact-values.ts



/** Values a column keeps exactly by default, per side: above it the value grid stands in (see `ValueGrid`). */
const DEFAULT_EXACT_VALUES = 1_000_000;
const MAX_EXACT_VALUES = 100_000_000;
/** Values per chunk of kept values at most (512 KB). */
const exact_values_CHUNK = 1 << 16;
/**
 * Every finite value of a column, kept while there are at most `cap` of them: what exact statistics (KS, the
 * Wasserstein distance, quantiles, distinct counts) need. Past the cap the values are dropped for good — the
 * column's `ValueGrid` bounds those statistics instead — so whether a column is exact depends only on how many
 * values it has, never on how the rows were split across threads or shards.
 */
class ExactValues {
    limit;
    /**
     * The kept values in arrays that are never written again, then `tail`, which takes new values; null past the cap.
     * Full chunks rather than one array that doubles: at the cap a column holds its values and no copies of them.
     */
    chunks = [];
    tail = new Float64Array(0);
    tailCount = 0;
    n = 0;
    sorted = null;
    constructor(cap = DEFAULT_EXACT_VALUES) {
        if (!Number.isInteger(cap) || cap < 0 || cap > MAX_EXACT_VALUES) {
            throw new errors_UserError(`exact values per column must be an integer from 0 to ${MAX_EXACT_VALUES}, got ${cap}`);
        }
        this.limit = cap;
    }
    /** Values kept at most. */
    get cap() {
        return this.limit;
    }
    /** Values seen, including those dropped past the cap. */
    get count() {
        return this.n;
    }
    /** Whether every value seen is kept. */
    get isExact() {
        return this.chunks !== null;
    }
    add(x) {
        const n = this.n++;
        if (this.chunks === null)
            return;
        if (n >= this.limit) {
            this.drop();
            return;
        }
        if (this.tailCount === this.tail.length)
            this.newTail();
        this.tail[this.tailCount++] = x;
        this.sorted = null;
    }
    /** `add` of values[from..to), in order, a block at a time. */
    addAll(values, from, to) {
        let i = from;
        while (i < to) {
            if (this.chunks === null || this.n >= this.limit)
                break;
            if (this.tailCount === this.tail.length)
                this.newTail();
            const take = Math.min(to - i, this.tail.length - this.tailCount, this.limit - this.n);
            this.tail.set(values.subarray(i, i + take), this.tailCount);
            this.tailCount += take;
            this.n += take;
            i += take;
            this.sorted = null;
        }
        if (i === to)
            return;
        // Past the cap: counted, and the values go.
        this.n += to - i;
        if (this.chunks !== null)
            this.drop();
    }
    /** Drops the kept values for good (the count goes on): for a column that has more than `cap` elsewhere too. */
    drop() {
        this.chunks = null;
        this.tail = new Float64Array(0);
        this.tailCount = 0;
        this.sorted = null;
    }
    /** Retires a full tail; the next one is twice as large, up to CHUNK. */
    newTail() {
        if (this.tailCount > 0)
            this.chunks.push(this.tail.subarray(0, this.tailCount));
        this.tail = new Float64Array(Math.min(exact_values_CHUNK, Math.max(16, 2 * this.tail.length)));
        this.tailCount = 0;
    }
    /** Calls `f` with the kept values a chunk at a time, in the order they came. */
    forEachChunk(f) {
        for (const chunk of this.parts())
            f(chunk);
    }
    parts() {
        if (this.chunks === null)
            return [];
        return this.tailCount > 0 ? [...this.chunks, this.tail.subarray(0, this.tailCount)] : this.chunks;
    }
    /** The kept values in one array, in the order they came. */
    joined() {
        const out = new Float64Array(this.n);
        let at = 0;
        for (const chunk of this.parts()) {
            out.set(chunk, at);
            at += chunk.length;
        }
        return out;
    }
    merge(other) {
        if (other.n === 0)
            return this;
        // An empty side (a shard without values in the column) takes the other's cap.
        if (this.n === 0)
            this.limit = other.cap;
        if (other.cap !== this.cap) {
            throw new errors_UserError(`cannot merge profiles kept with different exact-value caps (${this.cap} and ${other.cap})`);
        }
        const n = this.n + other.n;
        if (this.chunks === null || other.chunks === null || n > this.cap) {
            this.drop();
        }
        else {
            // The other's chunks are never written again, so they are shared; its tail may be, so it is copied.
            if (this.tailCount > 0)
                this.chunks.push(this.tail.subarray(0, this.tailCount));
            this.chunks.push(...other.chunks);
            if (other.tailCount > 0)
                this.chunks.push(other.tail.slice(0, other.tailCount));
            this.tail = new Float64Array(0);
            this.tailCount = 0;
        }
        this.n = n;
        this.sorted = null;
        return this;
    }
    /** The kept values as a sorted multiset, or undefined once past the cap. */
    valueCounts() {
        if (this.chunks === null)
            return undefined;
        if (this.sorted === null) {
            const all = this.joined().sort();
            const values = [];
            const counts = [];
            for (let i = 0; i < all.length;) {
                let j = i + 1;
                while (j < all.length && all[j] === all[i])
                    j++;
                values.push(all[i]);
                counts.push(j - i);
                i = j;
            }
            this.sorted = { values: Float64Array.from(values), counts: Float64Array.from(counts), n: this.n };
        }
        return this.sorted;
    }
    /** `raw` hands the values over as they are, for a worker's result. */
    toJSON(options = {}) {
        const base = { kind: 'exact-values', version: 1, cap: this.cap, n: this.n };
        if (this.chunks === null)
            return this.n > this.cap ? base : { ...base, dropped: true };
        if (options.raw)
            return { ...base, raw: this.joined() };
        const { values, counts } = this.valueCounts();
        const out = new ByteWriter();
        out.varint(values.length);
        writeAscending(out, values);
        for (const count of counts)
            out.varint(count - 1);
        return { ...base, data: out.encode() };
    }
    static fromJSON(value, path) {
        const obj = expectSketch(value, 'exact-values', [1], path);
        const cap = expectInteger(obj, 'cap', path, 0, MAX_EXACT_VALUES);
        const n = expectInteger(obj, 'n', path, 0, Number.MAX_SAFE_INTEGER);
        const exact = new ExactValues(cap);
        exact.n = n;
        if (obj.dropped !== undefined && obj.dropped !== true)
            fail(`${path}.dropped`, 'expected true or no key');
        if (n > cap || obj.dropped === true) {
            if (obj.data !== undefined || obj.raw !== undefined)
                fail(path, n > cap ? `holds values, but ${n} is past its cap of ${cap}` : 'holds values, but says they were dropped');
            exact.chunks = null;
            return exact;
        }
        if (obj.raw instanceof Float64Array) {
            if (obj.raw.length !== n)
                fail(`${path}.raw`, `holds ${obj.raw.length} values, expected ${n}`);
            exact.chunks = [obj.raw];
            return exact;
        }
        if (obj.data === undefined)
            fail(`${path}.data`, `expected the encoded values, got ${describeValue(obj.data)}`);
        const input = ByteReader.decode(obj.data, `${path}.data`);
        const distinct = input.varint();
        if (distinct > n)
            fail(`${path}.data`, `holds ${distinct} distinct values but only ${n} values`);
        const values = readAscending(input, distinct, `${path}.data`);
        const counts = new Float64Array(distinct);
        let total = 0;
        for (let i = 0; i < distinct; i++)
            total += counts[i] = input.varint() + 1;
        input.end();
        if (total !== n)
            fail(`${path}.n`, `is ${n} but the counts sum to ${total}`);
        const expanded = new Float64Array(n);
        let at = 0;
        for (let i = 0; i < distinct; i++)
            expanded.fill(values[i], at, (at += counts[i]));
        exact.chunks = [expanded];
        exact.sorted = { values, counts, n };
        return exact;
    }
}

// EXTERNAL MODULE: ./node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/index.js
var dist = __webpack_require__(88009);
;// CONCATENATED MODULE: ./packages/core/src/config/yaml-source.ts


/** Aliases expand to at most this many nodes: a "billion laughs" file is an error, not an out-of-memory. */
const MAX_ALIAS_COUNT = 100;
/** Parses one YAML document (YAML 1.2 core schema); syntax errors become `UserError`s at `file:line:column`. */
function parseYaml(text, file) {
    const lineCounter = new dist/* LineCounter */.HN();
    const doc = (0,dist/* parseDocument */.Tp)(text, { lineCounter, prettyErrors: true, uniqueKeys: true, logLevel: 'error' });
    const [syntaxError] = doc.errors;
    if (syntaxError) {
        const position = syntaxError.linePos?.[0];
        throw new errors_UserError(firstLine(syntaxError.message), {
            file,
            ...(position ? { line: position.line, column: position.col } : {}),
        });
    }
    let data;
    try {
        data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    }
    catch (error) {
        throw new errors_UserError(`cannot be read: ${error instanceof Error ? error.message : String(error)}`, { file });
    }
    const position = (offset) => {
        const { line, col } = lineCounter.linePos(offset);
        return { line, column: col, offset };
    };
    return {
        data,
        locate(path, key) {
            let node = doc.contents;
            let found = node;
            for (const segment of path) {
                if ((0,dist/* isMap */.jh)(node)) {
                    const pair = node.items.find((item) => keyText(item.key) === String(segment));
                    if (!pair)
                        break;
                    found = pair.value ?? pair.key;
                    node = pair.value;
                }
                else if ((0,dist/* isSeq */.oP)(node) && typeof segment === 'number' && node.items[segment] !== undefined) {
                    node = node.items[segment];
                    found = node;
                }
                else {
                    break;
                }
            }
            if (key !== undefined && (0,dist/* isMap */.jh)(node)) {
                const pair = node.items.find((item) => keyText(item.key) === key);
                const start = rangeStart(pair?.key);
                if (start !== undefined)
                    return position(start);
            }
            const start = rangeStart(found);
            return start === undefined ? undefined : position(start);
        },
    };
}
function keyText(key) {
    return (0,dist/* isScalar */.jn)(key) ? String(key.value) : String(key);
}
function rangeStart(node) {
    const range = node?.range;
    return Array.isArray(range) && typeof range[0] === 'number' ? range[0] : undefined;
}
/** `yaml`'s pretty messages repeat the position and quote the source on further lines. */
function firstLine(message) {
    const [first = message] = message.split('\n');
    return first.replace(/ at line \d+, column \d+:?\s*$/, '');
}

;// CONCATENATED MODULE: ./packages/core/src/config/load.ts







/** The `mlgate.yml` JSON Schema, published for editor completion. */
const configJsonSchema = config_schema_namespaceObject;
const validateConfig = createSchemaValidator(configJsonSchema, 'mlgate-config', { vocabulary: 'yaml' });
/**
 * Parses and validates the text of `mlgate.yml` and applies defaults. Every problem is a
 * `UserError` at `file:line:column` with the key path, e.g.
 * `mlgate.yml:12:7: gate.metrics.auc: unknown key "mni", did you mean "min"? (allowed: …)`.
 */
function loadConfig(text, file) {
    const source = parseYaml(text, file);
    if (source.data === null || source.data === undefined) {
        throw new errors_UserError('is empty; it must start with "version: 1"', { file });
    }
    const problems = validateConfig(source.data);
    if (problems.length > 0)
        throw firstInFile(problems, source, file);
    const raw = source.data;
    checkBounds(raw, source, file);
    checkSignificance(raw, source, file);
    checkModelOutputs(raw, source, file);
    return withDefaults(raw);
}
/** The problem written first in the file, so fixing errors top to bottom works. */
function firstInFile(problems, source, file) {
    const located = problems.map((problem) => ({ problem, at: source.locate(problem.path, problem.key) }));
    const offset = (at) => at?.offset ?? Number.POSITIVE_INFINITY;
    const [first] = located.sort((a, b) => offset(a.at) - offset(b.at));
    if (!first)
        throw new Error('firstInFile needs at least one problem');
    return locatedError(first.problem.message, file, first.at, formatKeyPath(first.problem.path));
}
function checkBounds(raw, source, file) {
    for (const [name, rule] of Object.entries(raw.gate?.metrics ?? {})) {
        if (rule.min !== undefined && rule.max !== undefined && rule.min > rule.max) {
            const path = ['gate', 'metrics', name];
            throw locatedError(`min (${rule.min}) is greater than max (${rule.max})`, file, source.locate(path, 'min'), formatKeyPath(path));
        }
    }
}
/** `require_significance` is the older spelling of `significance`; the two must not disagree. */
function checkSignificance(raw, source, file) {
    for (const [name, rule] of Object.entries(raw.gate?.metrics ?? {})) {
        if (rule.require_significance === undefined || rule.significance === undefined)
            continue;
        if (rule.significance === legacySignificance(rule.require_significance))
            continue;
        const path = ['gate', 'metrics', name];
        throw locatedError(`require_significance: ${rule.require_significance} contradicts significance: ${rule.significance}; keep only significance`, file, source.locate(path, 'require_significance'), formatKeyPath(path));
    }
}
function legacySignificance(required) {
    return required ? 'regression' : 'none';
}
/** A model is judged on its metrics files, its predictions, or both; it needs at least one. */
function checkModelOutputs(raw, source, file) {
    for (const [name, model] of Object.entries(raw.models ?? {})) {
        if (model.metrics === undefined && model.predictions === undefined) {
            const path = ['models', name];
            throw locatedError('give "metrics", "predictions" or both', file, source.locate(path), formatKeyPath(path));
        }
    }
}
/** A `UserError` at the position `locate` found (when it found one), naming the key path. */
function locatedError(message, file, at, path) {
    return new errors_UserError(message, {
        file,
        ...(at ? { line: at.line, column: at.column } : {}),
        ...(path ? { path } : {}),
    });
}
function withDefaults(raw) {
    const gate = raw.gate ?? {};
    const slices = gate.slices;
    const significance = gate.significance ?? CONFIG_DEFAULTS.significance;
    return {
        version: 1,
        models: mapValues(raw.models ?? {}, modelConfig),
        data: mapValues(raw.data ?? {}, (dataset) => ({ ...dataset })),
        gate: {
            confidence: gate.confidence ?? CONFIG_DEFAULTS.confidence,
            significance,
            bootstrap: {
                resamples: gate.bootstrap?.resamples ?? CONFIG_DEFAULTS.bootstrap.resamples,
                seed: gate.bootstrap?.seed ?? CONFIG_DEFAULTS.bootstrap.seed,
            },
            onMissingBaseline: gate.on_missing_baseline ?? CONFIG_DEFAULTS.onMissingBaseline,
            require: [...(gate.require ?? [])],
            metrics: mapValues(gate.metrics ?? {}, (rule) => metricRule(rule, significance)),
            ...(slices
                ? {
                    slices: {
                        columns: [...slices.columns],
                        minSize: slices.min_size ?? CONFIG_DEFAULTS.sliceMinSize,
                        ...optional('maxRegression', slices.max_regression, parseTolerance),
                        ...optional('significance', slices.significance, (mode) => mode),
                        metrics: mapValues(slices.metrics ?? {}, (rule) => ({
                            maxRegression: parseTolerance(rule.max_regression),
                            ...optional('significance', rule.significance, (mode) => mode),
                        })),
                    },
                }
                : {}),
        },
        profile: { exactValues: raw.profile?.exact_values ?? DEFAULT_EXACT_VALUES },
        registry: { stages: [...(raw.registry?.stages ?? CONFIG_DEFAULTS.stages)] },
        report: { ...CONFIG_DEFAULTS.report, ...raw.report },
    };
}
function modelConfig(raw) {
    return {
        metrics: list(raw.metrics),
        ...optional('predictions', raw.predictions, (path) => path),
        params: list(raw.params),
        ...optional('train', raw.train, trainConfig),
        predictionsFormat: {
            ...optional('task', raw.task, (task) => task),
            ...optional('positiveClass', raw.positive_class, (positive) => positive),
            ...optional('scoreType', raw.score_type, (type) => type),
            ...optional('columns', raw.columns, ({ class_scores, ...names }) => ({
                ...names,
                ...optional('classScores', class_scores, (prefix) => prefix),
            })),
        },
        bump: raw.bump ?? 'patch',
        stages: mapValues(raw.stages ?? {}, (policy) => ({
            allowWarn: policy.allow_warn ?? DEFAULT_STAGE_POLICY.allowWarn,
            requireBetterThanCurrent: policy.require_better_than_current ?? DEFAULT_STAGE_POLICY.requireBetterThanCurrent,
        })),
        ...optional('card', raw.card, ({ intended_use, limitations, owners }) => ({
            ...optional('intendedUse', intended_use, (text) => text),
            ...optional('limitations', limitations, (text) => text),
            ...optional('owners', owners, (list) => [...list]),
        })),
    };
}
function trainConfig(raw) {
    return {
        command: raw.command,
        deps: [...(raw.deps ?? [])],
        outs: [...(raw.outs ?? [])],
        params: [...(raw.params ?? [])],
        metrics: [...(raw.metrics ?? [])],
        ...optional('predictions', raw.predictions, (path) => path),
        ...optional('cache', raw.cache, (cache) => cache),
        ...optional('timeoutMinutes', raw.timeout_minutes, (minutes) => minutes),
        ...optional('workingDirectory', raw.working_directory, (path) => path),
        ...optional('env', raw.env, (env) => ({ ...env })),
    };
}
function metricRule(raw, gateDefault) {
    const legacy = raw.require_significance === undefined ? undefined : legacySignificance(raw.require_significance);
    return {
        ...optional('direction', raw.direction, (direction) => direction),
        ...optional('min', raw.min, (min) => min),
        ...optional('max', raw.max, (max) => max),
        ...optional('maxRegression', raw.max_regression, parseTolerance),
        significance: raw.significance ?? legacy ?? gateDefault,
    };
}
/** `0.005` is in the metric's units; `"1%"` is relative to the baseline. */
function parseTolerance(raw) {
    if (typeof raw === 'number')
        return { kind: 'absolute', value: raw };
    return { kind: 'relative', value: Number(raw.slice(0, -1)) / 100 };
}
function list(value) {
    if (value === undefined)
        return [];
    return typeof value === 'string' ? [value] : [...value];
}
function optional(key, value, convert) {
    return value === undefined ? {} : { [key]: convert(value) };
}
function mapValues(record, convert) {
    return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, convert(value)]));
}

;// CONCATENATED MODULE: ./packages/core/src/config/read.ts




const DEFAULT_CONFIG_FILE = 'mlgate.yml';
/** A configuration file is small; anything larger is a mistake or an attack. */
const MAX_CONFIG_BYTES = 1024 * 1024;
/** Reads and loads `mlgate.yml` (or `path`); every problem is a `UserError` naming the file. */
async function readConfigFile(path = DEFAULT_CONFIG_FILE) {
    return (await readConfigSource(path)).config;
}
async function readConfigSource(path = DEFAULT_CONFIG_FILE) {
    const text = await readTextFile(path, MAX_CONFIG_BYTES);
    const config = loadConfig(text, path);
    return {
        config,
        errorAt(keyPath, message) {
            const parent = keyPath.slice(0, -1);
            const key = keyPath[keyPath.length - 1];
            const at = parseYaml(text, path).locate(parent, typeof key === 'string' ? key : undefined);
            return locatedError(message, path, at, formatKeyPath(keyPath));
        },
    };
}

;// CONCATENATED MODULE: ./packages/core/src/markdown/safe.ts
/**
 * Making untrusted text inert in GitHub-flavoured Markdown. Anything that comes from a pull request
 * (file, metric, column and branch names, error text, data values) goes through one of these before
 * it reaches a comment, check run or job summary: the result renders as the literal text, with no
 * formatting, link, image, HTML, mention, issue reference or emoji.
 */
/** Zero-width space as an entity: visible in the source, invisible when rendered (Dependabot's trick). */
const BREAK = '&#8203;';
// Trojan-source characters (CVE-2021-42574): they reorder how the text around them is displayed.
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
// C0 controls except tab and newline, DEL, C1 controls and the BOM / zero-width no-break space.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\uFEFF]/g;
const LONE_SURROGATES = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/**
 * In one pass, so inserted entities are never matched again: characters GitHub links after
 * rendering get a zero-width break — mentions; issue references (`#1`, `owner/repo#1`, `GH-1`);
 * custom autolinks, numeric or alphanumeric (`JIRA-1`, `ABC-XYZ`, prefixes ending in `#`, `:` or
 * `/`); `:emoji:` shortcodes; `scheme://` and `www.` autolinks — and runs of 7 or more hex digits
 * (commit SHAs) are broken every 6 digits. Every ASCII character with a meaning in GFM (emphasis,
 * code, links, images, headings, lists, tables, HTML, entities, strikethrough, setext underlines,
 * math) gets a backslash. GitHub's link filters read the rendered text, where a backslash is gone,
 * so only the break defeats them.
 */
const LINKABLE = /@|#(?=[A-Za-z0-9])|(?<=[A-Za-z0-9])[-/](?=[A-Za-z0-9])|:(?=[\w+\-/])|www(?=\.)/.source;
const HEX_RUN = /[0-9A-Fa-f]{7,}/.source;
const MARKDOWN_SPECIALS = /[\\`*_[\]()#+\-.!|<>~=:$&]/.source;
const MARKDOWN_UNSAFE = new RegExp(`(${LINKABLE})|(${HEX_RUN})|${MARKDOWN_SPECIALS}`, 'gi');
const HTML_UNSAFE = new RegExp(`(${LINKABLE})|(${HEX_RUN})|[&<>"']`, 'gi');
const HTML_ENTITIES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** A hex run with a break after every 6 digits, so no part of it is long enough to be read as a SHA. */
function breakHexRun(run) {
    return run.replace(/.{6}(?=.)/g, `$&${BREAK}`);
}
/**
 * Normalises newlines to `\n`, replaces lone surrogates with U+FFFD (so the text is valid UTF-8)
 * and removes control and bidirectional-override characters. Safe for terminals as well.
 */
function sanitizeText(value) {
    return String(value)
        .replace(/\r\n?|[\u2028\u2029]/g, '\n')
        .replace(LONE_SURROGATES, '\uFFFD')
        .replace(BIDI_CONTROLS, '')
        .replace(CONTROLS, '');
}
/**
 * Inert Markdown for running text. Newlines are kept (as soft line breaks; see `tableCell` for one
 * line); spaces at the start and end of lines are dropped, as they would indent code or break lines.
 */
function safe_escapeText(value) {
    const text = sanitizeText(value)
        .replace(/\t/g, ' ')
        .replace(/^ +| +$/gm, '');
    return text.replace(MARKDOWN_UNSAFE, (match, linkable, hex) => {
        if (hex)
            return breakHexRun(hex);
        const escaped = /^[@w]/i.test(match) ? match : `\\${match}`;
        return linkable ? `${escaped}${BREAK}` : escaped;
    });
}
/**
 * Inert text inside raw HTML (e.g. `<summary>`), where Markdown is not parsed but GitHub still links
 * mentions and references. Newlines become spaces.
 */
function escapeHtml(value) {
    const text = sanitizeText(value).replace(/[\n\t]/g, ' ');
    return text.replace(HTML_UNSAFE, (match, linkable, hex) => hex ? breakHexRun(hex) : (HTML_ENTITIES[match] ?? `${match}${BREAK}`));
}
/** One table cell: inert, on one line, pipes escaped, at most `maxChars` characters of the original. */
function safe_tableCell(value, maxChars = 256) {
    return safe_escapeText(clipText(value.replace(/[\r\n\u2028\u2029]+/g, ' '), maxChars));
}
/**
 * An inline code span showing `value` literally: the backtick fence is longer than any run of
 * backticks inside. Pass `table: true` inside a table cell, where a `|` would otherwise end the cell.
 */
function safe_inlineCode(value, { table = false, maxChars = 256 } = {}) {
    let text = clipText(sanitizeText(value), maxChars).replace(/[\n\t]/g, ' ');
    // In a table a pipe must be written `\|` even in code; a backslash before it would pair with ours.
    if (table)
        text = text.replace(/\\(?=\|)/g, '\\\u200B').replace(/\|/g, '\\|');
    if (text === '')
        text = ' ';
    const fence = '`'.repeat(longestRun(text, '`') + 1);
    // CommonMark strips one space from each side when both are present, and a backtick next to the
    // fence would merge with it: padding with a space on both sides avoids both.
    const pad = /^`|`$/.test(text) || /^ .*[^ ].* $/s.test(text) ? ' ' : '';
    return `${fence}${pad}${text}${pad}${fence}`;
}
/** A fenced code block showing `value` literally; `lang` is reduced to a safe info string. */
function codeBlock(value, lang = '') {
    const text = sanitizeText(value);
    const fence = '`'.repeat(Math.max(3, longestRun(text, '`') + 1));
    const info = lang.replace(/[^A-Za-z0-9_+.-]/g, '');
    const body = text === '' || text.endsWith('\n') ? text : `${text}\n`;
    return `${fence}${info}\n${body}${fence}`;
}
/** Cuts `value` to at most `maxChars` code points, marking the cut with `…`; never splits a surrogate pair. */
function clipText(value, maxChars) {
    if (value.length <= maxChars)
        return value;
    const points = Array.from(value);
    if (points.length <= maxChars)
        return value;
    return points.slice(0, Math.max(0, maxChars - 1)).join('') + '…';
}
function longestRun(text, char) {
    let longest = 0;
    let current = 0;
    for (const c of text) {
        current = c === char ? current + 1 : 0;
        longest = Math.max(longest, current);
    }
    return longest;
}

;// CONCATENATED MODULE: ./packages/core/src/markdown/builder.ts

function builder_heading(level, markdown) {
    return `${'#'.repeat(level)} ${markdown}`;
}
/** A GFM table. Every cell must be one line; missing cells are left empty. */
function builder_table(headers, rows, align = []) {
    const line = (cells) => `| ${headers.map((_, i) => cells[i] ?? '').join(' | ')} |`;
    const delimiter = headers.map((_, i) => {
        switch (align[i]) {
            case 'left':
                return ':---';
            case 'center':
                return ':---:';
            case 'right':
                return '---:';
            default:
                return '---';
        }
    });
    return [line(headers), `| ${delimiter.join(' | ')} |`, ...rows.map(line)].join('\n');
}
function builder_bulletList(items) {
    return items.map((item) => `- ${item}`).join('\n');
}
/** A collapsible section; `summary` is plain text (escaped as HTML), `markdown` the body. */
function details(summary, markdown, { open = false } = {}) {
    return `<details${open ? ' open' : ''}>\n<summary>${escapeHtml(summary)}</summary>\n\n${markdown}\n\n</details>`;
}

;// CONCATENATED MODULE: ./packages/core/src/markdown/truncate.ts
/** GitHub rejects comment bodies over 65,536 characters; callers pass a budget with room to spare. */
const DEFAULT_MAX_MARKDOWN_BYTES = 60_000;
const defaultTruncationNote = (omitted) => `_… truncated: ${omitted} more line${omitted === 1 ? '' : 's'} not shown_`;
/**
 * Cuts Markdown to at most `maxBytes` UTF-8 bytes at a line boundary and appends a note saying how
 * much was left out. The cut never leaves a code fence or `<details>` open (they are closed) or a
 * table without rows (its header is dropped); tables are cut between rows.
 */
function truncateMarkdown(markdown, maxBytes, note = defaultTruncationNote) {
    if (utf8Bytes(markdown) <= maxBytes)
        return markdown;
    const lines = markdown.split('\n');
    // prefixBytes[k]: bytes of the first k lines joined by newlines; contentAfter[k]: non-blank lines from k on.
    const prefixBytes = [0];
    lines.forEach((line, i) => prefixBytes.push((prefixBytes[i] ?? 0) + utf8Bytes(line) + (i > 0 ? 1 : 0)));
    const contentAfter = lines.map(() => 0).concat(0);
    for (let i = lines.length - 1; i >= 0; i--) {
        contentAfter[i] = (contentAfter[i + 1] ?? 0) + ((lines[i] ?? '').trim() === '' ? 0 : 1);
    }
    const blocks = new BlockTracker();
    let best;
    for (let kept = 1; kept <= lines.length; kept++) {
        blocks.advance(lines[kept - 1] ?? '');
        if ((prefixBytes[kept] ?? 0) > maxBytes)
            break;
        if (!blocks.isCleanCut(lines, kept))
            continue;
        const tail = ending(blocks, note(contentAfter[kept] ?? 0));
        if ((prefixBytes[kept] ?? 0) + utf8Bytes(tail) <= maxBytes)
            best = { kept, tail };
    }
    if (best)
        return lines.slice(0, best.kept).join('\n') + best.tail;
    return cutFirstLine(lines, contentAfter[1] ?? 0, maxBytes, note);
}
/** What follows the kept lines: closers for open blocks, then the note after a blank line. */
function ending(blocks, noteText) {
    const parts = [''];
    if (blocks.fence)
        parts.push(blocks.fence);
    if (blocks.details > 0)
        parts.push('', ...Array.from({ length: blocks.details }, () => '</details>'));
    parts.push('', noteText);
    return parts.join('\n');
}
/** No whole line fits: show the start of the first line when it is plain text, else just the note. */
function cutFirstLine(lines, omitted, maxBytes, note) {
    const noteText = note(omitted);
    const first = lines[0] ?? '';
    const blocks = new BlockTracker();
    blocks.advance(first);
    const plain = !blocks.fence && blocks.details === 0 && blocks.isCleanCut(lines, 1);
    const budget = maxBytes - utf8Bytes(noteText) - 2;
    if (plain && budget > 0) {
        const start = cutToBytes(first, budget);
        if (start !== '')
            return `${start}\n\n${noteText}`;
    }
    return cutToBytes(noteText, maxBytes);
}
/** Follows which blocks are open line by line: fenced code, `<details>` and GFM tables. */
class BlockTracker {
    /** The line that would close the open code fence. */
    fence;
    details = 0;
    /** Body rows of the current table, or -1 outside a table. */
    tableRows = -1;
    previous;
    fenceOpenedOnLastLine = false;
    advance(line) {
        const previous = this.previous;
        this.previous = line;
        this.fenceOpenedOnLastLine = false;
        if (this.fence) {
            const close = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(line)?.[1];
            if (close && close[0] === this.fence[0] && close.length >= this.fence.length)
                this.fence = undefined;
            return;
        }
        const open = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(line);
        if (open?.[1] && !(open[1].startsWith('`') && open[2]?.includes('`'))) {
            this.fence = open[1];
            this.fenceOpenedOnLastLine = true;
            this.tableRows = -1;
            return;
        }
        if (/^ {0,3}</.test(line)) {
            this.details += (line.match(/<details[\s>]/gi) ?? []).length;
            this.details = Math.max(0, this.details - (line.match(/<\/details>/gi) ?? []).length);
        }
        if (line.trim() === '')
            this.tableRows = -1;
        else if (this.tableRows >= 0)
            this.tableRows++;
        else if (previous !== undefined && isTableHeader(previous) && isDelimiterRow(line))
            this.tableRows = 0;
    }
    /**
     * Whether the first `kept` lines end where a cut looks intentional: not on an empty code block,
     * a table without rows, a header whose delimiter row follows, or a blank line.
     */
    isCleanCut(lines, kept) {
        if (this.fence)
            return !this.fenceOpenedOnLastLine;
        const last = lines[kept - 1] ?? '';
        const next = lines[kept];
        if (last.trim() === '' || this.tableRows === 0)
            return false;
        return !(this.tableRows < 0 && next !== undefined && isTableHeader(last) && isDelimiterRow(next));
    }
}
function isTableHeader(line) {
    return line.includes('|') && line.trim() !== '';
}
function isDelimiterRow(line) {
    return line.includes('|') && /^ {0,3}\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/.test(line);
}
function utf8Bytes(text) {
    return Buffer.byteLength(text, 'utf8');
}
/** The longest prefix of `text` within `maxBytes` UTF-8 bytes that ends on a code point boundary. */
function cutToBytes(text, maxBytes) {
    let bytes = 0;
    let end = 0;
    for (const point of text) {
        bytes += utf8Bytes(point);
        if (bytes > maxBytes)
            break;
        end += point.length;
    }
    return text.slice(0, end);
}

;// CONCATENATED MODULE: ./packages/core/src/render/mermaid.ts

/**
 * Mermaid `xychart-beta` text built from untrusted names. Mermaid labels are a grammar, not text:
 * a `"` ends the label, `%%{init: …}%%` inside one re-configures the chart, `#…;` is decoded as an
 * entity, `<` swallows the rest, and a newline could close the Markdown fence. What held for 60
 * hostile strings (FACTS.md, "Browser checks and charts"): keep a small set of plain characters,
 * encode every other one as `#<decimal code point>;`, collapse whitespace and controls to one space,
 * cap the length, never emit an empty label, and make labels unique.
 */
// Plain characters that are inert inside a quoted label (no `"`, `#`, `;`, `%`, `&`, `<`, `>`, `:` or backslash).
const PLAIN = /[A-Za-z0-9 ._+\-/()=*@!?~^$|,[\]{}']/;
const MAX_LABEL_CHARS = 40;
/** One label's text, safe between `"` quotes: at most `maxChars` characters of the original, never empty. */
function mermaidLabel(value, maxChars = MAX_LABEL_CHARS) {
    const points = Array.from(sanitizeText(value)
        .replace(/[\s\p{Cc}\p{Cf}\p{Z}]+/gu, ' ')
        .trim());
    const clipped = points.length > maxChars ? [...points.slice(0, maxChars - 1), '…'] : points;
    const text = clipped.map((c) => (PLAIN.test(c) ? c : `#${c.codePointAt(0)};`)).join('');
    return text === '' ? '(unnamed)' : text;
}
/** Labels made unique in order: a repeated label gets ` (2)`, ` (3)`… so no two points stack on one x. */
function uniqueMermaidLabels(values, maxChars = MAX_LABEL_CHARS) {
    const seen = new Set();
    return values.map((value) => {
        const base = mermaidLabel(value, maxChars);
        let label = base;
        for (let n = 2; seen.has(label); n++)
            label = `${base} (${n})`;
        seen.add(label);
        return label;
    });
}
/**
 * A fenced ```` ```mermaid ```` `xychart-beta` line chart of `points` (finite values only; the
 * caller leaves out missing ones). The y axis spans the values with a margin, so small changes show.
 */
function mermaidLineChart(title, yTitle, points) {
    const values = points.map((point) => point.value).filter(Number.isFinite);
    if (values.length === 0)
        throw new Error('mermaidLineChart: no finite value to draw');
    const labels = uniqueMermaidLabels(points.map((point) => point.label));
    const [low, high] = yRange(values);
    return [
        '```mermaid',
        'xychart-beta',
        `  title "${mermaidLabel(title, 80)}"`,
        `  x-axis [${labels.map((label) => `"${label}"`).join(', ')}]`,
        `  y-axis "${mermaidLabel(yTitle)}" ${chartNumber(low)} --> ${chartNumber(high)}`,
        `  line [${points.map((point) => chartNumber(point.value)).join(', ')}]`,
        '```',
    ].join('\n');
}
/** A tenth of the spread (or of the value when all are equal) on each side, rounded outwards. */
function yRange(values) {
    const min = Math.min(...values);
    const max = Math.max(...values);
    const margin = (max - min) / 10 || Math.abs(max) / 10 || 1;
    return [roundDown(min - margin), roundUp(max + margin)];
}
function step(value) {
    return 10 ** (Math.floor(Math.log10(Math.abs(value) || 1)) - 2);
}
function roundDown(value) {
    const unit = step(value);
    return Math.floor(value / unit) * unit;
}
function roundUp(value) {
    const unit = step(value);
    return Math.ceil(value / unit) * unit;
}
/** A plain decimal Mermaid reads (no exponent, no NaN), at most 6 significant digits. */
function chartNumber(value) {
    if (!Number.isFinite(value))
        throw new Error(`mermaid chart value ${value} is not finite`);
    const text = String(Number(value.toPrecision(6)));
    return /e/i.test(text) ? value.toFixed(12).replace(/\.?0+$/, '') : text;
}

;// CONCATENATED MODULE: ./packages/core/src/render/format.ts
/**
 * Numbers for people: 4 significant digits, plain notation between 1e-4 and 1e15 (integers of five
 * or more digits are shown whole rather than rounded to 4 digits), exponent notation outside, `-`
 * for missing values.
 */
function format_formatNumber(value) {
    if (value === null || value === undefined)
        return '-';
    if (Number.isNaN(value))
        return 'NaN';
    if (!Number.isFinite(value))
        return value > 0 ? '∞' : '-∞';
    if (value === 0)
        return '0';
    const magnitude = Math.abs(value);
    if (magnitude >= 1e15 || magnitude < 1e-4)
        return value.toExponential(3).replace(/\.?0+e/, 'e');
    if (magnitude >= 1e4)
        return String(Math.round(value));
    return String(Number(value.toPrecision(4)));
}
/** A change with its sign: `+0.0111`, `-0.02`, `0`. */
function formatSigned(value) {
    if (value === null || value === undefined)
        return '-';
    const text = format_formatNumber(value);
    return value > 0 ? `+${text}` : text;
}
/** A fraction as a percentage with 3 significant digits: 0.013615 → `1.36%` (`+1.36%` when signed). */
function format_formatPercent(fraction, { signed = false } = {}) {
    if (fraction === null || fraction === undefined || !Number.isFinite(fraction))
        return '-';
    const percent = fraction * 100;
    const text = percent === 0 ? '0' : String(Number(percent.toPrecision(3)));
    return `${signed && percent > 0 ? '+' : ''}${text}%`;
}
/** 0.95 → `95%`, 0.975 → `97.5%`. */
function format_formatConfidence(confidence) {
    return `${Number((confidence * 100).toPrecision(4))}%`;
}
/** 12345 → `12,345`. */
function format_formatCount(count) {
    return count.toLocaleString('en-US');
}
function formatPValue(p) {
    return p < 0.001 ? '<0.001' : String(Number(p.toPrecision(2)));
}
/** A change and its relative size: `+0.01106 (+1.36%)`. */
function format_formatDelta(delta, relative) {
    if (delta === null)
        return '-';
    return relative === null
        ? formatSigned(delta)
        : `${formatSigned(delta)} (${format_formatPercent(relative, { signed: true })})`;
}
function format_formatInterval(ci) {
    return ci ? `[${formatSigned(ci.low)}, ${formatSigned(ci.high)}]` : '-';
}
/** Parameters are shown exactly as written, never rounded. */
function format_formatScalar(value) {
    if (value === undefined || value === null)
        return '-';
    return String(value);
}

;// CONCATENATED MODULE: ./packages/core/src/render/view.ts


/**
 * The orderings both renderers share, so the comment and the terminal tell the same story: the
 * worst first, everything else in the order the report gives it.
 */
function checksWorstFirst(checks) {
    return [...checks].sort((a, b) => bySeverityDescending(a.status, b.status));
}
function reasonsWorstFirst(reasons) {
    return [...reasons].sort((a, b) => bySeverityDescending(a.status, b.status));
}
/** Drifted columns first, then by how far the effect is past (or short of) its threshold. */
function driftWorstFirst(columns) {
    const excess = (column) => column.effect.threshold > 0 ? column.effect.value / column.effect.threshold : column.effect.value;
    return [...columns].sort((a, b) => Number(b.drifted) - Number(a.drifted) || excess(b) - excess(a));
}
/** The test as both renderers show it: the configured test, and how its p-value came about when that matters. */
function driftTestLabel(column) {
    switch (column.method) {
        case 'chi2-yates':
            return `${column.test} (Yates)`;
        case 'fisher-exact':
            return `${column.test} (Fisher's exact p)`;
        case 'ks-exact':
            return `${column.test} (exact p)`;
        case 'none':
            return `${column.test} (nothing to compare)`;
        default:
            return column.test;
    }
}
/** A drift figure, or its bounds when the profiles could only bound it: `0.0123–0.0131`. */
function driftFigure(value, bounds, format) {
    if (!bounds || bounds[0] === bounds[1])
        return format(value);
    return `${format(bounds[0])}–${format(bounds[1])}`;
}
/**
 * How much better the candidate is, as a fraction of the baseline, whatever the metric's direction:
 * negative means worse. Falls back to the absolute change when there is no relative one.
 */
function improvement(metric) {
    const change = metric.relative ?? metric.delta;
    if (change === null)
        return 0;
    return metric.direction === 'higher' ? change : -change;
}
/** Slices with a regression first, the one that got worst at the top. */
function slicesWorstFirst(slices) {
    const regressed = (slice) => slice.metrics.some((metric) => metric.label === 'regressed');
    const worst = (slice) => Math.min(0, ...slice.metrics.map(improvement));
    return [...slices].sort((a, b) => Number(regressed(b)) - Number(regressed(a)) || worst(a) - worst(b));
}
const TASK_WORDS = {
    binary: 'Binary classification',
    multiclass: 'Multiclass classification',
    regression: 'Regression',
};
const SCORE_WORDS = {
    probability: 'probabilities',
    logit: 'logits',
    decision: 'decision values',
    unknown: 'not probabilities (only their order is used)',
};
/**
 * How a comparison read its predictions, in one sentence both renderers show: `Binary
 * classification (detected: text labels with 2 classes), positive class "churn" (configured),
 * scores: logits (configured), 6,000 examples.` `value` quotes untrusted values (class names) in
 * the renderer's own safe way; `text` makes the rest safe.
 */
function describeReading(reading, value, text = (plain) => plain) {
    const task = reading.taskSource === 'configured'
        ? `${TASK_WORDS[reading.task]} (configured)`
        : `${TASK_WORDS[reading.task]} (detected${reading.taskReason ? `: ${text(reading.taskReason)}` : ''})`;
    const parts = [task];
    if (reading.positiveClass !== undefined) {
        const source = reading.positiveClassSource === 'configured' ? 'configured' : 'the conventional one';
        parts.push(`positive class ${value(reading.positiveClass)} (${source})`);
    }
    else if (reading.classes && reading.task === 'multiclass') {
        parts.push(`${format_formatCount(reading.classes.length)} classes`);
    }
    if (reading.scoreType !== undefined) {
        const range = reading.scoreRange
            ? `, ${format_formatNumber(reading.scoreRange[0])} to ${format_formatNumber(reading.scoreRange[1])}`
            : '';
        parts.push(`scores: ${SCORE_WORDS[reading.scoreType]} (${reading.scoreTypeSource ?? 'detected'}${range})`);
    }
    parts.push(`${format_formatCount(reading.examples)} examples`);
    return `${parts.join(', ')}.`;
}
function changedParams(section) {
    return (section.params ?? []).filter((param) => param.baseline !== param.candidate);
}
/** Registered versions shown in the history, besides the candidate. */
const HISTORY_VERSIONS = 10;
/**
 * The key metric's history as both renderers draw it: the last registered versions, then this candidate (its
 * version is `candidate`, its stage `this pull request`); undefined when fewer than two points have a value.
 */
function historyPoints(section) {
    const { history } = section;
    if (!history)
        return undefined;
    const current = section.metrics.find((metric) => metric.name === history.metric);
    const interval = candidateInterval(current);
    const candidate = {
        version: 'candidate',
        value: current?.candidate ?? null,
        ...(interval && { interval }),
        stages: ['this pull request'],
    };
    const points = [...history.versions.slice(-HISTORY_VERSIONS), candidate];
    const drawn = points.filter((point) => point.value !== null && Number.isFinite(point.value));
    return drawn.length < 2 ? undefined : points;
}
/** The candidate's value as far as the data allow: the baseline's value plus the change's interval. */
function candidateInterval(metric) {
    if (!metric?.ci || metric.baseline === null)
        return undefined;
    return { low: metric.baseline + metric.ci.low, high: metric.baseline + metric.ci.high };
}

;// CONCATENATED MODULE: ./packages/core/src/render/markdown.ts







const STATUS_EMOJI = { pass: '✅', warn: '⚠️', fail: '❌', skipped: '⏭️' };
const STATUS_WORDS = {
    pass: 'passed',
    warn: 'passed with warnings',
    fail: 'failed',
    skipped: 'skipped',
};
const LABELS = {
    improved: '🟢 improved',
    regressed: '🔴 regressed',
    'within-noise': '⚪ within noise',
    unchanged: '⚪ unchanged',
    changed: '🔵 changed',
    new: '🆕 new',
    removed: '➖ removed',
    undefined: '➖ undefined',
};
/** Rows beyond these go to the JSON report; the comment stays readable. */
const MAX_ROWS = { checks: 50, passingChecks: 100, issues: 20, drift: 50, slices: 30, params: 100 };
const MAX_MESSAGE_CHARS = 500;
const MAX_CUT_TITLES = 10;
/**
 * The report as GitHub-flavoured Markdown for a PR comment, check run or job summary: verdict,
 * reasons, data validation and drift, metric comparison, history, slices, parameters, lineage and
 * links. Every string from the report is escaped (it may come from a fork). The result fits
 * `maxBytes`: whole sections are cut, least important first, and a note says which and where the
 * full report is; only a verdict too long on its own is shortened line by line.
 */
function renderReportMarkdown(report, options = {}) {
    const sections = [
        { title: 'the verdict', markdown: verdictBlock(report, options.title ?? 'mlgate'), keep: 0 },
        { title: 'the reasons', markdown: reasonsBlock(report.verdict.reasons), keep: 0 },
        ...(report.validations ?? []).flatMap((section, i) => inGroup(`data ${i}`, validationSections(section))),
        ...(report.comparisons ?? []).flatMap((section, i) => inGroup(`model ${i}`, comparisonSections(section))),
    ].filter((section) => section.markdown !== '');
    const footer = footerLine(report, options);
    const maxBytes = options.maxBytes ?? DEFAULT_MAX_MARKDOWN_BYTES;
    const kept = fitSections(sections, Math.max(0, maxBytes - utf8Bytes(footer) - 2), options);
    // The footer is kept whatever happens to the body: it links to the full report.
    return `${kept}\n\n${footer}`;
}
function inGroup(group, sections) {
    return sections.map((section) => ({ ...section, group }));
}
/**
 * The sections joined within `budget` bytes: the least important are cut whole until the rest fits,
 * then every cut section that fits again is put back, most important first, so one huge table does
 * not take the small ones with it. A model's or dataset's details come back only with its own table.
 */
function fitSections(sections, budget, options) {
    const all = sections.map((section, order) => ({ ...section, order, kept: true }));
    const text = () => {
        const kept = all.filter((section) => section.kept).map((section) => section.markdown);
        const cut = all.filter((section) => !section.kept);
        return [...kept, ...(cut.length > 0 ? [cutNote(cut, options)] : [])].join('\n\n');
    };
    const fits = () => utf8Bytes(text()) <= budget;
    const byCutOrder = all.filter((section) => section.keep > 0).sort((a, b) => b.keep - a.keep || b.order - a.order);
    for (const section of byCutOrder) {
        if (fits())
            break;
        section.kept = false;
    }
    if (!fits())
        return truncateMarkdown(text(), budget);
    const owner = (section) => all.find((other) => other.group === section.group && other.keep === 1);
    for (const section of [...byCutOrder].reverse()) {
        if (section.kept || (section.keep > 1 && owner(section)?.kept === false))
            continue;
        section.kept = true;
        if (!fits())
            section.kept = false;
    }
    return text();
}
/** Which sections were left out, in document order, and where the whole report is. */
function cutNote(cut, options) {
    const ordered = cut.map((section) => section.title);
    const named = ordered.slice(0, MAX_CUT_TITLES).join(', ');
    const more = ordered.length > MAX_CUT_TITLES ? ` and ${format_formatCount(ordered.length - MAX_CUT_TITLES)} more` : '';
    const artifacts = (options.artifacts ?? []).map(artifactLink);
    const where = artifacts.length > 0
        ? `the full report is in ${artifacts.join(' and ')}`
        : safeUrl(options.runUrl)
            ? `the full report is in the [workflow run](${safeUrl(options.runUrl)})'s report JSON`
            : 'the full report is in the report JSON';
    return `> ✂️ Shortened to fit GitHub's 65,536-character limit: left out ${named}${more}; ${where}.`;
}
function verdictBlock(report, title) {
    const { status, summary } = report.verdict;
    const lines = [builder_heading(2, `${STATUS_EMOJI[status]} ${safe_escapeText(oneLine(title))}: ${STATUS_WORDS[status]}`)];
    if (summary.trim() !== '')
        lines.push('', message(summary));
    return lines.join('\n');
}
function reasonsBlock(reasons) {
    const ordered = reasonsWorstFirst(reasons);
    const notable = ordered.filter((reason) => reason.status !== 'pass');
    const passed = ordered.filter((reason) => reason.status === 'pass');
    const blocks = [];
    if (notable.length > 0)
        blocks.push(builder_bulletList(notable.map(reasonItem)));
    if (passed.length > 0)
        blocks.push(details(`${plural(passed.length, 'rule')} passed`, builder_bulletList(passed.map(reasonItem))));
    return blocks.join('\n\n');
}
function reasonItem(reason) {
    const context = [reason.model, reason.dataset, reason.metric, reason.column].filter(isDefined).map(code);
    return `${STATUS_EMOJI[reason.status]} ${message(reason.message)} (${[code(reason.rule), ...context].join(', ')})`;
}
function validationSections(section) {
    const shape = `${format_formatCount(section.rows)} rows × ${format_formatCount(section.columns)} columns`;
    const dataset = code(section.dataset);
    const ordered = checksWorstFirst(section.checks);
    const notable = ordered.filter((check) => check.status !== 'pass');
    const passed = ordered.filter((check) => check.status === 'pass');
    const main = [
        builder_heading(3, `${STATUS_EMOJI[section.status]} Data ${dataset}: ${shape}`),
        notableChecksBlock(notable, section.checks.length),
    ];
    return [
        { title: `the checks of ${dataset}`, markdown: main.join('\n\n'), keep: 1 },
        { title: `the passing checks of ${dataset}`, markdown: passingChecksBlock(passed), keep: 4 },
        {
            title: `the problems reading ${dataset}`,
            markdown: section.issues?.length ? issuesBlock(section.issues) : '',
            keep: 2,
        },
        { title: `the drift of ${dataset}`, markdown: section.drift ? driftBlock(section.drift) : '', keep: 2 },
    ];
}
const CHECK_HEADERS = ['', 'Check', 'Column', 'Observed', 'Expected', 'Unexpected', 'Details'];
function notableChecksBlock(notable, total) {
    if (total === 0)
        return 'No checks were run.';
    if (notable.length === 0)
        return `All ${plural(total, 'check')} passed.`;
    return [
        builder_table(CHECK_HEADERS, notable.slice(0, MAX_ROWS.checks).map(checkRow)),
        moreNote(notable.length - MAX_ROWS.checks, 'check'),
    ]
        .filter(Boolean)
        .join('\n\n');
}
function passingChecksBlock(passed) {
    if (passed.length === 0)
        return '';
    const rows = passed.slice(0, MAX_ROWS.passingChecks).map(checkRow);
    const more = moreNote(passed.length - MAX_ROWS.passingChecks, 'check');
    return details(`${plural(passed.length, 'passing check')}`, [builder_table(CHECK_HEADERS, rows), more].filter(Boolean).join('\n\n'));
}
function checkRow(check) {
    const unexpected = check.unexpectedCount === undefined
        ? check.unexpectedFraction === undefined
            ? '-'
            : format_formatPercent(check.unexpectedFraction)
        : `${format_formatCount(check.unexpectedCount)}${check.unexpectedFraction === undefined ? '' : ` (${format_formatPercent(check.unexpectedFraction)})`}`;
    const examples = (check.examples ?? [])
        .slice(0, 3)
        .map((example) => `${example.line === undefined ? '' : `line ${example.line}: `}${cellCode(example.value)}`);
    const detailsText = [
        safe_tableCell(check.message, MAX_MESSAGE_CHARS),
        ...(examples.length > 0 ? [`e.g. ${examples.join(', ')}`] : []),
    ];
    return [
        STATUS_EMOJI[check.status],
        safe_tableCell(check.check),
        check.column === undefined ? '' : cellCode(check.column),
        observed(check.observed),
        check.expected === undefined ? '-' : cellCode(check.expected),
        unexpected,
        detailsText.join('; '),
    ];
}
function observed(value) {
    if (value === undefined)
        return '-';
    if (typeof value === 'number')
        return format_formatNumber(value);
    if (typeof value === 'string')
        return cellCode(value);
    return String(value);
}
function issuesBlock(issues) {
    const items = issues.slice(0, MAX_ROWS.issues).map((issue) => {
        const where = `${issue.file}:${issue.line}${issue.column === undefined ? '' : `:${issue.column}`}`;
        return `${code(where)}: ${message(issue.message)}`;
    });
    const more = moreNote(issues.length - MAX_ROWS.issues, 'issue');
    return [`**${plural(issues.length, 'problem')} reading the data**`, builder_bulletList(items), more]
        .filter(Boolean)
        .join('\n\n');
}
function driftBlock(drift) {
    const drifted = drift.columns.filter((column) => column.drifted).length;
    const summary = `${STATUS_EMOJI[drift.status]} **Drift**: ${drifted} of ${plural(drift.columns.length, 'column')} drifted ` +
        `(${format_formatPercent(drift.share)}; the dataset counts as drifted from ${format_formatPercent(drift.threshold)})`;
    const skipped = driftSkipped(drift);
    if (drift.columns.length === 0)
        return [summary, skipped].filter(Boolean).join('\n\n');
    const shown = driftWorstFirst(drift.columns).slice(0, MAX_ROWS.drift);
    const rows = shown.map((column) => [
        cellCode(column.column),
        safe_tableCell(driftTestLabel(column)),
        driftFigure(column.statistic, column.bounds?.statistic, format_formatNumber),
        column.pValue === undefined ? '-' : `${column.bounds ? '≥ ' : ''}${formatPValue(column.pValue)}`,
        `${safe_tableCell(column.effect.name)} ${driftFigure(column.effect.value, column.bounds?.effect, format_formatNumber)} (threshold ${format_formatNumber(column.effect.threshold)})`,
        column.drifted ? '⚠️ drifted' : 'no',
    ]);
    const notes = shown.filter((column) => column.note !== undefined);
    const bounded = shown.some((column) => column.bounds !== undefined);
    const columnsTable = [
        builder_table(['Column', 'Test', 'Statistic', 'p-value', 'Effect size', 'Drifted'], rows, [
            'left',
            'left',
            'right',
            'right',
            'left',
            'left',
        ]),
        moreNote(drift.columns.length - MAX_ROWS.drift, 'column'),
        bounded ? BOUNDS_NOTE : '',
        notes.length > 0
            ? builder_bulletList(notes.map((column) => `${cellCode(column.column)}: ${safe_escapeText(column.note)}`))
            : '',
    ]
        .filter(Boolean)
        .join('\n\n');
    const body = drifted > 0 ? columnsTable : details('Drift by column', columnsTable);
    return [summary, body, skipped].filter(Boolean).join('\n\n');
}
const BOUNDS_NOTE = 'A range is what the profiles can bound when a side had more values than its profile keeps exactly; ' +
    'the p-value then comes from the lower end of the statistic, so it is never smaller than the exact one.';
/** Columns drift detection left out: the lost and retyped ones with a warning, the rest as a note. */
function driftSkipped(drift) {
    const skipped = drift.skipped ?? [];
    if (skipped.length === 0)
        return '';
    const shown = [...skipped].sort((a, b) => bySeverityDescending(a.status, b.status)).slice(0, MAX_ROWS.drift);
    const items = shown.map((column) => `${STATUS_EMOJI[column.status]} ${safe_escapeText(column.message)}`);
    return [
        `**Not tested for drift** (${plural(skipped.length, 'column')})`,
        builder_bulletList(items),
        moreNote(skipped.length - shown.length, 'column'),
    ]
        .filter(Boolean)
        .join('\n\n');
}
/** One line saying which commit, inputs and run produced the candidate; every part is escaped or code. */
function lineageLine(section) {
    const lineage = section.candidate.lineage;
    if (!lineage)
        return '';
    const commit = lineage.commit === null ? 'outside git' : `from commit ${code(lineage.commit.slice(0, 12))}`;
    const dirty = lineage.dirty ? ' with uncommitted changes' : '';
    const link = lineage.run === null ? undefined : safeUrl(lineage.run);
    const run = lineage.run === null ? 'locally' : link ? `in a [workflow run](${link})` : `in run ${code(lineage.run)}`;
    const cached = lineage.cacheHit ? '; restored from the run cache, the command did not run again' : '';
    return `Candidate trained ${commit}${dirty} ${run} at ${code(lineage.trainedAt)}, fingerprint ${code(lineage.fingerprint.slice(0, 12))}${cached}.`;
}
function comparisonSections(section) {
    const model = code(section.model);
    return [
        { title: `the metrics of ${model}`, markdown: comparisonBlock(section), keep: 1 },
        { title: `the worst slices of ${model}`, markdown: slicesBlock(section), keep: 2 },
        { title: `the history of ${model}`, markdown: historyBlock(section), keep: 3 },
        { title: `the parameters of ${model}`, markdown: paramsBlock(section), keep: 4 },
    ];
}
function comparisonBlock(section) {
    const candidate = code(section.candidate.label);
    if (section.baseline === null) {
        const rows = section.metrics.map((metric) => [safe_tableCell(metric.name), format_formatNumber(metric.candidate)]);
        return [
            builder_heading(3, `Model ${code(section.model)}: ${candidate}`),
            lineageLine(section),
            readingBlock(section),
            'No baseline yet: this is the first run, so there is nothing to compare with.',
            section.metrics.length > 0
                ? builder_table(['Metric', `Candidate (${safe_tableCell(section.candidate.label)})`], rows, ['left', 'right'])
                : '',
        ]
            .filter(Boolean)
            .join('\n\n');
    }
    const baseline = section.baseline;
    const source = baseline.source === undefined ? '' : ` (${code(baseline.source)})`;
    return [
        builder_heading(3, `Model ${code(section.model)}: ${candidate} vs baseline ${code(baseline.label)}${source}`),
        lineageLine(section),
        readingBlock(section),
        section.metrics.length > 0
            ? metricsTable(section.metrics, section.confidence, `Baseline (${safe_tableCell(baseline.label)})`)
            : 'No metrics to compare.',
        methodsNote(section),
    ]
        .filter(Boolean)
        .join('\n\n');
}
/**
 * The key metric across the last registered versions and this candidate: a Mermaid line chart
 * (GitHub draws it) and a plain table of the same numbers, which every renderer shows.
 */
function historyBlock(section) {
    const points = historyPoints(section);
    if (!points || !section.history)
        return '';
    const { metric } = section.history;
    const chart = mermaidLineChart(`${metric} by version`, metric, points.flatMap((point) => point.value !== null && Number.isFinite(point.value) ? [{ label: point.version, value: point.value }] : []));
    const interval = `${format_formatConfidence(section.confidence)} interval`;
    const rows = points.map((point, i) => [
        i === points.length - 1 ? '**candidate**' : cellCode(point.version),
        format_formatNumber(point.value),
        point.interval ? `${format_formatNumber(point.interval.low)} to ${format_formatNumber(point.interval.high)}` : '-',
        (point.stages ?? []).map((stage) => (i === points.length - 1 ? stage : cellCode(stage))).join(', '),
    ]);
    const numbers = builder_table(['Version', safe_tableCell(metric), interval, 'Stage'], rows, ['left', 'right', 'center', 'left']);
    return [
        `**${safe_tableCell(metric)} across the last ${plural(points.length - 1, 'version')} and this candidate**`,
        chart,
        numbers,
        `<sub>Intervals: the change against each version's own baseline, placed on its value.</sub>`,
    ].join('\n\n');
}
function metricsTable(metrics, confidence, baselineHeader) {
    const withInterval = metrics.some((metric) => metric.ci !== undefined);
    const headers = [
        'Metric',
        baselineHeader,
        'Candidate',
        'Δ',
        ...(withInterval ? [`${format_formatConfidence(confidence)} CI`] : []),
        'Verdict',
    ];
    return builder_table(headers, metrics.map((metric) => metricRow(metric, withInterval)), ['left', 'right', 'right', 'right', ...(withInterval ? ['center'] : []), 'left']);
}
/** How the predictions were read, and why metrics of the task are absent. */
function readingBlock(section) {
    const { predictions } = section;
    if (!predictions)
        return '';
    const line = `<sub>${describeReading(predictions, code, message)}</sub>`;
    const notes = (predictions.notes ?? []).map((note) => `Not computed: ${message(note)}`);
    return notes.length > 0 ? `${line}\n\n${builder_bulletList(notes)}` : line;
}
function metricRow(metric, withInterval) {
    const label = metric.note ? `${LABELS[metric.label]}: ${message(metric.note)}` : LABELS[metric.label];
    const verdict = metric.pValue === undefined ? label : `${label} (p = ${formatPValue(metric.pValue)})`;
    return [
        safe_tableCell(metric.name),
        format_formatNumber(metric.baseline),
        format_formatNumber(metric.candidate),
        format_formatDelta(metric.delta, metric.relative),
        ...(withInterval ? [format_formatInterval(metric.ci)] : []),
        verdict,
    ];
}
function methodsNote(section) {
    const methods = new Set(section.metrics.flatMap((metric) => (metric.ci ? [metric.ci.method] : [])));
    const intervals = methods.size > 0
        ? ` Intervals at ${format_formatConfidence(section.confidence)} confidence (${[...methods].map((method) => safe_escapeText(oneLine(method))).join(', ')}).`
        : '';
    return `<sub>Δ = candidate − baseline.${intervals}</sub>`;
}
function slicesBlock(section) {
    const slices = slicesWorstFirst(section.slices ?? []);
    if (slices.length === 0)
        return '';
    const regressed = slices.filter((slice) => slice.metrics.some((metric) => metric.label === 'regressed')).length;
    const rows = slices
        .slice(0, MAX_ROWS.slices)
        .flatMap((slice) => slice.metrics.map((metric) => [
        `${safe_tableCell(slice.column)} = ${cellCode(slice.value)}`,
        format_formatCount(slice.size),
        ...metricRow(metric, true),
    ]));
    const sliceTable = builder_table(['Slice', 'Size', 'Metric', 'Baseline', 'Candidate', 'Δ', `${format_formatConfidence(section.confidence)} CI`, 'Verdict'], rows, ['left', 'right', 'left', 'right', 'right', 'right', 'center', 'left']);
    const body = [sliceTable, moreNote(slices.length - MAX_ROWS.slices, 'slice')].filter(Boolean).join('\n\n');
    return details(`Slices: ${regressed} of ${plural(slices.length, 'slice')} regressed`, body, { open: regressed > 0 });
}
function paramsBlock(section) {
    const changed = changedParams(section);
    if (changed.length === 0)
        return '';
    const rows = changed
        .slice(0, MAX_ROWS.params)
        .map((param) => [
        safe_tableCell(param.name),
        cellCode(format_formatScalar(param.baseline)),
        cellCode(format_formatScalar(param.candidate)),
    ]);
    const body = [
        builder_table(['Parameter', 'Baseline', 'Candidate'], rows),
        moreNote(changed.length - MAX_ROWS.params, 'parameter'),
    ]
        .filter(Boolean)
        .join('\n\n');
    return details(`Parameters: ${changed.length} changed`, body);
}
function footerLine(report, options) {
    const parts = ['mlgate'];
    const sha = report.subject?.sha;
    if (sha)
        parts.push(`commit ${code(sha.slice(0, 7))}`);
    const link = safeUrl(options.runUrl);
    if (link)
        parts.push(`[workflow run](${link})`);
    for (const artifact of options.artifacts ?? [])
        parts.push(artifactLink(artifact));
    parts.push(safe_escapeText(report.createdAt));
    return `<sub>${parts.join(' · ')}</sub>`;
}
function artifactLink(artifact) {
    const link = safeUrl(artifact.url);
    const name = code(artifact.name);
    return link ? `artifact [${name}](${link})` : `artifact ${name}`;
}
/** Only absolute http(s) URLs, with the characters that could end a Markdown link destination encoded. */
function safeUrl(url) {
    if (!url)
        return undefined;
    let parsed;
    try {
        parsed = new URL(url);
    }
    catch {
        return undefined;
    }
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
        return undefined;
    return parsed.href.replace(/[()<>\s"'`\\]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}
function message(text) {
    return safe_escapeText(clipText(oneLine(text), MAX_MESSAGE_CHARS));
}
function code(text) {
    return safe_inlineCode(text, { maxChars: 100 });
}
function cellCode(text) {
    return safe_inlineCode(text, { table: true, maxChars: 100 });
}
function oneLine(text) {
    return text.replace(/\s*[\r\n\u2028\u2029]+\s*/g, ' ').trim();
}
function moreNote(hidden, noun) {
    return hidden > 0 ? `_… and ${format_formatCount(hidden)} more ${noun}${hidden === 1 ? '' : 's'} in the JSON report_` : '';
}
function plural(count, noun) {
    return `${format_formatCount(count)} ${noun}${count === 1 ? '' : 's'}`;
}
function isDefined(value) {
    return value !== undefined;
}

;// CONCATENATED MODULE: ./packages/core/src/render/text.ts



const text_STATUS_WORDS = { pass: 'PASS', warn: 'WARN', fail: 'FAIL', skipped: 'SKIPPED' };
/**
 * The report for a terminal: the same content and order as the Markdown, as aligned plain text.
 * Strings from the report are stripped of control characters, so a hostile report cannot move the
 * cursor or recolour the terminal.
 */
function renderReportText(report) {
    const blocks = [
        verdictLines(report),
        reasonLines(report.verdict.reasons),
        ...(report.validations ?? []).map(validationLines),
        ...(report.comparisons ?? []).map(comparisonLines),
    ].filter((lines) => lines.length > 0);
    return `${blocks.map((lines) => lines.join('\n')).join('\n\n')}\n`;
}
function verdictLines(report) {
    const { status, summary } = report.verdict;
    const lines = [`mlgate: ${text_STATUS_WORDS[status]}${summary.trim() === '' ? '' : ` - ${clean(summary)}`}`];
    const subject = report.subject;
    const about = [
        subject?.sha ? `commit ${subject.sha.slice(0, 7)}` : '',
        subject?.repository ? clean(subject.repository) : '',
        subject?.pullRequest ? `PR ${subject.pullRequest}` : '',
    ].filter(Boolean);
    if (about.length > 0)
        lines.push(`  ${about.join(', ')}`);
    return lines;
}
function reasonLines(reasons) {
    if (reasons.length === 0)
        return [];
    return [
        'Reasons:',
        ...reasonsWorstFirst(reasons).map((reason) => {
            const context = [reason.rule, reason.model, reason.dataset, reason.metric, reason.column]
                .filter((part) => part !== undefined)
                .map(clean);
            return `  ${text_STATUS_WORDS[reason.status].padEnd(4)}  ${clean(reason.message)} [${context.join(', ')}]`;
        }),
    ];
}
function validationLines(section) {
    const lines = [
        `Data ${quote(section.dataset)}: ${text_STATUS_WORDS[section.status]} (${format_formatCount(section.rows)} rows x ${format_formatCount(section.columns)} columns)`,
        ...checkLines(section.checks),
    ];
    for (const issue of section.issues ?? []) {
        const where = `${clean(issue.file)}:${issue.line}${issue.column === undefined ? '' : `:${issue.column}`}`;
        lines.push(`  problem reading data at ${where}: ${clean(issue.message)}`);
    }
    if (section.drift)
        lines.push(...driftLines(section.drift));
    return lines;
}
function checkLines(checks) {
    if (checks.length === 0)
        return ['  no checks were run'];
    const notable = checksWorstFirst(checks).filter((check) => check.status !== 'pass');
    const passing = checks.length - notable.length;
    const lines = [];
    if (notable.length > 0) {
        lines.push(...textTable(['', 'Check', 'Column', 'Observed', 'Expected', 'Unexpected', 'Details'], notable.map((check) => [
            text_STATUS_WORDS[check.status],
            clean(check.check),
            check.column === undefined ? '' : clean(check.column),
            text_observed(check.observed),
            check.expected === undefined ? '-' : clean(check.expected),
            unexpected(check),
            [clean(check.message), ...examples(check)].join('; '),
        ])));
    }
    if (passing > 0)
        lines.push(`  ${passing} check${passing === 1 ? '' : 's'} passed`);
    return lines;
}
function text_observed(value) {
    if (value === undefined)
        return '-';
    return typeof value === 'number' ? format_formatNumber(value) : clean(String(value));
}
function unexpected(check) {
    const fraction = check.unexpectedFraction === undefined ? '' : format_formatPercent(check.unexpectedFraction);
    if (check.unexpectedCount === undefined)
        return fraction || '-';
    return fraction ? `${format_formatCount(check.unexpectedCount)} (${fraction})` : format_formatCount(check.unexpectedCount);
}
function examples(check) {
    const shown = (check.examples ?? [])
        .slice(0, 3)
        .map((example) => `${example.line === undefined ? '' : `line ${example.line}: `}${quote(example.value)}`);
    return shown.length > 0 ? [`e.g. ${shown.join(', ')}`] : [];
}
function driftLines(drift) {
    const drifted = drift.columns.filter((column) => column.drifted).length;
    const lines = [
        `  Drift: ${text_STATUS_WORDS[drift.status]}, ${drifted} of ${drift.columns.length} columns drifted ` +
            `(${format_formatPercent(drift.share)}; the dataset counts as drifted from ${format_formatPercent(drift.threshold)})`,
    ];
    const skipped = (drift.skipped ?? []).map((column) => `    ${text_STATUS_WORDS[column.status]}: ${clean(column.message)}`);
    if (drift.columns.length === 0)
        return [...lines, ...skipped];
    const rows = driftWorstFirst(drift.columns).map((column) => [
        clean(column.column),
        driftTestLabel(column),
        driftFigure(column.statistic, column.bounds?.statistic, format_formatNumber),
        column.pValue === undefined ? '-' : `${column.bounds ? '≥ ' : ''}${formatPValue(column.pValue)}`,
        `${clean(column.effect.name)} ${driftFigure(column.effect.value, column.bounds?.effect, format_formatNumber)} (threshold ${format_formatNumber(column.effect.threshold)})`,
        column.drifted ? 'DRIFTED' : 'no',
    ]);
    const notes = drift.columns
        .filter((c) => c.note !== undefined)
        .map((c) => `    ${clean(c.column)}: ${clean(c.note)}`);
    return [
        ...lines,
        ...textTable(['Column', 'Test', 'Statistic', 'p-value', 'Effect size', 'Drifted'], rows, '    '),
        ...notes,
        ...skipped,
    ];
}
/** Which commit, inputs and run produced the candidate. */
function lineageLines(section) {
    const lineage = section.candidate.lineage;
    if (!lineage)
        return [];
    const commit = lineage.commit === null ? 'outside git' : `commit ${clean(lineage.commit.slice(0, 12))}`;
    const dirty = lineage.dirty ? ' (uncommitted changes)' : '';
    const run = lineage.run === null ? 'locally' : `in ${clean(lineage.run)}`;
    const cached = lineage.cacheHit ? ', restored from the run cache' : '';
    return [
        `  trained from ${commit}${dirty} ${run} at ${clean(lineage.trainedAt)}, fingerprint ${lineage.fingerprint.slice(0, 12)}${cached}`,
    ];
}
function comparisonLines(section) {
    const candidate = quote(section.candidate.label);
    if (section.baseline === null) {
        return [
            `Model ${quote(section.model)}: ${candidate}, no baseline yet (first run)`,
            ...lineageLines(section),
            ...readingLines(section),
            ...textTable(['Metric', 'Candidate'], section.metrics.map((metric) => [clean(metric.name), format_formatNumber(metric.candidate)])),
            ...paramLines(section),
        ];
    }
    const source = section.baseline.source === undefined ? '' : ` (${clean(section.baseline.source)})`;
    const lines = [
        `Model ${quote(section.model)}: ${candidate} vs baseline ${quote(section.baseline.label)}${source}`,
        ...lineageLines(section),
        ...readingLines(section),
    ];
    const interval = `${format_formatConfidence(section.confidence)} CI`;
    lines.push(...textTable(['Metric', 'Baseline', 'Candidate', 'Delta', interval, 'Verdict'], section.metrics.map((metric) => [clean(metric.name), ...metricCells(metric)])));
    const slices = slicesWorstFirst(section.slices ?? []);
    if (slices.length > 0) {
        lines.push('  Slices, worst first:');
        const rows = slices.flatMap((slice) => slice.metrics.map((metric) => [
            `${clean(slice.column)} = ${quote(slice.value)}`,
            format_formatCount(slice.size),
            clean(metric.name),
            ...metricCells(metric),
        ]));
        lines.push(...textTable(['Slice', 'Size', 'Metric', 'Baseline', 'Candidate', 'Delta', interval, 'Verdict'], rows, '    '));
    }
    return [...lines, ...paramLines(section)];
}
function readingLines(section) {
    const { predictions } = section;
    if (!predictions)
        return [];
    return [
        `  ${describeReading(predictions, quote, clean)}`,
        ...(predictions.notes ?? []).map((note) => `  Not computed: ${clean(note)}`),
    ];
}
function metricCells(metric) {
    const label = metric.label.replace('-', ' ');
    const verdict = metric.note ? `${label}: ${clean(metric.note)}` : label;
    return [
        format_formatNumber(metric.baseline),
        format_formatNumber(metric.candidate),
        format_formatDelta(metric.delta, metric.relative),
        format_formatInterval(metric.ci),
        metric.pValue === undefined ? verdict : `${verdict} (p = ${formatPValue(metric.pValue)})`,
    ];
}
function paramLines(section) {
    const changed = changedParams(section);
    if (changed.length === 0)
        return [];
    return [
        '  Parameters changed:',
        ...changed.map((param) => `    ${clean(param.name)}: ${clean(format_formatScalar(param.baseline))} -> ${clean(format_formatScalar(param.candidate))}`),
    ];
}
/** Columns padded to their widest cell; the last column is not padded. */
function textTable(headers, rows, indent = '  ') {
    const all = [headers, ...rows];
    const widths = headers.map((_, column) => Math.max(...all.map((row) => width(row[column] ?? ''))));
    return all.map((row) => (indent +
        headers
            .map((_, column) => {
            const cell = row[column] ?? '';
            return column === headers.length - 1 ? cell : cell + ' '.repeat((widths[column] ?? 0) - width(cell));
        })
            .join('  ')).trimEnd());
}
function width(text) {
    return Array.from(text).length;
}
function clean(text) {
    return sanitizeText(text).replace(/\s+/g, ' ').trim();
}
function quote(text) {
    return `"${clean(text)}"`;
}

;// CONCATENATED MODULE: ./packages/core/src/render/html.ts
/**
 * The report as one self-contained HTML page: the same story as the comment (verdict, reasons, data checks and
 * drift, metrics with intervals, history, slices, parameters, lineage, links) with Vega-Lite charts, and the
 * vega, vega-lite and vega-embed builds inlined so it opens with no network. Every string from the report is
 * untrusted (a fork wrote it): text is HTML-escaped, chart data rides in a JSON block escaped for `<script>`, links
 * are http(s) only, and a Content-Security-Policy forbids every fetch.
 */




/** Rows and charts beyond these are left to the JSON report: the page stays quick to open. */
const html_MAX_ROWS = { checks: 500, drift: 500, slices: 100, params: 500, issues: 200 };
const MAX_CHARTS = { driftPerDataset: 12, sliceMetrics: 4, slices: 30 };
const html_MAX_MESSAGE_CHARS = 2000;
const MAX_NAME_CHARS = 200;
/** Chart labels are cut to this many characters; Vega also cuts them at `labelLimit` pixels. */
const html_MAX_LABEL_CHARS = 60;
const CHART = { width: 560, height: 220 };
const html_STATUS_WORDS = {
    pass: 'passed',
    warn: 'passed with warnings',
    fail: 'failed',
    skipped: 'skipped',
};
const LABEL_WORDS = {
    improved: 'improved',
    regressed: 'regressed',
    'within-noise': 'within noise',
    unchanged: 'unchanged',
    changed: 'changed',
    new: 'new',
    removed: 'removed',
    undefined: 'undefined',
};
const LABEL_COLORS = {
    improved: '#1a7f37',
    regressed: '#cf222e',
    'within-noise': '#8c959f',
    unchanged: '#8c959f',
    changed: '#0969da',
    new: '#8c959f',
    removed: '#8c959f',
    undefined: '#8c959f',
};
const SIDE_COLORS = { reference: '#8c959f', current: '#0969da' };
function renderReportHtml(report, options) {
    const charts = new ChartList();
    const title = html_text(options.title ?? 'mlgate');
    const body = [
        html_verdictBlock(report, title),
        html_reasonsBlock(report),
        ...(report.validations ?? []).map((section) => validationBlock(section, charts)),
        ...(report.comparisons ?? []).map((section) => html_comparisonBlock(section, charts)),
        footer(report, options),
    ].join('\n');
    return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data: blob:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}: ${html_STATUS_WORDS[report.verdict.status]}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body}
</main>
<script type="application/json" id="mlgate-charts">${scriptJson(charts.all())}</script>
${inlineScript(options.scripts.vega, 'vega')}
${inlineScript(options.scripts.vegaLite, 'vega-lite')}
${inlineScript(options.scripts.vegaEmbed, 'vega-embed')}
<script>${BOOT}</script>
</body>
</html>
`;
}
/** The charts `renderReportHtml` draws for `report`, in page order. */
function reportCharts(report) {
    const charts = new ChartList();
    for (const section of report.validations ?? [])
        validationBlock(section, charts);
    for (const section of report.comparisons ?? [])
        html_comparisonBlock(section, charts);
    return charts.all();
}
/**
 * JSON that is inert inside `<script>`: `<`, `>` and `&` cannot open or close a tag or a comment, and U+2028/2029
 * (line terminators to older JavaScript parsers) are escaped too. JSON.parse reads it back unchanged.
 */
function scriptJson(value) {
    return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
/** A library build inlined as a script; one that could end the script element early is refused. */
function inlineScript(source, name) {
    if (/<\/script|<!--|<script/i.test(source)) {
        throw new Error(`the ${name} build contains "</script", "<script" or "<!--" and cannot be inlined`);
    }
    return `<script>${source}</script>`;
}
/** Draws every chart once the libraries are in; `window.mlgate` lets a test wait for them and read their scenes. */
const BOOT = `(function () {
  var charts = JSON.parse(document.getElementById('mlgate-charts').textContent);
  var views = {};
  var failures = [];
  var drawn = charts.map(function (chart) {
    var element = document.getElementById(chart.id);
    return vegaEmbed(element, chart.spec, { mode: 'vega-lite', ast: true, actions: false, renderer: 'svg' }).then(
      function (result) { views[chart.id] = result.view; },
      function (error) {
        failures.push(chart.id);
        element.textContent = 'This chart could not be drawn: ' + error.message;
        console.error(error);
      });
  });
  window.mlgate = { charts: charts, views: views, failures: failures, ready: Promise.all(drawn) };
})();`;
const STYLE = `
body { font: 14px/1.5 -apple-system, BlinkMacSystemFont, "Segoe UI", Helvetica, Arial, sans-serif; color: #1f2328; margin: 0; }
main { max-width: 980px; margin: 0 auto; padding: 24px; }
h1 { font-size: 24px; } h2 { font-size: 20px; border-bottom: 1px solid #d1d9e0; padding-bottom: 4px; margin-top: 32px; }
h3 { font-size: 16px; margin-top: 24px; }
table { border-collapse: collapse; margin: 8px 0; }
th, td { border: 1px solid #d1d9e0; padding: 4px 8px; text-align: left; vertical-align: top; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
code { font: 12px ui-monospace, SFMono-Regular, Menlo, monospace; background: #f6f8fa; padding: 1px 4px; border-radius: 4px; overflow-wrap: anywhere; }
td, li, p { overflow-wrap: anywhere; }
.status-pass { color: #1a7f37; } .status-warn { color: #9a6700; } .status-fail { color: #cf222e; } .status-skipped { color: #59636e; }
.chart { margin: 12px 0; min-height: 40px; }
.note { color: #59636e; font-size: 12px; }
footer { margin-top: 32px; color: #59636e; font-size: 12px; }
`;
class ChartList {
    charts = [];
    /** Adds a chart and returns the element it is drawn in. */
    add(title, spec) {
        const id = `chart-${this.charts.length + 1}`;
        this.charts.push({ id, title, spec: { width: CHART.width, height: CHART.height, ...spec } });
        return `<div class="chart" id="${id}" role="img" aria-label="${html_text(title)}"></div>`;
    }
    all() {
        return [...this.charts];
    }
}
function html_verdictBlock(report, title) {
    const { status, summary } = report.verdict;
    return [
        `<h1 class="status-${status}">${title}: ${html_STATUS_WORDS[status]}</h1>`,
        summary.trim() === '' ? '' : `<p>${html_message(summary)}</p>`,
    ].join('\n');
}
function html_reasonsBlock(report) {
    const reasons = reasonsWorstFirst(report.verdict.reasons);
    if (reasons.length === 0)
        return '';
    const items = reasons.map((reason) => {
        const context = [reason.model, reason.dataset, reason.metric, reason.column].flatMap((v) => v === undefined ? [] : [html_code(v)]);
        return `<li><span class="status-${reason.status}">${reason.status}</span> ${html_message(reason.message)} (${[html_code(reason.rule), ...context].join(', ')})</li>`;
    });
    return `<h2>Reasons</h2>\n<ul>\n${items.join('\n')}\n</ul>`;
}
function validationBlock(section, charts) {
    const parts = [
        `<h2 class="status-${section.status}">Data ${html_code(section.dataset)}: ${format_formatCount(section.rows)} rows × ${format_formatCount(section.columns)} columns</h2>`,
        checksTable(section.checks),
    ];
    if (section.issues?.length) {
        const items = section.issues.slice(0, html_MAX_ROWS.issues).map((issue) => {
            const where = `${issue.file}:${issue.line}${issue.column === undefined ? '' : `:${issue.column}`}`;
            return `<li>${html_code(where)}: ${html_message(issue.message)}</li>`;
        });
        parts.push(`<h3>${html_plural(section.issues.length, 'problem')} reading the data</h3>\n<ul>${items.join('')}</ul>`, more(section.issues.length - html_MAX_ROWS.issues, 'problem'));
    }
    if (section.drift)
        parts.push(html_driftBlock(section, charts));
    return parts.filter(Boolean).join('\n');
}
function checksTable(checks) {
    if (checks.length === 0)
        return '<p>No checks were run.</p>';
    const rows = checksWorstFirst(checks)
        .slice(0, html_MAX_ROWS.checks)
        .map((check) => {
        const unexpected = check.unexpectedCount === undefined
            ? check.unexpectedFraction === undefined
                ? '-'
                : format_formatPercent(check.unexpectedFraction)
            : `${format_formatCount(check.unexpectedCount)}${check.unexpectedFraction === undefined ? '' : ` (${format_formatPercent(check.unexpectedFraction)})`}`;
        const examples = (check.examples ?? [])
            .slice(0, 3)
            .map((example) => `${example.line === undefined ? '' : `line ${example.line}: `}${html_code(example.value)}`);
        return row([
            `<span class="status-${check.status}">${check.status}</span>`,
            html_text(check.check),
            check.column === undefined ? '' : html_code(check.column),
            check.observed === undefined ? '-' : html_code(format_formatScalar(check.observed)),
            check.expected === undefined ? '-' : html_code(check.expected),
            unexpected,
            [html_message(check.message), ...(examples.length > 0 ? [`e.g. ${examples.join(', ')}`] : [])].join('; '),
        ]);
    });
    return [
        `<h3>Checks</h3>`,
        tableHtml(['', 'Check', 'Column', 'Observed', 'Expected', 'Unexpected', 'Details'], rows),
        more(checks.length - html_MAX_ROWS.checks, 'check'),
    ].join('\n');
}
function html_driftBlock(section, charts) {
    const drift = section.drift;
    const drifted = drift.columns.filter((column) => column.drifted).length;
    const ordered = driftWorstFirst(drift.columns);
    const rows = ordered
        .slice(0, html_MAX_ROWS.drift)
        .map((column) => row([
        html_code(column.column),
        html_text(driftTestLabel(column)),
        num(driftFigure(column.statistic, column.bounds?.statistic, format_formatNumber)),
        num(column.pValue === undefined ? '-' : `${column.bounds ? '≥ ' : ''}${formatPValue(column.pValue)}`),
        `${html_text(column.effect.name)} ${driftFigure(column.effect.value, column.bounds?.effect, format_formatNumber)} (threshold ${format_formatNumber(column.effect.threshold)})`,
        column.drifted ? '<strong class="status-warn">drifted</strong>' : 'no',
    ]));
    const drawn = ordered.filter((column) => column.distribution).slice(0, MAX_CHARTS.driftPerDataset);
    const chartHtml = drawn.map((column) => charts.add(`${column.column}: reference vs current`, driftChart(column, column.distribution)));
    const skipped = (drift.skipped ?? []).map((skip) => `<li>${html_message(skip.message)}</li>`);
    return [
        `<h3 class="status-${drift.status}">Drift: ${drifted} of ${html_plural(drift.columns.length, 'column')} drifted (${format_formatPercent(drift.share)}; the dataset counts as drifted from ${format_formatPercent(drift.threshold)})</h3>`,
        drift.columns.length > 0
            ? tableHtml(['Column', 'Test', 'Statistic', 'p-value', 'Effect size', 'Drifted'], rows)
            : '',
        more(drift.columns.length - html_MAX_ROWS.drift, 'column'),
        ...ordered
            .slice(0, html_MAX_ROWS.drift)
            .filter((column) => column.note !== undefined)
            .map((column) => `<p class="note">${html_code(column.column)}: ${html_message(column.note)}</p>`),
        chartHtml.length > 0
            ? `<p class="note">Share of each side's values per bin or category, the worst columns first.</p>\n${chartHtml.join('\n')}`
            : '',
        skipped.length > 0 ? `<h3>Not tested for drift</h3>\n<ul>${skipped.join('')}</ul>` : '',
    ]
        .filter(Boolean)
        .join('\n');
}
function html_comparisonBlock(section, charts) {
    const baseline = section.baseline;
    const heading = baseline
        ? `Model ${html_code(section.model)}: ${html_code(section.candidate.label)} vs baseline ${html_code(baseline.label)}${baseline.source === undefined ? '' : ` (${html_code(baseline.source)})`}`
        : `Model ${html_code(section.model)}: ${html_code(section.candidate.label)}`;
    return [
        `<h2>${heading}</h2>`,
        lineage(section),
        section.predictions ? `<p class="note">${describeReading(section.predictions, html_code, html_message)}</p>` : '',
        ...(section.predictions?.notes ?? []).map((note) => `<p class="note">Not computed: ${html_message(note)}</p>`),
        baseline ? '' : '<p>No baseline yet: this is the first run, so there is nothing to compare with.</p>',
        html_metricsTable(section),
        html_historyBlock(section, charts),
        html_slicesBlock(section, charts),
        html_paramsBlock(section),
    ]
        .filter(Boolean)
        .join('\n');
}
function lineage(section) {
    const lineage = section.candidate.lineage;
    if (!lineage)
        return '';
    const commit = lineage.commit === null ? 'outside git' : `from commit ${html_code(lineage.commit.slice(0, 12))}`;
    const dirty = lineage.dirty ? ' with uncommitted changes' : '';
    const url = lineage.run === null ? undefined : safeUrl(lineage.run);
    const run = lineage.run === null ? 'locally' : url ? `in a ${html_link(url, 'workflow run')}` : `in run ${html_code(lineage.run)}`;
    const cached = lineage.cacheHit ? '; restored from the run cache, the command did not run again' : '';
    return `<p>Candidate trained ${commit}${dirty} ${run} at ${html_code(lineage.trainedAt)}, fingerprint ${html_code(lineage.fingerprint)}${cached}.</p>`;
}
/** Baseline, candidate, Δ, interval and verdict: the cells a metric has in the metric and the slice tables. */
function comparisonCells(metric) {
    return [
        num(format_formatNumber(metric.baseline)),
        num(format_formatNumber(metric.candidate)),
        num(format_formatDelta(metric.delta, metric.relative)),
        num(format_formatInterval(metric.ci)),
        verdictCell(metric),
    ];
}
function html_metricsTable(section) {
    if (section.metrics.length === 0)
        return '<p>No metrics to compare.</p>';
    const interval = `${format_formatConfidence(section.confidence)} CI`;
    const rows = section.metrics.map((metric) => row([html_text(metric.name), ...comparisonCells(metric)]));
    const methods = [...new Set(section.metrics.flatMap((metric) => (metric.ci ? [metric.ci.method] : [])))];
    return [
        tableHtml(['Metric', 'Baseline', 'Candidate', 'Δ', interval, 'Verdict'], rows),
        `<p class="note">Δ = candidate − baseline.${methods.length > 0 ? ` Intervals at ${format_formatConfidence(section.confidence)} confidence (${methods.map(html_text).join(', ')}).` : ''}</p>`,
    ].join('\n');
}
function verdictCell(metric) {
    const label = `<span style="color:${LABEL_COLORS[metric.label]}">${LABEL_WORDS[metric.label]}</span>`;
    const note = metric.note ? `: ${html_message(metric.note)}` : '';
    return `${label}${note}${metric.pValue === undefined ? '' : ` (p = ${formatPValue(metric.pValue)})`}`;
}
function html_historyBlock(section, charts) {
    const points = historyPoints(section);
    if (!points || !section.history)
        return '';
    const { metric } = section.history;
    const labels = uniqueLabels(points.map((point) => point.version));
    const chart = charts.add(`${metric} by version`, historyChart(metric, points, labels, section.confidence));
    const rows = points.map((point, i) => row([
        i === points.length - 1 ? '<strong>candidate</strong>' : html_code(point.version),
        num(format_formatNumber(point.value)),
        num(point.interval ? `${format_formatNumber(point.interval.low)} to ${format_formatNumber(point.interval.high)}` : '-'),
        (point.stages ?? []).map((stage) => (i === points.length - 1 ? html_text(stage) : html_code(stage))).join(', '),
    ]));
    return [
        `<h3>${html_text(metric)} across the last ${html_plural(points.length - 1, 'version')} and this candidate</h3>`,
        chart,
        tableHtml(['Version', html_text(metric), `${format_formatConfidence(section.confidence)} interval`, 'Stage'], rows),
        `<p class="note">Intervals: the change against each version's own baseline, placed on its value.</p>`,
    ].join('\n');
}
function html_slicesBlock(section, charts) {
    const slices = slicesWorstFirst(section.slices ?? []);
    if (slices.length === 0)
        return '';
    const regressed = slices.filter((slice) => slice.metrics.some((metric) => metric.label === 'regressed')).length;
    const metricNames = [...new Set(slices.flatMap((slice) => slice.metrics.map((metric) => metric.name)))];
    const drawnSlices = slices.slice(0, MAX_CHARTS.slices);
    const labels = uniqueLabels(drawnSlices.map((slice) => `${slice.column} = ${slice.value}`));
    const chartHtml = metricNames.slice(0, MAX_CHARTS.sliceMetrics).flatMap((name) => {
        const bars = drawnSlices.flatMap((slice, i) => {
            const metric = slice.metrics.find((m) => m.name === name);
            return metric && metric.delta !== null && Number.isFinite(metric.delta) ? [{ metric, label: labels[i] }] : [];
        });
        return bars.length > 0 ? [charts.add(`Δ ${name} by slice`, sliceChart(name, bars, section.confidence))] : [];
    });
    const rows = slices
        .slice(0, html_MAX_ROWS.slices)
        .flatMap((slice) => slice.metrics.map((metric) => row([
        `${html_text(slice.column)} = ${html_code(slice.value)}`,
        num(format_formatCount(slice.size)),
        html_text(metric.name),
        ...comparisonCells(metric),
    ])));
    return [
        `<h3>Slices: ${regressed} of ${html_plural(slices.length, 'slice')} regressed</h3>`,
        ...chartHtml,
        tableHtml([
            'Slice',
            'Size',
            'Metric',
            'Baseline',
            'Candidate',
            'Δ',
            `${format_formatConfidence(section.confidence)} CI`,
            'Verdict',
        ], rows),
        more(slices.length - html_MAX_ROWS.slices, 'slice'),
    ].join('\n');
}
function html_paramsBlock(section) {
    const changed = changedParams(section);
    if (changed.length === 0)
        return '';
    const rows = changed
        .slice(0, html_MAX_ROWS.params)
        .map((param) => row([html_text(param.name), html_code(format_formatScalar(param.baseline)), html_code(format_formatScalar(param.candidate))]));
    return [
        `<h3>Parameters: ${changed.length} changed</h3>`,
        tableHtml(['Parameter', 'Baseline', 'Candidate'], rows),
        more(changed.length - html_MAX_ROWS.params, 'parameter'),
    ].join('\n');
}
function footer(report, options) {
    const parts = ['mlgate'];
    const sha = report.subject?.sha;
    if (sha)
        parts.push(`commit ${html_code(sha.slice(0, 12))}`);
    const run = safeUrl(options.runUrl);
    if (run)
        parts.push(html_link(run, 'workflow run'));
    for (const artifact of options.artifacts ?? []) {
        const url = safeUrl(artifact.url);
        parts.push(url ? `artifact ${html_link(url, html_code(artifact.name))}` : `artifact ${html_code(artifact.name)}`);
    }
    parts.push(html_text(report.createdAt));
    return `<footer>${parts.join(' · ')}</footer>`;
}
// Charts. Specs carry data only as values (never as field names or expressions), labels cut and made unique.
function historyChart(metric, points, labels, confidence) {
    const values = points.flatMap((point, i) => point.value !== null && Number.isFinite(point.value)
        ? [{ version: labels[i], value: point.value, kind: i === points.length - 1 ? 'candidate' : 'registered' }]
        : []);
    const intervals = points.flatMap((point, i) => point.interval && Number.isFinite(point.interval.low) && Number.isFinite(point.interval.high)
        ? [{ version: labels[i], low: point.interval.low, high: point.interval.high }]
        : []);
    const x = {
        field: 'version',
        type: 'ordinal',
        sort: labels,
        title: 'version',
        axis: { labelAngle: -30, labelLimit: 140 },
    };
    const y = { type: 'quantitative', scale: { zero: false }, title: label(metric) };
    return {
        title: { text: label(`${metric} by version`), limit: CHART.width },
        layer: [
            {
                data: { values },
                mark: { type: 'line', point: false, clip: true, color: '#8c959f' },
                encoding: { x, y: { ...y, field: 'value' } },
            },
            {
                data: { values: intervals },
                mark: { type: 'rule', clip: true, strokeWidth: 2 },
                encoding: {
                    x,
                    y: { ...y, field: 'low' },
                    y2: { field: 'high' },
                    color: { value: '#57606a' },
                    tooltip: [
                        { field: 'version', type: 'ordinal' },
                        { field: 'low', type: 'quantitative', title: `${format_formatConfidence(confidence)} low` },
                        { field: 'high', type: 'quantitative', title: `${format_formatConfidence(confidence)} high` },
                    ],
                },
            },
            {
                data: { values },
                mark: { type: 'point', filled: true, size: 70, clip: true },
                encoding: {
                    x,
                    y: { ...y, field: 'value' },
                    color: {
                        field: 'kind',
                        type: 'nominal',
                        scale: { domain: ['registered', 'candidate'], range: ['#57606a', '#0969da'] },
                        title: null,
                    },
                    tooltip: [
                        { field: 'version', type: 'ordinal' },
                        { field: 'value', type: 'quantitative' },
                    ],
                },
            },
        ],
    };
}
function sliceChart(metric, bars, confidence) {
    const values = bars.map(({ metric: m, label: slice }) => ({ slice, delta: m.delta, verdict: LABEL_WORDS[m.label] }));
    const intervals = bars.flatMap(({ metric: m, label: slice }) => m.ci && Number.isFinite(m.ci.low) && Number.isFinite(m.ci.high) ? [{ slice, low: m.ci.low, high: m.ci.high }] : []);
    const labels = Object.keys(LABEL_WORDS).filter((l) => bars.some((bar) => bar.metric.label === l));
    const x = {
        field: 'slice',
        type: 'nominal',
        sort: bars.map((bar) => bar.label),
        title: null,
        axis: { labelAngle: -30, labelLimit: 140 },
    };
    const y = { type: 'quantitative', title: label(`Δ ${metric}`) };
    return {
        title: { text: label(`Δ ${metric} by slice, with ${format_formatConfidence(confidence)} intervals`), limit: CHART.width },
        layer: [
            {
                data: { values },
                mark: { type: 'bar', clip: true },
                encoding: {
                    x,
                    y: { ...y, field: 'delta' },
                    color: {
                        field: 'verdict',
                        type: 'nominal',
                        scale: { domain: labels.map((l) => LABEL_WORDS[l]), range: labels.map((l) => LABEL_COLORS[l]) },
                        title: null,
                    },
                    tooltip: [
                        { field: 'slice', type: 'nominal' },
                        { field: 'delta', type: 'quantitative', title: 'Δ' },
                        { field: 'verdict', type: 'nominal' },
                    ],
                },
            },
            {
                data: { values: intervals },
                mark: { type: 'rule', clip: true, strokeWidth: 2, color: '#1f2328' },
                encoding: { x, y: { ...y, field: 'low' }, y2: { field: 'high' } },
            },
        ],
    };
}
function driftChart(column, distribution) {
    const title = { text: label(`${column.column}: reference vs current`), limit: CHART.width };
    const color = {
        field: 'side',
        type: 'nominal',
        scale: { domain: ['reference', 'current'], range: [SIDE_COLORS.reference, SIDE_COLORS.current] },
        title: null,
    };
    const y = { field: 'share', type: 'quantitative', title: 'share of values', axis: { format: '.0%' } };
    if (distribution.kind === 'histogram') {
        const { edges } = distribution;
        const sides = [
            ['reference', distribution.reference],
            ['current', distribution.current],
        ];
        const values = sides.flatMap(([side, counts]) => {
            const total = counts.reduce((a, b) => a + b, 0) || 1;
            return counts.map((count, i) => ({ side, start: edges[i], end: edges[i + 1], share: count / total }));
        });
        // A single-valued column has one bin of no width: give it one so it is drawn.
        const constant = edges[0] === edges[edges.length - 1];
        const type = distribution.time ? 'temporal' : 'quantitative';
        return {
            title,
            data: { values: constant ? values.map((v) => ({ ...v, end: v.start + 1 })) : values },
            mark: { type: 'bar', clip: true, opacity: 0.55, binSpacing: 0 },
            encoding: {
                x: { field: 'start', type, title: label(column.column), scale: { zero: false, nice: false } },
                x2: { field: 'end' },
                // Without a y2, bars ranged on x would be drawn as thin lines at their height.
                y,
                y2: { datum: 0 },
                color,
                tooltip: [
                    { field: 'side', type: 'nominal' },
                    { field: 'start', type, title: 'from' },
                    { field: 'end', type, title: 'to' },
                    { field: 'share', type: 'quantitative', format: '.2%' },
                ],
            },
        };
    }
    const names = uniqueLabels([
        ...distribution.categories.map((category) => (category === '' ? '(empty)' : category)),
        ...(distribution.other ? ['(other values)'] : []),
    ]);
    const sides = [
        ['reference', [...distribution.reference, ...(distribution.other ? [distribution.other.reference] : [])]],
        ['current', [...distribution.current, ...(distribution.other ? [distribution.other.current] : [])]],
    ];
    const values = sides.flatMap(([side, counts]) => {
        const total = counts.reduce((a, b) => a + b, 0) || 1;
        return counts.map((count, i) => ({ side, category: names[i], share: count / total }));
    });
    return {
        title,
        data: { values },
        mark: { type: 'bar', clip: true },
        encoding: {
            x: {
                field: 'category',
                type: 'nominal',
                sort: names,
                title: label(column.column),
                axis: { labelAngle: -30, labelLimit: 140 },
            },
            xOffset: { field: 'side', sort: ['reference', 'current'] },
            y,
            color,
            tooltip: [
                { field: 'category', type: 'nominal' },
                { field: 'side', type: 'nominal' },
                { field: 'share', type: 'quantitative', format: '.2%' },
            ],
        },
    };
}
/** A chart label: one line, no control or bidirectional characters, cut to `MAX_LABEL_CHARS`. */
function label(value) {
    const line = sanitizeText(value)
        .replace(/[\s\p{Cc}\p{Cf}\p{Z}]+/gu, ' ')
        .trim();
    return clipText(line, html_MAX_LABEL_CHARS) || '(unnamed)';
}
/** Labels made unique in order (a repeated one gets ` (2)`…), so no two bars or points share a place. */
function uniqueLabels(values) {
    const seen = new Set();
    return values.map((value) => {
        const base = label(value);
        let unique = base;
        for (let n = 2; seen.has(unique); n++)
            unique = `${base} (${n})`;
        seen.add(unique);
        return unique;
    });
}
// HTML building blocks. Everything from the report passes through `text` (or `code`, which calls it).
const ENTITIES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Inert HTML text (and attribute value): entities for the five specials, no control or bidi characters. */
function html_text(value) {
    return sanitizeText(value).replace(/[&<>"']/g, (c) => ENTITIES[c]);
}
function html_message(value) {
    return html_text(clipText(value, html_MAX_MESSAGE_CHARS));
}
function html_code(value) {
    return `<code>${html_text(clipText(value, MAX_NAME_CHARS))}</code>`;
}
function html_link(url, html) {
    return `<a href="${html_text(url)}" rel="noopener noreferrer nofollow">${html}</a>`;
}
function num(html) {
    return { html: html_text(html), numeric: true };
}
function row(cells) {
    return `<tr>${cells.map((cell) => (typeof cell === 'string' ? `<td>${cell}</td>` : `<td class="num">${cell.html}</td>`)).join('')}</tr>`;
}
function tableHtml(headers, rows) {
    return `<table>\n<thead><tr>${headers.map((h) => `<th>${h}</th>`).join('')}</tr></thead>\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>`;
}
function more(hidden, noun) {
    return hidden > 0 ? `<p class="note">… and ${html_plural(hidden, noun)} more in the JSON report.</p>` : '';
}
function html_plural(count, noun) {
    return `${format_formatCount(count)} ${noun}${count === 1 ? '' : 's'}`;
}

;// CONCATENATED MODULE: ./packages/core/src/data/boolean-text.ts
/** `true` or `false` in any letter case (`True`, `FALSE`), as pandas and spreadsheets write them. */
function isBooleanText(bytes, start, end) {
    const length = end - start;
    if (length === 4) {
        return ((bytes[start] | 0x20) === 116 &&
            (bytes[start + 1] | 0x20) === 114 &&
            (bytes[start + 2] | 0x20) === 117 &&
            (bytes[start + 3] | 0x20) === 101);
    }
    if (length === 5) {
        return ((bytes[start] | 0x20) === 102 &&
            (bytes[start + 1] | 0x20) === 97 &&
            (bytes[start + 2] | 0x20) === 108 &&
            (bytes[start + 3] | 0x20) === 115 &&
            (bytes[start + 4] | 0x20) === 101);
    }
    return false;
}

;// CONCATENATED MODULE: ./packages/core/src/sketch/hash.ts
/**
 * 64-bit hashes for sketches, computed without allocating: every function writes the two 32-bit
 * halves into a caller-owned `out` array. Strings are hashed as their UTF-8 bytes, so a value read
 * as a byte range from a CSV buffer and the same value held as a JS string hash identically.
 *
 * Bytes use MurmurHash3 x86_128 (Appleby, public domain; the first 64 of its 128 bits): it passes
 * SMHasher and needs only 32-bit multiplies, which JS does natively with Math.imul. Doubles use a
 * three-round invertible mixer over their IEEE-754 bit pattern, so distinct doubles never collide.
 */
// Module-level aliases: inside a VM context (Jest) every `Math.x` lookup goes through the global
// object's interceptor and costs ~300 ns; a captured reference is as fast as natively.
const { imul } = Math;
const C1 = 0x239b961b;
const C2 = 0xab0e9789;
const C3 = 0x38b34ae5;
const C4 = 0xa1e38b93;
function rotl(x, r) {
    return (x << r) | (x >>> (32 - r));
}
function fmix32(h) {
    h ^= h >>> 16;
    h = imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = imul(h, 0xc2b2ae35);
    return h ^ (h >>> 16);
}
function readUint32LE(buf, i) {
    return buf[i] | (buf[i + 1] << 8) | (buf[i + 2] << 16) | (buf[i + 3] << 24);
}
/** MurmurHash3 x86_128 of `buf[start, end)`; writes h1 to out[0] and h2 to out[1]. */
function hashBytes(buf, start, end, out, seed = 0) {
    const len = end - start;
    let h1 = seed | 0;
    let h2 = h1;
    let h3 = h1;
    let h4 = h1;
    const blocksEnd = start + (len & ~15);
    let i = start;
    for (; i < blocksEnd; i += 16) {
        let k1 = readUint32LE(buf, i);
        let k2 = readUint32LE(buf, i + 4);
        let k3 = readUint32LE(buf, i + 8);
        let k4 = readUint32LE(buf, i + 12);
        k1 = imul(rotl(imul(k1, C1), 15), C2);
        h1 ^= k1;
        h1 = (imul(rotl(h1, 19) + h2, 5) + 0x561ccd1b) | 0;
        k2 = imul(rotl(imul(k2, C2), 16), C3);
        h2 ^= k2;
        h2 = (imul(rotl(h2, 17) + h3, 5) + 0x0bcaa747) | 0;
        k3 = imul(rotl(imul(k3, C3), 17), C4);
        h3 ^= k3;
        h3 = (imul(rotl(h3, 15) + h4, 5) + 0x96cd1c35) | 0;
        k4 = imul(rotl(imul(k4, C4), 18), C1);
        h4 ^= k4;
        h4 = (imul(rotl(h4, 13) + h1, 5) + 0x32ac3b17) | 0;
    }
    const tail = len & 15;
    if (tail > 12) {
        let k4 = 0;
        for (let j = tail - 1; j >= 12; j--)
            k4 = (k4 << 8) | buf[i + j];
        h4 ^= imul(rotl(imul(k4, C4), 18), C1);
    }
    if (tail > 8) {
        let k3 = 0;
        for (let j = Math.min(tail, 12) - 1; j >= 8; j--)
            k3 = (k3 << 8) | buf[i + j];
        h3 ^= imul(rotl(imul(k3, C3), 17), C4);
    }
    if (tail > 4) {
        let k2 = 0;
        for (let j = Math.min(tail, 8) - 1; j >= 4; j--)
            k2 = (k2 << 8) | buf[i + j];
        h2 ^= imul(rotl(imul(k2, C2), 16), C3);
    }
    if (tail > 0) {
        let k1 = 0;
        for (let j = Math.min(tail, 4) - 1; j >= 0; j--)
            k1 = (k1 << 8) | buf[i + j];
        h1 ^= imul(rotl(imul(k1, C1), 15), C2);
    }
    h1 ^= len;
    h2 ^= len;
    h3 ^= len;
    h4 ^= len;
    h1 = (h1 + h2 + h3 + h4) | 0;
    h2 = (h2 + h1) | 0;
    h3 = (h3 + h1) | 0;
    h4 = (h4 + h1) | 0;
    h1 = fmix32(h1);
    h2 = fmix32(h2);
    h3 = fmix32(h3);
    h4 = fmix32(h4);
    h1 = (h1 + h2 + h3 + h4) | 0;
    h2 = (h2 + h1) | 0;
    out[0] = h1;
    out[1] = h2;
}
const f64 = new Float64Array(1);
const f64Words = new Uint32Array(f64.buffer);
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const LO = LITTLE_ENDIAN ? 0 : 1;
const HI = 1 - LO;
/**
 * Hash of a double's bit pattern. -0 hashes as 0 and every NaN as the canonical NaN, so values
 * that compare equal (and all NaNs) count as one distinct value.
 */
function hashNumber(x, out) {
    f64[0] = x === 0 ? 0 : x;
    if (x !== x)
        f64[0] = NaN;
    const lo = f64Words[LO];
    const hi = f64Words[HI];
    // Each round is invertible given the other half (a Feistel-like network), so the map is a bijection.
    let a = fmix32(lo ^ imul(hi, 0x9e3779b1));
    const b = fmix32(hi ^ imul(a, 0x85ebca77));
    a = fmix32(a ^ imul(b, 0xc2b2ae3d));
    out[0] = a;
    out[1] = b;
}
let scratch = new Uint8Array(256);
/**
 * Encodes `s` as UTF-8 into a module-owned buffer (grown when a longer string arrives) and
 * returns the byte length. Lone surrogates become U+FFFD, as TextEncoder does. The buffer is
 * only valid until the next call: read it immediately via `utf8Scratch()`.
 */
function encodeUtf8Scratch(s) {
    if (scratch.length < s.length * 3)
        scratch = new Uint8Array(Math.max(s.length * 3, scratch.length * 2));
    const buf = scratch;
    let n = 0;
    for (let i = 0; i < s.length; i++) {
        let c = s.charCodeAt(i);
        if (c < 0x80) {
            buf[n++] = c;
            continue;
        }
        if (c < 0x800) {
            buf[n++] = 0xc0 | (c >> 6);
            buf[n++] = 0x80 | (c & 63);
            continue;
        }
        if (c >= 0xd800 && c <= 0xdfff) {
            const next = i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
            if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
                c = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
                i++;
                buf[n++] = 0xf0 | (c >> 18);
                buf[n++] = 0x80 | ((c >> 12) & 63);
                buf[n++] = 0x80 | ((c >> 6) & 63);
                buf[n++] = 0x80 | (c & 63);
                continue;
            }
            c = 0xfffd;
        }
        buf[n++] = 0xe0 | (c >> 12);
        buf[n++] = 0x80 | ((c >> 6) & 63);
        buf[n++] = 0x80 | (c & 63);
    }
    return n;
}
/** The buffer `encodeUtf8Scratch` wrote into. */
function utf8Scratch() {
    return scratch;
}
/** Hash of a string's UTF-8 bytes; equals `hashBytes` over the same text read as bytes. */
function hashString(s, out, seed = 0) {
    const n = encodeUtf8Scratch(s);
    hashBytes(scratch, 0, n, out, seed);
}

;// CONCATENATED MODULE: ./packages/core/src/sketch/frequent-items.ts



const DEFAULT_EXACT_LIMIT = 10_000;
const MAX_LIMIT = (1 << 22) - 1;
/** Sample levels use the top bits of the 64-bit hash's high word: beyond 32 there are none left. */
const MAX_LEVEL = 32;
const INITIAL_SLOTS = 16;
const frequent_items_decoder = new TextDecoder();
/**
 * Exact counts of categorical values while at most `exactLimit` distinct values have been seen, then exact counts
 * of a hash sample of them (Gibbons' distinct sampling): at level ℓ a value is kept if and only if its 64-bit
 * hash starts with ℓ zero bits, and the level rises by one whenever more than `exactLimit` values are kept.
 *
 * The state is a function of the multiset of values alone, whatever their order and however they were split into
 * shards: the level ends as the smallest one whose sample fits the limit (the number of values passing any level
 * only grows with the data), and every kept count is exact. So merged shard summaries equal one pass exactly, and
 * the counts they report are facts: a kept value's count is exact, a value that passes the level but is absent
 * occurred 0 times, and the values not sampled share the rest of `count` exactly.
 *
 * Values are identified by their UTF-8 bytes (`addBytes` takes a byte range straight from a reader buffer;
 * `addString` encodes first, giving the same identity). Keys live in one byte arena, so counting an already-seen
 * value allocates nothing.
 */
class FrequentItems {
    limit;
    sampleLevel = 0;
    n = 0;
    size = 0;
    hashHi = new Int32Array(INITIAL_SLOTS);
    hashLo = new Int32Array(INITIAL_SLOTS);
    counts = new Float64Array(INITIAL_SLOTS);
    keyStart = new Int32Array(INITIAL_SLOTS);
    keyLength = new Int32Array(INITIAL_SLOTS);
    arena = new Uint8Array(256);
    arenaUsed = 0;
    /** Open-addressing table (linear probing) of entry numbers, at most half full; -1 marks a free slot. */
    index = new Int32Array(2 * INITIAL_SLOTS).fill(-1);
    mask = 2 * INITIAL_SLOTS - 1;
    probe = 0;
    hash = new Uint32Array(2);
    constructor({ exactLimit = DEFAULT_EXACT_LIMIT } = {}) {
        if (!Number.isInteger(exactLimit) || exactLimit < 1 || exactLimit > MAX_LIMIT) {
            throw new errors_UserError(`frequent-items exact limit must be an integer in [1, ${MAX_LIMIT}], got ${exactLimit}`);
        }
        this.limit = exactLimit;
    }
    /** Distinct values counted at most before sampling. */
    get exactLimit() {
        return this.limit;
    }
    /** Counts the value whose UTF-8 bytes are buf[start, end). */
    addBytes(buf, start, end) {
        hashBytes(buf, start, end, this.hash);
        this.addHashed(buf, start, end);
    }
    /**
     * `addBytes` for a caller that has hashed the bytes already (`hashBytes` with the default seed
     * gave `hi`, `lo`): a profile hashes each text value once for HyperLogLog and this.
     */
    addHashedBytes(buf, start, end, hi, lo) {
        this.hash[0] = hi;
        this.hash[1] = lo;
        this.addHashed(buf, start, end);
    }
    addHashed(buf, start, end) {
        this.n++;
        if (!this.sampled(this.hash[0]))
            return;
        this.upsert(buf, start, end, 1);
        if (this.size > this.limit)
            this.raiseLevel();
    }
    addString(value) {
        const length = encodeUtf8Scratch(value);
        this.addBytes(utf8Scratch(), 0, length);
    }
    /** Total number of values counted. */
    get count() {
        return this.n;
    }
    /** Every value is counted (level 0). */
    get isExact() {
        return this.sampleLevel === 0;
    }
    get level() {
        return this.sampleLevel;
    }
    /** Number of distinct values while exact; undefined once sampled. */
    get exactDistinct() {
        return this.isExact ? this.size : undefined;
    }
    /** Values counted (all of them while exact, the sample after) and the sum of their counts. */
    get keptDistinct() {
        return this.size;
    }
    get keptTotal() {
        let total = 0;
        for (let e = 0; e < this.size; e++)
            total += this.counts[e];
        return total;
    }
    /** Every value with its count while exact; undefined once sampled. */
    exactCounts() {
        return this.isExact ? this.sample() : undefined;
    }
    /** The values kept at `level` (≥ this summary's level) with their exact counts. */
    sample(level = this.sampleLevel) {
        if (level < this.sampleLevel)
            throw new RangeError(`the summary is at level ${this.sampleLevel}, not ${level}`);
        const map = new Map();
        for (let e = 0; e < this.size; e++) {
            if (passes(this.hashHi[e], level))
                map.set(this.keyOf(e), this.counts[e]);
        }
        return map;
    }
    /**
     * The most frequent values, highest count first (ties by value), at most `limit` of them. Once sampled, only
     * values that are certainly among the `limit` most frequent are listed: a kept value with count c is, when fewer
     * than `limit` values can have a higher count — the kept ones that do, plus at most ⌊rest/(c+1)⌋ values outside
     * the sample, whose counts sum to `rest`.
     */
    topItems(limit = Infinity) {
        const order = Array.from({ length: this.size }, (_, e) => e);
        const keys = order.map((e) => this.keyOf(e));
        order.sort((a, b) => this.counts[b] - this.counts[a] || (keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : 0));
        const items = order.map((e) => ({ value: keys[e], count: this.counts[e] }));
        if (this.isExact)
            return items.slice(0, Math.min(limit, items.length));
        const rest = this.n - this.keptTotal;
        const listed = [];
        let higher = 0;
        for (let i = 0; i < items.length && listed.length < limit; i++) {
            const item = items[i];
            while (higher < i && items[higher].count > item.count)
                higher++;
            if (higher + Math.floor(rest / (item.count + 1)) >= limit)
                break;
            listed.push(item);
        }
        return listed;
    }
    /**
     * What is known of how often `value` occurred: exactly `count` when the summary counted it (or would have, had it
     * occurred), otherwise somewhere from 0 to `upperBound` (the count of all values outside the sample).
     */
    bounds(value) {
        const length = encodeUtf8Scratch(value);
        const buf = utf8Scratch();
        hashBytes(buf, 0, length, this.hash);
        const e = this.find(buf, 0, length);
        if (e >= 0)
            return { count: this.counts[e], upperBound: this.counts[e] };
        if (this.sampled(this.hash[0]))
            return { count: 0, upperBound: 0 };
        return { count: 0, upperBound: this.n - this.keptTotal };
    }
    /** Folds `other` into this: both are brought to the higher level, counts of equal values add up. */
    merge(other) {
        if (other.n === 0)
            return this;
        // An empty side (a shard without text in the column) takes the other's limit.
        if (this.n === 0)
            this.limit = other.exactLimit;
        if (other.exactLimit !== this.exactLimit) {
            throw new errors_UserError(`cannot merge frequent-items summaries with different exact limits (${this.exactLimit} and ${other.exactLimit})`);
        }
        const level = Math.max(this.sampleLevel, other.sampleLevel);
        if (level > this.sampleLevel)
            this.setLevel(level);
        for (let e = 0; e < other.size; e++) {
            if (!passes(other.hashHi[e], level))
                continue;
            this.hash[0] = other.hashHi[e];
            this.hash[1] = other.hashLo[e];
            const start = other.keyStart[e];
            this.upsert(other.arena, start, start + other.keyLength[e], other.counts[e]);
        }
        this.n += other.n;
        if (this.size > this.exactLimit)
            this.raiseLevel();
        return this;
    }
    sampled(hi) {
        return passes(hi, this.sampleLevel);
    }
    /** Raises the level until the sample fits the limit (or no hash bits are left to sample by). */
    raiseLevel() {
        let level = this.sampleLevel;
        while (level < MAX_LEVEL) {
            level++;
            let kept = 0;
            for (let e = 0; e < this.size; e++)
                if (passes(this.hashHi[e], level))
                    kept++;
            if (kept <= this.exactLimit)
                break;
        }
        this.setLevel(level);
    }
    /** Drops the values that do not pass `level` and compacts entries and keys. */
    setLevel(level) {
        let kept = 0;
        let arenaUsed = 0;
        for (let e = 0; e < this.size; e++) {
            if (!passes(this.hashHi[e], level))
                continue;
            const start = this.keyStart[e];
            const length = this.keyLength[e];
            this.arena.copyWithin(arenaUsed, start, start + length);
            this.hashHi[kept] = this.hashHi[e];
            this.hashLo[kept] = this.hashLo[e];
            this.counts[kept] = this.counts[e];
            this.keyStart[kept] = arenaUsed;
            this.keyLength[kept] = length;
            arenaUsed += length;
            kept++;
        }
        this.size = kept;
        this.arenaUsed = arenaUsed;
        this.sampleLevel = level;
        this.rebuildIndex();
    }
    /**
     * Entry number of the value whose hash is in `this.hash`, or -1 with `probe` left at the free
     * slot where it would go. The hash travels in that array, not as arguments, because int32
     * values beyond ±2^30 passed to a call are boxed: one heap allocation per value counted.
     */
    find(buf, start, end) {
        const h1 = this.hash[0] | 0;
        const h2 = this.hash[1] | 0;
        let slot = h2 & this.mask;
        for (;;) {
            const e = this.index[slot];
            if (e < 0) {
                this.probe = slot;
                return -1;
            }
            if (this.hashHi[e] === h1 && this.hashLo[e] === h2 && this.keyEquals(e, buf, start, end))
                return e;
            slot = (slot + 1) & this.mask;
        }
    }
    keyEquals(e, buf, start, end) {
        const length = this.keyLength[e];
        if (length !== end - start)
            return false;
        const at = this.keyStart[e];
        for (let i = 0; i < length; i++)
            if (this.arena[at + i] !== buf[start + i])
                return false;
        return true;
    }
    /** Adds `weight` to the value whose hash is in `this.hash`, inserting it if new. */
    upsert(buf, start, end, weight) {
        const found = this.find(buf, start, end);
        if (found >= 0) {
            this.counts[found] += weight;
            return;
        }
        if (this.size === this.counts.length) {
            this.grow(this.size * 2);
            this.find(buf, start, end);
        }
        const length = end - start;
        if (this.arenaUsed + length > this.arena.length) {
            const grown = new Uint8Array(Math.max(this.arena.length * 2, this.arenaUsed + length));
            grown.set(this.arena.subarray(0, this.arenaUsed));
            this.arena = grown;
        }
        this.arena.set(buf.subarray(start, end), this.arenaUsed);
        const e = this.size++;
        this.hashHi[e] = this.hash[0] | 0;
        this.hashLo[e] = this.hash[1] | 0;
        this.counts[e] = weight;
        this.keyStart[e] = this.arenaUsed;
        this.keyLength[e] = length;
        this.arenaUsed += length;
        this.index[this.probe] = e;
    }
    /** Room for `slots` entries (≥ size) and an index at most half full. */
    grow(slots) {
        const size = this.size;
        const copy = (old, fresh) => {
            fresh.set(old.subarray(0, size));
            return fresh;
        };
        this.hashHi = copy(this.hashHi, new Int32Array(slots));
        this.hashLo = copy(this.hashLo, new Int32Array(slots));
        this.counts = copy(this.counts, new Float64Array(slots));
        this.keyStart = copy(this.keyStart, new Int32Array(slots));
        this.keyLength = copy(this.keyLength, new Int32Array(slots));
        this.index = new Int32Array(2 * slots);
        this.mask = 2 * slots - 1;
        this.rebuildIndex();
    }
    rebuildIndex() {
        this.index.fill(-1);
        for (let e = 0; e < this.size; e++) {
            let slot = this.hashLo[e] & this.mask;
            while (this.index[slot] >= 0)
                slot = (slot + 1) & this.mask;
            this.index[slot] = e;
        }
    }
    keyOf(e) {
        const start = this.keyStart[e];
        return frequent_items_decoder.decode(this.arena.subarray(start, start + this.keyLength[e]));
    }
    toJSON() {
        const order = Array.from({ length: this.size }, (_, e) => e);
        const keys = order.map((e) => this.keyOf(e));
        order.sort((a, b) => this.counts[b] - this.counts[a] || (keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : 0));
        return {
            kind: 'frequent-items',
            version: 2,
            exactLimit: this.exactLimit,
            level: this.sampleLevel,
            n: this.n,
            items: order.map((e) => [keys[e], this.counts[e]]),
        };
    }
    static fromJSON(value, path = '$') {
        const obj = expectSketch(value, 'frequent-items', [2], path);
        const exactLimit = expectInteger(obj, 'exactLimit', path, 1, MAX_LIMIT);
        const level = expectInteger(obj, 'level', path, 0, MAX_LEVEL);
        const n = expectInteger(obj, 'n', path, 0, Number.MAX_SAFE_INTEGER);
        const items = expectArray(obj, 'items', path);
        if (items.length > exactLimit && level < MAX_LEVEL) {
            fail(`${path}.items`, `holds ${items.length} values but the exact limit is ${exactLimit}`);
        }
        const sketch = new FrequentItems({ exactLimit });
        sketch.sampleLevel = level;
        let total = 0;
        for (let i = 0; i < items.length; i++) {
            const item = items[i];
            const at = `${path}.items[${i}]`;
            if (!Array.isArray(item) || item.length !== 2 || typeof item[0] !== 'string') {
                fail(at, `expected a [value, count] pair with a string value, got ${describeValue(item)}`);
            }
            const count = item[1];
            if (typeof count !== 'number' || !Number.isInteger(count) || count < 1) {
                fail(`${at}[1]`, `expected a positive integer count, got ${describeValue(count)}`);
            }
            const length = encodeUtf8Scratch(item[0]);
            const buf = utf8Scratch();
            hashBytes(buf, 0, length, sketch.hash);
            if (!sketch.sampled(sketch.hash[0]))
                fail(`${at}[0]`, `value ${describeValue(item[0])} is not in a level-${level} sample`);
            if (sketch.find(buf, 0, length) >= 0)
                fail(`${at}[0]`, `value ${describeValue(item[0])} appears twice`);
            sketch.upsert(buf, 0, length, count);
            total += count;
        }
        if (level === 0 ? total !== n : total > n) {
            fail(`${path}.n`, `n is ${n} but the counts sum to ${total}${level === 0 ? ' (an exact summary counts every value)' : ''}`);
        }
        sketch.n = n;
        return sketch;
    }
}
/** Whether a value whose hash has high word `hi` is kept at `level`: its top `level` bits are zero. */
function passes(hi, level) {
    return level === 0 || hi >>> (32 - level) === 0;
}

;// CONCATENATED MODULE: ./packages/core/src/sketch/histogram.ts


const DEFAULT_HISTOGRAM_BINS = 20;
const MAX_HISTOGRAM_BINS = 10_000;
/**
 * A histogram of a numeric column, derived at report time from the column's number summary (see
 * `NumberSummary.histogram`) rather than accumulated while reading: shards see different value ranges, so bins
 * fixed while streaming would not line up when profiles merge. Bins follow numpy.histogram: half-open, the last
 * one closed; counts are exact and sum to the column's values.
 */
class Histogram {
    edges;
    counts;
    constructor(edges, counts) {
        if (counts.length === 0 ? edges.length !== 0 : edges.length !== counts.length + 1) {
            throw new errors_UserError(`a histogram needs one more edge than bins (got ${edges.length} edges, ${counts.length} bins)`);
        }
        this.edges = edges;
        this.counts = counts;
    }
    get total() {
        return this.counts.reduce((a, b) => a + b, 0);
    }
    toJSON() {
        return { kind: 'histogram', version: 2, edges: [...this.edges], counts: [...this.counts] };
    }
    static fromJSON(value, path = '$') {
        const obj = expectSketch(value, 'histogram', [2], path);
        const edges = expectFiniteArray(obj, 'edges', path);
        const counts = expectFiniteArray(obj, 'counts', path);
        if (counts.length === 0 ? edges.length !== 0 : edges.length !== counts.length + 1) {
            fail(`${path}.edges`, `expected ${counts.length === 0 ? 0 : counts.length + 1} edges for ${counts.length} bins, got ${edges.length}`);
        }
        for (let i = 1; i < edges.length; i++) {
            if (edges[i] < edges[i - 1])
                fail(`${path}.edges[${i}]`, 'edges must be ascending');
        }
        for (let i = 0; i < counts.length; i++) {
            if (!Number.isInteger(counts[i]) || counts[i] < 0) {
                fail(`${path}.counts[${i}]`, `expected a non-negative integer count, got ${counts[i]}`);
            }
        }
        return new Histogram(edges, counts);
    }
}

;// CONCATENATED MODULE: ./packages/core/src/sketch/hll.ts



// Module-level aliases: inside a VM context (Jest) every `Math.x` lookup goes through the global
// object's interceptor and costs ~300 ns; a captured reference is as fast as natively.
const { clz32 } = Math;
const DEFAULT_HLL_PRECISION = 14;
const MIN_PRECISION = 4;
const MAX_PRECISION = 18;
/** Names the hash in serialized sketches: registers are only comparable under the same hash. */
const HASH_ID = 'murmur3_x86_128-64/0+f64mix';
/**
 * HyperLogLog distinct counter (Flajolet et al. 2007) over 64-bit hashes, with 2^p one-byte
 * registers (p = 14: 16 KiB). The estimate is Ertl's improved estimator ("New cardinality
 * estimation algorithms for HyperLogLog sketches", 2017): it corrects the raw estimator's bias
 * over the whole range without empirical tables, agrees with linear counting for small
 * cardinalities, and needs no large-range correction because hashes have 64 bits.
 * Relative standard error ≈ 1.04/√(2^p) (p = 14: 0.81%).
 *
 * `merge` takes the register-wise maximum, so merging shard sketches gives exactly the registers
 * one pass would have. Numbers and strings hash differently: feed a column one way only.
 */
class HyperLogLog {
    p;
    registers;
    hash = new Uint32Array(2);
    constructor(p = DEFAULT_HLL_PRECISION) {
        if (!Number.isInteger(p) || p < MIN_PRECISION || p > MAX_PRECISION) {
            throw new errors_UserError(`HyperLogLog precision must be an integer in [${MIN_PRECISION}, ${MAX_PRECISION}], got ${p}`);
        }
        this.p = p;
        this.registers = new Uint8Array(1 << p);
    }
    /** Largest register value: 64 − p hash bits after the index, all zero, plus one. */
    get maxRank() {
        return 64 - this.p + 1;
    }
    /** Adds a value given by its 64-bit hash (h1 high word, h2 low word). */
    addHash(h1, h2) {
        const p = this.p;
        const index = h1 >>> (32 - p);
        const rest = h1 << p;
        let rank;
        if (rest !== 0)
            rank = clz32(rest) + 1;
        else
            rank = 32 - p + clz32(h2) + 1;
        if (rank > this.registers[index])
            this.registers[index] = rank;
    }
    /** Adds a number; -0 counts as 0 and all NaNs as one value. */
    addNumber(x) {
        hashNumber(x, this.hash);
        this.addHash(this.hash[0], this.hash[1]);
    }
    /** Adds a string; same as `addBytes` over its UTF-8 encoding. */
    addString(s) {
        hashString(s, this.hash);
        this.addHash(this.hash[0], this.hash[1]);
    }
    /** Adds the value whose UTF-8 bytes are buf[start, end), without creating a string. */
    addBytes(buf, start, end) {
        hashBytes(buf, start, end, this.hash);
        this.addHash(this.hash[0], this.hash[1]);
    }
    merge(other) {
        if (other.p !== this.p) {
            throw new errors_UserError(`cannot merge HyperLogLog sketches of different precision (${this.p} and ${other.p})`);
        }
        const a = this.registers;
        const b = other.registers;
        for (let i = 0; i < a.length; i++)
            if (b[i] > a[i])
                a[i] = b[i];
        return this;
    }
    /** True when both hold identical registers (what one pass and merged shards must agree on). */
    equals(other) {
        if (other.p !== this.p)
            return false;
        for (let i = 0; i < this.registers.length; i++)
            if (this.registers[i] !== other.registers[i])
                return false;
        return true;
    }
    /** Estimated number of distinct values added. */
    estimate() {
        const m = this.registers.length;
        const q = this.maxRank - 1;
        const histogram = new Float64Array(q + 2);
        for (let i = 0; i < m; i++)
            histogram[this.registers[i]]++;
        let z = m * tau(1 - histogram[q + 1] / m);
        for (let r = q; r >= 1; r--)
            z = 0.5 * (z + histogram[r]);
        z += m * sigma(histogram[0] / m);
        return (m * m) / (2 * Math.LN2 * z);
    }
    /** Relative standard error of `estimate()`: 1.04/√m. */
    static relativeStandardError(p = DEFAULT_HLL_PRECISION) {
        return 1.04 / Math.sqrt(2 ** p);
    }
    toJSON() {
        return {
            kind: 'hll',
            version: 1,
            p: this.p,
            hash: HASH_ID,
            registers: Buffer.from(this.registers.buffer, this.registers.byteOffset, this.registers.length).toString('base64'),
        };
    }
    static fromJSON(value, path = '$') {
        const obj = expectSketch(value, 'hll', [1], path);
        const p = expectInteger(obj, 'p', path, MIN_PRECISION, MAX_PRECISION);
        const hash = expectString(obj, 'hash', path);
        if (hash !== HASH_ID)
            fail(`${path}.hash`, `unknown hash "${hash}" (this version uses "${HASH_ID}")`);
        const encoded = expectString(obj, 'registers', path);
        if (!/^[A-Za-z0-9+/]*={0,2}$/.test(encoded))
            fail(`${path}.registers`, 'expected base64 text');
        const bytes = Buffer.from(encoded, 'base64');
        const sketch = new HyperLogLog(p);
        if (bytes.length !== sketch.registers.length) {
            fail(`${path}.registers`, `expected ${sketch.registers.length} registers for p=${p}, got ${bytes.length}`);
        }
        for (let i = 0; i < bytes.length; i++) {
            if (bytes[i] > sketch.maxRank) {
                fail(`${path}.registers`, `register ${i} holds ${bytes[i]}, above the maximum ${sketch.maxRank} for p=${p}`);
            }
            sketch.registers[i] = bytes[i];
        }
        return sketch;
    }
}
/** Ertl's σ(x) = x + Σ_{k≥1} x^(2^k)·2^(k−1), the correction for empty registers. */
function sigma(x) {
    if (x === 1)
        return Infinity;
    let y = 1;
    let z = x;
    let previous;
    do {
        x *= x;
        previous = z;
        z += x * y;
        y += y;
    } while (z !== previous);
    return z;
}
/** Ertl's τ(x), the correction for saturated registers. */
function tau(x) {
    if (x === 0 || x === 1)
        return 0;
    let y = 1;
    let z = 1 - x;
    let previous;
    do {
        x = Math.sqrt(x);
        previous = z;
        y *= 0.5;
        z -= (1 - x) ** 2 * y;
    } while (z !== previous);
    return z / 3;
}

;// CONCATENATED MODULE: ./packages/core/src/profile/datetime.ts
/**
 * ISO 8601 calendar dates and date-times read from bytes: `YYYY-MM-DD`, optionally followed by
 * `T` (or one space, as SQL exports write it) and `HH:MM`, `:SS`, a fraction, and `Z` or a
 * `±HH:MM` / `±HHMM` offset. Anything else (week dates, ordinal dates, `24:00`) is not a datetime,
 * so that a column is only called datetime when every tool downstream can read it.
 */
const datetime_DIGIT0 = 48;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
function digit(buf, i) {
    const d = buf[i] - datetime_DIGIT0;
    return d >= 0 && d <= 9 ? d : -1;
}
function twoDigits(buf, i) {
    const a = digit(buf, i);
    const b = digit(buf, i + 1);
    return a < 0 || b < 0 ? -1 : a * 10 + b;
}
/**
 * Milliseconds since the Unix epoch (UTC; a value without an offset is read as UTC) of the ISO
 * 8601 date or date-time in `buf[start, end)`, or NaN when the text is not one.
 */
function parseIsoDateTime(buf, start, end) {
    const length = end - start;
    if (length < 10 || length > 35 || buf[start + 4] !== 45 || buf[start + 7] !== 45)
        return NaN;
    const y1 = twoDigits(buf, start);
    const y2 = twoDigits(buf, start + 2);
    const month = twoDigits(buf, start + 5);
    const day = twoDigits(buf, start + 8);
    if (y1 < 0 || y2 < 0 || month < 1 || month > 12 || day < 1)
        return NaN;
    const year = y1 * 100 + y2;
    const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
    if (day > DAYS_IN_MONTH[month - 1] + (month === 2 && leap ? 1 : 0))
        return NaN;
    const date = Date.UTC(year, month - 1, day);
    if (length === 10)
        return date;
    let i = start + 10;
    const separator = buf[i];
    if (separator !== 84 /* T */ && separator !== 32 /* space */)
        return NaN;
    i++;
    if (end - i < 5 || buf[i + 2] !== 58 /* : */)
        return NaN;
    const hour = twoDigits(buf, i);
    const minute = twoDigits(buf, i + 3);
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59)
        return NaN;
    i += 5;
    let ms = (hour * 60 + minute) * 60_000;
    if (i < end && buf[i] === 58) {
        const second = twoDigits(buf, i + 1);
        // 60 is a leap second; it reads as the first instant of the next minute, as Date.parse does not.
        if (i + 3 > end || second < 0 || second > 60)
            return NaN;
        ms += second * 1000;
        i += 3;
        if (i < end && (buf[i] === 46 /* . */ || buf[i] === 44) /* , */) {
            i++;
            const fracStart = i;
            // Milliseconds are kept; finer digits are read but dropped, so times stay integers.
            let scale = 100;
            while (i < end && digit(buf, i) >= 0) {
                ms += digit(buf, i) * scale;
                scale = (scale / 10) | 0;
                i++;
            }
            if (i === fracStart)
                return NaN;
        }
    }
    if (i === end)
        return date + ms;
    const zone = buf[i];
    if (zone === 90 /* Z */ || zone === 122 /* z */)
        return i + 1 === end ? date + ms : NaN;
    if (zone !== 43 && zone !== 45)
        return NaN;
    const offsetHours = twoDigits(buf, i + 1);
    const rest = end - i - 3;
    const minutesAt = rest === 3 && buf[i + 3] === 58 ? i + 4 : rest === 2 ? i + 3 : -1;
    if (offsetHours < 0 || offsetHours > 23 || minutesAt < 0)
        return NaN;
    const offsetMinutes = twoDigits(buf, minutesAt);
    if (offsetMinutes < 0 || offsetMinutes > 59)
        return NaN;
    const offset = (offsetHours * 60 + offsetMinutes) * 60_000;
    return date + ms - (zone === 43 ? offset : -offset);
}

;// CONCATENATED MODULE: ./packages/core/src/sketch/moments.ts

const moments_f64 = new Float64Array(1);
const u32 = new Uint32Array(moments_f64.buffer);
const moments_LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;
const moments_HI = moments_LITTLE_ENDIAN ? 1 : 0;
const moments_LO = 1 - moments_HI;
/** Squares of |x| ≥ 2^500 or < 2^-450 are taken of x scaled by 2^∓600 and accumulated 1,200 binary places away. */
const SQUARE_SHIFT = 1200;
const BIG = 2 ** 500;
const TINY = 2 ** -450;
const DOWN = 2 ** -600;
const UP = 2 ** 600;
/** Bucket i holds multiples of 2^(i − 1075); squares' buckets are offset by SQUARE_SHIFT. */
const SUM_BUCKETS = 2048;
const SQUARE_BUCKETS = 2048 + 2 * SQUARE_SHIFT;
/** Scale of the folded totals: Σx·2^1074 and Σx²·2^(1074 + SQUARE_SHIFT) are integers. */
const SUM_SCALE = 1074;
const SQUARE_SCALE = 1074 + SQUARE_SHIFT;
/** Each add puts < 2^32 into a bucket; folding every 2^20 adds keeps buckets exact integers (< 2^53). */
const FOLD_EVERY = 1 << 20;
/** Veltkamp's splitter for doubles: 2^27 + 1. */
const SPLITTER = 134217729;
/** Values `addAll` takes per block, and the two parts of each one's square, with a view of their words. */
const BLOCK = 4096;
const squareParts = new Float64Array(2 * BLOCK);
const squarePartWords = new Uint32Array(squareParts.buffer);
/**
 * Count, min, max, and the exact sum and sum of squares of a column's finite values, so the mean and variance are
 * computed from exact integers and merged shard results equal one pass to the last bit, whatever the split.
 *
 * Each double is m·2^(e−1075) with an integer mantissa m < 2^53: its high and low words are added, as integers,
 * to a bucket per exponent, and the buckets are folded into one BigInt every 2^20 values. A square x² is the exact
 * sum p + err of two doubles (Dekker's product with Veltkamp's split), each added the same way. Only finite values
 * are accumulated: NaN and ±Infinity are ignored (the profiler counts them separately).
 */
class Moments {
    n = 0;
    lo = Infinity;
    hi = -Infinity;
    sumHi = new Float64Array(SUM_BUCKETS);
    sumLo = new Float64Array(SUM_BUCKETS);
    squareHi = new Float64Array(SQUARE_BUCKETS);
    squareLo = new Float64Array(SQUARE_BUCKETS);
    pending = 0;
    sumTotal = 0n;
    squareTotal = 0n;
    add(x) {
        if (x - x !== 0)
            return; // NaN or ±Infinity
        this.n++;
        if (x < this.lo)
            this.lo = x;
        if (x > this.hi)
            this.hi = x;
        addValue(this.sumHi, this.sumLo, this.squareHi, this.squareLo, x);
        if (++this.pending === FOLD_EVERY)
            this.fold();
    }
    /**
     * `add` of values[from..to), a block at a time: each value's words are read through a view of the block's own
     * buffer rather than stored and read back one value at a time, and the squares' two parts are gathered into
     * `parts` and then added to their buckets in one loop of the same kind.
     */
    addAll(values, from, to) {
        const words = new Uint32Array(values.buffer, values.byteOffset, 2 * values.length);
        for (let start = from; start < to;) {
            // A block ends where the buckets must fold, so no bucket takes more than FOLD_EVERY adds between folds.
            const end = Math.min(to, start + BLOCK, start + FOLD_EVERY - this.pending);
            this.addBlock(values, words, start, end);
            start = end;
            if (this.pending === FOLD_EVERY)
                this.fold();
        }
    }
    addBlock(values, words, from, to) {
        const { sumHi, sumLo, squareHi, squareLo } = this;
        const parts = squareParts;
        let n = this.n;
        let lo = this.lo;
        let hi = this.hi;
        let gathered = 0;
        for (let i = from; i < to; i++) {
            const x = values[i];
            if (x - x !== 0)
                continue; // NaN or ±Infinity
            n++;
            if (x < lo)
                lo = x;
            if (x > hi)
                hi = x;
            addWords(sumHi, sumLo, words[2 * i + moments_HI], words[2 * i + moments_LO], 0);
            const ax = x < 0 ? -x : x;
            if (ax >= BIG || ax < TINY) {
                addScaledSquare(squareHi, squareLo, x, ax);
                continue;
            }
            const p = x * x;
            parts[gathered++] = p;
            parts[gathered++] = squareError(x, p);
        }
        const partWords = squarePartWords;
        for (let j = 0; j < gathered; j++) {
            const high = partWords[2 * j + moments_HI];
            const low = partWords[2 * j + moments_LO];
            // A zero error part (x² exact in one double) adds nothing.
            if ((high | low) !== 0)
                addWords(squareHi, squareLo, high, low, SQUARE_SHIFT);
        }
        this.pending += n - this.n;
        this.n = n;
        this.lo = lo;
        this.hi = hi;
    }
    /** Moves the buckets into the exact totals. */
    fold() {
        this.sumTotal += drain(this.sumHi, this.sumLo);
        this.squareTotal += drain(this.squareHi, this.squareLo);
        this.pending = 0;
    }
    merge(other) {
        other.fold();
        this.fold();
        this.n += other.n;
        this.lo = Math.min(this.lo, other.lo);
        this.hi = Math.max(this.hi, other.hi);
        this.sumTotal += other.sumTotal;
        this.squareTotal += other.squareTotal;
        return this;
    }
    get count() {
        return this.n;
    }
    /** Σx, correctly rounded. */
    get sum() {
        this.fold();
        return ratio(this.sumTotal, 1n, SUM_SCALE);
    }
    /** NaN when empty. */
    get mean() {
        this.fold();
        return this.n === 0 ? NaN : ratio(this.sumTotal, BigInt(this.n), SUM_SCALE);
    }
    /** Σ(x − mean)², from the exact sums: (nΣx² − (Σx)²)/n. */
    get m2() {
        return this.n === 0 ? 0 : ratio(this.deviations(), BigInt(this.n), SQUARE_SCALE);
    }
    /** n·Σx² − (Σx)² at the squares' scale: n² times the population variance, exactly (never negative). */
    deviations() {
        this.fold();
        return (BigInt(this.n) * this.squareTotal - ((this.sumTotal * this.sumTotal) << BigInt(SQUARE_SCALE - 2 * SUM_SCALE)));
    }
    /** NaN when empty. */
    get min() {
        return this.n === 0 ? NaN : this.lo;
    }
    /** NaN when empty. */
    get max() {
        return this.n === 0 ? NaN : this.hi;
    }
    /** Population variance (divides by n); NaN when empty. */
    get populationVariance() {
        if (this.n === 0)
            return NaN;
        const n = BigInt(this.n);
        return ratio(this.deviations(), n * n, SQUARE_SCALE);
    }
    /** Sample variance (divides by n − 1, Bessel's correction); NaN with fewer than two values. */
    get sampleVariance() {
        if (this.n < 2)
            return NaN;
        return ratio(this.deviations(), BigInt(this.n) * BigInt(this.n - 1), SQUARE_SCALE);
    }
    get populationStdDev() {
        return Math.sqrt(this.populationVariance);
    }
    get sampleStdDev() {
        return Math.sqrt(this.sampleVariance);
    }
    toJSON() {
        this.fold();
        const empty = this.n === 0;
        return {
            kind: 'moments',
            version: 2,
            count: this.n,
            min: empty ? null : this.lo,
            max: empty ? null : this.hi,
            sum: formatScaled(this.sumTotal, SUM_SCALE),
            squares: formatScaled(this.squareTotal, SQUARE_SCALE),
        };
    }
    static fromJSON(value, path = '$') {
        const obj = expectSketch(value, 'moments', [2], path);
        const m = new Moments();
        m.n = expectInteger(obj, 'count', path, 0, Number.MAX_SAFE_INTEGER);
        m.sumTotal = parseScaled(obj.sum, SUM_SCALE, `${path}.sum`);
        m.squareTotal = parseScaled(obj.squares, SQUARE_SCALE, `${path}.squares`);
        const lo = expectFiniteOrNull(obj, 'min', path);
        const hi = expectFiniteOrNull(obj, 'max', path);
        if (m.n === 0) {
            if (lo !== null || hi !== null || m.sumTotal !== 0n || m.squareTotal !== 0n) {
                fail(path, 'an empty moments sketch (count 0) must have sums 0 and null min/max');
            }
            return m;
        }
        if (lo === null || hi === null)
            fail(`${path}.${lo === null ? 'min' : 'max'}`, 'expected a number when count > 0');
        if (lo > hi)
            fail(`${path}.min`, `min ${lo} is greater than max ${hi}`);
        if (m.squareTotal < 0n || m.deviations() < 0n) {
            fail(`${path}.squares`, 'is smaller than the sum allows (Σx² ≥ (Σx)²/n)');
        }
        m.lo = lo;
        m.hi = hi;
        return m;
    }
}
/** Adds x to the sum buckets and x² (x scaled into the safe range first) to the square buckets. */
function addValue(sumHi, sumLo, squareHi, squareLo, x) {
    addTo(sumHi, sumLo, x, 0);
    const ax = x < 0 ? -x : x;
    if (ax >= BIG || ax < TINY)
        addScaledSquare(squareHi, squareLo, x, ax);
    else
        addSquare(squareHi, squareLo, x, SQUARE_SHIFT);
}
/** x² for |x| = ax outside [TINY, BIG): x scaled by 2^∓600 into the safe range, its buckets shifted to match. */
function addScaledSquare(high, low, x, ax) {
    if (ax >= BIG)
        addSquare(high, low, x * DOWN, 2 * SQUARE_SHIFT);
    else if (ax !== 0)
        addSquare(high, low, x * UP, 0);
}
/** Adds x² (x already scaled into the safe range) to the square buckets shifted by `offset`. */
function addSquare(high, low, x, offset) {
    const p = x * x;
    const err = squareError(x, p);
    addTo(high, low, p, offset);
    if (err !== 0)
        addTo(high, low, err, offset);
}
/** x² − p exactly, for p = x·x rounded (Dekker's product with Veltkamp's split). */
function squareError(x, p) {
    const c = SPLITTER * x;
    const top = c - (c - x);
    const rest = x - top;
    return top * top - p + 2 * top * rest + rest * rest;
}
/** Adds the double x, as integers, to bucket (exponent + offset) of `high` (its high word) and `low` (its low word). */
function addTo(high, low, x, offset) {
    moments_f64[0] = x;
    addWords(high, low, u32[moments_HI], u32[moments_LO], offset);
}
/** `addTo` of the double whose words are `hiWord` and `loWord`. */
function addWords(high, low, hiWord, loWord, offset) {
    let e = (hiWord >>> 20) & 0x7ff;
    let mantissaHigh = hiWord & 0xfffff;
    if (e !== 0)
        mantissaHigh |= 0x100000;
    else
        e = 1;
    const i = e + offset;
    if (hiWord >>> 31 === 0) {
        high[i] += mantissaHigh;
        low[i] += loWord;
    }
    else {
        high[i] -= mantissaHigh;
        low[i] -= loWord;
    }
}
/** Σ bucket·2^(i − 1 + 32 for high words) over the buckets, as a BigInt; the buckets are cleared. */
function drain(high, low) {
    let total = 0n;
    for (let i = 0; i < high.length; i++) {
        const h = high[i];
        const l = low[i];
        if (h === 0 && l === 0)
            continue;
        const shift = BigInt(Math.max(0, i - 1));
        total += (BigInt(h) << (shift + 32n)) + (BigInt(l) << shift);
        high[i] = 0;
        low[i] = 0;
    }
    return total;
}
/** num/den·2^-scale as the nearest double (to within rounding of a 64-bit quotient, with a sticky bit). */
function ratio(num, den, scale) {
    if (num === 0n)
        return 0;
    const negative = num < 0n;
    const a = negative ? -num : num;
    const shift = 64 - (bitLength(a) - bitLength(den));
    const shifted = shift >= 0 ? a << BigInt(shift) : a >> BigInt(-shift);
    let quotient = shifted / den;
    if (quotient * den !== shifted || (shift < 0 && (a & ((1n << BigInt(-shift)) - 1n)) !== 0n))
        quotient |= 1n;
    const value = scaleByPowerOfTwo(Number(quotient), -shift - scale);
    return negative ? -value : value;
}
function bitLength(v) {
    return v.toString(2).length;
}
/** x·2^e in steps that stay inside the double range. */
function scaleByPowerOfTwo(x, e) {
    let value = x;
    let rest = e;
    while (rest > 1000) {
        value *= 2 ** 1000;
        rest -= 1000;
    }
    while (rest < -1000) {
        value *= 2 ** -1000;
        rest += 1000;
    }
    return value * 2 ** rest;
}
/** `total`·2^-scale as `<hex>p<exponent>` with an odd mantissa (or `0`). */
function formatScaled(total, scale) {
    if (total === 0n)
        return '0';
    const negative = total < 0n;
    let mantissa = negative ? -total : total;
    let exponent = -scale;
    while ((mantissa & 0xffffn) === 0n) {
        mantissa >>= 16n;
        exponent += 16;
    }
    while ((mantissa & 1n) === 0n) {
        mantissa >>= 1n;
        exponent++;
    }
    return `${negative ? '-' : ''}${mantissa.toString(16)}p${exponent}`;
}
function parseScaled(text, scale, path) {
    if (text === '0')
        return 0n;
    const match = typeof text === 'string' ? /^(-?)([0-9a-f]{1,2000})p(-?\d{1,5})$/.exec(text) : null;
    if (!match)
        fail(path, `expected an exact sum like "1bp-4", got ${describeValue(text)}`);
    const shift = Number(match[3]) + scale;
    if (shift < 0 || shift > 2 * scale + 4200)
        fail(path, `exponent ${match[3]} is out of range`);
    const magnitude = BigInt(`0x${match[2]}`) << BigInt(shift);
    return match[1] === '-' ? -magnitude : magnitude;
}

;// CONCATENATED MODULE: ./packages/core/src/sketch/value-grid.ts



/**
 * Non-empty bins kept at most before the grid halves its resolution. 2^16 bins hold a 12M-row column to D bounds of
 * ~1e-4 (a fifth of the 5% critical D of 12M vs 12M rows) in a 3 MB table while building; 2^17 halved the bounds
 * but cost 40% more profiling time and twice the memory (bench/validate).
 */
const DEFAULT_GRID_BINS = 65_536;
const MAX_GRID_BINS = 1 << 22;
/** Values a grid takes before it sorts them into its bins: first 1,024, doubling to 65,536. */
const FIRST_CHUNK = 1 << 10;
const value_grid_CHUNK = 1 << 16;
/** Bits of the key a radix-sort pass orders by at most: three passes cover a span of 2^32. */
const MAX_RADIX_BITS = 13;
/** Mantissa bits a log bin keeps at level 0; all of them sit in a double's high word. */
const LOG_BITS = 20;
const value_grid_MAX_LEVEL = { log: LOG_BITS, linear: 60 };
const value_grid_f64 = new Float64Array(1);
const value_grid_u32 = new Uint32Array(value_grid_f64.buffer);
const value_grid_LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;
const value_grid_HI = value_grid_LITTLE_ENDIAN ? 1 : 0;
const value_grid_LO = 1 - value_grid_HI;
/**
 * Exact counts of a column's values over a fixed grid of bins, with each bin's value when it holds only one: the
 * split-invariant stand-in for the values themselves once a column has more than its exact cap.
 *
 * The grid is a function of the multiset of values alone. Bins are fixed intervals (level 0 is the finest); while
 * more than `maxBins` bins are non-empty the level rises by one, merging neighbours in pairs. The number of
 * non-empty bins at any level only grows with the data, so the level ends as the finest one that fits, whatever
 * the order of the values or how they were split into shards; merging two grids brings both to the coarser level
 * and adds counts. Counts are exact, so wherever the grid has a bin edge, or a bin holds a single value, the
 * column's CDF is known exactly, and between those points it is bounded by the bin's count: statistics computed on
 * the grid come with certified bounds.
 */
class ValueGrid {
    scale;
    linear;
    binLimit;
    gridLevel = 0;
    n = 0;
    /** The bins in key order, in the first `size` places of arrays with room to merge a chunk in. */
    keys = new Float64Array(0);
    counts = new Float64Array(0);
    values = new Float64Array(0);
    size = 0;
    /** Values added since the last flush, counted into the bins a chunk at a time. */
    pending = null;
    pendingCount = 0;
    finished = null;
    constructor(scale, maxBins = DEFAULT_GRID_BINS) {
        if (!Number.isInteger(maxBins) || maxBins < 1 || maxBins > MAX_GRID_BINS) {
            throw new errors_UserError(`value grid bins must be an integer in [1, ${MAX_GRID_BINS}], got ${maxBins}`);
        }
        this.scale = scale;
        this.linear = scale === 'linear';
        this.binLimit = maxBins;
    }
    /** Non-empty bins kept at most. */
    get maxBins() {
        return this.binLimit;
    }
    get level() {
        this.flush();
        return this.gridLevel;
    }
    get count() {
        return this.n;
    }
    /** Counts a finite value. */
    add(x) {
        this.n++;
        let pending = this.pending;
        if (pending === null)
            pending = this.pending = new Float64Array(FIRST_CHUNK);
        pending[this.pendingCount++] = x;
        if (this.pendingCount === pending.length) {
            this.flush();
            // Chunks grow to their full size only in columns with many values: a grid costs little until it has them.
            if (pending.length < value_grid_CHUNK)
                this.pending = new Float64Array(2 * pending.length);
        }
    }
    /** `add` of values[from..to), a block at a time. */
    addAll(values, from, to) {
        this.n += to - from;
        for (let i = from; i < to;) {
            let pending = this.pending;
            if (pending === null)
                pending = this.pending = new Float64Array(FIRST_CHUNK);
            const take = Math.min(to - i, pending.length - this.pendingCount);
            pending.set(values.subarray(i, i + take), this.pendingCount);
            this.pendingCount += take;
            i += take;
            if (this.pendingCount === pending.length) {
                this.flush();
                if (pending.length < value_grid_CHUNK)
                    this.pending = new Float64Array(2 * pending.length);
            }
        }
    }
    /** The key of the bin holding x at the current level. */
    keyOf(x) {
        this.flush();
        return keyAt(this.scale, this.gridLevel, x);
    }
    /**
     * Counts the pending values into the bins. Looking each value's bin up in a hash table of 2^16 bins missed the
     * cache on almost every value (the tables of a file's columns do not fit it); sorting a chunk by key (a radix
     * sort) and merging it into the sorted bins touches memory in order, and costs a fraction of that (bench/validate).
     */
    flush() {
        const count = this.pendingCount;
        if (count === 0)
            return;
        this.pendingCount = 0;
        this.finished = null;
        const chunk = sortByKey(this.pending, count, this.linear, this.gridLevel);
        this.mergeSorted(chunk.keys, chunk.counts, chunk.values, chunk.size);
        this.fit();
    }
    /**
     * Merges `size` sorted bins (at the current level) into the bins, from the back, in place. The merged size is
     * counted first (a pass over the keys alone), so the arrays grow only by the keys that are new — in a grid at its
     * steady level almost none — and each bin is written straight into its place.
     */
    mergeSorted(keys, counts, values, size) {
        const total = this.size + size - sharedKeys(this.keys, this.size, keys, size);
        this.reserve(total);
        const [k, c, v] = [this.keys, this.counts, this.values];
        let i = this.size - 1;
        let j = size - 1;
        let out = total - 1;
        // Until the new bins are all placed, the bins above them move up.
        while (out > i) {
            if (i >= 0 && k[i] > keys[j]) {
                k[out] = k[i];
                c[out] = c[i];
                v[out--] = v[i--];
            }
            else if (i >= 0 && k[i] === keys[j]) {
                k[out] = k[i];
                c[out] = c[i] + counts[j];
                v[out--] = v[i] === values[j] ? v[i] : NaN;
                i--;
                j--;
            }
            else {
                k[out] = keys[j];
                c[out] = counts[j];
                v[out--] = values[j--];
            }
        }
        // Then every bin left in the chunk has its key among 0..i, which are where they belong: counts add in place (at a
        // grid's steady level that is almost every chunk from its first bin).
        while (j >= 0) {
            if (k[i] > keys[j])
                i--;
            else {
                c[i] += counts[j];
                if (v[i] !== values[j])
                    v[i] = NaN;
                i--;
                j--;
            }
        }
        this.size = total;
    }
    /**
     * Room for `size` bins. Doubling stops an eighth past the bin limit (the bins rarely pass the limit by more before
     * `fit` halves them); past that the arrays take what is asked.
     */
    reserve(size) {
        if (size <= this.keys.length)
            return;
        const capacity = Math.max(size, Math.min(2 * this.keys.length, this.binLimit + (this.binLimit >> 3)), 64);
        for (const name of ['keys', 'counts', 'values']) {
            const grown = new Float64Array(capacity);
            grown.set(this[name].subarray(0, this.size));
            this[name] = grown;
        }
    }
    /** Raises the level until the bins fit `maxBins` (or the grid is as coarse as it gets). */
    fit() {
        while (this.size > this.binLimit && this.gridLevel < value_grid_MAX_LEVEL[this.scale]) {
            this.gridLevel++;
            this.size = collapseInPlace(this.keys, this.counts, this.values, this.size, this.scale);
        }
    }
    /** The bins in ascending order (cached until the grid changes). */
    bins() {
        this.flush();
        if (this.finished === null) {
            this.finished = {
                scale: this.scale,
                level: this.gridLevel,
                keys: this.keys.slice(0, this.size),
                counts: this.counts.slice(0, this.size),
                values: this.values.slice(0, this.size),
                n: this.n,
            };
        }
        return this.finished;
    }
    /** Folds `other` (a grid of the same scale over other rows) into this, as one pass over both would be. */
    merge(other) {
        if (other.n === 0 && other.scale === this.scale)
            return this;
        // An empty side (a shard without values in the column) takes the other's size.
        if (this.n === 0)
            this.binLimit = other.maxBins;
        if (other.scale !== this.scale || other.maxBins !== this.maxBins) {
            throw new errors_UserError(`cannot merge value grids with different settings (${this.scale}/${this.maxBins} and ${other.scale}/${other.maxBins})`);
        }
        this.flush();
        const level = Math.max(this.gridLevel, other.level);
        // Read before this grid changes: a grid merged into itself reads a copy of its bins.
        const theirs = other === this ? withSize(this.bins()) : other.binsAt(level);
        // This grid coarsens in place, and the other's bins merge straight into it.
        while (this.gridLevel < level) {
            this.gridLevel++;
            this.size = collapseInPlace(this.keys, this.counts, this.values, this.size, this.scale);
        }
        this.mergeSorted(theirs.keys, theirs.counts, theirs.values, theirs.size);
        this.fit();
        this.n += other.n;
        this.finished = null;
        return this;
    }
    /** The bins at `level` (at least the grid's own): its own arrays, or coarsened copies (the grid is not changed). */
    binsAt(level) {
        this.flush();
        if (level === this.gridLevel)
            return { keys: this.keys, counts: this.counts, values: this.values, size: this.size };
        return withSize(atLevel(this.bins(), level));
    }
    /** Takes `bins` as the grid's arrays, without copying them (they must not be used elsewhere). */
    adopt(bins) {
        this.keys = bins.keys;
        this.counts = bins.counts;
        this.values = bins.values;
        this.size = bins.keys.length;
        this.finished = null;
    }
    /** `raw`: the bins as arrays the JSON owns (never the cached bins, which others may hold), for `fromJSON` to adopt. */
    toJSON(options = {}) {
        this.flush();
        const base = {
            kind: 'value-grid',
            version: 1,
            scale: this.scale,
            maxBins: this.maxBins,
            level: this.gridLevel,
            n: this.n,
            bins: this.size,
        };
        if (options.raw) {
            const size = this.size;
            const raw = {
                keys: this.keys.slice(0, size),
                counts: this.counts.slice(0, size),
                values: this.values.slice(0, size),
            };
            return { ...base, raw };
        }
        const { keys, counts, values } = this.bins();
        const out = new ByteWriter();
        let previous = 0;
        for (let i = 0; i < keys.length; i++) {
            out.signed(keys[i] - previous);
            previous = keys[i];
        }
        for (const count of counts)
            out.varint(count - 1);
        const singles = [];
        for (let i = 0; i < keys.length; i += 8) {
            let bits = 0;
            for (let b = 0; b < 8 && i + b < keys.length; b++) {
                const v = values[i + b];
                if (v === v) {
                    bits |= 1 << b;
                    singles.push(v);
                }
            }
            out.byte(bits);
        }
        writeAscending(out, singles);
        return { ...base, data: out.encode() };
    }
    static fromJSON(value, path) {
        const obj = expectSketch(value, 'value-grid', [1], path);
        if (obj.scale !== 'log' && obj.scale !== 'linear') {
            fail(`${path}.scale`, `expected "log" or "linear", got ${describeValue(obj.scale)}`);
        }
        const scale = obj.scale;
        const grid = new ValueGrid(scale, expectInteger(obj, 'maxBins', path, 1, MAX_GRID_BINS));
        const level = expectInteger(obj, 'level', path, 0, value_grid_MAX_LEVEL[scale]);
        const n = expectInteger(obj, 'n', path, 0, Number.MAX_SAFE_INTEGER);
        const size = expectInteger(obj, 'bins', path, 0, grid.maxBins);
        let bins;
        if (obj.raw !== undefined) {
            bins = obj.raw;
        }
        else {
            const input = ByteReader.decode(obj.data, `${path}.data`);
            const keys = new Float64Array(size);
            let key = 0;
            for (let i = 0; i < size; i++)
                keys[i] = key += input.signed();
            const counts = new Float64Array(size);
            for (let i = 0; i < size; i++)
                counts[i] = input.varint() + 1;
            const single = new Uint8Array(size);
            let singleCount = 0;
            for (let i = 0; i < size; i += 8) {
                const bits = input.byte();
                for (let b = 0; b < 8 && i + b < size; b++)
                    singleCount += single[i + b] = (bits >>> b) & 1;
            }
            const singles = readAscending(input, singleCount, `${path}.data`);
            input.end();
            const values = new Float64Array(size);
            for (let i = 0, next = 0; i < size; i++)
                values[i] = single[i] === 1 ? singles[next++] : NaN;
            bins = { keys, counts, values };
        }
        checkBins(bins, size, n, scale, level, path);
        grid.gridLevel = level;
        grid.n = n;
        // Decoded arrays are the grid's own, and so are raw ones (see toJSON): a worker's bins arrive without a copy.
        grid.adopt(bins);
        return grid;
    }
}
function withSize(bins) {
    return { keys: bins.keys, counts: bins.counts, values: bins.values, size: bins.keys.length };
}
function checkBins(bins, size, n, scale, level, path) {
    const { keys, counts, values } = bins;
    if (!(keys instanceof Float64Array && counts instanceof Float64Array && values instanceof Float64Array)) {
        fail(`${path}.raw`, 'expected Float64Array keys, counts and values');
    }
    if (keys.length !== size || counts.length !== size || values.length !== size) {
        fail(`${path}.bins`, `is ${size} but the data holds ${keys.length} bins`);
    }
    let total = 0;
    for (let i = 0; i < size; i++) {
        if (!Number.isInteger(keys[i]) || (i > 0 && !(keys[i] > keys[i - 1]))) {
            fail(`${path}.data`, `bin keys must be ascending integers (at bin ${i})`);
        }
        if (!(Number.isInteger(counts[i]) && counts[i] >= 1))
            fail(`${path}.data`, `bin ${i} has count ${counts[i]}`);
        const v = values[i];
        // A finite value lies in [low, high) of its bin exactly when its key is the bin's (cheaper than the edges).
        if (v === v && !(Number.isFinite(v) && keyAt(scale, level, v) === keys[i])) {
            fail(`${path}.data`, `bin ${i}'s value ${v} lies outside the bin`);
        }
        total += counts[i];
    }
    if (total !== n)
        fail(`${path}.n`, `is ${n} but the bins hold ${total} values`);
}
/** Keys the first `size` of `a` and the first `other` of `b` (each ascending, each key once) have in common. */
function sharedKeys(a, size, b, other) {
    let shared = 0;
    for (let i = 0, j = 0; i < size && j < other;) {
        const x = a[i];
        const y = b[j];
        if (x < y)
            i++;
        else if (x > y)
            j++;
        else {
            shared++;
            i++;
            j++;
        }
    }
    return shared;
}
/** The bins of `bins` at the coarser `level` (≥ its own). */
function atLevel(bins, level) {
    if (level === bins.level)
        return bins;
    const copy = { keys: bins.keys.slice(), counts: bins.counts.slice(), values: bins.values.slice() };
    for (let l = bins.level; l < level; l++)
        collapse(copy, bins.scale);
    return { scale: bins.scale, level, ...copy, n: bins.n };
}
/** Merges neighbouring bins in pairs (one level coarser), in place; the arrays shrink to the bins left. */
function collapse(bins, scale) {
    const size = collapseInPlace(bins.keys, bins.counts, bins.values, bins.keys.length, scale);
    bins.keys = bins.keys.subarray(0, size);
    bins.counts = bins.counts.subarray(0, size);
    bins.values = bins.values.subarray(0, size);
}
/** The key of the bin holding x at `level` (the sort below computes keys inline, a chunk at a time). */
function keyAt(scale, level, x) {
    return scale === 'linear' ? linearKey(x, 2 ** -level) : logKey(x, level);
}
/** A linear bin's key: ⌊x·2^-level⌋, `factor` = 2^-level (exact: x/2^level rounds the same, without a division). */
function linearKey(x, factor) {
    return Math.floor(x * factor);
}
/** A log bin's key: the top bits of the double's high word. */
function logKey(x, level) {
    if (x >= 0) {
        value_grid_f64[0] = x + 0;
        return value_grid_u32[value_grid_HI] >>> level;
    }
    // −x's predecessor: so that a negative bin is [−high, −low) like a positive one is [low, high).
    value_grid_f64[0] = -x;
    const hi = value_grid_u32[value_grid_LO] === 0 ? value_grid_u32[value_grid_HI] - 1 : value_grid_u32[value_grid_HI];
    return -(hi >>> level) - 1;
}
/** Merges neighbouring bins among the first `size` in pairs (one level coarser), in place; returns the bins left. */
function collapseInPlace(keys, counts, values, size, scale) {
    let out = -1;
    for (let i = 0; i < size; i++) {
        const key = parentKey(keys[i], scale);
        if (out >= 0 && keys[out] === key) {
            counts[out] += counts[i];
            if (values[out] !== values[i])
                values[out] = NaN;
        }
        else {
            out++;
            keys[out] = key;
            counts[out] = counts[i];
            values[out] = values[i];
        }
    }
    return out + 1;
}
function parentKey(key, scale) {
    if (scale === 'linear')
        return Math.floor(key / 2);
    return key >= 0 ? Math.floor(key / 2) : -Math.floor((-key - 1) / 2) - 1;
}
/** The interval [low, high) a bin covers. */
function binEdges(scale, level, key) {
    if (scale === 'linear') {
        const width = 2 ** level;
        return [key * width, (key + 1) * width];
    }
    const mag = key >= 0 ? key : -key - 1;
    const low = fromHighWord(mag * 2 ** level);
    const high = fromHighWord((mag + 1) * 2 ** level);
    return key >= 0 ? [low, high] : [-high, -low];
}
/** The double whose high word is `hi` and low word 0; Infinity past the largest finite exponent. */
function fromHighWord(hi) {
    if (hi >= 0x7ff00000)
        return Infinity;
    value_grid_u32[value_grid_HI] = hi;
    value_grid_u32[value_grid_LO] = 0;
    return value_grid_f64[0];
}
/**
 * Scratch space for `sortByKey`, shared by every grid on the thread (a flush runs to completion before the next):
 * the keys, their offsets from the smallest key and the values (two buffers each, for the radix passes), one
 * histogram per pass, and the chunk's bins. 3.6 MB, made on first use: a thread that only merges or reads grids
 * (the main thread of a parallel pass) never needs it.
 */
function makeScratch() {
    return {
        keys: new Float64Array(value_grid_CHUNK),
        ranks: [new Uint32Array(value_grid_CHUNK), new Uint32Array(value_grid_CHUNK)],
        values: [new Float64Array(value_grid_CHUNK), new Float64Array(value_grid_CHUNK)],
        histograms: [0, 1, 2].map(() => new Uint32Array(1 << MAX_RADIX_BITS)),
        bins: { keys: new Float64Array(value_grid_CHUNK), counts: new Float64Array(value_grid_CHUNK), values: new Float64Array(value_grid_CHUNK), size: 0 },
    };
}
let scratchSpace = null;
/**
 * A chunk whose keys span at most this many ranks is counted straight into a table of that many places (a counting
 * sort: one pass over the values and one over the table) rather than radix-sorted. At a grid's steady level most
 * columns' chunks span about its bin limit (instants, scores, ids past their first chunks) or a few times it (amounts
 * with negatives, the gap between the signs closed); a column of a few scattered values (small counts) spans far
 * more and is hashed (see FEW_KEYS). The table, 1.5 MB, is made on first use and left zeroed after each chunk.
 */
const DENSE_SPAN = 1 << 17;
/** Table places a chunk may scan per value it counts: the scan stays a fraction of the counting. */
const DENSE_PER_VALUE = 8;
let denseTable = null;
/**
 * The first `count` values as bins (key order, counts, a bin's value when it holds only one) at `level`. Keys
 * that already come in order (an id column) need no sorting; keys close together are counted into a table (see
 * DENSE_SPAN), and few distinct keys into a hash table (see FEW_KEYS); other keys within 2^32 of each other are
 * radix-sorted on their offset from the smallest, in as few passes of up to 13 bits as the span needs, every pass's
 * histogram counted in one go and passes whose digit is the same for all skipped; wider keys are sorted through
 * their values (a key never decreases with x).
 */
function sortByKey(input, count, linear, level) {
    const scratch = (scratchSpace ??= makeScratch());
    const keys = scratch.keys;
    const factor = 2 ** -level;
    let min = Infinity;
    let max = -Infinity;
    // The largest negative and smallest non-negative key: a log grid's negative keys sit ~2^(31 − level) below its
    // positive ones, and closing that gap spares the radix sort a pass.
    let belowZero = -Infinity;
    let fromZero = Infinity;
    let ordered = true;
    for (let i = 0; i < count; i++) {
        const key = linear ? linearKey(input[i], factor) : logKey(input[i], level);
        keys[i] = key;
        if (key < max)
            ordered = false;
        if (key < min)
            min = key;
        if (key > max)
            max = key;
        if (key < 0) {
            if (key > belowZero)
                belowZero = key;
        }
        else if (key < fromZero)
            fromZero = key;
    }
    if (ordered)
        return runs(keys, input, count, 0, Infinity, 0, null);
    // Rank r stands for key r + min, plus `gap` past `split` (the rank of the largest negative key).
    const gap = min < 0 && max >= 0 ? fromZero - belowZero - 1 : 0;
    const split = gap > 0 ? belowZero - min : Infinity;
    const span = max - min - gap + 1;
    if (span <= DENSE_SPAN && span <= DENSE_PER_VALUE * count)
        return tally(keys, input, count, min, split, gap, span);
    const few = fewKeys(keys, input, count);
    if (few !== null)
        return few;
    if (span > 2 ** 32) {
        const values = scratch.values[0];
        values.set(input.subarray(0, count));
        values.subarray(0, count).sort();
        for (let i = 0; i < count; i++)
            keys[i] = linear ? linearKey(values[i], factor) : logKey(values[i], level);
        return runs(keys, values, count, 0, Infinity, 0, null);
    }
    // As few passes as the span needs, of equal digits (a 2^25 span takes two 13-bit passes rather than three).
    const bits = span <= 1 ? 1 : 32 - Math.clz32(span - 1);
    const passes = Math.ceil(bits / MAX_RADIX_BITS);
    const digit = Math.ceil(bits / passes);
    const mask = (1 << digit) - 1;
    const [h0, h1, h2] = scratch.histograms;
    h0.fill(0, 0, mask + 1);
    h1.fill(0, 0, mask + 1);
    h2.fill(0, 0, mask + 1);
    let [ranks, spareRanks] = scratch.ranks;
    for (let i = 0; i < count; i++) {
        const key = keys[i];
        const rank = key - min - (key >= 0 ? gap : 0);
        ranks[i] = rank;
        // Every pass's digit at once (shifts stay below 32: 2 × 13 or 2 × 11).
        h0[rank & mask]++;
        h1[(rank >>> digit) & mask]++;
        h2[(rank >>> (2 * digit)) & mask]++;
    }
    const [first, second] = scratch.values;
    let target = first;
    let from = input;
    for (let p = 0; p < passes; p++) {
        const histogram = scratch.histograms[p];
        const shift = p * digit;
        // A digit every key shares leaves the order as it is.
        if (histogram[(ranks[0] >>> shift) & mask] === count)
            continue;
        let total = 0;
        for (let d = 0; d <= mask; d++) {
            const c = histogram[d];
            histogram[d] = total;
            total += c;
        }
        for (let i = 0; i < count; i++) {
            const rank = ranks[i];
            const at = histogram[(rank >>> shift) & mask]++;
            spareRanks[at] = rank;
            target[at] = from[i];
        }
        const sorted = spareRanks;
        spareRanks = ranks;
        ranks = sorted;
        from = target;
        target = target === first ? second : first;
    }
    return runs(null, from, count, min, split, gap, ranks);
}
/**
 * Bins of the first `count` keys, counted by rank (key = rank + base, plus `gap` for ranks past `split`) into a
 * table of `span` places, then read off in rank order: the bins `runs` gives for the same keys sorted.
 */
function tally(keys, input, count, base, split, gap, span) {
    denseTable ??= { counts: new Uint32Array(DENSE_SPAN), values: new Float64Array(DENSE_SPAN) };
    const { counts, values } = denseTable;
    for (let i = 0; i < count; i++) {
        const key = keys[i];
        // An int32 (ranks are below DENSE_SPAN), so the table is indexed by an integer.
        const rank = (key - base - (key >= 0 ? gap : 0)) | 0;
        // +0: −0 and 0 share a bin and count as one value, whichever came first (as in `runs`).
        const v = input[i] + 0;
        if (counts[rank]++ === 0)
            values[rank] = v;
        else if (values[rank] !== v)
            values[rank] = NaN;
    }
    const bins = scratchSpace.bins;
    let out = 0;
    for (let rank = 0; rank < span; rank++) {
        const c = counts[rank];
        if (c === 0)
            continue;
        counts[rank] = 0;
        bins.keys[out] = rank + base + (rank > split ? gap : 0);
        bins.counts[out] = c;
        bins.values[out++] = values[rank];
    }
    bins.size = out;
    return bins;
}
/**
 * A chunk whose keys lie too far apart for the table but take at most this many distinct values (a column of a few
 * scattered values: small counts 0, 1, 2 … 100,000) is counted in a small hash table that stays in the cache, and
 * only its distinct keys are sorted. A chunk with more distinct keys gives up after about as many values and is
 * radix-sorted.
 */
const FEW_KEYS = 1024;
const FEW_SLOTS = 2 * FEW_KEYS;
const FEW_SHIFT = 32 - Math.log2(FEW_SLOTS);
const few = {
    keys: new Float64Array(FEW_SLOTS),
    counts: new Uint32Array(FEW_SLOTS),
    values: new Float64Array(FEW_SLOTS),
    /** The slots in use, in the order they were taken. */
    used: new Uint16Array(FEW_KEYS),
    distinct: new Float64Array(FEW_KEYS),
};
/** The slot of `key` in the hash table: where it is, or the empty slot where it goes (counts 0). */
function fewSlot(key) {
    // `key | 0`: the low 32 bits of the integer key (instants' keys reach past 2^32), spread by a multiplicative hash.
    let slot = Math.imul(key | 0, 0x9e3779b1) >>> FEW_SHIFT;
    while (few.counts[slot] !== 0 && few.keys[slot] !== key)
        slot = (slot + 1) & (FEW_SLOTS - 1);
    return slot;
}
/** The bins of the first `count` keys and values when they have at most FEW_KEYS distinct keys, else null. */
function fewKeys(keys, input, count) {
    const { counts, values, used } = few;
    let distinct = 0;
    for (let i = 0; i < count; i++) {
        const key = keys[i];
        const slot = fewSlot(key);
        // +0: −0 and 0 share a bin and count as one value, whichever came first (as in `runs`).
        const v = input[i] + 0;
        if (counts[slot]++ === 0) {
            if (distinct === FEW_KEYS) {
                for (let u = 0; u < distinct; u++)
                    counts[used[u]] = 0;
                counts[slot] = 0;
                return null;
            }
            few.keys[slot] = key;
            values[slot] = v;
            used[distinct++] = slot;
        }
        else if (values[slot] !== v)
            values[slot] = NaN;
    }
    const sorted = few.distinct.subarray(0, distinct);
    for (let u = 0; u < distinct; u++)
        sorted[u] = few.keys[used[u]];
    sorted.sort();
    const bins = scratchSpace.bins;
    for (let b = 0; b < distinct; b++) {
        const slot = fewSlot(sorted[b]);
        bins.keys[b] = sorted[b] + 0;
        bins.counts[b] = counts[slot];
        bins.values[b] = values[slot];
    }
    for (let u = 0; u < distinct; u++)
        counts[used[u]] = 0;
    bins.size = distinct;
    return bins;
}
/**
 * Bins of sorted keys (or of ranks: key = rank + base, plus `gap` for ranks past `split`) and their values: counts,
 * and each bin's value if it holds only one.
 */
function runs(keys, values, count, base, split, gap, ranks) {
    const bins = scratchSpace.bins;
    let out = -1;
    let last = NaN;
    for (let i = 0; i < count; i++) {
        const key = keys === null ? ranks[i] + base + (ranks[i] > split ? gap : 0) : keys[i];
        // +0: −0 and 0 share a bin and count as one value, whichever came first.
        const v = values[i] + 0;
        if (key === last) {
            bins.counts[out]++;
            if (bins.values[out] !== v)
                bins.values[out] = NaN;
        }
        else {
            out++;
            last = key;
            bins.keys[out] = key;
            bins.counts[out] = 1;
            bins.values[out] = v;
        }
    }
    bins.size = out + 1;
    return bins;
}

;// CONCATENATED MODULE: ./packages/core/src/stats/quantile.ts
/**
 * Quantiles of a sorted multiset as numpy.quantile computes them (numpy ≥ 1.22, the methods pandas also names its
 * `interpolation`): the virtual index h = q·(n − 1) between the sorted values x[⌊h⌋] and x[⌈h⌉].
 */

const QUANTILE_METHODS = ['linear', 'lower', 'higher', 'midpoint', 'nearest'];
/**
 * The q-quantile from the two order statistics around h = q·(n − 1): `at(i)` gives the i-th smallest value
 * (0-based). Linear interpolation is numpy's `_lerp`, which computes from the upper value when the fraction is at
 * least ½, so results agree to the last bit; `nearest` rounds h half to even, as numpy.around does.
 */
function quantileFrom(n, q, method, at) {
    if (!(q >= 0 && q <= 1))
        throw new errors_UserError(`a quantile must be between 0 and 1, got ${q}`);
    if (n === 0)
        return NaN;
    const h = q * (n - 1);
    const below = Math.floor(h);
    const fraction = h - below;
    switch (method) {
        case 'lower':
            return at(below);
        case 'higher':
            return at(Math.ceil(h));
        case 'nearest':
            return at(roundHalfEven(h));
        case 'midpoint':
            return fraction === 0 ? at(below) : lerp(at(below), at(below + 1), 0.5);
        case 'linear':
            return fraction === 0 ? at(below) : lerp(at(below), at(below + 1), fraction);
    }
}
/** numpy.median: the middle value, or the mean of the two middle values ((a + b)/2, as numpy's mean gives it). */
function medianFrom(n, at) {
    if (n === 0)
        return NaN;
    const half = Math.floor(n / 2);
    return n % 2 === 1 ? at(half) : (at(half - 1) + at(half)) / 2;
}
function lerp(a, b, t) {
    const diff = b - a;
    return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
}
function roundHalfEven(v) {
    const r = Math.round(v);
    return Math.abs(v - Math.trunc(v)) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

;// CONCATENATED MODULE: ./packages/core/src/profile/number-summary.ts







/** Values a summary buffers before it adds them: first 16, doubling to 4,096 (32 KB). */
const FIRST_BUFFER = 16;
const BUFFER = 4096;
/**
 * What a profile keeps of a column's numbers (or of its datetimes, as instants in ms): exact moments, every value
 * up to a cap, and a value grid that bounds what the values would give past it. Every figure it answers is exact
 * when the values are kept, or when the grid resolves it (a bin with a single value), and otherwise comes with
 * the interval the grid proves it lies in.
 *
 * The grid is built only when it is needed: when the column passes its cap (from the kept values, then value by
 * value) or when asked for. It is a function of the values alone, so building it late gives the grid one pass would.
 */
class NumberSummary {
    scale;
    momentsPart;
    exactPart;
    valueGrid;
    /** Values already added to a shared count (see `shareCount`). */
    sharedCount = 0;
    /**
     * Values added since the last flush: taken one by one from the reader and handed to the moments, the kept values
     * and the grid a buffer at a time, in tight loops and block copies rather than three calls per value.
     */
    buffer = null;
    buffered = 0;
    /** Bins of a grid built later (undefined: the default). */
    gridBins;
    constructor(scale, options = {}, parts) {
        this.scale = scale;
        this.gridBins = parts?.grid?.maxBins ?? options.gridBins;
        this.momentsPart = parts?.moments ?? new Moments();
        this.exactPart = parts?.exact ?? new ExactValues(options.exactValues);
        this.valueGrid = parts?.grid ?? null;
    }
    /** Exact moments of the values. */
    get moments() {
        this.flush();
        return this.momentsPart;
    }
    /** The kept values. */
    get exact() {
        this.flush();
        return this.exactPart;
    }
    /** The value grid of the values (built from the kept values on first use). */
    get grid() {
        this.flush();
        this.valueGrid ??= this.gridOfKeptValues();
        return this.valueGrid;
    }
    gridOfKeptValues(bins = this.gridBins) {
        const grid = new ValueGrid(this.scale, bins);
        this.exactPart.forEachChunk((chunk) => grid.addAll(chunk, 0, chunk.length));
        return grid;
    }
    add(x) {
        let buffer = this.buffer;
        if (buffer === null)
            buffer = this.buffer = new Float64Array(FIRST_BUFFER);
        buffer[this.buffered++] = x;
        if (this.buffered === buffer.length) {
            this.flush();
            // A column with few values keeps a small buffer.
            if (buffer.length < BUFFER)
                this.buffer = new Float64Array(2 * buffer.length);
        }
    }
    /** Adds the buffered values as `add` would have one by one: the grid takes over when they pass the cap. */
    flush() {
        const count = this.buffered;
        if (count === 0)
            return;
        this.buffered = 0;
        const values = this.buffer;
        this.momentsPart.addAll(values, 0, count);
        const exact = this.exactPart;
        const room = exact.isExact ? Math.max(0, exact.cap - exact.count) : 0;
        const kept = Math.min(room, count);
        if (kept > 0) {
            exact.addAll(values, 0, kept);
            this.valueGrid?.addAll(values, 0, kept);
        }
        if (kept === count)
            return;
        // The value that passes the cap: the grid takes over from the values before they are dropped.
        this.valueGrid ??= this.gridOfKeptValues();
        exact.addAll(values, kept, count);
        this.valueGrid.addAll(values, kept, count);
    }
    /**
     * Adds the values taken since the last call to `counts[slot]`, which every thread reading the same pass adds to
     * (a view of one SharedArrayBuffer), and drops the kept values once the pass as a whole has more than the cap:
     * the merged summary could not keep them anyway, and no thread holds a cap's worth of values it cannot use.
     */
    shareCount(counts, slot) {
        const exact = this.exact;
        const added = exact.count - this.sharedCount;
        if (added === 0 || !exact.isExact)
            return;
        this.sharedCount = exact.count;
        if (Atomics.add(counts, slot, added) + added > exact.cap) {
            this.valueGrid ??= this.gridOfKeptValues();
            exact.drop();
        }
    }
    merge(other) {
        this.flush();
        other.flush();
        // An empty side takes the other's settings (see ExactValues.merge).
        if (this.count === 0)
            this.gridBins = other.gridBins;
        const cap = this.count === 0 ? other.exact.cap : this.exact.cap;
        const staysExact = this.exact.isExact && other.exact.isExact && this.count + other.count <= cap;
        if (staysExact)
            this.valueGrid = null;
        else {
            // Both grids before the values go, a missing one built from the kept values at the size of the other.
            const bins = this.valueGrid?.maxBins ?? other.valueGrid?.maxBins ?? this.gridBins;
            this.valueGrid ??= this.gridOfKeptValues(bins);
            this.valueGrid.merge(other.valueGrid ?? other.gridOfKeptValues(bins));
        }
        this.exact.merge(other.exact);
        this.moments.merge(other.moments);
        return this;
    }
    get count() {
        return this.moments.count;
    }
    get isExact() {
        return this.exact.isExact;
    }
    /**
     * Every distinct value with its count, when known: the kept values, or the grid when each of its bins holds a
     * single value (e.g. small integers or coarse decimals past the cap).
     */
    valueCounts() {
        const kept = this.exact.valueCounts();
        if (kept)
            return kept;
        const bins = this.grid.bins();
        if (!bins.values.every((v) => v === v))
            return undefined;
        return { values: bins.values, counts: bins.counts, n: bins.n };
    }
    /** The q-quantile as numpy.quantile(values, q, method) gives it, or the interval the grid bounds it to. */
    quantile(q, method = 'linear') {
        const counts = this.valueCounts();
        if (counts)
            return exactly(quantileFrom(counts.n, q, method, orderStatistic(counts)));
        const { lowAt, highAt } = this.orderBounds();
        const low = quantileFrom(this.count, q, method, lowAt);
        const high = quantileFrom(this.count, q, method, highAt);
        return { value: low === high ? low : (low + high) / 2, low, high };
    }
    /** numpy.median (pandas' and GX's median), or its bounds. */
    median() {
        const counts = this.valueCounts();
        if (counts)
            return exactly(medianFrom(counts.n, orderStatistic(counts)));
        const { lowAt, highAt } = this.orderBounds();
        const low = medianFrom(this.count, lowAt);
        const high = medianFrom(this.count, highAt);
        return { value: low === high ? low : (low + high) / 2, low, high };
    }
    /**
     * Bounds on each order statistic from the grid: the i-th smallest value lies in the bin that holds it, exactly
     * when that bin has a single value, and within the column's min and max.
     */
    orderBounds() {
        const bins = this.grid.bins();
        const cumulative = cumulativeCounts(bins.counts);
        const { min, max } = this.moments;
        const bin = (i) => upperBound(cumulative, i);
        const edges = (b) => {
            const v = bins.values[b];
            if (v === v)
                return [v, v];
            const [low, high] = binEdges(bins.scale, bins.level, bins.keys[b]);
            return [Math.max(low, min), Math.min(high, max)];
        };
        return { lowAt: (i) => edges(bin(i))[0], highAt: (i) => edges(bin(i))[1] };
    }
    /** Distinct values: exact when the values are known, else the grid's bounds (a mixed bin holds at least two). */
    distinct() {
        const counts = this.valueCounts();
        if (counts)
            return { low: counts.values.length, high: counts.values.length };
        const bins = this.grid.bins();
        let low = 0;
        let high = 0;
        bins.values.forEach((v, b) => {
            low += v === v ? 1 : 2;
            high += v === v ? 1 : bins.counts[b];
        });
        return { low, high };
    }
    /**
     * The most frequent values, highest count first (ties by value), at most `limit`. Past the cap only values the
     * grid proves to be among the `limit` most frequent are listed: a single-valued bin's count c is exact, and fewer
     * than `limit` values can beat it — the single-valued bins with more, plus at most ⌊C/(c + 1)⌋ values in each
     * bin of C values that holds several.
     */
    topValues(limit) {
        const known = this.valueCounts();
        if (known) {
            return topByCount(known.values, known.counts, limit, () => true).map((b) => ({
                value: known.values[b],
                count: known.counts[b],
            }));
        }
        const bins = this.grid.bins();
        const single = topByCount(bins.values, bins.counts, limit, (b) => bins.values[b] === bins.values[b]);
        const mixed = Array.from(bins.counts).filter((_, b) => bins.values[b] !== bins.values[b]);
        const listed = [];
        for (let i = 0; i < single.length && listed.length < limit; i++) {
            const count = bins.counts[single[i]];
            let rivals = single.slice(0, i).filter((b) => bins.counts[b] > count).length;
            for (const total of mixed)
                rivals += Math.floor(total / (count + 1));
            if (rivals >= limit)
                break;
            listed.push({ value: bins.values[single[i]], count });
        }
        return listed;
    }
    /**
     * `bins` bins from min to max, [edges[i], edges[i+1]) with the last one closed (numpy.histogram's convention),
     * with exact counts: equal width while the values are known; past the cap an edge that falls inside a grid bin
     * holding several values moves down to that bin's lower edge, where the count below it is known.
     */
    histogram(bins = DEFAULT_HISTOGRAM_BINS) {
        if (!Number.isInteger(bins) || bins < 1 || bins > MAX_HISTOGRAM_BINS) {
            throw new errors_UserError(`histogram bins must be an integer in [1, ${MAX_HISTOGRAM_BINS}], got ${bins}`);
        }
        const n = this.count;
        if (n === 0)
            return new Histogram([], []);
        const { min, max } = this.moments;
        if (min === max)
            return new Histogram([min, max], [n]);
        // Divide before subtracting so ranges near ±Number.MAX_VALUE cannot overflow.
        const width = max / bins - min / bins;
        const known = this.valueCounts();
        const grid = known ? undefined : edgesOf(this.grid.bins());
        const edges = [min];
        for (let i = 1; i < bins; i++) {
            const edge = grid ? resolvedEdge(grid, min + width * i) : min + width * i;
            if (edge > edges[edges.length - 1])
                edges.push(edge);
        }
        edges.push(max);
        const below = (edge) => (known ? valuesBelow(known, edge) : binsBelow(grid, edge));
        const counts = [];
        for (let i = 1; i < edges.length; i++) {
            counts.push((i === edges.length - 1 ? n : below(edges[i])) - below(edges[i - 1]));
        }
        return new Histogram(edges, counts);
    }
    toJSON(options = {}) {
        return {
            moments: this.moments.toJSON(),
            exact: this.exact.toJSON(options),
            ...(!this.isExact && { grid: this.grid.toJSON(options) }),
        };
    }
    static fromJSON(value, path, scale) {
        if (typeof value !== 'object' || value === null || Array.isArray(value)) {
            fail(path, `expected {moments, exact, grid}, got ${describeValue(value)}`);
        }
        const obj = value;
        for (const key of Object.keys(obj))
            if (!['moments', 'exact', 'grid'].includes(key))
                fail(`${path}.${key}`, 'unknown key');
        const moments = Moments.fromJSON(obj.moments, `${path}.moments`);
        const exact = ExactValues.fromJSON(obj.exact, `${path}.exact`);
        if (exact.count !== moments.count)
            fail(`${path}.exact.n`, `is ${exact.count} but the column has ${moments.count} values`);
        if (obj.grid === undefined) {
            if (!exact.isExact)
                fail(`${path}.grid`, `expected the value grid of a column past its cap of ${exact.cap} values`);
            return new NumberSummary(scale, {}, { moments, exact, grid: null });
        }
        const grid = ValueGrid.fromJSON(obj.grid, `${path}.grid`);
        if (grid.scale !== scale)
            fail(`${path}.grid.scale`, `expected "${scale}"`);
        if (grid.count !== moments.count)
            fail(`${path}.grid.n`, `is ${grid.count} but the column has ${moments.count} values`);
        return new NumberSummary(scale, {}, { moments, exact, grid });
    }
}
function edgesOf(bins) {
    const size = bins.keys.length;
    const lows = new Float64Array(size);
    const highs = new Float64Array(size);
    const before = new Float64Array(size + 1);
    for (let b = 0; b < size; b++) {
        [lows[b], highs[b]] = binEdges(bins.scale, bins.level, bins.keys[b]);
        before[b + 1] = before[b] + bins.counts[b];
    }
    return { bins, lows, highs, before };
}
/** The first bin whose interval ends above `edge` (the bin holding it, or the next one); the bin count if none. */
function binAt(grid, edge) {
    let lo = 0;
    let hi = grid.highs.length;
    while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (grid.highs[mid] <= edge)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}
/** `edge`, or the lower edge of the grid bin it falls in when that bin holds several values. */
function resolvedEdge(grid, edge) {
    const b = binAt(grid, edge);
    if (b === grid.highs.length || edge < grid.lows[b])
        return edge;
    const v = grid.bins.values[b];
    return v === v ? edge : grid.lows[b];
}
/** Values below `edge` in a grid whose bins all either end by `edge` or are single-valued (see `resolvedEdge`). */
function binsBelow(grid, edge) {
    const b = binAt(grid, edge);
    let total = grid.before[b];
    const v = b < grid.highs.length ? grid.bins.values[b] : NaN;
    if (v === v && v < edge)
        total += grid.bins.counts[b];
    return total;
}
function valuesBelow(counts, edge) {
    let total = 0;
    for (let i = 0; i < counts.values.length && counts.values[i] < edge; i++)
        total += counts.counts[i];
    return total;
}
function exactly(value) {
    return { value, low: value, high: value };
}
/** The i-th smallest value (0-based) of a sorted multiset. */
function orderStatistic(counts) {
    const cumulative = cumulativeCounts(counts.counts);
    return (i) => counts.values[upperBound(cumulative, i)];
}
/** cumulative[b] = values in bins 0..b. */
function cumulativeCounts(counts) {
    const out = new Float64Array(counts.length);
    let total = 0;
    counts.forEach((c, b) => (out[b] = total += c));
    return out;
}
/** The first b with cumulative[b] > i: the bin holding the i-th smallest value. */
function upperBound(cumulative, i) {
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cumulative[mid] > i)
            hi = mid;
        else
            lo = mid + 1;
    }
    return lo;
}
/** The indices (among those `included`) of the `limit` highest counts, highest first, ties by value. */
function topByCount(values, counts, limit, included) {
    const before = (a, b) => counts[a] > counts[b] || (counts[a] === counts[b] && values[a] < values[b]);
    const top = [];
    for (let b = 0; b < counts.length; b++) {
        if (!included(b) || (top.length === limit && !before(b, top[limit - 1])))
            continue;
        let at = top.length === limit ? limit - 1 : top.length;
        while (at > 0 && before(b, top[at - 1])) {
            top[at] = top[at - 1];
            at--;
        }
        top[at] = b;
        if (top.length > limit)
            top.length = limit;
    }
    return top;
}

;// CONCATENATED MODULE: ./packages/core/src/profile/infer-type.ts
/** What a single non-null value parses as. */
const VALUE_KINDS = ['integer', 'number', 'boolean', 'datetime', 'string'];
/**
 * Share of non-null values that must parse as a type for the column to get it: a few stray
 * values (`n/a` spelt oddly, a footnote marker) should not turn a numeric column into text, and
 * the strays stay visible in `typeCounts`.
 */
const TYPE_THRESHOLD = 0.99;
/**
 * The column type from its per-value counts: `empty` with no non-null value; otherwise numeric
 * when at least 99% of the non-null values are numbers (`integer` if none of them is written
 * as a decimal, else `number`), else `boolean` or `datetime` when at least 99% are that, else
 * `string`.
 */
function inferType(counts) {
    const total = counts.integer + counts.number + counts.boolean + counts.datetime + counts.string;
    if (total === 0)
        return 'empty';
    const need = TYPE_THRESHOLD * total;
    if (counts.integer + counts.number >= need)
        return counts.number === 0 ? 'integer' : 'number';
    if (counts.boolean >= need)
        return 'boolean';
    if (counts.datetime >= need)
        return 'datetime';
    return 'string';
}

;// CONCATENATED MODULE: ./packages/core/src/profile/column.ts











const QUANTILE_PERCENTS = [1, 5, 25, 50, 75, 95, 99];
const TOP_VALUES = 10;
const JSON_KEYS = new Set([
    'name',
    'count',
    'nulls',
    'typeCounts',
    'nonFinite',
    'length',
    'numbers',
    'instants',
    'hll',
    'frequent',
    'summary',
]);
/**
 * One column's mergeable profile: counts, type evidence and sketches, fed a batch column at a
 * time straight from the reader's bytes. Every value takes one path decided by its own text, never
 * by the column's (yet unknown) type, and every part merges to exactly what one pass over the union
 * would give, so the profile of a file is the same whatever the thread count or shard split.
 *
 * A non-null value that parses as a number feeds the number summary (exact moments, the values up to a
 * cap, the value grid) and the distinct count (hashed as a double); any other value feeds the distinct
 * count (hashed as UTF-8 bytes) and the frequent-items summary, and a datetime also the summary of
 * instants. Only values counted as frequent items are ever decoded to strings, and only when read.
 */
class ColumnProfile {
    name;
    count = 0;
    nulls = 0;
    typeCounts = { integer: 0, number: 0, boolean: 0, datetime: 0, string: 0 };
    nonFinite = 0;
    minLength = Infinity;
    maxLength = -Infinity;
    numbers;
    instants;
    hll;
    frequent;
    quotedIsText;
    hash = new Uint32Array(2);
    constructor(name, options = {}, parts) {
        this.name = name;
        const summaryOptions = {
            ...(options.exactValues !== undefined && { exactValues: options.exactValues }),
            ...(options.gridBins !== undefined && { gridBins: options.gridBins }),
        };
        this.numbers = parts?.numbers ?? new NumberSummary('log', summaryOptions);
        this.instants = parts?.instants ?? new NumberSummary('linear', summaryOptions);
        this.hll = parts?.hll ?? new HyperLogLog(options.hllPrecision);
        this.frequent =
            parts?.frequent ??
                new FrequentItems(options.frequentExactLimit === undefined ? {} : { exactLimit: options.frequentExactLimit });
        this.quotedIsText = options.quotedIsText ?? false;
    }
    /** Counts `rows` rows in which this column was absent (JSON Lines keys first seen later). */
    addMissing(rows) {
        this.count += rows;
        this.nulls += rows;
    }
    /**
     * Consumes column `col` of every row of `batch`; with `parsed`, also records per row whether the
     * value is null and the number it reads as (for the row checks of the same pass).
     */
    addBatch(batch, col, parsed) {
        const { bytes, starts, ends, flags, columnCount, rowCount } = batch;
        const types = this.typeCounts;
        const quotedIsText = this.quotedIsText;
        let nulls = 0;
        let minLength = this.minLength;
        let maxLength = this.maxLength;
        if (parsed)
            parsed.hasInstants = false;
        for (let row = 0, k = col; row < rowCount; row++, k += columnCount) {
            const isNull = batch.isNull(row, col);
            if (parsed) {
                parsed.nulls[row] = isNull ? 1 : 0;
                parsed.numbers[row] = NaN;
            }
            if (isNull) {
                nulls++;
                continue;
            }
            const start = starts[k];
            const end = ends[k];
            const flag = flags[k];
            const length = (flag & FieldFlag.NON_ASCII) === 0 ? end - start : codePoints(bytes, start, end);
            if (length < minLength)
                minLength = length;
            if (length > maxLength)
                maxLength = length;
            if ((flag & FieldFlag.BOOLEAN) !== 0) {
                types.boolean++;
                this.addText(bytes, start, end);
                continue;
            }
            let value;
            if (quotedIsText && (flag & FieldFlag.QUOTED) !== 0) {
                value = NaN;
                if (parsed)
                    parsed.numbers[row] = parseNumber(bytes, start, end);
            }
            else {
                value = parseNumber(bytes, start, end);
                if (parsed)
                    parsed.numbers[row] = value;
            }
            if (value === value) {
                this.addNumber(value, bytes, start, end);
                continue;
            }
            if (isBooleanText(bytes, start, end))
                types.boolean++;
            else {
                const time = parseIsoDateTime(bytes, start, end);
                if (time === time) {
                    types.datetime++;
                    this.instants.add(time);
                    if (parsed)
                        keepInstant(parsed, row, rowCount, time);
                }
                else
                    types.string++;
            }
            this.addText(bytes, start, end);
        }
        this.count += rowCount;
        this.nulls += nulls;
        this.minLength = minLength;
        this.maxLength = maxLength;
    }
    addNumber(value, bytes, start, end) {
        if (value - value !== 0) {
            this.nonFinite++;
            this.typeCounts.number++;
        }
        else {
            if (Number.isInteger(value) && isPlainInteger(bytes, start, end))
                this.typeCounts.integer++;
            else
                this.typeCounts.number++;
            this.numbers.add(value);
        }
        this.hll.addNumber(value);
    }
    /** Shares the counts of the values taken so far (see `ProfileOptions.sharedCounts`), as column `col`. */
    shareCounts(counts, col) {
        if (2 * col + 1 >= counts.length)
            return;
        this.numbers.shareCount(counts, 2 * col);
        this.instants.shareCount(counts, 2 * col + 1);
    }
    addText(bytes, start, end) {
        const hash = this.hash;
        hashBytes(bytes, start, end, hash);
        this.hll.addHash(hash[0], hash[1]);
        this.frequent.addHashedBytes(bytes, start, end, hash[0], hash[1]);
    }
    /** Folds `other` (a profile of the same column over other rows) into this. */
    merge(other) {
        this.count += other.count;
        this.nulls += other.nulls;
        for (const kind of VALUE_KINDS)
            this.typeCounts[kind] += other.typeCounts[kind];
        this.nonFinite += other.nonFinite;
        this.minLength = Math.min(this.minLength, other.minLength);
        this.maxLength = Math.max(this.maxLength, other.maxLength);
        this.numbers.merge(other.numbers);
        this.instants.merge(other.instants);
        this.hll.merge(other.hll);
        this.frequent.merge(other.frequent);
        return this;
    }
    get nonNull() {
        return this.count - this.nulls;
    }
    /** The column's type by the rule in `inferType`. */
    get type() {
        return inferType(this.typeCounts);
    }
    /** Earliest and latest datetime value in ms since the epoch (UTC); NaN without one. */
    get minTime() {
        return this.instants.moments.min;
    }
    get maxTime() {
        return this.instants.moments.max;
    }
    /**
     * Distinct non-null values: exact while the numbers are known (`NumberSummary.distinct`) and the text values
     * counted exactly; otherwise HyperLogLog's estimate (≈0.8% standard error at p = 14), kept within what the
     * profile proves (never more than the values there are).
     */
    distinctValues() {
        const numbers = this.numbers.distinct();
        const exactText = this.frequent.exactDistinct;
        const textLow = exactText ?? this.frequent.keptDistinct;
        const textHigh = exactText ?? this.frequent.count - this.frequent.keptTotal + this.frequent.keptDistinct;
        const low = numbers.low + textLow + (this.nonFinite > 0 ? 1 : 0);
        const high = numbers.high + textHigh + Math.min(2, this.nonFinite);
        if (low === high)
            return { value: low, low, high };
        const estimate = Math.round(this.hll.estimate());
        return { value: Math.min(high, Math.max(low, estimate)), low, high };
    }
    get distinct() {
        return this.distinctValues().value;
    }
    /** Most frequent values: numeric ones for numeric columns, text values otherwise; only proven ones. */
    topValues(limit = TOP_VALUES) {
        const type = this.type;
        if (type === 'integer' || type === 'number') {
            return this.numbers.topValues(limit).map(({ value, count }) => ({ value: String(value), count }));
        }
        return this.frequent.topItems(limit);
    }
    /** Histogram of the numeric values (see `NumberSummary.histogram`). */
    histogram(bins = DEFAULT_HISTOGRAM_BINS) {
        return this.numbers.histogram(bins);
    }
    summary() {
        const distinct = this.distinctValues();
        return {
            type: this.type,
            count: this.count,
            nulls: this.nulls,
            nullFraction: this.count === 0 ? 0 : this.nulls / this.count,
            distinct: distinct.value,
            ...(distinct.low !== distinct.high && { distinctBounds: [distinct.low, distinct.high] }),
            length: this.lengthRange(),
            numeric: this.numericSummary(),
            datetime: this.instants.count > 0
                ? { min: new Date(this.minTime).toISOString(), max: new Date(this.maxTime).toISOString() }
                : null,
            top: this.topValues(),
        };
    }
    lengthRange() {
        return this.minLength <= this.maxLength ? { min: this.minLength, max: this.maxLength } : null;
    }
    numericSummary() {
        const m = this.numbers.moments;
        if (m.count === 0)
            return null;
        const quantiles = {};
        const quantileBounds = {};
        let exact = true;
        for (const percent of QUANTILE_PERCENTS) {
            const q = this.numbers.quantile(percent / 100);
            quantiles[`p${percent}`] = q.value;
            quantileBounds[`p${percent}`] = [q.low, q.high];
            if (q.low !== q.high)
                exact = false;
        }
        const histogram = this.histogram();
        return {
            count: m.count,
            mean: m.mean,
            stddev: m.count < 2 ? null : m.sampleStdDev,
            min: m.min,
            max: m.max,
            sum: m.sum,
            quantiles,
            exact,
            ...(!exact && { quantileBounds }),
            histogram: { edges: [...histogram.edges], counts: [...histogram.counts] },
        };
    }
    toJSON(options = {}) {
        return {
            name: this.name,
            count: this.count,
            nulls: this.nulls,
            typeCounts: { ...this.typeCounts },
            nonFinite: this.nonFinite,
            length: this.lengthRange(),
            numbers: this.numbers.toJSON(options),
            instants: this.instants.toJSON(options),
            hll: this.hll.toJSON(),
            frequent: this.frequent.toJSON(),
            ...(!options.raw && { summary: this.summary() }),
        };
    }
    /** Reads a column written by `toJSON`, checking its shape and that its counts agree with each other. */
    static fromJSON(value, path) {
        if (typeof value !== 'object' || value === null || Array.isArray(value)) {
            fail(path, `expected a column profile object, got ${describeValue(value)}`);
        }
        const obj = value;
        for (const key of Object.keys(obj))
            if (!JSON_KEYS.has(key))
                fail(`${path}.${key}`, 'unknown key');
        if (typeof obj.name !== 'string')
            fail(`${path}.name`, `expected a string, got ${describeValue(obj.name)}`);
        const column = new ColumnProfile(obj.name, {}, {
            numbers: NumberSummary.fromJSON(obj.numbers, `${path}.numbers`, 'log'),
            instants: NumberSummary.fromJSON(obj.instants, `${path}.instants`, 'linear'),
            hll: HyperLogLog.fromJSON(obj.hll, `${path}.hll`),
            frequent: FrequentItems.fromJSON(obj.frequent, `${path}.frequent`),
        });
        column.count = expectInteger(obj, 'count', path, 0, Number.MAX_SAFE_INTEGER);
        column.nulls = expectInteger(obj, 'nulls', path, 0, column.count);
        column.nonFinite = expectInteger(obj, 'nonFinite', path, 0, Number.MAX_SAFE_INTEGER);
        readTypeCounts(obj.typeCounts, `${path}.typeCounts`, column.typeCounts);
        const valued = VALUE_KINDS.reduce((sum, kind) => sum + column.typeCounts[kind], 0);
        if (valued !== column.nonNull) {
            fail(`${path}.typeCounts`, `counts sum to ${valued} but the column has ${column.nonNull} non-null values`);
        }
        const length = readRange(obj.length, `${path}.length`);
        if ((length === null) !== (column.nonNull === 0)) {
            fail(`${path}.length`, column.nonNull === 0 ? 'expected null for an all-null column' : 'expected {min, max}');
        }
        if (length)
            [column.minLength, column.maxLength] = [length.min, length.max];
        const numeric = column.typeCounts.integer + column.typeCounts.number;
        const finite = numeric - column.nonFinite;
        if (column.nonFinite > numeric)
            fail(`${path}.nonFinite`, `exceeds the ${numeric} numeric values`);
        if (column.numbers.count !== finite) {
            fail(`${path}.numbers`, `holds ${column.numbers.count} values, expected ${finite} (finite numeric values)`);
        }
        if (column.instants.count !== column.typeCounts.datetime) {
            fail(`${path}.instants`, `holds ${column.instants.count} values, expected ${column.typeCounts.datetime} (datetimes)`);
        }
        if (column.frequent.count !== column.nonNull - numeric) {
            fail(`${path}.frequent.n`, `expected ${column.nonNull - numeric} (non-numeric values), got ${column.frequent.count}`);
        }
        if (obj.summary !== undefined && (typeof obj.summary !== 'object' || obj.summary === null)) {
            fail(`${path}.summary`, `expected an object, got ${describeValue(obj.summary)}`);
        }
        return column;
    }
}
function readTypeCounts(value, path, into) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        fail(path, `expected an object of counts, got ${describeValue(value)}`);
    }
    const obj = value;
    for (const key of Object.keys(obj)) {
        if (!VALUE_KINDS.includes(key))
            fail(`${path}.${key}`, 'unknown value kind');
    }
    for (const kind of VALUE_KINDS)
        into[kind] = expectInteger(obj, kind, path, 0, Number.MAX_SAFE_INTEGER);
}
function readRange(value, path) {
    if (value === null)
        return null;
    if (typeof value !== 'object' || Array.isArray(value) || value === undefined) {
        fail(path, `expected {min, max} or null, got ${describeValue(value)}`);
    }
    const obj = value;
    for (const key of Object.keys(obj))
        if (key !== 'min' && key !== 'max')
            fail(`${path}.${key}`, 'unknown key');
    const min = expectInteger(obj, 'min', path, -Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
    const max = expectInteger(obj, 'max', path, -Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
    if (min > max)
        fail(`${path}.min`, `min ${min} is greater than max ${max}`);
    return { min, max };
}
/** Code points in a UTF-8 range: every byte that is not a continuation byte starts one. */
function codePoints(bytes, start, end) {
    let n = 0;
    for (let i = start; i < end; i++)
        if ((bytes[i] & 0xc0) !== 0x80)
            n++;
    return n;
}
/** Records row's instant for the row checks, the batch's other rows NaN until they have theirs. */
function keepInstant(parsed, row, rows, time) {
    if (!parsed.hasInstants) {
        if (parsed.instants === null || parsed.instants.length < rows)
            parsed.instants = new Float64Array(rows);
        parsed.instants.fill(NaN, 0, rows);
        parsed.hasInstants = true;
    }
    parsed.instants[row] = time;
}
/** Digits with an optional sign: `7`, `-12`, `+3` (not `7.0` or `1e3`, which are written as decimals). */
function isPlainInteger(bytes, start, end) {
    for (let i = start; i < end; i++) {
        const c = bytes[i];
        if (c === 46 || c === 101 || c === 69)
            return false;
    }
    return true;
}

;// CONCATENATED MODULE: ./packages/core/src/profile/profile.ts



const PROFILE_SCHEMA = 'mlgate/profile@2';
const TOP_KEYS = new Set(['schema', 'rows', 'sources', 'columns']);
/** A dataset's profile: its columns' mergeable profiles and where the rows came from. */
class Profile {
    rows;
    sources;
    columns;
    constructor(rows, sources, columns) {
        this.rows = rows;
        this.sources = sources;
        this.columns = columns;
    }
    column(name) {
        return this.columns.find((c) => c.name === name);
    }
    /**
     * Folds `other` (a profile of other rows of the same table, e.g. another shard) into this, as
     * if one pass had read both. Columns are matched by name; both must have the same set.
     */
    merge(other) {
        const theirs = new Map(other.columns.map((c) => [c.name, c]));
        for (const column of this.columns) {
            if (!theirs.has(column.name)) {
                throw new errors_UserError(`cannot merge profiles: column "${column.name}" is missing from ${describeSources(other)}`);
            }
        }
        const ours = new Set(this.columns.map((c) => c.name));
        for (const column of other.columns) {
            if (!ours.has(column.name)) {
                throw new errors_UserError(`cannot merge profiles: column "${column.name}" is missing from ${describeSources(this)}`);
            }
        }
        for (const column of this.columns)
            column.merge(theirs.get(column.name));
        this.rows += other.rows;
        this.sources.push(...other.sources.map((s) => structuredClone(s)));
        return this;
    }
    /** `raw` keeps the columns' values as typed arrays, unencoded and without summaries: for a worker's result. */
    toJSON(options = {}) {
        return {
            schema: PROFILE_SCHEMA,
            rows: this.rows,
            sources: this.sources.map((s) => structuredClone(s)),
            columns: this.columns.map((c) => c.toJSON(options)),
        };
    }
    /** Reads a profile written by `toJSON`; any problem is a UserError naming `file` and the key path. */
    static fromJSON(json, file) {
        try {
            return readProfile(json);
        }
        catch (error) {
            if (error instanceof errors_UserError && file !== undefined) {
                throw new errors_UserError(error.message, { ...error.location, file });
            }
            throw error;
        }
    }
}
/** Merges profiles left to right into a new profile (the inputs are not changed). */
function mergeProfiles(profiles) {
    const [first, ...rest] = profiles;
    if (first === undefined)
        throw new errors_UserError('no profiles to merge');
    const merged = Profile.fromJSON(first.toJSON({ raw: true }));
    for (const profile of rest)
        merged.merge(profile);
    return merged;
}
/**
 * The buffers under a raw profile's typed arrays (see `toJSON`), each the JSON's own: a worker posts its result with
 * them as the transfer list, so they move to the receiving thread instead of being copied there.
 */
function rawProfileBuffers(json) {
    const buffers = new Set();
    for (const column of json.columns) {
        for (const summary of [column.numbers, column.instants]) {
            const arrays = [summary.exact.raw, summary.grid?.raw?.keys, summary.grid?.raw?.counts, summary.grid?.raw?.values];
            for (const array of arrays)
                if (array)
                    buffers.add(array.buffer);
        }
    }
    return [...buffers];
}
function describeSources(profile) {
    const files = profile.sources.map((s) => (s.shard ? `${s.file} (shard ${s.shard.index}/${s.shard.count})` : s.file));
    return files.length === 0 ? 'the other profile' : files.join(', ');
}
function readProfile(json) {
    if (typeof json !== 'object' || json === null || Array.isArray(json)) {
        fail('$', `expected a profile object, got ${describeValue(json)}`);
    }
    const obj = json;
    if (obj.schema === 'mlgate/profile@1') {
        fail('$.schema', 'is mlgate/profile@1, from an older mlgate whose sketches gave approximate drift statistics; profile the data again');
    }
    if (obj.schema === undefined) {
        fail('$', `is not an mlgate profile (no "schema": "${PROFILE_SCHEMA}"); \`mlgate profile <data> -o <file>\` writes one`);
    }
    if (obj.schema !== PROFILE_SCHEMA) {
        fail('$.schema', `expected "${PROFILE_SCHEMA}", got ${describeValue(obj.schema)}`);
    }
    for (const key of Object.keys(obj))
        if (!TOP_KEYS.has(key))
            fail(`$.${key}`, 'unknown key');
    const rows = expectInteger(obj, 'rows', '$', 0, Number.MAX_SAFE_INTEGER);
    const sources = expectArray(obj, 'sources', '$').map((s, i) => readSource(s, `$.sources[${i}]`));
    const sourceRows = sources.reduce((sum, s) => sum + s.rows, 0);
    if (sources.length > 0 && sourceRows !== rows)
        fail('$.rows', `is ${rows} but the sources hold ${sourceRows} rows`);
    const names = new Set();
    const columns = expectArray(obj, 'columns', '$').map((c, i) => {
        const path = `$.columns[${i}]`;
        const column = ColumnProfile.fromJSON(c, path);
        if (names.has(column.name))
            fail(`${path}.name`, `column "${column.name}" appears twice`);
        names.add(column.name);
        if (column.count !== rows)
            fail(`${path}.count`, `is ${column.count} but the profile has ${rows} rows`);
        return column;
    });
    return new Profile(rows, sources, columns);
}
const SOURCE_KEYS = new Set(['file', 'format', 'shard', 'bytes', 'rows', 'issues']);
function readSource(value, path) {
    const obj = expectObject(value, path);
    for (const key of Object.keys(obj))
        if (!SOURCE_KEYS.has(key))
            fail(`${path}.${key}`, 'unknown key');
    if (typeof obj.file !== 'string')
        fail(`${path}.file`, `expected a string, got ${describeValue(obj.file)}`);
    if (typeof obj.format !== 'string')
        fail(`${path}.format`, `expected a string, got ${describeValue(obj.format)}`);
    let shard = null;
    if (obj.shard !== null) {
        const s = expectObject(obj.shard, `${path}.shard`);
        const count = expectInteger(s, 'count', `${path}.shard`, 1, 1_000_000);
        shard = { index: expectInteger(s, 'index', `${path}.shard`, 1, count), count };
    }
    const b = expectObject(obj.bytes, `${path}.bytes`);
    const size = expectInteger(b, 'size', `${path}.bytes`, 0, Number.MAX_SAFE_INTEGER);
    const start = expectInteger(b, 'start', `${path}.bytes`, 0, size);
    const end = expectInteger(b, 'end', `${path}.bytes`, start, size);
    const issues = expectObject(obj.issues, `${path}.issues`);
    return {
        file: obj.file,
        format: obj.format,
        shard,
        bytes: { start, end, size },
        rows: expectInteger(obj, 'rows', path, 0, Number.MAX_SAFE_INTEGER),
        issues: {
            errors: expectInteger(issues, 'errors', `${path}.issues`, 0, Number.MAX_SAFE_INTEGER),
            warnings: expectInteger(issues, 'warnings', `${path}.issues`, 0, Number.MAX_SAFE_INTEGER),
        },
    };
}
function expectObject(value, path) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        fail(path, `expected an object, got ${describeValue(value)}`);
    }
    return value;
}

;// CONCATENATED MODULE: ./packages/core/src/profile/builder.ts


/**
 * Builds a profile from a reader's batches, one column at a time over each batch (a tight loop
 * per column, no per-row objects). Columns that first appear in a later batch (JSON Lines keys)
 * count the earlier rows as nulls. Batches may be dropped right after `add` returns.
 */
class ProfileBuilder {
    options;
    keepParsed;
    columns = [];
    rows = 0;
    parsed = [];
    /** With `keepParsed`, `parsedColumns` gives what each `add` read of the batch's columns. */
    constructor(options = {}, keepParsed = false) {
        this.options = options;
        this.keepParsed = keepParsed;
    }
    add(batch) {
        for (let col = this.columns.length; col < batch.columnCount; col++) {
            const column = new ColumnProfile(batch.columns[col], this.options);
            column.addMissing(this.rows);
            this.columns.push(column);
        }
        const shared = this.options.sharedCounts;
        for (let col = 0; col < batch.columnCount; col++) {
            const column = this.columns[col];
            column.addBatch(batch, col, this.keepParsed ? this.parsedColumn(col, batch.rowCount) : undefined);
            if (shared)
                column.shareCounts(shared, col);
        }
        this.rows += batch.rowCount;
    }
    /** Per column of the last batch added (with `keepParsed`): its nulls and numbers, valid until the next `add`. */
    get parsedColumns() {
        return this.parsed;
    }
    parsedColumn(col, rows) {
        let column = this.parsed[col];
        if (!column || column.nulls.length < rows) {
            column = { nulls: new Uint8Array(rows), numbers: new Float64Array(rows), instants: null, hasInstants: false };
            this.parsed[col] = column;
        }
        return column;
    }
    /** Columns known to the reader but without any row yet (a header-only file). */
    declareColumns(names) {
        for (let col = this.columns.length; col < names.length; col++) {
            const column = new ColumnProfile(names[col], this.options);
            column.addMissing(this.rows);
            this.columns.push(column);
        }
    }
    get rowCount() {
        return this.rows;
    }
    /** The profile of everything added; the builder must not be used afterwards. */
    finish(sources = []) {
        return new Profile(this.rows, sources, this.columns);
    }
}

;// CONCATENATED MODULE: ./packages/core/src/profile/profile-file.ts






/**
 * Profiles a data file (or shard `i/n` of it) in one streaming pass. Memory is the reader's
 * buffers plus a fixed size of sketches per column, whatever the file's size.
 */
async function profileFile(path, options = {}) {
    const format = options.format ?? source_formatOf(path);
    const shard = options.shard ?? { index: 1, count: 1 };
    const { index, count } = shard;
    if (!Number.isInteger(index) || !Number.isInteger(count) || count < 1 || index < 1 || index > count) {
        throw new errors_UserError(`shard must be i/n with 1 ≤ i ≤ n, got ${index}/${count}`);
    }
    const size = await fileSize(path);
    const range = shardRange(size, shard.index, shard.count);
    const { reader, source } = await openReader(path, {
        format,
        shard,
        ...(options.csv && { csv: options.csv }),
        ...(options.jsonl && { jsonl: options.jsonl }),
    });
    const builder = new ProfileBuilder({
        ...(options.exactValues !== undefined && { exactValues: options.exactValues }),
        ...(options.gridBins !== undefined && { gridBins: options.gridBins }),
        ...(options.sharedCounts && { sharedCounts: options.sharedCounts }),
        ...(options.hllPrecision !== undefined && { hllPrecision: options.hllPrecision }),
        ...(options.frequentExactLimit !== undefined && { frequentExactLimit: options.frequentExactLimit }),
        quotedIsText: options.quotedIsText ?? format === 'jsonl',
    }, options.onBatch !== undefined);
    const totalBytes = range.end - range.start;
    let bytes = 0;
    async function* counted() {
        for await (const chunk of source) {
            bytes += chunk.length;
            yield chunk;
        }
    }
    for await (const batch of reader.batches(counted())) {
        builder.add(batch);
        options.onBatch?.(batch, builder.parsedColumns);
        options.onProgress?.({ bytes: Math.min(bytes, totalBytes), totalBytes, rows: builder.rowCount });
    }
    builder.declareColumns(reader.columns);
    const { issues } = reader;
    const profile = builder.finish([
        {
            file: path,
            format,
            shard: shard.count > 1 ? { index: shard.index, count: shard.count } : null,
            bytes: { ...range, size },
            rows: builder.rowCount,
            issues: { errors: issues.errorCount, warnings: issues.warningCount },
        },
    ]);
    return { profile, issues: issues.issues, errorCount: issues.errorCount, warningCount: issues.warningCount };
}
async function fileSize(path) {
    try {
        return (await (0,promises_.stat)(path)).size;
    }
    catch (error) {
        throw new errors_UserError(fileErrorMessage(error), { file: path });
    }
}

;// CONCATENATED MODULE: ./packages/core/src/profile/read.ts




/** Largest profile file accepted: a profile is a few tens of kilobytes per column. */
const MAX_PROFILE_BYTES = 256 * 1024 * 1024;
/** Reads, parses and checks a profile JSON file; every problem is a UserError naming `path`. */
async function readProfileFile(path, { maxBytes = MAX_PROFILE_BYTES, name = path } = {}) {
    return Profile.fromJSON(parseJson(await readTextFile(path, maxBytes, name), name), name);
}
/** Bytes of a `.json` file looked at to tell a saved profile from JSON Lines data. */
const SNIFF_BYTES = 64 * 1024;
/**
 * Whether a `.json` file is a saved profile rather than JSON Lines data (one record per line, which `.json` files
 * often hold): it is JSON Lines when its first line is a whole JSON object that is not a profile. A saved profile is
 * pretty-printed, so its first line alone does not parse; a one-line profile names its schema. A missing or
 * unreadable file counts as a profile, so reading it gives the usual one-line error.
 */
async function isSavedProfile(path) {
    let head;
    try {
        const file = await (0,promises_.open)(path);
        try {
            const buffer = Buffer.alloc(SNIFF_BYTES);
            const { bytesRead } = await file.read(buffer, 0, SNIFF_BYTES, 0);
            head = buffer.subarray(0, bytesRead).toString('utf8');
        }
        finally {
            await file.close();
        }
    }
    catch {
        return true;
    }
    const firstLine = head.trimStart().split('\n', 1)[0].trim();
    let record;
    try {
        record = JSON.parse(firstLine);
    }
    catch {
        return true;
    }
    if (typeof record !== 'object' || record === null || Array.isArray(record))
        return true;
    const schema = record.schema;
    return typeof schema === 'string' && schema.startsWith('mlgate/profile');
}

;// CONCATENATED MODULE: ./packages/core/src/profile/render-text.ts

const MAX_CELL = 24;
/**
 * A compact per-column table for a terminal: type, nulls, distinct values, range, mean, median
 * and the most frequent value. Column names and values come from the data, so control
 * characters are shown escaped and long cells are cut.
 */
function renderProfileText(profile) {
    const header = ['column', 'type', 'nulls', 'distinct', 'min', 'max', 'mean', 'median', 'top value'];
    const rows = profile.columns.map(render_text_row);
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
    const line = (cells) => cells
        .map((cell, i) => (i >= 2 && i <= 7 ? cell.padStart(widths[i]) : cell.padEnd(widths[i])))
        .join('  ')
        .trimEnd();
    const sources = profile.sources.map((s) => s.shard ? `${s.file} [shard ${s.shard.index}/${s.shard.count}]` : s.file);
    const issues = profile.sources.reduce((n, s) => n + s.issues.errors + s.issues.warnings, 0);
    return [
        `${format_formatCount(profile.rows)} rows, ${profile.columns.length} columns${sources.length ? ` from ${sources.map(render_text_clean).join(', ')}` : ''}` +
            (issues > 0 ? ` (${format_formatCount(issues)} data issues)` : ''),
        '',
        line(header),
        line(widths.map((w) => '-'.repeat(w))),
        ...rows.map(line),
        '',
    ].join('\n');
}
function render_text_row(column) {
    const summary = column.summary();
    const numeric = summary.numeric;
    const nulls = summary.nulls === 0 ? '0' : `${format_formatCount(summary.nulls)} (${format_formatPercent(summary.nullFraction)})`;
    let min = '-';
    let max = '-';
    if (numeric && (summary.type === 'integer' || summary.type === 'number')) {
        [min, max] = [format_formatNumber(numeric.min), format_formatNumber(numeric.max)];
    }
    else if (summary.datetime && summary.type === 'datetime') {
        [min, max] = [summary.datetime.min, summary.datetime.max];
    }
    else if (summary.length) {
        [min, max] = [`len ${summary.length.min}`, `len ${summary.length.max}`];
    }
    const top = summary.top[0];
    return [
        render_text_clean(column.name),
        summary.type,
        nulls,
        approximate(summary.distinct, summary.distinctBounds, format_formatCount),
        render_text_clean(min),
        render_text_clean(max),
        numeric ? format_formatNumber(numeric.mean) : '-',
        numeric ? approximate(numeric.quantiles.p50, numeric.quantileBounds?.p50, format_formatNumber) : '-',
        top ? `${render_text_clean(top.value)} (${format_formatCount(top.count)})` : '-',
    ];
}
/** An exact figure as it is; one the profile only bounds as `≈estimate (low–high)`. */
function approximate(value, bounds, format) {
    if (!bounds || bounds[0] === bounds[1])
        return format(value);
    return `≈${format(value)} (${format(bounds[0])}–${format(bounds[1])})`;
}
/** Escapes control characters and cuts long text, so data cannot move the cursor or break the table. */
function render_text_clean(text) {
    // eslint-disable-next-line no-control-regex -- escaping control characters is the point
    const escaped = text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => JSON.stringify(c).slice(1, -1));
    return escaped.length > MAX_CELL ? `${escaped.slice(0, MAX_CELL - 1)}…` : escaped;
}

;// CONCATENATED MODULE: ./packages/core/src/profile/join-shards.ts


/**
 * The profile of consecutive shards of one file, profiled separately (e.g. on worker threads), as
 * the single pass over their union would have recorded it: columns in order of first appearance
 * (a JSON Lines key missing from a shard counts as null there), one source entry for the whole
 * range, and `shard` naming the range as the caller asked for it (`null` for the whole file).
 * The parts are consumed: the result is built from their sketches.
 */
function joinShardProfiles(parts, shard) {
    const names = [];
    const seen = new Set();
    for (const part of parts) {
        for (const column of part.columns) {
            if (!seen.has(column.name))
                names.push(column.name);
            seen.add(column.name);
        }
    }
    const [first, ...rest] = parts.map((part) => withColumns(part, names));
    if (first === undefined)
        throw new RangeError('no shard profiles to join');
    for (const part of rest)
        first.merge(part);
    first.sources.splice(0, first.sources.length, joinSources(parts.flatMap((part) => part.sources), shard));
    return first;
}
function withColumns(part, names) {
    const columns = names.map((name) => {
        const column = part.column(name);
        if (column)
            return column;
        const missing = new ColumnProfile(name);
        missing.addMissing(part.rows);
        return missing;
    });
    return new Profile(part.rows, [...part.sources], columns);
}
function joinSources(sources, shard) {
    const first = sources[0];
    const last = sources[sources.length - 1];
    return {
        file: first.file,
        format: first.format,
        shard,
        bytes: { start: first.bytes.start, end: last.bytes.end, size: first.bytes.size },
        rows: sources.reduce((sum, s) => sum + s.rows, 0),
        issues: {
            errors: sources.reduce((sum, s) => sum + s.issues.errors, 0),
            warnings: sources.reduce((sum, s) => sum + s.issues.warnings, 0),
        },
    };
}

;// CONCATENATED MODULE: ./packages/core/src/profile/index.ts










;// CONCATENATED MODULE: ./packages/core/src/sketch/index.ts









;// CONCATENATED MODULE: ./packages/core/src/compare/flatten.ts

/**
 * Flattens a parsed document the way DVC does: nested mappings join their keys with `.`
 * (`{"train": {"auc": 0.9}}` → `train.auc`) and list items take their index (`a.0`). Dates become
 * their ISO text and integers too large for a double their exact decimal text, so nothing is rounded.
 * Two paths that flatten to the same key are an error rather than a silent overwrite.
 */
function flattenDocument(document, file) {
    if (!isMapping(document)) {
        throw new errors_UserError(`must hold a mapping of names to values, not ${describe(document)}`, { file });
    }
    const flat = new Map();
    const visit = (value, key) => {
        if (isMapping(value)) {
            for (const [child, inner] of Object.entries(value))
                visit(inner, key === '' ? child : `${key}.${child}`);
        }
        else if (Array.isArray(value)) {
            value.forEach((inner, index) => visit(inner, `${key}.${index}`));
        }
        else {
            if (flat.has(key))
                throw new errors_UserError(`key "${key}" appears twice once nested keys are joined with "."`, { file });
            flat.set(key, scalar(value));
        }
    };
    visit(document, '');
    return flat;
}
function scalar(value) {
    if (value === null || value === undefined)
        return null;
    if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean')
        return value;
    if (typeof value === 'bigint')
        return value.toString();
    if (value instanceof Date)
        return value.toISOString();
    return String(value);
}
function isMapping(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}
function describe(value) {
    if (value === null || value === undefined)
        return 'nothing';
    if (Array.isArray(value))
        return 'a list';
    return `a single ${typeof value}`;
}

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./node_modules/.pnpm/smol-toml@1.9.1/node_modules/smol-toml/dist/index.js + 8 modules
var smol_toml_dist = __webpack_require__(11041);
;// CONCATENATED MODULE: ./packages/core/src/compare/delimited.ts

/**
 * A metrics table in CSV/TSV, in either of the two shapes people write:
 * - a header row of names and one row of values (`auc,loss` / `0.91,0.32`), or
 * - two columns headed `metric,value` (also `name`/`key` for the first), one metric per row.
 * Cells are typed like a spreadsheet would: numbers (including `NaN`, `inf`, `-inf`), `true`/`false`,
 * an empty cell is null, anything else stays text.
 */
function parseDelimited(text, file, delimiter) {
    const rows = splitRows(text, file, delimiter).filter((row) => !(row.cells.length === 1 && row.cells[0] === ''));
    const [header, ...data] = rows;
    if (!header)
        throw new errors_UserError('is empty; expected a header row and a row of values', { file });
    if (isMetricValueHeader(header.cells))
        return fromPairs(data, file);
    if (data.length !== 1) {
        throw new errors_UserError(`has ${data.length} data rows; a metrics table holds one row of values under the header, or two columns "metric,value"`, { file, line: data[1]?.line ?? header.line });
    }
    const [values] = data;
    if (values.cells.length !== header.cells.length) {
        throw new errors_UserError(`has ${values.cells.length} values for ${header.cells.length} header names`, {
            file,
            line: values.line,
        });
    }
    const flat = new Map();
    header.cells.forEach((name, index) => addUnique(flat, name, typed(values.cells[index] ?? ''), file, header.line));
    return flat;
}
function isMetricValueHeader(cells) {
    const [first, second] = cells.map((cell) => cell.trim().toLowerCase());
    return cells.length === 2 && ['metric', 'name', 'key'].includes(first ?? '') && second === 'value';
}
function fromPairs(rows, file) {
    const flat = new Map();
    for (const { cells, line } of rows) {
        if (cells.length !== 2)
            throw new errors_UserError(`has ${cells.length} cells; expected "metric,value"`, { file, line });
        addUnique(flat, cells[0] ?? '', typed(cells[1] ?? ''), file, line);
    }
    return flat;
}
function addUnique(flat, rawName, value, file, line) {
    const name = rawName.trim();
    if (name === '')
        throw new errors_UserError('has an empty metric name', { file, line });
    if (flat.has(name))
        throw new errors_UserError(`names "${name}" twice`, { file, line });
    flat.set(name, value);
}
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const NON_FINITE = new Map([
    ['nan', Number.NaN],
    ['inf', Number.POSITIVE_INFINITY],
    ['+inf', Number.POSITIVE_INFINITY],
    ['infinity', Number.POSITIVE_INFINITY],
    ['+infinity', Number.POSITIVE_INFINITY],
    ['-inf', Number.NEGATIVE_INFINITY],
    ['-infinity', Number.NEGATIVE_INFINITY],
]);
function typed(cell) {
    const text = cell.trim();
    if (text === '')
        return null;
    if (NUMBER.test(text))
        return Number(text);
    const lower = text.toLowerCase();
    const nonFinite = NON_FINITE.get(lower);
    if (nonFinite !== undefined)
        return nonFinite;
    if (lower === 'true' || lower === 'false')
        return lower === 'true';
    return cell;
}
/** RFC 4180 rows: quoted cells may hold delimiters, newlines and doubled quotes. */
function splitRows(text, file, delimiter) {
    const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
    const rows = [];
    let cells = [];
    let cell = '';
    let line = 1;
    let rowLine = 1;
    let quoted = false;
    let quoteLine = 0;
    for (let i = 0; i < source.length; i++) {
        const c = source[i];
        if (quoted) {
            if (c === '"' && source[i + 1] === '"') {
                cell += '"';
                i++;
            }
            else if (c === '"')
                quoted = false;
            else {
                if (c === '\n')
                    line++;
                cell += c;
            }
        }
        else if (c === '"' && cell === '') {
            quoted = true;
            quoteLine = line;
        }
        else if (c === delimiter) {
            cells.push(cell);
            cell = '';
        }
        else if (c === '\n' || c === '\r') {
            if (c === '\r' && source[i + 1] === '\n')
                i++;
            cells.push(cell);
            rows.push({ cells, line: rowLine });
            cells = [];
            cell = '';
            rowLine = ++line;
        }
        else
            cell += c;
    }
    if (quoted)
        throw new errors_UserError('has a quoted cell that is never closed', { file, line: quoteLine });
    if (cell !== '' || cells.length > 0) {
        cells.push(cell);
        rows.push({ cells, line: rowLine });
    }
    return rows;
}

;// CONCATENATED MODULE: ./packages/core/src/compare/json-nonfinite.ts

/**
 * Python's `json.dump` (what most training scripts use) writes NaN and infinities as the bare
 * words `NaN`, `Infinity` and `-Infinity`, which strict JSON rejects. A metric that came out NaN
 * must reach the gate as NaN so that it fails closed, so those words are accepted here.
 *
 * Each word is swapped for a string of the same length made of lone surrogates: that keeps every
 * offset (so syntax errors still point at the right line and column) and cannot collide with real
 * text, which is decoded from UTF-8 and therefore never holds a lone surrogate.
 */
function parseJsonAllowingNonFinite(text, file) {
    return restore(parseJson(markNonFinite(text), file));
}
const MARK = '\uD800';
const WORDS = [
    ['-Infinity', Number.NEGATIVE_INFINITY],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['NaN', Number.NaN],
];
const BY_MARK = new Map(WORDS.map(([word, value]) => [MARK.repeat(word.length - 2), value]));
function markNonFinite(text) {
    let out = '';
    let copied = 0;
    for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (c === '"') {
            i = endOfString(text, i);
            continue;
        }
        if (c !== '-' && c !== 'I' && c !== 'N')
            continue;
        const word = WORDS.find(([candidate]) => text.startsWith(candidate, i))?.[0];
        if (word === undefined)
            continue;
        out += `${text.slice(copied, i)}"${MARK.repeat(word.length - 2)}"`;
        i += word.length - 1;
        copied = i + 1;
    }
    return copied === 0 ? text : out + text.slice(copied);
}
/** Index of the closing quote of the string opening at `start` (or the last index when unterminated). */
function endOfString(text, start) {
    for (let i = start + 1; i < text.length; i++) {
        if (text[i] === '\\')
            i++;
        else if (text[i] === '"')
            return i;
    }
    return text.length - 1;
}
function restore(value) {
    if (typeof value === 'string')
        return BY_MARK.get(value) ?? value;
    if (Array.isArray(value))
        return value.map(restore);
    if (typeof value === 'object' && value !== null) {
        return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, restore(inner)]));
    }
    return value;
}

;// CONCATENATED MODULE: ./packages/core/src/compare/metrics-file.ts







const FORMAT_BY_EXTENSION = {
    '.json': 'json',
    '.yaml': 'yaml',
    '.yml': 'yaml',
    '.toml': 'toml',
    '.csv': 'csv',
    '.tsv': 'tsv',
};
/** The format a metrics or params file is written in, from its extension. */
function metricsFormat(file) {
    const extension = (0,external_node_path_.extname)(file).toLowerCase();
    const format = Object.hasOwn(FORMAT_BY_EXTENSION, extension) ? FORMAT_BY_EXTENSION[extension] : undefined;
    if (format === undefined) {
        throw new errors_UserError(`has ${extension ? `the extension "${extension}"` : 'no extension'}; metrics and params files must be .json, .yaml, .yml, .toml, .csv or .tsv`, { file });
    }
    return format;
}
/**
 * The text of a metrics or params file as flat `dotted.key → value` pairs (DVC's convention).
 * NaN and infinities are kept (YAML `.nan`/`.inf`, TOML `nan`/`inf`, Python-style JSON `NaN`/`Infinity`,
 * CSV `nan`/`inf`) so the gate can fail closed on them. Syntax errors are `UserError`s at
 * `file:line:column` when the parser says where.
 */
function parseMetricsText(text, file, format = metricsFormat(file)) {
    switch (format) {
        case 'json':
            return flattenDocument(parseJsonAllowingNonFinite(text, file), file);
        case 'yaml':
            return flattenDocument(parseYamlDocument(text, file), file);
        case 'toml':
            return flattenDocument(parseTomlDocument(text, file), file);
        case 'csv':
            return parseDelimited(text, file, ',');
        case 'tsv':
            return parseDelimited(text, file, '\t');
    }
}
/** Aliases expand to at most this many nodes: a "billion laughs" file is an error, not an out-of-memory. */
const metrics_file_MAX_ALIAS_COUNT = 100;
function parseYamlDocument(text, file) {
    const doc = (0,dist/* parseDocument */.Tp)(text, { prettyErrors: true, uniqueKeys: true, logLevel: 'error' });
    const [error] = doc.errors;
    if (error) {
        const at = error.linePos?.[0];
        throw new errors_UserError(`invalid YAML: ${metrics_file_firstLine(error.message)}`, {
            file,
            ...(at ? { line: at.line, column: at.col } : {}),
        });
    }
    try {
        return doc.toJS({ maxAliasCount: metrics_file_MAX_ALIAS_COUNT });
    }
    catch (cause) {
        throw new errors_UserError(`cannot be read: ${cause instanceof Error ? cause.message : String(cause)}`, { file });
    }
}
function parseTomlDocument(text, file) {
    try {
        return (0,smol_toml_dist/* parse */.qg)(text, { integersAsBigInt: 'asNeeded' });
    }
    catch (error) {
        if (!(error instanceof smol_toml_dist/* TomlError */.zx))
            throw error;
        const reason = metrics_file_firstLine(error.message).replace(/^Invalid TOML document:\s*/, '');
        throw new errors_UserError(`invalid TOML: ${reason}`, { file, line: error.line, column: error.column });
    }
}
function metrics_file_firstLine(message) {
    return message.split('\n', 1)[0] ?? message;
}

;// CONCATENATED MODULE: ./packages/core/src/compare/read-metrics-file.ts


/** Metrics and params files are small; anything larger is a mistake or an attack. */
const MAX_METRICS_FILE_BYTES = 8 * 1024 * 1024;
/** Reads a metrics or params file (format from its extension) as flat `dotted.key → value` pairs. */
async function readMetricsFile(path) {
    const format = metricsFormat(path);
    return parseMetricsText(await readTextFile(path, MAX_METRICS_FILE_BYTES), path, format);
}

;// CONCATENATED MODULE: ./packages/core/src/compare/direction.ts
/**
 * Words that mark a metric whose smaller values are better. A name is read by its last `.` segment
 * (`eval.val_loss` → `val_loss`), lower-cased and split into words on `_`, `-` and spaces.
 */
const LOWER_IS_BETTER = new Set([
    'loss',
    'logloss',
    'error',
    'err',
    'mse',
    'rmse',
    'mae',
    'mape',
    'smape',
    'msle',
    'rmsle',
    'brier',
    'perplexity',
    'ece',
    'fpr',
    'fnr',
    'wer',
    'cer',
    'latency',
    'time',
    'duration',
    'seconds',
    'ms',
]);
/** Words that mark a score whose larger values are better. */
const HIGHER_IS_BETTER = new Set([
    'accuracy',
    'acc',
    'auc',
    'roc',
    'auroc',
    'auprc',
    'ap',
    'map',
    'precision',
    'recall',
    'f1',
    'f2',
    'fbeta',
    'fscore',
    'sensitivity',
    'specificity',
    'tpr',
    'tnr',
    'ppv',
    'npv',
    'r2',
    'ndcg',
    'mrr',
    'iou',
    'miou',
    'dice',
    'bleu',
    'rouge',
    'meteor',
    'kappa',
    'mcc',
    'gini',
    'lift',
    'gain',
    'coverage',
    'hitrate',
    'hits',
    'top1',
    'top5',
    'score',
    'balanced',
    'throughput',
]);
/**
 * Rules, first match wins:
 * 1. `gate.metrics.<name>.direction` in the config (see {@link findRule} for how names match);
 * 2. a first word `neg` means higher is better: scikit-learn negates losses for its scorers
 *    (`neg_mean_squared_error`, `neg_log_loss`);
 * 3. any word in {@link LOWER_IS_BETTER} means lower is better (`loss`, `val_loss`, `rmse`,
 *    `mean_absolute_error`, `latency_ms`, `train_time`, `log_loss`, `brier_score`);
 * 4. any word in {@link HIGHER_IS_BETTER} means higher is better (accuracy, roc_auc, pr_auc,
 *    average_precision, f1_macro, recall, r2, ndcg, …);
 * 5. otherwise mlgate does not know (`n_rows`, `epochs`, `threshold`): the direction is `unknown`
 *    and a change reads `changed`, neither better nor worse, until the config sets `direction`.
 */
function metricDirection(name, rules = {}) {
    const configured = findRule(name, rules)?.direction;
    if (configured)
        return configured;
    const words = lastSegment(name)
        .toLowerCase()
        .split(/[_\s-]+/);
    if (words[0] === 'neg')
        return 'higher';
    if (words.some((word) => LOWER_IS_BETTER.has(word)))
        return 'lower';
    return words.some((word) => HIGHER_IS_BETTER.has(word)) ? 'higher' : 'unknown';
}
/**
 * The config rule for a metric key: the rule named exactly like the key, else the rule whose name
 * is the key's longest dotted suffix (`gate.metrics.auc` applies to `test.auc`), so rules can name
 * a metric without the file's nesting.
 */
function findRule(key, rules) {
    if (Object.hasOwn(rules, key))
        return rules[key];
    const segments = key.split('.');
    for (let start = 1; start < segments.length; start++) {
        const suffix = segments.slice(start).join('.');
        if (Object.hasOwn(rules, suffix))
            return rules[suffix];
    }
    return undefined;
}
function lastSegment(name) {
    return name.slice(name.lastIndexOf('.') + 1);
}

;// CONCATENATED MODULE: ./packages/core/src/significance/label-change.ts
/**
 * 'unchanged' when the delta and its interval are exactly 0 (identical predictions); 'improved' or
 * 'regressed' when the interval excludes the region [−minEffect, minEffect] on the good or bad
 * side ('changed' on either side when the direction is unknown); 'within-noise' otherwise (also when
 * the interval is undefined).
 */
function labelChange({ delta, ci, direction, minEffect = 0 }) {
    if (!(minEffect >= 0))
        throw new RangeError(`minEffect must be a non-negative number, got ${minEffect}`);
    const [lo, hi] = ci;
    if (delta === 0 && lo === 0 && hi === 0)
        return 'unchanged';
    if (Number.isNaN(lo) || Number.isNaN(hi))
        return 'within-noise';
    if (direction === 'unknown')
        return lo > minEffect || hi < -minEffect ? 'changed' : 'within-noise';
    const sign = direction === 'higher' ? 1 : -1;
    const goodLow = Math.min(sign * lo, sign * hi);
    const goodHigh = Math.max(sign * lo, sign * hi);
    if (goodLow > minEffect)
        return 'improved';
    if (goodHigh < -minEffect)
        return 'regressed';
    return 'within-noise';
}

;// CONCATENATED MODULE: ./packages/core/src/compare/diff.ts


/**
 * Compares two flat metrics files key by key. Only numeric values are metrics: a key that is not a
 * number on either side (a model name, a flag) is left out, and a side whose value is not a number
 * counts as absent. `baseline` is null on the first run, when every metric is `new`.
 *
 * Labels: `new`/`removed` when one side is absent; with an interval, `labelChange` decides
 * improved / regressed / within-noise / unchanged (any change the interval excludes zero for counts);
 * without one, the point estimate does. A non-finite candidate (NaN, ±∞) is `regressed` and a
 * non-finite baseline with a finite candidate `improved`; both non-finite (∞ vs ∞) is `undefined`;
 * their delta and relative change are null. A metric whose direction is unknown reads `changed`.
 */
function diffMetrics(baseline, candidate, { rules = {}, intervals } = {}) {
    const keys = [...new Set([...candidate.keys(), ...(baseline?.keys() ?? [])])];
    const comparisons = [];
    for (const name of keys) {
        const before = numeric(baseline?.get(name));
        const after = numeric(candidate.get(name));
        if (before === null && after === null)
            continue;
        const interval = intervals?.get(name);
        comparisons.push(compareMetric(name, metricDirection(name, rules), before, after, interval));
    }
    return comparisons;
}
/** One metric's comparison; exported for callers that compute metrics themselves (e.g. per slice). */
function compareMetric(name, direction, baseline, candidate, interval) {
    const bothFinite = baseline !== null && candidate !== null && Number.isFinite(baseline) && Number.isFinite(candidate);
    const delta = bothFinite ? candidate - baseline : null;
    const relative = delta !== null && baseline !== 0 ? delta / Math.abs(baseline) : null;
    return {
        name,
        direction,
        baseline,
        candidate,
        delta,
        relative,
        ...(interval && delta !== null ? { ci: { low: interval.low, high: interval.high, method: interval.method } } : {}),
        ...(interval?.pValue !== undefined && delta !== null ? { pValue: interval.pValue } : {}),
        label: diff_label(direction, baseline, candidate, delta, interval),
        ...(bothNonFinite(baseline, candidate) && {
            note: `both values are not finite numbers (baseline ${baseline}, candidate ${candidate})`,
        }),
    };
}
function bothNonFinite(baseline, candidate) {
    return baseline !== null && candidate !== null && !Number.isFinite(baseline) && !Number.isFinite(candidate);
}
function diff_label(direction, baseline, candidate, delta, interval) {
    if (baseline === null)
        return 'new';
    if (candidate === null)
        return 'removed';
    if (bothNonFinite(baseline, candidate))
        return 'undefined';
    if (!Number.isFinite(candidate))
        return direction === 'unknown' ? 'changed' : 'regressed';
    if (delta === null)
        return direction === 'unknown' ? 'changed' : 'improved';
    if (interval)
        return labelChange({ delta, ci: [interval.low, interval.high], direction });
    if (delta === 0)
        return 'unchanged';
    if (direction === 'unknown')
        return 'changed';
    return (direction === 'higher') === delta > 0 ? 'improved' : 'regressed';
}
function numeric(value) {
    return typeof value === 'number' ? value : null;
}
/**
 * Parameters that differ between the two runs: changed, added (baseline `null`) and removed
 * (candidate `null`), in candidate order then removed ones; equal values are left out. With no
 * baseline (first run) every parameter is added.
 */
function diffParams(baseline, candidate) {
    const changes = [];
    for (const [name, value] of candidate) {
        const before = baseline?.has(name) ? baseline.get(name) : undefined;
        if (before !== undefined && sameSetting(before, value))
            continue;
        changes.push({ name, baseline: before ?? null, candidate: value });
    }
    for (const [name, value] of baseline ?? []) {
        if (!candidate.has(name))
            changes.push({ name, baseline: value, candidate: null });
    }
    return changes;
}
/** NaN equals NaN here: it is the same setting written twice. */
function sameSetting(a, b) {
    return a === b || (typeof a === 'number' && typeof b === 'number' && Number.isNaN(a) && Number.isNaN(b));
}

;// CONCATENATED MODULE: ./packages/core/src/compare/predictions-builder.ts
/** Typed-array columns that grow while a file is read, so rows never become objects. */
class ColumnBuilder {
    make;
    data;
    length = 0;
    constructor(make) {
        this.make = make;
        this.data = make(1024);
    }
    push(value) {
        if (this.length === this.data.length) {
            const grown = this.make(this.data.length * 2);
            grown.set(this.data);
            this.data = grown;
        }
        this.data[this.length++] = value;
    }
    /** The values pushed, in a typed array of exactly that length. */
    finish() {
        return this.data.slice(0, this.length);
    }
}
const float64Builder = () => new ColumnBuilder((n) => new Float64Array(n));
const int32Builder = () => new ColumnBuilder((n) => new Int32Array(n));
/** Dictionary encoding of text values: each distinct text gets the next code. */
class TextDictionary {
    values = [];
    codes = new Map();
    code(text) {
        let code = this.codes.get(text);
        if (code === undefined) {
            code = this.values.length;
            this.codes.set(text, code);
            this.values.push(text);
        }
        return code;
    }
}

;// CONCATENATED MODULE: ./packages/core/src/compare/predictions-columns.ts

const DEFAULT_CLASS_SCORE_PREFIX = 'score_';
/**
 * Names tried, in order, when a role is not named explicitly: the plain name first, then what
 * scikit-learn users and common exports call it (`y_true`, `y_pred`, `y_score`, `proba`).
 */
const DEFAULT_COLUMN_NAMES = {
    id: ['id', 'example_id', 'row_id'],
    label: ['label', 'y_true', 'target', 'actual'],
    prediction: ['prediction', 'y_pred', 'pred', 'predicted'],
    score: ['score', 'y_score', 'proba', 'probability', 'y_prob'],
};
/** Finds each role's column among `columns`: the explicit name, else the first default name present. */
function locateColumns(columns, names) {
    const find = (role) => {
        const explicit = names[role];
        if (explicit !== undefined)
            return columns.indexOf(explicit);
        for (const candidate of DEFAULT_COLUMN_NAMES[role]) {
            const at = columns.indexOf(candidate);
            if (at >= 0)
                return at;
        }
        return -1;
    };
    return {
        id: find('id'),
        label: find('label'),
        prediction: find('prediction'),
        score: find('score'),
        slices: (names.slices ?? []).map((name) => columns.indexOf(name)),
    };
}
/** The name a role goes by in messages: the explicit one, else the default names tried. */
function describeRole(role, names) {
    const explicit = names[role];
    return explicit !== undefined ? `'${explicit}'` : DEFAULT_COLUMN_NAMES[role].map((n) => `'${n}'`).join(' / ');
}
/** Fails when a required column (or an explicitly named optional one) never appeared in the file. */
function checkColumnsFound(file, seen, found, names, classScores = 0) {
    const available = [...seen].slice(0, 20).join(', ') || 'none';
    const missing = (role, why) => new errors_UserError(`predictions: no ${role} column ${describeRole(role, names)} (${why}); columns: ${available}`, {
        file,
    });
    if (found.id === undefined)
        throw missing('id', 'needed to pair examples');
    if (found.label === undefined)
        throw missing('label', 'the true label of each example');
    for (const role of ['prediction', 'score']) {
        if (names[role] !== undefined && found[role] === undefined)
            throw missing(role, 'named in the options');
    }
    if (found.prediction === undefined && found.score === undefined && classScores === 0) {
        const prefix = names.classScores ?? DEFAULT_CLASS_SCORE_PREFIX;
        throw new errors_UserError(`predictions: need a prediction column (${describeRole('prediction', names)}), a score column (${describeRole('score', names)}) or per-class score columns ('${prefix}<class>'); columns: ${available}`, { file });
    }
    for (const slice of names.slices ?? []) {
        if (!seen.has(slice)) {
            throw new errors_UserError(`predictions: no slice column '${slice}'; columns: ${available}`, { file });
        }
    }
}

;// CONCATENATED MODULE: ./packages/core/src/compare/predictions.ts





/** What a null slice field is grouped under. */
const MISSING_SLICE_VALUE = '(missing)';
const MAX_SHOWN_VALUE = 40;
/**
 * Reads a predictions file (CSV, TSV, JSON Lines; whatever `openReader` routes) into typed
 * columns. Column names default to `DEFAULT_COLUMN_NAMES`. The first bad row fails the read with
 * its file and line: a missing id or label, a duplicate id, a score that is not a number in
 * a finite number, a missing prediction or score where the file has that column, or a row the reader
 * had to drop (ragged CSV, invalid JSON).
 */
async function readPredictions(path, names = {}) {
    const { reader, source } = await openReader(path);
    const table = new PredictionTable(path, names);
    for await (const batch of reader.batches(source))
        table.add(batch);
    const [issue] = reader.issues.issues.filter((i) => i.severity === 'error');
    if (issue) {
        throw new errors_UserError(`predictions: ${issue.message}`, { file: path, line: issue.line, column: issue.column });
    }
    // Before the columns are checked: a file without rows has no columns to find (a header alone gives none).
    if (table.rows === 0) {
        const what = reader.columns.length > 0 ? `only a header (${reader.columns.slice(0, 20).join(', ')})` : 'nothing';
        throw new errors_UserError(`predictions: no data rows: the file holds ${what}`, { file: path });
    }
    return table.finish();
}
class ValueColumnBuilder {
    numbers = float64Builder();
    textCodes = int32Builder();
    texts = new TextDictionary();
    push(batch, row, col) {
        const value = (batch.flag(row, col) & FieldFlag.BOOLEAN) === 0 ? batch.number(row, col) : NaN;
        if (Number.isFinite(value)) {
            this.numbers.push(value);
            this.textCodes.push(-1);
        }
        else {
            this.numbers.push(NaN);
            this.textCodes.push(this.texts.code(batch.string(row, col)));
        }
    }
    finish() {
        return { numbers: this.numbers.finish(), textCodes: this.textCodes.finish(), texts: this.texts.values };
    }
}
class SliceColumnBuilder {
    codes = int32Builder();
    values = new TextDictionary();
    push(batch, row, col) {
        const value = col < 0 || batch.isNull(row, col) ? MISSING_SLICE_VALUE : batch.string(row, col);
        this.codes.push(this.values.code(value));
    }
    finish() {
        return { codes: this.codes.finish(), values: this.values.values };
    }
}
/** Rows as they are read: validated one by one, stored column-wise. */
class PredictionTable {
    file;
    names;
    ids = [];
    rowOfId = new Map();
    lines = int32Builder();
    label = new ValueColumnBuilder();
    prediction = new ValueColumnBuilder();
    score = float64Builder();
    slices;
    classScores = new Map();
    classScorePrefix;
    seen = new Set();
    used = {};
    /** First line of a row without the optional column, while the column has not been seen yet. */
    firstLineWithout = {};
    constructor(file, names) {
        this.file = file;
        this.names = names;
        this.slices = (names.slices ?? []).map(() => new SliceColumnBuilder());
        this.classScorePrefix = names.classScores ?? DEFAULT_CLASS_SCORE_PREFIX;
    }
    /** Rows read so far. */
    get rows() {
        return this.ids.length;
    }
    add(batch) {
        for (const column of batch.columns)
            this.seen.add(column);
        const at = locateColumns(batch.columns, this.names);
        this.noteUsed(batch, at);
        // Without an id or label column no row can be read: say which column, not which row.
        if (batch.rowCount > 0 && (at.id < 0 || at.label < 0))
            checkColumnsFound(this.file, this.seen, this.used, this.names);
        const classScores = this.classScoreColumns(batch, at);
        for (let r = 0; r < batch.rowCount; r++) {
            this.addRow(batch, r, at);
            for (const [builder, col] of classScores)
                builder.push(col < 0 ? NaN : numberAt(batch, r, col));
        }
    }
    /**
     * The builder and batch position of every per-class score column. A column first seen in a
     * later batch (JSON Lines adds keys as it goes) is NaN for the rows before it.
     */
    classScoreColumns(batch, at) {
        const taken = new Set([at.id, at.label, at.prediction, at.score, ...at.slices]);
        batch.columns.forEach((name, col) => {
            if (taken.has(col) || !name.startsWith(this.classScorePrefix) || name === this.classScorePrefix)
                return;
            const className = name.slice(this.classScorePrefix.length);
            if (this.classScores.has(className))
                return;
            const builder = float64Builder();
            for (let k = 0; k < this.ids.length; k++)
                builder.push(NaN);
            this.classScores.set(className, builder);
        });
        return [...this.classScores].map(([className, builder]) => [
            builder,
            batch.columns.indexOf(this.classScorePrefix + className),
        ]);
    }
    noteUsed(batch, at) {
        for (const role of ['id', 'label', 'prediction', 'score']) {
            if (at[role] >= 0)
                this.used[role] ??= batch.columns[at[role]];
        }
    }
    addRow(batch, r, at) {
        const line = batch.line(r);
        if (at.id < 0 || batch.isNull(r, at.id))
            throw this.bad(line, 'id', 'is missing');
        const id = batch.string(r, at.id);
        const first = this.rowOfId.get(id);
        if (first !== undefined) {
            throw this.bad(line, 'id', `${shown(id)} is a duplicate (first at line ${this.lines.finish()[first]})`);
        }
        this.rowOfId.set(id, this.ids.length);
        this.ids.push(id);
        this.lines.push(line);
        if (at.label < 0 || batch.isNull(r, at.label))
            throw this.bad(line, 'label', 'is missing');
        this.label.push(batch, r, at.label);
        if (this.present(batch, r, at, 'prediction', line))
            this.prediction.push(batch, r, at.prediction);
        if (this.present(batch, r, at, 'score', line))
            this.score.push(this.scoreAt(batch, r, at.score, line));
        this.slices.forEach((slice, s) => slice.push(batch, r, at.slices[s]));
    }
    /**
     * Whether the row has the optional column. Once a file has the column, every row must fill it;
     * a row read before the column first appeared (JSON Lines adds keys as it goes) fails too.
     */
    present(batch, r, at, role, line) {
        const col = at[role];
        if (col < 0 || batch.isNull(r, col)) {
            if (this.used[role] !== undefined)
                throw this.bad(line, role, 'is missing');
            this.firstLineWithout[role] ??= line;
            return false;
        }
        const without = this.firstLineWithout[role];
        if (without !== undefined)
            throw this.bad(without, role, 'is missing');
        return true;
    }
    scoreAt(batch, r, col, line) {
        const value = numberAt(batch, r, col);
        if (Number.isNaN(value))
            throw this.bad(line, 'score', `${shown(batch.string(r, col))} is not a number`);
        if (!Number.isFinite(value))
            throw this.bad(line, 'score', `${value} is not a finite number`);
        return value;
    }
    bad(line, role, problem) {
        const column = this.used[role] ?? this.names[role] ?? role;
        return new errors_UserError(`predictions: ${role} (column '${column}') ${problem}`, { file: this.file, line });
    }
    finish() {
        const found = this.used;
        checkColumnsFound(this.file, this.seen, found, this.names, this.classScores.size);
        const rows = this.ids.length;
        const predictions = {
            file: this.file,
            rows,
            ids: this.ids,
            lines: this.lines.finish(),
            label: this.label.finish(),
            classScores: new Map([...this.classScores].map(([className, builder]) => [className, builder.finish()])),
            slices: new Map((this.names.slices ?? []).map((name, s) => [name, this.slices[s].finish()])),
            columns: { id: found.id, label: found.label },
        };
        if (found.prediction !== undefined) {
            predictions.prediction = this.prediction.finish();
            predictions.columns.prediction = found.prediction;
        }
        if (found.score !== undefined) {
            predictions.score = this.score.finish();
            predictions.columns.score = found.score;
        }
        return predictions;
    }
}
/** A field's number; NaN for a boolean, a null or text that is not a number. */
function numberAt(batch, r, col) {
    if (batch.isNull(r, col) || (batch.flag(r, col) & FieldFlag.BOOLEAN) !== 0)
        return NaN;
    return batch.number(r, col);
}
function shown(value) {
    const cut = value.length > MAX_SHOWN_VALUE ? `${value.slice(0, MAX_SHOWN_VALUE)}…` : value;
    return JSON.stringify(cut);
}

;// CONCATENATED MODULE: ./packages/core/src/compare/predictions-join.ts

/** How many ids found on one side only are named in the summary. */
const JOIN_EXAMPLES = 5;
/**
 * Inner join of two predictions files on id. Ids on one side only are counted (with a few
 * examples) rather than failing: a changed evaluation set is worth reporting, not fatal. The same
 * id with different labels is fatal: the files disagree about the ground truth, so no comparison
 * of the two models on them means anything.
 */
function joinPredictions(candidate, baseline) {
    const baselineRow = new Map();
    baseline.ids.forEach((id, row) => baselineRow.set(id, row));
    const candidateRows = new Int32Array(candidate.rows);
    const baselineRows = new Int32Array(candidate.rows);
    const matchedInBaseline = new Uint8Array(baseline.rows);
    const onlyCandidate = { count: 0, examples: [] };
    let matched = 0;
    for (let row = 0; row < candidate.rows; row++) {
        const id = candidate.ids[row];
        const other = baselineRow.get(id);
        if (other === undefined) {
            noteUnmatched(onlyCandidate, id);
            continue;
        }
        if (!sameValue(candidate.label, row, baseline.label, other))
            throw labelConflict(candidate, row, baseline, other);
        matchedInBaseline[other] = 1;
        candidateRows[matched] = row;
        baselineRows[matched] = other;
        matched++;
    }
    const onlyBaseline = { count: 0, examples: [] };
    for (let row = 0; row < baseline.rows; row++) {
        if (matchedInBaseline[row] === 0)
            noteUnmatched(onlyBaseline, baseline.ids[row]);
    }
    return {
        candidate: candidateRows.slice(0, matched),
        baseline: baselineRows.slice(0, matched),
        summary: { candidateRows: candidate.rows, baselineRows: baseline.rows, matched, onlyCandidate, onlyBaseline },
    };
}
/**
 * The labels (ground-truth values, as the files wrote them) that only one of the two files holds:
 * a class that appears or disappears is worth naming, as the metrics compare only the shared ids.
 */
function labelSetDifference(candidate, baseline) {
    const labels = (p) => new Set(Array.from({ length: p.rows }, (_, row) => valueText(p.label, row)));
    const mine = labels(candidate);
    const theirs = labels(baseline);
    const only = (a, b) => [...a].filter((label) => !b.has(label)).sort();
    return { onlyCandidate: only(mine, theirs), onlyBaseline: only(theirs, mine) };
}
/** Every row of a file matched with itself: the candidate-only (first run) case. */
function allRows(predictions) {
    return Int32Array.from({ length: predictions.rows }, (_, row) => row);
}
function noteUnmatched(unmatched, id) {
    unmatched.count++;
    if (unmatched.examples.length < JOIN_EXAMPLES)
        unmatched.examples.push(id);
}
function sameValue(a, i, b, j) {
    const codeA = a.textCodes[i];
    const codeB = b.textCodes[j];
    if (codeA < 0 || codeB < 0)
        return codeA === codeB && a.numbers[i] === b.numbers[j];
    return a.texts[codeA] === b.texts[codeB];
}
/** The value as the file wrote it (numbers in JavaScript's shortest form). */
function valueText(column, row) {
    const code = column.textCodes[row];
    return code < 0 ? String(column.numbers[row]) : column.texts[code];
}
function labelConflict(candidate, row, baseline, other) {
    const id = JSON.stringify(candidate.ids[row]);
    const here = JSON.stringify(valueText(candidate.label, row));
    const there = JSON.stringify(valueText(baseline.label, other));
    return new errors_UserError(`predictions: id ${id} has label ${here} here but ${there} in ${baseline.file}:${baseline.lines[other]}; the candidate and baseline files disagree about the ground truth`, { file: candidate.file, line: candidate.lines[row] });
}

;// CONCATENATED MODULE: ./packages/core/src/compare/predictions-task.ts

/** Integer labels with more distinct values than this are read as a regression target. */
const MAX_DETECTED_CLASSES = 20;
/**
 * The pairs whose positive class needs no configuration: the label set (any case) is within one
 * of them, and the second member is the positive class. Anything else must be named.
 */
const CONVENTIONAL_PAIRS = [
    ['0', '1'],
    ['-1', '1'],
    ['false', 'true'],
    ['no', 'yes'],
    ['negative', 'positive'],
    ['neg', 'pos'],
];
/** The distinct class names of the columns: numbers as `String(n)` (1 and 1.0 are `1`), texts as written. */
function classNames(columns) {
    const numbers = new Set();
    const texts = new Set();
    for (const column of columns) {
        for (let i = 0; i < column.numbers.length; i++) {
            if (column.textCodes[i] < 0)
                numbers.add(column.numbers[i]);
        }
        for (const text of column.texts)
            texts.add(text);
    }
    return { numbers: [...numbers].sort((a, b) => a - b), texts: [...texts].sort() };
}
/** An index from class name to id: numbers by `String(n)`, texts by `key(text)`. */
function classIndexOfNames(names, key = (text) => text) {
    const byName = new Map(names.map((name, id) => [name, id]));
    return {
        names,
        ids(column, rows) {
            const textIds = Int32Array.from(column.texts, (t) => byName.get(key(t)) ?? -1);
            const out = new Int32Array(rows.length);
            for (let k = 0; k < rows.length; k++) {
                const row = rows[k];
                const code = column.textCodes[row];
                out[k] = code < 0 ? (byName.get(String(column.numbers[row])) ?? -1) : textIds[code];
            }
            return out;
        },
    };
}
/** Multiclass (and any non-binary use): numeric classes by value, then text classes by code unit. */
function classIndex(columns) {
    const { numbers, texts } = classNames(columns);
    return classIndexOfNames([...numbers.map(String), ...texts]);
}
/**
 * The class ids of a binary task: the positive class at id 1. A configured positive class is
 * matched to the labels (`1` matches the label 1 or "1"; `true` any case of "true"); unconfigured,
 * the labels must be within one of the conventional pairs (0/1, −1/1, false/true, no/yes,
 * negative/positive), else the positive class is asked for: guessing it (alphabetically, say) can
 * turn the best model into the worst.
 */
function binaryClassIndex(columns, configured, where) {
    const { numbers, texts } = classNames(columns);
    const named = [...numbers.map(String), ...texts];
    if (configured !== undefined) {
        const wanted = String(configured);
        // `true` or `--positive-class yes` also name the label `True` / `Yes`, when no label is spelled exactly so.
        const caseless = !named.includes(wanted);
        const canonical = (name) => (caseless ? name.toLowerCase() : name);
        const match = (name) => canonical(name) === canonical(wanted);
        const positive = named.find(match) ?? wanted;
        const others = [...new Set(named.filter((name) => !match(name)).map(canonical))];
        if (others.length > 1) {
            const shown = named
                .slice(0, 6)
                .map((n) => JSON.stringify(n))
                .join(', ');
            const problem = named.some(match)
                ? `a binary model has two classes, but the labels are ${shown}`
                : `positive class ${JSON.stringify(configured)} is not one of the labels (${shown})`;
            throw new errors_UserError(`predictions: ${problem}`, where.file === undefined ? {} : { file: where.file });
        }
        const negative = named.find((name) => !match(name)) ?? `not ${positive}`;
        const key = caseless ? (text) => (match(text) ? positive : negative) : undefined;
        return { index: classIndexOfNames([negative, positive], key), positive: { name: positive, source: 'configured' } };
    }
    const lower = [...new Set(named.map((name) => name.toLowerCase()))];
    const pair = CONVENTIONAL_PAIRS.find((candidate) => lower.every((name) => candidate.includes(name)));
    if (!pair) {
        const shown = named.map((name) => JSON.stringify(name)).join(' and ');
        const example = JSON.stringify(named[named.length - 1] ?? 'yes');
        throw new errors_UserError(`predictions: the labels are ${shown}, so mlgate cannot tell which class is positive (the one the score is the probability of); set ${where.setting} (e.g. ${example})`, where.file === undefined ? {} : { file: where.file });
    }
    const [negative, positive] = pair;
    const spelled = (canonical) => named.find((name) => name.toLowerCase() === canonical) ?? canonical;
    return {
        index: classIndexOfNames([spelled(negative), spelled(positive)], (text) => spelled(text.toLowerCase())),
        positive: { name: spelled(positive), source: 'default' },
    };
}
/**
 * The task the files describe, unless `configured`: text labels or predictions mean
 * classification; numbers that are all integers with at most two distinct values (labels and
 * predictions of both files together) mean binary, with at most `MAX_DETECTED_CLASSES` distinct
 * labels multiclass; anything else (a non-integer, or many distinct integers) is regression.
 * Configure the task when this guess is wrong (e.g. integer ratings 1–5 that are a regression target).
 */
function detectTask(files, configured) {
    const decision = configured ? { task: configured, source: 'configured' } : guessTask(files);
    for (const file of files)
        checkFits(file, decision.task);
    if (decision.task === 'binary')
        checkBinary(files.flatMap(classColumns), files[0]?.file);
    return decision;
}
/** The columns that hold class names: the label and, when there is one, the prediction. */
function classColumns(file) {
    return file.prediction ? [file.label, file.prediction] : [file.label];
}
function guessTask(files) {
    const detected = (task, why) => ({ task, source: 'detected', why });
    const columns = files.flatMap(classColumns);
    if (columns.some((c) => c.texts.length > 0)) {
        const classes = classIndex(columns).names.length;
        return detected(classes <= 2 ? 'binary' : 'multiclass', `text labels with ${classes} classes`);
    }
    const distinct = new Set();
    const labels = new Set();
    for (const column of columns) {
        for (const value of column.numbers) {
            if (!Number.isInteger(value))
                return detected('regression', `non-integer values such as ${value}`);
            if (distinct.size <= MAX_DETECTED_CLASSES)
                distinct.add(value);
        }
    }
    for (const file of files) {
        for (const value of file.label.numbers)
            if (labels.size <= MAX_DETECTED_CLASSES)
                labels.add(value);
    }
    const values = (count) => `integer labels and predictions with ${count} distinct values`;
    if (distinct.size <= 2)
        return detected('binary', values(distinct.size));
    return labels.size <= MAX_DETECTED_CLASSES
        ? detected('multiclass', values(distinct.size))
        : detected('regression', `integer labels with more than ${MAX_DETECTED_CLASSES} distinct values`);
}
function checkFits(file, task) {
    const where = { file: file.file };
    if (task === 'regression') {
        if (!file.prediction)
            throw new errors_UserError(`predictions: regression needs a prediction column`, where);
        for (const [role, column] of [
            ['label', file.label],
            ['prediction', file.prediction],
        ]) {
            const row = column.textCodes.findIndex((code) => code >= 0);
            if (row >= 0) {
                const text = JSON.stringify(column.texts[column.textCodes[row]]);
                throw new errors_UserError(`predictions: regression needs numeric values, but the ${role} is ${text}`, {
                    file: file.file,
                    line: file.lines[row],
                });
            }
        }
        return;
    }
    if (task === 'multiclass' && !file.prediction && file.classScores.size === 0) {
        throw new errors_UserError(`predictions: multiclass classification needs a prediction column or per-class score columns (score_<class>)`, where);
    }
    if (task === 'binary')
        checkBinary(classColumns(file), file.file);
}
function checkBinary(columns, file) {
    const classes = classIndex(columns).names;
    const caseless = new Set(classes.map((name) => name.toLowerCase()));
    if (caseless.size > 2) {
        const shown = classes.slice(0, 5).join(', ');
        throw new errors_UserError(`predictions: binary classification needs at most two classes but found ${classes.length} (${shown})`, file === undefined ? {} : { file });
    }
}

;// CONCATENATED MODULE: ./packages/core/src/compare/predictions-semantics.ts



const DEFAULT_SETTING_NAMES = {
    positiveClass: 'positive_class in mlgate.yml',
    scoreType: 'score_type in mlgate.yml',
};
/**
 * Decides the task (configured or detected), the class ids (binary: the positive class at id 1),
 * and what the scores are. A configured `positive_class` on a task that is not binary, or
 * probabilities declared but outside [0, 1], are errors that name the setting.
 */
function resolveSemantics(files, format = {}, settings = DEFAULT_SETTING_NAMES) {
    const task = detectTask(files, format.task);
    const columns = files.flatMap(classColumns);
    const file = files[0]?.file;
    if (task.task !== 'binary' && format.positiveClass !== undefined) {
        throw new errors_UserError(`${settings.positiveClass}: a positive class applies to binary models, and this one is ${task.task}${task.source === 'detected' ? ` (detected: ${task.why}; set task if that is wrong)` : ''}`);
    }
    if (task.task === 'binary') {
        const { index, positive } = binaryClassIndex(columns, format.positiveClass, {
            ...(file !== undefined && { file }),
            setting: settings.positiveClass,
        });
        const scored = files.filter((f) => f.score !== undefined);
        return {
            task,
            classes: index,
            positive,
            ...(scored.length > 0 && {
                scores: readScores(scored.map((f) => [f, f.score]), format, settings),
            }),
        };
    }
    if (task.task === 'regression')
        return { task, classes: { names: [], ids: () => new Int32Array(0) } };
    const names = multiclassNames(files, columns);
    const classes = classIndexOfNames(names);
    const withScores = files.filter((f) => f.classScores.size > 0);
    if (withScores.length === 0)
        return { task, classes };
    for (const f of withScores)
        checkClassScores(f, names);
    const columnsOf = (f) => names.map((name) => f.classScores.get(name));
    const scores = readScores(withScores.flatMap((f) => columnsOf(f).map((values) => [f, values])), format, settings);
    return { task, classes, scores, classScoreNames: names };
}
/**
 * The classes of the labels and predictions and of the per-class score columns, in class order
 * (numbers by value, then texts); a score column named `score_1` is the class 1.
 */
function multiclassNames(files, columns) {
    const scored = [...new Set(files.flatMap((f) => [...f.classScores.keys()]))];
    const numeric = scored.filter((name) => name.trim() !== '' && String(Number(name)) === name);
    const texts = scored.filter((name) => !numeric.includes(name));
    const column = {
        numbers: Float64Array.from(scored, (name) => (numeric.includes(name) ? Number(name) : NaN)),
        textCodes: Int32Array.from(scored, (name) => (numeric.includes(name) ? -1 : texts.indexOf(name))),
        texts,
    };
    return classIndex([...columns, column]).names;
}
/** Every class needs its score column, and every row a number in it. */
function checkClassScores(file, names) {
    const missing = names.filter((name) => !file.classScores.has(name));
    if (missing.length > 0) {
        const shown = missing.slice(0, 5).map((name) => `score_${name}`);
        throw new errors_UserError(`predictions: per-class scores need one column per class; missing ${shown.join(', ')}${missing.length > 5 ? ` and ${missing.length - 5} more` : ''}`, { file: file.file });
    }
    for (const name of names) {
        const values = file.classScores.get(name);
        const row = values.findIndex((value) => !Number.isFinite(value));
        if (row >= 0) {
            throw new errors_UserError(`predictions: the score of class ${JSON.stringify(name)} is not a finite number`, {
                file: file.file,
                line: file.lines[row],
            });
        }
    }
}
/**
 * The score type: configured, or `probability` when every score lies in [0, 1], else `unknown`
 * (only the order is used). Declared probabilities outside [0, 1] fail at the first such row.
 */
function readScores(columns, format, settings) {
    let low = Number.POSITIVE_INFINITY;
    let high = Number.NEGATIVE_INFINITY;
    for (const [file, values] of columns) {
        for (let i = 0; i < values.length; i++) {
            const value = values[i];
            if (value < low)
                low = value;
            if (value > high)
                high = value;
            if (format.scoreType === 'probability' && !(value >= 0 && value <= 1)) {
                throw new errors_UserError(`predictions: score ${format_formatNumber(value)} is not a probability in [0, 1], but ${settings.scoreType} says probability (use logit or decision for other scores)`, { file: file.file, line: file.lines[i] });
            }
        }
    }
    const range = [low, high];
    if (format.scoreType)
        return { type: format.scoreType, source: 'configured', range };
    return { type: low >= 0 && high <= 1 ? 'probability' : 'unknown', source: 'detected', range };
}
/** Why log loss and Brier, or the label metrics, are absent for these scores; empty when nothing is. */
function scoreNotes(semantics, hasPredictionColumn) {
    const { scores, task } = semantics;
    if (!scores || task.task === 'regression')
        return [];
    const notes = [];
    const range = `the scores range from ${format_formatNumber(scores.range[0])} to ${format_formatNumber(scores.range[1])}`;
    const losses = task.task === 'binary' ? 'log_loss and brier' : 'log_loss';
    if (scores.type === 'unknown') {
        notes.push(`${losses} need probabilities, and ${range} (not within [0, 1]); only the ranking metrics are computed — declare score_type: logit to compute them through the ${task.task === 'binary' ? 'sigmoid' : 'softmax'}`);
    }
    else if (scores.type === 'decision') {
        notes.push(`${losses} need probabilities, and the scores are decision values (score_type: decision)`);
    }
    if (!hasPredictionColumn && scores.type === 'unknown' && task.task === 'binary') {
        notes.push('accuracy, precision, recall and F1 need a prediction column or a declared score_type (the threshold is 0.5 for probabilities and 0 for logits and decision values)');
    }
    return notes;
}
/** The report's account of how the predictions were read. */
function predictionsReading(semantics, examples, notes) {
    const { task, positive, scores, classes } = semantics;
    return {
        task: task.task,
        taskSource: task.source,
        ...(task.why !== undefined && { taskReason: task.why }),
        ...(task.task !== 'regression' && { classes: [...classes.names] }),
        ...(positive && { positiveClass: positive.name, positiveClassSource: positive.source }),
        ...(scores && { scoreType: scores.type, scoreTypeSource: scores.source, scoreRange: [...scores.range] }),
        examples,
        ...(notes.length > 0 && { notes: [...notes] }),
    };
}

;// CONCATENATED MODULE: ./packages/core/src/compare/engine/examples.ts
/** Decision threshold on a probability when a binary file has no prediction column (sklearn's `predict`). */
const SCORE_THRESHOLD = 0.5;
/**
 * Typed columns of the joined rows (`rows` index each file). Class ids come from both files
 * together, so a class has one id on both sides. Without a prediction column a binary model
 * predicts the positive class when its probability is at least `SCORE_THRESHOLD` (a logit or a
 * decision value at least 0), and a multiclass model the class with the highest score.
 */
function buildExamples(semantics, candidate, baseline) {
    const size = candidate.rows.length;
    const { task } = semantics.task;
    if (task === 'regression') {
        const values = (file, rows) => gather(file.prediction.numbers, rows);
        return {
            size,
            truth: { values: gather(candidate.file.label.numbers, candidate.rows) },
            candidate: { values: values(candidate.file, candidate.rows) },
            baseline: baseline && { values: values(baseline.file, baseline.rows) },
        };
    }
    const outputs = task === 'binary' ? binaryOutputs : multiclassOutputs;
    return {
        size,
        truth: { classes: semantics.classes.ids(candidate.file.label, candidate.rows) },
        candidate: outputs(semantics, candidate.file, candidate.rows),
        baseline: baseline && outputs(semantics, baseline.file, baseline.rows),
    };
}
function binaryOutputs(semantics, file, rows) {
    const type = semantics.scores?.type;
    const score = file.score && gather(file.score, rows);
    const probability = score && (type === 'probability' ? score : type === 'logit' ? Float64Array.from(score, sigmoid) : undefined);
    const threshold = type === 'probability' ? SCORE_THRESHOLD : type === 'unknown' ? undefined : 0;
    const classes = file.prediction
        ? semantics.classes.ids(file.prediction, rows)
        : score && threshold !== undefined
            ? Int32Array.from(score, (s) => (s >= threshold ? 1 : 0))
            : undefined;
    return { ...(classes && { classes }), ...(score && { score }), ...(probability && { probability }) };
}
function multiclassOutputs(semantics, file, rows) {
    const names = semantics.classScoreNames;
    const classScores = names && file.classScores.size > 0
        ? names.map((n) => gather(file.classScores.get(n), rows))
        : undefined;
    const type = semantics.scores?.type;
    const classProbabilities = classScores && (type === 'probability' ? classScores : type === 'logit' ? softmax(classScores) : undefined);
    const classes = file.prediction ? semantics.classes.ids(file.prediction, rows) : classScores && argmax(classScores);
    return {
        ...(classes && { classes }),
        ...(classScores && { classScores }),
        ...(classProbabilities && { classProbabilities }),
    };
}
/** The logistic function, for logits: 1 / (1 + e^−x), computed without overflow on either side. */
function sigmoid(x) {
    if (x >= 0)
        return 1 / (1 + Math.exp(-x));
    const e = Math.exp(x);
    return e / (1 + e);
}
/** Softmax of per-class logits, shifted by each example's maximum so exp never overflows. */
function softmax(columns) {
    const n = columns[0]?.length ?? 0;
    const max = new Float64Array(n).fill(Number.NEGATIVE_INFINITY);
    for (const column of columns)
        for (let i = 0; i < n; i++)
            max[i] = Math.max(max[i], column[i]);
    const exps = columns.map((column) => Float64Array.from(column, (x, i) => Math.exp(x - max[i])));
    const sums = new Float64Array(n);
    for (const column of exps)
        for (let i = 0; i < n; i++)
            sums[i] = sums[i] + column[i];
    return exps.map((column) => Float64Array.from(column, (e, i) => e / sums[i]));
}
/** The class id with the highest score for each example (the first on ties, as numpy's argmax). */
function argmax(columns) {
    const n = columns[0]?.length ?? 0;
    const out = new Int32Array(n);
    for (let i = 0; i < n; i++) {
        let best = 0;
        for (let c = 1; c < columns.length; c++) {
            if (columns[c]?.[i] > columns[best]?.[i])
                best = c;
        }
        out[i] = best;
    }
    return out;
}
/** The examples at positions `positions` (a slice). */
function subsetExamples(examples, positions) {
    const outputs = (m) => ({
        ...(m.classes && { classes: gather(m.classes, positions) }),
        ...(m.score && { score: gather(m.score, positions) }),
        ...(m.probability && { probability: gather(m.probability, positions) }),
        ...(m.classScores && { classScores: m.classScores.map((column) => gather(column, positions)) }),
        ...(m.classProbabilities && {
            classProbabilities: m.classProbabilities.map((column) => gather(column, positions)),
        }),
        ...(m.values && { values: gather(m.values, positions) }),
    });
    return {
        size: positions.length,
        truth: {
            ...(examples.truth.classes && { classes: gather(examples.truth.classes, positions) }),
            ...(examples.truth.values && { values: gather(examples.truth.values, positions) }),
        },
        candidate: outputs(examples.candidate),
        baseline: examples.baseline && outputs(examples.baseline),
    };
}
function gather(source, rows) {
    const out = new source.constructor(rows.length);
    for (let k = 0; k < rows.length; k++)
        out[k] = source[rows[k]];
    return out;
}

;// CONCATENATED MODULE: ./packages/core/src/metrics/validate.ts

function validate_assertSameLength(what, a, b, weights) {
    if (a.length !== b.length) {
        throw new errors_UserError(`${what}: got ${a.length} labels but ${b.length} predictions`);
    }
    if (weights !== undefined && weights.length !== a.length) {
        throw new errors_UserError(`${what}: got ${a.length} examples but ${weights.length} weights`);
    }
}
/** Weight of example i: 1 when unweighted. */
function validate_weightAt(weights, i) {
    return weights === undefined ? 1 : weights[i];
}

;// CONCATENATED MODULE: ./packages/core/src/metrics/classification.ts


/** sklearn `accuracy_score(y_true, y_pred, sample_weight=w)`; NaN when there is no (weighted) example. */
function accuracy(yTrue, yPred, weights) {
    assertSameLength('accuracy', yTrue, yPred, weights);
    let correct = 0;
    let total = 0;
    for (let i = 0; i < yTrue.length; i++) {
        const w = weightAt(weights, i);
        total += w;
        if (yTrue[i] === yPred[i])
            correct += w;
    }
    return correct / total;
}
function classCounts(yTrue, yPred, weights) {
    validate_assertSameLength('precision/recall/F1', yTrue, yPred, weights);
    const seen = new Set();
    for (let i = 0; i < yTrue.length; i++) {
        seen.add(yTrue[i]);
        seen.add(yPred[i]);
    }
    const labels = [...seen].sort((a, b) => a - b);
    const slot = new Map(labels.map((label, k) => [label, k]));
    const truePositive = new Float64Array(labels.length);
    const predicted = new Float64Array(labels.length);
    const actual = new Float64Array(labels.length);
    for (let i = 0; i < yTrue.length; i++) {
        const w = validate_weightAt(weights, i);
        const t = slot.get(yTrue[i]);
        const p = slot.get(yPred[i]);
        actual[t] = actual[t] + w;
        predicted[p] = predicted[p] + w;
        if (t === p)
            truePositive[t] = truePositive[t] + w;
    }
    return { labels, truePositive, predicted, actual };
}
/**
 * sklearn `precision_recall_fscore_support(..., average=..., pos_label=..., zero_division=...)`.
 * Throws a UserError where sklearn raises: average 'binary' with more than two classes, or with
 * two classes of which none is `posLabel`.
 */
function precisionRecallF1(yTrue, yPred, options = {}, weights) {
    return prfFromCounts(classCounts(yTrue, yPred, weights), options);
}
function prfFromCounts(counts, options = {}) {
    const { average = 'binary', posLabel = 1, zeroDivision = 0 } = options;
    if (average === 'binary')
        return binaryPrf(counts, posLabel, zeroDivision);
    const k = counts.labels.length;
    if (k === 0)
        return { precision: NaN, recall: NaN, f1: NaN };
    const perClass = [];
    for (let c = 0; c < k; c++) {
        perClass.push(prf(counts.truePositive[c], counts.predicted[c], counts.actual[c], zeroDivision));
    }
    if (average === 'macro') {
        return {
            precision: mean(perClass.map((s) => s.precision)),
            recall: mean(perClass.map((s) => s.recall)),
            f1: mean(perClass.map((s) => s.f1)),
        };
    }
    const support = [...counts.actual];
    const totalSupport = support.reduce((a, b) => a + b, 0);
    if (totalSupport === 0) {
        // sklearn's special case: with no true samples at all, recall is zero_division and precision/F1
        // are zero_division only when nothing was predicted either.
        const nothingPredicted = counts.predicted.every((p) => p === 0);
        return nothingPredicted
            ? { precision: zeroDivision, recall: zeroDivision, f1: zeroDivision }
            : { precision: 0, recall: zeroDivision, f1: 0 };
    }
    const weightedMean = (values) => values.reduce((acc, v, c) => acc + v * support[c], 0) / totalSupport;
    return {
        precision: weightedMean(perClass.map((s) => s.precision)),
        recall: weightedMean(perClass.map((s) => s.recall)),
        f1: weightedMean(perClass.map((s) => s.f1)),
    };
}
function binaryPrf(counts, posLabel, zeroDivision) {
    const { labels } = counts;
    if (labels.length > 2) {
        throw new errors_UserError(`average 'binary' needs at most two classes but found ${labels.length} (${labels.join(', ')}); use 'macro' or 'weighted'`);
    }
    const c = labels.indexOf(posLabel);
    if (c < 0 && labels.length === 2) {
        throw new errors_UserError(`positive label ${posLabel} is not one of the classes present (${labels.join(', ')})`);
    }
    if (c < 0)
        return prf(0, 0, 0, zeroDivision);
    return prf(counts.truePositive[c], counts.predicted[c], counts.actual[c], zeroDivision);
}
/**
 * F1 is 2·TP / (actual + predicted), sklearn ≥ 1.3's formula; it equals 2PR / (P + R) wherever
 * both are defined (and sklearn 1.2's result with zero_division 0 or 1 everywhere), and it stays
 * defined when only one of precision and recall has a zero denominator.
 */
function prf(tp, predicted, actual, zeroDivision) {
    const precision = predicted === 0 ? zeroDivision : tp / predicted;
    const recall = actual === 0 ? zeroDivision : tp / actual;
    const denominator = actual + predicted;
    return { precision, recall, f1: denominator === 0 ? zeroDivision : (2 * tp) / denominator };
}
function mean(values) {
    return values.reduce((a, b) => a + b, 0) / values.length;
}

;// CONCATENATED MODULE: ./packages/core/src/metrics/ranking.ts


/**
 * Example indices sorted by ascending score (ties keep index order). Throws a UserError on NaN or
 * infinite scores, which sklearn rejects too.
 */
function ascendingOrder(scores) {
    for (let i = 0; i < scores.length; i++) {
        if (!Number.isFinite(scores[i]))
            throw new errors_UserError(`score of example ${i} is ${scores[i]}; scores must be finite`);
    }
    return radixOrder(scores);
}
/**
 * Stable LSD radix sort of the indices by score: each double's IEEE-754 bits are mapped to an
 * unsigned key that orders like the number (flip all bits of negatives, the sign bit of the rest),
 * then sorted 16 bits at a time. A comparison sort with a callback is ~20× slower on 10⁶ scores.
 */
function radixOrder(scores) {
    const n = scores.length;
    const bits = new Uint32Array(scores.buffer, scores.byteOffset, n * 2);
    const lo = new Uint32Array(n);
    const hi = new Uint32Array(n);
    for (let i = 0; i < n; i++) {
        // Little-endian: word 2i holds the low half of the double, word 2i + 1 the sign/exponent half.
        const h = bits[2 * i + 1];
        const l = bits[2 * i];
        const negative = h >>> 31 === 1;
        // -0 and +0 compare equal as numbers; give them the same key.
        const zero = (h & 0x7fffffff) === 0 && l === 0;
        hi[i] = zero ? 0x80000000 : negative ? ~h >>> 0 : (h | 0x80000000) >>> 0;
        lo[i] = zero ? 0 : negative ? ~l >>> 0 : l;
    }
    let order = new Int32Array(n);
    let next = new Int32Array(n);
    for (let i = 0; i < n; i++)
        order[i] = i;
    const histogram = new Int32Array(65536);
    for (const [words, shift] of [
        [lo, 0],
        [lo, 16],
        [hi, 0],
        [hi, 16],
    ]) {
        histogram.fill(0);
        for (let i = 0; i < n; i++) {
            const digit = (words[i] >>> shift) & 0xffff;
            histogram[digit] = histogram[digit] + 1;
        }
        let start = 0;
        for (let d = 0; d < 65536; d++) {
            const count = histogram[d];
            histogram[d] = start;
            start += count;
        }
        for (let k = 0; k < n; k++) {
            const i = order[k];
            const digit = (words[i] >>> shift) & 0xffff;
            const slot = histogram[digit];
            next[slot] = i;
            histogram[digit] = slot + 1;
        }
        [order, next] = [next, order];
    }
    return order;
}
function ranking_assertBinary(what, yTrue) {
    let first;
    let second;
    for (let i = 0; i < yTrue.length; i++) {
        const y = yTrue[i];
        if (y === first || y === second)
            continue;
        if (first === undefined)
            first = y;
        else if (second === undefined)
            second = y;
        else
            throw new errors_UserError(`${what} needs binary labels but found at least three classes (${first}, ${second}, ${y})`);
    }
}
/**
 * sklearn `roc_auc_score(y_true, y_score, sample_weight=w)` for binary labels: the trapezoidal area
 * under the ROC curve, which equals the weighted Mann–Whitney statistic with ties counted as 1/2.
 * NaN when only one class has weight (sklearn raises; see `rocAucUndefinedReason`).
 */
function rocAuc(yTrue, scores, options = {}, weights) {
    assertSameLength('ROC AUC', yTrue, scores, weights);
    ranking_assertBinary('ROC AUC', yTrue);
    return rocAucSorted(yTrue, scores, ascendingOrder(scores), options.posLabel ?? 1, weights);
}
/** ROC AUC over a precomputed ascending order (see `ascendingOrder`). */
function rocAucSorted(yTrue, scores, order, posLabel, weights) {
    let negativesBelow = 0;
    let pairs = 0;
    let k = 0;
    while (k < order.length) {
        const s = scores[order[k]];
        let groupPositives = 0;
        let groupNegatives = 0;
        for (; k < order.length && scores[order[k]] === s; k++) {
            const i = order[k];
            const w = weightAt(weights, i);
            if (yTrue[i] === posLabel)
                groupPositives += w;
            else
                groupNegatives += w;
        }
        pairs += groupPositives * (negativesBelow + 0.5 * groupNegatives);
        negativesBelow += groupNegatives;
    }
    const positives = totalPositiveWeight(yTrue, posLabel, weights);
    const negatives = negativesBelow;
    return positives > 0 && negatives > 0 ? pairs / (positives * negatives) : NaN;
}
/** Why ROC AUC is undefined for these labels/weights, or undefined when it is defined. */
function rocAucUndefinedReason(yTrue, posLabel = 1, weights) {
    if (yTrue.length === 0)
        return 'ROC AUC is undefined without examples';
    const positives = totalPositiveWeight(yTrue, posLabel, weights);
    let total = 0;
    for (let i = 0; i < yTrue.length; i++)
        total += weightAt(weights, i);
    if (positives === 0)
        return `ROC AUC is undefined: no example of the positive class ${posLabel}`;
    if (positives === total)
        return `ROC AUC is undefined: every example is of the positive class ${posLabel}`;
    return undefined;
}
/**
 * sklearn `average_precision_score(y_true, y_score, pos_label=1, sample_weight=w)`: the step-wise
 * sum Σ (R_k − R_{k−1}) · P_k over distinct score thresholds, highest first (no interpolation).
 * Like sklearn 1.2 it is 0 when there is no positive example.
 */
function averagePrecision(yTrue, scores, options = {}, weights) {
    assertSameLength('average precision', yTrue, scores, weights);
    ranking_assertBinary('average precision', yTrue);
    if (yTrue.length === 0)
        return NaN;
    const posLabel = options.posLabel ?? 1;
    const order = ascendingOrder(scores);
    const positives = totalPositiveWeight(yTrue, posLabel, weights);
    let truePositives = 0;
    let falsePositives = 0;
    let previousRecall = 0;
    let sum = 0;
    let k = order.length - 1;
    while (k >= 0) {
        const s = scores[order[k]];
        let groupWeight = 0;
        for (; k >= 0 && scores[order[k]] === s; k--) {
            const i = order[k];
            const w = weightAt(weights, i);
            groupWeight += w;
            if (yTrue[i] === posLabel)
                truePositives += w;
            else
                falsePositives += w;
        }
        // sklearn drops zero-weight examples before building thresholds, so such a group is no threshold.
        if (groupWeight === 0)
            continue;
        const recall = positives === 0 ? 1 : truePositives / positives;
        sum += (recall - previousRecall) * (truePositives / (truePositives + falsePositives));
        previousRecall = recall;
    }
    return sum;
}
function totalPositiveWeight(yTrue, posLabel, weights) {
    let positives = 0;
    for (let i = 0; i < yTrue.length; i++)
        if (yTrue[i] === posLabel)
            positives += weightAt(weights, i);
    return positives;
}

;// CONCATENATED MODULE: ./packages/core/src/metrics/probabilistic.ts



/** sklearn 1.2's `eps="auto"`: the machine epsilon of float64 (`np.finfo(np.float64).eps`). */
const LOG_LOSS_EPS = Number.EPSILON;
/**
 * sklearn 1.2 `log_loss(y_true, p, labels=[neg, pos], sample_weight=w)` where `p` is the predicted
 * probability of `posLabel`: clip p to [eps, 1 − eps], build [1 − p, p], renormalise the row,
 * average −log of the true class's probability. Binary only; unlike sklearn without `labels`, a
 * single class in y_true is fine because the two classes are known (positive and the rest).
 */
function logLoss(yTrue, probabilities, options = {}, weights) {
    assertSameLength('log loss', yTrue, probabilities, weights);
    assertBinary('log loss', yTrue);
    const posLabel = options.posLabel ?? 1;
    const eps = options.eps ?? LOG_LOSS_EPS;
    let loss = 0;
    let total = 0;
    for (let i = 0; i < yTrue.length; i++) {
        const w = weightAt(weights, i);
        total += w;
        loss += w * exampleLogLoss(yTrue[i] === posLabel, probabilities[i], eps);
    }
    return loss / total;
}
function exampleLogLoss(positive, probability, eps = LOG_LOSS_EPS) {
    if (Number.isNaN(probability))
        throw new errors_UserError('log loss: a predicted probability is NaN');
    const p = Math.min(Math.max(probability, eps), 1 - eps);
    const q = 1 - p;
    return -Math.log((positive ? p : q) / (p + q));
}
/** sklearn `brier_score_loss(y_true, p, pos_label=1, sample_weight=w)`: weighted mean of (1[y=pos] − p)². */
function brierScore(yTrue, probabilities, options = {}, weights) {
    assertSameLength('Brier score', yTrue, probabilities, weights);
    assertBinary('Brier score', yTrue);
    const posLabel = options.posLabel ?? 1;
    let sum = 0;
    let total = 0;
    for (let i = 0; i < yTrue.length; i++) {
        const p = probabilities[i];
        if (!(p >= 0 && p <= 1))
            throw new UserError(`Brier score: probability of example ${i} is ${p}, outside [0, 1]`);
        const w = weightAt(weights, i);
        const e = (yTrue[i] === posLabel ? 1 : 0) - p;
        sum += w * e * e;
        total += w;
    }
    return sum / total;
}
/**
 * Each example's multiclass log loss as sklearn 1.2 `log_loss(y_true, P, labels=range(K))` computes
 * it: probabilities clipped to [eps, 1 − eps], each example's row renormalised to sum 1, then
 * −log of the true class's probability. `probabilities[c][i]` is the probability of class c for
 * example i; `yTrue[i]` is a class id in [0, K).
 */
function multiclassLogLosses(yTrue, probabilities, eps = LOG_LOSS_EPS) {
    const losses = new Float64Array(yTrue.length);
    for (let i = 0; i < yTrue.length; i++) {
        let sum = 0;
        let own = Number.NaN;
        for (let c = 0; c < probabilities.length; c++) {
            const raw = probabilities[c][i];
            if (Number.isNaN(raw))
                throw new errors_UserError('log loss: a predicted probability is NaN');
            const p = Math.min(Math.max(raw, eps), 1 - eps);
            sum += p;
            if (c === yTrue[i])
                own = p;
        }
        losses[i] = -Math.log(own / sum);
    }
    return losses;
}
/** sklearn `log_loss` for multiclass probabilities: the (weighted) mean of `multiclassLogLosses`. */
function multiclassLogLoss(yTrue, probabilities, weights) {
    const losses = multiclassLogLosses(yTrue, probabilities);
    let loss = 0;
    let total = 0;
    for (let i = 0; i < losses.length; i++) {
        const w = weightAt(weights, i);
        loss += w * losses[i];
        total += w;
    }
    return loss / total;
}

;// CONCATENATED MODULE: ./packages/core/src/metrics/regression.ts

/** sklearn `mean_absolute_error(y_true, y_pred, sample_weight=w)`. */
function meanAbsoluteError(yTrue, yPred, weights) {
    assertSameLength('MAE', yTrue, yPred, weights);
    let sum = 0;
    let total = 0;
    for (let i = 0; i < yTrue.length; i++) {
        const w = weightAt(weights, i);
        sum += w * Math.abs(yTrue[i] - yPred[i]);
        total += w;
    }
    return sum / total;
}
/** sklearn 1.2 `mean_squared_error(y_true, y_pred, squared=False, sample_weight=w)`. */
function rootMeanSquaredError(yTrue, yPred, weights) {
    assertSameLength('RMSE', yTrue, yPred, weights);
    let sum = 0;
    let total = 0;
    for (let i = 0; i < yTrue.length; i++) {
        const w = weightAt(weights, i);
        const e = yTrue[i] - yPred[i];
        sum += w * e * e;
        total += w;
    }
    return Math.sqrt(sum / total);
}
/**
 * sklearn 1.2 `r2_score(y_true, y_pred, sample_weight=w)` with its default `force_finite=True`:
 * 1 − SS_res/SS_tot; a constant target gives 1.0 for perfect predictions and 0.0 otherwise.
 * NaN with fewer than two examples (sklearn warns and returns NaN).
 */
function r2Score(yTrue, yPred, weights) {
    validate_assertSameLength('R²', yTrue, yPred, weights);
    if (yTrue.length < 2)
        return NaN;
    let total = 0;
    let weightedSum = 0;
    for (let i = 0; i < yTrue.length; i++) {
        const w = validate_weightAt(weights, i);
        total += w;
        weightedSum += w * yTrue[i];
    }
    const mean = weightedSum / total;
    let residual = 0;
    let spread = 0;
    for (let i = 0; i < yTrue.length; i++) {
        const w = validate_weightAt(weights, i);
        const y = yTrue[i];
        const e = y - yPred[i];
        residual += w * e * e;
        spread += w * (y - mean) * (y - mean);
    }
    if (residual === 0)
        return 1;
    if (spread === 0)
        return 0;
    return 1 - residual / spread;
}

;// CONCATENATED MODULE: ./packages/core/src/stats/normal.ts
/**
 * Standard normal distribution with full relative precision in both tails (the p-values of paired tests and of
 * z-statistics land far in the tails on large datasets).
 */
const INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);
/** Below this |x| the upper tail is ½ − (Φ(x) − ½) with at most ~2e-14 relative cancellation. */
const SERIES_LIMIT = 2.5;
/**
 * Density φ(x). e^{−x²/2} is evaluated as e^{−xh²/2}·e^{−(x−xh)(x+xh)/2} with xh = x rounded to 1/256 (xh² is
 * exact), so the rounding of x² does not cost ~x²·ε of relative accuracy in the tails (the trick of Cody's erfc).
 */
function normalPdf(x) {
    const ax = Math.abs(x);
    if (ax > 40)
        return ax === Infinity ? 0 : Math.exp(-0.5 * ax * ax) * INV_SQRT_2PI;
    const xh = Math.round(ax * 256) / 256;
    return Math.exp(-0.5 * xh * xh) * Math.exp(-0.5 * (ax - xh) * (ax + xh)) * INV_SQRT_2PI;
}
/** Upper tail Q(x) = P(Z > x). */
function normalSf(x) {
    if (Number.isNaN(x))
        return NaN;
    if (x === Infinity)
        return 0;
    if (x < 0)
        return 1 - normalSf(-x);
    if (x < SERIES_LIMIT)
        return 0.5 - normalPdf(x) * centralSeries(x);
    return normalPdf(x) * millsRatio(x);
}
/** Lower tail Φ(x) = P(Z ≤ x). */
function normalCdf(x) {
    return normalSf(-x);
}
/**
 * Φ(x) − ½ = φ(x)·Σ_{n≥0} x^{2n+1}/(1·3·5·…·(2n+1)) (Marsaglia 2004, "Evaluating the Normal Distribution"): all
 * terms are positive, so no cancellation.
 */
function centralSeries(x) {
    const x2 = x * x;
    let term = x;
    let sum = x;
    for (let k = 3; k < 500; k += 2) {
        term *= x2 / k;
        sum += term;
        if (term < sum * 1e-17)
            break;
    }
    return sum;
}
/**
 * Mills ratio Q(x)/φ(x) = 1/(x+ 1/(x+ 2/(x+ 3/(x+ …)))) (Laplace's continued fraction), by modified Lentz.
 */
function millsRatio(x) {
    const tiny = 1e-300;
    let f = x;
    let c = x;
    let d = 0;
    for (let k = 1; k < 5000; k++) {
        d = x + k * d;
        if (Math.abs(d) < tiny)
            d = tiny;
        c = x + k / c;
        if (Math.abs(c) < tiny)
            c = tiny;
        d = 1 / d;
        const delta = c * d;
        f *= delta;
        if (Math.abs(delta - 1) < 1e-16)
            break;
    }
    return 1 / f;
}
/** Quantile Φ⁻¹(p). For an upper-tail probability use `normalIsf`, which keeps precision near p = 1. */
function normalPpf(p) {
    if (Number.isNaN(p) || p < 0 || p > 1)
        return NaN;
    if (p === 0)
        return -Infinity;
    if (p === 1)
        return Infinity;
    return p < 0.5 ? -upperTailQuantile(p) : upperTailQuantile(1 - p);
}
/** Inverse survival function: the x with Q(x) = q. */
function normalIsf(q) {
    if (Number.isNaN(q) || q < 0 || q > 1)
        return NaN;
    if (q === 0)
        return Infinity;
    if (q === 1)
        return -Infinity;
    return q <= 0.5 ? upperTailQuantile(q) : -upperTailQuantile(1 - q);
}
/**
 * x ≥ 0 with Q(x) = q for 0 < q ≤ ½: the rational start of Abramowitz & Stegun 26.2.23 (|error| < 4.5e-4), then
 * Halley steps on the accurate Q (cubic convergence: two or three steps reach full precision).
 */
function upperTailQuantile(q) {
    if (q === 0.5)
        return 0;
    const t = Math.sqrt(-2 * Math.log(q));
    let x = t - (2.515517 + t * (0.802853 + t * 0.010328)) / (1 + t * (1.432788 + t * (0.189269 + t * 0.001308)));
    for (let i = 0; i < 6; i++) {
        const density = normalPdf(x);
        if (density === 0)
            break;
        const u = (normalSf(x) - q) / density;
        const step = u / (1 - 0.5 * x * u);
        x += step;
        if (Math.abs(step) <= 1e-15 * Math.abs(x))
            break;
    }
    return x;
}

;// CONCATENATED MODULE: ./packages/core/src/significance/delong.ts




/**
 * DeLong, DeLong & Clarke-Pearson (1988) test of two correlated ROC AUCs on the same examples, with
 * the O(n log n) midrank algorithm of Sun & Xu (2014). Two-sided p-value and a normal-theory CI
 * for the difference. Identical AUC structure (zero variance of the difference) gives z = 0, p = 1.
 */
function deLong(yTrue, candidate, baseline, options = {}) {
    const { posLabel = 1, confidence = 0.95 } = options;
    validate_assertSameLength('DeLong', yTrue, candidate);
    validate_assertSameLength('DeLong', yTrue, baseline);
    ranking_assertBinary('DeLong', yTrue);
    const positives = [];
    const negatives = [];
    for (let i = 0; i < yTrue.length; i++)
        (yTrue[i] === posLabel ? positives : negatives).push(i);
    const m = positives.length;
    const n = negatives.length;
    if (m < 2 || n < 2) {
        throw new errors_UserError(`DeLong test needs at least two positive and two negative examples (got ${m} and ${n})`);
    }
    const c = placements(candidate, positives, negatives);
    const b = placements(baseline, positives, negatives);
    const s10 = covariance2(c.v10, b.v10);
    const s01 = covariance2(c.v01, b.v01);
    const varianceCandidate = s10.xx / m + s01.xx / n;
    const varianceBaseline = s10.yy / m + s01.yy / n;
    const covariance = s10.xy / m + s01.xy / n;
    const delta = c.auc - b.auc;
    const standardError = Math.sqrt(Math.max(0, varianceCandidate + varianceBaseline - 2 * covariance));
    const z = standardError > 0 ? delta / standardError : delta === 0 ? 0 : Math.sign(delta) * Infinity;
    const half = normalPpf(1 - (1 - confidence) / 2) * standardError;
    return {
        candidate: c.auc,
        baseline: b.auc,
        delta,
        varianceCandidate,
        varianceBaseline,
        covariance,
        standardError,
        z,
        pValue: Math.min(1, 2 * normalSf(Math.abs(z))),
        ci: [delta - half, delta + half],
        confidence,
    };
}
/**
 * AUC and the structural components of Sun & Xu: V10 for each positive (share of negatives it
 * outranks, ties ½) and V01 for each negative (share of positives that outrank it).
 */
function placements(scores, positives, negatives) {
    const m = positives.length;
    const n = negatives.length;
    const x = Float64Array.from(positives, (i) => scores[i]);
    const y = Float64Array.from(negatives, (i) => scores[i]);
    const combined = new Float64Array(m + n);
    combined.set(x);
    combined.set(y, m);
    const tz = midranks(combined);
    const tx = midranks(x);
    const ty = midranks(y);
    const v10 = new Float64Array(m);
    const v01 = new Float64Array(n);
    let rankSum = 0;
    for (let i = 0; i < m; i++) {
        v10[i] = (tz[i] - tx[i]) / n;
        rankSum += tz[i];
    }
    for (let j = 0; j < n; j++)
        v01[j] = 1 - (tz[m + j] - ty[j]) / m;
    return { auc: (rankSum - (m * (m + 1)) / 2) / (m * n), v10, v01 };
}
/** 1-based ranks with ties given their average rank. */
function midranks(values) {
    const order = Int32Array.from(values.keys()).sort((a, b) => values[a] - values[b]);
    const ranks = new Float64Array(values.length);
    let k = 0;
    while (k < order.length) {
        let end = k;
        const v = values[order[k]];
        while (end + 1 < order.length && values[order[end + 1]] === v)
            end++;
        const rank = (k + end) / 2 + 1;
        for (let t = k; t <= end; t++)
            ranks[order[t]] = rank;
        k = end + 1;
    }
    return ranks;
}
/** Sample (n − 1) covariance matrix of two equally long series. */
function covariance2(a, b) {
    const n = a.length;
    let ma = 0;
    let mb = 0;
    for (let i = 0; i < n; i++) {
        ma += a[i];
        mb += b[i];
    }
    ma /= n;
    mb /= n;
    let xx = 0;
    let yy = 0;
    let xy = 0;
    for (let i = 0; i < n; i++) {
        const da = a[i] - ma;
        const db = b[i] - mb;
        xx += da * da;
        yy += db * db;
        xy += da * db;
    }
    return { xx: xx / (n - 1), yy: yy / (n - 1), xy: xy / (n - 1) };
}

;// CONCATENATED MODULE: ./packages/core/src/stats/gamma.ts
/**
 * Gamma-family special functions: log-gamma, Loader's saddle-point pieces (`stirlerr`, `bd0`) that keep
 * binomial/Poisson probabilities accurate for large arguments, the regularized incomplete gamma functions and the
 * chi-square distribution built on them.
 */
const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);
const EPS = 1e-16;
/**
 * ln Γ(x) for x > 0. Stirling's asymptotic series (Bernoulli-number coefficients up to x^-13) after shifting the
 * argument to ≥ 15 with the recurrence Γ(x+1) = xΓ(x); relative error ~1e-15 away from the zeros at 1 and 2.
 */
function logGamma(x) {
    if (Number.isNaN(x) || x < 0)
        return NaN;
    if (x === 0)
        return Infinity;
    if (x === Infinity)
        return Infinity;
    if (x === 1 || x === 2)
        return 0;
    let shift = 0;
    let product = 1;
    let y = x;
    while (y < 15) {
        product *= y;
        y += 1;
        shift += 1;
    }
    const logShift = shift > 0 ? Math.log(product) : 0;
    return (y - 0.5) * Math.log(y) - y + HALF_LOG_2PI + stirlingTail(y) - logShift;
}
/** Stirling series remainder ln Γ(y) − [(y−½)ln y − y + ½ln 2π] for y ≥ 15. */
function stirlingTail(y) {
    const r = 1 / (y * y);
    return ((1 / 12 - r * (1 / 360 - r * (1 / 1260 - r * (1 / 1680 - r * (1 / 1188 - r * (691 / 360360 - r * (1 / 156))))))) / y);
}
/**
 * Loader's `stirlerr(n) = ln Γ(n+1) − [(n+½)ln n − n + ½ln 2π]` (C. Loader, "Fast and Accurate Computation of
 * Binomial Probabilities", 2000). Since ln Γ(n+1) = ln n + ln Γ(n) this is exactly the Stirling remainder at n, so
 * for n ≥ 15 the series is used instead of subtracting two large logarithms.
 */
function stirlerr(n) {
    if (n >= 15)
        return stirlingTail(n);
    return logGamma(n + 1) - (n + 0.5) * Math.log(n) + n - HALF_LOG_2PI;
}
/**
 * Loader's deviance term `bd0(x, m) = x ln(x/m) + m − x`, by the series in v = (x−m)/(x+m) when x is close to m
 * (where the direct formula cancels catastrophically).
 */
function bd0(x, m) {
    if (x === 0)
        return m;
    if (Math.abs(x - m) < 0.1 * (x + m)) {
        const v = (x - m) / (x + m);
        const v2 = v * v;
        let sum = (x - m) * v;
        let ej = 2 * x * v;
        for (let j = 1; j < 1000; j++) {
            ej *= v2;
            const next = sum + ej / (2 * j + 1);
            if (next === sum)
                return next;
            sum = next;
        }
        return sum;
    }
    return x * Math.log(x / m) + m - x;
}
/** Poisson-like density λ^a e^{−λ} / Γ(a+1) for real a ≥ 0, via Loader's saddle-point form. */
function poissonDensity(a, lambda) {
    if (lambda === 0)
        return a === 0 ? 1 : 0;
    if (a === 0)
        return Math.exp(-lambda);
    return Math.exp(-stirlerr(a) - bd0(a, lambda)) / Math.sqrt(2 * Math.PI * a);
}
/** Both regularized incomplete gamma functions P(a, x) and Q(a, x) = 1 − P, each to full relative precision. */
function regularizedGamma(a, x) {
    if (Number.isNaN(a) || Number.isNaN(x) || a <= 0)
        return { lower: NaN, upper: NaN };
    if (x <= 0)
        return { lower: 0, upper: 1 };
    if (x === Infinity)
        return { lower: 1, upper: 0 };
    if (x < a + 1) {
        const lower = gammaSeries(a, x);
        return { lower, upper: 1 - lower };
    }
    const upper = gammaContinuedFraction(a, x);
    return { lower: 1 - upper, upper };
}
function regularizedGammaP(a, x) {
    return regularizedGamma(a, x).lower;
}
function regularizedGammaQ(a, x) {
    return regularizedGamma(a, x).upper;
}
/** P(a, x) = x^a e^{−x}/Γ(a+1) · Σ_{n≥0} x^n / ((a+1)…(a+n))  (DLMF 8.7.1); converges fast for x < a+1. */
function gammaSeries(a, x) {
    let term = 1;
    let sum = 1;
    for (let n = 1; n < 1_000_000; n++) {
        term *= x / (a + n);
        sum += term;
        if (term < sum * EPS)
            break;
    }
    return poissonDensity(a, x) * sum;
}
/**
 * Q(a, x) = x^a e^{−x}/Γ(a) · 1/(x+1−a− 1(1−a)/(x+3−a− 2(2−a)/(x+5−a− …)))  (Legendre's continued fraction,
 * DLMF 8.9.2), evaluated with the modified Lentz algorithm; converges fast for x > a+1.
 */
function gammaContinuedFraction(a, x) {
    const tiny = 1e-300;
    let b = x + 1 - a;
    let c = 1 / tiny;
    let d = 1 / b;
    let f = d;
    for (let k = 1; k < 1_000_000; k++) {
        const an = -k * (k - a);
        b += 2;
        d = an * d + b;
        if (Math.abs(d) < tiny)
            d = tiny;
        c = b + an / c;
        if (Math.abs(c) < tiny)
            c = tiny;
        d = 1 / d;
        const delta = d * c;
        f *= delta;
        if (Math.abs(delta - 1) < EPS)
            break;
    }
    return poissonDensity(a, x) * a * f;
}
/** Upper tail P(X > x) of the chi-square distribution with `df` degrees of freedom: Q(df/2, x/2). */
function chiSquareSf(x, df) {
    return regularizedGamma(df / 2, x / 2).upper;
}
/** Lower tail P(X ≤ x) of the chi-square distribution: P(df/2, x/2). */
function chiSquareCdf(x, df) {
    return regularizedGamma(df / 2, x / 2).lower;
}

;// CONCATENATED MODULE: ./packages/core/src/stats/beta.ts
/**
 * Regularized incomplete beta function and the distributions built on it (Student t, F). The binomial lives in
 * binomial.ts.
 */

const beta_EPS = 1e-16;
/**
 * Binomial-type density Γ(n+1)/(Γ(k+1)Γ(n−k+1)) p^k q^(n−k) for real 0 ≤ k ≤ n, q = 1 − p passed separately so
 * callers keep its precision. Loader's saddle-point form (stirlerr + bd0) stays accurate to ~1e-15 relative for
 * n in the billions, where exp(lgamma sums) would lose about log10(n·ln n) digits.
 */
function beta_binomialDensity(k, n, p, q = 1 - p) {
    if (k < 0 || k > n)
        return 0;
    if (p === 0)
        return k === 0 ? 1 : 0;
    if (q === 0)
        return k === n ? 1 : 0;
    if (k === 0)
        return n === 0 ? 1 : Math.exp(n * Math.log(q));
    if (k === n)
        return Math.exp(n * Math.log(p));
    const lc = stirlerr(n) - stirlerr(k) - stirlerr(n - k) - bd0(k, n * p) - bd0(n - k, n * q);
    // n − k is exact here; 1 − k/n would carry k/n's rounding, amplified when k is close to n.
    return Math.exp(lc) / Math.sqrt((2 * Math.PI * k * (n - k)) / n);
}
/**
 * I_x(a, b) and 1 − I_x(a, b), each to full relative precision; `y` is 1 − x, passed separately when the caller
 * can compute it without cancellation (e.g. t²/(ν+t²)).
 */
function regularizedBeta(a, b, x, y = 1 - x) {
    if (Number.isNaN(x) || Number.isNaN(a) || Number.isNaN(b) || a <= 0 || b <= 0)
        return { lower: NaN, upper: NaN };
    if (x <= 0)
        return { lower: 0, upper: 1 };
    if (y <= 0)
        return { lower: 1, upper: 0 };
    // The continued fraction converges quickly for x below the mean-ish point (a+1)/(a+b+2); use symmetry above it.
    if (x < (a + 1) / (a + b + 2)) {
        const lower = betaContinuedFraction(a, b, x, y);
        return { lower, upper: 1 - lower };
    }
    const upper = betaContinuedFraction(b, a, y, x);
    return { lower: 1 - upper, upper };
}
/**
 * I_x(a,b) = x^a y^b / (a·B(a,b)) · 1/(1+ d1/(1+ d2/(1+ …))) with d_{2m+1} = −(a+m)(a+b+m)x/((a+2m)(a+2m+1)) and
 * d_{2m} = m(b−m)x/((a+2m−1)(a+2m)) (DLMF 8.17.22), by modified Lentz. The prefactor equals
 * binomialDensity(a; a+b, x)·b/(a+b), which keeps it accurate for large a and b.
 */
function betaContinuedFraction(a, b, x, y) {
    const tiny = 1e-300;
    let f = 1;
    let c = 1;
    let d = 0;
    for (let i = 1; i < 1_000_000; i++) {
        const m = i >> 1;
        const coefficient = i % 2 === 1
            ? (-(a + m) * (a + b + m) * x) / ((a + 2 * m) * (a + 2 * m + 1))
            : (m * (b - m) * x) / ((a + 2 * m - 1) * (a + 2 * m));
        d = 1 + coefficient * d;
        if (Math.abs(d) < tiny)
            d = tiny;
        c = 1 + coefficient / c;
        if (Math.abs(c) < tiny)
            c = tiny;
        d = 1 / d;
        const delta = c * d;
        f *= delta;
        if (Math.abs(delta - 1) < beta_EPS)
            break;
    }
    const prefactor = (beta_binomialDensity(a, a + b, x, y) * b) / (a + b);
    return prefactor / f;
}
/** Upper tail P(T > t) of Student's t with `df` degrees of freedom: ½·I_{ν/(ν+t²)}(ν/2, ½) for t ≥ 0. */
function studentTSf(t, df) {
    if (Number.isNaN(t) || !(df > 0))
        return NaN;
    if (t === Infinity)
        return 0;
    if (t === -Infinity)
        return 1;
    const t2 = t * t;
    const tail = 0.5 * regularizedBeta(df / 2, 0.5, df / (df + t2), t2 / (df + t2)).lower;
    return t >= 0 ? tail : 1 - tail;
}
/** Upper tail P(F > f) of the F distribution with (d1, d2) degrees of freedom: I_{d2/(d2+d1·f)}(d2/2, d1/2). */
function fSf(f, d1, d2) {
    if (Number.isNaN(f) || !(d1 > 0) || !(d2 > 0))
        return NaN;
    if (f <= 0)
        return 1;
    if (f === Infinity)
        return 0;
    const denominator = d2 + d1 * f;
    return regularizedBeta(d2 / 2, d1 / 2, d2 / denominator, (d1 * f) / denominator).lower;
}

;// CONCATENATED MODULE: ./packages/core/src/stats/binomial.ts
/** Binomial distribution and the exact two-sided binomial test (the engine of the exact McNemar test). */

/** P(X = k) for X ~ Binomial(n, p). */
function binomialPmf(k, n, p) {
    if (!Number.isInteger(k) || k < 0 || k > n)
        return 0;
    return binomialDensity(k, n, p);
}
/** P(X ≤ k). */
function binomialCdf(k, n, p) {
    const kk = Math.floor(k);
    if (kk < 0)
        return 0;
    if (kk >= n)
        return 1;
    return kk < n * p ? lowerTail(kk, n, p) : 1 - upperTail(kk + 1, n, p);
}
/** P(X > k), accurate far into the upper tail. */
function binomialSf(k, n, p) {
    const kk = Math.floor(k);
    if (kk < 0)
        return 1;
    if (kk >= n)
        return 0;
    return kk < n * p ? 1 - lowerTail(kk, n, p) : upperTail(kk + 1, n, p);
}
/*
 * Tails are summed term by term from the cut towards the end, using the pmf ratio P(i−1)/P(i) = i·q/((n−i+1)·p);
 * away from the mean the terms fall geometrically, so a few hundred terms (O(√(npq)) near the mean) reach full
 * precision. All terms are positive, so the tail keeps its relative precision however small it is; the
 * incomplete-beta continued fraction loses up to ~5 digits when n·p is small and n large.
 */
function lowerTail(k, n, p) {
    const q = 1 - p;
    let term = beta_binomialDensity(k, n, p, q);
    let sum = term;
    for (let i = k; i > 0 && term > sum * 1e-17; i--) {
        term *= (i * q) / ((n - i + 1) * p);
        sum += term;
    }
    return Math.min(1, sum);
}
function upperTail(k, n, p) {
    const q = 1 - p;
    let term = beta_binomialDensity(k, n, p, q);
    let sum = term;
    for (let i = k; i < n && term > sum * 1e-17; i++) {
        term *= ((n - i) * p) / ((i + 1) * q);
        sum += term;
    }
    return Math.min(1, sum);
}
/** Outcomes as likely as the observed one count as "as extreme" up to this relative slack (as scipy.stats.binomtest). */
const LIKELIHOOD_SLACK = (/* unused pure expression or super */ null && (1 + 1e-7));
/**
 * Exact two-sided binomial test of H0: success probability = p, given k successes in n trials. The p-value sums the
 * probabilities of all outcomes no more likely than the observed one (the "minimum likelihood" method of
 * scipy.stats.binomtest). With p = ½ it is the exact McNemar test on the discordant pairs (k = b, n = b + c).
 */
function binomialTestTwoSided(k, n, p = 0.5) {
    if (!Number.isInteger(k) || !Number.isInteger(n) || k < 0 || k > n || !(p >= 0 && p <= 1))
        return NaN;
    if (n === 0)
        return 1;
    const mean = n * p;
    if (k === mean)
        return 1;
    const threshold = binomialPmf(k, n, p) * LIKELIHOOD_SLACK;
    if (k < mean) {
        // Upper side: the pmf decreases from ceil(mean) to n; find the first outcome at most as likely as k.
        const first = firstAtMost(Math.ceil(mean), n, (j) => binomialPmf(j, n, p) <= threshold);
        const upper = first === undefined ? 0 : binomialSf(first - 1, n, p);
        return Math.min(1, binomialCdf(k, n, p) + upper);
    }
    // Lower side: the pmf increases from 0 to floor(mean); find the last outcome at most as likely as k.
    const last = lastAtMost(0, Math.floor(mean), (j) => binomialPmf(j, n, p) <= threshold);
    const lower = last === undefined ? 0 : binomialCdf(last, n, p);
    return Math.min(1, lower + binomialSf(k - 1, n, p));
}
/** Smallest j in [lo, hi] with pred(j) true, for a predicate that is monotone false→true. */
function firstAtMost(lo, hi, pred) {
    if (lo > hi || !pred(hi))
        return undefined;
    let a = lo;
    let b = hi;
    while (a < b) {
        const mid = Math.floor((a + b) / 2);
        if (pred(mid))
            b = mid;
        else
            a = mid + 1;
    }
    return a;
}
/** Largest j in [lo, hi] with pred(j) true, for a predicate that is monotone true→false. */
function lastAtMost(lo, hi, pred) {
    if (lo > hi || !pred(lo))
        return undefined;
    let a = lo;
    let b = hi;
    while (a < b) {
        const mid = Math.ceil((a + b) / 2);
        if (pred(mid))
            a = mid;
        else
            b = mid - 1;
    }
    return a;
}

;// CONCATENATED MODULE: ./packages/core/src/significance/mcnemar.ts



/** Below this many discordant pairs the exact binomial test is used. */
const MCNEMAR_EXACT_BELOW = 25;
/** McNemar's test of paired accuracy on the same examples (see `mcnemarFromCounts`). */
function mcnemar(yTrue, candidate, baseline) {
    validate_assertSameLength('McNemar', yTrue, candidate);
    validate_assertSameLength('McNemar', yTrue, baseline);
    let baselineOnly = 0;
    let candidateOnly = 0;
    for (let i = 0; i < yTrue.length; i++) {
        const c = candidate[i] === yTrue[i];
        const b = baseline[i] === yTrue[i];
        if (b && !c)
            baselineOnly++;
        else if (c && !b)
            candidateOnly++;
    }
    return mcnemarFromCounts(baselineOnly, candidateOnly);
}
/**
 * With b, c the off-diagonal (discordant) counts: when b + c < `exactBelow` (default 25), the exact
 * test of statsmodels 0.13 `mcnemar(table, exact=True)`: statistic min(b, c), p = min(1, 2·P(X ≤
 * min(b, c))) for X ~ Binomial(b + c, ½). Otherwise `mcnemar(table, exact=False, correction=True)`:
 * statistic (|b − c| − 1)² / (b + c), p from χ² with 1 degree of freedom.
 */
function mcnemarFromCounts(b, c, exactBelow = MCNEMAR_EXACT_BELOW) {
    const discordant = b + c;
    if (discordant < exactBelow) {
        const statistic = Math.min(b, c);
        return {
            baselineOnly: b,
            candidateOnly: c,
            statistic,
            pValue: Math.min(1, 2 * binomialCdf(statistic, discordant, 0.5)),
            method: 'exact-binomial',
        };
    }
    const statistic = (Math.abs(b - c) - 1) ** 2 / discordant;
    return {
        baselineOnly: b,
        candidateOnly: c,
        statistic,
        pValue: chiSquareSf(statistic, 1),
        method: 'chi-square-continuity-corrected',
    };
}

;// CONCATENATED MODULE: ./packages/core/src/significance/wasm/ranking-wasm.ts
// Generated by packages/core/scripts/build-wasm.mjs from ranking.wat. Do not edit.
const WASM_BASE64 = 'AGFzbQEAAAABEAJgBH9/f38AYAV/f39/fwADBAMAAQEFAwEAAQcvBAZtZW1vcnkCAAZnYXRoZXIAAAVzd2VlcAABEWF2ZXJhZ2VfcHJlY2lzaW9uAAIK7wIDNgEBfwJAIABFDQADQCADIARqIAEgAiAEQQJ0aigCAGotAAA6AAAgBEEBaiEEIAQgAEkNAAsLC5MBAgd/AX4CQCAARQ0AA0AgASAFai0AACEGIAYgAiAFai0AAHEhByAIIAdqIQggCSAGIAdraiEJIAMgBWotAAAEQCAMIAitIAutQgGGIAmtfH58IQwgCiAIaiEKIAsgCWohC0EAIQhBACEJCyAFQQFqIQUgBSAASQ0ACwsgBCAKuDkDACAEIAu4OQMIIAQgDLo5AxALoAECCH8BfCAAIQUCQCAARQ0AA0AgBUEBayEFIAEgBWotAAAhBiAGIAIgBWotAABxIQcgCSAHaiEJIAsgBmohCyAFRSADIAVBAWtqLQAAcgRAIAkgCmshDCANIAy4IAm4oiALuKNEAAAAAAAAAAAgDBugIQ0gCSEKCyAFQQBLDQALCyAJIQggBCAIRQR8RAAAAAAAAAAABSANIAi4ows5AwAL';

;// CONCATENATED MODULE: ./packages/core/src/significance/wasm/instantiate.ts
const WASM_PAGE_BYTES = 65536;
const { Module, Instance } = globalThis.WebAssembly;
const compiled = new Map();
/** A fresh instance (with its own memory) of an embedded module, compiled once per process. */
function instantiate(base64) {
    let module = compiled.get(base64);
    if (module === undefined) {
        module = new Module(Buffer.from(base64, 'base64'));
        compiled.set(base64, module);
    }
    return new Instance(module, {}).exports;
}

;// CONCATENATED MODULE: ./packages/core/src/significance/paired-ranking-kernel.ts


/**
 * Both models' resampled ROC AUC or average precision from draw counts by position in the
 * candidate's ascending score order: the candidate's pass reads the counts in order, the
 * baseline's after one gather through a permutation. The passes run in WebAssembly (ranking.wat)
 * on integer counts, so the values equal the weighted metrics on the resample bit for bit. Counts
 * must fit a byte (the bootstrap's fast path); the caller handles wider ones.
 */
class PairedRankingKernel {
    wasm;
    n;
    drawn;
    layout;
    out;
    constructor(yTrue, posLabel, candidate, candidateOrder, baseline, baselineOrder) {
        const n = yTrue.length;
        this.n = n;
        this.layout = layoutFor(n);
        this.wasm = instantiate(WASM_BASE64);
        const { memory } = this.wasm;
        const missing = this.layout.bytes - memory.buffer.byteLength;
        if (missing > 0)
            memory.grow(Math.ceil(missing / WASM_PAGE_BYTES));
        const { buffer } = memory;
        const at = this.layout;
        this.drawn = new Uint8Array(buffer, at.drawn, n);
        this.out = new Float64Array(buffer, at.out, 3);
        const bytes = (offset) => new Uint8Array(buffer, offset, n);
        fillSorted(yTrue, posLabel, candidate, candidateOrder, bytes(at.candidateMask), bytes(at.candidateEnd));
        fillSorted(yTrue, posLabel, baseline, baselineOrder, bytes(at.baselineMask), bytes(at.baselineEnd));
        const positionOf = new Int32Array(n);
        for (let k = 0; k < n; k++)
            positionOf[candidateOrder[k]] = k;
        const baselineToCandidate = new Int32Array(buffer, at.baselineToCandidate, n);
        for (let k = 0; k < n; k++)
            baselineToCandidate[k] = positionOf[baselineOrder[k]];
    }
    evaluate(metric, drawn) {
        const { wasm, n, layout: at } = this;
        this.drawn.set(drawn);
        const candidate = this.score(metric, at.drawn, at.candidateMask, at.candidateEnd);
        wasm.gather(n, at.drawn, at.baselineToCandidate, at.gathered);
        return { candidate, baseline: this.score(metric, at.gathered, at.baselineMask, at.baselineEnd) };
    }
    score(metric, weight, mask, end) {
        const { wasm, n, out, layout: at } = this;
        if (metric === 'average_precision') {
            wasm.average_precision(n, weight, mask, end, at.out);
            return n === 0 ? NaN : out[0];
        }
        wasm.sweep(n, weight, mask, end, at.out);
        const positives = out[0];
        const negatives = out[1];
        const pairs = out[2] / 2;
        return positives > 0 && negatives > 0 ? pairs / (positives * negatives) : NaN;
    }
}
/** Byte offsets in the kernel's memory: six byte arrays, the i32 permutation, three f64 results. */
function layoutFor(n) {
    const index = align(6 * n, 8);
    const out = align(index + 4 * n, 8);
    return {
        drawn: 0,
        gathered: n,
        candidateMask: 2 * n,
        candidateEnd: 3 * n,
        baselineMask: 4 * n,
        baselineEnd: 5 * n,
        baselineToCandidate: index,
        out,
        bytes: out + 3 * 8,
    };
}
function align(offset, to) {
    return Math.ceil(offset / to) * to;
}
/** Per sorted position: 0xff for a positive example (else 0), and 1 where a run of equal scores ends. */
function fillSorted(yTrue, posLabel, scores, order, mask, end) {
    const n = order.length;
    for (let k = 0; k < n; k++) {
        const i = order[k];
        mask[k] = yTrue[i] === posLabel ? 0xff : 0;
        end[k] = k === n - 1 || scores[order[k + 1]] !== scores[i] ? 1 : 0;
    }
}
/**
 * A paired ranking statistic. Per-example counts go to `byCounts` (plain loops, any count width);
 * the bootstrap draws by position in the candidate's ascending order (`drawOrder`) and those go to
 * the kernel, built on first use, unless a count is too wide for its bytes.
 */
function pairedRanking(metric, yTrue, posLabel, candidate, baseline, orders, byCounts) {
    const { candidateOrder, baselineOrder } = orders;
    let kernel;
    const evaluateDrawn = (drawn) => {
        if (drawn instanceof Uint32Array) {
            // A count above 255 (next to impossible for n > 255).
            const counts = new Uint32Array(drawn.length);
            for (let k = 0; k < drawn.length; k++)
                counts[candidateOrder[k]] = drawn[k];
            return byCounts(counts);
        }
        kernel ??= new PairedRankingKernel(yTrue, posLabel, candidate, candidateOrder, baseline, baselineOrder);
        return kernel.evaluate(metric, drawn);
    };
    return {
        size: yTrue.length,
        // Unit weights are the same in any order, so the original sample goes through the kernel too.
        evaluate: (counts) => counts === undefined ? evaluateDrawn(new Uint8Array(yTrue.length).fill(1)) : byCounts(counts),
        drawOrder: candidateOrder,
        evaluateDrawn,
    };
}

;// CONCATENATED MODULE: ./packages/core/src/significance/paired-metrics.ts




const accuracyFromCounts = (c) => sum(c.truePositive) / sum(c.actual);
/**
 * Any confusion-count metric (accuracy, precision/recall/F1 in every average) of two models'
 * predicted labels. Classes count as present only when drawn, as on a materialised resample.
 */
function pairedLabelMetric(yTrue, candidate, baseline, metric) {
    validate_assertSameLength('paired labels', yTrue, candidate);
    validate_assertSameLength('paired labels', yTrue, baseline);
    const fast = categoryFastPath(yTrue, candidate, baseline, metric);
    return {
        size: yTrue.length,
        evaluate: (counts) => counts === undefined && fast.categories
            ? fast.categories.evaluate(fast.categories.sizes)
            : {
                candidate: metric(drawnClasses(classCounts(yTrue, candidate, counts))),
                baseline: metric(drawnClasses(classCounts(yTrue, baseline, counts))),
            },
        ...fast,
    };
}
/** Category = (true, candidate, baseline) label triple; only when at most 256 triples occur. */
function categoryFastPath(yTrue, candidate, baseline, metric) {
    const labelId = new Map();
    const idOf = (label) => {
        let id = labelId.get(label);
        if (id === undefined) {
            id = labelId.size;
            labelId.set(label, id);
        }
        return id;
    };
    const codeOf = new Map();
    const sizes = [];
    const triples = [];
    for (let i = 0; i < yTrue.length; i++) {
        const t = yTrue[i];
        const c = candidate[i];
        const b = baseline[i];
        // A numeric key (dense label ids < 1024) instead of a string: this loop runs once per example.
        const key = (idOf(t) * 1024 + idOf(c)) * 1024 + idOf(b);
        let code = codeOf.get(key);
        if (code === undefined) {
            // Every label occurs in some triple, so more than 768 labels also means more than 256 triples.
            if (triples.length === 256 || labelId.size > 768)
                return {};
            code = triples.length;
            codeOf.set(key, code);
            triples.push([t, c, b]);
            sizes.push(0);
        }
        sizes[code] = sizes[code] + 1;
    }
    const tripleTrue = Int32Array.from(triples.map((t) => t[0]));
    const tripleCandidate = Int32Array.from(triples.map((t) => t[1]));
    const tripleBaseline = Int32Array.from(triples.map((t) => t[2]));
    return {
        categories: {
            sizes: Float64Array.from(sizes),
            evaluate: (totals) => ({
                candidate: metric(drawnClasses(classCounts(tripleTrue, tripleCandidate, totals))),
                baseline: metric(drawnClasses(classCounts(tripleTrue, tripleBaseline, totals))),
            }),
        },
    };
}
/** Drop classes with no weight in y_true nor y_pred: they are absent from the resample. */
function drawnClasses(counts) {
    const keep = [];
    counts.labels.forEach((_, c) => {
        if (counts.actual[c] > 0 || counts.predicted[c] > 0)
            keep.push(c);
    });
    if (keep.length === counts.labels.length)
        return counts;
    const pick = (values) => Float64Array.from(keep.map((c) => values[c]));
    return {
        labels: keep.map((c) => counts.labels[c]),
        truePositive: pick(counts.truePositive),
        predicted: pick(counts.predicted),
        actual: pick(counts.actual),
    };
}
/**
 * A metric that is a (weighted) mean of per-example losses, optionally transformed: log loss and
 * Brier (`exampleLogLoss`, squared error of the probability), MAE, RMSE (`finish = Math.sqrt` over
 * squared errors). One pass per resample.
 */
function pairedMeanLoss(candidateLoss, baselineLoss, finish = (mean) => mean) {
    validate_assertSameLength('paired losses', candidateLoss, baselineLoss);
    const sums = new Float64Array(3);
    return {
        size: candidateLoss.length,
        evaluate: (counts) => {
            weightedSums(counts ?? new Uint8Array(candidateLoss.length).fill(1), candidateLoss, baselineLoss, sums);
            const total = sums[0];
            return { candidate: finish(sums[1] / total), baseline: finish(sums[2] / total) };
        },
    };
}
/**
 * Writes [Σ w, Σ w·a, Σ w·b]. A function of its own with no optional weight inside the loop: V8
 * compiled the inline version's loop several times slower.
 */
function weightedSums(weights, a, b, sums) {
    let total = 0;
    let sumA = 0;
    let sumB = 0;
    for (let i = 0; i < weights.length; i++) {
        const w = weights[i];
        total += w;
        sumA += w * a[i];
        sumB += w * b[i];
    }
    sums[0] = total;
    sums[1] = sumA;
    sums[2] = sumB;
}
/** Any weighted metric, evaluated twice per resample (simple, O(metric) per resample). */
function pairedMetric(size, candidate, baseline) {
    return {
        size,
        evaluate: (counts) => ({ candidate: candidate(counts), baseline: baseline(counts) }),
    };
}
/**
 * ROC AUC of two models' scores on the same binary labels. Each model is sorted once; a resample is
 * then one O(n) pass per model over the sorted order, accumulating the weighted Mann–Whitney
 * statistic with tied scores counted 1/2 (equal to sklearn's `roc_auc_score` on the resample).
 * The bootstrap's resamples go through the WebAssembly kernel (`pairedRanking`).
 */
function pairedRocAuc(yTrue, candidate, baseline, posLabel = 1) {
    validate_assertSameLength('paired ROC AUC', yTrue, candidate);
    validate_assertSameLength('paired ROC AUC', yTrue, baseline);
    ranking_assertBinary('ROC AUC', yTrue);
    const orders = { candidateOrder: ascendingOrder(candidate), baselineOrder: ascendingOrder(baseline) };
    // Built on first use: the bootstrap needs only the kernel, per-example counts only the scorers.
    let scorers;
    return pairedRanking('roc_auc', yTrue, posLabel, candidate, baseline, orders, (counts) => {
        scorers ??= [
            new SortedScores(yTrue, candidate, orders.candidateOrder, posLabel),
            new SortedScores(yTrue, baseline, orders.baselineOrder, posLabel),
        ];
        return { candidate: scorers[0].auc(counts), baseline: scorers[1].auc(counts) };
    });
}
class SortedScores {
    order;
    /** 1 for a positive example at each sorted position, else 0; float so the loop stays in doubles. */
    positive;
    /** 1 where the next sorted score differs (a tie group ends). */
    groupEnd;
    hasTies;
    constructor(yTrue, scores, order, posLabel) {
        this.order = order;
        const n = scores.length;
        this.positive = new Float64Array(n);
        this.groupEnd = new Uint8Array(n);
        let ties = false;
        for (let k = 0; k < n; k++) {
            const i = this.order[k];
            this.positive[k] = yTrue[i] === posLabel ? 1 : 0;
            const last = k === n - 1 || scores[this.order[k + 1]] !== scores[i];
            this.groupEnd[k] = last ? 1 : 0;
            if (!last)
                ties = true;
        }
        this.hasTies = ties;
    }
    auc(weights) {
        return this.hasTies ? this.aucWithTies(weights) : this.aucDistinct(weights);
    }
    aucDistinct(weights) {
        const { order, positive } = this;
        let positives = 0;
        let negatives = 0;
        let pairs = 0;
        for (let k = 0; k < order.length; k++) {
            const w = weights[order[k]];
            const p = positive[k] * w;
            pairs += p * negatives;
            positives += p;
            negatives += w - p;
        }
        return positives > 0 && negatives > 0 ? pairs / (positives * negatives) : NaN;
    }
    aucWithTies(weights) {
        const { order, positive, groupEnd } = this;
        // Running totals only (no per-group resets to 0) keep every accumulator a double for V8.
        let positives = 0;
        let negatives = 0;
        let positivesBefore = 0;
        let negativesBefore = 0;
        let pairs = 0;
        for (let k = 0; k < order.length; k++) {
            const w = weights[order[k]];
            const p = positive[k] * w;
            positives += p;
            negatives += w - p;
            if (groupEnd[k] === 1) {
                pairs += (positives - positivesBefore) * (negativesBefore + 0.5 * (negatives - negativesBefore));
                positivesBefore = positives;
                negativesBefore = negatives;
            }
        }
        return positives > 0 && negatives > 0 ? pairs / (positives * negatives) : NaN;
    }
}
function sum(values) {
    let s = 0;
    for (const v of values)
        s += v;
    return s;
}
/**
 * One-vs-rest ROC AUC of two models' per-class scores, macro-averaged: sklearn's
 * `roc_auc_score(y_true, S, multi_class='ovr', average='macro')` when every class has examples in
 * and out of it. A class without both (absent from a resample or a slice) is left out of the
 * average, where sklearn refuses the data; NaN when no class is left.
 */
function pairedOneVsRestRocAuc(yTrue, candidate, baseline) {
    const perClass = candidate.map((scores, c) => {
        const inClass = Int32Array.from(yTrue, (label) => (label === c ? 1 : 0));
        return pairedRocAuc(inClass, scores, baseline[c], 1);
    });
    return {
        size: yTrue.length,
        evaluate: (counts) => {
            let candidateSum = 0;
            let baselineSum = 0;
            let defined = 0;
            for (const statistic of perClass) {
                const v = statistic.evaluate(counts);
                if (Number.isNaN(v.candidate) || Number.isNaN(v.baseline))
                    continue;
                candidateSum += v.candidate;
                baselineSum += v.baseline;
                defined++;
            }
            return defined === 0
                ? { candidate: NaN, baseline: NaN }
                : { candidate: candidateSum / defined, baseline: baselineSum / defined };
        },
    };
}

;// CONCATENATED MODULE: ./packages/core/src/compare/engine/average-precision.ts


/**
 * Average precision (PR AUC) of two models' scores on the same binary labels, each model sorted
 * once: a resample is then O(n) passes instead of a sort (the bootstrap's in the WebAssembly
 * kernel, see `pairedRanking`). Equals
 * `averagePrecision(yTrue, scores, { posLabel }, counts)` (sklearn's step-wise sum, zero-weight
 * score groups skipped) where the resample holds a positive example, and NaN where it holds none:
 * precision at a recall that cannot be measured is undefined, not 0.
 */
function pairedAveragePrecision(yTrue, candidate, baseline, posLabel = 1) {
    ranking_assertBinary('average precision', yTrue);
    const orders = { candidateOrder: ascendingOrder(candidate), baselineOrder: ascendingOrder(baseline) };
    let scorers;
    const ranking = pairedRanking('average_precision', yTrue, posLabel, candidate, baseline, orders, (counts) => {
        scorers ??= [
            new DescendingScores(yTrue, candidate, orders.candidateOrder, posLabel),
            new DescendingScores(yTrue, baseline, orders.baselineOrder, posLabel),
        ];
        return { candidate: scorers[0].precision(counts), baseline: scorers[1].precision(counts) };
    });
    const positives = positionsOf(yTrue, posLabel, (i) => i);
    const drawnPositives = positionsOf(yTrue, posLabel, (k) => orders.candidateOrder[k]);
    const undefinedValues = { candidate: NaN, baseline: NaN };
    return {
        ...ranking,
        evaluate: (counts) => (counts === undefined ? positives.length > 0 : anyDrawn(counts, positives))
            ? ranking.evaluate(counts)
            : undefinedValues,
        evaluateDrawn: (drawn) => anyDrawn(drawn, drawnPositives)
            ? ranking.evaluateDrawn(drawn)
            : undefinedValues,
    };
}
/** Positions k (example `exampleAt(k)`) that hold a positive example. */
function positionsOf(yTrue, posLabel, exampleAt) {
    const positions = [];
    for (let k = 0; k < yTrue.length; k++)
        if (yTrue[exampleAt(k)] === posLabel)
            positions.push(k);
    return Int32Array.from(positions);
}
function anyDrawn(counts, positions) {
    for (let j = 0; j < positions.length; j++)
        if (counts[positions[j]] > 0)
            return true;
    return false;
}
class DescendingScores {
    order;
    /** 1 for a positive example at each position (highest score first), else 0. */
    positive;
    /** 1 where the next position has a different score (a threshold ends). */
    groupEnd;
    constructor(yTrue, scores, ascending, posLabel) {
        this.order = ascending.slice().reverse();
        const n = scores.length;
        this.positive = new Float64Array(n);
        this.groupEnd = new Uint8Array(n);
        for (let k = 0; k < n; k++) {
            const i = this.order[k];
            this.positive[k] = yTrue[i] === posLabel ? 1 : 0;
            this.groupEnd[k] = k === n - 1 || scores[this.order[k + 1]] !== scores[i] ? 1 : 0;
        }
    }
    /** The kernel's formula (ranking.wat): sum(gained * truePositives / seen) / positives over the thresholds. */
    precision(counts) {
        const { order, positive, groupEnd } = this;
        const n = order.length;
        if (n === 0)
            return NaN;
        let truePositives = 0;
        let truePositivesBefore = 0;
        let seen = 0;
        let sum = 0;
        for (let k = 0; k < n; k++) {
            const w = counts[order[k]];
            truePositives += positive[k] * w;
            seen += w;
            if (groupEnd[k] === 0)
                continue;
            const gained = truePositives - truePositivesBefore;
            if (gained > 0)
                sum += (gained * truePositives) / seen;
            truePositivesBefore = truePositives;
        }
        return truePositives === 0 ? NaN : sum / truePositives;
    }
}

;// CONCATENATED MODULE: ./packages/core/src/compare/engine/metric-set.ts








const hasClasses = (m) => m.classes !== undefined;
const hasScore = (m) => m.score !== undefined;
const hasProbability = (m) => m.probability !== undefined;
const hasClassScores = (m) => m.classScores !== undefined;
const hasClassProbabilities = (m) => m.classProbabilities !== undefined;
const hasValues = (m) => m.values !== undefined;
const NEEDS_CLASSES = 'a prediction column, or scores with a known threshold (probabilities, logits or decision values)';
const PROBABILITIES = [
    hasProbability,
    'probabilities: scores within [0, 1], or score_type: logit',
];
const CLASS_PROBABILITIES = [
    hasClassProbabilities,
    'per-class probabilities (score_<class> columns within [0, 1], or score_type: logit)',
];
const VALUES = [hasValues, 'a prediction column'];
const y = (truth) => truth.classes;
const classes = (m) => m.classes;
const score = (m) => m.score;
const probability = (m) => m.probability;
const values = (m) => m.values;
const target = (truth) => truth.values;
function labelMetric(name, metric, extra = {}) {
    return {
        name,
        applies: hasClasses,
        needs: NEEDS_CLASSES,
        statistic: (t, c, b) => pairedLabelMetric(y(t), classes(c), classes(b), metric),
        ...(extra.undefinedReason && { undefinedReason: extra.undefinedReason }),
        ...(extra.withMcNemar && {
            test: (t, c, b) => ({
                pValue: mcnemar(y(t), classes(c), classes(b)).pValue,
                name: 'McNemar',
            }),
        }),
    };
}
function prfMetric(name, part, options, undefinedReason) {
    return labelMetric(name, (counts) => prfFromCounts(counts, options)[part], undefinedReason && { undefinedReason });
}
/** Mean of a per-example loss of one model's outputs (log loss, Brier, MAE, squared error). */
function meanLossMetric(name, [applies, needs], loss, finish) {
    return { name, applies, needs, statistic: (t, c, b) => pairedMeanLoss(loss(t, c), loss(t, b), finish) };
}
function perExample(n, f) {
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++)
        out[i] = f(i);
    return out;
}
/** How many examples are of class 1 (the positive class) and how many a model predicts as it. */
function positives(truth, outputs) {
    const yTrue = y(truth);
    const yPred = outputs.classes;
    let actual = 0;
    let predicted = 0;
    for (let i = 0; i < yTrue.length; i++) {
        if (yTrue[i] === 1)
            actual++;
        if (yPred?.[i] === 1)
            predicted++;
    }
    return { actual, predicted, total: yTrue.length };
}
const positiveName = (names) => JSON.stringify(names[1] ?? '1');
const noPredictedPositive = (t, m, names) => positives(t, m).predicted === 0 ? `no example is predicted ${positiveName(names)}` : 'undefined on these examples';
const noActualPositive = (t, _m, names) => `no example is ${positiveName(names)}`;
const neitherPositive = (_t, _m, names) => `no example is or is predicted ${positiveName(names)}`;
const oneClass = (t, m, names) => {
    const { actual, total } = positives(t, m);
    if (total === 0)
        return 'there are no examples';
    return actual === 0 ? `no example is ${positiveName(names)}` : `every example is ${positiveName(names)}`;
};
/**
 * Binary precision, recall and F1 (of the positive class) are undefined where their denominator is
 * zero (sklearn ≥ 1.3 with `zero_division=np.nan`), never 0; the macro and weighted averages
 * follow sklearn's default (a class's zero-denominator ratio counts as 0).
 */
const metric_set_binaryPrf = { average: 'binary', posLabel: 1, zeroDivision: Number.NaN };
const macro = { average: 'macro' };
const weighted = { average: 'weighted' };
const AVERAGED_PRF = [
    prfMetric('precision_macro', 'precision', macro),
    prfMetric('recall_macro', 'recall', macro),
    prfMetric('f1_macro', 'f1', macro),
    prfMetric('precision_weighted', 'precision', weighted),
    prfMetric('recall_weighted', 'recall', weighted),
    prfMetric('f1_weighted', 'f1', weighted),
];
const BINARY = [
    labelMetric('accuracy', accuracyFromCounts, { withMcNemar: true }),
    prfMetric('precision', 'precision', metric_set_binaryPrf, noPredictedPositive),
    prfMetric('recall', 'recall', metric_set_binaryPrf, noActualPositive),
    prfMetric('f1', 'f1', metric_set_binaryPrf, neitherPositive),
    ...AVERAGED_PRF,
    {
        name: 'roc_auc',
        applies: hasScore,
        needs: 'a score column',
        statistic: (t, c, b) => pairedRocAuc(y(t), score(c), score(b), 1),
        test: (t, c, b, confidence) => deLongTest(y(t), score(c), score(b), confidence),
        undefinedReason: oneClass,
    },
    {
        name: 'pr_auc',
        applies: hasScore,
        needs: 'a score column',
        statistic: (t, c, b) => pairedAveragePrecision(y(t), score(c), score(b), 1),
        undefinedReason: noActualPositive,
    },
    meanLossMetric('log_loss', PROBABILITIES, (t, m) => perExample(t.classes?.length ?? 0, (i) => exampleLogLoss(y(t)[i] === 1, probability(m)[i]))),
    meanLossMetric('brier', PROBABILITIES, (t, m) => perExample(t.classes?.length ?? 0, (i) => ((y(t)[i] === 1 ? 1 : 0) - probability(m)[i]) ** 2)),
];
const MULTICLASS = [
    labelMetric('accuracy', accuracyFromCounts, { withMcNemar: true }),
    ...AVERAGED_PRF,
    meanLossMetric('log_loss', CLASS_PROBABILITIES, (t, m) => multiclassLogLosses(y(t), m.classProbabilities)),
    {
        name: 'roc_auc_ovr',
        applies: hasClassScores,
        needs: 'per-class score columns (score_<class>)',
        statistic: (t, c, b) => pairedOneVsRestRocAuc(y(t), c.classScores, b.classScores),
        undefinedReason: () => 'fewer than two classes among the labels have examples of both kinds (in and not in the class)',
    },
];
const REGRESSION = [
    meanLossMetric('mae', VALUES, (t, m) => perExample(target(t).length, (i) => Math.abs(target(t)[i] - values(m)[i]))),
    meanLossMetric('rmse', VALUES, (t, m) => perExample(target(t).length, (i) => (target(t)[i] - values(m)[i]) ** 2), Math.sqrt),
    {
        name: 'r2',
        applies: hasValues,
        needs: 'a prediction column',
        statistic: (t, c, b) => pairedMetric(target(t).length, (w) => r2Score(target(t), values(c), w), (w) => r2Score(target(t), values(b), w)),
        undefinedReason: () => 'R² needs at least two examples',
    },
];
/** The metrics computed for a task, in report order. */
function metricsFor(task) {
    return task === 'binary' ? BINARY : task === 'multiclass' ? MULTICLASS : REGRESSION;
}
/** DeLong's p-value, or none when the test is undefined (fewer than two examples of a class). */
function deLongTest(yTrue, candidate, baseline, confidence) {
    try {
        return { pValue: deLong(yTrue, candidate, baseline, { confidence }).pValue, name: 'DeLong' };
    }
    catch (error) {
        if (error instanceof errors_UserError)
            return undefined;
        throw error;
    }
}

;// CONCATENATED MODULE: ./packages/core/src/significance/binomial.ts
/**
 * Exact Binomial(n, p) variate from `rng`: inversion (sequential search from 0) when n·min(p, 1−p)
 * is below 10, otherwise BTRD, Hörmann's transformed rejection with decomposition ("The generation
 * of binomial random variates", J. Stat. Comput. Simul. 46, 1993). Both are exact up to floating
 * point, and each call consumes a deterministic number of outputs for a given stream, so draws
 * built from it are reproducible with the seed.
 */
function binomial(rng, n, p) {
    if (n === 0 || p <= 0)
        return 0;
    if (p >= 1)
        return n;
    if (p > 0.5)
        return n - binomial(rng, n, 1 - p);
    return n * p < 10 ? binomialInversion(rng, n, p) : binomialBtrd(rng, n, p);
}
/** P(X = k) by the recurrence P(k)/P(k − 1) = (n + 1 − k)/k · p/q, walking up from P(0) = qⁿ. */
function binomialInversion(rng, n, p) {
    const q = 1 - p;
    const odds = p / q;
    const start = Math.exp(n * Math.log1p(-p));
    for (;;) {
        let u = rng.nextOpenDouble();
        let k = 0;
        let pk = start;
        while (u > pk && k < n) {
            u -= pk;
            k++;
            pk *= ((n + 1 - k) / k) * odds;
        }
        // Rounding can leave u above the total mass; restarting keeps the draw exact instead of clamping.
        if (u <= pk)
            return k;
    }
}
function binomialBtrd(rng, n, p) {
    const q = 1 - p;
    const mode = Math.floor((n + 1) * p);
    const odds = p / q;
    const nOdds = (n + 1) * odds;
    const npq = n * p * q;
    const spq = Math.sqrt(npq);
    const b = 1.15 + 2.53 * spq;
    const a = -0.0873 + 0.0248 * b + 0.01 * p;
    const c = n * p + 0.5;
    const alpha = (2.83 + 5.1 / b) * spq;
    const vr = 0.92 - 4.2 / b;
    const urvr = 0.86 * vr;
    for (;;) {
        let v = rng.nextOpenDouble();
        let u;
        if (v <= urvr) {
            // Most draws: the triangular centre of the hat, accepted without evaluating the density.
            u = v / vr - 0.43;
            return Math.floor(((2 * a) / (0.5 - Math.abs(u)) + b) * u + c);
        }
        if (v >= vr) {
            u = rng.nextOpenDouble() - 0.5;
        }
        else {
            u = v / vr - 0.93;
            u = Math.sign(u) * 0.5 - u;
            v = rng.nextOpenDouble() * vr;
        }
        const us = 0.5 - Math.abs(u);
        const k = Math.floor(((2 * a) / us + b) * u + c);
        if (k < 0 || k > n)
            continue;
        v = (v * alpha) / (a / (us * us) + b);
        const km = Math.abs(k - mode);
        if (km <= 15) {
            // Near the mode: the density ratio f(k)/f(mode) by its recurrence.
            let f = 1;
            for (let i = mode + 1; i <= k; i++)
                f *= nOdds / i - odds;
            for (let i = k + 1; i <= mode; i++)
                v *= nOdds / i - odds;
            if (v <= f)
                return k;
            continue;
        }
        v = Math.log(v);
        const rho = (km / npq) * (((km / 3 + 0.625) * km + 1 / 6) / npq + 0.5);
        const t = (-km * km) / (2 * npq);
        if (v < t - rho)
            return k;
        if (v > t + rho)
            continue;
        const nm = n - mode + 1;
        const h = (mode + 0.5) * Math.log((mode + 1) / (odds * nm)) + binomial_stirlingTail(mode) + binomial_stirlingTail(n - mode);
        const nk = n - k + 1;
        const bound = h +
            (n + 1) * Math.log(nm / nk) +
            (k + 0.5) * Math.log((nk * odds) / (k + 1)) -
            binomial_stirlingTail(k) -
            binomial_stirlingTail(n - k);
        if (v <= bound)
            return k;
    }
}
const binomial_HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);
/** log k! − [(k + ½)·log(k + 1) − (k + 1) + ½·log 2π], exact (via log k!) for small k where the series is poor. */
const SMALL_TAILS = Array.from({ length: 10 }, (_, k) => {
    let logFactorial = 0;
    for (let i = 2; i <= k; i++)
        logFactorial += Math.log(i);
    return logFactorial - ((k + 0.5) * Math.log(k + 1) - (k + 1) + binomial_HALF_LOG_2PI);
});
function binomial_stirlingTail(k) {
    if (k < 10)
        return SMALL_TAILS[k];
    const inv = 1 / (k + 1);
    const inv2 = inv * inv;
    return (1 / 12 - (1 / 360 - inv2 / 1260) * inv2) * inv;
}
/**
 * Multinomial(total; sizes[k] / Σ sizes) into `out`, by sequential conditional binomials: category
 * k gets Binomial(draws left, sizes[k] / sizes left). This is exactly the distribution of how many
 * of `total` uniform draws over Σ sizes items land in each category.
 */
function multinomial(rng, total, sizes, out) {
    let itemsLeft = 0;
    for (const s of sizes)
        itemsLeft += s;
    let drawsLeft = total;
    for (let k = 0; k < sizes.length; k++) {
        const size = sizes[k];
        const drawn = drawsLeft === 0 ? 0 : binomial(rng, drawsLeft, size / itemsLeft);
        out[k] = drawn;
        drawsLeft -= drawn;
        itemsLeft -= size;
    }
}

;// CONCATENATED MODULE: ./packages/core/src/significance/prng.ts
/**
 * xoshiro128** 1.1 (Blackman & Vigna, 2018): 128-bit state, 32-bit output, fast in JavaScript's
 * 32-bit integer arithmetic. Each (seed, stream) pair gets its own state via SplitMix32, so resample
 * r of a bootstrap depends only on (seed, r): splitting resamples across workers, or re-running one,
 * reproduces exactly the same draws.
 */
class Xoshiro128 {
    /** The state words; public so hot loops can step the generator in local variables and store it back. */
    s0;
    s1;
    s2;
    s3;
    constructor(seed, stream = 0) {
        const state = seedState(seed, stream);
        this.s0 = state[0];
        this.s1 = state[1];
        this.s2 = state[2];
        this.s3 = state[3];
    }
    nextUint32() {
        const r = Math.imul(this.s1, 5);
        const result = Math.imul((r << 7) | (r >>> 25), 9) >>> 0;
        const t = this.s1 << 9;
        this.s2 ^= this.s0;
        this.s3 ^= this.s1;
        this.s1 ^= this.s2;
        this.s0 ^= this.s3;
        this.s2 ^= t;
        this.s3 = (this.s3 << 11) | (this.s3 >>> 21);
        return result;
    }
    /** Uniform in [0, 1) with 32 bits of resolution. */
    nextFloat() {
        return this.nextUint32() / 4294967296;
    }
    /** Uniform in (0, 1) with 53 bits of resolution (high 27 bits of one output, high 26 of the next). */
    nextOpenDouble() {
        const high = this.nextUint32() >>> 5;
        const low = this.nextUint32() >>> 6;
        return (high * 67108864 + low + 0.5) / 9007199254740992;
    }
}
/** The xoshiro128** state for (seed, stream); for one seed, distinct streams get distinct states. */
function seedState(seed, stream) {
    if (!Number.isSafeInteger(seed) || seed < 0)
        throw new RangeError(`seed must be a non-negative integer, got ${seed}`);
    // mix32 is a bijection, so for a fixed seed distinct streams give distinct starting points.
    let x = mix32((seed >>> 0) + GOLDEN);
    x = mix32(x ^ Math.floor(seed / 4294967296));
    x = mix32(x ^ stream);
    const state = new Int32Array(4);
    for (let k = 0; k < 4; k++)
        state[k] = mix32(x + Math.imul(k + 1, GOLDEN));
    if (state.every((v) => v === 0))
        state[0] = 1;
    return state;
}
const GOLDEN = 0x9e3779b9;
/** SplitMix32/murmur3 finaliser: a bijection on 32-bit integers with good avalanche. */
function mix32(value) {
    let z = value | 0;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return z ^ (z >>> 16);
}

;// CONCATENATED MODULE: ./packages/core/src/significance/wasm/resample-wasm.ts
// Generated by packages/core/scripts/build-wasm.mjs from resample.wat. Do not edit.
const resample_wasm_WASM_BASE64 = 'AGFzbQEAAAABCAFgA39/fwF/AwIBAAUDAQABBxcCBm1lbW9yeQIACmZ1bGxfYmxvY2sAAAqcAgGZAgEKfyAAKAIAIQMgACgCBCEEIAAoAgghBSAAKAIMIQYCQCACRQ0AA0AgBEEFbEEHd0EJbCEHIARBCXQhCCAFIANzIQUgBiAEcyEGIAQgBXMhBCADIAZzIQMgBSAIcyEFIAZBC3chBiABIAdBFnZqIQkgCS0AAEEBaiEKIAkgCjoAACAMIApyIQwgC0EBaiACSQRAIAEgB0EMdkH/B3FqIQkgCS0AAEEBaiEKIAkgCjoAACAMIApyIQwLIAtBAmogAkkEQCABIAdBAnZB/wdxaiEJIAktAABBAWohCiAJIAo6AAAgDCAKciEMCyALQQNqIQsgCyACSQ0ACwsgACADNgIAIAAgBDYCBCAAIAU2AgggACAGNgIMIAwL';

;// CONCATENATED MODULE: ./packages/core/src/significance/resample.ts




/** Examples per block of the two-level draw (a power of two: an index is 10 random bits). */
const BLOCK_SIZE = 1024;
/**
 * Resample `resample` of `seed`: an exact multinomial(n; 1/n, …, 1/n) resample (n uniform draws
 * with replacement, not the Poisson approximation), drawn in two levels from the xoshiro128**
 * stream (seed, resample) so that writes stay inside one cache-sized block:
 *  1. Examples are split by index into blocks of BLOCK_SIZE (the last may be smaller). Block by
 *     block, the number of draws landing in it is Binomial(draws left, block size / examples left)
 *     (`binomial`), i.e. the block totals are multinomial.
 *  2. Right after its total, the block's draws pick examples uniformly inside the block: each index
 *     is the next ⌈log2 size⌉-bit chunk of an output, read from the high bits, ⌊32 / bits⌋ chunks per
 *     output; a chunk ≥ size (only in a smaller last block) is rejected.
 * Given the totals the within-block counts are uniform multinomials, so the counts are exactly the
 * one-level multinomial. Returns false when a Uint8Array count overflowed (then use a Uint32Array).
 */
function drawCounts(seed, resample, counts, fillBlock = fullBlock) {
    const n = counts.length;
    const rng = new Xoshiro128(seed, resample);
    let drawsLeft = n;
    let overflow = 0;
    for (let start = 0; start < n; start += BLOCK_SIZE) {
        const size = Math.min(BLOCK_SIZE, n - start);
        const total = binomial(rng, drawsLeft, size / (n - start));
        drawsLeft -= total;
        counts.fill(0, start, start + size);
        overflow |=
            size === BLOCK_SIZE ? fillBlock(rng, counts, start, total) : partialBlock(rng, counts, start, size, total);
    }
    return counts instanceof Uint32Array || overflow < 256;
}
/**
 * Draws resamples of n examples like `drawCounts`, with the full blocks filled by the WebAssembly
 * twin of `fullBlock` (resample.wat: the same draws, about twice as fast) into byte counts that
 * live in its memory. A resample whose byte count overflows is redrawn wide, in JavaScript.
 */
class ResampleDrawer {
    n;
    narrow;
    wide;
    fill;
    constructor(n) {
        this.n = n;
        const wasm = instantiate(resample_wasm_WASM_BASE64);
        const stateAt = 0;
        const countsAt = 16;
        const missing = countsAt + n - wasm.memory.buffer.byteLength;
        if (missing > 0)
            wasm.memory.grow(Math.ceil(missing / WASM_PAGE_BYTES));
        this.narrow = new Uint8Array(wasm.memory.buffer, countsAt, n);
        const state = new Int32Array(wasm.memory.buffer, stateAt, 4);
        this.fill = (rng, _counts, start, total) => {
            state[0] = rng.s0;
            state[1] = rng.s1;
            state[2] = rng.s2;
            state[3] = rng.s3;
            const overflow = wasm.full_block(stateAt, countsAt + start, total);
            rng.s0 = state[0];
            rng.s1 = state[1];
            rng.s2 = state[2];
            rng.s3 = state[3];
            return overflow;
        };
    }
    /** The counts of resample `resample` of `seed`, valid until the next call. */
    draw(seed, resample) {
        if (drawCounts(seed, resample, this.narrow, this.fill))
            return this.narrow;
        this.wide ??= new Uint32Array(this.n);
        drawCounts(seed, resample, this.wide);
        return this.wide;
    }
}
/**
 * `total` draws into a full block: three 10-bit chunks per output (bits 31–22, 21–12, 11–2), no
 * rejection. Returns the OR of the counts written. The xoshiro128** step is written out so the
 * state stays in local variables.
 */
function fullBlock(rng, counts, start, total) {
    let s0 = rng.s0;
    let s1 = rng.s1;
    let s2 = rng.s2;
    let s3 = rng.s3;
    let overflow = 0;
    for (let drawn = 0; drawn < total; drawn += 3) {
        const r = Math.imul(s1, 5);
        const word = Math.imul((r << 7) | (r >>> 25), 9);
        const t = s1 << 9;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = (s3 << 11) | (s3 >>> 21);
        const a = start + (word >>> 22);
        const ca = counts[a] + 1;
        counts[a] = ca;
        overflow |= ca;
        if (drawn + 1 < total) {
            const b = start + ((word >>> 12) & 1023);
            const cb = counts[b] + 1;
            counts[b] = cb;
            overflow |= cb;
        }
        if (drawn + 2 < total) {
            const c = start + ((word >>> 2) & 1023);
            const cc = counts[c] + 1;
            counts[c] = cc;
            overflow |= cc;
        }
    }
    rng.s0 = s0;
    rng.s1 = s1;
    rng.s2 = s2;
    rng.s3 = s3;
    return overflow;
}
/** `total` draws into the smaller last block: ⌈log2 size⌉-bit chunks, rejecting those ≥ size. */
function partialBlock(rng, counts, start, size, total) {
    if (size === 1) {
        counts[start] = total;
        return total;
    }
    const bits = 32 - Math.clz32(size - 1);
    const perOutput = Math.floor(32 / bits);
    let overflow = 0;
    let word = 0;
    let chunksLeft = 0;
    for (let drawn = 0; drawn < total;) {
        if (chunksLeft === 0) {
            word = rng.nextUint32() | 0;
            chunksLeft = perOutput;
        }
        const j = word >>> (32 - bits);
        word <<= bits;
        chunksLeft--;
        if (j < size) {
            const c = counts[start + j] + 1;
            counts[start + j] = c;
            overflow |= c;
            drawn++;
        }
    }
    return overflow;
}
/**
 * Category totals of resample `resample` of `seed` for a statistic that depends only on how many
 * draws fall in each category (`sizes[k]` examples in category k): Multinomial(n; sizes / n),
 * drawn directly by conditional binomials from the xoshiro128** stream (seed, resample) in
 * O(categories) instead of O(n). The same distribution as tallying a per-example resample by
 * category, but not the same draws as `drawCounts`.
 */
function drawCategoryTotals(seed, resample, sizes, totals) {
    let n = 0;
    for (const s of sizes)
        n += s;
    multinomial(new Xoshiro128(seed, resample), n, sizes, totals);
}

;// CONCATENATED MODULE: ./packages/core/src/significance/bootstrap.ts

/**
 * Seeded paired bootstrap of candidate − baseline: both models are scored on the same resampled
 * examples, so their correlation is kept. Resample r depends only on (seed, r).
 */
function pairedBootstrap(statistic, options = {}) {
    const { resamples = 1000, confidence = 0.95, seed = 0 } = options;
    if (!Number.isInteger(resamples) || resamples < 1)
        throw new RangeError(`resamples must be a positive integer`);
    if (!(confidence > 0 && confidence < 1))
        throw new RangeError(`confidence must be in (0, 1), got ${confidence}`);
    const { candidate, baseline } = statistic.evaluate();
    const deltas = bootstrapDeltas(statistic, seed, 0, resamples);
    return {
        candidate,
        baseline,
        delta: candidate - baseline,
        ci: percentileInterval(deltas, confidence),
        confidence,
        resamples,
        seed,
        undefinedResamples: deltas.reduce((n, d) => (Number.isNaN(d) ? n + 1 : n), 0),
        method: 'paired-percentile-bootstrap',
        prng: 'xoshiro128**',
    };
}
/** candidate − baseline on resamples [from, to) of `seed`; a worker can compute any slice. */
function bootstrapDeltas(statistic, seed, from, to) {
    const deltas = new Float64Array(to - from);
    const { categories } = statistic;
    if (categories) {
        const totals = new Float64Array(categories.sizes.length);
        for (let r = from; r < to; r++) {
            drawCategoryTotals(seed, r, categories.sizes, totals);
            const v = categories.evaluate(totals);
            deltas[r - from] = v.candidate - v.baseline;
        }
        return deltas;
    }
    const single = singleResample(statistic, seed);
    for (let r = from; r < to; r++)
        deltas[r - from] = single(r);
    return deltas;
}
/** candidate − baseline of one resample, by draw position when the statistic has a draw order. */
function singleResample(statistic, seed) {
    const drawer = new ResampleDrawer(statistic.size);
    return (resample) => {
        const counts = drawer.draw(seed, resample);
        const v = statistic.evaluateDrawn ? statistic.evaluateDrawn(counts) : statistic.evaluate(counts);
        return v.candidate - v.baseline;
    };
}
/**
 * Percentile interval [q(α/2), q(1 − α/2)] of the defined deltas, with numpy's default linear
 * interpolation between order statistics.
 */
function percentileInterval(deltas, confidence) {
    const sorted = deltas.filter((d) => !Number.isNaN(d)).sort();
    if (sorted.length === 0)
        return [NaN, NaN];
    const alpha = 1 - confidence;
    return [quantileSorted(sorted, alpha / 2), quantileSorted(sorted, 1 - alpha / 2)];
}
function quantileSorted(sorted, q) {
    const h = (sorted.length - 1) * q;
    const lo = Math.floor(h);
    const a = sorted[lo];
    const b = sorted[Math.min(lo + 1, sorted.length - 1)];
    return a + (h - lo) * (b - a);
}

;// CONCATENATED MODULE: ./packages/core/src/compare/engine/deltas.ts



const deltasInThread = (job, statistic) => bootstrapDeltas(statistic, job.seed, 0, job.resamples);
/** Resamples [from, to) of a job, from the job alone: what a worker thread runs. */
function jobDeltas(job, from, to) {
    const definition = metricsFor(job.task).find((d) => d.name === job.metric);
    const { truth, candidate, baseline } = job.examples;
    if (definition === undefined || baseline === null) {
        throw new errors_UserError(`bootstrap job: no paired ${job.task} metric named "${job.metric}"`);
    }
    return bootstrapDeltas(definition.statistic(truth, candidate, baseline), job.seed, from, to);
}

;// CONCATENATED MODULE: ./packages/core/src/compare/engine/metrics.ts





const BOOTSTRAP_METHOD = 'paired bootstrap';
/**
 * Every metric of the task on these examples. With a baseline each delta gets its seeded paired
 * bootstrap interval (and McNemar's or DeLong's p-value where defined), labelled by that interval
 * in the metric's direction; without one each candidate value is `new`. A metric undefined on one
 * side or both (ROC AUC with one class, recall without a positive example) is labelled `undefined`
 * with the reason, never given a value.
 */
function compareOnExamples(examples, options) {
    const metrics = [];
    for (const definition of metricsFor(options.task)) {
        const comparison = compareOne(definition, examples, options);
        if (comparison !== undefined)
            metrics.push(comparison);
    }
    return { metrics };
}
function compareOne(definition, examples, options) {
    const { truth, candidate, baseline } = examples;
    const direction = metricDirection(definition.name, options.rules);
    const onCandidate = definition.applies(candidate);
    const onBaseline = baseline !== null && definition.applies(baseline);
    if (!onCandidate && !onBaseline)
        return undefined;
    const why = (outputs) => definition.undefinedReason?.(truth, outputs, options.classes) ?? `undefined on these ${examples.size} examples`;
    if (!onCandidate || !onBaseline) {
        const model = onCandidate ? candidate : baseline;
        const value = definition.statistic(truth, model, model).evaluate().candidate;
        if (Number.isNaN(value))
            return undefinedComparison(definition.name, direction, why(model), onCandidate, onBaseline);
        return onCandidate
            ? compareMetric(definition.name, direction, null, value)
            : compareMetric(definition.name, direction, value, null);
    }
    const paired = baseline;
    const statistic = definition.statistic(truth, candidate, paired);
    const point = statistic.evaluate();
    const candidateUndefined = Number.isNaN(point.candidate);
    const baselineUndefined = Number.isNaN(point.baseline);
    if (candidateUndefined || baselineUndefined) {
        const reason = candidateUndefined ? why(candidate) : why(paired);
        const sides = candidateUndefined && baselineUndefined ? '' : candidateUndefined ? 'for the candidate: ' : 'for the baseline: ';
        return {
            ...compareMetric(definition.name, direction, baselineUndefined ? null : point.baseline, candidateUndefined ? null : point.candidate),
            label: 'undefined',
            note: `${sides}${reason}`,
        };
    }
    const { resamples, confidence, seed, task } = options;
    const job = { metric: definition.name, task, examples, seed, resamples };
    const [low, high] = percentileInterval((options.deltas ?? deltasInThread)(job, statistic), confidence);
    const test = definition.test?.(truth, candidate, paired, confidence);
    if (!(Number.isFinite(low) && Number.isFinite(high))) {
        // No resample defined the metric: there is no interval, so no change can be called significant.
        const unbounded = compareMetric(definition.name, direction, point.baseline, point.candidate);
        const significant = ['improved', 'regressed', 'changed'].includes(unbounded.label);
        return significant ? { ...unbounded, label: 'within-noise' } : unbounded;
    }
    const method = test ? `${BOOTSTRAP_METHOD}; p: ${test.name}` : BOOTSTRAP_METHOD;
    return compareMetric(definition.name, direction, point.baseline, point.candidate, {
        low,
        high,
        method,
        ...(test && { pValue: test.pValue }),
    });
}
/** A metric one model does not produce, undefined for the one that does. */
function undefinedComparison(name, direction, reason, onCandidate, onBaseline) {
    const side = onCandidate ? 'for the candidate' : onBaseline ? 'for the baseline' : '';
    return {
        ...compareMetric(name, direction, null, null),
        label: 'undefined',
        note: side ? `${side}: ${reason}` : reason,
    };
}

;// CONCATENATED MODULE: ./packages/core/src/compare/engine/slices.ts


/**
 * Slice comparisons for one column: each value with at least `minSize` examples (and at least
 * one: an empty slice has no metrics) gets the full metric comparison on its examples. `codes`
 * holds the slice code of each example.
 */
function sliceComparisons(column, slice, codes, examples, minSize, options) {
    const sizes = new Int32Array(slice.values.length);
    for (const code of codes)
        sizes[code] = sizes[code] + 1;
    const values = slice.values
        .map((value, code) => ({ value, code }))
        .filter(({ code }) => sizes[code] > 0 && sizes[code] >= minSize)
        .sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
    const positions = groupPositions(codes, sizes);
    const slices = [];
    for (const { value, code } of values) {
        const result = compareOnExamples(subsetExamples(examples, positions[code]), options);
        slices.push({ column, value, size: sizes[code], metrics: result.metrics });
    }
    return { slices };
}
/** The example positions of every code, in one pass (a counting sort). */
function groupPositions(codes, sizes) {
    const groups = Array.from(sizes, (size) => new Int32Array(size));
    const filled = new Int32Array(sizes.length);
    for (let i = 0; i < codes.length; i++) {
        const code = codes[i];
        const k = filled[code];
        groups[code][k] = i;
        filled[code] = k + 1;
    }
    return groups;
}
/**
 * Worst regression first: slices with a significant regression before the rest, then by the
 * largest regression of any metric relative to its baseline (absolute when the baseline is 0), so
 * metrics of different units compare. Stable, so ties keep column and value order.
 */
function worstFirst(slices) {
    const keyed = slices.map((slice) => ({
        slice,
        regressed: slice.metrics.some((m) => m.label === 'regressed') ? 1 : 0,
        worst: Math.max(0, ...slice.metrics.map(regression)),
    }));
    keyed.sort((a, b) => b.regressed - a.regressed || b.worst - a.worst);
    return keyed.map((k) => k.slice);
}
/** How much worse the metric got, ≥ 0 when worse, in relative terms where the baseline allows. */
function regression(metric) {
    const change = metric.relative ?? metric.delta;
    if (change === null)
        return 0;
    if (metric.direction === 'unknown')
        return 0;
    return metric.direction === 'higher' ? -change : change;
}

;// CONCATENATED MODULE: ./packages/core/src/compare/engine/index.ts








/**
 * Resamples per slice unless set: slices multiply the bootstrap's work, and 400 resamples still
 * put 10 deltas beyond each end of a 95 % interval.
 */
const DEFAULT_SLICE_RESAMPLES = 400;
/**
 * Candidate vs baseline from their predictions: the task and classes decided (see
 * `resolveSemantics`), joined on id, metrics of the task with paired bootstrap intervals of each
 * difference, and the same per slice.
 */
function comparePredictions(options) {
    const { candidate, baseline } = options;
    const files = baseline ? [candidate, baseline] : [candidate];
    const semantics = resolveSemantics(files, options.format, options.settingNames);
    const resamples = options.resamples ?? CONFIG_DEFAULTS.bootstrap.resamples;
    const run = {
        task: semantics.task.task,
        classes: semantics.classes.names,
        confidence: options.confidence ?? CONFIG_DEFAULTS.confidence,
        resamples,
        seed: options.seed ?? CONFIG_DEFAULTS.bootstrap.seed,
        rules: options.rules ?? {},
        ...(options.deltas && { deltas: options.deltas }),
    };
    const joined = baseline ? joinPredictions(candidate, baseline) : null;
    const candidateRows = joined ? joined.candidate : allRows(candidate);
    if (candidateRows.length === 0) {
        throw new errors_UserError(joined
            ? `predictions: no example id is in both ${candidate.file} and ${baseline?.file}, so the models cannot be compared`
            : `predictions: the file has no examples`, { file: candidate.file });
    }
    const examples = buildExamples(semantics, { file: candidate, rows: candidateRows }, baseline && joined && { file: baseline, rows: joined.baseline });
    const whole = compareOnExamples(examples, run);
    const slices = [];
    const sliceRun = { ...run, resamples: options.sliceResamples ?? Math.min(resamples, DEFAULT_SLICE_RESAMPLES) };
    for (const column of options.sliceColumns ?? []) {
        const slice = candidate.slices.get(column);
        if (!slice) {
            throw new errors_UserError(`predictions: slice column '${column}' was not read from the candidate file`, {
                file: candidate.file,
            });
        }
        const codes = Int32Array.from(candidateRows, (row) => slice.codes[row]);
        const minSize = options.minSliceSize ?? CONFIG_DEFAULTS.sliceMinSize;
        slices.push(...sliceComparisons(column, slice, codes, examples, minSize, sliceRun).slices);
    }
    return {
        semantics,
        metrics: whole.metrics,
        slices: worstFirst(slices),
        join: joined?.summary ?? null,
        notes: scoreNotes(semantics, files.every((file) => file.prediction !== undefined)),
        absent: Object.fromEntries(metricsFor(semantics.task.task)
            .filter((definition) => !whole.metrics.some((metric) => metric.name === definition.name))
            .map((definition) => [definition.name, `it needs ${definition.needs}`])),
    };
}

;// CONCATENATED MODULE: ./packages/core/src/compare/index.ts














;// CONCATENATED MODULE: ./packages/core/src/gate/wording.ts

/** A number as people read it, with a real minus sign: `−0.045`. */
function wording_num(value) {
    return value < 0 ? `−${format_formatNumber(-value)}` : format_formatNumber(value);
}
/** A bound of an interval, signed: `−0.045`, `+0.002`. */
function signed(value) {
    return value > 0 ? `+${wording_num(value)}` : wording_num(value);
}
/** `recall fell by 0.031 (95% CI −0.045 to −0.017)`. */
function describeChange(comparison, delta, confidence) {
    const change = delta === 0 ? 'did not change' : `${delta < 0 ? 'fell' : 'rose'} by ${wording_num(Math.abs(delta))}`;
    const { ci } = comparison;
    const interval = ci ? ` (${format_formatConfidence(confidence)} CI ${signed(ci.low)} to ${signed(ci.high)})` : '';
    return `${comparison.name} ${change}${interval}`;
}
/** `0.01`, or `1% (0.0088)` for a tolerance relative to the baseline. */
function describeAllowance(tolerance, allowed) {
    return tolerance.kind === 'absolute' ? wording_num(allowed) : `${format_formatPercent(tolerance.value)} (${wording_num(allowed)})`;
}
/**
 * A change described by how much worse it is (`regression` > 0 is worse): `a fall of 0.016` for a
 * higher-is-better metric, `a rise of 0.016` for a lower-is-better one, and the opposite word for
 * an improvement.
 */
function describeMove(direction, regression) {
    if (regression === 0)
        return 'no change';
    const falls = (direction === 'higher') === regression > 0;
    return `a ${falls ? 'fall' : 'rise'} of ${wording_num(Math.abs(regression))}`;
}

;// CONCATENATED MODULE: ./packages/core/src/gate/regression.ts

/** Float noise such as 0.9 − 0.895 = 0.005000000000000004 must not turn "exactly the allowance" into a failure. */
const RELATIVE_SLACK = 1e-9;
/**
 * Judges one metric's change against `max_regression`. The regression is the change in the bad
 * direction (a fall for higher-is-better, a rise for lower-is-better); the allowance is the
 * tolerance in metric units (`1%` → 1% of |baseline|). A regression exactly at the allowance is
 * within it. With an interval, the mode decides how it is read:
 *
 * - `regression` (the default): the interval's most favourable end — the smallest regression the
 *   data are consistent with — decides. Beyond the allowance, the change fails: it regresses beyond
 *   the tolerance with the interval's confidence (a two-sided 95% interval makes that claim at
 *   97.5% one-sided, so "≥ 95%" holds). A point regression beyond the allowance whose interval
 *   reaches back inside it is a warning that says so; within the allowance it passes.
 * - `non_inferiority`: the interval's least favourable end — the largest regression the data are
 *   consistent with — must be within the allowance to pass; anything else fails, also without an
 *   interval (nothing then shows non-inferiority).
 * - `none`, or no interval in `regression` mode (metrics files): the point estimate decides.
 *
 * `comparison` must have finite baseline and candidate values (a non-null delta) and a known direction.
 */
function judgeRegression(comparison, tolerance, mode, confidence) {
    const { baseline, delta, direction, ci } = comparison;
    const bad = (change) => (direction === 'higher' ? -change : change);
    const regression = bad(delta);
    const allowed = tolerance.kind === 'absolute' ? tolerance.value : tolerance.value * Math.abs(baseline);
    const slack = RELATIVE_SLACK * Math.max(1, Math.abs(baseline), Math.abs(comparison.candidate ?? 0));
    const beyond = (amount) => amount > allowed + slack;
    const change = describeChange(comparison, delta, confidence);
    const allowance = describeAllowance(tolerance, allowed);
    const excess = regression - allowed;
    const judged = (status, message) => ({ status, excess, message });
    const move = (regressionAmount) => describeMove(direction, regressionAmount);
    if (mode === 'non_inferiority') {
        if (!ci) {
            return judged('fail', `${change}: non-inferiority needs a confidence interval, and metrics files have none (compare predictions instead)`);
        }
        const worst = Math.max(bad(ci.low), bad(ci.high));
        if (beyond(worst)) {
            return judged('fail', `${change}: non-inferiority is not shown, the interval reaches ${move(worst)}, beyond the allowed ${allowance}`);
        }
        return judged('pass', `${change}: non-inferior, even the interval's worst case (${move(worst)}) is within the allowed ${allowance}`);
    }
    if (!beyond(regression)) {
        const verdict = regression > 0 ? `within the allowed ${allowance}` : `no regression (allowed ${allowance})`;
        return judged('pass', `${change}, ${verdict}`);
    }
    if (mode === 'none')
        return judged('fail', `${change}, more than the allowed ${allowance}`);
    if (!ci) {
        return judged('fail', `${change}, more than the allowed ${allowance} (no confidence interval, so the point estimate decides)`);
    }
    const least = Math.min(bad(ci.low), bad(ci.high));
    if (beyond(least)) {
        return judged('fail', `${change}, more than the allowed ${allowance}, and significantly: even the interval's most favourable end is ${move(least)}`);
    }
    return judged('warn', `${change}, beyond the allowed ${allowance}, but not significantly: the interval reaches ${move(least)}`);
}

;// CONCATENATED MODULE: ./packages/core/src/gate/metric-rules.ts


/**
 * Reasons from one `gate.metrics.<name>` rule. A metric that is missing, undefined on the data, not
 * a number or infinite fails closed and no other rule of it is judged: nothing can be said about
 * its bounds. (A rule for a metric that was not computed at all is a configuration error, found
 * before the gate runs: see `unknownGateMetrics`.)
 */
function metricRuleReasons(name, rule, gate, input) {
    const found = findComparison(name, input.comparisons);
    const file = input.metricsFile;
    if (found.kind === 'ambiguous') {
        const names = found.names.join(', ');
        return [metric_rules_fail('metric_present', name, `${name} matches several metrics in ${file} (${names}); name one of them`)];
    }
    if (found.kind === 'missing')
        return [metric_rules_fail('metric_present', name, `${name} is missing from ${file}`)];
    const comparison = found.comparison;
    const metric = comparison.name;
    const value = comparison.candidate;
    if (comparison.label === 'undefined' && value === null) {
        return [
            metric_rules_fail('metric_present', metric, `${metric} is undefined for the candidate: ${comparison.note ?? 'no value'}`),
        ];
    }
    if (value === null)
        return [metric_rules_fail('metric_present', metric, `${metric} in ${file} is missing or not a number`)];
    if (!Number.isFinite(value)) {
        return [metric_rules_fail('finite', metric, `${metric} is ${wording_num(value)} in ${file}; only finite numbers can pass the gate`)];
    }
    const reasons = [];
    if (rule.min !== undefined) {
        reasons.push(value >= rule.min
            ? pass('min', metric, `${metric} ${wording_num(value)} ≥ min ${wording_num(rule.min)}`)
            : metric_rules_fail('min', metric, `${metric} ${wording_num(value)} < min ${wording_num(rule.min)}`));
    }
    if (rule.max !== undefined) {
        reasons.push(value <= rule.max
            ? pass('max', metric, `${metric} ${wording_num(value)} ≤ max ${wording_num(rule.max)}`)
            : metric_rules_fail('max', metric, `${metric} ${wording_num(value)} > max ${wording_num(rule.max)}`));
    }
    if (rule.maxRegression && !input.baselineMissing) {
        reasons.push(regressionReason(comparison, rule, gate.confidence));
    }
    return reasons;
}
function regressionReason(comparison, rule, confidence) {
    const { name, baseline, delta, direction } = comparison;
    if (direction === 'unknown') {
        return metric_rules_fail('max_regression', name, `mlgate does not know which way ${name} is better; set its direction`);
    }
    if (baseline === null) {
        const why = comparison.label === 'undefined' ? `undefined for the baseline (${comparison.note})` : 'not in the baseline';
        return warn(name, `${name} is ${why}, so max_regression was not checked`);
    }
    if (delta === null) {
        return warn(name, `the baseline's ${name} is ${wording_num(baseline)}, so max_regression was not checked`);
    }
    const tolerance = rule.maxRegression;
    const judged = judgeRegression({ ...comparison, baseline, delta, direction: direction }, tolerance, rule.significance, confidence);
    return { rule: 'max_regression', status: judged.status, message: judged.message, metric: name };
}
/** The comparison named exactly, else the only one whose dotted key ends with `.name` (`auc` → `test.auc`). */
function findComparison(name, comparisons) {
    const exact = comparisons.find((comparison) => comparison.name === name);
    if (exact)
        return { kind: 'found', comparison: exact };
    const bySuffix = comparisons.filter((comparison) => comparison.name.endsWith(`.${name}`));
    const [only] = bySuffix;
    if (bySuffix.length === 1 && only)
        return { kind: 'found', comparison: only };
    if (bySuffix.length > 1)
        return { kind: 'ambiguous', names: bySuffix.map((comparison) => comparison.name) };
    return { kind: 'missing' };
}
function pass(rule, metric, message) {
    return { rule, status: 'pass', message, metric };
}
function metric_rules_fail(rule, metric, message) {
    return { rule, status: 'fail', message, metric };
}
function warn(metric, message) {
    return { rule: 'max_regression', status: 'warn', message, metric };
}

;// CONCATENATED MODULE: ./packages/core/src/gate/requirements.ts
const SUBJECT = { data_validation: 'data validation', drift: 'drift check' };
/**
 * `gate.require`: the named step must have run and passed. No result fails closed (the gate cannot
 * vouch for data it has not seen checked); a warning stays a warning.
 */
function requirementReason(requirement, status) {
    const subject = SUBJECT[requirement];
    const rule = `require.${requirement}`;
    switch (status) {
        case undefined:
            return { rule, status: 'fail', message: `${subject} is required (gate.require) but no result was given` };
        case 'fail':
            return { rule, status: 'fail', message: `${subject} failed` };
        case 'warn':
            return { rule, status: 'warn', message: `${subject} passed with warnings` };
        case 'pass':
            return { rule, status: 'pass', message: `${subject} passed` };
    }
}

;// CONCATENATED MODULE: ./packages/core/src/gate/slice-rules.ts



/** How many small slices a notice names before "and N more". */
const NAMED_SLICES = 5;
/**
 * Reasons from `gate.slices`. Slices of the configured columns with at least `min_size` rows are
 * judged metric by metric: a metric named in `gate.slices.metrics` with its own `max_regression`;
 * otherwise, with the slice rule's `max_regression`, every metric that has a `gate.metrics` rule
 * (every slice metric when there are none). The significance mode is the slice metric rule's, else
 * the slice rule's, else the metric's own rule's, else the gate's. Slices can be small, so a metric
 * that is undefined in a slice (AUC with one class) warns instead of failing. Failures and warnings
 * come worst slice first: by how far the regression goes beyond the allowance.
 */
function sliceReasons(rule, gate, slices, baselineMissing) {
    if (slices === undefined) {
        return [
            {
                rule: 'slices',
                status: 'warn',
                message: 'slice rules are configured but no slice metrics were computed (they need predictions)',
            },
        ];
    }
    const configured = slices.filter((slice) => rule.columns.includes(slice.column));
    const judged = configured.filter((slice) => slice.size >= rule.minSize);
    const reasons = [];
    const small = configured.filter((slice) => slice.size < rule.minSize);
    if (small.length > 0)
        reasons.push(smallSlicesNotice(small, rule.minSize));
    const judging = rule.maxRegression !== undefined || Object.keys(rule.metrics).length > 0;
    if (judging && !baselineMissing)
        reasons.push(...regressionReasons(judged, rule, gate));
    return reasons;
}
/** The tolerance and mode a slice metric is judged with, or none when no rule covers it. */
function sliceRuleFor(metric, rule, gate) {
    const own = findRule(metric, rule.metrics);
    const metricRule = findRule(metric, gate.metrics);
    const mode = own?.significance ?? rule.significance ?? metricRule?.significance ?? gate.significance;
    if (own)
        return { tolerance: own.maxRegression, mode };
    if (rule.maxRegression === undefined)
        return undefined;
    const gated = Object.keys(gate.metrics).length > 0;
    if (gated && !metricRule)
        return undefined;
    return { tolerance: rule.maxRegression, mode };
}
function regressionReasons(slices, rule, gate) {
    const judgements = [];
    const undefinedMetrics = [];
    for (const slice of slices) {
        for (const comparison of slice.metrics) {
            const judgedBy = sliceRuleFor(comparison.name, rule, gate);
            if (!judgedBy)
                continue;
            const { baseline, candidate, delta, direction } = comparison;
            if (comparison.label === 'undefined') {
                undefinedMetrics.push(undefinedInSlice(slice, comparison));
                continue;
            }
            if (baseline === null || candidate === null || direction === 'unknown')
                continue;
            if (delta === null) {
                undefinedMetrics.push(undefinedInSlice(slice, comparison));
                continue;
            }
            const judged = judgeRegression({ ...comparison, baseline, delta, direction }, judgedBy.tolerance, judgedBy.mode, gate.confidence);
            judgements.push({ ...judged, slice, metric: comparison.name });
        }
    }
    judgements.sort((a, b) => b.excess - a.excess);
    const flagged = judgements.filter((judgement) => judgement.status !== 'pass');
    const reasons = flagged.map((judgement) => ({
        rule: 'slices.max_regression',
        status: judgement.status,
        message: `slice ${sliceLabel(judgement.slice)}: ${judgement.message}`,
        metric: judgement.metric,
        column: judgement.slice.column,
    }));
    const [worst] = judgements;
    if (flagged.length === 0 && worst) {
        reasons.push({
            rule: 'slices.max_regression',
            status: 'pass',
            message: `${slices.length} slice(s) with at least ${rule.minSize} rows are within the allowed regression; worst: ${sliceLabel(worst.slice)}: ${worst.message}`,
        });
    }
    if (judgements.length === 0 && undefinedMetrics.length === 0) {
        reasons.push({
            rule: 'slices.max_regression',
            status: 'warn',
            message: `no slice has at least ${rule.minSize} rows and a metric to compare, so slice regressions were not checked`,
        });
    }
    return [...reasons, ...undefinedMetrics];
}
function undefinedInSlice(slice, comparison) {
    const values = `baseline ${wording_num(comparison.baseline ?? Number.NaN)}, candidate ${wording_num(comparison.candidate ?? Number.NaN)}`;
    const why = comparison.note ? `undefined (${comparison.note})` : `not a finite number (${values})`;
    return {
        rule: 'slices.max_regression',
        status: 'warn',
        message: `slice ${sliceLabel(slice)}: ${comparison.name} is ${why}, so it was not checked`,
        metric: comparison.name,
        column: slice.column,
    };
}
function smallSlicesNotice(small, minSize) {
    const named = small.slice(0, NAMED_SLICES).map(sliceLabel).join(', ');
    const more = small.length > NAMED_SLICES ? ` and ${small.length - NAMED_SLICES} more` : '';
    return {
        rule: 'slices.min_size',
        status: 'pass',
        message: `${small.length} slice(s) with fewer than ${minSize} rows were not gated: ${named}${more}`,
    };
}
function sliceLabel(slice) {
    return `${slice.column}=${slice.value} (n=${slice.size})`;
}

;// CONCATENATED MODULE: ./packages/core/src/gate/evaluate.ts




/**
 * The gate verdict for one model: every configured rule judged, one reason each. The status is
 * the worst reason's (pass when no rule applies). Without a baseline, regression rules are not
 * judged and `on_missing_baseline` decides in their place; value bounds still apply.
 */
function evaluateGate(gate, input) {
    const reasons = [];
    if (input.baselineMissing)
        reasons.push(missingBaselineReason(gate.onMissingBaseline));
    for (const requirement of gate.require) {
        reasons.push(requirementReason(requirement, requirement === 'drift' ? input.driftStatus : input.validationStatus));
    }
    for (const [name, rule] of Object.entries(gate.metrics))
        reasons.push(...metricRuleReasons(name, rule, gate, input));
    if (gate.slices)
        reasons.push(...sliceReasons(gate.slices, gate, input.slices, input.baselineMissing));
    const withModel = input.model === undefined ? reasons : reasons.map((reason) => ({ ...reason, model: input.model }));
    const status = status_worstStatus(withModel.map((reason) => reason.status));
    return { status: status === 'skipped' ? 'pass' : status, reasons: withModel };
}
function missingBaselineReason(outcome) {
    return {
        rule: 'on_missing_baseline',
        status: outcome,
        message: `no baseline to compare with (first run): regression rules were not checked; on_missing_baseline is ${outcome}`,
    };
}

;// CONCATENATED MODULE: ./packages/core/src/gate/gate-metrics.ts


/**
 * Rules in `gate.metrics` and `gate.slices.metrics` that name a metric no side has (a typo, or a
 * metric the data cannot give), and `max_regression` rules on a metric whose direction mlgate
 * cannot tell. Each says what to write instead: the closest computed name, or the reason the
 * metric is absent, or the `direction` key.
 */
function gateMetricProblems(gate, computed) {
    const problems = [];
    const names = computed.metrics.map((metric) => metric.name);
    for (const [name, rule] of Object.entries(gate.metrics)) {
        const path = ['gate', 'metrics', name];
        const found = findComparison(name, computed.metrics);
        if (found.kind === 'missing')
            problems.push({ path, message: notComputed(name, names, computed.absent) });
        else if (found.kind === 'found' &&
            rule.maxRegression &&
            !rule.direction &&
            found.comparison.direction === 'unknown') {
            problems.push({
                path,
                message: `mlgate cannot tell whether a higher or a lower ${found.comparison.name} is better; set direction: higher or direction: lower`,
            });
        }
    }
    const sliceNames = [...new Set((computed.slices ?? []).flatMap((slice) => slice.metrics.map((m) => m.name)))];
    for (const name of Object.keys(gate.slices?.metrics ?? {})) {
        const known = sliceNames.length > 0 ? sliceNames : names;
        if (!known.includes(name) && !known.some((metric) => metric.endsWith(`.${name}`))) {
            problems.push({ path: ['gate', 'slices', 'metrics', name], message: notComputed(name, known, computed.absent) });
        }
    }
    return problems;
}
function notComputed(name, names, absent) {
    const why = absent?.[name];
    if (why !== undefined)
        return `${name} was not computed: ${why}`;
    const suggestion = suggest(name, names);
    const listed = names.length > 0 ? names.slice(0, 20).join(', ') : 'none';
    return `no metric named ${JSON.stringify(name)} was computed${suggestion ? `; did you mean ${JSON.stringify(suggestion)}?` : ''} (computed: ${listed})`;
}
/** The closest name by edit distance, else a computed name made of the rule's words (`auc` → `roc_auc`). */
function suggest(name, names) {
    const close = closestMatch(name, names);
    if (close)
        return close;
    const words = name.toLowerCase().split(/[_.\s-]+/);
    return names.find((candidate) => {
        const theirs = candidate.toLowerCase().split(/[_.\s-]+/);
        return words.every((word) => theirs.includes(word));
    });
}

;// CONCATENATED MODULE: ./packages/core/src/gate/index.ts




;// CONCATENATED MODULE: ./packages/core/src/registry/tags.ts
/**
 * GTO's name grammar for stages and for a model's own name (letters, digits, `-`, `_`, `/` inside), shared with
 * the `registry:` baseline spec so that mlgate's tags stay readable by GTO and the other way round.
 */
const REGISTRY_NAME = /^[a-zA-Z0-9]([a-zA-Z0-9-/_]*[a-zA-Z0-9])?$/;
/**
 * A model name as GTO takes it: a name, optionally after a monorepo folder and a colon (`models/cv:seg`).
 * In tag names the colon is written `=` (git refuses `:` in a ref), e.g. `models/cv=seg@v1.0.0`.
 */
const MODEL_NAME = /^([a-zA-Z0-9-_./]+:)?[a-zA-Z0-9]([a-zA-Z0-9-/_]*[a-zA-Z0-9])?$/;
/** `v` + SemVer 2.0 (GTO's default), e.g. `v1.3.0`, `v2.0.0-rc.1`, `v1.0.0+build.5`. */
const VERSION = /^v(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;
/** The counter suffix `#N` GTO may put on any tag form; assignments always carry one when mlgate writes them. */
const COUNTER = /#(\d+)$/;
function isVersion(text) {
    return VERSION.test(text);
}
/** The model name inside tag names: `dir:name` → `dir=name` (GTO's `name_to_tag`). */
function modelInTag(model) {
    return model.replace(':', '=');
}
/** The tag's meaning, or `null` for a tag that is not a registry tag (e.g. `v1.2.0`). */
function parseRegistryTag(tag) {
    const counter = COUNTER.exec(tag);
    const body = counter ? tag.slice(0, counter.index) : tag;
    const number = counter ? Number(counter[1]) : null;
    const at = body.indexOf('@');
    const hash = body.indexOf('#');
    if (at > 0 && (hash < 0 || hash > at)) {
        const model = modelFromTag(body.slice(0, at));
        const rest = body.slice(at + 1);
        if (model === null || rest.includes('#'))
            return null;
        if (rest === 'deprecated')
            return { action: 'deprecate', model, number };
        const deregister = rest.endsWith('!');
        const version = deregister ? rest.slice(0, -1) : rest;
        return VERSION.test(version) ? { action: deregister ? 'deregister' : 'register', model, version, number } : null;
    }
    if (hash <= 0)
        return null;
    const model = modelFromTag(body.slice(0, hash));
    const stagePart = body.slice(hash + 1);
    if (model === null)
        return null;
    const unassign = stagePart.endsWith('!');
    const stage = unassign ? stagePart.slice(0, -1) : stagePart;
    if (!REGISTRY_NAME.test(stage))
        return null;
    return { action: unassign ? 'unassign' : 'assign', model, stage, number };
}
function modelFromTag(text) {
    if ((text.match(/=/g) ?? []).length > 1)
        return null;
    const model = text.replace('=', ':');
    return MODEL_NAME.test(model) ? model : null;
}
/** The tag name for an event, the inverse of `parseRegistryTag` (`dir:name` is written `dir=name`). */
function formatRegistryTag(tag) {
    const model = modelInTag(tag.model);
    const suffix = tag.number === null ? '' : `#${tag.number}`;
    switch (tag.action) {
        case 'register':
            return `${model}@${tag.version}${suffix}`;
        case 'deregister':
            return `${model}@${tag.version}!${suffix}`;
        case 'assign':
            return `${model}#${tag.stage}${suffix}`;
        case 'unassign':
            return `${model}#${tag.stage}!${suffix}`;
        case 'deprecate':
            return `${model}@deprecated${suffix}`;
    }
}
/**
 * The counter for the model's next numbered tag: one more than the highest `#N` among its tags (GTO's
 * `name_tag`, which counts every tag name of the model, annotated or not), 1 for the first.
 */
function nextCounter(model, tagNames) {
    let highest = 0;
    for (const name of tagNames) {
        const tag = parseRegistryTag(name);
        if (tag !== null && tag.model === model && tag.number !== null)
            highest = Math.max(highest, tag.number);
    }
    return highest + 1;
}
/** Orders versions by SemVer precedence (a pre-release sorts before its release; build metadata is ignored). */
function compareVersions(a, b) {
    const parse = (v) => {
        const [core = '', pre] = v.slice(1).split('+', 1)[0].split(/-(.*)/s, 2);
        return { parts: core.split('.').map(Number), pre };
    };
    const x = parse(a);
    const y = parse(b);
    for (let i = 0; i < 3; i++) {
        const d = x.parts[i] - y.parts[i];
        if (d !== 0)
            return d;
    }
    if (x.pre === y.pre)
        return 0;
    if (x.pre === undefined)
        return 1;
    if (y.pre === undefined)
        return -1;
    return comparePreRelease(x.pre, y.pre);
}
function comparePreRelease(a, b) {
    const xs = a.split('.');
    const ys = b.split('.');
    for (let i = 0; i < Math.max(xs.length, ys.length); i++) {
        const x = xs[i];
        const y = ys[i];
        if (x === undefined)
            return -1;
        if (y === undefined)
            return 1;
        const xNum = /^\d+$/.test(x);
        const yNum = /^\d+$/.test(y);
        if (xNum && yNum && Number(x) !== Number(y))
            return Number(x) - Number(y);
        if (xNum !== yNum)
            return xNum ? -1 : 1;
        if (x !== y)
            return x < y ? -1 : 1;
    }
    return 0;
}
/** GTO's first version when none is given and none was registered. */
const FIRST_VERSION = 'v0.0.1';
/**
 * The version after `latest`, as GTO bumps (python-semver's `bump_*`): major → `v(X+1).0.0`, minor →
 * `vX.(Y+1).0`, patch → `vX.Y.(Z+1)`; a pre-release or build suffix is dropped.
 */
function bumpVersion(latest, bump) {
    const match = VERSION.exec(latest);
    if (!match)
        throw new Error(`bumpVersion: ${latest} is not a version`);
    const [major, minor, patch] = [Number(match[1]), Number(match[2]), Number(match[3])];
    switch (bump) {
        case 'major':
            return `v${major + 1}.0.0`;
        case 'minor':
            return `v${major}.${minor + 1}.0`;
        case 'patch':
            return `v${major}.${minor}.${patch + 1}`;
    }
}

;// CONCATENATED MODULE: ./packages/core/schemas/registry-event.schema.json
const registry_event_schema_namespaceObject = /*#__PURE__*/JSON.parse('{"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://mlgate.dev/schemas/registry-event@1.json","title":"mlgate registry event (mlgate/registry-event@1)","description":"The JSON message of an annotated registry tag that mlgate writes: what the tag records and the evidence it was written on. Tags are read from any clone, so every string and array is bounded.","type":"object","additionalProperties":false,"required":["schema","action","model","actor"],"properties":{"schema":{"const":"mlgate/registry-event@1"},"action":{"enum":["register","deregister","assign","unassign","deprecate"]},"model":{"$ref":"#/definitions/name"},"version":{"$ref":"#/definitions/name"},"stage":{"$ref":"#/definitions/name"},"actor":{"description":"Who asked for the event (a GitHub login or the git user), which may differ from the tagger (a bot).","$ref":"#/definitions/name"},"reason":{"$ref":"#/definitions/text"},"manifest":{"type":"object","additionalProperties":false,"required":["digest"],"properties":{"digest":{"description":"sha256 of the manifest file\'s bytes.","$ref":"#/definitions/sha256"},"path":{"$ref":"#/definitions/path"},"fingerprint":{"$ref":"#/definitions/sha256"},"params":{"description":"sha256 of the training params, to tell a retrain from a new configuration.","$ref":"#/definitions/sha256"}}},"artifact":{"type":"object","additionalProperties":false,"required":["location"],"properties":{"location":{"description":"Where the version\'s files are: a release URL, an artifact name or a folder.","$ref":"#/definitions/path"},"digest":{"$ref":"#/definitions/sha256"}}},"metrics":{"type":"array","maxItems":200,"items":{"type":"object","additionalProperties":false,"required":["name","value"],"properties":{"name":{"$ref":"#/definitions/name"},"value":{"type":["number","null"]},"baseline":{"type":["number","null"]},"ci":{"description":"The interval of the change against the baseline (candidate − baseline).","type":"object","additionalProperties":false,"required":["low","high"],"properties":{"low":{"type":"number"},"high":{"type":"number"}}}}}},"gate":{"type":"object","additionalProperties":false,"required":["verdict"],"properties":{"verdict":{"enum":["pass","warn","fail","skipped"]},"report":{"type":"object","additionalProperties":false,"required":["digest"],"properties":{"digest":{"$ref":"#/definitions/sha256"},"location":{"$ref":"#/definitions/path"}}}}},"previous":{"description":"What the stage held before this assignment or unassignment (null: nothing).","type":"object","additionalProperties":false,"required":["version","tag"],"properties":{"version":{"anyOf":[{"$ref":"#/definitions/name"},{"type":"null"}]},"tag":{"anyOf":[{"$ref":"#/definitions/name"},{"type":"null"}]}}},"forced":{"description":"The promotion was forced past missing evidence: the reason given and what was missing.","type":"object","additionalProperties":false,"required":["reason","missing"],"properties":{"reason":{"$ref":"#/definitions/text"},"missing":{"type":"array","maxItems":100,"items":{"$ref":"#/definitions/text"}}}}},"definitions":{"name":{"type":"string","minLength":1,"maxLength":256},"text":{"type":"string","maxLength":4096},"path":{"type":"string","minLength":1,"maxLength":2048},"sha256":{"type":"string","pattern":"^[0-9a-f]{64}$"}}}');
;// CONCATENATED MODULE: ./packages/core/src/registry/event.ts



const REGISTRY_EVENT_SCHEMA_ID = 'mlgate/registry-event@1';
/** The registry event JSON Schema, for publishing and for other validators. */
const registryEventJsonSchema = registry_event_schema_namespaceObject;
const validateEvent = createSchemaValidator(registryEventJsonSchema, 'mlgate-registry-event');
/** The tag message for `event`: one line of JSON, keys in the order written, so tags diff and grep well. */
function formatRegistryEvent(event) {
    const full = { schema: REGISTRY_EVENT_SCHEMA_ID, ...event };
    const [problem] = validateEvent(full);
    if (problem)
        throw new Error(`registry event ${formatJsonPath(problem.path)}: ${problem.message}`);
    return JSON.stringify(full);
}
/**
 * Reads a tag message. Anything that is not a JSON object naming `mlgate/registry-event@1` is a plain message
 * (GTO writes "Registering artifact churn version v1.0.0"); one that names the schema but breaks it is kept as
 * text with the problem, never trusted and never an error, since tags come from any clone.
 */
function readTagMessage(message) {
    const text = message.trim();
    let json;
    try {
        json = JSON.parse(text);
    }
    catch {
        return { kind: 'plain', text };
    }
    if (json?.schema !== REGISTRY_EVENT_SCHEMA_ID)
        return { kind: 'plain', text };
    const [problem] = validateEvent(json);
    if (problem)
        return { kind: 'invalid', text, problem: `${formatJsonPath(problem.path)}: ${problem.message}` };
    return { kind: 'event', event: json };
}

;// CONCATENATED MODULE: ./packages/core/src/registry/state.ts


/** GTO's event priorities (gto/base.py), which order events of the same time. */
const PRIORITY = {
    deprecate: 2,
    register: 3,
    deregister: 4,
    assign: 5,
    unassign: 6,
};
/**
 * One model's registry state rebuilt from its annotated tags by GTO's rules (gto/base.py, gto/api.py `show`):
 * - events are ordered by tag time (then counter, then GTO's priority);
 * - a version is active while its latest register/deregister event is a registration;
 * - an assignment or unassignment belongs to the version registered at its commit, and a version holds a stage
 *   while its own latest event for that stage is an assignment;
 * - the stage is held by the active version whose latest assignment is the most recent: unassigning or
 *   deregistering the current version hands the stage back to the one assigned before it, if it still holds it;
 * - the model is deprecated while its latest event is a deprecation.
 */
function registryState(model, records) {
    const events = records
        .flatMap((record) => {
        const tag = parseRegistryTag(record.name);
        if (tag === null || tag.model !== model)
            return [];
        const time = record.tagger ? Date.parse(record.tagger.date) : Number.NEGATIVE_INFINITY;
        return [{ record, tag, time: Number.isNaN(time) ? Number.NEGATIVE_INFINITY : time }];
    })
        .sort(chronological);
    const direct = new Map();
    for (const event of events) {
        if (event.tag.action !== 'register' && event.tag.action !== 'deregister')
            continue;
        direct.set(event.tag.version, [...(direct.get(event.tag.version) ?? []), event]);
    }
    const registered = new Map();
    for (const [version, list] of direct) {
        const registration = list.filter((e) => e.tag.action === 'register').at(-1);
        const commit = (registration ?? list[0]).record.commit;
        const active = list.at(-1).tag.action === 'register';
        const record = registration?.record;
        registered.set(version, {
            version: { version, tag: record?.name ?? '', commit, message: record?.message ?? '' },
            active: active && registration !== undefined,
        });
    }
    const versionAt = (commit) => {
        const atCommit = [...registered.values()]
            .filter((v) => v.version.commit === commit)
            .sort((a, b) => Number(a.active) - Number(b.active) || compareVersions(a.version.version, b.version.version));
        return atCommit.at(-1);
    };
    // Per (holder, stage): the holder's events for the stage, oldest first. A holder is a version, or a commit.
    const holders = new Map();
    for (const event of events) {
        if (event.tag.action !== 'assign' && event.tag.action !== 'unassign')
            continue;
        const holder = versionAt(event.record.commit)?.version.version ?? `commit:${event.record.commit}`;
        const key = `${holder}\0${event.tag.stage}`;
        const entry = holders.get(key) ?? { commit: event.record.commit, stage: event.tag.stage, events: [] };
        entry.events.push(event);
        holders.set(key, entry);
    }
    const ranked = new Map();
    for (const { commit, stage, events: own } of holders.values()) {
        const last = own.at(-1);
        if (last.tag.action !== 'assign')
            continue;
        const found = versionAt(commit);
        if (found && !found.active)
            continue;
        ranked.set(stage, [...(ranked.get(stage) ?? []), { latest: last, commit, version: found?.version }]);
    }
    const stages = new Map();
    const stageHolders = new Map();
    const dangling = new Map();
    for (const [stage, list] of ranked) {
        list.sort((a, b) => chronological(b.latest, a.latest));
        const held = list.flatMap(({ latest, version }) => (version ? [{ stage, version, tag: latest.record.name }] : []));
        if (held.length > 0)
            stageHolders.set(stage, held);
        const [first] = list;
        if (first.version)
            stages.set(stage, { stage, version: first.version, tag: first.latest.record.name });
        else
            dangling.set(stage, { tag: first.latest.record.name, commit: first.commit });
    }
    const versions = [...registered.values()]
        .filter((v) => v.active)
        .map((v) => v.version)
        .sort((a, b) => compareVersions(a.version, b.version));
    const history = events.map((event) => historyEntry(event, versionAt(event.record.commit)?.version.version ?? null));
    return {
        model,
        versions,
        stages,
        holders: stageHolders,
        dangling,
        deprecated: events.at(-1)?.tag.action === 'deprecate',
        history,
    };
}
/** Oldest first: by tag time, then counter (a tag without one first), then GTO's priority, then name. */
function chronological(a, b) {
    if (a.time !== b.time)
        return a.time < b.time ? -1 : 1;
    const [x, y] = [a.tag.number ?? -1, b.tag.number ?? -1];
    if (x !== y)
        return x - y;
    const priority = PRIORITY[a.tag.action] - PRIORITY[b.tag.action];
    if (priority !== 0)
        return priority;
    return a.record.name < b.record.name ? -1 : a.record.name > b.record.name ? 1 : 0;
}
function historyEntry({ record, tag }, versionAtCommit) {
    const message = readTagMessage(record.message);
    const version = 'version' in tag ? tag.version : tag.action === 'deprecate' ? null : versionAtCommit;
    return {
        tag: record.name,
        action: tag.action,
        version,
        stage: 'stage' in tag ? tag.stage : null,
        commit: record.commit,
        number: tag.number,
        time: record.tagger?.date ?? null,
        actor: message.kind === 'event' ? message.event.actor : (record.tagger?.name ?? null),
        tagger: record.tagger ?? null,
        message,
    };
}

;// CONCATENATED MODULE: ./packages/core/src/registry/history.ts
/**
 * `metric` across the model's last `limit` registered versions, oldest first, from the evidence mlgate writes in
 * each registering tag's message (`metrics: [{ name, value, baseline?, ci? }]`, the change's interval against that
 * version's own baseline). A version whose message holds no such value (a GTO tag, a hand-made one) has value null.
 */
function metricHistory(state, metric, limit) {
    const stagesOf = new Map();
    for (const [stage, assignment] of state.stages) {
        stagesOf.set(assignment.version.tag, [...(stagesOf.get(assignment.version.tag) ?? []), stage]);
    }
    return state.versions.slice(-limit).map((version) => {
        const recorded = recordedMetric(version.message, metric);
        const stages = stagesOf.get(version.tag);
        return { version: version.tag, value: null, ...recorded, ...(stages ? { stages: stages.sort() } : {}) };
    });
}
/** The recorded value of `metric` in a tag message; fields of the wrong type are ignored, never trusted. */
function recordedMetric(message, metric) {
    let evidence;
    try {
        evidence = JSON.parse(message);
    }
    catch {
        return undefined;
    }
    const metrics = evidence?.metrics;
    if (!Array.isArray(metrics))
        return undefined;
    const entry = metrics.find((m) => isObject(m) && m.name === metric);
    if (!entry || !isFiniteNumber(entry.value))
        return undefined;
    const { baseline, ci } = entry;
    const interval = isFiniteNumber(baseline) && isObject(ci) && isFiniteNumber(ci.low) && isFiniteNumber(ci.high)
        ? { low: baseline + ci.low, high: baseline + ci.high }
        : undefined;
    return { value: entry.value, ...(interval ? { interval } : {}) };
}
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function isFiniteNumber(value) {
    return typeof value === 'number' && Number.isFinite(value);
}

;// CONCATENATED MODULE: ./packages/core/src/registry/evidence.ts
/**
 * Every piece of evidence the version lacks for the stage, one sentence each; empty means it may be promoted.
 * The evidence: a recorded gate verdict of pass (or warn where the stage allows it), a recorded manifest digest
 * equal to the stored manifest's, and, where the stage requires it, no metric significantly worse than the
 * current version's (its interval wholly on the worse side: compare's `regressed`).
 */
function missingEvidence(facts, policy) {
    const missing = [];
    const { tag, registration } = facts;
    if (registration.kind !== 'event') {
        const why = registration.kind === 'invalid'
            ? `its message is broken (${registration.problem})`
            : 'its message is not an mlgate event';
        missing.push(`${tag} records no gate verdict or manifest: ${why}`);
    }
    else {
        const { gate, manifest } = registration.event;
        const accepted = policy.allowWarn ? ['pass', 'warn'] : ['pass'];
        if (!gate)
            missing.push(`${tag} records no gate verdict`);
        else if (!accepted.includes(gate.verdict)) {
            missing.push(`${tag}'s gate verdict is ${gate.verdict}; stage ${facts.stage} needs ${accepted.join(' or ')}`);
        }
        if (!manifest)
            missing.push(`${tag} records no manifest digest`);
        else if (facts.storedManifestDigest === null)
            missing.push(`${tag}'s manifest is not stored: looked in ${facts.manifestLocation}`);
        else if (facts.storedManifestDigest !== manifest.digest) {
            missing.push(`${tag}'s stored manifest (${facts.manifestLocation}) has sha256 ${facts.storedManifestDigest.slice(0, 12)}…, not the recorded ${manifest.digest.slice(0, 12)}…`);
        }
    }
    if (policy.requireBetterThanCurrent && facts.againstCurrent) {
        const against = facts.againstCurrent;
        if ('problem' in against)
            missing.push(`cannot compare with ${against.current}, the current ${facts.stage}: ${against.problem}`);
        else {
            for (const metric of against.metrics.filter((m) => m.label === 'regressed')) {
                const ci = metric.ci ? ` (interval ${metric.ci.low.toPrecision(3)} to ${metric.ci.high.toPrecision(3)})` : '';
                missing.push(`${tag} is significantly worse than ${against.current} on ${metric.name}${ci}`);
            }
        }
    }
    return missing;
}

;// CONCATENATED MODULE: ./packages/core/src/registry/model-card.ts



const MAX_PROFILE_COLUMNS = 50;
const MAX_SLICE_ROWS = 200;
const MAX_LINEAGE_FILES = 100;
/**
 * A model card in GitHub-flavoured Markdown (after Mitchell et al., "Model Cards for Model Reporting",
 * 2019: intended use, evaluation data, metrics, disaggregated results, caveats), rendered from the
 * config, the training manifest, the gate's comparison and the data profiles — never recomputed. Every
 * name and value from the repository or the data is rendered inert.
 */
function renderModelCard(input) {
    const { model, version } = input;
    const blocks = [
        heading(1, `Model card: ${inlineCode(model)} ${escapeText(version)}`),
        ...intendedUse(input),
        ...evaluation(input),
        ...slices(input.comparison),
        ...data(input),
        ...model_card_lineage(input.manifest),
    ];
    return `${blocks.join('\n\n')}\n`;
}
function intendedUse({ model, card }) {
    const blocks = [heading(2, 'Intended use')];
    blocks.push(card?.intendedUse
        ? paragraphs(card.intendedUse)
        : `Not stated. Describe it in ${inlineCode('mlgate.yml')} under ${inlineCode(`models.${model}.card.intended_use`)}.`);
    if (card?.limitations)
        blocks.push(heading(3, 'Limitations'), paragraphs(card.limitations));
    if (card?.owners && card.owners.length > 0)
        blocks.push(heading(3, 'Owners'), bulletList(card.owners.map(escapeText)));
    return blocks;
}
function evaluation({ comparison, manifest, verdict }) {
    const blocks = [heading(2, 'Evaluation')];
    if (verdict)
        blocks.push(`Gate verdict: **${verdict.status}** — ${escapeText(verdict.summary)}`);
    if (comparison && comparison.metrics.length > 0) {
        const baseline = comparison.baseline ? inlineCode(comparison.baseline.label) : 'none (a first version)';
        blocks.push(`Compared with ${baseline}; intervals are ${formatConfidence(comparison.confidence)} confidence intervals of the change.`, model_card_metricsTable(comparison.metrics));
        if (comparison.predictions)
            blocks.push(`Evaluated on ${formatCount(comparison.predictions.examples)} examples.`);
        return blocks;
    }
    const values = Object.entries(manifest?.metrics ?? {});
    if (values.length > 0) {
        blocks.push('Metric values as the training run wrote them (no comparison was recorded, so there are no intervals).', table(['Metric', 'Value'], values.map(([name, value]) => [
            tableCell(name),
            typeof value === 'number' ? formatNumber(value) : tableCell(formatScalar(value)),
        ]), ['left', 'right']));
        return blocks;
    }
    blocks.push('No metrics were recorded for this version.');
    return blocks;
}
function model_card_metricsTable(metrics) {
    return table(['Metric', 'Value', 'Baseline', 'Change', 'Interval', 'Reading'], metrics.map((m) => [
        tableCell(m.name),
        formatNumber(m.candidate),
        formatNumber(m.baseline),
        formatDelta(m.delta, m.relative),
        formatInterval(m.ci),
        m.label + (m.note ? ` (${tableCell(m.note)})` : ''),
    ]), ['left', 'right', 'right', 'right', 'right', 'left']);
}
function slices(comparison) {
    const rows = (comparison?.slices ?? []).flatMap((slice) => slice.metrics.map((m) => [
        `${tableCell(slice.column)} = ${tableCell(slice.value)}`,
        formatCount(slice.size),
        tableCell(m.name),
        formatNumber(m.candidate),
        formatDelta(m.delta, m.relative),
        formatInterval(m.ci),
        m.label,
    ]));
    if (rows.length === 0)
        return [];
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
function data({ profiles = [], validations = [] }) {
    if (profiles.length === 0 && validations.length === 0)
        return [];
    const blocks = [heading(2, 'Data')];
    const names = [...new Set([...profiles.map((p) => p.dataset), ...validations.map((v) => v.dataset)])];
    for (const name of names) {
        blocks.push(heading(3, inlineCode(name)));
        const validation = validations.find((v) => v.dataset === name);
        if (validation)
            blocks.push(validationSummary(validation));
        const profile = profiles.find((p) => p.dataset === name)?.profile;
        if (profile)
            blocks.push(...profileSummary(profile));
    }
    return blocks;
}
function validationSummary(v) {
    const failing = v.checks.filter((c) => c.status !== 'pass').length;
    const parts = [
        `${formatCount(v.rows)} rows, ${formatCount(v.columns)} columns; validation **${v.status}**`,
        `${formatCount(v.checks.length)} checks, ${formatCount(failing)} not passing`,
    ];
    if (v.drift) {
        const drifted = v.drift.columns.filter((c) => c.drifted).map((c) => inlineCode(c.column));
        parts.push(drifted.length > 0
            ? `drift **${v.drift.status}** in ${drifted.join(', ')} (${formatPercent(v.drift.share)} of the columns)`
            : 'no column drifted from the reference');
    }
    return `${parts.join('; ')}.`;
}
function profileSummary(profile) {
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
function model_card_lineage(manifest) {
    const blocks = [heading(2, 'Lineage')];
    if (!manifest)
        return [...blocks, 'No training manifest was recorded for this version.'];
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
    const params = Object.entries(manifest.params).flatMap(([file, values]) => Object.entries(values).map(([key, value]) => [tableCell(file), tableCell(key), tableCell(formatScalar(value))]));
    if (params.length > 0)
        blocks.push(heading(3, 'Parameters'), table(['File', 'Key', 'Value'], params));
    const files = [
        ...manifest.deps.map((f) => ['input', f]),
        ...manifest.outs.map((f) => ['output', f]),
        ...manifest.metricsFiles.map((f) => ['metrics', f]),
        ...(manifest.predictions ? [['predictions', manifest.predictions]] : []),
    ];
    if (files.length > 0) {
        const shown = files.slice(0, MAX_LINEAGE_FILES);
        blocks.push(heading(3, 'Files'), table(['Role', 'Path', 'Size', 'sha256'], shown.map(([role, f]) => [
            role,
            inlineCode(f.path, { table: true }),
            formatCount(f.size),
            inlineCode(f.sha256, { table: true }),
        ]), ['left', 'left', 'right', 'left']), ...(files.length > shown.length ? [`${formatCount(files.length - shown.length)} more files are not shown.`] : []));
    }
    return blocks;
}
/** Free text from the config: paragraphs kept, everything else inert. */
function paragraphs(text) {
    return text
        .trim()
        .split(/\n\s*\n/)
        .map((p) => escapeText(p.replace(/\s*\n\s*/g, ' ')))
        .join('\n\n');
}

;// CONCATENATED MODULE: ./packages/core/src/registry/index.ts








;// CONCATENATED MODULE: ./packages/core/src/data/inspect.ts



/** Bytes looked at to tell what a file holds: enough for any header a person writes. */
const inspect_SNIFF_BYTES = 64 * 1024;
/** Delimiters a one-column header may betray, most likely first. */
const OTHER_DELIMITERS = [';', '\t', '|', ','];
/**
 * What a data file holds, checked before a streaming pass so that common mistakes are one clear
 * line instead of a pass that "succeeds" on the wrong reading: a missing file or a directory, a JSON
 * array of records (which a CSV reader would take as a one-column table), duplicate column names.
 * A `.json` file holding objects one per line is read as JSON Lines; a one-column CSV header that
 * contains another delimiter is a warning.
 */
async function inspectDataFile(path, options = {}) {
    const name = options.name ?? path;
    await requireFile(path, name);
    const format = options.format ?? source_formatOf(name);
    if (format === 'parquet')
        return { format, empty: false, warnings: [] };
    const head = await readHead(path);
    const first = firstSignificantByte(head);
    if (first === undefined)
        return { format, empty: true, warnings: [] };
    if (options.format === undefined) {
        if (first === '['.charCodeAt(0)) {
            throw new errors_UserError('is a JSON array of records, which mlgate does not read: give JSON Lines (one object per line), e.g. ' +
                `pandas to_json(orient="records", lines=True) or jq -c '.[]'`, { file: name });
        }
        if (first === '{'.charCodeAt(0) && /\.json(\.gz)?$/i.test(name))
            return { format: 'jsonl', empty: false, warnings: [] };
    }
    if (format === 'jsonl')
        return { format, empty: false, warnings: [] };
    const delimiter = options.delimiter ?? (format === 'tsv' ? '\t' : ',');
    const columns = await readCsvColumns(path, { delimiter });
    const seen = new Map();
    columns.forEach((column, i) => {
        const earlier = seen.get(column);
        if (earlier !== undefined) {
            throw new errors_UserError(`duplicate column name ${JSON.stringify(column)} (columns ${earlier + 1} and ${i + 1}); column names must be unique`, { file: name, line: 1 });
        }
        seen.set(column, i);
    });
    const warnings = [];
    const other = columns.length === 1 ? OTHER_DELIMITERS.find((d) => d !== delimiter && columns[0].includes(d)) : undefined;
    if (other !== undefined) {
        warnings.push(`${name}:1: the header is one column, ${JSON.stringify(columns[0])}, which looks ${delimiterName(other)}-separated; ` +
            `if it is, give the delimiter ${JSON.stringify(other)} (--delimiter)`);
    }
    return { format, empty: false, warnings };
}
function delimiterName(delimiter) {
    return delimiter === '\t' ? 'tab' : JSON.stringify(delimiter);
}
async function readHead(path) {
    for await (const chunk of openDataSource(path))
        return chunk.slice(0, inspect_SNIFF_BYTES);
    return new Uint8Array(0);
}
/** The first byte that is not whitespace or a UTF-8 byte order mark. */
function firstSignificantByte(bytes) {
    let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
    for (; i < bytes.length; i++) {
        const byte = bytes[i];
        if (byte !== 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d)
            return byte;
    }
    return undefined;
}

;// CONCATENATED MODULE: ./packages/core/src/data/shard-spec.ts

/** Parses `i/n` with 1 ≤ i ≤ n; `what` names the option or input in the error (`--shard`, `input "shard"`). */
function parseShardSpec(text, what) {
    const match = /^(\d{1,6})\/(\d{1,6})$/.exec(text.trim());
    const index = Number(match?.[1]);
    const count = Number(match?.[2]);
    if (!match || count < 1 || index < 1 || index > count) {
        throw new errors_UserError(`${what}: expected i/n with 1 ≤ i ≤ n (e.g. 2/4), got ${JSON.stringify(text)}`);
    }
    return { index, count };
}
/**
 * Shard `i/n` cut into `parts` consecutive shards of the file (`(i-1)·parts + j` of `n·parts`):
 * together they read exactly the rows shard `i/n` reads, because their outer byte bounds are the
 * same (`shardRange` floors the same rational number).
 */
function splitShard(shard, parts) {
    const { index, count } = shard ?? { index: 1, count: 1 };
    if (!Number.isInteger(parts) || parts < 1)
        throw new RangeError(`parts must be a positive integer, got ${parts}`);
    return Array.from({ length: parts }, (_, j) => ({ index: (index - 1) * parts + j + 1, count: count * parts }));
}

;// CONCATENATED MODULE: ./packages/core/src/checks/infer.ts

const DEFAULT_MAX_ALLOWED = 20;
/**
 * A starting data schema (YAML text) for data described by `stats`, which the same data passes:
 * each column's type when all its non-null values agree on one, `nullable: false` when it has no
 * nulls (else a `max_null_fraction` rounded up), numeric `min`/`max` rounded outward to two
 * significant digits of the range, and an `allowed` list for text columns with few distinct values
 * (when `topValues` lists them all). Meant to be reviewed and tightened, not trusted blindly.
 */
function inferSchema(table, stats, options = {}) {
    const maxAllowed = options.maxAllowed ?? DEFAULT_MAX_ALLOWED;
    const columns = {};
    for (const name of table.columns) {
        const column = stats.get(name);
        columns[name] = column ? inferColumn(column, maxAllowed) : {};
    }
    const schema = {
        version: 1,
        columns,
        ...(table.rows > 0 ? { rows: { min: 1 } } : {}),
        unexpected_columns: 'warn',
    };
    const from = options.source ? ` from ${options.source.replace(/[\r\n]/g, ' ')}` : '';
    const header = `# Data schema inferred by mlgate${from} (${table.rows} rows). Review and tighten before relying on it.\n`;
    return header + (0,dist/* stringify */.As)(schema, { lineWidth: 0 });
}
function inferColumn(stats, maxAllowed) {
    const nonNull = stats.count - stats.nulls;
    const column = {};
    const type = nonNull > 0 ? typeOf(stats.typeCounts, nonNull) : undefined;
    if (type)
        column.type = type;
    if (stats.nulls === 0 && stats.count > 0)
        column.nullable = false;
    else if (nonNull > 0)
        column.max_null_fraction = Math.min(1, Math.ceil((stats.nulls / stats.count) * 100) / 100);
    if ((type === 'integer' || type === 'number') && stats.min !== undefined && stats.max !== undefined) {
        const [min, max] = roundOutward(stats.min, stats.max, type === 'integer');
        column.min = min;
        column.max = max;
    }
    if (type === 'string') {
        const allowed = completeValues(stats, nonNull, maxAllowed);
        if (allowed)
            column.allowed = allowed;
    }
    return column;
}
/** The one type all non-null values read as; `number` covers integers mixed with decimals; else text. */
function typeOf(counts, nonNull) {
    if (!counts)
        return undefined;
    const count = (type) => counts[type] ?? 0;
    if (count('integer') === nonNull)
        return 'integer';
    if (count('integer') + count('number') === nonNull)
        return 'number';
    if (count('boolean') === nonNull)
        return 'boolean';
    if (count('datetime') === nonNull)
        return 'datetime';
    return 'string';
}
function completeValues(stats, nonNull, maxAllowed) {
    const top = stats.topValues;
    if (!top || top.length === 0 || top.length > maxAllowed)
        return undefined;
    const covered = top.reduce((sum, { count }) => sum + count, 0);
    if (covered !== nonNull)
        return undefined;
    return top.map(({ value }) => value).sort();
}
/** Bounds on a step of two significant digits of the range (at least 1 for integers), never inside the data. */
function roundOutward(min, max, integer) {
    const span = max - min || Math.max(Math.abs(min), Math.abs(max)) || 1;
    const exponent = Math.floor(Math.log10(span)) - 1;
    if (integer && exponent <= 0)
        return [Math.floor(min), Math.ceil(max)];
    const step = 10 ** exponent;
    const decimals = Math.max(0, -exponent);
    const lower = Number((Math.floor(min / step) * step).toFixed(decimals));
    const upper = Number((Math.ceil(max / step) * step).toFixed(decimals));
    // toFixed can round back across the data by a last-digit error; step out once more if it did.
    return [
        lower <= min ? lower : Number((lower - step).toFixed(decimals)),
        upper >= max ? upper : Number((upper + step).toFixed(decimals)),
    ];
}

;// CONCATENATED MODULE: ./packages/core/src/validate/column-stats.ts

/** The check value type each profile value kind counts towards (the names agree today; the mapping keeps them apart). */
const VALUE_TYPE_OF = {
    integer: 'integer',
    number: 'number',
    boolean: 'boolean',
    datetime: 'datetime',
    string: 'string',
};
/**
 * One more than the longest `allowed` list `inferSchema` writes by default: a column with more
 * distinct values than that shows up as incomplete rather than as a list cut short.
 */
const DEFAULT_TOP_VALUES = DEFAULT_MAX_ALLOWED + 1;
/**
 * What the aggregate checks read of a column, from its profile: exact moments give min, max, mean and the sample
 * standard deviation; the number summary gives quantiles and the median exactly while the column's values are
 * kept (numpy's and pandas' definitions), and their bounds past that; the distinct count is exact when the
 * profile knows it; frequent items give the top values (complete while the column has few distinct values, so
 * `inferSchema` can tell a complete list from a partial one).
 */
function columnStatsOf(column, options = {}) {
    const stats = { count: column.count, nulls: column.nulls, distinct: column.distinct };
    const typeCounts = {};
    for (const [kind, type] of Object.entries(VALUE_TYPE_OF)) {
        typeCounts[type] = (typeCounts[type] ?? 0) + column.typeCounts[kind];
    }
    stats.typeCounts = typeCounts;
    const numbers = column.numbers;
    const moments = numbers.moments;
    if (moments.count > 0) {
        stats.min = moments.min;
        stats.max = moments.max;
        stats.mean = moments.mean;
        if (moments.count > 1)
            stats.stdev = moments.sampleStdDev;
        stats.quantile = (q, method) => numbers.quantile(q, method).value;
        stats.median = () => numbers.median().value;
        stats.quantileBounds = (q, method) => {
            const bounded = q === undefined ? numbers.median() : numbers.quantile(q, method);
            return bounded.low === bounded.high ? undefined : [bounded.low, bounded.high];
        };
    }
    if (column.instants.count > 0) {
        stats.minTime = column.minTime;
        stats.maxTime = column.maxTime;
    }
    const top = column.topValues(options.topValues ?? DEFAULT_TOP_VALUES);
    if (top.length > 0)
        stats.topValues = top.map(({ value, count }) => ({ value, count }));
    return stats;
}
/** The table's row count and column names, and each column's statistics, as the checks take them. */
function profileStats(profile, options = {}) {
    return {
        table: { rows: profile.rows, columns: profile.columns.map((column) => column.name) },
        stats: new Map(profile.columns.map((column) => [column.name, columnStatsOf(column, options)])),
    };
}

;// CONCATENATED MODULE: ./packages/core/src/checks/describe.ts
const MAX_LISTED = 10;
const MAX_VALUE_CHARS = 80;
/** `≥ 0 and < 100`, `≤ 5`, `any`; datetime bounds as ISO text. */
function describeBounds({ min, max, strictMin, strictMax }, datetime = false) {
    const show = (x) => (datetime ? new Date(x).toISOString() : describe_formatNumber(x));
    const parts = [];
    if (min !== undefined)
        parts.push(`${strictMin ? '>' : '≥'} ${show(min)}`);
    if (max !== undefined)
        parts.push(`${strictMax ? '<' : '≤'} ${show(max)}`);
    return parts.length > 0 ? parts.join(' and ') : 'any';
}
/** `{a, b, 3}`, listing at most ten values. */
function describeSet(values) {
    const shown = values
        .slice(0, MAX_LISTED)
        .map((value) => (typeof value === 'string' ? boundText(value) : String(value)));
    const more = values.length > MAX_LISTED ? `, … ${values.length - MAX_LISTED} more` : '';
    return `{${shown.join(', ')}${more}}`;
}
/** Names joined with commas, at most ten of them. */
function describeNames(names) {
    const shown = names.slice(0, MAX_LISTED).map(boundText);
    return shown.join(', ') + (names.length > MAX_LISTED ? `, … ${names.length - MAX_LISTED} more` : '');
}
/** A value from the data, cut to a length that fits a one-line message or an annotation. */
function boundText(text) {
    const chars = Array.from(text);
    return chars.length > MAX_VALUE_CHARS ? chars.slice(0, MAX_VALUE_CHARS).join('') + '…' : text;
}
/** Up to six significant digits, no exponent noise for everyday magnitudes. */
function describe_formatNumber(x) {
    if (!Number.isFinite(x) || Number.isInteger(x))
        return String(x);
    return String(Number(x.toPrecision(6)));
}
/** `2.5%`, `0.01%`, `100%`. */
function describe_formatPercent(fraction) {
    return `${describe_formatNumber(fraction * 100)}%`;
}

;// CONCATENATED MODULE: ./packages/core/src/checks/values.ts



const ISO_DATETIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/;
/**
 * Milliseconds since the epoch of an ISO 8601 date or date-time (`2024-02-29`, `2024-02-29T13:05:00.5+01:00`,
 * a space instead of `T`); a value without an offset is UTC. NaN when the text is not one or names no real day.
 */
function parseDateTime(text) {
    const match = ISO_DATETIME.exec(text);
    if (!match)
        return NaN;
    const [, y, mo, d, h = '0', mi = '0', s = '0', fraction = '', zone] = match;
    const year = Number(y);
    const month = Number(mo);
    const day = Number(d);
    const hour = Number(h);
    const minute = Number(mi);
    const second = Number(s);
    if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59)
        return NaN;
    const ms = Date.UTC(year, month - 1, day, hour, minute, second, Number(fraction.padEnd(3, '0').slice(0, 3)));
    // Date.UTC rolls 2023-02-30 over to March; a rolled-over day is not a date.
    if (new Date(ms).getUTCDate() !== day)
        return NaN;
    return ms - zoneOffsetMs(zone);
}
function zoneOffsetMs(zone) {
    if (zone === undefined || zone === 'Z')
        return 0;
    const digits = zone.slice(1).replace(':', '');
    const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0');
    return (zone.startsWith('-') ? -1 : 1) * minutes * 60_000;
}
/**
 * `parseDateTime` of a field, reading the common shapes (`YYYY-MM-DD`, then ` HH:MM` or
 * `THH:MM:SS`, no offset) straight from the bytes, where both parsers agree; any other text (and
 * second 60, which the byte parser reads as a leap second) is decoded and parsed as before.
 */
function fieldDateTime(batch, row, col, 
/** `parseIsoDateTime` of the field when the caller has it already (NaN: not known). */
instant = NaN) {
    const { bytes } = batch;
    const start = batch.start(row, col);
    const end = batch.end(row, col);
    const length = end - start;
    const leapSecond = length === 19 && bytes[start + 17] === 54 && bytes[start + 18] === 48;
    // Years 0–99 are Date.UTC's 1900s, which the two parsers tell leap years apart differently.
    const centuryZero = bytes[start] === 48 && bytes[start + 1] === 48;
    if ((length === 10 || length === 16 || length === 19) && !leapSecond && !centuryZero) {
        const time = instant === instant ? instant : parseIsoDateTime(bytes, start, end);
        if (time === time)
            return time;
    }
    return parseDateTime(batch.string(row, col));
}
/** True when `x` lies within the bounds; an absent bound is unbounded. */
function withinBounds(x, { min, max, strictMin, strictMax }) {
    if (min !== undefined && (strictMin ? !(x > min) : !(x >= min)))
        return false;
    if (max !== undefined && (strictMax ? !(x < max) : !(x <= max)))
        return false;
    return true;
}
const MINUS = 45;
const PLUS = 43;
const values_DIGIT0 = 48;
/** `-12`, `+7`, `0042`: an integer written without a decimal point or exponent. */
function isIntegerText(bytes, start, end) {
    let i = start;
    if (i < end && (bytes[i] === MINUS || bytes[i] === PLUS))
        i++;
    if (i === end)
        return false;
    for (; i < end; i++) {
        const d = bytes[i] - values_DIGIT0;
        if (d < 0 || d > 9)
            return false;
    }
    return true;
}
/**
 * Whether the non-null field reads as `type`. With `quotedIsText` (JSON Lines) a quoted value is a
 * string whatever it looks like; in CSV quoting is syntax only.
 */
function fieldHasType(batch, row, col, type, quotedIsText, 
/** The field's `batch.number`, when the caller has it already. */
number, 
/** The field's `parseIsoDateTime`, when the caller has it (NaN: not known). */
instant = NaN) {
    const flag = batch.flag(row, col);
    if (type === 'string')
        return true;
    if ((flag & (FieldFlag.NESTED | FieldFlag.INVALID_UTF8)) !== 0)
        return false;
    if (type === 'boolean') {
        if ((flag & FieldFlag.BOOLEAN) !== 0)
            return true;
        if (quotedIsText && (flag & FieldFlag.QUOTED) !== 0)
            return false;
        // Valid UTF-8 (checked above) lowercases to `true`/`false` only from these ASCII letters.
        return isBooleanText(batch.bytes, batch.start(row, col), batch.end(row, col));
    }
    if ((flag & FieldFlag.BOOLEAN) !== 0)
        return false;
    if (type === 'datetime')
        return !Number.isNaN(fieldDateTime(batch, row, col, instant));
    if (quotedIsText && (flag & FieldFlag.QUOTED) !== 0)
        return false;
    if (type === 'integer')
        return isIntegerText(batch.bytes, batch.start(row, col), batch.end(row, col));
    return !Number.isNaN(number ?? batch.number(row, col));
}
/**
 * Membership in a set of values written in a schema or suite: numbers match numerically (`1` matches
 * `1.0` and `1e0`, as in a typed column), booleans match `true`/`false` in any letter case, strings
 * match exactly.
 */
class ValueSet {
    strings = new Set();
    /** The strings' UTF-8 bytes by length, so valid UTF-8 fields are matched without decoding them. */
    stringBytes = [];
    numbers = new Set();
    booleans = new Set();
    constructor(values) {
        const encoder = new TextEncoder();
        for (const value of values) {
            if (typeof value === 'number')
                this.numbers.add(value);
            else if (typeof value === 'boolean')
                this.booleans.add(String(value));
            else if (!this.strings.has(value)) {
                this.strings.add(value);
                const bytes = encoder.encode(value);
                (this.stringBytes[bytes.length] ??= []).push(bytes);
            }
        }
    }
    has(batch, row, col) {
        if (this.numbers.size > 0) {
            const n = batch.number(row, col);
            if (!Number.isNaN(n) && this.numbers.has(n))
                return true;
        }
        if (this.booleans.size === 0) {
            if (this.strings.size === 0)
                return false;
            if ((batch.flag(row, col) & FieldFlag.INVALID_UTF8) === 0)
                return this.hasBytes(batch, row, col);
        }
        const text = batch.string(row, col);
        return this.strings.has(text) || (this.booleans.size > 0 && this.booleans.has(text.toLowerCase()));
    }
    hasBytes(batch, row, col) {
        const start = batch.start(row, col);
        const candidates = this.stringBytes[batch.end(row, col) - start];
        if (candidates === undefined)
            return false;
        const { bytes } = batch;
        outer: for (const candidate of candidates) {
            for (let i = 0; i < candidate.length; i++)
                if (candidate[i] !== bytes[start + i])
                    continue outer;
            return true;
        }
        return false;
    }
}
const INLINE_FLAGS = /^\(\?([a-zA-Z]+)\)/;
/**
 * A regular expression written for Python's `re` (what GX suites and most data tools use) as a
 * JavaScript `RegExp`: `(?P<name>…)` and `(?P=name)` groups, `\A` and `\Z` anchors and leading inline
 * flags `(?ims)` are translated; the rest of the common syntax is the same. Throws `SyntaxError`
 * for a pattern neither can read.
 */
function compilePattern(pattern) {
    let body = pattern;
    let flags = '';
    const inline = INLINE_FLAGS.exec(body);
    if (inline) {
        for (const flag of inline[1]) {
            if (!'ims'.includes(flag))
                throw new SyntaxError(`inline flag "${flag}" is not supported`);
            if (!flags.includes(flag))
                flags += flag;
        }
        body = body.slice(inline[0].length);
    }
    return new RegExp(translatePythonSyntax(body), flags);
}
function translatePythonSyntax(pattern) {
    let out = '';
    for (let i = 0; i < pattern.length; i++) {
        const c = pattern[i];
        if (c === '\\') {
            const next = pattern[i + 1];
            if (next === 'A')
                out += '^';
            else if (next === 'Z')
                out += '$';
            else
                out += c + (next ?? '');
            i++;
        }
        else if (pattern.startsWith('(?P<', i)) {
            out += '(?<';
            i += 3;
        }
        else if (pattern.startsWith('(?P=', i)) {
            const close = pattern.indexOf(')', i);
            if (close < 0)
                throw new SyntaxError('unterminated (?P= group');
            out += `\\k<${pattern.slice(i + 4, close)}>`;
            i = close;
        }
        else {
            out += c;
        }
    }
    return out;
}

;// CONCATENATED MODULE: ./packages/core/src/checks/condition.ts



/** A condition that cannot be read: the message says what and where, for the suite's located error. */
class ConditionSyntaxError extends Error {
}
const OPERATORS = ['==', '!=', '<=', '>=', '<', '>', '&', '|', '~', '(', ')', '[', ']', ',', '.'];
const condition_NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/;
const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;
function tokenize(text) {
    const tokens = [];
    let i = 0;
    while (i < text.length) {
        const c = text[i];
        if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
            i++;
            continue;
        }
        const rest = text.slice(i);
        if (c === '"' || c === "'" || c === '`') {
            const close = text.indexOf(c, i + 1);
            if (close < 0)
                throw new ConditionSyntaxError(`unclosed ${c} at character ${i + 1}`);
            const body = text.slice(i + 1, close);
            tokens.push(c === '`' ? { kind: 'column', text: body, at: i } : { kind: 'string', value: body, at: i });
            i = close + 1;
            continue;
        }
        // A sign starts a number only where a value is due (`x > -5`), not after one (`a-1` is not supported).
        const previous = tokens[tokens.length - 1];
        const valueDue = !previous || (previous.kind === 'op' && previous.text !== ')' && previous.text !== ']');
        const number = /^\d|^\.\d/.test(rest) || (valueDue && /^[+-]\.?\d/.test(rest)) ? condition_NUMBER.exec(rest) : null;
        if (number) {
            tokens.push({ kind: 'number', value: Number(number[0]), at: i });
            i += number[0].length;
            continue;
        }
        const name = NAME.exec(rest);
        if (name) {
            tokens.push({ kind: 'name', text: name[0], at: i });
            i += name[0].length;
            continue;
        }
        const op = OPERATORS.find((candidate) => rest.startsWith(candidate));
        if (!op)
            throw new ConditionSyntaxError(`unexpected ${JSON.stringify(c)} at character ${i + 1}`);
        tokens.push({ kind: 'op', text: op, at: i });
        i += op.length;
    }
    tokens.push({ kind: 'end', at: text.length });
    return tokens;
}
const NULL_METHODS = { isnull: false, isna: false, notnull: true, notna: true };
/**
 * Parses a row condition: comparisons (`==`, `!=`, `<`, `<=`, `>`, `>=`, chained as in
 * `1 < x <= 5`) between a column and a number, a string, `True`/`False` or another column;
 * `in` / `not in` a list (`==` a list means `in`, as in pandas); `x.isnull()` / `x.notnull()`;
 * `&` / `and`, `|` / `or`, `~` / `not` and parentheses. Columns are bare names or `` `quoted` ``
 * (pandas) or `col("name")` (GX); `date("2024-01-01")` is a date (GX).
 */
function parseRowCondition(text) {
    const tokens = tokenize(text);
    let pos = 0;
    const columns = [];
    const peek = () => tokens[pos];
    const next = () => tokens[pos++];
    const describe = (token) => token.kind === 'end'
        ? 'the end of the condition'
        : `${JSON.stringify(text.slice(token.at, token.at + tokenLength(token)))} at character ${token.at + 1}`;
    const fail = (expected, token = peek()) => {
        throw new ConditionSyntaxError(`expected ${expected}, found ${describe(token)}`);
    };
    const isOp = (token, ...ops) => token.kind === 'op' && ops.includes(token.text);
    const isName = (token, ...names) => token.kind === 'name' && names.includes(token.text);
    const expectOp = (op) => {
        if (!isOp(peek(), op))
            fail(`"${op}"`);
        pos++;
    };
    const useColumn = (name) => {
        if (!columns.includes(name))
            columns.push(name);
        return { column: name };
    };
    const stringArgument = () => {
        expectOp('(');
        const token = next();
        if (token.kind !== 'string')
            fail('a quoted name', token);
        expectOp(')');
        return token.value;
    };
    const literal = () => {
        const token = peek();
        if (token.kind === 'number') {
            pos++;
            return token.value;
        }
        if (token.kind === 'string') {
            pos++;
            return token.value;
        }
        if (isName(token, 'True', 'true'))
            return (pos++, true);
        if (isName(token, 'False', 'false'))
            return (pos++, false);
        if (isName(token, 'None', 'null'))
            return (pos++, null);
        return undefined;
    };
    const operand = () => {
        const token = peek();
        if (token.kind === 'column') {
            pos++;
            return useColumn(token.text);
        }
        if (isName(token, 'col') && isOp(tokens[pos + 1], '(')) {
            pos++;
            return useColumn(stringArgument());
        }
        if (isName(token, 'date') && isOp(tokens[pos + 1], '(')) {
            pos++;
            const value = stringArgument();
            const time = parseDateTime(value);
            if (Number.isNaN(time))
                fail('an ISO 8601 date in date(…)', token);
            return { value, time, date: true };
        }
        const value = literal();
        if (typeof value === 'string') {
            const time = parseDateTime(value);
            return Number.isNaN(time) ? { value } : { value, time };
        }
        if (value !== undefined)
            return { value };
        if (token.kind === 'name' && !['and', 'or', 'not', 'in'].includes(token.text)) {
            pos++;
            return useColumn(token.text);
        }
        return fail('a column or a value');
    };
    const list = () => {
        const close = isOp(peek(), '[') ? ']' : ')';
        pos++;
        const values = [];
        while (!isOp(peek(), close)) {
            const value = literal();
            if (value === undefined)
                fail('a value in the list');
            values.push(value);
            if (!isOp(peek(), ','))
                break;
            pos++;
        }
        expectOp(close);
        return values;
    };
    const columnOf = (side, at) => {
        if (!('column' in side))
            fail('a column before "in"', at);
        return side.column;
    };
    const comparison = () => {
        const start = peek();
        const left = operand();
        // `x.isnull()` / `col("x").notnull()`
        if ('column' in left && isOp(peek(), '.')) {
            pos++;
            const method = next();
            const negated = method.kind === 'name' ? NULL_METHODS[method.text.toLowerCase()] : undefined;
            if (negated === undefined)
                fail('isnull(), notnull(), isna() or notna()', method);
            expectOp('(');
            expectOp(')');
            return { op: 'null', column: left.column, negated: negated };
        }
        const terms = [];
        let current = left;
        for (;;) {
            const token = peek();
            if (isName(token, 'in') || (isName(token, 'not') && isName(tokens[pos + 1], 'in'))) {
                const negated = isName(token, 'not');
                pos += negated ? 2 : 1;
                if (!isOp(peek(), '[', '('))
                    fail('a list of values after "in"');
                terms.push({ op: 'in', column: columnOf(current, start), values: list(), negated });
                break;
            }
            if (!isOp(token, '==', '!=', '<', '<=', '>', '>='))
                break;
            pos++;
            const op = token.text;
            if ((op === '==' || op === '!=') && isOp(peek(), '[')) {
                terms.push({ op: 'in', column: columnOf(current, start), values: list(), negated: op === '!=' });
                break;
            }
            const right = operand();
            if (!('column' in current) && !('column' in right))
                fail('a column on one side of the comparison', token);
            terms.push({ op: 'compare', comparison: op, left: current, right });
            current = right;
        }
        if (terms.length === 0)
            fail('a comparison such as x > 5');
        return terms.reduce((a, b) => ({ op: 'and', left: a, right: b }));
    };
    const unary = () => {
        const token = peek();
        if (isOp(token, '~') || isName(token, 'not')) {
            pos++;
            return { op: 'not', operand: unary() };
        }
        if (isOp(token, '(')) {
            pos++;
            const inner = disjunction();
            expectOp(')');
            return inner;
        }
        return comparison();
    };
    const conjunction = () => {
        let left = unary();
        while (isOp(peek(), '&') || isName(peek(), 'and')) {
            pos++;
            left = { op: 'and', left, right: unary() };
        }
        return left;
    };
    const disjunction = () => {
        let left = conjunction();
        while (isOp(peek(), '|') || isName(peek(), 'or')) {
            pos++;
            left = { op: 'or', left, right: conjunction() };
        }
        return left;
    };
    if (peek().kind === 'end')
        throw new ConditionSyntaxError('is empty');
    const expr = disjunction();
    if (peek().kind !== 'end')
        fail('"&", "|" or the end of the condition');
    return { text, expr, columns };
}
function tokenLength(token) {
    switch (token.kind) {
        case 'name':
        case 'op':
            return token.text.length;
        case 'column':
            return token.text.length + 2;
        case 'string':
            return token.value.length + 2;
        case 'number':
            return String(token.value).length;
        case 'end':
            return 0;
    }
}
/**
 * Which rows of each batch a condition selects, as a 0/1 mask. Comparisons follow pandas: a null
 * compares false to anything (and `!=` true); a number compares with values that read as numbers,
 * a string with the value's text (as instants when both are ISO 8601 dates), `True`/`False` with
 * boolean values; values of another kind are not equal and not ordered. With `quotedIsText` (JSON
 * Lines) a quoted value is text and never a number.
 */
class ConditionMask {
    condition;
    quotedIsText;
    mask = new Uint8Array(0);
    cols = [];
    constructor(condition, quotedIsText) {
        this.condition = condition;
        this.quotedIsText = quotedIsText;
    }
    /** The mask for `batch` (valid until the next call); also the number of rows selected. */
    select(batch) {
        if (this.mask.length < batch.rowCount)
            this.mask = new Uint8Array(batch.rowCount);
        this.cols = this.condition.columns.map((name) => batch.columns.indexOf(name));
        let selected = 0;
        for (let row = 0; row < batch.rowCount; row++) {
            const hit = this.evaluate(this.condition.expr, batch, row);
            this.mask[row] = hit ? 1 : 0;
            if (hit)
                selected++;
        }
        return { mask: this.mask, selected };
    }
    view(batch, row, column) {
        return { batch, row, col: this.cols[this.condition.columns.indexOf(column)], quotedIsText: this.quotedIsText };
    }
    evaluate(expr, batch, row) {
        switch (expr.op) {
            case 'and':
                return this.evaluate(expr.left, batch, row) && this.evaluate(expr.right, batch, row);
            case 'or':
                return this.evaluate(expr.left, batch, row) || this.evaluate(expr.right, batch, row);
            case 'not':
                return !this.evaluate(expr.operand, batch, row);
            case 'null':
                return isNullField(this.view(batch, row, expr.column)) === !expr.negated;
            case 'in': {
                const field = this.view(batch, row, expr.column);
                const found = expr.values.some((value) => compareField(field, '==', { value }));
                return found !== expr.negated;
            }
            case 'compare': {
                const { left, right, comparison } = expr;
                if ('column' in left && 'column' in right) {
                    return compareFields(this.view(batch, row, left.column), comparison, this.view(batch, row, right.column));
                }
                if ('column' in left)
                    return compareField(this.view(batch, row, left.column), comparison, right);
                return compareField(this.view(batch, row, right.column), flip(comparison), left);
            }
        }
    }
}
function flip(comparison) {
    switch (comparison) {
        case '<':
            return '>';
        case '<=':
            return '>=';
        case '>':
            return '<';
        case '>=':
            return '<=';
        default:
            return comparison;
    }
}
function isNullField({ batch, row, col }) {
    return col < 0 || batch.isNull(row, col);
}
function ordered(a, comparison, b) {
    switch (comparison) {
        case '==':
            return a === b;
        case '!=':
            return a !== b;
        case '<':
            return a < b;
        case '<=':
            return a <= b;
        case '>':
            return a > b;
        case '>=':
            return a >= b;
    }
}
/** The field as a number, or NaN: quoted JSON strings are text, booleans are not numbers. */
function fieldNumber({ batch, row, col, quotedIsText }) {
    const flag = batch.flag(row, col);
    if ((flag & (FieldFlag.BOOLEAN | FieldFlag.NESTED)) !== 0)
        return NaN;
    if (quotedIsText && (flag & FieldFlag.QUOTED) !== 0)
        return NaN;
    return batch.number(row, col);
}
function fieldBoolean({ batch, row, col, quotedIsText }) {
    const flag = batch.flag(row, col);
    if ((flag & FieldFlag.BOOLEAN) === 0 && quotedIsText && (flag & FieldFlag.QUOTED) !== 0)
        return undefined;
    if ((flag & FieldFlag.BOOLEAN) === 0 && !isBooleanText(batch.bytes, batch.start(row, col), batch.end(row, col))) {
        return undefined;
    }
    return (batch.bytes[batch.start(row, col)] | 0x20) === 116;
}
/** The field as text, or undefined when it is a JSON number or boolean (with `quotedIsText`). */
function fieldText({ batch, row, col, quotedIsText }) {
    const flag = batch.flag(row, col);
    if (quotedIsText && (flag & (FieldFlag.QUOTED | FieldFlag.NESTED)) === 0)
        return undefined;
    return batch.string(row, col);
}
function compareField(field, comparison, { value, time, date }) {
    // A null (or a value of another kind) equals nothing, so only `!=` holds for it.
    const unmatched = comparison === '!=';
    if (value === null || isNullField(field))
        return unmatched;
    if (typeof value === 'number') {
        const x = fieldNumber(field);
        return Number.isNaN(x) ? unmatched : ordered(x, comparison, value);
    }
    if (typeof value === 'boolean') {
        const b = fieldBoolean(field);
        if (b === undefined)
            return unmatched;
        return comparison === '==' ? b === value : comparison === '!=' ? b !== value : false;
    }
    if (time !== undefined) {
        const instant = fieldDateTime(field.batch, field.row, field.col);
        if (!Number.isNaN(instant))
            return ordered(instant, comparison, time);
        if (date)
            return unmatched;
    }
    const text = fieldText(field);
    return text === undefined ? unmatched : ordered(text, comparison, value);
}
function compareFields(a, comparison, b) {
    const unmatched = comparison === '!=';
    if (isNullField(a) || isNullField(b))
        return unmatched;
    const x = fieldNumber(a);
    const y = fieldNumber(b);
    if (!Number.isNaN(x) && !Number.isNaN(y))
        return ordered(x, comparison, y);
    if (!Number.isNaN(x) || !Number.isNaN(y))
        return unmatched;
    const s = fieldText(a);
    const t = fieldText(b);
    return s === undefined || t === undefined ? unmatched : ordered(s, comparison, t);
}

;// CONCATENATED MODULE: ./packages/core/src/checks/types.ts
/** What a column's values must read as. */
const VALUE_TYPES = (/* unused pure expression or super */ null && (['integer', 'number', 'string', 'boolean', 'datetime']));
/** How a quantile between two values is read, as numpy's and pandas' `method`/`interpolation`. */

const ROW_CHECK_KINDS = new Set([
    'not_null',
    'null',
    'type',
    'between',
    'in_set',
    'not_in_set',
    'regex',
    'not_regex',
    'unique',
]);
function isRowCheck(check) {
    return ROW_CHECK_KINDS.has(check.kind);
}
function isPassCheck(check) {
    return isRowCheck(check) || (check.where !== undefined && CONDITIONED_KINDS.has(check.kind));
}
/** Aggregate checks a row condition changes; a table's or column's presence does not depend on rows. */
const CONDITIONED_KINDS = new Set([
    'max_null_fraction',
    'statistic',
    'quantiles',
    'column_type',
    'row_count',
]);

;// CONCATENATED MODULE: ./packages/core/src/checks/row-checker.ts






const DEFAULT_MAX_EXAMPLES = 10;
const DEFAULT_MAX_DISTINCT = 10_000_000;
/**
 * Evaluates row-level checks while batches stream past: counts the values each check rejects and
 * keeps the first few with their line numbers. Nulls count only for the null checks; every other
 * check judges non-null values only (as Great Expectations' map expectations do). A check with a
 * row condition sees only the rows it selects; an aggregate check with one gets the profile of
 * its column over those rows. Feed every batch to `consume`, then call `finish` once.
 */
class RowChecker {
    states;
    maxExamples;
    maxDistinct;
    quotedIsText;
    masks = [];
    conditions = new Map();
    subsetBatch = new SubsetBatch();
    constructor(checks, options = {}) {
        this.maxExamples = options.maxExamples ?? DEFAULT_MAX_EXAMPLES;
        this.maxDistinct = options.maxDistinct ?? DEFAULT_MAX_DISTINCT;
        this.quotedIsText = options.quotedIsText ?? false;
        this.states = checks.filter(isPassCheck).map((check) => ({
            check,
            present: false,
            checked: 0,
            unexpected: 0,
            absent: 0,
            examples: [],
            col: -1,
            ...(check.where && { condition: this.conditionMask(check.where) }),
            ...(check.kind === 'in_set' || check.kind === 'not_in_set' ? { set: new ValueSet(check.values) } : {}),
            ...(check.kind === 'unique' ? { seen: new Map(), repeats: new Map() } : {}),
            ...(!isRowCheck(check) &&
                'column' in check && { subset: new ColumnProfile(check.column, { quotedIsText: this.quotedIsText }) }),
        }));
    }
    conditionMask(condition) {
        let mask = this.conditions.get(condition.text);
        if (!mask)
            this.conditions.set(condition.text, (mask = new ConditionMask(condition, this.quotedIsText)));
        return mask;
    }
    /**
     * Checks every row of `batch`. `parsed` (from the profile of the same pass) gives each column's
     * nulls and numbers, so they are not read twice; without it they are read here.
     */
    consume(batch, parsed) {
        // Each column's nulls and each condition's rows are found once per batch, however many checks read them.
        const nulls = new Map();
        const selections = new Map();
        for (const mask of this.conditions.values())
            selections.set(mask, mask.select(batch));
        for (const state of this.states) {
            const selection = state.condition ? selections.get(state.condition) : undefined;
            const selected = selection ? selection.selected : batch.rowCount;
            if (state.check.kind === 'row_count') {
                state.present = true;
                state.checked += selected;
                continue;
            }
            if (state.col < 0)
                state.col = batch.columns.indexOf(state.check.column);
            if (state.col < 0) {
                state.absent += selected;
                state.subset?.addMissing(selected);
                continue;
            }
            state.present = true;
            if (state.subset) {
                state.subset.addBatch(this.subsetBatch.fill(batch, state.col, selection?.mask), 0);
                continue;
            }
            const given = parsed?.[state.col];
            let mask = given?.nulls ?? nulls.get(state.col);
            if (!mask)
                nulls.set(state.col, (mask = this.nullMask(batch, state.col, nulls.size)));
            const instants = given?.hasInstants ? given.instants : undefined;
            this.scan(state, batch, mask, given?.numbers, instants, selection?.mask);
        }
    }
    /** The outcome of every row-level and conditioned check, in the order given. */
    finish() {
        return this.states.map((state) => {
            const { check, present, absent, subset } = state;
            let { checked, unexpected } = state;
            // Rows read before the column first appeared had no value: they are nulls.
            if (present && check.kind === 'not_null')
                unexpected += absent;
            if (present && (check.kind === 'not_null' || check.kind === 'null'))
                checked += absent;
            if (state.repeats)
                for (const count of state.repeats.values())
                    unexpected += count;
            const { undecided } = state;
            return {
                check,
                present,
                checked,
                unexpected,
                absent,
                examples: state.examples,
                ...(undecided !== undefined && { undecided }),
                ...(subset && { subset: subset.toJSON() }),
            };
        });
    }
    scan(state, batch, isNull, numbers, instants, selected) {
        const { check, col } = state;
        const rows = batch.rowCount;
        let checked = 0;
        switch (check.kind) {
            case 'not_null':
                for (let row = 0; row < rows; row++) {
                    if (selected && selected[row] === 0)
                        continue;
                    checked++;
                    if (isNull[row] === 1)
                        this.reject(state, batch, row, '(null)');
                }
                break;
            case 'null':
                for (let row = 0; row < rows; row++) {
                    if (selected && selected[row] === 0)
                        continue;
                    checked++;
                    if (isNull[row] === 0)
                        this.reject(state, batch, row);
                }
                break;
            case 'type':
                for (let row = 0; row < rows; row++) {
                    if (isNull[row] === 1 || (selected && selected[row] === 0))
                        continue;
                    checked++;
                    if (!fieldHasType(batch, row, col, check.type, this.quotedIsText, numbers?.[row], instants?.[row]))
                        this.reject(state, batch, row);
                }
                break;
            case 'between': {
                const strictTypes = check.mixedTypes === 'error';
                for (let row = 0; row < rows; row++) {
                    if (isNull[row] === 1 || (selected && selected[row] === 0))
                        continue;
                    checked++;
                    const x = check.datetime
                        ? fieldDateTime(batch, row, col, instants?.[row])
                        : this.quotedIsText && strictTypes && (batch.flag(row, col) & FieldFlag.QUOTED) !== 0
                            ? NaN
                            : numbers
                                ? numbers[row]
                                : batch.number(row, col);
                    if (strictTypes && Number.isNaN(x))
                        this.mixedType(state, batch, row, check.datetime);
                    // A value that is not a number (or date) cannot lie in the range.
                    if (!withinBounds(x, check.bounds))
                        this.reject(state, batch, row);
                }
                break;
            }
            case 'in_set':
            case 'not_in_set': {
                const set = state.set;
                const wanted = check.kind === 'in_set';
                for (let row = 0; row < rows; row++) {
                    if (isNull[row] === 1 || (selected && selected[row] === 0))
                        continue;
                    checked++;
                    if (set.has(batch, row, col) !== wanted)
                        this.reject(state, batch, row);
                }
                break;
            }
            case 'regex':
            case 'not_regex': {
                const wanted = check.kind === 'regex';
                for (let row = 0; row < rows; row++) {
                    if (isNull[row] === 1 || (selected && selected[row] === 0))
                        continue;
                    checked++;
                    if (check.pattern.test(batch.string(row, col)) !== wanted)
                        this.reject(state, batch, row);
                }
                break;
            }
            case 'unique':
                this.scanUnique(state, batch, check.numeric, isNull, selected);
                return;
        }
        state.checked += checked;
    }
    /** Great Expectations refuses to compare a value with bounds of another type; so does the check. */
    mixedType(state, batch, row, datetime) {
        if (state.undecided !== undefined)
            return;
        const value = boundText(batch.string(row, state.col));
        state.undecided = `the value ${JSON.stringify(value)} on line ${batch.line(row)} is not ${datetime ? 'a date' : 'a number'} like the bounds (Great Expectations does not compare mixed types)`;
    }
    scanUnique(state, batch, numeric, isNull, selected) {
        const { col } = state;
        for (let row = 0; row < batch.rowCount; row++) {
            if (isNull[row] === 1 || (selected && selected[row] === 0))
                continue;
            state.checked++;
            const { seen, repeats } = state;
            if (!seen || !repeats)
                continue;
            let key = numeric ? batch.number(row, col) : '';
            if (!numeric || Number.isNaN(key))
                key = batch.string(row, col);
            // JSON Lines: the string "1" and the number 1 are different values, as in pandas.
            if (this.quotedIsText && typeof key === 'string' && (batch.flag(row, col) & FieldFlag.QUOTED) !== 0) {
                key = `"${key}`;
            }
            const first = seen.get(key);
            if (first !== undefined) {
                const count = repeats.get(key);
                // The first occurrence is a duplicate too: shown with its own line once the value repeats.
                if (count === undefined)
                    this.keepFirstExample(state, first, batch.string(row, col));
                repeats.set(key, (count ?? 1) + 1);
                this.keepExample(state, batch, row);
            }
            else if (seen.size < this.maxDistinct) {
                seen.set(key, batch.line(row));
            }
            else {
                state.undecided = `more than ${this.maxDistinct.toLocaleString('en-US')} distinct values; uniqueness was not checked past line ${batch.line(row)}`;
                delete state.seen;
                delete state.repeats;
            }
        }
    }
    /** 1 where column `col` is null in `batch`, in a scratch array reused for the `slot`-th column of each batch. */
    nullMask(batch, col, slot) {
        let mask = this.masks[slot];
        if (!mask || mask.length < batch.rowCount)
            this.masks[slot] = mask = new Uint8Array(batch.rowCount);
        for (let row = 0; row < batch.rowCount; row++)
            mask[row] = batch.isNull(row, col) ? 1 : 0;
        return mask;
    }
    reject(state, batch, row, shown) {
        state.unexpected++;
        this.keepExample(state, batch, row, shown);
    }
    keepFirstExample(state, line, value) {
        if (state.examples.length >= this.maxExamples)
            return;
        // Kept in line order: the first occurrence may lie before examples already kept.
        const at = state.examples.findIndex((example) => example.line > line);
        const example = { line, value: boundText(value) };
        if (at < 0)
            state.examples.push(example);
        else
            state.examples.splice(at, 0, example);
    }
    keepExample(state, batch, row, shown) {
        if (state.examples.length >= this.maxExamples)
            return;
        state.examples.push({ line: batch.line(row), value: shown ?? boundText(batch.string(row, state.col)) });
    }
}
/**
 * One column of a batch cut down to the rows a condition selects, as a one-column batch over the
 * same bytes, so the column's profile reads it as it reads any batch.
 */
class SubsetBatch {
    batch;
    /** The selected rows of column `col` of `source` (valid until the next call). */
    fill(source, col, selected) {
        if (this.batch?.nulls !== source.nulls)
            this.batch = new RecordBatch(source.nulls);
        const batch = this.batch;
        if (batch.starts.length < source.rowCount) {
            batch.starts = new Int32Array(source.rowCount);
            batch.ends = new Int32Array(source.rowCount);
            batch.flags = new Uint8Array(source.rowCount);
            batch.lines = new Int32Array(source.rowCount);
        }
        batch.columns = [source.columns[col]];
        batch.columnCount = 1;
        batch.bytes = source.bytes;
        let rows = 0;
        for (let row = 0; row < source.rowCount; row++) {
            if (selected && selected[row] === 0)
                continue;
            const k = row * source.columnCount + col;
            batch.starts[rows] = source.starts[k];
            batch.ends[rows] = source.ends[k];
            batch.flags[rows] = source.flags[k];
            batch.lines[rows] = source.lines[row];
            rows++;
        }
        batch.rowCount = rows;
        return batch;
    }
}
/** The requirement a row-level check states, for the report's `expected`. */
function describeRowCheck(check) {
    const mostly = check.mostly < 1 ? ` for at least ${describe_formatPercent(check.mostly)} of values` : '';
    switch (check.kind) {
        case 'not_null':
            return `not null${mostly}`;
        case 'null':
            return `null${mostly}`;
        case 'type':
            return `type ${check.type}${mostly}`;
        case 'between':
            return `${describeBounds(check.bounds, check.datetime)}${mostly}`;
        case 'in_set':
            return `in ${describeSet(check.values)}${mostly}`;
        case 'not_in_set':
            return `not in ${describeSet(check.values)}${mostly}`;
        case 'regex':
            return `matches /${boundText(check.pattern.source)}/${mostly}`;
        case 'not_regex':
            return `does not match /${boundText(check.pattern.source)}/${mostly}`;
        case 'unique':
            return `unique${mostly}`;
    }
}

;// CONCATENATED MODULE: ./packages/core/src/checks/evaluate.ts






/**
 * Results of all checks, in the order given. A check on a column the data lacks is not evaluated:
 * the column's absence is reported once, by its `column_exists` check or, when there is none, by a
 * failing one added in its place; a column marked optional (`required: false`) is simply skipped.
 * An aggregate check with a row condition is judged on the statistics of the rows it selects.
 */
function evaluateChecks(checks, { rows, table, stats }) {
    const present = new Set(table.columns);
    const outcomes = new Map(rows.map((outcome) => [outcome.check, outcome]));
    const reportedMissing = new Set(checks.filter((check) => check.kind === 'column_exists' && !present.has(check.column)).map((c) => columnOf(c)));
    const results = [];
    for (const check of checks) {
        const column = columnOf(check);
        if (column !== undefined && !present.has(column) && check.kind !== 'column_exists') {
            if (check.optional || reportedMissing.has(column))
                continue;
            reportedMissing.add(column);
            results.push(missingColumn(column));
            continue;
        }
        if (!isPassCheck(check)) {
            results.push(aggregateResult(check, table, column === undefined ? undefined : stats.get(column)));
            continue;
        }
        const outcome = outcomes.get(check);
        if (!outcome)
            throw new Error(`no row outcome for the ${check.name} check${column ? ` on ${column}` : ''}`);
        const unknown = check.where?.columns.find((name) => !present.has(name));
        if (unknown !== undefined) {
            results.push({
                check: check.name,
                ...(column !== undefined && { column }),
                status: 'fail',
                message: `could not be checked: row_condition ${JSON.stringify(check.where.text)} names column ${unknown}, which the data does not have`,
            });
        }
        else if (isRowCheck(check))
            results.push(rowResult(outcome));
        else
            results.push(conditionedResult(check, outcome, table));
    }
    return results;
}
/** An aggregate check over the rows its condition selected, from the row pass's count or column profile. */
function conditionedResult(check, outcome, table) {
    if (outcome.undecided !== undefined) {
        return {
            check: check.name,
            ...('column' in check && { column: check.column }),
            status: 'fail',
            message: `could not be checked: ${outcome.undecided}`,
        };
    }
    const subset = outcome.subset ? columnStatsOf(ColumnProfile.fromJSON(outcome.subset, 'subset')) : undefined;
    const selected = { rows: outcome.checked, columns: table.columns };
    return aggregateResult(check, selected, subset);
}
function columnOf(check) {
    return 'column' in check ? check.column : undefined;
}
function missingColumn(column) {
    return {
        check: 'column_exists',
        column,
        status: 'fail',
        message: `column ${column} is missing`,
        observed: false,
        expected: 'present',
    };
}
function rowResult({ check, checked, unexpected, examples, undecided }) {
    const base = { check: check.name, column: check.column, expected: describeRowCheck(check) };
    if (undecided)
        return { ...base, status: 'fail', message: `could not be checked: ${undecided}` };
    const fraction = checked === 0 ? 0 : unexpected / checked;
    // As in GX: the check passes when the share of passing values reaches `mostly`; no values is a pass.
    const passed = checked === 0 || (checked - unexpected) / checked >= check.mostly;
    const what = check.kind === 'not_null' || check.kind === 'null' ? 'values' : 'non-null values';
    const failing = `${unexpected} of ${checked} ${what} (${describe_formatPercent(fraction)}) ${failureVerb(check)}`;
    const message = unexpected === 0
        ? `all ${checked} ${what} pass`
        : passed
            ? `${failing}, within the allowed ${describe_formatPercent(1 - check.mostly)}`
            : failing;
    return {
        ...base,
        status: passed ? 'pass' : 'fail',
        message,
        unexpectedCount: unexpected,
        unexpectedFraction: fraction,
        ...(examples.length > 0 ? { examples: examples.map((example) => ({ ...example })) } : {}),
    };
}
function failureVerb(check) {
    switch (check.kind) {
        case 'not_null':
            return 'are null';
        case 'null':
            return 'are not null';
        case 'type':
            return `are not ${check.type === 'integer' ? 'an integer' : `a ${check.type}`}`;
        case 'between':
            return `are not ${describeBounds(check.bounds, check.datetime)}`;
        case 'in_set':
            return 'are not in the allowed set';
        case 'not_in_set':
            return 'are in the forbidden set';
        case 'regex':
            return 'do not match the pattern';
        case 'not_regex':
            return 'match the forbidden pattern';
        case 'unique':
            return 'are duplicated';
    }
}
function aggregateResult(check, table, stats) {
    switch (check.kind) {
        case 'column_exists':
            return columnExistsResult(check, table);
        case 'max_null_fraction': {
            const count = stats?.count ?? 0;
            const fraction = count === 0 ? 0 : (stats?.nulls ?? 0) / count;
            const passed = fraction <= check.max;
            return {
                check: check.name,
                column: check.column,
                status: passed ? 'pass' : 'fail',
                message: `${describe_formatPercent(fraction)} of values are null (at most ${describe_formatPercent(check.max)} allowed)`,
                observed: fraction,
                expected: `≤ ${describe_formatNumber(check.max)}`,
            };
        }
        case 'statistic':
            return statisticResult(check, stats);
        case 'quantiles':
            return quantilesResult(check, stats);
        case 'column_type':
            return columnTypeResult(check, stats);
        case 'row_count': {
            const passed = withinBounds(table.rows, check.bounds);
            const expected = describeBounds(check.bounds);
            return {
                check: check.name,
                status: passed ? 'pass' : 'fail',
                message: `${table.rows} rows${passed ? '' : `, expected ${expected}`}`,
                observed: table.rows,
                observed_value: table.rows,
                expected,
            };
        }
        case 'columns_match':
            return columnsMatchResult(check, table);
        case 'unexpected_columns': {
            const listed = new Set(check.listed);
            const extra = table.columns.filter((column) => !listed.has(column));
            return {
                check: check.name,
                status: extra.length === 0 ? 'pass' : check.severity === 'warn' ? 'warn' : 'fail',
                message: extra.length === 0
                    ? 'no unexpected columns'
                    : `${extra.length} column${extra.length === 1 ? '' : 's'} not in the schema: ${describeNames(extra)}`,
                observed: extra.length,
                expected: 'only the columns in the schema',
            };
        }
    }
}
function columnExistsResult(check, table) {
    const at = table.columns.indexOf(check.column);
    const base = { check: check.name, column: check.column, observed: at >= 0 };
    if (at < 0) {
        return { ...base, status: 'fail', message: `column ${check.column} is missing`, expected: 'present' };
    }
    if (check.index === undefined) {
        return { ...base, status: 'pass', message: `column ${check.column} is present`, expected: 'present' };
    }
    // GX counts columns from 0, as pandas does.
    const passed = at === check.index;
    return {
        ...base,
        status: passed ? 'pass' : 'fail',
        message: `column ${check.column} is at index ${at}${passed ? '' : `, expected ${check.index}`} (counting from 0)`,
        expected: `present at index ${check.index}`,
    };
}
function statisticResult(check, stats) {
    const label = check.statistic === 'quantile' ? `quantile ${check.q}` : check.statistic;
    const datetime = check.datetime ?? false;
    const expected = describeBounds(check.bounds, datetime);
    const base = { check: check.name, column: check.column, expected };
    const problem = check.mixedTypes === 'error' && stats ? mixedTypes(stats, domainOf(check, stats)) : undefined;
    if (problem) {
        return {
            ...base,
            status: 'fail',
            message: `could not be checked: ${problem}`,
            observed: null,
            observed_value: null,
        };
    }
    const value = statisticOf(check, stats);
    if (value === undefined || Number.isNaN(value)) {
        const none = datetime ? 'dates' : 'numeric values';
        return {
            ...base,
            status: 'fail',
            message: `${label} is undefined: the column has no ${none}`,
            observed: null,
            observed_value: null,
        };
    }
    const range = quantileRange(check, stats);
    if (range)
        return boundedResult(base, label, check.bounds, range, value);
    const passed = withinBounds(value, check.bounds);
    const shown = datetime || domainOf(check, stats) === 'datetime' ? new Date(value).toISOString() : value;
    return {
        ...base,
        status: passed ? 'pass' : 'fail',
        message: `${label} is ${typeof shown === 'string' ? shown : describe_formatNumber(shown)}${passed ? '' : `, expected ${expected}`}`,
        observed: shown,
        observed_value: shown,
    };
}
/** The bounds of a median or quantile the profile could not give exactly (past its exact cap). */
function quantileRange(check, stats) {
    if (check.statistic === 'median')
        return stats.quantileBounds?.();
    if (check.statistic === 'quantile')
        return stats.quantileBounds?.(check.q ?? 0.5);
    return undefined;
}
/** How an interval the statistic is known to lie in fares against the check's bounds. */
function rangeVerdict(bounds, [low, high]) {
    if (withinBounds(low, bounds) && withinBounds(high, bounds))
        return 'pass';
    const below = (v) => bounds.min !== undefined && (bounds.strictMin ? v <= bounds.min : v < bounds.min);
    const above = (v) => bounds.max !== undefined && (bounds.strictMax ? v >= bounds.max : v > bounds.max);
    return (below(low) && below(high)) || (above(low) && above(high)) ? 'fail' : 'warn';
}
/**
 * A statistic known only within [low, high]: it passes or fails when the whole interval does, and otherwise warns
 * that the profile cannot tell (the column has more values than it keeps exactly).
 */
function boundedResult(base, label, bounds, range, value) {
    const status = rangeVerdict(bounds, range);
    const between = `${label} is between ${describe_formatNumber(range[0])} and ${describe_formatNumber(range[1])}`;
    const why = 'the column has more values than the profile keeps exactly';
    return {
        ...base,
        status,
        message: status === 'pass'
            ? `${between} (${why})`
            : status === 'fail'
                ? `${between}, expected ${base.expected}`
                : `${between}, which may or may not be ${base.expected}: ${why}`,
        observed: value,
        observed_value: value,
    };
}
/**
 * The values a statistic is read over: dates when its bounds are dates (or, for an unbounded
 * min or max, when the column holds only dates), booleans as 0/1 for the mean of a boolean
 * column (as pandas computes it), numbers otherwise.
 */
function domainOf(check, stats) {
    if (check.datetime)
        return 'datetime';
    const counts = stats.typeCounts;
    const nonNull = stats.count - stats.nulls;
    if (!counts || nonNull === 0 || check.mixedTypes !== 'error')
        return 'number';
    const bounded = check.bounds.min !== undefined || check.bounds.max !== undefined;
    if ((check.statistic === 'min' || check.statistic === 'max') && !bounded && counts.datetime === nonNull) {
        return 'datetime';
    }
    if (check.statistic === 'mean' && counts.boolean === nonNull)
        return 'boolean';
    return 'number';
}
/** Why a statistic over `domain` cannot be read: some non-null values are of another type. */
function mixedTypes(stats, domain) {
    const counts = stats.typeCounts;
    if (!counts)
        return undefined;
    const nonNull = stats.count - stats.nulls;
    const fitting = domain === 'datetime'
        ? (counts.datetime ?? 0)
        : domain === 'boolean'
            ? (counts.boolean ?? 0)
            : (counts.integer ?? 0) + (counts.number ?? 0);
    const others = nonNull - fitting;
    if (others === 0)
        return undefined;
    const what = domain === 'datetime' ? 'dates' : 'numbers';
    return `${others} of ${nonNull} values are not ${what} (Great Expectations does not compare mixed types)`;
}
function statisticOf(check, stats) {
    if (!stats)
        return undefined;
    const domain = domainOf(check, stats);
    if (domain === 'datetime') {
        if (check.statistic === 'min')
            return stats.minTime;
        if (check.statistic === 'max')
            return stats.maxTime;
        return undefined;
    }
    if (domain === 'boolean')
        return trueShare(stats);
    switch (check.statistic) {
        case 'mean':
            return stats.mean;
        case 'stdev':
            return stats.stdev;
        case 'min':
            return stats.min;
        case 'max':
            return stats.max;
        case 'median':
            return stats.median?.() ?? stats.quantile?.(0.5, 'linear');
        case 'quantile':
            return stats.quantile?.(check.q ?? 0.5);
    }
}
/** The share of `true` among a boolean column's values, when its value counts are complete. */
function trueShare(stats) {
    const nonNull = stats.count - stats.nulls;
    const top = stats.topValues ?? [];
    if (nonNull === 0 || top.reduce((sum, { count }) => sum + count, 0) !== nonNull)
        return undefined;
    return top.filter(({ value }) => value.toLowerCase() === 'true').reduce((sum, { count }) => sum + count, 0) / nonNull;
}
function quantilesResult(check, stats) {
    const quantiles = check.quantiles.map(({ q }) => q);
    const expected = check.quantiles.map(({ q, bounds }) => `q${q} ${describeBounds(bounds)}`).join(', ');
    const base = { check: check.name, column: check.column, expected };
    const problem = stats ? mixedTypes(stats, 'number') : undefined;
    const quantile = stats?.quantile;
    if (problem || !quantile) {
        return {
            ...base,
            status: 'fail',
            message: problem
                ? `could not be checked: ${problem}`
                : 'quantiles are undefined: the column has no numeric values',
            observed_value: { quantiles, values: quantiles.map(() => null) },
        };
    }
    const values = check.quantiles.map(({ q }) => quantile(q, check.method));
    const ranges = check.quantiles.map(({ q }) => stats?.quantileBounds?.(q, check.method));
    // As GX: a value within a relative 1e-4 of a bound counts as on it (numpy.isclose, atol 1e-8).
    const close = (a, b) => b !== undefined && Math.abs(a - b) <= 1e-8 + 1e-4 * Math.abs(b);
    const verdicts = check.quantiles.map(({ bounds }, i) => {
        const range = ranges[i];
        if (range)
            return rangeVerdict(bounds, range);
        const v = values[i];
        return withinBounds(v, bounds) || close(v, bounds.min) || close(v, bounds.max) ? 'pass' : 'fail';
    });
    const failing = check.quantiles.filter((_, i) => verdicts[i] === 'fail');
    const undecided = check.quantiles.filter((_, i) => verdicts[i] === 'warn');
    const shown = check.quantiles
        .map(({ q }, i) => {
        const range = ranges[i];
        return range
            ? `q${q} in [${describe_formatNumber(range[0])}, ${describe_formatNumber(range[1])}]`
            : `q${q} = ${describe_formatNumber(values[i])}`;
    })
        .join(', ');
    const problems = [
        ...(failing.length > 0
            ? [`out of range: ${failing.map(({ q, bounds }) => `q${q} (expected ${describeBounds(bounds)})`).join(', ')}`]
            : []),
        ...(undecided.length > 0
            ? [
                `undecided: ${undecided.map(({ q }) => `q${q}`).join(', ')} (the column has more values than the profile keeps exactly)`,
            ]
            : []),
    ];
    return {
        ...base,
        status: failing.length > 0 ? 'fail' : undecided.length > 0 ? 'warn' : 'pass',
        message: problems.length === 0 ? shown : `${shown}; ${problems.join('; ')}`,
        observed_value: { quantiles, values },
    };
}
/** The pandas dtype a column read by `pandas.read_csv` would get, from what its values read as. */
function dtypeOf(counts, nonNull) {
    const integer = counts.integer ?? 0;
    const number = counts.number ?? 0;
    if (integer === nonNull)
        return 'int64';
    if (integer + number === nonNull)
        return 'float64';
    if ((counts.boolean ?? 0) === nonNull)
        return 'bool';
    if ((counts.datetime ?? 0) === nonNull)
        return 'datetime64[ns]';
    return 'object';
}
const DTYPE_OF_TYPE = {
    integer: 'int64',
    number: 'float64',
    boolean: 'bool',
    datetime: 'datetime64[ns]',
    string: 'object',
};
/**
 * GX's `expect_column_values_to_be_of_type` on pandas: the column's dtype must be the type; only an
 * `object` column (values of several kinds) is checked value by value, against `mostly`.
 */
function columnTypeResult(check, stats) {
    const base = { check: check.name, column: check.column, expected: `type ${check.written}` };
    const counts = stats?.typeCounts;
    const nonNull = stats ? stats.count - stats.nulls : 0;
    if (!counts || nonNull === 0) {
        return { ...base, status: 'pass', message: 'no non-null values to check', observed_value: null };
    }
    const dtype = dtypeOf(counts, nonNull);
    if (dtype !== 'object') {
        const passed = dtype === DTYPE_OF_TYPE[check.type];
        return {
            ...base,
            status: passed ? 'pass' : 'fail',
            message: `the column reads as ${dtype}${passed ? '' : `, not ${check.written}`}`,
            observed: dtype,
            observed_value: dtype,
        };
    }
    const unexpected = nonNull - (counts[check.type] ?? 0);
    const fraction = unexpected / nonNull;
    const passed = 1 - fraction >= check.mostly;
    return {
        ...base,
        status: passed ? 'pass' : 'fail',
        message: unexpected === 0
            ? `all ${nonNull} values are ${check.written}`
            : `${unexpected} of ${nonNull} values (${describe_formatPercent(fraction)}) are not ${check.written}${passed ? `, within the allowed ${describe_formatPercent(1 - check.mostly)}` : ''}`,
        observed: dtype,
        observed_value: dtype,
        unexpectedCount: unexpected,
        unexpectedFraction: fraction,
    };
}
function columnsMatchResult(check, table) {
    // GX: no column set matches any columns without exact_match and none with it.
    if (check.columns === null) {
        return {
            check: check.name,
            status: check.exact ? 'fail' : 'pass',
            message: check.exact ? 'no column set to match exactly' : 'no column set: any columns match',
            observed: table.columns.length,
            expected: check.exact ? 'a column set' : 'any columns',
        };
    }
    const actual = new Set(table.columns);
    const wanted = new Set(check.columns);
    const missing = check.columns.filter((column) => !actual.has(column));
    const extra = table.columns.filter((column) => !wanted.has(column));
    // Without exact_match, GX accepts extra columns as long as none of the listed ones is missing.
    const passed = missing.length === 0 && (!check.exact || extra.length === 0);
    const problems = [
        ...(missing.length > 0 ? [`missing ${describeNames(missing)}`] : []),
        ...(extra.length > 0 && check.exact ? [`unexpected ${describeNames(extra)}`] : []),
    ];
    return {
        check: check.name,
        status: passed ? 'pass' : 'fail',
        message: passed ? 'columns match' : `columns do not match: ${problems.join('; ')}`,
        observed: table.columns.length,
        expected: `${check.exact ? 'exactly' : 'at least'} ${describeNames(check.columns)}`,
    };
}

;// CONCATENATED MODULE: ./packages/core/src/checks/gx.ts







/** Keyword arguments GX accepts on every expectation that do not change what is checked. */
const IGNORED_KWARGS = [
    'result_format',
    'include_config',
    'catch_exceptions',
    'meta',
    'notes',
    'batch_id',
    'description',
    'id',
    'rendered_content',
];
/** Keyword arguments GX knows that change what is checked in ways mlgate cannot follow: the expectation is skipped. */
const UNSUPPORTED_KWARGS = {
    windows: 'compares with earlier runs (windows)',
    auto: 'is filled in by a profiler (auto)',
    profiler_config: 'is filled in by a profiler (profiler_config)',
};
/** Row filters GX reads: pandas' `DataFrame.query`, and its own `col("x") > 5` grammar. */
const CONDITION_PARSERS = ['pandas', 'python', 'great_expectations', 'great_expectations__experimental__'];
const OTHER_CONDITION_PARSERS = ['spark', 'spark_sql', 'sql'];
const COLUMN_STATISTICS = {
    column_mean_to_be_between: 'mean',
    column_median_to_be_between: 'median',
    column_min_to_be_between: 'min',
    column_max_to_be_between: 'max',
    column_stdev_to_be_between: 'stdev',
};
const RANGE_KWARGS = ['min_value', 'max_value', 'strict_min', 'strict_max'];
const TRANSLATIONS = {
    column_to_exist: {
        kwargs: ['column', 'column_index'],
        translate: (a) => {
            const index = a.optionalInteger('column_index');
            return { kind: 'column_exists', name: a.name, column: a.column(), ...(index !== undefined && { index }) };
        },
    },
    column_values_to_not_be_null: {
        kwargs: ['column', 'mostly'],
        translate: (a) => ({ kind: 'not_null', name: a.name, column: a.column(), mostly: a.mostly(), ...a.where() }),
    },
    column_values_to_be_null: {
        kwargs: ['column', 'mostly'],
        translate: (a) => ({ kind: 'null', name: a.name, column: a.column(), mostly: a.mostly(), ...a.where() }),
    },
    column_values_to_be_between: {
        kwargs: ['column', 'mostly', 'parse_strings_as_datetimes', 'allow_cross_type_comparisons', ...RANGE_KWARGS],
        translate: (a) => {
            const { bounds, datetime } = a.range({ dates: true, required: true });
            return {
                kind: 'between',
                name: a.name,
                column: a.column(),
                bounds,
                datetime,
                mostly: a.mostly(),
                ...(!a.boolean('allow_cross_type_comparisons', false) && { mixedTypes: 'error' }),
                ...a.where(),
            };
        },
    },
    column_values_to_be_in_set: {
        kwargs: ['column', 'value_set', 'mostly', 'parse_strings_as_datetimes'],
        translate: (a) => ({
            kind: 'in_set',
            name: a.name,
            column: a.column(),
            values: a.valueSet(),
            mostly: a.mostly(),
            ...a.where(),
        }),
    },
    column_values_to_not_be_in_set: {
        kwargs: ['column', 'value_set', 'mostly', 'parse_strings_as_datetimes'],
        translate: (a) => ({
            kind: 'not_in_set',
            name: a.name,
            column: a.column(),
            values: a.valueSet(),
            mostly: a.mostly(),
            ...a.where(),
        }),
    },
    column_values_to_match_regex: {
        kwargs: ['column', 'regex', 'mostly'],
        translate: (a) => ({
            kind: 'regex',
            name: a.name,
            column: a.column(),
            pattern: a.regex(),
            mostly: a.mostly(),
            ...a.where(),
        }),
    },
    column_values_to_not_match_regex: {
        kwargs: ['column', 'regex', 'mostly'],
        translate: (a) => ({
            kind: 'not_regex',
            name: a.name,
            column: a.column(),
            pattern: a.regex(),
            mostly: a.mostly(),
            ...a.where(),
        }),
    },
    column_values_to_be_unique: {
        kwargs: ['column', 'mostly'],
        translate: (a) => ({
            kind: 'unique',
            name: a.name,
            column: a.column(),
            numeric: false,
            mostly: a.mostly(),
            ...a.where(),
        }),
    },
    column_values_to_be_of_type: {
        kwargs: ['column', 'type_', 'mostly'],
        translate: (a) => {
            const { type, written } = a.valueType();
            return { kind: 'column_type', name: a.name, column: a.column(), type, written, mostly: a.mostly(), ...a.where() };
        },
    },
    ...Object.fromEntries(Object.entries(COLUMN_STATISTICS).map(([expectation, statistic]) => [
        expectation,
        {
            kwargs: ['column', 'parse_strings_as_datetimes', 'output_strftime_format', ...RANGE_KWARGS],
            translate: (a) => {
                const { bounds, datetime } = a.range({ dates: statistic === 'min' || statistic === 'max' });
                return {
                    kind: 'statistic',
                    name: a.name,
                    column: a.column(),
                    statistic,
                    bounds,
                    ...(datetime && { datetime }),
                    mixedTypes: 'error',
                    ...a.where(),
                };
            },
        },
    ])),
    column_quantile_values_to_be_between: {
        kwargs: ['column', 'quantile_ranges', 'allow_relative_error'],
        translate: (a) => ({
            kind: 'quantiles',
            name: a.name,
            column: a.column(),
            quantiles: a.quantileRanges(),
            method: a.quantileMethod(),
            ...a.where(),
        }),
    },
    table_row_count_to_be_between: {
        kwargs: RANGE_KWARGS,
        translate: (a) => ({ kind: 'row_count', name: a.name, bounds: a.range({ counts: true }).bounds, ...a.where() }),
    },
    table_columns_to_match_set: {
        kwargs: ['column_set', 'exact_match'],
        translate: (a) => ({
            kind: 'columns_match',
            name: a.name,
            columns: a.kwargs.column_set === null ? null : a.stringList('column_set'),
            exact: a.boolean('exact_match', true),
        }),
    },
};
/** The expectation types a suite may use. */
const SUPPORTED_EXPECTATIONS = Object.keys(TRANSLATIONS).map((type) => `expect_${type}`);
/** One line for the log: `suite.json:4:5: expectations[1]: expect_… is not supported by mlgate; skipped`. */
function describeSkipped({ type, reason, location }) {
    return formatLocated(`${type} ${reason}; skipped`, location);
}
/** A skipped expectation in the report: a warning, so the verdict says the suite was not fully evaluated. */
function skippedResult({ type, reason }) {
    return { check: type, status: 'warn', message: `not evaluated: ${reason}` };
}
/** True when the parsed document looks like a Great Expectations suite rather than a data schema. */
function isGxSuite(data) {
    return gx_isRecord(data) && Array.isArray(data.expectations);
}
/** Thrown by a translation for an expectation mlgate cannot evaluate; it is skipped, not an error. */
class Unsupported extends Error {
    reason;
    key;
    constructor(reason, key) {
        super(reason);
        this.reason = reason;
        this.key = key;
    }
}
/**
 * Translates a Great Expectations expectation suite (JSON: 1.x `{"type", "kwargs"}` or 0.x
 * `{"expectation_type", "kwargs"}` items) into checks with GX's semantics: `mostly`, nulls left out
 * of map expectations, `strict_min`/`strict_max`, a missing or null bound is unbounded, regexes
 * search, mixed-type comparisons cannot be decided, `row_condition` selects rows. What GX itself
 * would refuse (an unknown keyword argument, `min_value` above `max_value`, a bad regex) is a
 * `UserError` at its position; an expectation GX knows but mlgate cannot evaluate is skipped and
 * listed with its reason.
 */
function loadGxSuite(text, file) {
    const source = parseYaml(text, file);
    if (!isGxSuite(source.data)) {
        throw new errors_UserError('is not a Great Expectations suite: it has no "expectations" list', { file });
    }
    const expectations = source.data.expectations;
    const checks = [];
    const skipped = [];
    expectations.forEach((item, index) => {
        const path = ['expectations', index];
        const at = (within, key) => {
            const position = source.locate(within, key);
            return {
                file,
                ...(position && { line: position.line, column: position.column }),
                path: formatKeyPath(key === undefined ? within : [...within, key]),
            };
        };
        const fail = (message, key) => locatedError(message, file, source.locate(path, key), formatKeyPath(path));
        if (!gx_isRecord(item))
            throw fail('must be a mapping with "type" and "kwargs"');
        const typeKey = typeof item.type === 'string' ? 'type' : 'expectation_type';
        const type = item[typeKey];
        if (typeof type !== 'string')
            throw fail('has no "type" (GX 1.x) or "expectation_type" (GX 0.x)');
        const short = type.startsWith('expect_') ? type.slice('expect_'.length) : type;
        const translation = TRANSLATIONS[short];
        if (!translation) {
            skipped.push({ index, type, reason: 'is not supported by mlgate', location: at(path) });
            return;
        }
        const kwargs = item.kwargs ?? {};
        if (!gx_isRecord(kwargs))
            throw fail('"kwargs" must be a mapping', 'kwargs');
        const kwargsPath = [...path, 'kwargs'];
        const error = (key, message) => locatedError(message, file, source.locate(kwargsPath, key), formatKeyPath([...kwargsPath, key]));
        const known = [...translation.kwargs, ...IGNORED_KWARGS, 'row_condition', 'condition_parser'];
        try {
            for (const [key, value] of Object.entries(kwargs)) {
                if (UNSUPPORTED_KWARGS[key] !== undefined)
                    throw new Unsupported(UNSUPPORTED_KWARGS[key], key);
                if (!known.includes(key)) {
                    throw error(key, `${quoteKey(key)} is not an argument of ${type} (it takes ${translation.kwargs.join(', ')})`);
                }
                if (gx_isRecord(value) && '$PARAMETER' in value) {
                    throw new Unsupported(`takes ${key} from a suite parameter ($PARAMETER), which mlgate does not evaluate`, key);
                }
            }
            checks.push(translation.translate(new Args(`expect_${short}`, kwargs, error)));
        }
        catch (problem) {
            if (!(problem instanceof Unsupported))
                throw problem;
            const location = problem.key === undefined ? at(path) : at(kwargsPath, problem.key);
            skipped.push({ index, type, reason: problem.reason, location });
        }
    });
    return { checks, skipped };
}
/** Typed access to one expectation's keyword arguments; wrong values are located errors. */
class Args {
    name;
    kwargs;
    error;
    constructor(name, kwargs, error) {
        this.name = name;
        this.kwargs = kwargs;
        this.error = error;
    }
    column() {
        const column = this.kwargs.column;
        if (typeof column !== 'string' || column === '')
            throw this.error('column', 'needs "column", a column name');
        return column;
    }
    /** The rows the expectation applies to, from `row_condition` and `condition_parser`. */
    where() {
        const text = this.kwargs.row_condition;
        if (text === undefined || text === null || text === '')
            return {};
        if (typeof text !== 'string')
            throw this.error('row_condition', '"row_condition" must be a string');
        const parser = this.kwargs.condition_parser;
        if (parser === undefined || parser === null) {
            throw this.error('row_condition', 'needs "condition_parser": "pandas" (or "great_expectations"), as in GX');
        }
        if (typeof parser !== 'string' || ![...CONDITION_PARSERS, ...OTHER_CONDITION_PARSERS].includes(parser)) {
            throw this.error('condition_parser', `${JSON.stringify(parser)} is not a condition parser (${[...CONDITION_PARSERS, ...OTHER_CONDITION_PARSERS].join(', ')})`);
        }
        if (OTHER_CONDITION_PARSERS.includes(parser)) {
            throw new Unsupported(`filters rows with ${parser} (mlgate reads pandas and great_expectations conditions)`);
        }
        try {
            return { where: parseRowCondition(text) };
        }
        catch (problem) {
            if (!(problem instanceof ConditionSyntaxError))
                throw problem;
            throw this.error('row_condition', `cannot read ${JSON.stringify(text)}: ${problem.message}`);
        }
    }
    mostly() {
        const mostly = this.kwargs.mostly;
        if (mostly === undefined || mostly === null)
            return 1;
        if (typeof mostly !== 'number' || !(mostly >= 0 && mostly <= 1)) {
            throw this.error('mostly', '"mostly" must be a number between 0 and 1');
        }
        return mostly;
    }
    boolean(key, fallback) {
        const value = this.kwargs[key];
        if (value === undefined || value === null)
            return fallback;
        if (typeof value !== 'boolean')
            throw this.error(key, `${quoteKey(key)} must be true or false`);
        return value;
    }
    optionalInteger(key) {
        const value = this.kwargs[key];
        if (value === undefined || value === null)
            return undefined;
        if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
            throw this.error(key, `${quoteKey(key)} must be an integer of at least 0`);
        }
        return value;
    }
    /**
     * `min_value`/`max_value` with strictness. A missing or null bound is unbounded; both missing
     * is an error only where GX says so (`required`). Bounds are numbers, or ISO 8601 dates where
     * `dates` allows (both of one kind); `counts` wants whole numbers. `min_value` above
     * `max_value` is an error, as in GX.
     */
    range(options) {
        const { min_value: min, max_value: max } = this.kwargs;
        const absent = (value) => value === undefined || value === null;
        if (options.required && absent(min) && absent(max)) {
            throw this.error('min_value', 'needs "min_value" or "max_value"');
        }
        const datetime = (options.dates ?? false) && (typeof min === 'string' || typeof max === 'string');
        const bound = (key, value) => {
            if (absent(value))
                return undefined;
            if (typeof value === 'number' && !datetime) {
                if (options.counts && !Number.isInteger(value))
                    throw this.error(key, `${quoteKey(key)} must be a whole number`);
                return value;
            }
            const ms = typeof value === 'string' && datetime ? parseDateTime(value) : NaN;
            if (Number.isNaN(ms)) {
                const both = datetime && typeof value === 'number' ? ', like the other bound' : '';
                throw this.error(key, `${quoteKey(key)} must be ${datetime ? 'an ISO 8601 date' : 'a number'}${both}`);
            }
            return ms;
        };
        const lower = bound('min_value', min);
        const upper = bound('max_value', max);
        if (lower !== undefined && upper !== undefined && lower > upper) {
            throw this.error('min_value', '"min_value" is greater than "max_value"');
        }
        return {
            bounds: {
                ...(lower !== undefined ? { min: lower } : {}),
                ...(upper !== undefined ? { max: upper } : {}),
                strictMin: this.boolean('strict_min', false),
                strictMax: this.boolean('strict_max', false),
            },
            datetime,
        };
    }
    /** The set's values; a null in it matches nothing, as nulls are left out of the check. */
    valueSet() {
        const values = this.kwargs.value_set;
        if (!Array.isArray(values) ||
            !values.every((v) => v === null || ['string', 'number', 'boolean'].includes(typeof v))) {
            throw this.error('value_set', '"value_set" must be a list of strings, numbers or booleans');
        }
        return values.filter((v) => v !== null);
    }
    stringList(key) {
        const values = this.kwargs[key];
        if (!Array.isArray(values) || !values.every((v) => typeof v === 'string')) {
            throw this.error(key, `${quoteKey(key)} must be a list of column names`);
        }
        return values;
    }
    regex() {
        const regex = this.kwargs.regex;
        if (typeof regex !== 'string')
            throw this.error('regex', '"regex" must be a string');
        try {
            return compilePattern(regex);
        }
        catch (error) {
            throw this.error('regex', `invalid regular expression: ${error.message}`);
        }
    }
    valueType() {
        const name = this.kwargs.type_;
        if (typeof name !== 'string' || name === '')
            throw this.error('type_', 'needs "type_", a type name');
        const type = valueTypeOf(name);
        if (!type)
            throw new Unsupported(`checks for type ${JSON.stringify(name)}, which mlgate cannot tell apart`, 'type_');
        return { type, written: name };
    }
    /** `quantile_ranges: {quantiles, value_ranges}`: one ordered `[low, high]` pair (null = unbounded) per quantile. */
    quantileRanges() {
        const ranges = this.kwargs.quantile_ranges;
        const shape = '"quantile_ranges" must be {quantiles: [...], value_ranges: [[low, high], ...]}';
        if (!gx_isRecord(ranges) || !Array.isArray(ranges.quantiles) || !Array.isArray(ranges.value_ranges)) {
            throw this.error('quantile_ranges', shape);
        }
        const { quantiles, value_ranges: valueRanges } = ranges;
        if (quantiles.length !== valueRanges.length) {
            throw this.error('quantile_ranges', 'needs one value range per quantile');
        }
        return quantiles.map((q, i) => {
            if (typeof q !== 'number' || !(q >= 0 && q <= 1)) {
                throw this.error('quantile_ranges', 'quantiles must be numbers between 0 and 1');
            }
            const range = valueRanges[i];
            const ok = (v) => v === null || typeof v === 'number';
            if (!Array.isArray(range) || range.length !== 2 || !range.every(ok))
                throw this.error('quantile_ranges', shape);
            const [low, high] = range;
            if (low !== null && high !== null && low > high) {
                throw this.error('quantile_ranges', `value range ${JSON.stringify(range)} is not ordered (low, high)`);
            }
            return {
                q,
                bounds: {
                    ...(low !== null ? { min: low } : {}),
                    ...(high !== null ? { max: high } : {}),
                    strictMin: false,
                    strictMax: false,
                },
            };
        });
    }
    /** GX on pandas: `allow_relative_error` false (the default) reads the nearest value; a method name reads that way. */
    quantileMethod() {
        const value = this.kwargs.allow_relative_error;
        if (value === undefined || value === null || value === false)
            return 'nearest';
        if (typeof value === 'string' && QUANTILE_METHODS.includes(value)) {
            return value;
        }
        throw this.error('allow_relative_error', `"allow_relative_error" must be false or one of ${QUANTILE_METHODS.join(', ')} (as pandas' interpolation)`);
    }
}
/** GX `type_` names (pandas/numpy dtypes, Python, SQL and Spark type names) → what the column's values must read as. */
function valueTypeOf(name) {
    const type = name
        .toLowerCase()
        .replace(/\[.*\]$/, '')
        .replace(/type$/, '');
    if (/^u?int(8|16|32|64)?(dtype)?$|^(integer|bigint|smallint|long|short)$/.test(type))
        return 'integer';
    if (/^float(16|32|64)?(dtype)?$|^(double|double_precision|real|numeric|decimal|number)$/.test(type))
        return 'number';
    if (/^(str|string|stringdtype|unicode|object|object_|o|text|varchar|char|nvarchar)$/.test(type))
        return 'string';
    if (/^(bool|boolean|booleandtype|bit|tinyint)$/.test(type))
        return 'boolean';
    if (/^(datetime64|datetime|datetimetz|timestamp|timestamp_ntz|date)$/.test(type))
        return 'datetime';
    return undefined;
}
function gx_isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

;// CONCATENATED MODULE: ./packages/core/schemas/data-schema.schema.json
const data_schema_schema_namespaceObject = /*#__PURE__*/JSON.parse('{"$schema":"http://json-schema.org/draft-07/schema#","title":"mlgate data schema","description":"Checks a dataset must pass: per-column type, nulls, ranges, sets, patterns, uniqueness and statistics, and table-level row count and column set. Put `# yaml-language-server: $schema=<url of this file>` at the top for completion in editors.","type":"object","additionalProperties":false,"required":["columns"],"properties":{"version":{"description":"Data schema format version. Always 1.","const":1},"columns":{"description":"Columns by name, each with its checks. Every listed column must be present unless it says `required: false`.","type":"object","maxProperties":10000,"propertyNames":{"type":"string","minLength":1,"maxLength":1000,"examples":["age"]},"additionalProperties":{"$ref":"#/definitions/column"}},"rows":{"description":"Allowed number of data rows.","$ref":"#/definitions/countRange"},"unexpected_columns":{"description":"What a column present in the data but not listed under `columns` is: a failure, a warning, or nothing.","enum":["error","warn","ignore"]}},"definitions":{"column":{"type":"object","additionalProperties":false,"properties":{"type":{"description":"Every non-null value must read as this type. `number` accepts integers; `datetime` is an ISO 8601 date or date-time; `boolean` is true/false in any letter case.","enum":["integer","number","string","boolean","datetime"]},"required":{"description":"The column must be present (default true).","type":"boolean"},"nullable":{"description":"Null values are allowed (default true).","type":"boolean"},"max_null_fraction":{"description":"Largest allowed share of null values (0..1).","type":"number","minimum":0,"maximum":1,"examples":[0.05]},"min":{"description":"Smallest allowed value: a number, or an ISO 8601 date for datetime columns.","examples":[0],"$ref":"#/definitions/bound"},"max":{"description":"Largest allowed value: a number, or an ISO 8601 date for datetime columns.","examples":[120],"$ref":"#/definitions/bound"},"strict_min":{"description":"Values must be strictly greater than `min`.","type":"boolean"},"strict_max":{"description":"Values must be strictly less than `max`.","type":"boolean"},"allowed":{"description":"The only values allowed. Numbers match numerically (1 matches 1.0).","type":"array","minItems":1,"maxItems":100000,"items":{"type":["string","number","boolean"]},"examples":[[18,30,65]]},"regex":{"description":"Every non-null value must contain a match of this regular expression (a search: anchor with ^ and $ for a whole-value match).","type":"string","minLength":1,"maxLength":10000,"examples":["^[0-9]+$"]},"unique":{"description":"No non-null value may occur twice.","type":"boolean"},"mean":{"description":"Allowed range of the mean.","examples":[{"min":30,"max":45}],"$ref":"#/definitions/range"},"quantiles":{"description":"Allowed ranges of quantiles, keyed by quantile (0..1), e.g. `0.5: { min: 10, max: 20 }`.","type":"object","minProperties":1,"propertyNames":{"pattern":"^(0(\\\\.[0-9]+)?|1(\\\\.0+)?|\\\\.[0-9]+)$","patternErrorMessage":"must be a quantile between 0 and 1, e.g. 0.5","examples":["0.5"]},"additionalProperties":{"$ref":"#/definitions/range"}},"mostly":{"description":"Share of checked values (0..1] that must pass each row-level check of this column (default 1).","type":"number","exclusiveMinimum":0,"maximum":1,"examples":[0.99]},"drift":{"description":"Drift detection settings for this column.","type":"object","additionalProperties":false,"properties":{"test":{"description":"The test to use instead of the default for the column\'s type.","enum":["ks","chi2","psi","jensen-shannon","wasserstein"]},"threshold":{"description":"Effect size above which a significant change counts as drift.","type":"number","minimum":0,"examples":[0.1]}}}}},"bound":{"anyOf":[{"type":"number"},{"type":"string","minLength":1,"maxLength":40}],"errorMessage":"must be a number or an ISO 8601 date"},"range":{"type":"object","additionalProperties":false,"minProperties":1,"properties":{"min":{"description":"Smallest allowed value.","type":"number","examples":[30]},"max":{"description":"Largest allowed value.","type":"number","examples":[45]},"strict_min":{"description":"The value must be strictly greater than `min`.","type":"boolean"},"strict_max":{"description":"The value must be strictly less than `max`.","type":"boolean"}}},"countRange":{"type":"object","additionalProperties":false,"minProperties":1,"properties":{"min":{"description":"Fewest allowed rows.","type":"integer","minimum":0,"examples":[1000]},"max":{"description":"Most allowed rows.","type":"integer","minimum":0,"examples":[1000000]}}}}}');
;// CONCATENATED MODULE: ./packages/core/src/checks/schema.ts







/** The data schema's JSON Schema, published for editor completion. */
const dataSchemaJsonSchema = data_schema_schema_namespaceObject;
const validateDataSchema = createSchemaValidator(dataSchemaJsonSchema, 'mlgate-data-schema', { vocabulary: 'yaml' });
/**
 * Parses and validates a data schema (YAML). Every problem is a `UserError` at `file:line:column`
 * with the key path: unknown keys (with a suggestion), wrong types, `min` above `max`, a regex that
 * does not compile, a date bound that is not an ISO 8601 date.
 */
function loadDataSchema(text, file) {
    const source = parseYaml(text, file);
    if (source.data === null || source.data === undefined) {
        throw new errors_UserError('is empty; a data schema lists its columns under "columns:"', { file });
    }
    const problems = validateDataSchema(source.data);
    if (problems.length > 0)
        throw firstInFile(problems, source, file);
    const raw = source.data;
    const at = (path, key, message) => locatedError(message, file, source.locate(path, key), formatKeyPath(path));
    if (raw.rows)
        checkOrder(raw.rows, ['rows'], at);
    return {
        columns: Object.entries(raw.columns).map(([name, column]) => columnSchema(name, column, at)),
        ...(raw.rows ? { rows: { ...raw.rows } } : {}),
        unexpectedColumns: raw.unexpected_columns ?? 'warn',
    };
}
function columnSchema(name, raw, at) {
    const path = ['columns', name];
    if (raw.regex !== undefined) {
        try {
            compilePattern(raw.regex);
        }
        catch (error) {
            throw at(path, 'regex', `invalid regular expression: ${error.message}`);
        }
    }
    const datetime = raw.type === 'datetime';
    const bound = (key) => {
        const value = raw[key];
        if (value === undefined)
            return undefined;
        if (datetime !== (typeof value === 'string')) {
            throw at(path, key, datetime ? 'must be an ISO 8601 date for a datetime column' : 'must be a number');
        }
        if (typeof value === 'number')
            return value;
        const ms = parseDateTime(value);
        if (Number.isNaN(ms))
            throw at(path, key, `${JSON.stringify(value)} is not an ISO 8601 date`);
        return ms;
    };
    const bounds = rangeOf({ ...raw, min: bound('min'), max: bound('max') });
    if (bounds)
        checkOrder(bounds, path, at);
    const mean = raw.mean ? rangeOf(raw.mean) : undefined;
    if (mean)
        checkOrder(mean, [...path, 'mean'], at);
    const quantiles = Object.entries(raw.quantiles ?? {}).map(([q, range]) => {
        const quantileBounds = rangeOf(range);
        checkOrder(quantileBounds, [...path, 'quantiles', q], at);
        return { q: Number(q), bounds: quantileBounds };
    });
    return {
        name,
        ...(raw.type ? { type: raw.type } : {}),
        required: raw.required ?? true,
        nullable: raw.nullable ?? true,
        ...(raw.max_null_fraction !== undefined ? { maxNullFraction: raw.max_null_fraction } : {}),
        ...(bounds ? { bounds } : {}),
        ...(raw.allowed ? { allowed: [...raw.allowed] } : {}),
        ...(raw.regex !== undefined ? { regex: raw.regex } : {}),
        unique: raw.unique ?? false,
        ...(mean ? { mean } : {}),
        quantiles,
        mostly: raw.mostly ?? 1,
        ...(raw.drift ? { drift: { ...raw.drift } } : {}),
    };
}
function rangeOf(raw) {
    if (raw.min === undefined && raw.max === undefined)
        return undefined;
    return {
        ...(raw.min !== undefined ? { min: raw.min } : {}),
        ...(raw.max !== undefined ? { max: raw.max } : {}),
        strictMin: raw.strict_min ?? false,
        strictMax: raw.strict_max ?? false,
    };
}
function checkOrder(range, path, at) {
    if (range.min !== undefined && range.max !== undefined && range.min > range.max) {
        throw at(path, 'min', `min is greater than max`);
    }
}
/**
 * The checks a data schema states, column by column in the order written, then the table checks.
 * `mostly` applies to every row-level check of its column (nulls, type, range, set, regex, uniqueness).
 */
function checksFromSchema(schema) {
    const checks = [];
    for (const column of schema.columns) {
        const { name, mostly } = column;
        const optional = !column.required;
        const on = { column: name, optional };
        if (column.required)
            checks.push({ kind: 'column_exists', name: 'required', column: name });
        if (!column.nullable)
            checks.push({ kind: 'not_null', name: 'nullable', mostly, ...on });
        if (column.maxNullFraction !== undefined) {
            checks.push({ kind: 'max_null_fraction', name: 'max_null_fraction', max: column.maxNullFraction, ...on });
        }
        if (column.type)
            checks.push({ kind: 'type', name: 'type', type: column.type, mostly, ...on });
        if (column.bounds) {
            const datetime = column.type === 'datetime';
            checks.push({ kind: 'between', name: 'range', bounds: column.bounds, datetime, mostly, ...on });
        }
        if (column.allowed)
            checks.push({ kind: 'in_set', name: 'allowed', values: column.allowed, mostly, ...on });
        if (column.regex !== undefined) {
            checks.push({ kind: 'regex', name: 'regex', pattern: compilePattern(column.regex), mostly, ...on });
        }
        if (column.unique) {
            const numeric = column.type === 'integer' || column.type === 'number';
            checks.push({ kind: 'unique', name: 'unique', numeric, mostly, ...on });
        }
        if (column.mean)
            checks.push({ kind: 'statistic', name: 'mean', statistic: 'mean', bounds: column.mean, ...on });
        for (const { q, bounds } of column.quantiles) {
            checks.push({ kind: 'statistic', name: 'quantile', statistic: 'quantile', q, bounds, ...on });
        }
    }
    if (schema.rows) {
        checks.push({ kind: 'row_count', name: 'rows', bounds: { ...schema.rows, strictMin: false, strictMax: false } });
    }
    if (schema.unexpectedColumns !== 'ignore') {
        checks.push({
            kind: 'unexpected_columns',
            name: 'unexpected_columns',
            listed: schema.columns.map((column) => column.name),
            severity: schema.unexpectedColumns,
        });
    }
    return checks;
}

;// CONCATENATED MODULE: ./packages/core/src/checks/load.ts




/** A schema or suite file is small; a huge one is a mistake or an attack. */
const MAX_SUITE_BYTES = 16 * 1024 * 1024;
/** Loads a data schema (YAML) or a Great Expectations suite (JSON with an `expectations` list). */
function loadCheckSuite(text, file) {
    if (isGxSuite(parseYaml(text, file).data))
        return { format: 'gx', ...loadGxSuite(text, file) };
    const schema = loadDataSchema(text, file);
    return { format: 'mlgate', schema, checks: checksFromSchema(schema) };
}
/** Reads a schema or suite file; problems name it `name` (default: `path`), e.g. as the user wrote it. */
async function readCheckSuite(path, name = path) {
    return loadCheckSuite(await readTextFile(path, MAX_SUITE_BYTES, name), name);
}

;// CONCATENATED MODULE: ./packages/core/src/checks/join-outcomes.ts

/**
 * Whether row checks over separate shards can be joined into the one-pass result. Uniqueness
 * cannot: a value repeated across shards is only seen by holding every value in one place.
 */
function canJoinShards(checks) {
    return !checks.some((check) => check.kind === 'unique');
}
/**
 * The outcomes one pass over consecutive shards (given in file order, each in suite order) would
 * give: counts add up, examples stay in line order and keep the first `maxExamples`, the first
 * reason a check could not be decided stands, subset profiles merge. A column absent from a whole
 * shard (a JSON Lines key) is null there, as one pass counts the rows before a column appears.
 */
function joinRowOutcomes(shards, maxExamples) {
    const [first] = shards;
    if (first === undefined)
        return [];
    return first.map((_, index) => {
        const parts = shards.map((outcomes) => outcomes[index]);
        const { check } = parts[0];
        if (check.kind === 'unique')
            throw new RangeError('uniqueness checks cannot be joined across shards');
        const present = parts.some((outcome) => outcome.present);
        const countsAbsent = present && (check.kind === 'not_null' || check.kind === 'null');
        let checked = 0;
        let unexpected = 0;
        let absent = 0;
        const examples = [];
        for (const outcome of parts) {
            absent += outcome.absent;
            if (outcome.present) {
                checked += outcome.checked;
                unexpected += outcome.unexpected;
                for (const example of outcome.examples)
                    if (examples.length < maxExamples)
                        examples.push(example);
            }
            else if (countsAbsent) {
                checked += outcome.absent;
                if (check.kind === 'not_null')
                    unexpected += outcome.absent;
            }
        }
        const undecided = parts.find((outcome) => outcome.undecided !== undefined)?.undecided;
        const subsets = parts.flatMap((outcome) => (outcome.subset ? [outcome.subset] : []));
        return {
            check,
            present,
            checked,
            unexpected,
            absent,
            examples,
            ...(undecided !== undefined && { undecided }),
            ...(subsets.length > 0 && { subset: mergeSubsets(subsets) }),
        };
    });
}
function mergeSubsets(subsets) {
    const [first, ...rest] = subsets.map((subset, i) => ColumnProfile.fromJSON(subset, `subset[${i}]`));
    for (const other of rest)
        first.merge(other);
    return first.toJSON();
}

;// CONCATENATED MODULE: ./packages/core/src/checks/index.ts











;// CONCATENATED MODULE: ./packages/core/src/validate/report.ts


/**
 * Adds a drift result (computed by the caller from the section's profile and a reference) to a
 * validation section; the section's status becomes the worse of the two.
 */
function attachDrift(section, drift) {
    section.drift = drift;
    section.status = status_worstStatus([section.status, drift.status]);
    return section;
}
/**
 * The verdict on validated datasets: one reason per check that did not pass, one for data that
 * could not be read cleanly, one for drift; the status is the worst section's.
 */
function validationVerdict(sections) {
    const reasons = [];
    for (const section of sections) {
        const { dataset } = section;
        for (const check of section.checks) {
            if (check.status === 'pass')
                continue;
            reasons.push({
                rule: check.check,
                status: check.status,
                message: check.message,
                dataset,
                ...(check.column !== undefined && { column: check.column }),
            });
        }
        const issues = section.issues ?? [];
        if (issues.length > 0) {
            const failing = issues.some((issue) => issue.message.startsWith('error:'));
            const first = issues[0];
            reasons.push({
                rule: 'readable',
                status: failing ? 'fail' : 'warn',
                message: `${issues.length === 1 ? 'a problem' : `${issues.length} problems`} reading the data, first at line ${first.line}: ${first.message}`,
                dataset,
            });
        }
        if (section.drift && section.drift.status !== 'pass') {
            const drifted = section.drift.columns.filter((column) => column.drifted).length;
            const lost = (section.drift.skipped ?? []).filter((column) => column.status !== 'pass');
            const parts = [
                ...(drifted > 0 ? [`${drifted} of ${section.drift.columns.length} columns drifted`] : []),
                ...lost.slice(0, 3).map((column) => column.message),
                ...(lost.length > 3 ? [`${lost.length - 3} more columns lost or retyped`] : []),
            ];
            reasons.push({ rule: 'drift', status: section.drift.status, message: parts.join('; '), dataset });
        }
    }
    const status = sections.length === 0 ? 'skipped' : status_worstStatus(sections.map((section) => section.status));
    return { status, summary: summarize(sections, status), reasons };
}
function summarize(sections, status) {
    if (sections.length === 0)
        return 'no data was validated';
    const checks = sections.reduce((sum, section) => sum + section.checks.length, 0);
    const failed = sections.reduce((sum, s) => sum + s.checks.filter((check) => check.status === 'fail').length, 0);
    const what = sections.length === 1 ? `data ${sections[0].dataset}` : `${sections.length} datasets`;
    if (status === 'pass')
        return `${what} passed ${checks} check${checks === 1 ? '' : 's'}`;
    if (failed > 0)
        return `${what}: ${failed} of ${checks} check${checks === 1 ? '' : 's'} failed`;
    return `${what} ${status === 'fail' ? 'failed' : 'passed with warnings'}`;
}
/** A report of validation sections alone, with their verdict. */
function validationReport(sections, createdAt) {
    return {
        schema: REPORT_SCHEMA_ID,
        createdAt: createdAt.toISOString(),
        verdict: validationVerdict(sections),
        validations: sections,
    };
}

;// CONCATENATED MODULE: ./packages/core/src/validate/validate-file.ts










/** The report schema's caps: at most this many data issues per section and examples per check. */
const MAX_REPORTED_ISSUES = 1000;
const MAX_REPORTED_EXAMPLES = 20;
const DEFAULT_MAX_ERRORS = 100;
/**
 * Validates a data file (or shard `i/n` of it) in one streaming pass: each batch feeds the profile
 * and the row-level checks; the aggregate checks are then judged on statistics read from the
 * profile. The section fails on any failing check or on any row the reader could not read
 * (`error` issues); rows read leniently (`warning` issues) make it warn.
 */
async function validateFile(path, options = {}) {
    return judgeValidation(await validatePass(path, options), options.suite ?? [], options.dataset ?? path);
}
/** The streaming pass of `validateFile`: profile and row-level checks, nothing judged yet. */
async function validatePass(path, options = {}) {
    // At least one issue is kept so that a failure for unreadable rows always shows where.
    const maxErrors = bounded('maxErrors', options.maxErrors ?? DEFAULT_MAX_ERRORS, 1, MAX_REPORTED_ISSUES);
    const maxExamples = bounded('maxExamples', options.maxExamples ?? DEFAULT_MAX_EXAMPLES, 0, MAX_REPORTED_EXAMPLES);
    const quotedIsText = (options.format ?? source_formatOf(path)) === 'jsonl';
    const rowChecker = new RowChecker(options.suite ?? [], { maxExamples, quotedIsText });
    const { profile, issues, errorCount, warningCount } = await profileFile(path, {
        ...options.profile,
        quotedIsText,
        csv: { maxErrors, ...(options.delimiter !== undefined && { delimiter: options.delimiter }) },
        jsonl: { maxErrors },
        onBatch: (batch, parsed) => rowChecker.consume(batch, parsed),
        ...(options.shard && { shard: options.shard }),
        ...(options.format && { format: options.format }),
        ...(options.onProgress && { onProgress: options.onProgress }),
    });
    return { profile, outcomes: rowChecker.finish(), issues, errorCount, warningCount };
}
/**
 * The validation section for a pass (or passes over consecutive shards joined by
 * `joinValidationPasses`): the aggregate checks judged on the profile's statistics, the row-level
 * checks on their counts, and the reader's issues.
 */
function judgeValidation(pass, suite, dataset, 
/** Expectations of a GX suite left out: each is a warning in the section. */
skipped = []) {
    const { profile, issues, errorCount, warningCount } = pass;
    const { table, stats } = profileStats(profile);
    const results = [...evaluateChecks(suite, { rows: pass.outcomes, table, stats }), ...skipped.map(skippedResult)];
    const empty = emptyResult(profile);
    if (empty)
        results.push(empty);
    const issueStatus = errorCount > 0 ? 'fail' : warningCount > 0 ? 'warn' : 'pass';
    const section = {
        dataset,
        rows: profile.rows,
        columns: profile.columns.length,
        status: sectionStatus([...results.map((r) => r.status), issueStatus]),
        checks: results,
    };
    if (issues.length > 0)
        section.issues = issues.map((issue) => reportIssue(issue, dataset));
    return { section, profile, issues, errorCount, warningCount };
}
/**
 * A whole file with no rows fails whatever the suite says: an empty export must not pass as valid
 * data. A shard (`--shard i/n`) of a small file may hold no rows, so shards are exempt.
 */
function emptyResult(profile) {
    const whole = profile.sources.length > 0 && profile.sources.every((source) => source.shard === null);
    if (!whole || profile.rows > 0)
        return undefined;
    const blank = profile.columns.every((column) => column.name.trim() === '');
    const why = blank ? 'the file is empty' : 'the file has a header but no data rows';
    return { check: 'not_empty', status: 'fail', message: `no rows: ${why}` };
}
function sectionStatus(statuses) {
    const worst = status_worstStatus(statuses);
    return worst === 'skipped' ? 'pass' : worst;
}
function reportIssue(issue, dataset) {
    return {
        file: dataset,
        line: Math.max(1, issue.line),
        ...(issue.column >= 1 && { column: issue.column }),
        message: `${issue.severity}: ${issue.message}`,
    };
}
function bounded(name, value, min, max) {
    if (!Number.isInteger(value) || value < min || value > max) {
        throw new errors_UserError(`${name} must be an integer from ${min} to ${max}, got ${value}`);
    }
    return value;
}
/**
 * One pass over consecutive shards of a file (given in file order, e.g. from worker threads) as a
 * single pass over their union: the joined profile, row-check outcomes and the first issues in
 * line order. Suites with a uniqueness check cannot be split (see `canJoinShards`).
 */
function joinValidationPasses(passes, options = {}) {
    const maxErrors = options.maxErrors ?? DEFAULT_MAX_ERRORS;
    const outcomes = joinRowOutcomes(passes.map((pass) => pass.outcomes), options.maxExamples ?? DEFAULT_MAX_EXAMPLES);
    return {
        profile: joinShardProfiles(passes.map((pass) => pass.profile), options.shard ? { index: options.shard.index, count: options.shard.count } : null),
        outcomes,
        issues: passes.flatMap((pass) => pass.issues).slice(0, maxErrors),
        errorCount: passes.reduce((sum, pass) => sum + pass.errorCount, 0),
        warningCount: passes.reduce((sum, pass) => sum + pass.warningCount, 0),
    };
}

;// CONCATENATED MODULE: ./packages/core/src/validate/index.ts




;// CONCATENATED MODULE: ./packages/core/src/stats/categorical.ts
/**
 * Drift measures for categorical columns: chi-square test of homogeneity with Cramér's V, PSI and the
 * Jensen–Shannon distance. Counts come as Map/Record (category → count); `alignCategories` turns two of them into
 * aligned arrays over the union of categories, which is what PSI and Jensen–Shannon take.
 */


/** The union of categories (those of `a` first, in insertion order), with 0 where a side lacks a category. */
function alignCategories(a, b) {
    const entriesA = entriesOf(a, 'first');
    const entriesB = entriesOf(b, 'second');
    const index = new Map();
    for (const [category] of [...entriesA, ...entriesB])
        if (!index.has(category))
            index.set(category, index.size);
    const alignedA = new Float64Array(index.size);
    const alignedB = new Float64Array(index.size);
    for (const [category, count] of entriesA)
        add(alignedA, index.get(category) ?? 0, count);
    for (const [category, count] of entriesB)
        add(alignedB, index.get(category) ?? 0, count);
    return { categories: [...index.keys()], a: alignedA, b: alignedB };
}
function add(target, at, count) {
    target[at] = (target[at] ?? 0) + count;
}
function entriesOf(counts, which) {
    const entries = counts instanceof Map ? [...counts.entries()] : Object.entries(counts);
    for (const [category, count] of entries) {
        if (!(count >= 0 && Number.isFinite(count))) {
            throw new UserError(`category "${category}" has an invalid count (${count}) in the ${which} sample`);
        }
    }
    return entries;
}
/**
 * Chi-square test of homogeneity on the 2×k table of two samples' category counts, as
 * scipy.stats.chi2_contingency(table, correction) computes it. Categories with no observations on either side have
 * zero expected count and are dropped (scipy refuses such a table); a category seen on one side only stays (it is
 * evidence of change). With fewer than two categories there is nothing to compare: statistic 0, p-value 1.
 */
function chiSquare(countsA, countsB, options = {}) {
    const { a, b } = alignCategories(countsA, countsB);
    return chiSquareTable(a, b, options);
}
/** `chiSquare` on already aligned count arrays. */
function chiSquareTable(a, b, options = {}) {
    checkSameLength(a, b, 'chi-square test');
    const totalA = categorical_sum(a);
    const totalB = categorical_sum(b);
    if (!(totalA > 0) || !(totalB > 0))
        throw new errors_UserError('chi-square test needs at least one observation per sample');
    const total = totalA + totalB;
    const cells = [];
    for (let k = 0; k < a.length; k++) {
        const observedA = a[k] ?? 0;
        const observedB = b[k] ?? 0;
        const column = observedA + observedB;
        if (column === 0)
            continue;
        cells.push([observedA, (totalA * column) / total, observedB, (totalB * column) / total]);
    }
    const smallExpected = cells.reduce((n, [, ea, , eb]) => n + (ea < 5 ? 1 : 0) + (eb < 5 ? 1 : 0), 0);
    if (cells.length < 2) {
        return { statistic: 0, df: 0, pValue: 1, cramersV: 0, corrected: false, smallExpected };
    }
    const df = cells.length - 1;
    const corrected = df === 1 && (options.correction ?? true);
    let pearson = 0;
    let statistic = 0;
    for (const [oa, ea, ob, eb] of cells) {
        pearson += (oa - ea) ** 2 / ea + (ob - eb) ** 2 / eb;
        // Yates moves each observed count half a unit towards its expectation, never past it (scipy gh-13875).
        if (corrected)
            statistic += yates(oa, ea) ** 2 / ea + yates(ob, eb) ** 2 / eb;
    }
    if (!corrected)
        statistic = pearson;
    return {
        statistic,
        df,
        pValue: chiSquareSf(statistic, df),
        cramersV: Math.min(1, Math.sqrt(pearson / total)),
        corrected,
        smallExpected,
    };
}
function yates(observed, expected) {
    const gap = Math.abs(observed - expected);
    return gap - Math.min(0.5, gap);
}
/**
 * Population Stability Index Σ (a_i − e_i)·ln(a_i/e_i) over bins defined on the reference (expected) data. Inputs
 * are proportions or counts (each side is normalised to sum 1); each proportion is then floored at `epsilon`.
 * Rule of thumb: < 0.1 stable, 0.1–0.25 moderate shift, > 0.25 large shift.
 */
function psi(expected, actual, options = {}) {
    checkSameLength(expected, actual, 'PSI');
    const epsilon = options.epsilon ?? 1e-4;
    const e = normalised(expected, 'expected');
    const a = normalised(actual, 'actual');
    let total = 0;
    for (let k = 0; k < e.length; k++) {
        const pe = Math.max(e[k] ?? 0, epsilon);
        const pa = Math.max(a[k] ?? 0, epsilon);
        total += (pa - pe) * Math.log(pa / pe);
    }
    return total;
}
/**
 * Jensen–Shannon distance √(JS divergence) in base 2, so it lies in [0, 1]; matches
 * scipy.spatial.distance.jensenshannon(p, q, base=2). Inputs are normalised like scipy does.
 */
function jensenShannon(p, q) {
    checkSameLength(p, q, 'Jensen–Shannon distance');
    const pn = normalised(p, 'first');
    const qn = normalised(q, 'second');
    let divergence = 0;
    for (let k = 0; k < pn.length; k++) {
        const pk = pn[k] ?? 0;
        const qk = qn[k] ?? 0;
        const mk = (pk + qk) / 2;
        if (pk > 0)
            divergence += pk * Math.log(pk / mk);
        if (qk > 0)
            divergence += qk * Math.log(qk / mk);
    }
    return Math.min(1, Math.sqrt(Math.max(0, divergence / 2 / Math.LN2)));
}
/**
 * Interior bin edges at the reference's quantiles 1/bins … (bins−1)/bins (numpy's default linear interpolation),
 * with duplicates removed so heavily tied data yields fewer, non-empty bins.
 */
function quantileBinEdges(reference, bins = 10) {
    if (reference.length === 0)
        throw new UserError('cannot bin against an empty reference sample');
    if (!Number.isInteger(bins) || bins < 1)
        throw new UserError(`bin count must be a positive integer (got ${bins})`);
    const sorted = Float64Array.from(reference).sort();
    const edges = [];
    for (let k = 1; k < bins; k++) {
        const position = (k / bins) * (sorted.length - 1);
        const lower = Math.floor(position);
        const fraction = position - lower;
        const low = sorted[lower] ?? 0;
        const high = sorted[Math.min(lower + 1, sorted.length - 1)] ?? low;
        const edge = low + fraction * (high - low);
        if (edges.length === 0 || edge > (edges[edges.length - 1] ?? -Infinity))
            edges.push(edge);
    }
    return edges;
}
/** Counts of `values` in the bins (−∞, e₁], (e₁, e₂], …, (e_last, ∞) for ascending interior edges. */
function binCounts(values, edges) {
    const counts = new Float64Array(edges.length + 1);
    for (let k = 0; k < values.length; k++) {
        const v = values[k] ?? NaN;
        let lo = 0;
        let hi = edges.length;
        while (lo < hi) {
            const mid = (lo + hi) >> 1;
            if (v <= (edges[mid] ?? Infinity))
                hi = mid;
            else
                lo = mid + 1;
        }
        counts[lo] = (counts[lo] ?? 0) + 1;
    }
    return counts;
}
function normalised(values, which) {
    const total = categorical_sum(values);
    if (!(total > 0))
        throw new errors_UserError(`the ${which} distribution has no mass`);
    const out = new Float64Array(values.length);
    for (let k = 0; k < values.length; k++) {
        const v = values[k] ?? NaN;
        if (!(v >= 0 && Number.isFinite(v)))
            throw new errors_UserError(`the ${which} distribution has an invalid value (${v})`);
        out[k] = v / total;
    }
    return out;
}
function categorical_sum(values) {
    let total = 0;
    for (let k = 0; k < values.length; k++)
        total += values[k] ?? 0;
    return total;
}
function checkSameLength(a, b, what) {
    if (a.length !== b.length)
        throw new errors_UserError(`${what}: the two distributions have ${a.length} and ${b.length} bins`);
}

;// CONCATENATED MODULE: ./packages/core/src/stats/drift.ts
/** The drift verdict for one column: a change must be both statistically significant and large enough to matter. */

/**
 * Drifted only when p < alpha AND effect ≥ threshold: on millions of rows a trivial shift is "significant", and on a
 * handful of rows a large apparent shift may be noise; requiring both avoids both false alarms.
 */
function decideDrift({ pValue, effect, alpha = 0.05, effectThreshold }) {
    if (!(alpha > 0 && alpha < 1))
        throw new errors_UserError(`drift alpha must be between 0 and 1 (got ${alpha})`);
    if (!(effectThreshold >= 0))
        throw new errors_UserError(`drift effect threshold must be ≥ 0 (got ${effectThreshold})`);
    const significant = pValue < alpha;
    const material = effect >= effectThreshold;
    const drifted = significant && material;
    const p = `p = ${drift_formatNumber(pValue)} ${significant ? '<' : '≥'} ${alpha}`;
    const size = `effect ${drift_formatNumber(effect)} ${material ? '≥' : '<'} ${effectThreshold}`;
    const reason = drifted
        ? `drifted: ${p} and ${size}`
        : !significant && !material
            ? `no drift: ${p} and ${size}`
            : significant
                ? `no drift: ${p} but ${size} (change too small to matter)`
                : `no drift: ${size} but ${p} (change not distinguishable from noise)`;
    return { drifted, significant, material, reason };
}
function drift_formatNumber(v) {
    if (Number.isNaN(v))
        return 'n/a';
    return Math.abs(v) >= 1e-3 || v === 0 ? String(Number(v.toPrecision(3))) : v.toExponential(2);
}

;// CONCATENATED MODULE: ./packages/core/src/stats/fisher.ts
/** Fisher's exact test of a 2×2 table: the small-sample replacement for chi-square (Yates) on two categories. */

/**
 * Two-sided Fisher exact test of [[a, b], [c, d]], as scipy.stats.fisher_exact(table) defines it: with the margins
 * fixed, the count in the top-left cell is hypergeometric, and the p-value is the probability of every table at
 * most as probable as the observed one (with scipy's relative tolerance of 1e-14 for ties in probability).
 *
 * The probabilities are walked from the mode with the ratio P(x+1)/P(x) = (r₁−x)(c₁−x) / ((x+1)(r₂−c₁+x+1)), so
 * each is known relative to the largest to ~1e-15 whatever the table's size, and nothing overflows.
 */
function fisherExact(a, b, c, d) {
    for (const [name, v] of Object.entries({ a, b, c, d })) {
        if (!(Number.isInteger(v) && v >= 0)) {
            throw new errors_UserError(`Fisher's exact test needs non-negative integer counts (${name} = ${v})`);
        }
    }
    const row1 = a + b;
    const row2 = c + d;
    const col1 = a + c;
    if (row1 === 0 || row2 === 0 || col1 === 0 || b + d === 0)
        return { oddsRatio: NaN, pValue: 1 };
    const oddsRatio = b > 0 && c > 0 ? (a * d) / (b * c) : Infinity;
    const low = Math.max(0, col1 - row2);
    const high = Math.min(col1, row1);
    const mode = Math.floor(((col1 + 1) * (row1 + 1)) / (row1 + row2 + 2));
    const weights = new Float64Array(high - low + 1);
    weights[mode - low] = 1;
    for (let x = mode; x < high; x++) {
        weights[x + 1 - low] = (weights[x - low] * (row1 - x) * (col1 - x)) / ((x + 1) * (row2 - col1 + x + 1));
    }
    for (let x = mode; x > low; x--) {
        weights[x - 1 - low] = (weights[x - low] * x * (row2 - col1 + x)) / ((row1 - x + 1) * (col1 - x + 1));
    }
    const observed = weights[a - low] * (1 + 1e-14);
    let total = 0;
    let tail = 0;
    // Smallest first, so the sums keep their relative precision.
    for (const w of [...weights].sort((x, y) => x - y)) {
        total += w;
        if (w <= observed)
            tail += w;
    }
    return { oddsRatio, pValue: Math.min(1, tail / total) };
}

;// CONCATENATED MODULE: ./packages/core/src/drift/categorical.ts
/** Key of the cell that holds every value not tabled on its own (cannot collide: real keys get a prefix). */
const OTHER_BUCKET = '\u0000other';
/**
 * Both sides' known counts over the same values: every value while both counted exactly; otherwise the values in
 * the hash sample of the higher level, which each side counted exactly (a sampled value missing from a side
 * occurred there 0 times).
 */
function categorySides(reference, current, key) {
    const level = Math.max(reference.level, current.level);
    return {
        reference: { counts: keyed(reference.sample(level), key), total: reference.count },
        current: { counts: keyed(current.sample(level), key), total: current.count },
        sampled: level > 0,
    };
}
function keyed(counts, key) {
    const out = new Map();
    for (const [value, count] of counts) {
        const category = `=${key(value)}`;
        out.set(category, (out.get(category) ?? 0) + count);
    }
    return out;
}
/** Cochran's rule: the chi-square approximation wants every expected count at least this large. */
const MIN_EXPECTED = 5;
/**
 * The 2×k table to test. With two categories or fewer the table is the data's. Otherwise a category is a cell of
 * its own when its expected count is at least 5 on both sides (the most frequent one always is), and the others
 * are pooled into "other", together with any values outside the sample; while "other" itself expects fewer than 5
 * on a side, the least frequent own cell joins it. Every cell count is exact, "other" included.
 */
function categoryTable(sides) {
    const { reference, current } = sides;
    const totals = new Map();
    for (const [category, count] of [...reference.counts, ...current.counts]) {
        totals.set(category, (totals.get(category) ?? 0) + count);
    }
    const order = [...totals.keys()].sort((a, b) => totals.get(b) - totals.get(a) || (a < b ? -1 : a > b ? 1 : 0));
    const unsampled = (side) => side.total - [...side.counts.values()].reduce((s, c) => s + c, 0);
    const rest = { reference: unsampled(reference), current: unsampled(current) };
    const all = reference.total + current.total;
    const smaller = Math.min(reference.total, current.total);
    const expected = (total) => (smaller * total) / all;
    let kept = order.length;
    const restTotal = rest.reference + rest.current;
    if (order.length + (restTotal > 0 ? 1 : 0) > 2) {
        const firstSmall = order.findIndex((category) => expected(totals.get(category)) < MIN_EXPECTED);
        kept = firstSmall < 0 ? order.length : Math.max(1, firstSmall);
        let pooled = restTotal;
        for (const category of order.slice(kept))
            pooled += totals.get(category);
        while (pooled > 0 && expected(pooled) < MIN_EXPECTED && kept > 1)
            pooled += totals.get(order[--kept]);
    }
    const cells = order.slice(0, kept);
    const other = {
        reference: rest.reference + sumOf(reference.counts, order.slice(kept)),
        current: rest.current + sumOf(current.counts, order.slice(kept)),
    };
    const withOther = other.reference + other.current > 0;
    const categories = withOther ? [...cells, OTHER_BUCKET] : cells;
    const column = (side, otherCount) => Float64Array.from(categories, (category) => category === OTHER_BUCKET ? otherCount : (side.counts.get(category) ?? 0));
    return {
        categories,
        reference: column(reference, other.reference),
        current: column(current, other.current),
        pooled: order.length - kept,
    };
}
function sumOf(counts, categories) {
    let total = 0;
    for (const category of categories)
        total += counts.get(category) ?? 0;
    return total;
}
/** Booleans as the profiler recognises them (any letter case) are one category per truth value. */
const booleanKey = (value) => (/^(true|false)$/i.test(value) ? value.toLowerCase() : value);
const textKey = (value) => value;

;// CONCATENATED MODULE: ./packages/core/src/drift/distribution.ts


const DISTRIBUTION_BINS = 20;
const DISTRIBUTION_CATEGORIES = 20;
/** A category's name is cut to this many characters (the report schema's cap for a name). */
const MAX_CATEGORY_CHARS = 256;
/**
 * Equal-width bins from the smaller minimum to the larger maximum of both sides (numpy.histogram's convention:
 * half-open, the last one closed). A side known only through its value grid has exact counts below the grid's bin
 * edges and below a single-valued bin's value, so an edge that falls inside a grid bin holding several values moves
 * down to that bin's lower edge; both grids are brought to one level first, so such an edge is a bin edge of both.
 */
function histogramDistribution(reference, current, { bins = DISTRIBUTION_BINS, time = false } = {}) {
    const min = Math.min(reference.moments.min, current.moments.min);
    const max = Math.max(reference.moments.max, current.moments.max);
    const level = Math.max(reference.grid.level, current.grid.level);
    const sides = [reference, current].map((side) => {
        const counts = side.valueCounts();
        return counts ? { counts } : { grid: atLevel(side.grid.bins(), level) };
    });
    const edges = [min];
    if (max > min) {
        // Divide before subtracting so ranges near ±Number.MAX_VALUE cannot overflow.
        const width = max / bins - min / bins;
        for (let i = 1; i < bins; i++) {
            let edge = min + width * i;
            for (const side of sides)
                if (side.grid)
                    edge = distribution_resolvedEdge(side.grid, edge);
            if (edge > edges[edges.length - 1] && edge < max)
                edges.push(edge);
        }
    }
    edges.push(max);
    const [ref, cur] = sides.map((side, s) => {
        const total = s === 0 ? reference.count : current.count;
        const below = (edge) => (side.counts ? distribution_valuesBelow(side.counts, edge) : distribution_binsBelow(side.grid, edge));
        const at = edges.slice(1, -1).map(below);
        return [...at, total].map((count, i) => count - (i === 0 ? 0 : at[i - 1]));
    });
    return { kind: 'histogram', edges, reference: ref, current: cur, ...(time && { time }) };
}
/**
 * The cells of the tested table, most frequent first, at most `limit`; the table's own "other" cell and the cells
 * past the limit are counted together as `other`. Names lose the table's key prefix.
 */
function categoryDistribution(table, limit = DISTRIBUTION_CATEGORIES) {
    const own = table.categories.flatMap((key, i) => (key === OTHER_BUCKET ? [] : [i]));
    const shown = own.slice(0, limit);
    const rest = table.categories.map((_, i) => i).filter((i) => !shown.includes(i));
    const sum = (side) => rest.reduce((total, i) => total + side[i], 0);
    const distribution = {
        kind: 'categories',
        categories: shown.map((i) => Array.from(table.categories[i].slice(1)).slice(0, MAX_CATEGORY_CHARS).join('')),
        reference: shown.map((i) => table.reference[i]),
        current: shown.map((i) => table.current[i]),
    };
    if (rest.length > 0)
        distribution.other = { reference: sum(table.reference), current: sum(table.current) };
    return distribution;
}
/** `edge`, or the lower edge of the grid bin it falls in when that bin holds several values. */
function distribution_resolvedEdge(grid, edge) {
    const b = binHolding(grid, edge);
    if (b < 0)
        return edge;
    const v = grid.values[b];
    return v === v ? edge : binEdges(grid.scale, grid.level, grid.keys[b])[0];
}
/** The bin whose interval holds `edge`, or −1. */
function binHolding(grid, edge) {
    let lo = 0;
    let hi = grid.keys.length;
    while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (binEdges(grid.scale, grid.level, grid.keys[mid])[1] <= edge)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < grid.keys.length && binEdges(grid.scale, grid.level, grid.keys[lo])[0] <= edge ? lo : -1;
}
/**
 * Values below `edge`, where `edge` is a bin edge or lies in a single-valued bin (see `resolvedEdge`): the bins that
 * end by `edge` (a prefix, found by binary search), and the next one when its single value lies below `edge`.
 */
function distribution_binsBelow(grid, edge) {
    let lo = 0;
    let hi = grid.keys.length;
    while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (binEdges(grid.scale, grid.level, grid.keys[mid])[1] <= edge)
            lo = mid + 1;
        else
            hi = mid;
    }
    let total = 0;
    for (let b = 0; b < lo; b++)
        total += grid.counts[b];
    if (lo < grid.keys.length && binEdges(grid.scale, grid.level, grid.keys[lo])[0] <= edge && grid.values[lo] < edge) {
        total += grid.counts[lo];
    }
    return total;
}
function distribution_valuesBelow(counts, edge) {
    let lo = 0;
    let hi = counts.values.length;
    while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (counts.values[mid] < edge)
            lo = mid + 1;
        else
            hi = mid;
    }
    let total = 0;
    for (let i = 0; i < lo; i++)
        total += counts.counts[i];
    return total;
}

;// CONCATENATED MODULE: ./packages/core/src/stats/kolmogorov.ts
/**
 * Distributions of Kolmogorov–Smirnov statistics: the limiting Kolmogorov distribution, the exact one-sided
 * Smirnov distribution and the one-sample two-sided distribution of D_n (what scipy calls `kstwo`), which the
 * two-sample test uses with the effective size n·m/(n+m) when exact counting is too expensive.
 */


const PI2 = Math.PI * Math.PI;
const SQRT_2PI = Math.sqrt(2 * Math.PI);
/**
 * Upper tail of the limiting Kolmogorov distribution, P(sup|B(t)| > z) for a Brownian bridge B. For z ≥ 1 the
 * alternating series 2Σ(−1)^{k−1}e^{−2k²z²} (keeps full relative precision in the far tail); below, its Jacobi-theta
 * transform √(2π)/z·Σe^{−(2k−1)²π²/(8z²)} for the CDF, which converges in a few terms there.
 */
function kolmogorovLimitSf(z) {
    if (Number.isNaN(z))
        return NaN;
    if (z <= 0)
        return 1;
    if (z >= 1) {
        let sum = 0;
        for (let k = 1; k < 100; k++) {
            const term = Math.exp(-2 * k * k * z * z);
            sum += k % 2 === 1 ? term : -term;
            if (term < 1e-17 * sum)
                break;
        }
        return Math.min(1, 2 * sum);
    }
    let cdf = 0;
    for (let k = 1; k < 100; k++) {
        const m = 2 * k - 1;
        const term = Math.exp((-m * m * PI2) / (8 * z * z));
        cdf += term;
        if (term <= 1e-17 * cdf)
            break;
    }
    return 1 - (SQRT_2PI / z) * cdf;
}
/**
 * Exact one-sided Smirnov upper tail P(D⁺_n ≥ x) by the Birnbaum–Tingey formula
 * x·Σ_{j=0}^{⌊n(1−x)⌋} C(n,j)(x+j/n)^{j−1}(1−x−j/n)^{n−j}. Each term is a binomial density at success probability
 * x + j/n (the two probabilities sum to one), so Loader's form keeps it accurate for any n; all terms are positive,
 * so the sum has no cancellation.
 */
function smirnovSf(n, x) {
    if (Number.isNaN(x) || !(n >= 1))
        return NaN;
    if (x <= 0)
        return 1;
    if (x >= 1)
        return 0;
    const last = Math.floor(n * (1 - x) + 1e-9);
    const term = (j) => {
        const q = (n * (1 - x) - j) / n;
        if (q <= 0)
            return 0;
        const p = x + j / n;
        return (x * beta_binomialDensity(j, n, p, q)) / p;
    };
    // The terms vary smoothly in j on a scale of order n (they are spread over most of 0…n(1−x)) and vanish at both
    // ends, so for large n (once both ends vanish) the trapezoid rule with step ~√n/8 equals the full sum to ~1e-13 (spectral accuracy of the
    // trapezoid rule for smooth, end-vanishing summands) at a fraction of the cost.
    // Both ends vanish once n·x ≥ 40: the j = 0 term is (1−x)^n < e^{−40}.
    const step = n > 20_000 && n * x >= 40 ? Math.max(1, Math.floor(Math.sqrt(n) / 8)) : 1;
    let sum = 0;
    for (let j = 0; j <= last; j += step)
        sum += term(j);
    return Math.min(1, sum * step);
}
/**
 * Upper tail P(D_n ≥ x) of the one-sample two-sided Kolmogorov–Smirnov statistic. Same regions as Simard &
 * L'Ecuyer (2011, "Computing the Two-Sided Kolmogorov–Smirnov Distribution", J. Stat. Softw. 39(11)) and
 * scipy.stats.kstwo: exact closed forms near the ends (Ruben–Gambino), twice the one-sided Smirnov tail where the
 * two one-sided events cannot (x ≥ ½) or almost never (n·x² large) both happen, the Durbin matrix (Marsaglia–Tsang–
 * Wang 2003) for small n, and the Pelz–Good asymptotic series otherwise.
 */
function kolmogorovSmirnovSf(n, x) {
    if (Number.isNaN(x) || !Number.isInteger(n) || n < 1)
        return NaN;
    if (x >= 1)
        return 0;
    if (x <= 0)
        return 1;
    const t = n * x;
    if (t <= 0.5)
        return 1;
    if (t <= 1)
        return clip(1 - Math.exp(logFactorialOverPower(n) + n * Math.log(2 * t - 1)));
    if (t >= n - 1)
        return clip(2 * Math.pow(1 - x, n));
    if (x >= 0.5)
        return clip(2 * smirnovSf(n, x));
    const nx2 = t * x;
    if (n <= 140)
        return clip(nx2 < 4 ? 1 - durbinCdf(n, x) : 2 * smirnovSf(n, x));
    if (nx2 >= 2.2)
        return clip(2 * smirnovSf(n, x));
    if (n <= 100_000 && n * Math.pow(x, 1.5) <= 1.4)
        return clip(1 - durbinCdf(n, x));
    return clip(1 - pelzGoodCdf(n, x));
}
function clip(p) {
    return Math.min(1, Math.max(0, p));
}
/** ln(n!/nⁿ) = stirlerr(n) + ½ln(2πn) − n, without the cancellation of ln n! − n·ln n. */
function logFactorialOverPower(n) {
    return stirlerr(n) + 0.5 * Math.log(2 * Math.PI * n) - n;
}
/**
 * P(D_n < d) by Durbin's matrix formula as organised by Marsaglia, Tsang & Wang (2003): with k = ⌊nd⌋+1,
 * h = k − nd and the (2k−1)×(2k−1) matrix H of inverse factorials corrected in its first column and last row,
 * P = n!/nⁿ · (Hⁿ)_{kk}. Powers are rescaled by powers of two as they grow; the exponent is carried separately.
 */
function durbinCdf(n, d) {
    const k = Math.floor(n * d) + 1;
    const m = 2 * k - 1;
    const h = k - n * d;
    const H = new Float64Array(m * m);
    const inverseFactorial = new Float64Array(m + 2);
    inverseFactorial[0] = 1;
    for (let i = 1; i < m + 2; i++)
        inverseFactorial[i] = (inverseFactorial[i - 1] ?? 0) / i;
    for (let i = 0; i < m; i++) {
        for (let j = 0; j < m; j++) {
            const order = i - j + 1;
            if (order >= 0)
                H[i * m + j] = inverseFactorial[order] ?? 0;
        }
    }
    for (let i = 0; i < m; i++) {
        H[i * m] = (H[i * m] ?? 0) - Math.pow(h, i + 1) * (inverseFactorial[i + 1] ?? 0);
        H[(m - 1) * m + i] = (H[(m - 1) * m + i] ?? 0) - Math.pow(h, m - i) * (inverseFactorial[m - i] ?? 0);
    }
    if (2 * h - 1 > 0)
        H[(m - 1) * m] = (H[(m - 1) * m] ?? 0) + Math.pow(2 * h - 1, m) * (inverseFactorial[m] ?? 0);
    const { matrix, log2Scale } = scaledMatrixPower(H, m, n);
    const entry = matrix[(k - 1) * m + (k - 1)] ?? 0;
    if (entry <= 0)
        return 0;
    return Math.exp(Math.log(entry) + log2Scale * Math.LN2 + logFactorialOverPower(n));
}
function scaledMatrixPower(base, m, power) {
    let result;
    let resultScale = 0;
    let square = base;
    let squareScale = 0;
    let remaining = power;
    while (remaining > 0) {
        if (remaining % 2 === 1) {
            if (result === undefined) {
                result = square.slice();
                resultScale = squareScale;
            }
            else {
                result = multiply(result, square, m);
                resultScale += squareScale;
                resultScale += rescale(result);
            }
        }
        remaining = Math.floor(remaining / 2);
        if (remaining > 0) {
            square = multiply(square, square, m);
            squareScale *= 2;
            squareScale += rescale(square);
        }
    }
    return { matrix: result ?? identity(m), log2Scale: resultScale };
}
function identity(m) {
    const I = new Float64Array(m * m);
    for (let i = 0; i < m; i++)
        I[i * m + i] = 1;
    return I;
}
function multiply(A, B, m) {
    const C = new Float64Array(m * m);
    for (let i = 0; i < m; i++) {
        for (let l = 0; l < m; l++) {
            const a = A[i * m + l] ?? 0;
            if (a === 0)
                continue;
            for (let j = 0; j < m; j++)
                C[i * m + j] = (C[i * m + j] ?? 0) + a * (B[l * m + j] ?? 0);
        }
    }
    return C;
}
/** Scales the matrix back towards 1 when its largest entry leaves [2^-400, 2^400] (products stay finite). */
function rescale(A) {
    let largest = 0;
    for (const v of A)
        largest = Math.max(largest, Math.abs(v));
    if (largest === 0)
        return 0;
    const exponent = Math.floor(Math.log2(largest));
    if (exponent < 400 && exponent > -400)
        return 0;
    const factor = Math.pow(2, -exponent);
    for (let i = 0; i < A.length; i++)
        A[i] = (A[i] ?? 0) * factor;
    return exponent;
}
/**
 * Pelz & Good (1976) asymptotic expansion P(D_n ≤ x) ≈ K0(z) + K1(z)/√n + K2(z)/n + K3(z)/n^{3/2}, z = x√n, with
 * each K_i written (after Jacobi theta transforms) as sums over q^{m²}, q = e^{−π²/(8z²)}, m odd, plus the
 * e^{−π²k²/(2z²)} sums of K2 and K3 (coefficients as given by Simard & L'Ecuyer 2011, eq. 11–14).
 */
function pelzGoodCdf(n, x) {
    const z = Math.sqrt(n) * x;
    const z2 = z * z;
    const z4 = z2 * z2;
    const z6 = z4 * z2;
    const logQ = -PI2 / (8 * z2);
    if (logQ < -740)
        return 0;
    const PI4 = PI2 * PI2;
    const PI6 = PI4 * PI2;
    let k0 = 0;
    let k1 = 0;
    let k2 = 0;
    let k3 = 0;
    const terms = Math.ceil((16 * z) / Math.PI) + 1;
    for (let k = 1; k <= terms; k++) {
        const m = 2 * k - 1;
        const m2 = m * m;
        const w = Math.exp(logQ * m2);
        if (w === 0)
            break;
        k0 += w;
        k1 += w * ((PI2 * m2) / 4 - z2);
        k2 += w * (6 * z6 + 2 * z4 + ((2 * z4 - 5 * z2) * PI2 * m2) / 4 + (PI4 * (1 - 2 * z2) * m2 * m2) / 16);
        k3 +=
            w *
                (-30 * z6 -
                    90 * z6 * z2 +
                    (PI2 * (135 * z4 - 96 * z6) * m2) / 4 +
                    (PI4 * (-60 * z2 + 212 * z4) * m2 * m2) / 16 +
                    (PI6 * (5 - 30 * z2) * m2 * m2 * m2) / 64);
    }
    k0 *= SQRT_2PI / z;
    k1 *= SQRT_2PI / (6 * z4);
    k2 *= SQRT_2PI / (72 * z6 * z);
    k3 *= SQRT_2PI / (6480 * z6 * z4);
    let extra2 = 0;
    let extra3 = 0;
    for (let k = 1; k <= terms; k++) {
        const w = Math.exp((-PI2 * k * k) / (2 * z2));
        if (w === 0)
            break;
        extra2 += k * k * w;
        extra3 += (3 * z2 - PI2 * k * k) * k * k * w;
    }
    k2 -= (PI2 * SQRT_2PI * extra2) / (36 * z2 * z);
    k3 += (PI2 * SQRT_2PI * extra3) / (216 * z6);
    const sqrtN = Math.sqrt(n);
    return k0 + k1 / sqrtN + k2 / n + k3 / (n * sqrtN);
}

;// CONCATENATED MODULE: ./packages/core/src/stats/ks.ts
/**
 * Two-sample Kolmogorov–Smirnov test, from raw samples (`ks2`) or from two weighted empirical CDFs such as the
 * KLL quantile sketches stored in profiles (`ksFromCdfs`). The p-value follows scipy.stats.ks_2samp (two-sided):
 * exact lattice-path probability for small samples, the one-sample D_n distribution with n = round(n·m/(n+m))
 * above.
 */


/** scipy's 'auto' switches to the asymptotic distribution above this many values per sample. */
const EXACT_AUTO_MAX = 10_000;
/** Exact counting walks a band of the n×m lattice; above this many cells it is too slow and we go asymptotic. */
const EXACT_MAX_CELLS = 1e8;
function ks2(a, b, options = {}) {
    return ksFromCounts(valueCounts(sortedFinite(a, 'first')), valueCounts(sortedFinite(b, 'second')), options);
}
/**
 * Two-sample KS on samples given as ascending distinct values with their counts (a profile's exact values): the
 * same D and p-value as scipy.stats.ks_2samp on the samples written out. D is tracked as the largest
 * |i·m − j·n| in integers, so it and its lattice position are exact (no float rounding).
 */
function ksFromCounts(a, b, options = {}) {
    const n = total(a.counts, 'first');
    const m = total(b.counts, 'second');
    let largest = 0;
    let location = a.values[0] ?? 0;
    let i = 0;
    let j = 0;
    let below = 0;
    let belowB = 0;
    while (i < a.values.length || j < b.values.length) {
        const va = a.values[i] ?? Infinity;
        const vb = b.values[j] ?? Infinity;
        const value = va <= vb ? va : vb;
        if (va === value)
            below += a.counts[i++];
        if (vb === value)
            belowB += b.counts[j++];
        const gap = Math.abs(below * m - belowB * n);
        if (gap > largest) {
            largest = gap;
            location = value;
        }
    }
    const statistic = largest / (n * m);
    return { statistic, location, ...ksPValue(statistic, n, m, options.method ?? 'auto') };
}
function valueCounts(sorted) {
    const values = [];
    const counts = [];
    for (let i = 0; i < sorted.length;) {
        let k = i + 1;
        while (k < sorted.length && sorted[k] === sorted[i])
            k++;
        values.push(sorted[i]);
        counts.push(k - i);
        i = k;
    }
    return { values, counts };
}
function total(counts, which) {
    let sum = 0;
    for (let k = 0; k < counts.length; k++)
        sum += counts[k];
    if (!(sum >= 1))
        throw new errors_UserError(`KS test needs at least one value in the ${which} sample`);
    return sum;
}
/**
 * KS test between two weighted empirical CDFs (e.g. quantile sketches); `nA`/`nB` are the true sample sizes the
 * distributions summarise, which set the p-value's scale. D is exact for the given distributions; how close it is
 * to the raw-data D depends on the sketches' rank error.
 */
function ksFromCdfs(cdfA, cdfB, nA, nB, options = {}) {
    if (!(Number.isInteger(nA) && nA >= 1 && Number.isInteger(nB) && nB >= 1)) {
        throw new UserError(`KS test needs sample sizes of at least 1 (got ${nA} and ${nB})`);
    }
    const totalA = checkedTotal(cdfA, 'first');
    const totalB = checkedTotal(cdfB, 'second');
    let cumA = 0;
    let cumB = 0;
    let i = 0;
    let j = 0;
    let statistic = 0;
    let location = cdfA.values[0] ?? 0;
    const la = cdfA.values.length;
    const lb = cdfB.values.length;
    while (i < la || j < lb) {
        const va = cdfA.values[i] ?? Infinity;
        const vb = cdfB.values[j] ?? Infinity;
        const value = i < la && (j >= lb || va <= vb) ? va : vb;
        while (i < la && cdfA.values[i] === value)
            cumA += cdfA.weights[i++] ?? 0;
        while (j < lb && cdfB.values[j] === value)
            cumB += cdfB.weights[j++] ?? 0;
        const gap = Math.abs(cumA / totalA - cumB / totalB);
        if (gap > statistic) {
            statistic = gap;
            location = value;
        }
    }
    statistic = Math.min(1, statistic);
    return { statistic, location, ...ksPValue(statistic, nA, nB, options.method ?? 'auto') };
}
/** Two-sided p-value of D for sample sizes n and m, choosing the method as scipy.stats.ks_2samp does. */
function ksPValue(statistic, n, m, method = 'auto') {
    const exactFeasible = n === m || n * m <= EXACT_MAX_CELLS;
    const useExact = method === 'exact' ? exactFeasible : method === 'auto' && Math.max(n, m) <= EXACT_AUTO_MAX;
    if (useExact)
        return { pValue: ksExactPValue(statistic, n, m), method: 'exact' };
    const effective = Math.max(1, ks_roundHalfEven((n * m) / (n + m)));
    return { pValue: kolmogorovSmirnovSf(effective, statistic), method: 'asymptotic' };
}
/**
 * Exact P(D ≥ d) under H0 for continuous data: the fraction of the C(n+m, n) monotone lattice paths from (0,0) to
 * (n,m) that touch |i/n − j/m| ≥ d (Hodges 1958, "The significance probability of the Smirnov two-sample test").
 * d is first rounded to the lattice, d = h/lcm(n, m), as scipy does.
 */
function ksExactPValue(statistic, n, m) {
    const g = gcd(n, m);
    const a = m / g; // lcm/n
    const b = n / g; // lcm/m
    const h = Math.round(statistic * a * n);
    if (h <= 0)
        return 1;
    if (n === m)
        return equalSizeExact(n, h);
    return latticeExitProbability(n, m, a, b, h);
}
/**
 * n = m: P(D ≥ h/n) = 2·Σ_{k≥1} (−1)^{k+1} C(2n, n−kh)/C(2n, n) (reflection principle, Gnedenko–Korolyuk); the
 * binomial ratios are accumulated as products, so nothing overflows.
 */
function equalSizeExact(n, h) {
    let sum = 0;
    let ratio = 1;
    let reached = 0;
    for (let k = 1; k * h <= n; k++) {
        for (let i = reached + 1; i <= k * h; i++)
            ratio *= (n - i + 1) / (n + i);
        reached = k * h;
        if (ratio === 0)
            break;
        sum += k % 2 === 1 ? ratio : -ratio;
    }
    return Math.min(1, Math.max(0, 2 * sum));
}
/**
 * Probability that a uniformly random path leaves the band |i·a − j·b| < h. Dynamic programming over the band with
 * the sequential-sampling probabilities (step right with probability (n−i)/(n+m−i−j)); every first exit adds its
 * probability, so the p-value is a sum of positive terms and stays accurate when tiny (no 1 − P(inside)).
 */
function latticeExitProbability(n, m, a, b, h) {
    const band = (i) => [
        Math.max(0, Math.floor((i * a - h) / b) + 1),
        Math.min(m, Math.ceil((i * a + h) / b) - 1),
    ];
    let current = new Float64Array(m + 1);
    let next = new Float64Array(m + 1);
    current[0] = 1;
    let exit = 0;
    for (let i = 0; i <= n; i++) {
        const [lo, hi] = band(i);
        const [nextLo, nextHi] = i < n ? band(i + 1) : [1, 0];
        next.fill(0, nextLo, nextHi + 1);
        for (let j = lo; j <= hi; j++) {
            const q = current[j] ?? 0;
            // Probabilities this small cannot move a double-precision p-value; skipping them avoids subnormal arithmetic.
            if (q < 1e-300)
                continue;
            const remaining = n + m - i - j;
            if (remaining === 0)
                continue;
            if (i < n) {
                const w = (q * (n - i)) / remaining;
                if (j >= nextLo && j <= nextHi)
                    next[j] = (next[j] ?? 0) + w;
                else
                    exit += w;
            }
            if (j < m) {
                const w = (q * (m - j)) / remaining;
                if (j + 1 <= hi)
                    current[j + 1] = (current[j + 1] ?? 0) + w;
                else
                    exit += w;
            }
        }
        [current, next] = [next, current];
    }
    return Math.min(1, Math.max(0, exit));
}
function sortedFinite(values, which) {
    if (values.length === 0)
        throw new UserError(`KS test needs at least one value in the ${which} sample`);
    const sorted = Float64Array.from(values);
    for (const v of sorted) {
        if (!Number.isFinite(v))
            throw new UserError(`KS test got a non-finite value (${v}) in the ${which} sample`);
    }
    return sorted.sort();
}
function checkedTotal(cdf, which) {
    if (cdf.values.length !== cdf.weights.length) {
        throw new UserError(`KS test: the ${which} distribution has ${cdf.values.length} values but ${cdf.weights.length} weights`);
    }
    let total = 0;
    let previous = -Infinity;
    for (let k = 0; k < cdf.values.length; k++) {
        const v = cdf.values[k] ?? NaN;
        const w = cdf.weights[k] ?? NaN;
        if (!(v >= previous))
            throw new UserError(`KS test: the ${which} distribution's values are not ascending at index ${k}`);
        if (!(w >= 0 && Number.isFinite(w)))
            throw new UserError(`KS test: the ${which} distribution has weight ${w} at index ${k}`);
        previous = v;
        total += w;
    }
    if (!(total > 0))
        throw new UserError(`KS test: the ${which} distribution has no weight`);
    return total;
}
function gcd(a, b) {
    while (b !== 0)
        [a, b] = [b, a % b];
    return a;
}
/** numpy's rounding (half to even), which scipy applies to the effective sample size. */
function ks_roundHalfEven(v) {
    const r = Math.round(v);
    return Math.abs(v - Math.trunc(v)) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

;// CONCATENATED MODULE: ./packages/core/src/stats/wasserstein.ts
/**
 * Wasserstein-1 (earth mover's) distance between two samples or two weighted empirical distributions:
 * W1 = ∫|F_a(x) − F_b(x)| dx (scipy.stats.wasserstein_distance), and its normalised form used as the effect size
 * of numeric drift.
 */

function wasserstein1(a, b) {
    return wasserstein1Cdf(unitWeights(a, 'first'), unitWeights(b, 'second'));
}
/** W1 between two weighted distributions (ascending values, non-negative weights), e.g. quantile sketches. */
function wasserstein1Cdf(a, b) {
    const totalA = totalWeight(a, 'first');
    const totalB = totalWeight(b, 'second');
    const la = a.values.length;
    const lb = b.values.length;
    let i = 0;
    let j = 0;
    let cumA = 0;
    let cumB = 0;
    let distance = 0;
    let previous = NaN;
    let gap = 0;
    while (i < la || j < lb) {
        const va = a.values[i] ?? Infinity;
        const vb = b.values[j] ?? Infinity;
        const value = i < la && (j >= lb || va <= vb) ? va : vb;
        if (!Number.isNaN(previous))
            distance += gap * (value - previous);
        while (i < la && a.values[i] === value)
            cumA += a.weights[i++] ?? 0;
        while (j < lb && b.values[j] === value)
            cumB += b.weights[j++] ?? 0;
        gap = Math.abs(cumA / totalA - cumB / totalB);
        previous = value;
    }
    return distance;
}
/**
 * W1 divided by the reference's standard deviation. For a pure location shift by δ, W1 = |δ|, so the normalised
 * value is |δ|/σ — the same scale as Cohen's d — which makes one threshold (e.g. 0.1σ) meaningful across columns
 * of any unit. The standard deviation (rather than the IQR) is used because profiles carry it exactly (parallel
 * mean/variance), whereas their IQR is only a sketch estimate; pass `scale` to use a profile's value.
 */
function normalizedWasserstein1(reference, current, options = {}) {
    const ref = isWeighted(reference) ? reference : unitWeights(reference, 'reference');
    const cur = isWeighted(current) ? current : unitWeights(current, 'current');
    const distance = wasserstein1Cdf(ref, cur);
    const scale = options.scale ?? standardDeviation(ref);
    if (!(scale >= 0))
        throw new UserError(`the drift scale must be a non-negative number (got ${scale})`);
    const normalized = scale > 0 ? distance / scale : distance === 0 ? 0 : Infinity;
    return { distance, scale, normalized };
}
function isWeighted(x) {
    return 'weights' in x && 'values' in x;
}
function standardDeviation(cdf) {
    const total = totalWeight(cdf, 'reference');
    let mean = 0;
    for (let k = 0; k < cdf.values.length; k++)
        mean += ((cdf.weights[k] ?? 0) * (cdf.values[k] ?? 0)) / total;
    let variance = 0;
    for (let k = 0; k < cdf.values.length; k++)
        variance += ((cdf.weights[k] ?? 0) * ((cdf.values[k] ?? 0) - mean) ** 2) / total;
    return Math.sqrt(variance);
}
function unitWeights(values, which) {
    if (values.length === 0)
        throw new UserError(`Wasserstein distance needs at least one value in the ${which} sample`);
    const sorted = Float64Array.from(values).sort();
    for (const v of sorted) {
        if (!Number.isFinite(v))
            throw new UserError(`Wasserstein distance got a non-finite value (${v}) in the ${which} sample`);
    }
    return { values: sorted, weights: new Float64Array(sorted.length).fill(1) };
}
function totalWeight(cdf, which) {
    if (cdf.values.length !== cdf.weights.length) {
        throw new errors_UserError(`the ${which} distribution has ${cdf.values.length} values but ${cdf.weights.length} weights`);
    }
    let total = 0;
    let previous = -Infinity;
    for (let k = 0; k < cdf.values.length; k++) {
        const v = cdf.values[k] ?? NaN;
        const w = cdf.weights[k] ?? NaN;
        if (!(v >= previous) || !Number.isFinite(v)) {
            throw new errors_UserError(`the ${which} distribution's values are not finite and ascending at index ${k}`);
        }
        if (!(w >= 0 && Number.isFinite(w)))
            throw new errors_UserError(`the ${which} distribution has weight ${w} at index ${k}`);
        previous = v;
        total += w;
    }
    if (!(total > 0))
        throw new errors_UserError(`the ${which} distribution has no weight`);
    return total;
}

;// CONCATENATED MODULE: ./packages/core/src/drift/numeric.ts





/** Bins for PSI: the reference's deciles, the usual choice. */
const PSI_BINS = 10;
function compareNumbers(reference, current) {
    const a = reference.valueCounts();
    const b = current.valueCounts();
    if (a && b) {
        const ks = ksFromCounts(a, b);
        const w = wasserstein1Cdf({ values: a.values, weights: a.counts }, { values: b.values, weights: b.counts });
        return {
            statistic: [ks.statistic, ks.statistic],
            pValue: ks.pValue,
            method: ks.method,
            wasserstein: [w, w],
            exact: true,
        };
    }
    // Only a side compared through its grid sets the level: a side whose values are known is compared value by value.
    const level = Math.max(a ? 0 : reference.grid.level, b ? 0 : current.grid.level);
    const left = segments(reference, a, level);
    const right = segments(current, b, level);
    const bounds = sweep(left, right, reference.count, current.count);
    const { pValue, method } = ksPValue(bounds.d[0], reference.count, current.count);
    const exact = bounds.d[0] === bounds.d[1] && bounds.w[0] === bounds.w[1];
    return { statistic: bounds.d, pValue, method, wasserstein: bounds.w, exact };
}
function segments(side, counts, level) {
    if (counts)
        return { low: counts.values, high: counts.values, count: counts.counts, length: counts.values.length };
    const bins = atLevel(side.grid.bins(), level);
    const { min, max } = side.moments;
    const length = bins.keys.length;
    const low = new Float64Array(length);
    const high = new Float64Array(length);
    for (let i = 0; i < length; i++) {
        const v = bins.values[i];
        if (v === v) {
            low[i] = high[i] = v;
            continue;
        }
        const [from, to] = binEdges(bins.scale, bins.level, bins.keys[i]);
        low[i] = Math.max(from, min);
        high[i] = Math.min(to, max);
    }
    return { low, high, count: bins.counts, length };
}
/**
 * Bounds on D = sup |F_a − F_b| and W1 = ∫|F_a − F_b| dx from two sides' segments. Between consecutive
 * breakpoints (every value and interval end of either side) each CDF is a constant, known exactly outside
 * intervals and within [before, after] inside one: D's lower bound is the largest gap where both are known (a
 * value F takes, or a limit of such values), its upper bound the largest gap the ranges allow; W1's bounds
 * integrate the smallest and largest gaps the ranges allow.
 */
function sweep(a, b, na, nb) {
    const points = breakpoints(a, b);
    const fa = cdfRanges(a, points);
    const fb = cdfRanges(b, points);
    // Gaps as |ca·nb − cb·na| / (na·nb), on whole counts: the exact D's arithmetic (ks2), so the bounds hold it.
    const scale = na * nb;
    const gap = (ca, cb) => (ca * nb - cb * na) / scale;
    let dLow = 0;
    let dHigh = 0;
    let wLow = 0;
    let wHigh = 0;
    for (let j = 0; j < points.length; j++) {
        const [aLo, aHi] = [fa.low[j], fa.high[j]];
        const [bLo, bHi] = [fb.low[j], fb.high[j]];
        const widest = Math.max(Math.abs(gap(aHi, bLo)), Math.abs(gap(aLo, bHi)));
        const narrowest = Math.max(0, gap(aLo, bHi), -gap(aHi, bLo));
        if (aLo === aHi && bLo === bHi)
            dLow = Math.max(dLow, Math.abs(gap(aLo, bLo)));
        const [aLeft, bLeft] = [fa.left[j], fb.left[j]];
        if (aLeft === aLeft && bLeft === bLeft)
            dLow = Math.max(dLow, Math.abs(gap(aLeft, bLeft)));
        dHigh = Math.max(dHigh, widest);
        if (j + 1 < points.length) {
            const length = points[j + 1] - points[j];
            wLow += narrowest * length;
            wHigh += widest * length;
        }
    }
    return { d: [Math.min(1, dLow), Math.min(1, Math.max(dLow, dHigh))], w: [wLow, Math.max(wLow, wHigh)] };
}
/**
 * Every segment end of either side, ascending, each once. Each side's ends already ascend (its segments are
 * disjoint and in order), so the two lists are merged rather than sorted.
 */
function breakpoints(a, b) {
    const all = new Float64Array(2 * (a.length + b.length));
    let size = 0;
    const push = (x) => {
        if (size === 0 || all[size - 1] !== x)
            all[size++] = x;
    };
    let i = 0;
    let j = 0;
    while (i < 2 * a.length || j < 2 * b.length) {
        const x = i < 2 * a.length ? end(a, i) : Infinity;
        const y = j < 2 * b.length ? end(b, j) : Infinity;
        if (x <= y) {
            push(x);
            i++;
        }
        else {
            push(y);
            j++;
        }
    }
    return all.subarray(0, size);
}
/** The k-th end of a side's segments: low, high, low, high, … */
function end(side, k) {
    return ((k & 1) === 0 ? side.low : side.high)[k >> 1];
}
/**
 * The range of n·F on [points[j], points[j+1]) for each j (F right-continuous: values at points[j] count), and
 * n·F(points[j]−), the count of values below the point, where it is known (NaN where not). Every interval end is a
 * breakpoint, so a piece lies wholly inside or outside each interval: a segment ending at or before the piece
 * counts in full, an interval the piece lies in counts anywhere from none to all of its values. An interval's
 * values lie in [low, high), or in [low, max] for the last one, so the share below a point is known unless an
 * interval holds the point strictly inside (or ends at the max): at the grid's bin edges it is.
 */
function cdfRanges(side, points) {
    const low = new Float64Array(points.length);
    const high = new Float64Array(points.length);
    const left = new Float64Array(points.length);
    let s = 0;
    let below = 0;
    for (let j = 0; j < points.length; j++) {
        const x = points[j];
        let atX = 0;
        let maxInside = false;
        while (s < side.length && side.high[s] <= x) {
            const count = side.count[s];
            const from = side.low[s++];
            below += count;
            // A value at x is not below x; nor, perhaps, some of an interval that ends at the side's max (attained).
            atX = from === x ? count : 0;
            maxInside = from < x && s === side.length;
        }
        const next = s < side.length ? s : -1;
        const open = next >= 0 && side.low[next] <= x ? side.count[next] : 0;
        low[j] = below;
        high[j] = below + open;
        left[j] = maxInside || (next >= 0 && side.low[next] < x) ? NaN : below - atX;
    }
    return { low, high, left };
}
/**
 * PSI over the reference's deciles. With both sides' values known: numpy.quantile edges and right-closed bins, as
 * on raw samples. Otherwise the edges move to the bin edge below each decile of the reference grid, where both
 * sides' counts are exact, and the bins are [edge, next edge).
 */
function numericPsi(reference, current, bins = PSI_BINS) {
    const a = reference.valueCounts();
    const b = current.valueCounts();
    if (a && b) {
        const at = numeric_orderStatistic(a);
        const edges = [];
        for (let k = 1; k < bins; k++) {
            const edge = quantileFrom(a.n, k / bins, 'linear', at);
            if (edges.length === 0 || edge > edges[edges.length - 1])
                edges.push(edge);
        }
        return psi(weightedBinCounts(a, edges), weightedBinCounts(b, edges));
    }
    const level = Math.max(reference.grid.level, current.grid.level);
    const ref = atLevel(reference.grid.bins(), level);
    const cumulative = cumulativeOf(ref.counts);
    const edges = [];
    for (let k = 1; k < bins; k++) {
        const rank = Math.floor((k / bins) * ref.n);
        const bin = cumulative.findIndex((c) => c > rank);
        const [low] = binEdges(ref.scale, ref.level, ref.keys[bin]);
        if (edges.length === 0 || low > edges[edges.length - 1])
            edges.push(low);
    }
    const below = (side, counts) => {
        const grid = atLevel(side.grid.bins(), level);
        return edges.map((edge) => (counts ? countBelow(counts, edge) : countBinsBelow(grid, edge)));
    };
    const shares = (at, total) => Float64Array.from([...at, total], (c, i) => c - (i === 0 ? 0 : at[i - 1]));
    return psi(shares(below(reference, a), reference.count), shares(below(current, b), current.count));
}
function numeric_orderStatistic(counts) {
    const cumulative = cumulativeOf(counts.counts);
    return (i) => counts.values[cumulative.findIndex((c) => c > i)];
}
function cumulativeOf(counts) {
    const out = new Float64Array(counts.length);
    let total = 0;
    counts.forEach((c, i) => (out[i] = total += c));
    return out;
}
/** `binCounts` for a multiset: counts in (−∞, e₁], (e₁, e₂], …, (e_last, ∞). */
function weightedBinCounts(counts, edges) {
    const out = new Float64Array(edges.length + 1);
    const index = binCounts(counts.values, edges);
    let at = 0;
    index.forEach((distinct, bin) => {
        for (let i = 0; i < distinct; i++)
            out[bin] += counts.counts[at++];
    });
    return out;
}
function countBelow(counts, edge) {
    let total = 0;
    for (let i = 0; i < counts.values.length && counts.values[i] < edge; i++)
        total += counts.counts[i];
    return total;
}
/** Values in the bins whose lower edge lies below `edge` (a prefix of the bins: their lower edges ascend). */
function countBinsBelow(bins, edge) {
    let lo = 0;
    let hi = bins.keys.length;
    while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (binEdges(bins.scale, bins.level, bins.keys[mid])[0] < edge)
            lo = mid + 1;
        else
            hi = mid;
    }
    let total = 0;
    for (let i = 0; i < lo; i++)
        total += bins.counts[i];
    return total;
}

;// CONCATENATED MODULE: ./packages/core/src/drift/detect.ts
/**
 * Dataset drift between a reference profile and a current one: each column shared by both is tested by its type,
 * drifts only when the change is both significant and material (`decideDrift`), and the dataset's status follows
 * the share of drifted columns.
 */







/**
 * Default thresholds per effect size. Normalised Wasserstein 0.1 = a tenth of the reference's standard deviation (a
 * "small" effect is 0.2 on Cohen's scale, so 0.1 flags shifts well before they are large); Cramér's V 0.1 is Cohen's
 * "small" association; PSI 0.2 is the industry's "significant shift" line; Jensen–Shannon distance (base 2) 0.1 is
 * the customary cut-off of drift monitors.
 */
const DEFAULT_EFFECT_THRESHOLDS = {
    'normalized-wasserstein': 0.1,
    'cramers-v': 0.1,
    psi: 0.2,
    'jensen-shannon': 0.1,
};
/** A numeric column with at most this many distinct values (exactly counted on both sides) is tested as categories. */
const MAX_NUMERIC_CATEGORIES = 20;
/** With a chi2 or jensen-shannon setting, a numeric column is tested as categories up to this many distinct values. */
const MAX_CHOSEN_NUMERIC_CATEGORIES = 1000;
/**
 * A text or integer column whose values are (nearly) all distinct on both sides, from at least this many
 * values, is an identifier: new data brings new ids, which is not drift. The distinct count is HyperLogLog's
 * (within about 2%), so "nearly all" is 95%.
 */
const MIN_IDENTIFIER_VALUES = 1000;
const IDENTIFIER_DISTINCT_SHARE = 0.95;
/** Drift of every column both profiles share; see `detectDriftDetailed` for the columns left out. */
function detectDrift(reference, current, options = {}) {
    return detectDriftDetailed(reference, current, options).result;
}
/**
 * Compares the columns present in both profiles with the same kind of values (integer and decimal numbers are one
 * kind). Missing columns and changed types are not given a drift verdict (no test compares a number with a string)
 * but are findings in `skipped` (and the result's `skipped`); a lost column or a changed type makes the result warn.
 * Datetime columns (new data is usually later, which is not drift) and identifiers (see `MIN_IDENTIFIER_VALUES`)
 * are skipped unless the column has drift settings; with them a datetime column is compared as instants. The share of drifted columns counts compared
 * columns only. A reference that shares no column with the data is an error: it is the wrong file.
 */
function detectDriftDetailed(reference, current, options = {}) {
    const alpha = options.alpha ?? 0.05;
    const datasetShare = options.datasetShare ?? 0.5;
    if (!(alpha > 0 && alpha < 1))
        throw new errors_UserError(`drift alpha must be between 0 and 1 (got ${alpha})`);
    if (!(datasetShare > 0 && datasetShare <= 1)) {
        throw new errors_UserError(`drift dataset share must be in (0, 1] (got ${datasetShare})`);
    }
    const settings = options.columns ?? {};
    for (const name of Object.keys(settings)) {
        if (!reference.column(name) && !current.column(name)) {
            throw new errors_UserError(`drift settings name column "${name}", which neither profile has`, {
                path: `drift.columns.${name}`,
            });
        }
    }
    if (!reference.columns.some((column) => current.column(column.name))) {
        throw new errors_UserError(`the drift reference shares no column with the data (reference: ${names(reference)}; data: ${names(current)})`, options.referenceFile === undefined ? {} : { file: options.referenceFile });
    }
    const columns = [];
    const skipped = [];
    for (const ref of reference.columns) {
        const cur = current.column(ref.name);
        if (!cur) {
            skipped.push(skip(ref.name, 'missing-in-current', 'warn', `column "${ref.name}" is missing from the current data`));
            continue;
        }
        const refKind = kindOf(ref);
        const curKind = kindOf(cur);
        if (refKind === 'empty' || curKind === 'empty') {
            const side = refKind === 'empty' ? 'reference' : 'current';
            skipped.push(skip(ref.name, 'no-values', 'pass', `column "${ref.name}" has no values in the ${side} data`));
        }
        else if (refKind !== curKind) {
            skipped.push(skip(ref.name, 'type-changed', 'warn', `column "${ref.name}" changed type from ${ref.type} to ${cur.type}`));
        }
        else if (refKind === 'datetime' && settings[ref.name] === undefined) {
            const message = `column "${ref.name}" holds datetimes: new data is usually later, so it is compared (as instants) only when the schema gives it drift settings`;
            skipped.push(skip(ref.name, 'datetime', 'pass', message));
        }
        else if (settings[ref.name] === undefined && isIdentifier(ref) && isIdentifier(cur)) {
            skipped.push(skip(ref.name, 'identifier', 'pass', `column "${ref.name}" holds distinct values (an identifier), not tested`));
        }
        else {
            columns.push(columnDrift(ref, cur, refKind, alpha, settings[ref.name] ?? {}));
        }
    }
    for (const cur of current.columns) {
        if (!reference.column(cur.name)) {
            skipped.push(skip(cur.name, 'missing-in-reference', 'pass', `column "${cur.name}" is new (not in the reference)`));
        }
    }
    const drifted = columns.filter((c) => c.drifted).length;
    const share = columns.length === 0 ? 0 : drifted / columns.length;
    const lost = skipped.some((column) => column.status === 'warn');
    const status = drifted > 0 && share >= datasetShare ? 'fail' : drifted > 0 || lost ? 'warn' : 'pass';
    const result = { status, share, threshold: datasetShare, columns };
    if (skipped.length > 0)
        result.skipped = skipped;
    return { result, skipped };
}
function skip(column, reason, status, message) {
    return { column, reason, status, message };
}
function names(profile) {
    const shown = profile.columns.slice(0, 5).map((column) => JSON.stringify(column.name));
    const more = profile.columns.length - shown.length;
    return shown.length === 0 ? 'no columns' : `${shown.join(', ')}${more > 0 ? ` and ${more} more` : ''}`;
}
function isIdentifier(column) {
    const values = column.count - column.nulls;
    const type = column.type;
    return ((type === 'integer' || type === 'string') &&
        values >= MIN_IDENTIFIER_VALUES &&
        column.distinct >= IDENTIFIER_DISTINCT_SHARE * values);
}
function kindOf(column) {
    const type = column.type;
    if (type === 'integer' || type === 'number')
        return column.numbers.count === 0 ? 'empty' : 'numeric';
    return type;
}
const NUMERIC_TESTS = ['ks', 'psi', 'wasserstein'];
const CATEGORICAL_TESTS = ['chi2', 'jensen-shannon', 'psi'];
function columnDrift(ref, cur, kind, alpha, setting) {
    const { test } = setting;
    if (kind === 'numeric') {
        const asCategories = test === 'chi2' || test === 'jensen-shannon' || (test === undefined && fewNumericValues(ref, cur));
        if (!asCategories) {
            const distribution = histogramDistribution(ref.numbers, cur.numbers);
            return { ...numericDrift(ref.name, ref.numbers, cur.numbers, alpha, setting), distribution };
        }
        const a = numberCategories(ref.numbers);
        const b = numberCategories(cur.numbers);
        if (!a || !b) {
            throw new errors_UserError(`drift test "${test}" for column "${ref.name}" needs exact counts of at most ${MAX_CHOSEN_NUMERIC_CATEGORIES.toLocaleString('en-US')} distinct numbers, but it has more; use ks, psi or wasserstein`, { path: `drift.columns.${ref.name}.test` });
        }
        return categoricalDrift(ref.name, { reference: a, current: b, sampled: false }, alpha, setting);
    }
    // Datetimes are compared as instants (ms since the epoch), like numbers.
    if (kind === 'datetime') {
        const distribution = histogramDistribution(ref.instants, cur.instants, { time: true });
        return { ...numericDrift(ref.name, ref.instants, cur.instants, alpha, setting), distribution };
    }
    const key = kind === 'boolean' ? booleanKey : textKey;
    return categoricalDrift(ref.name, categorySides(ref.frequent, cur.frequent, key), alpha, setting);
}
/**
 * A numeric column's exact value counts as categories (`=<value>`), when the profile knows them and they are few
 * enough (at most `MAX_CHOSEN_NUMERIC_CATEGORIES`) for a table of categories to make sense.
 */
function numberCategories(numbers) {
    const counts = numbers.valueCounts();
    if (!counts || counts.values.length > MAX_CHOSEN_NUMERIC_CATEGORIES)
        return undefined;
    return {
        counts: new Map(Array.from(counts.values, (v, i) => [`=${String(v)}`, counts.counts[i]])),
        total: counts.n,
    };
}
function fewNumericValues(ref, cur) {
    const a = ref.numbers.valueCounts();
    const b = cur.numbers.valueCounts();
    if (!a || !b || a.values.length > MAX_NUMERIC_CATEGORIES || b.values.length > MAX_NUMERIC_CATEGORIES)
        return false;
    return new Set([...a.values, ...b.values]).size <= MAX_NUMERIC_CATEGORIES;
}
/**
 * Significance always comes from KS; the configured test chooses the statistic and effect size reported:
 * ks → D with the normalised Wasserstein distance as effect; wasserstein → W1 in the column's units with the same
 * effect; psi → PSI as both. When a side had more values than its profile keeps, D and W1 are bounds from the
 * value grids: the p-value is computed from D's lower bound (never smaller than the exact p-value), the effect is
 * W1's lower bound over the reference's exact standard deviation (so drift is only called when it is certain), and
 * both intervals are reported.
 */
function numericDrift(column, ref, cur, alpha, setting) {
    const test = setting.test ?? 'ks';
    if (!NUMERIC_TESTS.includes(test)) {
        throw new errors_UserError(`drift test "${test}" does not apply to the numeric column "${column}"; use ${NUMERIC_TESTS.join(', ')}`, { path: `drift.columns.${column}.test` });
    }
    const comparison = compareNumbers(ref, cur);
    const method = comparison.method === 'exact' ? 'ks-exact' : 'ks-asymptotic';
    if (test === 'psi') {
        const value = numericPsi(ref, cur);
        return { ...verdict(column, test, value, comparison.pValue, 'psi', value, alpha, setting), method };
    }
    const scale = effectScale(ref, cur);
    const effect = [comparison.wasserstein[0] / scale, comparison.wasserstein[1] / scale];
    const statistic = test === 'ks' ? comparison.statistic : comparison.wasserstein;
    const result = verdict(column, test, statistic[0], comparison.pValue, 'normalized-wasserstein', effect[0], alpha, setting);
    if (comparison.exact)
        return { ...result, method };
    return {
        ...result,
        method,
        bounds: { statistic, effect },
        note: `a side has more values than its profile keeps exactly (${detect_plural(ref.exact.cap, 'value')}): D and the distance are bounds from the profiles' value grids`,
    };
}
/**
 * What the Wasserstein distance is divided by: the reference's population standard deviation (exact, from the
 * moments), so a location shift by δ reads |δ|/σ (Cohen's d scale); the current side's when the reference is
 * constant; and when both are, the larger magnitude of their means (the relative change), or 1 at zero.
 */
function effectScale(ref, cur) {
    const spread = ref.moments.populationStdDev || cur.moments.populationStdDev;
    if (spread > 0)
        return spread;
    return Math.max(Math.abs(ref.moments.mean), Math.abs(cur.moments.mean)) || 1;
}
/**
 * Significance comes from the contingency table of `categoryTable` (frequent categories, the rest pooled into a
 * counted "other"): chi-square as scipy.stats.chi2_contingency computes it (Yates' correction on 2×2 tables), or
 * Fisher's exact test when a 2×2 table expects fewer than 5 in a cell. chi2 reports χ² with Cramér's V as effect;
 * jensen-shannon and psi report that measure over the same cells as both statistic and effect.
 */
function categoricalDrift(column, sides, alpha, setting) {
    const test = setting.test ?? 'chi2';
    if (test !== 'chi2' && test !== 'jensen-shannon' && test !== 'psi') {
        throw new errors_UserError(`drift test "${test}" does not apply to the categorical column "${column}"; use ${CATEGORICAL_TESTS.join(', ')}`, { path: `drift.columns.${column}.test` });
    }
    const table = categoryTable(sides);
    const chi = chiSquareTable(table.reference, table.current);
    const notes = [];
    if (sides.sampled) {
        notes.push(`more distinct values than the profiles count: compared on a hash sample of ${detect_plural(table.categories.length - 1, 'value')}, the rest counted as "other"`);
    }
    else if (table.pooled > 0) {
        notes.push(`${detect_plural(table.pooled, 'category', 'categories')} expecting fewer than ${MIN_EXPECTED} values pooled into "other"`);
    }
    let pValue = chi.pValue;
    let method = chi.df === 0 ? 'none' : chi.corrected ? 'chi2-yates' : 'chi2';
    if (chi.df === 1 && chi.smallExpected > 0) {
        const [a = 0, b = 0] = table.reference;
        const [c = 0, d = 0] = table.current;
        pValue = fisherExact(a, b, c, d).pValue;
        method = 'fisher-exact';
        notes.push(`expected counts below ${MIN_EXPECTED}: p-value from Fisher's exact test`);
    }
    else if (chi.df === 0) {
        notes.push('one category on both sides: nothing to compare');
    }
    const details = {
        method,
        ...(notes.length > 0 && { note: notes.join('; ') }),
        distribution: categoryDistribution(table),
    };
    if (test === 'chi2') {
        return { ...verdict(column, test, chi.statistic, pValue, 'cramers-v', chi.cramersV, alpha, setting), ...details };
    }
    const value = test === 'psi' ? psi(table.reference, table.current) : jensenShannon(table.reference, table.current);
    return { ...verdict(column, test, value, pValue, test, value, alpha, setting), ...details };
}
function detect_plural(n, one, many = `${one}s`) {
    return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}
function verdict(column, test, statistic, pValue, effectName, effect, alpha, setting) {
    const threshold = setting.threshold ?? DEFAULT_EFFECT_THRESHOLDS[effectName];
    if (!(threshold >= 0 && Number.isFinite(threshold))) {
        throw new errors_UserError(`drift threshold for column "${column}" must be a number ≥ 0 (got ${threshold})`, {
            path: `drift.columns.${column}.threshold`,
        });
    }
    const { drifted } = decideDrift({ pValue, effect, alpha, effectThreshold: threshold });
    return { column, test, statistic, pValue, effect: { name: effectName, value: effect, threshold }, drifted };
}

;// CONCATENATED MODULE: ./packages/core/src/drift/schema-settings.ts
/** The per-column `drift:` settings a data schema writes, as `detectDrift` takes them (none for a GX suite). */
function schemaDriftOptions(schema) {
    const columns = (schema?.columns ?? []).filter((column) => column.drift !== undefined);
    if (columns.length === 0)
        return {};
    return { columns: Object.fromEntries(columns.map((column) => [column.name, { ...column.drift }])) };
}

;// CONCATENATED MODULE: ./packages/core/src/drift/index.ts






;// CONCATENATED MODULE: ./packages/core/src/manifest/types.ts
const MANIFEST_SCHEMA_ID = 'mlgate/manifest@1';

;// CONCATENATED MODULE: ./packages/core/schemas/manifest.schema.json
const manifest_schema_namespaceObject = /*#__PURE__*/JSON.parse('{"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://mlgate.dev/schemas/manifest@1.json","title":"mlgate training manifest (mlgate.manifest.json)","description":"What one training run consumed and produced: the lineage record that compare, report and promote point to. Paths are relative to the run\'s working directory, with \'/\' separators.","type":"object","additionalProperties":false,"required":["schema","model","fingerprint","cacheKey","command","workingDirectory","params","deps","outs","metrics","metricsFiles","git","run","runtimes","startedAt","finishedAt","durationMs","cache"],"properties":{"schema":{"const":"mlgate/manifest@1"},"model":{"type":"string","minLength":1,"maxLength":100},"fingerprint":{"description":"sha256 over the command, every dep\'s content, the params values, the declared outs and the engine\'s format version.","$ref":"#/definitions/sha256"},"cacheKey":{"description":"The run-cache key: mlgate-train-<model>-<fingerprint>.","type":"string"},"command":{"type":"string","minLength":1},"workingDirectory":{"description":"The working directory, relative to the repository root (\'.\' for the root).","type":"string"},"env":{"description":"Names of the variables given to the command; never their values (they may be secrets).","type":"array","items":{"type":"string"}},"params":{"description":"Parameter values the command used, by params file, flattened with \'.\'.","type":"object","additionalProperties":{"type":"object","additionalProperties":{"type":["string","number","boolean","null"]}}},"deps":{"type":"array","items":{"$ref":"#/definitions/file"}},"outs":{"type":"array","items":{"$ref":"#/definitions/file"}},"metrics":{"description":"Metric values from the metrics files, flattened with \'.\'.","type":"object","additionalProperties":{"type":["string","number","boolean","null"]}},"metricsFiles":{"type":"array","items":{"$ref":"#/definitions/file"}},"predictions":{"$ref":"#/definitions/file"},"git":{"type":"object","additionalProperties":false,"required":["sha","ref","dirty"],"properties":{"sha":{"type":["string","null"]},"ref":{"type":["string","null"]},"dirty":{"description":"Whether the working tree had changes before the command ran; null outside a git repository.","type":["boolean","null"]}}},"run":{"description":"The GitHub Actions run, or null for a local run.","oneOf":[{"type":"null"},{"type":"object","additionalProperties":false,"required":["id","attempt"],"properties":{"id":{"type":"string"},"attempt":{"type":"string"},"url":{"type":"string"}}}]},"runtimes":{"type":"object","additionalProperties":false,"required":["node","os"],"properties":{"node":{"type":"string"},"os":{"type":"object","additionalProperties":false,"required":["platform","release","arch"],"properties":{"platform":{"type":"string"},"release":{"type":"string"},"arch":{"type":"string"}}},"python":{"type":"object","additionalProperties":false,"required":["version","packages"],"properties":{"version":{"type":"string"},"packages":{"type":"object","additionalProperties":{"type":"string"}}}}}},"startedAt":{"description":"ISO 8601, UTC.","type":"string"},"finishedAt":{"description":"ISO 8601, UTC.","type":"string"},"durationMs":{"type":"number","minimum":0},"cache":{"type":"object","additionalProperties":false,"required":["enabled","hit"],"properties":{"enabled":{"type":"boolean"},"hit":{"type":"boolean"},"restoredFrom":{"description":"On a hit: the run whose outputs were restored.","type":"object","additionalProperties":false,"required":["fingerprint","startedAt","git","run"],"properties":{"fingerprint":{"$ref":"#/definitions/sha256"},"startedAt":{"type":"string"},"git":{"type":"object"},"run":{"type":["object","null"]}}}}}},"definitions":{"sha256":{"type":"string","pattern":"^[0-9a-f]{64}$"},"file":{"type":"object","additionalProperties":false,"required":["path","sha256","size"],"properties":{"path":{"type":"string","minLength":1},"sha256":{"$ref":"#/definitions/sha256"},"size":{"type":"integer","minimum":0}}}}}');
;// CONCATENATED MODULE: ./packages/core/src/manifest/parse.ts





/** The manifest JSON Schema, for publishing and for other validators. */
const manifestJsonSchema = manifest_schema_namespaceObject;
const validateManifest = createSchemaValidator(manifestJsonSchema, 'mlgate-manifest');
/**
 * Checks that `json` is an `mlgate/manifest@1` document and returns it typed. A manifest restored from a cache or
 * downloaded with another run's artifact is input like any other: a `UserError` names `file` and the first problem.
 */
function parseManifest(json, file) {
    const schema = json?.schema;
    if (schema !== MANIFEST_SCHEMA_ID) {
        throw new errors_UserError(`not an mlgate manifest (expected "schema": "${MANIFEST_SCHEMA_ID}")`, {
            file,
            path: '$.schema',
        });
    }
    const [problem] = validateManifest(json);
    if (problem)
        throw new errors_UserError(problem.message, { file, path: formatJsonPath(problem.path) });
    return json;
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
;// CONCATENATED MODULE: ./packages/core/src/manifest/fingerprint.ts

/**
 * Bumped whenever what goes into the fingerprint changes, so entries cached by an older engine are never taken for
 * this one's.
 */
const TRAIN_FORMAT_VERSION = 'mlgate-train@1';
/**
 * sha256 (hex) over a canonical JSON of the inputs: deps sorted by path, params files and keys sorted, the outputs
 * in their declared order, and TRAIN_FORMAT_VERSION. Equal inputs give equal fingerprints on every machine.
 */
function trainFingerprint(input) {
    const canonical = {
        format: TRAIN_FORMAT_VERSION,
        command: input.command,
        deps: [...input.deps].sort((a, b) => compare(a.path, b.path)).map((dep) => [dep.path, dep.sha256]),
        params: Object.keys(input.params)
            .sort(compare)
            .map((file) => [file, sortedEntries(input.params[file])]),
        outs: input.outs,
    };
    return (0,external_node_crypto_.createHash)('sha256').update(JSON.stringify(canonical)).digest('hex');
}
/** `mlgate-train-<model>-<fingerprint>`; `/` in model names (`team/churn`) becomes `-`, which keys allow. */
function trainCacheKey(model, fingerprint) {
    return `mlgate-train-${model.replace(/\//g, '-')}-${fingerprint}`;
}
function sortedEntries(values) {
    return Object.keys(values)
        .sort(compare)
        .map((key) => [key, values[key]]);
}
/** Code-unit order, not locale order: the same on every machine. */
function compare(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}

;// CONCATENATED MODULE: ./packages/core/src/manifest/index.ts




;// CONCATENATED MODULE: ./packages/core/src/files/write-text.ts






/**
 * Checks, before any work is done, that `path` can take an output file: it is not a folder (or a
 * name ending in a separator), and its nearest existing ancestor is a writable folder (missing
 * folders below it are created by `writeFileAtomic`). A long validation must not end in a failed
 * write. `name` is the path as the user gave it, for the message.
 */
async function checkOutputPath(path, name = path) {
    if (/[\\/]$/.test(name) || name === '.' || name === '..')
        throw isFolder(name);
    const absolute = (0,external_node_path_.resolve)(path);
    const existing = await (0,promises_.stat)(absolute).catch(() => undefined);
    if (existing?.isDirectory())
        throw isFolder(name);
    let ancestor = (0,external_node_path_.dirname)(absolute);
    for (;;) {
        const found = await (0,promises_.stat)(ancestor).catch(() => undefined);
        if (found) {
            if (!found.isDirectory()) {
                throw new errors_UserError(`cannot be written: ${ancestor} is a file, not a directory`, { file: name });
            }
            break;
        }
        if ((0,external_node_path_.dirname)(ancestor) === ancestor)
            break;
        ancestor = (0,external_node_path_.dirname)(ancestor);
    }
    try {
        await (0,promises_.access)(existing ? absolute : ancestor, external_node_fs_.constants.W_OK);
    }
    catch (error) {
        throw new errors_UserError(`cannot be written (${describeFileError(error)})`, { file: name });
    }
}
/**
 * Writes an output file so that readers see the old file or the whole new one, never a part: the
 * text goes to a temporary file in the same folder (a rename is atomic only within one file
 * system), which then replaces `path`. Missing parent folders are created. Failures are one-line
 * `UserError`s about `name`, and no temporary file is left behind.
 */
async function writeFileAtomic(path, text, name = path) {
    await checkOutputPath(path, name);
    const absolute = (0,external_node_path_.resolve)(path);
    const folder = (0,external_node_path_.dirname)(absolute);
    try {
        await (0,promises_.mkdir)(folder, { recursive: true });
    }
    catch (error) {
        throw new errors_UserError(`cannot create its directory ${folder}${external_node_path_.sep} (${describeFileError(error)})`, { file: name });
    }
    const temporary = (0,external_node_path_.join)(folder, `.${(0,external_node_path_.basename)(absolute)}.${process.pid}.${(0,external_node_crypto_.randomBytes)(4).toString('hex')}.tmp`);
    try {
        await (0,promises_.writeFile)(temporary, text);
        await (0,promises_.rename)(temporary, absolute);
    }
    catch (error) {
        await (0,promises_.rm)(temporary, { force: true });
        throw new errors_UserError(`cannot be written (${describeFileError(error)})`, { file: name });
    }
}
function isFolder(name) {
    return new errors_UserError('is a directory; give the name of a file to write', { file: name });
}

;// CONCATENATED MODULE: ./packages/core/src/index.ts




































/***/ })

};
