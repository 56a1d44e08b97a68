// Lint: typescript-eslint's recommended rules, plus the layering invariant that the
// core never imports the LSP runtime or VS Code (only protocol types).
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/out/**', 'dist/**', '.vscode-test/**', 'bench/workspaces/**', 'test/corpus/**', '**/*.js', '**/*.mjs', '**/*.cjs'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-namespace': 'off',
    },
  },
  {
    files: ['server/src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'vscode', message: 'The core never imports the vscode API.' },
            { name: 'vscode-languageserver', message: 'The core uses protocol types only; adapt in server/src/lsp/.' },
            { name: 'vscode-languageserver/node', message: 'The core uses protocol types only; adapt in server/src/lsp/.' },
          ],
          patterns: [{ group: ['node:*', 'fs', 'path', 'worker_threads'], message: 'The core reaches files only through the Workspace interface.' }],
        },
      ],
    },
  },
);
