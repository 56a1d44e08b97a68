// Lint: typescript-eslint's recommended rules, plus the layering invariants (ARCHITECTURE.md):
// the core imports neither the LSP runtime, VS Code, Node, nor the adapters around it; the
// client reaches the server only through the shared protocol; method names of the custom
// requests are written only in shared/protocol.ts; the front ends (lsp/, cli/) reach the core only
// through NotesService, and the language server does not import the command line. In the engine
// (core/, node/) an object literal does not spread first and add fields after (core/extended.ts).
import tseslint from 'typescript-eslint';

const methodLiteral = {
  selector: 'Literal[value=/^groundedNotes\\u002F/]',
  message: 'Custom LSP methods are declared once, in shared/protocol.ts: import the RequestType/NotificationType from there.',
};

/** `{ ...base, field }` or `{ ...base, ...more }`: on Node 20 every such copy gets a hidden class of its own (core/extended.ts). */
const spreadThenFields = {
  selector: 'ObjectExpression > SpreadElement:first-child ~ *',
  message:
    'A spread followed by fields gives every copy a hidden class of its own on Node 20 (1.1 µs each, reads megamorphic): use extended(base, { … }) from core/extended.ts, or write the fields out.',
};

/** What the front ends (lsp/, cli/) may not import: the core's internals behind NotesService. */
const coreInternals = {
  group: [
    '**/core/features/*',
    '**/core/dates/*',
    '**/core/links/*',
    '**/core/quotes/*',
    '**/core/view.js',
    '**/core/workspaceIndex.js',
    '**/core/counts.js',
  ],
  message: 'Front ends ask the core through NotesService (core/api.ts): add a method there rather than reach its internals.',
};

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/out/**',
      'dist/**',
      '.vscode-test/**',
      'bench/workspaces/**',
      'test-results/**',
      'test/corpus/**',
      '**/*.js',
      '**/*.mjs',
      '**/*.cjs',
    ],
  },
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
    // The engine: what runs per file, link and problem on a vault of 10,000 notes.
    files: ['server/src/core/**/*.ts', 'server/src/node/**/*.ts'],
    rules: { 'no-restricted-syntax': ['error', methodLiteral, spreadThenFields] },
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
            {
              name: 'vscode-languageserver-protocol',
              message: "The core uses protocol types only (vscode-languageserver-types); the transport is the adapters' business.",
            },
            { name: 'vscode-jsonrpc', message: "The core uses protocol types only; the transport is the adapters' business." },
          ],
          patterns: [
            { group: ['node:*', 'fs', 'path', 'worker_threads'], message: 'The core reaches files only through the Workspace interface.' },
            {
              group: ['**/lsp/*', '**/cli/*', '**/node/*'],
              message: 'The core is used by the adapters (lsp/, cli/, node/), never the other way round.',
            },
            {
              // shared/anchorKey.ts, the anchor-name rule the client applies too, imports nothing.
              group: ['**/shared/*', '!**/shared/anchorKey.js'],
              message: 'The wire protocol belongs to the adapters: the core returns its own types and lsp/ sends them.',
            },
          ],
        },
      ],
    },
  },
  {
    // The front ends reach the core through NotesService (core/api.ts), never its internals.
    files: ['server/src/lsp/**/*.ts', 'server/src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [coreInternals],
        },
      ],
    },
  },
  {
    files: ['server/src/lsp/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            coreInternals,
            {
              group: ['**/cli/*'],
              message: 'The language server does not depend on the command line (the command line starts the server, not the reverse).',
            },
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
          patterns: [
            {
              group: ['**/server/src/**', '**/server/out/**'],
              message: 'The client talks to the server over LSP only: share types through shared/protocol.ts.',
            },
          ],
        },
      ],
    },
  },
);
