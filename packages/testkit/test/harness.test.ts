import { describe, it, expect, beforeAll, afterAll } from '@jest/globals';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { UserError } from '@mlgate/core';
import { assertGroupsBalanced, HARNESS_GITHUB_TOKEN, repoRoot, runActionBundle } from '../src/harness.js';

let scratch: string;
let bundleCount = 0;

beforeAll(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), 'harness-test-'));
});

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

/** Writes a throwaway action (`dist/index.js`, optional action.yml) and returns its folder. */
async function writeAction(script: string, actionYml?: string): Promise<string> {
  bundleCount += 1;
  const dir = path.join(scratch, `action-${bundleCount}`);
  await mkdir(path.join(dir, 'dist'), { recursive: true });
  await writeFile(path.join(dir, 'dist', 'package.json'), '{"type":"module"}');
  await writeFile(path.join(dir, 'dist', 'index.js'), script);
  if (actionYml !== undefined) await writeFile(path.join(dir, 'action.yml'), actionYml);
  return dir;
}

const scriptOf = (dir: string): string => path.join(dir, 'dist', 'index.js');

describe('runActionBundle: environment files', () => {
  it('reads outputs, env, state and path in both the name=value and the heredoc form', async () => {
    const dir = await writeAction(`
      import { appendFileSync } from 'node:fs';
      const put = (file, text) => appendFileSync(process.env[file], text);
      put('GITHUB_OUTPUT', 'simple=one\\n');
      put('GITHUB_OUTPUT', 'report<<ghadelimiter_42\\n# Title\\nk=v\\n\\nlast line\\nghadelimiter_42\\n');
      put('GITHUB_ENV', 'MODEL<<EOF\\nchurn\\nEOF\\nSTAGE=staging\\n');
      put('GITHUB_STATE', 'cleanup<<S\\n/tmp/x\\nS\\n');
      put('GITHUB_PATH', '/opt/tool/bin\\n');
    `);
    const run = await runActionBundle({ action: scriptOf(dir) });
    expect(run.conclusion).toBe('success');
    expect(run.outputs).toEqual({ simple: 'one', report: '# Title\nk=v\n\nlast line' });
    expect(run.env).toEqual({ MODEL: 'churn', STAGE: 'staging' });
    expect(run.state).toEqual({ cleanup: '/tmp/x' });
    expect(run.path).toEqual(['/opt/tool/bin']);
  });

  it('fails the step, as the runner does, when GITHUB_OUTPUT has a heredoc without its delimiter', async () => {
    const dir = await writeAction(`
      import { appendFileSync } from 'node:fs';
      appendFileSync(process.env.GITHUB_OUTPUT, 'x<<END\\nvalue\\n');
    `);
    const run = await runActionBundle({ action: scriptOf(dir) });
    expect(run.exitCode).toBe(0);
    expect(run.conclusion).toBe('failure');
    expect(run.annotations).toEqual([
      { level: 'error', message: "Unable to process file command 'output' successfully." },
      { level: 'error', message: "Matching delimiter not found 'END'" },
    ]);
  });

  it('returns the step summary with masked values hidden, as GitHub renders it', async () => {
    const dir = await writeAction(`
      import { appendFileSync } from 'node:fs';
      console.log('::add-mask::s3cr3t-value');
      appendFileSync(process.env.GITHUB_STEP_SUMMARY, '## Report\\n\\nkey: s3cr3t-value\\n');
    `);
    const run = await runActionBundle({ action: scriptOf(dir) });
    expect(run.masked).toEqual(['s3cr3t-value']);
    expect(run.summary).toBe('## Report\n\nkey: ***\n');
  });
});

describe('runActionBundle: workflow commands', () => {
  it('parses annotations with their properties, unescaping data and property values', async () => {
    const dir = await writeAction(`
      const ws = process.env.GITHUB_WORKSPACE;
      console.log('::error file=' + ws + '/data/train.csv,line=12,col=3,endLine=12,endColumn=9,title=Schema%3A bad%2C really::null in%0Acolumn age');
      console.log('::warning file=other.ts,line=x::drift 100%25');
      console.error('::notice::from stderr');
    `);
    const run = await runActionBundle({ action: scriptOf(dir) });
    expect(run.annotations).toEqual([
      {
        level: 'error',
        message: 'null in\ncolumn age',
        file: 'data/train.csv',
        line: 12,
        col: 3,
        endLine: 12,
        endColumn: 9,
        title: 'Schema: bad, really',
      },
      { level: 'warning', message: 'drift 100%', file: 'other.ts' },
      { level: 'notice', message: 'from stderr' },
    ]);
    expect(run.commands.map((command) => command.command)).toEqual(['error', 'warning', 'notice']);
  });

  it('collects groups and notices an unclosed one', async () => {
    const dir = await writeAction(`
      console.log('::group::Validate data');
      console.log('::debug::rows=10');
      console.log('::endgroup::');
      console.log('::group::Train');
      console.log('training…');
    `);
    const run = await runActionBundle({ action: scriptOf(dir) });
    expect(run.groups).toEqual(['Validate data', 'Train']);
    expect(run.unclosedGroups).toEqual(['Train']);
    expect(run.hasUnclosedGroups).toBe(true);
    expect(() => assertGroupsBalanced(run)).toThrow('unclosed group(s): "Train"');
    expect(run.commands).toContainEqual({ command: 'debug', properties: {}, message: 'rows=10' });
  });

  it('accepts balanced groups and rejects a stray endgroup', () => {
    expect(() => assertGroupsBalanced({ unclosedGroups: [], strayEndGroups: 0 })).not.toThrow();
    expect(() => assertGroupsBalanced({ unclosedGroups: [], strayEndGroups: 1 })).toThrow('without an open group');
  });

  it('ignores commands between ::stop-commands::TOKEN and ::TOKEN::', async () => {
    const dir = await writeAction(`
      console.log('::stop-commands::pause-123');
      console.log('::error::not an annotation while paused');
      console.log('::pause-123::');
      console.log('::warning::processed again');
    `);
    const run = await runActionBundle({ action: scriptOf(dir) });
    expect(run.annotations).toEqual([{ level: 'warning', message: 'processed again' }]);
  });

  it('applies legacy set-output with the deprecation warning, and fails on the disabled set-env', async () => {
    const dir = await writeAction(`
      console.log('::set-output name=verdict::pass');
      console.log('::set-env name=X::1');
    `);
    const run = await runActionBundle({ action: scriptOf(dir) });
    expect(run.outputs).toEqual({ verdict: 'pass' });
    expect(run.env).toEqual({});
    expect(run.conclusion).toBe('failure');
    expect(run.annotations.map((a) => a.level)).toEqual(['warning', 'error', 'error']);
    expect(run.annotations[2]?.message).toContain('The `set-env` command is disabled');
  });

  it('reports a non-zero exit code as a failed step, keeping stdout and stderr', async () => {
    const dir = await writeAction(`
      console.log('::error::gate failed');
      console.error('details on stderr');
      process.exit(3);
    `);
    const run = await runActionBundle({ action: scriptOf(dir) });
    expect(run.exitCode).toBe(3);
    expect(run.conclusion).toBe('failure');
    expect(run.stdout).toBe('::error::gate failed\n');
    expect(run.stderr).toBe('details on stderr\n');
    expect(run.durationMs).toBeGreaterThan(0);
  });

  it('kills an action that outlives timeoutMs and says so', async () => {
    const dir = await writeAction(`console.log('started'); setInterval(() => {}, 1000);`);
    await expect(runActionBundle({ action: scriptOf(dir), timeoutMs: 500 })).rejects.toThrow(
      /did not finish within 500 ms[\s\S]*started/,
    );
  });
});

describe('runActionBundle: runner environment', () => {
  const dumpEnv = `
    import { appendFileSync } from 'node:fs';
    appendFileSync(process.env.GITHUB_OUTPUT, 'env<<JSON\\n' + JSON.stringify(process.env) + '\\nJSON\\n');
  `;
  const envOf = (outputs: Record<string, string>): Record<string, string> =>
    JSON.parse(outputs.env ?? '{}') as Record<string, string>;

  it('builds the env from a clean base: no GITHUB_*, INPUT_* or NODE_OPTIONS of the parent leaks in', async () => {
    const dir = await writeAction(dumpEnv);
    const saved = { ...process.env };
    Object.assign(process.env, { GITHUB_TOKEN: 'parent-token', INPUT_LEAK: 'x', NODE_OPTIONS: '--inspect' });
    try {
      const run = await runActionBundle({ action: scriptOf(dir) });
      const env = envOf(run.outputs);
      expect(env.GITHUB_TOKEN).toBeUndefined();
      expect(env.INPUT_LEAK).toBeUndefined();
      expect(env.NODE_OPTIONS).toBeUndefined();
      expect(env.PATH).toBe(process.env.PATH);
    } finally {
      for (const key of ['GITHUB_TOKEN', 'INPUT_LEAK', 'NODE_OPTIONS']) {
        if (saved[key] === undefined) delete process.env[key];
        else process.env[key] = saved[key];
      }
    }
  });

  it('sets the runner variables, derives PR refs from the event and writes the event payload', async () => {
    const dir = await writeAction(`
      ${dumpEnv}
      import { readFileSync } from 'node:fs';
      const event = JSON.parse(readFileSync(process.env.GITHUB_EVENT_PATH, 'utf8'));
      appendFileSync(process.env.GITHUB_OUTPUT, 'pr=' + event.pull_request.number + '\\n');
      appendFileSync(process.env.GITHUB_OUTPUT, 'cwd=' + process.cwd() + '\\n');
    `);
    const workspace = await mkdtemp(path.join(scratch, 'ws-'));
    const run = await runActionBundle({
      action: scriptOf(dir),
      eventName: 'pull_request',
      event: { number: 7, pull_request: { number: 7, head: { ref: 'feature/x' }, base: { ref: 'main' } } },
      env: { GITHUB_REPOSITORY: 'acme/models', GITHUB_API_URL: 'http://127.0.0.1:9999' },
      cwd: workspace,
      debug: true,
    });
    expect(run.conclusion).toBe('success');
    const env = envOf(run.outputs);
    expect(run.outputs.pr).toBe('7');
    expect(run.outputs.cwd).toBe(workspace);
    expect(env).toMatchObject({
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      GITHUB_REPOSITORY: 'acme/models',
      GITHUB_REPOSITORY_OWNER: 'acme',
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_REF: 'refs/pull/7/merge',
      GITHUB_HEAD_REF: 'feature/x',
      GITHUB_BASE_REF: 'main',
      GITHUB_API_URL: 'http://127.0.0.1:9999',
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_WORKSPACE: workspace,
      RUNNER_DEBUG: '1',
    });
    for (const name of ['GITHUB_SHA', 'GITHUB_RUN_ID', 'GITHUB_RUN_ATTEMPT', 'GITHUB_RUN_NUMBER', 'GITHUB_WORKFLOW']) {
      expect(env[name]).toMatch(/\S/);
    }
    for (const name of [
      'GITHUB_JOB',
      'GITHUB_ACTOR',
      'GITHUB_GRAPHQL_URL',
      'RUNNER_OS',
      'RUNNER_ARCH',
      'RUNNER_NAME',
    ]) {
      expect(env[name]).toMatch(/\S/);
    }
    expect(env.RUNNER_TEMP).toMatch(/mlgate-harness-/);
    expect(env.GITHUB_STEP_SUMMARY?.startsWith(env.RUNNER_TEMP ?? '?')).toBe(true);
  });

  it('passes saved state to the post phase as STATE_<name>', async () => {
    const dir = await writeAction(
      `import { appendFileSync } from 'node:fs';
       appendFileSync(process.env.GITHUB_OUTPUT, 'saw=' + process.env.STATE_cleanup + '\\n');`,
      'name: t\nruns:\n  using: node24\n  main: dist/main.js\n  post: dist/index.js\n',
    );
    const run = await runActionBundle({ action: dir, phase: 'post', state: { cleanup: '/tmp/x' } });
    expect(run.outputs).toEqual({ saw: '/tmp/x' });
  });
});

describe('runActionBundle: inputs', () => {
  const actionYml = [
    'name: sample',
    'inputs:',
    '  github-token:',
    '    default: ${{ github.token }}',
    '  fail on drift:',
    '    default: "false"',
    '  threshold:',
    '    default: 0.10',
    '  label:',
    '    default: "${{ github.repository }}#${{ github.event.pull_request.number }}"',
    '  old-name:',
    '    deprecationMessage: use label',
    '  config:',
    '    required: true',
    'runs:',
    '  using: node24',
    '  main: dist/index.js',
  ].join('\n');
  const coreUrl = pathToFileURL(path.join(repoRoot(), 'packages/testkit/node_modules/@actions/core/lib/core.js')).href;

  it('sets INPUT_* the way @actions/core getInput reads them, applying action.yml defaults', async () => {
    const dir = await writeAction(
      `import * as core from '${coreUrl}';
       core.setOutput('token', core.getInput('github-token'));
       core.setOutput('fail', String(core.getBooleanInput('fail on drift')));
       core.setOutput('threshold', core.getInput('threshold'));
       core.setOutput('label', core.getInput('label'));
       core.setOutput('config', core.getInput('config', { required: true }));
       core.setOutput('names', Object.keys(process.env).filter((n) => n.startsWith('INPUT_')).sort().join(' '));`,
      actionYml,
    );
    const run = await runActionBundle({
      action: dir,
      inputs: { config: 'mlgate.yml' },
      githubToken: 'ghs_provided',
      eventName: 'pull_request',
      event: { number: 12, pull_request: { number: 12 } },
    });
    expect(run.conclusion).toBe('success');
    expect(run.outputs).toEqual({
      token: 'ghs_provided',
      fail: 'false',
      threshold: '0.10',
      label: 'mlgate-test/example#12',
      config: 'mlgate.yml',
      names: 'INPUT_CONFIG INPUT_FAIL_ON_DRIFT INPUT_GITHUB-TOKEN INPUT_LABEL INPUT_THRESHOLD',
    });
  });

  it('reads what @actions/core writes: outputs, exported variables, summary, annotations, masks', async () => {
    const dir = await writeAction(
      `import * as core from '${coreUrl}';
       core.setSecret(core.getInput('github-token'));
       core.startGroup('Compare');
       core.setOutput('table', 'a | b\\n--|--\\n1 | 2');
       core.exportVariable('MLGATE_RUN', '42');
       core.saveState('pid', '7');
       core.addPath('/opt/bin');
       core.endGroup();
       core.error('AUC dropped', { file: 'metrics.json', startLine: 3, title: 'Gate' });
       await core.summary.addHeading('Verdict').addRaw('token ' + core.getInput('github-token')).write();
       core.setFailed('blocked');`,
      actionYml,
    );
    const run = await runActionBundle({ action: dir, inputs: { config: 'c' } });
    expect(run.exitCode).toBe(1);
    expect(run.outputs).toEqual({ table: 'a | b\n--|--\n1 | 2' });
    expect(run.env).toEqual({ MLGATE_RUN: '42' });
    expect(run.state).toEqual({ pid: '7' });
    expect(run.path).toEqual(['/opt/bin']);
    expect(run.groups).toEqual(['Compare']);
    expect(run.hasUnclosedGroups).toBe(false);
    expect(run.masked).toEqual([HARNESS_GITHUB_TOKEN]);
    expect(run.summary).toBe('<h1>Verdict</h1>\ntoken ***');
    expect(run.annotations).toEqual([
      { level: 'error', message: 'AUC dropped', file: 'metrics.json', line: 3, title: 'Gate' },
      { level: 'error', message: 'blocked' },
    ]);
  });

  it('warns about unexpected and deprecated inputs as the runner does', async () => {
    const dir = await writeAction('', actionYml);
    const run = await runActionBundle({ action: dir, inputs: { config: 'c', 'old-name': 'x', colour: 'red' } });
    expect(run.annotations.map((a) => a.message)).toEqual([
      "Unexpected input(s) 'colour', valid inputs are ['github-token', 'fail on drift', 'threshold', 'label', " +
        "'old-name', 'config']",
      "Input 'old-name' has been deprecated with message: use label",
    ]);
  });

  it('reports a default expression it cannot evaluate, pointing at action.yml', async () => {
    const dir = await writeAction(
      '',
      'name: t\ninputs:\n  token:\n    default: ${{ github.tokn }}\nruns:\n  using: node24\n  main: dist/index.js\n',
    );
    const failure = runActionBundle({ action: dir });
    await expect(failure).rejects.toBeInstanceOf(UserError);
    await expect(failure).rejects.toMatchObject({
      message: expect.stringContaining('cannot evaluate `${{ github.tokn }}`: unknown property'),
      location: { file: path.join(dir, 'action.yml'), line: 4, column: 14, path: 'inputs.token.default' },
    });
  });

  it('does not evaluate a default when the input is given, and rejects unsupported expressions', async () => {
    const dir = await writeAction(
      '',
      "name: t\ninputs:\n  x:\n    default: ${{ format('{0}', github.sha) }}\nruns:\n  using: node24\n  main: dist/index.js\n",
    );
    await expect(runActionBundle({ action: dir, inputs: { x: 'given' } })).resolves.toMatchObject({
      conclusion: 'success',
    });
    await expect(runActionBundle({ action: dir })).rejects.toThrow('only plain context properties');
  });

  it('says so when action.yml points at a bundle that was not built', async () => {
    const dir = await writeAction('', 'name: t\nruns:\n  using: node24\n  main: dist/missing.js\n');
    await expect(runActionBundle({ action: dir })).rejects.toThrow(/runs\.main points at .*dist\/missing\.js.*build/);
  });

  it('refuses an action name that has no action.yml under actions/', async () => {
    await expect(runActionBundle({ action: 'no-such-action' })).rejects.toThrow(
      /no action\.yml in .*actions\/no-such-action/,
    );
  });
});
