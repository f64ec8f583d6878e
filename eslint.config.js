import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Dependencies point one way: actions and cli → engine → github → core. Nothing imports the cli.
const noCli = {
  group: ['@mlgate/cli', '@mlgate/cli/*'],
  message: 'nothing imports the CLI: shared use cases live in @mlgate/engine.',
};
const noEngine = { group: ['@mlgate/engine', '@mlgate/engine/*'], message: 'the engine sits above github and core.' };
const noGithub = { group: ['@mlgate/github'], message: 'core is pure: GitHub I/O lives in @mlgate/github.' };

export default tseslint.config(
  { ignores: ['**/dist/**', '**/.build/**', '**/node_modules/**', 'coverage/**', '.tmp/**', '.mlgate/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{js,mjs}'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly' } },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['packages/*/src/**/*.ts', 'actions/*/src/**/*.ts'],
    ignores: ['packages/cli/src/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noCli] }] },
  },
  {
    files: ['packages/github/src/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noCli, noEngine] }] },
  },
  {
    files: ['packages/core/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            noCli,
            noEngine,
            noGithub,
            { group: ['@actions/*', '@octokit/*', 'octokit'], message: 'core is pure: no GitHub clients.' },
            { group: ['node:child_process', 'child_process'], message: 'core is pure: no processes.' },
          ],
        },
      ],
    },
  },
);
