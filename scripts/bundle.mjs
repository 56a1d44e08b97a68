#!/usr/bin/env node
// Bundles the extension, the language server and the command line with esbuild.
// `--production` minifies and drops source maps (for the .vsix).
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const production = process.argv.includes('--production');

const entries = [
  { in: 'client/src/extension.ts', out: 'dist/extension.js', external: ['vscode'] },
  { in: 'server/src/lsp/main.ts', out: 'dist/server.js' },
  { in: 'server/src/cli/main.ts', out: 'dist/cli.js' },
  { in: 'server/src/node/indexWorker.ts', out: 'dist/indexWorker.js' },
];

for (const e of entries) {
  if (!existsSync(join(root, e.in))) {
    console.log(`bundle: ${e.in} does not exist yet, skipped`);
    continue;
  }
  await build({
    entryPoints: [join(root, e.in)],
    outfile: join(root, e.out),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: e.external ?? [],
    minify: production,
    sourcemap: production ? false : 'linked',
    logLevel: 'warning',
    // ESM dependencies (unified, remark) may read import.meta.url; give CJS a value for it.
    define: { 'import.meta.url': 'importMetaUrl' },
    banner: { js: "const importMetaUrl = require('url').pathToFileURL(__filename).href;" },
    // jsonc-parser's `main` is a UMD build whose requires esbuild cannot follow; its ES module build bundles.
    alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
  });
  console.log(`bundle: ${e.out}`);
}
