export const id = 943;
export const ids = [943,263,166];
export const modules = {

/***/ 76943:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runCli: () => (/* binding */ runCli)
});

// EXTERNAL MODULE: ./packages/core/src/index.ts + 158 modules
var src = __webpack_require__(98707);
// EXTERNAL MODULE: ./node_modules/.pnpm/@actions+core@3.0.1/node_modules/@actions/core/lib/core.js + 7 modules
var lib_core = __webpack_require__(13636);
;// CONCATENATED MODULE: ./packages/github/src/text.ts
/** Text shaping shared by the loggers and the action wrapper. */
/** Collapses a message onto one line: an annotation shows one, and multi-line text splits badly. */
function text_oneLine(text) {
    return text
        .split(/\r?\n|\r/)
        .map((line) => line.trim())
        .filter((line) => line !== '')
        .join(' ');
}
/**
 * Space the runner could strip before a `::` command: .NET's `Char.IsWhiteSpace` (its `TrimStart`),
 * which includes U+0085, JavaScript's `\s`, and characters ICU's collation ignores (the runner finds
 * `::` with a culture-sensitive `StartsWith`).
 */
const LEADING = String.raw `[\s\u0085\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}]*`;
const LINE_START_COMMAND = new RegExp(`^(${LEADING}:)(?=:)`, 'gmu');
// The legacy parser finds `##[` anywhere in a line, not only at its start.
const LEGACY_COMMAND = /(##)(?=\[)/g;
const BREAK = '\u200b';
/** What a line ends with that a following write could complete into a command. */
const PENDING_LINE_START = new RegExp(`^${LEADING}:?$`, 'u');
/**
 * The runner executes any output line that starts with `::` (after any whitespace) as a workflow
 * command, and any line that holds `##[` as a legacy one; `core.info` and the CLI write text
 * verbatim, and text from a pull request (file names, error text) must not be able to issue
 * commands. A zero-width space before the command's last prefix character breaks the prefix and
 * leaves the text readable: the runner cuts the command name at a fixed offset after the prefix, so
 * even a search that skips the space (ICU's) then reads a name that starts with `:` or `[`.
 */
function text_inertCommands(text) {
    return text.replace(LINE_START_COMMAND, `$1${BREAK}`).replace(LEGACY_COMMAND, `$1${BREAK}`);
}
/**
 * JSON text with the same data as `JSON.stringify(value, null, 2)` and no workflow command in it, so
 * `inertCommands` leaves it as it is: `[` after `##` and the line separators U+2028/2029 (only ever
 * inside strings) are written as `\u` escapes.
 */
function inertJson(value) {
    return `${JSON.stringify(value, null, 2)}\n`.replace(/(?<=##)\[|[\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
/**
 * A stream whose output is `inertCommands` of everything written to it, however the text is split
 * into writes: the end of each write that a later one could complete into a command (the `#`s, or a
 * line so far made only of leading space and one `:`) is kept as context for the next write; what was
 * written is never taken back.
 */
function inertWriter(stream) {
    // What was last written that a following write could complete; `midLine` when it is not a line start.
    let context = '';
    let midLine = false;
    return {
        write(text) {
            // A character that is not space stands for the rest of a line already begun.
            const prefix = `${midLine ? 'x' : ''}${context}`;
            const inert = text_inertCommands(prefix + text);
            const result = stream.write(inert.slice(prefix.length));
            const lastBreak = Math.max(...['\n', '\r', '\u2028', '\u2029'].map((c) => inert.lastIndexOf(c)));
            const line = lastBreak >= 0 ? inert.slice(lastBreak + 1) : inert;
            const startsLine = lastBreak >= 0 || !midLine;
            if (startsLine && PENDING_LINE_START.test(line)) {
                context = line;
                midLine = false;
            }
            else {
                context = /#{0,2}$/.exec(inert)?.[0] ?? '';
                midLine = true;
            }
            return result;
        },
    };
}

;// CONCATENATED MODULE: ./packages/github/src/actions-logger.ts



/** A Logger over workflow commands: warnings and errors become annotations on the file and line. */
function actions_logger_actionsLogger(actions = core) {
    // The runner cannot nest groups (a second ::group:: silently closes the first), so inner
    // groups become a plain heading inside the outer one.
    let depth = 0;
    return {
        debug: (message) => actions.debug(message),
        info: (message) => actions.info(inertCommands(message)),
        warning: (message, location) => actions.warning(actions_logger_annotationMessage(message, location), actions_logger_annotationFor(location)),
        error: (message, location) => actions.error(actions_logger_annotationMessage(message, location), actions_logger_annotationFor(location)),
        async group(name, fn) {
            if (depth > 0) {
                actions.info(inertCommands(`▸ ${name}`));
                return fn();
            }
            depth++;
            actions.startGroup(name);
            try {
                return await fn();
            }
            finally {
                actions.endGroup();
                depth--;
            }
        },
    };
}
/** Annotation properties for a location, carrying only what is known. */
function actions_logger_annotationFor(location = {}) {
    const properties = {};
    if (location.file)
        properties.file = location.file;
    if (location.line !== undefined)
        properties.startLine = location.line;
    if (location.column !== undefined)
        properties.startColumn = location.column;
    return properties;
}
/**
 * The one-line annotation text. File and line also travel as properties (for the annotation on the
 * diff), but the raw log shows only the message, so it says where too.
 */
function actions_logger_annotationMessage(message, location = {}) {
    return oneLine(formatLocated(message, location));
}

;// CONCATENATED MODULE: ./packages/github/src/console-logger.ts


/**
 * The CLI's Logger: plain lines, `file:line:col: message` locations like a compiler's. The CLI may
 * itself run in a workflow step, where the runner reads both streams for workflow commands.
 */
function consoleLogger({ stream = process.stderr, verbose = false } = {}) {
    const write = (line) => stream.write(`${text_inertCommands(line)}\n`);
    const located = (prefix, message, location = {}) => write(`${prefix}: ${(0,src/* formatLocated */.CcZ)(message, location)}`);
    return {
        debug: (message) => {
            if (verbose)
                write(`debug: ${message}`);
        },
        info: (message) => write(message),
        warning: (message, location) => located('warning', message, location),
        error: (message, location) => located('error', message, location),
        async group(name, fn) {
            write(`▸ ${name}`);
            return fn();
        },
    };
}

;// CONCATENATED MODULE: ./packages/github/src/memory-logger.ts
/** A Logger that records everything it is told, for tests. */
function memoryLogger() {
    const entries = [];
    const record = (level, message, location) => {
        entries.push(location ? { level, message, location } : { level, message });
    };
    return {
        entries,
        lines: () => entries.map((e) => `${e.level}: ${e.message}`),
        debug: (message) => record('debug', message),
        info: (message) => record('info', message),
        warning: (message, location) => record('warning', message, location),
        error: (message, location) => record('error', message, location),
        async group(name, fn) {
            record('group', name);
            try {
                return await fn();
            }
            finally {
                record('endgroup', name);
            }
        },
    };
}

;// CONCATENATED MODULE: ./packages/github/src/run-action.ts




/**
 * Runs an action's main and turns its failure into what a workflow author can act on: a problem
 * they can fix is one `::error` annotation (on the file and line when known); anything else is
 * reported as a bug in mlgate, with the stack in the debug log. Returns the process exit code,
 * so the entry point is `process.exitCode = await runAction(main)`.
 */
async function runAction(main, deps = {}) {
    const actions = deps.core ?? core;
    const logger = deps.logger ?? actionsLogger(actions);
    try {
        await main({ logger });
        return 0;
    }
    catch (error) {
        const userError = isUserError(error) ? error : apiRefusal(error);
        if (userError) {
            actions.error(annotationMessage(userError.message, userError.location), annotationFor(userError.location));
        }
        else {
            const message = oneLine(describe(error)).replace(/\.+$/, '');
            actions.error(`mlgate internal error: ${message}. This is a bug in mlgate — please report it with the log.`);
        }
        for (const trace of stacks(error))
            actions.debug(trace);
        return 1;
    }
}
/**
 * GitHub refusing a request for lack of access is the workflow's to fix (token, `permissions:`),
 * not a bug; say which call was refused and why.
 */
function apiRefusal(error) {
    const { status, request, message } = (error ?? {});
    if ((status !== 401 && status !== 403) || !request?.url)
        return undefined;
    const reason = typeof message === 'string' && message ? oneLine(message) : 'no reason given';
    const route = `${request.method ?? 'GET'} ${pathOf(request.url)}`;
    return new UserError(`GitHub API refused ${route} (HTTP ${status}: ${reason}); check the token and the workflow's permissions`);
}
function pathOf(url) {
    try {
        return new URL(url).pathname;
    }
    catch {
        return url;
    }
}
function describe(error) {
    if (error instanceof Error)
        return error.message || error.name;
    if (typeof error === 'string')
        return error;
    try {
        return JSON.stringify(error) ?? String(error);
    }
    catch {
        return String(error);
    }
}
function stacks(error) {
    const traces = [];
    const seen = new Set();
    for (let current = error; current instanceof Error && !seen.has(current); current = current.cause) {
        seen.add(current);
        if (current.stack)
            traces.push(traces.length === 0 ? current.stack : `Caused by: ${current.stack}`);
    }
    return traces;
}

;// CONCATENATED MODULE: ./packages/github/src/inputs.ts


const actionInput = (name) => core.getInput(name);
function read(name, source) {
    return source(name).trim();
}
function invalid(name, expected, got) {
    return new UserError(`input "${name}": expected ${expected}, got ${JSON.stringify(got)}`);
}
function requiredInput(name, source = actionInput) {
    const value = read(name, source);
    if (value === '')
        throw new UserError(`input "${name}" is required but was not set`);
    return value;
}
/** An unset or empty input is `undefined`, so callers cannot mistake '' for a value. */
function optionalInput(name, source = actionInput) {
    const value = read(name, source);
    return value === '' ? undefined : value;
}
// The YAML 1.2 core-schema spellings, as @actions/core's getBooleanInput accepts.
const TRUE = new Set(['true', 'True', 'TRUE']);
const FALSE = new Set(['false', 'False', 'FALSE']);
function booleanInput(name, fallback, source = actionInput) {
    const value = read(name, source);
    if (value === '')
        return fallback;
    if (TRUE.has(value))
        return true;
    if (FALSE.has(value))
        return false;
    throw invalid(name, 'true or false', value);
}
function intInput(name, options = {}, source = actionInput) {
    const { min, max } = options;
    const value = read(name, source);
    if (value === '')
        return options.default;
    const expected = min !== undefined && max !== undefined
        ? `an integer from ${min} to ${max}`
        : min !== undefined
            ? `an integer of at least ${min}`
            : max !== undefined
                ? `an integer of at most ${max}`
                : 'an integer';
    const parsed = /^[+-]?\d+$/.test(value) ? Number(value) : NaN;
    if (!Number.isSafeInteger(parsed))
        throw invalid(name, expected, value);
    if ((min !== undefined && parsed < min) || (max !== undefined && parsed > max))
        throw invalid(name, expected, value);
    return parsed;
}
/** One of `values`, or `fallback` when the input is empty (`undefined` for an optional input). */
function enumInput(name, values, fallback, source = actionInput) {
    const value = read(name, source);
    if (value === '')
        return fallback;
    if (values.includes(value))
        return value;
    throw invalid(name, `one of ${values.join(', ')}`, value);
}
/** Newline- or comma-separated values, trimmed, empties dropped. */
function listInput(name, source = actionInput) {
    return read(name, source)
        .split(/[\n,]/)
        .map((item) => item.trim())
        .filter((item) => item !== '');
}
/**
 * Fails when a workflow still sets an input a new major version renamed: silently ignoring it
 * would run with the default instead of what the author asked for.
 */
function renamedInput(oldName, newName, source = actionInput) {
    if (read(oldName, source) !== '') {
        throw new UserError(`input "${oldName}" was renamed to "${newName}": rename it in the workflow's \`with:\``);
    }
}

// EXTERNAL MODULE: ./node_modules/.pnpm/@actions+github@9.1.1/node_modules/@actions/github/lib/github.js
var github = __webpack_require__(99280);
;// CONCATENATED MODULE: ./packages/github/src/octokit/client.ts





const realClock = {
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    now: () => Date.now(),
};
/** Thrown when GitHub still refuses a request for rate limiting after every allowed retry. */
class RateLimitExceededError extends src/* UserError */.yot {
    constructor(message, cause) {
        super(message);
        this.name = 'RateLimitExceededError';
        this.cause = cause;
    }
}
function createOctokit(options, clock = realClock) {
    const { token, logger, maxRetries = 3, userAgent = 'mlgate' } = options;
    const baseUrl = (options.baseUrl ?? process.env.GITHUB_API_URL ?? 'https://api.github.com').replace(/\/+$/, '');
    if (!Number.isInteger(maxRetries) || maxRetries < 0)
        throw new RangeError(`maxRetries must be >= 0, got ${maxRetries}`);
    if (token.trim() === '')
        throw new UserError('no GitHub token: pass the `token` input (usually `${{ github.token }}`)');
    const policy = rateLimitPolicy({ logger, maxRetries, clock, basePath: new URL(baseUrl).pathname });
    const octokitOptions = {
        baseUrl,
        userAgent,
        log: {
            debug: (message) => logger.debug(message),
            info: (message) => logger.debug(message),
            warn: (message) => logger.warning(message),
            error: (message) => logger.error(message),
        },
        throttle: {
            onRateLimit: policy.onLimit('primary'),
            onSecondaryRateLimit: policy.onLimit('secondary'),
            // The plugin derives its own delay (it ignores retry-after on primary limits and the reset
            // header on secondary ones); ours is applied in the handler, so the plugin must add nothing.
            retryAfterBaseValue: 0,
        },
        retry: {
            retries: maxRetries,
            // 429 is a rate limit: the throttling handlers own it, with the right wait and the same budget.
            doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451],
        },
    };
    // Hook order is plugin order, innermost first: the refusal is recorded before the throttling
    // plugin asks the handlers, and the give-up error is raised after every retry layer has passed.
    return getOctokit(token, octokitOptions, policy.recordRefusals, throttling, retry, policy.reportExhaustion);
}
function rateLimitPolicy(config) {
    const { logger, maxRetries, clock, basePath } = config;
    // Keyed by the request's options object, which every hook and the throttling handlers share.
    const refusals = new WeakMap();
    const exhausted = new WeakSet();
    const routeOf = (error, options) => {
        const url = error.request?.url;
        let path = options.url ?? '';
        if (url) {
            path = new URL(url).pathname;
            if (basePath !== '/' && path.startsWith(basePath))
                path = path.slice(basePath.length);
        }
        return `${options.method ?? 'GET'} ${path}`;
    };
    const recordRefusals = (octokit) => {
        octokit.hook.error('request', (error, options) => {
            const headers = error.response?.headers ?? {};
            refusals.set(options, { headers, route: routeOf(error, options) });
            throw error;
        });
    };
    const reportExhaustion = (octokit) => {
        octokit.hook.error('request', (error, options) => {
            if (!exhausted.has(options))
                throw error;
            const route = refusals.get(options)?.route ?? routeOf(error, options);
            throw new RateLimitExceededError(`GitHub API rate limit exceeded for ${route}: gave up after ${maxRetries} ${maxRetries === 1 ? 'retry' : 'retries'}`, error);
        });
    };
    const onLimit = (kind) => async (_pluginRetryAfter, options, _octokit, retryCount) => {
        if (retryCount >= maxRetries) {
            exhausted.add(options);
            return false;
        }
        const refusal = refusals.get(options);
        const wait = rateLimitWait(refusal?.headers ?? {}, clock.now());
        logger.info(`GitHub API ${kind} rate limit hit for ${refusal?.route ?? 'a request'}: waiting ${wait.seconds} s ` +
            `(${describeBasis(wait)}), then retry ${retryCount + 1} of ${maxRetries}`);
        await clock.sleep(wait.seconds * 1000);
        return true;
    };
    return { recordRefusals, reportExhaustion, onLimit };
}
function describeBasis({ basis }) {
    switch (basis) {
        case 'retry-after':
            return 'from retry-after';
        case 'x-ratelimit-reset':
            return 'until x-ratelimit-reset';
        case 'fallback':
            return 'no usable retry-after or x-ratelimit-reset header';
    }
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(73136);
;// CONCATENATED MODULE: ./packages/github/src/list-folder.ts

/** The names in a folder; none when the folder does not exist yet (a local store before its first write). */
async function listFolder(dir) {
    try {
        return await (0,promises_.readdir)(dir);
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return [];
        throw error;
    }
}

;// CONCATENATED MODULE: ./packages/github/src/comments/local-store.ts






const SCHEMA = 'mlgate/comment@1';
const COMMENT_FILE = /^(\d+)\.json$/;
/**
 * Comments as one JSON file each (`<dir>/<id>.json`), for the CLI and the demo. Writes are atomic:
 * a reader never sees half a comment, and two writers never get the same id.
 */
class LocalCommentStore {
    dir;
    options;
    constructor(dir, options = {}) {
        this.dir = dir;
        this.options = options;
    }
    async list(issue) {
        const all = await Promise.all((await this.ids()).map((id) => this.readIfPresent(id)));
        // A comment deleted between readdir and read is simply gone.
        return all.filter((c) => c?.issue === issue).map((c) => this.toComment(c));
    }
    async create(issue, body) {
        await (0,promises_.mkdir)(this.dir, { recursive: true });
        const ids = await this.ids();
        let id = (ids.at(-1) ?? 0) + 1;
        const stored = {
            schema: SCHEMA,
            id,
            issue,
            body,
            author: this.options.author ?? 'mlgate',
            createdAt: new Date().toISOString(),
        };
        const temp = await this.writeTemp(stored);
        try {
            // link() refuses an existing name, so a racing writer that took this id makes us take the next.
            for (;;) {
                try {
                    await (0,promises_.link)(temp, this.file(id));
                    break;
                }
                catch (error) {
                    if (error.code !== 'EEXIST')
                        throw error;
                    stored.id = ++id;
                    await (0,promises_.writeFile)(temp, serialize(stored));
                }
            }
        }
        finally {
            await (0,promises_.rm)(temp, { force: true });
        }
        return this.toComment(stored);
    }
    async update(id, body) {
        const stored = { ...(await this.read(id)), body };
        await (0,promises_.rename)(await this.writeTemp(stored), this.file(id));
        return this.toComment(stored);
    }
    async delete(id) {
        await (0,promises_.rm)(this.file(id), { force: true });
    }
    file(id) {
        return (0,external_node_path_.join)(this.dir, `${id}.json`);
    }
    async ids() {
        return (await listFolder(this.dir))
            .map((name) => COMMENT_FILE.exec(name)?.[1])
            .filter((id) => id !== undefined)
            .map(Number)
            .sort((a, b) => a - b);
    }
    async read(id) {
        const stored = await this.readIfPresent(id);
        if (!stored)
            throw new src/* UserError */.yot(`comment ${id} does not exist`, { file: this.file(id) });
        return stored;
    }
    async readIfPresent(id) {
        const file = this.file(id);
        let text;
        try {
            text = await (0,promises_.readFile)(file, 'utf8');
        }
        catch (error) {
            if (error.code === 'ENOENT')
                return undefined;
            throw error;
        }
        let parsed;
        try {
            parsed = JSON.parse(text);
        }
        catch (error) {
            throw new src/* UserError */.yot(`not valid JSON: ${error.message}`, { file });
        }
        if (parsed.schema !== SCHEMA ||
            parsed.id !== id ||
            typeof parsed.issue !== 'number' ||
            typeof parsed.body !== 'string' ||
            typeof parsed.author !== 'string') {
            throw new src/* UserError */.yot(`not a ${SCHEMA} file for comment ${id}`, { file });
        }
        return parsed;
    }
    async writeTemp(stored) {
        await (0,promises_.mkdir)(this.dir, { recursive: true });
        const temp = (0,external_node_path_.join)(this.dir, `.${stored.id}.${process.pid}.${(0,external_node_crypto_.randomBytes)(6).toString('hex')}.tmp`);
        await (0,promises_.writeFile)(temp, serialize(stored));
        return temp;
    }
    toComment({ id, body, author, createdAt }) {
        const comment = { id, body, author, url: (0,external_node_url_.pathToFileURL)(this.file(id)).href };
        if (createdAt)
            comment.createdAt = createdAt;
        return comment;
    }
}
function serialize(stored) {
    return `${JSON.stringify(stored, null, 2)}\n`;
}

;// CONCATENATED MODULE: ./packages/github/src/comments/sticky.ts
/**
 * The hidden HTML comment that identifies one sticky comment. The id is reduced to characters that
 * cannot end the HTML comment early (`--`, `>`), so a hostile id cannot unhide text.
 */
function stickyMarker(id) {
    const safe = id
        .replace(/[^A-Za-z0-9._:/-]+/g, '-')
        .replace(/-{2,}/g, '-')
        .replace(/^-|-$/g, '')
        .slice(0, 100);
    if (safe === '')
        throw new TypeError(`sticky comment id ${JSON.stringify(id)} has no usable characters`);
    return `<!-- mlgate:report:${safe} -->`;
}
/** GitHub refuses a comment body longer than this (422). */
const MAX_COMMENT_CHARS = 65_536;
/** Times a run re-reads after writing to see whether a racing older run overwrote its newer report. */
const VERIFY_ATTEMPTS = 3;
/**
 * Creates, updates or leaves alone the one comment on `issue` that starts with `marker` and was
 * written by `author`. Comments by anyone else are never touched, nor ours that merely quote the
 * marker further down. Duplicates from racing runs converge: the oldest comment survives (its link
 * stays valid) holding the newest report (the highest revision), and the others are deleted. An older
 * run never overwrites a newer run's report; a newer run that finds its report overwritten by a racing
 * older one writes it again.
 */
async function upsertStickyComment(store, sticky) {
    const { issue, marker, author } = sticky;
    if (!/^<!--.*-->$/s.test(marker))
        throw new TypeError(`sticky marker must be an HTML comment, got ${JSON.stringify(marker)}`);
    const body = compose(sticky);
    if (body.length > MAX_COMMENT_CHARS) {
        throw new TypeError(`sticky comment body has ${body.length} characters, more than GitHub's ${MAX_COMMENT_CHARS}`);
    }
    const mine = { body, revision: sticky.revision };
    let ours = await findOurs(store, issue, marker, author);
    let action;
    if (ours.length === 0) {
        const created = await store.create(issue, body);
        // Runs that both found nothing have both created; re-reading lets every such run settle on the
        // same comment instead of leaving duplicates until the next report.
        ours = await findOurs(store, issue, marker, author);
        if (!ours.some((c) => c.id === created.id))
            ours = [...ours, created].sort((a, b) => a.id - b.id);
        action = 'created';
    }
    else {
        action = 'updated';
    }
    let result = await settle(store, ours, marker, mine, action);
    for (let attempt = 1; attempt < VERIFY_ATTEMPTS && mine.revision !== undefined; attempt++) {
        if (result.action === 'stale' || result.action === 'unchanged')
            break;
        // No compare-and-swap exists for comments: read back, and write again if an older run won the race.
        const now = await findOurs(store, issue, marker, author);
        const current = now[0];
        if (!current || (revisionOf(current.body, marker) ?? -1) >= mine.revision)
            break;
        const again = await settle(store, now, marker, mine, action);
        result = { ...again, deleted: [...result.deleted, ...again.deleted] };
    }
    return result;
}
/**
 * Puts the newest report among `ours` and `mine` in the oldest of `ours` and deletes the rest. `action`
 * is what writing `mine` is called ('created' when this run made one of `ours`).
 */
async function settle(store, ours, marker, mine, action) {
    const keep = ours[0];
    const newer = ours
        .map((c) => ({ comment: c, revision: revisionOf(c.body, marker) }))
        .filter(({ revision }) => mine.revision !== undefined && revision !== undefined && revision > mine.revision)
        .sort((a, b) => b.revision - a.revision)[0];
    const body = newer ? newer.comment.body : mine.body;
    let comment = keep;
    if (keep.body !== body)
        comment = await store.update(keep.id, body);
    const deleted = await deleteAllBut(store, ours, keep);
    const outcome = newer ? 'stale' : keep.body === body && action !== 'created' ? 'unchanged' : action;
    return { action: outcome, comment, deleted };
}
/** Ours, oldest first: GitHub assigns increasing ids, which order comments more finely than timestamps. */
async function findOurs(store, issue, marker, author) {
    const login = author.toLowerCase();
    const comments = await store.list(issue);
    return comments
        .filter((c) => c.author.toLowerCase() === login && c.body.startsWith(`${marker}\n`))
        .sort((a, b) => a.id - b.id);
}
async function deleteAllBut(store, comments, keep) {
    const stale = comments.filter((c) => c.id !== keep.id).map((c) => c.id);
    for (const id of stale)
        await store.delete(id);
    return stale;
}
/**
 * The marker family (`mlgate:report:…`, `mlgate:revision:…`) anywhere in a body, in any case: a name
 * shown in a code span carries it literally, and a body must not pose as another sticky comment.
 */
const MARKER_TEXT = /mlgate(?=:(?:report|revision):)/gi;
function compose({ marker, body, revision }) {
    if (revision !== undefined && (!Number.isSafeInteger(revision) || revision < 0)) {
        throw new TypeError(`sticky comment revision must be a non-negative integer, got ${revision}`);
    }
    const header = revision === undefined ? marker : `${marker}\n<!-- mlgate:revision:${revision} -->`;
    // A zero-width space keeps the text as it reads while no longer matching any marker.
    return `${header}\n${body.replace(MARKER_TEXT, '$&\u200b')}`;
}
/** Read only from the header we wrote, so report text can never pose as a revision. */
function revisionOf(body, marker) {
    if (!body.startsWith(`${marker}\n`))
        return undefined;
    const match = /^<!-- mlgate:revision:(\d+) -->\n/.exec(body.slice(marker.length + 1));
    return match?.[1] === undefined ? undefined : Number(match[1]);
}

;// CONCATENATED MODULE: ./packages/github/src/checks/report-check-runs.ts

const WORDS = { pass: 'passed', warn: 'passed with warnings', fail: 'failed', skipped: 'skipped' };
/**
 * One check run per model in the report (`mlgate / <model>`; `mlgate` for a report about data only),
 * concluded from that model's part of the verdict, with that part as its summary and the failing
 * data rows as annotations, so branch protection can require each model's check.
 */
function reportCheckRuns(report, options) {
    const models = (report.comparisons ?? []).map((section) => section.model);
    const parts = models.length > 0
        ? models.map((model) => ({ name: `mlgate / ${model}`, report: reportForModel(report, model), model }))
        : [{ name: 'mlgate', report, model: undefined }];
    const annotations = dataRowAnnotations(report);
    return parts.map(({ name, report: part, model }) => ({
        name,
        headSha: options.headSha,
        conclusion: checkConclusion(part.verdict.status),
        title: `${model ?? 'mlgate'}: ${WORDS[part.verdict.status]}`,
        summary: renderReportMarkdown(part, {
            title: name,
            maxBytes: options.maxBytes,
            ...(options.runUrl && { runUrl: options.runUrl }),
        }),
        annotations,
        externalId: options.runId,
        ...(options.runUrl && { detailsUrl: options.runUrl }),
    }));
}
/** As many as one request carries: enough to find the pattern in the diff; the report lists the rest. */
const MAX_ANNOTATIONS = 50;
function dataRowAnnotations(report) {
    return (report.validations ?? [])
        .filter((section) => hasAnnotatableLines(section.dataset))
        .flatMap((section) => rowAnnotations(section, section.dataset).annotations)
        .map(({ level, message, location }) => ({
        path: location.file ?? '',
        line: location.line ?? 1,
        level: level === 'error' ? 'failure' : 'warning',
        message,
    }))
        .slice(0, MAX_ANNOTATIONS);
}

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(57075);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(46466);
// EXTERNAL MODULE: ./node_modules/.pnpm/yauzl@3.4.0/node_modules/yauzl/index.js
var node_modules_yauzl = __webpack_require__(67198);
;// CONCATENATED MODULE: ./packages/github/src/artifacts/extract-zip.ts






const extract_zip_DEFAULT_EXTRACT_LIMITS = {
    maxEntries: 10_000,
    maxEntryBytes: 1024 ** 3,
    maxTotalBytes: 2 * 1024 ** 3,
};
/** The archive is not a readable zip, or unpacking it would be unsafe. The message says which entry and why. */
class extract_zip_UnsafeArchiveError extends Error {
    constructor(message) {
        super(message);
        this.name = 'UnsafeArchiveError';
    }
}
// Unix file types from the high 16 bits of the external attributes (when the archive was made on Unix).
const MADE_ON_UNIX = 3;
const FILE_TYPE_MASK = 0o170000;
const REGULAR_FILE = 0o100000;
const DIRECTORY = 0o040000;
/**
 * Unpacks `zip` into the existing, empty directory `dest`. Refuses, before writing anything for the entry
 * concerned: names that are absolute or climb out with `..` (yauzl rejects those as it reads the central
 * directory), links and other non-regular files, encrypted entries, compression other than stored/deflate,
 * more entries than allowed, and files whose declared or actual size passes the caps. Actual sizes are counted
 * while inflating, so an entry that declares a few bytes and inflates to gigabytes is stopped at the cap.
 */
async function extract_zip_extractZip(zip, dest, limits = extract_zip_DEFAULT_EXTRACT_LIMITS) {
    const root = resolve(dest);
    let archive;
    try {
        archive = await yauzl.fromBufferPromise(zip, { validateEntrySizes: true, strictFileNames: false });
    }
    catch (error) {
        throw new extract_zip_UnsafeArchiveError(`not a readable zip archive: ${messageOf(error)}`);
    }
    try {
        if (archive.entryCount > limits.maxEntries) {
            throw new extract_zip_UnsafeArchiveError(`${archive.entryCount} entries, more than the ${limits.maxEntries} allowed`);
        }
        let total = 0;
        for await (const entry of eachEntry(archive)) {
            const target = targetPath(root, entry.fileName);
            if (entry.fileName.endsWith('/')) {
                checkType(entry, DIRECTORY);
                await makeFolder(target, entry);
                continue;
            }
            checkType(entry, REGULAR_FILE);
            checkDecodable(entry);
            if (entry.uncompressedSize > limits.maxEntryBytes) {
                throw new extract_zip_UnsafeArchiveError(`entry "${entry.fileName}" declares ${entry.uncompressedSize} bytes, more than the ${limits.maxEntryBytes} allowed`);
            }
            const budget = Math.min(limits.maxEntryBytes, limits.maxTotalBytes - total);
            await makeFolder(dirname(target), entry);
            total += await writeEntry(archive, entry, target, budget, limits);
        }
    }
    finally {
        archive.close();
    }
}
async function* eachEntry(archive) {
    const entries = archive.eachEntry();
    for (;;) {
        let next;
        try {
            next = await entries.next();
        }
        catch (error) {
            throw new extract_zip_UnsafeArchiveError(messageOf(error));
        }
        if (next.done)
            return;
        yield next.value;
    }
}
/** Where `name` lands under `root`; a second guard behind yauzl's name checks, which must never be the only one. */
function targetPath(root, name) {
    if (name === '' || name.includes('\0'))
        throw new extract_zip_UnsafeArchiveError(`entry name ${JSON.stringify(name)} is invalid`);
    const target = resolve(root, name);
    const inside = relative(root, target);
    if (inside === '' || isAbsolute(inside) || inside === '..' || inside.startsWith(`..${sep}`)) {
        throw new extract_zip_UnsafeArchiveError(`entry "${name}" would be written outside the extraction folder`);
    }
    return join(root, inside);
}
async function makeFolder(path, entry) {
    try {
        await mkdir(path, { recursive: true });
    }
    catch (error) {
        // A file entry earlier in the archive took the name this folder needs.
        throw new extract_zip_UnsafeArchiveError(`entry "${entry.fileName}" clashes with another entry: ${messageOf(error)}`);
    }
}
function checkType(entry, expected) {
    if (entry.versionMadeBy >> 8 !== MADE_ON_UNIX)
        return;
    const type = (entry.externalFileAttributes >>> 16) & FILE_TYPE_MASK;
    // 0 means the archiver recorded no type; the name already says file or folder.
    if (type === 0 || type === expected)
        return;
    const kind = type === 0o120000 ? 'a symbolic link' : type === DIRECTORY ? 'a folder' : 'not a regular file';
    throw new extract_zip_UnsafeArchiveError(`entry "${entry.fileName}" is ${kind}`);
}
function checkDecodable(entry) {
    if (entry.isEncrypted())
        throw new extract_zip_UnsafeArchiveError(`entry "${entry.fileName}" is encrypted`);
    if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
        throw new extract_zip_UnsafeArchiveError(`entry "${entry.fileName}" uses compression method ${entry.compressionMethod} (only stored and deflate are supported)`);
    }
}
/** Streams one entry to `target` (which must not exist yet), stopping past `budget` bytes. Returns the bytes written. */
async function writeEntry(archive, entry, target, budget, limits) {
    let written = 0;
    const counter = new Transform({
        transform(chunk, _encoding, done) {
            written += chunk.length;
            if (written > budget) {
                const cap = budget < limits.maxEntryBytes
                    ? `the archive's total passes the ${limits.maxTotalBytes} bytes allowed`
                    : `it passes the ${limits.maxEntryBytes} bytes allowed per file`;
                done(new extract_zip_UnsafeArchiveError(`entry "${entry.fileName}" inflates beyond its limit: ${cap}`));
                return;
            }
            done(null, chunk);
        },
    });
    try {
        const stream = await archive.openReadStreamPromise(entry);
        // `wx`: a second entry with the same name is refused instead of overwriting the first.
        await pipeline(stream, counter, createWriteStream(target, { flags: 'wx' }));
    }
    catch (error) {
        if (error instanceof extract_zip_UnsafeArchiveError)
            throw error;
        if (error.code === 'EEXIST') {
            throw new extract_zip_UnsafeArchiveError(`entry "${entry.fileName}" appears more than once`);
        }
        throw new extract_zip_UnsafeArchiveError(`entry "${entry.fileName}" cannot be read: ${messageOf(error)}`);
    }
    return written;
}
function messageOf(error) {
    return error instanceof Error ? error.message : String(error);
}

;// CONCATENATED MODULE: ./packages/github/src/artifacts/github-store.ts





/**
 * This run's uploads through `@actions/artifact` (the runner's results service), and artifacts of earlier runs of a
 * workflow through the Actions REST API. Downloads are unpacked into a fresh
 * temporary folder with the caps and path checks of `extractZip`: another run's artifact is untrusted input.
 */
class GitHubRunArtifactStore {
    octokit;
    repo;
    options;
    maxRuns;
    maxArchiveBytes;
    constructor(octokit, repo, options = {}) {
        this.octokit = octokit;
        this.repo = repo;
        this.options = options;
        this.maxRuns = options.maxRuns ?? 10;
        this.maxArchiveBytes = options.maxArchiveBytes ?? 1024 ** 3;
    }
    async findLatest(query) {
        const { workflow, branch, name } = query;
        const runs = await this.successfulRuns(workflow, branch);
        if (runs === 'unknown workflow') {
            return {
                found: false,
                reason: `workflow ${workflow} has no runs in ${this.fullName} yet (if it has run before, check its name)`,
            };
        }
        const candidates = trustedRuns(runs, this.fullName);
        if (candidates.length === 0) {
            return { found: false, reason: `no successful run of ${workflow} on branch ${branch} yet` };
        }
        const skipped = [];
        for (const run of candidates.slice(0, this.maxRuns)) {
            const lookup = await this.lookup(run.id, name);
            if (lookup.state === 'live')
                return { found: true, run: toRun(run) };
            skipped.push(`run ${run.id} (${lookup.state})`);
            this.options.logger?.info(`Run ${run.id} on ${branch} has no usable artifact "${name}" (${lookup.state}).`);
        }
        return {
            found: false,
            reason: `none of the ${skipped.length} latest successful runs of ${workflow} on branch ${branch} ` +
                `holds a usable artifact "${name}": ${skipped.join(', ')}`,
        };
    }
    async upload(name, files, root) {
        let result;
        try {
            // Loaded on first use: the client and the Azure SDK it brings are large, and most runs only download.
            const { DefaultArtifactClient } = await Promise.all(/* import() */[__webpack_require__.e(164), __webpack_require__.e(659)]).then(__webpack_require__.bind(__webpack_require__, 11659));
            result = await new DefaultArtifactClient().uploadArtifact(name, files.map((file) => resolve(root, file)), resolve(root), this.options.retentionDays === undefined ? {} : { retentionDays: this.options.retentionDays });
        }
        catch (error) {
            throw new UserError(`artifact "${name}" could not be uploaded: ${error instanceof Error ? error.message : String(error)}`);
        }
        if (result.id === undefined || result.digest === undefined) {
            throw new UserError(`artifact "${name}" was uploaded but the service did not confirm it (no id or digest)`);
        }
        return { id: result.id, name, size: result.size ?? 0, digest: `sha256:${result.digest}` };
    }
    async download(name, runId) {
        const what = `artifact "${name}" of run ${runId}`;
        const lookup = await this.lookup(runId, name);
        if (lookup.state !== 'live')
            throw new UserError(`${what} cannot be downloaded: it is ${lookup.state}`);
        const zip = await this.fetchZip(lookup.artifact, what);
        const dir = await mkdtemp(join(this.options.tempRoot ?? process.env.RUNNER_TEMP ?? tmpdir(), 'mlgate-artifact-'));
        try {
            await extractZip(zip, dir, this.options.limits ?? DEFAULT_EXTRACT_LIMITS);
        }
        catch (error) {
            await rm(dir, { recursive: true, force: true });
            if (error instanceof UnsafeArchiveError)
                throw new UserError(`${what} cannot be unpacked: ${error.message}`);
            throw error;
        }
        return dir;
    }
    get fullName() {
        return `${this.repo.owner}/${this.repo.repo}`;
    }
    /**
     * Newest first, one page: enough runs to find a baseline, bounded so a broken history cannot cost more.
     * GitHub only knows a workflow once it has run, so an unknown one is a first run (or a misspelt name).
     */
    async successfulRuns(workflow, branch) {
        try {
            const { data } = await this.octokit.rest.actions.listWorkflowRuns({
                ...this.repo,
                workflow_id: /^\d+$/.test(workflow) ? Number(workflow) : workflow,
                branch,
                status: 'success',
                exclude_pull_requests: true,
                per_page: 100,
            });
            return data.workflow_runs;
        }
        catch (error) {
            if (statusOf(error) === 404)
                return 'unknown workflow';
            throw error;
        }
    }
    async lookup(runId, name) {
        const { data } = await this.octokit.rest.actions.listWorkflowRunArtifacts({
            ...this.repo,
            run_id: runId,
            name,
            per_page: 100,
        });
        const named = data.artifacts.filter((a) => a.name === name);
        const live = named.find((a) => !a.expired);
        if (live)
            return { state: 'live', artifact: live };
        return { state: named.length > 0 ? 'expired' : 'missing' };
    }
    async fetchZip(artifact, what) {
        const tooLarge = (bytes) => new UserError(`${what} is ${bytes} bytes, more than the ${this.maxArchiveBytes} allowed`);
        if (artifact.size_in_bytes > this.maxArchiveBytes)
            throw tooLarge(artifact.size_in_bytes);
        let data;
        try {
            // GitHub answers 302 to a short-lived storage URL; fetch follows it (dropping the token cross-origin).
            ({ data } = await this.octokit.rest.actions.downloadArtifact({
                ...this.repo,
                artifact_id: artifact.id,
                archive_format: 'zip',
            }));
        }
        catch (error) {
            if (error instanceof UserError)
                throw error;
            if (statusOf(error) === 410)
                throw new UserError(`${what} expired before it could be downloaded`);
            throw new UserError(`${what} could not be downloaded: ${error instanceof Error ? error.message : String(error)}`);
        }
        if (!(data instanceof ArrayBuffer))
            throw new UserError(`${what} did not download as a zip archive`);
        if (data.byteLength > this.maxArchiveBytes)
            throw tooLarge(data.byteLength);
        return Buffer.from(data);
    }
}
/**
 * Runs whose code this repository's own history produced. A fork's pull request can be named `main` too, and its
 * runs then carry `head_branch: main`: they must never become the baseline.
 */
function trustedRuns(runs, fullName) {
    const ours = runs.filter((run) => run.head_repository?.full_name.toLowerCase() === fullName.toLowerCase() && !run.event.startsWith('pull_request'));
    // Pushes are what landed on the branch; dispatches and schedules only count when no push qualifies.
    return [...ours.filter((run) => run.event === 'push'), ...ours.filter((run) => run.event !== 'push')];
}
function toRun(run) {
    return { id: run.id, headSha: run.head_sha, branch: run.head_branch ?? '', event: run.event, url: run.html_url };
}
function statusOf(error) {
    return error.status;
}

;// CONCATENATED MODULE: ./packages/github/src/file-digest.ts


/** sha256 and size of a file, streamed: model files and data sets can be larger than memory. */
async function file_digest_fileDigest(path) {
    const hash = (0,external_node_crypto_.createHash)('sha256');
    let size = 0;
    for await (const chunk of (0,external_node_fs_.createReadStream)(path)) {
        hash.update(chunk);
        size += chunk.length;
    }
    return { sha256: hash.digest('hex'), size };
}

;// CONCATENATED MODULE: ./packages/github/src/artifacts/local-store.ts






const RUN_FILE = 'run.json';
const RUN_SCHEMA = 'mlgate/run@1';
/**
 * Run artifacts as folders on disk, for the CLI: `<dir>/<runId>/<name>/…`, each run described by
 * `<dir>/<runId>/run.json` (`{ schema: "mlgate/run@1", workflow, branch, headSha, event, conclusion }`).
 * A higher run id is a newer run. The folders are the user's own, so they are read in place, not copied.
 */
class LocalArtifactStore {
    dir;
    run;
    /** `run` describes the run uploads belong to; each upload is a new run (the next id), marked successful. */
    constructor(dir, run) {
        this.dir = dir;
        this.run = run;
    }
    async upload(name, files, root) {
        if (!this.run)
            throw new Error('LocalArtifactStore: uploads need the run they belong to');
        const id = ((await this.runIds())[0] ?? 0) + 1;
        const folder = (0,external_node_path_.join)(this.dir, String(id), name);
        const listing = [];
        let size = 0;
        for (const file of files) {
            const path = (0,external_node_path_.relative)((0,external_node_path_.resolve)(root), (0,external_node_path_.resolve)(root, file)).split('\\').join('/');
            const digest = await file_digest_fileDigest((0,external_node_path_.resolve)(root, file));
            await (0,promises_.mkdir)((0,external_node_path_.dirname)((0,external_node_path_.join)(folder, path)), { recursive: true });
            await (0,promises_.cp)((0,external_node_path_.resolve)(root, file), (0,external_node_path_.join)(folder, path));
            listing.push(`${path}\0${digest.sha256}\n`);
            size += digest.size;
        }
        const run = { schema: RUN_SCHEMA, ...this.run, conclusion: 'success' };
        await (0,promises_.writeFile)((0,external_node_path_.join)(this.dir, String(id), RUN_FILE), `${JSON.stringify(run, null, 2)}\n`);
        const digest = (0,external_node_crypto_.createHash)('sha256').update(listing.sort().join('')).digest('hex');
        return { id, name, size, digest: `sha256:${digest}` };
    }
    async findLatest(query) {
        const { workflow, branch, name } = query;
        let successes = 0;
        for (const id of await this.runIds()) {
            const run = await this.readRun(id);
            if (!run || run.workflow !== workflow || run.branch !== branch || run.conclusion !== 'success')
                continue;
            successes++;
            if (await isFolder((0,external_node_path_.join)(this.dir, String(id), name))) {
                return { found: true, run: { id, headSha: run.headSha, branch: run.branch, event: run.event } };
            }
        }
        return {
            found: false,
            reason: successes === 0
                ? `no successful run of ${workflow} on branch ${branch} in ${this.dir}`
                : `none of the ${successes} successful runs of ${workflow} on branch ${branch} in ${this.dir} has an artifact "${name}"`,
        };
    }
    async download(name, runId) {
        const folder = (0,external_node_path_.join)(this.dir, String(runId), name);
        if (!(await isFolder(folder)))
            throw new src/* UserError */.yot(`artifact "${name}" of run ${runId} is not a folder`, { file: folder });
        return folder;
    }
    /** Newest first. */
    async runIds() {
        return (await listFolder(this.dir))
            .filter((n) => /^[1-9]\d*$/.test(n))
            .map(Number)
            .sort((a, b) => b - a);
    }
    async readRun(id) {
        const file = (0,external_node_path_.join)(this.dir, String(id), RUN_FILE);
        let text;
        try {
            text = await (0,promises_.readFile)(file, 'utf8');
        }
        catch (error) {
            // A run folder without a description is not a run this store can vouch for.
            if (error.code === 'ENOENT')
                return undefined;
            throw error;
        }
        let parsed;
        try {
            parsed = JSON.parse(text);
        }
        catch (error) {
            throw new src/* UserError */.yot(`run description is not valid JSON: ${error.message}`, { file });
        }
        return checkRunFile(parsed, file);
    }
}
function checkRunFile(value, file) {
    const record = (typeof value === 'object' && value !== null ? value : {});
    if (record.schema !== RUN_SCHEMA)
        throw new src/* UserError */.yot(`expected "schema": "${RUN_SCHEMA}"`, { file, path: 'schema' });
    for (const key of ['workflow', 'branch', 'headSha', 'event', 'conclusion']) {
        if (typeof record[key] !== 'string' || record[key] === '') {
            throw new src/* UserError */.yot(`expected a non-empty string`, { file, path: key });
        }
    }
    return record;
}
async function isFolder(path) {
    try {
        return (await (0,promises_.stat)(path)).isDirectory();
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return false;
        throw error;
    }
}

;// CONCATENATED MODULE: ./packages/github/src/cache/github-store.ts

/**
 * The Actions cache through the real `@actions/cache` client. The client already swallows service trouble (a miss,
 * or -1 from save) but reports it itself as `::warning::` or, for a 5xx, as an `::error::` annotation on a step that
 * then succeeds. While a cache call runs, its annotations are taken off stdout and re-logged as warnings: cache
 * trouble is worth a warning, never a red mark, and this store then knows a miss from an outage.
 */
class GitHubCacheStore {
    root;
    logger;
    constructor(root, logger) {
        this.root = root;
        this.logger = logger;
    }
    async restore(key, paths) {
        const cache = await actionsCache();
        if (!cache.isFeatureAvailable())
            return { hit: false, trouble: 'the Actions cache service is not available here' };
        const { value, trouble } = await this.call(() => cache.restoreCache(this.clientPaths(paths), key));
        if (trouble)
            return { hit: false, trouble };
        // The service also matches keys by prefix: only the exact key is this run's entry.
        return value === key ? { hit: true } : { hit: false };
    }
    async save(key, paths) {
        const cache = await actionsCache();
        if (!cache.isFeatureAvailable())
            return { saved: false, reason: 'the Actions cache service is not available here' };
        const { value, trouble } = await this.call(() => cache.saveCache(this.clientPaths(paths), key));
        if (value !== undefined && value > 0)
            return { saved: true };
        return { saved: false, reason: trouble ?? 'the cache service did not take the entry' };
    }
    /** Paths as the client wants them: relative to the working directory, and stable, since they are in the version. */
    clientPaths(paths) {
        return paths.map((path) => relative(process.cwd(), resolve(this.root, path)) || '.');
    }
    async call(fn) {
        const annotations = [];
        let value;
        let thrown;
        const restoreStdout = divertAnnotations(annotations);
        try {
            value = await fn();
        }
        catch (error) {
            // saveCache throws for a path that does not exist and for a missing runtime token.
            thrown = error instanceof Error ? error.message : String(error);
        }
        finally {
            restoreStdout();
        }
        const problems = thrown === undefined ? annotations : [...annotations, thrown];
        for (const problem of problems)
            this.logger.warning(`cache: ${problem}`);
        return problems.length > 0 ? { value, trouble: problems.join('; ') } : { value };
    }
}
/** Loaded on first use: the client and the Azure SDK it brings are large, and most actions never cache. */
function actionsCache() {
    return Promise.all(/* import() */[__webpack_require__.e(164), __webpack_require__.e(999)]).then(__webpack_require__.bind(__webpack_require__, 10999));
}
/**
 * Takes `::error…::` / `::warning…::` lines written to stdout off the stream and collects their messages; every
 * other line passes through. A refused reservation is only a debug line (then "Failed to save" as plain info), so
 * that cause is collected too. Returns the function that puts stdout back.
 */
function divertAnnotations(sink) {
    const write = process.stdout.write;
    process.stdout.write = function (chunk, ...rest) {
        const text = typeof chunk === 'string' ? chunk : Buffer.isBuffer(chunk) ? chunk.toString('utf8') : undefined;
        if (text === undefined)
            return write.call(this, chunk, ...rest);
        const kept = text.split(/(?<=\n)/).filter((line) => {
            const reserve = /^::debug::Failed to reserve cache: (.*)$/s.exec(line);
            if (reserve)
                sink.push(`Failed to save: ${unescapeData(reserve[1].trimEnd())}`);
            const match = /^::(?:error|warning)(?: [^:]*)?::(.*)$/s.exec(line);
            if (match)
                sink.push(unescapeData(match[1].trimEnd()));
            return !match;
        });
        return kept.length === 0 ? true : write.call(this, kept.join(''), ...rest);
    };
    return () => {
        process.stdout.write = write;
    };
}
function unescapeData(text) {
    return text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}

;// CONCATENATED MODULE: ./packages/github/src/cache/local-store.ts



const ENTRY_FILE = 'entry.json';
const ENTRY_SCHEMA = 'mlgate/cache-entry@1';
/**
 * The run cache of the CLI: `<dir>/<key>/entry.json` plus `<dir>/<key>/files/<path>`. An entry is written to a
 * temporary folder and renamed into place, so a crash or a full disk never leaves a half entry that looks whole.
 */
class LocalCacheStore {
    dir;
    root;
    constructor(dir, root) {
        this.dir = dir;
        this.root = root;
    }
    async restore(key, paths) {
        if (!isSafeKey(key))
            return { hit: false, trouble: unsafeKey(key) };
        const entryDir = (0,external_node_path_.join)(this.dir, key);
        let entry;
        try {
            entry = JSON.parse(await (0,promises_.readFile)((0,external_node_path_.join)(entryDir, ENTRY_FILE), 'utf8'));
        }
        catch (error) {
            if (error.code === 'ENOENT')
                return { hit: false };
            return { hit: false, trouble: `cache entry ${key} is unreadable: ${error.message}` };
        }
        // Like the Actions cache's version: other paths under the same key are another entry.
        if (entry.schema !== ENTRY_SCHEMA || JSON.stringify(entry.paths) !== JSON.stringify(paths))
            return { hit: false };
        try {
            for (const path of paths) {
                await (0,promises_.mkdir)((0,external_node_path_.dirname)((0,external_node_path_.join)(this.root, path)), { recursive: true });
                await (0,promises_.cp)((0,external_node_path_.join)(entryDir, 'files', path), (0,external_node_path_.join)(this.root, path), { recursive: true, force: true });
            }
        }
        catch (error) {
            return { hit: false, trouble: `cache entry ${key} could not be restored: ${error.message}` };
        }
        return { hit: true };
    }
    async save(key, paths) {
        if (!isSafeKey(key))
            return { saved: false, reason: unsafeKey(key) };
        const entryDir = (0,external_node_path_.join)(this.dir, key);
        const staging = (0,external_node_path_.join)(this.dir, `.staging-${(0,external_node_crypto_.randomBytes)(6).toString('hex')}`);
        try {
            for (const path of paths) {
                await (0,promises_.mkdir)((0,external_node_path_.dirname)((0,external_node_path_.join)(staging, 'files', path)), { recursive: true });
                await (0,promises_.cp)((0,external_node_path_.join)(this.root, path), (0,external_node_path_.join)(staging, 'files', path), { recursive: true });
            }
            const entry = { schema: ENTRY_SCHEMA, key, paths, savedAt: new Date().toISOString() };
            await (0,promises_.writeFile)((0,external_node_path_.join)(staging, ENTRY_FILE), `${JSON.stringify(entry, null, 2)}\n`);
            await (0,promises_.rename)(staging, entryDir);
            return { saved: true };
        }
        catch (error) {
            // Best effort: the same trouble (a file where the folder should be, a read-only disk) may stop this too.
            await (0,promises_.rm)(staging, { recursive: true, force: true }).catch(() => undefined);
            const code = error.code;
            if (code === 'ENOTEMPTY' || code === 'EEXIST')
                return { saved: false, reason: `cache entry ${key} already exists` };
            return { saved: false, reason: `cache entry ${key} could not be saved: ${error.message}` };
        }
    }
}
/** Keys become folder names: nothing that could climb out of the cache folder. */
function isSafeKey(key) {
    return /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(key);
}
function unsafeKey(key) {
    return `cache key "${key}" is not a safe folder name`;
}

;// CONCATENATED MODULE: ./packages/github/src/artifacts/workflow.ts

/**
 * The workflow file name (`ci.yml`) that the Actions API accepts as a workflow id, from a workflow reference
 * such as `GITHUB_WORKFLOW_REF` (`acme/churn/.github/workflows/ci.yml@refs/heads/main`), a path
 * (`.github/workflows/ci.yml`), a bare file name, or a numeric workflow id.
 */
function workflowFileName(ref, location = {}) {
    const trimmed = ref.trim();
    if (/^\d+$/.test(trimmed))
        return trimmed;
    // The first `*.yml` segment followed by the end or by `@<ref>`; the ref itself may hold slashes and dots.
    const file = /(?:^|\/)([^/@\s]+\.ya?ml)(?:@.*)?$/.exec(trimmed)?.[1];
    if (!file) {
        throw new UserError(`cannot tell the workflow from "${ref}": expected a workflow file name such as ci.yml, its path, ` +
            `a workflow reference like owner/repo/.github/workflows/ci.yml@refs/heads/main, or a workflow id`, location);
    }
    return file;
}

;// CONCATENATED MODULE: ./packages/github/src/baseline/spec.ts

const GRAMMAR = 'expected registry:<model>#<stage>, branch:<name> or a path';
/** Two or more letters before a colon: a baseline kind, not a Windows drive (`C:\...`). */
const KIND_PREFIX = /^([a-zA-Z][a-zA-Z0-9+.-]+):/;
/**
 * Parses the `baseline` input: `registry:churn#production`, `branch:main`, or a path to a metrics/predictions
 * file or folder. `location` says where the text came from, for the error.
 */
function parseBaselineSpec(text, location = {}) {
    const spec = text.trim();
    const fail = (why) => {
        throw new src/* UserError */.yot(`invalid baseline ${JSON.stringify(text)}: ${why}; ${GRAMMAR}`, location);
    };
    if (spec === '')
        return fail('it is empty');
    const kind = KIND_PREFIX.exec(spec)?.[1];
    if (kind === undefined)
        return { kind: 'path', path: spec };
    const rest = spec.slice(kind.length + 1);
    switch (kind) {
        case 'registry': {
            const [model = '', stage, ...extra] = rest.split('#');
            if (stage === undefined || extra.length > 0)
                return fail('a registry baseline names one model and one stage');
            if (!src/* REGISTRY_NAME */.iWy.test(model))
                return fail(`model name ${JSON.stringify(model)} does not match ${src/* REGISTRY_NAME */.iWy.source}`);
            if (!src/* REGISTRY_NAME */.iWy.test(stage))
                return fail(`stage name ${JSON.stringify(stage)} does not match ${src/* REGISTRY_NAME */.iWy.source}`);
            return { kind: 'registry', model, stage };
        }
        case 'branch': {
            const problem = branchNameProblem(rest);
            if (problem)
                return fail(`branch name ${JSON.stringify(rest)} ${problem}`);
            return { kind: 'branch', branch: rest };
        }
        default:
            return fail(`unknown baseline kind "${kind}"`);
    }
}
/** Git's own rules for a branch name (`git check-ref-format --branch`), or undefined when it is valid. */
function branchNameProblem(name) {
    if (name === '')
        return 'is empty';
    if (name.startsWith('refs/'))
        return 'must be a branch name, not a full ref';
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u0020\u007f~^:?*[\\]/.test(name))
        return 'contains a space or one of ~ ^ : ? * [ \\';
    if (name.includes('..') || name.includes('@{') || name.includes('//'))
        return 'contains "..", "@{" or "//"';
    if (name.startsWith('-') || name.startsWith('/') || name.endsWith('/') || name.endsWith('.')) {
        return 'starts with "-" or "/", or ends with "/" or "."';
    }
    if (name === '@' || name.split('/').some((part) => part.startsWith('.') || part.endsWith('.lock'))) {
        return 'has a part starting with "." or ending with ".lock"';
    }
    return undefined;
}

;// CONCATENATED MODULE: ./packages/github/src/baseline/resolve.ts



/**
 * Finds the baseline a comparison starts from. No baseline yet (a first run) is `found: false` with the reason,
 * and the caller decides the outcome; a baseline that should exist but cannot be read is a `UserError`.
 */
async function resolveBaseline(spec, options) {
    switch (spec.kind) {
        case 'path':
            return fromPath(spec.path, options.cwd ?? process.cwd());
        case 'branch':
            return fromBranch(spec.branch, options);
        case 'registry':
            if (!options.registry) {
                throw new src/* UserError */.yot(`baseline registry:${spec.model}#${spec.stage}: registry baselines need the registry (not available yet); ` +
                    'use branch:<name> or a path');
            }
            return options.registry.resolve(spec);
    }
}
async function fromPath(path, cwd) {
    const absolute = (0,external_node_path_.resolve)(cwd, path);
    let isDirectory;
    try {
        isDirectory = (await (0,promises_.stat)(absolute)).isDirectory();
    }
    catch (error) {
        throw new src/* UserError */.yot(`${(0,src/* fileErrorMessage */.eZc)(error)} (the baseline)`, { file: path });
    }
    const found = { found: true, label: path, source: { kind: 'path', path: absolute } };
    return isDirectory ? { ...found, dir: absolute } : { ...found, file: absolute };
}
async function fromBranch(branch, options) {
    const { artifacts, artifactName, workflow, logger } = options;
    logger.info(`Looking for the baseline: the latest successful run of ${workflow} on ${branch} with "${artifactName}".`);
    const latest = await artifacts.findLatest({ workflow, branch, name: artifactName });
    if (!latest.found) {
        logger.info(`No baseline: ${latest.reason}.`);
        return { found: false, reason: latest.reason };
    }
    const { run } = latest;
    const dir = await artifacts.download(artifactName, run.id);
    const label = `${branch}@${run.headSha.slice(0, 7)} (run ${run.id})`;
    logger.info(`Baseline: ${label}.`);
    const source = {
        kind: 'artifact',
        workflow,
        branch,
        runId: run.id,
        headSha: run.headSha,
        artifactName,
    };
    if (run.url)
        source.runUrl = run.url;
    return { found: true, dir, label, source };
}

;// CONCATENATED MODULE: ./packages/github/src/registry/baselines.ts

/**
 * `registry:<model>#<stage>` baselines: the version the registry's tags assign to the stage now,
 * and that version's release files. A model or stage with nothing assigned yet is no baseline (a
 * first release); an assignment whose version or files cannot be found is an error.
 */
class RegistryBaselineResolver {
    tags;
    files;
    logger;
    constructor(tags, files, logger) {
        this.tags = tags;
        this.files = files;
        this.logger = logger;
    }
    async resolve({ model, stage }) {
        const spec = `registry:${model}#${stage}`;
        const state = (0,src/* registryState */.zWd)(model, await this.tags.listTags(model));
        const dangling = state.dangling.get(stage);
        if (dangling) {
            throw new src/* UserError */.yot(`baseline ${spec}: ${dangling.tag} assigns commit ${dangling.commit.slice(0, 7)}, where no version of ${model} is registered`);
        }
        const assignment = state.stages.get(stage);
        if (!assignment) {
            const reason = state.versions.length === 0
                ? `${model} has no registered version yet`
                : `no version of ${model} is in stage ${stage}`;
            this.logger.info(`No baseline: ${reason}.`);
            return { found: false, reason };
        }
        const { version, tag } = assignment.version;
        const dir = await this.files.download(tag);
        if (dir === null) {
            throw new src/* UserError */.yot(`baseline ${spec} is ${tag}, but its files are missing: looked in ${this.files.describe(tag)}`);
        }
        this.logger.info(`Baseline: ${tag} (stage ${stage}, assigned by ${assignment.tag}).`);
        return { found: true, dir, label: tag, source: { kind: 'registry', model, stage, version } };
    }
    async history({ model, metric, limit }) {
        return (0,src/* metricHistory */.NJu)((0,src/* registryState */.zWd)(model, await this.tags.listTags(model)), metric, limit);
    }
}

;// CONCATENATED MODULE: ./packages/github/src/registry/github-tags.ts

/** Registry tags through the REST API: matching refs, then each annotated tag's message, commit and tagger. */
class GitHubTagSource {
    octokit;
    repo;
    constructor(octokit, repo) {
        this.octokit = octokit;
        this.repo = repo;
    }
    async listTags(model) {
        const prefix = model === undefined ? undefined : (0,src/* modelInTag */.LEf)(model);
        // A prefix match: `tags/churn` also lists `churn-v2@…`; the registry keeps only the model's own tags.
        const { data: refs } = await this.octokit.rest.git.listMatchingRefs({ ...this.repo, ref: `tags/${prefix ?? ''}` });
        const records = [];
        for (const ref of refs) {
            const name = ref.ref.replace(/^refs\/tags\//, '');
            if (prefix !== undefined && !name.startsWith(`${prefix}@`) && !name.startsWith(`${prefix}#`))
                continue;
            // A lightweight tag carries no message or tagger; GTO does not count it, nor does mlgate.
            if (ref.object.type !== 'tag')
                continue;
            const { data: tag } = await this.octokit.rest.git.getTag({ ...this.repo, tag_sha: ref.object.sha });
            records.push({
                name,
                commit: tag.object.sha,
                message: tag.message.trimEnd(),
                tagger: { name: tag.tagger.name, email: tag.tagger.email, date: tag.tagger.date },
            });
        }
        return records;
    }
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
;// CONCATENATED MODULE: ./packages/github/src/registry/store.ts
/** The tag name is taken: someone created it first (or this very promotion did, in an earlier run). */
class TagExistsError extends Error {
    tag;
    constructor(tag) {
        super(`tag ${tag} already exists`);
        this.tag = tag;
        this.name = 'TagExistsError';
    }
}
function isTagExistsError(error) {
    return error instanceof TagExistsError;
}

;// CONCATENATED MODULE: ./packages/github/src/registry/git-store.ts



/**
 * NUL-separated fields (git messages cannot hold NUL). `*objectname`/`*objecttype` are what an annotated tag
 * points at; a lightweight tag has no tagger and is skipped, as GTO skips it.
 */
const FORMAT = [
    '%(refname:lstrip=2)',
    '%(objecttype)',
    '%(*objecttype)',
    '%(*objectname)',
    '%(taggername)',
    '%(taggeremail)',
    '%(taggerdate:iso-strict)',
    '%(contents)',
].join('%00');
const FIELDS = 8;
/** The registry in a local git clone, through the `git` command: `for-each-ref` to read, `mktag` to write. */
class GitRegistryStore {
    cwd;
    options;
    constructor(cwd, options = {}) {
        this.cwd = cwd;
        this.options = options;
    }
    async listTags(model) {
        const patterns = model === undefined ? ['refs/tags'] : [`refs/tags/${(0,src/* modelInTag */.LEf)(model)}@*`, `refs/tags/${(0,src/* modelInTag */.LEf)(model)}#*`];
        if (this.options.push !== undefined)
            await this.fetchTags(patterns);
        const stdout = await this.git(['for-each-ref', `--format=${FORMAT}%00`, ...patterns], "cannot read the registry's git tags");
        const fields = stdout.split('\0');
        const records = [];
        for (let i = 0; i + FIELDS <= fields.length; i += FIELDS) {
            // Each record ends with NUL + newline, so every name after the first starts with a newline.
            const [name = '', type, target, commit = '', tagger = '', email = '', date = '', contents = ''] = fields.slice(i, i + FIELDS);
            if (type !== 'tag' || target !== 'commit')
                continue;
            records.push({
                name: name.replace(/^\n/, ''),
                commit,
                message: contents.trimEnd(),
                tagger: { name: tagger, email: email.replace(/^<|>$/g, ''), date },
            });
        }
        return records;
    }
    async resolveCommit(rev) {
        if (rev.startsWith('-'))
            throw new src/* UserError */.yot(`revision ${JSON.stringify(rev)} is not a git revision`);
        const out = await this.git(['rev-parse', '--verify', '--quiet', `${rev}^{commit}`], `no commit ${JSON.stringify(rev)}`);
        return out.trim();
    }
    async createTag({ name, commit, message }) {
        const ident = (await this.git(['var', 'GIT_COMMITTER_IDENT'], 'cannot tell who is tagging')).trim();
        const object = `object ${commit}\ntype commit\ntag ${name}\ntagger ${ident}\n\n${message.trimEnd()}\n`;
        const sha = (await this.git(['mktag'], `cannot create tag ${name}`, object)).trim();
        if (this.options.push !== undefined)
            await this.push(sha, name, this.options.push);
        try {
            // An empty old value makes update-ref create-only: it fails when the ref exists, and never moves it.
            await this.git(['update-ref', `refs/tags/${name}`, sha, ''], `cannot create tag ${name}`);
        }
        catch (error) {
            if (/reference already exists/.test(outputOf(error)))
                throw new TagExistsError(name);
            throw error;
        }
        const [, who = '', email = '', seconds = '0', zone = '+0000'] = /^(.*) <(.*)> (\d+) ([+-]\d{4})$/.exec(ident) ?? [];
        return {
            name,
            commit,
            message: message.trimEnd(),
            tagger: { name: who, email, date: isoDate(Number(seconds), zone) },
        };
    }
    /** The name git tags with (`user.name`, or GIT_COMMITTER_NAME), as the actor of a command run by hand. */
    async identity() {
        const ident = (await this.git(['var', 'GIT_COMMITTER_IDENT'], 'cannot tell who is tagging')).trim();
        return /^(.*) <.*> \d+ [+-]\d{4}$/.exec(ident)?.[1] || 'unknown';
    }
    describe() {
        return this.options.push === undefined
            ? `the git repository ${this.cwd}`
            : `the git repository ${this.cwd} and its remote ${this.options.push}`;
    }
    /** The remote's tags of the model, fetched without `+`: a local tag is never overwritten. */
    async fetchTags(patterns) {
        const refspecs = patterns.map((p) => (p === 'refs/tags' ? 'refs/tags/*:refs/tags/*' : `${p}:${p}`));
        await this.git(['fetch', '--quiet', '--no-tags', this.options.push, ...refspecs], `cannot fetch the registry's tags from ${this.options.push}`);
    }
    async push(sha, name, remote) {
        try {
            await this.git(['push', '--porcelain', remote, `${sha}:refs/tags/${name}`], `cannot push tag ${name} to ${remote}`);
        }
        catch (error) {
            if (/\[rejected\] \(already exists\)/.test(outputOf(error)))
                throw new TagExistsError(name);
            throw error;
        }
    }
    git(args, what, input) {
        return new Promise((resolve, reject) => {
            const child = (0,external_node_child_process_.execFile)('git', args, { cwd: this.cwd, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
                if (!error)
                    return resolve(stdout);
                reject(new GitCommandError(`${what} in ${this.cwd}`, `${stderr}\n${stdout}`.trim() || String(error)));
            });
            // A command that exits without reading its input closes the pipe; its exit status tells what happened.
            child.stdin?.on('error', () => undefined);
            child.stdin?.end(input ?? '');
        });
    }
}
/** A failed git command: one line for the user, the whole output for telling "already exists" apart. */
class GitCommandError extends src/* UserError */.yot {
    output;
    constructor(what, output) {
        const lines = output.split('\n');
        super(`${what}: ${lines.find((line) => /error|fatal|rejected/i.test(line)) ?? lines[0]}`);
        this.output = output;
    }
}
function outputOf(error) {
    return error instanceof GitCommandError ? error.output : '';
}
/** `1796346569 +0100` → `2026-12-04T02:09:29+01:00`, the form `for-each-ref` prints for tagger dates. */
function isoDate(seconds, zone) {
    const sign = zone.startsWith('-') ? -1 : 1;
    const offset = sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(3, 5)));
    const local = new Date((seconds + offset * 60) * 1000).toISOString().slice(0, 19);
    return `${local}${zone.slice(0, 3)}:${zone.slice(3)}`;
}

;// CONCATENATED MODULE: ./packages/github/src/registry/release-files.ts




/** Locally a release is a folder `<root>/<tag>/` (by default `.mlgate/releases/churn@v1.3.0/`). */
class LocalReleaseFiles {
    root;
    constructor(root) {
        this.root = root;
    }
    async download(tag) {
        const dir = (0,external_node_path_.join)(this.root, tag);
        try {
            return (await (0,promises_.stat)(dir)).isDirectory() ? dir : null;
        }
        catch (error) {
            if (error.code === 'ENOENT')
                return null;
            throw error;
        }
    }
    describe(tag) {
        return `the folder ${(0,external_node_path_.join)(this.root, tag)}`;
    }
}
/** A GitHub release's assets, downloaded into a fresh temporary folder. */
class GitHubReleaseFiles {
    octokit;
    repo;
    options;
    constructor(octokit, repo, options = {}) {
        this.octokit = octokit;
        this.repo = repo;
        this.options = options;
    }
    async download(tag) {
        let releaseId;
        try {
            releaseId = (await this.octokit.rest.repos.getReleaseByTag({ ...this.repo, tag })).data.id;
        }
        catch (error) {
            if (error.status === 404)
                return null;
            throw error;
        }
        const assets = await this.octokit.paginate(this.octokit.rest.repos.listReleaseAssets, {
            ...this.repo,
            release_id: releaseId,
            per_page: 100,
        });
        const max = this.options.maxAssetBytes ?? 1024 ** 3;
        const dir = await mkdtemp(join(this.options.tempRoot ?? process.env.RUNNER_TEMP ?? tmpdir(), 'mlgate-release-'));
        for (const asset of assets) {
            // GitHub asset names have no slashes, but this is another party's input: keep it to one plain name.
            if (!/^[^/\\]+$/.test(asset.name) || asset.name === '.' || asset.name === '..') {
                throw new UserError(`release ${tag}: asset name ${JSON.stringify(asset.name)} is not a plain file name`);
            }
            if (asset.size > max) {
                this.options.logger?.info(`Release ${tag}: skipped ${asset.name} (${asset.size} bytes, over the ${max}-byte cap).`);
                continue;
            }
            const { data } = await this.octokit.request('GET /repos/{owner}/{repo}/releases/assets/{asset_id}', {
                ...this.repo,
                asset_id: asset.id,
                headers: { accept: 'application/octet-stream' },
            });
            await writeFile(join(dir, asset.name), Buffer.from(data));
        }
        return dir;
    }
    describe(tag) {
        return `the GitHub release of tag ${tag} in ${this.repo.owner}/${this.repo.repo}`;
    }
}

;// CONCATENATED MODULE: ./packages/github/src/registry/release.ts




/** GitHub's cap on one release asset. */
const MAX_RELEASE_ASSET_BYTES = (/* unused pure expression or super */ null && (2 * 1024 ** 3 - 1));
const ASSET_NAME = /^[A-Za-z0-9_+@-][A-Za-z0-9._+@-]*$/;
const CONTENT_TYPES = {
    '.json': 'application/json',
    '.md': 'text/markdown; charset=utf-8',
    '.csv': 'text/csv',
    '.tsv': 'text/tab-separated-values',
    '.jsonl': 'application/jsonl',
    '.yaml': 'application/yaml',
    '.yml': 'application/yaml',
    '.txt': 'text/plain; charset=utf-8',
};
/**
 * Every asset's name is plain and unique and every file has the digest the manifest recorded; one
 * line names the first that does not. Runs before any write, so a bad file publishes nothing.
 */
async function checkAssets(spec) {
    const seen = new Set();
    const checked = [];
    for (const asset of spec.assets) {
        if (!ASSET_NAME.test(asset.name)) {
            throw new UserError(`release ${spec.tag}: asset name ${JSON.stringify(asset.name)} is not a plain file name`);
        }
        if (seen.has(asset.name))
            throw new UserError(`release ${spec.tag}: two assets are named ${asset.name}`);
        seen.add(asset.name);
        let digest;
        try {
            digest = await fileDigest(asset.path);
        }
        catch (error) {
            const code = error.code;
            throw new UserError(`release ${spec.tag}: cannot read ${asset.path} for asset ${asset.name} (${code ?? error})`);
        }
        if (asset.sha256 !== undefined && digest.sha256 !== asset.sha256.toLowerCase()) {
            throw new UserError(`release ${spec.tag}: ${asset.path} has sha256 ${digest.sha256}, but the manifest recorded ${asset.sha256}; ` +
                'the file changed after training, so it is not the registered model');
        }
        if (digest.size > MAX_RELEASE_ASSET_BYTES) {
            throw new UserError(`release ${spec.tag}: ${asset.path} is ${digest.size} bytes, over GitHub's 2 GiB asset limit`);
        }
        checked.push({ ...asset, sha256: digest.sha256, size: digest.size });
    }
    return checked;
}
/**
 * A registered version's GitHub release, published the way immutable releases require: created as a
 * draft, every asset uploaded and its digest checked, then published. A re-run (after a crash, a
 * cancelled job, a lost response) finds the release of the tag, draft or published, and completes it
 * instead of creating another; an asset already there with the same digest is kept, a partial one
 * on a draft is replaced. A published release whose files differ is never changed: that is an error.
 */
class GitHubReleasePublisher {
    octokit;
    repo;
    logger;
    constructor(octokit, repo, logger) {
        this.octokit = octokit;
        this.repo = repo;
        this.logger = logger;
    }
    async publish(spec) {
        const assets = await checkAssets(spec);
        await this.requireTag(spec.tag);
        let release = await this.find(spec.tag);
        let action = release ? 'completed' : 'created';
        if (release === undefined)
            release = await this.createDraft(spec);
        else
            this.logger.info(`Release ${spec.tag}: found ${release.draft ? 'a draft' : 'the published release'} (${release.id}).`);
        const existing = await this.assetsOf(release.id);
        const released = [];
        for (const asset of assets) {
            const current = existing.find((a) => a.name === asset.name);
            if (current && sameContent(current, asset)) {
                released.push({ name: asset.name, sha256: asset.sha256, size: asset.size, action: 'present' });
                continue;
            }
            if (!release.draft) {
                throw new UserError(`release ${spec.tag} is already published ${current ? `with a different ${asset.name}` : `without ${asset.name}`}; ` +
                    'a published version is never changed: register a new version instead');
            }
            if (current) {
                this.logger.info(`Release ${spec.tag}: replacing ${asset.name}, left incomplete by an earlier run.`);
                await this.octokit.rest.repos.deleteReleaseAsset({ ...this.repo, asset_id: current.id });
            }
            const uploaded = await this.upload(release, asset, spec.tag);
            released.push({
                name: asset.name,
                sha256: asset.sha256,
                size: asset.size,
                action: uploaded ? 'uploaded' : 'present',
            });
        }
        if (release.draft) {
            const { data } = await this.octokit.rest.repos.updateRelease({
                ...this.repo,
                release_id: release.id,
                draft: false,
                name: spec.name,
                body: spec.body,
            });
            release = data;
            this.logger.info(`Release ${spec.tag}: published ${release.html_url}.`);
        }
        else if (action === 'completed') {
            action = 'unchanged';
        }
        return { tag: spec.tag, id: release.id, url: release.html_url, action, assets: released };
    }
    /** Publishing a release on a missing tag would create a lightweight one, which the registry could then never annotate. */
    async requireTag(tag) {
        try {
            await this.octokit.rest.git.getRef({ ...this.repo, ref: `tags/${tag}` });
        }
        catch (error) {
            if (error.status !== 404)
                throw error;
            throw new UserError(`release ${tag}: the tag ${tag} does not exist; register the version before releasing it`);
        }
    }
    /** The tag's release, drafts included (GitHub's by-tag lookup does not see drafts); the oldest when runs raced. */
    async find(tag) {
        const releases = await this.octokit.paginate(this.octokit.rest.repos.listReleases, { ...this.repo, per_page: 100 });
        const ofTag = releases.filter((r) => r.tag_name === tag);
        return ofTag.find((r) => !r.draft) ?? ofTag.sort((a, b) => a.id - b.id)[0];
    }
    async createDraft(spec) {
        const { data } = await this.octokit.rest.repos.createRelease({
            ...this.repo,
            tag_name: spec.tag,
            name: spec.name,
            body: spec.body,
            draft: true,
            prerelease: spec.prerelease ?? false,
        });
        // Two runs racing here both create a draft: keep the oldest, so they converge on one release.
        const oldest = await this.find(spec.tag);
        if (oldest && oldest.id !== data.id) {
            await this.octokit.rest.repos.deleteRelease({ ...this.repo, release_id: data.id });
            this.logger.info(`Release ${spec.tag}: another run created it first; continuing with release ${oldest.id}.`);
            return oldest;
        }
        this.logger.info(`Release ${spec.tag}: created draft ${data.id}.`);
        return data;
    }
    async assetsOf(releaseId) {
        return (await this.octokit.paginate(this.octokit.rest.repos.listReleaseAssets, {
            ...this.repo,
            release_id: releaseId,
            per_page: 100,
        }));
    }
    /** Returns whether the asset was uploaded by this call (`false`: a racing run uploaded the same bytes first). */
    async upload(release, asset, tag) {
        const data = await readFile(asset.path);
        let response;
        try {
            response = await this.send(release, asset, data);
        }
        catch (error) {
            if (!isAlreadyExists(error))
                throw error;
            const theirs = (await this.assetsOf(release.id)).find((a) => a.name === asset.name);
            if (theirs && sameContent(theirs, asset))
                return false;
            throw error;
        }
        const uploaded = response.data;
        if (!sameContent(uploaded, asset) || uploaded.name !== asset.name) {
            await this.octokit.rest.repos.deleteReleaseAsset({ ...this.repo, asset_id: uploaded.id });
            throw new UserError(`release ${tag}: GitHub stored ${asset.name} as ${uploaded.name} with ` +
                `${uploaded.digest ?? `${uploaded.size} bytes`}, not sha256:${asset.sha256} (${asset.size} bytes); removed it`);
        }
        this.logger.info(`Release ${tag}: uploaded ${asset.name} (${asset.size} bytes, sha256 ${asset.sha256}).`);
        return true;
    }
    send(release, asset, data) {
        return this.octokit.rest.repos.uploadReleaseAsset({
            ...this.repo,
            release_id: release.id,
            url: release.upload_url,
            name: asset.name,
            // Octokit types `data` as a string; a Buffer is sent as the raw bytes.
            data: data,
            headers: {
                'content-type': CONTENT_TYPES[extname(asset.name).toLowerCase()] ?? 'application/octet-stream',
                'content-length': data.length,
            },
        });
    }
}
function isAlreadyExists(error) {
    const { status, response } = error;
    return status === 422 && (response?.data?.errors ?? []).some((e) => e.code === 'already_exists');
}
/** GitHub reports each asset's `sha256:` digest; where it does not (older GHES), the size is all there is to compare. */
function sameContent(remote, local) {
    if (remote.digest)
        return remote.digest.toLowerCase() === `sha256:${local.sha256}`;
    return remote.size === local.size;
}
/**
 * A local release is a folder `<root>/<tag>/` (what `LocalReleaseFiles` reads), written through a
 * temporary folder and renamed into place, so a failed run leaves no half-written release.
 */
class LocalReleasePublisher {
    root;
    constructor(root) {
        this.root = root;
    }
    async publish(spec) {
        const assets = await checkAssets(spec);
        const dir = join(this.root, spec.tag);
        if (await exists(dir)) {
            const released = [];
            for (const asset of assets) {
                const path = join(dir, asset.name);
                const digest = (await exists(path)) ? await fileDigest(path) : undefined;
                if (digest?.sha256 !== asset.sha256) {
                    throw new UserError(`release ${spec.tag} already exists in ${dir} ${digest ? `with a different ${asset.name}` : `without ${asset.name}`}; ` +
                        'a released version is never changed: register a new version instead');
                }
                released.push({ name: asset.name, sha256: asset.sha256, size: asset.size, action: 'present' });
            }
            return { tag: spec.tag, id: null, url: dir, action: 'unchanged', assets: released };
        }
        const staging = join(this.root, `.${basename(dir)}.partial-${process.pid}`);
        await rm(staging, { recursive: true, force: true });
        await mkdir(staging, { recursive: true });
        try {
            for (const asset of assets)
                await copyFile(asset.path, join(staging, asset.name));
            await mkdir(dirname(dir), { recursive: true });
            await rename(staging, dir);
        }
        catch (error) {
            await rm(staging, { recursive: true, force: true });
            throw error;
        }
        return {
            tag: spec.tag,
            id: null,
            url: dir,
            action: 'created',
            assets: assets.map((a) => ({ name: a.name, sha256: a.sha256, size: a.size, action: 'uploaded' })),
        };
    }
}
async function exists(path) {
    try {
        await stat(path);
        return true;
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return false;
        throw error;
    }
}

;// CONCATENATED MODULE: ./packages/github/src/registry/deployment.ts


/** GitHub caps a deployment status description at 140 characters. */
const MAX_DESCRIPTION = 140;
/** The environment a model's stage deploys to: its required reviewers are the promotion's manual approval. */
function deploymentEnvironment(model, stage) {
    return `${model}-${stage}`;
}
/**
 * A GitHub deployment per promotion, to environment `<model>-<stage>`, at the version's commit. The
 * deployment records the attempt, the status its outcome; the gate is mlgate's evidence, so GitHub's
 * commit-status check (`required_contexts`) is switched off, and so is auto-merge (the ref is a commit).
 */
class GitHubDeploymentRecorder {
    octokit;
    repo;
    logger;
    constructor(octokit, repo, logger) {
        this.octokit = octokit;
        this.repo = repo;
        this.logger = logger;
    }
    async start(spec) {
        const environment = deploymentEnvironment(spec.model, spec.stage);
        const response = await this.octokit.rest.repos.createDeployment({
            ...this.repo,
            ref: spec.commit,
            environment,
            task: 'deploy',
            auto_merge: false,
            required_contexts: [],
            description: clip(`${spec.model}@${spec.version} to ${spec.stage}`),
            payload: { model: spec.model, version: spec.version, stage: spec.stage, tag: `${spec.model}@${spec.version}` },
            production_environment: spec.stage === 'production',
            transient_environment: false,
        });
        // 202: GitHub merged the default branch instead of deploying (only for a branch ref; ours is a commit).
        if (!('id' in response.data)) {
            const message = 'message' in response.data ? String(response.data.message) : `HTTP ${response.status}`;
            throw new UserError(`GitHub did not create a deployment to ${environment}: ${oneLine(message)}`);
        }
        const id = response.data.id;
        const post = async (state, description, environmentUrl) => {
            await this.octokit.rest.repos.createDeploymentStatus({
                ...this.repo,
                deployment_id: id,
                state,
                description: clip(description),
                ...(spec.logUrl !== undefined && { log_url: spec.logUrl }),
                ...(environmentUrl !== undefined && { environment_url: environmentUrl }),
                auto_inactive: true,
            });
        };
        try {
            await post('in_progress', `promoting ${spec.model}@${spec.version} to ${spec.stage}`);
        }
        catch (error) {
            // The deployment exists, so it still ends in a terminal status, though the promotion never starts.
            await post('error', `not started: ${deployment_messageOf(error)}`).catch((statusError) => warnNoFinalStatus(this.logger, id, statusError));
            throw error;
        }
        this.logger.info(`Deployment ${id} to environment ${environment}: in progress.`);
        return {
            id,
            environment,
            finish: async (outcome) => {
                await post(outcome.state, outcome.description, outcome.state === 'success' ? outcome.environmentUrl : undefined);
                this.logger.info(`Deployment ${id} to environment ${environment}: ${outcome.state}.`);
            },
        };
    }
}
/**
 * Runs `promote` inside a deployment that always ends in a terminal status: `success` with what
 * `promote` returns, `failure` when it refuses (a user error: missing evidence, a bad version),
 * `error` when anything else goes wrong half-way. The error is rethrown after the status is posted.
 */
async function deployment_withDeployment(recorder, spec, promote, logger) {
    const deployment = await recorder.start(spec);
    let done;
    try {
        done = await promote(deployment);
    }
    catch (error) {
        try {
            await deployment.finish({ state: isUserError(error) ? 'failure' : 'error', description: deployment_messageOf(error) });
        }
        catch (statusError) {
            warnNoFinalStatus(logger, deployment.id, statusError);
        }
        throw error;
    }
    await deployment.finish({
        state: 'success',
        description: done.description,
        ...(done.environmentUrl !== undefined && { environmentUrl: done.environmentUrl }),
    });
    return done.result;
}
/** An error's message on one line, for a deployment status or a log line. */
function deployment_messageOf(error) {
    return oneLine(error instanceof Error ? error.message : String(error));
}
/** A deployment left without a terminal status is said in the log: the run cannot do more about it. */
function warnNoFinalStatus(logger, id, statusError) {
    logger.warning(`Deployment ${id}: could not post its final status (${deployment_messageOf(statusError)}).`);
}
function clip(text) {
    const line = oneLine(text);
    return line.length <= MAX_DESCRIPTION ? line : `${line.slice(0, MAX_DESCRIPTION - 1)}…`;
}

;// CONCATENATED MODULE: ./packages/github/src/registry/github-store.ts



/** The identity GitHub gives GITHUB_TOKEN's commits and tags. */
const ACTIONS_TAGGER = {
    name: 'github-actions[bot]',
    email: '41898282+github-actions[bot]@users.noreply.github.com',
};
/**
 * The registry through GitHub's Git database API: an annotated tag object (`POST /git/tags`, with the tagger
 * and the time, which order the registry's events) and then its ref (`POST /git/refs`), which GitHub creates
 * only when the name is free. No request ever updates or deletes a ref: a taken name is a `TagExistsError`,
 * and the caller re-reads and plans again.
 */
class GitHubRegistryStore extends GitHubTagSource {
    client;
    target;
    tagger;
    now;
    constructor(client, target, tagger = ACTIONS_TAGGER, now = () => new Date()) {
        super(client, target);
        this.client = client;
        this.target = target;
        this.tagger = tagger;
        this.now = now;
    }
    async createTag(tag) {
        const date = this.now()
            .toISOString()
            .replace(/\.\d{3}Z$/, 'Z');
        const { data: object } = await this.client.rest.git.createTag({
            ...this.target,
            tag: tag.name,
            message: tag.message,
            object: tag.commit,
            type: 'commit',
            tagger: { ...this.tagger, date },
        });
        try {
            await this.client.rest.git.createRef({ ...this.target, ref: `refs/tags/${tag.name}`, sha: object.sha });
        }
        catch (error) {
            // The tag object left behind is unreachable garbage that GitHub collects; the ref is what counts.
            if (isReferenceExists(error))
                throw new TagExistsError(tag.name);
            throw error;
        }
        return { name: tag.name, commit: tag.commit, message: tag.message, tagger: { ...this.tagger, date } };
    }
    /** A full SHA as it is (when the commit exists), else a branch or tag name, peeled to its commit. */
    async resolveCommit(rev) {
        if (/^[0-9a-f]{40}$/i.test(rev)) {
            const commit = await this.found(this.client.rest.git.getCommit({ ...this.target, commit_sha: rev.toLowerCase() }));
            if (commit)
                return commit.data.sha;
        }
        const name = rev.replace(/^refs\//, '');
        const candidates = /^(heads|tags)\//.test(name) ? [name] : [`heads/${name}`, `tags/${name}`];
        for (const ref of candidates) {
            const found = await this.found(this.client.rest.git.getRef({ ...this.target, ref }));
            if (found)
                return this.peel(found.data.object.sha, found.data.object.type);
        }
        throw new src/* UserError */.yot(`${rev} names no commit in ${this.describe()} (give a full SHA, a branch or a tag)`);
    }
    describe() {
        return `${this.target.owner}/${this.target.repo} on GitHub`;
    }
    async peel(sha, type) {
        let [current, kind] = [sha, type];
        for (let depth = 0; kind === 'tag' && depth < 10; depth++) {
            const { data } = await this.client.rest.git.getTag({ ...this.target, tag_sha: current });
            [current, kind] = [data.object.sha, data.object.type];
        }
        if (kind !== 'commit')
            throw new src/* UserError */.yot(`${sha} is a ${kind}, not a commit`);
        return current;
    }
    async found(request) {
        try {
            return await request;
        }
        catch (error) {
            if (error.status === 404 || error.status === 422)
                return undefined;
            throw error;
        }
    }
}
function isReferenceExists(error) {
    const { status, message } = error;
    return status === 422 && /reference already exists/i.test(message ?? '');
}

;// CONCATENATED MODULE: ./packages/github/src/registry/index.ts









;// CONCATENATED MODULE: ./packages/github/src/report/trigger.ts

/**
 * The trigger of this job. `pull_request_target` runs with a write token and the secrets on a pull request that
 * may come from a stranger; it is refused unless `allowPullRequestTarget`, because a workflow that checks out and
 * runs the pull request's code there hands both to its author.
 */
function reportTrigger(event, { allowPullRequestTarget = false } = {}) {
    const { eventName, payload } = event;
    if (eventName === 'pull_request_target' && !allowPullRequestTarget) {
        throw new UserError('refusing to run on pull_request_target, which runs with a write token on pull requests from forks: ' +
            'publish fork reports with the workflow_run flow (examples/workflows/fork-pr.yml), or set ' +
            'allow-pull-request-target: true if this workflow never runs code from the pull request');
    }
    if (eventName === 'workflow_run')
        return workflowRunTrigger(payload);
    const pull = object(payload.pull_request);
    if (pull && (eventName === 'pull_request' || eventName === 'pull_request_target')) {
        const head = object(pull.head);
        const headRepository = string(object(head?.repo)?.full_name);
        return {
            kind: 'pull-request',
            number: Number(pull.number),
            headSha: string(head?.sha) ?? event.sha,
            // A deleted fork leaves no head repository: it is no less untrusted.
            fork: eventName === 'pull_request' && headRepository?.toLowerCase() !== event.repository.toLowerCase(),
        };
    }
    return { kind: 'other', sha: event.sha };
}
function workflowRunTrigger(payload) {
    const run = object(payload.workflow_run);
    const runId = run?.id;
    const headSha = string(run?.head_sha);
    const headRepository = string(object(run?.head_repository)?.full_name);
    if (typeof runId !== 'number' || !headSha || !/^[0-9a-f]{40}$/i.test(headSha) || !headRepository) {
        throw new UserError('the workflow_run event names no triggering run (id, head_sha and head_repository)');
    }
    return {
        kind: 'workflow-run',
        runId,
        headSha: headSha.toLowerCase(),
        headRepository,
        headBranch: string(run?.head_branch) ?? '',
        event: string(run?.event) ?? '',
    };
}
function object(value) {
    return typeof value === 'object' && value !== null ? value : undefined;
}
function string(value) {
    return typeof value === 'string' && value !== '' ? value : undefined;
}

;// CONCATENATED MODULE: ./packages/github/src/report/artifact.ts


/** The merged report inside a report artifact, beside the rendered files. */
const REPORT_ARTIFACT_JSON = 'report.json';
const DEFAULT_REPORT_ARTIFACT = 'mlgate-report';
/** A report artifact holds a few files of a few megabytes: anything bigger is refused before it fills the disk. */
const REPORT_ARTIFACT_LIMITS = {
    maxEntries: 16,
    maxEntryBytes: 32 * 1024 ** 2,
    maxTotalBytes: 64 * 1024 ** 2,
};
const REPORT_ARCHIVE_MAX_BYTES = (/* unused pure expression or super */ null && (32 * 1024 ** 2));
/**
 * The report the triggering run left: its artifact `name` only (never another run's), unpacked by the store's
 * extractor (no `..`, absolute paths, links or bombs: a `UserError` names the entry), then `report.json`
 * validated against the report schema. The artifact was written by code from the pull request, so nothing in it
 * decides where the report goes; a report about another commit than the run's is refused.
 */
async function readTriggeringReport(store, name, trigger) {
    const dir = await store.download(name, trigger.runId);
    const report = await readReportFile(join(dir, REPORT_ARTIFACT_JSON), {
        name: `artifact "${name}" of run ${trigger.runId}: ${REPORT_ARTIFACT_JSON}`,
    });
    const sha = report.subject?.sha?.toLowerCase();
    if (sha !== undefined && sha !== trigger.headSha) {
        throw new UserError(`artifact "${name}" of run ${trigger.runId} reports on commit ${sha.slice(0, 12)}, but the run built ${trigger.headSha.slice(0, 12)}`);
    }
    return report;
}
/**
 * The open pull requests of this repository whose head is the triggering run's head commit, from the same head
 * repository: the binding comes from GitHub's own record of the run, never from a number inside the artifact.
 * None means the pull request moved on (a newer push) or closed; its newer run publishes instead.
 */
async function pullRequestsForRun(octokit, repo, trigger) {
    const owner = trigger.headRepository.split('/')[0] ?? '';
    const pulls = await octokit.paginate(octokit.rest.pulls.list, {
        ...repo,
        state: 'open',
        ...(trigger.headBranch ? { head: `${owner}:${trigger.headBranch}` } : {}),
        per_page: 100,
    });
    return pulls
        .filter((pull) => pull.head.sha.toLowerCase() === trigger.headSha &&
        pull.head.repo?.full_name.toLowerCase() === trigger.headRepository.toLowerCase())
        .map((pull) => pull.number);
}

;// CONCATENATED MODULE: ./packages/github/src/chatops/comment-event.ts

/** Reads the `issue_comment` payload; anything else is a usage error naming the event. */
function readCommentEvent(eventName, payload) {
    if (eventName !== 'issue_comment') {
        throw new UserError(`chatops runs on issue_comment events, not ${eventName}`);
    }
    const comment = comment_event_object(payload.comment);
    const issue = comment_event_object(payload.issue);
    const user = comment_event_object(comment?.user);
    const commentId = comment?.id;
    const issueNumber = issue?.number;
    if (typeof commentId !== 'number' || typeof issueNumber !== 'number' || typeof user?.login !== 'string') {
        throw new UserError('the issue_comment event has no comment id, issue number or comment author');
    }
    return {
        action: typeof payload.action === 'string' ? payload.action : '',
        commentId,
        issueNumber,
        pullRequest: issue?.pull_request !== undefined && issue.pull_request !== null,
        author: user.login,
        authorType: typeof user.type === 'string' ? user.type : 'User',
        body: typeof comment?.body === 'string' ? comment.body : '',
        ...(typeof comment?.html_url === 'string' && { url: comment.html_url }),
        ...(typeof comment?.created_at === 'string' && { createdAt: comment.created_at }),
    };
}
function comment_event_object(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value)
        ? value
        : undefined;
}

;// CONCATENATED MODULE: ./packages/github/src/chatops/index.ts



;// CONCATENATED MODULE: ./packages/github/src/report/vega-scripts.ts



/**
 * The UMD builds the HTML report inlines, as `scripts/build.mjs` copies them into a bundle's `dist/vega/` (keep the
 * two lists alike): package, file under its `build/`.
 */
const BUILDS = {
    vega: ['vega', 'vega.min.js'],
    vegaLite: ['vega-lite', 'vega-lite.min.js'],
    vegaEmbed: ['vega-embed', 'vega-embed.min.js'],
};
/**
 * Reads the vega, vega-lite and vega-embed builds for the HTML report. `entry` is the running program's entry module
 * (`import.meta.url` of an action's or the CLI's index): a bundle finds them beside itself in `vega/`, the source
 * tree in the `node_modules` of the entry's package or any folder above it. A missing build is a broken install.
 */
async function readVegaScripts(entry) {
    const from = (0,external_node_path_.dirname)((0,external_node_url_.fileURLToPath)(entry));
    const read = async ([pkg, file]) => {
        const places = [[(0,external_node_path_.join)(from, 'vega', file), (0,external_node_path_.join)(from, 'vega', `${pkg}.LICENSE`)]];
        for (let dir = from;; dir = (0,external_node_path_.dirname)(dir)) {
            places.push([(0,external_node_path_.join)(dir, 'node_modules', pkg, 'build', file), (0,external_node_path_.join)(dir, 'node_modules', pkg, 'LICENSE')]);
            if ((0,external_node_path_.dirname)(dir) === dir)
                break;
        }
        for (const [build, license] of places) {
            try {
                const source = await (0,promises_.readFile)(build, 'utf8');
                // The page redistributes the build, so it carries the package's license (BSD-3-Clause) with it.
                return `/*! ${pkg}: ${(await (0,promises_.readFile)(license, 'utf8')).replaceAll('*/', '* /').trim()} */\n${source}`;
            }
            catch (error) {
                if (error.code !== 'ENOENT')
                    throw error;
            }
        }
        throw new Error(`${pkg}/build/${file} is missing (looked beside ${from} and in node_modules above it): reinstall mlgate`);
    };
    return {
        vega: await read(BUILDS.vega),
        vegaLite: await read(BUILDS.vegaLite),
        vegaEmbed: await read(BUILDS.vegaEmbed),
    };
}

;// CONCATENATED MODULE: ./packages/github/src/index.ts





























;// CONCATENATED MODULE: ./packages/cli/src/exit-codes.ts
/** One convention for every command (and for scripts that call mlgate). */
const ExitCode = {
    /** The command ran and its verdict passed. */
    Pass: 0,
    /** The command ran and its verdict is a failure (validation or gate). */
    Failed: 1,
    /** Usage, configuration or input error: nothing was judged. */
    UserError: 2,
    /** A bug in mlgate. */
    Internal: 3,
};

;// CONCATENATED MODULE: ./packages/engine/src/compare/paths.ts


function userPath(path, cwd) {
    const absolute = (0,external_node_path_.resolve)(cwd, path);
    const inside = (0,external_node_path_.relative)(cwd, absolute);
    const shown = inside !== '' && !inside.startsWith('..') && !(0,external_node_path_.isAbsolute)(inside) ? inside : absolute;
    return { shown, absolute };
}
/**
 * Runs a reader given the absolute path and names the file as the user knows it in its errors, so a
 * message says `metrics.json:3:1`, not a temporary folder's full path.
 */
async function readAs(path, read) {
    try {
        return await read(path.absolute);
    }
    catch (error) {
        throw asShown(error, path);
    }
}
/** The error with the file named as the user knows it, when it is about `path`. */
function asShown(error, path) {
    if (error instanceof src/* UserError */.yot && error.location.file === path.absolute) {
        return new src/* UserError */.yot(error.message.replaceAll(path.absolute, path.shown), { ...error.location, file: path.shown });
    }
    return error;
}

;// CONCATENATED MODULE: ./packages/engine/src/compare/baseline-files.ts




/**
 * The baseline's counterpart of a candidate file. A baseline folder (an artifact, a folder path) holds
 * it at the same relative path or at its top level under the same name; a baseline file is the
 * counterpart itself. `undefined` when the folder has no such file.
 */
async function findCounterpart(baseline, candidate, cwd) {
    if (baseline.file !== undefined)
        return userPath(baseline.file, cwd);
    const tried = [
        ...new Set((0,external_node_path_.isAbsolute)(candidate.shown) ? [(0,external_node_path_.basename)(candidate.shown)] : [candidate.shown, (0,external_node_path_.basename)(candidate.shown)]),
    ];
    for (const relative of tried) {
        const absolute = (0,external_node_path_.join)(baseline.dir, relative);
        if (await isFile(absolute)) {
            return baseline.source.kind === 'path' ? userPath(absolute, cwd) : { absolute, shown: `baseline/${relative}` };
        }
    }
    return undefined;
}
/** Like {@link findCounterpart}, but a baseline that was found must hold the file: it is an error otherwise. */
async function requireCounterpart(baseline, candidate, cwd) {
    const found = await findCounterpart(baseline, candidate, cwd);
    if (found)
        return found;
    throw new src/* UserError */.yot(`baseline ${baseline.label} has no ${(0,external_node_path_.basename)(candidate.shown)} (looked for ${candidate.shown} and ${(0,external_node_path_.basename)(candidate.shown)} in it)`);
}
async function isFile(path) {
    try {
        return (await (0,promises_.stat)(path)).isFile();
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return false;
        throw new src/* UserError */.yot(`cannot read the baseline: ${error.code ?? String(error)}`, {
            file: path,
        });
    }
}

;// CONCATENATED MODULE: ./packages/engine/src/compare/candidate.ts




const PREDICTION_EXTENSIONS = new Set(['.jsonl', '.ndjson', '.parquet']);
const MANIFEST_SUFFIX = 'manifest.json';
/**
 * A manifest by its name (`mlgate.manifest.json`); JSON Lines and Parquet are always predictions; a CSV or
 * TSV is predictions when its header has both an id and a label column, else a metrics table; anything else
 * is a metrics file.
 */
async function sideKind(path, predictions) {
    if (predictions)
        return 'predictions';
    if ((0,external_node_path_.basename)(path.absolute).toLowerCase().endsWith(MANIFEST_SUFFIX))
        return 'manifest';
    const extension = (0,external_node_path_.extname)(path.absolute.toLowerCase().replace(/\.gz$/, ''));
    if (PREDICTION_EXTENSIONS.has(extension))
        return 'predictions';
    if (extension !== '.csv' && extension !== '.tsv')
        return 'metrics';
    const format = (0,src/* formatOf */.beb)(path.absolute);
    const columns = await readAs(path, (file) => (0,src/* readCsvColumns */.Gnb)(file, format === 'tsv' ? { delimiter: '\t' } : {}));
    const has = (names) => names.some((name) => columns.includes(name));
    return has(src/* DEFAULT_COLUMN_NAMES */.Kzg.id) && has(src/* DEFAULT_COLUMN_NAMES */.Kzg.label) ? 'predictions' : 'metrics';
}
/** Reads one side; `columns` names the predictions' columns, with the slice columns to compare slices by. */
async function readSide(path, kind, columns, cwd) {
    switch (kind) {
        case 'predictions':
            return { kind, file: path, predictions: await readAs(path, (file) => (0,src/* readPredictions */.R_H)(file, columns)) };
        case 'metrics':
            return { kind, files: [path], values: await readAs(path, src/* readMetricsFile */._cD) };
        case 'manifest':
            return readManifest(path, cwd);
    }
}
/** Reads metrics files into one set of values; a key in two files is ambiguous and an error. */
async function readMetricsFiles(paths) {
    const values = new Map();
    const from = new Map();
    for (const path of paths) {
        for (const [key, value] of await readAs(path, src/* readMetricsFile */._cD)) {
            const earlier = from.get(key);
            if (earlier !== undefined) {
                throw new src/* UserError */.yot(`metric "${key}" is also in ${earlier}; name each metric in one file only`, {
                    file: path.shown,
                });
            }
            from.set(key, path.shown);
            values.set(key, value);
        }
    }
    return values;
}
/**
 * `mlgate.manifest.json`: its `metrics` is a metrics file path or a list of them (relative to the
 * manifest's folder), or the metric values themselves. One that `mlgate train` wrote (`mlgate/manifest@1` with a fingerprint) is
 * checked against its schema and brings the candidate's lineage.
 */
async function readManifest(path, cwd) {
    const flat = await readAs(path, src/* readMetricsFile */._cD);
    // Written by train: a fingerprint, and metric values rather than paths.
    if (flat.get('schema') === src/* MANIFEST_SCHEMA_ID */.SJY && flat.has('fingerprint')) {
        const manifest = (0,src/* parseManifest */.Ngi)(JSON.parse(await (0,promises_.readFile)(path.absolute, 'utf8')), path.shown);
        const values = new Map(Object.entries(manifest.metrics));
        if (values.size === 0)
            throw new src/* UserError */.yot('has no metric values: the training wrote no metrics', { file: path.shown, path: 'metrics' });
        return { kind: 'metrics', files: [path], values, lineage: lineageOf(manifest) };
    }
    const single = flat.get('metrics');
    const listed = [...flat].filter(([key]) => /^metrics\.\d+$/.test(key)).map(([, value]) => value);
    const inline = [...flat].filter(([key]) => key.startsWith('metrics.') && !/^metrics\.\d+$/.test(key));
    const folder = (0,external_node_path_.dirname)(path.absolute);
    const paths = (typeof single === 'string' ? [single] : listed).map((file) => {
        if (typeof file !== 'string' || file === '') {
            throw new src/* UserError */.yot('metrics: expected metrics file paths', { file: path.shown, path: 'metrics' });
        }
        return userPath((0,external_node_path_.resolve)(folder, file), cwd);
    });
    if (paths.length > 0)
        return { kind: 'metrics', files: paths, values: await readMetricsFiles(paths) };
    if (inline.length > 0) {
        return { kind: 'metrics', files: [path], values: new Map(inline.map(([key, value]) => [key.slice(8), value])) };
    }
    throw new src/* UserError */.yot('has no "metrics": expected a metrics file path, a list of them or the metric values', {
        file: path.shown,
        path: 'metrics',
    });
}
function lineageOf(manifest) {
    const { git, run, cache } = manifest;
    return {
        fingerprint: manifest.fingerprint,
        commit: git.sha,
        dirty: git.dirty,
        run: run ? (run.url ?? run.id) : null,
        trainedAt: cache.restoredFrom?.startedAt ?? manifest.startedAt,
        cacheHit: cache.hit,
    };
}

;// CONCATENATED MODULE: ./packages/engine/src/compare/compare-sides.ts

/**
 * Predictions are compared example by example (paired bootstrap intervals, slices); metrics files
 * value by value. Both sides must be the same kind: a predictions file cannot be paired with a
 * metrics file.
 */
function compareSides(candidate, baseline, config, options = {}) {
    const { gate } = config;
    if (baseline && baseline.kind !== candidate.kind) {
        const where = baseline.kind === 'predictions' ? baseline.file.shown : baseline.files.map((f) => f.shown).join(', ');
        throw new src/* UserError */.yot(`the candidate is a ${compare_sides_describe(candidate)} but the baseline ${where} is a ${compare_sides_describe(baseline)}; compare like with like`);
    }
    if (candidate.kind === 'metrics') {
        const before = baseline?.kind === 'metrics' ? baseline.values : null;
        return { metrics: (0,src/* diffMetrics */.Rh$)(before, candidate.values, { rules: gate.metrics }), reasons: [], notes: [] };
    }
    const other = baseline?.kind === 'predictions' ? baseline : null;
    const labels = other ? labelReasons(candidate.predictions, other.predictions) : [];
    const compared = namedAsShown([candidate.file, ...(other ? [other.file] : [])], labels, () => (0,src/* comparePredictions */.cqX)({
        candidate: candidate.predictions,
        baseline: baseline?.kind === 'predictions' ? baseline.predictions : null,
        confidence: gate.confidence,
        resamples: gate.bootstrap.resamples,
        seed: gate.bootstrap.seed,
        sliceColumns: gate.slices?.columns ?? [],
        minSliceSize: gate.slices?.minSize,
        rules: gate.metrics,
        ...(options.format && { format: options.format }),
        ...(options.settingNames && { settingNames: options.settingNames }),
        ...(options.deltas && { deltas: options.deltas }),
    }));
    const reasons = [...(compared.join ? joinReasons(compared.join) : []), ...labels];
    const examples = compared.join?.matched ?? candidate.predictions.rows;
    return {
        metrics: compared.metrics,
        slices: compared.slices,
        reasons,
        predictions: (0,src/* predictionsReading */.n_Q)(compared.semantics, examples, compared.notes),
        notes: compared.notes,
        absent: compared.absent,
    };
}
/**
 * Runs `compare` with the files named as the user knows them in its errors; when no example is
 * shared, the label sets that differ (if they do) say why.
 */
function namedAsShown(files, labels, compare) {
    try {
        return compare();
    }
    catch (error) {
        if (!(error instanceof src/* UserError */.yot))
            throw error;
        let message = error.message;
        let file = error.location.file;
        for (const path of files) {
            message = message.replaceAll(path.absolute, path.shown);
            if (file === path.absolute)
                file = path.shown;
        }
        if (/no example id is in both/.test(message) && labels[0])
            message += `; ${labels[0].message}`;
        throw new src/* UserError */.yot(message, { ...error.location, ...(file !== undefined && { file }) });
    }
}
/** Labels only one side has: a class appeared or disappeared between the evaluation sets. */
function labelReasons(candidate, baseline) {
    const { onlyCandidate, onlyBaseline } = (0,src/* labelSetDifference */.CGn)(candidate, baseline);
    if (onlyCandidate.length === 0 && onlyBaseline.length === 0)
        return [];
    const named = (labels, where) => labels.length === 0
        ? []
        : [
            `${labels.length === 1 ? 'label' : 'labels'} ${labels
                .slice(0, SHOWN_LABELS)
                .map((label) => JSON.stringify(label))
                .join(', ')}${labels.length > SHOWN_LABELS ? ` and ${labels.length - SHOWN_LABELS} more` : ''} only in the ${where}`,
        ];
    const parts = [...named(onlyCandidate, 'candidate'), ...named(onlyBaseline, 'baseline')];
    return [{ rule: 'predictions.labels', status: 'warn', message: `the label sets differ: ${parts.join('; ')}` }];
}
const SHOWN_LABELS = 10;
/** Ids on one side only mean the evaluation set changed: worth a warning, not a failure. */
function joinReasons(join) {
    const { onlyCandidate, onlyBaseline, matched } = join;
    if (onlyCandidate.count === 0 && onlyBaseline.count === 0)
        return [];
    const part = (count, examples, where) => count === 0 ? [] : [`${count} only in the ${where} (e.g. ${examples.map((id) => JSON.stringify(id)).join(', ')})`];
    const parts = [
        ...part(onlyCandidate.count, onlyCandidate.examples, 'candidate'),
        ...part(onlyBaseline.count, onlyBaseline.examples, 'baseline'),
    ];
    return [
        {
            rule: 'predictions.join',
            status: 'warn',
            message: `the evaluation sets differ: example ids ${parts.join(' and ')}; metrics compare the ${matched} ids in both`,
        },
    ];
}
function compare_sides_describe(side) {
    return side.kind === 'predictions' ? 'predictions file' : 'metrics file';
}

;// CONCATENATED MODULE: ./packages/engine/src/compare/gate-metrics.ts

/** A gate rule for a metric that was not computed is the configuration's mistake: exit 2, not a failed gate. */
function checkGateMetrics(gate, compared, loaded) {
    const [problem] = (0,src/* gateMetricProblems */.UqO)(gate, compared);
    if (!problem)
        return;
    throw loaded.errorAt
        ? loaded.errorAt(problem.path, problem.message)
        : new src/* UserError */.yot(problem.message, { path: problem.path.join('.') });
}

;// CONCATENATED MODULE: ./packages/engine/src/compare/config.ts



/**
 * An explicit `config` must exist; without one, `mlgate.yml` in `cwd` is used when it exists and the
 * defaults otherwise, so a quick comparison needs no config at all.
 */
async function loadCompareConfig(config, cwd) {
    const path = userPath(config ?? src/* DEFAULT_CONFIG_FILE */.CuT, cwd);
    if (config === undefined && !(await config_exists(path.absolute))) {
        return { config: (0,src/* loadConfig */.Z9L)('version: 1\n', src/* DEFAULT_CONFIG_FILE */.CuT) };
    }
    const source = await readAs(path, src/* readConfigSource */.azy);
    return {
        config: source.config,
        file: path.shown,
        errorAt: (key, message) => asShown(source.errorAt(key, message), path),
    };
}
/** The compared model: the one named, else the config's only model. */
function selectModel(config, name, file) {
    const names = Object.keys(config.models);
    if (name !== undefined) {
        const model = config.models[name];
        if (model || names.length === 0)
            return model ? { name, model } : { name };
        throw new src/* UserError */.yot(`model "${name}" is not in the config (models: ${names.join(', ')})`, {
            ...(file ? { file } : {}),
            path: 'models',
        });
    }
    const [only] = names;
    if (names.length === 1 && only !== undefined)
        return { name: only, model: config.models[only] };
    return { name: 'model' };
}
async function config_exists(path) {
    try {
        await (0,promises_.access)(path);
        return true;
    }
    catch {
        return false;
    }
}

;// CONCATENATED MODULE: ./packages/engine/src/compare/fail-on.ts
/** Whether a verdict fails the step under `fail-on`. */
function failsStep(status, failOn) {
    switch (failOn) {
        case 'fail':
            return status === 'fail';
        case 'warn':
            return status === 'fail' || status === 'warn';
        case 'never':
            return false;
    }
}

;// CONCATENATED MODULE: ./packages/engine/src/compare/params.ts




/**
 * The params diff of the model's configured params files. A baseline folder without them (an artifact
 * from before they were uploaded) leaves the diff out with a warning rather than listing every
 * parameter as added; a baseline that is a single file cannot hold them.
 */
async function paramsDiff(files, baseline, cwd, logger) {
    if (files.length === 0)
        return undefined;
    const candidatePaths = files.map((file) => userPath(file, cwd));
    const candidate = await readMetricsFiles(candidatePaths);
    if (baseline === null)
        return (0,src/* diffParams */.Gmu)(null, candidate);
    if (baseline.file !== undefined) {
        logger.info('The baseline is a single file, so parameters were not compared.');
        return undefined;
    }
    const baselinePaths = [];
    for (const path of candidatePaths) {
        const found = await findCounterpart(baseline, path, cwd);
        if (!found) {
            logger.warning(`The baseline ${baseline.label} has no ${path.shown}, so parameters were not compared.`);
            return undefined;
        }
        baselinePaths.push(found);
    }
    return (0,src/* diffParams */.Gmu)(await readMetricsFiles(baselinePaths), candidate);
}

;// CONCATENATED MODULE: ./packages/engine/src/compare/validation.ts


/** What `gate.require` consumes from a validate report: its verdict, and the worst drift result it holds. */
async function readValidationOutcome(path) {
    const report = await readAs(path, src/* readReportFile */.$hs);
    const drift = (report.validations ?? []).flatMap((section) => (section.drift ? [section.drift.status] : []));
    const status = report.verdict.status;
    const driftStatus = drift.length > 0 ? (0,src/* worstStatus */.A4E)(drift) : undefined;
    return {
        ...(status === 'skipped' ? {} : { validationStatus: status }),
        ...(driftStatus === undefined || driftStatus === 'skipped' ? {} : { driftStatus }),
    };
}

;// CONCATENATED MODULE: ./packages/engine/src/compare/verdict.ts
/** One line that says what decided: the first failing (or warning) rule, and how many more there are. */
function verdictSummary(model, status, reasons) {
    const deciding = reasons.filter((reason) => reason.status === status);
    const [first] = deciding;
    const more = deciding.length > 1 ? ` (and ${deciding.length - 1} more)` : '';
    switch (status) {
        case 'fail':
            return `${model}: the gate failed: ${first?.message ?? 'a rule failed'}${more}`;
        case 'warn':
            return `${model}: passed with warnings: ${first?.message ?? 'a rule warned'}${more}`;
        case 'pass':
            return reasons.length === 0
                ? `${model}: passed (no gate rules are configured)`
                : `${model}: passed ${reasons.length} gate check(s)`;
    }
}

;// CONCATENATED MODULE: ./packages/engine/src/compare/run-compare.ts












/**
 * Compares a candidate with its baseline and gates the change: the config (or its defaults), the
 * candidate and its baseline counterpart read, metrics compared (with intervals and slices when they
 * are predictions), every gate rule judged, all in one `mlgate/report@1`. A problem the user can fix
 * is a `UserError`; a failing verdict is not an error but `exitCode` 1 (under `fail-on`).
 */
async function runCompare(options, deps) {
    const { cwd } = options;
    const { logger } = deps;
    const loaded = await loadCompareConfig(options.config, cwd);
    const { config, file: configFile } = loaded;
    const { name, model } = selectModel(config, options.model, configFile);
    const candidatePath = candidateOf(options, model, cwd);
    await (0,src/* requireFile */.GzO)(candidatePath.absolute, candidatePath.shown);
    const forcePredictions = options.predictions === true || isConfiguredPredictions(candidatePath, model, cwd);
    const kind = await sideKind(candidatePath, forcePredictions);
    const format = predictionsFormat(model, options.format);
    const columns = {
        ...format.columns,
        slices: kind === 'predictions' ? (config.gate.slices?.columns ?? []) : [],
    };
    const candidate = await readSide(candidatePath, kind, columns, cwd);
    logger.info(`Candidate: ${candidatePath.shown} (${kind}).`);
    const validation = options.validationReport
        ? await readValidationOutcome(userPath(options.validationReport, cwd))
        : {};
    const found = await findBaseline(options.baseline, deps, cwd);
    const baseline = found && (await readBaselineSide(found, candidatePath, kind, { ...format.columns }, cwd));
    const compared = compareSides(candidate, baseline, config, {
        format,
        settingNames: settingNames(name, configFile, options.formatOverrides),
        ...(deps.deltas && { deltas: deps.deltas }),
    });
    checkGateMetrics(config.gate, compared, loaded);
    for (const note of compared.notes)
        logger.info(note);
    const params = await paramsDiff(model?.params ?? [], found, cwd, logger);
    const gate = (0,src/* evaluateGate */.DR4)(config.gate, {
        comparisons: compared.metrics,
        ...(compared.slices ? { slices: compared.slices } : {}),
        ...validation,
        baselineMissing: baseline === null,
        metricsFile: sideFiles(candidate),
        model: name,
    });
    const reasons = [...gate.reasons, ...compared.reasons.map((reason) => ({ ...reason, model: name }))];
    const status = (0,src/* worstStatus */.A4E)([gate.status, ...reasons.map((reason) => reason.status)]);
    const section = {
        model: name,
        baseline: found ? baselineRevision(found) : null,
        candidate: {
            label: candidatePath.shown,
            source: candidatePath.shown,
            ...(candidate.kind === 'metrics' && candidate.lineage ? { lineage: candidate.lineage } : {}),
        },
        confidence: config.gate.confidence,
        ...(compared.predictions && { predictions: compared.predictions }),
        metrics: compared.metrics,
        ...(compared.slices && compared.slices.length > 0 ? { slices: compared.slices } : {}),
        ...(params ? { params } : {}),
    };
    const history = await registryHistory(found, keyMetric(Object.keys(config.gate.metrics), compared.metrics), deps);
    if (history)
        section.history = history;
    const report = {
        schema: src/* REPORT_SCHEMA_ID */.PPP,
        createdAt: deps.now().toISOString(),
        ...(options.subject ? { subject: options.subject } : {}),
        verdict: { status, summary: verdictSummary(name, status, reasons), reasons },
        comparisons: [section],
    };
    return { report, exitCode: failsStep(status, options.failOn) ? 1 : 0 };
}
/** Registered versions drawn in the report's trend, besides the candidate. */
const HISTORY_VERSIONS = 10;
/** The metric the trend shows: the first one the gate rules on, else the first compared. */
function keyMetric(gated, metrics) {
    const computed = metrics.filter((metric) => metric.candidate !== null);
    return (computed.find((metric) => gated.includes(metric.name)) ?? computed[0])?.name;
}
/** The key metric across the registry's last versions, when the baseline came from the registry. */
async function registryHistory(found, metric, deps) {
    if (found?.source.kind !== 'registry' || metric === undefined || !deps.registry?.history)
        return undefined;
    const versions = await deps.registry.history({ model: found.source.model, metric, limit: HISTORY_VERSIONS });
    return versions.length > 0 ? { metric, versions } : undefined;
}
/** The explicit candidate, else the model's predictions, else its metrics file. */
function candidateOf(options, model, cwd) {
    const path = options.candidate ?? model?.predictions ?? model?.metrics[0];
    if (path === undefined) {
        throw new src/* UserError */.yot('no candidate: give a metrics, predictions or manifest file, or a model from the config');
    }
    return userPath(path, cwd);
}
function isConfiguredPredictions(candidate, model, cwd) {
    return model?.predictions !== undefined && userPath(model.predictions, cwd).absolute === candidate.absolute;
}
async function findBaseline(spec, deps, cwd) {
    if (spec === undefined || spec.trim() === '') {
        deps.logger.info('No baseline was given: this is compared as a first run.');
        return null;
    }
    const parsed = parseBaselineSpec(spec);
    if (parsed.kind === 'branch' && deps.workflow === undefined) {
        throw new src/* UserError */.yot(`baseline ${spec}: branch baselines need the workflow whose runs hold the artifact`);
    }
    const resolution = await resolveBaseline(parsed, {
        artifacts: deps.artifacts,
        artifactName: deps.artifactName,
        workflow: deps.workflow ?? '',
        ...(deps.registry && { registry: deps.registry }),
        logger: deps.logger,
        cwd,
    });
    return resolution.found ? resolution : null;
}
async function readBaselineSide(found, candidate, candidateKind, columns, cwd) {
    const path = await requireCounterpart(found, candidate, cwd);
    const kind = candidateKind === 'predictions' ? 'predictions' : await sideKind(path, false);
    return readSide(path, kind, columns, cwd);
}
/** The model's settings from the config, each overridden by the caller's (flags, inputs). */
function predictionsFormat(model, overrides = {}) {
    const configured = model?.predictionsFormat ?? {};
    const columns = { ...configured.columns, ...overrides.columns };
    return {
        ...configured,
        ...overrides,
        ...(Object.keys(columns).length > 0 && { columns }),
    };
}
/** Where the user sets the positive class and score type: the config key, and the caller's override. */
function settingNames(model, configFile, overrides) {
    const where = (key, override) => `models.${model}.${key} in ${configFile ?? src/* DEFAULT_CONFIG_FILE */.CuT}${override ? ` or ${override}` : ''}`;
    return {
        positiveClass: where('positive_class', overrides?.positiveClass),
        scoreType: where('score_type', overrides?.scoreType),
    };
}
function sideFiles(side) {
    return side.kind === 'predictions' ? side.file.shown : side.files.map((file) => file.shown).join(', ');
}
/** A path baseline's label is the path as given; only artifacts and registry versions have more to say. */
function baselineRevision(found) {
    const source = describeSource(found.source);
    return source === undefined ? { label: found.label } : { label: found.label, source };
}
function describeSource(source) {
    switch (source.kind) {
        case 'artifact':
            return source.runUrl ?? `artifact "${source.artifactName}" of run ${source.runId}`;
        case 'path':
            return undefined;
        case 'registry':
            return `registry ${source.model}#${source.stage} (${source.version})`;
    }
}

;// CONCATENATED MODULE: ./packages/engine/src/compare/types.ts
/** When the step (or the command) fails: on a `fail` verdict, on a `warn` or `fail` one, or never. */
const FAIL_ON = ['fail', 'warn', 'never'];

;// CONCATENATED MODULE: ./packages/engine/src/compare/index.ts




// EXTERNAL MODULE: ./packages/engine/src/parallel/bootstrap-pool.ts
var bootstrap_pool = __webpack_require__(77166);
// EXTERNAL MODULE: ./packages/engine/src/parallel/roles.ts
var roles = __webpack_require__(76688);
// EXTERNAL MODULE: ./packages/engine/src/parallel/worker.ts
var worker = __webpack_require__(60263);
;// CONCATENATED MODULE: ./packages/engine/src/parallel/serve-worker.ts



/**
 * Serves this thread's worker role, if it has one, and says so: an action's bundle is its own
 * worker entry with `if (!serveWorker()) …run the action…`.
 */
function serveWorker() {
    switch (workerRole()) {
        case SHARD_WORKER_ROLE:
            serveShardTasks();
            return true;
        case BOOTSTRAP_WORKER_ROLE:
            serveBootstrapWorker();
            return true;
        default:
            return false;
    }
}

;// CONCATENATED MODULE: ./packages/engine/src/parallel/threads.ts

/** The `--threads` option (or the `threads` input): a whole number from 1 to 256, or unset. */
function parseThreads(text, name = '--threads') {
    if (text === undefined || text.trim() === '')
        return undefined;
    const n = /^\d{1,3}$/.test(text.trim()) ? Number(text) : NaN;
    if (!(n >= 1 && n <= 256)) {
        throw new src/* UserError */.yot(`${name}: expected a whole number from 1 to 256, got ${JSON.stringify(text)}`);
    }
    return n;
}

;// CONCATENATED MODULE: ./packages/engine/src/profile/exact-values.ts


/** The `--exact-values` option (or the `exact-values` input): a whole number from 1 to MAX_EXACT_VALUES, or unset. */
function parseExactValues(text, name = '--exact-values') {
    if (text === undefined || text.trim() === '')
        return undefined;
    const n = /^\d{1,9}$/.test(text.trim()) ? Number(text) : NaN;
    if (!(n >= 1 && n <= src/* MAX_EXACT_VALUES */.ELO)) {
        throw new src/* UserError */.yot(`${name}: expected a whole number of values from 1 to ${src/* MAX_EXACT_VALUES */.ELO.toLocaleString('en-US')}, got ${JSON.stringify(text)}`);
    }
    return n;
}
/**
 * The numeric values a run keeps exactly per column and side: the option when given, else `profile.exact_values` of
 * the config (`config`, or `mlgate.yml` in `cwd` when it exists), else the default.
 */
async function exactValuesSetting(option, config, cwd) {
    // An explicit config is read (and must exist) even under the option; mlgate.yml only when it is needed.
    if (option !== undefined && config === undefined)
        return option;
    const loaded = await loadCompareConfig(config, cwd);
    return option ?? loaded.config.profile.exactValues;
}

// EXTERNAL MODULE: external "node:worker_threads"
var external_node_worker_threads_ = __webpack_require__(75919);
;// CONCATENATED MODULE: ./packages/engine/src/parallel/pool.ts




/**
 * A fixed number of worker threads running shard tasks first come, first served. Workers start on
 * the first task they are needed for and end when they finish one with nothing left in the queue:
 * a finished worker still holds its pass's memory until the caller has joined the results. `close`
 * ends them all. A task's UserError comes back as a UserError with its location; any other failure
 * is an Error carrying the worker's stack.
 */
class WorkerPool {
    entry;
    size;
    idle = [];
    all = [];
    queue = [];
    ending = [];
    closed = false;
    constructor(entry, size) {
        this.entry = entry;
        this.size = size;
    }
    run(task, onProgress = () => { }) {
        if (this.closed)
            return Promise.reject(new Error('the worker pool is closed'));
        return new Promise((resolve, reject) => {
            this.queue.push({ task, onProgress, resolve, reject });
            this.dispatch();
        });
    }
    async close() {
        this.closed = true;
        await Promise.all([...this.all.map((worker) => worker.terminate()), ...this.ending]);
    }
    dispatch() {
        while (this.queue.length > 0) {
            const worker = this.idle.pop() ?? (this.all.length < this.size ? this.start() : undefined);
            if (!worker)
                return;
            this.assign(worker, this.queue.shift());
        }
    }
    start() {
        const worker = new external_node_worker_threads_.Worker(this.entry, { workerData: { role: roles/* SHARD_WORKER_ROLE */.XC } });
        this.all.push(worker);
        return worker;
    }
    assign(worker, job) {
        const finish = (settle) => {
            worker.off('message', onMessage);
            worker.off('error', onError);
            worker.off('exit', onExit);
            settle();
            if (this.closed)
                return;
            if (this.queue.length === 0)
                this.retire(worker);
            else {
                this.idle.push(worker);
                this.dispatch();
            }
        };
        const onMessage = (message) => {
            if (message.type === 'progress')
                job.onProgress(message);
            else if (message.type === 'done')
                finish(() => job.resolve(message.result));
            else
                finish(() => job.reject(deserialize(message.error)));
        };
        const onError = (error) => this.fail(worker, job, error);
        const onExit = (code) => this.fail(worker, job, new Error(`a worker thread exited (code ${code})`));
        worker.on('message', onMessage);
        worker.on('error', onError);
        worker.on('exit', onExit);
        worker.postMessage(job.task);
    }
    /** Ends an idle worker; the next task starts a new one. */
    retire(worker) {
        this.all.splice(this.all.indexOf(worker), 1);
        this.ending.push(worker.terminate());
    }
    /** A worker that crashed is dropped; the pool starts another for the next task. */
    fail(worker, job, error) {
        worker.removeAllListeners();
        this.all.splice(this.all.indexOf(worker), 1);
        void worker.terminate();
        job.reject(error);
        if (!this.closed)
            this.dispatch();
    }
}
function deserialize(error) {
    if (error.location)
        return new src/* UserError */.yot(error.message, error.location);
    const internal = new Error(error.message);
    if (error.stack)
        internal.stack = error.stack;
    return internal;
}

;// CONCATENATED MODULE: ./packages/engine/src/parallel/progress-sum.ts
/**
 * Adds up the progress of reads running side by side (shards on workers, the data and its
 * reference) into one report. A part counts its expected size until it reports its own, so the
 * percentage does not jump when a queued part starts.
 */
class ProgressSum {
    report;
    parts = [];
    constructor(report) {
        this.report = report;
    }
    /** A callback for one more part, expected to read `expectedBytes` bytes. */
    part(expectedBytes = 0) {
        const state = { bytes: 0, totalBytes: expectedBytes, rows: 0 };
        this.parts.push(state);
        return (progress) => {
            Object.assign(state, progress);
            this.report(this.total());
        };
    }
    total() {
        const sum = { bytes: 0, totalBytes: 0, rows: 0 };
        for (const part of this.parts) {
            sum.bytes += part.bytes;
            sum.totalBytes += part.totalBytes;
            sum.rows += part.rows;
        }
        return sum;
    }
}

;// CONCATENATED MODULE: ./packages/engine/src/parallel/run-passes.ts




/** Columns whose value counts the shards of a pass share (two 4-byte slots each); later ones count per shard. */
const SHARED_COUNT_COLUMNS = 4096;
/** Below this many bytes per thread, starting a worker costs more than it saves. */
const MIN_BYTES_PER_THREAD = 32 * 1024 * 1024;
/**
 * One validation pass over a file (or `--shard` of it): on this thread, or cut into `threads`
 * consecutive shards read by the pool's workers and joined into what one pass gives. A gzip file
 * or a suite with a uniqueness check is read on this thread, as those cannot be split.
 */
async function runPass(path, options) {
    const checks = options.schema?.checks ?? [];
    const { pool } = options;
    const split = options.threads > 1 && pool && (0,src/* canJoinShards */.q6i)(checks) && !(await (0,src/* isGzipFile */.xBn)(path));
    if (!split) {
        return (0,src/* validatePass */.oIb)(path, {
            suite: checks,
            ...(options.shard && { shard: options.shard }),
            ...(options.format && { format: options.format }),
            ...(options.delimiter !== undefined && { delimiter: options.delimiter }),
            ...(options.maxErrors !== undefined && { maxErrors: options.maxErrors }),
            ...(options.exactValues !== undefined && { profile: { exactValues: options.exactValues } }),
            ...(options.onProgress && { onProgress: options.onProgress }),
        });
    }
    const shards = (0,src/* splitShard */.vlU)(options.shard, options.threads);
    const size = await fileSize(path);
    const progress = new ProgressSum(options.onProgress ?? (() => { }));
    const expected = size / shards.length / (options.shard?.count ?? 1);
    const onProgress = shards.map(() => progress.part(expected));
    const rowChecks = checks.filter(src/* isPassCheck */.uI7);
    // CSV shards see the columns in the header's order, so they can share each column's value counts by position.
    const format = options.format ?? (0,src/* formatOf */.beb)(path);
    const sharedCounts = format === 'csv' || format === 'tsv' ? new SharedArrayBuffer(4 * 2 * SHARED_COUNT_COLUMNS) : undefined;
    const results = await Promise.all(shards.map((shard, i) => pool.run({
        path,
        shard,
        ...(options.schema && { schema: options.schema.path }),
        ...(options.format && { format: options.format }),
        ...(options.delimiter !== undefined && { delimiter: options.delimiter }),
        ...(options.maxErrors !== undefined && { maxErrors: options.maxErrors }),
        ...(options.exactValues !== undefined && { exactValues: options.exactValues }),
        ...(sharedCounts && { sharedCounts }),
    }, onProgress[i])));
    const passes = results.map((result) => ({
        profile: src/* Profile */.WVQ.fromJSON(result.profile),
        outcomes: result.outcomes.map((outcome, i) => ({ ...outcome, check: rowChecks[i] })),
        issues: result.issues,
        errorCount: result.errorCount,
        warningCount: result.warningCount,
    }));
    return (0,src/* joinValidationPasses */.zYW)(passes, {
        ...(options.maxErrors !== undefined && { maxErrors: options.maxErrors }),
        ...(options.shard && { shard: options.shard }),
    });
}
/** A drift reference: a saved profile is read as it is; any other file is data, profiled like `runPass`. */
async function referenceProfile(path, options) {
    if (options.saved)
        return (0,src/* readProfileFile */.CIG)(path);
    return (await runPass(path, options)).profile;
}
/**
 * Threads for reading a file: `requested` when given (1 without workers), else every available
 * core but no more than one per `MIN_BYTES_PER_THREAD` of the file.
 */
async function chooseThreads(requested, path, canUseWorkers) {
    if (!canUseWorkers)
        return 1;
    if (requested !== undefined)
        return requested;
    const size = await fileSize(path);
    return Math.max(1, Math.min((0,external_node_os_.availableParallelism)(), Math.ceil(size / MIN_BYTES_PER_THREAD)));
}
async function fileSize(path) {
    return (0,promises_.stat)(path).then((s) => s.size, () => 0);
}

;// CONCATENATED MODULE: ./packages/engine/src/validate/run-validate.ts





const DATA_FORMATS = ['csv', 'tsv', 'jsonl', 'parquet'];
/** The `--format` option: one of `allowed`. */
function parseDataFormat(value, allowed = DATA_FORMATS) {
    if (allowed.includes(value))
        return value;
    throw new src/* UserError */.yot(`--format: expected one of ${allowed.join(', ')}, got ${JSON.stringify(value)}`);
}
/**
 * The `--delimiter` option: one ASCII character other than a quote or a line break; `\\t` or `tab`
 * for a tab, which a shell argument cannot easily hold.
 */
function parseDelimiter(value, name = '--delimiter') {
    const delimiter = value === '\\t' || value.toLowerCase() === 'tab' ? '\t' : value;
    if (delimiter.length !== 1 || delimiter.charCodeAt(0) > 0x7f || '"\r\n'.includes(delimiter)) {
        throw new src/* UserError */.yot(`${name}: expected one ASCII character other than a quote or a line break (\\t or tab for a tab), got ${JSON.stringify(value)}`);
    }
    return delimiter;
}
/**
 * Validates a data file the same way for the CLI, the action and the demo: the schema is read
 * first (a typo in it must not cost a long pass), then one streaming pass (split over worker
 * threads when it pays) checks every row while it profiles the file, the reference is read
 * alongside, and with a reference each column is tested for drift with the schema's settings.
 */
async function runValidate(options, deps = {}) {
    const dataPath = (0,external_node_path_.resolve)(options.cwd, options.data);
    const data = await inspectData(dataPath, options.data, options, deps);
    const referencePath = options.reference === undefined ? undefined : (0,external_node_path_.resolve)(options.cwd, options.reference);
    // A saved profile is JSON; any other reference (JSON Lines in a .json file too) is data, read with the data's delimiter.
    const saved = referencePath !== undefined && (await isReferenceProfile(referencePath));
    const reference = referencePath === undefined || saved
        ? undefined
        : await inspectData(referencePath, options.reference, options, deps);
    if (referencePath !== undefined && reference === undefined)
        await (0,src/* requireFile */.GzO)(referencePath, options.reference);
    const schemaPath = options.schema === undefined ? undefined : (0,external_node_path_.resolve)(options.cwd, options.schema);
    // Problems in the schema name it as the user did: that is also the path annotations need.
    const suite = schemaPath === undefined ? undefined : await (0,src/* readCheckSuite */.dek)(schemaPath, options.schema);
    const checks = suite?.checks ?? [];
    const skipped = suite?.format === 'gx' ? suite.skipped : [];
    if (options.strict && skipped.length > 0) {
        const [first] = skipped;
        const others = skipped.length > 1 ? ` (and ${skipped.length - 1} more)` : '';
        throw new src/* UserError */.yot(`${first.type} ${first.reason}${others}, and strict mode refuses to skip expectations`, first.location);
    }
    for (const expectation of skipped)
        deps.onSkippedExpectation?.((0,src/* describeSkipped */.AtY)(expectation), expectation.location);
    const threads = await chooseThreads(options.threads, dataPath, deps.workerEntry !== undefined);
    const pool = threads > 1 && deps.workerEntry ? new WorkerPool(deps.workerEntry, threads) : undefined;
    const progress = new ProgressSum(deps.onProgress ?? (() => { }));
    const read = {
        threads,
        ...(pool && { pool }),
        ...(options.exactValues !== undefined && { exactValues: options.exactValues }),
    };
    const reading = runPass(dataPath, {
        ...read,
        ...(schemaPath !== undefined && { schema: { path: schemaPath, checks } }),
        ...(options.shard && { shard: options.shard }),
        format: data.format,
        ...(options.delimiter !== undefined && { delimiter: options.delimiter }),
        ...(options.maxErrors !== undefined && { maxErrors: options.maxErrors }),
        onProgress: progress.part(),
    });
    // With workers the reference's shards queue behind the data's in the same pool.
    const readReference = () => referencePath === undefined
        ? undefined
        : referenceProfile(referencePath, {
            ...read,
            saved,
            ...(reference && { format: reference.format }),
            ...(options.delimiter !== undefined && { delimiter: options.delimiter }),
            onProgress: progress.part(),
        });
    let pass;
    let referenceRead;
    try {
        if (pool)
            [pass, referenceRead] = await Promise.all([reading, readReference()]);
        else
            [pass, referenceRead] = [await reading, await readReference()];
    }
    finally {
        await pool?.close();
    }
    const { section, profile } = (0,src/* judgeValidation */.X2K)(pass, checks, options.data, skipped);
    if (referenceRead) {
        const drift = (0,src/* schemaDriftOptions */.D$n)(suite?.format === 'mlgate' ? suite.schema : undefined);
        const { result, skipped } = (0,src/* detectDriftDetailed */.fzf)(referenceRead, profile, {
            ...drift,
            ...(options.reference !== undefined && { referenceFile: options.reference }),
        });
        (0,src/* attachDrift */.rcs)(section, result);
        for (const column of skipped)
            if (column.status !== 'pass')
                deps.onSkippedColumn?.(column.message);
    }
    return { report: (0,src/* validationReport */.qWO)([section], new Date()), section, profile, threads };
}
/** Whether a reference is a saved profile: a `.json` file that does not hold JSON Lines records. */
async function isReferenceProfile(path) {
    return path.endsWith('.json') && (await (0,src/* isSavedProfile */.FMx)(path));
}
/** The data file's format and header, checked before the pass; its warnings go to `onWarning`. */
async function inspectData(path, name, options, deps) {
    const shape = await (0,src/* inspectDataFile */.B0B)(path, {
        name,
        ...(options.format && { format: options.format }),
        ...(options.delimiter !== undefined && { delimiter: options.delimiter }),
    });
    for (const warning of shape.warnings)
        deps.onWarning?.(warning);
    return shape;
}

;// CONCATENATED MODULE: ./packages/engine/src/profile/run-profile.ts





/** Profiles a data file in one streaming pass, split over worker threads when it pays (no checks). */
async function runProfile(options, deps = {}) {
    const path = (0,external_node_path_.resolve)(options.cwd, options.data);
    const { format } = await inspectData(path, options.data, options, deps);
    const threads = await chooseThreads(options.threads, path, deps.workerEntry !== undefined);
    const pool = threads > 1 && deps.workerEntry ? new WorkerPool(deps.workerEntry, threads) : undefined;
    try {
        return await runPass(path, {
            threads,
            ...(pool && { pool }),
            ...(options.shard && { shard: options.shard }),
            format,
            ...(options.delimiter !== undefined && { delimiter: options.delimiter }),
            ...(options.exactValues !== undefined && { exactValues: options.exactValues }),
            ...(deps.onProgress && { onProgress: deps.onProgress }),
        });
    }
    finally {
        await pool?.close();
    }
}

;// CONCATENATED MODULE: ./packages/engine/src/validate/fail-on.ts
/** The validate action's `fail-on` input and the CLI's `mlgate validate --fail-on`: which verdict fails. */
const VALIDATE_FAIL_ON = ['error', 'warning', 'never'];
const FAILING = {
    error: ['fail'],
    warning: ['fail', 'warn'],
    never: [],
};
/** Whether a validation verdict fails the step (exit 1) under `fail-on`. */
function validationFails(status, failOn) {
    return FAILING[failOn].includes(status);
}

;// CONCATENATED MODULE: ./packages/engine/src/train/execute.ts

const DEFAULT_GRACE_MS = 10_000;
/**
 * Runs a shell command as the leader of its own process group, streaming its output as it comes. Stopping it
 * (timeout, cancellation) sends SIGTERM to the whole group, so the children a training script starts (data loaders,
 * workers) stop too, and SIGKILL to whatever still runs after the grace period. Whatever of the group outlives the
 * command is killed as well: nothing the command started keeps running, or holds its output open, after it.
 */
async function runCommand(options) {
    const posix = process.platform !== 'win32';
    const child = (0,external_node_child_process_.spawn)(options.command, {
        cwd: options.cwd,
        env: options.env,
        shell: true,
        detached: posix,
        stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.setEncoding('utf8').on('data', (text) => options.stdout.write(text));
    child.stderr.setEncoding('utf8').on('data', (text) => options.stderr.write(text));
    const output = Promise.all([
        new Promise((resolve) => child.stdout.once('close', () => resolve())),
        new Promise((resolve) => child.stderr.once('close', () => resolve())),
    ]);
    const signalGroup = (signal) => {
        try {
            if (posix && child.pid !== undefined)
                process.kill(-child.pid, signal);
            else
                child.kill(signal);
        }
        catch (error) {
            // ESRCH: the group is already gone.
            if (error.code !== 'ESRCH')
                throw error;
        }
    };
    let stopped;
    let stoppedAt = 0;
    let killTimer;
    const stop = (why) => {
        if (stopped)
            return;
        stopped = why;
        stoppedAt = Date.now();
        signalGroup('SIGTERM');
        killTimer = setTimeout(() => signalGroup('SIGKILL'), options.graceMs ?? DEFAULT_GRACE_MS);
    };
    const timeout = options.timeoutMs === undefined ? undefined : setTimeout(() => stop('timed-out'), options.timeoutMs);
    const onAbort = () => stop('cancelled');
    if (options.signal?.aborted)
        onAbort();
    options.signal?.addEventListener('abort', onAbort);
    try {
        const exit = await new Promise((resolve, reject) => {
            child.once('error', reject);
            child.once('exit', (code, signal) => resolve({ code, signal }));
        });
        // The shell is gone; its children may not be. Stopped: they still get the rest of the grace period after SIGTERM.
        // Exited on its own: whatever it left running in the background goes now.
        if (stopped && posix && child.pid !== undefined)
            await groupGone(child.pid, stoppedAt + (options.graceMs ?? DEFAULT_GRACE_MS));
        signalGroup('SIGKILL');
        await output;
        if (stopped === 'timed-out')
            return { kind: 'timed-out', afterMs: options.timeoutMs ?? 0 };
        if (stopped === 'cancelled')
            return { kind: 'cancelled' };
        if (exit.signal)
            return { kind: 'signalled', signal: exit.signal };
        return { kind: 'exited', code: exit.code ?? 1 };
    }
    finally {
        clearTimeout(timeout);
        clearTimeout(killTimer);
        options.signal?.removeEventListener('abort', onAbort);
    }
}
/** Resolves once no process is left in group `pgid`, or at `deadline` (ms since the epoch), whichever comes first. */
async function groupGone(pgid, deadline) {
    while (Date.now() < deadline) {
        try {
            process.kill(-pgid, 0);
        }
        catch {
            return;
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
    }
}

// EXTERNAL MODULE: ./node_modules/.pnpm/picomatch@4.0.7/node_modules/picomatch/index.js
var picomatch = __webpack_require__(45496);
var picomatch_default = /*#__PURE__*/__webpack_require__.n(picomatch);
;// CONCATENATED MODULE: ./packages/engine/src/train/files.ts





/** Folders never walked for a glob: version control, installed packages and mlgate's own state. */
const SKIPPED = new Set(['.git', 'node_modules', '.mlgate']);
/** `a/b` from a path under `root`, or a `UserError` when it is outside: everything the run touches stays inside. */
function insideRoot(root, path, what) {
    const rel = (0,external_node_path_.relative)(root, (0,external_node_path_.resolve)(root, path));
    if (rel === '' || rel.startsWith('..') || (0,external_node_path_.isAbsolute)(rel)) {
        throw new src/* UserError */.yot(`${what} "${path}" is outside the working directory ${root}`);
    }
    return rel.split(external_node_path_.sep).join('/');
}
/**
 * The files a list of deps names: a file, a folder (every file under it) or a glob (`data/*.csv`, `src/**`), as
 * paths relative to `root`, sorted and without repeats. A pattern that matches nothing is an error: a typo there
 * would silently leave an input out of the fingerprint.
 */
async function expandDeps(patterns, root) {
    const found = new Set();
    for (const pattern of patterns) {
        const matched = picomatch_default().scan(pattern).isGlob ? await glob(pattern, root) : await filesAt(pattern, root);
        if (matched.length === 0)
            throw new src/* UserError */.yot(`deps: "${pattern}" matches no file in ${root}`);
        for (const file of matched)
            found.add(file);
    }
    return [...found].sort(byCodeUnit);
}
/** A declared output: a file, or a folder standing for every file under it. Missing → `undefined`. */
async function outputFiles(path, root) {
    const files = await filesAt(path, root);
    return files.length === 0 ? undefined : files;
}
async function digestAll(files, root) {
    const digests = [];
    for (const path of files)
        digests.push({ path, ...(await file_digest_fileDigest((0,external_node_path_.join)(root, path))) });
    return digests;
}
async function filesAt(path, root) {
    const rel = insideRoot(root, path, 'path');
    let info;
    try {
        info = await (0,promises_.stat)((0,external_node_path_.join)(root, rel));
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return [];
        throw error;
    }
    if (!info.isDirectory())
        return [rel];
    return (await walk((0,external_node_path_.join)(root, rel), root, false)).sort(byCodeUnit);
}
async function glob(pattern, root) {
    const matches = picomatch_default()(pattern.replace(/^\.\//, ''), { dot: false });
    return (await walk(root, root, true)).filter((file) => matches(file)).sort(byCodeUnit);
}
async function walk(dir, root, skip) {
    const files = [];
    for (const entry of await (0,promises_.readdir)(dir, { withFileTypes: true })) {
        const path = (0,external_node_path_.join)(dir, entry.name);
        if (entry.isDirectory()) {
            if (!(skip && SKIPPED.has(entry.name)))
                files.push(...(await walk(path, root, skip)));
        }
        else if (entry.isFile()) {
            files.push((0,external_node_path_.relative)(root, path).split(external_node_path_.sep).join('/'));
        }
    }
    return files;
}
function byCodeUnit(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}

;// CONCATENATED MODULE: ./packages/engine/src/train/params.ts



/** `params.yaml` or `params.yaml:train.lr,train.epochs`. */
function parseParamsSpec(text) {
    const colon = text.lastIndexOf(':');
    // `C:\params.yaml` has a colon too; a key list never starts with a path separator.
    if (colon <= 1 || /^[\\/]/.test(text.slice(colon + 1)))
        return { file: text.trim() };
    const keys = text
        .slice(colon + 1)
        .split(',')
        .map((key) => key.trim())
        .filter((key) => key !== '');
    return { file: text.slice(0, colon).trim(), ...(keys.length > 0 ? { keys } : {}) };
}
/**
 * The values the command uses, by file (relative to `root`), flattened with `.`. A named key selects itself or a
 * whole section (`train` selects `train.lr` and `train.epochs`); one that none of the files naming it has is an
 * error (a model's config names its keys once for all of its params files).
 */
async function readParams(specs, root) {
    const params = {};
    for (const spec of specs) {
        const file = insideRoot(root, spec.file, 'params file');
        const values = await readAs(userPath(file, root), src/* readMetricsFile */._cD);
        const selected = { ...params[file] };
        for (const [key, value] of values) {
            if (!spec.keys || spec.keys.some((wanted) => key === wanted || key.startsWith(`${wanted}.`))) {
                selected[key] = value;
            }
        }
        params[file] = selected;
    }
    for (const spec of specs) {
        for (const wanted of spec.keys ?? []) {
            const files = specs.filter((s) => s.keys?.includes(wanted)).map((s) => insideRoot(root, s.file, 'params file'));
            const found = files.some((file) => Object.keys(params[file] ?? {}).some((key) => key === wanted || key.startsWith(`${wanted}.`)));
            if (!found)
                throw new src/* UserError */.yot(`params: key "${wanted}" is not in ${files.join(', ')}`, { file: files[0] });
        }
    }
    return params;
}

;// CONCATENATED MODULE: ./packages/engine/src/train/provenance.ts


/** What `git` says about `cwd`; every field null outside a repository or without git. */
async function gitState(cwd, env = process.env) {
    const sha = await output('git', ['rev-parse', 'HEAD'], cwd);
    if (sha === undefined)
        return { sha: env.GITHUB_SHA ?? null, ref: env.GITHUB_REF ?? null, dirty: null };
    const branch = await output('git', ['symbolic-ref', '-q', 'HEAD'], cwd);
    const status = await output('git', ['status', '--porcelain', '--untracked-files=no'], cwd);
    return {
        sha,
        // A checkout on Actions is a detached HEAD: the runner's ref names what was checked out.
        ref: branch ?? env.GITHUB_REF ?? null,
        dirty: status === undefined ? null : status !== '',
    };
}
/** The Actions run, from the runner's variables; null for a local run. */
function actionsRun(env = process.env) {
    if (!env.GITHUB_RUN_ID)
        return null;
    const run = { id: env.GITHUB_RUN_ID, attempt: env.GITHUB_RUN_ATTEMPT ?? '1' };
    if (env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY) {
        run.url = `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`;
    }
    return run;
}
const PYTHON_PACKAGES = 'import importlib.metadata as m, json, sys\n' +
    'print(json.dumps({"version": sys.version.split()[0], "packages": ' +
    '{d.metadata["Name"]: d.version for d in m.distributions() if d.metadata["Name"]}}))';
/** Node and the OS always; Python and its installed packages when a `python3` (else `python`) is on PATH. */
async function runtimes(cwd, env = process.env) {
    const found = {
        node: process.version,
        os: { platform: (0,external_node_os_.platform)(), release: (0,external_node_os_.release)(), arch: (0,external_node_os_.arch)() },
    };
    for (const python of ['python3', 'python']) {
        const text = await output(python, ['-c', PYTHON_PACKAGES], cwd, env);
        if (text === undefined)
            continue;
        try {
            const parsed = JSON.parse(text);
            const packages = Object.fromEntries(Object.entries(parsed.packages).sort(([a], [b]) => (a < b ? -1 : 1)));
            found.python = { version: parsed.version, packages };
            break;
        }
        catch {
            // Not the Python we know how to ask: leave it out rather than guess.
        }
    }
    return found;
}
/** Trimmed stdout of a successful run, else undefined (missing program, non-zero exit, 10 s passed). */
function output(file, args, cwd, env = process.env) {
    return new Promise((resolve) => {
        (0,external_node_child_process_.execFile)(file, args, { cwd, env, timeout: 10_000, maxBuffer: 4 * 1024 * 1024 }, (error, stdout) => {
            resolve(error ? undefined : stdout.trim());
        });
    });
}

;// CONCATENATED MODULE: ./packages/engine/src/train/run-train.ts








const DEFAULT_MANIFEST = 'mlgate.manifest.json';
/** The command failed, timed out or was cancelled: nothing was cached, no manifest was written. */
class TrainCommandError extends src/* UserError */.yot {
    outcome;
    constructor(outcome) {
        super(describeFailure(outcome));
        this.outcome = outcome;
        this.name = 'TrainCommandError';
    }
}
/**
 * Trains a model reproducibly: fingerprints the inputs, restores the outputs from the run cache when the same
 * inputs trained before (digests checked against the cached manifest), else runs the command and caches what it
 * produced; writes the manifest and uploads the artifact.
 */
async function runTrain(options, deps) {
    const { logger } = deps;
    const root = options.workingDirectory;
    const env = deps.env ?? process.env;
    const startedAt = new Date();
    const declared = declaredOutputs(options);
    const manifestRel = insideRoot(root, options.manifest ?? DEFAULT_MANIFEST, 'manifest');
    const depFiles = await expandDeps(options.deps, root);
    const depDigests = await digestAll(depFiles, root);
    const params = await readParams(options.params, root);
    const fingerprint = (0,src/* trainFingerprint */.Nf2)({ command: options.command, deps: depDigests, params, outs: declared.all });
    const cacheKey = (0,src/* trainCacheKey */.aWt)(options.model, fingerprint);
    logger.info(`Fingerprint ${fingerprint} (${depDigests.length} dep files, ${Object.keys(params).length} params files)`);
    logger.info(`Run cache key ${cacheKey}`);
    const useCache = options.cache ?? true;
    const cachePaths = [...declared.paths, manifestRel];
    const git = await gitState(root, env);
    const restored = useCache
        ? await restore(deps, cacheKey, cachePaths, root, manifestRel, fingerprint, declared)
        : undefined;
    if (!restored) {
        const outcome = await logger.group(`Training ${options.model}: ${options.command}`, () => runCommand({
            command: options.command,
            cwd: root,
            env: { ...env, ...options.env },
            stdout: deps.stdout,
            stderr: deps.stderr,
            ...(options.timeoutMinutes === undefined ? {} : { timeoutMs: options.timeoutMinutes * 60_000 }),
            ...(deps.graceMs === undefined ? {} : { graceMs: deps.graceMs }),
            ...(deps.signal ? { signal: deps.signal } : {}),
        }));
        if (outcome.kind !== 'exited' || outcome.code !== 0)
            throw new TrainCommandError(outcome);
    }
    const outputs = await produced(declared, root);
    const finishedAt = new Date();
    const manifest = {
        schema: src/* MANIFEST_SCHEMA_ID */.SJY,
        model: options.model,
        fingerprint,
        cacheKey,
        command: options.command,
        workingDirectory: (0,external_node_path_.relative)(options.repoRoot ?? root, root)
            .split(external_node_path_.sep)
            .join('/') || '.',
        ...(options.env && Object.keys(options.env).length > 0 ? { env: Object.keys(options.env).sort() } : {}),
        params,
        deps: depDigests,
        outs: outputs.outs,
        metrics: await metricValues(outputs.metricsFiles, root),
        metricsFiles: outputs.metricsFiles,
        ...(outputs.predictions ? { predictions: outputs.predictions } : {}),
        git,
        run: actionsRun(env),
        runtimes: await runtimes(root, env),
        startedAt: startedAt.toISOString(),
        finishedAt: finishedAt.toISOString(),
        durationMs: finishedAt.getTime() - startedAt.getTime(),
        cache: {
            enabled: useCache,
            hit: restored !== undefined,
            ...(restored
                ? {
                    restoredFrom: {
                        fingerprint: restored.fingerprint,
                        startedAt: restored.startedAt,
                        git: restored.git,
                        run: restored.run,
                    },
                }
                : {}),
        },
    };
    const manifestPath = (0,external_node_path_.join)(root, manifestRel);
    await (0,src/* writeFileAtomic */.Zf6)(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`, manifestRel);
    logger.info(`Manifest ${manifestRel} (${restored ? 'restored from the run cache' : 'trained'})`);
    if (useCache && !restored) {
        const saved = await deps.cache.save(cacheKey, cachePaths);
        if (saved.saved)
            logger.info(`Saved to the run cache as ${cacheKey}`);
        else
            logger.warning(`The run cache did not save this run (${saved.reason}); the next run with these inputs trains again.`);
    }
    if (!deps.artifacts)
        return { manifest, manifestPath };
    const files = [...manifest.outs, ...manifest.metricsFiles, ...(manifest.predictions ? [manifest.predictions] : [])];
    const name = options.artifactName ?? `mlgate-train-${options.model.replace(/\//g, '-')}`;
    const artifact = await deps.artifacts.upload(name, [...files.map((f) => f.path), manifestRel], root);
    logger.info(`Uploaded artifact ${name} (id ${artifact.id}, ${artifact.digest})`);
    return { manifest, manifestPath, artifact };
}
function declaredOutputs(options) {
    const root = options.workingDirectory;
    const outs = options.outs.map((out) => insideRoot(root, out, 'outs'));
    const metrics = options.metrics.map((file) => insideRoot(root, file, 'metrics'));
    const predictions = options.predictions === undefined ? undefined : insideRoot(root, options.predictions, 'predictions');
    if (outs.length === 0 && metrics.length === 0)
        throw new src/* UserError */.yot('train needs at least one of outs or metrics');
    const paths = [...new Set([...outs, ...metrics, ...(predictions ? [predictions] : [])])];
    const all = [
        ...outs.map((p) => `outs:${p}`),
        ...metrics.map((p) => `metrics:${p}`),
        ...(predictions ? [`predictions:${predictions}`] : []),
    ];
    return { all, paths, outs, metrics, ...(predictions ? { predictions } : {}) };
}
/** Digests of every declared output; one that is missing after the command succeeded is the command's fault. */
async function produced(declared, root) {
    const files = async (path, role) => {
        const found = await outputFiles(path, root);
        if (!found)
            throw new src/* UserError */.yot(`${role} "${path}" is missing after the command succeeded: the command must write it`);
        return digestAll(found, root);
    };
    const outs = [];
    for (const out of declared.outs)
        outs.push(...(await files(out, 'outs')));
    const metricsFiles = [];
    for (const file of declared.metrics)
        metricsFiles.push(...(await files(file, 'metrics file')));
    const predictions = declared.predictions ? (await files(declared.predictions, 'predictions file'))[0] : undefined;
    return { outs, metricsFiles, ...(predictions ? { predictions } : {}) };
}
async function metricValues(files, root) {
    const values = {};
    for (const file of files) {
        for (const [key, value] of await readAs(userPath(file.path, root), src/* readMetricsFile */._cD))
            values[key] = value;
    }
    return values;
}
/**
 * The cached run, when the cache holds this fingerprint and what it restored matches the manifest it was saved
 * with, byte for byte. Anything else (a miss, cache trouble, a corrupt entry) means training runs: a warning for
 * trouble, never a silent skip.
 */
async function restore(deps, key, paths, root, manifestRel, fingerprint, declared) {
    const { logger } = deps;
    const result = await deps.cache.restore(key, paths);
    if (!result.hit) {
        if (result.trouble)
            logger.warning(`The run cache is unavailable (${result.trouble}); training runs.`);
        else
            logger.info('Run cache miss: training runs.');
        return undefined;
    }
    try {
        const cached = (0,src/* parseManifest */.Ngi)(JSON.parse(await (0,promises_.readFile)((0,external_node_path_.join)(root, manifestRel), 'utf8')), manifestRel);
        if (cached.fingerprint !== fingerprint)
            throw new src/* UserError */.yot(`it is for fingerprint ${cached.fingerprint}`);
        const now = await produced(declared, root);
        const expected = [...cached.outs, ...cached.metricsFiles, ...(cached.predictions ? [cached.predictions] : [])];
        const actual = [...now.outs, ...now.metricsFiles, ...(now.predictions ? [now.predictions] : [])];
        const same = JSON.stringify(expected.map(digestKey).sort()) === JSON.stringify(actual.map(digestKey).sort());
        if (!same)
            throw new src/* UserError */.yot('the restored files do not match the digests in its manifest');
        logger.info(`Run cache hit: restored the outputs of the run of ${cached.startedAt}; the command does not run.`);
        return cached;
    }
    catch (error) {
        logger.warning(`The run cache entry ${key} is not usable (${error.message}); training runs.`);
        return undefined;
    }
}
function digestKey(file) {
    return `${file.path}\0${file.sha256}\0${file.size}`;
}
function describeFailure(outcome) {
    switch (outcome.kind) {
        case 'exited':
            return `the training command failed with exit code ${outcome.code}; nothing was cached`;
        case 'signalled':
            return `the training command was killed by ${outcome.signal}; nothing was cached`;
        case 'timed-out':
            return `the training command timed out after ${outcome.afterMs / 60_000} minutes and was stopped; nothing was cached`;
        case 'cancelled':
            return 'the training command was cancelled; nothing was cached';
    }
}

;// CONCATENATED MODULE: ./packages/engine/src/train/inputs.ts




/**
 * The options a training run uses: each input given wins, else the config's `train:` block, else the default. The
 * config's paths are relative to its `working_directory` (default: the repository root, `cwd`).
 */
async function resolveTrainOptions(inputs, cwd) {
    const { config, file } = await loadCompareConfig(inputs.config, cwd);
    const models = Object.keys(config.models);
    if (inputs.model === undefined && models.length > 1) {
        throw new src/* UserError */.yot(`name the model to train: ${file ?? 'mlgate.yml'} has ${models.join(', ')}`);
    }
    const { name, model } = selectModel(config, inputs.model, file);
    const train = model?.train;
    const command = inputs.run ?? train?.command;
    if (command === undefined || command.trim() === '') {
        throw new src/* UserError */.yot(`no training command: give one (run) or set models.${name}.train.command in ${file ?? 'mlgate.yml'}`);
    }
    const given = (list) => (list && list.length > 0 ? list : undefined);
    const configParams = (model?.params ?? []).map((paramsFile) => ({
        file: paramsFile,
        ...(train && train.params.length > 0 ? { keys: train.params } : {}),
    }));
    const timeoutMinutes = inputs.timeoutMinutes ?? train?.timeoutMinutes;
    if (timeoutMinutes !== undefined && !(timeoutMinutes > 0)) {
        throw new src/* UserError */.yot(`timeout-minutes must be a positive number of minutes, not ${timeoutMinutes}`);
    }
    const predictions = inputs.predictions ?? train?.predictions;
    return {
        model: name,
        command,
        deps: given(inputs.deps) ?? train?.deps ?? [],
        params: given(inputs.params)?.map(parseParamsSpec) ?? configParams,
        outs: given(inputs.outs) ?? train?.outs ?? [],
        metrics: given(inputs.metrics) ?? (train && train.metrics.length > 0 ? train.metrics : (model?.metrics ?? [])),
        ...(predictions === undefined ? {} : { predictions }),
        cache: inputs.cache ?? train?.cache ?? true,
        ...(timeoutMinutes === undefined ? {} : { timeoutMinutes }),
        workingDirectory: (0,external_node_path_.resolve)(cwd, inputs.workingDirectory ?? train?.workingDirectory ?? '.'),
        repoRoot: cwd,
        env: { ...train?.env, ...inputs.env },
        ...(inputs.manifest === undefined ? {} : { manifest: inputs.manifest }),
    };
}

;// CONCATENATED MODULE: ./packages/engine/src/train/index.ts






;// CONCATENATED MODULE: ./packages/engine/src/registry/record.ts


/** How many times a write re-reads the registry after losing a race before it gives up. */
const ATTEMPTS = 20;
/**
 * Reads the model's tags, plans, creates the planned tag; when another writer took the name first, reads again
 * and plans again (the next counter, the next version), so racing writers all end recorded. `floor` keeps the
 * counter above every name found taken, including tags the store does not list (lightweight ones).
 */
async function record(model, deps, plan) {
    let floor = 1;
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
        const tags = await deps.store.listTags(model);
        const state = (0,src/* registryState */.zWd)(model, tags);
        const counter = Math.max(floor, (0,src/* nextCounter */.Q3Q)(model, tags.map((t) => t.name)));
        const next = await plan(state, counter);
        if (next.kind === 'done')
            return next.result;
        try {
            await deps.store.createTag({ name: next.name, commit: next.commit, message: next.message });
            return { ...next.result, tag: next.name, created: true };
        }
        catch (error) {
            if (!isTagExistsError(error))
                throw error;
            deps.logger?.info(`${next.name} was created by someone else meanwhile; reading the registry again.`);
            floor = Math.max(floor, counter + 1);
        }
    }
    throw new src/* UserError */.yot(`${model}: the registry kept changing under ${ATTEMPTS} attempts to write; try again`);
}
function checkModel(model) {
    if (!src/* MODEL_NAME */.UbM.test(model)) {
        throw new src/* UserError */.yot(`model name ${JSON.stringify(model)} is not a registry name: letters, digits, "-", "_", "/" inside, optionally after "folder:"`);
    }
}
/** A stage name that is valid and, when stages are configured, one of them (with the closest as a suggestion). */
function checkStage(stage, stages) {
    if (!src/* REGISTRY_NAME */.iWy.test(stage)) {
        throw new src/* UserError */.yot(`stage name ${JSON.stringify(stage)} is not a registry name: letters, digits, "-", "_", "/" inside`);
    }
    if (stages && !stages.includes(stage)) {
        // `prod` for `production` is too far for an edit distance but is what people type.
        const near = (0,src/* closestMatch */.h0v)(stage, stages) ?? stages.find((name) => name.startsWith(stage));
        throw new src/* UserError */.yot(`stage ${JSON.stringify(stage)} is not one of the configured stages (${stages.join(', ')})` +
            (near === undefined ? '' : `; did you mean ${JSON.stringify(near)}?`), { path: 'registry.stages' });
    }
}
function activeVersion(state, version) {
    if (!(0,src/* isVersion */.lFp)(version))
        throw new src/* UserError */.yot(`${JSON.stringify(version)} is not a version: expected v + SemVer, e.g. v1.2.0`);
    const found = state.versions.find((v) => v.version === version);
    if (found)
        return found;
    const deregistered = state.history.some((e) => e.action === 'deregister' && e.version === version);
    throw new src/* UserError */.yot(`${state.model}@${version} is ${deregistered ? 'deregistered' : 'not registered'}`);
}
/**
 * Registers a version at a commit as `model@vX.Y.Z` (GTO's simple form). One commit carries one version, as in
 * GTO: registering the same commit again reports the existing tag. A bumped version lost to a racing writer is
 * bumped again; an explicit one that is taken is an error.
 */
async function registerVersion(options, deps) {
    const { model, details } = options;
    checkModel(model);
    if (options.version !== undefined && options.bump !== undefined) {
        throw new src/* UserError */.yot('give a version or a bump, not both');
    }
    if (options.version !== undefined && !(0,src/* isVersion */.lFp)(options.version)) {
        throw new src/* UserError */.yot(`${JSON.stringify(options.version)} is not a version: expected v + SemVer, e.g. v1.2.0`);
    }
    const commit = await deps.store.resolveCommit(options.rev);
    return record(model, deps, (state) => {
        const atCommit = state.versions.find((v) => v.commit === commit);
        if (atCommit) {
            if (options.version === undefined || options.version === atCommit.version) {
                return { kind: 'done', result: done(atCommit.tag, commit, atCommit.version, null) };
            }
            throw new src/* UserError */.yot(`commit ${commit.slice(0, 7)} is already registered as ${model}@${atCommit.version}; one commit carries one version`);
        }
        const taken = (version) => state.history.some((e) => e.version === version && e.action === 'register');
        if (options.version !== undefined && taken(options.version)) {
            throw new src/* UserError */.yot(`${model}@${options.version} is already registered at another commit`);
        }
        const latest = state.versions.at(-1);
        const bump = options.bump === 'auto' ? autoBump(latest?.message, details) : (options.bump ?? 'patch');
        let version = options.version ?? (latest ? (0,src/* bumpVersion */.BxA)(latest.version, bump) : firstVersion(options.bump && bump));
        while (taken(version))
            version = (0,src/* bumpVersion */.BxA)(version, bump);
        const name = (0,src/* formatRegistryTag */.jMk)({ action: 'register', model, version, number: null });
        const message = (0,src/* formatRegistryEvent */.Pac)({ action: 'register', model, version, ...details });
        return { kind: 'create', name, commit, message, result: { commit, version, stage: null, previous: null } };
    });
}
/** minor when the training params changed since the latest version (both digests recorded), else patch. */
function autoBump(latestMessage, details) {
    const read = latestMessage === undefined ? null : (0,src/* readTagMessage */.k_q)(latestMessage);
    const before = read?.kind === 'event' ? read.event.manifest?.params : undefined;
    const now = details.manifest?.params;
    return before !== undefined && now !== undefined && before !== now ? 'minor' : 'patch';
}
/** The first version: patch → v0.0.1 (GTO's), minor → v0.1.0, major → v1.0.0. */
function firstVersion(bump) {
    return bump === undefined ? src/* FIRST_VERSION */.EgA : (0,src/* bumpVersion */.BxA)('v0.0.0', bump);
}
function done(tag, commit, version, stage, previous = null) {
    return { tag, created: false, commit, version, stage, previous };
}
/**
 * Assigns a stage to a registered version with `model#stage#N`, N one more than the model's highest counter.
 * When the stage already holds that version, nothing is written and the assigning tag is reported; an earlier
 * version is a rollback like any other assignment, and `previous` says what the stage held.
 */
async function assignStage(options, deps) {
    const { model, version, stage, details } = options;
    checkModel(model);
    checkStage(stage, options.stages);
    return record(model, deps, (state, counter) => {
        const target = activeVersion(state, version);
        const current = state.stages.get(stage);
        if (current?.version.version === version) {
            return {
                kind: 'done',
                result: done(current.tag, target.commit, version, stage, previousOf(state, stage, current.tag)),
            };
        }
        const previous = { version: current?.version.version ?? null, tag: current?.tag ?? null };
        const name = (0,src/* formatRegistryTag */.jMk)({ action: 'assign', model, stage, number: counter });
        const message = (0,src/* formatRegistryEvent */.Pac)({ action: 'assign', model, version, stage, ...details, previous });
        return {
            kind: 'create',
            name,
            commit: target.commit,
            message,
            result: { commit: target.commit, version, stage, previous },
        };
    });
}
/** What the stage held before the event recorded by `tag`, as that event's message says (when mlgate wrote it). */
function previousOf(state, stage, tag) {
    const entry = state.history.find((e) => e.tag === tag && e.stage === stage);
    return entry?.message.kind === 'event' ? (entry.message.event.previous ?? null) : null;
}
/**
 * Unassigns a stage with `model#stage!#N` at each version that holds it (GTO unassigns per version: removing
 * only the current one would hand the stage back to the one before). A stage that holds nothing writes nothing.
 */
async function unassignStage(options, deps) {
    const { model, stage, details } = options;
    checkModel(model);
    checkStage(stage);
    const results = [];
    for (;;) {
        const result = await record(model, deps, (state, counter) => {
            if (options.version !== undefined)
                activeVersion(state, options.version);
            const held = (state.holders.get(stage) ?? []).filter((h) => options.version === undefined || h.version.version === options.version);
            const [holder] = held;
            if (!holder)
                return { kind: 'done', result: done('', '', options.version ?? null, stage) };
            const current = state.stages.get(stage);
            const previous = { version: current?.version.version ?? null, tag: current?.tag ?? null };
            const version = holder.version.version;
            const name = (0,src/* formatRegistryTag */.jMk)({ action: 'unassign', model, stage, number: counter });
            const message = (0,src/* formatRegistryEvent */.Pac)({ action: 'unassign', model, version, stage, ...details, previous });
            const commit = holder.version.commit;
            return { kind: 'create', name, commit, message, result: { commit, version, stage, previous } };
        });
        if (!result.created)
            return results;
        results.push(result);
    }
}
/** Deregisters a version with `model@vX.Y.Z!`; a version deregistered already reports its deregistering tag. */
async function deregisterVersion(options, deps) {
    const { model, version, details } = options;
    checkModel(model);
    return record(model, deps, (state) => {
        const earlier = [...state.history]
            .reverse()
            .find((e) => e.version === version && (e.action === 'deregister' || e.action === 'register'));
        if (earlier?.action === 'deregister')
            return { kind: 'done', result: done(earlier.tag, earlier.commit, version, null) };
        const target = activeVersion(state, version);
        const name = (0,src/* formatRegistryTag */.jMk)({ action: 'deregister', model, version, number: null });
        const message = (0,src/* formatRegistryEvent */.Pac)({ action: 'deregister', model, version, ...details });
        return {
            kind: 'create',
            name,
            commit: target.commit,
            message,
            result: { commit: target.commit, version, stage: null, previous: null },
        };
    });
}
/**
 * Deprecates the model with `model@deprecated#N` at the commit of its latest event (GTO's counted form, which
 * GTO writes with `--force`): tag times have one-second resolution, and the counter keeps a deprecation after
 * the events of the same second.
 */
async function deprecateModel(options, deps) {
    const { model, details } = options;
    checkModel(model);
    return record(model, deps, (state, counter) => {
        const latest = state.history.at(-1);
        if (!latest)
            throw new src/* UserError */.yot(`${model} has no registry tags: nothing to deprecate`);
        if (state.deprecated)
            return { kind: 'done', result: done(latest.tag, latest.commit, null, null) };
        const name = (0,src/* formatRegistryTag */.jMk)({ action: 'deprecate', model, number: counter });
        const message = (0,src/* formatRegistryEvent */.Pac)({ action: 'deprecate', model, ...details });
        return {
            kind: 'create',
            name,
            commit: latest.commit,
            message,
            result: { commit: latest.commit, version: null, stage: null, previous: null },
        };
    });
}

;// CONCATENATED MODULE: ./packages/engine/src/registry/promote.ts





/** The manifest's file name in a version's stored files when its event names none. */
const promote_MANIFEST_FILE = 'mlgate.manifest.json';
/**
 * Assigns the stage when the version carries the evidence the stage needs (`missingEvidence`); otherwise refuses,
 * listing every missing piece, unless forced with a reason. A stage already holding the version needs no evidence:
 * nothing is written and its assigning tag is reported.
 */
async function promote_promoteVersion(options, deps) {
    const { model, version, stage, policy } = options;
    if (options.force && options.force.reason.trim() === '') {
        throw new src/* UserError */.yot('--force needs a --reason, which is recorded in the tag');
    }
    // Before the evidence: a misspelt stage is a usage error, not a version lacking what that stage needs.
    checkStage(stage, options.stages);
    const state = (0,src/* registryState */.zWd)(model, await deps.store.listTags(model));
    const target = state.versions.find((v) => v.version === version);
    const current = state.stages.get(stage);
    if (!target || current?.version.version === version) {
        return { refused: false, forced: false, missing: [], ...(await assignStage(options, deps)) };
    }
    const registration = (0,src/* readTagMessage */.k_q)(target.message);
    const dir = await deps.files.download(target.tag);
    const manifestName = registration.kind === 'event' && registration.event.manifest?.path
        ? (0,external_node_path_.basename)(registration.event.manifest.path)
        : promote_MANIFEST_FILE;
    const facts = {
        tag: target.tag,
        stage,
        registration,
        storedManifestDigest: dir ? await digestOrNull((0,external_node_path_.join)(dir, manifestName)) : null,
        manifestLocation: dir ? (0,external_node_path_.join)(dir, manifestName) : deps.files.describe(target.tag),
    };
    if (policy.requireBetterThanCurrent && current) {
        facts.againstCurrent = await againstCurrent(current.version.tag, dir, deps.files, options.compare);
    }
    const missing = (0,src/* missingEvidence */.QI4)(facts, policy);
    if (missing.length > 0 && !options.force)
        return { refused: true, missing };
    const forced = missing.length > 0 && options.force ? { reason: options.force.reason, missing } : undefined;
    const details = { ...options.details, ...(forced && { forced }) };
    const recorded = await assignStage({ ...options, details }, deps);
    return { refused: false, forced: forced !== undefined, missing, ...recorded };
}
async function againstCurrent(currentTag, candidateDir, files, compare) {
    if (!compare)
        return { current: currentTag, problem: 'no comparison is available here' };
    if (!candidateDir)
        return { current: currentTag, problem: "this version's files are not stored" };
    const currentDir = await files.download(currentTag);
    if (!currentDir)
        return { current: currentTag, problem: `its files are not stored (${files.describe(currentTag)})` };
    try {
        return { current: currentTag, metrics: await compare(candidateDir, currentDir) };
    }
    catch (error) {
        if ((0,src/* isUserError */.iU5)(error))
            return { current: currentTag, problem: error.message };
        throw error;
    }
}
async function digestOrNull(path) {
    try {
        await (0,promises_.access)(path);
    }
    catch {
        return null;
    }
    return (await file_digest_fileDigest(path)).sha256;
}

;// CONCATENATED MODULE: ./packages/engine/src/registry/evidence-files.ts





/**
 * Reads the manifest and the report a version is registered with (paths as the user gave them, relative to
 * `cwd`), and the evidence its tag records: the manifest's digest, the report's verdict and digest, key metrics.
 * Every file the manifest records must be there with its recorded sha256: this runs before anything is written,
 * so a model file changed (or lost) since training registers nothing.
 */
async function readRegistrationEvidence(options) {
    const { cwd } = options;
    const manifest = options.manifest === undefined ? undefined : await readManifestFile(options.manifest, cwd);
    const report = options.report === undefined ? undefined : await evidence_files_readReportFile(options.report, cwd);
    const details = {
        ...(manifest && { manifest: manifest.recorded }),
        ...(report && {
            gate: {
                verdict: report.report.verdict.status,
                report: { digest: report.digest, location: options.report },
            },
        }),
        ...metricsOf(report?.report, manifest?.manifest),
    };
    return { ...(manifest && { manifest }), ...(report && { report }), details };
}
async function readManifestFile(shown, cwd) {
    const path = (0,external_node_path_.resolve)(cwd, shown);
    const bytes = await readInput(path, shown);
    const manifest = (0,src/* parseManifest */.Ngi)(parseJson(bytes, shown), shown);
    return {
        manifest,
        path,
        files: await checkedArtifacts(manifest, path, shown, cwd),
        recorded: {
            digest: sha256(bytes),
            path: (0,external_node_path_.basename)(shown),
            fingerprint: manifest.fingerprint,
            params: sha256(Buffer.from(JSON.stringify(manifest.params))),
        },
    };
}
async function evidence_files_readReportFile(shown, cwd) {
    const path = (0,external_node_path_.resolve)(cwd, shown);
    const bytes = await readInput(path, shown);
    return { report: (0,src/* parseReport */.MM$)(parseJson(bytes, shown), shown), digest: sha256(bytes), path };
}
/**
 * The manifest's files, found where training wrote them and each checked against its recorded sha256. Their
 * paths are relative to the training's working directory: the manifest's own folder when it is where `train`
 * writes it, else `workingDirectory` (recorded relative to the repository root) under `cwd`.
 */
async function checkedArtifacts(manifest, manifestPath, shown, cwd) {
    const listed = [
        ...manifest.outs.map((recorded) => ({ role: 'out', recorded })),
        ...manifest.metricsFiles.map((recorded) => ({ role: 'metrics', recorded })),
        ...(manifest.predictions ? [{ role: 'predictions', recorded: manifest.predictions }] : []),
    ];
    const roots = [...new Set([(0,external_node_path_.dirname)(manifestPath), (0,external_node_path_.resolve)(cwd, manifest.workingDirectory)])];
    const digests = new Map();
    const digestOf = async (path) => {
        if (!digests.has(path))
            digests.set(path, await file_digest_fileDigest(path).catch(() => null));
        return digests.get(path) ?? null;
    };
    let root = roots[0];
    for (const candidate of roots) {
        const found = await Promise.all(listed.map((f) => digestOf((0,external_node_path_.resolve)(candidate, f.recorded.path))));
        if (found.every((digest) => digest !== null)) {
            root = candidate;
            break;
        }
    }
    const checked = [];
    for (const file of listed) {
        const path = (0,external_node_path_.resolve)(root, file.recorded.path);
        const where = (0,external_node_path_.relative)(cwd, path) || path;
        const digest = await digestOf(path);
        if (digest === null) {
            throw new src/* UserError */.yot(`records ${file.recorded.path}, which is not at ${where}; nothing was registered`, {
                file: shown,
            });
        }
        if (digest.sha256 !== file.recorded.sha256.toLowerCase()) {
            throw new src/* UserError */.yot(`${where} has sha256 ${digest.sha256}, but the manifest recorded ${file.recorded.sha256}: ` +
                'the file changed after training, so it is not the model trained; nothing was registered', { file: shown });
        }
        checked.push({ ...file, path });
    }
    return checked;
}
function parseJson(bytes, shown) {
    try {
        return JSON.parse(bytes.toString('utf8'));
    }
    catch (error) {
        throw new src/* UserError */.yot(`is not JSON: ${error.message}`, { file: shown });
    }
}
async function readInput(path, shown) {
    try {
        return await (0,promises_.readFile)(path);
    }
    catch (error) {
        const code = error.code;
        throw new src/* UserError */.yot(code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory, not a file' : String(error), { file: shown });
    }
}
function sha256(bytes) {
    return (0,external_node_crypto_.createHash)('sha256').update(bytes).digest('hex');
}
/** Key metrics with their intervals from the report's comparison; else the manifest's plain values. */
function metricsOf(report, manifest) {
    const compared = report?.comparisons?.[0]?.metrics;
    if (compared && compared.length > 0) {
        const metrics = compared.slice(0, 200).map((m) => ({
            name: m.name,
            value: m.candidate,
            ...(m.baseline !== null && { baseline: m.baseline }),
            ...(m.ci && { ci: { low: m.ci.low, high: m.ci.high } }),
        }));
        return { metrics };
    }
    if (!manifest)
        return {};
    const metrics = Object.entries(manifest.metrics)
        .filter((entry) => typeof entry[1] === 'number' && Number.isFinite(entry[1]))
        .slice(0, 200)
        .map(([name, value]) => ({ name, value }));
    return metrics.length > 0 ? { metrics } : {};
}

;// CONCATENATED MODULE: ./packages/engine/src/registry/compare-stored.ts



/**
 * The comparison `require_better_than_current` needs: compare's statistics on the predictions stored with the
 * candidate version and with the stage's current version (the file the model's config names, in each folder).
 * Undefined when the model names no predictions file: there is nothing to compare.
 */
function storedPredictionsComparer(options) {
    const { model, predictions, config, cwd, logger } = options;
    if (predictions === undefined)
        return undefined;
    const file = (0,external_node_path_.basename)(predictions);
    return async (candidateDir, currentDir) => {
        const { report } = await runCompare({
            candidate: (0,external_node_path_.join)(candidateDir, file),
            predictions: true,
            baseline: (0,external_node_path_.join)(currentDir, file),
            ...(config !== undefined && { config }),
            model,
            failOn: 'never',
            cwd,
        }, {
            // Both sides are files, so no `branch:` baseline is looked up in this store.
            artifacts: new LocalArtifactStore((0,external_node_path_.resolve)(cwd, '.mlgate', 'artifacts')),
            artifactName: 'unused',
            logger,
            now: () => new Date(),
        });
        return report.comparisons?.[0]?.metrics ?? [];
    };
}

;// CONCATENATED MODULE: ./packages/engine/src/registry/deploy.ts



/** A refusal inside the deployment: a user-facing failure, so the deployment ends in `failure`. */
class PromotionRefused extends src/* UserError */.yot {
    missing;
    constructor(missing) {
        super(`refused: ${missing.join('; ')}`);
        this.missing = missing;
    }
}
/**
 * Promotes (`promoteVersion`) inside a deployment of the version's commit to environment `<model>-<stage>`, so
 * that every attempt ends in a terminal deployment status: success, failure when refused, error when anything
 * breaks half-way (the error is rethrown). A promotion with nothing to do (the stage holds the version already,
 * or the version is not registered) starts no deployment: a re-run leaves the deployments as they are.
 */
async function promoteAndDeploy(options, deps, deployment) {
    const state = registryState(options.model, await deps.store.listTags(options.model));
    const target = state.versions.find((v) => v.version === options.version);
    if (!deployment || !target || state.stages.get(options.stage)?.version.version === options.version) {
        return { ...(await promoteVersion(options, deps)), deploymentId: null };
    }
    let deploymentId = null;
    try {
        return await withDeployment(deployment.recorder, {
            model: options.model,
            version: options.version,
            stage: options.stage,
            commit: target.commit,
            ...(deployment.logUrl !== undefined && { logUrl: deployment.logUrl }),
        }, async (started) => {
            deploymentId = started.id;
            const result = await promoteVersion(options, deps);
            if (result.refused)
                throw new PromotionRefused(result.missing);
            return {
                result: { ...result, deploymentId: started.id },
                description: `${result.tag}${result.forced ? ' (forced)' : ''}`,
                ...(deployment.environmentUrl !== undefined && { environmentUrl: deployment.environmentUrl }),
            };
        }, deployment.logger);
    }
    catch (error) {
        if (error instanceof PromotionRefused)
            return { refused: true, missing: error.missing, deploymentId };
        throw error;
    }
}

;// CONCATENATED MODULE: ./packages/engine/src/registry/release-spec.ts




/** The model card's asset name in every release. */
const MODEL_CARD_FILE = 'MODEL_CARD.md';
/**
 * The release of a registered version: its model files (the manifest's outs), the manifest, the metrics and
 * predictions files and the report, each with the sha256 the manifest (or the registering tag) recorded, so a
 * file that changed since training publishes nothing; and a model card rendered from the config, the manifest
 * and the report, written into `workDir`. The manifest's files are where `readRegistrationEvidence` found them.
 */
async function versionReleaseSpec(options) {
    const { tag, model, version, evidence, workDir } = options;
    const { manifest, report } = evidence;
    const assets = [];
    if (manifest) {
        assets.push(...manifest.files.map((file) => ({
            name: basename(file.recorded.path),
            path: file.path,
            sha256: file.recorded.sha256,
        })));
        assets.push({
            name: manifest.recorded.path ?? MANIFEST_FILE,
            path: manifest.path,
            sha256: manifest.recorded.digest,
        });
    }
    if (report)
        assets.push({ name: basename(report.path), path: report.path, sha256: report.digest });
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

;// CONCATENATED MODULE: ./packages/engine/src/registry/index.ts







;// CONCATENATED MODULE: ./packages/engine/src/index.ts
/**
 * @mlgate/engine — the use cases (validate, profile, compare, train; promote next), one
 * implementation for the CLI and the actions: core logic tied to stores and worker threads.
 */












// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(57975);
;// CONCATENATED MODULE: ./packages/cli/src/command.ts


/**
 * node:util parseArgs with mlgate's error convention: an unknown or malformed option is a
 * usage error (exit 2) with a one-line message, not a TypeError with a stack. An unknown option
 * names the closest known one; a negative number after an option is its value (`--threads -1`
 * then gets the option's own range message, not parseArgs' "ambiguous").
 */
function parseCommandArgs(command, argv, options) {
    const see = `(see \`mlgate ${command} --help\`)`;
    try {
        return (0,external_node_util_.parseArgs)({ args: joinNegativeValues(argv, options), options, allowPositionals: true, strict: true });
    }
    catch (error) {
        // Read as a plain object: parseArgs' TypeError may come from another realm (a vm context), where
        // `instanceof Error` is false.
        const { code, message = String(error) } = error;
        const unknown = /^Unknown option '([^']+)'/.exec(message);
        if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && unknown) {
            const flag = unknown[1];
            const known = Object.keys(options).map((name) => `--${name}`);
            const suggestion = flag.startsWith('--') ? (0,src/* closestMatch */.h0v)(flag.split('=')[0], known) : undefined;
            throw new src/* UserError */.yot(`unknown option ${flag}${suggestion ? `; did you mean ${suggestion}?` : ''} ${see}`);
        }
        throw new src/* UserError */.yot(`${message.split('\n')[0]} ${see}`);
    }
}
/** `--name -1` → `--name=-1` for string options, so a negative number reads as the value it is. */
function joinNegativeValues(argv, options) {
    const joined = [];
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        const next = argv[i + 1];
        const option = arg.startsWith('--') ? options[arg.slice(2)] : undefined;
        if (option?.type === 'string' && next !== undefined && /^-\d/.test(next)) {
            joined.push(`${arg}=${next}`);
            i++;
        }
        else
            joined.push(arg);
        if (arg === '--') {
            joined.push(...argv.slice(i + 1));
            break;
        }
    }
    return joined;
}

;// CONCATENATED MODULE: ./packages/cli/src/outputs.ts


/**
 * Checks every output path a command was given before it does any work: a folder or an
 * unwritable path is a usage error up front, not a failure after a long pass.
 */
async function checkOutputs(cwd, names) {
    for (const name of names)
        if (name !== undefined)
            await (0,src/* checkOutputPath */.$bE)((0,external_node_path_.resolve)(cwd, name), name);
}
/** Writes an output file atomically (temporary file + rename), creating its missing folders. */
async function writeOutput(cwd, name, text) {
    await (0,src/* writeFileAtomic */.Zf6)((0,external_node_path_.resolve)(cwd, name), text, name);
}

;// CONCATENATED MODULE: ./packages/cli/src/commands/compare.ts








/** Where `branch:` baselines are looked up locally: `<runId>/run.json` and `<runId>/<artifact>/…`. */
const LOCAL_ARTIFACTS_DIR = (0,external_node_path_.join)('.mlgate', 'artifacts');
/** Where a registered version's files are looked up locally: `<tag>/…`, e.g. `churn@v1.3.0/metrics.json`. */
const LOCAL_RELEASES_DIR = (0,external_node_path_.join)('.mlgate', 'releases');
const DEFAULT_ARTIFACT = 'mlgate-compare';
const DEFAULT_WORKFLOW = 'ci.yml';
const help = `Usage: mlgate compare --candidate <file> [options]

Compare a candidate model with its baseline and gate the change. The candidate is a metrics file
(JSON, YAML, TOML, CSV/TSV; nested keys flattened with "."), a predictions file (CSV/TSV, JSON
Lines or Parquet with id and label columns: metrics with paired bootstrap intervals and slices)
or an mlgate.manifest.json. Without --candidate, the model's predictions or metrics from the
config are used.

Options:
  --candidate <file>          the candidate's metrics, predictions or manifest file
  --predictions               read the candidate as a predictions file whatever its name
  --baseline <spec>           registry:<model>#<stage>, branch:<name> or a file or folder path;
                              without it the comparison is a first run (on_missing_baseline decides)
  --config <file>             mlgate.yml (default: ./mlgate.yml when it exists, else defaults)
  --model <name>              the model in the config, and its name in the report
  --validation-report <file>  a validate report, for gate.require: [data_validation]
  --task <task>               binary, multiclass or regression (default: the model's task in the
                              config, else detected from the labels; the report says which)
  --positive-class <label>    the positive class of a binary model (default: the config's; 1, true,
                              yes or positive need none, other labels must be named)
  --score-type <type>         probability, logit or decision (default: the config's, else
                              probability when every score is in [0, 1], else ranking metrics only)
  --id-column, --label-column, --prediction-column, --score-column <name>
                              column names of the predictions files, when not the defaults
  --fail-on <when>            fail (default), warn or never: which verdict exits 1
  --artifact-name <name>      artifact a branch: baseline is read from (default ${DEFAULT_ARTIFACT})
  --workflow <file>           workflow whose runs hold it (default ${DEFAULT_WORKFLOW})
  --json                      print the report JSON instead of the table
  -o, --out <file>            write the report JSON to this file
  --markdown <file>           write the report as markdown (what the compare action posts)
  --threads <n>               threads for the bootstrap of large prediction files (default: one
                              per CPU; any count gives the same intervals)

branch: baselines are read from ${LOCAL_ARTIFACTS_DIR}/<runId>/ under the working directory: a
run.json ({"schema":"mlgate/run@1","workflow","branch","headSha","event","conclusion"}) and the
artifact's files in <runId>/<artifact-name>/. The newest successful run of the workflow wins.

registry: baselines read the git tags of the working directory's repository in GTO's grammar
(churn@v1.3.0 registers a version, churn#production#4 assigns a stage, the highest number wins)
and the version's files from ${LOCAL_RELEASES_DIR}/<tag>/ (e.g. ${LOCAL_RELEASES_DIR}/churn@v1.3.0/).

Examples:
  mlgate compare --candidate out/predictions.csv --baseline registry:flights-delay#production --markdown report.md
  mlgate compare --candidate out/metrics.json --baseline branch:main --fail-on warn --json
  mlgate compare --model churn --baseline baseline/predictions.csv --validation-report reports/validation.json -o reports/comparison.json

Exit codes:
  0  the gate passes (or warns)
  1  the gate fails (with --fail-on warn also a warning; never: nothing exits 1)
  2  usage, configuration or input error: a missing file, an unknown key in mlgate.yml (with its line),
     predictions that cannot be paired, a baseline that cannot be found
`;
const OPTIONS = {
    candidate: { type: 'string' },
    predictions: { type: 'boolean' },
    baseline: { type: 'string' },
    config: { type: 'string' },
    model: { type: 'string' },
    'validation-report': { type: 'string' },
    task: { type: 'string' },
    'positive-class': { type: 'string' },
    'score-type': { type: 'string' },
    'id-column': { type: 'string' },
    'label-column': { type: 'string' },
    'prediction-column': { type: 'string' },
    'score-column': { type: 'string' },
    'fail-on': { type: 'string' },
    'artifact-name': { type: 'string' },
    workflow: { type: 'string' },
    json: { type: 'boolean' },
    out: { type: 'string', short: 'o' },
    markdown: { type: 'string' },
    threads: { type: 'string' },
};
const compareCommand = {
    name: 'compare',
    summary: 'compare a candidate model with its baseline and gate the change',
    help,
    options: OPTIONS,
    async run(argv, io) {
        const { values, positionals } = parseCommandArgs('compare', argv, OPTIONS);
        if (positionals.length > 0) {
            throw new src/* UserError */.yot(`unexpected argument "${positionals[0]}"; name the candidate with --candidate`);
        }
        const failOn = parseFailOn(values['fail-on']);
        await checkOutputs(io.cwd, [values.out, values.markdown]);
        const threads = parseThreads(values.threads) ?? (0,external_node_os_.availableParallelism)();
        const pool = io.workerEntry && threads > 1 ? new bootstrap_pool/* BootstrapPool */.$(io.workerEntry, threads) : undefined;
        const logger = consoleLogger({ stream: io.stderr });
        const { report, exitCode } = await runCompare({
            ...(values.candidate !== undefined && { candidate: values.candidate }),
            ...(values.predictions && { predictions: true }),
            ...(values.baseline !== undefined && { baseline: values.baseline }),
            ...(values.config !== undefined && { config: values.config }),
            ...(values.model !== undefined && { model: values.model }),
            ...(values['validation-report'] !== undefined && { validationReport: values['validation-report'] }),
            format: predictionsFlags(values),
            formatOverrides: { positiveClass: '--positive-class', scoreType: '--score-type' },
            failOn,
            cwd: io.cwd,
        }, {
            artifacts: new LocalArtifactStore((0,external_node_path_.resolve)(io.cwd, LOCAL_ARTIFACTS_DIR)),
            artifactName: values['artifact-name'] ?? DEFAULT_ARTIFACT,
            workflow: values.workflow ?? DEFAULT_WORKFLOW,
            registry: new RegistryBaselineResolver(new GitRegistryStore(io.cwd), new LocalReleaseFiles((0,external_node_path_.resolve)(io.cwd, LOCAL_RELEASES_DIR)), logger),
            logger,
            now: () => new Date(),
            ...(pool && { deltas: pool.deltas }),
        }).finally(() => pool?.close());
        if (pool?.used)
            logger.info(`The bootstrap ran on ${threads} worker threads.`);
        const json = inertJson(report);
        if (values.out)
            await writeOutput(io.cwd, values.out, json);
        if (values.markdown)
            await writeOutput(io.cwd, values.markdown, (0,src/* renderReportMarkdown */.Ay2)(report));
        io.stdout.write(values.json ? json : (0,src/* renderReportText */.UvZ)(report));
        return exitCode === 1 ? ExitCode.Failed : ExitCode.Pass;
    },
};
const TASKS = ['binary', 'multiclass', 'regression'];
const SCORE_TYPES = ['probability', 'logit', 'decision'];
/** `--task`, `--positive-class`, `--score-type` and the column flags, over the config's settings. */
function predictionsFlags(values) {
    const text = (flag) => {
        const value = values[flag];
        return typeof value === 'string' ? value : undefined;
    };
    const columns = {
        ...optionalFlag('id', text('id-column')),
        ...optionalFlag('label', text('label-column')),
        ...optionalFlag('prediction', text('prediction-column')),
        ...optionalFlag('score', text('score-column')),
    };
    return {
        ...optionalFlag('task', oneOf('--task', text('task'), TASKS)),
        ...optionalFlag('positiveClass', text('positive-class')),
        ...optionalFlag('scoreType', oneOf('--score-type', text('score-type'), SCORE_TYPES)),
        ...(Object.keys(columns).length > 0 && { columns }),
    };
}
function optionalFlag(key, value) {
    return value === undefined ? {} : { [key]: value };
}
function oneOf(flag, value, allowed) {
    if (value === undefined)
        return undefined;
    if (allowed.includes(value))
        return value;
    throw new src/* UserError */.yot(`${flag}: expected one of ${allowed.join(', ')}, got ${JSON.stringify(value)}`);
}
function parseFailOn(value) {
    return oneOf('--fail-on', value, FAIL_ON) ?? 'fail';
}

;// CONCATENATED MODULE: ./packages/cli/src/demo/project.ts







const run = (0,external_node_util_.promisify)(external_node_child_process_.execFile);
/** What the demo copies from the example project: everything a clone of a user's repository would hold. */
const PROJECT_FILES = ['mlgate.yml', 'params.yaml', 'data', 'dist', '.gitignore', 'README.md', 'NOTICE'];
/** Refuses a folder that is not the example project, naming (as `shown`) the folder and the files it lacks. */
async function checkExampleProject(example, shown) {
    if (!(await (0,promises_.stat)(example).catch(() => undefined))?.isDirectory())
        throw new src/* UserError */.yot('folder not found', { file: shown });
    const missing = PROJECT_FILES.filter((file) => !(0,external_node_fs_.existsSync)((0,external_node_path_.join)(example, file)));
    if (missing.length > 0) {
        throw new src/* UserError */.yot(`is not the example project: it has no ${missing.join(', ')}`, { file: shown });
    }
}
/** A throwaway git repository holding a copy of the example project, where the demo commits, branches and tags. */
class DemoRepo {
    dir;
    constructor(dir) {
        this.dir = dir;
    }
    /** A fresh repository in the OS temp folder with the example committed on `main`. */
    static async create(example) {
        const dir = await (0,promises_.mkdtemp)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'mlgate-demo-repo-'));
        for (const file of PROJECT_FILES)
            await (0,promises_.cp)((0,external_node_path_.join)(example, file), (0,external_node_path_.join)(dir, file), { recursive: true });
        const repo = new DemoRepo(dir);
        await repo.git('init', '--quiet', '--initial-branch=main');
        // The repository's own identity and settings, so no global git config (signing, hooks) changes the demo.
        for (const [key, value] of [
            ['user.name', 'mlgate demo'],
            ['user.email', 'demo@mlgate.invalid'],
            ['commit.gpgsign', 'false'],
            ['tag.gpgsign', 'false'],
            ['core.hooksPath', '/dev/null'],
        ]) {
            await repo.git('config', key, value);
        }
        await repo.commit('Flights-delay model: data, schema, trainer and mlgate.yml');
        return repo;
    }
    async git(...args) {
        try {
            const { stdout } = await run('git', args, { cwd: this.dir, maxBuffer: 16 * 1024 * 1024 });
            return stdout;
        }
        catch (error) {
            const detail = error.stderr?.trim().split('\n')[0] ?? String(error);
            throw new src/* UserError */.yot(`the demo's git repository: git ${args[0]} failed: ${detail}`);
        }
    }
    async commit(message) {
        await this.git('add', '--all');
        await this.git('commit', '--quiet', '--allow-empty', '-m', message);
        return (await this.git('rev-parse', 'HEAD')).trim();
    }
    async branch(name, from = 'main') {
        await this.git('checkout', '--quiet', '-b', name, from);
    }
    async checkout(name) {
        await this.git('checkout', '--quiet', name);
    }
    /** Merges a pull request's branch into main with a merge commit, as GitHub's merge button does. */
    async merge(branch, message) {
        await this.checkout('main');
        await this.git('merge', '--quiet', '--no-ff', '-m', message, branch);
        return (await this.git('rev-parse', 'HEAD')).trim();
    }
    async read(path) {
        return (0,promises_.readFile)((0,external_node_path_.join)(this.dir, path), 'utf8');
    }
    async write(path, text) {
        await (0,promises_.writeFile)((0,external_node_path_.join)(this.dir, path), text);
    }
}

;// CONCATENATED MODULE: ./packages/cli/src/demo/narrator.ts
/**
 * The demo's voice on stdout: numbered steps that each say what they do and why, the lines they
 * produce indented beneath, and how long each took, so a reader can follow the loop as it runs.
 */
class Narrator {
    io;
    total;
    step = 0;
    started = Date.now();
    constructor(io, total) {
        this.io = io;
        this.total = total;
    }
    /** Runs one step: its title and reason first, then `body`, then its duration. */
    async run(title, why, body) {
        this.step++;
        const started = Date.now();
        this.io.stdout.write(`\n[${this.step}/${this.total}] ${title}\n`);
        this.line(`why: ${why}`);
        const result = await body();
        this.line(`(${seconds(Date.now() - started)})`);
        return result;
    }
    /** One indented line under the current step. */
    line(text) {
        for (const part of text.split('\n'))
            this.io.stdout.write(`      ${part}\n`);
    }
    heading(text) {
        this.io.stdout.write(`${text}\n`);
    }
    elapsed() {
        return seconds(Date.now() - this.started);
    }
}
function seconds(ms) {
    return `${(ms / 1000).toFixed(1)} s`;
}

;// CONCATENATED MODULE: ./packages/cli/src/demo/scenario.ts







const MODEL = 'flights-delay';
const STAGE = 'production';
const ACTOR = 'mlgate demo';
const LOCAL_AUTHOR = 'mlgate-local';
/** The metrics the terminal shows for each comparison; report.md has them all, with every slice. */
const SHOWN_METRICS = ['roc_auc', 'log_loss', 'brier'];
const SHOWN_REASONS = 6;
/** A warning passes the gate (the check run is neutral): the words say so. */
const GATE_WORDS = {
    pass: 'PASSED',
    warn: 'PASSED with warnings (warnings do not block the merge)',
    fail: 'FAILED (this pull request cannot merge)',
    skipped: 'SKIPPED',
};
/** params.yaml of the model in production, and of the two pull requests. */
const PARAMS = {
    baseline: { features: ['hour', 'distance'], airports: 30, C: 1.0 },
    addWeekday: { features: ['hour', 'weekday', 'distance'], airports: 30, C: 1.0 },
    regularise: { features: ['hour', 'distance'], airports: 30, C: 0.0001 },
};
const PULL_REQUESTS = [
    { number: 1, branch: 'add-weekday', title: 'Add the day of the week as a feature', params: PARAMS.addWeekday },
    {
        number: 2,
        branch: 'stronger-regularisation',
        title: 'Regularise harder (C 1 -> 0.0001) for a smoother model',
        params: PARAMS.regularise,
    },
];
/** The whole loop on the example project, in a throwaway git repository: what `mlgate demo` runs. */
async function runDemo(options, io) {
    const say = new Narrator(io, 11);
    const shown = (path) => {
        const near = (0,external_node_path_.relative)(io.cwd, path) || '.';
        return near.startsWith('..') ? path : near;
    };
    say.heading('mlgate demo: continuous delivery for a real model, on real data (US flights of 2001 from vega-datasets),\n' +
        'in a throwaway git repository. No GitHub account: the registry is git tags, the run cache and the\n' +
        'pull-request comments are local folders, exactly as the actions use their GitHub counterparts.');
    await (0,promises_.mkdir)(options.out, { recursive: true });
    const repo = await say.run('Set up the project', 'a fresh git repository holding the flights-delay project as a user would clone it.', async () => {
        const created = await DemoRepo.create(options.example);
        say.line(`repository ${created.dir} (branch main)`);
        say.line("data/reference.csv: 10,000 flights of February 2001, the production model's training window");
        say.line('data/train.csv:     20,000 flights of 1-24 May 2001, the new training data');
        say.line('data/eval.csv:       8,000 flights of 25-31 May 2001, where every model is evaluated');
        return created;
    });
    const ctx = new DemoContext(repo, options, io);
    try {
        const validation = await say.run('Validate the new data against its schema, and for drift against the reference period', 'a model is only as good as its data: a broken column or a shifted distribution should be seen before training.', async () => {
            const section = await ctx.validate();
            showValidation(section, say);
            return section;
        });
        await (0,promises_.writeFile)(ctx.validationReport, `${JSON.stringify(validation.report, null, 2)}\n`);
        const baseline = await say.run('Train the baseline on main through the run cache', 'the model in production is trained from this commit; the run cache fingerprints command, data and params.', async () => {
            await repo.write('params.yaml', paramsYaml(PARAMS.baseline));
            await repo.commit('Baseline: hour and distance');
            return ctx.train(say);
        });
        await say.run(`Register ${MODEL}@v1.0.0 and promote it to production`, 'the registry records which model version is in which stage as git tags, with its evidence.', async () => {
            await ctx.keepRelease('v1.0.0');
            const details = await ctx.evidence('v1.0.0', baseline, 'the first model of the project');
            const registered = await ctx.register('v1.0.0', details);
            say.line(`registered ${registered.tag} at commit ${registered.commit.slice(0, 7)} (an annotated git tag; its message is the evidence)`);
            say.line(`release files (metrics, predictions, params, manifest) kept in ${shown(ctx.releaseDir('v1.0.0'))}`);
            const promoted = await ctx.promote('v1.0.0', 'baseline', details);
            say.line(`promoted: ${promoted.tag} puts v1.0.0 in ${STAGE}; pull requests are now compared with it`);
        });
        const reports = [];
        for (const pr of PULL_REQUESTS) {
            await say.run(`Pull request #${pr.number} "${pr.title}": change params.yaml and train`, 'a params change is a new fingerprint, so the model trains again.', async () => {
                await repo.branch(pr.branch);
                await repo.write('params.yaml', paramsYaml(pr.params));
                await repo.commit(pr.title);
                say.line(`branch ${pr.branch}: train.features ${pr.params.features.join(', ')}; train.C ${pr.params.C}`);
                return ctx.train(say);
            });
            const report = await say.run(`Pull request #${pr.number}: compare with production and gate`, 'every metric change gets a seeded paired-bootstrap interval on the same 8,000 flights, overall and per origin airport, so noise is not mistaken for progress.', async () => {
                const merged = await ctx.compareAndReport(pr, validation.report);
                showComparison(merged, say);
                return merged;
            });
            reports.push(report);
        }
        const merged = await say.run('Merge pull request #1 and train on main', 'main now has exactly the command, data and params that pull request #1 trained: the run cache restores its outputs instead of training again.', async () => {
            await repo.merge(PULL_REQUESTS[0].branch, `Merge pull request #1 from ${PULL_REQUESTS[0].branch}`);
            return ctx.train(say);
        });
        const passing = reports[0];
        await say.run(`Register ${MODEL}@v1.1.0 and promote it to production`, 'the version that passed the gate ships; the gate verdict travels with it as evidence.', async () => {
            await ctx.keepRelease('v1.1.0');
            const details = await ctx.evidence('v1.1.0', merged, `pull request #1 passed the gate`, passing);
            const registered = await ctx.register('v1.1.0', details);
            say.line(`registered ${registered.tag} at the merge commit ${registered.commit.slice(0, 7)}, with pull request #1's gate verdict (${passing.verdict.status}) and intervals`);
            const promoted = await ctx.promote('v1.1.0', 'pull request #1 passed the gate', details);
            say.line(`promoted: ${promoted.tag}: ${STAGE} ${promoted.previous?.version ?? '(empty)'} -> v1.1.0`);
        });
        await say.run('Show the registry history, then roll production back to v1.0.0', 'a rollback is one more promotion, of an earlier version: nothing is deleted or rewritten.', async () => {
            const rollback = await ctx.promote('v1.0.0', 'rollback: v1.1.0 is misbehaving in production', {
                actor: ACTOR,
                reason: 'rollback: v1.1.0 is misbehaving in production',
            });
            say.line(`ROLLBACK: ${rollback.tag}: ${STAGE} ${rollback.previous?.version ?? '(empty)'} -> v1.0.0`);
            say.line(`registry history of ${MODEL} (git tags, oldest first):`);
            const state = await ctx.registryState();
            for (const entry of state.history) {
                const what = entry.action === 'register'
                    ? `register ${entry.version}`
                    : `${entry.action} ${entry.stage} -> ${entry.version}`;
                const why = entry.message.kind === 'event' && entry.message.event.reason ? `  (${entry.message.event.reason})` : '';
                say.line(`  ${entry.tag.padEnd(28)} ${what.padEnd(30)} by ${entry.actor ?? '?'}${why}`);
            }
            say.line(`${STAGE} is now ${state.stages.get(STAGE)?.version.version ?? '(empty)'}: the next pull request is compared with it`);
        });
        say.heading(`\nDone in ${say.elapsed()}.`);
        for (const pr of PULL_REQUESTS) {
            const dir = ctx.prDir(pr);
            say.heading(`  pull request #${pr.number}: ${shown((0,external_node_path_.join)(dir, 'report.md'))}, ${shown((0,external_node_path_.join)(dir, 'report.html'))}`);
        }
        say.heading(`  sticky comments of the local pull requests: ${shown(ctx.commentsDir)}`);
        if (options.keep)
            say.heading(`  the repository (git log --all --graph, git tag -n): ${repo.dir}`);
        return { reports, repo: repo.dir };
    }
    finally {
        if (!options.keep)
            await (0,promises_.rm)(repo.dir, { recursive: true, force: true });
    }
}
/** The stores and paths every step shares. */
class DemoContext {
    repo;
    options;
    io;
    validationReport;
    commentsDir;
    /** The registry: annotated tags in the demo repository, in GTO's grammar. */
    store;
    constructor(repo, options, io) {
        this.repo = repo;
        this.options = options;
        this.io = io;
        this.validationReport = (0,external_node_path_.join)(options.out, 'validation.json');
        this.commentsDir = (0,external_node_path_.join)(options.out, 'comments');
        this.store = new GitRegistryStore(repo.dir);
    }
    /** What a registry tag records about a version: the run that made it, its metrics and, when it had one, its gate. */
    async evidence(version, manifest, reason, gated) {
        const digest = await file_digest_fileDigest((0,external_node_path_.join)(this.repo.dir, 'mlgate.manifest.json'));
        const comparison = gated?.comparisons?.find((c) => c.model === MODEL);
        const metrics = comparison
            ? comparison.metrics
                .filter((m) => SHOWN_METRICS.includes(m.name))
                .map((m) => ({
                name: m.name,
                value: m.candidate,
                baseline: m.baseline,
                ...(m.ci && { ci: { low: m.ci.low, high: m.ci.high } }),
            }))
            : SHOWN_METRICS.filter((name) => typeof manifest.metrics[name] === 'number').map((name) => ({
                name,
                value: manifest.metrics[name],
            }));
        return {
            actor: ACTOR,
            reason,
            manifest: { digest: digest.sha256, path: 'mlgate.manifest.json', fingerprint: manifest.fingerprint },
            artifact: { location: (0,external_node_path_.relative)(this.repo.dir, this.releaseDir(version)) },
            metrics,
            ...(gated && { gate: { verdict: gated.verdict.status } }),
        };
    }
    register(version, details) {
        return registerVersion({ model: MODEL, rev: 'HEAD', version, details }, { store: this.store });
    }
    promote(version, reason, details) {
        return assignStage({ model: MODEL, version, stage: STAGE, stages: ['staging', STAGE], details: { ...details, reason } }, { store: this.store });
    }
    async registryState() {
        return (0,src/* registryState */.zWd)(MODEL, await this.store.listTags(MODEL));
    }
    releaseDir(version) {
        return (0,external_node_path_.join)(this.repo.dir, '.mlgate', 'releases', `${MODEL}@${version}`);
    }
    prDir(pr) {
        return (0,external_node_path_.join)(this.options.out, `pr-${pr.number}-${pr.branch}`);
    }
    async validate() {
        const { config } = await loadCompareConfig('mlgate.yml', this.repo.dir);
        const dataset = Object.values(config.data)[0];
        const { report } = await runValidate({
            data: dataset.path,
            cwd: this.repo.dir,
            ...(dataset.schema !== undefined && { schema: dataset.schema }),
            ...(dataset.reference !== undefined && { reference: dataset.reference }),
        }, { ...(this.io.workerEntry && { workerEntry: this.io.workerEntry }) });
        return { section: report.validations[0], report };
    }
    async train(say) {
        const options = await resolveTrainOptions({ model: MODEL }, this.repo.dir);
        const output = { write: (text) => say.line(`| ${String(text).trimEnd()}`) };
        const { manifest } = await runTrain(options, {
            logger: memoryLogger(),
            cache: new LocalCacheStore((0,external_node_path_.join)(this.repo.dir, '.mlgate', 'cache'), options.workingDirectory),
            stdout: output,
            stderr: output,
            env: this.io.env,
        });
        const how = manifest.cache.hit
            ? `run cache HIT: restored the outputs of the run of ${manifest.cache.restoredFrom?.startedAt ?? 'before'}; the trainer did not run`
            : 'run cache miss: trained, and saved to the run cache';
        say.line(`fingerprint ${manifest.fingerprint.slice(0, 12)}: ${how}`);
        const metric = (name) => {
            const value = manifest.metrics[name];
            return typeof value === 'number' ? value.toFixed(4) : '-';
        };
        say.line(`metrics on the evaluation week: roc_auc ${metric('roc_auc')}, log_loss ${metric('log_loss')}`);
        return manifest;
    }
    /** What a release of the version holds: the outputs, the params and the manifest of the run that made it. */
    async keepRelease(version) {
        const dir = this.releaseDir(version);
        await (0,promises_.rm)(dir, { recursive: true, force: true });
        await (0,promises_.mkdir)(dir, { recursive: true });
        for (const file of ['out', 'params.yaml', 'mlgate.manifest.json']) {
            await (0,promises_.cp)((0,external_node_path_.join)(this.repo.dir, file), (0,external_node_path_.join)(dir, file), { recursive: true });
        }
    }
    async compareAndReport(pr, validation) {
        const logger = memoryLogger();
        const { report: comparison } = await runCompare({
            candidate: 'out/predictions.csv',
            baseline: `registry:${MODEL}#${STAGE}`,
            config: 'mlgate.yml',
            model: MODEL,
            validationReport: this.validationReport,
            failOn: 'never',
            cwd: this.repo.dir,
            subject: { sha: (await this.repo.git('rev-parse', 'HEAD')).trim(), ref: pr.branch, pullRequest: pr.number },
        }, {
            artifacts: new LocalArtifactStore((0,external_node_path_.join)(this.repo.dir, '.mlgate', 'artifacts')),
            artifactName: 'mlgate-compare',
            registry: new RegistryBaselineResolver(this.store, new LocalReleaseFiles((0,external_node_path_.join)(this.repo.dir, '.mlgate', 'releases')), logger),
            logger,
            now: () => new Date(),
        });
        const report = (0,src/* mergeReports */.C1p)([validation, comparison]);
        const dir = this.prDir(pr);
        await (0,promises_.mkdir)(dir, { recursive: true });
        const markdown = (0,src/* renderReportMarkdown */.Ay2)(report);
        await (0,promises_.writeFile)((0,external_node_path_.join)(dir, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
        await (0,promises_.writeFile)((0,external_node_path_.join)(dir, 'report.md'), markdown);
        await (0,promises_.writeFile)((0,external_node_path_.join)(dir, 'report.html'), this.options.html(report, `mlgate: pull request #${pr.number}`));
        await upsertStickyComment(new LocalCommentStore(this.commentsDir, { author: LOCAL_AUTHOR }), {
            issue: pr.number,
            marker: stickyMarker('default'),
            body: markdown,
            author: LOCAL_AUTHOR,
        });
        return report;
    }
}
function paramsYaml(params) {
    return [
        "# The trainer's settings (src/params.ts). mlgate fingerprints these values: change one and the model trains again.",
        'train:',
        `  features: [${params.features.join(', ')}]`,
        `  airports: ${params.airports}`,
        `  C: ${params.C}`,
        '',
    ].join('\n');
}
function showValidation({ section }, say) {
    const failed = section.checks.filter((check) => check.status === 'fail').length;
    say.line(`${section.dataset}: ${section.rows.toLocaleString('en-US')} rows, ${section.checks.length} schema checks, ${failed} failed`);
    const drift = section.drift;
    if (!drift)
        return;
    for (const column of drift.columns) {
        const p = column.pValue === undefined ? '' : `, p ${column.pValue < 0.001 ? '< 0.001' : column.pValue.toFixed(3)}`;
        say.line(`  ${column.column.padEnd(12)} ${column.test.padEnd(5)} ${column.effect.name} ${column.effect.value.toFixed(3)} (threshold ${column.effect.threshold})${p}: ${column.drifted ? 'DRIFT DETECTED' : 'no drift'}`);
    }
    const drifted = drift.columns.filter((c) => c.drifted).map((c) => c.column);
    say.line(drifted.length > 0
        ? `DRIFT DETECTED in ${drifted.join(', ')} (February -> May). A warning, not a failure: the gate requires valid data, and the data is valid.`
        : 'no drift detected');
}
function showComparison(report, say) {
    const comparison = report.comparisons?.find((c) => c.model === MODEL);
    say.line(`candidate ${comparison.candidate.label} vs baseline ${comparison.baseline?.label ?? '(none)'}, ${comparison.predictions?.examples ?? '?'} paired flights, ${Math.round(comparison.confidence * 100)}% intervals:`);
    for (const name of SHOWN_METRICS) {
        const m = comparison.metrics.find((metric) => metric.name === name);
        if (!m || m.baseline === null || m.candidate === null || m.delta === null)
            continue;
        const ci = m.ci ? `[${signed(m.ci.low)}, ${signed(m.ci.high)}]` : '';
        say.line(`  ${name.padEnd(9)} ${m.baseline.toFixed(4)} -> ${m.candidate.toFixed(4)}  ${signed(m.delta).padEnd(8)} ${ci.padEnd(20)} ${m.label.replace('-', ' ')}`);
    }
    const verdict = report.verdict;
    say.line(`GATE ${GATE_WORDS[verdict.status]}: ${verdict.summary}`);
    const order = { fail: 0, warn: 1, pass: 2 };
    const reasons = [...verdict.reasons].sort((a, b) => order[a.status] - order[b.status]);
    for (const reason of reasons.slice(0, SHOWN_REASONS))
        say.line(`  ${reason.status.toUpperCase().padEnd(4)} ${reason.message}`);
    if (reasons.length > SHOWN_REASONS)
        say.line(`  ... and ${reasons.length - SHOWN_REASONS} more reasons in report.md`);
}
function signed(value) {
    return `${value >= 0 ? '+' : ''}${value.toFixed(4)}`;
}

;// CONCATENATED MODULE: ./packages/cli/src/repo-root.ts



/**
 * The mlgate checkout this CLI runs from (the folder holding pnpm-workspace.yaml), found by
 * walking up from this module, so the bundled CLI and the TypeScript sources agree.
 */
function mlgateRepoRoot(from = (0,external_node_url_.fileURLToPath)(import.meta.url)) {
    for (let dir = (0,external_node_path_.dirname)(from);; dir = (0,external_node_path_.dirname)(dir)) {
        if ((0,external_node_fs_.existsSync)((0,external_node_path_.join)(dir, 'pnpm-workspace.yaml')) && (0,external_node_fs_.existsSync)((0,external_node_path_.join)(dir, 'examples')))
            return dir;
        if ((0,external_node_path_.dirname)(dir) === dir)
            return undefined;
    }
}

;// CONCATENATED MODULE: ./packages/cli/src/commands/demo.ts








const demo_help = `Usage: mlgate demo [--out <dir>] [--keep] [--example <dir>]

Runs mlgate's whole loop on the example project (examples/flights-delay: US flights of 2001 from
vega-datasets) in a throwaway git repository, with no GitHub account: validates the new data
(schema checks, drift against the reference period), trains a baseline through the run cache,
registers it and promotes it to production, opens two pull requests that change params.yaml (one
improves the model, one regresses it), trains and compares each with production (paired bootstrap
intervals, per-origin slices) and prints both gate verdicts with their reasons, merges the passing
one (a run-cache hit: main trains nothing), promotes it, shows the registry history and rolls back.
Each pull request's report is written as report.md, report.json and report.html (charts, opens
offline) and upserted as
the sticky comment of a local pull request.

Options:
  --out <dir>      where the reports and local comments go (default: .mlgate/demo)
  --keep           keep the throwaway repository (its path is printed) to look at its log and tags
  --example <dir>  the example project (default: examples/flights-delay in this checkout)

Examples:
  mlgate demo
  mlgate demo --out /tmp/mlgate-demo --keep

Exit codes:
  0  the demo ran to the end (one of its two pull requests fails the gate on purpose)
  1  not used: the demo shows both verdicts and exits 0
  2  usage error, or an --example folder that lacks a file of the project (named)
`;
const demo_OPTIONS = {
    example: { type: 'string' },
    out: { type: 'string' },
    keep: { type: 'boolean' },
};
const demoCommand = {
    name: 'demo',
    summary: 'run the whole loop (validate, train, register, compare, gate, promote, roll back) on the example project',
    help: demo_help,
    options: demo_OPTIONS,
    async run(argv, io) {
        const { values, positionals } = parseCommandArgs('demo', argv, demo_OPTIONS);
        if (positionals.length > 0)
            throw new src/* UserError */.yot(`unexpected argument "${positionals[0]}" (see \`mlgate demo --help\`)`);
        const example = values.example ? (0,external_node_path_.resolve)(io.cwd, values.example) : defaultProject();
        await checkExampleProject(example, values.example ?? example);
        const scripts = await readVegaScripts(io.workerEntry ?? new URL(import.meta.url));
        await runDemo({
            example,
            out: (0,external_node_path_.resolve)(io.cwd, values.out ?? (0,external_node_path_.join)('.mlgate', 'demo')),
            keep: values.keep ?? false,
            html: (report, title) => (0,src/* renderReportHtml */.Y8A)(report, { scripts, title }),
        }, io);
        return ExitCode.Pass;
    },
};
function defaultProject() {
    const root = mlgateRepoRoot();
    if (!root)
        throw new src/* UserError */.yot('cannot find the example project: pass --example <dir>');
    return (0,external_node_path_.join)(root, 'examples', 'flights-delay');
}

;// CONCATENATED MODULE: ./packages/cli/src/progress.ts
const BAR_WIDTH = 24;
/** Redraws of the terminal bar, and plain lines in a log, at most this often. */
const TTY_INTERVAL_MS = 100;
const LOG_INTERVAL_MS = 10_000;
/**
 * Progress of a long read on stderr: on a terminal a bar redrawn in place
 * (`validating [#########...........]  42% 340 MB, 1,234,567 rows/s`); elsewhere (a CI log) a plain
 * line every ten seconds, so a short run prints nothing and a long one does not look hung.
 */
function progressLine(io, verb, { now = Date.now } = {}) {
    const started = now();
    let last = started;
    const interval = io.isTTY ? TTY_INTERVAL_MS : LOG_INTERVAL_MS;
    return ({ bytes, totalBytes, rows }) => {
        const at = now();
        if (at - last < interval)
            return;
        last = at;
        const seconds = Math.max((at - started) / 1000, 1e-3);
        const share = totalBytes > 0 ? Math.min(1, bytes / totalBytes) : 1;
        const percent = `${(100 * share).toFixed(0)}%`;
        const rate = Math.round(rows / seconds).toLocaleString('en-US');
        const megabytes = (bytes / 1e6).toFixed(0);
        if (io.isTTY) {
            const filled = Math.round(share * BAR_WIDTH);
            const bar = `[${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}]`;
            io.stderr.write(`\r\x1b[K${verb} ${bar} ${percent.padStart(4)} ${megabytes} MB, ${rate} rows/s`);
        }
        else {
            const total = (totalBytes / 1e6).toFixed(0);
            io.stderr.write(`${verb}: ${percent} (${megabytes} of ${total} MB, ${rows.toLocaleString('en-US')} rows, ${rate} rows/s)\n`);
        }
    };
}
/** Clears the progress bar so the command's own output starts on a clean line. */
function clearProgressLine(io) {
    if (io.isTTY)
        io.stderr.write('\r\x1b[K');
}

;// CONCATENATED MODULE: ./packages/cli/src/commands/profile.ts








/** Parquet is read by its file name only. */
const FORMATS = ['csv', 'tsv', 'jsonl'];
const SHOWN_ISSUES = 5;
const profile_help = `Usage: mlgate profile <data> [options]
       mlgate profile merge <a.json> <b.json>... [-o <file>] [--json]

Profile a CSV, TSV or JSON Lines file (optionally gzip-compressed) in one streaming pass: per
column the inferred type, nulls, distinct values (HyperLogLog), mean and variance, quantiles (exact
up to --exact-values), a histogram and frequent values. The profile JSON is what \`mlgate validate
--reference\` reads, so a large reference is read once. \`profile merge\` combines profiles of shards
or files as if one pass had read them all (\`mlgate profile merge --help\`).

Options:
  -o, --out <p>     write the profile JSON to this file
  --json            print the profile JSON instead of the summary table
  --shard <i/n>     profile only the i-th of n row-aligned byte ranges (for matrix jobs)
  --format <f>      csv, tsv or jsonl (default: from the file name)
  --delimiter <c>   the CSV field delimiter, e.g. ";" (\\t or tab for a tab)
  --threads <n>     worker threads reading row-aligned parts of the file side by side (default:
                    every available core, fewer for small files; 1 reads on the main thread)
  --exact-values <n>
                    numeric values kept exactly per column, 1 to 100,000,000 (default: the
                    config's profile.exact_values, else 1,000,000); past it a value grid stands in.
                    The profile stores the kept values, so it grows with this cap
  --config <file>   mlgate.yml, for its profile settings (default: ./mlgate.yml when it exists)

Examples:
  mlgate profile data/reference.csv -o reports/reference-profile.json
  mlgate profile data/events.jsonl.gz --shard 2/4 --threads 2 -o shards/events-2.json

Exit codes:
  0  profiled
  1  not used: a profile gives no verdict (\`mlgate validate\` judges data)
  2  a missing or unreadable file, or a bad option
`;
const mergeHelp = `Usage: mlgate profile merge <a.json> <b.json>... [-o <file>] [--json]

Merge profiles (\`mlgate profile -o\`, e.g. one per --shard of a matrix job) into the profile one pass
over all their rows would have given: counts, moments, exact values (or value grids), sketches and
frequent values combine.

Options:
  -o, --out <p>   write the merged profile JSON to this file
  --json          print the merged profile JSON instead of the summary table

Examples:
  mlgate profile merge shards/events-1.json shards/events-2.json shards/events-3.json -o reports/events-profile.json

Exit codes:
  0  merged
  1  not used: a profile gives no verdict
  2  fewer than two files, a missing file, or a file that is not an mlgate profile (named, with why)
`;
const profile_OPTIONS = {
    out: { type: 'string', short: 'o' },
    json: { type: 'boolean' },
    shard: { type: 'string' },
    format: { type: 'string' },
    threads: { type: 'string' },
    delimiter: { type: 'string' },
    'exact-values': { type: 'string' },
    config: { type: 'string' },
};
const profileCommand = {
    name: 'profile',
    summary: 'profile a dataset, or merge profiles of shards (`profile merge`)',
    help: profile_help,
    options: profile_OPTIONS,
    subcommands: [{ name: 'merge', summary: 'merge profiles of shards or files into one', help: mergeHelp }],
    async run(argv, io) {
        const { values, positionals } = parseCommandArgs(argv[0] === 'merge' ? 'profile merge' : 'profile', argv, profile_OPTIONS);
        await checkOutputs(io.cwd, [values.out]);
        let profile;
        if (positionals[0] === 'merge') {
            const dataOptions = [values.shard, values.format, values.threads, values.delimiter, values['exact-values']];
            if (dataOptions.some((value) => value !== undefined)) {
                throw new src/* UserError */.yot('--shard, --format, --delimiter, --threads and --exact-values apply to data files, not to `profile merge`');
            }
            const files = positionals.slice(1);
            if (files.length < 2)
                throw new src/* UserError */.yot('give at least two profile JSON files to merge');
            const profiles = [];
            for (const file of files)
                profiles.push(await (0,src/* readProfileFile */.CIG)((0,external_node_path_.resolve)(io.cwd, file), { name: file }));
            profile = (0,src/* mergeProfiles */.NsH)(profiles);
        }
        else {
            if (positionals.length !== 1) {
                throw new src/* UserError */.yot('give exactly one data file (see `mlgate profile --help`)');
            }
            const shard = values.shard === undefined ? undefined : (0,src/* parseShardSpec */.d7Y)(values.shard, '--shard');
            const format = values.format === undefined ? undefined : parseDataFormat(values.format, FORMATS);
            const threads = parseThreads(values.threads);
            const delimiter = values.delimiter === undefined ? undefined : parseDelimiter(values.delimiter);
            const exactValues = await exactValuesSetting(parseExactValues(values['exact-values']), values.config, io.cwd);
            let result;
            try {
                result = await runProfile({
                    data: positionals[0],
                    cwd: io.cwd,
                    ...(threads !== undefined && { threads }),
                    ...(shard && { shard }),
                    ...(format && { format }),
                    ...(delimiter !== undefined && { delimiter }),
                    exactValues,
                }, {
                    ...(io.workerEntry && { workerEntry: io.workerEntry }),
                    onProgress: progressLine(io, 'profiling'),
                    onWarning: (message) => io.stderr.write(`warning: ${message}\n`),
                });
            }
            finally {
                clearProgressLine(io);
            }
            for (const issue of result.issues.slice(0, SHOWN_ISSUES)) {
                io.stderr.write(`${issue.file ?? positionals[0]}:${issue.line}:${issue.column}: ${issue.severity}: ${issue.message}\n`);
            }
            const more = result.errorCount + result.warningCount - Math.min(SHOWN_ISSUES, result.issues.length);
            if (more > 0)
                io.stderr.write(`… and ${more} more data issues\n`);
            profile = result.profile;
        }
        const json = inertJson(profile);
        if (values.out)
            await writeOutput(io.cwd, values.out, json);
        io.stdout.write(values.json ? json : (0,src/* renderProfileText */.Nmh)(profile));
        return ExitCode.Pass;
    },
};

;// CONCATENATED MODULE: ./packages/cli/src/commands/registry.ts








const registry_OPTIONS = {
    version: { type: 'string' },
    bump: { type: 'string' },
    ref: { type: 'string' },
    manifest: { type: 'string' },
    report: { type: 'string' },
    reason: { type: 'string' },
    force: { type: 'boolean' },
    push: { type: 'boolean' },
    remote: { type: 'string' },
    config: { type: 'string' },
    actor: { type: 'string' },
    json: { type: 'boolean' },
};
/** Each option's line in a subcommand's help; a subcommand's help lists exactly the options it accepts. */
const OPTION_HELP = {
    version: '--version <vX.Y.Z>   the version to register (default: the next one by --bump)',
    bump: '--bump <level>       patch, minor, major or auto (minor when the training params changed since\n' +
        "                       the latest version, else patch); default: the model's bump in mlgate.yml, else patch",
    ref: '--ref <rev>          the commit to register (default HEAD)',
    manifest: `--manifest <file>    the training run's mlgate.manifest.json: its digest is recorded, it and the\n` +
        `                       metrics and predictions it names are stored in ${LOCAL_RELEASES_DIR}/<tag>/`,
    report: "--report <file>      the compare report JSON whose gate verdict is the version's promotion evidence",
    reason: '--reason <text>      why; recorded in the tag message',
    force: '--force              assign although evidence is missing (needs --reason; the tag records both)',
    push: '--push               publish each new tag to the remote (never forced)',
    remote: '--remote <name>      the remote for --push (default origin)',
    config: '--config <file>      mlgate.yml (default ./mlgate.yml): stages, stage policies, bump, predictions',
    actor: "--actor <name>       who asks, recorded in the tag (default: git's user.name)",
    json: '--json               print the result as JSON on stdout',
};
const WRITE_EXIT_CODES = `Exit codes:
  0  the tag was created (or the event is recorded already: nothing written)
  1  not used: only assign judges evidence
  2  usage or input error: a malformed <model>@<version>, an unknown version, not a git repository`;
function verb(spec, run) {
    const help = [
        `Usage: mlgate registry ${spec.usage}`,
        '',
        spec.about,
        '',
        'Options:',
        ...spec.accepts.map((option) => `  ${OPTION_HELP[option]}`),
        '',
        'Examples:',
        ...spec.examples.map((example) => `  ${example}`),
        '',
        spec.exitCodes ?? WRITE_EXIT_CODES,
        '',
    ].join('\n');
    const { name, summary, usage, arity, accepts } = spec;
    return { name, summary, usage, arity, accepts, help, run };
}
const READ_EXIT_CODES = `Exit codes:
  0  shown
  1  not used: reading the registry gives no verdict
  2  usage error, or not a git repository`;
/** The subcommands, in the order the help lists them. */
const VERBS = [
    verb({
        name: 'show',
        summary: 'every model (or one): versions and what each stage holds',
        usage: 'show [model] [--json]',
        arity: -1,
        accepts: ['json', 'push', 'remote'],
        about: 'Every model of the registry (or the one named): its latest version, what each stage holds, and every\nregistered version with its commit.',
        examples: ['mlgate registry show', 'mlgate registry show flights-delay --json'],
        exitCodes: READ_EXIT_CODES,
    }, show),
    verb({
        name: 'history',
        summary: 'every event of a model, oldest first, with who, when and why',
        usage: 'history <model> [--json]',
        arity: 1,
        accepts: ['json', 'push', 'remote'],
        about: 'Every registry event of the model, oldest first: registrations, promotions and rollbacks, unassignments,\nderegistrations and deprecations, with the tag, commit, who asked, why and whether it was forced.',
        examples: ['mlgate registry history flights-delay', 'mlgate registry history churn --json'],
        exitCodes: READ_EXIT_CODES,
    }, registry_history),
    verb({
        name: 'register',
        summary: 'tag a commit as a new version of a model (<model>@vX.Y.Z)',
        usage: 'register <model> [--version vX.Y.Z | --bump patch|minor|major|auto] [--ref REV] [--manifest FILE] [--report FILE]',
        arity: 1,
        accepts: ['version', 'bump', 'ref', 'manifest', 'report', 'reason', 'push', 'remote', 'config', 'actor', 'json'],
        about: `Tag the commit as a new version of the model, <model>@vX.Y.Z (an annotated tag in GTO's grammar whose
message records the evidence: manifest digest, key metrics with intervals, gate verdict). The manifest,
report, metrics and predictions are stored in ${LOCAL_RELEASES_DIR}/<tag>/, where assign and
\`compare --baseline registry:\` read them.`,
        examples: [
            'mlgate registry register flights-delay --manifest mlgate.manifest.json --report reports/comparison.json',
            'mlgate registry register churn --bump minor --ref main --push',
        ],
        exitCodes: `Exit codes:
  0  the version was registered (or is registered already at that commit: nothing written)
  1  not used: registering records the verdict, assign judges it
  2  usage or input error: a missing manifest or report (named), a version that exists, a bad --bump`,
    }, register),
    verb({
        name: 'assign',
        summary: 'promote (or roll back) a version to a stage, refused without evidence',
        usage: 'assign <model>@<version> <stage> [--reason TEXT] [--force --reason TEXT]',
        arity: 2,
        accepts: ['reason', 'force', 'push', 'remote', 'config', 'actor', 'json'],
        about: `Assign the version to the stage (<model>#<stage>#N): a promotion, or a rollback when the version is an
earlier one. It needs evidence: the version's registering tag records a gate verdict of pass (or warn
where models.<name>.stages.<stage>.allow_warn), its manifest digest matches the stored manifest, and,
with require_better_than_current, no metric is significantly worse than the stage's current version on
the stored predictions. A refusal lists each missing piece; --force with --reason overrides and the tag
records both. Re-running a promotion that is already recorded writes nothing.`,
        examples: [
            'mlgate registry assign flights-delay@v1.1.0 production --reason "passed the gate in #1"',
            'mlgate registry assign flights-delay@v1.0.0 production --reason "rollback: v1.1.0 misbehaves"',
            'mlgate registry assign churn@v0.3.0 staging --force --reason "hotfix, gate report lost"',
        ],
        exitCodes: `Exit codes:
  0  assigned (or already recorded: nothing written)
  1  refused: evidence is missing (each piece listed)
  2  usage or input error: a malformed <model>@<version>, an unknown version or stage, --force without --reason`,
    }, registry_assign),
    verb({
        name: 'unassign',
        summary: 'the stage no longer holds the version (or anything)',
        usage: 'unassign <model>[@<version>] <stage>',
        arity: 2,
        accepts: ['reason', 'push', 'remote', 'actor', 'json'],
        about: `Record that the stage holds nothing (<model>#<stage>!#N): without a version every holder leaves it; with
one, that version leaves and the stage goes back to the version assigned before it, if that one still holds it.`,
        examples: [
            'mlgate registry unassign churn staging',
            'mlgate registry unassign churn@v0.2.0 production --reason "retired"',
        ],
    }, unassign),
    verb({
        name: 'deregister',
        summary: 'withdraw a version (<model>@vX.Y.Z!)',
        usage: 'deregister <model>@<version>',
        arity: 1,
        accepts: ['reason', 'push', 'remote', 'actor', 'json'],
        about: 'Withdraw the version (<model>@vX.Y.Z!): it no longer counts as registered, and stages it held go back to\nthe version assigned before it.',
        examples: ['mlgate registry deregister churn@v0.0.1 --reason "trained on leaked labels"'],
    }, deregister),
    verb({
        name: 'deprecate',
        summary: 'deprecate a model (<model>@deprecated#N)',
        usage: 'deprecate <model>',
        arity: 1,
        accepts: ['reason', 'push', 'remote', 'actor', 'json'],
        about: 'Deprecate the model (<model>@deprecated#N); it stays deprecated while that is its latest event.',
        examples: ['mlgate registry deprecate churn --reason "replaced by churn-v2"'],
    }, deprecate),
];
const HELP = `Usage: mlgate registry <subcommand> [options]

The git-native model registry: annotated git tags in GTO's grammar, so GTO reads the same registry.
\`mlgate registry <subcommand> --help\` shows a subcommand's options, examples and exit codes.

Subcommands:
${VERBS.map((v) => `  ${v.name.padEnd(11)} ${v.summary}`).join('\n')}

Options common to the subcommands that write a tag:
  ${OPTION_HELP.push}
  ${OPTION_HELP.remote}
  ${OPTION_HELP.actor}
  ${OPTION_HELP.json}

Examples:
  mlgate registry register flights-delay --manifest mlgate.manifest.json --report reports/comparison.json
  mlgate registry assign flights-delay@v1.0.0 production --reason "weekly release"
  mlgate registry history flights-delay --json

Exit codes:
  0  done (or already recorded: nothing written)
  1  a promotion refused for missing evidence (assign)
  2  usage, configuration or input error
`;
const registryCommand = {
    name: 'registry',
    summary: 'register, assign and promote model versions in the git-native registry',
    help: HELP,
    options: registry_OPTIONS,
    subcommands: VERBS,
    async run(argv, io) {
        const [sub, ...rest] = argv;
        const names = VERBS.map((v) => v.name);
        // Options before the subcommand: an unknown one is named as such, a known one still needs a subcommand.
        if (sub?.startsWith('-'))
            parseCommandArgs('registry', argv, registry_OPTIONS);
        if (sub === undefined || sub.startsWith('-'))
            throw new src/* UserError */.yot(`name a subcommand: ${names.join(', ')} (see \`mlgate registry --help\`)`);
        const chosen = VERBS.find((v) => v.name === sub);
        if (chosen === undefined) {
            const suggestion = (0,src/* closestMatch */.h0v)(sub, names);
            throw new src/* UserError */.yot(`unknown subcommand "${sub}"${suggestion ? ` (did you mean "${suggestion}"?)` : ''} (see \`mlgate registry --help\`)`);
        }
        const { values, positionals } = parseCommandArgs(`registry ${sub}`, rest, registry_OPTIONS);
        const logger = consoleLogger({ stream: io.stderr });
        const store = new GitRegistryStore(io.cwd, values.push ? { push: values.remote ?? 'origin' } : {});
        return chosen.run({ io, values, positionals, store, logger, verb: chosen });
    },
};
/** The positionals, after checking their count and that every option given applies to this subcommand. */
function args(context) {
    const { positionals, values, verb } = context;
    const countOk = verb.arity < 0 ? positionals.length <= 1 : positionals.length === verb.arity;
    if (!countOk)
        throw new src/* UserError */.yot(`usage: mlgate registry ${verb.usage}`);
    for (const [key, value] of Object.entries(values)) {
        if (value !== undefined && !verb.accepts.includes(key)) {
            throw new src/* UserError */.yot(`--${key} does not apply here; usage: mlgate registry ${verb.usage}`);
        }
    }
    return positionals;
}
/** `churn@v1.2.0` → model and version; the model part may hold a monorepo folder (`dir:name@v1.0.0`). */
function modelAtVersion(text, usage) {
    const at = text.lastIndexOf('@');
    if (at <= 0)
        throw new src/* UserError */.yot(`expected <model>@<version>, got ${JSON.stringify(text)}; usage: mlgate registry ${usage}`);
    return { model: text.slice(0, at), version: text.slice(at + 1) };
}
async function stateOf(store, model) {
    return (0,src/* registryState */.zWd)(model, await store.listTags(model));
}
async function actorOf(context) {
    return context.values.actor ?? (await context.store.identity());
}
function out(context, json, text) {
    context.io.stdout.write(context.values.json ? inertJson(json) : text.endsWith('\n') ? text : `${text}\n`);
}
function eventJson(action, model, event) {
    return { action, model, ...event };
}
function describeEvent(event, what) {
    return event.created
        ? `Created ${event.tag}: ${what}.`
        : `${what} is recorded already by ${event.tag}; nothing written.`;
}
// ---- show / history
async function show(context) {
    const [model] = args(context);
    const tags = await context.store.listTags(model);
    const models = model !== undefined ? [model] : modelsIn(tags);
    const states = models.map((name) => (0,src/* registryState */.zWd)(name, tags));
    const json = { schema: 'mlgate/registry-show@1', models: states.map(showJson) };
    const lines = states.flatMap((state) => showText(state));
    out(context, json, lines.length > 0 ? lines.join('\n') : 'The registry is empty: no registry tags in this repository.');
    return ExitCode.Pass;
}
function modelsIn(tags) {
    const names = new Set();
    for (const tag of tags) {
        const state = (0,src/* registryState */.zWd)(modelOfTag(tag.name) ?? '', [tag]);
        if (state.history.length > 0)
            names.add(state.model);
    }
    return [...names].sort();
}
function modelOfTag(name) {
    const cut = Math.min(...['@', '#'].map((c) => (name.indexOf(c) < 0 ? Infinity : name.indexOf(c))));
    return Number.isFinite(cut) ? name.slice(0, cut).replace('=', ':') : null;
}
function showJson(state) {
    const stagesOf = (version) => [...state.stages.values()]
        .filter((s) => s.version.version === version)
        .map((s) => s.stage)
        .sort();
    return {
        model: state.model,
        deprecated: state.deprecated,
        latest: state.versions.at(-1)?.version ?? null,
        stages: Object.fromEntries([...state.stages].sort().map(([stage, s]) => [stage, { version: s.version.version, tag: s.tag }])),
        dangling: Object.fromEntries([...state.dangling].sort().map(([stage, d]) => [stage, d])),
        versions: state.versions.map((v) => ({
            version: v.version,
            tag: v.tag,
            commit: v.commit,
            stages: stagesOf(v.version),
        })),
    };
}
function showText(state) {
    const head = `${state.model}${state.deprecated ? ' (deprecated)' : ''}: latest ${state.versions.at(-1)?.version ?? 'none'}`;
    const stages = [...state.stages].sort().map(([stage, s]) => `  ${stage}: ${s.version.version} (${s.tag})`);
    const dangling = [...state.dangling]
        .sort()
        .map(([stage, d]) => `  ${stage}: commit ${d.commit.slice(0, 7)} has no registered version (${d.tag})`);
    const versions = state.versions.map((v) => `  ${v.version}  ${v.commit.slice(0, 7)}  ${v.tag}`);
    return [
        head,
        ...stages,
        ...dangling,
        ...(versions.length > 0 ? ['  versions:', ...versions.map((v) => `  ${v}`)] : []),
    ];
}
async function registry_history(context) {
    const [model] = args(context);
    const state = await stateOf(context.store, model);
    const entries = state.history.map((e) => ({
        time: e.time,
        action: e.action,
        version: e.version,
        stage: e.stage,
        tag: e.tag,
        commit: e.commit,
        actor: e.actor,
        reason: e.message.kind === 'event' ? (e.message.event.reason ?? null) : null,
        forced: e.message.kind === 'event' && e.message.event.forced !== undefined,
    }));
    const text = entries.map((e) => `${e.time ?? '-'}  ${e.action.padEnd(10)} ${[e.version, e.stage].filter(Boolean).join(' ').padEnd(22)} ${e.tag}  by ${e.actor ?? '-'}${e.forced ? ' (forced)' : ''}${e.reason ? `: ${e.reason}` : ''}`);
    out(context, { schema: 'mlgate/registry-history@1', model, events: entries }, text.length > 0 ? text.join('\n') : `${model} has no registry tags.`);
    return ExitCode.Pass;
}
// ---- register
async function register(context) {
    const [model] = args(context);
    const { values, io } = context;
    // Checked first, so a missing file reads as everywhere else in the CLI (`<file>: file not found`).
    for (const file of [values.manifest, values.report])
        if (file !== undefined)
            await (0,src/* requireFile */.GzO)((0,external_node_path_.resolve)(io.cwd, file), file);
    const bump = values.bump ?? (await configuredBump(context, model));
    if (!['patch', 'minor', 'major', 'auto'].includes(bump))
        throw new src/* UserError */.yot(`--bump must be patch, minor, major or auto, not ${JSON.stringify(bump)}`);
    const evidence = await readRegistrationEvidence({
        ...(values.manifest !== undefined && { manifest: values.manifest }),
        ...(values.report !== undefined && { report: values.report }),
        cwd: io.cwd,
    });
    const { manifest, report } = evidence;
    const details = {
        actor: await actorOf(context),
        ...(values.reason !== undefined && { reason: values.reason }),
        ...evidence.details,
    };
    const recorded = await registerVersion({
        model,
        rev: values.ref ?? 'HEAD',
        ...(values.version !== undefined ? { version: values.version } : { bump: bump }),
        details,
    }, { store: context.store, logger: context.logger });
    const folder = (0,external_node_path_.join)(LOCAL_RELEASES_DIR, recorded.tag);
    await storeFiles((0,external_node_path_.resolve)(io.cwd, folder), manifest, report);
    out(context, { ...eventJson('register', model, recorded), files: folder }, `${describeEvent(recorded, `${model}@${recorded.version} at ${recorded.commit.slice(0, 7)}`)}${manifest || report ? ` Files stored in ${folder}.` : ''}`);
    return ExitCode.Pass;
}
async function configuredBump(context, model) {
    const { config } = await loadCompareConfig(context.values.config, context.io.cwd);
    return config.models[model]?.bump ?? 'patch';
}
/** The version's files: the manifest, the report, and the metrics and predictions files the manifest records. */
async function storeFiles(folder, manifest, report) {
    if (!manifest && !report)
        return;
    await (0,promises_.mkdir)(folder, { recursive: true });
    if (report)
        await (0,promises_.copyFile)(report.path, (0,external_node_path_.join)(folder, (0,external_node_path_.basename)(report.path)));
    if (!manifest)
        return;
    await (0,promises_.copyFile)(manifest.path, (0,external_node_path_.join)(folder, manifest.recorded.path ?? promote_MANIFEST_FILE));
    // Found and their sha256 checked when the evidence was read, before the tag was written.
    for (const file of manifest.files) {
        if (file.role !== 'out')
            await (0,promises_.copyFile)(file.path, (0,external_node_path_.join)(folder, (0,external_node_path_.basename)(file.recorded.path)));
    }
}
// ---- assign (promotion) / unassign / deregister / deprecate
async function registry_assign(context) {
    const [target, stage] = args(context);
    const { model, version } = modelAtVersion(target, context.verb.usage);
    const { values, io } = context;
    if (values.force && values.reason === undefined)
        throw new src/* UserError */.yot('--force needs --reason: the reason is recorded in the tag');
    const loaded = await loadCompareConfig(values.config, io.cwd);
    const modelConfig = loaded.config.models[model];
    const policy = modelConfig?.stages[stage] ?? src/* DEFAULT_STAGE_POLICY */._3Q;
    const releases = (0,external_node_path_.resolve)(io.cwd, LOCAL_RELEASES_DIR);
    const compare = storedPredictionsComparer({
        model,
        predictions: modelConfig?.predictions,
        ...(values.config !== undefined && { config: values.config }),
        cwd: io.cwd,
        logger: context.logger,
    });
    const result = await promote_promoteVersion({
        model,
        version,
        stage,
        stages: loaded.config.registry.stages,
        policy,
        details: { actor: await actorOf(context), ...(values.reason !== undefined && { reason: values.reason }) },
        ...(values.force && { force: { reason: values.reason } }),
        ...(compare && { compare }),
    }, { store: context.store, files: new LocalReleaseFiles(releases), logger: context.logger });
    if (result.refused) {
        out(context, { action: 'assign', model, version, stage, refused: true, missing: result.missing }, [
            `Refused: ${model}@${version} cannot enter ${stage}:`,
            ...result.missing.map((m) => `  - ${m}`),
            'Override with --force --reason "…" (recorded in the tag).',
        ].join('\n'));
        return ExitCode.Failed;
    }
    const before = result.previous?.version
        ? `${stage} held ${result.previous.version} before (${result.previous.tag})`
        : `${stage} held nothing before`;
    const forced = result.forced ? ` Forced past: ${result.missing.join('; ')}.` : '';
    out(context, { ...eventJson('assign', model, result), refused: false, forced: result.forced, missing: result.missing }, `${describeEvent(result, `${model}@${version} in ${stage}`)} ${result.created ? before : ''}${forced}`.trim());
    return ExitCode.Pass;
}
async function unassign(context) {
    const [target, stage] = args(context);
    const { model, version } = target.includes('@')
        ? modelAtVersion(target, context.verb.usage)
        : { model: target, version: undefined };
    const details = {
        actor: await actorOf(context),
        ...(context.values.reason !== undefined && { reason: context.values.reason }),
    };
    const events = await unassignStage({ model, stage, ...(version !== undefined && { version }), details }, { store: context.store, logger: context.logger });
    const text = events.length === 0
        ? `${stage} holds no version of ${model}${version ? ` ${version}` : ''}; nothing written.`
        : events.map((e) => `Created ${e.tag}: ${model}@${e.version} leaves ${stage}.`).join('\n');
    out(context, { action: 'unassign', model, stage, events }, text);
    return ExitCode.Pass;
}
async function deregister(context) {
    const [target] = args(context);
    const { model, version } = modelAtVersion(target, context.verb.usage);
    const details = {
        actor: await actorOf(context),
        ...(context.values.reason !== undefined && { reason: context.values.reason }),
    };
    const event = await deregisterVersion({ model, version, details }, { store: context.store, logger: context.logger });
    out(context, eventJson('deregister', model, event), describeEvent(event, `the deregistration of ${model}@${version}`));
    return ExitCode.Pass;
}
async function deprecate(context) {
    const [model] = args(context);
    const details = {
        actor: await actorOf(context),
        ...(context.values.reason !== undefined && { reason: context.values.reason }),
    };
    const event = await deprecateModel({ model, details }, { store: context.store, logger: context.logger });
    out(context, eventJson('deprecate', model, event), describeEvent(event, `the deprecation of ${model}`));
    return ExitCode.Pass;
}

;// CONCATENATED MODULE: ./packages/cli/src/commands/report.ts






const report_FORMATS = ['text', 'markdown', 'json'];
const report_help = `Usage: mlgate report <report.json>... [options]

Merge mlgate report files and render them: a terminal summary, the markdown that the report
action posts on a pull request, or the merged report JSON.

Options:
  --format <f>   text (default), markdown or json
  --json         same as --format json
  -o, --out <p>  also write the rendered output to this file
  --html <p>     also write the report as a self-contained HTML page with charts (opens offline)

Examples:
  mlgate report reports/validation.json reports/comparison.json --format markdown -o report.md
  mlgate report reports/comparison.json --html report.html
  mlgate report reports/*.json --json

Exit codes:
  0  the merged verdict passes (or warns)
  1  the merged verdict fails
  2  a missing file, a file that is not an mlgate report (named, with the key that is wrong), a bad option
`;
const report_OPTIONS = {
    format: { type: 'string' },
    json: { type: 'boolean' },
    out: { type: 'string', short: 'o' },
    html: { type: 'string' },
};
const reportCommand = {
    name: 'report',
    summary: 'merge report JSON files and render them as text, markdown or JSON',
    help: report_help,
    options: report_OPTIONS,
    async run(argv, io) {
        const { values, positionals } = parseCommandArgs('report', argv, report_OPTIONS);
        if (positionals.length === 0)
            throw new src/* UserError */.yot('give at least one report JSON file (see `mlgate report --help`)');
        const format = values.json ? 'json' : parseFormat(values.format);
        await checkOutputs(io.cwd, [values.out, values.html]);
        const reports = [];
        for (const file of positionals)
            reports.push(await (0,src/* readReportFile */.$hs)((0,external_node_path_.resolve)(io.cwd, file), { name: file }));
        const report = (0,src/* mergeReports */.C1p)(reports);
        const rendered = format === 'json'
            ? inertJson(report)
            : format === 'markdown'
                ? (0,src/* renderReportMarkdown */.Ay2)(report)
                : (0,src/* renderReportText */.UvZ)(report);
        if (values.html) {
            // The CLI's entry: the bundle keeps the browser builds beside it; run from source, node_modules has them.
            const scripts = await readVegaScripts(io.workerEntry ?? new URL(import.meta.url));
            await writeOutput(io.cwd, values.html, (0,src/* renderReportHtml */.Y8A)(report, { scripts }));
        }
        io.stdout.write(rendered);
        if (values.out)
            await writeOutput(io.cwd, values.out, rendered);
        return report.verdict.status === 'fail' ? ExitCode.Failed : ExitCode.Pass;
    },
};
function parseFormat(value) {
    if (value === undefined)
        return 'text';
    if (report_FORMATS.includes(value))
        return value;
    throw new src/* UserError */.yot(`--format: expected one of ${report_FORMATS.join(', ')}, got ${JSON.stringify(value)}`);
}

;// CONCATENATED MODULE: ./packages/cli/src/commands/schema.ts






const schema_SHOWN_ISSUES = 5;
const inferHelp = `Usage: mlgate schema infer <data> [-o schema.yml] [--delimiter <c>]

Infer a starting data schema from a CSV, TSV, JSON Lines or Parquet file: each column's type,
nullability (or its largest null fraction), numeric bounds rounded outward, and the allowed values
of text columns with few of them. The same data passes the schema; review and tighten it before
relying on it. The YAML is printed, or written to the -o file.

Options:
  -o, --out <file>    write the schema to this file instead of printing it (its folders are created)
  --delimiter <c>     the CSV field delimiter, e.g. ";" (\\t or tab for a tab)

Examples:
  mlgate schema infer data/train.csv -o data/schema.yml
  mlgate schema infer exports/orders-eu.csv --delimiter ";"

Exit codes:
  0  the schema was inferred
  1  not used: inferring gives no verdict
  2  a missing, unreadable or empty file (a schema inferred from no rows would pass anything), or a
     bad option
`;
const schema_help = `Usage: mlgate schema <subcommand> [options]

Subcommands:
  infer <data>   infer a starting data schema from a dataset (\`mlgate schema infer --help\`)

Examples:
  mlgate schema infer data/train.csv -o data/schema.yml

Exit codes:
  0  done
  1  not used: schema commands give no verdict
  2  usage or input error (see the subcommand's help)
`;
const schema_OPTIONS = {
    out: { type: 'string', short: 'o' },
    delimiter: { type: 'string' },
};
const schemaCommand = {
    name: 'schema',
    summary: 'infer a starting data schema from a dataset (`schema infer`)',
    help: schema_help,
    options: schema_OPTIONS,
    subcommands: [{ name: 'infer', summary: 'infer a starting data schema from a dataset', help: inferHelp }],
    async run(argv, io) {
        const { values, positionals } = parseCommandArgs(argv[0] === 'infer' ? 'schema infer' : 'schema', argv, schema_OPTIONS);
        const [subcommand, data, ...rest] = positionals;
        if (subcommand !== 'infer') {
            throw new src/* UserError */.yot(subcommand === undefined
                ? 'give a subcommand: `mlgate schema infer <data>`'
                : `unknown subcommand "${subcommand}" (expected \`mlgate schema infer <data>\`)`);
        }
        if (data === undefined || rest.length > 0)
            throw new src/* UserError */.yot('give exactly one data file to infer a schema from');
        await checkOutputs(io.cwd, [values.out]);
        const path = (0,external_node_path_.resolve)(io.cwd, data);
        const delimiter = values.delimiter === undefined ? undefined : parseDelimiter(values.delimiter);
        const shape = await (0,src/* inspectDataFile */.B0B)(path, { name: data, ...(delimiter !== undefined && { delimiter }) });
        for (const warning of shape.warnings)
            io.stderr.write(`warning: ${warning}\n`);
        if (shape.empty)
            throw new src/* UserError */.yot('is empty: there are no rows to infer a schema from', { file: data });
        const result = await (0,src/* profileFile */.aCN)(path, {
            format: shape.format,
            ...(delimiter !== undefined && { csv: { delimiter } }),
        });
        for (const issue of result.issues.slice(0, schema_SHOWN_ISSUES)) {
            io.stderr.write(`${data}:${issue.line}:${issue.column}: ${issue.severity}: ${issue.message}\n`);
        }
        if (result.profile.rows === 0) {
            throw new src/* UserError */.yot('has a header but no data rows: there are no rows to infer a schema from', { file: data });
        }
        const { table, stats } = (0,src/* profileStats */.Dtn)(result.profile);
        const yaml = (0,src/* inferSchema */._AX)(table, stats, { source: data });
        if (values.out) {
            await writeOutput(io.cwd, values.out, yaml);
            io.stderr.write(`wrote a schema for ${table.columns.length} columns to ${values.out}\n`);
        }
        else
            io.stdout.write(yaml);
        return ExitCode.Pass;
    },
};

;// CONCATENATED MODULE: ./packages/cli/src/commands/train.ts






const train_help = `Usage: mlgate train [model] [options]

Train a model reproducibly: fingerprint the command, the content of its deps and its params values; when the
same fingerprint trained before, restore its outputs from the run cache (byte-identical, checked against the
cached manifest) instead of running the command; else run it, streaming its output, and cache what it wrote.
Either way write the manifest (mlgate.manifest.json) and keep the outputs as a local run artifact.
Options missing here come from the model's \`train:\` block in mlgate.yml.

Options:
  --model <name>            the model in mlgate.yml (the same as the [model] argument)
  --run <command>           the training command (run by the shell in the working directory)
  --deps <path>             a file, folder or glob the command reads (repeatable); matching nothing is an error
  --params <file[:keys]>    a params file, optionally with the keys used: params.yaml:train.lr,train.epochs
                            (repeatable)
  --outs <path>             a file or folder the command writes (repeatable)
  --metrics <file>          a metrics file the command writes (repeatable)
  --predictions <file>      a per-example predictions file the command writes
  --no-cache                always run the command, and cache nothing
  --timeout-minutes <n>     stop the command and its children after n minutes
  --working-directory <d>   where the command runs; the paths above are relative to it
  --env <NAME=value>        a variable for the command (repeatable); names go in the manifest, values never
  --config <file>           the config (default mlgate.yml when it exists)
  --manifest <file>         where to write the manifest (default mlgate.manifest.json in the working directory)
  --cache-dir <dir>         the run cache (default .mlgate/cache)
  --artifacts-dir <dir>     where run artifacts are kept (default .mlgate/artifacts)
  --no-artifact             keep no local run artifact
  --json                    print the manifest JSON (the command's output then goes to stderr)

Examples:
  mlgate train flights-delay                 # the model's train: block in mlgate.yml; again: a run-cache hit
  mlgate train churn --run "python train.py" --deps data/ --deps train.py --params params.yaml:train.lr \\
    --outs model.pkl --metrics metrics.json --predictions predictions.csv
  mlgate train flights-delay --no-cache --json > manifest.json

Exit codes:
  0  the model was trained, or restored from the run cache
  1  the command failed, timed out or was cancelled (nothing is cached)
  2  usage or configuration error: an unknown key in mlgate.yml (with its line), a dep that matches
     nothing, an output the command did not write
`;
const train_OPTIONS = {
    model: { type: 'string' },
    run: { type: 'string' },
    deps: { type: 'string', multiple: true },
    params: { type: 'string', multiple: true },
    outs: { type: 'string', multiple: true },
    metrics: { type: 'string', multiple: true },
    predictions: { type: 'string' },
    'no-cache': { type: 'boolean' },
    'timeout-minutes': { type: 'string' },
    'working-directory': { type: 'string' },
    env: { type: 'string', multiple: true },
    config: { type: 'string' },
    manifest: { type: 'string' },
    'cache-dir': { type: 'string' },
    'artifacts-dir': { type: 'string' },
    'no-artifact': { type: 'boolean' },
    json: { type: 'boolean' },
};
const trainCommand = {
    name: 'train',
    summary: 'train through the run cache, writing a lineage manifest',
    help: train_help,
    options: train_OPTIONS,
    async run(argv, io) {
        const { values, positionals } = parseCommandArgs('train', argv, train_OPTIONS);
        if (positionals.length > 1)
            throw new src/* UserError */.yot('give at most one model (see `mlgate train --help`)');
        if (positionals[0] !== undefined && values.model !== undefined && positionals[0] !== values.model) {
            throw new src/* UserError */.yot(`two models given: ${positionals[0]} and --model ${values.model}`);
        }
        const model = positionals[0] ?? values.model;
        const options = await resolveTrainOptions({
            ...(model !== undefined && { model }),
            ...(values.run !== undefined && { run: values.run }),
            ...(values.deps && { deps: values.deps }),
            ...(values.params && { params: values.params }),
            ...(values.outs && { outs: values.outs }),
            ...(values.metrics && { metrics: values.metrics }),
            ...(values.predictions !== undefined && { predictions: values.predictions }),
            ...(values['no-cache'] && { cache: false }),
            ...(values['timeout-minutes'] !== undefined && { timeoutMinutes: minutes(values['timeout-minutes']) }),
            ...(values['working-directory'] !== undefined && { workingDirectory: values['working-directory'] }),
            ...(values.env && { env: parseEnv(values.env) }),
            ...(values.config !== undefined && { config: values.config }),
            ...(values.manifest !== undefined && { manifest: values.manifest }),
        }, io.cwd);
        const logger = consoleLogger({ stream: io.stderr });
        const output = values.json ? io.stderr : io.stdout;
        const cancel = new AbortController();
        const onSignal = () => cancel.abort();
        process.once('SIGINT', onSignal);
        process.once('SIGTERM', onSignal);
        let result;
        try {
            result = await runTrain(options, {
                logger,
                cache: new LocalCacheStore((0,external_node_path_.join)(io.cwd, values['cache-dir'] ?? '.mlgate/cache'), options.workingDirectory),
                ...(!values['no-artifact'] && {
                    artifacts: new LocalArtifactStore((0,external_node_path_.join)(io.cwd, values['artifacts-dir'] ?? '.mlgate/artifacts'), {
                        workflow: 'local',
                        branch: 'local',
                        headSha: 'local',
                        event: 'local',
                    }),
                }),
                stdout: output,
                stderr: io.stderr,
                signal: cancel.signal,
                env: io.env,
            });
        }
        catch (error) {
            if (!(error instanceof TrainCommandError))
                throw error;
            io.stderr.write(`mlgate train: ${error.message}\n`);
            return ExitCode.Failed;
        }
        finally {
            process.off('SIGINT', onSignal);
            process.off('SIGTERM', onSignal);
        }
        const { manifest } = result;
        if (values.json) {
            io.stdout.write(`${JSON.stringify(manifest, null, 2)}\n`);
        }
        else {
            const how = manifest.cache.hit ? 'restored from the run cache' : 'trained';
            io.stdout.write(`${manifest.model}: ${how} (fingerprint ${manifest.fingerprint.slice(0, 12)}), manifest ${result.manifestPath}\n`);
        }
        return ExitCode.Pass;
    },
};
function minutes(text) {
    const value = Number(text);
    if (!Number.isFinite(value) || value <= 0)
        throw new src/* UserError */.yot(`--timeout-minutes: expected a positive number, got "${text}"`);
    return value;
}
function parseEnv(pairs) {
    const env = {};
    for (const pair of pairs) {
        const equals = pair.indexOf('=');
        const name = equals > 0 ? pair.slice(0, equals) : '';
        if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name))
            throw new src/* UserError */.yot(`--env: expected NAME=value, got "${pair.split('=')[0]}=…"`);
        env[name] = pair.slice(equals + 1);
    }
    return env;
}

;// CONCATENATED MODULE: ./packages/cli/src/commands/validate.ts







const validate_help = `Usage: mlgate validate <data> [options]

Validate a CSV, TSV, JSON Lines or Parquet file (text formats optionally gzip-compressed) in one
streaming pass: every row is checked against the schema while the file is profiled, and rows that
cannot be read (ragged rows, unclosed quotes, bad JSON lines) are reported with their line.

Options:
  --schema <file>      a data schema (YAML, see \`mlgate schema infer\`) or a Great Expectations
                       suite (JSON); without it the data is only read and profiled
  --strict             refuse a Great Expectations suite with expectations mlgate cannot evaluate
                       (by default each is skipped with a warning, in the log and the report)
  --reference <file>   detect drift against a reference: a profile JSON (\`mlgate profile -o\`) or a
                       data file (profiled first). A column drifts only when the change is both
                       significant (p < 0.05) and larger than its effect-size threshold; the
                       schema's per-column \`drift:\` settings choose the test and threshold.
                       Identifier columns (all values distinct) are not tested
  --exact-values <n>   numeric values kept exactly per column and side, 1 to 100,000,000 (default:
                       the config's profile.exact_values, else 1,000,000). Up to it KS, Wasserstein
                       and quantiles are exact; past it drift is approximate, with bounds, in the report
  --config <file>      mlgate.yml, for its profile settings (default: ./mlgate.yml when it exists)
  --shard <i/n>        validate only the i-th of n row-aligned byte ranges (for matrix jobs)
  --threads <n>        worker threads reading row-aligned parts of the file side by side (default:
                       every available core, fewer for small files; 1 reads on the main thread).
                       Gzip files and schemas with a uniqueness check are read on one thread
  --format <f>         csv, tsv, jsonl or parquet (default: from the file name; a .json file holding
                       one object per line is JSON Lines)
  --delimiter <c>      the CSV field delimiter, e.g. ";" (\\t or tab for a tab; default "," or a
                       tab for .tsv). A one-column header that contains another delimiter is warned about
  --fail-on <level>    which verdict exits 1: error (default: a failing check, unreadable rows or
                       drift), warning (also a warning) or never, as the validate action's fail-on
  --max-errors <n>     data issues kept and reported, 1 to ${src/* MAX_REPORTED_ISSUES */.ypR} (default 100); all are counted
  --profile-out <p>    write the profile JSON (mergeable with \`mlgate profile merge\`)
  -o, --out <file>     write the report JSON to this file
  --json               print the report JSON instead of the summary

The output files are written whole or not at all, their folders created.

Examples:
  mlgate validate data/train.csv --schema data/schema.yml --reference data/reference.csv -o reports/validation.json
  mlgate validate data/orders.jsonl.gz --schema gx/orders_suite.json --strict --fail-on warning
  mlgate validate data/train.csv --reference reports/reference-profile.json --json

Exit codes:
  0  the data passes (or only warns)
  1  a check fails, rows cannot be read or the drifted columns reach the dataset's share (with
     --fail-on warning also any warning, such as one drifted column; never: nothing exits 1)
  2  usage or input error: a missing file, a malformed schema, a folder as an output file
`;
const validate_OPTIONS = {
    schema: { type: 'string' },
    strict: { type: 'boolean' },
    reference: { type: 'string' },
    shard: { type: 'string' },
    format: { type: 'string' },
    'max-errors': { type: 'string' },
    'profile-out': { type: 'string' },
    out: { type: 'string', short: 'o' },
    json: { type: 'boolean' },
    threads: { type: 'string' },
    'fail-on': { type: 'string' },
    delimiter: { type: 'string' },
    'exact-values': { type: 'string' },
    config: { type: 'string' },
};
const validateCommand = {
    name: 'validate',
    summary: 'validate a dataset against a data schema or Great Expectations suite',
    help: validate_help,
    options: validate_OPTIONS,
    async run(argv, io) {
        const { values, positionals } = parseCommandArgs('validate', argv, validate_OPTIONS);
        if (positionals.length !== 1)
            throw new src/* UserError */.yot('give exactly one data file (see `mlgate validate --help`)');
        const threads = parseThreads(values.threads);
        const exactValues = await exactValuesSetting(parseExactValues(values['exact-values']), values.config, io.cwd);
        const maxErrors = values['max-errors'] === undefined ? undefined : parseMaxErrors(values['max-errors']);
        const failOn = validate_parseFailOn(values['fail-on']);
        await checkOutputs(io.cwd, [values.out, values['profile-out']]);
        let result;
        try {
            result = await runValidate({
                data: positionals[0],
                cwd: io.cwd,
                ...(values.schema !== undefined && { schema: values.schema }),
                ...(values.reference !== undefined && { reference: values.reference }),
                ...(values.shard !== undefined && { shard: (0,src/* parseShardSpec */.d7Y)(values.shard, '--shard') }),
                ...(values.format !== undefined && { format: parseDataFormat(values.format) }),
                ...(values.delimiter !== undefined && { delimiter: parseDelimiter(values.delimiter) }),
                ...(maxErrors !== undefined && { maxErrors }),
                exactValues,
                ...(threads !== undefined && { threads }),
                ...(values.strict && { strict: true }),
            }, {
                ...(io.workerEntry && { workerEntry: io.workerEntry }),
                onProgress: progressLine(io, 'validating'),
                onSkippedColumn: (message) => io.stderr.write(`drift: ${message}\n`),
                onWarning: (message) => io.stderr.write(`warning: ${message}\n`),
                onSkippedExpectation: (message) => io.stderr.write(`warning: ${message}\n`),
            });
        }
        finally {
            clearProgressLine(io);
        }
        const { report, section, profile } = result;
        const json = inertJson(report);
        if (values.out)
            await writeOutput(io.cwd, values.out, json);
        if (values['profile-out'])
            await writeOutput(io.cwd, values['profile-out'], `${JSON.stringify(profile, null, 2)}\n`);
        io.stdout.write(values.json ? json : (0,src/* renderReportText */.UvZ)(report));
        return validationFails(section.status, failOn) ? ExitCode.Failed : ExitCode.Pass;
    },
};
function parseMaxErrors(value) {
    const n = /^\d{1,7}$/.test(value.trim()) ? Number(value) : NaN;
    if (!(n >= 1 && n <= src/* MAX_REPORTED_ISSUES */.ypR)) {
        throw new src/* UserError */.yot(`--max-errors: expected a whole number from 1 to ${src/* MAX_REPORTED_ISSUES */.ypR}, got ${JSON.stringify(value)}`);
    }
    return n;
}
function validate_parseFailOn(value) {
    if (value === undefined)
        return 'error';
    if (VALIDATE_FAIL_ON.includes(value))
        return value;
    throw new src/* UserError */.yot(`--fail-on: expected one of ${VALIDATE_FAIL_ON.join(', ')}, got ${JSON.stringify(value)}`);
}

;// CONCATENATED MODULE: ./packages/cli/src/commands/index.ts








/** Every command, in the order `mlgate --help` lists them. */
const commands = [
    validateCommand,
    schemaCommand,
    profileCommand,
    trainCommand,
    compareCommand,
    reportCommand,
    registryCommand,
    demoCommand,
];

;// CONCATENATED MODULE: ./packages/cli/package.json
const package_namespaceObject = {"rE":"0.1.0"};
;// CONCATENATED MODULE: ./packages/cli/src/version.ts

const version = package_namespaceObject.rE;

;// CONCATENATED MODULE: ./packages/cli/src/cli.ts





function usage() {
    const width = Math.max(...commands.map((c) => c.name.length));
    const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
    return [
        'mlgate — continuous delivery for machine learning',
        '',
        'Usage: mlgate <command> [options]',
        '',
        'Commands:',
        ...lines,
        '',
        'Global options:',
        '  -h, --help     show help (`mlgate <command> [<subcommand>] --help`: its options, examples and exit codes)',
        '  -v, --version  print the version',
        '',
        'Examples:',
        '  mlgate demo',
        '  mlgate validate data/train.csv --schema data/schema.yml --reference data/reference.csv',
        '  mlgate registry assign --help',
        '',
        'Exit codes:',
        '  0  the command ran and its verdict passed (or only warned)',
        '  1  the command ran and its verdict is a failure (a validation, a gate, a refused promotion)',
        '  2  usage, configuration or input error: nothing was judged; one line names the file, key or option',
        '  3  a bug in mlgate',
        '',
    ].join('\n');
}
function find(name) {
    return commands.find((c) => c.name === name);
}
/** The help of `mlgate <command> [<subcommand>]`: the subcommand's when `args` starts with one. */
function helpOf(command, args) {
    return command.subcommands?.find((s) => s.name === args[0])?.help ?? command.help;
}
function unknownCommand(name, io) {
    const suggestion = (0,src/* closestMatch */.h0v)(name, commands.map((c) => c.name));
    io.stderr.write(`mlgate: unknown command "${name}"${suggestion ? ` (did you mean "${suggestion}"?)` : ''}; run \`mlgate --help\` for the list\n`);
    return ExitCode.UserError;
}
async function runCli(argv, rawIo) {
    // The CLI also runs in workflow steps, where the runner reads both streams for workflow commands:
    // nothing it prints (report text, names, error messages from a pull request) may act as one.
    const io = { ...rawIo, stdout: inertWriter(rawIo.stdout), stderr: inertWriter(rawIo.stderr) };
    const [first, ...rest] = argv;
    if (first === undefined || first === '-h' || first === '--help' || first === 'help') {
        const topic = first === 'help' ? find(rest[0]) : undefined;
        if (first === 'help' && rest[0] !== undefined && !topic)
            return unknownCommand(rest[0], io);
        io.stdout.write(topic ? helpOf(topic, rest.slice(1)) : usage());
        return ExitCode.Pass;
    }
    if (first === '-v' || first === '--version') {
        io.stdout.write(`${version}\n`);
        return ExitCode.Pass;
    }
    const command = find(first);
    if (!command)
        return unknownCommand(first, io);
    if (rest.includes('-h') || rest.includes('--help')) {
        io.stdout.write(helpOf(command, rest));
        return ExitCode.Pass;
    }
    try {
        return await command.run(rest, io);
    }
    catch (error) {
        if ((0,src/* isUserError */.iU5)(error)) {
            io.stderr.write(`mlgate ${command.name}: ${(0,src/* formatLocated */.CcZ)(error.message, error.location)}\n`);
            return ExitCode.UserError;
        }
        const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
        io.stderr.write(`mlgate ${command.name}: internal error (a bug in mlgate, please report it):\n${detail}\n`);
        return ExitCode.Internal;
    }
}


/***/ }),

/***/ 77166:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ BootstrapPool),
/* harmony export */   serveBootstrapWorker: () => (/* binding */ serveBootstrapWorker)
/* harmony export */ });
/* unused harmony export MIN_PARALLEL_STEPS */
/* harmony import */ var node_worker_threads__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(75919);
/* harmony import */ var node_worker_threads__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_worker_threads__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _mlgate_core__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(98707);
/* harmony import */ var _roles_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76688);



/**
 * Below this many example × resample steps a job stays in this thread: a worker's start (loading
 * the bundle) and the copy of the examples cost more than they save.
 */
const MIN_PARALLEL_STEPS = 20_000_000;
/** status words: [slices finished, slices failed, slices started]; then the first failure's message as UTF-8. */
const STATUS_WORDS = 3;
const FINISHED = 0;
const FAILED = 1;
const STARTED = 2;
/** How often the blocked caller looks at whether every worker has started. */
const POLL_MS = 500;
const MESSAGE_BYTES = 2048;
/**
 * Bootstrap resamples split by range over worker threads. The compare engine is synchronous, so
 * the calling thread blocks (Atomics.wait) until every worker has written its slice of the
 * shared result; workers start on the first large job and stay until `close`. Same seed, same
 * deltas, whatever the thread count.
 */
class BootstrapPool {
    entry;
    threads;
    startTimeoutMs;
    workers = [];
    ranInWorkers = false;
    /**
     * `entry`: the bundle (this CLI's or an action's) whose start-up calls `serveWorker`. A worker
     * that has not taken its slice within `startTimeoutMs` (an entry that does not serve the role, a
     * worker that died loading) fails the job instead of blocking the caller for ever.
     */
    constructor(entry, threads, startTimeoutMs = 60_000) {
        this.entry = entry;
        this.threads = threads;
        this.startTimeoutMs = startTimeoutMs;
    }
    /** Small jobs, and statistics that draw category totals (O(categories) per resample), stay in this thread. */
    deltas = (job, statistic) => this.threads < 2 || statistic.categories !== undefined || job.examples.size * job.resamples < MIN_PARALLEL_STEPS
        ? (0,_mlgate_core__WEBPACK_IMPORTED_MODULE_1__/* .deltasInThread */ .ftd)(job, statistic)
        : this.inWorkers(job);
    /** Whether any job was large enough to run on the workers. */
    get used() {
        return this.ranInWorkers;
    }
    async close() {
        const workers = this.workers;
        this.workers = [];
        await Promise.all(workers.map((worker) => worker.terminate()));
    }
    inWorkers(job) {
        if (this.workers.length === 0) {
            this.workers = Array.from({ length: this.threads }, () => new node_worker_threads__WEBPACK_IMPORTED_MODULE_0__.Worker(this.entry, { workerData: { role: _roles_js__WEBPACK_IMPORTED_MODULE_2__/* .BOOTSTRAP_WORKER_ROLE */ .vV } }));
        }
        this.ranInWorkers = true;
        const results = new SharedArrayBuffer(job.resamples * Float64Array.BYTES_PER_ELEMENT);
        const status = new SharedArrayBuffer(STATUS_WORDS * Int32Array.BYTES_PER_ELEMENT + MESSAGE_BYTES);
        const count = this.workers.length;
        this.workers.forEach((worker, w) => {
            const from = Math.floor((w * job.resamples) / count);
            const to = Math.floor(((w + 1) * job.resamples) / count);
            worker.postMessage({ job, from, to, results, status });
        });
        const words = new Int32Array(status, 0, STATUS_WORDS);
        const deadline = Date.now() + this.startTimeoutMs;
        for (let finished = Atomics.load(words, FINISHED); finished < count; finished = Atomics.load(words, FINISHED)) {
            Atomics.wait(words, FINISHED, finished, POLL_MS);
            if (Atomics.load(words, STARTED) < count && Date.now() > deadline) {
                throw new Error(`bootstrap worker threads did not start within ${this.startTimeoutMs / 1000} s: ${this.entry.href} must call serveWorker() at start-up`);
            }
        }
        if (Atomics.load(words, FAILED) > 0) {
            const bytes = new Uint8Array(status, STATUS_WORDS * Int32Array.BYTES_PER_ELEMENT);
            const end = bytes.indexOf(0);
            throw new Error(`a bootstrap worker failed: ${new TextDecoder().decode(bytes.slice(0, end === -1 ? undefined : end))}`);
        }
        return new Float64Array(results).slice();
    }
}
/** The worker side: computes each slice it is sent, writes it to the shared result, signals. */
function serveBootstrapWorker() {
    node_worker_threads__WEBPACK_IMPORTED_MODULE_0__.parentPort?.on('message', ({ job, from, to, results, status }) => {
        const words = new Int32Array(status, 0, STATUS_WORDS);
        Atomics.add(words, STARTED, 1);
        try {
            new Float64Array(results, from * Float64Array.BYTES_PER_ELEMENT, to - from).set((0,_mlgate_core__WEBPACK_IMPORTED_MODULE_1__/* .jobDeltas */ .VtD)(job, from, to));
        }
        catch (error) {
            if (Atomics.add(words, FAILED, 1) === 0) {
                const text = error instanceof Error ? error.message : String(error);
                const bytes = new Uint8Array(status, STATUS_WORDS * Int32Array.BYTES_PER_ELEMENT, MESSAGE_BYTES - 1);
                new TextEncoder().encodeInto(text, bytes);
            }
        }
        Atomics.add(words, FINISHED, 1);
        Atomics.notify(words, FINISHED);
    });
}


/***/ }),

/***/ 60263:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   serveShardTasks: () => (/* binding */ serveShardTasks)
/* harmony export */ });
/* harmony import */ var node_worker_threads__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(75919);
/* harmony import */ var node_worker_threads__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_worker_threads__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _mlgate_core__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(98707);


const PROGRESS_INTERVAL_MS = 100;
/** Serves shard tasks posted by the pool, one at a time, until the pool terminates this worker. */
function serveShardTasks() {
    const port = node_worker_threads__WEBPACK_IMPORTED_MODULE_0__.parentPort;
    if (!port)
        throw new Error('serveShardTasks runs on a worker thread');
    port.on('message', (task) => {
        runTask(task, (message, transfer) => port.postMessage(message, transfer)).catch((error) => port.postMessage({ type: 'failed', error: serialize(error) }));
    });
}
async function runTask(task, post) {
    const suite = task.schema === undefined ? undefined : (await (0,_mlgate_core__WEBPACK_IMPORTED_MODULE_1__/* .readCheckSuite */ .dek)(task.schema)).checks;
    let last = 0;
    const onProgress = ({ bytes, totalBytes, rows }) => {
        const now = Date.now();
        if (now - last < PROGRESS_INTERVAL_MS && bytes < totalBytes)
            return;
        last = now;
        post({ type: 'progress', bytes, totalBytes, rows });
    };
    const pass = await (0,_mlgate_core__WEBPACK_IMPORTED_MODULE_1__/* .validatePass */ .oIb)(task.path, {
        shard: task.shard,
        onProgress,
        ...(suite && { suite }),
        ...(task.format && { format: task.format }),
        ...(task.delimiter !== undefined && { delimiter: task.delimiter }),
        ...(task.maxErrors !== undefined && { maxErrors: task.maxErrors }),
        ...(task.maxExamples !== undefined && { maxExamples: task.maxExamples }),
        profile: {
            ...(task.exactValues !== undefined && { exactValues: task.exactValues }),
            ...(task.sharedCounts && { sharedCounts: new Int32Array(task.sharedCounts) }),
        },
    });
    // Raw: the values and grids as typed arrays, moved to the main thread rather than encoded or copied.
    const profile = pass.profile.toJSON({ raw: true });
    post({
        type: 'done',
        result: {
            profile,
            outcomes: pass.outcomes.map(({ check: _check, ...outcome }) => outcome),
            issues: pass.issues,
            errorCount: pass.errorCount,
            warningCount: pass.warningCount,
        },
    }, (0,_mlgate_core__WEBPACK_IMPORTED_MODULE_1__/* .rawProfileBuffers */ .jTC)(profile));
}
function serialize(error) {
    if ((0,_mlgate_core__WEBPACK_IMPORTED_MODULE_1__/* .isUserError */ .iU5)(error))
        return { message: error.message, location: { ...error.location } };
    if (error instanceof Error)
        return { message: error.message, ...(error.stack && { stack: error.stack }) };
    return { message: String(error) };
}


/***/ })

};
