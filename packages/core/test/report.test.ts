/* eslint-disable @typescript-eslint/no-explicit-any -- these tests corrupt documents on purpose */
import { describe, it, expect, beforeAll, afterAll } from '@jest/globals';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UserError, mergeReports, parseReport, readReportFile, worstStatus, type Report } from '../src/index.js';
import { comparisonSection, report, validationSection } from './fixtures/reports.js';

function errorOf(action: () => unknown): UserError {
  try {
    action();
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error('expected a UserError');
}

function withChange(mutate: (doc: Record<string, any>) => void): unknown {
  const doc = structuredClone(report({ validations: [validationSection()], comparisons: [comparisonSection()] }));
  mutate(doc as Record<string, any>);
  return doc;
}

describe('parseReport', () => {
  it('accepts a complete report and returns it unchanged', () => {
    const full = report({ validations: [validationSection()], comparisons: [comparisonSection()] });
    expect(parseReport(structuredClone(full), 'report.json')).toEqual(full);
  });

  it('accepts a first-run comparison whose baseline is null', () => {
    const doc = withChange((d) => {
      d.comparisons[0].baseline = null;
    });
    expect(parseReport(doc, 'report.json').comparisons?.[0]?.baseline).toBeNull();
  });

  it('names the file and JSON path of a bad enum value', () => {
    const error = errorOf(() =>
      parseReport(
        withChange((d) => (d.verdict.status = 'ok')),
        'report.json',
      ),
    );
    expect(String(error)).toBe('report.json: $.verdict.status: must be one of pass, warn, fail, skipped');
    expect(error.location).toEqual({ file: 'report.json', path: '$.verdict.status' });
  });

  it('uses array indices in the path', () => {
    const doc = withChange((d) => (d.validations[0].checks[1].status = 'broken'));
    expect(String(errorOf(() => parseReport(doc, 'r.json')))).toBe(
      'r.json: $.validations[0].checks[1].status: must be one of pass, warn, fail',
    );
  });

  it('rejects unknown keys, naming the key and what is allowed', () => {
    const doc = withChange((d) => (d.verdict.sumary = 'typo'));
    expect(errorOf(() => parseReport(doc, 'r.json')).message).toBe(
      'unknown key "sumary", did you mean "summary"? (allowed: status, summary, reasons)',
    );
  });

  it('reports a missing required key at the object that lacks it', () => {
    const doc = withChange((d) => delete d.verdict);
    expect(String(errorOf(() => parseReport(doc, 'r.json')))).toBe('r.json: $: missing required key "verdict"');
  });

  it('says a JSON file without a schema field is not a report', () => {
    expect(String(errorOf(() => parseReport({ auc: 0.8 }, 'metrics.json')))).toBe(
      'metrics.json: $: not an mlgate report (missing "schema": "mlgate/report@1")',
    );
  });

  it('rejects non-finite numbers that a JavaScript caller might pass', () => {
    const doc = withChange((d) => (d.comparisons[0].metrics[0].delta = Number.NaN));
    expect(String(errorOf(() => parseReport(doc, 'r.json')))).toBe(
      'r.json: $.comparisons[0].metrics[0].delta: must be a number or null',
    );
  });

  it('explains a bad baseline through the branch it resembles', () => {
    const doc = withChange((d) => (d.comparisons[0].baseline = { label: 'x', extra: 1 }));
    expect(errorOf(() => parseReport(doc, 'r.json')).location.path).toBe('$.comparisons[0].baseline');
    expect(errorOf(() => parseReport(doc, 'r.json')).message).toMatch(/^unknown key "extra"/);
  });

  it('gives one message for a union when the value fits no branch', () => {
    const doc = withChange((d) => (d.comparisons[0].baseline = 'production'));
    expect(errorOf(() => parseReport(doc, 'r.json')).message).toBe('must be null or an object with a label');
  });

  it('bounds untrusted strings and arrays', () => {
    const longMessage = withChange((d) => (d.verdict.summary = 'x'.repeat(5000)));
    expect(errorOf(() => parseReport(longMessage, 'r.json')).message).toBe('must be at most 4096 characters long');
    const manyExamples = withChange(
      (d) => (d.validations[0].checks[1].examples = Array.from({ length: 21 }, () => ({ value: 'v' }))),
    );
    expect(String(errorOf(() => parseReport(manyExamples, 'r.json')))).toBe(
      'r.json: $.validations[0].checks[1].examples: must have at most 20 items',
    );
  });

  it('rejects a malformed timestamp and SHA', () => {
    expect(
      errorOf(() =>
        parseReport(
          withChange((d) => (d.createdAt = 'yesterday')),
          'r.json',
        ),
      ).message,
    ).toBe('must be an ISO 8601 date-time such as 2026-01-31T12:00:00Z');
    expect(
      errorOf(() =>
        parseReport(
          withChange((d) => (d.subject.sha = 'HEAD')),
          'r.json',
        ),
      ).message,
    ).toBe('must be a lowercase hexadecimal commit SHA');
  });

  it('quotes and bounds hostile keys in messages', () => {
    const doc = withChange((d) => (d['a\nb'.repeat(40)] = 1));
    const { message } = errorOf(() => parseReport(doc, 'r.json'));
    expect(message).not.toContain('\n');
    expect(message).toMatch(/^unknown key "(a\\nb)+a…" \(allowed: /);
  });

  it('rejects a non-object document', () => {
    expect(String(errorOf(() => parseReport([1], 'r.json')))).toBe('r.json: $: must be an object');
  });

  it('says so when the file is another mlgate kind or version', () => {
    expect(errorOf(() => parseReport({ schema: 'mlgate/report@2' }, 'r.json')).message).toBe(
      'unsupported report version "mlgate/report@2" (this mlgate reads mlgate/report@1)',
    );
    expect(String(errorOf(() => parseReport({ schema: 'mlgate/manifest@1' }, 'm.json')))).toBe(
      'm.json: $.schema: "mlgate/manifest@1" is not a report (expected mlgate/report@1)',
    );
    expect(errorOf(() => parseReport({ schema: 'other' }, 'r.json')).message).toBe('must be "mlgate/report@1"');
  });
});

describe('readReportFile', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mlgate-report-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function write(name: string, content: string | Uint8Array): Promise<string> {
    const path = join(dir, name);
    await writeFile(path, content);
    return path;
  }

  async function rejection(promise: Promise<unknown>): Promise<UserError> {
    const error = await promise.then(
      () => undefined,
      (e: unknown) => e,
    );
    if (!(error instanceof UserError)) throw new Error(`expected a UserError, got ${String(error)}`);
    return error;
  }

  it('reads and validates a report file (a UTF-8 BOM is allowed)', async () => {
    const path = await write('ok.json', '\uFEFF' + JSON.stringify(report(), null, 2));
    await expect(readReportFile(path)).resolves.toEqual(report());
  });

  it('locates a JSON syntax error by line and column', async () => {
    const path = await write('bad.json', '{\n  "schema": "mlgate/report@1",\n  "verdict": {,\n}');
    const error = await rejection(readReportFile(path));
    expect(error.location).toEqual({ file: path, line: 3, column: 15 });
    expect(error.message).toMatch(/^invalid JSON: /);
  });

  it('handles a syntax error message that carries no position', async () => {
    const path = await write('token.json', '{\n  "a": tru\n}');
    const error = await rejection(readReportFile(path));
    expect(error.message).not.toContain('\n');
    expect(error.message).toMatch(/^invalid JSON: /);
    expect(error.location.file).toBe(path);
  });

  it('places unexpected end of input at the end of the file', async () => {
    const path = await write('short.json', '{\n  "a": [1,');
    expect((await rejection(readReportFile(path))).location).toEqual({ file: path, line: 2, column: 11 });
  });

  it('refuses files over the size limit before parsing them', async () => {
    const path = await write('big.json', JSON.stringify(report()));
    expect((await rejection(readReportFile(path, { maxBytes: 10 }))).message).toMatch(
      /^is \d+ bytes, more than the 10 bytes allowed$/,
    );
  });

  it('refuses bytes that are not UTF-8', async () => {
    const path = await write('binary.json', new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]));
    expect((await rejection(readReportFile(path))).message).toBe('is not valid UTF-8 text');
  });

  it('reports a missing file as a user error', async () => {
    const error = await rejection(readReportFile(join(dir, 'nope.json')));
    expect(String(error)).toBe(`${join(dir, 'nope.json')}: file not found`);
  });

  it('validates the parsed document', async () => {
    const path = await write('invalid.json', JSON.stringify({ ...report(), verdict: { status: 'pass' } }));
    expect(String(await rejection(readReportFile(path)))).toBe(`${path}: $.verdict: missing required key "summary"`);
  });
});

describe('mergeReports', () => {
  const validate = report({
    createdAt: '2026-11-25T10:00:00Z',
    subject: { repository: 'acme/churn', sha: 'abcdef1', runId: 1, runAttempt: 1 },
    verdict: { status: 'warn', summary: 'data looks odd', reasons: [{ rule: 'data', status: 'warn', message: 'x' }] },
    validations: [validationSection()],
  });
  const compare = report({
    createdAt: '2026-11-25T10:05:00Z',
    subject: { repository: 'acme/churn', sha: 'abcdef1', runId: 1, runAttempt: 2, pullRequest: 7 },
    verdict: { status: 'fail', summary: 'auc regressed', reasons: [{ rule: 'metric', status: 'fail', message: 'y' }] },
    comparisons: [comparisonSection()],
  });

  it('combines sections, takes the worst verdict and keeps every reason in order', () => {
    const merged = mergeReports([validate, compare]);
    expect(merged.verdict.status).toBe('fail');
    expect(merged.verdict.summary).toBe('auc regressed');
    expect(merged.verdict.reasons.map((r) => r.rule)).toEqual(['data', 'metric']);
    expect(merged.validations).toEqual(validate.validations);
    expect(merged.comparisons).toEqual(compare.comparisons);
    expect(merged.createdAt).toBe('2026-11-25T10:05:00Z');
    expect(merged.subject).toEqual({
      repository: 'acme/churn',
      sha: 'abcdef1',
      runId: 1,
      runAttempt: 2,
      pullRequest: 7,
    });
  });

  it('produces a report that passes validation', () => {
    expect(() => parseReport(mergeReports([validate, compare]), 'merged.json')).not.toThrow();
  });

  it('joins the summaries of every report that shares the worst status', () => {
    const a = report({ verdict: { status: 'pass', summary: 'data ok', reasons: [] } });
    const b = report({ verdict: { status: 'pass', summary: 'metrics ok', reasons: [] } });
    expect(mergeReports([a, b]).verdict.summary).toBe('data ok; metrics ok');
  });

  it('omits sections no report has', () => {
    const merged = mergeReports([report(), report({ subject: undefined })]);
    expect(merged).not.toHaveProperty('validations');
    expect(merged).not.toHaveProperty('comparisons');
  });

  it('refuses reports about different commits', () => {
    const other = report({ subject: { sha: '1234567' } });
    expect(() => mergeReports([validate, other])).toThrow(
      'cannot merge reports about different commits: subject.sha is "abcdef1" and "1234567"',
    );
  });

  it('refuses two reports for the same model or dataset', () => {
    expect(() => mergeReports([compare, compare])).toThrow('cannot merge: two reports cover the same model "churn"');
    expect(() => mergeReports([validate, validate])).toThrow('two reports cover the same dataset "train"');
  });

  it('refuses an empty list', () => {
    expect(() => mergeReports([])).toThrow(UserError);
  });
});

describe('worstStatus', () => {
  it('ranks fail over warn over pass over skipped', () => {
    expect(worstStatus(['pass', 'fail', 'warn'])).toBe('fail');
    expect(worstStatus(['pass', 'warn', 'skipped'])).toBe('warn');
    expect(worstStatus(['skipped', 'pass'])).toBe('pass');
    expect(worstStatus(['skipped'])).toBe('skipped');
    expect(worstStatus([])).toBe('skipped');
  });
});

export type { Report };
