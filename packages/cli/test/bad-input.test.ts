/**
 * Bad input through the built CLI (packages/cli/dist/index.js, as users run it): each case checks the
 * exit code (2 for usage/config/input errors, 1 for a failed verdict), that stderr is the one line
 * that says what and where, and that no output file was left behind or half-written.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type CliRun, runBuiltCli } from './built-cli.js';

let work: string;

function mlgate(...args: string[]): Promise<CliRun> {
  return runBuiltCli(work, args);
}

/** Every file under the work folder (recursively), to show that a failed run wrote nothing. */
function files(dir = work, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(join(dir, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`],
  );
}

const write = (name: string, text: string) => writeFileSync(join(work, name), text);

let before: string[];

/** Runs mlgate, expecting exit `code` and exactly the one stderr line `line`, and no new or changed file. */
async function expectRefused(args: string[], code: 1 | 2, line: string): Promise<CliRun> {
  const run = await mlgate(...args);
  expect({ code: run.code, stderr: run.stderr }).toEqual({ code, stderr: `${line}\n` });
  expect(files()).toEqual(before);
  expect(readFileSync(join(work, 'previous.json'), 'utf8')).toBe('{"kept":true}\n');
  return run;
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'mlgate-bad-input-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));
beforeEach(() => {
  for (const name of readdirSync(work)) rmSync(join(work, name), { recursive: true, force: true });
  write('data.csv', 'id,price\n1,10\n2,20\n3,30\n');
  write('schema.yml', 'version: 1\ncolumns:\n  price: { type: number, min: 0, max: 25 }\n');
  write('previous.json', '{"kept":true}\n');
  mkdirSync(join(work, 'folder'));
  write('folder/inside.csv', 'a\n1\n');
  before = files();
});

describe('output paths', () => {
  it('creates missing parent folders and leaves no temporary file beside the output', async () => {
    const run = await mlgate('validate', 'data.csv', '-o', 'reports/new/validate.json', '--profile-out', 'p/q.json');
    expect(run.code).toBe(0);
    expect(JSON.parse(readFileSync(join(work, 'reports/new/validate.json'), 'utf8'))).toMatchObject({
      schema: 'mlgate/report@1',
    });
    expect(
      files()
        .filter((name) => !before.includes(name))
        .sort(),
    ).toEqual(['p/q.json', 'reports/new/validate.json']);
  });

  it.each([
    [
      'validate -o .',
      ['validate', 'data.csv', '-o', '.'],
      'mlgate validate: .: is a directory; give the name of a file to write',
    ],
    [
      'validate --profile-out <folder>/',
      ['validate', 'data.csv', '-o', 'previous.json', '--profile-out', 'folder/'],
      'mlgate validate: folder/: is a directory; give the name of a file to write',
    ],
    [
      'profile -o <folder>',
      ['profile', 'data.csv', '-o', 'folder'],
      'mlgate profile: folder: is a directory; give the name of a file to write',
    ],
    [
      'schema infer -o <folder>',
      ['schema', 'infer', 'data.csv', '-o', 'folder'],
      'mlgate schema: folder: is a directory; give the name of a file to write',
    ],
    [
      'report -o under a file',
      ['report', 'previous.json', '-o', 'data.csv/out.md'],
      `mlgate report: data.csv/out.md: cannot be written: ${'<work>'}/data.csv is a file, not a directory`,
    ],
    [
      'compare --markdown under a file',
      ['compare', '--candidate', 'previous.json', '--markdown', 'data.csv/x/report.md'],
      `mlgate compare: data.csv/x/report.md: cannot be written: ${'<work>'}/data.csv is a file, not a directory`,
    ],
  ])('%s is one line, exit 2, before any work and with nothing written', async (_, args, line) => {
    await expectRefused(args, 2, line.replace('<work>', work));
  });

  it('an existing output file is replaced whole by the new report, with no temporary file left', async () => {
    const run = await mlgate('validate', 'data.csv', '--schema', 'schema.yml', '-o', 'previous.json');
    expect(run.code).toBe(1);
    expect(JSON.parse(readFileSync(join(work, 'previous.json'), 'utf8'))).toMatchObject({
      verdict: { status: 'fail' },
    });
    expect(files().sort()).toEqual([...before].sort());
  });
});

describe('data and reference paths', () => {
  it.each([
    [
      'a directory as data',
      ['validate', 'folder', '-o', 'out.json'],
      'mlgate validate: folder: is a directory, not a file',
    ],
    [
      'a directory as reference',
      ['validate', 'data.csv', '--reference', 'folder', '-o', 'out.json'],
      'mlgate validate: folder: is a directory, not a file',
    ],
    ['a directory to profile', ['profile', 'folder'], 'mlgate profile: folder: is a directory, not a file'],
    ['a directory to infer from', ['schema', 'infer', 'folder'], 'mlgate schema: folder: is a directory, not a file'],
    [
      'a directory as schema',
      ['validate', 'data.csv', '--schema', 'folder'],
      'mlgate validate: folder: is a directory, not a file',
    ],
  ])('%s: one line, exit 2', async (_, args, line) => {
    await expectRefused(args, 2, line);
  });

  it.each([
    [['validate', 'nope.csv'], 'validate'],
    [['validate', 'data.csv', '--reference', 'nope.csv'], 'validate'],
    [['validate', 'data.csv', '--schema', 'nope.csv'], 'validate'],
    [['profile', 'nope.csv'], 'profile'],
    [['profile', 'merge', 'nope.csv', 'previous.json'], 'profile'],
    [['schema', 'infer', 'nope.csv'], 'schema'],
    [['report', 'nope.csv'], 'report'],
    [['compare', '--candidate', 'nope.csv'], 'compare'],
    [['compare', '--candidate', 'previous.json', '--config', 'nope.csv'], 'compare'],
  ])('a missing file has one wording everywhere: %j', async (args, command) => {
    await expectRefused(args, 2, `mlgate ${command}: nope.csv: file not found`);
  });
});

describe('options', () => {
  it.each([
    ['validate', ['validate', 'data.csv', '--treads', '2'], 'unknown option --treads; did you mean --threads?'],
    [
      'compare',
      ['compare', '--candidate', 'previous.json', '--fail_on', 'warn'],
      'unknown option --fail_on; did you mean --fail-on?',
    ],
    ['profile', ['profile', 'data.csv', '--zzz'], 'unknown option --zzz'],
  ])('an unknown option of %s names the closest one', async (command, args, message) => {
    await expectRefused(args, 2, `mlgate ${command}: ${message} (see \`mlgate ${command} --help\`)`);
  });

  it.each([['validate'], ['profile']])('%s --threads -1 gets the range message', async (command) => {
    await expectRefused(
      [command, 'data.csv', '--threads', '-1'],
      2,
      `mlgate ${command}: --threads: expected a whole number from 1 to 256, got "-1"`,
    );
  });
});

describe('validate --fail-on (as the validate action)', () => {
  it('error (the default) exits 1 on a failing check; never exits 0 and still writes the failing report', async () => {
    expect((await mlgate('validate', 'data.csv', '--schema', 'schema.yml')).code).toBe(1);
    expect((await mlgate('validate', 'data.csv', '--schema', 'schema.yml', '--fail-on', 'error')).code).toBe(1);
    const never = await mlgate('validate', 'data.csv', '--schema', 'schema.yml', '--fail-on', 'never', '-o', 'r.json');
    expect(never.code).toBe(0);
    expect(JSON.parse(readFileSync(join(work, 'r.json'), 'utf8'))).toMatchObject({ verdict: { status: 'fail' } });
  });

  it('warning exits 1 on a warning that error lets pass', async () => {
    // A stray quote in an unquoted field is kept as text with a warning.
    write('warn.csv', 'id,price\n1,10\n2,2"0\n3,30\n');
    const lenient = await mlgate('validate', 'warn.csv', '--json');
    const status = JSON.parse(lenient.stdout).verdict.status as string;
    expect(status).toBe('warn');
    expect(lenient.code).toBe(0);
    expect((await mlgate('validate', 'warn.csv', '--fail-on', 'warning')).code).toBe(1);
  });

  it('an unknown level is one line, exit 2', async () => {
    await expectRefused(
      ['validate', 'data.csv', '--fail-on', 'warn'],
      2,
      'mlgate validate: --fail-on: expected one of error, warning, never, got "warn"',
    );
  });
});

describe('what a data file holds', () => {
  const refusal = (name: string) =>
    `mlgate validate: ${name}: is a JSON array of records, which mlgate does not read: give JSON Lines (one object per line), e.g. pandas to_json(orient="records", lines=True) or jq -c '.[]'`;

  it.each([
    ['records.json', '[{"id":1,"price":10},{"id":2,"price":20}]'],
    ['pretty.json', '[\n  {\n    "id": 1\n  }\n]\n'],
    ['records.csv', '\ufeff  [{"id":1}]'],
  ])('a JSON array of records (%s) is refused by name, never read as a one-column CSV', async (name, text) => {
    write(name, text);
    before = files();
    await expectRefused(['validate', name, '-o', 'out.json'], 2, refusal(name));
  });

  it('a JSON array as the drift reference is refused the same way', async () => {
    write('reference.csv', '[{"id":1,"price":10}]');
    before = files();
    await expectRefused(['validate', 'data.csv', '--reference', 'reference.csv'], 2, refusal('reference.csv'));
  });

  it('a .json file with one object per line (pandas lines=True) is read as JSON Lines', async () => {
    write('lines.json', '{"id":1,"price":10}\n{"id":2,"price":20}\n');
    const run = await mlgate('validate', 'lines.json', '--json');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).validations[0]).toMatchObject({ rows: 2, columns: 2 });
  });

  it('a duplicate column name is an error naming the column, in validate, profile and schema infer', async () => {
    write('dup.csv', 'id,price,id\n1,2,3\n');
    before = files();
    const message = 'dup.csv:1: duplicate column name "id" (columns 1 and 3); column names must be unique';
    await expectRefused(['validate', 'dup.csv', '-o', 'out.json'], 2, `mlgate validate: ${message}`);
    await expectRefused(['profile', 'dup.csv', '-o', 'out.json'], 2, `mlgate profile: ${message}`);
    await expectRefused(['schema', 'infer', 'dup.csv', '-o', 'out.yml'], 2, `mlgate schema: ${message}`);
  });

  it('an empty file fails validation with "no rows" (exit 1, the report written) and schema infer refuses it (exit 2)', async () => {
    write('empty.csv', '');
    write('header.csv', 'id,price\n');
    before = files();
    await expectRefused(
      ['schema', 'infer', 'empty.csv', '-o', 'schema-out.yml'],
      2,
      'mlgate schema: empty.csv: is empty: there are no rows to infer a schema from',
    );
    await expectRefused(
      ['schema', 'infer', 'header.csv', '-o', 'schema-out.yml'],
      2,
      'mlgate schema: header.csv: has a header but no data rows: there are no rows to infer a schema from',
    );
    for (const [name, why] of [
      ['empty.csv', 'the file is empty'],
      ['header.csv', 'the file has a header but no data rows'],
    ] as const) {
      const run = await mlgate('validate', name, '--json', '-o', `${name}.report.json`);
      expect(run.code).toBe(1);
      const report = JSON.parse(readFileSync(join(work, `${name}.report.json`), 'utf8'));
      expect(report.verdict).toMatchObject({ status: 'fail' });
      expect(report.verdict.reasons).toEqual([
        { rule: 'not_empty', status: 'fail', message: `no rows: ${why}`, dataset: name },
      ]);
      expect(JSON.parse(run.stdout)).toEqual(report);
    }
  });
});

describe('--delimiter', () => {
  beforeEach(() => {
    write('semi.csv', 'id;price\n1;10\n2;20\n');
    write('tabs.csv', 'id\tprice\n1\t10\n');
    before = files();
  });

  it('warns when a one-column header looks separated by another delimiter, and reads the file with --delimiter', async () => {
    const guessed = await mlgate('validate', 'semi.csv', '--json');
    expect(guessed.code).toBe(0);
    expect(guessed.stderr).toBe(
      'warning: semi.csv:1: the header is one column, "id;price", which looks ";"-separated; if it is, give the delimiter ";" (--delimiter)\n',
    );
    expect(JSON.parse(guessed.stdout).validations[0].columns).toBe(1);
    const read = await mlgate('validate', 'semi.csv', '--delimiter', ';', '--schema', 'schema.yml', '--json');
    expect(read.stderr).toBe('');
    expect(JSON.parse(read.stdout).validations[0]).toMatchObject({ rows: 2, columns: 2 });
    expect(read.code).toBe(0);
    const tabs = await mlgate('profile', 'tabs.csv', '--json');
    expect(tabs.stderr).toContain('which looks tab-separated; if it is, give the delimiter "\\t"');
    const tabbed = await mlgate('profile', 'tabs.csv', '--delimiter', 'tab', '--json');
    expect(JSON.parse(tabbed.stdout).columns.map((c: { name: string }) => c.name)).toEqual(['id', 'price']);
  });

  it('schema infer reads with --delimiter too', async () => {
    const run = await mlgate('schema', 'infer', 'semi.csv', '--delimiter', ';');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^ {2}id:/m);
    expect(run.stdout).toMatch(/^ {2}price:/m);
  });

  it('a delimiter that is not one character is one line, exit 2', async () => {
    await expectRefused(
      ['validate', 'semi.csv', '--delimiter', ';;'],
      2,
      'mlgate validate: --delimiter: expected one ASCII character other than a quote or a line break (\\t or tab for a tab), got ";;"',
    );
  });
});

describe('predictions', () => {
  beforeEach(() => {
    write('candidate.csv', 'id,label,prediction\n1,cat,cat\n2,dog,dog\n3,cat,dog\n4,dog,dog\n');
    write('baseline.csv', 'id,label,prediction\n1,cat,cat\n2,dog,dog\n5,bird,bird\n6,cat,bird\n');
    write('header-only.csv', 'id,label,prediction\n');
    before = files();
  });

  it('a header-only predictions file says "no data rows"', async () => {
    await expectRefused(
      ['compare', '--candidate', 'header-only.csv', '-o', 'out.json'],
      2,
      'mlgate compare: header-only.csv: predictions: no data rows: the file holds only a header (id, label, prediction)',
    );
    const baseline = await mlgate(
      'compare',
      '--candidate',
      'candidate.csv',
      '--baseline',
      'header-only.csv',
      '-o',
      'out.json',
    );
    expect(baseline.code).toBe(2);
    expect(baseline.stderr.trimEnd().split('\n').at(-1)).toBe(
      'mlgate compare: header-only.csv: predictions: no data rows: the file holds only a header (id, label, prediction)',
    );
    expect(files()).toEqual(before);
  });

  it('candidate and baseline label sets that differ are named in the verdict', async () => {
    const run = await mlgate('compare', '--candidate', 'candidate.csv', '--baseline', 'baseline.csv', '--json');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).verdict.reasons).toContainEqual({
      rule: 'predictions.labels',
      status: 'warn',
      message: 'the label sets differ: label "bird" only in the baseline',
      model: 'model',
    });
    const strict = await mlgate(
      'compare',
      '--candidate',
      'candidate.csv',
      '--baseline',
      'baseline.csv',
      '--fail-on',
      'warn',
    );
    expect(strict.code).toBe(1);
  });

  it('with no shared example the error names the label sets that differ', async () => {
    write('other.csv', 'id,label,prediction\n7,cow,cow\n8,cat,cow\n');
    before = files();
    const run = await mlgate('compare', '--candidate', 'candidate.csv', '--baseline', 'other.csv', '-o', 'out.json');
    expect(run.code).toBe(2);
    expect(run.stderr.trimEnd().split('\n').at(-1)).toBe(
      'mlgate compare: candidate.csv: predictions: no example id is in both candidate.csv and other.csv, so the models cannot be compared; ' +
        'the label sets differ: label "dog" only in the candidate; label "cow" only in the baseline',
    );
    expect(files()).toEqual(before);
  });

  it('a directory as the candidate is one line, exit 2', async () => {
    await expectRefused(['compare', '--candidate', 'folder'], 2, 'mlgate compare: folder: is a directory, not a file');
  });
});
