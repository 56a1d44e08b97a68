// Lint: typescript-eslint's recommended rules, plus the layering invariants (ARCHITECTURE.md):
// the core imports neither the LSP runtime, VS Code, Node, nor the adapters around it; the
// client reaches the server only through the shared protocol; method names of the custom
// requests are written only in shared/protocol.ts.
import tseslint from 'typescript-eslint';

const methodLiteral = {
  selector: "Literal[value=/^groundedNotes\\u002F/]",
  message: 'Custom LSP methods are declared once, in shared/protocol.ts: import the RequestType/NotificationType from there.',
};

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/out/**', 'dist/**', '.vscode-test/**', 'bench/workspaces/**', 'test-results/**', 'test/corpus/**', '**/*.js', '**/*.mjs', '**/*.cjs'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-namespace': 'off',
      'no-restricted-syntax': ['error', methodLiteral],
    },
  },
  {
    files: ['shared/protocol.ts'],
    rules: { 'no-restricted-syntax': 'off' },
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
            { name: 'vscode-languageserver-protocol', message: 'The core uses protocol types only (vscode-languageserver-types); the transport is the adapters\' business.' },
            { name: 'vscode-jsonrpc', message: 'The core uses protocol types only; the transport is the adapters\' business.' },
          ],
          patterns: [
            { group: ['node:*', 'fs', 'path', 'worker_threads'], message: 'The core reaches files only through the Workspace interface.' },
            { group: ['**/lsp/*', '**/cli/*', '**/node/*'], message: 'The core is used by the adapters (lsp/, cli/, node/), never the other way round.' },
            { group: ['**/shared/*'], message: 'The wire protocol belongs to the adapters: the core returns its own types and lsp/ sends them.' },
          ],
        },
      ],
    },
  },
  {
    files: ['client/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ group: ['**/server/src/**', '**/server/out/**'], message: 'The client talks to the server over LSP only: share types through shared/protocol.ts.' }],
        },
      ],
    },
  },
);
