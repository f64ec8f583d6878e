/**
 * The package arrows (actions and cli → engine → github → core; nothing imports the cli) are lint
 * rules, so a wrong import fails `pnpm lint`. These cases prove each rule fires on the files it
 * guards and stays quiet where the import is allowed.
 */
import { describe, expect, it } from '@jest/globals';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const eslint = new ESLint({ cwd: root });

async function restrictedImports(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: path.join(root, file) });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('package dependency rules', () => {
  it.each([
    ['actions/compare/src/main.ts', "import { runCli } from '@mlgate/cli';\nrunCli;\n"],
    ['actions/validate/src/main.ts', "import { x } from '@mlgate/cli/lib';\nx;\n"],
    ['packages/engine/src/compare/run-compare.ts', "import { runCli } from '@mlgate/cli';\nrunCli;\n"],
    ['packages/github/src/index.ts', "import { runCli } from '@mlgate/cli';\nrunCli;\n"],
  ])('%s may not import the CLI', async (file, source) => {
    expect(await restrictedImports(file, source)).toEqual([expect.stringContaining('nothing imports the CLI')]);
  });

  it.each([
    ["import * as core from '@actions/core';\ncore;\n", 'no GitHub clients'],
    ["import { Octokit } from '@octokit/core';\nOctokit;\n", 'no GitHub clients'],
    ["import { spawn } from 'node:child_process';\nspawn;\n", 'no processes'],
    ["import { runCompare } from '@mlgate/engine';\nrunCompare;\n", 'the engine sits above'],
    ["import { createOctokit } from '@mlgate/github';\ncreateOctokit;\n", 'GitHub I/O lives in'],
  ])('core may not import %j', async (source, message) => {
    expect(await restrictedImports('packages/core/src/stats/ks.ts', source)).toEqual([
      expect.stringContaining(message),
    ]);
  });

  it('the github package may not import the engine', async () => {
    const source = "import { runCompare } from '@mlgate/engine';\nrunCompare;\n";
    expect(await restrictedImports('packages/github/src/index.ts', source)).toEqual([
      expect.stringContaining('the engine sits above'),
    ]);
  });

  it('allows the imports the arrows allow', async () => {
    expect(
      await restrictedImports(
        'actions/compare/src/main.ts',
        "import { runCompare } from '@mlgate/engine';\nrunCompare;\n",
      ),
    ).toEqual([]);
    expect(
      await restrictedImports('packages/cli/src/cli.ts', "import { runCompare } from '@mlgate/engine';\nrunCompare;\n"),
    ).toEqual([]);
    expect(
      await restrictedImports('packages/engine/src/index.ts', "import * as core from '@actions/core';\ncore;\n"),
    ).toEqual([]);
  });
});
