/**
 * What the README tells a new user to run and to copy is what the repository holds: the two quick-start
 * commands (the second is what CI runs), the example project's workflows quoted byte for byte, and the
 * permissions table, which says for every job of those workflows which token scopes it has and why.
 */
import { describe, expect, it } from '@jest/globals';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
const FLOWS_DIR = 'examples/flights-delay/.github/workflows';
const flows = readdirSync(path.join(root, FLOWS_DIR))
  .filter((name) => /\.ya?ml$/.test(name))
  .sort();

/** The ```yaml block the README shows under `<!-- workflow <file> -->`, or undefined. */
function quoted(file: string): string | undefined {
  const start = readme.indexOf(`<!-- workflow ${file} -->\n`);
  if (start < 0) return undefined;
  return /```yaml\n([\s\S]*?)```/.exec(readme.slice(start))?.[1];
}

describe('README quick start', () => {
  it('is the two commands, exactly; the second is what CI runs', () => {
    const section = readme.slice(readme.indexOf('\n## Quick start\n'));
    const block = /```sh\n([\s\S]*?)```/.exec(section)?.[1];
    expect(block).toBe(
      'npx -y pnpm@10.20.0 install && npx -y pnpm@10.20.0 demo\n' +
        'npx -y pnpm@10.20.0 install && npx -y pnpm@10.20.0 test\n',
    );
    expect(readFileSync(path.join(root, '.ci', 'run'), 'utf8')).toContain(
      '\nnpx -y pnpm@10.20.0 install && npx -y pnpm@10.20.0 test\n',
    );
    const scripts = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).scripts;
    expect(scripts.demo).toBe('node packages/cli/dist/index.js demo');
  });
});

describe('README flows', () => {
  it('the example project has the pull-request, main-branch and release flows and the fork publisher', () => {
    expect(flows).toEqual(expect.arrayContaining(['pr.yml', 'main.yml', 'release.yml', 'publish-report.yml']));
  });

  it.each(flows)(`quotes ${FLOWS_DIR}/%s byte for byte`, (name) => {
    const text = readFileSync(path.join(root, FLOWS_DIR, name), 'utf8');
    expect(quoted(`${FLOWS_DIR}/${name}`)).toBe(text.endsWith('\n') ? text : `${text}\n`);
  });

  it("has a permissions row for every job's every scope, with the reason from its comment", () => {
    const start = readme.indexOf('<!-- permissions ');
    const table = readme.slice(start, readme.indexOf('<!-- /permissions -->', start));
    // The table's workflows, in its order: every flow of the example project.
    const listed = /<!-- permissions ([^>]+?) -->/
      .exec(table)![1]!
      .split(/\s+/)
      .map((file) => path.relative(FLOWS_DIR, file));
    expect([...listed].sort()).toEqual(flows);
    const rows = [...table.matchAll(/^\| (.*) \|$/gm)]
      .map((m) => m[1]!.split(' | '))
      .filter((cells) => cells[0] !== 'Workflow' && cells[0] !== '---');
    let workflow = '';
    let job = '';
    const seen = rows.map(([file, name, scope, why]) => {
      workflow = file || workflow;
      job = name || job;
      return { workflow: workflow.replace(/`/g, ''), job: job.replace(/`/g, ''), scope: scope!, why: why! };
    });
    type Row = { workflow: string; job: string; scope: string; why: unknown };
    const expected = listed.flatMap((file) => {
      const text = readFileSync(path.join(root, FLOWS_DIR, file), 'utf8');
      const doc = parse(text) as { jobs: Record<string, { permissions: Record<string, string> }> };
      return Object.entries(doc.jobs).flatMap(([name, spec]): Row[] => {
        const scopes = Object.entries(spec.permissions);
        if (scopes.length === 0) return [{ workflow: file, job: name, scope: 'none', why: expect.any(String) }];
        return scopes.map(([scope, level]) => {
          // The reason is the comment on the scope's own line, the first such line after the job's key.
          const after = text.slice(text.indexOf(`\n  ${name}:\n`));
          const line = after.split('\n').find((l) => new RegExp(`^\\s+${scope}: ${level}\\s+#`).test(l));
          return {
            workflow: file,
            job: name,
            scope: `\`${scope}: ${level}\``,
            why: line?.split('#').slice(1).join('#').trim(),
          };
        });
      });
    });
    expect(seen).toEqual(expected);
    for (const row of seen) expect(row.why.length).toBeGreaterThan(5);
  });
});
