// Lint carries the architecture: type-checked rules for the TypeScript sources, and the
// layer boundaries (what the engine, the features and the CLI may import) as import bans,
// so a wrong import fails `npm run lint` where it is written. Formatting is Prettier's.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const editorPackages = ['vscode', 'vscode-*'];

// Everything outside the engine goes through its public face, server/src/engine/index.ts.
const engineInternals = {
  // hours.ts is a leaf module with no imports: the webview's browser bundle takes it alone.
  group: ['**/engine/*', '!**/engine/index', '!**/engine/hours', '**/engine/*/**'],
  message: 'Import the engine through its index (server/src/engine/index.ts), not its internals.',
};

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', 'test-fixtures/**'] },
  js.configs.recommended,
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // node:test's test() and describe() return promises the runner itself awaits.
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          allowForKnownSafeCalls: [
            { from: 'package', package: 'node:test', name: ['test', 'describe', 'it', 'suite'] },
          ],
        },
      ],
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Rules and feature tables are objects of methods called through their object.
      '@typescript-eslint/unbound-method': 'off',
      // Methods that satisfy an async interface without awaiting are fine as they are.
      '@typescript-eslint/require-await': 'off',
      // Custom protocol messages are declared as namespaces, as vscode-languageserver does.
      '@typescript-eslint/no-namespace': 'off',
    },
  },
  {
    // Tests read JSON from processes and files on purpose; typing every parsed report
    // would add casts, not safety. The source keeps the full type-checked set.
    files: ['**/test/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // Tests match ANSI colour codes on purpose.
      'no-control-regex': 'off',
    },
  },
  {
    files: ['scripts/ui-check.mjs', 'scripts/ui-shots.mjs', 'scripts/ui-graph.mjs', 'scripts/test-vsix.mjs'],
    // Its page.evaluate callbacks run in the browser.
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['client/test/suite/**/*.ts'],
    languageOptions: { globals: { ...globals.mocha } },
  },
  {
    // The engine is pure: no Node built-ins, no editor or protocol packages.
    files: ['server/src/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({ name, message: 'The engine is pure: no Node built-ins.' })),
          patterns: [{ group: editorPackages, message: 'The engine is pure: no editor or LSP packages.' }],
        },
      ],
    },
  },
  {
    // Features are pure functions of an analysis: LSP packages for their types only.
    files: ['server/src/features/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({ name, message: 'Features are pure: no Node built-ins.' })),
          patterns: [
            { group: editorPackages, allowTypeImports: true, message: 'Features import LSP packages for types only.' },
            engineInternals,
          ],
        },
      ],
    },
  },
  {
    files: ['server/src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            engineInternals,
            { group: ['**/features/**'], message: 'The CLI uses the engine, not the LSP features.' },
            { group: editorPackages, message: 'The CLI does not speak LSP.' },
          ],
        },
      ],
    },
  },
  {
    // The agent tools' logic is pure, as the features are: the hosts (MCP, the language server) do the I/O.
    files: ['server/src/agents/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({ name, message: 'The agent tools are pure: no Node built-ins.' })),
          patterns: [{ group: editorPackages, message: 'The agent tools speak no editor protocol.' }, engineInternals],
        },
      ],
    },
  },
  {
    files: [
      'server/src/lsp/**/*.ts',
      'server/src/node/**/*.ts',
      'server/src/mcp/**/*.ts',
      'server/src/*.ts',
      'client/src/**/*.ts',
    ],
    rules: { 'no-restricted-imports': ['error', { patterns: [engineInternals] }] },
  },
);
